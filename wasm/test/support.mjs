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

/**
 * Starts the native orderkit-mock on a free port (ORDERKIT_MOCK) and resolves to { url, stop },
 * or to null when the binary is not built. Waits for its ready line, never for a fixed time.
 */
export async function startMock(args = []) {
  const { existsSync } = await import('node:fs');
  const { spawn } = await import('node:child_process');
  const exe = process.env.ORDERKIT_MOCK;
  if (!exe || !existsSync(exe)) return null;
  const child = spawn(exe, ['--host', '127.0.0.1', '--port', '0', '--log', 'off', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = /orderkit-mock listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`orderkit-mock exited with ${code} before it was ready: ${seen}`)));
    child.on('error', reject);
  });
  child.removeAllListeners('exit');
  return {
    url,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}
