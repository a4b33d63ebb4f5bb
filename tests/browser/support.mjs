// Shared set-up for the browser tests (run with `node --test tests/browser/`).
//
// startApp() gives a test file its own world:
//   - a fresh temporary state directory with a configuration made from the bundled demo
//     network (config/demo/demo.toml; database, outbox and keys in the temporary directory),
//   - the demo data loaded through the real CLI, as a coordinator would type it: members,
//     calendar and availability imported, and (by default) one planned, not yet approved
//     proposal,
//   - a coordinator account (COORDINATOR.email / COORDINATOR.password),
//   - the built daemon (path from env TAFEL_BIN) serving on a free loopback port,
//   - headless Debian chromium driven by playwright-core.
// app.stop() ends the daemon and the browser and removes the state directory (kept when
// TAFEL_KEEP_STATE is set, for debugging). Screenshots go to env TAFEL_SCREENSHOTS (default
// build/browser-screenshots at the repository root).
//
// Typical use:
//   import { before, after, test } from 'node:test';
//   import { startApp, login, COORDINATOR } from './support.mjs';
//   let app;
//   before(async () => { app = await startApp(); });
//   after(async () => { await app?.stop(); });
//   test('...', async () => {
//     const page = await app.newPage();
//     await login(page, COORDINATOR.email, COORDINATOR.password);
//     await app.screenshot(page, 'beheer');
//   });

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_DIR = path.join(REPO_ROOT, 'config', 'demo');
export const DEMO_NETWORK = 'Coöperatie Vakwerk Gelderse Vallei';
export const COORDINATOR = Object.freeze({
  email: 'coordinator@vakwerk-gv.example.nl',
  password: 'demo-wachtwoord-lang-genoeg',
});
export const SCREENSHOT_DIR = path.resolve(
  REPO_ROOT,
  process.env.TAFEL_SCREENSHOTS || path.join('build', 'browser-screenshots'),
);

// The built `tafelplanner` binary (env TAFEL_BIN; CTest sets it).
export function tafelBinary() {
  const bin = process.env.TAFEL_BIN;
  if (!bin) throw new Error('TAFEL_BIN is not set: point it at the built tafelplanner binary');
  if (!fs.existsSync(bin)) throw new Error(`TAFEL_BIN: ${bin} does not exist`);
  return bin;
}

// A TCP port on 127.0.0.1 that was free a moment ago.
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// The demo's planning period: the period its availability answers cover.
export function demoPeriod() {
  const doc = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'beschikbaarheid.json'), 'utf8'));
  return { from: doc.period.from, to: doc.period.to };
}

// config/demo/demo.toml with every path absolute and the address set to `port`.
function demoConfig(stateDir, port) {
  const url = `http://127.0.0.1:${port}`;
  const text = fs.readFileSync(path.join(DEMO_DIR, 'demo.toml'), 'utf8');
  const replaced = text
    .replace(/^database = .*$/m, `database = ${JSON.stringify(path.join(stateDir, 'demo.db'))}`)
    .replace(/^# state_dir = .*$/m, `state_dir = ${JSON.stringify(stateDir)}`)
    .replace(/^public_url = .*$/m, `public_url = "${url}"`)
    .replace(/^listen = .*$/m, `listen = "127.0.0.1:${port}"`)
    .replace(/^privacy_url = .*$/m, `privacy_url = "${url}/privacy"`)
    .replace(
      /^templates = "\.\.\/templates"$/m,
      `templates = ${JSON.stringify(path.join(REPO_ROOT, 'config', 'templates'))}`,
    );
  for (const key of ['database', 'state_dir', 'public_url', 'listen', 'templates'])
    if (!new RegExp(`^${key} = `, 'm').test(replaced))
      throw new Error(`demo.toml: could not set '${key}' for the browser tests`);
  return replaced;
}

// Runs the CLI to completion; resolves {code, stdout, stderr}; rejects when it fails and
// `check` is true (the default).
export function runCli(configPath, args, { input = '', check = true, timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(tafelBinary(), ['--config', configPath, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? 128, signal, stdout, stderr };
      if (check && code !== 0)
        reject(new Error(`tafelplanner ${args.join(' ')} failed (${code ?? signal}):\n${stderr}`));
      else resolve(result);
    });
    child.stdin.end(input);
  });
}

// Starts `serve` and waits for its `listening on http://...` line.
function startDaemon(configPath, port) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      tafelBinary(),
      ['--config', configPath, 'serve', '--listen', `127.0.0.1:${port}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    let ready = false;
    const timer = setTimeout(() => {
      if (!ready) {
        child.kill('SIGKILL');
        reject(new Error(`daemon did not start within 30 s:\n${stderr}`));
      }
    }, 30000);
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!ready && /listening on http:\/\/\S+\n/.test(stderr)) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, stderr: () => stderr });
      }
    });
    child.on('exit', (code, signal) => {
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`daemon ended before listening (${code ?? signal}):\n${stderr}`));
      }
    });
  });
}

function stopDaemon(child, timeoutMs = 10000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// Logs in through the log-in page (the page's context must have the app's baseURL, as
// app.newPage() gives) and waits for the response to the form.
export async function login(page, email, password) {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ]);
}

// Saves a full-page screenshot as `<SCREENSHOT_DIR>/<name>.png`; returns its path.
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Starts everything (see the top of this file). Options:
//   demo: 'planned' (default: imports + one proposal), 'imported' (imports only) or 'none'
//   planTimeLimitMs: solver time limit for the demo proposal (default 3000)
export async function startApp({ demo = 'planned', planTimeLimitMs = 3000 } = {}) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-browser-'));
  const port = await freePort();
  const configPath = path.join(stateDir, 'tafelplanner.toml');
  fs.writeFileSync(configPath, demoConfig(stateDir, port));
  const cli = (args, options) => runCli(configPath, args, options);

  let daemon = null;
  let browser = null;
  const cleanup = () => daemon?.child.kill('SIGKILL');
  process.once('exit', cleanup);
  try {
    if (demo !== 'none') {
      const { from, to } = demoPeriod();
      await cli(['import', 'members', path.join(DEMO_DIR, 'leden.csv'), '--network', DEMO_NETWORK]);
      await cli(['import', 'events', path.join(DEMO_DIR, 'agenda.ics'), '--network', DEMO_NETWORK,
        '--from', from, '--to', to]);
      await cli(['import', 'availability', path.join(DEMO_DIR, 'beschikbaarheid.json'),
        '--network', DEMO_NETWORK]);
      if (demo === 'planned')
        await cli(['plan', '--network', DEMO_NETWORK, '--from', from, '--to', to, '--theme',
          'Personeel vinden en houden', '--time-limit-ms', String(planTimeLimitMs)]);
    }
    await cli(['users', 'add', COORDINATOR.email, '--role', 'coordinator', '--password-stdin'],
      { input: `${COORDINATOR.password}\n` });

    daemon = await startDaemon(configPath, port);
    browser = await chromium.launch({
      executablePath: process.env.TAFEL_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox'],
    });
  } catch (err) {
    await browser?.close();
    if (daemon) await stopDaemon(daemon.child);
    process.removeListener('exit', cleanup);
    if (!process.env.TAFEL_KEEP_STATE) fs.rmSync(stateDir, { recursive: true, force: true });
    throw err;
  }

  const baseURL = `http://127.0.0.1:${port}`;
  const contexts = [];
  return {
    baseURL,
    port,
    stateDir,
    configPath,
    outboxDir: path.join(stateDir, 'outbox'),
    databasePath: path.join(stateDir, 'demo.db'),
    browser,
    cli,
    // The daemon's stderr so far (access log, errors), for assertion messages.
    daemonLog: () => daemon.stderr(),
    // A new page in a fresh browser context (own cookies) with relative URLs against the app.
    async newPage() {
      const context = await browser.newContext({ baseURL, locale: 'nl-NL' });
      contexts.push(context);
      return context.newPage();
    },
    // Adds an account; role 'partner' needs `network`.
    async addUser(email, password, role = 'coordinator', network = undefined) {
      const args = ['users', 'add', email, '--role', role, '--password-stdin'];
      if (network) args.push('--network', network);
      await cli(args, { input: `${password}\n` });
    },
    screenshot,
    async stop() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await stopDaemon(daemon.child);
      process.removeListener('exit', cleanup);
      if (!process.env.TAFEL_KEEP_STATE) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
