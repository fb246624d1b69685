// A frame that changes nothing is not drawn again (issue 16 #3, src/platform/main_web.cpp): an idle
// lab keeps its frame loop (input, the UI built) but neither rasterises nor composites, which software
// WebGL pays for with most of a frame. The canvas keeps the last picture for whoever reads it (a
// screenshot here; Firefox's and WebKit's pictures in engines.test.mjs), and anything that changes,
// a hover, a click, training, is drawn in the frame it happens.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, command, frames, widgets, pixelAt, clickWidget } from './browser.mjs';

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
