// Lecture 002's PyTorch loop in the playground (shared/LESSONS.md E4), set up as a user would: three
// points of their own, no hidden layer, then the network's "options…" by mouse (biases off, constant
// initial weights, no shuffling). Sixty steps later w = 1.9976202, the notes' float32 number.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, clickWidget, widgets, screenshot, playgroundSteps } from './browser.mjs';

const app = await openApp({ hash: 'playground:data=own&own=xy:1,2;2,4;3,6&features=x1&layers=none&batch=1&lr=0.01' });
after(() => app.close());

test('the options popup turns a playground run into lecture 002\'s loop', async () => {
  const { page } = app;
  await frames(page, 4);
  await clickWidget(page, 'pg:net-options');
  await frames(page, 3);
  assert.ok((await widgets(page))['pg:bias'], 'the popup is open');
  await clickWidget(page, 'pg:bias');          // biases off
  await frames(page, 3);
  await clickWidget(page, 'pg:shuffle');       // the samples in order
  await frames(page, 3);
  // The combo's list is ImGui's own window; the hook picks the row as the list would.
  assert.equal((await command(page, 'playground', 'init', 'constant')).ok, true);
  await frames(page, 3);
  let s = (await state(page)).playground;
  assert.match(s.state, /bias=0&init=constant&shuffle=0/);
  assert.deepEqual(s.layers, [1, 1]);
  assert.equal(s.first_weight, 1);
  await screenshot(page, 'lecture002-options.png');
  await playgroundSteps(page, 60);
  s = (await state(page)).playground;
  assert.equal(s.steps, 60);
  assert.equal(Math.fround(s.first_weight), Math.fround(1.9976202));
  // A w0 outside the row's range is refused with the row's message; the run stays.
  const bad = await command(page, 'playground', 'w0', '', 11);
  assert.equal(bad.ok, false);
  assert.match(bad.error, /initial weight/);
  assert.equal((await state(page)).playground.first_weight, s.first_weight);
  assert.deepEqual(app.problems, []);
});
