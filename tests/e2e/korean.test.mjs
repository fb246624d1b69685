// The app in the lecture's language, as a Korean student meets it: a browser set to Korean opens
// in Korean; every lab draws with no missing glyph and no label wider than its widget, in Korean and
// in English, on a phone, a tablet, a laptop and a projector; the header's switch changes language
// with a tap and the link keeps it; Hangul typed through an IME (insertText) reaches the expression
// box and names a variable; σ(…) is the sigmoid; a bad character is reported at its true position.
// Screenshots: build/screenshots/ko-*.png.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { pagesClosedAfterEach, state, frames, screenshot, clickWidget, widgets, typeKeys, pressKey } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

const LABS = ['graph', 'playground', 'trajectory'];
const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true, scale: 3 },
  { name: 'tablet', width: 820, height: 1180, touch: true, scale: 2 },
  { name: 'laptop', width: 1280, height: 720 },
  { name: 'projector', width: 1920, height: 1080 },
];

// What a frame drew that a reader could not read: glyphs missing, text clipped by its widget,
// strings asked for in Korean that have no translation.
async function unreadable(page) {
  await frames(page, 3);
  const s = await state(page);
  return { missing_glyphs: s.missing_glyphs, overflows: await page.evaluate(() => window.nabla.overflows()), untranslated: s.untranslated };
}

test('a browser set to Korean opens in Korean; the link and the hook say so', async () => {
  const app = await open({ locale: 'ko-KR' });
  const s = await state(app.page);
  assert.equal(s.lang, 'ko');
  await clickWidget(app.page, 'tab:playground');  // the first change writes the link
  await frames(app.page, 2);
  assert.match(await app.page.evaluate(() => location.hash), /[&:]lang=ko\b/);
  const english = await open({ locale: 'en-US' });
  assert.equal((await state(english.page)).lang, 'en');
  await clickWidget(english.page, 'tab:playground');
  await frames(english.page, 2);
  assert.doesNotMatch(await english.page.evaluate(() => location.hash), /lang=/);  // the reader's own language: not written
});

for (const size of SIZES) {
  test(`every lab in Korean and English on a ${size.name} (${size.width}x${size.height}): no missing glyph, nothing clipped`, async () => {
    for (const lang of ['ko', 'en']) {
      const app = await open({ ...size, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      assert.equal((await state(app.page)).lang, lang);
      assert.equal((await state(app.page)).status, '');
      for (const lab of LABS) {
        await clickWidget(app.page, `tab:${lab}`);
        await frames(app.page, 4);
        assert.equal((await state(app.page)).lab, lab);
        const u = await unreadable(app.page);
        assert.equal(u.missing_glyphs, 0, `${lang} ${lab}: ${u.missing_glyphs} characters drawn without a glyph`);
        assert.deepEqual(u.overflows, [], `${lang} ${lab}: text wider than its widget`);
        assert.deepEqual(u.untranslated, [], `${lang} ${lab}: strings without Korean`);
        assert.equal((await state(app.page)).status, '');
        if (lang === 'ko') await screenshot(app.page, `ko-${lab}-${size.name}.png`);
      }
      assert.deepEqual(app.problems, []);
    }
  });
}

test('the header switch changes the language with a click; the tab and the lab state stay', async () => {
  const app = await open({ hash: 'playground:data=xor&lr=0.1' });
  await clickWidget(app.page, 'tab:playground');
  await clickWidget(app.page, 'app:lang');
  await frames(app.page, 3);
  let s = await state(app.page);
  assert.equal(s.lang, 'ko');
  assert.equal(s.lab, 'playground');
  assert.equal(s.playground.learning_rate, 0.1);
  assert.match(await app.page.evaluate(() => location.hash), /lang=ko/);
  // The Train button's label changed, its place in the widget map did not vanish.
  assert.ok((await widgets(app.page))['pg:play']);
  await clickWidget(app.page, 'pg:play');
  await frames(app.page, 10);
  assert.equal((await state(app.page)).playground.playing, true);
  await clickWidget(app.page, 'pg:play');
  await clickWidget(app.page, 'app:lang');
  s = await state(app.page);
  assert.equal(s.lang, 'en');
  assert.match(await app.page.evaluate(() => location.hash), /lang=en/);  // chosen, so written
  assert.deepEqual(app.problems, []);
});

test('Korean messages: a refused setting and a parse error come in Korean with their true positions', async () => {
  const app = await open({ locale: 'ko-KR' });
  let r = await app.page.evaluate(() => window.nabla.command('graph', 'expression', 'f = x + \u20a9 * y'));
  let g = (await state(app.page)).graph;
  assert.match(g.parse_error, /[\uac00-\ud7a3]/, `Korean: ${g.parse_error}`);
  assert.match(g.parse_error, /\b9\b/, 'the won sign is the 9th character');
  assert.match(g.parse_error, /\u20a9/);
  r = await app.page.evaluate(() => window.nabla.command('graph', 'expression', 'f = x\u0007 + y'));
  g = (await state(app.page)).graph;
  assert.match(g.parse_error, /\\u0007|\\x07|U\+0007/, `a control character is shown escaped: ${g.parse_error}`);
  assert.ok(r);
});

test('Hangul typed through an IME reaches the box, names a variable, and draws', async () => {
  const app = await open({ locale: 'ko-KR' });
  await clickWidget(app.page, 'expression', 0.5, 0.3);
  await pressKey(app.page, 'Control+A');
  await typeKeys(app.page, 'f = ');
  // What an IME does when a syllable is committed: text inserted into the focused field.
  await app.page.keyboard.insertText('\uac00\uc911\uce58');  // 가중치: its syllables are in the table's subset
  await frames(app.page, 2);
  await typeKeys(app.page, ' * ');
  await app.page.keyboard.insertText('\ud325\ube59\uc218');  // 팥빙수: 팥 and 빙 are not, so hangul-more.ttf is fetched
  await frames(app.page, 4);
  let g = (await state(app.page)).graph;
  assert.equal(g.expression, 'f = \uac00\uc911\uce58 * \ud325\ube59\uc218');
  assert.equal(g.parse_error, '');
  assert.deepEqual(Object.keys(g.gradients), ['\uac00\uc911\uce58', '\ud325\ube59\uc218']);
  // The larger Hangul font arrives and the syllables draw (no U+FFFD boxes), in the box and on the canvas.
  await app.page.waitForFunction(() => window.nabla.state().missing_glyphs === 0, null, { timeout: 10000 });
  await screenshot(app.page, 'ko-typed-hangul.png');
  // A real composition, as a Korean IME makes it key by key (ㅎ, 하, 한), then commits: the field
  // shows nothing twice, and the box gets the committed syllable once.
  const cdp = await app.page.context().newCDPSession(app.page);
  await pressKey(app.page, 'End');
  await typeKeys(app.page, ' + ');
  for (const step of ['\u314e', '\ud558', '\ud55c']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: 1, selectionEnd: 1 });
    await frames(app.page, 1);
  }
  // Mid-syllable, the composing text shows over the caret (the field itself, visible while composing).
  assert.equal(await app.page.evaluate(() => getComputedStyle(document.getElementById('nabla-text')).opacity), '1');
  await screenshot(app.page, 'ko-ime-composing.png');
  await cdp.send('Input.insertText', { text: '\ud55c' });
  await frames(app.page, 4);
  g = (await state(app.page)).graph;
  assert.equal(await app.page.evaluate(() => getComputedStyle(document.getElementById('nabla-text')).opacity), '0');
  assert.equal(g.expression, 'f = \uac00\uc911\uce58 * \ud325\ube59\uc218 + \ud55c');
  assert.equal(g.parse_error, '');
  // σ(…) is the lecture's sigmoid.
  await pressKey(app.page, 'Control+A');
  await typeKeys(app.page, 'f = ');
  await app.page.keyboard.insertText('\u03c3');
  await typeKeys(app.page, '(w*x)');
  await frames(app.page, 4);
  g = (await state(app.page)).graph;
  assert.equal(g.expression, 'f = \u03c3(w*x)');
  assert.equal(g.parse_error, '');
  // (w is new, so 1; x keeps the value it had in E1, -2: an input's value outlives the expressions typed over it.)
  const [w, x] = ['w', 'x'].map((name) => g.nodes.find((n) => n.name === name).value);
  assert.deepEqual([w, x], [1, -2]);
  assert.ok(Math.abs(g.output.value - 1 / (1 + Math.exp(-w * x))) < 1e-12, `σ(${w}·${x}) = ${g.output.value}`);
  assert.deepEqual(app.problems, []);
});
