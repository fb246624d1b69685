// A student's laptop with a HiDPI screen (device pixel ratio 2): the drawing buffer has the screen's
// pixels, so text is sharp, while the layout, the hook's widget rectangles and the mouse stay in CSS
// pixels, the page's own units.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, frames, screenshot, clickWidget, widgets } from './browser.mjs';

let app;
before(async () => { app = await openApp({ scale: 2 }); });
after(async () => { await app?.close(); });

test('the drawing buffer has the device pixels; the layout keeps CSS pixels', async () => {
  const size = await app.page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { buffer: [c.width, c.height], css: [c.clientWidth, c.clientHeight], ratio: window.devicePixelRatio };
  });
  assert.equal(size.ratio, 2);
  assert.deepEqual(size.css, [1280, 720]);
  assert.deepEqual(size.buffer, [2560, 1440]);
  // The layout fills the 1280 CSS pixels: laid out in device pixels it would reach 2560 (or 640).
  const right = Math.max(...Object.values(await widgets(app.page)).map((r) => r[0] + r[2]));
  assert.ok(right > 900 && right <= 1280, `the right-most widget ends at ${right}`);
});

test('a mouse click lands on the widget under the pointer', async () => {
  await clickWidget(app.page, 'preset:E2');
  await frames(app.page, 3);
  const g = (await state(app.page)).graph;
  assert.equal(g.expression, 'f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))');
  assert.ok(Math.abs(g.gradients.w0 - -0.1966) < 5e-5, JSON.stringify(g.gradients));  // the lecture's E2
  await clickWidget(app.page, 'tab:trajectory');
  await frames(app.page, 3);
  assert.ok((await widgets(app.page))['tr:surface'], 'the trajectory lab is open');
  await screenshot(app.page, 'hidpi-trajectory.png');
  await clickWidget(app.page, 'tab:playground');
  await frames(app.page, 3);
  await screenshot(app.page, 'hidpi-playground.png');
  assert.deepEqual(app.problems, []);
});
