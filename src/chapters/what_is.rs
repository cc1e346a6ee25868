//! Chapter 1 (seed section 1): what restaking is. One staked ETH doing several
//! jobs: the base staking reward plus a restaking reward, minus the operator's
//! share, shown as stacked bars, as value over time, and as a formula.

use crate::chapters::{final_value, growth_chart, yearly_table};
use crate::charts::bars::{draw_stacked_bars, Bar, StackedBars};
use crate::charts::lines::draw_lines;
use crate::i18n::format::{eth0, pct0, pct2, years_text};
use crate::i18n::{format, use_i18n, Key};
use crate::model::num::{dec, to_f64};
use crate::model::yields;
use crate::shell::use_page_title;
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::use_scenario;
use crate::widgets::{
    Chart, Cite, DataTable, Formula, Later, Predict, Quiz, QuizItem, Slider, UrlNotice,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// URL parameters of this chapter (documented in `docs/url-params.md`).
pub static PARAMS: [ParamSpec; 5] = [
    // Percent per year. Default: consensus-layer APR at 34 M ETH staked (test below).
    ParamSpec {
        name: "base",
        min: dec(0, 0),
        max: dec(10, 0),
        step: dec(1, 2),
        default: dec(285, 2),
    },
    // Percent per year on the whole stake (illustrative assumption).
    ParamSpec {
        name: "restake",
        min: dec(0, 0),
        max: dec(20, 0),
        step: dec(1, 2),
        default: dec(100, 2),
    },
    // Percent of restaking rewards kept by the operator (EigenLayer default 10%).
    ParamSpec {
        name: "split",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
    // ETH.
    ParamSpec {
        name: "principal",
        min: dec(1, 0),
        max: dec(10_000, 0),
        step: dec(1, 0),
        default: dec(32, 0),
    },
    // Years.
    ParamSpec {
        name: "years",
        min: dec(1, 0),
        max: dec(30, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
];

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "base" => Key::Ch1PBase,
        "restake" => Key::Ch1PRestake,
        "split" => Key::Ch1PSplit,
        "principal" => Key::Ch1PPrincipal,
        "years" => Key::Ch1PYears,
        _ => return None,
    })
}

/// Everything this chapter shows, computed by the model from the inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Numbers {
    /// Base staking APR (fraction).
    pub base: Decimal,
    /// Restaking reward that reaches the staker after the operator's share (fraction).
    pub restake_net: Decimal,
    /// Net APR (fraction).
    pub net_apr: Decimal,
    /// APY with monthly compounding (fraction).
    pub net_apy: Decimal,
    /// Extra ETH from restaking in the first year (the restaking APR on the principal).
    pub extra_first_year: Decimal,
    /// (years, value in ETH) staking only, one point per month.
    pub path_staking: Vec<(Decimal, Decimal)>,
    /// As above, staked and restaked.
    pub path_restaked: Vec<(Decimal, Decimal)>,
}

/// The yield waterfall for this chapter's simple position: the base APR entered
/// directly, one restaking service on the whole stake, the operator's split, and no
/// LST or LRT fees or slashing yet (later chapters add them).
fn stack(base_pct: Decimal, restake_pct: Decimal, split_pct: Decimal) -> yields::YieldInputs {
    yields::YieldInputs {
        consensus_source: yields::ConsensusAprSource::Direct,
        consensus_apr_pct: base_pct,
        execution_apr_pct: Decimal::ZERO,
        lst_fee_pct: Decimal::ZERO,
        services: vec![yields::RestakingService {
            reward_apr_pct: restake_pct,
            allocation_pct: Decimal::ONE_HUNDRED,
        }],
        operator_split_pct: split_pct,
        lrt_fee_pct: Decimal::ZERO,
        slashing_loss_pct: Decimal::ZERO,
        ..yields::YieldInputs::default()
    }
}

/// Runs the model for the chapter's inputs (percent units, as on the sliders).
/// Inputs are clamped by the model; an overflow (impossible within the sliders'
/// domains) degrades to zeros rather than a panic.
pub fn compute(
    base_pct: Decimal,
    restake_pct: Decimal,
    split_pct: Decimal,
    principal: Decimal,
    years: Decimal,
) -> Numbers {
    let hundred = Decimal::ONE_HUNDRED;
    let years = years.trunc().to_string().parse::<u32>().unwrap_or(10);
    let restaked = yields::waterfall(&stack(base_pct, restake_pct, split_pct));
    let staking = yields::waterfall(&stack(base_pct, Decimal::ZERO, split_pct));
    let (Ok(restaked), Ok(staking)) = (restaked, staking) else {
        return Numbers {
            base: Decimal::ZERO,
            restake_net: Decimal::ZERO,
            net_apr: Decimal::ZERO,
            net_apy: Decimal::ZERO,
            extra_first_year: Decimal::ZERO,
            path_staking: vec![],
            path_restaked: vec![],
        };
    };
    let restake_net_pct = restaked.net_apr_pct - staking.net_apr_pct;
    let path = |apr_pct| {
        yields::position_value(principal, apr_pct, yields::Compounding::Monthly, years)
            .unwrap_or_default()
            .into_iter()
            .map(|(m, v)| (Decimal::from(m) / Decimal::from(12), v))
            .collect::<Vec<_>>()
    };
    Numbers {
        base: restaked.consensus_apr_pct / hundred,
        restake_net: restake_net_pct / hundred,
        net_apr: restaked.net_apr_pct / hundred,
        net_apy: yields::apy_pct(restaked.net_apr_pct, yields::Compounding::Monthly)
            .unwrap_or_default()
            / hundred,
        extra_first_year: principal * restake_net_pct / hundred,
        path_staking: path(staking.net_apr_pct),
        path_restaked: path(restaked.net_apr_pct),
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
    fn default_base_apr_is_the_consensus_formula_at_34m_eth() {
        let derived = yields::consensus_apr_pct_from_total_staked(d("34000000"));
        assert_eq!(derived.round_dp(2), PARAMS[0].default);
    }

    #[test]
    fn it_adds_the_restaking_reward_after_the_operator_share() {
        // 2.85 % + 1.00 % × (1 − 10 %) = 3.75 %
        let n = compute(d("2.85"), d("1"), d("10"), d("32"), d("10"));
        assert_eq!(n.net_apr, d("0.0375"));
        assert_eq!(n.restake_net, d("0.009"));
        assert_eq!(n.extra_first_year, d("0.288"));
        // APY with monthly compounding: (1 + 0.0375/12)^12 − 1 ≈ 3.8151 %
        assert!(
            (n.net_apy - d("0.038151")).abs() < d("0.000001"),
            "{}",
            n.net_apy
        );
        assert_eq!(n.path_restaked.len(), 121);
        assert_eq!(n.path_staking[0].1, d("32"));
        assert!(n.path_restaked[120].1 > n.path_staking[120].1);
    }

    #[test]
    fn doubling_the_restaking_reward_does_not_double_net_yield() {
        let a = compute(d("2.85"), d("1"), d("10"), d("32"), d("1"));
        let b = compute(d("2.85"), d("2"), d("10"), d("32"), d("1"));
        assert!(b.net_apr > a.net_apr && b.net_apr < a.net_apr * d("2"));
    }

    proptest::proptest! {
        #[test]
        fn any_slider_position_computes(b in 0u32..=1000, r in 0u32..=2000, s in 0u32..=100, p in 1u32..=10_000, y in 1u32..=30) {
            let n = compute(Decimal::new(b.into(), 2), Decimal::new(r.into(), 2), s.into(), p.into(), y.into());
            proptest::prop_assert!(n.net_apr >= n.base);
            proptest::prop_assert_eq!(n.path_restaked.len() as u32, y * 12 + 1);
            proptest::prop_assert!(n.path_restaked.iter().all(|(_, v)| *v >= Decimal::ZERO));
        }
    }
}

/// Chapter 1: what restaking is.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::Ch1Title);
    let scenario = use_scenario(&PARAMS);
    let [base, restake, split, principal, years] = [0, 1, 2, 3, 4].map(|i| scenario.values[i]);
    let numbers = Memo::new(move |_| {
        compute(
            base.get(),
            restake.get(),
            split.get(),
            principal.get(),
            years.get(),
        )
    });

    let pct = move |x: Decimal| format::percent(i18n.get(), x, 2);
    let substituted = move || {
        let l = i18n.get();
        let n = numbers.get();
        format!(
            "{} + {} × (1 − {}) = {}",
            pct(n.base),
            format::percent(l, restake.get() / Decimal::ONE_HUNDRED, 2),
            format::percent(l, split.get() / Decimal::ONE_HUNDRED, 0),
            pct(n.net_apr)
        )
    };

    // Stacked bars: staking only, and staked and restaked.
    let bars_data = Memo::new(move |_| {
        let l = i18n.get();
        let n = numbers.get();
        let b = to_f64(n.base) * 100.0;
        let r = to_f64(n.restake_net) * 100.0;
        StackedBars {
            segments: vec![
                l.text(Key::Ch1SegStaking).into(),
                l.text(Key::Ch1SegRestaking).into(),
            ],
            bars: vec![
                Bar {
                    label: l.text(Key::Ch1BarStakingOnly).into(),
                    values: vec![b, 0.0],
                },
                Bar {
                    label: l.text(Key::Ch1BarRestaked).into(),
                    values: vec![b, r],
                },
            ],
            x_caption: l.text(Key::Ch1AxisApr).into(),
            fmt: |x| format!("{x:.2}%"),
        }
    });
    let bars_aria = move || {
        let n = numbers.get();
        i18n.tf(
            Key::Ch1BarsAria,
            &[
                ("a", &pct(n.base)),
                ("b", &pct(n.net_apr)),
                ("c", &pct(n.restake_net)),
            ],
        )
    };
    let bars_table = move || {
        let n = numbers.get();
        DataTable {
            headers: vec![
                i18n.t(Key::Ch1TblBar).into(),
                i18n.t(Key::Ch1SegStaking).into(),
                i18n.t(Key::Ch1SegRestaking).into(),
                i18n.t(Key::Ch1TblTotal).into(),
            ],
            rows: vec![
                vec![
                    i18n.t(Key::Ch1BarStakingOnly).into(),
                    pct(n.base),
                    pct(Decimal::ZERO),
                    pct(n.base),
                ],
                vec![
                    i18n.t(Key::Ch1BarRestaked).into(),
                    pct(n.base),
                    pct(n.restake_net),
                    pct(n.net_apr),
                ],
            ],
        }
    };

    // Value over time.
    let lines_data = Memo::new(move |_| {
        let n = numbers.get();
        growth_chart(
            i18n.get(),
            &[
                (Key::Ch1SeriesStaking, &n.path_staking, 0),
                (Key::Ch1SeriesRestaked, &n.path_restaked, 1),
            ],
            Key::Ch1AxisYears,
            Key::Ch1AxisValue,
        )
    });
    let lines_aria = move || {
        let l = i18n.get();
        let n = numbers.get();
        i18n.tf(
            Key::Ch1GrowthAria,
            &[
                ("years", &years_text(l, years.get())),
                ("a", &format::eth(l, final_value(&n.path_staking), 2)),
                ("b", &format::eth(l, final_value(&n.path_restaked), 2)),
            ],
        )
    };
    let lines_table = move || {
        let n = numbers.get();
        yearly_table(
            i18n.get(),
            Key::Ch1TblYear,
            &[
                (Key::Ch1SeriesStaking, &n.path_staking),
                (Key::Ch1SeriesRestaked, &n.path_restaked),
            ],
        )
    };

    view! {
        <article class="chapter">
            <h1>{move || i18n.t(Key::Ch1Title)}</h1>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>{move || i18n.t(Key::Ch1IntroStaking)} " " <Cite id=SourceId::ConsensusSpecs /></p>
            <p>{move || i18n.t(Key::Ch1IntroRestaking)} " " <Cite id=SourceId::EigenWhitepaper /></p>
            <p>{move || i18n.t(Key::Ch1IntroDerivatives)}</p>

            <section class="lab" aria-labelledby="ch1-lab">
                <h2 id="ch1-lab">{move || i18n.t(Key::Ch1LabTitle)}</h2>
                <p>{move || i18n.t(Key::Ch1LabIntro)}</p>
                <div class="lab-grid">
                    <div class="controls">
                        <Slider label=Key::Ch1PBase spec=&PARAMS[0] value=base fmt=pct2 hint=Key::Ch1PBaseHint />
                        <Slider label=Key::Ch1PRestake spec=&PARAMS[1] value=restake fmt=pct2 hint=Key::Ch1PRestakeHint />
                        <Slider label=Key::Ch1PSplit spec=&PARAMS[2] value=split fmt=pct0 hint=Key::Ch1PSplitHint />
                        <p class="hint">
                            <Cite id=SourceId::ConsensusSpecs /> " " <Cite id=SourceId::EigenRewards />
                        </p>
                    </div>
                    <div>
                        <dl class="results">
                            <div>
                                <dt>{move || i18n.t(Key::Ch1NetApr)}</dt>
                                <dd data-testid="net-apr">{move || pct(numbers.get().net_apr)}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::Ch1NetApy)}</dt>
                                <dd data-testid="net-apy">{move || pct(numbers.get().net_apy)}</dd>
                            </div>
                        </dl>
                        <ul class="legend">
                            <li><span class="sw sw-0"></span>{move || i18n.t(Key::Ch1SegStaking)}</li>
                            <li><span class="sw sw-1"></span>{move || i18n.t(Key::Ch1SegRestaking)}</li>
                        </ul>
                        <Chart
                            data=bars_data
                            draw=draw_stacked_bars
                            aria_label=Signal::derive(bars_aria)
                            table=Signal::derive(bars_table)
                            height=200
                        />
                        <Formula caption=Key::Ch1FormulaCaption general=Key::Ch1FormulaGeneral substituted=Signal::derive(substituted) />
                    </div>
                </div>
            </section>

            <Later>
                <Predict
                    question=Key::Ch1PredictQ
                    choices=&[Key::Ch1PredictA, Key::Ch1PredictB, Key::Ch1PredictC]
                    correct=1
                    explanation=Key::Ch1PredictExplain
                />

                <section class="lab" aria-labelledby="ch1-growth">
                    <h2 id="ch1-growth">{move || i18n.t(Key::Ch1GrowthTitle)}</h2>
                    <p>{move || i18n.t(Key::Ch1GrowthIntro)}</p>
                    <div class="lab-grid">
                        <div class="controls">
                            <Slider label=Key::Ch1PPrincipal spec=&PARAMS[3] value=principal fmt=eth0 />
                            <Slider label=Key::Ch1PYears spec=&PARAMS[4] value=years fmt=years_text />
                            <dl class="results">
                                <div>
                                    <dt>{move || i18n.t(Key::Ch1ExtraPerYear)}</dt>
                                    <dd data-testid="extra-year">{move || format::eth(i18n.get(), numbers.get().extra_first_year, 3)}</dd>
                                </div>
                            </dl>
                        </div>
                        <Chart
                            data=lines_data
                            draw=draw_lines
                            aria_label=Signal::derive(lines_aria)
                            table=Signal::derive(lines_table)
                            height=300
                        />
                    </div>
                </section>
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::Ch1CatchTitle)}</h2>
                <p>{move || i18n.t(Key::Ch1CatchBody)}</p>
                <Quiz chapter="what-is-restaking" items=&QUIZ />
            </Later>
        </article>
    }
}

/// The end-of-chapter quiz: what this chapter teaches, one explanation per choice.
pub static QUIZ: [QuizItem; 4] = [
    QuizItem {
        question: Key::QuizC1Q1,
        choices: &[Key::QuizC1Q1A, Key::QuizC1Q1B, Key::QuizC1Q1C],
        correct: 1,
        why: &[Key::QuizC1Q1WhyA, Key::QuizC1Q1WhyB, Key::QuizC1Q1WhyC],
    },
    QuizItem {
        question: Key::QuizC1Q2,
        choices: &[Key::QuizC1Q2A, Key::QuizC1Q2B, Key::QuizC1Q2C],
        correct: 1,
        why: &[Key::QuizC1Q2WhyA, Key::QuizC1Q2WhyB, Key::QuizC1Q2WhyC],
    },
    QuizItem {
        question: Key::QuizC1Q3,
        choices: &[Key::QuizC1Q3A, Key::QuizC1Q3B, Key::QuizC1Q3C],
        correct: 1,
        why: &[Key::QuizC1Q3WhyA, Key::QuizC1Q3WhyB, Key::QuizC1Q3WhyC],
    },
    QuizItem {
        question: Key::QuizC1Q4,
        choices: &[Key::QuizC1Q4A, Key::QuizC1Q4B, Key::QuizC1Q4C],
        correct: 1,
        why: &[Key::QuizC1Q4WhyA, Key::QuizC1Q4WhyB, Key::QuizC1Q4WhyC],
    },
];
