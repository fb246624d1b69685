// Hiding controls for a focused lesson (issue 12 #2), as a teacher prepares the link: ticks in the
// Hide… menu remove them at once and the link keeps them hidden; a student opening it sees only
// the rest; Show all brings them back; an unknown key in a link is said, the rest opens.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { state, frames, screenshot, clickWidget, widgets, pagesClosedAfterEach } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

test('ticks in the Hide menu remove controls, the link keeps them, a fresh page shows the rest', async () => {
  const app = await open({ hash: 'playground:data=xor', width: 1280, height: 800 });
  const { page } = app;
  assert.ok((await widgets(page))['pg:optimizer']);
  await clickWidget(page, 'app:hide');
  for (const key of ['opt', 'act', 'reg', 'features']) await clickWidget(page, `app:hide:${key}`, 0.05, 0.5);
  await page.keyboard.press('Escape');
  await frames(page, 4);
  const w = await widgets(page);
  for (const gone of ['pg:optimizer', 'pg:activation', 'pg:penalty']) assert.equal(w[gone], undefined, `${gone} is hidden`);
  assert.ok(w['pg:lr'] && w['pg:batch'] && w['pg:data:xor'], 'the rest stays');
  await page.waitForFunction(() => location.hash.includes('&hide='), null, { timeout: 5000 });
  const link = await page.evaluate(() => location.hash.slice(1));
  assert.match(link, /&hide=act,features,opt,reg/);

  const student = await open({ hash: link, width: 1280, height: 800 });
  const sw = await widgets(student.page);
  assert.equal(sw['pg:optimizer'], undefined);
  assert.ok(sw['pg:lr']);
  await screenshot(student.page, 'hide-lesson-link.png');
  assert.equal((await state(student.page)).status, '');

  await clickWidget(student.page, 'app:hide');
  await clickWidget(student.page, 'app:hide:show-all');
  await student.page.keyboard.press('Escape');
  await frames(student.page, 4);
  assert.ok((await widgets(student.page))['pg:optimizer'], 'Show all brings them back');
  assert.deepEqual(app.problems, []);
  assert.deepEqual(student.problems, []);
});

test('an unknown control in a link is said and the rest of the link opens', async () => {
  const app = await open({ hash: 'playground:data=moons&hide=lr,warp', width: 1280, height: 800, refusedLink: true });
  const s = await state(app.page);
  assert.match(s.playground.state, /data=moons/);
  assert.equal(s.status, "cannot read the link: no control named 'warp' to hide");
  assert.ok((await widgets(app.page))['pg:lr'], 'nothing hidden by a refused hide=');
});
