// Hostile links: opens every chapter with a few hundred generated garbage query
// strings (NaN, Infinity, 1e308, negative zero, huge integers, unicode, repeated
// keys, very long values, broken percent-escapes…) and asserts that nothing panics,
// no console error appears, the chapter renders, and the notice names every
// parameter whose value could not be read. Parameter names come from
// docs/url-params.md (the documented public interface). Seeded: a failure names the
// query, and the same seed replays it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready, navLinks } from './lib.mjs';

const PER_CHAPTER = Number(process.env.FUZZ_N ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
let server, browser;

before(async () => {
  server = await serve(process.env.DIST ?? 'dist', '/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** route → documented parameter names, from docs/url-params.md. */
function documentedParams() {
  const out = new Map();
  let route = null;
  for (const line of readFileSync('docs/url-params.md', 'utf8').split('\n')) {
    const h = line.match(/^##\s.*`(\/[a-z0-9-]+)`/);
    if (h) { route = h[1]; if (!out.has(route)) out.set(route, new Set()); continue; }
    if (/^##\s/.test(line)) { route = null; continue; }
    const row = line.match(/^\|\s*`([A-Za-z0-9_]+)`\s*\|/);
    if (route && row) out.get(route).add(row[1]);
  }
  return out;
}

/** mulberry32: a small seeded generator, so every run tries the same inputs. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values a plain-decimal parser must refuse (the notice must name them).
const MALFORMED = [
  'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e308', '1E5', '-1e-400', '0x10', '1_000',
  '', ' ', '..', '.', '1.2.3', '--5', '+-1', '５', '٣', '½', 'abc', '<script>alert(1)</script>',
  '%00', '%ZZ', '%E2%80%AE', '😀', '1,5', 'true', 'null', '[]', '{}', '9'.repeat(70),
  '%F0%9F%98%80', 'ℵ', '\u0000'.replace('\u0000', '%00'), '1%20000',
];
// Values that parse but may be out of range, odd or extreme (must never crash).
const EDGY = [
  '-0', '0', '-1', '1', '0.000000001', '-99999999', '99999999999999999999999999999', '7.9e28',
  '12345678901234567890.123', '+5', '00012', '.5', '5.', '3.14159265358979323846', '-.0',
  '4294967296', '18446744073709551616', '2', '3', '100', '1000000',
];
const JUNK_KEYS = ['', '=', '%', 'v', 'V', 'x', '__proto__', 'constructor', '%E4%B8%AD', 'a'.repeat(300)];

function garbageQuery(r, names) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  if (r() < 0.05) return { pairs: [], query: pick(['?', '?&&&', '?==', '?%', '?=1', '?' + '&'.repeat(500), '?v', '?v=2', '?v=0&v=1', '?v=abc']) };
  const pairs = [];
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const key = r() < 0.8 && names.length ? pick(names) : pick(JUNK_KEYS);
    const value = r() < 0.55 ? pick(MALFORMED) : pick(EDGY);
    pairs.push([key, value]);
    if (r() < 0.1) pairs.push([key, pick(EDGY)]); // repeated key
  }
  if (r() < 0.5) pairs.unshift(['v', pick(['1', '1', '0', '2', '999', 'x'])]);
  return { pairs, query: '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&') };
}

/** Names whose first value is plainly malformed: the notice must list them. */
function mustBeNamed(pairs, names) {
  const seen = new Set();
  const out = new Set();
  for (const [k, v] of pairs) {
    if (seen.has(k)) continue;
    seen.add(k);
    if (names.includes(k) && MALFORMED.includes(v)) out.add(k);
  }
  return out;
}

test(`every chapter survives ${PER_CHAPTER} garbage links`, async () => {
  const params = documentedParams();
  const { context, page, errors } = await openPage(browser);
  // Start inside the app (the light landing page at / has no router to navigate with),
  // on a page the loop below never visits.
  await page.goto(server.origin + '/glossary');
  await ready(page);
  const chapters = [...new Set(await navLinks(page))]
    .filter((h) => params.has(h));
  assert.ok(chapters.length >= 5, `chapters with documented params: ${chapters}`);
  let tried = 0;
  for (const [ci, route] of chapters.entries()) {
    const names = [...params.get(route)];
    assert.ok(names.length > 0, `${route} documents its parameters`);
    const r = rng(SEED + ci);
    for (let i = 0; i < PER_CHAPTER; i++) {
      const { pairs, query } = garbageQuery(r, names);
      // Leave the chapter, then open it with the garbage link (the router remounts
      // it, which reads the query afresh): as fast as a reload, without the reload.
      // Marks the current heading stale, navigates, and waits for a fresh heading
      // and no part still waiting to be built (or the panic panel): the whole new
      // page has mounted, lower labs included. (A popstate builds a chapter's parts
      // at once, src/widgets/later.rs, so this does not exercise their queue.)
      const go = (url) => new Promise((resolve) => {
        document.querySelector('main h1')?.setAttribute('data-stale', '');
        history.pushState(null, '', url);
        dispatchEvent(new PopStateEvent('popstate'));
        const t0 = performance.now();
        const poll = () => {
          const fresh = (document.querySelector('main h1:not([data-stale])')
              && !document.documentElement.hasAttribute('data-rendering'))
            || document.querySelector('[data-testid="panic-panel"]');
          if (fresh || performance.now() - t0 > 5000) resolve(!!fresh);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      });
      assert.ok(await page.evaluate(go, '/sources'), 'sources page mounted');
      assert.ok(await page.evaluate(go, route + query), `${route} mounted in full within 5 s`);
      const state = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve({
        panic: !!document.querySelector('[data-testid="panic-panel"]'),
        h1: document.querySelector('main h1')?.textContent ?? '',
        named: [...document.querySelectorAll('[data-testid="url-notice"] code')].map((c) => c.textContent),
      }))));
      const where = `${route}${query.slice(0, 300)}`;
      assert.equal(state.panic, false, `panic on ${where}`);
      assert.ok(state.h1.length > 0, `no heading on ${where}`);
      assert.deepEqual(errors, [], `console error on ${where}`);
      for (const name of mustBeNamed(pairs, names)) {
        assert.ok(state.named.includes(name), `notice does not name ${name} on ${where}: [${state.named}]`);
      }
      tried++;
    }
  }
  console.log(`fuzz: ${tried} garbage links over ${chapters.length} chapters, 0 crashes`);
  await context.close();
});
