// End-to-end tests of the app shell against the release build: routes, languages,
// theme, persistence, origin isolation and hosting under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, ready, navLinks } from './lib.mjs';

let server, subServer, browser;

before(async () => {
  server = await serve(process.env.DIST ?? 'dist', '/');
  subServer = await serve(process.env.DIST_SUB ?? 'dist-sub', '/restaking/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await subServer?.close();
});

for (const [locale, lang, script] of [['en-US', 'en', /[A-Za-z]/], ['zh-CN', 'zh-CN', /[\u4e00-\u9fff]/]]) {
  test(`every route renders in ${lang} with no console error and no foreign request`, async () => {
    const { context, page, errors, requests } = await openPage(browser, { locale });
    // Every chapter in the navigation, plus the home, sources and not-found pages.
    await page.goto(server.origin + '/');
    await ready(page);
    const chapters = await navLinks(page);
    assert.ok(chapters.length >= 2, chapters.join(','));
    for (const route of ['/', ...chapters, '/no-such-page']) {
      await page.goto(server.origin + route);
      await ready(page);
      const h1 = await page.textContent('main h1');
      assert.match(h1 ?? '', script, `${route} h1 in ${lang}: ${h1}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const title = await page.title();
      assert.ok(title.includes(h1.trim()), `title "${title}" names the page`);
    }
    assert.deepEqual(errors, []);
    const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    await context.close();
  });
}

test('unknown routes show the not-found page', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.origin + '/no-such-page');
  await ready(page);
  assert.equal(await page.textContent('main h1'), 'Page not found');
  await context.close();
});

test('Back returns to where the reader was on a long chapter, lower parts included', async () => {
  // A chapter builds its lower parts after the first paint (src/widgets/later.rs);
  // on Back the router builds the page anew, and every part must be there before
  // the browser puts the scroll position back, or the reader lands near the top.
  const { context, page, errors } = await openPage(browser);
  for (const route of ['/risks', '/network-security']) {
    await page.goto(server.origin + route);
    await ready(page);
    const links = page.locator('main a[href*="sources"]');
    const n = await links.count();
    await links.nth(n - 1).scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => scrollY);
    assert.ok(before > 2000, `${route}: the last citation is far down (${before})`);
    await links.nth(n - 1).click();
    await page.waitForURL(/sources/);
    await ready(page);
    await page.goBack();
    await page.waitForFunction((r) => location.pathname === r, route);
    await ready(page);
    // The citation the reader followed is on screen again (lab blocks off screen are
    // sized by estimate, so the exact offset may move a little).
    const top = await page.evaluate((i) => {
      const a = document.querySelectorAll('main a[href*="sources"]')[i];
      return a ? a.getBoundingClientRect().top : NaN;
    }, n - 1);
    const back = await page.evaluate(() => scrollY);
    const height = page.viewportSize().height;
    assert.ok(top >= 0 && top < height, `${route}: the citation is at ${top} px after Back (scrollY ${before} before, ${back} after)`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the navigation row shows the link to the page shown, on arrival and after a link, and leaves the page where it is', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
  // Whether all of the link to `path` (the page shown when null) is inside the row's
  // visible part; and whether the row is wider than the screen at all.
  const shown = (path) => page.evaluate((path) => {
    const a = document.querySelector(path ? `.site-header nav a[href$="${path}"]` : '.site-header nav a[aria-current="page"]');
    const row = a.closest('ul');
    return { overflows: row.scrollWidth > row.clientWidth, inView: a.offsetLeft >= row.scrollLeft - 1 && a.offsetLeft + a.offsetWidth <= row.scrollLeft + row.clientWidth + 1 };
  }, path);
  await page.goto(server.origin + '/network-security');
  await ready(page);
  await page.waitForFunction(() => {
    const a = document.querySelector('.site-header nav a[aria-current="page"]');
    const row = a?.closest('ul');
    return row && a.offsetLeft >= row.scrollLeft - 1 && a.offsetLeft + a.offsetWidth <= row.scrollLeft + row.clientWidth + 1;
  }, null, { timeout: 5000 });
  assert.deepEqual(await shown(null), { overflows: true, inView: true }, 'chapter 7 is in view in a row wider than the screen');
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page itself did not scroll');
  // The first chapter's link is now out of view; follow it without scrolling to it
  // first (as a link elsewhere on the page would): the row comes back to it.
  assert.equal((await shown('/what-is-restaking')).inView, false);
  await page.evaluate(() => document.querySelector('.site-header nav a[href$="/what-is-restaking"]').click());
  await page.waitForFunction(() => document.querySelector('.site-header nav a[aria-current="page"]')?.getAttribute('href').endsWith('/what-is-restaking'));
  await page.waitForFunction(() => {
    const a = document.querySelector('.site-header nav a[aria-current="page"]');
    const row = a.closest('ul');
    return a.offsetLeft >= row.scrollLeft - 1 && a.offsetLeft + a.offsetWidth <= row.scrollLeft + row.clientWidth + 1;
  }, null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('language switch works and persists across reloads', async () => {
  const { context, page, errors } = await openPage(browser, { locale: 'en-US' });
  await page.goto(server.origin + '/');
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('button[data-lang="zh"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.textContent('main h1'), /[\u4e00-\u9fff]/);
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('button[data-lang="zh"]', 'aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('theme switch works, persists, and "follow system" follows the system', async () => {
  const { context, page } = await openPage(browser, { colorScheme: 'light' });
  await page.goto(server.origin + '/');
  await ready(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  await page.selectOption('select[data-testid="theme"]', 'dark');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.selectOption('select[data-testid="theme"]', 'system');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await context.close();
});

test('first visit picks Chinese for a zh browser and English otherwise', async () => {
  for (const [locale, lang] of [['zh-TW', 'zh-CN'], ['fr-FR', 'en']]) {
    const { context, page } = await openPage(browser, { locale });
    await page.goto(server.origin + '/');
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), lang, locale);
    await context.close();
  }
});

test('works under a sub-path: deep link, reload and navigation keep the prefix', async () => {
  const { context, page, errors, requests } = await openPage(browser);
  await page.goto(subServer.base + 'what-is-restaking?restake=2');
  await ready(page);
  assert.match(await page.textContent('main h1'), /restaking/i);
  assert.equal(await page.inputValue('#in-restake'), '2');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#in-restake'), '2');
  const hrefs = await navLinks(page);
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('/restaking/')), hrefs.join(','));
  await page.click('a.brand');
  await page.waitForURL(subServer.base);
  assert.deepEqual(errors, []);
  assert.ok(requests.every((u) => u.startsWith(subServer.origin + '/restaking/')), requests.join('\n'));
  await context.close();
});

test('the front door is the light landing page: its links open the app, and both share language and progress', async () => {
  const { context, page, errors, requests } = await openPage(browser, { locale: 'en-US' });
  await page.goto(server.origin + '/');
  await ready(page);
  // It loads its own small module, not the app's.
  const wasm = requests.filter((u) => u.endsWith('.wasm'));
  const landing = readFileSync(join(process.env.DIST ?? 'dist', 'index.html'), 'utf8');
  const app = readFileSync(join(process.env.DIST ?? 'dist', 'app.html'), 'utf8');
  assert.equal(wasm.length, 1, wasm.join(','));
  assert.ok(landing.includes(new URL(wasm[0]).pathname) && !app.includes(new URL(wasm[0]).pathname), wasm[0]);
  assert.equal(await page.locator('ol.cards li.card').count(), 9);
  // Heading for a chapter prefetches the app's module (and not before).
  const appWasm = app.match(/href="([^"]+_bg\.wasm)"/)[1];
  assert.ok(!requests.some((u) => u.endsWith(appWasm)), 'the app is not loaded up front');
  const prefetch = page.waitForRequest((r) => r.url().endsWith(appWasm), { timeout: 5000 });
  await page.hover('.card[data-slug="use-cases"] a');
  await prefetch;
  // The language chosen here carries into the app.
  await page.click('button[data-lang="zh"]');
  assert.match(await page.textContent('main h1'), /[\u4e00-\u9fff]/);
  await page.click('.card[data-slug="use-cases"] a');
  await page.waitForURL(/\/use-cases$/);
  await ready(page);
  await page.locator('main input[type="range"]').first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('header nav a[href="/use-cases"]', 'aria-current'), 'page');
  // The visit the app records shows on the landing page.
  await page.click('a.brand');
  await page.waitForURL(server.origin + '/');
  await page.reload();
  await ready(page);
  await page.locator('.card[data-slug="use-cases"] [data-testid="prog-status"]').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(errors, []);
  await context.close();
});
