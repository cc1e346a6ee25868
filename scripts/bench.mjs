// The benchmark (scripts/bench.sh runs it after a release build). Serves the build on
// 127.0.0.1, drives headless Chromium, prints tables and writes bench/latest.json:
//  1. transfer size of each route's assets, raw, gzip -9 and brotli (q 11);
//  2. time from navigation start until the first slider responds (its value text
//     changes after an input event), median of cold loads, with those loads' first
//     contentful paint and largest contentful paint, and where the time went: when the
//     module was requested and downloaded, and when the app had built the page's top
//     (medians of those times, and of each load's own intervals between them);
//  3. every slider on every chapter: time from an `input` event until the DOM and every
//     canvas have updated (the app's effects run in microtasks, so the next macrotask
//     sees the finished update), over a sweep of values: median and p95 per chapter,
//     the slowest slider named;
//  4. the model's heavy paths in wasm (from the browser bench, passed in as JSON) next
//     to native (cargo bench), with the wasm/native ratio;
//  5. Lighthouse 12.2.3 category scores per route, mobile and desktop.
// Usage: node scripts/bench.mjs <dist> [--wasm wasm.json] [--native native.json]
//        [--quick] [--no-lighthouse] [--only sizes,first,sliders,heavy,lighthouse]
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import { serve, launch, openPage, ready, siteNavLinks } from '../tests/e2e/lib.mjs';
import { median, sweepSliders, summarize } from '../tests/e2e/perf.mjs';

const args = process.argv.slice(2);
const VALUED = ['--wasm', '--native', '--only'];
const dist = args.find((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1])) ?? 'dist-bench';
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const QUICK = args.includes('--quick');
const COLD_LOADS = QUICK ? 3 : 11; // a cold load swings by ±150 ms here: eleven for a steadier median
const SWEEP = QUICK ? 6 : 16;
// --only sizes,first,sliders,heavy,lighthouse measures those parts and keeps the rest of
// the previous bench/latest.json (to re-measure one part after a change).
const ONLY = opt('--only')?.split(',');
const wants = (part) => !ONLY || ONLY.includes(part);
const t0 = Date.now();
const phase = (name) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(0)} s] ${name}`);

// Brotli 11 of a 2 MB module takes seconds: compress each distinct body once.
const sizes = new Map();
const compressed = (b) => {
  const key = createHash('sha256').update(b).digest('hex');
  if (!sizes.has(key)) sizes.set(key, { gz: gzipSync(b, { level: 9 }).length, br: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  return sizes.get(key);
};
const kb = (b) => (b / 1024).toFixed(1);
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');

/**
 * The first-slider probe, run in the page before its own scripts (an init script, so
 * no test harness code is evaluated in the page while it loads). Each animation frame,
 * once `main` has a slider: move it to the other end and check at the next macrotask
 * whether its value text (or, for a slider without one, its `aria-valuetext`)
 * changed; the first time it did, log `first-slider <ms after navigation>`. A try that
 * finds the app not yet listening is simply retried the next frame. A page without
 * sliders logs `first-slider -1` once the app has built it whole.
 */
const FIRST_SLIDER_PROBE = () => {
  let done = false;
  const answer = (t) => {
    if (done) return;
    done = true;
    console.debug(`first-slider ${t}`);
  };
  const frame = () => {
    if (done) return;
    const input = document.querySelector('main input[type=range]');
    if (!input) {
      // A chapter builds its lower parts after the first paint (src/widgets/later.rs)
      // and marks <html> meanwhile: its first slider may be in one of them. A page's
      // static opening (scripts/prerender.mjs) has a title but no slider.
      if (document.querySelector('main h1') && !document.getElementById('prerender') && !document.documentElement.hasAttribute('data-rendering')) answer(-1);
      else requestAnimationFrame(frame);
      return;
    }
    const box = input.closest('[data-param]') ?? input.parentElement;
    const shown = () => box.textContent + '|' + input.getAttribute('aria-valuetext');
    const before = shown();
    input.value = Number(input.value) === Number(input.min) ? input.max : input.min;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => { if (shown() !== before) answer(performance.now()); }, 0);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

const server = await serve(dist, '/');
const browser = await launch();
const previous = ONLY && existsSync('bench/latest.json') ? JSON.parse(readFileSync('bench/latest.json', 'utf8')) : {};
const out = { ...previous, date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`, chromium: browser.version() };
for (const [part, keys] of Object.entries({ sizes: ['routes'], first: ['first_slider_ms'], sliders: ['sliders'], heavy: ['heavy'], lighthouse: ['lighthouse'] })) {
  for (const k of keys) if (wants(part) || out[k] === undefined) out[k] = k === 'heavy' ? [] : {};
}

try {
  // Route list from the app's own navigation.
  const chapters = [...new Set(await siteNavLinks(browser, server.origin))];
  const routes = ['/', ...chapters];

  // 1. Transfer sizes (what a first visit downloads for each route).
  if (wants('sizes')) phase('transfer sizes');
  for (const route of wants('sizes') ? routes : []) {
    const { context, page } = await openPage(browser);
    const bodies = new Map();
    page.on('response', async (r) => {
      if (new URL(r.url()).origin !== server.origin) return;
      try { bodies.set(new URL(r.url()).pathname, await r.body()); } catch { /* redirects have no body */ }
    });
    await page.goto(server.origin + route);
    await ready(page);
    await page.waitForLoadState('networkidle');
    let raw = 0, gz = 0, br = 0;
    for (const b of bodies.values()) {
      const c = compressed(b);
      raw += b.length;
      gz += c.gz;
      br += c.br;
    }
    out.routes[route] = { files: bodies.size, raw, gzip: gz, brotli: br };
    await context.close();
  }

  // 2. First slider responsive, cold loads (fresh context: empty cache).
  if (wants('first')) phase('first slider responsive');
  for (const route of wants('first') ? chapters : []) {
    const times = [];
    const fcps = [];
    const lcps = [];
    const steps = []; // per load: { requested, downloaded, built, slider }
    for (let i = 0; i < COLD_LOADS; i++) {
      const { context, page } = await openPage(browser);
      // Where the time goes: the app sets the performance mark `restaking-explorer:built`
      // once it has built the page's top (src/lib.rs, `mount`, builds the shell in a
      // task of its own after the one that compiled and instantiated the module; the
      // page follows in the next, src/widgets/later.rs, `OwnTask`, round 12); what
      // follows is the page's effects' first run (queued after the mark), that page's
      // first frame (style, layout, paint), the first drawing of its charts (a task
      // each, right after that frame) and any part built later.
      // The probe: `FIRST_SLIDER_PROBE`, above. (Until round 13 it was Playwright's
      // `waitForFunction`, whose own script, about 300 KB, was evaluated in the page
      // during the load, before the first paint: 14-27 ms of the page's main thread in
      // traces, and 20-40 ms on the first slider, which no reader's browser spends.)
      await context.addInitScript(FIRST_SLIDER_PROBE);
      const answered = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('first-slider '), timeout: 20000 })
        .then((m) => Number(m.text().slice('first-slider '.length)), () => null);
      await page.goto(server.origin + route, { waitUntil: 'commit' });
      const t = await answered;
      // The same load's first contentful paint and largest contentful paint (the
      // browser's own entries): when a reader first sees the page's words.
      const paints = await page.evaluate(() => new Promise((resolve) => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        new PerformanceObserver((list) => {
          const e = list.getEntries();
          resolve({ fcp, lcp: e[e.length - 1].startTime });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve({ fcp, lcp: null }), 1000);
      })).catch(() => ({}));
      if (paints.fcp != null) fcps.push(paints.fcp);
      if (paints.lcp != null) lcps.push(paints.lcp);
      // The app's module, its JS and its wasm, from the page's resource timing.
      const loading = await page.evaluate(() => {
        // Trunk's file hash is a 64-bit number in hex without leading zeros: 16 digits or fewer.
        const mod = performance.getEntriesByType('resource').filter((e) => /\/restaking-explorer-[0-9a-f]{1,16}(_bg\.wasm|\.js)$/.test(new URL(e.name).pathname));
        const built = performance.getEntriesByName('restaking-explorer:built', 'mark')[0]?.startTime;
        return mod.length === 2 && built != null
          ? { requested: Math.min(...mod.map((e) => e.startTime)), downloaded: Math.max(...mod.map((e) => e.responseEnd)), built }
          : null;
      }).catch(() => null);
      if (loading && paints.fcp != null && t !== null && t >= 0) steps.push({ paint: paints.fcp, ...loading, slider: t });
      await context.close();
      if (t !== null && t < 0) break;
      if (t === null) { console.error(`${route}: no slider responded within 20 s`); continue; }
      times.push(t);
    }
    if (times.length) {
      out.first_slider_ms[route] = { median: median(times), runs: times,
        fcp_median: fcps.length ? median(fcps) : null, lcp_median: lcps.length ? median(lcps) : null,
        // Medians over the loads that have every step, and of each load's own intervals.
        steps_median: steps.length ? Object.fromEntries(['requested', 'downloaded', 'built'].map((k) => [k, median(steps.map((s) => s[k]))])) : null,
        intervals_median: steps.length ? {
          paint_to_request: median(steps.map((s) => s.requested - s.paint)),
          download: median(steps.map((s) => s.downloaded - s.requested)),
          build: median(steps.map((s) => s.built - s.downloaded)),
          to_slider: median(steps.map((s) => s.slider - s.built)),
        } : null };
    }
  }

  // 3. Every slider, every chapter: input → DOM and canvases updated.
  if (wants('sliders')) phase('slider sweeps');
  for (const route of wants('sliders') ? chapters : []) {
    const { context, page, errors } = await openPage(browser);
    await page.goto(server.origin + route);
    await ready(page);
    await page.waitForTimeout(300);
    const swept = summarize(await sweepSliders(page, SWEEP));
    if (swept.sliders) out.sliders[route] = { ...swept, console_errors: errors.length };
    await context.close();
  }

  // 4. Heavy model paths: wasm (browser bench) against native (cargo bench).
  const wasm = opt('--wasm') && existsSync(opt('--wasm')) ? JSON.parse(readFileSync(opt('--wasm'), 'utf8')) : {};
  const native = opt('--native') && existsSync(opt('--native')) ? JSON.parse(readFileSync(opt('--native'), 'utf8')) : {};
  for (const name of wants('heavy') ? new Set([...Object.keys(wasm), ...Object.keys(native)]) : []) {
    out.heavy.push({ name, wasm_ms: wasm[name], native_ms: native[name], ratio: wasm[name] / native[name] });
  }

  // 5. Lighthouse, every route, mobile and desktop.
  const lh = join(process.cwd(), '.tools/bench/node_modules/.bin/lighthouse');
  const lighthouse = wants('lighthouse') && !args.includes('--no-lighthouse');
  // scripts/bench.sh installs it; run directly, say so rather than keep old scores quietly.
  if (lighthouse && !existsSync(lh)) console.error(`bench: no Lighthouse at ${lh} (scripts/bench.sh installs it): scores not measured`);
  if (lighthouse && existsSync(lh)) {
    for (const route of routes) {
      phase(`lighthouse ${route}`);
      out.lighthouse[route] = {};
      for (const preset of ['mobile', 'desktop']) {
        const flags = [server.origin + route, '--quiet', '--output=json', '--output-path=stdout',
          '--only-categories=performance,accessibility,best-practices,seo',
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir=${join(os.tmpdir(), 'lh-' + process.pid + '-' + preset)}`];
        if (preset === 'desktop') flags.push('--preset=desktop');
        try {
          // Asynchronous: the site is served from this process, whose event loop must run.
          const { stdout } = await promisify(execFile)(lh, flags, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 256 * 2 ** 20, timeout: 180000 });
          const json = JSON.parse(stdout);
          out.lighthouse[route][preset] = Object.fromEntries(Object.entries(json.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
          // What cost points: weighted audits that did not pass, and the load metrics.
          out.lighthouse[route][preset].failed = Object.values(json.categories).flatMap((c) => c.auditRefs
            .filter((r) => r.weight > 0 && json.audits[r.id]?.score !== null && json.audits[r.id]?.score < 1)
            .map((r) => `${c.id}: ${r.id}${json.audits[r.id].displayValue ? ` (${json.audits[r.id].displayValue})` : ''}`));
        } catch (e) {
          out.lighthouse[route][preset] = { error: String(e.message).split('\n')[0] };
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// Tables.
console.log(`\nMachine: ${out.machine}; Chromium ${out.chromium}; ${out.date}\n`);
console.log('Transfer per route (first visit)      files      raw KiB   gzip KiB  brotli KiB');
for (const [r, s] of Object.entries(out.routes)) console.log(`${r.padEnd(36)} ${String(s.files).padStart(6)} ${kb(s.raw).padStart(12)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(11)}`);
console.log('\nSlider → DOM + canvas (ms)      sliders  events   median      p95   slowest (p95)');
for (const [r, s] of Object.entries(out.sliders)) console.log(`${r.padEnd(30)} ${String(s.sliders).padStart(8)} ${String(s.events).padStart(7)} ${f2(s.median).padStart(8)} ${f2(s.p95).padStart(8)}   ${s.slowest ? `${s.slowest.name} (${f2(s.slowest.p95)})` : '—'}`);
console.log('\nCold load, ms after navigation (median)    first slider   first paint (FCP)   largest paint (LCP)');
for (const [r, s] of Object.entries(out.first_slider_ms)) console.log(`${r.padEnd(40)} ${f2(s.median).padStart(14)} ${f2(s.fcp_median).padStart(19)} ${f2(s.lcp_median).padStart(21)}`);
console.log('\nCold load, where the time goes (medians, ms)     paint  module requested  downloaded  app built  first slider   wait  download  to built  to slider');
for (const [r, s] of Object.entries(out.first_slider_ms)) {
  const st = s.steps_median ?? {};
  const iv = s.intervals_median ?? {};
  console.log(`${r.padEnd(44)} ${f2(s.fcp_median).padStart(9)} ${f2(st.requested).padStart(17)} ${f2(st.downloaded).padStart(11)} ${f2(st.built).padStart(10)} ${f2(s.median).padStart(13)} ${f2(iv.paint_to_request).padStart(6)} ${f2(iv.download).padStart(9)} ${f2(iv.build).padStart(9)} ${f2(iv.to_slider).padStart(10)}`);
}
if (out.heavy.length) {
  console.log('\nHeavy model paths                                   wasm ms  native ms  wasm/native');
  for (const h of out.heavy) console.log(`${h.name.padEnd(50)} ${f2(h.wasm_ms).padStart(8)} ${f2(h.native_ms).padStart(10)} ${f2(h.ratio).padStart(12)}`);
}
if (Object.keys(out.lighthouse).length) {
  console.log('\nLighthouse (perf / a11y / best practices / SEO)   mobile            desktop');
  const fmt = (s) => (s?.error ? 'error' : s ? `${s.performance}/${s.accessibility}/${s['best-practices']}/${s.seo}` : '—');
  for (const [r, s] of Object.entries(out.lighthouse)) console.log(`${r.padEnd(48)} ${fmt(s.mobile).padEnd(17)} ${fmt(s.desktop)}`);
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/latest.json', JSON.stringify(out, null, 2) + '\n');
console.log('\nwritten: bench/latest.json');
