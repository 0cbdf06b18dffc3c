// The SDK in a module worker, in Chromium, under the payment page policy: it initialises there
// and validates/encodes a cart of 2000 lines off the main thread. And a page that hands over the
// .wasm itself (a URL of its own, the bytes, a compiled module), as init({ wasm }) allows.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // The .wasm where the package would not look for it, and a copy with one byte changed.
    const wasm = readFileSync(join(work, 'orderkit', 'orderkit-core.wasm'));
    mkdirSync(join(work, 'copy'));
    writeFileSync(join(work, 'copy', 'orderkit-core.wasm'), wasm);
    wasm[wasm.length - 2] ^= 0x01;
    writeFileSync(join(work, 'copy', 'changed.wasm'), wasm);
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

  /** wasm-options.html with `query`: its results, after checking the page had no problem. */
  async function withOwnWasm(query) {
    const page = await strictPage(chromium.browser);
    await page.goto(`${mock.url}/wasm-options.html?${query}`);
    await page.waitForFunction(() => window.__results, null, { timeout: 30_000 });
    const r = await page.evaluate(() => window.__results);
    const problems = await page.allProblems();
    await page.close();
    return { r, problems };
  }

  for (const via of ['url', 'bytes', 'module']) {
    test(`a page may hand over the .wasm itself: ${via === 'url' ? 'a URL of its own' : via === 'bytes' ? 'the bytes' : 'a compiled module'}`, async () => {
      const { r, problems } = await withOwnWasm(`via=${via}`);
      assert.equal(r.error, undefined, r.error);
      assert.equal(r.roundTrip, true);
      assert.ok(r.json > 1000, String(r.json));
      // Only the page's own copy was fetched (by the SDK for a URL, by the page otherwise): the
      // package's default location never was.
      assert.deepEqual(r.wasmRequests, ['/copy/orderkit-core.wasm']);
      assert.deepEqual(problems, []);
    });
  }

  test("a page's own URL is still checked against the package's hash", async () => {
    const { r } = await withOwnWasm('via=url&changed=1');
    assert.match(r.error ?? '', /^IntegrityError: .*changed\.wasm failed its integrity check \(expected sha384-/);
  });
});
