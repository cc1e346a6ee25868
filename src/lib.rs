//! Restaking Explorer (再质押探索): a bilingual explorable explanation of Ethereum
//! restaking. The library holds the whole app; `main.rs` only mounts it.
//!
//! Floors, from the bottom: `model` (pure maths, no web) → `charts` (pure drawing)
//! → `i18n`, `url_state`, `prefs`, `sources` (pure support) → `web`, `ctx` (browser
//! glue) → `widgets` → `chapters`, `pages` → `app`. Lower floors never import higher ones.

pub mod app;
pub mod chapters;
pub mod charts;
pub mod ctx;
pub mod glossary;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod panic;
pub mod prefs;
pub mod progress;
pub mod sources;
pub mod url_state;
pub mod web;
pub mod widgets;

/// Installs the panic panel, then mounts the app on `<body>`.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
