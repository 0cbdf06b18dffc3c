// The package's budgets in Chromium, for docs/benchmarks.md (issue: CSP, size, start-up, calls):
//   node wasm/bench/browser-budgets.mjs <package dir> --mock build/native/mockserver/orderkit-mock
//        [--chromium /usr/bin/chromium] [--loads 20] [--compare <other package dir> [--compare-strict]] [--stages]
//        [--preload] [--latency MS]
// Serves the package with orderkit-mock --static (application/wasm, so streaming compilation;
// the payment page policy, so no eval) and prints:
//   - the gzip -9 size of what a page downloads (browser.mjs and its imports, and the .wasm);
//   - OrderKit.init() to ready (fetch + compile + instantiate + embind registration + `ok`),
//     performance.now() in the page, over N cold loads (a new browser context each: empty HTTP
//     and code caches), median and p95;
//   - per-call cost of validate, toJson and fromJson on the 002 OrderCreationRequest sample;
//   - with --stages, where init's time goes, over the same number of cold loads of a page that
//     starts the module step by step as browser.mjs does (taken in turn with the others): the fetch
//     with its integrity check (the browser's, over the whole body), compilation, instantiation, the
//     module's start (static constructors: embind's registrations), building the `ok` object.
// --preload also loads a page that preloads the .wasm (<link rel="preload" as="fetch">), as the
// checkout page does, and prints when each page was ready, from its navigation start.
// --latency MS has Chromium delay every answer by MS, as a real network would.
// --compare runs the same on a second build, its loads taken in turn with the first's (e.g. one
// linked with -sDYNAMIC_EXECUTION=1, which needs eval: it is served without a policy, unless
// --compare-strict serves it with the payment page policy too).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const dir = args[0];
const mockExe = opt('--mock', 'build/native/mockserver/orderkit-mock');
const chromiumPath = opt('--chromium', '/usr/bin/chromium');
const loads = Number(opt('--loads', '20'));
const compare = opt('--compare', '');
const stagesWanted = args.includes('--stages');
const compareStrict = args.includes('--compare-strict');
const preloadWanted = args.includes('--preload');
const latency = Number(opt('--latency', '0'));
if (!dir || dir.startsWith('--')) {
  console.log('usage: node browser-budgets.mjs <package dir> --mock <orderkit-mock> [--chromium PATH] [--loads N] [--compare DIR [--compare-strict]] [--stages] [--preload] [--latency MS]');
  process.exit(2);
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="bench.mjs"></script></head><body></body></html>`;
const BENCH = `
import OrderKit from './orderkit/browser.mjs';
const t0 = performance.now();
const ok = await OrderKit.init();
const init = performance.now() - t0;
const calls = {};
if (new URL(location.href).searchParams.has('calls')) {
  const R = ok.mobile.models.OrderCreationRequest;
  const obj = R.fromJson(R.toJson(R.sample()));
  const json = R.toJson(obj);
  const cases = { validate: () => R.validate(obj), toJson: () => R.toJson(obj), fromJson: () => R.fromJson(json) };
  for (const [name, fn] of Object.entries(cases)) {
    for (let i = 0; i < 200; ++i) fn();
    const batches = [];
    for (let b = 0; b < 7; ++b) {
      const s = performance.now();
      for (let i = 0; i < 300; ++i) fn();
      batches.push((performance.now() - s) / 300);
    }
    batches.sort((a, b) => a - b);
    calls[name] = batches[3];
  }
  calls.jsonBytes = json.length;
}
window.__bench = { init, ready: performance.now(), calls };
`;

// The same start as browser.mjs, step by step, with the time after each step.
const STAGES = `
import createOrderKitModule from './orderkit/orderkit-core.mjs';
import integrity from './orderkit/orderkit-core.wasm.integrity.mjs';
import { buildOrderKit } from './orderkit/sdk.mjs';
const url = new URL('./orderkit/orderkit-core.wasm', import.meta.url);
const t = { start: performance.now() };
const m = await createOrderKitModule({
  instantiateWasm(imports, receive) {
    fetch(url, { integrity }).then((response) => {
      t.fetched = performance.now();
      return WebAssembly.compileStreaming(response);
    }).then((module) => {
      t.compiled = performance.now();
      return WebAssembly.instantiate(module, imports).then((instance) => {
        t.instantiated = performance.now();
        receive(instance, module);
      });
    });
    return {};
  },
});
t.started = performance.now();
buildOrderKit(m);
t.built = performance.now();
const stages = { fetch: t.fetched - t.start, compile: t.compiled - t.fetched,
  instantiate: t.instantiated - t.compiled, start: t.started - t.instantiated, build: t.built - t.started,
  total: t.built - t.start };
window.__bench = { stages };
`;

function startMock(site, csp) {
  const child = spawn(mockExe, ['--host', '127.0.0.1', '--port', '0', '--log', 'off', '--static', site,
    ...(csp === undefined ? [] : ['--static-csp', csp])],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c) => {
      seen += c;
      const m = /listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`orderkit-mock exited (${code})`)));
  });
}

const kib = (n) => (n / 1024).toFixed(1);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** A package served by its own mock, and what its loads measured. */
async function serve(pkg, csp) {
  const site = mkdtempSync(join(tmpdir(), 'orderkit-budgets-'));
  cpSync(pkg, join(site, 'orderkit'), { recursive: true });
  writeFileSync(join(site, 'index.html'), PAGE);
  writeFileSync(join(site, 'bench.mjs'), BENCH);
  writeFileSync(join(site, 'stages.html'), PAGE.replace('bench.mjs', 'stages.mjs'));
  writeFileSync(join(site, 'stages.mjs'), STAGES);
  writeFileSync(join(site, 'preload.html'), PAGE.replace('<script',
    '<link rel="preload" href="orderkit/orderkit-core.wasm" as="fetch" crossorigin="anonymous"><script'));
  const mock = await startMock(site, csp);
  return {
    pkg, csp, site, mock, downloaded: new Map(), inits: [], readies: [], preloaded: [], stages: [], calls: {}, violations: 0,
    stop() { mock.stop(); rmSync(site, { recursive: true, force: true }); },
  };
}

/** One cold load (a new browser context: empty HTTP and code caches) of a page: its __bench. */
async function load(chromium, subject, path) {
  const context = await chromium.newContext();
  const page = await context.newPage();
  if (latency > 0) {
    // Chromium's own network emulation: every request waits this long for its answer, as over a
    // real network (localhost answers in well under a millisecond).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) subject.violations += 1; });
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.replace(/^\/orderkit\//, '');
    if (/\.(mjs|wasm)$/.test(name) && !/^\/(bench|stages)\.mjs$/.test(name)) subject.downloaded.set(name, true);
  });
  await page.goto(`${subject.mock.url}${path}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 60_000 });
  const r = await page.evaluate(() => window.__bench);
  await context.close();
  return r;
}

/**
 * The loads of every page of every package in turn, so that all see the same moments of the
 * machine and of the browser (its first contexts are slower than later ones, and on a shared
 * machine the load moves within a minute): a comparison is a ratio taken side by side.
 */
async function measure(chromium, subjects) {
  for (let i = 0; i < loads; ++i) {
    for (const s of subjects) {
      const plain = await load(chromium, s, '/');
      s.inits.push(plain.init);
      s.readies.push(plain.ready);
      if (preloadWanted) s.preloaded.push((await load(chromium, s, '/preload.html')).ready);
      if (stagesWanted) s.stages.push((await load(chromium, s, '/stages.html')).stages);
    }
  }
  for (const s of subjects) s.calls = (await load(chromium, s, '/?calls')).calls;
  for (const s of subjects) {
    s.files = [...s.downloaded.keys()].sort();
    s.raw = 0;
    s.gz = 0;
    for (const f of s.files) {
      const bytes = readFileSync(join(s.pkg, f));
      s.raw += bytes.length;
      s.gz += gzipSync(bytes, { level: 9 }).length;
    }
    for (const xs of [s.inits, s.readies, s.preloaded]) xs.sort((x, y) => x - y);
  }
}

const { chromium: pw } = await import('playwright-core');
const chromium = await pw.launch({
  executablePath: chromiumPath, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const subjects = [];
try {
  subjects.push(await serve(dir, undefined));
  if (compare) subjects.push(await serve(compare, compareStrict ? undefined : ''));
  await measure(chromium, subjects);
  for (const r of subjects) {
    console.log(`\n${r.pkg}${r.csp === undefined ? ' (payment page policy)' : ' (no policy)'}`);
    console.log(`downloaded by the page: ${r.files.join(', ')}`);
    console.log(`size: ${kib(r.raw)} KiB raw, ${kib(r.gz)} KiB gzip -9`);
    console.log(`OrderKit.init() to ready, ${r.inits.length} cold loads: median ${quantile(r.inits, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(r.inits, 0.95).toFixed(1)} ms, min ${r.inits[0].toFixed(1)} ms, max ${r.inits.at(-1).toFixed(1)} ms`);
    console.log(`per call on the 002 sample (${r.calls.jsonBytes} B JSON), median of 7 batches of 300: ` +
      ['validate', 'toJson', 'fromJson'].map((k) => `${k} ${(r.calls[k] * 1000).toFixed(1)} µs`).join(', '));
    if (r.preloaded.length) {
      console.log(`page ready (from navigation start), median: ${quantile(r.readies, 0.5).toFixed(1)} ms; ` +
        `with a preload of the .wasm: ${quantile(r.preloaded, 0.5).toFixed(1)} ms`);
    }
    console.log(`CSP violations: ${r.violations}`);
    if (r.stages.length) {
      console.log(`init step by step, ${r.stages.length} cold loads, ms: median (min-p95)`);
      for (const k of Object.keys(r.stages[0])) {
        const xs = r.stages.map((s) => s[k]).sort((a, b) => a - b);
        console.log(`  ${k}: ${quantile(xs, 0.5).toFixed(1)} (${xs[0].toFixed(1)}-${quantile(xs, 0.95).toFixed(1)})`);
      }
    }
  }
  if (subjects.length === 2) {
    const [a, b] = subjects.map((r) => quantile(r.inits, 0.5));
    console.log(`\ninit median, first / second package: ${(a / b).toFixed(2)}`);
  }
} finally {
  for (const s of subjects) s.stop();
  await chromium.close();
}
