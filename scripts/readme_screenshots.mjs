// The README's screenshots, from the current build (after a web build): each lab in a state worth
// showing, in English and in Korean, at 1280x720. Writes docs/*.png.
//   node scripts/readme_screenshots.mjs   (under xvfb-run, or with a display)
import { openApp, command, frames, clickWidget, clickAt, widgets } from '../tests/e2e/browser.mjs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const docs = join(fileURLToPath(new URL('.', import.meta.url)), '../docs');
const until = async (page, predicate) => {
  for (let i = 0; i < 400 && !(await page.evaluate(predicate)); ++i) await page.waitForTimeout(100);
};

for (const [locale, prefix] of [['en-US', ''], ['ko-KR', 'ko-']]) {
  const app = await openApp({ locale });
  const { page } = app;
  await command(page, 'graph', 'preset', 'E2');
  await frames(page, 5);
  await page.screenshot({ path: join(docs, `${prefix}graph-lab.png`) });

  await clickWidget(page, 'tab:playground');
  await command(page, 'playground', 'play');
  await until(page, () => window.nabla.state().playground.test_accuracy > 0.95);
  await command(page, 'playground', 'pause');
  await command(page, 'playground', 'sample', '', 3);
  await command(page, 'playground', 'neuron', '0', 1);
  await frames(page, 5);
  await page.screenshot({ path: join(docs, `${prefix}playground.png`) });

  await clickWidget(page, 'tab:trajectory');
  await command(page, 'trajectory', 'preset', 'gd-sgd-minibatch');
  await command(page, 'trajectory', 'step', '', 60);
  await frames(page, 5);
  await page.screenshot({ path: join(docs, `${prefix}trajectory-lab.png`) });
  await app.close();
}
// A/B: the learning rate's effect, two runs from the same weights (a link that replays 600 steps).
{
  const app = await openApp({ hash: 'playground:data=xor&lr=0.003&cmp=lr:0.03,batch:10,opt:sgd,reg:none,rate:0.001&steps=600' });
  await until(app.page, () => !window.nabla.state().playground.replaying);
  await frames(app.page, 5);
  await app.page.screenshot({ path: join(docs, 'compare.png') });
  await app.close();
}
// Lecture 001's E5 with matrices, the @ gate clicked: its two Jacobians beside the graph.
{
  const app = await openApp();
  await clickWidget(app.page, 'preset:E5');
  const q = (await app.page.evaluate(() => window.nabla.state().graph.nodes)).find((n) => n.name === 'q');
  const [x, y, w, h] = (await widgets(app.page))[`node:${q.id}`];
  await clickAt(app.page, x + w / 2, y + h / 2);
  await app.page.mouse.move(5, 700);
  await frames(app.page, 5);
  await app.page.screenshot({ path: join(docs, 'vectorised.png') });
  await app.close();
}
// A lesson's question answered wrong (its rule as the hint), in English; the sigmoid lesson in Korean, presented.
for (const [hash, answer, name] of [['lesson:n=1&step=2', '-4', 'lesson.png'], ['lesson:n=2&step=5&lang=ko&ui.present=1', '0.3', 'ko-lesson.png']]) {
  const app = await openApp({ hash });
  await until(app.page, () => window.nabla.state().lesson.open && !window.nabla.state().playground.replaying);
  await command(app.page, 'lesson', 'answer', answer);
  await frames(app.page, 5);
  await until(app.page, () => window.nabla.state().missing_glyphs === 0);
  await app.page.screenshot({ path: join(docs, name) });
  await app.close();
}
console.log(`screenshots written to ${docs}`);
