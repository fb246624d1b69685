// The soak (issue 15): the real page for a long while, as a class leaves it running. Ten minutes of
// training in the playground, then six Trajectory runs stepping, then the wheel zoomed 150 notches
// in and out on the loss surface. Every 30 s it logs frames per second, the WebAssembly memory and
// the JS heap; at the end it says whether both stayed flat (grew by less than 5 % after the first
// minute). Not a test (it takes ~17 minutes): the closing note of issue 15 carries its figures.
//   node bench/soak.mjs [--minutes 10] [--trajectory-minutes 5]     (after a web build, under xvfb-run)
import { openApp, command, frames, widgets } from '../tests/e2e/browser.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg('minutes', 10), trajectoryMinutes = arg('trajectory-minutes', 5);

const app = await openApp({ width: 1280, height: 720 });
const { page } = app;
const rows = [];
const sample = async (phase, since) => {
  const now = Date.now();
  const f = await page.evaluate(() => window.nabla.frames());
  const memory = await page.evaluate(() => ({ wasm: Module.HEAP8.buffer.byteLength, js: performance.memory ? performance.memory.usedJSHeapSize : 0 }));
  const s = await page.evaluate(() => window.nabla.state());
  const steps = s[s.lab]?.steps ?? '';
  const row = { phase, t: ((now - t0) / 1000).toFixed(0), fps: since ? ((f - since.f) / ((now - since.now) / 1000)).toFixed(1) : '',
                wasmMB: (memory.wasm / 2 ** 20).toFixed(1), jsMB: (memory.js / 2 ** 20).toFixed(1), steps };
  rows.push(row);
  console.log(`| ${row.phase} | ${row.t} s | ${row.fps} | ${row.wasmMB} MB | ${row.jsMB} MB | ${steps} |`);
  return { f, now };
};
const run = async (phase, seconds) => {
  let last = await sample(phase, null);
  for (let left = seconds; left > 0; left -= 30) {
    await page.waitForTimeout(Math.min(30, left) * 1000);
    last = await sample(phase, last);
  }
};

const t0 = Date.now();
console.log('| phase | time | frames/s | WebAssembly memory | JS heap | step |\n| --- | --- | --- | --- | --- | --- |');
await command(page, 'app', 'tab', 'playground');
await command(page, 'playground', 'play');
await run('playground training', minutes * 60);
await command(page, 'playground', 'pause');

await command(page, 'app', 'tab', 'trajectory');
await command(page, 'trajectory', 'preset', 'gd-sgd-minibatch');
for (let k = 0; k < 3; ++k) await command(page, 'trajectory', 'add_run');
await command(page, 'trajectory', 'play');
await run('6 trajectory runs', trajectoryMinutes * 60);

const s = (await widgets(page))['tr:surface'];
await page.mouse.move(s[0] + s[2] * 0.4, s[1] + s[3] * 0.4);
let most = 0;
for (const dir of [-100, 100])
  for (let k = 0; k < 150; ++k) {
    await page.mouse.wheel(0, dir);
    if (k % 10 === 0) { await frames(page, 1); most = Math.max(most, (await page.evaluate(() => window.nabla.drawn())).vertices); }
  }
await frames(page, 5);
await sample('after 300 wheel notches', null);
console.log(`most vertices in a frame while zooming: ${most}`);

// Flat: after the first minute (buffers grow to their working size), no more than 5 % growth.
const settled = rows.filter((r) => Number(r.t) >= 60);
const grew = (key) => settled.length ? (Math.max(...settled.map((r) => Number(r[key]))) / Number(settled[0][key]) - 1) * 100 : 0;
const problems = await page.evaluate(() => window.nabla.problems());
console.log(`WebAssembly memory grew ${grew('wasmMB').toFixed(1)} % after the first minute, JS heap ${grew('jsMB').toFixed(1)} %;` +
            ` page problems: ${problems.length ? problems.join('; ') : 'none'}`);
await app.close();
process.exit(grew('wasmMB') < 5 && problems.length === 0 ? 0 : 1);
