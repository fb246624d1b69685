// The benchmark's workloads (see nabla_bench.cpp) on TensorFlow.js 4.22, single thread, with the
// same data (W1, W2 read the datasets Nabla generates), the same shapes, initialisation ranges,
// loss and optimizer. It uses tfjs-core ops with tf.train.sgd, TF.js's fastest training path here
// (tfjs-layers' fit() adds per-batch overhead). One JSON line per workload, like nabla_bench.
//   node tfjs_bench.mjs --backend wasm|cpu --data DATA.json [--seconds S]
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// The union package registers the gradient functions that tfjs-core alone leaves out.
import '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const backend = args.backend ?? 'wasm';
const seconds = Number(args.seconds ?? 1);
const data = JSON.parse(readFileSync(args.data, 'utf8'));

const here = dirname(fileURLToPath(import.meta.url));
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);  // one thread, like Nabla
setWasmPaths(join(here, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'));
await tf.setBackend(backend);
await tf.ready();
const impl = `tfjs-${backend}${backend === 'wasm' ? (tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? '-simd' : '-scalar') : ''}`;

let seed = 12345;  // a small LCG: the initial weights need a range, not Nabla's exact draws
const uniform = (lo, hi) => { seed = (seed * 1664525 + 1013904223) >>> 0; return lo + (hi - lo) * (seed / 4294967296); };
const normal = () => Math.sqrt(-2 * Math.log(uniform(1e-12, 1))) * Math.cos(2 * Math.PI * uniform(0, 1));

function report(workload, rate, unit, loss, accuracy, work) {
  console.log(JSON.stringify({ workload, impl, rate, unit, final_loss: loss, accuracy, work }));
}

function layers(sizes, init, biasInit) {
  const params = [];
  for (let k = 0; k + 1 < sizes.length; ++k) {
    const [i, o] = [sizes[k], sizes[k + 1]];
    const w = Float32Array.from({ length: i * o }, () => init(i, o));
    params.push({ W: tf.variable(tf.tensor2d(w, [i, o])), b: tf.variable(tf.fill([o], biasInit)) });
  }
  return params;
}

const forward = (params, x, hidden, output) => params.reduce((h, { W, b }, k) => {
  const s = tf.add(tf.matMul(h, W), b);
  return k === params.length - 1 ? output(s) : hidden(s);
}, x);

function playground(name, sizes, set) {
  const train = data[set].train, test = data[set].test;
  const n = train.y.length;
  const X = tf.tensor2d(train.x, [n, 2]), T = tf.tensor2d(train.y, [n, 1]);
  const params = layers(sizes, () => uniform(-0.5, 0.5), 0.1);
  const opt = tf.train.sgd(0.03);
  const net = (x) => forward(params, x, tf.tanh, tf.tanh);
  const halfSquared = (o, t) => tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(o, t)), 1)));
  const order = Array.from({ length: n }, (_, i) => i);
  const epoch = () => {
    for (let i = n - 1; i > 0; --i) { const j = Math.floor(uniform(0, i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (let s = 0; s + 10 <= n; s += 10) {
      tf.tidy(() => {
        const idx = tf.tensor1d(order.slice(s, s + 10), 'int32');
        const xb = tf.gather(X, idx), tb = tf.gather(T, idx);
        opt.minimize(() => halfSquared(net(xb), tb));
      });
    }
  };
  epoch();  // warm up
  let examples = 0, epochs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let e = 0; e < 5; ++e) epoch();
    examples += 5 * n; epochs += 5;
    tf.tidy(() => net(X.slice([0, 0], [1, 2])).dataSync());
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  const m = tf.tidy(() => {
    const o = net(tf.tensor2d(test.x, [test.y.length, 2]));
    const t = tf.tensor2d(test.y, [test.y.length, 1]);
    return [halfSquared(o, t).dataSync()[0], tf.mean(tf.equal(tf.sign(o), t).asType('float32')).dataSync()[0]];
  });
  report(name, examples / elapsed, 'examples/s', m[0], m[1], epochs);
  return net;
}

function grid(net) {
  const side = 100, g = new Float32Array(side * side * 2);
  for (let r = 0; r < side; ++r) for (let c = 0; c < side; ++c) {
    g[2 * (r * side + c)] = -6 + 12 * (c + 0.5) / side;
    g[2 * (r * side + c) + 1] = -6 + 12 * (r + 0.5) / side;
  }
  const G = tf.tensor2d(g, [side * side, 2]);
  let out = tf.tidy(() => net(G).dataSync());
  let grids = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let k = 0; k < 5; ++k) out = tf.tidy(() => net(G).dataSync());
    grids += 5;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  report('W3', grids / elapsed, 'grids/s', 0, out.filter((v) => v >= 0).length / out.length, grids);
}

function mnistShaped() {
  const n = 1024;
  const X = tf.tensor2d(Float32Array.from({ length: n * 784 }, () => uniform(0, 1)), [n, 784]);
  const labels = Int32Array.from({ length: n }, () => Math.floor(uniform(0, 10)));
  const Y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).asType('float32');
  const params = layers([784, 128, 64, 10], (i) => normal() * Math.sqrt(2 / i), 0);
  const opt = tf.train.sgd(0.1);
  const net = (x) => forward(params, x, tf.relu, (s) => s);
  const loss = (x, y) => tf.losses.softmaxCrossEntropy(y, net(x));
  const step = (s) => tf.tidy(() => {
    const start = (s * 64) % n;
    opt.minimize(() => loss(X.slice([start, 0], [64, 784]), Y.slice([start, 0], [64, 10])));
  });
  for (let s = 0; s < 5; ++s) step(s);
  const first = tf.tidy(() => loss(X, Y).dataSync()[0]);
  let steps = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let k = 0; k < 16; ++k) step(steps + k);
    steps += 16;
    tf.tidy(() => params[0].W.slice([0, 0], [1, 1]).dataSync());
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  const last = tf.tidy(() => loss(X, Y).dataSync()[0]);
  console.error(`W4 ${impl}: train loss ${first.toFixed(4)} -> ${last.toFixed(4)}`);
  report('W4', steps / elapsed, 'steps/s', last, -1, steps);
}

playground('W1', [2, 4, 2, 1], 'circle');
const w2 = playground('W2', [2, 8, 8, 8, 8, 8, 8, 1], 'spiral');
grid(w2);
mnistShaped();
