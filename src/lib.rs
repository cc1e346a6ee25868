//! Restaking Explorer (再质押探索): a bilingual explorable explanation of Ethereum
//! restaking. The library holds the whole app; `main.rs` only mounts it.
//!
//! Floors, from the bottom: `model` (pure maths, no web) → `charts` (pure drawing)
//! → `i18n`, `url_state`, `prefs`, `sources`, `journey` (pure support) → `web`, `ctx`
//! (browser glue) → `widgets`, `shell` → `chapters`, `pages`, `home` → `app`, `landing`.
//! Lower floors never import higher ones.
//!
//! With `--features landing` the library is the light landing page instead
//! (the same `main.rs`): only the floors the home page needs are compiled, and the
//! string table holds only the keys listed in `locales/landing.keys`.

#[cfg(not(feature = "landing"))]
pub mod app;
#[cfg(not(feature = "landing"))]
pub mod chapters;
#[cfg(not(feature = "landing"))]
pub mod charts;
pub mod ctx;
#[cfg(not(feature = "landing"))]
pub mod glossary;
pub mod home;
pub mod i18n;
pub mod journey;
#[cfg(feature = "landing")]
pub mod landing;
pub mod model;
#[cfg(not(feature = "landing"))]
pub mod pages;
pub mod panic;
pub mod prefs;
pub mod progress;
pub mod shell;
#[cfg(not(feature = "landing"))]
pub mod sources;
pub mod url_state;
pub mod web;
#[cfg(not(feature = "landing"))]
pub mod widgets;

/// Installs the panic panel, then, in a task of its own, mounts the app on `<body>`
/// (with `--features landing`, the light landing page) in place of the page's static
/// opening (see `web::retire_prerendered`).
///
/// `main` runs in the task that compiled and instantiated the module. Building the
/// page in that task too made one block of 70-150 ms on the benchmark machine (four
/// times that on Lighthouse's model of a phone) during which a tap could not be
/// handled; after a zero timeout the two halves are separate tasks, at the cost of one
/// timer hop (nothing on screen changes in between). The browser's own `setTimeout`,
/// not Leptos's `set_timeout`, which in debug builds runs its callback with Leptos's
/// warnings about untracked signal reads switched off: here that would be the whole
/// first build. The app's shell (header, navigation, footer) is built in that task
/// and the page itself in the next (`widgets::later::OwnTask`), which then retires the
/// opening; the light landing page, small, is built at once. When the page is built, a
/// `restaking-explorer:built` performance mark records it (`web::mark_built`; the
/// benchmark reads it, and it shows in the browser's profiler).
pub fn start() {
    use wasm_bindgen::JsCast;
    panic::install();
    let build = wasm_bindgen::closure::Closure::once_into_js(mount);
    let scheduled = web_sys::window().is_some_and(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(build.unchecked_ref(), 0)
            .is_ok()
    });
    if !scheduled {
        mount();
    }
}

fn mount() {
    #[cfg(not(feature = "landing"))]
    {
        // Out of sight until `OwnTask` has built the page (style/main.css).
        web::mark_root(web::BUILDING, true);
        leptos::mount::mount_to_body(app::App);
    }
    #[cfg(feature = "landing")]
    {
        web::retire_prerendered();
        leptos::mount::mount_to_body(landing::Landing);
        web::mark_built();
    }
}
