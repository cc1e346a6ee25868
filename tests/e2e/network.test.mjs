// End-to-end tests of chapter 5 (network security) against the release build: editing
// the network flips the verdict, each preset shows its theorem's numbers, the cascade
// steps and plays, unique stake cuts the cascade, bad links are clamped with a notice.
// (Its time budgets on the largest graph are in budgets.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, expectUrl, settledUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const NET = '/network-security';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const tid = (id) => `[data-testid="${id}"]`;

/** Sets a number input the way a learner does (type, then leave the field). */
async function setNumber(page, sel, value) {
  await page.fill(sel, String(value));
  await page.press(sel, 'Tab');
}

test('defaults: the healthy network is secure with γ* = 1 and every validator passes Claim 1', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + NET);
  await ready(page);
  assert.equal(await text(page, tid('net-verdict')), 'Secure');
  assert.equal(await text(page, tid('net-gamma')), '1.00');
  assert.match(await text(page, tid('net-claim1')), /All 8 validators pass Claim 1/);
  assert.match(await text(page, '.formula .substituted >> nth=0'), /γ\* = 96 \/ 48 − 1 = 1\.00/);
  assert.equal(await page.$$eval('.net-pass', (e) => e.length), 8);
  // The curve is computed in the background and then drawn.
  await page.waitForSelector(`${tid('net-curve')}[data-state="done"]`, { timeout: 5000 });
  assert.match(await text(page, tid('net-rpsi')), /R_ψ = 12\.5%/);
  assert.equal(new URL(await settledUrl(page)).search, '?v=1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('editing a stake or an edge flips the verdict where it should, and the URL follows', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + NET);
  await ready(page);
  await page.click('[data-preset="1"]'); // Theorem 2: S1 (π 100, α 1) on V1 (5) and V2 (95)
  assert.equal(await text(page, tid('net-verdict')), 'Secure');
  assert.equal(await text(page, tid('net-gamma')), '0.00');
  await expectUrl(page, /[?&]p=1\b/);
  assert.doesNotMatch(await settledUrl(page), /[?&]g=/, 'an unedited preset needs no graph in the URL');
  // 95 → 94: V1 + V2 now cost 99 < 100.
  await setNumber(page, '#net-sigma-1', 94);
  assert.equal(await text(page, tid('net-verdict')), 'Not secure');
  assert.match(await text(page, tid('net-attack')), /V1, V2 \(stake 99\) corrupt S1 \(profit 100\), a net gain of 1\./);
  assert.equal(await text(page, tid('net-gamma')), '−0.01');
  await expectUrl(page, /[?&]g=100:1~5:1,94:1\b/, 3000, true);
  assert.ok(await page.isVisible(tid('net-edited')));
  // Back to 95: secure again (a knife-edge attack that only breaks even is not valid).
  await setNumber(page, '#net-sigma-1', 95);
  assert.equal(await text(page, tid('net-verdict')), 'Secure');
  // Keyboard: untick V1 → S1 with the space bar. S1 is left with V2 alone: 100 > 95.
  await page.focus('#net-e-0-0');
  await page.keyboard.press('Space');
  assert.equal(await text(page, tid('net-verdict')), 'Not secure');
  assert.match(await text(page, tid('net-attack')), /V2 \(stake 95\) corrupt S1/);
  // The state survives a reload (once the held-back URL write has landed).
  await settledUrl(page);
  await page.reload();
  await ready(page);
  assert.equal(await text(page, tid('net-verdict')), 'Not secure');
  assert.equal(await page.isChecked('#net-e-0-0'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

const PRESETS = [
  { i: 0, name: 'healthy', want: [/γ\* = 1\.00/, /R_ψ = 12\.5%/, /bound of 25\.0%/], checks: /Secure: yes/ },
  { i: 1, name: 'Theorem 2', want: [/γ\* = 0\.00/, /only 5\.0% of the stake/, /100\.0% of all stake is lost/], checks: /Claim 1 with equality: yes/ },
  { i: 2, name: 'Theorem 3', want: [/γ\* = 1\.00/, /ψ = 20\.0%/, /R_ψ = 39\.0%/, /= 40\.0%/], checks: /Corollary 2 with γ = 1: yes/ },
  { i: 3, name: 'Theorem 6', want: [/γ\* = 2\.17/, /touches 0\.0% of the stake/, /loses 100\.0% of its own stake/], checks: /Corollary 2 with γ = 1: yes/ },
  { i: 4, name: 'Theorem 8', want: [/γ\* = 0\.00/, /ψ = 8\.3%/, /R_ψ = 100\.0%/, /lose 100\.0% of their own/], checks: /Claim 1 with equality: yes/ },
];

test('each preset shows its theorem’s result, recomputed by the model', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + NET);
  await ready(page);
  for (const p of PRESETS) {
    await page.click(`[data-preset="${p.i}"]`);
    assert.equal(await page.getAttribute(`[data-preset="${p.i}"]`, 'aria-pressed'), 'true');
    const statement = await text(page, tid('net-preset-statement'));
    for (const re of p.want) assert.match(statement, re, `${p.name}: ${statement}`);
    assert.match(await text(page, tid('net-preset-result')), p.checks, p.name);
  }
  // The theorems' cascades on screen: Theorem 2's shock (V1) ends in a total loss.
  await page.click('[data-preset="1"]');
  assert.match(await text(page, tid('net-step')), /The shock removes V1: 5 of stake, 5\.0% of the total\./);
  assert.equal(await text(page, tid('net-loss')), '5 (5.0% of all stake)');
  await page.click(tid('net-next'));
  assert.match(await text(page, tid('net-step')), /Step 1\. .*V2 \(stake 95\) corrupt S1/);
  assert.equal(await text(page, tid('net-loss')), '100 (100.0% of all stake)');
  assert.ok(await page.isDisabled(tid('net-next')));
  // Theorem 8: one validator's shock takes all six services in one attack.
  await page.click('[data-preset="4"]');
  await page.click(tid('net-next'));
  assert.match(await text(page, tid('net-step')), /S1, S2, S3, S4, S5, S6/);
  assert.equal(await text(page, tid('net-loss')), '12 (100.0% of all stake)');
  // Theorem 3's worst case and bound in the third lab.
  await page.click('[data-preset="2"]');
  await page.waitForSelector(`${tid('net-curve')}[data-state="done"]`, { timeout: 5000 });
  assert.match(await text(page, tid('net-rpsi')), /R_ψ = 39\.0%/);
  assert.match(await text(page, '.formula .substituted >> nth=2'), /= 40\.0%/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the cascade steps, plays (and respects reduced motion); unique stake removes the cascade', async () => {
  const { context, page, errors } = await openPage(browser);
  // The model's chain: S1 (π 5) on V1 (4); S2 (π 7) on V1 and V2 (6); no shock.
  await page.goto(server.origin + NET + '?v=1&d=0&g=5:1,7:1~4:12,6:2');
  await ready(page);
  assert.equal(await text(page, tid('net-step-of')), 'Step 0 of 2');
  await page.click(tid('net-next'));
  assert.equal(await text(page, tid('net-loss')), '4 (40.0% of all stake)');
  await page.click(tid('net-next'));
  assert.equal(await text(page, tid('net-loss')), '10 (100.0% of all stake)');
  await expectUrl(page, /[?&]t=2\b/);
  await page.click(tid('net-back'));
  assert.equal(await text(page, tid('net-step-of')), 'Step 1 of 2');
  await page.click(tid('net-restart'));
  // Play advances on its own.
  await page.click(tid('net-play'));
  await page.waitForFunction(() => document.querySelector('[data-testid="net-step-of"]')?.textContent.includes('Step 2 of 2'), null, { timeout: 5000 });
  // With reduced motion, Play jumps straight to the end.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.click(tid('net-restart'));
  await page.click(tid('net-play'));
  assert.equal(await text(page, tid('net-step-of')), 'Step 2 of 2');
  // Pooled against unique stake, side by side.
  const compare = await text(page, tid('net-compare'));
  assert.match(compare, /Attacks after the shock\s*2\s*1/);
  // Switch the lab to unique stake: only S1 falls, and only V1's slice for it is lost.
  await page.check('#in-u');
  await expectUrl(page, /[?&]u=1\b/);
  assert.equal(await text(page, tid('net-step-of')), 'Step 0 of 1');
  await page.click(tid('net-next'));
  assert.equal(await text(page, tid('net-loss')), '2 (20.0% of all stake)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad URL values are clamped or replaced, with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + NET + '?p=9&psi=500&g=garbage&d=x&u=1e3');
    await ready(page);
    const notice = await text(page, '[data-testid="url-notice"]');
    assert.match(notice, word);
    for (const name of ['p', 'psi', 'g', 'd', 'u']) assert.ok(notice.includes(`(${name})`), `${name} named in: ${notice}`);
    // p clamps to 4 (Theorem 8), whose network replaces the malformed g; ψ clamps to 100.
    assert.equal(await page.getAttribute('[data-preset="4"]', 'aria-pressed'), 'true');
    assert.equal(await page.inputValue('#in-psi'), '100');
    assert.equal(await page.$$eval('[id^="net-sigma-"]', (e) => e.length), 12);
    assert.equal(await page.isChecked('#in-u'), false);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // A graph with values out of range is clamped (α 7 → 100%, an edge to a missing service dropped).
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + NET + '?g=5:7~3:19');
  await ready(page);
  assert.match(await text(page, '[data-testid="url-notice"]'), /\(g\)/);
  assert.equal(await page.inputValue('#net-alpha-0'), '100');
  assert.equal(await page.isChecked('#net-e-0-0'), true);
  await context.close();
});
