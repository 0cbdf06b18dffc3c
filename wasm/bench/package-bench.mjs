// Sizes and speed of the orderkit wasm package, for docs/benchmarks.md:
//   node wasm/bench/package-bench.mjs <package dir> [--chromium /usr/bin/chromium] [--seconds 1]
// Prints .wasm/.mjs sizes (raw and gzip -9), module start-up in Node (and in Chromium when
// given), and JSON/XML encode/decode MB/s through the JavaScript API (plain object <-> text,
// including the conversion at the boundary) on the 002 OrderCreationRequest sample.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir || args.includes('--help')) {
  console.log('usage: node package-bench.mjs <package dir> [--chromium PATH] [--seconds N]');
  process.exit(dir ? 0 : 2);
}
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const seconds = Number(opt('--seconds', '1'));
const chromiumPath = opt('--chromium', '');

// ---- sizes ---------------------------------------------------------------------------------
const kib = (n) => (n / 1024).toFixed(1);
let totalRaw = 0;
let totalGz = 0;
console.log('file | raw KiB | gzip -9 KiB');
for (const f of readdirSync(dir).filter((f) => /\.(wasm|mjs)$/.test(f)).sort()) {
  const bytes = readFileSync(join(dir, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  totalRaw += bytes.length;
  totalGz += gz;
  console.log(`${f} | ${kib(bytes.length)} | ${kib(gz)}`);
}
console.log(`total | ${kib(totalRaw)} | ${kib(totalGz)}`);

// ---- start-up in Node ------------------------------------------------------------------------
const t0 = performance.now();
const { default: OrderKit } = await import(pathToFileURL(join(dir, 'node.mjs')).href);
const ok = await OrderKit.init();
console.log(`\nstart-up in Node (import + init): ${(performance.now() - t0).toFixed(1)} ms`);

// ---- throughput ----------------------------------------------------------------------------
// CPU time of this (single-threaded) process, not wall time: on a busy machine the wall clock
// mostly measures other processes.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function rate(label, bytes, fn) {
  for (let i = 0; i < 50; ++i) fn(); // warm-up
  let n = 0;
  const start = cpuMs();
  let now = start;
  while (now - start < seconds * 1000) {
    for (let i = 0; i < 20; ++i) fn();
    n += 20;
    now = cpuMs();
  }
  const mbs = (bytes * n) / ((now - start) / 1000) / 1e6;
  console.log(`${label} | ${mbs.toFixed(1)} MB/s | ${((now - start) * 1000 / n).toFixed(1)} µs/op`);
}
const Request = ok.mobile.models.OrderCreationRequest;
const obj = Request.fromJson(Request.toJson(Request.sample()));
const json = Request.toJson(obj);
const xml = Request.toXml(obj);
console.log(`\nJS API on the 002 sample (JSON ${json.length} B, XML ${xml.length} B), CPU time | MB/s of text | per call`);
rate('toJson (object -> JSON)', json.length, () => Request.toJson(obj));
rate('fromJson (JSON -> object)', json.length, () => Request.fromJson(json));
rate('toXml (object -> XML)', xml.length, () => Request.toXml(obj));
rate('fromXml (XML -> object)', xml.length, () => Request.fromXml(xml));
rate('validate (object)', json.length, () => Request.validate(obj));

// ---- start-up in Chromium --------------------------------------------------------------------
if (chromiumPath) {
  const page = `<!doctype html><script type="module">
    const t0 = performance.now();
    const { default: OrderKit } = await import('./browser.mjs');
    await OrderKit.init();
    window.__startup = performance.now() - t0;
  </script>`;
  const types = { '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const name = req.url.split('?')[0].slice(1);
    if (name === '' || name === 'index.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(page); }
    try {
      const body = readFileSync(join(dir, name));
      res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'orderkit-bench-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times = [];
  for (let i = 0; i < 5; ++i) {
    const p = await browser.newPage();
    await p.goto(url);
    await p.waitForFunction(() => window.__startup !== undefined, null, { timeout: 30_000 });
    times.push(await p.evaluate(() => window.__startup));
    await p.close();
  }
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
  const first = times[0];
  times.sort((a, b) => a - b);
  console.log(`\nstart-up in Chromium (import + fetch + compile + init), 5 page loads: first ${first.toFixed(1)} ms, ` +
    `median ${times[2].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[4].toFixed(1)} ms`);
}
