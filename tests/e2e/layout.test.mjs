// Every lab at the sizes a class has: a phone (390x844), a tablet held upright (820x1180), a
// 1024x768 and a 1280x720 projector, and a 1920x1080 screen. At each, no named widget may lie off the
// right edge (or left), and the lab's main picture must be at least 300 CSS px on its short side.
// Screenshots of each go to build/screenshots/layout-<lab>-<w>x<h>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, screenshot, widgets } from './browser.mjs';

const SIZES = [[390, 844], [820, 1180], [1024, 768], [1280, 720], [1920, 1080]];
const PICTURES = { graph: 'graph:canvas', playground: 'pg:output', trajectory: 'tr:surface' };

for (const [width, height] of SIZES) {
  test(`every lab fits ${width}x${height}`, async () => {
    const app = await openApp({ width, height, touch: width < 1024 });
    try {
      for (const lab of ['graph', 'playground', 'trajectory']) {
        assert.equal((await command(app.page, 'app', 'tab', lab)).ok, true);
        await frames(app.page, 6);
        assert.equal((await state(app.page)).lab, lab);
        const w = await widgets(app.page);
        const outside = Object.entries(w).filter(([, r]) => r[0] < -1 || r[0] + r[2] > width + 1).map(([name, r]) => `${name} ${r.map(Math.round)}`);
        assert.deepEqual(outside, [], `${lab}: widgets off the screen horizontally`);
        const picture = w[PICTURES[lab]];
        assert.ok(picture, `${lab}: its picture is drawn`);
        assert.ok(Math.min(picture[2], picture[3]) >= 300, `${lab}: picture ${picture.map(Math.round)} is at least 300 px`);
        await screenshot(app.page, `layout-${lab}-${width}x${height}.png`);
      }
      assert.deepEqual(app.problems, []);
    } finally {
      await app.close();
    }
  });
}
