// A tablet by touch and a presentation clicker: real touch events (Chromium's touch emulation, CDP
// Input.dispatchTouchEvent) and real key presses, as a class uses them. One tap must be one click
// (Emscripten's GLFW made it one, then two), a finger drags a slider, two fingers pinch-zoom, and
// Page Down / Right / Space step backprop while typing in a text box steps nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, screenshot, widgets, clickWidget, typeKeys, pressKey } from './browser.mjs';

const centre = (r) => ({ x: r[0] + r[2] / 2, y: r[1] + r[3] / 2 });

// A finger: down, a few moves (a drawn frame between each, as a hand is slower than a frame), up.
async function touchPath(page, cdp, points) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]] });
  await frames(page, 2);
  for (const p of points.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
    await frames(page, 2);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
}

async function tap(page, name) {
  const at = centre((await widgets(page))[name]);
  await page.touchscreen.tap(at.x, at.y);
  await frames(page, 3);
}

const tablet = await openApp({ touch: true, width: 1280, height: 800 });
const desk = await openApp();
after(async () => { await tablet.close(); await desk.close(); });

// Fourteen gates, so ten steps stay inside the graph.
const LONG = 'f = ((((((a + b) * c + d) * e + g) * h + k) * m + n) * p + q) * r';

test('one tap on Step is exactly one backprop step; ten taps are ten', async () => {
  const { page } = tablet;
  assert.equal((await command(page, 'graph', 'expression', LONG)).ok, true);
  await frames(page, 3);
  await tap(page, 'step:forward');  // from the complete graph: back to the start of backprop
  let g = (await state(page)).graph;
  assert.equal(g.backprop.done, 0);
  assert.ok(g.backprop.total >= 12, `gates: ${g.backprop.total}`);
  await tap(page, 'step:forward');
  assert.equal((await state(page)).graph.backprop.done, 1);
  for (let k = 0; k < 10; ++k) await tap(page, 'step:forward');
  assert.equal((await state(page)).graph.backprop.done, 11);
  await tap(page, 'step:back');
  assert.equal((await state(page)).graph.backprop.done, 10);
  await screenshot(page, 'touch-graph-stepping.png');
  assert.deepEqual(tablet.problems, []);
});

test('a pinch on the graph zooms it; one finger drags a slider; one tap opens a tab', async () => {
  const { page } = tablet;
  const cdp = await page.context().newCDPSession(page);
  const canvas = (await widgets(page))['graph:canvas'];
  const c = centre(canvas);
  const before = (await state(page)).graph_view.zoom;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: c.x - 40, y: c.y, id: 1 }, { x: c.x + 40, y: c.y, id: 2 }] });
  await frames(page, 2);
  for (let k = 1; k <= 6; ++k) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: c.x - 40 - 15 * k, y: c.y, id: 1 }, { x: c.x + 40 + 15 * k, y: c.y, id: 2 }] });
    await frames(page, 2);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
  const zoomed = (await state(page)).graph_view.zoom;
  assert.ok(zoomed > before * 1.3, `zoom ${before} -> ${zoomed}`);
  assert.equal((await state(page)).graph.backprop.done, 10, 'a pinch presses nothing');

  await tap(page, 'tab:playground');  // one tap, not two
  assert.equal((await state(page)).lab, 'playground');
  const lr = (await widgets(page))['pg:lr'];
  const from = (await state(page)).playground.learning_rate;
  const y = lr[1] + lr[3] / 2;
  await touchPath(page, cdp, [0.45, 0.55, 0.65, 0.75].map((f) => ({ x: lr[0] + lr[2] * f, y })));
  const to = (await state(page)).playground.learning_rate;
  assert.ok(to > from * 3, `learning rate ${from} -> ${to}`);
  await tap(page, 'pg:play');
  assert.equal((await state(page)).playground.playing, true);
  await tap(page, 'pg:play');  // a tap pauses it again
  assert.equal((await state(page)).playground.playing, false);
  await screenshot(page, 'touch-playground-slider.png');
  assert.deepEqual(tablet.problems, []);
});

test('a clicker steps backprop; typing in the expression box steps nothing', async () => {
  const { page } = desk;
  assert.equal((await command(page, 'graph', 'preset', 'E2')).ok, true);
  await frames(page, 3);
  await page.mouse.move(5, 5);  // away from every widget, as a presenter's hand is
  await pressKey(page, 'PageDown');  // from complete: the start of backprop
  assert.equal((await state(page)).graph.backprop.done, 0);
  await pressKey(page, 'PageDown', 3);
  assert.equal((await state(page)).graph.backprop.done, 3);
  await pressKey(page, 'ArrowRight');
  await pressKey(page, 'Space');
  assert.equal((await state(page)).graph.backprop.done, 5);
  await pressKey(page, 'PageUp');
  await pressKey(page, 'ArrowLeft');
  assert.equal((await state(page)).graph.backprop.done, 3);
  await pressKey(page, 'Home');
  assert.equal((await state(page)).graph.backprop.done, 0);
  await pressKey(page, 'End');
  assert.equal((await state(page)).graph.state.includes('step='), false, 'End leaves step mode');

  await clickWidget(page, 'expression', 0.9);
  await typeKeys(page, ' ');
  await pressKey(page, 'ArrowLeft', 2);
  await pressKey(page, 'PageDown');
  const g = (await state(page)).graph;
  assert.equal(g.state.includes('step='), false, 'keys inside the text box do not step backprop');
  await pressKey(page, 'Escape');
  assert.deepEqual(desk.problems, []);
});

test('Enter runs and pauses the trajectory lab; Right steps it; the wheel logs nothing', async () => {
  const { page } = desk;
  assert.equal((await command(page, 'app', 'tab', 'trajectory')).ok, true);
  await frames(page, 3);
  await page.mouse.move(5, 5);
  const steps = (await state(page)).trajectory.steps;
  await pressKey(page, 'ArrowRight');
  assert.equal((await state(page)).trajectory.steps, steps + 1);
  await pressKey(page, 'Enter');
  assert.equal((await state(page)).trajectory.playing, true);
  await pressKey(page, 'Enter');
  assert.equal((await state(page)).trajectory.playing, false);
  const s = centre((await widgets(page))['tr:surface']);
  await page.mouse.move(s.x, s.y);
  await frames(page, 2);
  const before = (await state(page)).trajectory_view;
  for (let k = 0; k < 3; ++k) { await page.mouse.wheel(0, -100); await frames(page, 2); }
  const after = (await state(page)).trajectory_view;
  assert.ok(after[1] - after[0] < (before[1] - before[0]) * 0.8, 'the wheel zooms in');
  assert.deepEqual(desk.problems, [], 'no "passive event listener" error');
});

test('on a phone a finger scrolls the one-column layout; a tap still presses', async () => {
  const phone = await openApp({ touch: true, width: 390, height: 844 });
  try {
    const { page } = phone;
    const cdp = await page.context().newCDPSession(page);
    await tap(page, 'tab:playground');
    assert.equal((await state(page)).lab, 'playground');
    const before = (await widgets(page))['pg:output'];
    // Up from low on the screen, between widgets (the output heading's row is text, not a widget).
    const x = 200, y = before[1] - 10;
    await touchPath(page, cdp, [{ x, y }, { x, y: y - 60 }, { x, y: y - 120 }, { x, y: y - 180 }]);
    const after = (await widgets(page))['pg:output'];
    assert.ok(after[1] < before[1] - 100, `the column scrolled: output at y ${before[1]} -> ${after[1]}`);
    // More swipes from the loss plot's label row (text too), until the network's buttons are on screen.
    for (let k = 0; k < 4; ++k) {
      const w = await widgets(page);
      if (w['pg:layer+'] && w['pg:layer+'][1] < 800) break;
      const from = w['pg:loss-plot'][1] - 8;
      await touchPath(page, cdp, [{ x, y: from }, { x, y: from - 80 }, { x, y: from - 160 }, { x, y: from - 240 }]);
    }
    await screenshot(page, 'touch-phone-scrolled.png');
    const layers = (await state(page)).playground.layers.length;
    await tap(page, 'pg:layer+');  // now on screen, scrolled up into view
    assert.equal((await state(page)).playground.layers.length, layers + 1);
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});

test('a finger held on an edge shows what hovering it shows: upstream x local = downstream', async () => {
  const { page } = tablet;
  assert.equal((await command(page, 'app', 'tab', 'graph')).ok, true);
  assert.equal((await command(page, 'graph', 'preset', 'E1')).ok, true);
  await frames(page, 6);
  const g = (await state(page)).graph;
  const w = await widgets(page);
  const x = w[`node:${g.labels.indexOf('x')}`], plus = w[`node:${g.labels.indexOf('+')}`];
  assert.ok(x && plus, 'the x and + gates are drawn');
  // Halfway along the edge x -> +: between x's right side and +'s left side.
  const at = { x: (x[0] + x[2] + plus[0]) / 2, y: (x[1] + x[3] / 2 + plus[1] + plus[3] / 2) / 2 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await frames(page, 8);
  assert.ok((await widgets(page))['tooltip:edge'], 'the edge read-out is shown while the finger is held');
  await screenshot(page, 'touch-edge-held.png');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 4);
  assert.equal((await widgets(page))['tooltip:edge'], undefined, 'and gone when it lifts');
});
