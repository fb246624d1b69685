// Shared rig for the browser tests: serve build/web/dist on 127.0.0.1 (a free port), launch
// Debian's Chromium headless with software WebGL2 (SwiftShader), open the page, and collect
// console errors so every test can assert there were none.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.NABLA_DIST ?? join(here, '../../build/web/dist');
export const SHOTS = process.env.NABLA_SHOTS ?? join(here, '../../build/screenshots');

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];
// SwiftShader's own note when a screenshot reads pixels back: not an error of the page.
const BENIGN = [/GPU stall due to ReadPixels/];

// scale: the device pixel ratio (2 for a laptop's HiDPI screen); touch: a touch screen (a tablet or
// a phone: touch events, no hover), as Chromium's device emulation gives it.
// Debian's Chromium, headless, with software WebGL2: what every browser test and bench/frame_rate.mjs run.
export const launchChromium = () => chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });

// A link the page refuses keeps the default settings and says so in its status: a test that opened one
// by mistake would check the defaults under another name, so that fails here unless `refusedLink` is set
// (the tests of refusals themselves).
export async function openApp({ hash = '', width = 1280, height = 720, scale = 1, touch = false, locale = 'en-US', refusedLink = false } = {}) {
  const server = await startServer(DIST);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, hasTouch: touch, isMobile: touch, locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !BENIGN.some((re) => re.test(m.text()))) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  await page.goto(server.url + (hash ? '#' + hash : ''));
  await page.waitForFunction(() => window.nabla && (window.nabla.ready || window.nabla.error), null, { timeout: 60000 });
  const error = await page.evaluate(() => window.nabla.error);
  if (error) throw new Error(`the page failed to start: ${error}`);
  const close = async () => { await browser.close(); await server.close(); };
  if (hash && !refusedLink) {
    const { status } = await page.evaluate(() => window.nabla.state());
    if (/cannot read the link|링크를 읽을 수 없습니다/.test(status)) {
      await close();
      throw new Error(`the page refused the link #${hash}: ${status}`);
    }
  }
  return { page, problems, close, url: server.url };
}

export const state = (page) => page.evaluate(() => window.nabla.state());
export const command = (page, ...args) => page.evaluate((a) => window.nabla.command(...a), args);
// `n` training steps of the playground through the hook, in one call (a round trip a step is slow).
export const playgroundSteps = (page, n) =>
  page.evaluate((count) => { for (let i = 0; i < count; ++i) window.nabla.command('playground', 'step'); }, n);

// Waits for n more frames, so the UI has drawn what a command or an input changed.
export async function frames(page, n = 3) {
  const start = await page.evaluate(() => window.nabla.frames());
  await page.waitForFunction((s) => window.nabla.frames() >= s, start + n, { timeout: 20000 });
}

// Types as a hand does: one key at a time, each seen by a drawn frame before the next. ImGui takes
// at most one press of a key per frame from its event queue, so a burst typed between two frames of a
// loaded machine is consumed over many later frames; waiting per key keeps the test independent of that.
export async function typeKeys(page, text) {
  for (const ch of text) { await page.keyboard.type(ch); await frames(page, 2); }
}

export async function pressKey(page, key, times = 1) {
  for (let k = 0; k < times; ++k) { await page.keyboard.press(key); await frames(page, 2); }
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, name);
  await page.screenshot({ path });
  return path;
}

export const widgets = (page) => page.evaluate(() => window.nabla.widgets());

// A real mouse click on a named ImGui widget (see nabla.widgets()), at a fraction of its width and
// height. The pointer arrives a few frames before the press, as a hand's would: ImGui decides what
// is hovered from the previous frame, and some widgets (tabs) ignore a press that arrives with it.
// The rectangle is the last frame's: a command just applied through the hook may still move the widget
// (a line appears above it), so it is read again once the pointer has waited there, and followed.
export async function clickWidget(page, name, fx = 0.5, fy = 0.5) {
  const at = async () => {
    const r = (await widgets(page))[name];
    if (!r) throw new Error(`widget ${name} is not on screen`);
    return [r[0] + r[2] * fx, r[1] + r[3] * fy];
  };
  let [x, y] = await at();
  await page.mouse.move(x, y);
  await frames(page, 2);
  const [x2, y2] = await at();
  if (x2 !== x || y2 !== y) [x, y] = [x2, y2];
  await clickAt(page, x, y);
}

export async function clickAt(page, x, y) {
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}

// Defines window.nablaDecodePng(base64) in `page`: PNG bytes to ImageData, decoded by the browser.
// The helpers that look at pixels call it inside page.evaluate, which sends functions as text, so
// they cannot share a JavaScript function any other way.
export async function definePngDecoder(page) {
  await page.evaluate(() => {
    window.nablaDecodePng ??= async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, img.width, img.height);
    };
  });
}

// The colour of one page pixel [r, g, b, a], read from a screenshot.
export async function pixelAt(page, x, y) {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  await definePngDecoder(page);
  return page.evaluate(async (b64) => Array.from((await window.nablaDecodePng(b64)).data), png.toString('base64'));
}

// The share of pixels whose colour differs by more than `tolerance` in some channel between two
// PNG screenshots of the same size ({size} when the sizes differ), decoded by `page`'s browser.
export async function differingPixels(page, a, b, tolerance = 64) {
  await definePngDecoder(page);
  return page.evaluate(async ([a64, b64, tol]) => {
    const [p, q] = [await window.nablaDecodePng(a64), await window.nablaDecodePng(b64)];
    if (p.width !== q.width || p.height !== q.height) return { size: [p.width, p.height, q.width, q.height] };
    let off = 0;
    for (let i = 0; i < p.data.length; i += 4)
      if (Math.max(Math.abs(p.data[i] - q.data[i]), Math.abs(p.data[i + 1] - q.data[i + 1]), Math.abs(p.data[i + 2] - q.data[i + 2])) > tol) ++off;
    return { share: off / (p.width * p.height), count: off };
  }, [a.toString('base64'), b.toString('base64'), tolerance]);
}

// For a test file that opens pages of its own: `const open = pagesClosedAfterEach(afterEach)`, then
// `await open({ hash, locale, ... })`. Each test's pages are closed when it ends: an idle page still
// draws every frame, and a few left open take the CPU from the next test's (a 100 000-step replay
// took 30 s instead of 2).
export function pagesClosedAfterEach(afterEach) {
  const opened = [];
  afterEach(async () => { while (opened.length) await opened.pop().close(); });
  return async (options) => {
    const app = await openApp(options);
    opened.push(app);
    return app;
  };
}
