//! A labelled range slider bound to one scenario parameter.

use crate::i18n::{use_i18n, Key, Locale};
use crate::url_state::ParamSpec;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A native `<input type="range">` with a visible label, the current value with its
/// unit, `aria-valuetext`, and a reset-to-default button. Keyboard operable (it is a
/// native range input). Anything out of range, from the URL or the input, is clamped.
#[component]
pub fn Slider(
    /// The label's string key.
    label: Key,
    /// The parameter's domain, step and default.
    spec: &'static ParamSpec,
    /// The value, shared with the chapter and the URL.
    value: RwSignal<Decimal>,
    /// Formats a value with its unit for display and for screen readers.
    fmt: fn(Locale, Decimal) -> String,
    /// Optional hint under the label.
    #[prop(optional)]
    hint: Option<Key>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("in-{}", spec.name);
    let text = move || fmt(i18n.get(), value.get());
    let on_input = move |ev| {
        if let Ok(x) = Decimal::from_str(&event_target_value(&ev)) {
            value.set(spec.clamp(x));
        }
    };
    let is_default = move || value.get() == spec.default;
    let reset_label = move || {
        i18n.tf(
            Key::UiResetTo,
            &[
                ("label", i18n.t(label)),
                ("value", &fmt(i18n.get(), spec.default)),
            ],
        )
    };
    view! {
        <div class="slider" data-param=spec.name>
            <div class="slider-head">
                <label for=id.clone()>{move || i18n.t(label)}</label>
                <output for=id.clone() class="slider-value" aria-live="off">{text}</output>
            </div>
            <div class="slider-row">
                <input
                    type="range"
                    id=id
                    name=spec.name
                    min=spec.min.to_string()
                    max=spec.max.to_string()
                    step=spec.step.to_string()
                    prop:value=move || value.get().to_string()
                    aria-valuetext=text
                    on:input=on_input
                />
                <button
                    type="button"
                    class="reset"
                    title=reset_label
                    aria-label=reset_label
                    disabled=is_default
                    on:click=move |_| value.set(spec.default)
                >
                    "↺"
                </button>
            </div>
            {hint.map(|h| view! { <p class="hint">{move || i18n.t(h)}</p> })}
        </div>
    }
}
