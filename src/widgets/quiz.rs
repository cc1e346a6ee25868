//! A short end-of-chapter quiz: questions with choices, and an explanation for
//! every choice (why a wrong answer is wrong, not only which one is right).
//!
//! The first pick of each question counts: it is marked right or wrong, its
//! explanation appears (and, after a wrong pick, the right answer's), and the score
//! updates. "Try again" clears the answers. Answers are kept in the learner's
//! progress record ([`crate::progress`]), so they survive a reload and show on the
//! home page; with storage blocked they live in memory for the visit.

use crate::i18n::{use_i18n, Key};
use crate::progress;
use leptos::prelude::*;

/// One question of a chapter's quiz.
#[derive(Clone, Copy, Debug)]
pub struct QuizItem {
    /// The question.
    pub question: Key,
    /// The choices, in display order.
    pub choices: &'static [Key],
    /// Index of the right choice.
    pub correct: usize,
    /// One explanation per choice, shown when that choice is picked.
    pub why: &'static [Key],
}

/// A chapter's quiz. `chapter` is the chapter's slug (progress is kept per chapter).
/// Showing it marks the chapter visited. (A chapter builds its quiz among its last
/// parts, within a second or so of opening, so a glance shorter than that is not a
/// visit; on Back or Forward every part, the quiz too, is built at once.)
#[component]
pub fn Quiz(
    /// The chapter's slug.
    chapter: &'static str,
    /// The questions (3–5).
    items: &'static [QuizItem],
) -> impl IntoView {
    let i18n = use_i18n();
    let store = progress::use_progress();
    let total = items.len();
    let known = store.with_untracked(|p| {
        let c = p.chapter(chapter);
        c.visited && usize::from(c.total) == total
    });
    if !known {
        progress::update(|p| p.visit_quiz(chapter, total));
    }
    let state = {
        let store = store.clone();
        Memo::new(move |_| store.with(|p| p.chapter(chapter)))
    };
    let answered = move || state.with(|c| c.answered().min(total));
    let right = move || state.with(|c| c.right().min(total));

    let questions = items
        .iter()
        .enumerate()
        .map(|(qi, item)| {
            let picked = move || state.with(|c| c.pick(qi));
            let qid = format!("quiz-{chapter}-q{qi}");
            let choices = item
                .choices
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    let class = move || match picked() {
                        Some(p) if i == item.correct => {
                            if p == i {
                                "quiz-choice quiz-right quiz-picked"
                            } else {
                                "quiz-choice quiz-right"
                            }
                        }
                        Some(p) if p == i => "quiz-choice quiz-wrong quiz-picked",
                        Some(_) => "quiz-choice quiz-other",
                        None => "quiz-choice",
                    };
                    let mark = move || match picked() {
                        Some(_) if i == item.correct => "✓",
                        Some(p) if p == i => "✗",
                        _ => "",
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class=class
                                data-choice=i
                                aria-pressed=move || (picked() == Some(i)).to_string()
                                aria-disabled=move || (picked().is_some_and(|p| p != i)).to_string()
                                on:click=move |_| {
                                    if picked().is_none() {
                                        progress::update(|p| p.answer(chapter, qi, i, i == item.correct));
                                    }
                                }
                            >
                                <span class="quiz-mark" aria-hidden="true">{mark}</span>
                                <span>{move || i18n.t(c)}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let reveal = move || {
                picked().map(|p| {
                    let ok = p == item.correct;
                    let why = item.why.get(p).copied();
                    let right_why = (!ok).then(|| item.why.get(item.correct).copied()).flatten();
                    view! {
                        <div class=if ok { "quiz-reveal quiz-reveal-right" } else { "quiz-reveal quiz-reveal-wrong" }>
                            <p>
                                <strong>{move || i18n.t(if ok { Key::UiRight } else { Key::UiNotQuite })}</strong>
                                " "
                                {why.map(|w| move || i18n.t(w))}
                            </p>
                            {right_why.map(|w| view! {
                                <p class="quiz-right-answer">
                                    <strong>{move || i18n.t(Key::QuizRightAnswer)}</strong>
                                    " "
                                    {move || i18n.t(item.choices[item.correct])}
                                    " — "
                                    {move || i18n.t(w)}
                                </p>
                            })}
                        </div>
                    }
                })
            };
            view! {
                <li class="quiz-item" data-question=qi>
                    <fieldset>
                        <legend id=qid.clone()>
                            <span class="quiz-num">{qi + 1} ". "</span>
                            {move || i18n.t(item.question)}
                        </legend>
                        <ul class="quiz-choices" role="list">{choices}</ul>
                        <div aria-live="polite">{reveal}</div>
                    </fieldset>
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="quiz" data-chapter=chapter aria-labelledby=format!("quiz-{chapter}-h")>
            <h2 id=format!("quiz-{chapter}-h")>{move || i18n.t(Key::QuizTitle)}</h2>
            <p class="quiz-intro">{move || i18n.t(Key::QuizIntro)}</p>
            <ol class="quiz-items">{questions}</ol>
            <div class="quiz-foot">
                <p class="quiz-score" role="status" data-testid="quiz-score">
                    {move || {
                        if answered() == total {
                            i18n.tf(
                                Key::QuizScoreDone,
                                &[("right", &right().to_string()), ("total", &total.to_string())],
                            )
                        } else {
                            i18n.tf(
                                Key::QuizScore,
                                &[
                                    ("answered", &answered().to_string()),
                                    ("right", &right().to_string()),
                                    ("total", &total.to_string()),
                                ],
                            )
                        }
                    }}
                </p>
                <button
                    type="button"
                    class="quiz-retry"
                    disabled=move || answered() == 0
                    on:click=move |_| progress::update(|p| p.clear_quiz(chapter))
                >
                    {move || i18n.t(Key::QuizRetry)}
                </button>
            </div>
        </section>
    }
}
