// End-to-end tests of the learning aids against the release build: glossary terms
// open their definitions on hover, focus and tap; the glossary page lists every entry
// with links back to the chapters; quiz answers update the home page's progress and
// survive a reload; everything still works when localStorage throws; reset clears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(process.env.DIST ?? 'dist', '/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const text = (page, sel) => page.textContent(sel).then((t) => (t ?? '').trim());
const en = () => openPage(browser, { locale: 'en-US' });

/** Storage that throws on every use, as in a browser with site data blocked. */
const BLOCK_STORAGE = () => {
  for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
    Storage.prototype[m] = () => { throw new DOMException('blocked', 'SecurityError'); };
  }
};
/** No storage object at all: reading window.localStorage throws. */
const NO_STORAGE = () => {
  Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
};

async function answer(page, question, choice) {
  await page.click(`.quiz-item[data-question="${question}"] button[data-choice="${choice}"]`);
}

test('hovering a term shows its definition; leaving hides it; no layout jump', async () => {
  const { context, page, errors } = await en();
  await page.goto(server.origin + '/how-it-works');
  await ready(page);
  const term = page.locator('dfn.term[data-term="operator"]').first();
  await term.scrollIntoViewIfNeeded();
  const pop = page.locator(`#${await term.getAttribute('aria-describedby')}`);
  assert.equal(await pop.isVisible(), false);
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const boxBefore = await page.locator('.chapter, article').first().boundingBox();
  await term.hover();
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.textContent(), /Operator/);
  assert.match(await pop.textContent(), /运营者/);
  assert.match(await pop.textContent(), /runs the software/);
  assert.equal(await term.getAttribute('aria-expanded'), 'true');
  // The definition floats: the page does not grow or shift.
  assert.equal(await page.evaluate(() => document.documentElement.scrollHeight), h);
  assert.deepEqual(await page.locator('.chapter, article').first().boundingBox(), boxBefore);
  // It is the term's accessible description.
  const describedBy = await term.getAttribute('aria-describedby');
  assert.equal(await pop.getAttribute('id'), describedBy);
  await page.mouse.move(5, 5);
  await pop.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('focusing a term with the keyboard shows its definition; Escape closes it; the link leads to the glossary entry', async () => {
  const { context, page, errors } = await en();
  await page.goto(server.origin + '/how-it-works');
  await ready(page);
  const term = page.locator('dfn.term[data-term="magnitude"]').first();
  await term.focus();
  const pop = page.locator(`#${await term.getAttribute('aria-describedby')}`);
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.textContent(), /ELIP-002/);
  await page.keyboard.press('Escape');
  await pop.waitFor({ state: 'hidden' });
  // Enter opens it again; Tab moves into the box to its link.
  await page.keyboard.press('Enter');
  await pop.waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('term-pop-link')), true);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/glossary#gl-magnitude$/);
  await page.waitForSelector('#gl-magnitude');
  const inView = await page.evaluate(() => {
    const r = document.getElementById('gl-magnitude').getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  });
  assert.ok(inView, 'the entry is scrolled into view');
  assert.deepEqual(errors, []);
  await context.close();
});

test('tapping a term on a phone opens its definition inside the screen', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.origin + '/how-it-works');
  await ready(page);
  const terms = page.locator('dfn.term[role="button"]');
  const n = await terms.count();
  assert.ok(n >= 5, `found ${n} terms`);
  for (const i of [0, Math.floor(n / 2), n - 1]) {
    const term = terms.nth(i);
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    const pop = page.locator(`#${await term.getAttribute('aria-describedby')}`);
    await pop.waitFor({ state: 'visible' });
    const b = await pop.boundingBox();
    assert.ok(b.x >= 0 && b.x + b.width <= 360, `box ${i} inside the screen: ${JSON.stringify(b)}`);
    await page.locator('h1').tap();
    await pop.waitFor({ state: 'hidden' });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the glossary lists every entry alphabetically with back-links to the chapters', async () => {
  const { context, page, errors } = await en();
  await page.goto(server.origin + '/glossary');
  await ready(page);
  const names = await page.$$eval('.gl-entry dt dfn', (ds) => ds.map((d) => d.textContent.trim().toLowerCase()));
  assert.ok(names.length >= 40, `${names.length} entries`);
  assert.deepEqual(names, [...names].sort());
  assert.match(await text(page, '#gl-restaking dt'), /Restaking\s*再质押/);
  const links = await page.$$eval('#gl-operator .gl-used a', (as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(links.includes('/how-it-works'), links.join());
  assert.ok(links.includes('/use-cases'), links.join());
  await page.click('#gl-operator .gl-used a[href$="/use-cases"]');
  await page.waitForURL(/\/use-cases$/);
  await page.waitForSelector('dfn.term[data-term="operator"]');
  // Chinese: sorted by pinyin, English names in brackets.
  await page.click('button[data-lang="zh"]');
  await page.goto(server.origin + '/glossary');
  await ready(page);
  assert.match(await text(page, '#gl-restaking dt'), /再质押\s*Restaking/);
  const first = await page.$eval('.gl-entry', (e) => e.id);
  assert.equal(first, 'gl-percentile'); // 百分位数 bǎifēnwèishù
  assert.deepEqual(errors, []);
  await context.close();
});

test('answering a quiz explains the choice, scores it, shows on the home page and survives a reload', async () => {
  const { context, page, errors } = await en();
  await page.goto(server.origin + '/what-is-restaking');
  await ready(page);
  await page.waitForSelector('.quiz[data-chapter="what-is-restaking"]');
  const total = await page.locator('.quiz-item').count();
  assert.ok(total >= 3 && total <= 5);
  assert.match(await text(page, '[data-testid="quiz-score"]'), new RegExp(`0 of ${total} answered`));
  await answer(page, 0, 1); // right
  assert.match(await text(page, '.quiz-item[data-question="0"] .quiz-reveal'), /Right\..*That right is what the services pay for/);
  await answer(page, 1, 0); // wrong: 5%
  const reveal = await text(page, '.quiz-item[data-question="1"] .quiz-reveal');
  assert.match(reveal, /forgets the operator's share/);
  assert.match(reveal, /The right answer:\s*4\.8%/);
  // The first pick counts: another click (on a button now marked aria-disabled) does
  // not change it.
  await page.$eval('.quiz-item[data-question="1"] button[data-choice="1"]', (b) => b.click());
  assert.equal(await page.getAttribute('.quiz-item[data-question="1"] button[data-choice="0"]', 'aria-pressed'), 'true');
  assert.match(await text(page, '[data-testid="quiz-score"]'), new RegExp(`2 of ${total} answered, 1 right`));
  // Home shows it (in-app navigation), and again after a reload.
  await page.click('a.brand');
  const card = page.locator('.card[data-slug="what-is-restaking"] [data-testid="prog-status"]');
  await card.waitFor();
  assert.equal((await card.textContent()).replace(/\s+/g, ' ').trim(), `✓visited · quiz 1/${total}`);
  await page.reload();
  await ready(page);
  await card.waitFor();
  assert.match(await card.textContent(), new RegExp(`quiz 1/${total}`));
  assert.equal(await page.locator('.card[data-slug="risks"] [data-testid="prog-status"]').count(), 0);
  // The chapter restores the answers; finishing shows the score; "try again" clears them.
  await page.goto(server.origin + '/what-is-restaking');
  await ready(page);
  await page.waitForSelector('.quiz-item[data-question="1"] .quiz-reveal');
  for (let q = 2; q < total; q++) await answer(page, q, 1);
  assert.match(await text(page, '[data-testid="quiz-score"]'), new RegExp(`Score: \\d of ${total}`));
  await page.click('.quiz-retry');
  assert.equal(await page.locator('.quiz-reveal').count(), 0);
  assert.match(await text(page, '[data-testid="quiz-score"]'), new RegExp(`0 of ${total} answered`));
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('restaking-explorer.progress')));
  assert.equal(stored.v, 1);
  assert.equal(stored.chapters['what-is-restaking'].visited, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an older (v0) progress record is migrated, and a corrupt one is ignored', async () => {
  const { context, page, errors } = await en();
  await page.goto(server.origin + '/');
  await ready(page);
  await page.evaluate(() => localStorage.setItem('restaking-explorer.progress', '["use-cases","no-such-chapter"]'));
  await page.reload();
  await ready(page);
  await page.locator('.card[data-slug="use-cases"] [data-testid="prog-status"]').waitFor();
  assert.equal(await page.locator('[data-testid="prog-status"]').count(), 1);
  await page.evaluate(() => localStorage.setItem('restaking-explorer.progress', '{"v":1,"chapters":'));
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid="prog-status"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, script] of [['throwing Storage methods', BLOCK_STORAGE], ['no localStorage at all', NO_STORAGE]]) {
  test(`with ${name} the app works and quizzes respond (progress kept in memory)`, async () => {
    const { context, page, errors } = await en();
    await context.addInitScript(script);
    await page.goto(server.origin + '/how-it-works');
    await ready(page);
    await page.waitForSelector('.quiz[data-chapter="how-it-works"]');
    await answer(page, 0, 1);
    await page.waitForSelector('.quiz-item[data-question="0"] .quiz-reveal');
    assert.match(await text(page, '[data-testid="quiz-score"]'), /1 of \d answered, 1 right/);
    const term = page.locator('dfn.term[data-term="operator"]').first();
    await term.hover();
    await page.locator('.term-wrap', { has: term }).locator('.term-pop').waitFor({ state: 'visible' });
    await page.click('a.brand');
    await page.locator('.card[data-slug="how-it-works"] [data-testid="prog-status"]').waitFor();
    assert.match(await text(page, '.card[data-slug="how-it-works"] [data-testid="prog-status"]'), /quiz 1\/\d/);
    await page.click('button[data-lang="zh"]');
    assert.match(await text(page, '.card[data-slug="how-it-works"] [data-testid="prog-status"]'), /已读 · 测验 1\/\d/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('reset progress asks first, then clears everything (also after a reload)', async () => {
  const { context, page, errors } = await en();
  await page.goto(server.origin + '/use-cases');
  await ready(page);
  await answer(page, 0, 0);
  await page.click('a.brand');
  await page.locator('[data-testid="prog-status"]').first().waitFor();
  await page.click('.prog-reset-btn');
  await page.click('.prog-confirm-no');
  assert.equal(await page.locator('[data-testid="prog-status"]').count(), 1);
  await page.click('.prog-reset-btn');
  await page.click('.prog-confirm-yes');
  assert.equal(await page.locator('[data-testid="prog-status"]').count(), 0);
  assert.match(await text(page, '.prog-cleared'), /Progress cleared/);
  assert.equal(await page.isDisabled('.prog-reset-btn'), true);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid="prog-status"]').count(), 0);
  await page.goto(server.origin + '/use-cases');
  await ready(page);
  await page.waitForSelector('.quiz');
  assert.equal(await page.locator('.quiz-reveal').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every citation links to an entry on the sources page', async () => {
  const { context, page, errors } = await en();
  const anchors = new Set();
  for (const route of ['/what-is-restaking', '/how-it-works', '/use-cases', '/lst-vs-restaking', '/network-security']) {
    await page.goto(server.origin + route);
    await ready(page);
    for (const h of await page.$$eval('a.cite', (as) => as.map((a) => a.getAttribute('href')))) anchors.add(h);
  }
  assert.ok(anchors.size >= 10, `${anchors.size} distinct citations`);
  await page.goto(server.origin + '/sources');
  await ready(page);
  for (const h of anchors) {
    const id = h.split('#')[1];
    assert.equal(await page.locator(`ol.sources > li[id="${id}"]`).count(), 1, h);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
