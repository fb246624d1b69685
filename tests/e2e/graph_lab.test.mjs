// The Graph lab in a real headless Chromium, driven as a student would: a lecture preset, typing an
// expression with the keyboard, dragging a value with the mouse, stepping backprop, a tampered
// link. Numbers are read back through the page's test hook and checked against LESSONS.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, screenshot, clickWidget, typeKeys, pressKey, widgets as widgetsOf } from './browser.mjs';

let app;
before(async () => { app = await openApp(); });
after(async () => { await app?.close(); });

const graph = async () => (await state(app.page)).graph;
const widgets = () => widgetsOf(app.page);
const centre = ([x, y, w, h]) => [x + w / 2, y + h / 2];
const click = (name) => clickWidget(app.page, name);

test('the page starts on E1 with no console errors', async () => {
  const g = await graph();
  assert.equal(g.output.value, -12);
  assert.deepEqual(g.gradients, { x: -4, y: -4, z: 3 });
  assert.deepEqual(app.problems, []);
});

test('preset E2, clicked with the mouse, gives the lecture gradients', async () => {
  await click('preset:E2');
  const g = await graph();
  assert.equal(g.expression, 'f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))');
  const expected = { w0: -0.1966, x0: 0.3932, w1: -0.3932, x1: -0.5898, w2: 0.1966 };
  for (const [name, v] of Object.entries(expected)) assert.ok(Math.abs(g.gradients[name] - v) < 5e-5, `${name}: ${g.gradients[name]}`);
  // Every intermediate value of the slide, gate by gate.
  const gates = g.nodes.filter((n) => n.op !== 'input' && n.op !== 'const').map((n) => Math.round(n.value * 1e4) / 1e4);
  assert.deepEqual(gates, [-2, 6, 4, 1, -1, 0.3679, 1.3679, 0.7311]);
  assert.deepEqual(g.labels.filter((l) => l !== null), ['w0', 'x0', '×', 'w1', 'x1', '×', '+', 'w2', '+', '×−1', 'exp', '+1', '1/x']);
  for (const row of g.check) assert.ok(row.relative_error < 1e-6, `check ${row.input}: ${row.relative_error}`);
  await frames(app.page, 5);
  await screenshot(app.page, 'graph-lab-e2.png');
  assert.match(await app.page.evaluate(() => location.hash), /^#graph:expr=f%20%3D%201%20%2F/);
});

test('the one-sigma-gate form of E2 gives the same gradients', async () => {
  const expanded = (await graph()).gradients;
  await click('preset:E2s');
  const gate = (await graph()).gradients;
  for (const name of Object.keys(expanded)) assert.ok(Math.abs(gate[name] - expanded[name]) < 1e-12, name);
});

test('typing an expression with the keyboard rebuilds the graph', async () => {
  await click('expression');
  await pressKey(app.page, 'Control+A');
  await typeKeys(app.page, 'f = a*b + b');
  await frames(app.page, 4);
  const g = await graph();
  assert.equal(g.expression, 'f = a*b + b');
  assert.equal(g.parse_error, '');
  assert.deepEqual(g.gradients, { a: 1, b: 2 });  // new inputs start at 1: df/da = b, df/db = a + 1
  assert.ok(g.labels.includes('×') && g.labels.includes('+'));
});

test('a typing mistake shows the parser message and keeps the last good graph', async () => {
  await typeKeys(app.page, ' * (');
  await frames(app.page, 4);
  const g = await graph();
  assert.equal(g.draft, 'f = a*b + b * (');
  assert.equal(g.parse_error, "the expression ends where a number, a name or '(' was expected at 16");
  assert.equal(g.expression, 'f = a*b + b ');  // the last text that parsed, as typed before ' * ('
  assert.deepEqual(g.gradients, { a: 1, b: 2 });
  await screenshot(app.page, 'graph-lab-parse-error.png');
  await pressKey(app.page, 'Backspace', 4);
  await frames(app.page, 4);
  assert.equal((await graph()).parse_error, '');
});

test('dragging an input value with the mouse recomputes the gradients', async () => {
  const [x, y] = centre((await widgets())['value:a']);
  await app.page.mouse.move(x, y);
  await app.page.mouse.down();
  for (let k = 1; k <= 10; ++k) { await app.page.mouse.move(x + 12 * k, y); await frames(app.page, 1); }
  await app.page.mouse.up();
  await frames(app.page);
  const g = await graph();
  const a = g.nodes.find((n) => n.name === 'a').value;
  assert.ok(a > 1.5, `a was dragged up from 1, now ${a}`);
  assert.ok(Math.abs(g.gradients.b - (a + 1)) < 1e-12, `df/db = a + 1 = ${a + 1}, got ${g.gradients.b}`);
  assert.equal(g.gradients.a, 1);
});

test('step mode walks backprop one gate at a time from the output', async () => {
  await click('preset:E1');
  await click('step:forward');
  let g = await graph();
  assert.equal(g.backprop.done, 0);
  assert.equal(g.nodes[g.backprop.current].op, 'mul');
  await click('step:forward');
  g = await graph();
  assert.equal(g.backprop.done, 1);
  assert.equal(g.nodes[g.backprop.current].op, 'add');
  assert.equal(g.gradients.z, 3);
  assert.equal(g.gradients.x, 0);  // not reached yet
  await screenshot(app.page, 'graph-lab-step.png');
  await click('step:end');
  g = await graph();
  assert.equal(g.backprop.current, -1);
  assert.equal(g.gradients.x, -4);
});

test('hovering an edge shows upstream × local = downstream', async () => {
  await click('preset:E1');
  const w = await widgets();
  // The edge z -> mul ends at the left side of the mul box; aim just before it.
  const g = await graph();
  const mul = g.nodes.findIndex((n) => n.op === 'mul');
  const [mx, my, , mh] = w[`node:${mul}`];
  await app.page.mouse.move(mx - 6, my + mh * 0.72);
  await frames(app.page, 4);
  await screenshot(app.page, 'graph-lab-edge-hover.png');
  assert.deepEqual(app.problems, []);
});

test('the hook refuses bad commands with a reason', async () => {
  assert.deepEqual(await command(app.page, 'graph', 'value', 'x', NaN), { ok: false, error: 'the value of x must be a finite number' });
  assert.deepEqual(await command(app.page, 'graph', 'preset', 'E9'), { ok: false, error: "no preset named 'E9'" });
  assert.deepEqual(await command(app.page, 'nope', 'preset', 'E1'), { ok: false, error: "no lab named 'nope'" });
  assert.deepEqual(app.problems, []);
});

test('a tampered link is refused with a message and the page keeps working', async () => {
  const open = async (hash) => {
    await app.page.goto(app.url + '#' + hash);
    await app.page.reload();
    await app.page.waitForFunction(() => window.nabla && window.nabla.ready, null, { timeout: 60000 });
    return (await state(app.page)).graph;
  };
  let g = await open('graph:expr=x%zz&x=1');
  assert.equal(g.expression, 'f = (x + y) * z');
  assert.equal(g.error, "cannot read the link: bad %-escape in 'expr'");
  await frames(app.page, 3);
  await screenshot(app.page, 'graph-lab-bad-link.png');
  g = await open('graph:expr=q%20%3D%20x*x%3B%20f%20%3D%20q%20%2B%20x&x=3');
  assert.equal(g.expression, 'q = x*x; f = q + x');
  assert.deepEqual(g.gradients, { x: 7 });
  assert.deepEqual(app.problems, []);
});
