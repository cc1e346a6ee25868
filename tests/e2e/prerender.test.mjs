// End-to-end tests of the pages' static openings (scripts/prerender.mjs): every page's
// committed opening is what the app renders today, in both languages; before the
// module has loaded a reader sees the opening in their language and theme, laid out
// where the app will put the same elements; the app replaces it when it mounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, ready, siteNavLinks } from './lib.mjs';
import { committed, openingOf, pagesOf, routeOf, LANGS } from '../../scripts/prerender.mjs';

const DIST = process.env.DIST ?? 'dist';
const DIST_SUB = process.env.DIST_SUB ?? 'dist-sub';
let server, browser;

before(async () => {
  server = await serve(DIST, '/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Holds back the page's wasm until `release()`, so a test can look at the page before
 * the app has mounted. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  return () => release();
}

test('every page has a committed opening, in both languages, that matches the app', async () => {
  const files = committed((f) => readFileSync(f, 'utf8'));
  const pages = pagesOf(await siteNavLinks(browser, server.origin));
  assert.deepEqual(Object.keys(files).sort(), [...pages].sort(), 'one opening for every page the navigation offers');
  const stale = [];
  for (const lang of LANGS) {
    for (const route of pages) {
      const { context, page, errors } = await openPage(browser, { locale: lang.locale });
      await page.goto(`${server.origin}/${routeOf(route)}`);
      await ready(page);
      const live = await page.evaluate(openingOf);
      if (live !== files[route][lang.code]) stale.push(`${route}.${lang.code}`);
      assert.deepEqual(errors, [], `${route} ${lang.code}`);
      await context.close();
    }
  }
  assert.deepEqual(stale, [], 'these openings no longer match the app: build, then run `node scripts/prerender.mjs dist`');
});

test('before the module loads, the reader sees the opening in their language, where the app will put it', async () => {
  const cases = [
    { route: 'what-is-restaking', locale: 'en-US', tag: 'en', viewport: { width: 1280, height: 900 } },
    { route: 'risks', locale: 'zh-CN', tag: 'zh-CN', viewport: { width: 390, height: 844 } },
    { route: 'how-it-works', locale: 'zh-CN', tag: 'zh-CN', viewport: { width: 1280, height: 900 } },
    { route: 'network-security', locale: 'en-US', tag: 'en', viewport: { width: 390, height: 844 } },
    // The front door: the light landing page, with a module of its own.
    { route: '', locale: 'zh-CN', tag: 'zh-CN', viewport: { width: 390, height: 844 } },
    { route: '', locale: 'en-US', tag: 'en', viewport: { width: 1280, height: 900 } },
  ];
  for (const c of cases) {
    const { context, page, errors } = await openPage(browser, { locale: c.locale, viewport: c.viewport });
    // Every frame from the one where the app's header is first in the page until the
    // page is whole: how many headers and titles show, and whether the app's own header
    // is among them. The chapters' app builds its shell a task before the page and keeps
    // it out of sight meanwhile (src/widgets/later.rs, OwnTask); the opening is retired
    // (src/web.rs) in the task that shows the app, and removed a little later.
    await context.addInitScript(() => {
      window.__frames = [];
      const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility({ visibilityProperty: true }));
      const frame = () => {
        const app = [...document.querySelectorAll('header.site-header')].find((h) => !h.closest('#prerender'));
        if (app) {
          window.__frames.push({ headers: shown('header.site-header').length, titles: shown('main h1').length, app: app.checkVisibility({ visibilityProperty: true }) });
          if (window.__frames.length >= 20) return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const release = await holdWasm(page);
    await page.goto(`${server.origin}/${c.route}`, { waitUntil: 'domcontentloaded' });
    const where = () => page.evaluate(() => {
      const box = (sel) => {
        const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { text: el.innerText, x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
      };
      return { lang: document.documentElement.lang, header: box('header.site-header'), h1: box('main h1'), p: box('main article > p, main > .hero > p') };
    });
    const before = await where();
    assert.equal(before.lang, c.tag, c.route);
    assert.ok(before.h1 && before.p && before.header, `${c.route}: the opening is visible before the app`);
    assert.equal(await page.locator('header.site-header:visible').count(), 1, 'one language shown');
    release();
    await ready(page);
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.length > 0 && frames.at(-1).app, `${c.route}: the app's header shows`);
    for (const f of frames) assert.deepEqual({ headers: f.headers, titles: f.titles }, { headers: 1, titles: 1 }, `${c.route}: one header and one title in every frame: ${JSON.stringify(frames)}`);
    assert.equal(await page.locator('#prerender').count(), 0, 'the app removed the opening');
    assert.equal(await page.locator('header.site-header').count(), 1);
    assert.equal(await page.locator('main').count(), 1);
    const afterMount = await where();
    for (const k of ['header', 'h1', 'p']) {
      assert.equal(afterMount[k].text, before[k].text, `${c.route} ${k}: same words`);
      for (const d of ['x', 'y', 'w', 'h']) {
        assert.ok(Math.abs(afterMount[k][d] - before[k][d]) <= 1, `${c.route} ${c.viewport.width} px ${k}.${d}: ${before[k][d]} before the app, ${afterMount[k][d]} after`);
      }
    }
    assert.deepEqual(errors, [], c.route);
    await context.close();
  }
});

test('a page with an opening fetches its module once the opening is painted; the app\'s own page preloads it', async () => {
  const html = (f) => readFileSync(join(DIST, f), 'utf8');
  const preload = /<link rel="(?:modulepreload|preload)"[^>]*>/;
  for (const f of ['404.html', 'app.html']) assert.match(html(f), preload, `${f} has nothing to show first: it preloads the module`);
  for (const route of Object.keys(committed((f) => readFileSync(f, 'utf8')))) {
    assert.doesNotMatch(html(`${route}.html`), preload, `${route}.html`);
    // Trunk's integrity hashes move onto the JS's modulepreload and into the loader's
    // check of the wasm (`compiled(url, hash)`), each the hash of the file it names.
    const page = html(`${route}.html`);
    const js = [...page.matchAll(/href: '([^']+\.js)', crossOrigin: 'anonymous', integrity: '(sha384-[A-Za-z0-9+/=]+)'/g)];
    const wasm = [...page.matchAll(/compiled\('([^']+_bg\.wasm)', '(sha384-[A-Za-z0-9+/=]+)'\)/g)];
    assert.equal(js.length, 1, `${route}.html: the JS's modulepreload and its hash`);
    assert.equal(wasm.length, 1, `${route}.html: the wasm's check and its hash`);
    for (const [, file, hash] of [js[0], wasm[0]]) {
      assert.equal(hash, `sha384-${createHash('sha384').update(readFileSync(join(DIST, file.replace(/^\//, '')))).digest('base64')}`, `${route}.html: ${file}`);
    }
  }
  // Two chapters and the front door (the light landing page, its own module).
  for (const route of ['what-is-restaking', 'risks', '']) {
    const { context, page, errors } = await openPage(browser);
    // Runs before the page's scripts: its callback comes first in the first frame.
    await context.addInitScript(() => requestAnimationFrame(() => { window.__firstFrame = performance.now(); }));
    await page.goto(`${server.origin}/${route}`);
    await ready(page);
    const t = await page.evaluate(() => {
      const res = performance.getEntriesByType('resource');
      const js = res.find((e) => /\/restaking-explorer-[^/]*\.js$/.test(e.name));
      const wasm = res.find((e) => e.name.endsWith('.wasm'));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { frame: window.__firstFrame, fcp: fcp?.startTime, js: js?.startTime, wasm: wasm?.startTime };
    });
    // What Lighthouse's estimate of the first paints depends on (postbuild.mjs).
    // Once the paint entry has come, or (a busy machine) 250 ms after the first frame.
    assert.ok(t.js > t.frame && (t.js >= t.fcp || t.js >= t.frame + 250), `${route}: the module is requested once the opening is painted (${JSON.stringify(t)})`);
    assert.ok(t.wasm >= t.js, `${route} (${JSON.stringify(t)})`);
    assert.deepEqual(errors, [], route);
    await context.close();
  }
  // A tab opened in the background paints no frame until it is shown: the module must
  // not wait for one. Here no frame and no paint entry ever come, so a loader that
  // waited would start the module only after its 1 s cap.
  const { context, page, errors } = await openPage(browser);
  await context.addInitScript(() => {
    Object.defineProperty(document, 'hidden', { get: () => true });
    window.requestAnimationFrame = () => 0;
    window.PerformanceObserver = class { observe() {} disconnect() {} };
  });
  await page.goto(`${server.origin}/strategy`);
  await page.waitForSelector('main h1:not(#prerender *)', { timeout: 10000 });
  const js = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => /\/restaking-explorer-[^/]*\.js$/.test(e.name))?.startTime);
  assert.ok(js < 900, `a hidden page fetches the module at once (at ${js} ms)`);
  assert.equal(await page.locator('#prerender').count(), 0, 'a hidden page drops the opening at once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the app marks itself built once the page\'s top is built and shown', async () => {
  // The benchmark's breakdown reads the mark `restaking-explorer:built` (src/web.rs,
  // mark_built): it must come after the router has built the first page (its title is
  // in <main>) and the shell is shown, not when the shell alone exists.
  for (const route of ['risks', 'network-security']) {
    const { context, page, errors } = await openPage(browser);
    await context.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        if (name === 'restaking-explorer:built') {
          window.__atMark = { title: [...document.querySelectorAll('main article h1')].some((h) => !h.closest('#prerender')), building: document.documentElement.hasAttribute('data-building') };
        }
        return mark(name, ...rest);
      };
    });
    await page.goto(`${server.origin}/${route}`);
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.__atMark), { title: true, building: false }, route);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a page with an opening refuses a module that does not match its integrity hash', async () => {
  // Changes that leave each file valid, so only the hash check can stop them: a comment
  // after the JS, a custom section (id 0, 8 bytes, named "tamper!") after the wasm.
  const tampered = {
    '**/restaking-explorer-*_bg.wasm': (b) => Buffer.concat([b, Buffer.from([0, 8, 7, ...Buffer.from('tamper!')])]),
    '**/restaking-explorer-*.js': (b) => Buffer.concat([b, Buffer.from('\n// tampered\n')]),
  };
  for (const [pattern, tamper] of Object.entries(tampered)) {
    const { context, page } = await openPage(browser);
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: tamper(Buffer.from(await response.body())) });
    });
    await page.goto(`${server.origin}/use-cases`);
    await page.waitForSelector('#no-wasm:not([hidden])', { timeout: 10000 });
    assert.equal(await page.locator('#prerender').count(), 1, `${pattern}: the opening stays`);
    assert.equal(await page.locator('[data-testid="panic-panel"]').count(), 0, pattern);
    await context.close();
  }
});

test('a stored language and theme win over the browser\'s, before the app as after', async () => {
  const { context, page } = await openPage(browser, { locale: 'en-US', colorScheme: 'light' });
  await context.addInitScript(() => {
    if (!localStorage.getItem('restaking-explorer.prefs')) {
      localStorage.setItem('restaking-explorer.prefs', '{"v":1,"lang":"zh","theme":"dark"}');
    }
  });
  const release = await holdWasm(page);
  await page.goto(`${server.origin}/strategy`, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.match(await page.locator('main h1:visible').textContent(), /[\u4e00-\u9fff]/);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBefore = await bg();
  release();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await bg(), darkBefore, 'no change of theme when the app mounts');
  await context.close();
});

test('without WebAssembly or JavaScript the opening stays readable', async () => {
  const { context, page } = await openPage(browser, { locale: 'zh-CN' });
  await context.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(`${server.origin}/use-cases`);
  await page.waitForSelector('#no-wasm:not([hidden])', { timeout: 10000 });
  assert.match(await page.locator('main h1:visible').textContent(), /[\u4e00-\u9fff]/);
  await context.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(`${server.origin}/regulation`);
  assert.ok((await p.locator('main h1:visible').textContent()).length > 0);
  assert.ok(await p.isVisible('p.noscript'));
  await noJs.close();
});

test('under a sub-path the opening\'s links lead to the right pages', async () => {
  const sub = await serve(DIST_SUB, '/restaking/');
  const { context, page } = await openPage(browser);
  try {
    const release = await holdWasm(page);
    await page.goto(`${sub.base}sources`, { waitUntil: 'domcontentloaded' });
    const hrefs = await page.$$eval('#prerender .prerender-lang[lang="en"] a[href]', (as) => as.map((a) => a.href));
    assert.ok(hrefs.length > 5);
    // Links within the site stay under the prefix (the sources' own links lead out).
    for (const h of hrefs.filter((h) => h.startsWith(sub.origin))) assert.ok(h.startsWith(`${sub.base}`), h);
    assert.ok(hrefs.includes(`${sub.base}what-is-restaking`));
    release();
    await ready(page);
  } finally {
    await context.close();
    await sub.close();
  }
});
