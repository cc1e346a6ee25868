// End-to-end tests of chapter 3 (use cases) against the release build: each slider and
// preset changes the security numbers, the charts and the URL; each preset shows its
// numbers; links restore state; bad values are clamped with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, nudge, expectUrl, settledUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ROUTE = '/use-cases';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const out = (page, id) => text(page, `[data-testid="${id}"]`);
const draws = (page) => page.$$eval('.uses canvas', (cs) => cs.map((c) => Number(c.dataset.draws ?? 0)));

async function open(query = '', opts = {}) {
  const o = await openPage(browser, opts);
  await o.page.goto(server.origin + ROUTE + query);
  await ready(o.page);
  await o.page.waitForSelector('[data-testid="required"]');
  return o;
}

test('defaults are the oracle example: S* = $10 M ÷ 50% = $20 M, secure, rent $200,000', async () => {
  const { context, page, errors } = await open();
  assert.equal(await out(page, 'required'), '$20.00 M');
  assert.equal(await out(page, 'coc'), '$15.00 M');
  assert.match(await out(page, 'verdict'), /^Secure/);
  assert.equal(await out(page, 'coverage'), '1.50×');
  assert.equal(await out(page, 'shortfall'), '$0');
  assert.equal(await out(page, 'rent'), '$200,000');
  assert.equal(await out(page, 'token-stake'), '$50.00 M');
  assert.equal(await out(page, 'bootstrap'), '$3.000 M');
  assert.equal(await out(page, 'savings'), '$2.800 M');
  const formulas = await page.$$eval('.formula .substituted', (n) => n.map((e) => e.textContent));
  assert.equal(formulas[0], '$10.00 M ÷ 50.00% = $20.00 M');
  assert.equal(formulas[1], '50.00% × $30.00 M = $15.00 M > $10.00 M');
  assert.match(formulas[2], /\$20\.00 M × 1\.0% = \$200,000/);
  assert.equal(await page.$('[data-testid="modified"]'), null);
  assert.equal(await page.$$eval('dfn.term', (n) => n.length >= 5), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each preset reproduces its numbers and writes them to the URL', async () => {
  const { context, page, errors } = await open();
  const cases = [
    [0, /^A bridge/, { required: '$75.00 M', coc: '$40.00 M', shortfall: '$15.00 M', rent: '$1.125 M', bootstrap: '$12.00 M' }, false, /svc=0.*pfc=50.*alpha=66\.67.*stake=60/],
    [2, /^An insurance/, { required: '$40.00 M', coc: '$15.00 M', shortfall: '$10.00 M', rent: '$800,000', bootstrap: '$6.667 M' }, false, /pfc=20.*rate=2.*tokyield=10.*crash=40/],
    [1, /^An oracle/, { required: '$20.00 M', coc: '$15.00 M', shortfall: '$0', rent: '$200,000', bootstrap: '$3.000 M' }, true, null],
  ];
  for (const [i, why, expected, secure, url] of cases) {
    await page.click(`.uses-presets button[data-preset="${i}"]`);
    assert.equal(await page.getAttribute(`.uses-presets button[data-preset="${i}"]`, 'aria-pressed'), 'true');
    assert.match(await out(page, 'why'), why);
    for (const [id, v] of Object.entries(expected)) assert.equal(await out(page, id), v, `preset ${i} ${id}`);
    assert.match(await out(page, 'verdict'), secure ? /^Secure/ : /^Not secure/);
    if (url) await expectUrl(page, url); else assert.doesNotMatch(await settledUrl(page), /pfc=/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('every slider changes its outputs and redraws its chart', async () => {
  const { context, page, errors } = await open();
  const cases = [
    ['#in-pfc', 'ArrowRight', 'required', '$22.00 M', 0],   // 11 ÷ 0.5
    ['#in-alpha', 'ArrowRight', 'required', '$19.96 M', 0], // 10 ÷ 0.501 (one step = 0.01%, ×10)
    ['#in-stake', 'ArrowRight', 'coc', '$15.50 M', 0],      // 0.5 × 31
    ['#in-rate', 'ArrowRight', 'rent', '$220,000', 1],      // 20 M × 1.1%
    ['#in-tokyield', 'ArrowRight', 'bootstrap', '$3.250 M', 1], // 50 M × 6.5%
    ['#in-crash', 'ArrowLeft', 'token-stake', '$44.44 M', 1],   // 20 M ÷ 0.45
  ];
  for (const [sel, key, id, expected, chart] of cases) {
    const before = await out(page, id);
    const d0 = await draws(page);
    await nudge(page, sel, key, sel === '#in-alpha' ? 10 : 1);
    assert.notEqual(await out(page, id), before, sel);
    assert.equal(await out(page, id), expected, sel);
    const d1 = await draws(page);
    assert.ok(d1[chart] > d0[chart], `${sel} redrew chart ${chart}`);
    await page.click(`.slider[data-param="${sel.slice(4)}"] .reset`);
    assert.equal(await out(page, id), before, `${sel} reset`);
  }
  await nudge(page, '#in-stake', 'ArrowRight', 1);
  assert.ok(await page.$('[data-testid="modified"]'), 'the modified note appears');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link and a reload restore the state, in Chinese too', async () => {
  const { context, page, errors } = await open('?v=1&svc=0&pfc=50&alpha=66.67&stake=80&rate=1.5&tokyield=8&crash=50', { locale: 'zh-CN' });
  assert.equal(await out(page, 'required'), '7,500 万美元');
  assert.equal(await out(page, 'coc'), '5,333 万美元');
  assert.match(await out(page, 'verdict'), /^安全/);
  assert.equal(await out(page, 'rent'), '112.5 万美元');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#in-stake'), '80');
  assert.equal(await out(page, 'required'), '7,500 万美元');
  assert.equal(await page.getAttribute('.uses-presets button[data-preset="0"]', 'aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad URL values are clamped with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await open('?alpha=0&pfc=abc&crash=95&svc=7&stake=-5', { locale });
    const notice = await out(page, 'url-notice');
    assert.match(notice, word);
    for (const name of ['alpha', 'pfc', 'crash', 'svc', 'stake']) assert.ok(notice.includes(name), `${name} named in: ${notice}`);
    assert.equal(await page.inputValue('#in-alpha'), '1');
    assert.equal(await page.inputValue('#in-pfc'), '10');
    assert.equal(await page.inputValue('#in-crash'), '90');
    assert.equal(await page.inputValue('#in-stake'), '0');
    assert.equal(await page.getAttribute('.uses-presets button[data-preset="2"]', 'aria-pressed'), 'true');
    // 10 M ÷ 1% = 1 B needed, nothing staked.
    if (locale === 'en-US') assert.equal(await out(page, 'required'), '$1.00 B');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('predict-then-reveal: halving α doubles the stake needed', async () => {
  const { context, page } = await open();
  assert.equal(await page.$('.predict .reveal'), null);
  await page.click('.predict .choices button >> nth=0');
  assert.match(await text(page, '.predict .reveal'), /Not quite/);
  await page.click('.predict .choices button >> nth=2');
  assert.match(await text(page, '.predict .reveal'), /Right/);
  await page.fill('#in-alpha', '25');
  assert.equal(await out(page, 'required'), '$40.00 M');
  await context.close();
});
