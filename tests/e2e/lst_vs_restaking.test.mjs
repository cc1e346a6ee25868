// End-to-end tests of the LST-versus-restaking chapter against the release build: the
// shared sliders and the layer switches change yields, contract risk and exit times
// (numbers, charts and URL); links restore state; bad values are clamped with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, renderAll, nudge, expectUrl, settledUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ROUTE = '/lst-vs-restaking';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const out = (page, id) => text(page, `[data-testid="${id}"]`);
const draws = (page) => page.$$eval('.lst canvas', (cs) => cs.map((c) => Number(c.dataset.draws ?? 0)));
const layers = (page, i) => page.$$eval(`[data-testid="layers-${i}"] li`, (n) => n.length);

async function open(query = '', opts = {}) {
  const o = await openPage(browser, opts);
  await o.page.goto(server.origin + ROUTE + query);
  await ready(o.page);
  await o.page.waitForSelector('[data-testid="apr-3"]');
  return o;
}

test('defaults: three positions side by side, more layers, longer exits', async () => {
  const { context, page, errors } = await open();
  // LST 3.15 × 0.9; native 3.15 + 1 × 0.9; LST via LRT (2.835 + 0.9) × 0.9; LST restaked 3.735.
  assert.deepEqual(await Promise.all([0, 1, 2, 3].map((i) => out(page, `apr-${i}`))), ['2.84%', '4.05%', '3.36%', '3.74%']);
  assert.deepEqual(await Promise.all([0, 1, 2, 3].map((i) => layers(page, i))), [2, 2, 4, 3]);
  assert.deepEqual(await Promise.all([0, 1, 2, 3].map((i) => out(page, `exit-${i}`))), ['5.5 days', '19.5 days', '26.5 days', '19.5 days']);
  assert.equal(await out(page, 'survival-0'), '99.49%');
  assert.equal(await out(page, 'loss-0'), '0.26%');
  assert.equal(await out(page, 'survival-2'), '97.51%');
  assert.equal((await page.$$('.lst canvas')).length, 3);
  const f = await page.$$eval('.formula .substituted', (n) => n.map((e) => e.textContent));
  assert.equal(f[0], '[(2.85% + 0.30%) × (1 − 10%) + 1.00% × (1 − 10%)] × (1 − 0%) = 3.74%');
  assert.match(f[1], /^\(1 − 0\.01%\)\^1 × \(1 − 0\.50%\)\^1 × \(1 − 1\.00%\)\^1 = 98\.50%$/);
  assert.match(f[2], /= 19\.5 days$/);
  assert.ok(await page.$$eval('dfn.term', (n) => n.length >= 5));
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching layers changes yield, layers, exit time, the charts that show them and the URL', async () => {
  const { context, page, errors } = await open();
  // Which of the three charts (yield, contract risk, exit) redraw: a chart whose
  // numbers did not change is not redrawn (the LST switch keeps the exit at 26.5 days).
  const steps = [
    ['#in-restake', { apr: '2.84%', n: 2, exit: '5.5 days' }, /restake=0/, [true, true, true]],
    ['#in-restake', { apr: '3.74%', n: 3, exit: '19.5 days' }, null, [true, true, true]],
    ['#in-lrt', { apr: '3.36%', n: 4, exit: '26.5 days' }, /lrt=1/, [true, true, true]],
    ['#in-lst', { apr: '3.65%', n: 3, exit: '26.5 days' }, /lst=0/, [true, true, false]],
  ];
  for (const [sel, want, url, redraw] of steps) {
    const d0 = await draws(page);
    await page.click(sel);
    assert.equal(await out(page, 'apr-3'), want.apr, sel);
    assert.equal(await layers(page, 3), want.n, sel);
    assert.equal(await out(page, 'exit-3'), want.exit, sel);
    const d1 = await draws(page);
    assert.deepEqual(d1.map((d, i) => d > d0[i]), redraw, `${sel}: charts redrawn (${d0} → ${d1})`);
    if (url) await expectUrl(page, url);
  }
  // The LRT switch needs restaking.
  await page.click('#in-restake');
  assert.equal(await page.isDisabled('#in-lrt'), true);
  assert.equal(await page.isChecked('#in-lrt'), false);
  assert.equal(await layers(page, 3), 1);
  // The fixed positions did not move.
  assert.equal(await out(page, 'apr-1'), '4.05%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every shared slider changes the positions it applies to', async () => {
  const { context, page, errors } = await open();
  await renderAll(page); // every chart drawn once, including those below the fold
  const cases = [
    ['#in-cl', 10, 'apr-0', '2.93%'],      // (2.95 + 0.3) × 0.9
    ['#in-el', 1, 'apr-1', '4.10%'],       // 3.2 + 0.9
    ['#in-lstfee', 1, 'apr-0', '2.80%'],   // 3.15 × 0.89
    ['#in-avs', 1, 'apr-1', '4.10%'],      // 3.15 + 1.05 × 0.9
    ['#in-split', 1, 'apr-1', '4.04%'],    // 3.15 + 0.89
    ['#in-lrtfee', 1, 'apr-2', '3.32%'],   // 3.735 × 0.89
    ['#in-years', 1, 'loss-0', '0.52%'],   // two years of LST and deposit-contract risk
    ['#in-queue', 1, 'exit-0', '5.7 days'], // 10,032 ETH at 256 ETH per epoch: 39 more epochs
    ['#in-lrtq', 1, 'exit-2', '27.5 days'],
  ];
  for (const [sel, n, id, expected] of cases) {
    const before = await out(page, id);
    const d0 = await draws(page);
    await nudge(page, sel, 'ArrowRight', n);
    assert.equal(await out(page, id), expected, sel);
    assert.notEqual(expected, before, sel);
    const d1 = await draws(page);
    assert.ok(d1.some((d, i) => d > d0[i]), `${sel} redrew a chart`);
    await page.click(`.slider[data-param="${sel.slice(4)}"] .reset`);
    assert.equal(await out(page, id), before, `${sel} reset`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link and a reload restore the state, in Chinese too', async () => {
  const { context, page, errors } = await open('?v=1&lst=0&restake=1&lrt=1&lrtfee=5&queue=100000', { locale: 'zh-CN' });
  // Native ETH through an LRT: (3.15 + 0.9) × 0.95 = 3.8475.
  assert.equal(await out(page, 'apr-3'), '3.85%');
  assert.equal(await layers(page, 3), 3);
  assert.match(await out(page, 'exit-3'), /天$/);
  await settledUrl(page); // the held-back URL write lands first
  await page.reload();
  await ready(page);
  assert.equal(await out(page, 'apr-3'), '3.85%');
  assert.equal(await page.isChecked('#in-lst'), false);
  assert.equal(await page.inputValue('#in-queue'), '100000');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad URL values are clamped with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await open('?cl=abc&lst=2&queue=-1&years=99&lrt=7&restake=Infinity', { locale });
    const notice = await out(page, 'url-notice');
    assert.match(notice, word);
    for (const name of ['cl', 'lst', 'queue', 'years', 'lrt', 'restake']) assert.ok(notice.includes(name), `${name} named in: ${notice}`);
    assert.equal(await page.inputValue('#in-cl'), '2.85');
    assert.equal(await page.inputValue('#in-years'), '10');
    assert.equal(await page.inputValue('#in-queue'), '0');
    assert.equal(await page.isChecked('#in-lst'), true);
    assert.equal(await page.isChecked('#in-restake'), true);
    assert.equal(await page.isChecked('#in-lrt'), true);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('predict-then-reveal: native restaking pays the most', async () => {
  const { context, page } = await open();
  assert.equal(await page.$('.predict .reveal'), null);
  await page.click('.predict .choices button >> nth=2');
  assert.match(await text(page, '.predict .reveal'), /Not quite/);
  await page.click('.predict .choices button >> nth=1');
  assert.match(await text(page, '.predict .reveal'), /Right/);
  await context.close();
});
