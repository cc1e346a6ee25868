// Service worker written by scripts/postbuild.mjs for one release build. It
// precaches that build's hashed assets, so the explorer keeps working offline.
//  - Pages (navigations): network first, so a new release is picked up when online;
//    offline, the cached landing page answers for the site's root and the cached
//    app page (app.html) for every other route.
//  - Hashed assets: cache first (a file name never changes its content).
// Update path: a new build has a new version, so a new cache; the new worker takes
// over at once and deletes the old caches. A page still running the old version
// already holds its wasm and never asks for old files again.
const VERSION = '__VERSION__';
const CACHE = `restaking-explorer-${VERSION}`;
const ASSETS = __ASSETS__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('restaking-explorer-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req).catch(() => {
        const path = new URL(req.url).pathname;
        const root = new URL(self.registration.scope).pathname;
        const page = path === root || path === `${root}index.html` ? './' : './app.html';
        return caches.open(CACHE).then((c) => c.match(page)).then((r) => r ?? Response.error());
      }),
    );
    return;
  }
  event.respondWith(
    caches.match(req).then((hit) => hit ?? fetch(req).then((res) => {
      if (res.ok && res.type === 'basic') {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(req, copy));
      }
      return res;
    })),
  );
});
