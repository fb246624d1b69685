// The deployable folder itself: exactly the files a static host needs, and WebAssembly SIMD
// really in the binary (the -msimd128 promise is checked, not assumed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DIST } from './browser.mjs';

test('dist/ holds the page, the loader and the module, and nothing fetched from elsewhere', () => {
  // hangul-more.ttf: the larger Hangul set, fetched only when someone types Hangul (ui/fonts.h);
  // course.txt: the lessons, fetched when the Lessons tab or a lesson link first opens (lab/course.h)
  assert.deepEqual(readdirSync(DIST).sort(), ['course.txt', 'hangul-more.ttf', 'index.html', 'nabla.js', 'nabla.wasm']);
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

test('the page has a strict Content-Security-Policy whose hashes match its inline code', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const script = csp.match(/script-src ([^;]*)/)[1];
  assert.doesNotMatch(script, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(csp, /default-src 'none'/);
  for (const [, code] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    const hash = `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
    assert.ok(script.includes(hash), 'the inline hook is allowed by its hash');
  }
  assert.doesNotMatch(html, / on[a-z]+="/, 'no inline event handler attributes (the policy would block them)');
});

// Forty students on one access point: everything needed to show the page, in either language (the
// fonts are inside the module), weighs at most 450 KB gzip-compressed. Was 1,124 KB with the two
// whole DejaVu fonts embedded (README, "Page weight").
test('the page weighs at most 450 KB gzip-compressed', () => {
  let total = 0;
  const parts = [];
  for (const file of ['index.html', 'nabla.js', 'nabla.wasm']) {
    const size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    total += size;
    parts.push(`${file} ${(size / 1000).toFixed(1)} KB`);
  }
  console.log(`page weight, gzip -9: ${(total / 1000).toFixed(1)} KB (${parts.join(', ')})`);
  assert.ok(total <= 450_000, `the page is ${(total / 1000).toFixed(1)} KB gzip-compressed, over 450 KB`);
});
