// The Lessons (issue 13): the course fetched beside the page, a lesson opened from its tab by mouse,
// questions answered by typing and by clicking, a clicker's Page Down walking steps, gates and
// reveals, every step of every lesson opened and every question answered right and wrong, lesson
// links (cold, tampered, in Korean), presentation mode, and a phone's taps. Screenshots of three
// lessons in English and Korean go to build/screenshots/lesson-*.png.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, command, frames, clickWidget, widgets, screenshot, typeKeys, pressKey, pagesClosedAfterEach } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

async function courseLoaded(page) {
  await page.waitForFunction(() => window.nabla.state().lesson.course_loaded, null, { timeout: 20000 });
}

// Until the lab the step shows has opened its link (a playground link replays over frames).
async function settled(page) {
  await page.waitForFunction(() => {
    const s = window.nabla.state();
    return !s.playground.replaying;
  }, null, { timeout: 60000 });
  await frames(page, 3);
}

const labOf = (link) => link.slice(0, link.indexOf(':'));

test('a lesson opened by mouse: typed answers, a clicker walks steps, gates and reveals', async () => {
  const { page, problems } = await open();
  await clickWidget(page, 'tab:lesson');
  await courseLoaded(page);
  await frames(page, 3);
  assert.ok((await widgets(page))['lesson:open:1'], 'the course is listed');
  await screenshot(page, 'lesson-course.png');
  await clickWidget(page, 'lesson:open:1');
  await settled(page);
  let s = await state(page);
  assert.equal(s.lab, 'graph', 'the step\'s lab is on screen');
  assert.equal(s.lesson.lesson, 1);
  assert.equal(s.lesson.step, 1);
  assert.equal(s.graph.expression, 'q = x + y; f = q * z');
  assert.equal(s.graph.backprop.done, 0, 'step 1 shows the forward pass only');
  assert.match(s.lesson.text, /q = 3, f = \u221212/, 'the text\'s numbers come from the lab');
  assert.match(await page.evaluate(() => location.hash), /^#lesson:n=1&step=1/);

  await clickWidget(page, 'lesson:next');
  s = (await state(page)).lesson;
  assert.equal(s.step, 2);
  assert.equal(s.question.ask, 'What is \u2202f/\u2202z?');
  // A wrong answer is marked and hinted; the lab is left as it was.
  await clickWidget(page, 'lesson:answer');
  await typeKeys(page, '-4');
  await pressKey(page, 'Enter');
  s = await state(page);
  assert.equal(s.lesson.question.verdict, 'wrong');
  assert.equal(s.lesson.question.revealed, false);
  assert.equal(s.graph.backprop.done, 0);
  await screenshot(page, 'lesson-wrong.png');
  // The lecture's 3, typed over it: right, and the answer is revealed in the lab (the mul gate propagated).
  await clickWidget(page, 'lesson:answer');
  await pressKey(page, 'Backspace', 3);
  await typeKeys(page, '3');
  await clickWidget(page, 'lesson:check');
  s = await state(page);
  assert.equal(s.lesson.question.verdict, 'right');
  assert.equal(s.lesson.question.revealed, true);
  assert.equal(s.graph.backprop.done, 1);
  assert.ok((await widgets(page))['lesson:revealed']);
  await screenshot(page, 'lesson-right.png');

  // The clicker: Page Down to step 3, Page Down reveals its unanswered question, Page Down moves on.
  await page.mouse.click(5, 5);  // the answer box lets go of the keyboard
  await frames(page, 3);
  await pressKey(page, 'PageDown');
  s = await state(page);
  assert.equal(s.lesson.step, 3);
  assert.equal(s.lesson.question.revealed, false);
  await pressKey(page, 'PageDown');
  s = await state(page);
  assert.equal(s.lesson.step, 3);
  assert.equal(s.lesson.question.revealed, true);
  assert.equal(s.graph.backprop.done, s.graph.backprop.total, 'the reveal link completes backprop');
  await pressKey(page, 'PageDown');
  s = await state(page);
  assert.equal(s.lesson.step, 4);
  // "Step it yourself": Page Down steps the gates, then goes on to the next lesson.
  const total = s.graph.backprop.total;
  assert.equal(s.graph.backprop.done, 0);
  for (let k = 1; k <= total; ++k) {
    await pressKey(page, 'PageDown');
    s = await state(page);
    assert.equal(s.graph.backprop.done, k);
    assert.equal(s.lesson.step, 4);
  }
  await pressKey(page, 'PageUp');  // Back steps a gate back while stepping
  assert.equal((await state(page)).graph.backprop.done, total - 1);
  await pressKey(page, 'PageDown', 2);
  s = await state(page);
  assert.equal(s.lesson.lesson, 2, 'after the last gate, the next lesson');
  assert.equal(s.lesson.step, 1);
  assert.match(s.graph.expression, /exp\(-s\)/);
  // Close: the labs are back to themselves and the link is the lab's again.
  await clickWidget(page, 'lesson:close');
  s = await state(page);
  assert.equal(s.lesson.open, false);
  assert.equal((await widgets(page))['lesson:bar'], undefined);
  assert.match(await page.evaluate(() => location.hash), /^#graph:/);
  assert.deepEqual(problems, []);
});

test('every step of every lesson opens, and every question takes the right answer and refuses a wrong one', async () => {
  const { page, problems } = await open();
  assert.equal((await command(page, 'lesson', 'open', '1')).ok, true);
  await courseLoaded(page);
  const lessons = (await state(page)).lesson.lessons;
  assert.ok(lessons.length >= 10);
  let questions = 0;
  for (let n = 1; n <= lessons.length; ++n) {
    for (let k = 1; k <= lessons[n - 1].steps; ++k) {
      const where = `${lessons[n - 1].key} step ${k}`;
      const opened = await command(page, 'lesson', 'open', `${n}:${k}`);
      assert.equal(opened.ok, true, `${where}: ${opened.error}`);
      await settled(page);
      let s = await state(page);
      assert.equal(s.lesson.step, k, where);
      assert.equal(s.lab, labOf(s.lesson.link), `${where}: its lab is on screen`);
      assert.equal(s.status, '', `${where}: ${s.status}`);
      assert.ok(!s.lesson.text.includes('{'), `${where}: every number filled in`);
      assert.ok((await widgets(page))['lesson:text'], `${where}: the bar is drawn`);
      // The lesson's link (and the controls the step hides, hide=...).
      assert.match(await page.evaluate(() => location.hash), new RegExp(`^#lesson:n=${n}&step=${k}(&hide=[a-z,]+)?$`), where);
      const q = s.lesson.question;
      if (!q) continue;
      ++questions;
      assert.equal(q.answer_error, '', where);
      if (q.numeric) {
        const wrong = q.expected + 10 * q.within + 1;
        assert.equal((await command(page, 'lesson', 'answer', String(wrong))).ok, true);
        s = await state(page);
        assert.equal(s.lesson.question.verdict, 'wrong', `${where}: ${wrong} refused`);
        assert.equal(s.lesson.question.revealed, false, where);
        await command(page, 'lesson', 'answer', String(q.expected));
      } else {
        const wrong = q.right_option === 0 ? 1 : 0;
        await command(page, 'lesson', 'choose', '', wrong);
        assert.equal((await state(page)).lesson.question.verdict, 'wrong', `${where}: option ${wrong} refused`);
        await command(page, 'lesson', 'choose', '', q.right_option);
      }
      await settled(page);
      s = await state(page);
      assert.equal(s.lesson.question.verdict, 'right', where);
      assert.equal(s.lesson.question.revealed, true, where);
      assert.equal(s.status, '', `${where}: ${s.status}`);
    }
  }
  assert.ok(questions >= 20, `${questions} questions`);
  assert.deepEqual(problems, []);
});

test('lecture 002\'s loop as a lesson: the notes\' float32 numbers', async () => {
  const { page, problems } = await open({ hash: 'lesson:n=6&step=4' });
  await courseLoaded(page);
  await settled(page);
  let s = await state(page);
  assert.equal(s.lesson.key, 'training-loop');
  assert.equal(s.playground.steps, 3, 'one epoch of three samples');
  assert.match(s.lesson.text, /loss, computed before its update, is 7\.3159437:/);
  await command(page, 'lesson', 'next');
  await settled(page);
  s = await state(page);
  assert.equal(s.playground.steps, 6);
  assert.match(s.lesson.text, /last loss 3\.998764/);
  assert.equal(Math.fround(s.lesson.question.expected), Math.fround(1.9976202));
  assert.equal((await command(page, 'lesson', 'answer', '1.99762')).ok, true);
  await settled(page);
  s = await state(page);
  assert.equal(s.lesson.question.verdict, 'right');
  assert.equal(s.playground.steps, 60, 'revealed: twenty epochs');
  assert.equal(Math.fround(s.playground.first_weight), Math.fround(1.9976202));
  await command(page, 'lesson', 'next');
  await settled(page);
  s = await state(page);
  assert.match(s.lesson.text, /w = 1\.9976202,/);
  assert.match(s.lesson.text, /the last loss is 7\.5804e-05/);
  assert.match(s.lesson.text, /4\u00b7w = 7\.9904809/);
  await screenshot(page, 'lesson-en-training-loop.png');
  assert.deepEqual(problems, []);
});

test('lesson links: cold, tampered, Korean, presented, at phone and projector sizes', async () => {
  // Korean, on a projector, presenting: the tabs give way to the lesson's picture and text.
  {
    const { page, problems } = await open({ hash: 'lesson:n=2&step=5&lang=ko&ui.present=1', width: 1920, height: 1080 });
    await courseLoaded(page);
    await settled(page);
    let s = await state(page);
    assert.equal(s.lang, 'ko');
    assert.equal(s.lesson.step, 5);
    assert.match(s.lesson.question.ask, /σ 게이트의 국소 그래디언트/);
    await page.waitForFunction(() => { const w = window.nabla.widgets(); return w['graph:canvas'] && w['lesson:text']; }, null, { timeout: 20000 });
    const w = await widgets(page);
    assert.equal(w['tab:graph'], undefined, 'no tabs while presenting a lesson');
    assert.equal(w['app:export'], undefined, 'nor the header\'s tools');
    assert.equal(w['lesson:close'], undefined);
    assert.ok(w['graph:canvas'] && w['lesson:text']);
    await page.waitForFunction(() => window.nabla.state().missing_glyphs === 0, null, { timeout: 20000 });
    await screenshot(page, 'lesson-ko-projector-sigmoid.png');
    await command(page, 'lesson', 'answer', '0.3');  // the notes' rounded 0.20 is within 0.005: right
    s = await state(page);
    assert.equal(s.lesson.question.verdict, 'wrong');
    await frames(page, 3);
    assert.match(JSON.stringify(await widgets(page)), /lesson:ask/);
    await page.waitForFunction(() => window.nabla.state().missing_glyphs === 0, null, { timeout: 20000 });
    await screenshot(page, 'lesson-ko-projector-hint.png');
    assert.deepEqual(problems, []);
  }
  // A tampered lesson link: said in the header; the course is listed to pick from.
  {
    const { page, problems } = await open({ hash: 'lesson:n=99&step=1' });
    await courseLoaded(page);
    await frames(page, 3);
    const s = await state(page);
    assert.match(s.status, /there is no lesson 99: the course has \d+/);
    assert.equal(s.lesson.open, false);
    assert.equal(s.lab, 'lesson');
    assert.ok((await widgets(page))['lesson:open:1']);
    await screenshot(page, 'lesson-tampered.png');
    assert.deepEqual(problems, []);
  }
  // A phone: taps on Next step once each (a tap is one click), the bar wraps inside the screen.
  {
    const { page, problems } = await open({ hash: 'lesson:n=8&step=1&lang=ko', width: 390, height: 844, touch: true, scale: 2 });
    await courseLoaded(page);
    await settled(page);
    const tap = async (name) => {
      const r = (await widgets(page))[name];
      await page.touchscreen.tap(r[0] + r[2] / 2, r[1] + r[3] / 2);
      await frames(page, 4);
    };
    await tap('lesson:next');
    let s = await state(page);
    assert.equal(s.lesson.step, 2, 'one tap, one step');
    await tap('lesson:option:1');
    s = await state(page);
    assert.equal(s.lesson.question.verdict, 'right');
    assert.equal(s.trajectory.steps, 100);
    for (const [name, r] of Object.entries(await widgets(page)))
      if (name.startsWith('lesson:')) assert.ok(r[0] >= 0 && r[0] + r[2] <= 391, `${name} inside the screen: ${r}`);
    await page.waitForFunction(() => window.nabla.state().missing_glyphs === 0, null, { timeout: 20000 });
    await screenshot(page, 'lesson-ko-phone-figure3.png');
    assert.deepEqual(problems, []);
  }
  // English on a tablet, the MLP lesson: the inspector's numbers in the text.
  {
    const { page, problems } = await open({ hash: 'lesson:n=7&step=3', width: 1024, height: 768, touch: true });
    await courseLoaded(page);
    await settled(page);
    const s = await state(page);
    assert.equal(s.lesson.key, 'mlp-notation');
    assert.match(s.lesson.text, /dC\/dz = -?\u2212?\d/);
    await screenshot(page, 'lesson-en-tablet-mlp.png');
    assert.deepEqual(problems, []);
  }
});

test('a refused link during a lesson keeps the lesson and its step on screen; an accepted lab link ends it', async () => {
  const { page, problems } = await open({ hash: 'lesson:n=5&step=2' });
  await courseLoaded(page);
  await settled(page);
  await page.evaluate(() => { location.hash = '#graph:expr=f%20%3D%20(x'; });
  await frames(page, 5);
  let s = await state(page);
  assert.equal(s.lesson.open, true, 'a mistyped lab link leaves the lesson open');
  assert.equal(s.lesson.step, 2);
  assert.match(s.status, /kept/);
  await page.evaluate(() => { location.hash = '#lesson:n=99'; });
  await frames(page, 5);
  s = await state(page);
  assert.equal(s.lesson.lesson, 5);
  assert.equal(s.lab, 'graph', 'the step\'s lab stays on screen');
  assert.match(s.status, /there is no lesson 99/);
  await page.evaluate(() => { location.hash = '#trajectory:surface=bowl&points=32&noise=0.5&kappa=10&seed=1&sampling=1&runs=sgd:0.05:1:-2.5:1.5:0.9'; });
  await frames(page, 5);
  s = await state(page);
  assert.equal(s.lesson.open, false);
  assert.equal(s.lab, 'trajectory');
  assert.match(await page.evaluate(() => location.hash), /^#trajectory:/);
  assert.deepEqual(problems, []);
});
