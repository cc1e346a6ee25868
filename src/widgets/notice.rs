//! The small notice shown when values from a link were invalid and replaced.

use crate::i18n::{use_i18n, Key};
use crate::url_state::{Problem, Replaced};
use leptos::prelude::*;

/// Lists which URL values were replaced and why; renders nothing when all were fine.
#[component]
pub fn UrlNotice(
    /// What the URL parser replaced.
    replaced: Vec<Replaced>,
    /// The label key of each parameter, by URL name.
    label_of: fn(&str) -> Option<Key>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (shown, set_shown) = signal(!replaced.is_empty());
    let items = move || {
        replaced
            .iter()
            .map(|r| {
                let why = match r.problem {
                    Problem::Malformed => Key::UiProblemMalformed,
                    Problem::OutOfRange => Key::UiProblemOutOfRange,
                    Problem::Repeated => Key::UiProblemRepeated,
                };
                let name = label_of(r.name).map(|k| i18n.t(k)).unwrap_or(r.name);
                view! { <li><strong>{name}</strong>" (" <code>{r.name}</code> "): " {i18n.t(why)}</li> }
            })
            .collect_view()
    };
    view! {
        <Show when=move || shown.get()>
            <div class="notice" role="status" data-testid="url-notice">
                <p>{move || i18n.t(Key::UiUrlNotice)}</p>
                <ul>{items.clone()}</ul>
                <button type="button" on:click=move |_| set_shown.set(false)>{move || i18n.t(Key::UiDismiss)}</button>
            </div>
        </Show>
    }
}
