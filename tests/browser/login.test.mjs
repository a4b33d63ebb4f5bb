// Log-in page in a real browser: a good password reaches the inbox, a wrong one shows the Dutch
// error, and a form posted without its CSRF token is refused (log-in and log-out forms).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, login, startApp } from './support.mjs';

let app;
before(async () => {
  app = await startApp({ demo: 'none' });
});
after(async () => {
  await app?.stop();
});

test('the log-in page has labelled fields and logs a coordinator in', async () => {
  const page = await app.newPage();
  const response = await page.goto('/inloggen');
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  await app.screenshot(page, 'inloggen');
  await login(page, COORDINATOR.email, COORDINATOR.password);
  assert.equal(new URL(page.url()).pathname, '/beheer');
  await assert.doesNotReject(
    page.getByRole('heading', { name: 'Meldingen' }).waitFor({ timeout: 5000 }),
  );
  assert.match(await page.textContent('body'), /Ingelogd als/);
  await app.screenshot(page, 'beheer');
});

test('a wrong password shows the Dutch error and no session', async () => {
  const page = await app.newPage();
  await login(page, COORDINATOR.email, 'dit-is-niet-het-wachtwoord');
  assert.equal(new URL(page.url()).pathname, '/inloggen');
  const alert = page.getByRole('alert');
  assert.equal(
    (await alert.textContent()).trim(),
    'Het e-mailadres of het wachtwoord klopt niet.',
  );
  const cookies = await page.context().cookies();
  assert.ok(!cookies.some((c) => c.name === 'tp_sessie'), 'no session cookie after a failure');
  await app.screenshot(page, 'inloggen-fout');

  // Without a session the inbox sends the visitor to the log-in page.
  await page.goto('/beheer');
  assert.equal(new URL(page.url()).pathname, '/inloggen');
});

test('a log-in form without its CSRF token is refused', async () => {
  const page = await app.newPage();
  await page.goto('/inloggen');
  await page.locator('input[name="csrf"]').evaluate((el) => el.remove());
  await page.getByLabel('E-mailadres').fill(COORDINATOR.email);
  await page.getByLabel('Wachtwoord').fill(COORDINATOR.password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ]);
  assert.equal(response.status(), 403);
  await page.waitForLoadState('load');
  await assert.doesNotReject(
    page.getByRole('heading', { name: 'Formulier verlopen' }).waitFor({ timeout: 5000 }),
  );
  const cookies = await page.context().cookies();
  assert.ok(!cookies.some((c) => c.name === 'tp_sessie'), 'refused form gives no session');
  await app.screenshot(page, 'inloggen-zonder-csrf');
});

test('a logged-in form with a wrong CSRF token is refused and changes nothing', async () => {
  const page = await app.newPage();
  await login(page, COORDINATOR.email, COORDINATOR.password);
  assert.equal(new URL(page.url()).pathname, '/beheer');
  await page
    .locator('form[action="/uitloggen"] input[name="csrf"]')
    .evaluate((el) => el.setAttribute('value', 'vervalst'));
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Uitloggen' }).click(),
  ]);
  assert.equal(response.status(), 403);
  // Still logged in: the refused log-out did nothing.
  await page.goto('/beheer');
  assert.equal(new URL(page.url()).pathname, '/beheer');
});
