//! Shows the formula behind a result, first in symbols, then with the learner's
//! current numbers substituted.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A formula block: a caption, the general form, and the same formula with numbers.
#[component]
pub fn Formula(
    /// Caption, e.g. "How the net yield is computed".
    caption: Key,
    /// The general form in symbols (translated: symbol names differ by language).
    general: Key,
    /// The formula with the learner's numbers, already formatted.
    #[prop(into)]
    substituted: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <figure class="formula">
            <figcaption>{move || i18n.t(caption)}</figcaption>
            <code class="general">{move || i18n.t(general)}</code>
            <code class="substituted" aria-live="polite">{move || substituted.get()}</code>
        </figure>
    }
}
