// Firefox's and Safari's engines, driven the way tests/e2e/browser.mjs drives Chromium: Debian's
// Firefox ESR over WebDriver BiDi (puppeteer-core), and WebKitGTK's MiniBrowser through
// WebKitWebDriver (selenium-webdriver). Both need a display (WebGL 2 on llvmpipe): scripts/test.sh
// runs the browser tests under xvfb-run. Each engine is opened as { evaluate, click, type, press,
// screenshot, viewport, close } so one smoke test runs on both.
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { startServer } from '../../scripts/static_server.mjs';
import { DIST } from './browser.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const freePort = () => new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
const ready = () => !!(window.nabla && (window.nabla.ready || window.nabla.error));

async function firefox(url, width, height) {
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', headless: false, protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'webgl.force-enabled': true },
  });
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.setViewport({ width, height });
  await page.goto(url);
  await page.waitForFunction(ready, { timeout: 60000 });
  return {
    name: 'firefox', problems,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: async (x, y) => { await page.mouse.move(x, y); await sleep(80); await page.mouse.down(); await sleep(80); await page.mouse.up(); },
    type: async (text) => { for (const ch of text) { await page.keyboard.type(ch); await sleep(60); } },
    press: (key) => page.keyboard.press(key),
    screenshot: async () => Buffer.from(await page.screenshot()),
    close: () => browser.close(),
  };
}

async function webkit(url, width, height) {
  const port = await freePort();
  const driverProcess = spawn(process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  let driver;
  for (let attempt = 0; attempt < 50 && !driver; ++attempt) {
    await sleep(100);
    driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: process.env.WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
    }).build().catch(() => null);
  }
  if (!driver) { driverProcess.kill(); throw new Error('WebKitWebDriver did not start'); }
  // The window's frame takes some height: size it so the page's viewport is width x height.
  await driver.manage().window().setRect({ width, height: height + 40 });
  await driver.get(url);
  const [w, h] = await driver.executeScript('return [innerWidth, innerHeight]');
  if (h !== height) await driver.manage().window().setRect({ width, height: height + 40 + (height - h) });
  try {
    await driver.wait(() => driver.executeScript(`return (${ready})()`), 60000);
  } catch (error) {
    await driver.quit().catch(() => {});
    driverProcess.kill();
    throw error;
  }
  const press = { Enter: Key.ENTER, PageDown: Key.PAGE_DOWN, ArrowRight: Key.ARROW_RIGHT, Escape: Key.ESCAPE };
  return {
    name: 'webkit', problems: [],
    evaluate: (fn, arg) => driver.executeScript(`return (${fn})(arguments[0])`, arg),
    click: async (x, y) => {
      await driver.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).perform();
      await sleep(80);
      await driver.actions({ async: true }).press().pause(80).release().perform();
    },
    type: async (text) => { for (const ch of text) { await driver.actions({ async: true }).sendKeys(ch).perform(); await sleep(60); } },
    press: (key) => driver.actions({ async: true }).sendKeys(press[key] ?? key).perform(),
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    viewport: [w, h],
    close: async () => { await driver.quit(); driverProcess.kill(); },
  };
}

export async function openEngine(name, { width = 1280, height = 720, hash = '' } = {}) {
  const server = await startServer(DIST);
  const url = server.url + (hash ? '#' + hash : '');
  let engine;
  try {
    engine = await (name === 'firefox' ? firefox : webkit)(url, width, height);
  } catch (error) {
    // Once in three runs here, WebKitGTK's MiniBrowser under automation sat a whole minute on a load
    // without the page reporting ready (the same links loaded at once in the next runs). Said aloud,
    // then tried once more; a page that never starts still fails.
    console.log(`${name}: the page did not start (${error.message}); opening it once more`);
    engine = await (name === 'firefox' ? firefox : webkit)(url, width, height);
  }
  const close = engine.close;
  engine.close = async () => { await close(); await server.close(); };
  return engine;
}
