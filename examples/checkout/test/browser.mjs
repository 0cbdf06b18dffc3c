// Shared by the browser tests: orderkit-mock serving a folder (--static, which sends the payment
// page policy, see mockserver/include/orderkit/mock/server.hpp) on a free port, headless Chromium
// through playwright-core, and pages that record every page error and CSP violation.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const site = process.env.ORDERKIT_CHECKOUT_DIR;
export const mockExe = process.env.ORDERKIT_MOCK;
export const chromiumExe = process.env.ORDERKIT_CHROMIUM || '/usr/bin/chromium';
export const artifacts = process.env.ORDERKIT_ARTIFACTS_DIR || tmpdir();

/** false, or why the browser tests cannot run here (for node:test's `skip`). */
export function skipReason(extra = []) {
  const missing = [[site, 'the staged page'], [mockExe, 'orderkit-mock (native build)'], [chromiumExe, 'chromium'], ...extra]
    .filter(([p]) => !p || !existsSync(p)).map(([, what]) => what);
  if (!missing.length) return false;
  // The wasm test preset (the test command) runs these suites or fails: a set-up that lost
  // chromium must not pass as a run of no test.
  if (process.env.ORDERKIT_REQUIRE_BROWSER === '1') {
    throw new Error(`ORDERKIT_REQUIRE_BROWSER=1, but not available: ${missing.join(', ')} (run scripts/setup.sh)`);
  }
  return `not available: ${missing.join(', ')}`;
}

/** Starts orderkit-mock on a free port; resolves with { url, stop } once it prints its ready line. */
export function startMock(args) {
  const child = spawn(mockExe, ['--host', '127.0.0.1', '--port', '0', '--mode', 'echo', '--log', 'off', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = /orderkit-mock listening on (http:\/\/\S+)/.exec(seen);
      if (m) {
        child.removeAllListeners('exit');
        resolve({
          url: m[1],
          stop: () => new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`orderkit-mock exited (${code}): ${seen}`)));
  });
}

/** Headless Chromium with a throw-away profile: { browser, close }. */
export async function launch({ width = 1280, height = 900 } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'orderkit-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExe, headless: true, viewport: { width, height },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/**
 * A new page whose `problems` lists every uncaught page error and Content-Security-Policy
 * violation (from the document and its workers), so a test can require there were none, and
 * which counts its requests for a `.wasm`.
 */
export async function strictPage(browser) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
    // e.g. a preload the page did not use, or one whose attributes the browser ignores
    if (m.type() !== 'log' && /preload/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.wasmRequests = 0;
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) page.wasmRequests += 1; });
  page.on('worker', (w) => w.on('console', (m) => {
    if (m.type() === 'error') problems.push(`worker console: ${m.text()}`);
  }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ??= []).push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);
    });
  });
  page.problems = problems;
  page.allProblems = async () => [...problems,
    ...(await page.evaluate(() => window.__cspViolations ?? []).catch(() => [])).map((v) => `CSP violation: ${v}`)];
  return page;
}
