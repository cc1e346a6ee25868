//! Predict-then-reveal: asks the learner to commit to a guess before showing why.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A "try this" prompt: a question with choices; choosing one reveals the explanation
/// and whether the guess was right.
#[component]
pub fn Predict(
    /// The question.
    question: Key,
    /// The choices.
    choices: &'static [Key],
    /// Index of the right choice.
    correct: usize,
    /// Shown after a choice.
    explanation: Key,
) -> impl IntoView {
    let i18n = use_i18n();
    let picked = RwSignal::new(None::<usize>);
    view! {
        <aside class="predict">
            <p class="predict-label">{move || i18n.t(Key::UiTryThis)}</p>
            <p>{move || i18n.t(question)}</p>
            <div class="choices" role="group">
                {choices
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (picked.get() == Some(i)).to_string()
                                on:click=move |_| picked.set(Some(i))
                            >
                                {move || i18n.t(c)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <Show when=move || picked.get().is_some()>
                <p class="reveal" role="status">
                    <strong>
                        {move || if picked.get() == Some(correct) { i18n.t(Key::UiRight) } else { i18n.t(Key::UiNotQuite) }}
                    </strong>
                    " "
                    {move || i18n.t(explanation)}
                </p>
            </Show>
        </aside>
    }
}
