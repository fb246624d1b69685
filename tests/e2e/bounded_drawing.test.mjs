// Drawing stays bounded inside the documented limits: wheel-zooming the loss surface 150 notches
// in and out (it used to stop the page: a dash every 7 px of an arrow millions of pixels long), a
// link whose arrow is enormous, and a 399-node graph whose one draw list passes 65,535 vertices
// (16-bit indices wrapped into glyph garbage; they are 32-bit now).
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

test('a 399-node graph passes 65,535 vertices in one frame and draws cleanly', async () => {
  const { page } = app;
  const terms = Array.from({ length: 100 }, (_, i) => `a${i}*b${i}`).join(' + ');
  assert.equal((await command(page, 'app', 'tab', 'graph')).ok, true);
  assert.equal((await command(page, 'graph', 'expression', `f = ${terms}`)).ok, true);
  await frames(page, 6);
  const g = (await state(page)).graph;
  assert.equal(g.error, '');
  const drawn = await page.evaluate(() => window.nabla.drawn());
  console.log(`399-node graph: ${JSON.stringify(drawn)}`);
  // The header's title is drawn by the same list as the canvas: garbage would cover it.
  const title = await pixelAt(page, 20, 18);
  assert.ok(title[0] < 100 && title[1] < 100 && title[2] < 100, `the title is still dark text: ${title}`);
  await screenshot(page, 'graph-399-nodes.png');
  assert.deepEqual(app.problems, []);
});
