// Your data (issue 12 #5), as a teacher builds it in front of the class: clicks on the output add
// points of the chosen class (Shift: the other), a drag moves one, the eraser removes one; CSV typed
// into the box or dropped on the page loads; a bad row is named and nothing changes; the points ride
// in the link and reopen identical.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { state, frames, screenshot, clickWidget, clickAt, widgets, pressKey, typeKeys, command, pagesClosedAfterEach } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

// The page position of plane point (x1, x2) on the output picture ([-6, 6]², x2 up).
async function onOutput(page, x1, x2) {
  const [ox, oy, side] = (await widgets(page))['pg:output'];
  return [ox + ((x1 + 6) / 12) * side, oy + ((6 - x2) / 12) * side];
}

async function ownPoints(page) {
  const s = (await state(page)).playground;
  const own = s.state.split('&').find((kv) => kv.startsWith('own='));
  return own ? decodeURIComponent(own.slice(4)) : '';
}

test('points placed by mouse: add both classes, drag, erase, and they train', async () => {
  const app = await open({ hash: 'playground:data=xor', width: 1400, height: 900 });
  const { page } = app;
  await clickWidget(page, 'pg:data:own', 0.5, 0.4);
  let s = (await state(page)).playground;
  assert.match(s.state, /data=own/);
  assert.equal(s.train_points, 60, 'your data starts from 60 of the points on screen');
  assert.equal(s.test_loss, null, 'every point trains: nothing is held out');
  // Clear it down to a few points by loading a small CSV through the box, then build by hand.
  await clickWidget(page, 'pg:csv');
  await clickWidget(page, 'pg:csv-text', 0.5, 0.5);
  await pressKey(page, 'Control+A');
  await pressKey(page, 'Delete');
  await typeKeys(page, '-4,-4,0');
  await pressKey(page, 'Enter');
  await typeKeys(page, '4,4,1');
  await clickWidget(page, 'pg:csv-load');
  await frames(page, 4);
  assert.equal(await ownPoints(page), 'c2:-4,-4,0;4,4,1');
  assert.equal((await widgets(page))['pg:csv-text'], undefined, 'the box closes once loaded');

  // Class 0 by its button, class 1 by Shift: an XOR of four clusters, two clicks each.
  await clickWidget(page, 'pg:class:0');
  for (const [x, y] of [[-4, -3], [-3, -4]]) await clickAt(page, ...(await onOutput(page, x, y)));
  await clickWidget(page, 'pg:class:1');
  for (const [x, y] of [[3, 4], [4, 3]]) await clickAt(page, ...(await onOutput(page, x, y)));
  await clickWidget(page, 'pg:class:0');
  await page.keyboard.down('Shift');
  for (const [x, y] of [[-4, 4], [-3, 4.5], [-4.5, 3]]) await clickAt(page, ...(await onOutput(page, x, y)));
  await page.keyboard.up('Shift');
  for (const [x, y] of [[4, -4], [3, -4.5], [4.5, -3]]) await clickAt(page, ...(await onOutput(page, x, y)));
  let own = await ownPoints(page);
  let points = own.slice(3).split(';').map((p) => p.split(',').map(Number));
  assert.equal(points.length, 12, own);
  // Class 0 chosen: plain clicks add 0 (bottom right), Shift-clicks the other class (top left).
  assert.deepEqual(points.slice(0, 6).map((p) => p[2]), [0, 1, 0, 0, 1, 1]);
  assert.deepEqual(points.slice(6, 9).map((p) => p[2]), [1, 1, 1]);
  assert.deepEqual(points.slice(9).map((p) => p[2]), [0, 0, 0]);

  // Drag the last point across the plane with the mouse held.
  const [fx, fy] = await onOutput(page, 4.5, -3);
  const [tx, ty] = await onOutput(page, 2, -2);
  await page.mouse.move(fx, fy);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  for (let k = 1; k <= 5; ++k) { await page.mouse.move(fx + ((tx - fx) * k) / 5, fy + ((ty - fy) * k) / 5); await frames(page, 2); }
  await page.mouse.up();
  await frames(page, 3);
  own = await ownPoints(page);
  points = own.slice(3).split(';').map((p) => p.split(',').map(Number));
  assert.equal(points.length, 12);
  assert.ok(Math.abs(points[11][0] - 2) < 0.15 && Math.abs(points[11][1] + 2) < 0.15, `dragged to (2, -2): ${own}`);
  assert.equal(points[11][2], 0, 'a drag keeps the class');

  // The eraser takes the point clicked.
  await clickWidget(page, 'pg:erase', 0.1, 0.5);
  await clickAt(page, ...(await onOutput(page, 2, -2)));
  assert.equal((await ownPoints(page)).split(';').length, 11);
  await clickWidget(page, 'pg:erase', 0.1, 0.5);

  // They train: class 1 above, class 0 below; the boundary separates all eleven.
  await page.evaluate(() => window.nabla.command('playground', 'lr', '', 0.1));
  await clickWidget(page, 'pg:play');
  await page.waitForFunction(() => window.nabla.state().playground.train_accuracy === 1, null, { timeout: 60000 });
  await clickWidget(page, 'pg:play');
  await screenshot(page, 'own-data-trained.png');

  // The link carries the points: a fresh page opens the same data and, replayed, the same weights.
  s = (await state(page)).playground;
  const link = await page.evaluate(() => location.hash.slice(1));
  const other = await open({ hash: link, width: 1400, height: 900 });
  await other.page.waitForFunction(() => !window.nabla.state().playground.replaying, null, { timeout: 30000 });
  const o = (await state(other.page)).playground;
  assert.equal(o.state, s.state);
  assert.equal(o.first_weight, s.first_weight);
  assert.equal(o.train_loss, s.train_loss);
  assert.deepEqual(app.problems, []);
  assert.deepEqual(other.problems, []);
});

test('a bad CSV row is named with its row and column and nothing changes; a dropped file loads', async () => {
  const app = await open({ hash: 'playground:data=circle', width: 1280, height: 800 });
  const { page } = app;
  const before = (await state(page)).playground.state;
  await clickWidget(page, 'pg:csv');
  await clickWidget(page, 'pg:csv-text', 0.5, 0.5);
  await typeKeys(page, 'x1,x2,label');
  await pressKey(page, 'Enter');
  await typeKeys(page, '1,2,1');
  await pressKey(page, 'Enter');
  await typeKeys(page, '3,abc,0');
  await clickWidget(page, 'pg:csv-load');
  await frames(page, 4);
  assert.ok((await widgets(page))['pg:csv-error'], 'the box stays open with the message');
  const s = await state(page);
  assert.equal(s.playground.error, "CSV not loaded: row 3, column 2: 'abc' is not a number");
  assert.equal(s.playground.state, before, 'nothing half-loaded');
  await screenshot(page, 'own-data-bad-csv.png');
  await clickWidget(page, 'pg:csv-cancel');

  // A file dropped on the page, as from the desktop: three classes.
  await page.evaluate(() => {
    const rows = ['x1,x2,label'];
    for (let i = 0; i < 30; ++i) rows.push(`${(i % 3) * 3 - 3},${(i % 5) - 2},${i % 3}`);
    const data = new DataTransfer();
    data.items.add(new File([rows.join('\n')], 'class.csv', { type: 'text/csv' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.nabla.state().playground.train_points === 30, null, { timeout: 10000 });
  const after = await state(page);
  assert.equal(after.status, 'class.csv: your data, 30 points');
  assert.deepEqual(after.playground.layers.slice(-1), [3], 'a softmax over the three classes');
  // They train: three columns of points, learned.
  await command(page, 'playground', 'lr', '', 0.1);
  await clickWidget(page, 'pg:play');
  await page.waitForFunction(() => window.nabla.state().playground.train_accuracy >= 0.9, null, { timeout: 60000 });
  await clickWidget(page, 'pg:play');
  await frames(page, 3);
  await screenshot(page, 'own-data-dropped.png');
  assert.deepEqual(app.problems, []);
});
