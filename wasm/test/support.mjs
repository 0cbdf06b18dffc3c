// Shared by the tests: the package under test and the fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run the tests through ctest)`);
  return value;
}

export const packageDir = required('ORDERKIT_PACKAGE_DIR');
export const fixturesDir = required('ORDERKIT_FIXTURES_DIR');

/** The package's Node entry, loaded from the build output. */
export const { default: OrderKit, ...errors } = await import(pathToFileURL(join(packageDir, 'node.mjs')).href);

/**
 * Every fixture file: { api, model, role, format, compact, exact, text } ('OrderDetailResult[]'
 * for a collection). `.html` is the page's unindented JSON. Only 002's samples keep the server's
 * own whitespace (`exact`); the other pages reformatted theirs.
 */
export function fixtures() {
  const out = [];
  for (const api of readdirSync(fixturesDir).sort()) {
    for (const file of readdirSync(join(fixturesDir, api)).sort()) {
      const m = /^(.+)\.(request|response)\.(json|xml|html)$/.exec(file);
      if (!m) continue;
      out.push({ api, model: m[1], role: m[2], format: m[3] === 'xml' ? 'xml' : 'json', compact: m[3] === 'html',
                 exact: api === 'mobile', name: `${api}/${file}`,
                 text: readFileSync(join(fixturesDir, api, file), 'utf8') });
    }
  }
  return out;
}

/** The text without the one line end a file ends with. */
export const withoutFinalNewline = (s) => s.replace(/\r?\n$/, '');

/** JSON without whitespace between tokens, or XML without whitespace-only text between tags. */
export function normalize(text, format) {
  if (format === 'xml') return text.replace(/>\s+</g, '><').trim();
  let out = '';
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (inString) {
      out += c;
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}
