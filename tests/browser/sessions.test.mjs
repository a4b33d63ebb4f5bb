// A session in a real browser, on the demo network's planned proposal: the coordinator opens the
// run sheet of session 1, breaks a time rule and sees the warning (also in the print layout),
// records the session with a tip, and finds the tip in the knowledge base and through the
// members' read-only link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, login, startApp } from './support.mjs';

let app;
before(async () => {
  app = await startApp({ demo: 'planned' });
});
after(async () => {
  await app?.stop();
});

const TIP = 'Deel een werkbus met een collega-ondernemer uit de buurt';

test('run sheet, time rules, capture and knowledge base', { timeout: 180000 }, async () => {
  const page = await app.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await login(page, COORDINATOR.email, COORDINATOR.password);

  // The run sheet: programme with clock times, questions, participants, sector data.
  await page.goto('/beheer/sessies/1/draaiboek');
  await page.getByRole('heading', { name: 'Draaiboek praktijktafel 1' }).waitFor();
  assert.match(await page.textContent('main'), /Startvraag:/);
  assert.match(await page.textContent('main'), /Actievraag:/);
  assert.equal(await page.locator('.regels').count(), 0, 'the default programme meets the rules');
  await app.screenshot(page, 'draaiboek');

  // Fifteen minutes from the own cases to the welcome: landing is too long.
  const welcome = page.locator('#m-welcome');
  const cases = page.locator('#m-own_cases');
  const w = Number(await welcome.inputValue());
  const c = Number(await cases.inputValue());
  await welcome.fill(String(w + 15));
  await cases.fill(String(c - 15));
  await Promise.all([
    page.waitForURL('**/beheer/sessies/1/draaiboek'),
    page.getByRole('button', { name: 'Programma opslaan' }).click(),
  ]);
  const warning = page.locator('.regels[role=alert]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /voldoet niet aan de regels/);
  assert.equal(await welcome.inputValue(), String(w + 15), 'the edit is saved');
  await app.screenshot(page, 'draaiboek-regel-gebroken');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('form').first().isVisible(), false, 'forms are not printed');
  assert.ok(await warning.isVisible(), 'the warning is printed');
  await app.screenshot(page, 'draaiboek-afdruk');
  await page.emulateMedia({ media: 'screen' });

  // Record the session.
  await page.goto('/beheer/sessies/1/verslag');
  await page.getByRole('heading', { name: 'Verslag van praktijktafel 1' }).waitFor();
  await page.locator('#soort-0').selectOption('bottleneck');
  await page.locator('#thema-0').fill('personeel');
  await page.locator('#tekst-0').fill('Vacatures blijven maanden open staan');
  await page.locator('#soort-1').selectOption('tip');
  await page.locator('#thema-1').fill('personeel');
  await page.locator('#tekst-1').fill(TIP);
  await page.locator('#inzicht-1').fill('Samen werven loont');
  await page.locator('#inzicht-2').fill('Stagiairs vroeg binden');
  await page.locator('#inzicht-3').fill('Vaker bellen dan mailen');
  await Promise.all([
    page.waitForURL('**/beheer/sessies/1/verslag?opgeslagen=1'),
    page.getByRole('button', { name: 'Verslag opslaan' }).click(),
  ]);
  await page.getByRole('status').filter({ hasText: 'Verslag opgeslagen' }).waitFor();
  await app.screenshot(page, 'verslag');

  // Find the tip in the knowledge base.
  await page.goto('/beheer/kennisbank');
  await page.getByLabel('Tekst').fill('werkbus');
  await Promise.all([
    page.waitForURL('**/beheer/kennisbank?**'),
    page.getByRole('button', { name: 'Zoeken' }).click(),
  ]);
  assert.match(await page.textContent('main'), new RegExp(TIP));
  assert.match(await page.textContent('main'), /1 resultaat\./);
  assert.equal(
    await page.locator('figure.grafiek svg title').textContent(),
    'Knelpunten per thema per kwartaal',
  );
  await app.screenshot(page, 'kennisbank');

  // The members' link works without logging in.
  const link = await page.getByRole('link', { name: 'leeslink voor leden' }).first().getAttribute('href');
  const anonymous = await app.newPage();
  await anonymous.goto(link);
  await anonymous.getByRole('heading', { name: 'Kennisbank van de praktijktafels' }).waitFor();
  assert.match(await anonymous.textContent('main'), new RegExp(TIP));
  assert.doesNotMatch(await anonymous.textContent('main'), /Uitloggen/);
  await app.screenshot(anonymous, 'kennisbank-leden');
});
