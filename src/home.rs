//! Home: what the explorer is for, and the journey through the chapters with the
//! learner's progress. Shared by the app (route `/`) and the light landing page.

use crate::ctx::href;
use crate::i18n::{use_i18n, Key};
use crate::journey::CHAPTERS;
use crate::progress;
use crate::shell::{use_page_title, NavLink};
use leptos::prelude::*;

/// Home: the explorer's purpose and the chapters, in order, each with the learner's
/// progress (visited, quiz score), and a way to forget that progress.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::HomeTitle);
    let store = progress::use_progress();
    let confirming = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let any = {
        let store = store.clone();
        move || store.with(|p| !p.chapters.is_empty())
    };
    view! {
        <section class="hero">
            <h1>{move || i18n.t(Key::HomeTitle)}</h1>
            <p class="lede">{move || i18n.t(Key::HomeLede)}</p>
            <p>{move || i18n.t(Key::HomeHow)}</p>
        </section>
        <section class="journey" aria-labelledby="journey-h">
            <h2 id="journey-h">{move || i18n.t(Key::HomeJourney)}</h2>
            <ol class="cards">
                {CHAPTERS
                    .iter()
                    .map(|c| {
                        let store = store.clone();
                        let status = move || {
                            let p = store.with(|p| p.chapter(c.slug));
                            let mut parts = Vec::new();
                            if p.visited {
                                parts.push(i18n.t(Key::QuizHomeVisited).to_owned());
                            }
                            if p.answered() > 0 {
                                parts.push(i18n.tf(
                                    Key::QuizHomeQuiz,
                                    &[
                                        ("right", &p.right().to_string()),
                                        ("total", &usize::from(p.total).max(p.picks.len()).to_string()),
                                    ],
                                ));
                            }
                            (!parts.is_empty()).then(|| {
                                view! {
                                    <p class="prog-status" data-testid="prog-status">
                                        <span class="prog-dot" aria-hidden="true">"✓"</span>
                                        {parts.join(" · ")}
                                    </p>
                                }
                            })
                        };
                        view! {
                            <li class="card" data-slug=c.slug>
                                <NavLink href=href(&format!("/{}", c.slug))>
                                    <span class="num">{c.number}</span>
                                    <h3>{move || i18n.t(c.title)}</h3>
                                    <p>{move || i18n.t(c.summary)}</p>
                                    {status}
                                </NavLink>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <div class="prog-reset">
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="prog-reset-btn"
                                disabled={
                                    let any = any.clone();
                                    move || !any()
                                }
                                on:click=move |_| {
                                    cleared.set(false);
                                    confirming.set(true);
                                }
                            >
                                {move || i18n.t(Key::QuizHomeReset)}
                            </button>
                        }
                    }
                >
                    <div class="prog-confirm" role="alertdialog" aria-labelledby="prog-confirm-q">
                        <p id="prog-confirm-q">{move || i18n.t(Key::QuizHomeConfirm)}</p>
                        <button
                            type="button"
                            class="prog-confirm-yes"
                            on:click=move |_| {
                                progress::reset();
                                confirming.set(false);
                                cleared.set(true);
                            }
                        >
                            {move || i18n.t(Key::QuizHomeConfirmYes)}
                        </button>
                        <button type="button" class="prog-confirm-no" on:click=move |_| confirming.set(false)>
                            {move || i18n.t(Key::QuizHomeCancel)}
                        </button>
                    </div>
                </Show>
                <p class="prog-cleared" role="status">
                    {move || cleared.get().then(|| i18n.t(Key::QuizHomeCleared))}
                </p>
            </div>
        </section>
    }
}
