// A/B (issue 12 #4), as a teacher shows the learning rate's effect: A/B starts run B from the same
// initial weights with ten times the learning rate, and B learns faster in lockstep; B's batch
// slider set to 1 (SGD) restarts both; the boundaries sit side by side and the loss curves overlay; B's numbers are those of
// a run with B's settings alone; the link reopens both.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { state, frames, screenshot, clickWidget, widgets, playgroundSteps, pagesClosedAfterEach } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

test('A/B: two runs from the same weights, side by side, in lockstep, and the link reopens both', async () => {
  const app = await open({ hash: 'playground:data=circle&lr=0.003', width: 1400, height: 900 });
  const { page } = app;
  await clickWidget(page, 'pg:compare');
  let s = (await state(page)).playground;
  assert.ok(s.compare, 'run B started');
  assert.match(s.compare.state, /^lr:0.03,batch:10,/);
  assert.equal(s.compare.first_weight, s.first_weight, 'the same initial weights');
  await clickWidget(page, 'pg:play');
  await page.waitForFunction(() => window.nabla.state().playground.steps >= 800, null, { timeout: 60000 });
  await clickWidget(page, 'pg:play');
  await frames(page, 3);
  s = (await state(page)).playground;
  assert.equal(s.compare.steps, s.steps, 'lockstep');
  assert.ok(s.compare.train_loss < s.train_loss - 0.05, `B (η 0.03) ahead of A (η 0.003): ${s.compare.train_loss} vs ${s.train_loss}`);
  await screenshot(page, 'compare-lr.png');

  // B's batch slider to 1 (SGD): both runs start again from the same weights.
  await clickWidget(page, 'pg:b:batch', 0.02, 0.5);
  s = (await state(page)).playground;
  assert.match(s.compare.state, /batch:1,/);
  assert.equal(s.steps, 0);
  assert.equal(s.compare.steps, 0);
  await clickWidget(page, 'pg:play');
  await page.waitForFunction(() => window.nabla.state().playground.steps >= 600, null, { timeout: 60000 });
  await clickWidget(page, 'pg:play');
  await frames(page, 3);
  s = (await state(page)).playground;
  const w = await widgets(page);
  assert.ok(w['pg:output'] && w['pg:output-b'], 'both pictures');
  assert.ok(Math.abs(w['pg:output'][1] - w['pg:output-b'][1]) < 1 && w['pg:output-b'][0] > w['pg:output'][0] + w['pg:output'][2] - 1, 'side by side');
  await screenshot(page, 'compare-ab.png');

  // B's numbers are a run with B's settings alone, stopped at the same step.
  const alone = await open({ hash: 'playground:data=circle&lr=0.03&batch=1', width: 1400, height: 900 });
  await playgroundSteps(alone.page, s.steps);
  const a = (await state(alone.page)).playground;
  assert.equal(a.steps, s.steps);
  assert.equal(a.first_weight, s.compare.first_weight);
  assert.equal(a.train_loss, s.compare.train_loss);

  // The link carries B: a fresh page replays both.
  await page.waitForTimeout(1100);
  await frames(page, 3);
  const link = await page.evaluate(() => location.hash.slice(1));
  assert.match(link, /&cmp=lr:0.03,batch:1,/);
  const reopened = await open({ hash: link, width: 1400, height: 900 });
  await reopened.page.waitForFunction(() => !window.nabla.state().playground.replaying, null, { timeout: 30000 });
  const r = (await state(reopened.page)).playground;
  assert.deepEqual(r.compare, s.compare);
  assert.equal(r.train_loss, s.train_loss);

  await clickWidget(page, 'pg:compare');  // ✕ A/B: back to one run
  assert.equal((await state(page)).playground.compare, null);
  assert.deepEqual(app.problems, []);
});
