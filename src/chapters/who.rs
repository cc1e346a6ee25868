//! Chapter 9 (seed section 8): who should take part, and when. A self-assessment that
//! reflects the learner's answers against the article's profile (experience, risk
//! tolerance, monitoring, liquidity needs, position size) with a reason for each and a
//! link to the chapter that teaches it (`model::readiness`), and an entry checklist of
//! the article's timing criteria tied to the earlier chapters. Never a recommendation.

use crate::ctx::href;
use crate::i18n::{use_i18n, Key};
use crate::model::num::dec;
use crate::model::readiness::{self, Criterion, Fit};
use crate::shell::use_page_title;
use crate::url_state::ParamSpec;
use crate::web::use_scenario;
use crate::widgets::{rich, Later, Predict, Quiz, QuizItem, UrlNotice};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const fn answer(name: &'static str, options: u32) -> ParamSpec {
    ParamSpec {
        name,
        min: dec(0, 0),
        max: dec(options, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    }
}

const fn check(name: &'static str) -> ParamSpec {
    ParamSpec {
        name,
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    }
}

/// URL parameters (documented in `docs/url-params.md`): five answers (0 = unanswered,
/// then options 1…n, weakest fit first) and five checklist ticks (0/1).
pub static PARAMS: [ParamSpec; 10] = [
    answer("exp", 4),
    answer("risk", 3),
    answer("watch", 3),
    answer("liq", 3),
    answer("size", 3),
    check("audit"),
    check("yieldsrc"),
    check("reserve"),
    check("cap"),
    check("alerts"),
];

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "exp" => Key::WhoQExp,
        "risk" => Key::WhoQRisk,
        "watch" => Key::WhoQWatch,
        "liq" => Key::WhoQLiq,
        "size" => Key::WhoQSize,
        "audit" => Key::WhoCheckAudit,
        "yieldsrc" => Key::WhoCheckYield,
        "reserve" => Key::WhoCheckLiq,
        "cap" => Key::WhoCheckSize,
        "alerts" => Key::WhoCheckWatch,
        _ => return None,
    })
}

/// A chapter link: route and label.
type Link = (&'static str, Key);

const L_WHAT: Link = ("/what-is-restaking", Key::WhoLinkWhatIs);
const L_HOW: Link = ("/how-it-works", Key::WhoLinkHow);
const L_USES: Link = ("/use-cases", Key::WhoLinkUses);
const L_RISKS: Link = ("/risks", Key::WhoLinkRisks);
const L_STRAT: Link = ("/strategy", Key::WhoLinkStrategy);
const L_LST: Link = ("/lst-vs-restaking", Key::WhoLinkLst);
const L_REG: Link = ("/regulation", Key::WhoLinkReg);

/// One self-assessment question: its criterion, question, options and the reason shown
/// for each fit (not yet, partly, meets), and the chapters that teach it.
pub struct Question {
    /// Which criterion.
    pub criterion: Criterion,
    /// The question.
    pub question: Key,
    /// The options, weakest fit first (answer = index + 1).
    pub options: &'static [Key],
    /// Reasons for [`Fit::NotYet`], [`Fit::Partly`], [`Fit::Meets`].
    pub reasons: [Key; 3],
    /// Where it is taught.
    pub links: &'static [Link],
}

/// The five questions, in [`Criterion::ALL`] order.
pub static QUESTIONS: [Question; 5] = [
    Question {
        criterion: Criterion::Experience,
        question: Key::WhoQExp,
        options: &[Key::WhoQExp1, Key::WhoQExp2, Key::WhoQExp3, Key::WhoQExp4],
        reasons: [
            Key::WhoWhyExpNotYet,
            Key::WhoWhyExpPartly,
            Key::WhoWhyExpMeets,
        ],
        links: &[L_WHAT, L_HOW],
    },
    Question {
        criterion: Criterion::RiskTolerance,
        question: Key::WhoQRisk,
        options: &[Key::WhoQRisk1, Key::WhoQRisk2, Key::WhoQRisk3],
        reasons: [
            Key::WhoWhyRiskNotYet,
            Key::WhoWhyRiskPartly,
            Key::WhoWhyRiskMeets,
        ],
        links: &[L_RISKS],
    },
    Question {
        criterion: Criterion::Monitoring,
        question: Key::WhoQWatch,
        options: &[Key::WhoQWatch1, Key::WhoQWatch2, Key::WhoQWatch3],
        reasons: [
            Key::WhoWhyWatchNotYet,
            Key::WhoWhyWatchPartly,
            Key::WhoWhyWatchMeets,
        ],
        links: &[L_STRAT],
    },
    Question {
        criterion: Criterion::Liquidity,
        question: Key::WhoQLiq,
        options: &[Key::WhoQLiq1, Key::WhoQLiq2, Key::WhoQLiq3],
        reasons: [
            Key::WhoWhyLiqNotYet,
            Key::WhoWhyLiqPartly,
            Key::WhoWhyLiqMeets,
        ],
        links: &[L_LST, L_RISKS],
    },
    Question {
        criterion: Criterion::PositionSize,
        question: Key::WhoQSize,
        options: &[Key::WhoQSize1, Key::WhoQSize2, Key::WhoQSize3],
        reasons: [
            Key::WhoWhySizeNotYet,
            Key::WhoWhySizePartly,
            Key::WhoWhySizeMeets,
        ],
        links: &[L_STRAT],
    },
];

/// One entry-checklist item: title, body, and the chapters where it was learned.
pub struct CheckItem {
    /// Title.
    pub title: Key,
    /// What to check.
    pub body: Key,
    /// Where it is taught.
    pub links: &'static [Link],
}

/// The checklist, in the order of [`PARAMS`] 5–9.
pub static CHECKLIST: [CheckItem; 5] = [
    CheckItem {
        title: Key::WhoCheckAudit,
        body: Key::WhoCheckAuditBody,
        links: &[L_RISKS, L_HOW],
    },
    CheckItem {
        title: Key::WhoCheckYield,
        body: Key::WhoCheckYieldBody,
        links: &[L_WHAT, L_USES, L_REG],
    },
    CheckItem {
        title: Key::WhoCheckLiq,
        body: Key::WhoCheckLiqBody,
        links: &[L_LST, L_RISKS],
    },
    CheckItem {
        title: Key::WhoCheckSize,
        body: Key::WhoCheckSizeBody,
        links: &[L_STRAT],
    },
    CheckItem {
        title: Key::WhoCheckWatch,
        body: Key::WhoCheckWatchBody,
        links: &[L_STRAT, L_RISKS],
    },
];

/// The label of a fit.
pub fn fit_label(f: Fit) -> Key {
    match f {
        Fit::Unanswered => Key::WhoFitUnanswered,
        Fit::NotYet => Key::WhoFitNotYet,
        Fit::Partly => Key::WhoFitPartly,
        Fit::Meets => Key::WhoFitMeets,
    }
}

/// The reason shown for question `q` with fit `f`.
pub fn reason(q: &Question, f: Fit) -> Key {
    match f {
        Fit::Unanswered => Key::WhoWhyUnanswered,
        Fit::NotYet => q.reasons[0],
        Fit::Partly => q.reasons[1],
        Fit::Meets => q.reasons[2],
    }
}

fn fit_class(f: Fit) -> &'static str {
    match f {
        Fit::Unanswered => "who-fit who-fit-none",
        Fit::NotYet => "who-fit who-fit-no",
        Fit::Partly => "who-fit who-fit-part",
        Fit::Meets => "who-fit who-fit-yes",
    }
}

fn as_u8(x: Decimal) -> u8 {
    x.trunc().to_u8().unwrap_or(0)
}

/// The end-of-chapter quiz.
pub static QUIZ: [QuizItem; 3] = [
    QuizItem {
        question: Key::WhoQuizQ1,
        choices: &[Key::WhoQuizQ1A, Key::WhoQuizQ1B, Key::WhoQuizQ1C],
        correct: 1,
        why: &[Key::WhoQuizQ1WhyA, Key::WhoQuizQ1WhyB, Key::WhoQuizQ1WhyC],
    },
    QuizItem {
        question: Key::WhoQuizQ2,
        choices: &[Key::WhoQuizQ2A, Key::WhoQuizQ2B, Key::WhoQuizQ2C],
        correct: 0,
        why: &[Key::WhoQuizQ2WhyA, Key::WhoQuizQ2WhyB, Key::WhoQuizQ2WhyC],
    },
    QuizItem {
        question: Key::WhoQuizQ3,
        choices: &[Key::WhoQuizQ3A, Key::WhoQuizQ3B, Key::WhoQuizQ3C],
        correct: 1,
        why: &[Key::WhoQuizQ3WhyA, Key::WhoQuizQ3WhyB, Key::WhoQuizQ3WhyC],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn questions_match_the_model_and_params() {
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert_eq!(q.criterion, Criterion::ALL[i]);
            assert_eq!(q.options.len(), usize::from(q.criterion.options()));
            assert_eq!(PARAMS[i].max, Decimal::from(q.criterion.options()));
            assert_eq!(PARAMS[i].default, Decimal::ZERO);
            assert!(!q.links.is_empty());
        }
        assert!(CHECKLIST.iter().all(|c| !c.links.is_empty()));
    }

    #[test]
    fn reasons_follow_the_fit() {
        let q = &QUESTIONS[3];
        assert_eq!(
            reason(q, readiness::fit(q.criterion, 1)),
            Key::WhoWhyLiqNotYet
        );
        assert_eq!(
            reason(q, readiness::fit(q.criterion, 3)),
            Key::WhoWhyLiqMeets
        );
        assert_eq!(reason(q, Fit::Unanswered), Key::WhoWhyUnanswered);
        assert_eq!(Locale::En.text(fit_label(Fit::Partly)), "Partly meets");
    }

    #[test]
    fn quiz_has_one_explanation_per_choice() {
        for q in &QUIZ {
            assert_eq!(q.choices.len(), q.why.len());
            assert!(q.correct < q.choices.len());
        }
    }
}

fn links(ls: &'static [Link]) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="who-links">
            <span>{move || i18n.t(Key::WhoLearnMore)}</span>
            {ls
                .iter()
                .map(|&(path, k)| view! { " " <A href=href(path) attr:class="who-link">{move || i18n.t(k)}</A> })
                .collect_view()}
        </p>
    }
}

/// Chapter 9: who should take part, and when.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::WhoTitle);
    let scenario = use_scenario(&PARAMS);
    let v = scenario.values.clone();
    let p: [RwSignal<Decimal>; 10] = core::array::from_fn(|i| v[i]);
    let reflection =
        Memo::new(move |_| readiness::reflect(core::array::from_fn(|i| as_u8(p[i].get()))));
    let checked = Memo::new(move |_| (5..10).filter(|&i| !p[i].get().is_zero()).count());

    let questions = QUESTIONS
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let value = p[qi];
            let fit = move || reflection.get().fits[qi].1;
            let name = PARAMS[qi].name;
            view! {
                <fieldset class="who-q" data-param=name>
                    <legend>{move || i18n.t(q.question)}</legend>
                    <div class="who-opts">
                        {q.options
                            .iter()
                            .enumerate()
                            .map(|(oi, &k)| {
                                let a = Decimal::from(oi as i64 + 1);
                                let id = format!("who-{name}-{}", oi + 1);
                                let for_id = id.clone();
                                view! {
                                    <label for=for_id class="who-opt">
                                        <input
                                            type="radio"
                                            id=id
                                            name=format!("who-{name}")
                                            prop:checked=move || value.get() == a
                                            on:change=move |_| value.set(a)
                                        />
                                        <span>{move || i18n.t(k)}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                    {(q.criterion == Criterion::PositionSize).then(|| view! {
                        <p class="hint"><span class="who-assume">{move || i18n.t(Key::UiAssumption)}</span> " " {move || i18n.t(Key::WhoSizeAssumption)}</p>
                    })}
                    <div class="who-reflect" data-testid=format!("who-fit-{name}") aria-live="polite">
                        <span class=move || fit_class(fit())>{move || i18n.t(fit_label(fit()))}</span>
                        " "
                        <span>{move || i18n.t(reason(q, fit()))}</span>
                    </div>
                    {move || (fit() != Fit::Unanswered).then(|| links(q.links))}
                </fieldset>
            }
        })
        .collect_view();

    let checklist = CHECKLIST
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let value = p[5 + ci];
            let id = format!("who-{}", PARAMS[5 + ci].name);
            let for_id = id.clone();
            view! {
                <li class="who-check" class:who-checked=move || !value.get().is_zero()>
                    <div class="who-check-head">
                        <input
                            type="checkbox"
                            id=id
                            prop:checked=move || !value.get().is_zero()
                            on:change=move |ev| value.set(if event_target_checked(&ev) { Decimal::ONE } else { Decimal::ZERO })
                        />
                        <label for=for_id>{move || i18n.t(c.title)}</label>
                    </div>
                    <p>{move || i18n.t(c.body)}</p>
                    {links(c.links)}
                </li>
            }
        })
        .collect_view();

    let summary = move || {
        let r = reflection.get();
        i18n.tf(
            Key::WhoSummaryLine,
            &[
                ("m", &r.meets.to_string()),
                ("p", &r.partly.to_string()),
                ("n", &r.not_yet.to_string()),
                ("u", &r.unanswered.to_string()),
            ],
        )
    };
    let missing = move || {
        (5..10)
            .filter(|&i| p[i].get().is_zero())
            .map(|i| i18n.t(CHECKLIST[i - 5].title))
            .collect::<Vec<_>>()
            .join(" · ")
    };

    view! {
        <article class="chapter who">
            <h1>{move || i18n.t(Key::WhoTitle)}</h1>
            <aside class="reg-disclaimer" role="note" data-testid="who-disclaimer">
                <strong>{move || i18n.t(Key::WhoNoticeTitle)}</strong>
                " "
                {move || i18n.t(Key::WhoNoticeBody)}
            </aside>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>{move || rich(i18n.t(Key::WhoIntro))}</p>

            <Predict
                question=Key::WhoPredictQ
                choices=&[Key::WhoPredictA, Key::WhoPredictB, Key::WhoPredictC]
                correct=1
                explanation=Key::WhoPredictExplain
            />

            <section class="lab" aria-labelledby="who-self">
                <h2 id="who-self">{move || i18n.t(Key::WhoSelfTitle)}</h2>
                <p>{move || i18n.t(Key::WhoSelfIntro)}</p>
                <div class="who-questions">{questions}</div>
                <div class="who-summary" role="status" data-testid="who-summary">
                    <p><strong>{summary}</strong></p>
                    <p class="hint">{move || i18n.t(Key::WhoSummaryNote)}</p>
                </div>
            </section>

            <Later>
                <section class="lab" aria-labelledby="who-check">
                    <h2 id="who-check">{move || i18n.t(Key::WhoCheckTitle)}</h2>
                    <p>{move || i18n.t(Key::WhoCheckIntro)}</p>
                    <p class="who-count" data-testid="who-check-count">
                        <strong>{move || i18n.tf(Key::WhoCheckCount, &[("n", &checked.get().to_string())])}</strong>
                        " "
                        {move || if checked.get() == 5 {
                            i18n.t(Key::WhoCheckDone).to_string()
                        } else {
                            format!("{} {}", i18n.t(Key::WhoCheckMissing), missing())
                        }}
                    </p>
                    <ol class="who-checklist">{checklist}</ol>
                </section>
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::WhoCatchTitle)}</h2>
                <p>{move || i18n.t(Key::WhoCatchBody)}</p>

                <Quiz chapter="who-should-take-part" items=&QUIZ />
            </Later>
        </article>
    }
}
