// Writes the package's Subresource Integrity hashes (sha384, as browsers check them):
//   orderkit-core.wasm.integrity.mjs  the .wasm's hash, which browser.mjs fetches it with
//   integrity.json                    { "<file>": "sha384-..." } for every .mjs and .wasm shipped
//   README.md                         the source README with the table of these hashes in place
//                                     of its `<!-- integrity -->` line
// Usage: node integrity.mjs <package-dir> <README.md source>
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, readme] = process.argv.slice(2);
if (!dir || !readme) throw new Error('usage: node integrity.mjs <package-dir> <README.md source>');
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;

writeFileSync(join(dir, 'orderkit-core.wasm.integrity.mjs'),
  '// Generated at build time: the Subresource Integrity hash of orderkit-core.wasm.\n' +
  `export default '${sri('orderkit-core.wasm')}';\n`);

const files = readdirSync(dir).filter((f) => /\.(mjs|wasm)$/.test(f)).sort();
const hashes = Object.fromEntries(files.map((f) => [f, sri(f)]));
writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);

const table = ['| file | integrity |', '|---|---|', ...files.map((f) => `| \`${f}\` | \`${hashes[f]}\` |`)].join('\n');
writeFileSync(join(dir, 'README.md'), readFileSync(readme, 'utf8').replace(/^<!-- integrity -->$/m, table));
