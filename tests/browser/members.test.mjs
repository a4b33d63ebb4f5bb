// Members and replies pages in a real browser on the demo network, after the demo proposal is
// approved (so there are invitations): search a member, open their contact history, follow it
// to the session's replies page (groups, funnel chart, call list), and the accounts page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, login, startApp } from './support.mjs';

let app;
before(async () => {
  app = await startApp();
  await app.cli(['approve', '1']);
});
after(async () => {
  await app?.stop();
});

test('search a member, open their history and their session replies', async () => {
  const page = await app.newPage();
  await login(page, COORDINATOR.email, COORDINATOR.password);
  await page.goto('/beheer/leden');
  await page.getByRole('heading', { name: 'Leden' }).waitFor({ timeout: 5000 });
  assert.match(await page.textContent('body'), /\d+ leden gevonden/);
  await app.screenshot(page, 'leden');

  // A member with an invitation not yet answered (the API twin, with the page's cookie).
  const api = await page.request.get('/api/leden?beantwoord=nee');
  assert.equal(api.status(), 200);
  const { members } = await api.json();
  assert.ok(members.length > 0, 'approving invited people');
  const member = members[0];

  await page.getByLabel('Naam of bedrijf').fill(member.name);
  await page.getByLabel('Heeft geantwoord').selectOption('nee');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/\/beheer\/leden\?/);
  assert.match(await page.textContent('[role="status"]'), /[1-9]\d* (lid|leden) gevonden/);
  await app.screenshot(page, 'leden-zoeken');

  await page.getByRole('link', { name: member.company, exact: true }).first().click();
  await page.waitForURL(`**/beheer/leden/${member.id}`);
  await page.getByRole('heading', { name: 'Contactgeschiedenis' }).waitFor({ timeout: 5000 });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), member.name);
  assert.match(await page.textContent('body'), /uitnodiging/);
  await app.screenshot(page, 'lid-geschiedenis');

  // The history links to the session; its replies page shows the groups, chart and call list.
  await page.locator('a[href$="/antwoorden"]').first().click();
  await page.waitForURL(/\/beheer\/sessies\/\d+\/antwoorden$/);
  await page.getByRole('heading', { name: /Antwoorden voor tafel/ }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('svg[role="img"]').count(), 1);
  assert.match(await page.locator('svg title').textContent(), /^Uitgenodigd \d+, geantwoord 0/);
  assert.match(await page.textContent('body'), /Nog geen antwoord \([1-9]/);
  const csv = await page.request.get(
    await page.getByRole('link', { name: 'Belijst downloaden (CSV)' }).getAttribute('href'),
  );
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /^\uFEFFnaam;bedrijf;telefoon\r\n/);
  await app.screenshot(page, 'sessie-antwoorden');
});

test('the accounts page lists the coordinator and adds a partner', async () => {
  const page = await app.newPage();
  await login(page, COORDINATOR.email, COORDINATOR.password);
  await page.getByRole('link', { name: 'Leden' }).waitFor({ timeout: 5000 }).catch(() => {});
  await page.goto('/beheer/accounts');
  await page.getByRole('heading', { name: 'Accounts' }).waitFor({ timeout: 5000 });
  await page.getByLabel('E-mailadres').fill('partner@vakwerk-gv.example.nl');
  await page.getByLabel('Rol').selectOption('partner');
  await page.getByLabel('Netwerk (voor een netwerkpartner)').selectOption({ index: 1 });
  await page.getByLabel(/Eerste wachtwoord/).fill('partner-wachtwoord-lang');
  await page.getByRole('button', { name: 'Account toevoegen' }).click();
  await page.waitForURL('**/beheer/accounts');
  assert.match(await page.textContent('table'), /partner@vakwerk-gv\.example\.nl/);
  await app.screenshot(page, 'accounts');
});
