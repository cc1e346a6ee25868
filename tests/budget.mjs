// Bundle budget: fails when the gzip size of the landing page's assets (HTML, JS,
// wasm, CSS) exceeds the budget recorded in budgets.json.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
// The landing page's budget: the same number the browser test checks for route "/".
const budget = JSON.parse(readFileSync('budgets.json', 'utf8')).route_gzip_bytes?.['/'];
const files = readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== '404.html');
let raw = 0, gz = 0;
for (const f of files) {
  const buf = readFileSync(join(dist, f));
  const z = gzipSync(buf, { level: 9 }).length;
  raw += statSync(join(dist, f)).size; gz += z;
  console.log(`${f.padEnd(48)} ${String(buf.length).padStart(9)} B raw ${String(z).padStart(8)} B gzip`);
}
console.log(`total: ${raw} B raw, ${gz} B gzip; budget ${budget} B gzip`);
if (!(budget > 0)) { console.error('budgets.json has no route_gzip_bytes["/"]'); process.exit(1); }
if (gz > budget) { console.error(`over budget by ${gz - budget} B`); process.exit(1); }
console.log(`within budget (${((gz / budget) * 100).toFixed(1)}% used)`);
