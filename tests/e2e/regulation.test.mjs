// End-to-end tests of chapter 8 (regulation) against the release build: the education
// notice is shown, every control of the tax-records lab changes the counts, the chart
// and the URL; bad values are clamped with a notice; no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, nudge, expectUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const R = '/regulation';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const total = (page) => text(page, '[data-testid="reg-total"]');
const draws = (page) => page.$eval('.lab canvas', (c) => Number(c.dataset.draws ?? 0));

test('defaults: notice at the top, 994 events, formula with the numbers, quiz at the end', async () => {
  for (const [locale, word] of [['en-US', /not financial, legal or tax advice/], ['zh-CN', /不构成任何投资、法律或税务建议/]]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + R);
    await ready(page);
    assert.match(await text(page, '[data-testid="reg-disclaimer"]'), word);
    assert.equal(await total(page), '994');
    assert.equal(await text(page, '[data-testid="reg-rewards"]'), '938');
    assert.equal(await text(page, '[data-testid="reg-tokens"]'), '56');
    assert.match(await text(page, '.formula .substituted'), /= 994$/);
    assert.ok(await page.$('.quiz[data-chapter="regulation"]'));
    assert.ok((await page.$$('dfn.term')).length >= 5);
    assert.ok((await page.$$('a.cite')).length >= 5);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('each control changes the count, redraws the chart and writes the URL', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  const h = await page.evaluate(() => history.length);
  let d = await draws(page);
  const step = async (action, expected, urlPart) => {
    await action();
    assert.equal(await total(page), expected);
    await expectUrl(page, urlPart);
    const d2 = await draws(page);
    assert.ok(d2 > d, `chart redrew (${d} → ${d2})`);
    d = d2;
  };
  // LRT off: 994 − 367
  await step(() => page.uncheck('#reg-lrt'), '627', /lrt=0/);
  // LST daily → yearly: 627 − 364
  await step(() => page.selectOption('#in-flst', '0'), '263', /flst=0/);
  // One more AVS: restaking 4·52 + 4·12 + 2 = 258 instead of 194
  await step(() => nudge(page, '#in-avs', 'ArrowRight', 1), '327', /avs=4/);
  // Claims daily: LST 3 + restaking 4·52 + 4·365 + 2 + DeFi 52 + 365 + 2
  await step(() => page.selectOption('#in-claim', '4'), '2,092', /claim=4/);
  // Two round trips a year: +2 for each of the three token layers still on
  await step(() => nudge(page, '#in-trips', 'ArrowRight', 1), '2,098', /trips=2/);
  // Native staking on (weekly): +52
  await step(() => page.check('#reg-native'), '2,150', /native=1/);
  // Native frequency: weekly → daily: +313
  await step(() => page.selectOption('#in-fnat', '4'), '2,463', /fnat=4/);
  assert.equal(await page.evaluate(() => history.length), h);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link and a reload restore the same state', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + R + '?v=1&native=1&lst=0&lrt=0&defi=0&avs=8&claim=3');
  await ready(page);
  // native 52 + restaking 8·52 + 8·52 + 2 = 886
  assert.equal(await total(page), '886');
  await page.reload();
  await ready(page);
  assert.equal(await total(page), '886');
  assert.equal(await page.inputValue('#in-avs'), '8');
  await context.close();
});

test('bad URL values fall back to clamped defaults with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + R + '?avs=99&flst=abc&native=7&trips=1e3');
    await ready(page);
    const notice = await text(page, '[data-testid="url-notice"]');
    assert.match(notice, word);
    for (const name of ['avs', 'flst', 'native', 'trips']) assert.ok(notice.includes(name), `${name} named in: ${notice}`);
    assert.equal(await page.inputValue('#in-avs'), '20');
    assert.equal(await page.inputValue('#in-flst'), '4');
    assert.ok(await page.isChecked('#reg-native'));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('predict-then-reveal explains after a choice', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  await page.click('.predict .choices button >> nth=0');
  assert.match(await text(page, '.predict .reveal'), /Not quite/);
  await page.click('.predict .choices button >> nth=2');
  assert.match(await text(page, '.predict .reveal'), /Right/);
  assert.deepEqual(errors, []);
  await context.close();
});
