// Trunk post-build hook (Trunk.toml): readies the staged site for plain static
// hosting. In every build it writes 404.html, a copy of the app's page, so a static
// host serves the app for deep links and reloads. In release builds it also
//  - builds the light landing page (src/landing.rs): the same crate with
//    `--features landing`, through a second, nested Trunk build of a copy of
//    index.html, and makes it the site's index.html. The app's page stays as
//    404.html (deep links) and app.html (the service worker's offline page);
//  - writes the stylesheet and public/boot.js into every page instead of linking them
//    (`inlineCritical`: no request before the first paint but the page's own);
//  - computes the SHA-256 of every inline script (Trunk's wasm loader, boot.js) and of
//    the inline stylesheet in each page and puts a strict Content-Security-Policy
//    <meta> first in its <head>, so the policy's hashes always match what ships (never
//    edited by hand);
//  - writes sw.js, a service worker that precaches this build's hashed assets
//    (offline use), and a <meta> in the app's page that tells public/boot.js to
//    register it. The landing page does not register it: a first visit to the front
//    door downloads the landing page only. It names the app's JS and wasm in a <meta>
//    instead, which boot.js prefetches when the learner heads for a link;
//  - writes <page>.html for every page with a committed static opening
//    (public/prerender/, written by scripts/prerender.mjs): the app's page with the
//    page's header, title and first paragraphs in both languages at the top of
//    <body>, shown before the module has loaded (hosts such as GitHub Pages, Netlify
//    and Cloudflare Pages answer /<page> with <page>.html; the app removes the copy
//    when it mounts), and the landing page with the front door's opening
//    (public/prerender/index.*.html). Such a page fetches its module once the
//    opening has been painted (`afterFirstPaint`).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { committed, HOME, LANGS } from './prerender.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) { console.error('postbuild: TRUNK_STAGING_DIR is not set'); process.exit(1); }
// The nested landing-page build runs this hook too; the outer run finishes its page.
if (process.env.RESTAKING_LANDING_BUILD === '1') process.exit(0);
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const sha256 = (s) => createHash('sha256').update(s).digest('base64');
/** The value of attribute `name` in the HTML tag `tag`. */
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The policy for a page whose inline scripts and `<style>` elements have these contents. */
export function policy(inlineScripts, inlineStyles = []) {
  const hashes = (list) => list.map((s) => ` 'sha256-${sha256(s)}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes(inlineScripts)}`,
    // Stylesheets only from our origin or by hash (the stylesheet written into the
    // page, `inlineCritical`); style *attributes* (computed widths and positions set
    // by components) are allowed. Scripts get no such exception.
    `style-src 'self'${hashes(inlineStyles)}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** `page` with its Content-Security-Policy first in <head>, followed by the `metas`
 * given (name → content), then the preloads of its own module. Trunk writes those
 * last in <head>, where Chromium started the wasm only once the stylesheet and
 * scripts above them had arrived; first, and the wasm at high priority, the largest
 * download of the page starts as soon as the page's first bytes are parsed. */
function secure(page, metas) {
  const critical = inlineCritical(page);
  page = critical.page;
  const inline = [...page.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const preloads = [...page.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>/g)].map((m) => m[0]);
  for (const l of preloads) page = page.replace(l, '');
  preloads.sort((a, b) => Number(a.includes('.wasm"')) * -1 + Number(b.includes('.wasm"')));
  const head = [`<meta http-equiv="Content-Security-Policy" content="${policy(inline, styles)}" />`,
    ...Object.entries(metas).map(([name, content]) => `<meta name="${name}" content="${content}" />`),
    ...preloads.map((l) => (l.includes('.wasm"') ? l.replace(/>$/, ' fetchpriority="high">') : l))].join('\n    ');
  const out = page.replace(/<meta charset="utf-8"\s*\/?>/, (m) => `${m}\n    ${head}`);
  if (!out.includes('Content-Security-Policy')) { console.error('postbuild: no <meta charset> to put the CSP after'); process.exit(1); }
  return { page: out, inline: inline.length, inlined: critical.files };
}

/** `css` without its comments and the blank lines they leave: the stylesheet written
 * into every page keeps its rules only (its comments were about 2 KB of each page,
 * gzip). A quoted string is copied as it is, so a slash and star inside one stay. */
export function withoutComments(css) {
  let out = '';
  for (let i = 0; i < css.length;) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c && css[j] !== '\n') j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out.replace(/^[ \t]*\n/gm, '');
}

/** `page` with its stylesheet and `public/boot.js` written into it, in their places in
 * <head>, instead of linked: a first visit then needs no request but the page itself
 * before its words can be painted. Over a slow link each was a round trip before the
 * first paint (Lighthouse's mobile estimate of it: 1.2 s → 0.95–1.03 s). The app moves
 * between its pages without reloading them; a full page load (from the landing page,
 * a reload, a deep link) fetches the two again inside the page, about 9 KB gzip. Each
 * file is checked against the SRI hash Trunk gave it, its line endings made LF as the
 * HTML parser will (the CSP hash is of the parsed text), the stylesheet's comments
 * dropped (`withoutComments`), and `secure` puts the SHA-256 of both into the page's
 * CSP. */
function inlineCritical(page) {
  const files = [];
  const tags = [
    ...[...page.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*>/g)].map((m) => ({ m, element: 'style' })),
    ...[...page.matchAll(/<script src="([^"]*\/boot-[0-9a-f]+\.js)"[^>]*><\/script>/g)].map((m) => ({ m, element: 'script' })),
  ];
  if (tags.length !== 2 || tags[0].element === tags[1].element) { console.error(`postbuild: expected one stylesheet and boot.js to write into the page, found ${tags.length}`); process.exit(1); }
  for (const { m: [tag, href], element } of tags) {
    const name = href.split('/').pop();
    const raw = readFileSync(join(dir, name), 'utf8');
    const want = attr(tag, 'integrity');
    if (!want) { console.error(`postbuild: ${name} has no integrity hash (Trunk's SRI is on by default)`); process.exit(1); }
    if (want !== `sha384-${createHash('sha384').update(raw).digest('base64')}`) { console.error(`postbuild: ${name} does not match its integrity hash`); process.exit(1); }
    const lf = raw.replace(/\r\n?/g, '\n');
    const body = element === 'style' ? withoutComments(lf) : lf;
    // Text that would end the element early, or (in a script) start a comment that hides its end.
    if (new RegExp(`</${element}`, 'i').test(body) || (element === 'script' && body.includes('<!--'))) { console.error(`postbuild: ${name} cannot be written into a <${element}>`); process.exit(1); }
    page = page.replace(tag, () => `<${element}>${body}</${element}>`);
    files.push(name);
  }
  return { page, files };
}

/** The loader's `compiled(url, integrity)`: the wasm module, compiled while it downloads
 * and refused unless its SHA-384 matches `integrity`. A fetch with an integrity hash
 * hands over its body only once the whole file has arrived and been checked, so the
 * browser compiles 2.3 MB in one go after the download; here the response itself
 * streams into the compiler (as itself, so the browser's cache of compiled code, keyed
 * by its URL, still serves later visits), a copy (`clone`) is hashed (`crypto.subtle`)
 * when complete, and the module is returned (and only then instantiated and run) once
 * both are done and the hash matches. A host that does not send `application/wasm`
 * gets the checked copy compiled instead. Where an API is missing (`crypto.subtle`
 * exists only in secure contexts), the browser checks the fetch itself, as before. */
const streamingCheck = [
  'const compiled = (url, integrity) => {',
  '  if (!(globalThis.crypto && crypto.subtle && WebAssembly.compileStreaming))',
  '    return fetch(url, { integrity });',
  '  return fetch(url).then(async (response) => {',
  "    if (!response.ok) throw new Error(`the module failed to load (${response.status})`);",
  '    const bytes = response.clone().arrayBuffer();',
  "    const wasm = (response.headers.get('content-type') ?? '').split(';')[0].trim() === 'application/wasm';",
  '    const module = wasm ? WebAssembly.compileStreaming(response) : bytes.then((b) => WebAssembly.compile(b));',
  "    const digest = bytes.then((b) => crypto.subtle.digest('SHA-384', b));",
  '    const [mod, hash] = await Promise.all([module, digest]);',
  "    const got = 'sha384-' + btoa(String.fromCharCode(...new Uint8Array(hash)));",
  "    if (got !== integrity) throw new Error(`the module does not match its integrity hash (${got})`);",
  '    return mod;',
  '  });',
  '};',
];

/** `page` (as Trunk wrote it) for a page that carries a static opening: its module is
 * fetched once the opening has been painted, instead of first thing. The preloads go;
 * Trunk's loader waits for the first-contentful-paint entry (at most 250 ms after the
 * first frame, or 1 s; not in a hidden tab, which paints nothing), then fetches the JS
 * and the wasm together: the JS with Trunk's integrity hash on its request, the wasm
 * compiled as it arrives and checked against its hash before it is instantiated
 * (`streamingCheck`, round 12).
 * Why: Lighthouse estimates first and largest contentful paint on a throttled replay of
 * the load that waits for every request that had finished by the observed paint. On
 * localhost the preloaded 2.3 MB module had, so its estimate for a page whose words
 * show in under 200 ms was the module's download over a slow phone link (13 s).
 * Waiting for the first frame alone was not enough: the paint's presentation comes
 * 10–50 ms after the frame, and the module's 30 ms download on localhost sometimes
 * finished first (estimate 2.2 s instead of 0.3 s, in 2 of 4 runs). On a slow link the
 * opening's stylesheet no longer shares the line with the module either. The app's own
 * page (404.html, app.html) keeps the preloads: it has nothing to show before the
 * module. */
export function afterFirstPaint(page) {
  const preloads = [...page.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>\s*/g)].map((m) => m[0]);
  const js = preloads.find((l) => l.includes('rel="modulepreload"'));
  const wasm = preloads.find((l) => l.includes('.wasm"'));
  if (preloads.length !== 2 || !js || !wasm) { console.error(`postbuild: expected the module's two preloads, found ${preloads.length}`); process.exit(1); }
  for (const l of preloads) page = page.replace(l, '');
  const loader = /import init(?:, \* as bindings)? from '([^']+)';\nconst wasm = await init\(\{ module_or_path: '([^']+)' \}\);/;
  const m = page.match(loader);
  if (!m || m[1] !== attr(js, 'href') || m[2] !== attr(wasm, 'href')) {
    console.error("postbuild: Trunk's loader is not `import init … from '<js>'; const wasm = await init({ module_or_path: '<wasm>' });`");
    process.exit(1);
  }
  const hashes = { js: attr(js, 'integrity'), wasm: attr(wasm, 'integrity') };
  if (!/^sha384-/.test(hashes.js ?? '') || !/^sha384-/.test(hashes.wasm ?? '')) {
    console.error("postbuild: the module's preloads carry no integrity hash (Trunk's SRI is on by default)");
    process.exit(1);
  }
  // Wait for the opening's paint (the paint entry; else 250 ms after the first frame, or
  // 1 s at most; a hidden tab paints nothing and does not wait). Then fetch the JS and
  // the wasm together, each checked against Trunk's subresource-integrity hash: the JS
  // through a modulepreload carrying it, which import() takes from the module map once
  // it has loaded (where the browser has modulepreload); the wasm compiled as it
  // streams in and instantiated only once its bytes match (`streamingCheck`).
  const load = [
    ...streamingCheck,
    'if (!document.hidden) await new Promise((go) => {',
    "  document.addEventListener('visibilitychange', go, { once: true });",
    '  setTimeout(go, 1000);',
    '  requestAnimationFrame(() => setTimeout(go, 250));',
    '  try {',
    "    new PerformanceObserver((l, o) => { if (l.getEntriesByName('first-contentful-paint').length) { o.disconnect(); go(); } })",
    "      .observe({ type: 'paint', buffered: true });",
    '  } catch (e) { /* the timeouts */ }',
    '});',
    "const js = Object.assign(document.createElement('link'), "
      + `{ rel: 'modulepreload', href: '${m[1]}', crossOrigin: 'anonymous', integrity: '${hashes.js}' });`,
    "const preloaded = js.relList.supports && js.relList.supports('modulepreload')",
    "  ? new Promise((ok, ko) => { js.onload = ok; js.onerror = () => ko(new Error('the module failed to load')); })",
    '  : null;',
    'document.head.append(js);',
    `const module_or_path = compiled('${m[2]}', '${hashes.wasm}');`,
    'if (preloaded) await preloaded;',
    `const bindings = await import('${m[1]}');`,
    'const init = bindings.default;',
    'const wasm = await init({ module_or_path });',
  ].join('\n');
  return page.replace(loader, () => load);
}

/** `page` with the static opening of one page (`langs`: language code → HTML) first in
 * its <body>: one copy per language, the reader's shown by the stylesheet from the
 * `lang` that public/boot.js sets on <html> before the body is parsed. */
export function withOpening(page, langs) {
  const copies = LANGS.map((l) => `<div class="prerender-lang" lang="${l.tag}">\n${langs[l.code]}</div>`).join('\n');
  const out = page.replace(/<body>/, `<body>\n<div id="prerender">\n${copies}\n</div>`);
  if (out === page) { console.error('postbuild: no <body> to put the static opening in'); process.exit(1); }
  return out;
}

/** Builds the landing page (the crate with `--features landing`) into a temporary
 * folder, copies its hashed assets into `dir`, and returns its page. */
function buildLanding() {
  const source = process.env.TRUNK_HTML_FILE ?? 'index.html';
  const template = readFileSync(source, 'utf8');
  const rust = /<link data-trunk rel="rust"([^>]*)\/>/;
  if (!rust.test(template)) { console.error(`postbuild: no rust <link> in ${source}`); process.exit(1); }
  // A hidden copy next to index.html, so its relative asset paths still resolve.
  const landingHtml = join(dirname(source), '.landing.html');
  writeFileSync(landingHtml, template.replace(rust, '<link data-trunk rel="rust"$1data-cargo-features="landing" />'));
  const out = mkdtempSync(join(tmpdir(), 'restaking-landing-'));
  const env = { ...process.env, RESTAKING_LANDING_BUILD: '1' };
  const args = ['build', '--release', '--dist', out, '--public-url', process.env.TRUNK_PUBLIC_URL ?? '/', landingHtml];
  const run = spawnSync('trunk', args, { stdio: 'inherit', env });
  rmSync(landingHtml, { force: true });
  if (run.status !== 0) { console.error('postbuild: the landing-page build failed'); process.exit(1); }
  let copied = 0;
  for (const f of readdirSync(out)) {
    if (!/\.(js|wasm|css)$/.test(f) || existsSync(join(dir, f))) continue;
    copyFileSync(join(out, f), join(dir, f));
    copied++;
  }
  const page = readFileSync(join(out, 'index.html'), 'utf8');
  rmSync(out, { recursive: true, force: true });
  console.log(`postbuild: landing page built (${copied} new asset file(s))`);
  return page;
}

if (release) {
  // The app's module (JS and wasm), for the landing page's prefetch on intent (boot.js).
  const appAssets = [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)].map((m) => m[1]);
  if (appAssets.length !== 2) { console.error(`postbuild: expected the app's JS and wasm preloads, found ${appAssets}`); process.exit(1); }
  const openings = committed((f) => readFileSync(f, 'utf8'));
  for (const [name, langs] of Object.entries(openings)) {
    if (LANGS.some((l) => !langs[l.code])) { console.error(`postbuild: ${name} has no static opening in every language`); process.exit(1); }
  }
  // The front door (the light landing page) shows its opening too, and fetches its own
  // module once that is painted, as the app's pages do.
  const landingPage = buildLanding();
  const landing = secure(openings[HOME] ? afterFirstPaint(landingPage) : landingPage, { 'restaking-app': appAssets.join(' ') });
  const app = secure(html, { 'restaking-sw': 'sw.js' });
  const opened = secure(afterFirstPaint(html), { 'restaking-sw': 'sw.js' });
  html = app.page;
  // The stylesheet and boot.js are in every page now: not shipped, not cached twice.
  const inlined = new Set([landing, app, opened].flatMap((p) => p.inlined));
  for (const f of inlined) rmSync(join(dir, f));
  const files = readdirSync(dir).filter((f) => /\.(js|wasm|css|svg|png|woff2)$/.test(f) && f !== 'sw.js').sort();
  // The front door as written (with its opening): the worker precaches it as './'.
  const front = openings[HOME] ? withOpening(landing.page, openings[HOME]) : landing.page;
  const version = sha256(files.join('\n') + html + opened.page + front).slice(0, 16).replace(/[^A-Za-z0-9]/g, '_');
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  writeFileSync(join(dir, 'sw.js'), template
    .replace('__VERSION__', version)
    .replace('__ASSETS__', JSON.stringify(['./', './app.html', ...files.map((f) => `./${f}`)])));
  writeFileSync(indexPath, front);
  writeFileSync(join(dir, 'app.html'), html);
  for (const [name, langs] of Object.entries(openings)) {
    if (name !== HOME) writeFileSync(join(dir, `${name}.html`), withOpening(opened.page, langs));
  }
  console.log(`postbuild: ${Object.keys(openings).length} page(s) with a static opening`);
  console.log(`postbuild: ${[...inlined].join(', ')} written into the pages; CSP with ${app.inline} + ${opened.inline} + ${landing.inline} inline-script hash(es); sw.js caches ${files.length + 2} files (version ${version})`);
} else {
  writeFileSync(indexPath, html);
}
writeFileSync(join(dir, '404.html'), html);
