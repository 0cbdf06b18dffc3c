// The SDK in a module worker, in Chromium, under the payment page policy: it initialises there
// and validates/encodes a cart of 2000 lines off the main thread.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, site, skipReason, startMock, strictPage } from './browser.mjs';

describe('OrderKit in a module worker', { skip: skipReason() }, () => {
  let work;
  let mock;
  let chromium;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'orderkit-worker-'));
    cpSync(site, work, { recursive: true });
    cpSync(new URL('./pages', import.meta.url), work, { recursive: true });
    mock = await startMock(['--static', work]);
    chromium = await launch();
  });
  after(async () => {
    await chromium?.close();
    await mock?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('initialises, validates and encodes a big cart inside a module worker', async () => {
    const page = await strictPage(chromium.browser);
    await page.goto(`${mock.url}/worker.html`);
    await page.waitForFunction(() => window.__results, null, { timeout: 30_000 });
    const r = await page.evaluate(() => window.__results);
    assert.equal(r.error, undefined, r.error);
    assert.equal(r.inWorker, true);
    assert.equal(r.lines, 2000);
    assert.equal(r.roundTrip, true);
    assert.ok(r.jsonBytes > 100_000, String(r.jsonBytes));
    assert.match(r.misfitPath, /^OrderDetails\[7\]\.OrderDetail\.SimTypeId$/);
    assert.deepEqual(await page.allProblems(), []);
  });
});
