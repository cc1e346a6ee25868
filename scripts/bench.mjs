// The benchmark (scripts/bench.sh runs it after a release build). Serves the build on
// 127.0.0.1, drives headless Chromium, prints tables and writes bench/latest.json:
//  1. transfer size of each route's assets, raw, gzip -9 and brotli (q 11);
//  2. time from navigation start until the first slider responds (its value text
//     changes after an input event), median of cold loads;
//  3. every slider on every chapter: time from an `input` event until the DOM and every
//     canvas have updated (the app's effects run in microtasks, so the next macrotask
//     sees the finished update), over a sweep of values: median and p95 per chapter,
//     the slowest slider named;
//  4. the model's heavy paths in wasm (from the browser bench, passed in as JSON) next
//     to native (cargo bench), with the wasm/native ratio;
//  5. Lighthouse 12.2.3 category scores per route, mobile and desktop.
// Usage: node scripts/bench.mjs <dist> [--wasm wasm.json] [--native native.json]
//        [--quick] [--no-lighthouse]
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { serve, launch, openPage, ready } from '../tests/e2e/lib.mjs';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--') && !/\.json$/.test(a)) ?? 'dist-bench';
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const QUICK = args.includes('--quick');
const COLD_LOADS = QUICK ? 3 : 7;
const SWEEP = QUICK ? 6 : 16;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN; };
const kb = (b) => (b / 1024).toFixed(1);
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');

const server = await serve(dist, '/');
const browser = await launch();
const out = { date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`, chromium: browser.version(), routes: {}, sliders: {}, first_slider_ms: {}, heavy: [], lighthouse: {} };

try {
  // Route list from the app's own navigation.
  const { context: c0, page: p0 } = await openPage(browser);
  await p0.goto(server.origin + '/');
  await ready(p0);
  const chapters = [...new Set(await p0.$$eval('header nav a', (as) => as.map((a) => a.getAttribute('href'))))];
  await c0.close();
  const routes = ['/', ...chapters];

  // 1. Transfer sizes (what a first visit downloads for each route).
  for (const route of routes) {
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
      raw += b.length;
      gz += gzipSync(b, { level: 9 }).length;
      br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    out.routes[route] = { files: bodies.size, raw, gzip: gz, brotli: br };
    await context.close();
  }

  // 2. First slider responsive, cold loads (fresh context: empty cache).
  for (const route of chapters) {
    const times = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      const { context, page } = await openPage(browser);
      await page.goto(server.origin + route, { waitUntil: 'commit' });
      const t = await page.waitForFunction(() => {
        const input = document.querySelector('main input[type=range]');
        if (!input) return false;
        const box = input.closest('[data-param]') ?? input.parentElement;
        const before = box.textContent;
        const v = Number(input.value) === Number(input.min) ? input.max : input.min;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return new Promise((resolve) => setTimeout(() => resolve(box.textContent !== before ? performance.now() : false), 0));
      }, null, { polling: 'raf', timeout: 20000 }).then((h) => h.jsonValue());
      times.push(t);
      await context.close();
    }
    out.first_slider_ms[route] = { median: median(times), runs: times };
  }

  // 3. Every slider, every chapter: input → DOM and canvases updated.
  for (const route of chapters) {
    const { context, page, errors } = await openPage(browser);
    await page.goto(server.origin + route);
    await ready(page);
    await page.waitForTimeout(300);
    const result = await page.evaluate(async (SWEEP) => {
      const macrotask = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const per = {};
      const sliders = [...document.querySelectorAll('main input[type=range]')];
      for (const [i, input] of sliders.entries()) {
        if (!input.isConnected || input.disabled) continue;
        const name = input.closest('[data-param]')?.getAttribute('data-param') ?? input.name ?? `#${i}`;
        const min = Number(input.min || 0), max = Number(input.max || 100);
        const original = input.value;
        const samples = [];
        let redraws = 0;
        for (let k = 0; k <= SWEEP; k++) {
          const v = min + ((max - min) * k) / SWEEP;
          const draws = () => [...document.querySelectorAll('canvas[data-draws]')].reduce((s, c) => s + Number(c.dataset.draws), 0);
          const d0 = draws();
          const t0 = performance.now();
          input.value = String(v);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await macrotask();
          samples.push(performance.now() - t0);
          redraws += draws() - d0;
          await frame();
        }
        input.value = original;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await macrotask();
        await frame();
        per[name] = { samples, redraws };
      }
      return per;
    }, SWEEP);
    const all = Object.values(result).flatMap((r) => r.samples);
    const slowest = Object.entries(result).map(([n, r]) => [n, p95(r.samples)]).sort((a, b) => b[1] - a[1])[0];
    out.sliders[route] = {
      sliders: Object.keys(result).length,
      events: all.length,
      median: median(all),
      p95: p95(all),
      slowest: slowest ? { name: slowest[0], p95: slowest[1] } : null,
      console_errors: errors.length,
    };
    await context.close();
  }

  // 4. Heavy model paths: wasm (browser bench) against native (cargo bench).
  const wasm = opt('--wasm') && existsSync(opt('--wasm')) ? JSON.parse(readFileSync(opt('--wasm'), 'utf8')) : {};
  const native = opt('--native') && existsSync(opt('--native')) ? JSON.parse(readFileSync(opt('--native'), 'utf8')) : {};
  for (const name of new Set([...Object.keys(wasm), ...Object.keys(native)])) {
    out.heavy.push({ name, wasm_ms: wasm[name], native_ms: native[name], ratio: wasm[name] / native[name] });
  }

  // 5. Lighthouse, every route, mobile and desktop.
  const lh = join(process.cwd(), '.tools/bench/node_modules/.bin/lighthouse');
  if (!args.includes('--no-lighthouse') && existsSync(lh)) {
    for (const route of routes) {
      out.lighthouse[route] = {};
      for (const preset of ['mobile', 'desktop']) {
        const flags = [server.origin + route, '--quiet', '--output=json', '--output-path=stdout',
          '--only-categories=performance,accessibility,best-practices,seo',
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir=${join(os.tmpdir(), 'lh-' + process.pid + '-' + preset)}`];
        if (preset === 'desktop') flags.push('--preset=desktop');
        try {
          const json = JSON.parse(execFileSync(lh, flags, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 256 * 2 ** 20 }).toString());
          out.lighthouse[route][preset] = Object.fromEntries(Object.entries(json.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
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
console.log('\nFirst slider responsive after navigation (ms, median of cold loads)');
for (const [r, s] of Object.entries(out.first_slider_ms)) console.log(`${r.padEnd(30)} ${f2(s.median).padStart(8)}`);
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
