// The soak (issue 15): the real page for a long while, as a class leaves it running. Ten minutes of
// training in the playground, then six Trajectory runs stepping, then the wheel zoomed 150 notches
// in and out on the loss surface. Every 30 s it logs frames per second, the WebAssembly memory and
// the JS heap; at the end it says whether both stayed flat (grew by less than 5 % after the first
// minute of each phase). Not a test (it takes ~17 minutes): the closing note of issue 15 carries its figures.
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
// every: a command run at each minute of the phase (the Trajectory runs start again, so their paths,
// which hold every step up to the 20 000-step cap, are memory that comes and goes, not growth).
const run = async (phase, seconds, every = null) => {
  let last = await sample(phase, null);
  for (let left = seconds, k = 1; left > 0; left -= 30, ++k) {
    await page.waitForTimeout(Math.min(30, left) * 1000);
    last = await sample(phase, last);
    if (every && k % 2 === 0) await every();
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
await run('6 trajectory runs', trajectoryMinutes * 60, async () => {
  await command(page, 'trajectory', 'reset');
  await command(page, 'trajectory', 'play');
});

const s = (await widgets(page))['tr:surface'];
await page.mouse.move(s[0] + s[2] * 0.4, s[1] + s[3] * 0.4);
let most = 0;
for (const dir of [-100, 100])
  for (let k = 0; k < 150; ++k) {
    await page.mouse.wheel(0, dir);
    if (k % 10 === 0) { await frames(page, 1); most = Math.max(most, (await page.evaluate(() => window.nabla.drawn())).vertices); }
  }
await frames(page, 5);
const beforeZoom = rows[rows.length - 1];
await sample('after 300 wheel notches', null);
const afterZoom = rows[rows.length - 1];
console.log(`zooming: WebAssembly memory ${beforeZoom.wasmMB} MB before, ${afterZoom.wasmMB} MB after`);
console.log(`most vertices in a frame while zooming: ${most}`);

// Flat: within each phase, after its first minute (buffers grow to their working size, and the
// Trajectory lab's surfaces are new memory when it opens), no more than 5 % growth.
const problems = await page.evaluate(() => window.nabla.problems());
let worst = 0;
for (const phase of ['playground training', '6 trajectory runs']) {
  const own = rows.filter((r) => r.phase === phase);
  const settled = own.filter((r) => Number(r.t) >= Number(own[0].t) + 60);
  if (!settled.length) continue;
  const grew = (key) => (Math.max(...settled.map((r) => Number(r[key]))) / Number(settled[0][key]) - 1) * 100;
  const fps = settled.filter((r) => r.fps !== '').map((r) => Number(r.fps));
  console.log(`${phase}: WebAssembly memory grew ${grew('wasmMB').toFixed(1)} % after its first minute, JS heap ${grew('jsMB').toFixed(1)} %;` +
              ` frames/s ${Math.min(...fps).toFixed(1)}–${Math.max(...fps).toFixed(1)}`);
  worst = Math.max(worst, grew('wasmMB'));
}
console.log(`page problems: ${problems.length ? problems.join('; ') : 'none'}`);
await app.close();
const zoomGrew = (Number(afterZoom.wasmMB) / Number(beforeZoom.wasmMB) - 1) * 100;
process.exit(worst < 5 && zoomGrew < 5 && problems.length === 0 ? 0 : 1);
