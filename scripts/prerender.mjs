// The opening of every page as static HTML, so a reader sees the page's header, title
// and first paragraphs as soon as the HTML has arrived, before the WebAssembly module
// (the app's 2 MB, or the light landing page's 0.2 MB at the front door) has
// downloaded, compiled and mounted.
//
// `node scripts/prerender.mjs <release dist>` opens each route of that build in headless
// Chromium, in English and in Chinese, waits for the app, and writes what it rendered at
// the top of the page to public/prerender/<page>.<lang>.html: the site header and the
// page's leading title, paragraphs and first section heading (see `openingOf`). The
// files are committed; scripts/postbuild.mjs puts both languages into <page>.html of a
// release build, public/boot.js shows the reader's one before the first paint, and the
// app retires them when it mounts (src/web.rs, `retire_prerendered`). The end-to-end
// suite (tests/e2e/prerender.test.mjs) renders every page again and fails when a file
// no longer matches the app: after changing a page's opening, build and run this again.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the committed openings live. */
export const DIR = fileURLToPath(new URL('../public/prerender/', import.meta.url));
/** The languages: file suffix, browser locale, and the `lang` tag the app writes. */
export const LANGS = [
  { code: 'en', locale: 'en-US', tag: 'en' },
  { code: 'zh', locale: 'zh-CN', tag: 'zh-CN' },
];

/** The name of the front door's opening (`/` is served from index.html). */
export const HOME = 'index';

/** The pages that get a static opening, as file names: the front door (the light
 * landing page, [`HOME`]) and every page the site's navigation offers, read from the
 * `siteNavLinks` of the site served at its root (their paths without the leading `/`). */
export function pagesOf(links) {
  return [HOME, ...new Set(links.map((h) => h.replace(/^\//, '')))];
}

/** The path of page `name` under the site's root: `''` for the front door. */
export const routeOf = (name) => (name === HOME ? '' : name);

/**
 * Runs in the page, once the app has mounted and built every part: the HTML of the
 * header and of the page's opening. The opening is the page's `<main>` with, of its
 * article (the front door has none: of `<main>` itself), the leading blocks of words
 * (headings, paragraphs, lists, asides: see `text`) and, of a `section` that follows
 * them, its own leading ones; the rest of the page (controls, charts, quizzes, the
 * front door's chapter cards with the reader's progress) is left to the app. Ids and the ARIA references to them are
 * dropped (the copy in the other language would repeat them), and so are test ids
 * (a test looking for the app's element must not find the copy), links are made
 * relative to the page's `<base>` (so one file serves any public URL), the glossary
 * terms' hidden pop-ups are left out, and the controls of the copy are `inert` until
 * the app replaces it.
 */
export function openingOf() {
  const base = new URL(document.baseURI).pathname;
  // Words only: no control, chart, prediction prompt or quiz, which belong to the app.
  // (A chapter's computed values are in its labs, after the opening.)
  const text = (el) => ['H1', 'H2', 'H3', 'P', 'OL', 'UL', 'DL', 'ASIDE', 'DIV', 'NAV'].includes(el.tagName)
    && !el.matches('.predict, .quiz')
    && !el.querySelector('input, select, textarea, button, canvas, svg, details, output, .predict, .quiz');
  // About the first screen and a third (in the 1280 × 900 window this runs in): what
  // a reader sees first, and what the browser paints first.
  const below = (el) => el.getBoundingClientRect().top + scrollY > 1200;
  // A block, or of a list, the items that start within that.
  const copy = (el) => {
    const c = el.cloneNode(true);
    if (['OL', 'UL', 'DL'].includes(el.tagName)) {
      const items = [...el.children];
      // From the end, so the copy's indices still match the live list's.
      for (let i = items.length - 1; i >= 0; i--) if (below(items[i])) c.children[i].remove();
    }
    return c;
  };
  const main = document.querySelector('main');
  const article = main.querySelector('article');
  const mainCopy = main.cloneNode(false);
  const articleCopy = article ? article.cloneNode(false) : mainCopy;
  for (const child of (article ?? main).children) {
    if (below(child)) break;
    if (text(child)) { articleCopy.append(copy(child)); continue; }
    if (child.tagName === 'SECTION') {
      const section = child.cloneNode(false);
      for (const c of child.children) {
        if (!text(c) || below(c)) break;
        section.append(copy(c));
      }
      if (section.children.length) articleCopy.append(section);
    }
    break;
  }
  if (article) mainCopy.append(articleCopy);
  const out = [document.querySelector('header.site-header').cloneNode(true), mainCopy];
  for (const root of out) {
    // A glossary term's pop-up is hidden until the term is pointed at, which the app
    // handles: the copy keeps the term and drops the pop-up.
    for (const pop of root.querySelectorAll('.term-pop[hidden]')) pop.remove();
    const all = [root, ...root.querySelectorAll('*')];
    for (const el of all) {
      for (const a of ['id', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'tabindex', 'data-testid']) el.removeAttribute(a);
      const href = el.getAttribute('href');
      if (href && href.startsWith(base)) el.setAttribute('href', href.slice(base.length) || './');
      if (el.matches('button, select, input, textarea, [role="button"]')) el.setAttribute('inert', '');
    }
    // Leptos's placeholders for empty dynamic children.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    for (const c of comments) c.remove();
  }
  return out.map((el) => el.outerHTML).join('\n') + '\n';
}

/** The committed openings: page name → { en, zh } file contents. */
export function committed(read) {
  const pages = {};
  for (const f of existsSync(DIR) ? readdirSync(DIR) : []) {
    const m = /^(.+)\.(en|zh)\.html$/.exec(f);
    if (m) (pages[m[1]] ??= {})[m[2]] = read(join(DIR, f));
  }
  return pages;
}

async function main() {
  const dist = process.argv[2];
  if (!dist) { console.error('usage: node scripts/prerender.mjs <release dist>'); process.exit(2); }
  const { serve, launch, openPage, ready, siteNavLinks } = await import('../tests/e2e/lib.mjs');
  const server = await serve(dist, '/');
  const browser = await launch();
  mkdirSync(DIR, { recursive: true });
  try {
    const pages = pagesOf(await siteNavLinks(browser, server.origin));
    for (const lang of LANGS) {
      for (const route of pages) {
        const { context, page } = await openPage(browser, { locale: lang.locale });
        await page.goto(`${server.origin}/${routeOf(route)}`);
        await ready(page);
        const html = await page.evaluate(openingOf);
        writeFileSync(join(DIR, `${route}.${lang.code}.html`), html);
        console.log(`${route}.${lang.code}.html: ${html.length} B`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
