// The Graph lab's quiz (issue 13, item 3), by mouse and keyboard: the gradients and the check's
// table hidden, each node's gradient typed in backprop order, a wrong entry answered with the rule
// of its gate, a clicker's Next showing the answer, and new exercises at a chosen level, checked
// against the hook's central differences. Screenshots: build/screenshots/quiz-*.png.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { state, command, frames, clickWidget, widgets, screenshot, typeKeys, pressKey, pagesClosedAfterEach } from './browser.mjs';

const open = pagesClosedAfterEach(afterEach);

async function answer(page, text) {
  await clickWidget(page, 'quiz:answer');
  await page.keyboard.press('Control+A');
  await frames(page, 2);
  await pressKey(page, 'Backspace');
  await typeKeys(page, text);
  await pressKey(page, 'Enter');
  return (await state(page)).graph.quiz;
}

test('the lecture\'s (x + y) z as a quiz: typed in backprop order, wrong entries get the rule', async () => {
  const { page, problems } = await open({ hash: 'graph:expr=q%20%3D%20x%20%2B%20y%3B%20f%20%3D%20q%20*%20z&x=-2&y=5&z=-4' });
  await clickWidget(page, 'quiz:start');
  let s = (await state(page)).graph;
  assert.deepEqual([s.quiz.done, s.quiz.total], [0, 4]);
  assert.equal(s.nodes[s.quiz.node].name, 'q');
  assert.equal((await widgets(page))['step:forward'], undefined, 'the stepper gives way to the quiz');
  await screenshot(page, 'quiz-start.png');
  let q = await answer(page, '-4');  // df/dq = z
  assert.equal(q.verdict, 'right');
  assert.equal(q.done, 1);
  q = await answer(page, '-4');  // df/dz = q = 3
  assert.equal(q.verdict, 'wrong');
  assert.match(q.hint, /mul swaps: upstream 1 times the other input's value/);
  await screenshot(page, 'quiz-wrong.png');
  q = await answer(page, '3');
  assert.equal(q.done, 2);
  // A clicker's Next shows the one asked (x), with its rule; Back does nothing in a quiz.
  await page.mouse.click(5, 5);
  await frames(page, 3);
  await pressKey(page, 'PageUp');
  assert.equal((await state(page)).graph.quiz.done, 2);
  await pressKey(page, 'PageDown');
  q = (await state(page)).graph.quiz;
  assert.equal(q.verdict, 'shown');
  assert.match(q.hint, /add distributes/);
  q = await answer(page, '-4');
  assert.equal(q.done, 4);
  assert.equal(q.node, -1);
  await screenshot(page, 'quiz-done.png');
  // The link keeps the quiz where it is.
  assert.match(await page.evaluate(() => location.hash), /&quiz=4&level=1/);
  await clickWidget(page, 'quiz:end');
  assert.equal((await state(page)).graph.quiz, null);
  assert.ok((await widgets(page))['step:forward']);
  assert.deepEqual(problems, []);
});

test('new exercises at each level agree with central differences, in Korean on a tablet', async () => {
  const { page, problems } = await open({ hash: 'graph:expr=f%20%3D%20a%20*%20b&a=2&b=3&lang=ko', width: 1024, height: 768, touch: true });
  await command(page, 'graph', 'quiz_start', '', 1);
  for (const level of [1, 2, 3]) {
    for (let k = 0; k < 4; ++k) {
      assert.equal((await command(page, 'graph', 'quiz_new', '', level)).ok, true);
      const s = (await state(page)).graph;
      assert.equal(s.quiz.level, level);
      assert.equal(s.quiz.done, 0);
      for (const row of s.check) assert.ok(row.agrees, `${s.expression}: ${row.input} ${row.analytic} vs ${row.numeric}`);
      // Every node asked has the gradient the graph computed; typing it goes on.
      for (let i = 0; i < s.quiz.total; ++i) {
        const now = (await state(page)).graph;
        const grad = now.nodes[now.quiz.node].grad;
        await command(page, 'graph', 'quiz_answer', String(grad));
        assert.equal((await state(page)).graph.quiz.verdict, 'right', `${s.expression}: ${now.labels[now.quiz.node]}`);
      }
    }
  }
  // The level by touch: the combo's item, then New exercise.
  await command(page, 'graph', 'quiz_new', '', 3);
  await frames(page, 4);
  await page.waitForFunction(() => window.nabla.state().missing_glyphs === 0, null, { timeout: 20000 });
  await screenshot(page, 'quiz-ko-tablet-hard.png');
  const s = await state(page);
  assert.equal(s.lang, 'ko');
  assert.deepEqual(problems, []);
});
