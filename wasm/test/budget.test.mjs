// The checkout page's download budget: browser.mjs, every module it imports (statically, however
// deep) and the .wasm, gzip -9, at most 150 KiB. Size, not speed: the same build always gives the
// same bytes, so this cannot flake; the timing budgets are in wasm/bench/browser-budgets.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageDir } from './support.mjs';

const BUDGET_KIB = 150;

/** browser.mjs and the package modules it reaches through static imports, each once. */
function pageModules(entry) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(join(packageDir, name), 'utf8');
    // Minified or not: `import x from "./a.mjs"`, `import{a}from'./b.mjs'`, `import "./c.mjs"`.
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.mjs)["']/g)) visit(m[1]);
  };
  visit(entry);
  return [...seen].sort();
}

test(`what a checkout page downloads is at most ${BUDGET_KIB} KiB gzip -9`, () => {
  const files = [...pageModules('browser.mjs'), 'orderkit-core.wasm'];
  // The module graph the page really loads (browser-budgets.mjs lists it from Chromium's requests).
  for (const f of ['client.mjs', 'errors.mjs', 'orderkit-core.mjs', 'sdk.mjs']) assert.ok(files.includes(f), f);
  let gz = 0;
  for (const f of files) gz += gzipSync(readFileSync(join(packageDir, f)), { level: 9 }).length;
  const kib = gz / 1024;
  console.log(`page download: ${files.join(', ')}: ${kib.toFixed(1)} KiB gzip -9`);
  assert.ok(kib <= BUDGET_KIB, `${kib.toFixed(1)} KiB gzip -9 is over the ${BUDGET_KIB} KiB budget (${files.join(', ')})`);
});
