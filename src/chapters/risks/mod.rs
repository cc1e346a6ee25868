//! Chapter 4 (seed section 4): the four risk classes, each an interactive lab
//! (slashing, smart contracts, liquidity, governance), then the learner's scenario
//! scored on all four side by side (each lab's `summarize` on that lab's current
//! values, with the numbers behind every score), then a quiz.

pub mod contracts;
pub mod governance;
pub mod liquidity;
pub mod slashing;

use crate::i18n::{use_i18n, Key, Locale};
use crate::shell::use_page_title;
use crate::url_state::Replaced;
use crate::web::{use_scenarios, Scenario};
use crate::widgets::{Later, Quiz, QuizItem, Term, UrlNotice};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// How a class scores in the summary. Each lab documents its own thresholds (they
/// are assumptions, labelled as such), and the summary always shows the numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Below the lab's lower threshold.
    Low,
    /// Between the thresholds.
    Moderate,
    /// Above the upper threshold.
    High,
}

/// One risk class's line in the chapter's summary, computed from that lab's
/// current values by its `summarize` function.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassSummary {
    /// The class's name (the lab's title key).
    pub class: Key,
    /// What the headline figure is (e.g. "expected loss per year").
    pub headline: Key,
    /// The headline figure, formatted for the locale.
    pub value: String,
    /// The score.
    pub level: Level,
    /// Why: a translated sentence that quotes the lab's numbers and the thresholds.
    pub because: String,
}

impl Level {
    /// The level's translated name.
    pub fn key(self) -> Key {
        match self {
            Level::Low => Key::RiskLevelLow,
            Level::Moderate => Key::RiskLevelModerate,
            Level::High => Key::RiskLevelHigh,
        }
    }

    /// CSS class suffix.
    pub fn css(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Moderate => "moderate",
            Level::High => "high",
        }
    }
}

/// The chapter's quiz.
pub static QUIZ: [QuizItem; 5] = [
    QuizItem {
        question: Key::RiskQ1,
        choices: &[Key::RiskQ1A, Key::RiskQ1B, Key::RiskQ1C],
        correct: 1,
        why: &[Key::RiskQ1WhyA, Key::RiskQ1WhyB, Key::RiskQ1WhyC],
    },
    QuizItem {
        question: Key::RiskQ2,
        choices: &[Key::RiskQ2A, Key::RiskQ2B, Key::RiskQ2C],
        correct: 0,
        why: &[Key::RiskQ2WhyA, Key::RiskQ2WhyB, Key::RiskQ2WhyC],
    },
    QuizItem {
        question: Key::RiskQ3,
        choices: &[Key::RiskQ3A, Key::RiskQ3B, Key::RiskQ3C],
        correct: 0,
        why: &[Key::RiskQ3WhyA, Key::RiskQ3WhyB, Key::RiskQ3WhyC],
    },
    QuizItem {
        question: Key::RiskQ4,
        choices: &[Key::RiskQ4A, Key::RiskQ4B, Key::RiskQ4C],
        correct: 2,
        why: &[Key::RiskQ4WhyA, Key::RiskQ4WhyB, Key::RiskQ4WhyC],
    },
    QuizItem {
        question: Key::RiskQ5,
        choices: &[Key::RiskQ5A, Key::RiskQ5B, Key::RiskQ5C],
        correct: 1,
        why: &[Key::RiskQ5WhyA, Key::RiskQ5WhyB, Key::RiskQ5WhyC],
    },
];

/// Labels for the URL notice: this chapter's own labs; the other labs' parameters are
/// shown by their URL name.
fn label_of(name: &str) -> Option<Key> {
    liquidity::label_of(name).or_else(|| governance::label_of(name))
}

fn empty() -> Scenario {
    Scenario {
        values: Vec::new(),
        replaced: Vec::new(),
    }
}

/// The chapter.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::RiskTitle);
    let scenarios = use_scenarios(&[
        &slashing::PARAMS,
        &contracts::PARAMS,
        &liquidity::PARAMS,
        &governance::PARAMS,
    ]);
    let replaced: Vec<Replaced> = scenarios
        .iter()
        .flat_map(|s| s.replaced.iter().cloned())
        .collect();
    let mut it = scenarios.into_iter();
    let (s1, s2, s3, s4) = (
        it.next().unwrap_or_else(empty),
        it.next().unwrap_or_else(empty),
        it.next().unwrap_or_else(empty),
        it.next().unwrap_or_else(empty),
    );
    // One memo per lab: moving a slider recomputes only its own lab's summary.
    let summary = |group: Vec<RwSignal<Decimal>>, f: fn(Locale, &[Decimal]) -> ClassSummary| {
        Memo::new(move |_| {
            f(
                i18n.get(),
                &group.iter().map(|s| s.get()).collect::<Vec<_>>(),
            )
        })
    };
    let summaries = [
        summary(s1.values.clone(), slashing::summarize),
        summary(s2.values.clone(), contracts::summarize),
        summary(s3.values.clone(), liquidity::summarize),
        summary(s4.values.clone(), governance::summarize),
    ];
    let cards = move || {
        summaries
            .iter()
            .map(|m| m.get())
            .enumerate()
            .map(|(i, s)| {
                let level = s.level;
                view! {
                    <li class=format!("risk-card risk-{}", level.css()) data-testid=format!("risk-sum-{i}")>
                        <h3>{i18n.t(s.class)}</h3>
                        <p class="risk-level">
                            <span class="risk-dot" aria-hidden="true"></span>
                            {i18n.t(Key::RiskLevelLabel)} " " <strong data-testid=format!("risk-level-{i}")>{i18n.t(level.key())}</strong>
                        </p>
                        <p class="risk-headline">
                            <span>{i18n.t(s.headline)}</span>
                            <strong data-testid=format!("risk-value-{i}")>{s.value.clone()}</strong>
                        </p>
                        <p class="risk-because">{s.because.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <article class="chapter risks">
            <h1>{move || i18n.t(Key::RiskTitle)}</h1>
            <UrlNotice replaced=replaced label_of=label_of />
            <p>{move || i18n.t(Key::RiskIntro)}</p>
            <ol class="risk-classes">
                <li>
                    <strong>{move || i18n.t(Key::RiskClass1Name)}</strong> " "
                    {move || i18n.t(Key::RiskClass1A)} " "
                    <Term id="slashing">{move || i18n.t(Key::RiskTermSlashing)}</Term>
                    {move || i18n.t(Key::RiskClass1B)}
                </li>
                <li>
                    <strong>{move || i18n.t(Key::RiskClass2Name)}</strong> " "
                    {move || i18n.t(Key::RiskClass2A)} " "
                    <Term id="proxy-contract">{move || i18n.t(Key::RiskTermUpgrade)}</Term>
                    {move || i18n.t(Key::RiskClass2B)}
                </li>
                <li>
                    <strong>{move || i18n.t(Key::RiskClass3Name)}</strong> " "
                    {move || i18n.t(Key::RiskClass3A)} " "
                    <Term id="lrt">{move || i18n.t(Key::RiskTermLrt)}</Term>
                    {move || i18n.t(Key::RiskClass3B)}
                </li>
                <li>
                    <strong>{move || i18n.t(Key::RiskClass4Name)}</strong> " "
                    {move || i18n.t(Key::RiskClass4A)}
                </li>
            </ol>
            <p>{move || i18n.t(Key::RiskIntroHow)}</p>
            <slashing::Lab scenario=s1 />
            <Later>
                <contracts::Lab scenario=s2 />
            </Later>
            <Later>
                <liquidity::Lab scenario=s3 />
            </Later>
            <Later>
                <governance::Lab scenario=s4 />
            </Later>

            <Later>
                <section class="risk-summary" aria-labelledby="risk-summary-title">
                    <h2 id="risk-summary-title">{move || i18n.t(Key::RiskSummaryTitle)}</h2>
                    <p>{move || i18n.t(Key::RiskSummaryIntro)}</p>
                    <ul class="risk-cards" data-testid="risk-summary">{cards}</ul>
                    <p class="hint">{move || i18n.t(Key::RiskSummaryNote)}</p>
                </section>

                <Quiz chapter="risks" items=&QUIZ />
            </Later>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn param_names_are_distinct_across_labs() {
        let mut names: Vec<&str> = slashing::PARAMS
            .iter()
            .chain(&contracts::PARAMS)
            .chain(&liquidity::PARAMS)
            .chain(&governance::PARAMS)
            .map(|p| p.name)
            .collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn every_lab_summarizes_its_defaults() {
        for l in Locale::ALL {
            let d =
                |p: &[crate::url_state::ParamSpec]| p.iter().map(|s| s.default).collect::<Vec<_>>();
            let s = liquidity::summarize(l, &d(&liquidity::PARAMS));
            assert!(!s.value.is_empty() && !s.because.is_empty());
            let s = governance::summarize(l, &d(&governance::PARAMS));
            assert!(!s.value.is_empty() && !s.because.is_empty());
        }
    }

    #[test]
    fn quiz_has_one_explanation_per_choice() {
        for q in &QUIZ {
            assert_eq!(q.choices.len(), q.why.len());
            assert!(q.correct < q.choices.len());
        }
    }
}
