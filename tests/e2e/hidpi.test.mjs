// A student's laptop with a HiDPI screen (device pixel ratio 2): the drawing buffer has the screen's
// pixels, so text is sharp, while the layout, the hook's widget rectangles and the mouse stay in CSS
// pixels, the page's own units.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, state, frames, screenshot, clickWidget, widgets, SHOTS } from './browser.mjs';

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

// Browser zoom and a move to another screen change devicePixelRatio (and, for zoom, the CSS size)
// while the page runs: the fonts are rasterised again and the layout follows, as at load.
test('a device pixel ratio change while running (browser zoom, another screen) re-lays the page', async () => {
  const other = await openApp();
  try {
    const { page } = other;
    const cdp = await page.context().newCDPSession(page);
    const before = (await widgets(page))['step:forward'];
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 2, mobile: false });
    await frames(page, 8);
    const buffer = await page.evaluate(() => [document.getElementById('canvas').width, window.devicePixelRatio]);
    assert.deepEqual(buffer, [2560, 2]);
    const after = (await widgets(page))['step:forward'];
    assert.ok(Math.abs(after[2] - before[2]) < 1 && Math.abs(after[3] - before[3]) < 1, `the button keeps its CSS size: ${before} -> ${after}`);
    // 150 % browser zoom of a 1280x720 window: 853x480 CSS pixels at ratio 1.5.
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 853, height: 480, deviceScaleFactor: 1.5, mobile: false });
    await frames(page, 8);
    const w = await widgets(page);
    const outside = Object.entries(w).filter(([, r]) => r[0] < -1 || r[0] + r[2] > 854).map(([n]) => n);
    assert.deepEqual(outside, [], 'nothing off the right edge at 150 %');
    assert.ok(Math.min(w['graph:canvas'][2], w['graph:canvas'][3]) >= 200, `the graph keeps room: ${w['graph:canvas']}`);
    // Through CDP: Playwright's own screenshot would put its viewport back first.
    const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(join(SHOTS, 'zoom-150-graph.png'), Buffer.from(shot.data, 'base64'));
    assert.deepEqual(other.problems, []);
  } finally {
    await other.close();
  }
});
