//! Contexts the app root provides to every component: the theme and the base
//! path the site is hosted under. (The language context lives in `i18n`.)

use crate::prefs::{Theme, ThemePref};
use leptos::prelude::*;

/// The learner's theme choice and the theme actually shown.
#[derive(Clone, Copy)]
pub struct ThemeCtx {
    /// What the learner picked (light, dark, follow the system).
    pub pref: RwSignal<ThemePref>,
    /// The resolved theme that pages and charts are drawn in.
    pub theme: Signal<Theme>,
}

/// The path prefix the site is served under ("" at the root).
#[derive(Clone)]
pub struct Base(pub String);

/// The theme context.
pub fn use_theme() -> ThemeCtx {
    expect_context::<ThemeCtx>()
}

/// An absolute in-app link for `path` (which starts with `/`), under the base path.
pub fn href(path: &str) -> String {
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    format!("{base}{path}")
}
