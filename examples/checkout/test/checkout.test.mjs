// End-to-end: the checkout page in headless Chromium against orderkit-mock serving the page
// (--static) and the APIs on one origin. Fills the forms, submits, and checks what the user sees:
// the confirmation, inline field errors, and the server's 400. Screenshots go to the build dir.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const site = process.env.ORDERKIT_CHECKOUT_DIR;
const mockExe = process.env.ORDERKIT_MOCK;
const chromiumExe = process.env.ORDERKIT_CHROMIUM || '/usr/bin/chromium';
const artifacts = process.env.ORDERKIT_ARTIFACTS_DIR || tmpdir();
const missing = [[site, 'the staged page'], [mockExe, 'orderkit-mock (native build)'], [chromiumExe, 'chromium']]
  .filter(([p]) => !p || !existsSync(p)).map(([, what]) => what);
const skip = missing.length ? `not available: ${missing.join(', ')}` : false;

let mock;
let url;
let browser;
let profile;

/** Starts orderkit-mock on a free port and resolves with its URL once it prints its ready line. */
function startMock() {
  const child = spawn(mockExe, ['--host', '127.0.0.1', '--port', '0', '--mode', 'echo', '--log', 'off', '--static', site],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = /orderkit-mock listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`orderkit-mock exited (${code}): ${seen}`)));
  });
}

async function openPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  page.problems = problems;
  return page;
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
    ({ child: mock, url } = await startMock());
    mkdirSync(artifacts, { recursive: true });
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'orderkit-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExe, headless: true, viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    if (mock && mock.exitCode === null) {
      mock.removeAllListeners('exit');
      await new Promise((r) => { mock.once('exit', r); mock.kill('SIGTERM'); });
    }
    if (profile) rmSync(profile, { recursive: true, force: true });
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
    assert.deepEqual(page.problems, []);
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
    assert.deepEqual(page.problems, []);
  });
});
