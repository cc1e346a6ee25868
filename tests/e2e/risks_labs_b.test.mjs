// End-to-end tests of chapter 4's liquidity and governance labs and the risk summary,
// against the release build: every interactive changes its outputs, the replays show
// their sources' numbers, the stake table edits HHI/Nakamoto and round-trips through
// the URL, the summary follows the labs, bad URL values are clamped with the notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, nudge, expectUrl, settledUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const R = '/risks';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const draws = (page, sel) => page.$eval(sel, (c) => Number(c.dataset.draws ?? 0));

test('liquidity: defaults, and every control changes the outputs', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  // 5/225 + 256/225 + 1,062,500/230,400 + 14 + 3 ≈ 22.77 days
  assert.equal(await text(page, '[data-testid="rliq-days"]'), '22.8 days');
  assert.equal(await text(page, '[data-testid="rliq-sell"]'), '31.68 ETH');
  const d0 = await draws(page, '.rliq canvas');

  await nudge(page, '#in-lq', 'ArrowRight', 100); // 100,000 ETH ahead
  const queued = await text(page, '[data-testid="rliq-days"]');
  assert.notEqual(queued, '22.8 days');
  await expectUrl(page, /lq=100000\b/);
  assert.ok((await draws(page, '.rliq canvas')) > d0, 'timeline chart redrew');

  await page.uncheck('#in-le');
  const noEigen = await text(page, '[data-testid="rliq-days"]');
  assert.equal(Number(noEigen.split(' ')[0]), Math.round((Number(queued.split(' ')[0]) - 14) * 10) / 10);
  await expectUrl(page, /le=0\b/);

  const lrtBefore = await text(page, '[data-testid="rliq-days"]');
  await nudge(page, '#in-lr', 'ArrowRight', 2);
  assert.notEqual(await text(page, '[data-testid="rliq-days"]'), lrtBefore);

  await nudge(page, '#in-lt', 'ArrowLeft', 300); // 4 M ETH staked: churn 128 ETH/epoch
  assert.notEqual(await text(page, '[data-testid="rliq-days"]'), lrtBefore);

  await nudge(page, '#in-ld', 'ArrowRight', 10); // 2% discount
  assert.equal(await text(page, '[data-testid="rliq-sell"]'), '31.36 ETH');

  const p5 = await text(page, '[data-testid="rliq-p5"]');
  const prob = await text(page, '[data-testid="rliq-prob"]');
  await nudge(page, '#in-lv', 'ArrowRight', 20);
  assert.notEqual(await text(page, '[data-testid="rliq-p5"]'), p5);
  assert.notEqual(await text(page, '[data-testid="rliq-prob"]'), prob);
  assert.deepEqual(errors, []);
  await context.close();
});

test('liquidity: each replay shows its sources\' numbers', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  await page.check('[data-testid="rliq-preset-1"]');
  assert.equal(await text(page, '[data-testid="rliq-days"]'), '338.0 days');
  let ep = await text(page, '[data-testid="rliq-episode"]');
  for (const s of ['0.94', '6%', '15 May 2023', '338 days']) assert.ok(ep.includes(s), `${s} in: ${ep}`);
  assert.equal(await text(page, '[data-testid="rliq-sell"]'), '30.08 ETH');
  assert.match(await text(page, '[data-testid="rliq-cost"]'), /1\.92 ETH \(6\.0%\)/);
  await expectUrl(page, /lp=1\b/);
  assert.equal(await page.$('#in-lq'), null, 'own-scenario sliders hidden in a replay');

  await page.check('[data-testid="rliq-preset-2"]');
  assert.equal(await text(page, '[data-testid="rliq-days"]'), '50.0 days');
  ep = await text(page, '[data-testid="rliq-episode"]');
  for (const s of ['0.22 ETH', '78%', '$27 M', '10 June 2024', '47 days']) assert.ok(ep.includes(s), `${s} in: ${ep}`);
  assert.equal(await text(page, '[data-testid="rliq-sell"]'), '7.04 ETH');
  // Sources are cited next to the facts.
  assert.ok((await page.$$('.rliq-episode a')).length >= 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('governance: the slider, the table (edit, add, remove) and the URL round trip', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  assert.equal(await text(page, '[data-testid="rgov-n13"]'), '3');
  assert.equal(await text(page, '[data-testid="rgov-hhi"]'), '0.0608');
  await nudge(page, '#in-gs', 'ArrowRight', 10); // s = 1.5
  assert.notEqual(await text(page, '[data-testid="rgov-hhi"]'), '0.0608');
  assert.equal(await text(page, '[data-testid="rgov-n13"]'), '1');
  await nudge(page, '#in-gs', 'ArrowLeft', 20); // s = 0.5
  const n12 = await text(page, '[data-testid="rgov-n12"]');
  await nudge(page, '#in-gn', 'ArrowRight', 50);
  assert.notEqual(await text(page, '[data-testid="rgov-n12"]'), n12);

  await page.check('[data-testid="rgov-mode-1"]');
  // 40, 25, 15, 10, 5, 5
  assert.equal(await text(page, '[data-testid="rgov-hhi"]'), '0.2600');
  assert.equal(await text(page, '[data-testid="rgov-n13"]'), '1');
  assert.equal(await text(page, '[data-testid="rgov-top5"]'), '95.0%');
  assert.match(await text(page, '[data-testid="rgov-halt"]'), /1 largest/);

  await page.fill('[data-testid="rgov-row-1"]', '20');
  await page.press('[data-testid="rgov-row-1"]', 'Enter');
  assert.equal(await text(page, '[data-testid="rgov-n13"]'), '2');
  await expectUrl(page, /g1=20\b/);

  await page.click('[data-testid="rgov-add"]');
  assert.equal((await page.$$('.rgov-table tbody tr')).length, 7);
  await expectUrl(page, /gr=7\b/);
  const hhi7 = await text(page, '[data-testid="rgov-hhi"]');
  await page.fill('[data-testid="rgov-row-7"]', '60');
  await page.press('[data-testid="rgov-row-7"]', 'Tab');
  assert.notEqual(await text(page, '[data-testid="rgov-hhi"]'), hhi7);
  assert.equal(await text(page, '[data-testid="rgov-n13"]'), '1');

  // Remove row 1 with the keyboard: the rows below move up.
  await page.focus('.rgov-table tbody tr:nth-child(1) .rgov-remove');
  await page.keyboard.press('Enter');
  assert.equal((await page.$$('.rgov-table tbody tr')).length, 6);
  assert.equal(await page.inputValue('[data-testid="rgov-row-1"]'), '25');
  assert.equal(await page.inputValue('[data-testid="rgov-row-6"]'), '60');

  const hhi = await text(page, '[data-testid="rgov-hhi"]');
  const url = await settledUrl(page);
  await page.reload();
  await ready(page);
  assert.equal(page.url(), url);
  assert.equal(await text(page, '[data-testid="rgov-hhi"]'), hhi);
  assert.equal(await page.inputValue('[data-testid="rgov-row-6"]'), '60');
  assert.deepEqual(errors, []);
  await context.close();
});

test('governance: a deep link with a custom table (DOJ example: HHI 2,600)', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + R + '?v=1&gm=1&gr=4&g1=30&g2=30&g3=20&g4=20');
  await ready(page);
  assert.equal(await text(page, '[data-testid="rgov-hhi"]'), '0.2600');
  assert.equal(await text(page, '[data-testid="rgov-n12"]'), '2');
  assert.equal(await text(page, '[data-testid="rgov-n23"]'), '3');
  await context.close();
});

test('the summary scores the four classes and follows the labs', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  assert.equal((await page.$$('[data-testid="risk-summary"] > li')).length, 4);
  assert.equal(await text(page, '[data-testid="risk-value-2"]'), '22.8 days');
  assert.equal(await text(page, '[data-testid="risk-level-2"]'), 'moderate');
  assert.match(await text(page, '[data-testid="risk-sum-2"]'), /7 days/);
  assert.equal(await text(page, '[data-testid="risk-level-3"]'), 'moderate');

  await page.check('[data-testid="rliq-preset-1"]');
  assert.equal(await text(page, '[data-testid="risk-value-2"]'), '338.0 days');
  assert.equal(await text(page, '[data-testid="risk-level-2"]'), 'high');

  await page.check('[data-testid="rgov-mode-1"]');
  assert.match(await text(page, '[data-testid="risk-value-3"]'), /^1 \(HHI 0\.260\)$/);
  assert.equal(await text(page, '[data-testid="risk-level-3"]'), 'high');
  assert.match(await text(page, '[data-testid="risk-sum-3"]'), /2,600/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad URL values are clamped with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + R + '?lq=-5&lv=abc&lp=7&gm=1&gr=40&g2=9999999&g3=-1');
    await ready(page);
    const notice = await text(page, '[data-testid="url-notice"]');
    assert.match(notice, word);
    for (const name of ['lq', 'lv', 'lp', 'gr', 'g2', 'g3']) assert.ok(notice.includes(name), `${name} named in: ${notice}`);
    // lp=7 → 2 (the ezETH replay); gr=40 → 12 rows; g2 → 1,000,000; g3 → 0.
    assert.ok(await page.isChecked('[data-testid="rliq-preset-2"]'));
    assert.equal(await page.inputValue('#in-lv'), '60');
    assert.equal((await page.$$('.rgov-table tbody tr')).length, 12);
    assert.equal(await page.inputValue('[data-testid="rgov-row-2"]'), '1000000');
    assert.equal(await page.inputValue('[data-testid="rgov-row-3"]'), '0');
    // A negative stake typed into the table is clamped to zero too.
    await page.fill('[data-testid="rgov-row-1"]', '-3');
    await page.press('[data-testid="rgov-row-1"]', 'Enter');
    assert.equal(await page.inputValue('[data-testid="rgov-row-1"]'), '0');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('Chinese page renders the labs and the summary without errors', async () => {
  const { context, page, errors } = await openPage(browser, { locale: 'zh-CN' });
  await page.goto(server.origin + R);
  await ready(page);
  assert.equal(await text(page, '[data-testid="rliq-days"]'), '22.8 天');
  assert.match(await text(page, '#rgov-title'), /治理与中心化/);
  assert.equal(await text(page, '[data-testid="risk-level-2"]'), '中');
  assert.deepEqual(errors, []);
  await context.close();
});
