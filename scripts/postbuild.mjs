// Trunk post-build hook (Trunk.toml): readies the staged site for plain static
// hosting. In every build it writes 404.html, a copy of index.html, so a static host
// serves the app for deep links and reloads. In release builds it also
//  - computes the SHA-256 of every inline script Trunk wrote (its wasm loader) and
//    puts a strict Content-Security-Policy <meta> first in <head>, so the policy's
//    hashes always match the shipped loader (never edited by hand);
//  - writes sw.js, a service worker that precaches this build's hashed assets
//    (offline use), and a <meta> that tells public/boot.js to register it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) { console.error('postbuild: TRUNK_STAGING_DIR is not set'); process.exit(1); }
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const sha256 = (s) => createHash('sha256').update(s).digest('base64');

/** The policy for a page whose inline scripts have these contents. */
export function policy(inlineScripts) {
  const hashes = inlineScripts.map((s) => `'sha256-${sha256(s)}'`).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes ? ' ' + hashes : ''}`,
    // Stylesheets only from our origin; style *attributes* (computed widths and
    // positions set by components) are allowed. Scripts get no such exception.
    "style-src 'self'",
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

if (release) {
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const csp = policy(inline);
  const files = readdirSync(dir).filter((f) => /\.(js|wasm|css|svg|png|woff2)$/.test(f) && f !== 'sw.js').sort();
  const version = sha256(files.join('\n') + html).slice(0, 16).replace(/[^A-Za-z0-9]/g, '_');
  const head = `<meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <meta name="restaking-sw" content="sw.js" />`;
  html = html.replace(/<meta charset="utf-8"\s*\/?>/, (m) => `${m}\n    ${head}`);
  if (!html.includes('Content-Security-Policy')) { console.error('postbuild: no <meta charset> to put the CSP after'); process.exit(1); }
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  writeFileSync(join(dir, 'sw.js'), template
    .replace('__VERSION__', version)
    .replace('__ASSETS__', JSON.stringify(['./', ...files.map((f) => `./${f}`)])));
  console.log(`postbuild: CSP with ${inline.length} inline-script hash(es); sw.js caches ${files.length + 1} files (version ${version})`);
}
writeFileSync(indexPath, html);
writeFileSync(join(dir, '404.html'), html);
