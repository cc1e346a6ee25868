// End-to-end tests of chapter 2 (/how-it-works) against the release build: each lab's
// controls change its outputs, ELIP-002's worked example is reproduced on screen, links
// restore state, and bad URL values are clamped with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, nudge, expectUrl, settledUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CH = '/how-it-works';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const tid = (id) => `[data-testid="${id}"]`;
const draws = (page) => page.$$eval('canvas', (cs) => cs.map((c) => Number(c.dataset.draws ?? 0)));

async function open(query = '', opts = {}) {
  const o = await openPage(browser, opts);
  await o.page.goto(server.origin + CH + query);
  await ready(o.page);
  await o.page.waitForSelector(tid('ledger-table'));
  return o;
}

test('the ELIP-002 preset reproduces its worked example on screen', async () => {
  const { context, page, errors } = await open();
  // Before the slash: 2000/2500/2000/3500 of 10 000 → 40/50/40/70 of 200.
  for (const [i, v] of ['40', '50', '40', '70'].entries()) assert.equal(await text(page, tid(`stake-before-${i}`)), v);
  assert.equal(await text(page, tid('total-before')), '200');
  assert.equal(await page.$(tid('stake-after-0')), null, 'no after columns before a slash');
  await page.click(tid('preset-elip'));
  // AVS_1 slashes 50 %: magnitudes 1000/2500/2000/3500 of 9000, stakes 20/50/40/70, total 180.
  for (const [i, v] of ['1,000', '2,500', '2,000', '3,500'].entries()) assert.equal(await text(page, tid(`mag-after-${i}`)), v);
  for (const [i, v] of ['20', '50', '40', '70'].entries()) assert.equal(await text(page, tid(`stake-after-${i}`)), v);
  for (const [i, v] of ['11.1%', '27.8%', '22.2%', '38.9%'].entries()) assert.equal(await text(page, tid(`prop-after-${i}`)), v);
  assert.equal(await text(page, tid('total-after')), '180');
  assert.equal(await text(page, tid('ledger-total')), '180');
  assert.equal(await text(page, tid('ledger-m')), '9,000');
  assert.equal(await text(page, tid('ledger-staker')), '100 → 90');
  assert.match(await text(page, '.mech .formula .substituted >> nth=0'), /M′ = 10,000 − 50% × 2,000 = 9,000;\s+D′ = 200 × 9,000 \/ 10,000 = 180/);
  await expectUrl(page, /slashed=1\b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('lab 1: picking a party with the keyboard changes the panel, the diagram and the URL', async () => {
  const { context, page, errors } = await open();
  const can = await text(page, tid('party-can'));
  const onBefore = await page.$$eval('svg .mech-node.on', (ns) => ns.length);
  await page.focus('#mech-party-0');
  await page.keyboard.press('ArrowRight'); // validator
  await page.keyboard.press('ArrowRight'); // protocol
  await page.keyboard.press('ArrowRight'); // operator
  assert.notEqual(await text(page, tid('party-can')), can);
  assert.match(await text(page, tid('party-cannot')), /Withdraw, transfer or spend/);
  await expectUrl(page, /party=3\b/);
  assert.match(await page.getAttribute(tid('deleg-svg'), 'aria-label'), /Highlighted: Operator/);
  const lit = await page.$$eval('svg g.mech-node.on text', (ts) => ts.map((t) => t.textContent));
  assert.ok(lit.includes('Operator'), `operator node lit: ${lit}`);
  assert.ok(onBefore >= 1);
  // Clicking a node in the diagram selects that party too.
  await page.click('svg g.mech-node >> nth=4');
  await expectUrl(page, /party=4\b/);
  assert.match(await text(page, tid('party-takes')), /At most the slice allocated/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('lab 2: allocations, the slashed set and the slash button change the ledger', async () => {
  const { context, page, errors } = await open();
  await nudge(page, '#in-a1', 'ArrowRight', 10); // 20 % → 30 %
  assert.equal(await text(page, tid('stake-before-0')), '60');
  assert.equal(await text(page, tid('stake-before-3')), '50');
  await expectUrl(page, /a1=30\b/);
  const d0 = await draws(page);
  await page.click('label[for="mech-set-2"]'); // EigenDA
  await page.click(tid('slash-btn'));
  // EigenDA 20 % of 200 = 40, half slashed: 20 burned.
  assert.equal(await text(page, tid('stake-after-2')), '20');
  assert.equal(await text(page, tid('ledger-total')), '180');
  assert.equal(await text(page, tid('stake-after-0')), '60', 'other sets keep their tokens');
  const d1 = await draws(page);
  assert.ok(d1[0] > d0[0], 'the ledger chart redrew');
  // Over-allocation is trimmed with a warning.
  await nudge(page, '#in-a2', 'End', 1);
  assert.match(await text(page, tid('trimmed')), /more than 100%/);
  // Undo.
  await page.click(tid('slash-btn'));
  assert.equal(await page.$(tid('stake-after-0')), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('lab 3: fees, the APR/APY switch and compounding change the numbers and both charts', async () => {
  const { context, page, errors } = await open();
  // Defaults of YieldInputs::default(): net APR 3.6059 %.
  assert.equal(await text(page, tid('net')), '3.61%');
  assert.equal(await text(page, tid('gross')), '4.45%');
  const d0 = await draws(page);
  await nudge(page, '#in-lrt', 'ArrowRight', 10); // LRT fee 10 % → 20 %
  const afterFee = await text(page, tid('net'));
  assert.notEqual(afterFee, '3.61%');
  assert.equal(afterFee, '3.21%'); // 4.0065 × 0.8 = 3.2052
  const d1 = await draws(page);
  assert.ok(d1[1] > d0[1] && d1[2] > d0[2], `waterfall and growth redrew: ${d0} → ${d1}`);
  await nudge(page, '#in-lrt', 'ArrowLeft', 10);
  const simple = await text(page, tid('final-net'));
  await page.click('label[for="mech-apy-1"]');
  assert.equal(await text(page, tid('net')), '3.67%'); // (1 + 3.6059 %/12)^12 − 1
  const compounded = await text(page, tid('final-net'));
  assert.notEqual(compounded, simple);
  await page.click('label[for="mech-comp-0"]'); // yearly: APY = APR
  assert.equal(await text(page, tid('net')), '3.61%');
  await page.click('label[for="mech-comp-2"]'); // daily
  assert.equal(await text(page, tid('net')), '3.67%');
  assert.notEqual(await text(page, tid('final-net')), compounded);
  await expectUrl(page, /apy=1\b/);
  await expectUrl(page, /comp=2\b/);
  assert.match(await text(page, '.mech .formula .substituted >> nth=1'), /APY = \(1 \+ 3\.61%\/365\)\^365 − 1 = 3\.67%/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('lab 4: tier cap, pool and guard change who pays', async () => {
  const { context, page, errors } = await open();
  assert.equal(await text(page, tid('iso-expected')), '20');
  assert.equal(await text(page, tid('iso-hold')), '180');
  await page.click('#mech-tier'); // cap 10 %: slashable 20, loss 10
  assert.equal(await text(page, tid('iso-slashable')), '20');
  assert.equal(await text(page, tid('iso-expected')), '10');
  await page.click('#mech-ins'); // pool 5 pays first
  assert.equal(await text(page, tid('iso-expected')), '5');
  assert.equal(await text(page, tid('iso-pool-after')), '0');
  assert.equal(await text(page, tid('iso-hold')), '195');
  await page.click('#mech-guard'); // a genuine slash passes the guard
  assert.equal(await text(page, tid('iso-pass')), '100.00%');
  await page.click('#mech-forged'); // forged: 3-of-5 at 5 % → 0.1158 %
  assert.equal(await text(page, tid('iso-pass')), '0.1158%');
  assert.equal(await text(page, tid('iso-expected')), '0.01');
  await nudge(page, '#in-k', 'ArrowLeft', 2); // 1-of-5: 22.62 %
  assert.equal(await text(page, tid('iso-pass')), '22.62%');
  await expectUrl(page, /tier=1\b.*ins=1\b.*guard=1\b.*k=1\b.*forged=1\b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link and a reload restore the same state', async () => {
  const { context, page } = await open('?v=1&set=2&sp=100&slashed=1&apy=1&comp=3&party=2');
  // AVS_2 holds 25 % of 200 = 50, fully slashed: 150 left.
  assert.equal(await text(page, tid('ledger-total')), '150');
  assert.equal(await text(page, tid('stake-after-1')), '0');
  assert.ok(await page.isChecked('#mech-comp-3'));
  assert.match(await text(page, tid('party-panel')), /Restaking protocol/);
  await settledUrl(page); // the held-back URL write lands first
  await page.reload();
  await ready(page);
  assert.equal(await text(page, tid('ledger-total')), '150');
  assert.ok(await page.isChecked('#mech-set-1'));
  await context.close();
});

test('bad URL values fall back to clamped defaults with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await open('?d=abc&a1=500&set=9&q=1e5&slashed=7', { locale });
    const notice = await text(page, tid('url-notice'));
    assert.match(notice, word);
    for (const name of ['d', 'a1', 'set', 'q', 'slashed']) assert.ok(notice.includes(`(${name})`), `${name} named in: ${notice}`);
    assert.equal(await page.inputValue('#in-a1'), '100');
    assert.equal(await page.inputValue('#in-d'), '200');
    assert.ok(await page.isChecked('#mech-set-2'), 'set clamped to 3 (EigenDA)');
    assert.equal(await page.inputValue('#in-q'), '5');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('both predict-then-reveal prompts explain after a choice, in Chinese too', async () => {
  const { context, page, errors } = await open('', { locale: 'zh-CN' });
  assert.match(await text(page, 'h1'), /再质押如何运作/);
  await page.click('.predict >> nth=0 >> .choices button >> nth=0');
  assert.match(await text(page, '.predict >> nth=0 >> .reveal'), /什么都没有转走/);
  await page.click('.predict >> nth=1 >> .choices button >> nth=1');
  assert.match(await text(page, '.predict >> nth=1 >> .reveal'), /40/);
  assert.ok((await page.$$('dfn.term')).length >= 10, 'glossary terms are marked');
  assert.deepEqual(errors, []);
  await context.close();
});
