// `npm pack` of the build output is a package a shop can install: only the whitelisted files,
// and `import OrderKit from 'orderkit'` works from an installed copy (offline, from the tarball).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageDir } from './support.mjs';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('npm pack gives an installable package with only the whitelisted files', () => {
  const work = mkdtempSync(join(tmpdir(), 'orderkit-pack-'));
  try {
    const packed = JSON.parse(npm(['pack', packageDir, '--pack-destination', work, '--json', '--loglevel=error'], work));
    const files = packed[0].files.map((f) => f.path).sort();
    assert.deepEqual(files, ['README.md', 'browser.mjs', 'client.mjs', 'errors.mjs', 'index.d.mts', 'integrity.json',
      'models.d.mts', 'node.mjs', 'orderkit-core.mjs', 'orderkit-core.wasm', 'orderkit-core.wasm.integrity.mjs',
      'package.json', 'result.mjs', 'sdk.mjs']);
    const tarball = join(work, packed[0].filename);

    const app = join(work, 'shop');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }));
    npm(['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], app);
    assert.ok(readdirSync(join(app, 'node_modules', 'orderkit')).includes('orderkit-core.wasm'));
    writeFileSync(join(app, 'main.mjs'), `
      import OrderKit, { DecodeError } from 'orderkit';
      const ok = await OrderKit.init();
      const R = ok.mobile.models.OrderCreationRequest;
      console.log(R.toJson({ PaymentId: 3 }, { compact: true }).slice(0, 40), DecodeError.name);`);
    const out = execFileSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8' });
    assert.equal(out.trim(), '{"OrderDetails":null,"PaymentId":3,"Orde DecodeError');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
