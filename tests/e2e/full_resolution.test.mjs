// The playground's output at full resolution (issue 16 #2): the network runs once per pixel on the
// GPU, so there is no grid to interpolate. Its values, read back from the float picture at sample
// pixels, equal an independent forward pass in double precision (JavaScript, exact tanh and exp)
// of the weights the Export menu saves, to 1e-4: two classes, three classes, regression, every
// activation the playground offers and every input feature, after training live and pausing. The screenshots are looked at: tie
// lines between three spirals are clean curves, not a 96² grid's staircase.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { state, command, frames, clickWidget, widgets, screenshot, playgroundSteps, pagesClosedAfterEach } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

async function exportedWeights(page) {
  await clickWidget(page, 'app:export');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickWidget(page, 'app:export:weights')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

// The reference: the weights file's network in double precision, inputs as the playground makes them.
const FEATURES = { x1: (a) => a, x2: (a, b) => b, x1sq: (a) => a * a, x2sq: (a, b) => b * b, x1x2: (a, b) => a * b,
                   sinx1: (a) => Math.sin(a), sinx2: (a, b) => Math.sin(b) };
const ACT = { tanh: Math.tanh, relu: (s) => Math.max(s, 0), leaky_relu: (s) => (s > 0 ? s : 0.01 * s), sigmoid: (s) => 1 / (1 + Math.exp(-s)),
              linear: (s) => s };
function forward(file, x1, x2) {
  let h = file.features.split(',').map((f) => FEATURES[f](x1, x2));
  file.layers.forEach(({ W, b }, k) => {
    const s = W.map((row, j) => row.reduce((acc, w, i) => acc + w * h[i], b[j]));
    const last = k === file.layers.length - 1;
    if (!last) h = s.map(ACT[file.activation]);
    else if (file.head.startsWith('softmax')) {
      const m = Math.max(...s), e = s.map((v) => Math.exp(v - m)), sum = e.reduce((a, v) => a + v, 0);
      h = e.map((v) => v / sum);
    } else h = s.map(file.head.startsWith('sigmoid') ? ACT.sigmoid : ACT.linear);
  });
  return h;
}

async function compareAtSamples(page, file) {
  const [, , w] = (await widgets(page))['pg:output'];
  const side = Math.floor(w);  // device pixels: scale 1
  let worst = 0, checked = 0;
  for (let i = 0; i < 9; i++)
    for (let j = 0; j < 9; j++) {
      const x = Math.round((i + 0.37) * side / 9), y = Math.round((j + 0.61) * side / 9);
      const got = await page.evaluate(([px, py]) => JSON.parse(Module.ccall('nabla_output_pixel', 'string', ['number', 'number'], [px, py])), [x, y]);
      assert.ok(got, 'the output is drawn per pixel on the GPU');
      // The pixel's centre on the plane [-6, 6]², x2 growing upwards (lab/plane_grid.cpp).
      const x1 = -6 + 12 * (x + 0.5) / side, x2 = 6 - 12 * (y + 0.5) / side;
      const want = forward(file, x1, x2);
      want.forEach((v, k) => { worst = Math.max(worst, Math.abs(got[k] - v)); });
      checked++;
    }
  return { worst, checked, side };
}

const cases = [
  ['two classes, circle, 2×4 tanh (the default)', 'data=circle', 200],
  ['three classes, spiral3, 16,12 ReLU, every feature', 'data=spiral3&layers=16,12&act=relu&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&lr=0.03', 400],
  ['regression, plane, 5,3 sigmoid', 'data=plane&layers=5,3&act=sigmoid', 150],
  ['two moons, 8,8,8 leaky ReLU', 'data=moons&layers=8,8,8&act=leaky_relu', 150],
];

for (const [label, link, steps] of cases)
  test(`per pixel equals the network's forward pass: ${label}`, async (t) => {
    const app = await open({ hash: 'playground:' + link, width: 1280, height: 800 });
    const { page } = app;
    // The link was taken (a refused one keeps the default network, which would pass for the wrong case).
    const opened = (await state(page)).playground.state;
    for (const setting of link.split('&')) assert.ok(opened.split('&').includes(setting), `${setting} in ${opened}`);
    await playgroundSteps(page, steps);
    // Trained live for a while too (where frames are slow the picture coarsens while it trains), then
    // paused: every pixel is the network's own value again.
    await command(page, 'playground', 'play');
    await frames(page, 20);
    await command(page, 'playground', 'pause');
    await frames(page, 3);
    const file = await exportedWeights(page);
    assert.equal(file.steps, (await state(page)).playground.steps);
    const { worst, checked, side } = await compareAtSamples(page, file);
    assert.equal(checked, 81);
    assert.ok(side > 200, `a real picture: ${side} px`);
    assert.ok(worst < 1e-4, `largest difference from the double-precision forward pass: ${worst}`);
    t.diagnostic(`largest difference ${worst.toExponential(1)} over ${checked} pixels`);
    await screenshot(page, `full-resolution-${link.split('&')[0].replace('data=', '')}.png`);
  });
