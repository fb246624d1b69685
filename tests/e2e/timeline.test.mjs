// The timeline (issue 12 #3), with the mouse and the keys: the playground scrubbed back half way shows
// the network exactly as a run stopped there would; Train from there is a new branch whose link
// replays to the same numbers; ← and End walk it; the Trajectory lab scrubs every run's path.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { state, frames, screenshot, clickWidget, command, pressKey, playgroundSteps, pagesClosedAfterEach } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

// The playground's numbers that a step decides (not the timeline's own fields).
const numbers = (p) => ({ steps: p.steps, state: p.state, first_weight: p.first_weight, train_loss: p.train_loss, test_loss: p.test_loss });

test('scrub back half way, see the exact past, train on as a new branch whose link replays', async () => {
  const app = await open({ hash: 'playground:data=xor&lr=0.1', width: 1400, height: 900 });
  const { page } = app;
  await playgroundSteps(page, 600);
  await frames(page, 3);
  await screenshot(page, 'timeline-now.png');
  await clickWidget(page, 'pg:timeline', 0.5, 0.5);  // a click on the slider's middle
  let p = (await state(page)).playground;
  assert.equal(p.timeline.viewing, true);
  assert.equal(p.timeline.present_steps, 600);
  assert.ok(p.steps > 200 && p.steps < 400, `half way back: step ${p.steps}`);
  await screenshot(page, 'timeline-past.png');

  // A run stopped at that step, in another page, has the same numbers.
  const other = await open({ hash: 'playground:data=xor&lr=0.1', width: 1400, height: 900 });
  await playgroundSteps(other.page, p.steps);
  assert.deepEqual(numbers((await state(other.page)).playground), numbers(p));

  // ← goes one record back, → one forward, End to now.
  await pressKey(page, 'ArrowLeft');
  const back = (await state(page)).playground;
  assert.ok(back.steps < p.steps && back.timeline.viewing, `← went back: ${back.steps}`);
  await pressKey(page, 'ArrowRight');
  assert.ok((await state(page)).playground.steps > back.steps);
  await pressKey(page, 'End');
  assert.equal((await state(page)).playground.timeline.viewing, false);
  assert.equal((await state(page)).playground.steps, 600);

  // Back again, then Train: a new branch from there; the old future is gone.
  await clickWidget(page, 'pg:timeline', 0.5, 0.5);
  const from = (await state(page)).playground.steps;
  await clickWidget(page, 'pg:play');
  await page.waitForFunction((s) => window.nabla.state().playground.steps > s + 100, from, { timeout: 30000 });
  await clickWidget(page, 'pg:play');
  p = (await state(page)).playground;
  assert.equal(p.timeline.viewing, false);
  assert.equal(p.timeline.present_steps, p.steps);
  await frames(page, 30);  // the link is written at most once a second while training
  await page.waitForTimeout(1100);
  await frames(page, 3);
  const link = await page.evaluate(() => location.hash.slice(1));
  assert.match(link, new RegExp(`steps=${p.steps}`));
  const replayed = await open({ hash: link, width: 1400, height: 900 });
  await replayed.page.waitForFunction(() => !window.nabla.state().playground.replaying, null, { timeout: 30000 });
  assert.deepEqual(numbers((await state(replayed.page)).playground), numbers(p));
  assert.deepEqual(app.problems, []);
});

test('the Trajectory lab scrubs every run back to an earlier iteration', async () => {
  const app = await open({ hash: 'trajectory:', width: 1400, height: 900 });
  const { page } = app;
  await command(page, 'trajectory', 'step', '', 40);
  await frames(page, 3);
  await clickWidget(page, 'tr:timeline', 0.25, 0.5);
  const s = await state(page);
  assert.ok(s.trajectory_timeline > 5 && s.trajectory_timeline < 15, `a quarter of 40: ${s.trajectory_timeline}`);
  await screenshot(page, 'timeline-trajectory.png');
  await clickWidget(page, 'tr:step');  // stepping on returns to now
  assert.equal((await state(page)).trajectory_timeline, -1);
  assert.deepEqual(app.problems, []);
});
