// End-to-end tests of chapter 1 against the release build: sliders drive numbers,
// charts and the URL; links restore state; bad values are clamped with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, renderAll, nudge, expectUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CH1 = '/what-is-restaking';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());

test('defaults come from the model: base 2.85% + 1.00% × (1 − 10%) = 3.75%', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + CH1);
  await ready(page);
  assert.equal(await text(page, '[data-testid="net-apr"]'), '3.75%');
  assert.match(await text(page, '.formula .substituted'), /2\.85% \+ 1\.00% × \(1 − 10%\) = 3\.75%/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slider changes the numbers, redraws the charts and updates the URL (replace, not push)', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + CH1);
  await ready(page);
  await renderAll(page); // every chart drawn once, including those below the fold
  const before = await text(page, '[data-testid="net-apr"]');
  const draws = await page.$$eval('canvas', (cs) => cs.map((c) => Number(c.dataset.draws ?? 0)));
  const historyLength = await page.evaluate(() => history.length);
  await nudge(page, '#in-restake', 'ArrowRight', 10); // +0.10 percentage points
  const after = await text(page, '[data-testid="net-apr"]');
  assert.notEqual(after, before);
  assert.equal(after, '3.84%'); // 2.85 + 1.10 × 0.9 = 3.84
  await expectUrl(page, /restake=1\.1\b/);
  assert.equal(await page.evaluate(() => history.length), historyLength);
  const drawsAfter = await page.$$eval('canvas', (cs) => cs.map((c) => Number(c.dataset.draws ?? 0)));
  drawsAfter.forEach((d, i) => assert.ok(d > draws[i], `canvas ${i} redrew (${draws[i]} → ${d})`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chart redraws only when what it shows changed', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + CH1);
  await ready(page);
  await renderAll(page);
  const draws = () => page.$$eval('canvas', (cs) => cs.map((c) => Number(c.dataset.draws ?? 0)));
  const [bars0, lines0] = await draws();
  // The horizon changes the growth curves, not the APR bars.
  await nudge(page, '#in-years', 'ArrowRight', 1);
  await expectUrl(page, /years=11\b/);
  const [bars1, lines1] = await draws();
  assert.equal(bars1, bars0, 'the APR bars were not redrawn');
  assert.ok(lines1 > lines0, `the growth chart redrew (${lines0} → ${lines1})`);
  // The theme changes how both look: both redraw.
  await page.selectOption('select[data-testid="theme"]', 'dark');
  await page.waitForFunction(([b, l]) => {
    const d = [...document.querySelectorAll('canvas')].map((c) => Number(c.dataset.draws ?? 0));
    return d[0] > b && d[1] > l;
  }, [bars1, lines1]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link and a reload restore the same state', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + CH1 + '?v=1&base=3.2&restake=2.5&split=20&principal=64&years=5');
  await ready(page);
  // 3.2 + 2.5 × 0.8 = 5.2
  assert.equal(await text(page, '[data-testid="net-apr"]'), '5.20%');
  assert.equal(await page.inputValue('#in-principal'), '64');
  await page.reload();
  await ready(page);
  assert.equal(await text(page, '[data-testid="net-apr"]'), '5.20%');
  assert.equal(await page.inputValue('#in-years'), '5');
  await context.close();
});

test('bad URL values fall back to clamped defaults with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + CH1 + '?base=NaN&restake=1e308&split=500&split=3');
    await ready(page);
    const notice = await text(page, '[data-testid="url-notice"]');
    assert.match(notice, word);
    for (const name of ['base', 'restake', 'split']) assert.ok(notice.includes(name), `${name} named in: ${notice}`);
    assert.equal(await page.inputValue('#in-split'), '100');
    assert.equal(await page.inputValue('#in-base'), '2.85');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('predict-then-reveal explains after a choice', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + CH1);
  await ready(page);
  assert.equal(await page.$('.predict .reveal'), null);
  await page.click('.predict .choices button >> nth=0');
  assert.match(await text(page, '.predict .reveal'), /Not quite/);
  await page.click('.predict .choices button >> nth=1');
  assert.match(await text(page, '.predict .reveal'), /Right/);
  await context.close();
});
