// The trajectory lab in headless Chromium: lecture 000's Figure 3 live. Load "GD vs SGD vs
// minibatch" with a click, run it, check every path reaches the minimum and the SGD path is the
// long one; move the learning rate and the batch size with the mouse (the paths continue); click
// the surface to move the start; read pixels of the shader-drawn surface; see a run diverge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, screenshot, clickWidget, clickAt, widgets, pixelAt } from './browser.mjs';

let app;
before(async () => { app = await openApp(); });
after(async () => { await app?.close(); });

const tr = async () => (await state(app.page)).trajectory;
const dist = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]);

// Where parameter point q is on the page, from the surface widget's rect and the panel's view.
async function screenOf(q) {
  const s = await state(app.page);
  const r = (await widgets(app.page))['tr:surface'];
  const [x0, x1, y0, y1] = s.trajectory_view;
  return [r[0] + (q[0] - x0) / (x1 - x0) * r[2], r[1] + (y1 - q[1]) / (y1 - y0) * r[3]];
}

test('the trajectory tab opens and the Figure 3 preset loads with a click', async () => {
  await clickWidget(app.page, 'tab:trajectory');
  assert.equal((await state(app.page)).lab, 'trajectory');
  await command(app.page, 'trajectory', 'preset', 'large-lr');  // something else first, so the click shows
  await clickWidget(app.page, 'tr:preset:gd-sgd-minibatch');
  const s = await tr();
  assert.equal(s.surface, 'linear');
  assert.deepEqual(s.runs.map((r) => r.batch), [1, 8, 32]);
  assert.ok(s.runs.every((r) => r.learning_rate === 0.05 && dist(r.start, [-0.5, 2.5]) === 0));
  assert.match(await app.page.evaluate(() => location.hash), /^#trajectory:surface=linear/);
});

test('run through the hook: every path approaches the minimum and SGD walks the longest path', async () => {
  const r = await command(app.page, 'trajectory', 'step', '', 600);
  assert.equal(r.ok, true);
  const s = await tr();
  for (const run of s.runs) {
    assert.equal(run.diverged, '');
    assert.ok(dist(run.position, s.minimum) < 0.35, `batch ${run.batch} ended at ${run.position}, minimum ${s.minimum}`);
  }
  const [sgd, mini, gd] = s.runs;
  assert.ok(sgd.length > 1.2 * gd.length, `SGD path ${sgd.length} vs GD ${gd.length}`);
  assert.ok(mini.length > gd.length);
  assert.deepEqual(gd.batch_gradient, gd.full_gradient);  // the full batch is the full gradient, exactly
  await frames(app.page, 3);
  await screenshot(app.page, 'trajectory-figure3.png');
});

test('the shader draws the surface: pale at the minimum, deep blue far from it', async () => {
  await command(app.page, 'trajectory', 'reset');  // paths back at their start, the minimum clear
  await frames(app.page, 3);
  const s = await tr();
  // On the valley floor beside the marker (the valley of y = w·x + b runs along b = ȳ − w·x̄, x̄ ≈ 1.75);
  // the brightest of a few points, so that a contour line passing through one does not count.
  const around = [];
  for (const t of [0.08, 0.12, -0.08, -0.12]) {
    const [x, y] = await screenOf([s.minimum[0] + t, s.minimum[1] - 1.75 * t]);
    around.push(await pixelAt(app.page, x, y));
  }
  const low = around.reduce((best, p) => (p[1] > best[1] ? p : best));
  const r = (await widgets(app.page))['tr:surface'];
  const high = await pixelAt(app.page, r[0] + r[2] - 40, r[1] + 40);  // top right: w large, b large
  assert.ok(low[0] > 200 && low[1] > 220, `near the minimum ${JSON.stringify(around)}`);
  assert.ok(high[2] > high[0] + 60, `far away ${high}`);
});

test('the learning rate and the batch size change with the mouse and the paths continue', async () => {
  await command(app.page, 'trajectory', 'reset');
  await command(app.page, 'trajectory', 'step', '', 20);
  const before = await tr();
  await clickWidget(app.page, 'tr:lr:0', 0.2, 0.5);
  let s = await tr();
  assert.notEqual(s.runs[0].learning_rate, 0.05);
  assert.ok(s.runs[0].learning_rate < 0.05, `learning rate ${s.runs[0].learning_rate}`);
  assert.equal(s.runs[0].path_points, before.runs[0].path_points);  // not reset
  assert.deepEqual(s.runs[0].position, before.runs[0].position);
  await clickWidget(app.page, 'tr:batch:0', 0.995, 0.5);  // the right end: full batch
  s = await tr();
  assert.equal(s.runs[0].batch, 32);
  assert.deepEqual(s.runs[0].batch_gradient, s.runs[0].full_gradient);
  await command(app.page, 'trajectory', 'step', '', 1);
  assert.equal((await tr()).runs[0].path_points, before.runs[0].path_points + 1);
});

test('a click on the surface moves every start; Run and Pause step the runs live', async () => {
  const [x, y] = await screenOf([1, -1]);
  await clickAt(app.page, x, y);
  let s = await tr();
  const view = (await state(app.page)).trajectory_view;
  const pixel = (view[1] - view[0]) / (await widgets(app.page))['tr:surface'][2];  // one pixel in parameter units
  for (const run of s.runs) {
    assert.ok(dist(run.start, [1, -1]) < 3 * pixel, `start ${run.start}`);
    assert.equal(run.path_points, 1);
  }
  await clickWidget(app.page, 'tr:play');
  await frames(app.page, 10);
  await clickWidget(app.page, 'tr:play');
  s = await tr();
  assert.equal(s.playing, false);
  assert.ok(s.steps > 5, `steps ${s.steps}`);
});

test('too large a learning rate diverges, is marked, and nothing non-finite is kept', async () => {
  await clickWidget(app.page, 'tr:preset:large-lr');
  await command(app.page, 'trajectory', 'step', '', 200);
  await command(app.page, 'trajectory', 'select', '2');
  const s = await tr();
  assert.equal(s.runs[0].diverged, '');
  assert.equal(s.runs[1].diverged, '');
  assert.match(s.runs[2].diverged, /diverged at step \d+.*0\.22 is too large.*2\/λmax = 0\.2/);
  assert.ok(s.runs.every((r) => Number.isFinite(r.loss) && r.position.every(Number.isFinite)));
  await frames(app.page, 3);
  await screenshot(app.page, 'trajectory-diverged.png');
});

test('momentum μ is dragged with the mouse on a momentum run and the path bends from where it is', async () => {
  await clickWidget(app.page, 'tr:preset:momentum-bowl');
  await command(app.page, 'trajectory', 'step', '', 30);
  await command(app.page, 'trajectory', 'select', '1');
  await frames(app.page, 3);
  const names = Object.keys(await widgets(app.page));
  assert.ok(names.includes('tr:momentum:1') && names.includes('tr:momentum:2'), 'μ for momentum and Nesterov');
  assert.ok(!names.includes('tr:momentum:0') && !names.includes('tr:momentum:3'), 'no μ for SGD and Adam');
  const before = await tr();
  assert.equal(before.runs[1].momentum, 0.9);
  await clickWidget(app.page, 'tr:momentum:1', 0.02, 0.5);  // the left end: no momentum
  const s = await tr();
  assert.ok(s.runs[1].momentum < 0.1, `μ ${s.runs[1].momentum}`);
  assert.equal(s.runs[1].path_points, before.runs[1].path_points);  // not reset
  assert.deepEqual(s.runs[1].position, before.runs[1].position);
  assert.equal(s.runs[2].momentum, 0.9);  // the other runs keep theirs
  assert.equal(new URLSearchParams(s.state).get('runs').split(';')[1].split(':')[5], String(s.runs[1].momentum));
  await command(app.page, 'trajectory', 'momentum', '1', 0.9);
  await command(app.page, 'trajectory', 'step', '', 30);
  await frames(app.page, 3);
  await screenshot(app.page, 'trajectory-momentum.png');
  const refused = await command(app.page, 'trajectory', 'momentum', '1', 1.5);
  assert.ok(!refused.ok && /between 0 and 0\.999/.test(refused.error), JSON.stringify(refused));
  assert.equal((await tr()).runs[1].momentum, 0.9);
});

test('a tampered trajectory link is refused with a message and the runs stay', async () => {
  const open = async (hash) => {
    await app.page.goto(app.url + '#' + hash);
    await app.page.reload();
    await app.page.waitForFunction(() => window.nabla && window.nabla.ready, null, { timeout: 60000 });
    return state(app.page);
  };
  let s = await open('trajectory:surface=volcano&runs=sgd%3A0.1%3A1%3A0%3A0');
  assert.match(s.status, /unknown surface 'volcano'/);
  assert.equal(s.trajectory.surface, 'linear');  // the default preset stayed
  s = await open('trajectory:surface=rosenbrock&runs=adam%3A0.05%3A1%3A-1.5%3A2');
  assert.equal(s.lab, 'trajectory');
  assert.equal(s.trajectory.surface, 'rosenbrock');
  assert.deepEqual(s.trajectory.runs[0].start, [-1.5, 2]);
  assert.equal((await command(app.page, 'trajectory', 'lr', '7', 0.1)).ok, false);
  assert.deepEqual(app.problems, []);
});
