// The coordinator reviews the demo round's proposal in a real browser: opens it from the rounds
// page, pins someone, re-solves (the pin holds and the changes are shown), approves, and the
// daemon's dispatcher writes the invitations into the local outbox folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { COORDINATOR, DEMO_NETWORK, login, startApp } from './support.mjs';

let app;
before(async () => {
  app = await startApp({ demo: 'planned' });
});
after(async () => {
  await app?.stop();
});

// Files the folder sender wrote (one .eml per mail, one .json per WhatsApp request).
function outboxFiles() {
  if (!fs.existsSync(app.outboxDir)) return [];
  return fs.readdirSync(app.outboxDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.eml') || f.endsWith('.json'));
}

test('review, pin, re-solve and approve the demo proposal', { timeout: 180000 }, async () => {
  const page = await app.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await login(page, COORDINATOR.email, COORDINATOR.password);

  // The rounds page lists the demo round with its proposal.
  await page.goto('/beheer/rondes');
  await page.getByRole('heading', { name: 'Planningsrondes' }).waitFor();
  assert.match(await page.textContent('main'), new RegExp(DEMO_NETWORK));
  await app.screenshot(page, 'planningsrondes');
  await Promise.all([
    page.waitForURL('**/beheer/voorstellen/1'),
    page.getByRole('link', { name: 'Voorstel 1' }).click(),
  ]);

  // The proposal: week view, chart, unplaced people with reasons, versie 0.
  await page.getByRole('heading', { name: /^Voorstel 1 — / }).waitFor();
  assert.ok((await page.locator('section.week').count()) > 0, 'a week view');
  assert.ok((await page.locator('article.tafel').count()) > 0, 'sessions as blocks');
  assert.equal(await page.locator('figure.grafiek svg title').textContent(), 'Plaatsing per sector');
  assert.match(await page.textContent('main'), /versie 0/);
  assert.ok((await page.locator('table tbody tr').count()) > 0, 'unplaced people are listed');
  await app.screenshot(page, 'voorstel-1');

  // Pin the first person of the first session.
  const pinButton = page.locator('article.tafel button.mini', { hasText: 'Vastzetten' }).first();
  const label = await pinButton.getAttribute('aria-label');
  const pinnedName = label.replace(/ vastzetten$/, '');
  await Promise.all([page.waitForURL('**/beheer/voorstellen/1?gedaan=vastzetten'), pinButton.click()]);
  await page.getByRole('status').filter({ hasText: 'de persoon staat vast' }).waitFor();
  assert.match(await page.textContent('main'), /versie 1/);
  const pinnedLine = page.locator('ul.leden li', { hasText: pinnedName }).first();
  assert.match(await pinnedLine.textContent(), /vast/);
  await app.screenshot(page, 'voorstel-1-vastgezet');

  // Re-solve: a new proposal, the pin held, the changes against proposal 1 shown.
  await Promise.all([
    page.waitForURL('**/beheer/voorstellen/2?gedaan=herberekenen', { timeout: 60000 }),
    page.getByRole('button', { name: 'Opnieuw berekenen' }).click(),
  ]);
  await page.getByRole('heading', { name: /^Voorstel 2 — / }).waitFor();
  await page.getByRole('heading', { name: /Wijzigingen ten opzichte van voorstel 1/ }).waitFor();
  const stillPinned = page.locator('ul.leden li', { hasText: pinnedName }).first();
  assert.match(await stillPinned.textContent(), /vast/, `${pinnedName} is still pinned`);
  await app.screenshot(page, 'voorstel-2-herberekend');

  // Approve: the invitations are queued and the dispatcher writes them to the outbox folder.
  await Promise.all([
    page.waitForURL('**/beheer/voorstellen/2?gedaan=goedkeuren'),
    page.getByRole('button', { name: 'Goedkeuren en uitnodigen' }).click(),
  ]);
  await page.getByRole('status').filter({ hasText: 'Goedgekeurd' }).waitFor();
  assert.match(await page.textContent('main'), /goedgekeurd/);
  assert.equal(await page.getByRole('button', { name: 'Goedkeuren en uitnodigen' }).count(), 0);
  await app.screenshot(page, 'voorstel-2-goedgekeurd');

  let files = [];
  for (let i = 0; i < 120 && files.length === 0; ++i) {
    files = outboxFiles();
    if (files.length === 0) await sleep(500);
  }
  assert.ok(files.length > 0, `invitations in ${app.outboxDir}\n${app.daemonLog().slice(-2000)}`);
  const mail = files.find((f) => f.endsWith('.eml'));
  if (mail) {
    const text = fs.readFileSync(`${app.outboxDir}/${mail}`, 'utf8');
    assert.match(text, /^Subject:/m);
  }
});

test('the API answers 409 on a stale revision', async () => {
  const { stdout } = await app.cli(['tokens', 'add', COORDINATOR.email]);
  const token = stdout.trim();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const current = await fetch(`${app.baseURL}/api/voorstellen/2`, { headers });
  assert.equal(current.status, 200);
  const body = await current.json();
  assert.equal(body.status, 'approved');
  const stale = await fetch(`${app.baseURL}/api/voorstellen/1/vergrendelen`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ revision: 0, session: 1 }),
  });
  // Proposal 1 was superseded by the re-solve and is at revision 1: refused either way.
  assert.equal(stale.status, 409);
});
