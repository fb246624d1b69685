// The Graph lab with vectors and matrices (issue 14), as a student uses it: E5 picked with the
// mouse shows lecture 001's numbers, a gate clicked shows its Jacobians, an edge hovered its rule,
// a matrix typed with the keyboard (a shape that does not fit is refused and the graph kept), and
// "Expand to scalars" gives the same gradients number by number. Screenshots: build/screenshots/vectorised-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, frames, screenshot, clickWidget, clickAt, typeKeys, pressKey, widgets as widgetsOf } from './browser.mjs';

let app;
before(async () => { app = await openApp(); });
after(async () => { await app?.close(); });

const graph = async () => (await state(app.page)).graph;
const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} is not ${b}`);
const nearAll = (a, b, what) => {
  assert.equal(JSON.stringify(a.map?.((r) => Array.isArray(r) ? r.length : 0)), JSON.stringify(b.map?.((r) => Array.isArray(r) ? r.length : 0)), `${what}: shape`);
  a.forEach((v, i) => (Array.isArray(v) ? nearAll(v, b[i], `${what}[${i}]`) : near(v, b[i], `${what}[${i}]`)));
};

async function typeInto(widget, text) {
  await clickWidget(app.page, widget);
  await app.page.keyboard.press('Control+A');
  await frames(app.page, 2);
  await pressKey(app.page, 'Backspace');
  await typeKeys(app.page, text);
  await pressKey(app.page, 'Enter');
  await frames(app.page, 3);
}

test('E5 picked with the mouse shows the lecture\'s numbers, its Jacobians and its edge rule', async () => {
  await clickWidget(app.page, 'preset:E5');
  const g = await graph();
  assert.equal(g.vectorised, true);
  assert.deepEqual(g.shapes, { W: [2, 2], x: [2] });
  near(g.output.value, 0.116, 'f');
  const q = g.nodes.find((n) => n.name === 'q');
  nearAll(q.value, [0.22, 0.26], 'q');
  nearAll(q.grad, [0.44, 0.52], 'df/dq');
  nearAll(g.gradients.W, [[0.088, 0.176], [0.104, 0.208]], 'df/dW');
  nearAll(g.gradients.x, [-0.112, 0.636], 'df/dx');
  assert.equal(g.check.length, 6);
  assert.ok(g.check.every((r) => r.agrees), 'every element agrees with central differences');
  // Click the @ gate: the sidebar shows both Jacobians of the linear module; hover W's edge.
  const w = await widgetsOf(app.page);
  const [x, y, width, height] = w[`node:${q.id}`];
  await clickAt(app.page, x + width / 2, y + height / 2);
  await screenshot(app.page, 'vectorised-e5-jacobians.png');
  const [wx, wy, ww, wh] = w['node:0'];
  await app.page.mouse.move(wx + ww + 25, wy + wh / 2 + 4);
  await frames(app.page, 4);
  assert.ok((await widgetsOf(app.page))['tooltip:edge'], 'hovering the edge W -> q shows its tooltip');
  await screenshot(app.page, 'vectorised-e5-edge.png');
  assert.deepEqual(app.problems, []);
});

test('a matrix typed with the keyboard: a shape that does not fit is refused, one that fits is taken', async () => {
  await app.page.mouse.move(5, 300);
  await typeInto('typed:W', '[[1,2,3],[4,5,6]]');
  let g = await graph();
  assert.match(g.value_error, /cannot set W: W @ x: \(2×3\) @ \(2\) does not fit at 7/, 'said under the inputs');
  assert.deepEqual(g.shapes, { W: [2, 2], x: [2] }, 'the last good graph stays');
  await screenshot(app.page, 'vectorised-refused.png');
  await typeInto('typed:W', '[[1,0],[0,−1]]');
  g = await graph();
  assert.equal(g.value_error, '');
  nearAll(g.gradients.x, [0.4, 0.8], 'df/dx = 2 Wᵀ W x');
  // A number becomes a vector with its [ ] button: the expression's inputs can change shape.
  await typeInto('expression', 'h = tanh(W @ x + b); f = sum(h)');
  g = await graph();
  assert.deepEqual(g.shapes, { W: [2, 2], x: [2], b: [] });
  await clickWidget(app.page, 'vector:b');
  await typeInto('typed:b', '[0.5, -0.5]');
  g = await graph();
  assert.deepEqual(g.shapes.b, [2]);
  const h = g.nodes.find((n) => n.name === 'h');
  nearAll(h.value, [Math.tanh(0.2 + 0.5), Math.tanh(-0.4 - 0.5)], 'h');
  nearAll(g.gradients.b, h.value.map((v) => 1 - v * v), 'df/db = 1 - h²');
  assert.deepEqual(app.problems, []);
});

test('Expand to scalars opens the same computation number by number, with equal gradients', async () => {
  await clickWidget(app.page, 'preset:E6');
  const before = await graph();
  await clickWidget(app.page, 'expand');
  const after = await graph();
  assert.equal(after.vectorised, false);
  assert.match(after.expression, /^s_1 = W1_11\*x_1 \+ W1_12\*x_2; /);
  for (const [name, value] of Object.entries(before.gradients))
    (Array.isArray(value[0]) ? value : [value]).forEach((row, r) =>
      row.forEach((v, c) => {
        const scalar = Array.isArray(value[0]) ? `${name}_${r + 1}${c + 1}` : `${name}_${c + 1}`;
        near(after.gradients[scalar], v, scalar);
      }));
  near(after.output.value, before.output.value, 'f');
  await frames(app.page, 3);
  await screenshot(app.page, 'vectorised-e6-expanded.png');
  assert.deepEqual(app.problems, []);
});
