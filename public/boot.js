// Runs before the app. Release builds write it into every page (scripts/postbuild.mjs,
// `inlineCritical`), under its SHA-256 in the page's Content Security Policy; the
// development server links it. Three small jobs that must work even
// when the WebAssembly app cannot start, or has stopped (and a fourth, below):
//  1. if this browser lacks WebAssembly, or the app fails to load, show the
//     bilingual #no-wasm message that index.html carries;
//  2. the panic panel's "copy details" button (the wasm module has trapped by the
//     time a learner clicks it, so this cannot live in Rust);
//  3. register the service worker that the release build writes (offline use).
// And one that must happen before the body is parsed (this script is in <head>): a
// page with a static opening (scripts/prerender.mjs) carries it in both languages,
// and the stylesheet shows the one matching <html lang>. Set `lang` and `data-theme`
// as the app will (src/shell.rs, `provide_contexts`; src/prefs.rs): the stored
// choice, else the browser's first language and the system's colour scheme.
(function () {
  'use strict';
  var prefs = null;
  try {
    prefs = JSON.parse(localStorage.getItem('restaking-explorer.prefs') || 'null');
  } catch (e) { /* blocked or corrupt storage: the browser's choices, as in the app */ }
  if (!prefs || typeof prefs !== 'object') prefs = {};
  var first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  var zh = prefs.lang === 'zh' || (prefs.lang !== 'en' && /^zh/i.test(first));
  var dark = prefs.theme === 'dark' || (prefs.theme !== 'light' &&
    !!(window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches));
  document.documentElement.setAttribute('lang', zh ? 'zh-CN' : 'en');
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();
(function () {
  'use strict';
  var started = false;
  addEventListener('TrunkApplicationStarted', function () { started = true; });

  function showNoWasm() {
    if (started) return;
    var box = document.getElementById('no-wasm');
    if (box) box.hidden = false;
  }
  function whenReady(f) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', f);
    else f();
  }
  var hasWasm = typeof WebAssembly === 'object' && WebAssembly !== null &&
    typeof WebAssembly.instantiate === 'function';
  if (!hasWasm) whenReady(showNoWasm);
  // A failed module import or wasm instantiation before the app started.
  addEventListener('error', function () { whenReady(showNoWasm); });
  addEventListener('unhandledrejection', function () { whenReady(showNoWasm); });

  // The panel's links must load the page afresh: after a panic the router's own click
  // handler would call into the stopped module. Capture phase, so this runs first.
  document.addEventListener('click', function (ev) {
    var link = ev.target && ev.target.closest && ev.target.closest('.panic-panel a[href]');
    if (!link) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    location.assign(link.href);
  }, true);

  document.addEventListener('click', function (ev) {
    var btn = ev.target && ev.target.closest && ev.target.closest('[data-action="copy-details"]');
    if (!btn) return;
    var area = document.getElementById('panic-details');
    if (!area) return;
    var done = function () { btn.textContent = btn.getAttribute('data-copied') || btn.textContent; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(done, function () { area.select(); });
    } else {
      area.select();
      try { if (document.execCommand('copy')) done(); } catch (e) { /* selected: the learner can copy by hand */ }
    }
  });

  // On the light landing page (index.html; see src/landing.rs): links lead into the
  // app, a full page load. When a learner shows intent (pointer over, focus or touch
  // on a link into the site), fetch the app's module into the HTTP cache, once, so the
  // app starts sooner; a visit that never heads for a chapter never downloads it.
  var app = document.querySelector('meta[name="restaking-app"]');
  if (app) {
    var prefetched = false;
    var prefetch = function (ev) {
      var link = !prefetched && ev.target && ev.target.closest && ev.target.closest('a[href]');
      if (!link || link.origin !== location.origin) return;
      prefetched = true;
      app.getAttribute('content').split(' ').forEach(function (href) {
        var l = document.createElement('link');
        l.rel = 'prefetch';
        l.crossOrigin = 'anonymous';
        l.href = new URL(href, document.baseURI).href;
        document.head.appendChild(l);
      });
    };
    ['pointerover', 'focusin', 'touchstart'].forEach(function (t) {
      document.addEventListener(t, prefetch, { passive: true });
    });
  }

  var sw = document.querySelector('meta[name="restaking-sw"]');
  if (sw && 'serviceWorker' in navigator) {
    var register = function () {
      var url = new URL(sw.getAttribute('content'), document.baseURI);
      navigator.serviceWorker.register(url.href, { scope: new URL('./', document.baseURI).pathname })
        .catch(function () { /* offline use is a bonus; the site works without it */ });
    };
    // Installing the worker downloads and stores every asset of the build (about
    // 2.4 MB) a second time. On a first visit that work used to start at `load`,
    // while the module was still compiling and the chapter was first being laid out,
    // and competed with them for the CPU. It now waits until the app has started and
    // the page has settled: an idle moment after the first frames, 3.5 s at most.
    var later = function () {
      setTimeout(function () {
        if (window.requestIdleCallback) requestIdleCallback(register, { timeout: 3000 });
        else register();
      }, 500);
    };
    addEventListener('load', function () {
      if (started) later();
      else addEventListener('TrunkApplicationStarted', later);
    });
  }
})();
