// The packed package (npm pack) installed into a shop's project and built by the shop's bundler:
// esbuild, Vite (production build) and webpack 5, pinned in the top-level package-lock.json. Each
// build is served by orderkit-mock (--static, payment page policy) and must place an order in
// headless Chromium, with no page error or CSP violation, and no .wasm copied by hand.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, skipReason, startMock, strictPage } from './browser.mjs';

const packageDir = process.env.ORDERKIT_PACKAGE_DIR;
const shopSources = fileURLToPath(new URL('./shop', import.meta.url));

async function buildEsbuild(shop, out) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: shop, entryPoints: { main: 'main-esbuild.mjs' }, bundle: true, format: 'esm', platform: 'browser',
    outdir: out, minify: true, loader: { '.wasm': 'file' }, logLevel: 'error',
  });
  writeFileSync(join(out, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./main.js"></script></head><body><p id="out"></p></body></html>');
}

async function buildVite(shop, out) {
  const { build } = await import('vite');
  await build({ root: shop, configFile: false, logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
}

async function buildWebpack(shop, out) {
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => webpack({
    mode: 'production', context: shop, entry: './main.mjs', target: 'web', devtool: false,
    output: { path: out, filename: 'main.js', publicPath: 'auto' },
  }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  writeFileSync(join(out, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script defer src="./main.js"></script></head><body><p id="out"></p></body></html>');
}

describe('the packed package in a shop\'s bundler build', { skip: skipReason([[packageDir, 'the built package']]) }, () => {
  let work;
  let shop;
  let chromium;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'orderkit-bundlers-'));
    shop = join(work, 'shop');
    mkdirSync(shop);
    const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [{ filename }] = JSON.parse(npm(['pack', packageDir, '--pack-destination', work, '--json', '--loglevel=error'], work));
    cpSync(shopSources, shop, { recursive: true });
    writeFileSync(join(shop, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }));
    npm(['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(work, filename)], shop);
    chromium = await launch();
  });
  after(async () => {
    await chromium?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const [name, build] of [['esbuild', buildEsbuild], ['Vite', buildVite], ['webpack 5', buildWebpack]]) {
    test(`${name}: the built page places an order`, async () => {
      const out = join(work, `out-${name.replace(/\W/g, '')}`);
      await build(shop, out);
      assert.ok(readdirSync(out, { recursive: true }).some((f) => String(f).endsWith('.wasm')), 'the build holds the .wasm');
      const mock = await startMock(['--static', out]);
      try {
        const page = await strictPage(chromium.browser);
        await page.goto(mock.url);
        await page.waitForFunction(() => window.__results, null, { timeout: 30_000 });
        const r = await page.evaluate(() => window.__results);
        assert.equal(r.error, undefined, r.error);
        assert.equal(r.failures, 0);
        assert.ok(r.placed > 0);
        assert.equal(r.apiErrorIsClass, true);
        assert.deepEqual(await page.allProblems(), []);
        await page.close();
      } finally {
        await mock.stop();
      }
    });
  }
});
