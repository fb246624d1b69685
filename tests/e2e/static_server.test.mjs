// The static server that scripts/serve.sh and the browser tests use serves its folder and nothing
// else: not a sibling folder whose name starts with the same letters, not a file a symbolic link
// points to outside it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/static_server.mjs';

const top = mkdtempSync(join(tmpdir(), 'nabla-server-'));
mkdirSync(join(top, 'web'));
mkdirSync(join(top, 'web-scalar'));
writeFileSync(join(top, 'web', 'index.html'), '<p>page</p>');
writeFileSync(join(top, 'web', 'nabla.wasm'), 'wasm');
writeFileSync(join(top, 'web-scalar', 'CMakeCache.txt'), 'secret');
writeFileSync(join(top, 'outside.txt'), 'secret');
symlinkSync(join(top, 'outside.txt'), join(top, 'web', 'escape.txt'));
symlinkSync(join(top, 'web', 'nabla.wasm'), join(top, 'web', 'inside.wasm'));
const server = await startServer(join(top, 'web'));
after(async () => { await server.close(); rmSync(top, { recursive: true }); });

const get = async (path) => { const r = await fetch(server.url.replace(/\/$/, '') + path); return { status: r.status, type: r.headers.get('content-type'), body: await r.text() }; };

test('serves the folder, with the wasm type streaming compilation needs', async () => {
  assert.equal((await get('/')).body, '<p>page</p>');
  const wasm = await get('/nabla.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.type, 'application/wasm');
  assert.equal((await get('/inside.wasm')).status, 200, 'a link that stays inside is served');
});

test('refuses a sibling folder with the same prefix and links that leave the folder', async () => {
  for (const path of ['/..%2Fweb-scalar%2FCMakeCache.txt', '/../web-scalar/CMakeCache.txt', '/%2e%2e/outside.txt', '/escape.txt']) {
    const r = await get(path);
    assert.notEqual(r.status, 200, path);
    assert.notEqual(r.body, 'secret', path);
  }
  assert.equal((await get('/no-such-file')).status, 404);
});
