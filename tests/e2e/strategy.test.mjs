// End-to-end tests of chapter 5 (strategy) against the release build: tier weights
// always sum to 100 and drive the blended numbers; the seeded fan chart is the same for
// the same seed and different for another; the checklist, reserve, queue and alert
// inputs change their outputs; bad links are clamped with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, nudge, expectUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CH = '/strategy';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const pct = (s) => Number(s.replace('%', ''));
// The fan's data table (built only while its <details> is open: open it first).
const fanTable = async (page) => {
  const d = page.locator('.data-table').first();
  if (!(await d.evaluate((el) => el.open))) await d.locator('summary').click();
  await d.locator('tbody tr').first().waitFor();
  return d.textContent();
};
async function open(query = '', opts) {
  const o = await openPage(browser, opts);
  await o.page.goto(server.origin + CH + query);
  await ready(o.page);
  await o.page.waitForSelector('[data-testid="blended-apr"]');
  return o;
}

test('the article preset 20 / 50 / 30 is the default: blended APR 3.55%, 40% liquid on day 0', async () => {
  const { context, page, errors } = await open();
  assert.equal(await text(page, '[data-testid="w-h"]'), '20%');
  assert.equal(await text(page, '[data-testid="w-m"]'), '50%');
  assert.equal(await text(page, '[data-testid="w-c"]'), '30%');
  assert.equal(await text(page, '[data-testid="blended-apr"]'), '3.55%');
  assert.match(await text(page, '.formula .substituted'), /20% × 4\.80% \+ 50% × 3\.50% \+ 30% × 2\.80% = 3\.55%/);
  assert.match(await text(page, '[data-testid="avail-0"]'), /40\.00 ETH/);
  assert.equal(await text(page, '[data-testid="one-apr"]'), '4.80%');
  assert.ok((await page.$$('.predict')).length >= 2);
  assert.ok((await page.$$('.quiz .quiz-item')).length >= 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('presets and weight sliders keep the weights at 100% and change the blend', async () => {
  const { context, page, errors } = await open();
  const history = await page.evaluate(() => history.length);
  await page.click('[data-testid="preset-bold"]');
  assert.equal(await text(page, '[data-testid="w-c"]'), '0%');
  assert.equal(await text(page, '[data-testid="blended-apr"]'), '4.15%'); // 0.5×4.8 + 0.5×3.5
  await page.click('[data-testid="preset-article"]');
  assert.equal(await text(page, '[data-testid="blended-apr"]'), '3.55%');
  await nudge(page, '#in-wh', 'ArrowRight', 40);
  const [h, m, c] = await Promise.all(['w-h', 'w-m', 'w-c'].map((t) => text(page, `[data-testid="${t}"]`)));
  assert.equal(h, '60%');
  assert.equal(pct(h) + pct(m) + pct(c), 100);
  assert.ok(pct(m) > pct(c), `medium keeps more than conservative: ${m} ${c}`);
  await expectUrl(page, /wh=60\b/);
  await nudge(page, '#in-wc', 'ArrowRight', 10);
  const sum = await Promise.all(['w-h', 'w-m', 'w-c'].map((t) => text(page, `[data-testid="${t}"]`)));
  assert.equal(sum.map(pct).reduce((a, b) => a + b), 100);
  assert.equal(await page.evaluate(() => history.length), history);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the fan chart is identical for the same seed and changes with another seed', async () => {
  const a = await open('?v=1&seed=7');
  const tableA = await fanTable(a.page);
  const p50A = await text(a.page, '[data-testid="tiered-p50"]');
  await a.context.close();
  const b = await open('?v=1&seed=7');
  assert.equal(await fanTable(b.page), tableA);
  assert.equal(await text(b.page, '[data-testid="tiered-p50"]'), p50A);
  const draws = await b.page.$eval('canvas', (c) => Number(c.dataset.draws ?? 0));
  await b.page.click('[data-testid="new-draw"]');
  await expectUrl(b.page, /seed=8\b/);
  assert.notEqual(await fanTable(b.page), tableA);
  assert.ok((await b.page.$eval('canvas', (c) => Number(c.dataset.draws ?? 0))) > draws, 'fan redrew');
  await b.page.fill('#in-seed', '7');
  await b.page.press('#in-seed', 'Enter');
  await b.page.$eval('#in-seed', (e) => e.dispatchEvent(new Event('change', { bubbles: true })));
  assert.equal(await fanTable(b.page), tableA);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('horizon, size and comparison tier change the fan outputs', async () => {
  const { context, page, errors } = await open();
  const p50 = await text(page, '[data-testid="tiered-p50"]');
  await nudge(page, '#in-years', 'ArrowLeft', 1);
  assert.notEqual(await text(page, '[data-testid="tiered-p50"]'), p50);
  const p50b = await text(page, '[data-testid="tiered-p50"]');
  await nudge(page, '#in-eth', 'ArrowRight', 5);
  assert.notEqual(await text(page, '[data-testid="tiered-p50"]'), p50b);
  await page.check('#in-one-2');
  assert.equal(await text(page, '[data-testid="one-apr"]'), '2.80%');
  await expectUrl(page, /one=2\b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('checklist ticks change that tier\'s assumptions and the expected loss', async () => {
  const { context, page, errors } = await open();
  const loss = await text(page, '[data-testid="expected-loss"]');
  const summary = await text(page, '[data-testid="check-summary"]');
  const table = await fanTable(page);
  await page.check('#in-qh-0');
  await expectUrl(page, /qh=1\b/);
  assert.notEqual(await text(page, '[data-testid="expected-loss"]'), loss);
  assert.notEqual(await text(page, '[data-testid="check-summary"]'), summary);
  assert.notEqual(await fanTable(page), table);
  await page.check('#in-qh-1');
  await expectUrl(page, /qh=3\b/);
  const loss2 = await text(page, '[data-testid="expected-loss"]');
  await page.check('#in-qm-2');
  await expectUrl(page, /qm=4\b/);
  assert.notEqual(await text(page, '[data-testid="expected-loss"]'), loss2);
  assert.match(await text(page, '[data-testid="checklist"]'), /Assumption/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('reserve, exit queue and alert threshold change the liquidity and monitoring outputs', async () => {
  const { context, page, errors } = await open();
  const avail = await text(page, '[data-testid="avail-0"]');
  const apr = await text(page, '[data-testid="blended-apr"]');
  await nudge(page, '#in-res', 'ArrowRight', 10);
  assert.match(await text(page, '[data-testid="avail-0"]'), /46\.00 ETH/);
  assert.notEqual(await text(page, '[data-testid="avail-0"]'), avail);
  assert.ok(pct(await text(page, '[data-testid="blended-apr"]')) < pct(apr), 'a reserve costs yield');
  assert.match(await text(page, '[data-testid="reserve-cost"]'), /0\.280 ETH/);
  const upgrade = await text(page, '[data-testid="mon-upgrade"]');
  await nudge(page, '#in-queue', 'End', 1);
  assert.notEqual(await text(page, '[data-testid="mon-upgrade"]'), upgrade);
  const slash = await text(page, '[data-testid="mon-slash"]');
  await nudge(page, '#in-alert', 'ArrowRight', 10);
  assert.notEqual(await text(page, '[data-testid="mon-slash"]'), slash);
  await expectUrl(page, /alert=2\b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad URL values are clamped with a translated notice; weights over 100% are cut', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await open('?wh=500&alert=abc&qh=99&seed=-4', { locale });
    const notice = await text(page, '[data-testid="url-notice"]');
    assert.match(notice, word);
    for (const name of ['wh', 'alert', 'qh', 'seed']) assert.ok(notice.includes(name), `${name} named in: ${notice}`);
    assert.equal(await page.inputValue('#in-wh'), '100');
    assert.equal(await page.inputValue('#in-alert'), '1');
    assert.equal(await text(page, '[data-testid="w-c"]'), '0%');
    assert.deepEqual(errors, []);
    await context.close();
  }
  const { context, page } = await open('?wh=80&wm=50');
  assert.match(await text(page, '[data-testid="strat-weights-fixed"]'), /20%/);
  assert.equal(await text(page, '[data-testid="w-m"]'), '20%');
  await context.close();
});

test('Chinese page renders without console errors and explains predictions', async () => {
  const { context, page, errors } = await open('', { locale: 'zh-CN' });
  assert.match(await text(page, 'h1'), /实战策略/);
  await page.click('.predict .choices button >> nth=2');
  assert.ok((await text(page, '.predict .reveal')).length > 10);
  assert.deepEqual(errors, []);
  await context.close();
});
