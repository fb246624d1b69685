// Drawing stays bounded inside the documented limits: wheel-zooming the loss surface 150 notches
// in and out (it used to stop the page: a dash every 7 px of an arrow millions of pixels long), a
// link whose arrow is enormous, a 399-node graph (123 166 vertices a frame, wired across 100
// columns), Trajectory paths thousands of steps long and a playground of eight layers of 32.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, screenshot, widgets, pixelAt } from './browser.mjs';

const app = await openApp();
after(() => app.close());

test('150 wheel notches in and out on the loss surface: bounded zoom, bounded vertices, no error', async () => {
  const { page } = app;
  assert.equal((await command(page, 'app', 'tab', 'trajectory')).ok, true);
  await frames(page, 4);
  const s = (await widgets(page))['tr:surface'];
  await page.mouse.move(s[0] + s[2] * 0.4, s[1] + s[3] * 0.4);
  await frames(page, 2);
  let most = 0;
  for (let k = 0; k < 150; ++k) {
    await page.mouse.wheel(0, -100);
    if (k % 10 === 0) { await frames(page, 1); most = Math.max(most, (await page.evaluate(() => window.nabla.drawn())).vertices); }
  }
  await frames(page, 3);
  const view = (await state(page)).trajectory_view;
  assert.ok(view.every(Number.isFinite) && view[1] > view[0], `a finite view: ${view}`);
  most = Math.max(most, (await page.evaluate(() => window.nabla.drawn())).vertices);
  assert.ok(most < 100000, `vertices per frame stayed bounded: ${most}`);
  for (let k = 0; k < 150; ++k) await page.mouse.wheel(0, 100);
  await frames(page, 3);
  assert.equal((await command(page, 'trajectory', 'step', '', 5)).ok, true, 'the page still answers');
  assert.deepEqual(app.problems, []);
});

test('a link with an enormous arrow draws at once and stays bounded', async () => {
  const other = await openApp({ hash: 'trajectory:surface=linear&points=1000&runs=sgd%3A10%3A1%3A-999%3A-999' });
  try {
    await frames(other.page, 10);
    const drawn = await other.page.evaluate(() => window.nabla.drawn());
    assert.ok(drawn.vertices < 100000, `vertices: ${drawn.vertices}`);
    assert.deepEqual(other.problems, []);
  } finally {
    await other.close();
  }
});

test('a 399-node graph draws its products by their adds, within a vertex budget, cleanly', async () => {
  const { page } = app;
  const terms = Array.from({ length: 100 }, (_, i) => `a${i}*b${i}`).join(' + ');
  assert.equal((await command(page, 'app', 'tab', 'graph')).ok, true);
  assert.equal((await command(page, 'graph', 'expression', `f = ${terms}`)).ok, true);
  await frames(page, 6);
  const g = (await state(page)).graph;
  assert.equal(g.error, '');
  const drawn = await page.evaluate(() => window.nabla.drawn());
  console.log(`399-node graph: ${JSON.stringify(drawn)}`);
  // It was 123 166 vertices: every product wired across up to 100 columns, and unreadable text.
  assert.ok(drawn.vertices < 30000, `vertices: ${drawn.vertices}`);
  const title = await pixelAt(page, 20, 18);
  assert.ok(title[0] < 100 && title[1] < 100 && title[2] < 100, `the title is still dark text: ${title}`);
  await screenshot(page, 'graph-399-nodes.png');
  // Zoomed in on one corner by the wheel: what is off the canvas costs nothing, the text comes back.
  const c = (await widgets(page))['graph:canvas'];
  await page.mouse.move(c[0] + c[2] * 0.1, c[1] + c[3] * 0.5);
  for (let k = 0; k < 30; ++k) await page.mouse.wheel(0, -100);
  await frames(page, 4);
  const zoomed = await page.evaluate(() => window.nabla.drawn());
  assert.ok(zoomed.vertices < 30000, `zoomed in: ${zoomed.vertices}`);
  await screenshot(page, 'graph-399-nodes-zoomed.png');
  assert.deepEqual(app.problems, []);
});

test('paths 6 000 steps long are cut to the budget, and the page says so', async () => {
  const { page } = app;
  assert.equal((await command(page, 'app', 'tab', 'trajectory')).ok, true);
  assert.equal((await command(page, 'trajectory', 'preset', 'gd-sgd-minibatch')).ok, true);
  await frames(page, 3);
  const before = (await page.evaluate(() => window.nabla.drawn())).vertices;
  assert.equal((await command(page, 'trajectory', 'step', '', 6000)).ok, true);
  await frames(page, 4);
  const after = (await page.evaluate(() => window.nabla.drawn())).vertices;
  console.log(`trajectory vertices: ${before} at the start, ${after} after 6 000 steps`);
  // 3 runs x 6 000 segments with halos were ~160 000 vertices; the budget is 3 000 segments.
  assert.ok(after < 60000, `vertices after 6 000 steps: ${after}`);
  await screenshot(page, 'trajectory-6000-steps.png');
  assert.deepEqual(app.problems, []);
});

test('eight layers of 32: one draw call for every thumbnail, the strongest weights drawn', async () => {
  const { page } = app;
  assert.equal((await command(page, 'app', 'tab', 'playground')).ok, true);
  assert.equal((await command(page, 'playground', 'state', 'data=spiral&layers=32%2C32%2C32%2C32%2C32%2C32%2C32%2C32&act=relu')).ok, true);
  await frames(page, 6);
  const drawn = await page.evaluate(() => window.nabla.drawn());
  console.log(`8x32 playground: ${JSON.stringify(drawn)}`);
  // Were 546 draw calls (a texture per thumbnail) and 50 000 vertices (7 168 wires).
  assert.ok(drawn.draw_calls < 60, `draw calls: ${drawn.draw_calls}`);
  assert.ok(drawn.vertices < 30000, `vertices: ${drawn.vertices}`);
  await screenshot(page, 'playground-8x32.png');
  assert.deepEqual(app.problems, []);
});
