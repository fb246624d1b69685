// Frames per second of the real page in headless Chromium with software WebGL (SwiftShader), per lab,
// idle and busy, with what the last frame asked the rasteriser to draw (nabla.drawn()). Side by side in
// one run, so the figures compare; not a test (tests/e2e asserts behaviour, not speed).
//   node bench/frame_rate.mjs [--seconds 3] [--width 1280 --height 720]   (after a web build)
import { openApp, command, frames } from '../tests/e2e/browser.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 3), width = arg('width', 1280), height = arg('height', 720);

const cases = [
  ['Graph lab, idle', 'graph', null],
  ['Training playground, idle', 'playground', null],
  ['Training playground, training the default network (circle, 2×4 tanh, speed 25)', 'playground', 'play'],
  ['Training playground, training spiral (16, 16 ReLU, Adam, speed 25)', 'playground:data=spiral&layers=16%2C16&act=relu&opt=adam&lr=0.01', 'play'],
  ['Trajectory lab, idle', 'trajectory', null],
  ['Trajectory lab, three runs stepping (Figure 3 preset)', 'trajectory', 'play'],
  // The limits' corners (issue 15): a 399-node graph, an 8×32 network, paths 5 000 steps long.
  ['Graph lab, idle, a0*b0 + … + a99*b99 (399 nodes)', 'graph:' + bigGraphLink(), null],
  ['Training playground, training 8 layers of 32 (ReLU, speed 25)', 'playground:data=spiral&layers=32%2C32%2C32%2C32%2C32%2C32%2C32%2C32&act=relu', 'play'],
  ['Trajectory lab, three runs stepping after 5 000 steps', 'trajectory:steps5000', 'play'],
  ['Training playground, 100 000 points through 8 layers of 32, full batch', 'playground:data=circle&points=100000&layers=32%2C32%2C32%2C32%2C32%2C32%2C32%2C32&act=relu&batch=50000', 'play'],
];
function bigGraphLink() {
  const terms = Array.from({ length: 100 }, (_, i) => `a${i}*b${i}`).join(' + ');
  return 'expr=' + encodeURIComponent('f = ' + terms);
}

const app = await openApp({ width, height });
console.log(`headless Chromium, SwiftShader, ${width}×${height}, ${seconds} s a case`);
console.log('| page | frames per second | vertices | draw calls |\n| --- | --- | --- | --- |');
for (const [label, where, action] of cases) {
  const [lab, link] = where.split(':');
  if (link === 'steps5000') {
    await command(app.page, lab, 'preset', 'gd-sgd-minibatch');
    await command(app.page, 'trajectory', 'step', '', 5000);
  } else if (link !== undefined) await command(app.page, lab, 'state', link);
  else if (lab === 'playground') await command(app.page, lab, 'reset');
  else if (lab === 'trajectory') await command(app.page, lab, 'preset', 'gd-sgd-minibatch');
  await command(app.page, 'app', 'tab', lab);
  await command(app.page, lab, 'pause');
  if (action) await command(app.page, lab, action);
  await frames(app.page, 10);
  const f0 = await app.page.evaluate(() => window.nabla.frames());
  const t0 = Date.now();
  await app.page.waitForTimeout(seconds * 1000);
  const fps = ((await app.page.evaluate(() => window.nabla.frames())) - f0) / ((Date.now() - t0) / 1000);
  const drawn = await app.page.evaluate(() => window.nabla.drawn());
  console.log(`| ${label} | ${fps.toFixed(1)} | ${drawn.vertices} | ${drawn.draw_calls} |`);
  await command(app.page, lab, 'pause');
}
if (app.problems.length) console.log('page problems:', app.problems);
await app.close();
