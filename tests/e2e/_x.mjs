import { openApp, state, command, frames, clickWidget, clickAt, widgets, screenshot } from './browser.mjs';
const E5 = 'graph:expr=q%20%3D%20W%20%40%20x%3B%20f%20%3D%20norm2(q)&W=%5B%5B0.1%2C0.5%5D%2C%5B-0.3%2C0.8%5D%5D&x=%5B0.2%2C0.4%5D';
for (const [w, h, name, lang] of [[1280, 720, 'desk', 'en'], [390, 844, 'phone', 'en'], [1024, 768, 'tablet', 'ko']]) {
  const { close, page, problems } = await openApp({ hash: E5 + (lang === 'ko' ? '&lang=ko' : ''), width: w, height: h, touch: name !== 'desk' });
  await frames(page, 4);
  const s = (await state(page)).graph;
  console.log(name, s.vectorised, s.error, JSON.stringify(s.gradients));
  await screenshot(page, `e5-${name}.png`);
  const wm = await widgets(page);
  const q = wm['node:2'];
  if (q && name === 'desk') {
    await clickAt(page, q[0] + q[2] / 2, q[1] + q[3] / 2);
    await frames(page, 3);
    await screenshot(page, `e5-${name}-node.png`);
    const wn = wm['node:0'];
    await page.mouse.move(wn[0] + wn[2] + 25, wn[1] + wn[3] / 2 + 4);
    await frames(page, 3);
    await screenshot(page, `e5-${name}-edge.png`);
  }
  console.log('problems', problems);
  await close();
}
