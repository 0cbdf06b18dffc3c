// End-to-end: the checkout page in headless Chromium against orderkit-mock serving the page
// (--static, with the strict payment page policy) and the APIs on one origin. Fills the forms,
// submits, and checks what the user sees: the confirmation, inline field errors, and the server's
// 400, with no page error and no CSP violation. Then Subresource Integrity: a changed byte in the
// .wasm or a .mjs stops the page with a message. Screenshots go to the build dir.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, launch, site, skipReason, startMock, strictPage } from './browser.mjs';

const skip = skipReason();

let mock;
let url;
let browser;
let closeBrowser;

async function openPage(at = url) {
  const page = await strictPage(browser);
  const response = await page.goto(at);
  page.csp = response.headers()['content-security-policy'] ?? '';
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return page;
}

/** Nothing went wrong on the page: no page error, no CSP violation (e.g. an eval). */
async function assertClean(page) {
  assert.deepEqual(await page.allProblems(), []);
}

const fill = (page, form, path, value) => page.fill(`#${form}-form [data-path="${path}"]`, value);
const errorsShown = (page) => page.$$eval('.error', (els) => Object.fromEntries(els.map((e) => [e.dataset.errorFor, e.textContent])));
const shot = (page, name) => page.screenshot({ path: join(artifacts, name), fullPage: true });

async function fillValidMobileOrder(page) {
  await page.click('#plans label:nth-child(3)'); // Max
  await page.check('input[name="number"][value="port"]');
  await fill(page, 'mobile', 'OrderDetails[0].OrderDetail.PhoneNumber', '+47 912 34 567');
  await page.selectOption('[data-path="OrderDetails[0].OrderDetail.DonorOperatorCode"]', 'TELIA');
  await fill(page, 'mobile', 'OrderDetails[0].OrderDetail.TempNumberStartDate', '2026-12-01');
  await page.check('input[name="sim"][value="2"]');
  for (const [path, value] of [
    ['NewBillingAddress.Firstname', 'Ingrid'], ['NewBillingAddress.Lastname', 'Berg'],
    ['NewBillingAddress.Address.Email', 'ingrid.berg@example.com'], ['NewBillingAddress.Address.Street', 'Storgata'],
    ['NewBillingAddress.Address.HouseNumber', '12'], ['NewBillingAddress.Address.ZipCode', '0155'],
    ['NewBillingAddress.Address.City', 'Oslo'], ['OrderDetails[0].VoluntaryTopupAmount', '100.50'],
  ]) await fill(page, 'mobile', path, value);
}

describe('checkout page in Chromium', { skip }, () => {
  before(async () => {
    mock = await startMock(['--static', site]);
    url = mock.url;
    mkdirSync(artifacts, { recursive: true });
    ({ browser, close: closeBrowser } = await launch());
  });
  after(async () => {
    await closeBrowser?.();
    await mock?.stop();
  });

  test('the page is served with the payment page policy (no unsafe-eval) and starts under it', async () => {
    const page = await openPage();
    assert.match(page.csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(page.csp, /'unsafe-eval'|'unsafe-inline'/);
    // Every SDK call the page does not make itself, under the same policy.
    const calls = await page.evaluate(async () => {
      const { default: OrderKit } = await import('./orderkit/browser.mjs');
      const ok = await OrderKit.init();
      const out = [];
      for (const api of ['broadband', 'contracts', 'mobile', 'licenses']) {
        for (const [name, m] of Object.entries(ok[api].models)) {
          const sample = m.sample();
          const back = m.fromJson(m.toJson(sample));
          if (m.toXml) m.fromXml(m.toXml(back));
          m.validate(back);
          out.push(`${api}.${name}`);
        }
      }
      return out;
    });
    assert.ok(calls.length >= 8, calls.join());
    await assertClean(page);
  });

  test('the .wasm is preloaded with the page and fetched once, the preload used by init()', async () => {
    // The preload starts the download while the page's modules load; init() fetches it with its
    // integrity hash, and the browser hands it the preloaded response (checked: see the tests below).
    const page = await openPage();
    assert.equal(page.wasmRequests, 1);
    const initiators = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm')).map((e) => e.initiatorType));
    assert.deepEqual(initiators, ['link']); // not 'fetch': init() got the preloaded response
    await assertClean(page);
    await page.close();
  });

  test('a valid mobile order is placed and confirmed', async () => {
    const page = await openPage();
    await fillValidMobileOrder(page);
    assert.deepEqual(await errorsShown(page), {});
    await page.click('#mobile-form button[type="submit"]');
    await page.waitForSelector('#confirmation:not([hidden])', { timeout: 15_000 });
    const text = await page.textContent('#confirmation');
    assert.match(text, /Thank you, your order is placed/);
    assert.match(text, /Order\s*#\d+/);
    assert.match(text, /eSIM/);
    await shot(page, 'checkout-confirmation.png');
    await assertClean(page);
  });

  test('an empty or mistyped form shows inline errors and sends nothing', async () => {
    const page = await openPage();
    let posted = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posted += 1; });
    await page.click('#mobile-form button[type="submit"]');
    let errors = await errorsShown(page);
    assert.equal(errors['NewBillingAddress.Firstname'], 'Enter first name');
    assert.ok(Object.keys(errors).length >= 7, JSON.stringify(errors));
    assert.match(await page.textContent('#banner'), /Please check \d+ fields/);

    // Values the SDK itself rejects (the page passes them through as typed).
    await fillValidMobileOrder(page);
    await fill(page, 'mobile', 'OrderDetails[0].OrderDetail.TempNumberStartDate', '2026-13-01');
    await fill(page, 'mobile', 'OrderDetails[0].VoluntaryTopupAmount', '12,50');
    await fill(page, 'mobile', 'NewBillingAddress.Address.ZipCode', '01');
    errors = await errorsShown(page);
    assert.deepEqual(Object.keys(errors).sort(), [
      'NewBillingAddress.Address.ZipCode', 'OrderDetails[0].OrderDetail.TempNumberStartDate', 'OrderDetails[0].VoluntaryTopupAmount',
    ]);
    assert.match(errors['OrderDetails[0].OrderDetail.TempNumberStartDate'], /YYYY-MM-DD/);
    assert.match(errors['OrderDetails[0].VoluntaryTopupAmount'], /amount/);
    assert.equal(await page.getAttribute('[data-path="OrderDetails[0].VoluntaryTopupAmount"]', 'aria-invalid'), 'true');
    await page.click('#mobile-form button[type="submit"]');
    await shot(page, 'checkout-invalid.png');
    assert.equal(posted, 0);
    assert.ok(await page.isHidden('#confirmation'));
  });

  test("the server's 400 is shown to the user", async () => {
    const page = await openPage();
    // The mock answers 400 when asked to by X-Mock-Status; the page itself is unchanged.
    await page.route('**/mobile/api/orders', (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-mock-status': '400' } }));
    await fillValidMobileOrder(page);
    await page.click('#mobile-form button[type="submit"]');
    await page.waitForSelector('#banner:not([hidden]) >> text=/not accepted/', { timeout: 15_000 });
    const text = await page.textContent('#banner');
    assert.match(text, /The order was not accepted \(400/);
    assert.match(text, /Reference:/);
    assert.ok(await page.isHidden('#confirmation'));
    await shot(page, 'checkout-server-400.png');
    await assertClean(page);
  });

  test('screenshots for the README: desktop and a 390 px phone', async () => {
    for (const [name, size] of [['checkout-desktop.png', { width: 1280, height: 900 }], ['checkout-phone.png', { width: 390, height: 844 }]]) {
      const page = await openPage();
      await page.setViewportSize(size);
      await fillValidMobileOrder(page);
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      await page.screenshot({ path: join(artifacts, name), fullPage: false });
      await assertClean(page);
      await page.close();
    }
  });


  test('the broadband tab validates the access ID and places the order', async () => {
    const page = await openPage();
    await page.click('#tab-broadband');
    await fill(page, 'broadband', 'AccessId', 'not-a-guid');
    await fill(page, 'broadband', 'StartDate', '2099-01-15');
    for (const [path, value] of [
      ['Customer.Firstname', 'Ola'], ['Customer.Lastname', 'Nordmann'], ['Customer.Email', 'ola@example.com'],
      ['Customer.StreetName', 'Fjordveien'], ['Customer.StreetNumber', '3'], ['Customer.Zipcode', '5003'],
      ['Customer.City', 'Bergen'],
    ]) await fill(page, 'broadband', path, value);
    await page.click('#broadband-form button[type="submit"]');
    assert.match((await errorsShown(page)).AccessId, /access ID looks like/);
    await fill(page, 'broadband', 'AccessId', '9c802615-aee5-42b8-9d2e-b09e57bb100c');
    await page.click('#broadband-form button[type="submit"]');
    await page.waitForSelector('#confirmation:not([hidden])', { timeout: 15_000 });
    assert.match(await page.textContent('#confirmation'), /9c802615-aee5-42b8-9d2e-b09e57bb100c/);
    await shot(page, 'checkout-broadband.png');
    await assertClean(page);
  });
});

describe('Subresource Integrity of the checkout page', { skip }, () => {
  let work;
  let closeIt;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'orderkit-sri-'));
    ({ browser, close: closeIt } = await launch());
  });
  after(async () => {
    await closeIt?.();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the staged page loads the SDK with integrity attributes from integrity.json', () => {
    const html = readFileSync(join(site, 'index.html'), 'utf8');
    const hashes = JSON.parse(readFileSync(join(site, 'orderkit', 'integrity.json'), 'utf8'));
    for (const file of ['browser.mjs', 'sdk.mjs', 'orderkit-core.mjs']) {
      assert.ok(html.includes(`<link rel="modulepreload" href="orderkit/${file}" integrity="${hashes[file]}">`), file);
    }
    assert.match(html, /<script type="module" src="app.mjs" integrity="sha384-[A-Za-z0-9+/]{64}">/);
    assert.match(hashes['orderkit-core.wasm'], /^sha384-/);
  });

  /**
   * The staged site with one byte of `file` changed (or the file removed), served by its own mock:
   * the page's text.
   */
  async function tampered(file, { remove = false } = {}) {
    const dir = join(work, `${remove ? 'no_' : ''}${file.replace(/\W/g, '_')}`);
    cpSync(site, dir, { recursive: true });
    if (remove) {
      rmSync(join(dir, file));
    } else {
      const bytes = readFileSync(join(dir, file));
      const at = file.endsWith('.wasm') ? bytes.length - 2 : bytes.indexOf(0x2f /* the first '/' of a comment */);
      bytes[at] ^= 0x01;
      writeFileSync(join(dir, file), bytes);
    }
    const server = await startMock(['--static', dir]);
    try {
      const page = await strictPage(browser);
      await page.goto(server.url);
      await page.waitForSelector('body[data-failed="true"]', { timeout: 30_000 });
      assert.equal(await page.getAttribute('body', 'data-ready'), null);
      const text = await page.textContent('#loading');
      await page.close();
      return text;
    } finally {
      await server.stop();
    }
  }

  test('a changed byte in the .wasm stops the page with a clear message', async () => {
    const text = await tampered('orderkit/orderkit-core.wasm');
    assert.match(text, /^The checkout could not start: .*orderkit-core\.wasm failed its integrity check \(expected sha384-/);
  });
  test('a missing .wasm is reported as missing, not as a changed file', async () => {
    // The browser's own integrity check fails as a bare network error; the SDK must tell the two apart.
    const text = await tampered('orderkit/orderkit-core.wasm', { remove: true });
    assert.match(text, /^The checkout could not start: could not load \S*orderkit-core\.wasm: 404/);
    assert.doesNotMatch(text, /integrity/);
  });
  test('a changed byte in a .mjs of the SDK stops the page with a clear message', async () => {
    const text = await tampered('orderkit/sdk.mjs');
    assert.match(text, /^The checkout could not start: orderkit\/sdk\.mjs could not be loaded or failed its integrity check/);
  });
});
