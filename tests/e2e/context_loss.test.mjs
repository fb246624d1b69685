// A lost WebGL context (a GPU reset, a driver update, a laptop waking) used to end the page in
// silence. Now the page says what happened, keeps every lab's state, and draws again when the
// browser gives the context back (WEBGL_lose_context simulates both).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, screenshot, widgets, pixelAt } from './browser.mjs';

const app = await openApp();
after(() => app.close());
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

test('the context is lost and restored: a message meanwhile, the state kept, the pictures back', async () => {
  const { page } = app;
  assert.equal((await command(page, 'app', 'tab', 'playground')).ok, true);
  for (let k = 0; k < 40; ++k) assert.equal((await command(page, 'playground', 'step')).ok, true);
  await frames(page, 4);
  const before = await state(page);
  const out = (await widgets(page))['pg:output'];
  const centre = [out[0] + out[2] * 0.3, out[1] + out[3] * 0.5];
  const colour = await pixelAt(page, ...centre);

  await page.evaluate(() => { window.lost = Module.ctx.getExtension('WEBGL_lose_context'); window.lost.loseContext(); });
  await sleep(300);
  const message = await page.evaluate(() => { const s = document.getElementById('status'); return s.style.display === 'flex' ? s.textContent : ''; });
  assert.match(message, /graphics context was lost/);
  await screenshot(page, 'context-lost.png');

  await page.evaluate(() => window.lost.restoreContext());
  await frames(page, 8);
  const after = await state(page);
  assert.equal(after.playground.steps, before.playground.steps, 'training state kept');
  assert.equal(after.playground.first_weight, before.playground.first_weight);
  assert.equal(after.graph.state, before.graph.state);
  assert.equal(after.status, '');
  assert.deepEqual(await pixelAt(page, ...centre), colour, 'the output is drawn again, the same');
  await command(page, 'app', 'tab', 'trajectory');
  await frames(page, 4);
  await screenshot(page, 'context-restored-trajectory.png');
  assert.deepEqual(app.problems, []);
  assert.deepEqual(await page.evaluate(() => window.nabla.problems()), []);
});
