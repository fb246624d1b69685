// Exports (issue 12 #6), through the header's Export menu as a teacher uses it: the lab's picture as a
// PNG at device resolution, the numbers as CSV, the network's weights as JSON and loaded back in a
// fresh page with the same numbers; a broken weights file is refused with where it is broken.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { state, frames, clickWidget, command, widgets, screenshot, playgroundSteps, pagesClosedAfterEach, definePngDecoder } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

// Picks an item of the Export menu and returns the download it starts: its file name and bytes.
async function exportItem(page, item) {
  await clickWidget(page, 'app:export');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickWidget(page, `app:export:${item}`)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// A PNG's size from its IHDR chunk, and whether its pixels vary (the browser decodes it).
async function png(page, bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  const size = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  await definePngDecoder(page);
  const colours = await page.evaluate(async (b64) => {
    const d = (await window.nablaDecodePng(b64)).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] >> 4) * 256 + (d[i + 1] >> 4) * 16 + (d[i + 2] >> 4));
    return seen.size;
  }, bytes.toString('base64'));
  return { size, colours };
}

test('the playground exports its picture at device pixels, its history, its weights, which load back', async () => {
  const app = await open({ hash: 'playground:data=xor&layers=6,3', width: 1280, height: 800, scale: 2 });
  const { page } = app;
  await playgroundSteps(page, 301);
  await frames(page, 3);
  const s = (await state(page)).playground;

  const picture = await exportItem(page, 'png');
  assert.equal(picture.name, `nabla-playground-step${s.steps}.png`);
  const [, , w, h] = (await widgets(page))['pg:output'];
  const { size, colours } = await png(page, picture.bytes);
  assert.deepEqual(size, [Math.round(w * 2), Math.round(h * 2)], 'the output at the screen\'s device pixels');
  assert.ok(colours > 20, `a picture, not a blank: ${colours} colours`);

  const history = await exportItem(page, 'history');
  assert.equal(history.name, 'nabla-history.csv');
  const rows = history.bytes.toString('utf8').trim().split('\n');
  assert.equal(rows[0], 'step,epoch,train_loss,test_loss,train_accuracy,test_accuracy,grad_norm_W1,grad_norm_W2,grad_norm_W3');
  assert.equal(rows.length, s.history_points + 1);

  const weights = await exportItem(page, 'weights');
  assert.equal(weights.name, 'nabla-weights.json');
  const file = JSON.parse(weights.bytes.toString('utf8'));
  assert.deepEqual(file.sizes, [2, 6, 3, 1]);
  assert.equal(file.steps, s.steps);

  // A fresh page (the default circle, 4-2) loads them through the file picker: xor, 6-3, same numbers.
  const other = await open({ width: 1280, height: 800 });
  await command(other.page, 'app', 'tab', 'playground');
  await frames(other.page, 3);
  await clickWidget(other.page, 'app:export');
  const [chooser] = await Promise.all([other.page.waitForEvent('filechooser'), clickWidget(other.page, 'app:export:load-weights')]);
  await chooser.setFiles({ name: 'nabla-weights.json', mimeType: 'application/json', buffer: weights.bytes });
  await other.page.waitForFunction(() => window.nabla.state().playground.weights_from_file, null, { timeout: 10000 });
  const o = await state(other.page);
  assert.equal(o.playground.state, s.state);
  assert.equal(o.playground.first_weight, s.first_weight);
  assert.equal(o.playground.test_loss, s.test_loss);
  assert.match(o.status, /weights loaded/);
  await frames(other.page, 3);
  await screenshot(other.page, 'exports-weights-loaded.png');

  // A broken file dropped on the page: refused, with where, and nothing changes.
  const broken = JSON.stringify({ ...file, layers: file.layers.slice(0, 2) });
  await other.page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'broken.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, broken);
  await other.page.waitForFunction(() => window.nabla.state().status.startsWith('broken.json'), null, { timeout: 10000 });
  const b = await state(other.page);
  assert.equal(b.status, 'broken.json: weights not loaded: "layers" must hold 3 layers, one for each size after the inputs');
  assert.equal(b.playground.first_weight, s.first_weight);
  assert.deepEqual(app.problems, []);
  assert.deepEqual(other.problems, []);
});

test('the Graph lab exports its node table and the Trajectory lab its paths', async () => {
  const app = await open({ width: 1280, height: 800 });
  const { page } = app;
  const nodes = (await exportItem(page, 'nodes')).bytes.toString('utf8');
  assert.match(nodes, /^node,name,op,value,gradient\n/);
  assert.match(nodes, /\bx,input,-2,-4\n/, nodes);  // lecture 004's E1: x = -2, df/dx = -4
  assert.match(nodes, /\bf,mul,-12,1\n/, nodes);
  const graph = await exportItem(page, 'png');
  assert.equal(graph.name, 'nabla-graph.png');

  await command(page, 'app', 'tab', 'trajectory');
  await command(page, 'trajectory', 'step', '', 20);
  await frames(page, 3);
  const paths = (await exportItem(page, 'paths')).bytes.toString('utf8').trim().split('\n');
  assert.equal(paths[0], 'run,optimizer,learning_rate,batch,step,w1,w2,loss');
  const t = (await state(page)).trajectory;
  assert.equal(paths.length - 1, t.runs.reduce((n, r) => n + r.path_points, 0));
  const picture = await exportItem(page, 'png');
  const [, , w, h] = (await widgets(page))['tr:surface'];
  assert.deepEqual((await png(page, picture.bytes)).size, [Math.round(w), Math.round(h)]);
  assert.deepEqual(app.problems, []);
});
