// A frame that changes nothing is not drawn again (issue 16 #3, src/platform/main_web.cpp): an idle
// lab keeps its frame loop (input, the UI built) but neither rasterises nor composites, which software
// WebGL pays for with most of a frame. The canvas keeps the last picture for whoever reads it (a
// screenshot here; Firefox's and WebKit's pictures in engines.test.mjs), and anything that changes,
// a hover, a click, training, is drawn in the frame it happens. And a frame that changed a little
// is drawn again only there (src/gfx/damage.h): the canvas must then equal a whole redraw, pixel for
// pixel, on a desktop and on a phone whose pixel ratio is no whole number.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, command, frames, widgets, pixelAt, clickWidget, differingPixels, screenshot } from './browser.mjs';

const app = await openApp();
after(() => app.close());
const drawn = (page) => page.evaluate(() => window.nabla.drawn());
const framesSoFar = (page) => page.evaluate(() => window.nabla.frames());
const BACKGROUND = [245, 245, 242];  // the clear colour, where nothing is drawn
const isBackground = (p) => p.slice(0, 3).every((v, i) => Math.abs(v - BACKGROUND[i]) <= 2);

test('an idle lab is not drawn again, yet stays on screen; a hover, a click and training are drawn at once', async () => {
  const { page } = app;
  await page.mouse.move(2, 700);  // away from every widget
  await frames(page, 10);
  const before = await drawn(page), f0 = await framesSoFar(page);
  await frames(page, 30);
  const idle = await drawn(page), f1 = await framesSoFar(page);
  assert.ok(f1 - f0 >= 30, 'the frame loop runs');
  assert.ok(idle.redrawn - before.redrawn <= 1, `an unchanged frame is not drawn: ${idle.redrawn - before.redrawn} of ${f1 - f0}`);

  // Still on screen: the playground tab's button is not the bare background.
  const [x, y, w, h] = (await widgets(page))['tab:playground'];
  assert.ok(!isBackground(await pixelAt(page, x + w / 2, y + h / 2)), 'the tab bar is still drawn');

  await page.mouse.move(x + w / 2, y + h / 2);  // a hover changes the button's colour
  await frames(page, 3);
  assert.ok((await drawn(page)).redrawn > idle.redrawn, 'a hover is drawn');

  await clickWidget(page, 'tab:playground');
  await frames(page, 5);
  await command(page, 'playground', 'play');
  const t0 = await drawn(page), g0 = await framesSoFar(page);
  await frames(page, 20);
  const t1 = await drawn(page), g1 = await framesSoFar(page);
  await command(page, 'playground', 'pause');
  assert.ok(t1.redrawn - t0.redrawn >= (g1 - g0) - 1, `every training frame is drawn: ${t1.redrawn - t0.redrawn} of ${g1 - g0}`);
});

// Trains with partial redraws, hovers over widgets (highlights drawn and taken away), pauses; then a
// screenshot, and another after the canvas was resized and back (a whole redraw): they must agree.
async function partialEqualsWhole(page, name) {
  await command(page, 'app', 'tab', 'playground');
  await command(page, 'playground', 'reset');
  await frames(page, 5);
  const t0 = await drawn(page);
  await command(page, 'playground', 'play');
  await frames(page, 40);
  const w = await widgets(page);
  for (const widget of ['pg:step', 'pg:reset', 'pg:data:xor', 'pg:neuron:1:2', 'tab:graph']) {
    if (!w[widget]) continue;
    const [x, y, ww, hh] = w[widget];
    await page.mouse.move(x + ww / 2, y + hh / 2);
    await frames(page, 3);
  }
  await command(page, 'playground', 'pause');
  const size = page.viewportSize();
  await page.mouse.move(size.width - 2, size.height - 2);
  await frames(page, 10);
  const t1 = await drawn(page);
  const share = (t1.redrawn_share - t0.redrawn_share) / (t1.redrawn - t0.redrawn);
  assert.ok(t1.redrawn - t0.redrawn >= 40, `training frames are drawn: ${t1.redrawn - t0.redrawn}`);
  assert.ok(share > 0.01 && share < 0.6, `${name}: a training frame redraws part of the canvas, not all of it: ${(100 * share).toFixed(1)} %`);
  const partial = await page.screenshot();
  await screenshot(page, `partial-redraw-${name}.png`);

  await page.setViewportSize({ width: size.width - 30, height: size.height });
  await frames(page, 6);
  await page.setViewportSize(size);
  await frames(page, 10);
  const whole = await page.screenshot();
  const d = await differingPixels(page, partial, whole, 0);
  assert.ok(d.count === 0, `${name}: the partly redrawn canvas differs from a whole redraw in ${d.count} pixels`);
}

test('a training frame redraws only what changed, and the canvas equals a whole redraw', async () => {
  await partialEqualsWhole(app.page, 'desktop');
  const phone = await openApp({ width: 390, height: 844, scale: 2.625, touch: true, locale: 'ko-KR' });
  try {
    await partialEqualsWhole(phone.page, 'phone-ko');
  } finally {
    await phone.close();
  }
});
