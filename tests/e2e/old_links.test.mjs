// Old links keep working: every link recorded in old_links.json (from earlier
// versions of the URL schema) must open the same scenario: the same canonical query
// after the app has read it, the same value on every recorded slider, and no notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready } from './lib.mjs';

const recorded = JSON.parse(readFileSync(new URL('./old_links.json', import.meta.url), 'utf8'));
let server, browser;

before(async () => {
  server = await serve(process.env.DIST ?? 'dist', '/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test(`${recorded.links.length} recorded links open the scenario they were recorded with`, async () => {
  assert.ok(recorded.links.length >= 8);
  const { context, page, errors } = await openPage(browser);
  for (const { link, canonical, sliders } of recorded.links) {
    await page.goto(server.origin + link);
    await ready(page);
    await page.waitForFunction((q) => location.search === q, canonical, { timeout: 5000 })
      .catch(() => {});
    const state = await page.evaluate(() => ({
      query: location.search,
      sliders: Object.fromEntries([...document.querySelectorAll('main [data-param] input[type=range]')]
        .map((i) => [i.closest('[data-param]').dataset.param, i.value])),
      notice: !!document.querySelector('[data-testid=url-notice]'),
    }));
    assert.equal(state.query, canonical, link);
    for (const [name, value] of Object.entries(sliders)) {
      assert.equal(Number(state.sliders[name]), Number(value), `${link}: ${name}`);
    }
    assert.equal(state.notice, false, `${link} shows no notice`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
