// The deployable folder itself: exactly the files a static host needs, and WebAssembly SIMD
// really in the binary (the -msimd128 promise is checked, not assumed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser.mjs';

test('dist/ holds the page, the loader and the module, and nothing fetched from elsewhere', () => {
  assert.deepEqual(readdirSync(DIST).sort(), ['index.html', 'nabla.js', 'nabla.wasm']);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<script async src="nabla.js"><\/script>/);
  assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//, 'the page loads nothing from the network');
  assert.ok(statSync(join(DIST, 'nabla.wasm')).size > 100_000);
});

test('the module uses WebAssembly SIMD instructions', () => {
  const listing = execFileSync('wasm-objdump', ['-d', join(DIST, 'nabla.wasm')], { maxBuffer: 1 << 30 }).toString();
  const simd = listing.split('\n').filter((line) => /\bv128\.|\b[if](8x16|16x8|32x4|64x2)\./.test(line)).length;
  console.log(`SIMD instructions in nabla.wasm: ${simd}`);
  assert.ok(simd > 100, `expected SIMD instructions, found ${simd}`);
});
