// The system clipboard in the expression box, with the real keyboard: an expression copied from the
// lecture notes is pasted with Ctrl+V, and Ctrl+C / Ctrl+X put the box's text on the clipboard.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, frames, screenshot, clickWidget, pressKey } from './browser.mjs';

const app = await openApp();
after(() => app.close());
await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') });
const clipboard = {
  write: (text) => app.page.evaluate((t) => navigator.clipboard.writeText(t), text),
  read: () => app.page.evaluate(() => navigator.clipboard.readText()),
};

test('Ctrl+V pastes an expression from the clipboard into the box and the graph follows', async () => {
  const { page } = app;
  await clipboard.write('f = (x + y) * z * w');
  await clickWidget(page, 'expression', 0.5, 0.3);
  await pressKey(page, 'Control+A');
  await pressKey(page, 'Control+V');
  await frames(page, 4);
  const g = (await state(page)).graph;
  assert.equal(g.draft, 'f = (x + y) * z * w');
  assert.equal(g.state.startsWith('expr=f%20%3D%20(x%20%2B%20y)%20*%20z%20*%20w'), true, g.state);
  await screenshot(page, 'clipboard-pasted.png');
  assert.deepEqual(app.problems, []);
});

test('Ctrl+C and Ctrl+X put the box\'s text on the system clipboard', async () => {
  const { page } = app;
  await clipboard.write('nothing yet');
  await clickWidget(page, 'expression', 0.5, 0.3);
  await pressKey(page, 'Control+A');
  await pressKey(page, 'Control+C');
  await frames(page, 4);
  assert.equal(await clipboard.read(), 'f = (x + y) * z * w');
  await pressKey(page, 'Control+A');
  await pressKey(page, 'Control+X');
  await frames(page, 4);
  assert.equal(await clipboard.read(), 'f = (x + y) * z * w');
  assert.equal((await state(page)).graph.draft, '');
  await pressKey(page, 'Control+V');  // and back
  await frames(page, 4);
  assert.equal((await state(page)).graph.draft, 'f = (x + y) * z * w');
  assert.equal((await state(page)).status, '');
  assert.deepEqual(app.problems, []);
});
