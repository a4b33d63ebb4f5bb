// The import page in a real browser: a coordinator uploads the demo member list
// (config/demo/leden.csv), sees the per-line report of the dry run, confirms, and the members are
// in the database; the uploaded file does not stay behind in the state directory.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { COORDINATOR, DEMO_DIR, DEMO_NETWORK, login, startApp } from './support.mjs';

let app;
before(async () => {
  app = await startApp({ demo: 'none' });
});
after(async () => {
  await app?.stop();
});

function pendingUploads() {
  const dir = path.join(app.stateDir, 'uploads');
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
}

test('upload the demo member list, see the report, confirm', async () => {
  const page = await app.newPage();
  await login(page, COORDINATOR.email, COORDINATOR.password);
  const form = await page.goto('/beheer/import');
  assert.equal(form.status(), 200);
  await page.getByLabel('Ledenlijst (CSV)').check();
  await page.getByLabel('Netwerk').selectOption({ label: DEMO_NETWORK });
  await page.getByLabel(/^Bestand/).setInputFiles(path.join(DEMO_DIR, 'leden.csv'));
  await app.screenshot(page, 'import-formulier');

  const [report] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Controleren' }).click(),
  ]);
  await page.waitForLoadState('load');
  assert.equal(report.status(), 200, app.daemonLog());
  const status = await page.getByRole('status').textContent();
  assert.match(status, /^Klaar om in te lezen: \d+ nieuw/);
  assert.equal(pendingUploads(), 2, 'the file and its metadata wait for the confirmation');
  await app.screenshot(page, 'import-rapport');

  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Bevestigen' }).click(),
  ]);
  await page.waitForLoadState('load');
  const done = await page.getByRole('status').textContent();
  assert.match(done, /^Ingelezen: \d+ nieuw/);
  const added = Number(/Ingelezen: (\d+) nieuw/.exec(done)[1]);
  assert.ok(added > 100, `the demo list has more than 100 members, got ${added}`);
  assert.equal(pendingUploads(), 0, 'the uploaded file is deleted after the import');
  await app.screenshot(page, 'import-klaar');

  const exported = await app.cli(['members', 'export', '--format', 'json']);
  assert.equal(JSON.parse(exported.stdout).length, added);
});
