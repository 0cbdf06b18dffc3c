// Puts Subresource Integrity on the staged checkout page: every script and the stylesheet get an
// integrity attribute, and each module of the orderkit package a modulepreload link with the
// hash from its integrity.json, so the browser runs none of them if a byte has changed. The .wasm
// gets a preload, so that it downloads while the modules load; the preload carries no integrity
// (Chromium ignores it there and says so): init() fetches it with its hash, and the browser checks
// the preloaded response against it.
// Usage: node stage.mjs <site dir>   (after the page's files and orderkit/ are copied there)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const site = process.argv[2];
if (!site) throw new Error('usage: node stage.mjs <site dir>');
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(site, file))).digest('base64')}`;
const sdk = JSON.parse(readFileSync(join(site, 'orderkit', 'integrity.json'), 'utf8'));

let html = readFileSync(join(site, 'index.html'), 'utf8');
html = html.replace(/<(script[^>]*\bsrc|link rel="stylesheet" href)="([^"]+)"/g,
  (tag, start, file) => `<${start}="${file}" integrity="${sri(file)}"`);
const preloads = Object.entries(sdk).filter(([file]) => file.endsWith('.mjs'))
  .map(([file, hash]) => `<link rel="modulepreload" href="orderkit/${file}" integrity="${hash}">`)
  .concat('<link rel="preload" href="orderkit/orderkit-core.wasm" as="fetch" crossorigin="anonymous">');
html = html.replace(/^([ \t]*)<!-- orderkit:modulepreload -->$/m, (line, indent) => preloads.map((l) => indent + l).join('\n'));
writeFileSync(join(site, 'index.html'), html);
