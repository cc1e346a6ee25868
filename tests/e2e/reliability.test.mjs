// End-to-end tests of reliability and security against the release build: the
// Content-Security-Policy as shipped (no violation, no foreign request, on every
// route), subresource integrity, static-host deep links through 404.html, the
// no-JavaScript and no-WebAssembly messages, offline use through the service worker,
// broken storage, and the panic panel (on a test build with `--features panic-probe`).
import { createHash } from 'node:crypto';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, ready, settledUrl, navLinks } from './lib.mjs';

const DIST = process.env.DIST ?? 'dist';
const DIST_PANIC = process.env.DIST_PANIC ?? 'dist-panic';
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

/** Records CSP violations in the page (they are events, not always console errors). */
const RECORD_CSP = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
};

/** The page's Content-Security-Policy <meta>, as directive → sources (undefined if none). */
function policyOf(html) {
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  return csp && Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}
/** The contents of the page's inline `<script>`s (no `src`) and of its `<style>`s. */
const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const inlineStyles = (html) => [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
/** A CSP hash source for `body`. */
const hashSource = (body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;

async function routes(page) {
  await page.goto(server.origin + '/');
  await ready(page);
  const nav = await navLinks(page);
  return ['/', ...new Set(nav), '/no-such-page'];
}

test('the shipped policies are strict and their hashes match the inline loaders', () => {
  // index.html is the light landing page, app.html (and 404.html, for deep links) the app,
  // risks.html the app with a page's static opening (and its own loader; postbuild.mjs).
  const landing = readFileSync(join(DIST, 'index.html'), 'utf8');
  const app = readFileSync(join(DIST, 'app.html'), 'utf8');
  const opened = readFileSync(join(DIST, 'risks.html'), 'utf8');
  for (const html of [landing, app, opened]) {
    const dir = policyOf(html);
    assert.ok(dir, 'a CSP meta tag');
    assert.deepEqual(dir['default-src'], ["'self'"]);
    assert.deepEqual(dir['connect-src'], ["'self'"]);
    assert.deepEqual(dir['object-src'], ["'none'"]);
    assert.deepEqual(dir['base-uri'], ["'self'"]);
    assert.ok(dir['script-src'].includes("'wasm-unsafe-eval'"));
    // Our origin, and the one stylesheet written into the page (postbuild.mjs), by hash.
    const styles = inlineStyles(html);
    assert.equal(styles.length, 1, 'the stylesheet is in the page');
    assert.ok(styles[0].includes('.lab-grid'), 'and it is ours');
    assert.deepEqual(dir['style-src'], ["'self'", hashSource(styles[0])], 'no other inline <style>, no foreign stylesheet');
    assert.ok(!/<link rel="stylesheet"/.test(html) && !/<script src="[^"]*boot-/.test(html), 'no request for the stylesheet or boot.js');
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
      assert.ok(!dir['script-src'].includes(bad), `script-src has ${bad}`);
    }
    const hashes = dir['script-src'].filter((s) => s.startsWith("'sha256-"));
    const inline = inlineScripts(html);
    assert.equal(hashes.length, inline.length, 'one hash per inline script');
    assert.ok(inline.some((body) => body.includes('restaking-explorer.prefs')), 'boot.js is in the page');
    for (const body of inline) {
      assert.ok(hashes.includes(hashSource(body)), 'the hash is of this page\'s own loader or boot.js');
    }
    // The policy comes before any script, and every script and preload keeps its SRI hash.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
    const tags = [...html.matchAll(/<(script|link)\b[^>]*\b(src|href)="[^"]+\.(js|wasm|css)"[^>]*>/g)].map((m) => m[0]);
    // The app's page preloads its module. A page with an opening (the landing page has
    // one too) fetches it after the first paint, with the two hashes on its loader's
    // requests: prerender.test.mjs checks those hashes and times the requests.
    if (html === app) assert.ok(tags.length >= 2, tags.join('\n'));
    for (const t of tags) assert.match(t, /integrity="sha384-[A-Za-z0-9+/=]+"/, t);
  }
  assert.equal(readFileSync(join(DIST, '404.html'), 'utf8'), app, '404.html is the app');
  // A preload's href, or the loader's check (`compiled('…', hash)`) on a page that loads
  // its module after its opening.
  const wasm = (html) => html.match(/(?:href="|compiled\(')[^"']*?([\w-]+_bg\.wasm)["']/)?.[1];
  assert.ok(wasm(landing) && wasm(app) && wasm(landing) !== wasm(app), 'the landing page loads its own module');
  assert.ok(app.includes('<meta name="restaking-sw"') && !landing.includes('<meta name="restaking-sw"'),
    'only the app registers the service worker');
});

test('the stylesheet written into each page is style/main.css without its comments, rule for rule', async () => {
  // postbuild.mjs drops the comments (`withoutComments`); the browser must read the
  // same rules from the page as from the source file.
  const source = readFileSync('style/main.css', 'utf8');
  assert.ok(source.includes('/*'), 'the source has comments');
  for (const name of ['index.html', 'app.html', 'risks.html']) {
    const [css] = inlineStyles(readFileSync(join(DIST, name), 'utf8'));
    assert.ok(!css.includes('/*') && !css.includes('*/'), `${name}: no comment left`);
  }
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.origin + '/risks');
  await ready(page);
  const { shipped, parsed } = await page.evaluate((source) => {
    const rules = (sheet) => [...sheet.cssRules].map((r) => r.cssText);
    const own = [...document.querySelectorAll('style')].find((s) => s.textContent.includes('.lab-grid'));
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(source);
    return { shipped: rules(own.sheet), parsed: rules(sheet) };
  }, source);
  assert.ok(parsed.length > 300, `${parsed.length} rules`);
  assert.deepEqual(shipped, parsed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in every page of every release build, each inline script and style has its hash in the policy', () => {
  // The builds the test command makes: the site, under a sub-path, and the panic probe.
  const dists = [DIST, DIST_SUB, DIST_PANIC].filter((d) => existsSync(d));
  assert.ok(dists.includes(DIST));
  let pages = 0;
  for (const d of dists) {
    for (const f of readdirSync(d).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(d, f), 'utf8');
      const dir = policyOf(html);
      assert.ok(dir, `${d}/${f}: a CSP meta tag`);
      const scripts = inlineScripts(html).map(hashSource);
      const styles = inlineStyles(html).map(hashSource);
      assert.deepEqual(dir['script-src'].filter((x) => x.startsWith("'sha256-")).sort(), [...scripts].sort(), `${d}/${f}: script hashes`);
      assert.deepEqual(dir['style-src'], ["'self'", ...styles], `${d}/${f}: style hashes`);
      assert.equal(styles.length, 1, `${d}/${f}: the stylesheet is in the page`);
      assert.ok(!/<link rel="stylesheet"|<script src="[^"]*boot-/.test(html), `${d}/${f}: links no stylesheet or boot.js`);
      pages++;
    }
  }
  assert.ok(pages >= 14, `${pages} pages`);
});

test('every route runs under the policy: no violation, no console error, no foreign request', async () => {
  const { context, page, errors, requests } = await openPage(browser);
  await context.addInitScript(RECORD_CSP);
  const all = await routes(page);
  assert.ok(all.length >= 8, all.join(','));
  for (const route of all) {
    for (const theme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(server.origin + route);
      await ready(page);
      await page.waitForTimeout(150);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], `${route} (${theme})`);
    }
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== server.origin), []);
  await context.close();
});

test('a plain static host (404.html, status 404) serves deep links and reloads', async () => {
  // A host that does not answer /risks with risks.html (the page with the static
  // opening): every deep link goes through 404.html.
  const strict = await serve(DIST, '/', { status404: true, pretty: false });
  const { context, page } = await openPage(browser);
  try {
    const res = await page.goto(strict.origin + '/risks?v=1');
    assert.equal(res.status(), 404);
    await ready(page);
    assert.ok((await page.textContent('main h1')).length > 0);
    await page.reload();
    await ready(page);
    assert.ok(await page.isVisible('main h1'));
  } finally {
    await context.close();
    await strict.close();
  }
});

test('without JavaScript the noscript message shows; without WebAssembly a clear message shows', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p1 = await noJs.newPage();
  await p1.goto(server.origin + '/');
  assert.ok(await p1.isVisible('p.noscript'));
  await noJs.close();

  const { context, page } = await openPage(browser, { locale: 'zh-CN' });
  await context.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(server.origin + '/');
  await page.waitForSelector('#no-wasm:not([hidden])', { timeout: 10000 });
  const text = await page.textContent('#no-wasm');
  assert.match(text, /WebAssembly/);
  assert.match(text, /[\u4e00-\u9fff]/);
  // No app: only the page's static opening (prerender.test.mjs) stays, readable.
  assert.equal(await page.$('header.site-header:not(#prerender *)'), null);
  assert.match(await page.locator('main h1:visible').textContent(), /[\u4e00-\u9fff]/);
  await context.close();
});

test('once loaded, the explorer keeps working offline (service worker)', async () => {
  const { context, page, errors } = await openPage(browser);
  // The app registers the worker (the light landing page does not).
  await page.goto(server.origin + '/what-is-restaking');
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled by the worker');
  await context.setOffline(true);
  try {
    // A full navigation to a deep link the learner has not opened yet, offline.
    await page.goto(server.origin + '/strategy?v=1');
    await ready(page);
    assert.ok((await page.textContent('main h1')).length > 0);
    // And client-side navigation still works.
    await page.click('header nav a[href="/risks"]');
    await page.waitForURL(/\/risks/);
    assert.ok(await page.isVisible('main h1'));
    // The front door answers from the cache too: the landing page, with the journey.
    await page.goto(server.origin + '/');
    await ready(page);
    assert.equal(await page.locator('ol.cards li.card').count(), 9);
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('blocked, full and corrupt storage never break the app', async () => {
  const cases = {
    blocked: () => {
      const boom = () => { throw new DOMException('blocked', 'SecurityError'); };
      Object.defineProperty(window, 'localStorage', { get: boom, configurable: true });
    },
    full: () => {
      Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    },
    corrupt: () => {
      for (const k of ['restaking-explorer.prefs', 'restaking-explorer.progress']) {
        localStorage.setItem(k, '{"v":1,"lang":');
      }
    },
  };
  for (const [name, init] of Object.entries(cases)) {
    const { context, page, errors } = await openPage(browser);
    await context.addInitScript(init);
    await page.goto(server.origin + '/what-is-restaking');
    await ready(page);
    // Language and theme switches still work (in memory).
    await page.click('button[data-lang="zh"]');
    assert.match(await page.textContent('main h1'), /[\u4e00-\u9fff]/, name);
    await page.selectOption('select[data-testid="theme"]', 'dark');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', name);
    await page.goto(server.origin + '/');
    await ready(page);
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});

test('preferences from an older version are migrated, not discarded', async () => {
  const { context, page } = await openPage(browser);
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('restaking-explorer.prefs', '{"lang":"zh","theme":"dark"}');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(server.origin + '/');
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('restaking-explorer.prefs')));
  assert.equal(stored.v, 1);
  assert.equal(stored.lang, 'zh');
  await context.close();
});

test('a panic shows the translated panel, keeps saved progress, and offers reset and copy', async () => {
  const panicServer = await serve(DIST_PANIC, '/');
  try {
    for (const [locale, script] of [['en-US', /went wrong/], ['zh-CN', /出错/]]) {
      const { context, page } = await openPage(browser, { locale });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: panicServer.origin });
      await page.goto(panicServer.origin + '/what-is-restaking?v=1&restake=3');
      await ready(page);
      const saved = '{"v":1,"chapters":{"what-is-restaking":{"visited":true}}}';
      await page.evaluate((s) => localStorage.setItem('restaking-explorer.progress', s), saved);
      const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
      await page.evaluate(() => dispatchEvent(new Event('panic-probe')));
      await page.waitForSelector('[data-testid="panic-panel"]', { timeout: 5000 });
      assert.match(await page.textContent('[data-testid="panic-panel"] h1'), script);
      assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);
      assert.equal(await page.getAttribute('[data-action="reset-chapter"]', 'href'), '/what-is-restaking');
      const details = await page.inputValue('#panic-details');
      assert.match(details, /panic probe fired on purpose/);
      assert.match(details, /restake=3/);
      await page.click('[data-action="copy-details"]');
      await page.waitForFunction(() => document.querySelector('[data-action="copy-details"]').textContent === document.querySelector('[data-action="copy-details"]').dataset.copied);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), details);
      // Reset reopens the chapter with its defaults, and the app runs again.
      await page.click('[data-action="reset-chapter"]');
      await ready(page);
      assert.equal(new URL(await settledUrl(page)).searchParams.get('restake'), null);
      await context.close();
    }
  } finally {
    await panicServer.close();
  }
});
