// Takes full-page screenshots of every route: desktop and phone widths, light and
// dark, zh and en, into tests/e2e/out/. Not a test: a tool for looking at the app.
// Usage: node tests/e2e/screenshots.mjs [dist] [route ...]
import { mkdirSync } from 'node:fs';
import { serve, launch, ready } from './lib.mjs';

const dist = process.argv[2] ?? 'dist';
const routes = process.argv.slice(3).length ? process.argv.slice(3) : ['/', '/what-is-restaking', '/sources', '/no-such-page'];
const out = 'tests/e2e/out';
mkdirSync(out, { recursive: true });
const server = await serve(dist, '/');
const browser = await launch();
for (const [device, viewport, scale] of [['desktop', { width: 1280, height: 900 }, 1], ['phone', { width: 360, height: 740 }, 2]]) {
  for (const scheme of ['light', 'dark']) {
    for (const locale of ['en-US', 'zh-CN']) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: scale, colorScheme: scheme, locale });
      const page = await context.newPage();
      for (const route of routes) {
        await page.goto(server.origin + route);
        await ready(page);
        // Off-screen lab blocks are skipped until scrolled near (`content-visibility: auto`),
        // and a full-page capture does not scroll: render them all, as a reader
        // scrolling down sees them, and let their charts draw.
        await page.evaluate(() => document.querySelectorAll('.lab-grid').forEach((el) => { el.style.contentVisibility = 'visible'; }));
        await page.waitForTimeout(250);
        const name = `${route.replace(/\W+/g, '_') || 'home'}-${device}-${scheme}-${locale.slice(0, 2)}.png`;
        await page.screenshot({ path: `${out}/${name}`, fullPage: true });
        console.log(name);
      }
      await context.close();
    }
  }
}
await browser.close();
await server.close();
