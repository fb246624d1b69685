// Runs every implementation of the benchmark several times, interleaved (so drift in the machine's
// speed hits all alike), and prints the median of each workload with the ratios we target.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const runs = Number(arg('runs', 5)), seconds = arg('seconds', '1');

const native = join(root, 'build/bench-native/bench/nabla_bench');
const dataFile = join(root, 'build/bench-data.json');
writeFileSync(dataFile, execFileSync(native, ['--dump-data']));
const node = (script, ...a) => ['node', ['--no-experimental-fetch', script, ...a]];
const impls = {
  'nabla-native': [native, ['--impl', 'nabla-native', '--seconds', seconds]],
  'nabla-wasm-simd': node(join(root, 'build/web/bench/nabla_bench.js'), '--impl', 'nabla-wasm-simd', '--seconds', seconds),
  'nabla-wasm-scalar': node(join(root, 'build/web-scalar/bench/nabla_bench.js'), '--impl', 'nabla-wasm-scalar', '--seconds', seconds),
  'tfjs-wasm': node(join(root, 'bench/tfjs_bench.mjs'), '--backend', 'wasm', '--data', dataFile, '--seconds', seconds),
  'tfjs-cpu': node(join(root, 'bench/tfjs_bench.mjs'), '--backend', 'cpu', '--data', dataFile, '--seconds', seconds),
};

const results = {};  // results[impl][workload] = [{rate, final_loss, accuracy}]
for (let r = 0; r < runs; ++r) {
  for (const [name, [cmd, args]] of Object.entries(impls)) {
    const out = execFileSync(cmd, args, { cwd: join(root, 'bench'), stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 }).toString();
    for (const line of out.split('\n').filter((l) => l.startsWith('{'))) {
      const j = JSON.parse(line);
      ((results[name] ??= {})[j.workload] ??= []).push(j);
    }
  }
  process.stderr.write(`run ${r + 1}/${runs} done\n`);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const med = (impl, w) => median(results[impl][w].map((j) => j.rate));
const last = (impl, w) => results[impl][w].at(-1);
const units = { W1: 'examples/s', W2: 'examples/s', W3: 'grids/s', W4: 'steps/s' };
const fmt = (x) => x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e4 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1);

console.log(`\nMedians of ${runs} runs of ${seconds} s each (final loss / accuracy of the last run in brackets)\n`);
console.log(`| workload | ${Object.keys(impls).join(' | ')} |`);
console.log(`| --- | ${Object.keys(impls).map(() => '---').join(' | ')} |`);
for (const w of ['W1', 'W2', 'W3', 'W4']) {
  const cells = Object.keys(impls).map((i) => {
    const l = last(i, w);
    const quality = w === 'W3' ? `${(l.accuracy * 100).toFixed(0)}% positive` : `loss ${Number(l.final_loss).toPrecision(3)}${l.accuracy >= 0 ? `, acc ${(l.accuracy * 100).toFixed(0)}%` : ''}`;
    return `${fmt(med(i, w))} (${quality})`;
  });
  console.log(`| ${w} ${units[w]} | ${cells.join(' | ')} |`);
}

// Issue 16's targets (W1's against TF.js is issue 3's, still held); then native against the page's.
const targets = [
  ['W1', 'nabla-wasm-simd', 'tfjs-wasm', 500], ['W2', 'nabla-wasm-simd', 'tfjs-wasm', 450],
  ['W3', 'nabla-wasm-simd', 'tfjs-wasm', 25], ['W4', 'nabla-wasm-simd', 'tfjs-wasm', 8],
  ['W4', 'nabla-wasm-simd', 'nabla-wasm-scalar', 3.5],
  ['W1', 'nabla-native', 'nabla-wasm-simd', 1], ['W2', 'nabla-native', 'nabla-wasm-simd', 1],
  ['W3', 'nabla-native', 'nabla-wasm-simd', 1], ['W4', 'nabla-native', 'nabla-wasm-simd', 1],
];
console.log('\n| ratio | measured | target |\n| --- | --- | --- |');
for (const [w, a, b, target] of targets) {
  const ratio = med(a, w) / med(b, w);
  console.log(`| ${w}: ${a} / ${b} | ${ratio.toFixed(2)}× | ≥ ${target}× ${ratio >= target ? 'met' : 'NOT met'} |`);
}
const nativeRatio = med('nabla-native', 'W4') / med('nabla-wasm-simd', 'W4');
console.log(`| W4: nabla-native / nabla-wasm-simd | ${nativeRatio.toFixed(2)}× | ≤ 4× ${nativeRatio <= 4 ? 'met' : 'NOT met'} |`);
for (const w of ['W1', 'W2', 'W3']) console.log(`| ${w}: nabla-wasm-simd / nabla-wasm-scalar | ${(med('nabla-wasm-simd', w) / med('nabla-wasm-scalar', w)).toFixed(2)}× | |`);
// W1 against its floor: the same step written out by hand in scalar code, same build (bench/w1_reference.h).
for (const impl of ['nabla-wasm-simd', 'nabla-native', 'nabla-wasm-scalar']) {
  const ratio = med(impl, 'W1') / med(impl, 'W1ref');
  const ref = last(impl, 'W1ref');
  const target = impl === 'nabla-wasm-simd' ? (ratio >= 1.6 ? '≥ 1.6× met' : '≥ 1.6× NOT met') : '';
  console.log(`| W1: ${impl} / straight-line scalar W1 (${fmt(med(impl, 'W1ref'))} examples/s, loss ${Number(ref.final_loss).toPrecision(3)}, acc ${(ref.accuracy * 100).toFixed(0)}%) | ${ratio.toFixed(2)}× | ${target} |`);
}

const simd = (file) => execFileSync('wasm-objdump', ['-d', file], { maxBuffer: 1 << 30 }).toString().split('\n')
  .filter((l) => /\bv128\.|\b[if](8x16|16x8|32x4|64x2)\./.test(l)).length;
console.log(`\nSIMD instructions: nabla_bench.wasm with SIMD ${simd(join(root, 'build/web/bench/nabla_bench.wasm'))}, without ${simd(join(root, 'build/web-scalar/bench/nabla_bench.wasm'))}`);
