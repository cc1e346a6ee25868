//! Chapter 8 (seed section 7): regulation and compliance. The open legal questions
//! (security or not, registration, custody, reversibility, transparency) explained
//! neutrally by kind of jurisdiction with official sources, and a lab that counts the
//! reward and token events a stacked position produces in a year
//! (`model::tax_events`), to show why stacked yield makes tax records complex.
//! Education only: a notice at the top says so.

use crate::charts::bars::{draw_stacked_bars, Bar, StackedBars};
use crate::i18n::{format, use_i18n, Key, Locale};
use crate::model::num::dec;
use crate::model::tax_events::{self, LayerSettings, TaxInputs, TaxReport};
use crate::shell::use_page_title;
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::use_scenario;
use crate::widgets::{
    rich, Chart, Cite, DataTable, Formula, Later, Predict, Quiz, QuizItem, Slider, UrlNotice,
};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const fn switch(name: &'static str, default: u32) -> ParamSpec {
    ParamSpec {
        name,
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(default, 0),
    }
}

const fn freq(name: &'static str, default: u32) -> ParamSpec {
    ParamSpec {
        name,
        min: dec(0, 0),
        max: dec(4, 0),
        step: dec(1, 0),
        default: dec(default, 0),
    }
}

/// URL parameters of this chapter (documented in `docs/url-params.md`). Frequencies are
/// indices into [`tax_events::FREQUENCIES`]: 0 yearly, 1 quarterly, 2 monthly, 3 weekly,
/// 4 daily. Every default frequency is an illustrative assumption except the LST's daily
/// update (Lido's accounting oracle reports once a day).
pub static PARAMS: [ParamSpec; 13] = [
    switch("native", 0),
    switch("lst", 1),
    switch("restake", 1),
    switch("lrt", 1),
    switch("defi", 1),
    ParamSpec {
        name: "avs",
        min: dec(1, 0),
        max: dec(20, 0),
        step: dec(1, 0),
        default: dec(3, 0),
    },
    freq("fnat", 3),
    freq("flst", 4),
    freq("frest", 3),
    freq("flrt", 4),
    freq("fdefi", 3),
    freq("claim", 2),
    ParamSpec {
        name: "trips",
        min: dec(0, 0),
        max: dec(12, 0),
        step: dec(1, 0),
        default: dec(1, 0),
    },
];

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "native" => Key::RegPNative,
        "lst" => Key::RegPLst,
        "restake" => Key::RegPRestake,
        "lrt" => Key::RegPLrt,
        "defi" => Key::RegPDefi,
        "avs" => Key::RegPAvs,
        "fnat" => Key::RegPFnative,
        "flst" => Key::RegPFlst,
        "frest" => Key::RegPFrestake,
        "flrt" => Key::RegPFlrt,
        "fdefi" => Key::RegPFdefi,
        "claim" => Key::RegPClaim,
        "trips" => Key::RegPTrips,
        _ => return None,
    })
}

const FREQ_KEYS: [Key; 5] = [
    Key::RegFreq0,
    Key::RegFreq1,
    Key::RegFreq2,
    Key::RegFreq3,
    Key::RegFreq4,
];

const BAR_KEYS: [Key; 5] = [
    Key::RegBarNative,
    Key::RegBarLst,
    Key::RegBarRestake,
    Key::RegBarLrt,
    Key::RegBarDefi,
];

const LAYER_KEYS: [Key; 5] = [
    Key::RegLayerNative,
    Key::RegLayerLst,
    Key::RegLayerRestake,
    Key::RegLayerLrt,
    Key::RegLayerDefi,
];

fn idx(x: Decimal) -> usize {
    x.trunc().to_usize().unwrap_or(0)
}

fn count_of(x: Decimal) -> u32 {
    x.trunc().to_u32().unwrap_or(0)
}

/// The model's inputs from the chapter's 13 parameter values (in [`PARAMS`] order).
pub fn inputs(v: &[Decimal; 13]) -> TaxInputs {
    let layer = |on: usize, f: usize| LayerSettings {
        on: !v[on].is_zero(),
        rewards_per_year: tax_events::frequency(idx(v[f])),
    };
    TaxInputs {
        layers: [
            layer(0, 6),
            layer(1, 7),
            layer(2, 8),
            layer(3, 9),
            layer(4, 10),
        ],
        avs_count: count_of(v[5]),
        claims_per_year: tax_events::frequency(idx(v[11])),
        round_trips: count_of(v[12]),
    }
}

/// Events a year of the simplest position: native staking with weekly credits.
pub const BASELINE_EVENTS: u64 = 52;

/// The report's total as a multiple of [`BASELINE_EVENTS`].
pub fn multiple(r: &TaxReport) -> Decimal {
    Decimal::from(r.total) / Decimal::from(BASELINE_EVENTS)
}

/// The per-layer table (one row per layer, switched-off layers marked).
pub fn table(l: Locale, r: &TaxReport) -> DataTable {
    let n = |x: u64| format::number(l, Decimal::from(x), 0);
    DataTable {
        headers: [
            Key::RegTblLayer,
            Key::RegTblStreams,
            Key::RegTblRewards,
            Key::RegTblClaims,
            Key::RegTblMoves,
            Key::RegTblTotal,
        ]
        .iter()
        .map(|k| l.text(*k).to_string())
        .collect(),
        rows: r
            .layers
            .iter()
            .zip(LAYER_KEYS)
            .map(|(c, k)| {
                if c.on {
                    vec![
                        l.text(k).to_string(),
                        n(u64::from(c.streams)),
                        n(c.reward_events),
                        n(c.claims),
                        n(c.moves),
                        n(c.total()),
                    ]
                } else {
                    vec![
                        l.text(k).to_string(),
                        l.text(Key::RegOff).to_string(),
                        "0".into(),
                        "0".into(),
                        "0".into(),
                        "0".into(),
                    ]
                }
            })
            .chain(std::iter::once(vec![
                l.text(Key::RegTblTotal).to_string(),
                String::new(),
                n(r.reward_events),
                n(r.layers.iter().map(|c| c.claims).sum()),
                n(r.layers.iter().map(|c| c.moves).sum()),
                n(r.total),
            ]))
            .collect(),
    }
}

/// The formula with the learner's numbers: one term per switched-on layer.
pub fn substituted(l: Locale, inp: &TaxInputs, r: &TaxReport) -> String {
    let n = |x: u64| format::number(l, Decimal::from(x), 0);
    let terms: Vec<String> = r
        .layers
        .iter()
        .zip(inp.layers.iter())
        .filter(|(c, _)| c.on)
        .map(|(c, s)| {
            let mut t = format!("{}·{}", c.streams, s.rewards_per_year);
            if c.layer.claimed() {
                t.push_str(&format!(" + {}·{}", c.streams, inp.claims_per_year));
            }
            if c.layer.moves_tokens() {
                t.push_str(&format!(" + 2·{}", inp.round_trips));
            }
            format!("[{t}]")
        })
        .collect();
    if terms.is_empty() {
        return "E = 0".into();
    }
    format!("E = {} = {}", terms.join(" + "), n(r.total))
}

/// The end-of-chapter quiz.
pub static QUIZ: [QuizItem; 4] = [
    QuizItem {
        question: Key::RegQuizQ1,
        choices: &[Key::RegQuizQ1A, Key::RegQuizQ1B, Key::RegQuizQ1C],
        correct: 1,
        why: &[Key::RegQuizQ1WhyA, Key::RegQuizQ1WhyB, Key::RegQuizQ1WhyC],
    },
    QuizItem {
        question: Key::RegQuizQ2,
        choices: &[Key::RegQuizQ2A, Key::RegQuizQ2B, Key::RegQuizQ2C],
        correct: 1,
        why: &[Key::RegQuizQ2WhyA, Key::RegQuizQ2WhyB, Key::RegQuizQ2WhyC],
    },
    QuizItem {
        question: Key::RegQuizQ3,
        choices: &[Key::RegQuizQ3A, Key::RegQuizQ3B, Key::RegQuizQ3C],
        correct: 0,
        why: &[Key::RegQuizQ3WhyA, Key::RegQuizQ3WhyB, Key::RegQuizQ3WhyC],
    },
    QuizItem {
        question: Key::RegQuizQ4,
        choices: &[Key::RegQuizQ4A, Key::RegQuizQ4B, Key::RegQuizQ4C],
        correct: 1,
        why: &[Key::RegQuizQ4WhyA, Key::RegQuizQ4WhyB, Key::RegQuizQ4WhyC],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> [Decimal; 13] {
        core::array::from_fn(|i| PARAMS[i].default)
    }

    #[test]
    fn defaults_give_the_predict_answer_of_about_a_thousand() {
        let inp = inputs(&defaults());
        let r = tax_events::count(&inp);
        assert_eq!(r.total, 994);
        assert_eq!(multiple(&r).round_dp(1), Decimal::new(191, 1));
        assert_eq!(
            substituted(Locale::En, &inp, &r),
            "E = [1·365 + 2·1] + [3·52 + 3·12 + 2·1] + [1·365 + 2·1] + [1·52 + 1·12 + 2·1] = 994"
        );
        let t = table(Locale::En, &r);
        assert_eq!(t.rows.len(), 6);
        assert_eq!(t.rows[0][1], "off");
        assert_eq!(
            t.rows[2],
            vec!["Restaking with AVSs", "3", "156", "36", "2", "194"]
        );
        assert_eq!(t.rows[5][5], "994");
    }

    #[test]
    fn everything_off_is_zero() {
        let mut v = defaults();
        for x in v.iter_mut().take(5) {
            *x = Decimal::ZERO;
        }
        let inp = inputs(&v);
        let r = tax_events::count(&inp);
        assert_eq!(r.total, 0);
        assert_eq!(substituted(Locale::Zh, &inp, &r), "E = 0");
    }

    #[test]
    fn quiz_has_one_explanation_per_choice() {
        for q in &QUIZ {
            assert_eq!(q.choices.len(), q.why.len());
            assert!(q.correct < q.choices.len());
        }
    }
}

/// A checkbox bound to a 0/1 parameter.
#[component]
fn Toggle(label: Key, spec: &'static ParamSpec, value: RwSignal<Decimal>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("reg-{}", spec.name);
    let for_id = id.clone();
    view! {
        <div class="reg-toggle" data-param=spec.name>
            <input
                type="checkbox"
                id=id
                prop:checked=move || !value.get().is_zero()
                on:change=move |ev| value.set(if event_target_checked(&ev) { Decimal::ONE } else { Decimal::ZERO })
            />
            <label for=for_id>{move || i18n.t(label)}</label>
        </div>
    }
}

/// A select bound to a frequency index parameter.
#[component]
fn FreqSelect(
    label: Key,
    spec: &'static ParamSpec,
    value: RwSignal<Decimal>,
    #[prop(optional)] disabled: Option<Signal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("in-{}", spec.name);
    let for_id = id.clone();
    view! {
        <div class="reg-freq" data-param=spec.name>
            <label for=for_id>{move || i18n.t(label)}</label>
            <select
                id=id
                disabled=move || disabled.map(|d| d.get()).unwrap_or(false)
                on:change=move |ev| {
                    if let Ok(x) = event_target_value(&ev).parse::<i64>() {
                        value.set(spec.clamp(Decimal::from(x)));
                    }
                }
            >
                {FREQ_KEYS
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| {
                        let v = Decimal::from(i as i64);
                        view! {
                            <option value=i.to_string() selected=move || value.get() == v>
                                {move || i18n.t(k)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

fn avs_text(l: Locale, x: Decimal) -> String {
    crate::i18n::fill(l.text(Key::RegAvsValue), &[("n", &format::number(l, x, 0))])
}

fn trips_text(l: Locale, x: Decimal) -> String {
    crate::i18n::fill(
        l.text(Key::RegTripsValue),
        &[("n", &format::number(l, x, 0))],
    )
}

/// Chapter 8: regulation and compliance.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::RegTitle);
    let scenario = use_scenario(&PARAMS);
    let v = scenario.values.clone();
    let p: [RwSignal<Decimal>; 13] = core::array::from_fn(|i| v[i]);
    let inp = Memo::new(move |_| inputs(&p.map(|s| s.get())));
    let report = Memo::new(move |_| tax_events::count(&inp.get()));
    let n = move |x: u64| format::number(i18n.get(), Decimal::from(x), 0);

    let bars_data = Memo::new(move |_| {
        let l = i18n.get();
        let r = report.get();
        StackedBars {
            segments: vec![
                l.text(Key::RegRewardEvents).into(),
                l.text(Key::RegTokenEvents).into(),
            ],
            bars: r
                .layers
                .iter()
                .zip(BAR_KEYS)
                .map(|(c, k)| Bar {
                    label: l.text(k).into(),
                    values: vec![c.reward_events as f64, c.token_events() as f64],
                })
                .collect(),
            x_caption: l.text(Key::RegAxisEvents).into(),
            fmt: |x| format!("{x:.0}"),
        }
    });
    let bars_aria = move || {
        let r = report.get();
        i18n.tf(
            Key::RegBarsAria,
            &[
                ("total", &n(r.total)),
                ("rewards", &n(r.reward_events)),
                ("tokens", &n(r.token_events)),
            ],
        )
    };
    let off = |i: usize| Signal::derive(move || p[i].get().is_zero());

    view! {
        <article class="chapter reg">
            <h1>{move || i18n.t(Key::RegTitle)}</h1>
            <aside class="reg-disclaimer" role="note" data-testid="reg-disclaimer">
                <strong>{move || i18n.t(Key::RegNoticeTitle)}</strong>
                " "
                {move || i18n.t(Key::RegNoticeBody)}
            </aside>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>{move || rich(i18n.t(Key::RegIntro))}</p>

            <h2>{move || i18n.t(Key::RegQuestionsTitle)}</h2>
            <div class="reg-questions">
                <section class="reg-q">
                    <h3>{move || i18n.t(Key::RegSecTitle)}</h3>
                    <p>{move || rich(i18n.t(Key::RegSecBody))} " " <Cite id=SourceId::SecProtocolStaking /></p>
                    <p>{move || rich(i18n.t(Key::RegSecBody2))} " " <Cite id=SourceId::SecLiquidStaking /></p>
                    <p>{move || rich(i18n.t(Key::RegSecBody3))}</p>
                </section>
                <section class="reg-q">
                    <h3>{move || i18n.t(Key::RegRegTitle)}</h3>
                    <p>{move || rich(i18n.t(Key::RegRegBody))} " " <Cite id=SourceId::Mica /></p>
                </section>
                <section class="reg-q">
                    <h3>{move || i18n.t(Key::RegCustodyTitle)}</h3>
                    <p>{move || rich(i18n.t(Key::RegCustodyBody))} " " <Cite id=SourceId::EigenPod /> " " <Cite id=SourceId::Mica /></p>
                </section>
                <section class="reg-q">
                    <h3>{move || i18n.t(Key::RegReversTitle)}</h3>
                    <p>{move || rich(i18n.t(Key::RegReversBody))}</p>
                </section>
                <section class="reg-q">
                    <h3>{move || i18n.t(Key::RegTranspTitle)}</h3>
                    <p>{move || rich(i18n.t(Key::RegTranspBody))}</p>
                </section>
            </div>
            <h3>{move || i18n.t(Key::RegCostTitle)}</h3>
            <p>{move || i18n.t(Key::RegCostBody)}</p>

            <Predict
                question=Key::RegPredictQ
                choices=&[Key::RegPredictA, Key::RegPredictB, Key::RegPredictC]
                correct=2
                explanation=Key::RegPredictExplain
            />

            <section class="lab" aria-labelledby="reg-lab">
                <h2 id="reg-lab">{move || i18n.t(Key::RegTaxTitle)}</h2>
                <p>
                    {move || rich(i18n.t(Key::RegTaxIntro))} " "
                    <Cite id=SourceId::IrsRevRul202314 /> " " <Cite id=SourceId::HmrcDefi />
                </p>
                <p class="reg-caution">{move || i18n.t(Key::RegTaxCaution)}</p>
                <div class="lab-grid">
                    <div class="controls reg-controls">
                        <fieldset class="reg-layer">
                            <Toggle label=Key::RegPNative spec=&PARAMS[0] value=p[0] />
                            <FreqSelect label=Key::RegPFnative spec=&PARAMS[6] value=p[6] disabled=off(0) />
                        </fieldset>
                        <fieldset class="reg-layer">
                            <Toggle label=Key::RegPLst spec=&PARAMS[1] value=p[1] />
                            <FreqSelect label=Key::RegPFlst spec=&PARAMS[7] value=p[7] disabled=off(1) />
                        </fieldset>
                        <fieldset class="reg-layer">
                            <Toggle label=Key::RegPRestake spec=&PARAMS[2] value=p[2] />
                            <Slider label=Key::RegPAvs spec=&PARAMS[5] value=p[5] fmt=avs_text hint=Key::RegPAvsHint />
                            <FreqSelect label=Key::RegPFrestake spec=&PARAMS[8] value=p[8] disabled=off(2) />
                        </fieldset>
                        <fieldset class="reg-layer">
                            <Toggle label=Key::RegPLrt spec=&PARAMS[3] value=p[3] />
                            <FreqSelect label=Key::RegPFlrt spec=&PARAMS[9] value=p[9] disabled=off(3) />
                        </fieldset>
                        <fieldset class="reg-layer">
                            <Toggle label=Key::RegPDefi spec=&PARAMS[4] value=p[4] />
                            <FreqSelect label=Key::RegPFdefi spec=&PARAMS[10] value=p[10] disabled=off(4) />
                        </fieldset>
                        <FreqSelect label=Key::RegPClaim spec=&PARAMS[11] value=p[11] />
                        <Slider label=Key::RegPTrips spec=&PARAMS[12] value=p[12] fmt=trips_text hint=Key::RegPTripsHint />
                        <p class="hint">
                            <span class="reg-assume">{move || i18n.t(Key::UiAssumption)}</span> " "
                            {move || i18n.t(Key::RegFreqHint)} " " <Cite id=SourceId::LidoWithdrawals />
                        </p>
                    </div>
                    <div>
                        <dl class="results">
                            <div>
                                <dt>{move || i18n.t(Key::RegTotal)}</dt>
                                <dd data-testid="reg-total">{move || n(report.get().total)}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::RegRewardEvents)}</dt>
                                <dd data-testid="reg-rewards">{move || n(report.get().reward_events)}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::RegTokenEvents)}</dt>
                                <dd data-testid="reg-tokens">{move || n(report.get().token_events)}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::RegVsNative)}</dt>
                                <dd data-testid="reg-multiple">
                                    {move || i18n.tf(Key::RegVsNativeValue, &[("x", &format::number(i18n.get(), multiple(&report.get()), 1))])}
                                </dd>
                            </div>
                        </dl>
                        <ul class="legend">
                            <li><span class="sw sw-0"></span>{move || i18n.t(Key::RegRewardEvents)}</li>
                            <li><span class="sw sw-1"></span>{move || i18n.t(Key::RegTokenEvents)}</li>
                        </ul>
                        <Chart
                            data=bars_data
                            draw=draw_stacked_bars
                            aria_label=Signal::derive(bars_aria)
                            table=Signal::derive(move || table(i18n.get(), &report.get()))
                            height=280
                        />
                        <Formula
                            caption=Key::RegFormulaCaption
                            general=Key::RegFormulaGeneral
                            substituted=Signal::derive(move || substituted(i18n.get(), &inp.get(), &report.get()))
                        />
                    </div>
                </div>
            </section>

            <Later>
                <h2>{move || i18n.t(Key::RegCatchTitle)}</h2>
                <p>{move || i18n.t(Key::RegCatchBody)}</p>

                <Quiz chapter="regulation" items=&QUIZ />
            </Later>
        </article>
    }
}
