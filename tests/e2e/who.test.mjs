// End-to-end tests of chapter 9 (who should take part) against the release build: the
// notice is shown; each answer is reflected with a reason and chapter links; the
// checklist counts; answers live in the URL; bad values are clamped with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, expectUrl } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const W = '/who-should-take-part';
const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());

test('defaults: notice, nothing answered, quiz at the end', async () => {
  for (const [locale, word, summary] of [
    ['en-US', /Nothing here tells you to buy/, /meet 0 .* 5 are unanswered/],
    ['zh-CN', /不会建议你购买/, /未作答 5 项/],
  ]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + W);
    await ready(page);
    assert.match(await text(page, '[data-testid="who-disclaimer"]'), word);
    assert.match(await text(page, '[data-testid="who-summary"]'), summary);
    assert.ok(await page.$('.quiz[data-chapter="who-should-take-part"]'));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('each answer is reflected with a reason and a link to the chapter that teaches it', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + W);
  await ready(page);
  const h = await page.evaluate(() => history.length);
  const cases = [
    ['liq', 1, /Does not meet yet/, '/lst-vs-restaking'],
    ['liq', 3, /^Meets/, '/lst-vs-restaking'],
    ['exp', 3, /Partly meets/, '/how-it-works'],
    ['risk', 1, /Does not meet yet/, '/risks'],
    ['watch', 3, /^Meets/, '/strategy'],
    ['size', 2, /Partly meets/, '/strategy'],
  ];
  for (const [name, a, fit, link] of cases) {
    await page.check(`#who-${name}-${a}`);
    assert.match(await text(page, `[data-testid="who-fit-${name}"]`), fit);
    assert.ok(await page.$(`fieldset[data-param="${name}"] a.who-link[href="${link}"]`), `${name} links to ${link}`);
    await expectUrl(page, new RegExp(`${name}=${a}\\b`));
  }
  assert.match(await text(page, '[data-testid="who-summary"]'), /meet 2 .* partly meet 2, do not yet meet 1, and 0 are unanswered/);
  assert.equal(await page.evaluate(() => history.length), h);
  assert.deepEqual(errors, []);
  // A link goes to the chapter.
  await page.click('fieldset[data-param="risk"] a.who-link[href="/risks"]');
  await page.waitForURL(/\/risks/);
  await context.close();
});

test('the checklist counts what is ticked and names what is open', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + W);
  await ready(page);
  assert.match(await text(page, '[data-testid="who-check-count"]'), /0 of 5 checked/);
  await page.check('#who-audit');
  await page.check('#who-reserve');
  const c = await text(page, '[data-testid="who-check-count"]');
  assert.match(c, /2 of 5 checked/);
  assert.match(c, /Position sizing/);
  assert.doesNotMatch(c, /Protocol security/);
  await expectUrl(page, /audit=1/);
  for (const id of ['yieldsrc', 'cap', 'alerts']) await page.check(`#who-${id}`);
  assert.match(await text(page, '[data-testid="who-check-count"]'), /5 of 5 checked\s+All five checked/);
  assert.ok(await page.$('.who-check a.who-link[href="/strategy"]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link and a reload restore the answers', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + W + '?v=1&exp=4&risk=3&watch=3&liq=3&size=3&cap=1');
  await ready(page);
  assert.match(await text(page, '[data-testid="who-summary"]'), /meet 5 /);
  await page.reload();
  await ready(page);
  assert.ok(await page.isChecked('#who-exp-4'));
  assert.ok(await page.isChecked('#who-cap'));
  assert.match(await text(page, '[data-testid="who-check-count"]'), /1 of 5 checked/);
  await context.close();
});

test('bad URL values fall back to clamped defaults with a translated notice', async () => {
  for (const [locale, word] of [['en-US', /could not be used/], ['zh-CN', /无法使用/]]) {
    const { context, page, errors } = await openPage(browser, { locale });
    await page.goto(server.origin + W + '?exp=9&risk=x&audit=5');
    await ready(page);
    const notice = await text(page, '[data-testid="url-notice"]');
    assert.match(notice, word);
    for (const name of ['exp', 'risk', 'audit']) assert.ok(notice.includes(name), `${name} named in: ${notice}`);
    assert.ok(await page.isChecked('#who-exp-4'));
    assert.ok(await page.isChecked('#who-audit'));
    assert.equal(await page.$('#who-risk-1:checked'), null);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('predict-then-reveal explains after a choice', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + W);
  await ready(page);
  await page.click('.predict .choices button >> nth=1');
  assert.match(await text(page, '.predict .reveal'), /Right/);
  await context.close();
});
