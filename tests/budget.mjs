// Bundle budget: fails when the gzip size of what the landing page loads (index.html
// and every asset it references: JS, wasm, CSS) exceeds the budget recorded in
// budgets.json. The app's own bundle is referenced by app.html / 404.html, not here;
// the browser test (tests/e2e/budgets.test.mjs) measures every route as loaded.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
// The landing page's budget: the same number the browser test checks for route "/".
const budget = JSON.parse(readFileSync('budgets.json', 'utf8')).route_gzip_bytes?.['/'];
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const base = (html.match(/<base href="([^"]*)"/) ?? [, '/'])[1];
// Its assets: those it links (`href`, `src`) and those its loader requests once the
// page's opening is painted (`href: '…'` of a modulepreload, `compiled('…')` of the wasm,
// `import('…')`; scripts/postbuild.mjs, afterFirstPaint). Only files: the opening's
// links to other pages are not loaded with it.
const refs = [...html.matchAll(/(?:\s(?:href|src)="|\bhref: '|\bcompiled\('|\bimport\(')([^"']+)["']/g)].map((m) => m[1])
  .filter((u) => !/^(data:|https?:|#)/.test(u) && u !== base && /\.(js|wasm|css|svg|png|woff2)$/.test(u))
  .map((u) => (u.startsWith(base) ? u.slice(base.length) : u).replace(/^\.?\//, ''));
const files = ['index.html', ...new Set(refs)];
// The landing page loads the wasm that its JS module names (`<name>_bg.wasm`).
for (const f of files.filter((f) => f.endsWith('.js'))) {
  const wasm = f.replace(/\.js$/, '_bg.wasm');
  if (html.includes(wasm) && !files.includes(wasm)) files.push(wasm);
}
if (!files.some((f) => f.endsWith('.wasm'))) { console.error('index.html references no wasm module'); process.exit(1); }
let raw = 0, gz = 0;
for (const f of files) {
  const buf = readFileSync(join(dist, f));
  const z = gzipSync(buf, { level: 9 }).length;
  raw += buf.length; gz += z;
  console.log(`${f.padEnd(48)} ${String(buf.length).padStart(9)} B raw ${String(z).padStart(8)} B gzip`);
}
console.log(`total: ${raw} B raw, ${gz} B gzip; budget ${budget} B gzip`);
if (!(budget > 0)) { console.error('budgets.json has no route_gzip_bytes["/"]'); process.exit(1); }
if (gz > budget) { console.error(`over budget by ${gz - budget} B`); process.exit(1); }
console.log(`within budget (${((gz / budget) * 100).toFixed(1)}% used)`);
