// The page in Firefox's and Safari's engines (Debian's Firefox ESR and WebKitGTK, see engines.mjs):
// a smoke test of every lab with real mouse and keyboard input, and each lab's first picture
// compared with Chromium's pixel by pixel. Classrooms are full of iPads and Macs; nothing else
// tells us when a change breaks them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, SHOTS, frames, differingPixels } from './browser.mjs';
import { openEngine } from './engines.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const chromium = await openApp();  // the reference pictures, and a canvas to compare PNGs on
after(() => chromium.close());

async function settle(engine, n = 6) {
  const start = await engine.evaluate(() => window.nabla.frames());
  for (let k = 0; k < 200 && (await engine.evaluate(() => window.nabla.frames())) < start + n; ++k) await sleep(25);
}
const stateOf = (engine) => engine.evaluate(() => window.nabla.state());
const widgetsOf = (engine) => engine.evaluate(() => window.nabla.widgets());
async function clickWidget(engine, name, fx = 0.5, fy = 0.5) {
  const r = (await widgetsOf(engine))[name];
  assert.ok(r, `${engine.name}: widget ${name} is on screen`);
  await engine.click(r[0] + r[2] * fx, r[1] + r[3] * fy);
  await settle(engine);
}

const LINKS = {
  graph: 'graph:expr=f%20%3D%20(x%20%2B%20y)%20*%20z&x=-2&y=5&z=-4',
  playground: 'playground:data=circle&points=500&noise=0&train=0.5&seed=1&features=x1,x2&layers=4,2&act=tanh&lr=0.03&batch=10&opt=sgd&reg=none&rate=0.001',
  trajectory: 'trajectory:surface=bowl&points=32&noise=0.5&kappa=10&seed=1&sampling=1&runs=sgd:0.1:1:-2.5:1.5:0.9',
};

for (const name of ['firefox', 'webkit']) {
  test(`${name}: every lab works with a real mouse and keyboard`, async () => {
    const engine = await openEngine(name);
    try {
      await settle(engine);
      assert.equal((await stateOf(engine)).lab, 'graph');
      await clickWidget(engine, 'preset:E2');
      const g = (await stateOf(engine)).graph;
      assert.ok(Math.abs(g.output.value - 0.7311) < 1e-4, `E2 by a click: ${g.output.value}`);
      await clickWidget(engine, 'expression', 0.97, 0.25);
      await engine.type('*2');
      await settle(engine);
      assert.match((await stateOf(engine)).graph.draft, /\*2$/, 'typed into the expression box');
      await engine.press('Escape');
      await clickWidget(engine, 'step:forward');
      await clickWidget(engine, 'step:forward');
      assert.equal((await stateOf(engine)).graph.backprop.done, 1);

      await clickWidget(engine, 'tab:playground');
      assert.equal((await stateOf(engine)).lab, 'playground');
      await clickWidget(engine, 'pg:step');
      assert.equal((await stateOf(engine)).playground.steps, 1);
      await settle(engine);
      // The output is computed a pixel each by this engine's WebGL (shaders/network.frag), not the fallback grid.
      const pixel = JSON.parse(await engine.evaluate(() => Module.ccall('nabla_output_pixel', 'string', ['number', 'number'], [100, 100])));
      assert.ok(pixel && pixel[0] > 0 && pixel[0] < 1, `a probability from the GPU: ${JSON.stringify(pixel)}`);
      // That step was drawn again only where it changed things (src/gfx/damage.h): the canvas must equal
      // a whole redraw (the canvas narrowed and widened again), pixel for pixel, in this engine too.
      const partial = await engine.screenshot();
      await engine.evaluate(() => { document.getElementById('canvas').style.width = 'calc(100% - 30px)'; });
      await settle(engine, 6);
      await engine.evaluate(() => { document.getElementById('canvas').style.width = ''; });
      await settle(engine, 10);
      const redrawn = await differingPixels(chromium.page, partial, await engine.screenshot(), 0);
      assert.equal(redrawn.count, 0, `the partly redrawn canvas differs from a whole redraw in ${redrawn.count} pixels`);
      await clickWidget(engine, 'tab:trajectory');
      assert.equal((await stateOf(engine)).lab, 'trajectory');
      const steps = (await stateOf(engine)).trajectory.steps;
      await clickWidget(engine, 'tr:step');
      assert.equal((await stateOf(engine)).trajectory.steps, steps + 1);
      assert.deepEqual(engine.problems, []);
      assert.deepEqual(await engine.evaluate(() => window.nabla.problems()), [], 'no error in the page');
    } finally {
      await engine.close();
    }
  });

  test(`${name}: each lab's first picture matches Chromium's`, async () => {
    const pictures = [];
    for (const [lab, link] of Object.entries(LINKS)) {
      const engine = await openEngine(name, { hash: link });
      try {
        await settle(engine, 10);
        const mine = await engine.screenshot();
        await chromium.page.goto(chromium.url + '#' + link);
        await chromium.page.reload();
        await chromium.page.waitForFunction(() => window.nabla && window.nabla.ready);
        await frames(chromium.page, 10);
        const reference = await chromium.page.screenshot();
        mkdirSync(SHOTS, { recursive: true });
        writeFileSync(join(SHOTS, `engine-${name}-${lab}.png`), mine);
        pictures.push(mine);
        const d = await differingPixels(chromium.page, mine, reference);
        const fine = await differingPixels(chromium.page, mine, reference, 8);
        console.log(`${name} ${lab}: ${(100 * fine.share).toFixed(2)} % differ by more than 8 of 255`);
        assert.equal(d.size, undefined, `${lab}: sizes differ ${d.size}`);
        console.log(`${name} ${lab}: ${(100 * d.share).toFixed(2)} % of pixels differ from Chromium's`);
        assert.ok(d.share < 0.03, `${lab}: ${(100 * d.share).toFixed(2)} % of pixels differ`);
      } finally {
        await engine.close();
      }
    }
    // The comparison can fail: two different labs are far apart.
    assert.ok((await differingPixels(chromium.page, pictures[0], pictures[1])).share > 0.1);
  });
}
