// The training playground in headless Chromium, driven with the mouse as a teacher would: open the
// tab, press Train on the circle, watch accuracy pass 90 %, drag the learning rate and the batch size
// while it trains (the weights are kept, the run is not reset), then push the learning rate to 10
// and see training pause with the divergence message. Screenshots go to build/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, frames, screenshot, clickWidget, clickAt as clickPoint, widgets } from './browser.mjs';

let app;
before(async () => { app = await openApp(); });
after(async () => { await app?.close(); });

const pg = async () => (await state(app.page)).playground;
const clickAt = (name, fx, fy) => clickWidget(app.page, name, fx, fy);
async function until(predicate, what, timeout = 60000) {
  const start = Date.now();
  for (;;) {
    const s = await pg();
    if (predicate(s)) return s;
    if (Date.now() - start > timeout) assert.fail(`${what} within ${timeout / 1000} s; last state ${JSON.stringify(s)}`);
    await app.page.waitForTimeout(250);
  }
}

test('the playground tab opens on the circle with TensorFlow Playground defaults', async () => {
  await clickAt('tab:playground');
  const s = await pg();
  assert.equal((await state(app.page)).lab, 'playground');
  assert.deepEqual(s.layers, [2, 4, 2, 1]);
  assert.equal(s.learning_rate, 0.03);
  assert.equal(s.batch_size, 10);
  assert.equal(s.steps, 0);
  assert.match(await app.page.evaluate(() => location.hash), /^#playground:data=circle/);
});

test('pressing Train learns the circle: test loss falls and accuracy passes 90 %', async () => {
  const before = await pg();
  await clickAt('pg:play');
  const s = await until((x) => x.test_accuracy > 0.9 && x.steps > 0, 'test accuracy above 90 %');
  assert.ok(s.test_loss < before.test_loss, `test loss ${before.test_loss} -> ${s.test_loss}`);
  assert.ok(s.playing);
  assert.ok(s.steps < 20000, `took ${s.steps} steps`);
  // Frame-rate probe while training (software WebGL here; reported, not a timing test).
  const f0 = await app.page.evaluate(() => window.nabla.frames());
  const t0 = Date.now();
  await app.page.waitForTimeout(2000);
  const fps = ((await app.page.evaluate(() => window.nabla.frames())) - f0) / ((Date.now() - t0) / 1000);
  const drawn = await app.page.evaluate(() => window.nabla.drawn());
  console.log(`frames per second while training: ${fps.toFixed(1)}; last frame drew ${JSON.stringify(drawn)}`);
  // The 500 points and the thumbnails' 2,000 are painted into textures once, not drawn as ImGui
  // circles every frame (which was ~50,000 vertices and half the frame rate of a software rasteriser).
  assert.ok(drawn.vertices > 1000 && drawn.vertices < 15000, `vertices per frame ${drawn.vertices}`);
  assert.ok(fps > 5, `the page keeps drawing while it trains (${fps.toFixed(1)} fps)`);
  await screenshot(app.page, 'playground-circle.png');
});

test('dragging the learning rate and the batch size applies them without a reset', async () => {
  const before = await pg();
  await clickAt('pg:lr', 0.25);  // a log slider from 1e-5 to 10: a quarter of the way is about 3e-4
  let s = await pg();
  assert.ok(s.learning_rate < 0.01 && s.learning_rate > 1e-5, `learning rate ${s.learning_rate}`);
  assert.ok(s.steps >= before.steps, 'the step counter kept counting');
  await clickAt('pg:batch', 0.98);
  s = await until((x) => x.batch_size > 200, 'the batch size to follow the mouse', 5000);
  assert.ok(s.steps >= before.steps, 'no reset after the batch size changed');
  assert.ok(s.test_accuracy > 0.85, `accuracy kept (${s.test_accuracy})`);
  const link = new URLSearchParams(s.state);  // the link carries both (numbers as C++ prints them)
  assert.equal(Number(link.get('lr')), s.learning_rate);
  assert.equal(Number(link.get('batch')), s.batch_size);
});

test('a training point, then a neuron, shows that neuron\'s backprop for that sample', async () => {
  await clickAt('pg:play');  // pause, so the numbers hold still
  let s = await pg();
  if (s.playing) { await clickAt('pg:play'); s = await pg(); }
  const [x1, x2] = s.points[0];
  const [ox, oy, side] = (await widgets(app.page))['pg:output'];
  await clickPoint(app.page, ox + (x1 + 6) / 12 * side, oy + (6 - x2) / 12 * side);
  await clickAt('pg:neuron:1:0');
  s = await pg();
  assert.ok(s.inspect, 'a neuron is being inspected');
  assert.equal(s.inspect.sample, 0);
  assert.equal(s.inspect.layer, 0);
  assert.equal(s.inspect.unit, 0);
  // Lecture 000: z = h(s) and dC/ds = dC/dz · h'(s), with h = tanh.
  assert.ok(Math.abs(s.inspect.z - Math.tanh(s.inspect.s)) < 1e-5, JSON.stringify(s.inspect));
  assert.ok(Math.abs(s.inspect.ds - s.inspect.dz * (1 - s.inspect.z ** 2)) < 1e-6, JSON.stringify(s.inspect));
  assert.equal(s.inspect.w.length, 2);
  await frames(app.page, 3);
  await screenshot(app.page, 'playground-inspector.png');
});

test('the whole network for that sample opens in the Graph lab with the same gradients', async () => {
  const inspected = (await pg()).inspect;
  await clickAt('pg:open-graph');
  const s = await state(app.page);
  assert.equal(s.lab, 'graph');
  assert.match(s.graph.expression, /s11 = w1_11 \* x1 \+ w1_12 \* x2 \+ b11; z11 = tanh\(s11\)/);
  assert.match(s.graph.expression, /C = -log\((1 - )?sigmoid\(s31\)\)$/);
  // neuron 1 of layer 1: its weights' gradients, gate by gate in double, match the trainer's float32
  for (let j = 0; j < 2; j++) {
    const g = s.graph.gradients[`w1_1${j + 1}`];
    assert.ok(Math.abs(g - inspected.dw_sample[j]) < 1e-4 + 1e-3 * Math.abs(g), `w1_1${j + 1}: ${g} vs ${inspected.dw_sample[j]}`);
  }
  await frames(app.page, 3);
  await screenshot(app.page, 'playground-network-graph.png');
  await clickAt('tab:playground');
  // One node per layer: the same sample's backward pass with matrices (issue 14, item 6).
  await clickAt('pg:open-graph-layers');
  const v = (await state(app.page)).graph;
  assert.equal(v.vectorised, true);
  assert.match(v.expression, /^s1 = W1 @ x \+ b1; z1 = tanh\(s1\); s2 = W2 @ z1 \+ b2; /);
  assert.deepEqual(v.shapes.W1, [4, 2]);
  for (let j = 0; j < 2; j++) {
    const g = v.gradients.W1[0][j];
    assert.ok(Math.abs(g - inspected.dw_sample[j]) < 1e-4 + 1e-3 * Math.abs(g), `W1[1,${j + 1}]: ${g} vs ${inspected.dw_sample[j]}`);
  }
  assert.ok(Math.abs(v.output.value - s.graph.output.value) < 1e-12, 'the same loss as the scalar graph');
  await frames(app.page, 3);
  await screenshot(app.page, 'playground-network-layers.png');
  await clickAt('tab:playground');
});

test('learning rate 10 pauses training with a message; reset recovers', async () => {
  await clickAt('pg:batch', 0.01);  // back to small batches (SGD-like), then the largest learning rate
  await until((x) => x.batch_size < 10, 'the batch size to follow the mouse', 5000);
  await clickAt('pg:lr', 0.999);
  let s = await pg();
  assert.equal(s.learning_rate, 10);
  if (!s.playing) await clickAt('pg:play');
  s = await until((x) => x.status !== '', 'the divergence message');
  assert.match(s.status, /learning rate 10 is too large/);
  assert.equal(s.playing, false);
  for (const v of [s.train_loss, s.test_loss]) assert.ok(Number.isFinite(v));
  await frames(app.page, 5);
  await screenshot(app.page, 'playground-diverged.png');
  await clickAt('pg:lr', 0.7);
  await clickAt('pg:reset');
  s = await pg();
  assert.equal(s.status, '');
  assert.equal(s.steps, 0);
  assert.deepEqual(app.problems, []);
});

test('lecture 002\'s y = 2x: one input, the fitted line through the points, w learned as 2', async () => {
  await clickAt('pg:data:line');
  let s = await pg();
  assert.equal(new URLSearchParams(s.state).get('features'), 'x1');  // x2 is 0 in this data: its input went
  await clickAt('pg:layer-');
  await clickAt('pg:layer-');
  s = await pg();
  assert.equal(new URLSearchParams(s.state).get('layers'), 'none');  // ŷ = w·x + b
  await clickAt('pg:lr', 0.5);  // about 0.01 on the log slider (the earlier tests left it high)
  s = await pg();
  assert.ok(s.learning_rate > 0.005 && s.learning_rate < 0.02, `learning rate ${s.learning_rate}`);
  await clickAt('pg:play');
  s = await until((x) => x.test_loss < 1e-3, 'the line to be learned');
  await clickAt('pg:play');
  assert.ok(Math.abs(s.first_weight - 2) < 0.02, `w = ${s.first_weight}`);
  await frames(app.page, 3);
  await screenshot(app.page, 'playground-line.png');
  assert.deepEqual(app.problems, []);
});
