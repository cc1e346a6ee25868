//! Chapter 3 (seed section 3): what restaking is used for. Security as a service: a
//! service whose corruption would pay an attacker PfC needs enough slashable stake that
//! the cost of corruption exceeds it; the learner sets PfC, the attack threshold α, the
//! stake and the reward rates (or picks an illustrative bridge, oracle or insurance
//! preset) and sees the stake required and what renting it costs per year versus
//! bootstrapping a token of its own (`crate::model::security`). Then EigenLayer as the
//! representative ecosystem, with Symbiotic and Karak and how they differ, each fact cited.

use crate::charts::bars::{draw_stacked_bars, Bar, StackedBars};
use crate::charts::lines::{draw_lines, LineChart, Series};
use crate::charts::nice_ceiling;
use crate::i18n::format::{pct0, pct1, pct2};
use crate::i18n::{format, use_i18n, Key, Locale};
use crate::model::num::{dec, to_f64};
use crate::model::security::{self, SecurityInputs, SecurityPreset, SecurityReport};
use crate::shell::use_page_title;
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::use_scenario;
use crate::widgets::{
    Chart, Cite, DataTable, Formula, Later, Predict, Quiz, QuizItem, Slider, Term, UrlNotice,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// URL parameters of this chapter (documented in `docs/url-params.md`). Defaults are the
/// model's `SecurityPreset::Oracle` (illustrative round numbers, not data).
pub static PARAMS: [ParamSpec; 7] = [
    // Which illustrative service the story is about: 0 bridge, 1 oracle, 2 insurance.
    ParamSpec {
        name: "svc",
        min: dec(0, 0),
        max: dec(2, 0),
        step: dec(1, 0),
        default: dec(1, 0),
    },
    // Profit from corruption, millions of US dollars.
    ParamSpec {
        name: "pfc",
        min: dec(1, 0),
        max: dec(500, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
    // Attack threshold α in percent (66.67 and 33.33 are read as exactly 2/3 and 1/3).
    ParamSpec {
        name: "alpha",
        min: dec(1, 0),
        max: dec(100, 0),
        step: dec(1, 2),
        default: dec(50, 0),
    },
    // Slashable stake securing the service, millions of US dollars.
    ParamSpec {
        name: "stake",
        min: dec(0, 0),
        max: dec(1000, 0),
        step: dec(1, 0),
        default: dec(30, 0),
    },
    // Reward rate paid to restakers, percent of the stake per year (assumption).
    ParamSpec {
        name: "rate",
        min: dec(0, 0),
        max: dec(10, 0),
        step: dec(1, 1),
        default: dec(1, 0),
    },
    // Yield paid to stakers of the service's own token, percent per year (assumption).
    ParamSpec {
        name: "tokyield",
        min: dec(0, 0),
        max: dec(30, 0),
        step: dec(5, 1),
        default: dec(6, 0),
    },
    // Crash of the own token's price the stake must survive, percent (assumption).
    ParamSpec {
        name: "crash",
        min: dec(0, 0),
        max: dec(90, 0),
        step: dec(5, 0),
        default: dec(60, 0),
    },
];

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "svc" => Key::UsesPresetLabel,
        "pfc" => Key::UsesPPfc,
        "alpha" => Key::UsesPAlpha,
        "stake" => Key::UsesPStake,
        "rate" => Key::UsesPRate,
        "tokyield" => Key::UsesPTokyield,
        "crash" => Key::UsesPCrash,
        _ => return None,
    })
}

const MILLION: Decimal = dec(1_000_000, 0);

/// The attack threshold as a fraction. The slider is in percent with two decimals, so
/// 66.67 % stands for exactly two thirds and 33.33 % for one third, the quorums of
/// committee-based (BFT-style) protocols; anything else is `pct / 100`.
pub fn alpha_fraction(alpha_pct: Decimal) -> Decimal {
    if alpha_pct == dec(6667, 2) {
        Decimal::TWO / Decimal::from(3)
    } else if alpha_pct == dec(3333, 2) {
        Decimal::ONE / Decimal::from(3)
    } else {
        alpha_pct / Decimal::ONE_HUNDRED
    }
}

/// The preset for the `svc` index (clamped into 0..=2).
pub fn preset_of(svc: Decimal) -> SecurityPreset {
    match svc.trunc().to_string().as_str() {
        "0" => SecurityPreset::Bridge,
        "2" => SecurityPreset::Insurance,
        _ => SecurityPreset::Oracle,
    }
}

/// Slider values `[pfc, alpha, stake, rate, tokyield, crash]` of a preset, in the units
/// of [`PARAMS`] (millions of dollars, percent).
pub fn slider_values(p: SecurityPreset) -> [Decimal; 6] {
    let i = p.inputs();
    [
        i.profit_from_corruption / MILLION,
        (i.alpha * Decimal::ONE_HUNDRED).round_dp(2),
        i.actual_stake / MILLION,
        i.restaking_rate_pct,
        i.token_yield_pct,
        i.crash_haircut_pct,
    ]
}

/// Model inputs from the slider values (millions of dollars, percent).
pub fn inputs(v: [Decimal; 6]) -> SecurityInputs {
    let [pfc, alpha, stake, rate, tokyield, crash] = v;
    SecurityInputs {
        profit_from_corruption: pfc * MILLION,
        alpha: alpha_fraction(alpha),
        restaking_rate_pct: rate,
        token_yield_pct: tokyield,
        crash_haircut_pct: crash,
        actual_stake: stake * MILLION,
    }
}

/// Runs the model; `None` only on an overflow that the slider domains exclude.
pub fn compute(v: [Decimal; 6]) -> Option<SecurityReport> {
    security::analyze(&inputs(v)).ok()
}

/// Chart points `(x, y)`.
pub type Points = Vec<(f64, f64)>;

/// Points of the "cost of corruption versus stake" chart, in millions of dollars:
/// the line `CoC = α·S` from 0 to `x_max`, the flat PfC line, and the learner's stake
/// as a vertical line. `x_max` is a round number above both S* and the stake.
pub fn coc_lines(v: [Decimal; 6], r: &SecurityReport) -> (Points, Points, Points) {
    let a = to_f64(alpha_fraction(v[1]));
    let pfc = to_f64(v[0]);
    let stake = to_f64(v[2]);
    let s_star = to_f64(r.required_stake / MILLION);
    let x_max = nice_ceiling(s_star.max(stake).max(1.0) * 1.25);
    let y_top = (a * x_max).max(pfc);
    (
        vec![(0.0, 0.0), (x_max, a * x_max)],
        vec![(0.0, pfc), (x_max, pfc)],
        vec![(stake, 0.0), (stake, y_top)],
    )
}

/// Dollars in the learner's locale: "$1.125 M" / "112.5 万美元".
pub fn usd(l: Locale, x: Decimal) -> String {
    let a = x.abs();
    match l {
        Locale::En => {
            if a >= dec(1_000_000_000, 0) {
                format!("${} B", format::number(l, x / dec(1_000_000_000, 0), 2))
            } else if a >= MILLION {
                let m = x / MILLION;
                let dp = if m.abs() < Decimal::TEN { 3 } else { 2 };
                format!("${} M", format::number(l, m, dp))
            } else {
                format!("${}", format::number(l, x, 0))
            }
        }
        Locale::Zh => {
            if a >= dec(100_000_000, 0) {
                format!("{} 亿美元", format::number(l, x / dec(100_000_000, 0), 3))
            } else if a >= dec(10_000, 0) {
                let w = x / dec(10_000, 0);
                let dp = if w.abs() < dec(1000, 0) { 1 } else { 0 };
                format!("{} 万美元", format::number(l, w, dp))
            } else {
                format!("{} 美元", format::number(l, x, 0))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn defaults_are_the_oracle_preset() {
        let defaults: Vec<Decimal> = PARAMS[1..].iter().map(|p| p.default).collect();
        assert_eq!(defaults, slider_values(SecurityPreset::Oracle).to_vec());
        assert_eq!(preset_of(PARAMS[0].default), SecurityPreset::Oracle);
    }

    #[test]
    fn every_preset_fits_the_sliders_and_reproduces_the_model() {
        for p in SecurityPreset::ALL {
            let v = slider_values(p);
            for (spec, x) in PARAMS[1..].iter().zip(v) {
                assert_eq!(spec.clamp(x), x, "{p:?} {}", spec.name);
            }
            // The sliders give back the preset's own inputs exactly (α 2/3 included).
            assert_eq!(inputs(v), p.inputs(), "{p:?}");
            assert_eq!(compute(v), security::analyze(&p.inputs()).ok());
        }
    }

    #[test]
    fn presets_show_their_numbers() {
        // Oracle: S* 20 M, CoC 15 M > 10 M, rent 0.2 M, own token 3 M a year.
        let o = compute(slider_values(SecurityPreset::Oracle)).unwrap();
        assert_eq!(usd(Locale::En, o.required_stake), "$20.00 M");
        assert_eq!(usd(Locale::En, o.cost_of_corruption), "$15.00 M");
        assert_eq!(usd(Locale::En, o.rent_cost_per_year), "$200,000");
        assert_eq!(usd(Locale::En, o.bootstrap_cost_per_year), "$3.000 M");
        assert_eq!(usd(Locale::Zh, o.required_stake), "2,000 万美元");
        assert!(o.secure);
        // Bridge: S* 75 M > 60 M, CoC 40 M < 50 M, rent 1.125 M, own token 12 M.
        let b = compute(slider_values(SecurityPreset::Bridge)).unwrap();
        assert_eq!(usd(Locale::En, b.required_stake), "$75.00 M");
        assert_eq!(usd(Locale::En, b.cost_of_corruption), "$40.00 M");
        assert_eq!(usd(Locale::En, b.shortfall), "$15.00 M");
        assert_eq!(usd(Locale::En, b.rent_cost_per_year), "$1.125 M");
        assert_eq!(usd(Locale::En, b.bootstrap_cost_per_year), "$12.00 M");
        assert_eq!(usd(Locale::Zh, b.rent_cost_per_year), "112.5 万美元");
        assert!(!b.secure);
        // Insurance: S* 40 M > 30 M, shortfall 10 M, rent 0.8 M, own token 6.667 M.
        let i = compute(slider_values(SecurityPreset::Insurance)).unwrap();
        assert_eq!(usd(Locale::En, i.required_stake), "$40.00 M");
        assert_eq!(usd(Locale::En, i.shortfall), "$10.00 M");
        assert_eq!(usd(Locale::En, i.rent_cost_per_year), "$800,000");
        assert_eq!(usd(Locale::En, i.bootstrap_cost_per_year), "$6.667 M");
        assert!(!i.secure);
    }

    #[test]
    fn thirds_are_exact_and_other_values_are_percent() {
        assert_eq!(alpha_fraction(d("66.67")), Decimal::TWO / d("3"));
        assert_eq!(alpha_fraction(d("33.33")), Decimal::ONE / d("3"));
        assert_eq!(alpha_fraction(d("50")), d("0.5"));
        assert_eq!(alpha_fraction(d("1")), d("0.01"));
        assert_eq!(preset_of(d("0")), SecurityPreset::Bridge);
        assert_eq!(preset_of(d("2")), SecurityPreset::Insurance);
    }

    #[test]
    fn halving_alpha_doubles_the_stake_needed() {
        let mut v = slider_values(SecurityPreset::Oracle);
        let a = compute(v).unwrap().required_stake;
        v[1] = d("25");
        assert_eq!(compute(v).unwrap().required_stake, a * d("2"));
    }

    #[test]
    fn chart_lines_cross_at_the_break_even_stake() {
        let v = slider_values(SecurityPreset::Oracle);
        let r = compute(v).unwrap();
        let (coc, pfc, yours) = coc_lines(v, &r);
        // α·S = PfC at S = 20: the CoC line through (x_max, α·x_max) passes 10 at 20.
        let slope = coc[1].1 / coc[1].0;
        assert!((slope * 20.0 - pfc[0].1).abs() < 1e-9);
        assert_eq!(yours[0].0, 30.0);
        assert!(coc[1].0 >= 30.0);
    }

    #[test]
    fn usd_formats_every_magnitude() {
        assert_eq!(usd(Locale::En, d("20000000000")), "$20.00 B");
        assert_eq!(usd(Locale::En, d("0")), "$0");
        assert_eq!(usd(Locale::Zh, d("200000")), "20.0 万美元");
        assert_eq!(usd(Locale::Zh, d("2000000000")), "20.000 亿美元");
        assert_eq!(usd(Locale::Zh, d("5000")), "5,000 美元");
    }

    proptest::proptest! {
        #[test]
        fn any_slider_position_computes(
            pfc in 1u32..=500, alpha in 100u32..=10_000, stake in 0u32..=1000,
            rate in 0u32..=100, y in 0u32..=60, crash in 0u32..=18,
        ) {
            let v = [
                Decimal::from(pfc), Decimal::new(alpha.into(), 2), Decimal::from(stake),
                Decimal::new(rate.into(), 1), Decimal::new((y * 5).into(), 1), Decimal::from(crash * 5),
            ];
            let r = compute(v).unwrap();
            proptest::prop_assert!(r.required_stake > Decimal::ZERO);
            proptest::prop_assert_eq!(r.secure, r.cost_of_corruption > Decimal::from(pfc) * MILLION);
            let (coc, _, yours) = coc_lines(v, &r);
            proptest::prop_assert!(coc[1].0 >= yours[0].0);
            proptest::prop_assert!(!usd(Locale::En, r.bootstrap_cost_per_year).is_empty());
        }
    }
}

fn musd_slider(l: Locale, x: Decimal) -> String {
    usd(l, x * MILLION)
}

const PRESET_KEYS: [(SecurityPreset, Key, Key); 3] = [
    (
        SecurityPreset::Bridge,
        Key::UsesPresetBridge,
        Key::UsesWhyBridge,
    ),
    (
        SecurityPreset::Oracle,
        Key::UsesPresetOracle,
        Key::UsesWhyOracle,
    ),
    (
        SecurityPreset::Insurance,
        Key::UsesPresetInsurance,
        Key::UsesWhyInsurance,
    ),
];

/// Chapter 3: what restaking is used for.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::UsesTitle);
    let scenario = use_scenario(&PARAMS);
    let svc = scenario.values[0];
    let sliders: [RwSignal<Decimal>; 6] = [1, 2, 3, 4, 5, 6].map(|i| scenario.values[i]);
    let [pfc, alpha, stake, rate, tokyield, crash] = sliders;
    let values = move || sliders.map(|s| s.get());
    let report = Memo::new(move |_| compute(values()));
    let get =
        move |f: fn(&SecurityReport) -> Decimal| report.get().map(|r| f(&r)).unwrap_or_default();
    let money = move |x: Decimal| usd(i18n.get(), x);
    let preset = move || preset_of(svc.get());
    let modified = move || slider_values(preset()) != values();
    let choose = move |p: SecurityPreset, i: usize| {
        svc.set(Decimal::from(i as u32));
        for (s, v) in sliders.iter().zip(slider_values(p)) {
            s.set(v);
        }
    };

    let secure = move || report.get().map(|r| r.secure).unwrap_or(false);
    let verdict = move || {
        if secure() {
            i18n.t(Key::UsesSecure)
        } else {
            i18n.t(Key::UsesInsecure)
        }
    };
    let coverage = move || {
        report
            .get()
            .and_then(|r| r.coverage)
            .map(|c| format!("{}×", format::number(i18n.get(), c, 2)))
            .unwrap_or_else(|| "—".into())
    };
    let alpha_text = move || pct2(i18n.get(), alpha.get());

    // Formulas with the learner's numbers.
    let f_required = move || {
        format!(
            "{} ÷ {} = {}",
            money(pfc.get() * MILLION),
            alpha_text(),
            money(get(|r| r.required_stake))
        )
    };
    let f_coc = move || {
        let cmp = if secure() { ">" } else { "≤" };
        format!(
            "{} × {} = {} {} {}",
            alpha_text(),
            money(stake.get() * MILLION),
            money(get(|r| r.cost_of_corruption)),
            cmp,
            money(pfc.get() * MILLION)
        )
    };
    let f_cost = move || {
        let l = i18n.get();
        let s = money(get(|r| r.required_stake));
        format!(
            "{s} × {} = {};  {s} ÷ (1 − {}) × {} = {}",
            pct1(l, rate.get()),
            money(get(|r| r.rent_cost_per_year)),
            pct0(l, crash.get()),
            pct1(l, tokyield.get()),
            money(get(|r| r.bootstrap_cost_per_year))
        )
    };

    // Chart 1: cost of corruption against stake, with PfC and the learner's stake.
    let lines_data = Memo::new(move |_| {
        let l = i18n.get();
        let (coc, pf, yours) = report
            .get()
            .map(|r| coc_lines(values(), &r))
            .unwrap_or_default();
        LineChart {
            series: vec![
                Series {
                    name: l.text(Key::UsesSeriesCoc).into(),
                    points: coc,
                    colour: 0,
                },
                Series {
                    name: l.text(Key::UsesSeriesPfc).into(),
                    points: pf,
                    colour: 4,
                },
                Series {
                    name: l.text(Key::UsesSeriesYours).into(),
                    points: yours,
                    colour: 2,
                },
            ],
            x_caption: l.text(Key::UsesAxisStake).into(),
            y_caption: l.text(Key::UsesAxisValue).into(),
            x_fmt: |x| format!("{x:.0}"),
            y_fmt: |y| format!("{y:.0}"),
            y_from_zero: true,
        }
    });
    let lines_aria = move || {
        i18n.tf(
            Key::UsesCocAria,
            &[
                ("pfc", &money(pfc.get() * MILLION)),
                ("req", &money(get(|r| r.required_stake))),
                ("stake", &money(stake.get() * MILLION)),
                ("verdict", verdict()),
            ],
        )
    };
    let lines_table = move || {
        let a = alpha_fraction(alpha.get());
        let p = money(pfc.get() * MILLION);
        let row = |k: Key, s: Decimal| vec![i18n.t(k).into(), money(s), money(a * s), p.clone()];
        DataTable {
            headers: vec![
                i18n.t(Key::UsesTblPoint).into(),
                i18n.t(Key::UsesTblStake).into(),
                i18n.t(Key::UsesTblCoc).into(),
                i18n.t(Key::UsesTblPfc).into(),
            ],
            rows: vec![
                row(Key::UsesRowZero, Decimal::ZERO),
                row(Key::UsesRowBreakeven, get(|r| r.required_stake)),
                row(Key::UsesRowYours, stake.get() * MILLION),
            ],
        }
    };

    // Chart 2: what a year of security costs, rented or built.
    let bars_data = Memo::new(move |_| {
        let l = i18n.get();
        let rent = to_f64(get(|r| r.rent_cost_per_year) / MILLION);
        let own = to_f64(get(|r| r.bootstrap_cost_per_year) / MILLION);
        StackedBars {
            segments: vec![
                l.text(Key::UsesBarRent).into(),
                l.text(Key::UsesBarOwn).into(),
            ],
            bars: vec![
                Bar {
                    label: l.text(Key::UsesBarRent).into(),
                    values: vec![rent, 0.0],
                },
                Bar {
                    label: l.text(Key::UsesBarOwn).into(),
                    values: vec![0.0, own],
                },
            ],
            x_caption: l.text(Key::UsesAxisCost).into(),
            fmt: |x| format!("{x:.2}"),
        }
    });
    let bars_aria = move || {
        i18n.tf(
            Key::UsesCostAria,
            &[
                ("rent", &money(get(|r| r.rent_cost_per_year))),
                ("own", &money(get(|r| r.bootstrap_cost_per_year))),
            ],
        )
    };
    let bars_table = move || {
        let l = i18n.get();
        DataTable {
            headers: vec![
                l.text(Key::UsesTblOption).into(),
                l.text(Key::UsesTblLocked).into(),
                l.text(Key::UsesTblRate).into(),
                l.text(Key::UsesTblCost).into(),
            ],
            rows: vec![
                vec![
                    l.text(Key::UsesBarRent).into(),
                    money(get(|r| r.required_stake)),
                    pct1(l, rate.get()),
                    money(get(|r| r.rent_cost_per_year)),
                ],
                vec![
                    l.text(Key::UsesBarOwn).into(),
                    money(get(|r| r.token_stake_needed)),
                    pct1(l, tokyield.get()),
                    money(get(|r| r.bootstrap_cost_per_year)),
                ],
            ],
        }
    };

    let presets = PRESET_KEYS
        .iter()
        .enumerate()
        .map(|(i, &(p, name, _))| {
            view! {
                <button
                    type="button"
                    data-preset=i
                    aria-pressed=move || (preset() == p).to_string()
                    on:click=move |_| choose(p, i)
                >
                    {move || i18n.t(name)}
                </button>
            }
        })
        .collect_view();
    let why = move || {
        let p = preset();
        PRESET_KEYS
            .iter()
            .find(|(q, _, _)| *q == p)
            .map(|&(_, _, w)| i18n.t(w))
            .unwrap_or_default()
    };

    view! {
        <article class="chapter uses">
            <h1>{move || i18n.t(Key::UsesTitle)}</h1>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>
                {move || i18n.t(Key::UsesIntro1a)} " "
                <Term id="avs">{move || i18n.t(Key::UsesTermAvs)}</Term>
                {move || i18n.t(Key::UsesIntro1b)} " "
                <Cite id=SourceId::EigenWhitepaper />
            </p>
            <p>
                {move || i18n.t(Key::UsesIntro2a)} " "
                <Term id="pfc">{move || i18n.t(Key::UsesTermPfc)}</Term>
                {move || i18n.t(Key::UsesIntro2b)} " "
                <Term id="coc">{move || i18n.t(Key::UsesTermCoc)}</Term>
                {move || i18n.t(Key::UsesIntro2c)} " "
                <Term id="slashing">{move || i18n.t(Key::UsesTermSlashing)}</Term>
                {move || i18n.t(Key::UsesIntro2d)}
            </p>
            <p>{move || i18n.t(Key::UsesIntro3)}</p>

            <Predict
                question=Key::UsesPredictQ
                choices=&[Key::UsesPredictA, Key::UsesPredictB, Key::UsesPredictC]
                correct=2
                explanation=Key::UsesPredictExplain
            />

            <section class="lab" aria-labelledby="uses-lab">
                <h2 id="uses-lab">{move || i18n.t(Key::UsesLabTitle)}</h2>
                <p>{move || i18n.t(Key::UsesLabIntro)}</p>
                <div class="uses-presets">
                    <p class="uses-preset-label">
                        <span class="uses-tag">{move || i18n.t(Key::UiAssumption)}</span>
                        " " {move || i18n.t(Key::UsesPresetLabel)}
                    </p>
                    <div class="choices" role="group" aria-label=move || i18n.t(Key::UsesPresetLabel)>{presets}</div>
                    <p class="uses-why" data-testid="why">{why}</p>
                    <p class="hint">
                        {move || i18n.t(Key::UsesPresetNote)}
                        <Show when=modified>
                            " " <strong data-testid="modified">{move || i18n.t(Key::UsesPresetModified)}</strong>
                        </Show>
                    </p>
                </div>
                <div class="lab-grid">
                    <div class="controls">
                        <Slider label=Key::UsesPPfc spec=&PARAMS[1] value=pfc fmt=musd_slider hint=Key::UsesPPfcHint />
                        <Slider label=Key::UsesPAlpha spec=&PARAMS[2] value=alpha fmt=pct2 hint=Key::UsesPAlphaHint />
                        <Slider label=Key::UsesPStake spec=&PARAMS[3] value=stake fmt=musd_slider hint=Key::UsesPStakeHint />
                        <p class="hint"><Cite id=SourceId::EigenWhitepaper /></p>
                    </div>
                    <div>
                        <dl class="results">
                            <div>
                                <dt>{move || i18n.t(Key::UsesOutRequired)}</dt>
                                <dd data-testid="required">{move || money(get(|r| r.required_stake))}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::UsesOutCoc)}</dt>
                                <dd data-testid="coc">{move || money(get(|r| r.cost_of_corruption))}</dd>
                            </div>
                            <div class=move || if secure() { "uses-verdict uses-ok" } else { "uses-verdict uses-bad" }>
                                <dt>{move || i18n.t(Key::UsesOutVerdict)}</dt>
                                <dd data-testid="verdict">{verdict}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::UsesOutCoverage)}</dt>
                                <dd data-testid="coverage">{coverage}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::UsesOutShortfall)}</dt>
                                <dd data-testid="shortfall">{move || money(get(|r| r.shortfall))}</dd>
                            </div>
                        </dl>
                        <Chart
                            data=lines_data
                            draw=draw_lines
                            aria_label=Signal::derive(lines_aria)
                            table=Signal::derive(lines_table)
                            height=280
                        />
                        <Formula caption=Key::UsesFRequiredCaption general=Key::UsesFRequiredGeneral substituted=Signal::derive(f_required) />
                        <Formula caption=Key::UsesFCocCaption general=Key::UsesFCocGeneral substituted=Signal::derive(f_coc) />
                    </div>
                </div>
            </section>

            <Later>
                <section class="lab" aria-labelledby="uses-cost">
                    <h2 id="uses-cost">{move || i18n.t(Key::UsesCostTitle)}</h2>
                    <p>{move || i18n.t(Key::UsesCostIntro)}</p>
                    <div class="lab-grid">
                        <div class="controls">
                            <Slider label=Key::UsesPRate spec=&PARAMS[4] value=rate fmt=pct1 hint=Key::UsesPRateHint />
                            <Slider label=Key::UsesPTokyield spec=&PARAMS[5] value=tokyield fmt=pct1 hint=Key::UsesPTokyieldHint />
                            <Slider label=Key::UsesPCrash spec=&PARAMS[6] value=crash fmt=pct0 hint=Key::UsesPCrashHint />
                        </div>
                        <div>
                            <dl class="results">
                                <div>
                                    <dt>{move || i18n.t(Key::UsesOutRent)}</dt>
                                    <dd data-testid="rent">{move || money(get(|r| r.rent_cost_per_year))}</dd>
                                </div>
                                <div>
                                    <dt>{move || i18n.t(Key::UsesOutTokenStake)}</dt>
                                    <dd data-testid="token-stake">{move || money(get(|r| r.token_stake_needed))}</dd>
                                </div>
                                <div>
                                    <dt>{move || i18n.t(Key::UsesOutBootstrap)}</dt>
                                    <dd data-testid="bootstrap">{move || money(get(|r| r.bootstrap_cost_per_year))}</dd>
                                </div>
                                <div>
                                    <dt>{move || i18n.t(Key::UsesOutSavings)}</dt>
                                    <dd data-testid="savings">{move || money(get(|r| r.rent_savings_per_year))}</dd>
                                </div>
                            </dl>
                            <ul class="legend">
                                <li><span class="sw sw-0"></span>{move || i18n.t(Key::UsesBarRent)}</li>
                                <li><span class="sw sw-1"></span>{move || i18n.t(Key::UsesBarOwn)}</li>
                            </ul>
                            <Chart
                                data=bars_data
                                draw=draw_stacked_bars
                                aria_label=Signal::derive(bars_aria)
                                table=Signal::derive(bars_table)
                                height=180
                            />
                            <Formula caption=Key::UsesFCostCaption general=Key::UsesFCostGeneral substituted=Signal::derive(f_cost) />
                        </div>
                    </div>
                    <p class="hint">{move || i18n.t(Key::UsesCostCaveat)}</p>
                </section>
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::UsesEcoTitle)}</h2>
                <p>
                    {move || i18n.t(Key::UsesEcoIntroA)} " "
                    <Term id="operator">{move || i18n.t(Key::UsesTermOperator)}</Term>
                    {move || i18n.t(Key::UsesEcoIntroB)}
                </p>
                <div class="uses-eco">
                    <section class="uses-eco-card" aria-labelledby="uses-eco-eigen">
                        <h3 id="uses-eco-eigen">"EigenLayer"</h3>
                        <p class="uses-eco-role">{move || i18n.t(Key::UsesEcoEigenRole)}</p>
                        <dl>
                            <dt>{move || i18n.t(Key::UsesEcoRowServices)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoEigenServices)} " " <Cite id=SourceId::EigenWhitepaper /></dd>
                            <dt>{move || i18n.t(Key::UsesEcoRowSlashing)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoEigenSlashing)} " " <Cite id=SourceId::EigenUniqueStake /> " " <Cite id=SourceId::EigenSafetyDelays /></dd>
                            <dt>{move || i18n.t(Key::UsesEcoRowExit)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoEigenExit)} " " <Cite id=SourceId::EigenSafetyDelays /></dd>
                        </dl>
                    </section>
                    <section class="uses-eco-card" aria-labelledby="uses-eco-symb">
                        <h3 id="uses-eco-symb">"Symbiotic"</h3>
                        <p class="uses-eco-role">{move || i18n.t(Key::UsesEcoSymbRole)}</p>
                        <dl>
                            <dt>{move || i18n.t(Key::UsesEcoRowServices)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoSymbServices)} " " <Cite id=SourceId::SymbioticVault /></dd>
                            <dt>{move || i18n.t(Key::UsesEcoRowSlashing)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoSymbSlashing)} " " <Cite id=SourceId::SymbioticResolver /></dd>
                            <dt>{move || i18n.t(Key::UsesEcoRowExit)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoSymbExit)} " " <Cite id=SourceId::SymbioticVault /></dd>
                        </dl>
                    </section>
                    <section class="uses-eco-card" aria-labelledby="uses-eco-karak">
                        <h3 id="uses-eco-karak">"Karak"</h3>
                        <p class="uses-eco-role">{move || i18n.t(Key::UsesEcoKarakRole)}</p>
                        <dl>
                            <dt>{move || i18n.t(Key::UsesEcoRowServices)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoKarakServices)} " " <Cite id=SourceId::KarakCore /></dd>
                            <dt>{move || i18n.t(Key::UsesEcoRowSlashing)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoKarakSlashing)} " " <Cite id=SourceId::KarakCore /></dd>
                            <dt>{move || i18n.t(Key::UsesEcoRowExit)}</dt>
                            <dd>{move || i18n.t(Key::UsesEcoKarakExit)} " " <Cite id=SourceId::KarakCore /></dd>
                        </dl>
                    </section>
                </div>
                <p class="hint">{move || i18n.t(Key::UsesEcoCaveat)}</p>
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::UsesTakeawayTitle)}</h2>
                <p>{move || i18n.t(Key::UsesTakeawayBody)}</p>
                <Quiz chapter="use-cases" items=&QUIZ />
            </Later>
        </article>
    }
}

/// The end-of-chapter quiz: what this chapter teaches, one explanation per choice.
pub static QUIZ: [QuizItem; 4] = [
    QuizItem {
        question: Key::QuizC3Q1,
        choices: &[Key::QuizC3Q1A, Key::QuizC3Q1B, Key::QuizC3Q1C],
        correct: 0,
        why: &[Key::QuizC3Q1WhyA, Key::QuizC3Q1WhyB, Key::QuizC3Q1WhyC],
    },
    QuizItem {
        question: Key::QuizC3Q2,
        choices: &[Key::QuizC3Q2A, Key::QuizC3Q2B, Key::QuizC3Q2C],
        correct: 1,
        why: &[Key::QuizC3Q2WhyA, Key::QuizC3Q2WhyB, Key::QuizC3Q2WhyC],
    },
    QuizItem {
        question: Key::QuizC3Q3,
        choices: &[Key::QuizC3Q3A, Key::QuizC3Q3B, Key::QuizC3Q3C],
        correct: 0,
        why: &[Key::QuizC3Q3WhyA, Key::QuizC3Q3WhyB, Key::QuizC3Q3WhyC],
    },
    QuizItem {
        question: Key::QuizC3Q4,
        choices: &[Key::QuizC3Q4A, Key::QuizC3Q4B, Key::QuizC3Q4C],
        correct: 1,
        why: &[Key::QuizC3Q4WhyA, Key::QuizC3Q4WhyB, Key::QuizC3Q4WhyC],
    },
];
