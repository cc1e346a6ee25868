//! Marks a glossary term in chapter text and shows its definition in place.
//!
//! The term is a focusable `<dfn role="button">`; its definition (name in both
//! languages, a short text and a link to the glossary entry) opens on hover, on
//! keyboard focus and on tap, and closes on Escape, on leaving and on blur. The
//! definition is always in the DOM (hidden when closed) and referenced with
//! `aria-describedby`, so screen readers announce it with the term. It floats over
//! the text (absolutely positioned), so opening it never moves the layout.

use crate::ctx::href;
use crate::glossary::{anchor, lookup, other};
use crate::i18n::{use_i18n, Key};
use leptos::ev::{FocusEvent, KeyboardEvent};
use leptos::prelude::*;
use leptos_router::components::A;
use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Width of the definition box in CSS pixels (20rem), capped by the viewport.
const POP_WIDTH: f64 = 320.0;
/// Distance kept from the viewport's edges.
const EDGE: f64 = 12.0;

/// A glossary term as it appears in running text. `id` is the glossary entry's id
/// (lower-case, hyphenated, e.g. `"operator-set"`); the children are the words shown.
#[component]
pub fn Term(
    /// Glossary id.
    id: &'static str,
    /// The words as they appear in the sentence.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(entry) = lookup(id) else {
        return view! { <dfn class="term" data-term=id>{children()}</dfn> }.into_any();
    };
    let n = NEXT_ID.with(|c| {
        let v = c.get();
        c.set(v.wrapping_add(1));
        v
    });
    let tip_id = format!("term-tip-{n}");
    let open = RwSignal::new(false);
    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    let shift = RwSignal::new(0.0f64);
    let wrap = NodeRef::<leptos::html::Span>::new();

    // Opens the box, shifted left just enough to stay inside the viewport.
    let show = move || {
        if let Some(el) = wrap.get_untracked() {
            let left = el.get_bounding_client_rect().left();
            let vw = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .map(|d| d.client_width() as f64)
                .unwrap_or(1024.0);
            let width = POP_WIDTH.min(vw - 2.0 * EDGE);
            let overflow = left + width - (vw - EDGE);
            shift.set(if overflow > 0.0 {
                -overflow.min(left - EDGE).max(0.0)
            } else {
                0.0
            });
        }
        open.set(true);
    };
    let on_focusout = move |ev: FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrap.get_untracked())
            .is_some_and(|(t, w)| w.contains(Some(&t)));
        if !inside {
            focused.set(false);
            if !hovered.get_untracked() {
                open.set(false);
            }
        }
    };
    let on_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" if open.get_untracked() => {
            ev.stop_propagation();
            open.set(false);
        }
        "Enter" | " " => {
            ev.prevent_default();
            if open.get_untracked() {
                open.set(false);
            } else {
                show();
            }
        }
        _ => {}
    };
    let link = href(&format!("/glossary#{}", anchor(entry.id)));
    let tip_for_dfn = tip_id.clone();

    view! {
        <span
            class="term-wrap"
            node_ref=wrap
            on:mouseenter=move |_| {
                hovered.set(true);
                show();
            }
            on:mouseleave=move |_| {
                hovered.set(false);
                if !focused.get_untracked() {
                    open.set(false);
                }
            }
            on:focusin=move |_| {
                if !focused.get_untracked() {
                    focused.set(true);
                    show();
                }
            }
            on:focusout=on_focusout
        >
            <dfn
                class="term"
                data-term=id
                tabindex="0"
                role="button"
                aria-expanded=move || open.get().to_string()
                aria-describedby=tip_for_dfn
                on:click=move |_| show()
                on:keydown=on_key
            >
                {children()}
            </dfn>
            <span
                class="term-pop"
                id=tip_id
                data-term-pop=entry.id
                hidden=move || !open.get()
                style=move || format!("left:{}px", shift.get().round())
                on:keydown=move |ev: KeyboardEvent| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <span class="term-pop-name">
                    <strong>{move || i18n.t(entry.term)}</strong>
                    " "
                    <span class="term-pop-other" lang=move || other(i18n.get()).tag()>
                        {move || other(i18n.get()).text(entry.term)}
                    </span>
                </span>
                <span class="term-pop-def">{move || i18n.t(entry.definition)}</span>
                <A href=link attr:class="term-pop-link">
                    {move || i18n.t(Key::GlOpen)}
                    " →"
                </A>
            </span>
        </span>
    }
    .into_any()
}

/// Renders a translated sentence in which `[[glossary-id|words]]` (or `[[glossary-id]]`)
/// marks a glossary term: plain text between the markers, a [`Term`] for each marker.
pub fn rich(text: &'static str) -> Vec<AnyView> {
    rich_with(text, &[])
}

/// As [`rich`], with the `{placeholders}` of the plain parts filled from `args`.
pub fn rich_with(text: &'static str, args: &[(&str, &str)]) -> Vec<AnyView> {
    let part = |s: &'static str| {
        if args.is_empty() {
            s.into_any()
        } else {
            crate::i18n::fill(s, args).into_any()
        }
    };
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start..].find("]]") else {
            break;
        };
        if start > 0 {
            out.push(part(&rest[..start]));
        }
        let inner = &rest[start + 2..start + len];
        let (id, words) = inner.split_once('|').unwrap_or((inner, inner));
        out.push(view! { <Term id=id>{words}</Term> }.into_any());
        rest = &rest[start + len + 2..];
    }
    if !rest.is_empty() {
        out.push(part(rest));
    }
    out
}

/// The words of a [`rich`] sentence without the markers (for aria labels and tests).
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start..].find("]]") else {
            break;
        };
        out.push_str(&rest[..start]);
        let inner = &rest[start + 2..start + len];
        out.push_str(inner.split_once('|').map(|(_, w)| w).unwrap_or(inner));
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn it_strips_term_markers() {
        assert_eq!(
            plain("a [[operator-set|operator set]] b [[avs]]"),
            "a operator set b avs"
        );
        assert_eq!(plain("no markers"), "no markers");
        assert_eq!(plain("broken [[x"), "broken [[x");
    }
}
