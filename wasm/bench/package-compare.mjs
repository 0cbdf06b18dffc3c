// Two builds of the orderkit package side by side, for docs/benchmarks.md: which one is smaller,
// and by how much each call is slower or faster, measured in one Node process with the two
// builds' calls interleaved, so that the load of a shared machine falls on both alike.
//   node wasm/bench/package-compare.mjs <package A> <package B> [--rounds 15] [--batch 200]
// Prints the gzip -9 size of what a page downloads from each (the .wasm and the browser entry's
// .mjs files), then per call on the 002 OrderCreationRequest sample: the median CPU time per
// call of each build over the rounds, and B / A with the spread (the middle half of the rounds'
// ratios). A round runs one batch of A, one of B (or B then A, alternately).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (dirs.length !== 2) {
  console.log('usage: node package-compare.mjs <package A> <package B> [--rounds N] [--batch N]');
  process.exit(2);
}
const rounds = Number(opt('--rounds', '15'));
const batch = Number(opt('--batch', '200'));

// What browser.mjs imports, directly or not, and the .wasm.
const PAGE_FILES = ['orderkit-core.wasm', 'orderkit-core.mjs', 'orderkit-core.wasm.integrity.mjs', 'browser.mjs',
  'errors.mjs', 'sdk.mjs', 'client.mjs', 'result.mjs'];
function pageSize(dir) {
  let raw = 0;
  let gz = 0;
  for (const f of PAGE_FILES) {
    if (!existsSync(join(dir, f))) continue;
    const bytes = readFileSync(join(dir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

const cpuUs = () => { const u = process.cpuUsage(); return u.user + u.system; };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const quartiles = (xs) => { const s = [...xs].sort((a, b) => a - b); return [s[Math.floor(s.length / 4)], s[Math.floor(3 * s.length / 4)]]; };

const builds = [];
for (const dir of dirs) {
  const { default: OrderKit } = await import(pathToFileURL(join(dir, 'node.mjs')).href);
  const ok = await OrderKit.init();
  const R = ok.mobile.models.OrderCreationRequest;
  const obj = R.fromJson(R.toJson(R.sample()));
  const json = R.toJson(obj);
  const xml = R.toXml(obj);
  builds.push({
    dir, size: pageSize(dir),
    calls: {
      validate: () => R.validate(obj), toJson: () => R.toJson(obj), fromJson: () => R.fromJson(json),
      toXml: () => R.toXml(obj), fromXml: () => R.fromXml(xml),
    },
  });
}

const kib = (n) => (n / 1024).toFixed(1);
for (const [i, b] of builds.entries()) {
  console.log(`${'AB'[i]}: ${b.dir}: page downloads ${kib(b.size.raw)} KiB raw, ${kib(b.size.gz)} KiB gzip -9`);
}
console.log(`B - A: ${kib(builds[1].size.gz - builds[0].size.gz)} KiB gzip -9\n`);
console.log(`call | A µs | B µs | B / A (middle half of ${rounds} rounds)`);
for (const name of Object.keys(builds[0].calls)) {
  const fns = builds.map((b) => b.calls[name]);
  for (const fn of fns) for (let i = 0; i < 100; ++i) fn(); // warm-up
  const per = [[], []];
  const ratios = [];
  for (let r = 0; r < rounds; ++r) {
    const order = r % 2 ? [1, 0] : [0, 1];
    const t = [0, 0];
    for (const k of order) {
      const s = cpuUs();
      for (let i = 0; i < batch; ++i) fns[k]();
      t[k] = (cpuUs() - s) / batch;
    }
    per[0].push(t[0]);
    per[1].push(t[1]);
    ratios.push(t[1] / t[0]);
  }
  const [lo, hi] = quartiles(ratios);
  console.log(`${name} | ${median(per[0]).toFixed(1)} | ${median(per[1]).toFixed(1)} | ${median(ratios).toFixed(2)} ` +
    `(${lo.toFixed(2)}-${hi.toFixed(2)})`);
}
