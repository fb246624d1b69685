// Presentation mode for a projector: a button or the P key folds the side panels away, the lab's
// picture fills the window and the text is at least 1.5 times larger; the link keeps it, and the
// text-size choice, so a prepared link opens the same way.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, screenshot, widgets, clickWidget, pressKey } from './browser.mjs';

const app = await openApp();
after(() => app.close());
const hash = () => app.page.evaluate(() => location.hash);

test('the Present button and P toggle presentation; the picture grows, the sidebars go', async () => {
  const { page } = app;
  await frames(page, 3);
  const before = await widgets(page);
  assert.ok(before.expression, 'the sidebar is there');
  await clickWidget(page, 'app:present');
  await frames(page, 4);
  const during = await widgets(page);
  assert.equal(during.expression, undefined, 'the sidebar is folded away');
  const area = (r) => r[2] * r[3];
  assert.ok(area(during['graph:canvas']) > 1.5 * area(before['graph:canvas']), 'the graph fills the window');
  assert.ok(during['step:forward'][3] >= 1.4 * before['step:forward'][3], 'the text is 1.5 times larger');
  assert.match(await hash(), /&ui\.present=1/);
  await screenshot(page, 'present-graph-1280x720.png');
  for (const lab of ['playground', 'trajectory']) {
    assert.equal((await command(page, 'app', 'tab', lab)).ok, true);
    await frames(page, 5);
    await screenshot(page, `present-${lab}-1280x720.png`);
  }
  const w = await widgets(page);
  assert.ok(w['tr:surface'][2] > 1000 && w['tr:surface'][3] > 450, `the surface fills the window: ${w['tr:surface']}`);
  await page.mouse.move(5, 300);
  await pressKey(page, 'p');
  assert.doesNotMatch(await hash(), /ui\.present/);
  assert.ok((await widgets(page))['tr:add-run'], 'the runs are back');
  assert.deepEqual(app.problems, []);
});

test('a link with ui.present=1 and ui.text=150 opens presenting, at that size', async () => {
  const other = await openApp({ hash: 'graph:expr=f%20%3D%20(x%20%2B%20y)%20*%20z&x=-2&y=5&z=-4&ui.present=1&ui.text=150' });
  try {
    await frames(other.page, 4);
    const w = await widgets(other.page);
    assert.equal(w.expression, undefined);
    assert.ok(w['step:forward'][3] >= 38, `button height ${w['step:forward'][3]}: 1.5 times 27`);
    const link = await other.page.evaluate(() => location.hash);
    assert.match(link, /ui\.present=1/);
    assert.match(link, /ui\.text=150/);
    assert.equal((await state(other.page)).graph.state.includes('ui.'), false, 'the lab never sees the app\'s keys');
    assert.deepEqual(other.problems, []);
  } finally {
    await other.close();
  }
});
