//! A citation: a short link to a source's entry on the sources page.

use crate::ctx::href;
use crate::i18n::use_i18n;
use crate::sources::{source, SourceId};
use leptos::prelude::*;
use leptos_router::components::A;

/// Cites a source for a default value or fact, linking to its entry on the sources page.
#[component]
pub fn Cite(
    /// Which source.
    id: SourceId,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = source(id);
    view! {
        <A href=href(&format!("/sources#{}", s.anchor)) attr:class="cite">
            "[" {move || i18n.t(s.title)} "]"
        </A>
    }
}
