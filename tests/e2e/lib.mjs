// Shared end-to-end helpers: a static server for the release build (at the root or
// under a sub-path, answering unknown paths with 404.html as a plain static host such
// as GitHub Pages does) and a headless Debian Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.mjs': 'text/javascript',
};

/**
 * Serves `root` under `prefix` (e.g. "/" or "/restaking/") on 127.0.0.1 with a random
 * port. Unknown paths get 404.html; with `{ status404: true }` also the status 404 a
 * real static host sends (Chromium then logs a console error for the page itself, so
 * most tests use status 200). A path without an extension is served from the file of
 * that name plus `.html` when there is one, as GitHub Pages, Netlify and Cloudflare
 * Pages do; `{ pretty: false }` serves as a host that does not.
 */
export async function serve(root, prefix = '/', { status404 = false, pretty = true } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end('outside the site'); return; }
    const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, rel || 'index.html');
    try {
      // As GitHub Pages, Netlify and Cloudflare Pages do: /page is page.html if there
      // is one (the pages with a static opening, scripts/postbuild.mjs).
      if (pretty && !extname(file)) await stat(file + '.html').then(() => { file += '.html'; }, () => {});
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      // Unknown paths get 404.html (a copy of the app shell written by
      // scripts/postbuild.mjs): deep links and reloads must work through that alone.
      try {
        const body = await readFile(join(root, '404.html'));
        res.writeHead(status404 ? 404 : 200, { 'content-type': TYPES['.html'] });
        res.end(body);
      } catch {
        res.writeHead(404); res.end('not found');
      }
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, base: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

/** The `href`s of the header's navigation links, in order: every page the app offers
 * (under a sub-path, with its prefix). */
export async function navLinks(page) {
  return page.$$eval('header nav a', (as) => as.map((a) => a.getAttribute('href')));
}

/** [`navLinks`] of the site served at `origin`, read from its home page in a page of
 * its own (closed again). */
export async function siteNavLinks(browser, origin) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(origin + '/');
    await ready(page);
    return await navLinks(page);
  } finally {
    await context.close();
  }
}

/** Launches headless Chromium with the flags this machine needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    // playwright-core gives every launch a fresh, empty profile directory.
  });
}

/**
 * Opens a page that records console errors, page errors and every request, so tests
 * can assert "no console error" and "no request leaves the origin".
 */
export async function openPage(browser, { locale = 'en-US', viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ locale, viewport, colorScheme });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, errors, requests };
}

/**
 * Waits until the app has mounted (the header is rendered by the wasm app) and every
 * part of the page has been built: a chapter builds its lower parts one per frame
 * after the first paint (`Later`, src/widgets/later.rs), marking `<html>` meanwhile.
 */
export async function ready(page) {
  await page.waitForSelector('header.site-header', { timeout: 20000 });
  // A page's static opening (scripts/prerender.mjs) has a header too: wait for the app
  // to have replaced it.
  await page.waitForFunction(() => !document.getElementById('prerender') && !document.documentElement.hasAttribute('data-rendering'), null, { timeout: 20000 });
}

/**
 * Scrolls down the whole page and back to the top, as a reader does. Lab blocks off
 * screen are skipped until they come near the viewport (`content-visibility: auto`
 * in style/main.css), so a chart far below is first drawn when it is scrolled to;
 * after this every chart has been laid out and drawn, and redraws whenever what it
 * shows changes.
 */
export async function renderAll(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    // The page grows as skipped blocks get their real heights: re-read it each step.
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo({ top: y, behavior: 'instant' });
      await frame();
      await frame();
    }
    scrollTo({ top: 0, behavior: 'instant' });
    await frame();
    await frame();
  });
}

/** Moves a range slider with the keyboard, as a learner without a mouse would. */
export async function nudge(page, selector, key, times) {
  await page.focus(selector);
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/**
 * Asserts that the page's URL matches `re`, waiting for it: the app merges the URL
 * writes of a drag and writes the newest one 200 ms after the first (src/web.rs).
 */
export async function expectUrl(page, re, timeout = 3000, decode = false) {
  const url = () => (decode ? decodeURIComponent(page.url()) : page.url());
  const end = Date.now() + timeout;
  while (!re.test(url()) && Date.now() < end) await page.waitForTimeout(25);
  if (!re.test(url())) throw new Error(`URL ${url()} does not match ${re}`);
}

/** The page's URL once any held-back write has landed (see `expectUrl`). */
export async function settledUrl(page) {
  await page.waitForTimeout(300);
  return page.url();
}
