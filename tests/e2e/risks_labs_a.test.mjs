// End-to-end tests of chapter 4's first two labs (slashing and shared liability;
// smart-contract and protocol risk) against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, nudge, expectUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const R = '/risks';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());

/** Runs `action` and waits (up to 5 s) for the text at `sel` to change. */
async function changes(page, sel, action) {
  const before = await text(page, sel);
  await action();
  await page.waitForFunction(([s, b]) => (document.querySelector(s)?.textContent ?? '').trim() !== b, [sel, before], { timeout: 5000 })
    .catch(() => {});
  const after = await text(page, sel);
  assert.notEqual(after, before, `${sel} changed`);
  return after;
}

test('exposure: the model switch and every slider change the outputs; unique stake caps the worst case', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  await page.waitForSelector('[data-testid="rslash-worst"]');
  // pooled default: 1 − 0.5³ = 87.5 % worst case; unique: 3 × 20 % × 50 % = 30 %
  assert.match(await text(page, '[data-testid="rslash-worst"]'), /^87\.5%/);
  const draws = await page.$eval('.rslash canvas', (c) => Number(c.dataset.draws ?? 0));
  await changes(page, '[data-testid="rslash-expected"]', () => page.click('.rslash-switch button[data-model="1"]'));
  assert.match(await text(page, '[data-testid="rslash-worst"]'), /^30\.0%/);
  await expectUrl(page, /sm=1\b/);
  assert.ok(await page.$eval('.rslash canvas', (c) => Number(c.dataset.draws ?? 0)) > draws, 'distribution redrew');
  for (const id of ['sn', 'sp', 'sf']) {
    await changes(page, '[data-testid="rslash-expected"]', () => nudge(page, `#in-${id}`, 'ArrowRight', 2));
  }
  // With more services the allocations may already fill the stake: lower one instead.
  await changes(page, '[data-testid="rslash-expected"]', () => nudge(page, '#in-sa', 'ArrowLeft', 2));
  // A common cause correlates the services' events without changing their marginal
  // chances: under unique stake (linear in the events) the expected loss stays, the
  // chance of any loss falls.
  await changes(page, '[data-testid="rslash-ploss"]', () => nudge(page, '#in-sc', 'ArrowRight', 2));
  assert.deepEqual(errors, []);
  await context.close();
});

test('dual slashing: the stepper walks 32 → 8 → 4 ETH, beacon chain first', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  await page.waitForSelector('[data-testid="rslash-withdrawable"]');
  assert.equal(await text(page, '[data-testid="rslash-withdrawable"]'), '32.00 ETH');
  await page.click('[data-testid="rslash-next"]');
  assert.match(await text(page, '[data-testid="rslash-steptext"]'), /75%.*8\.00 ETH/);
  assert.equal(await text(page, '[data-testid="rslash-withdrawable"]'), '8.00 ETH');
  await page.click('[data-testid="rslash-next"]');
  assert.match(await text(page, '[data-testid="rslash-steptext"]'), /16\.00 ETH.*4\.00 ETH/);
  assert.equal(await text(page, '[data-testid="rslash-withdrawable"]'), '4.00 ETH');
  await page.click('[data-testid="rslash-next"]');
  assert.match(await text(page, '[data-testid="rslash-steptext"]'), /16\.00 ETH.*12\.00 ETH.*4\.00 ETH/);
  assert.ok(await page.$eval('[data-testid="rslash-next"]', (b) => b.disabled));
  await expectUrl(page, /sd=3\b/);
  await page.click('[data-testid="rslash-back"]');
  assert.equal(await text(page, '[data-testid="rslash-withdrawable"]'), '4.00 ETH');
  // the beacon slash slider changes the result: 32 − 20 = 12 → 12 × 0.25 = 3 ETH
  await nudge(page, '#in-sb', 'ArrowRight', 4);
  assert.equal(await text(page, '[data-testid="rslash-withdrawable"]'), '3.00 ETH');
  await changes(page, '[data-testid="rslash-withdrawable"]', () => nudge(page, '#in-sv', 'ArrowLeft', 1));
  assert.deepEqual(errors, []);
  await context.close();
});

test('correlation penalty: Electra against the earlier rules match the model', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  await page.waitForSelector('[data-testid="rslash-electra"]');
  // alone among 34 M ETH: Electra 0.0078125 + 0.000090336 ETH; before Electra 1 ETH
  assert.equal(await text(page, '[data-testid="rslash-electra"]'), '0.0079 ETH');
  assert.equal(await text(page, '[data-testid="rslash-before"]'), '1.0000 ETH');
  await page.goto(server.origin + R + '?ss=10');
  await ready(page);
  await page.waitForSelector('[data-testid="rslash-electra"]');
  // 10 %: Electra 32/4096 + 0.3 × 32 = 9.6078125; before: 1 + floor(9.6) = 10
  assert.equal(await text(page, '[data-testid="rslash-electra"]'), '9.6078 ETH');
  assert.equal(await text(page, '[data-testid="rslash-before"]'), '10.0000 ETH');
  await changes(page, '[data-testid="rslash-electra"]', () => nudge(page, '#in-ss', 'ArrowRight', 5));
  await page.goto(server.origin + R + '?ss=34');
  await ready(page);
  await page.waitForSelector('[data-testid="rslash-electra"]');
  assert.equal(await text(page, '[data-testid="rslash-electra"]'), '32.0000 ETH');
  assert.deepEqual(errors, []);
  await context.close();
});

test('LRT: one operator slashed lowers every holder\'s exchange rate', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  await page.waitForSelector('[data-testid="rslash-rate"]');
  assert.equal(await text(page, '[data-testid="rslash-rate"]'), '0.9500 ETH');
  assert.equal(await text(page, '[data-testid="rslash-holder-loss"]'), '1.600 ETH');
  assert.match(await text(page, '[data-testid="rslash-direct"]'), /^9 /);
  await changes(page, '[data-testid="rslash-direct"]', () => nudge(page, '#in-sk', 'ArrowRight', 1));
  await changes(page, '[data-testid="rslash-rate"]', () => nudge(page, '#in-sw', 'ArrowRight', 5));
  await changes(page, '[data-testid="rslash-rate"]', () => nudge(page, '#in-sg', 'ArrowRight', 1));
  await changes(page, '[data-testid="rslash-holder-loss"]', () => nudge(page, '#in-st', 'ArrowRight', 8));
  assert.deepEqual(errors, []);
  await context.close();
});

test('contracts: layers, failure chances, horizon and protections change the outputs', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + R);
  await ready(page);
  await page.waitForSelector('[data-testid="rcon-pfail"]');
  // defaults: 1 − (0.9999 × 0.995 × 0.99 × 0.99)^5 ≈ 11.84 %
  assert.equal(await text(page, '[data-testid="rcon-pfail"]'), '11.84%');
  assert.equal(await text(page, '[data-testid="rcon-layers"]'), '4');
  const draws = await page.$eval('.rcon canvas', (c) => Number(c.dataset.draws ?? 0));
  await changes(page, '[data-testid="rcon-pfail"]', () => page.click('#in-cl5'));
  assert.equal(await text(page, '[data-testid="rcon-layers"]'), '5');
  await expectUrl(page, /cl5=1\b/);
  assert.ok(await page.$eval('.rcon canvas', (c) => Number(c.dataset.draws ?? 0)) > draws, 'survival chart redrew');
  await changes(page, '[data-testid="rcon-pfail"]', () => nudge(page, '#in-cp3', 'ArrowRight', 20));
  await changes(page, '[data-testid="rcon-expected"]', () => nudge(page, '#in-cg3', 'ArrowRight', 2));
  await changes(page, '[data-testid="rcon-pfail"]', () => nudge(page, '#in-cy', 'ArrowRight', 1));
  await changes(page, '[data-testid="rcon-pfail"]', () => page.click('#in-ca'));
  await changes(page, '[data-testid="rcon-pfail"]', () => nudge(page, '#in-cma', 'ArrowLeft', 2));
  await changes(page, '[data-testid="rcon-pfail"]', () => page.click('#in-cb'));
  await changes(page, '[data-testid="rcon-pfail"]', () => nudge(page, '#in-cmb', 'ArrowLeft', 2));
  await changes(page, '[data-testid="rcon-expected"]', () => page.click('#in-ct'));
  await changes(page, '[data-testid="rcon-expected"]', () => nudge(page, '#in-cmt', 'ArrowLeft', 2));
  await changes(page, '[data-testid="rcon-expected"]', () => nudge(page, '#in-ci', 'ArrowRight', 2));
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad URL values are clamped with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + R + '?sn=999&cp2=abc&cy=-4');
    await ready(page);
    await page.waitForSelector('.rslash [data-testid="url-notice"]');
    const a = await text(page, '.rslash [data-testid="url-notice"]');
    assert.match(a, word);
    assert.ok(a.includes('sn'), a);
    const b = await text(page, '.rcon [data-testid="url-notice"]');
    assert.ok(b.includes('cp2') && b.includes('cy'), b);
    assert.equal(await page.inputValue('#in-sn'), '10');
    assert.equal(await page.inputValue('#in-cp2'), '0.5');
    assert.equal(await page.inputValue('#in-cy'), '1');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
