//! Risk lab 1 (chapter 4): slashing and shared liability. Four parts, all on the
//! chapter's scenario:
//! 1. the same stake securing N services, pooled restaking against EigenLayer's unique
//!    stake (`model::exposure`): chance of any loss, expected loss, worst case and the
//!    loss distribution;
//! 2. dual slashing of natively restaked ETH, step by step, reproducing EigenLayer's
//!    32 → 8 → 4 ETH example (`exposure::dual_slash`);
//! 3. the consensus correlation penalty, Electra against the earlier rules
//!    (`model::consensus::slashing_penalty`);
//! 4. one operator's slash spread over every holder of an LRT (`model::lrt_pool`).

use super::{ClassSummary, Level};
use crate::charts::columns::{draw_columns, Columns};
use crate::charts::lines::{draw_lines, LineChart, Series};
use crate::i18n::format::{eth0, pct0, pct1};
use crate::i18n::{format, use_i18n, Key, Locale};
use crate::model::consensus::{slashing_penalty, Fork, SlashingInputs};
use crate::model::exposure::{
    self, DualSlashInputs, DualSlashOutcome, ExposureInputs, ExposureReport, LossPoint,
    ModelExposure, ServiceRisk,
};
use crate::model::lrt_pool::{lrt_slash, LrtInputs, LrtOutcome};
use crate::model::num::{dec, pct, to_f64};
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::Scenario;
use crate::widgets::{Chart, Cite, DataTable, Formula, Later, Predict, Slider, Term, UrlNotice};
use leptos::prelude::*;
use rust_decimal::prelude::*;
use rust_decimal::Decimal;

/// URL parameters of this lab (documented in `docs/url-params.md`).
pub static PARAMS: [ParamSpec; 14] = [
    // 0 sn: services secured by the same stake.
    ParamSpec {
        name: "sn",
        min: dec(1, 0),
        max: dec(10, 0),
        step: dec(1, 0),
        default: dec(3, 0),
    },
    // 1 sp: each service's annual slashing probability, % (assumption: no public data yet).
    ParamSpec {
        name: "sp",
        min: dec(0, 0),
        max: dec(20, 0),
        step: dec(5, 1),
        default: dec(2, 0),
    },
    // 2 sf: fraction slashed per event, % (of the whole stake pooled, of the allocation unique).
    ParamSpec {
        name: "sf",
        min: dec(1, 0),
        max: dec(100, 0),
        step: dec(1, 0),
        default: dec(50, 0),
    },
    // 3 sc: common-cause parameter c, % (p_c = c · p).
    ParamSpec {
        name: "sc",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(5, 0),
        default: dec(20, 0),
    },
    // 4 sa: unique-stake allocation to each service, % of the stake (trimmed to 100 % in total).
    ParamSpec {
        name: "sa",
        min: dec(1, 0),
        max: dec(100, 0),
        step: dec(1, 0),
        default: dec(20, 0),
    },
    // 5 sm: 0 pooled restaking, 1 unique stake (ELIP-002).
    ParamSpec {
        name: "sm",
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // 6 sd: step of the dual-slashing walk-through, 0–3.
    ParamSpec {
        name: "sd",
        min: dec(0, 0),
        max: dec(3, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // 7 sv: the operator's AVS slash, % (EigenLayer's example: 75 %).
    ParamSpec {
        name: "sv",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(5, 0),
        default: dec(75, 0),
    },
    // 8 sb: beacon-chain slash, ETH of 32 (EigenLayer's example: 16 ETH).
    ParamSpec {
        name: "sb",
        min: dec(0, 0),
        max: dec(32, 0),
        step: dec(1, 0),
        default: dec(16, 0),
    },
    // 9 ss: share of all stake slashed in the same ~36-day window, %.
    ParamSpec {
        name: "ss",
        min: dec(0, 0),
        max: dec(50, 0),
        step: dec(1, 1),
        default: dec(0, 0),
    },
    // 10 sk: operators in the LRT's pool.
    ParamSpec {
        name: "sk",
        min: dec(1, 0),
        max: dec(50, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
    // 11 sw: share of the pool with the slashed operator, %.
    ParamSpec {
        name: "sw",
        min: dec(1, 0),
        max: dec(100, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
    // 12 sg: fraction of that operator's stake slashed, %.
    ParamSpec {
        name: "sg",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(5, 0),
        default: dec(50, 0),
    },
    // 13 st: LRT tokens held.
    ParamSpec {
        name: "st",
        min: dec(1, 0),
        max: dec(1000, 0),
        step: dec(1, 0),
        default: dec(32, 0),
    },
];

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "sn" => Key::RslashPN,
        "sp" => Key::RslashPP,
        "sf" => Key::RslashPF,
        "sc" => Key::RslashPC,
        "sa" => Key::RslashPA,
        "sm" => Key::RslashPModel,
        "sd" => Key::RslashPStep,
        "sv" => Key::RslashPAvs,
        "sb" => Key::RslashPBeacon,
        "ss" => Key::RslashPShare,
        "sk" => Key::RslashPOperators,
        "sw" => Key::RslashPWeight,
        "sg" => Key::RslashPLrtSlash,
        "st" => Key::RslashPTokens,
        _ => return None,
    })
}

/// The stake in the exposure part, ETH (one validator's worth).
const STAKE_ETH: i64 = 32;
/// Total active stake for the correlation penalty, ETH (the model's default, ~mainnet 2025).
const TOTAL_ACTIVE_ETH: i64 = 34_000_000;
/// Summary thresholds on the expected annual loss, fraction of the stake. **Assumptions**:
/// below 0.5 % a year is small next to a ~3 % staking yield; above 2 % it eats most of it.
pub const LOW_BELOW: Decimal = Decimal::from_parts(5, 0, 0, false, 3);
/// Upper threshold (see [`LOW_BELOW`]).
pub const HIGH_FROM: Decimal = Decimal::from_parts(2, 0, 0, false, 2);

/// The exposure model's inputs for N identical services (percent units as on the sliders),
/// one year, 32 ETH.
pub fn exposure_inputs(
    n: Decimal,
    p_pct: Decimal,
    f_pct: Decimal,
    c_pct: Decimal,
    a_pct: Decimal,
) -> ExposureInputs {
    let n = n
        .to_usize()
        .unwrap_or(1)
        .clamp(1, exposure::MAX_EXACT_SERVICES);
    let s = ServiceRisk {
        annual_probability: pct(p_pct),
        slash_fraction: pct(f_pct),
        allocation: pct(a_pct),
    };
    ExposureInputs {
        services: vec![s; n],
        common_cause: pct(c_pct),
        horizon_years: Decimal::ONE,
        stake: Decimal::from(STAKE_ETH),
        ..ExposureInputs::default()
    }
}

/// Probability of a loss in each tenth of the stake: bin `k` holds losses in
/// `(k/10, (k+1)/10]` (losses of exactly 0 are left out: they are "no loss").
pub fn loss_bins(dist: &[LossPoint]) -> [Decimal; 10] {
    let mut bins = [Decimal::ZERO; 10];
    for pt in dist.iter().filter(|p| p.loss > Decimal::ZERO) {
        let k = (pt.loss * Decimal::TEN).ceil().to_usize().unwrap_or(1);
        let k = k.clamp(1, 10) - 1;
        bins[k] += pt.probability;
    }
    bins
}

/// Total slashing penalty (ETH) of a 32 ETH validator under `fork` when `share_pct` % of
/// all stake is slashed in the same window (34 M ETH staked).
pub fn penalty_eth(share_pct: Decimal, fork: Fork) -> Decimal {
    slashing_penalty(
        &SlashingInputs {
            effective_balance_eth: Decimal::from(STAKE_ETH),
            total_active_eth: Decimal::from(TOTAL_ACTIVE_ETH),
            share_slashed: pct(share_pct),
        },
        fork,
    )
    .total_eth
}

fn dual(avs_pct: Decimal, beacon_eth: Decimal) -> Option<DualSlashOutcome> {
    exposure::dual_slash(&DualSlashInputs {
        deposit_eth: Decimal::from(STAKE_ETH),
        operator_slash_fraction: pct(avs_pct),
        beacon_slash_eth: beacon_eth,
    })
    .ok()
}

fn lrt(values: [Decimal; 4]) -> LrtOutcome {
    let [k, w, g, t] = values;
    lrt_slash(&LrtInputs {
        operators: k.to_u32().unwrap_or(1),
        slashed_share: pct(w),
        slash_fraction: pct(g),
        holder_tokens: t,
        rate_before: Decimal::ONE,
    })
}

fn model_of(report: &ExposureReport, unique: bool) -> &ModelExposure {
    if unique {
        &report.unique
    } else {
        &report.pooled
    }
}

fn level_of(expected: Decimal) -> Level {
    if expected < LOW_BELOW {
        Level::Low
    } else if expected < HIGH_FROM {
        Level::Moderate
    } else {
        Level::High
    }
}

/// This class's line in the chapter summary: the expected annual loss of the chosen
/// model (pooled or unique stake) for the lab's services, scored against the
/// [`LOW_BELOW`] / [`HIGH_FROM`] thresholds (assumptions).
pub fn summarize(l: Locale, values: &[Decimal]) -> ClassSummary {
    let v = |i: usize| {
        values
            .get(i)
            .copied()
            .map(|x| PARAMS[i].clamp(x))
            .unwrap_or(PARAMS[i].default)
    };
    let unique = v(5) == Decimal::ONE;
    let report = exposure::exposure(&exposure_inputs(v(0), v(1), v(2), v(3), v(4))).ok();
    let (expected, worst, p_loss) = report
        .as_ref()
        .map(|r| {
            let m = model_of(r, unique);
            (m.expected_loss, m.worst_case, m.p_loss)
        })
        .unwrap_or_default();
    let model = l.text(if unique {
        Key::RslashModelUnique
    } else {
        Key::RslashModelPooled
    });
    ClassSummary {
        class: Key::RslashTitle,
        headline: Key::RslashSumHeadline,
        value: format::percent(l, expected, 2),
        level: level_of(expected),
        because: crate::i18n::fill(
            l.text(Key::RslashSumBecause),
            &[
                ("n", &format::number(l, v(0), 0)),
                ("model", model),
                ("p", &format::percent(l, p_loss, 1)),
                ("e", &format::percent(l, expected, 2)),
                ("w", &format::percent(l, worst, 1)),
                ("lo", &format::percent(l, LOW_BELOW, 1)),
                ("hi", &format::percent(l, HIGH_FROM, 0)),
            ],
        ),
    }
}

fn count(l: Locale, x: Decimal) -> String {
    format::number(l, x, 0)
}

/// Shares (percent) at which the penalty chart is sampled: 0–50 % every 0.5 %.
fn chart_shares() -> impl Iterator<Item = Decimal> {
    (0..=100).map(|i| Decimal::new(i * 5, 1))
}

/// The lab.
#[component]
pub fn Lab(
    /// This lab's values, read from and written to the URL by the chapter.
    scenario: Scenario,
) -> impl IntoView {
    let i18n = use_i18n();
    let v = scenario.values.clone();
    let [sn, sp, sf, sc, sa, sm, sd, sv, sb, ss, sk, sw, sg, st] =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map(|i| v[i]);

    // Part 1: exposure.
    let report = Memo::new(move |_| {
        exposure::exposure(&exposure_inputs(
            sn.get(),
            sp.get(),
            sf.get(),
            sc.get(),
            sa.get(),
        ))
        .ok()
    });
    let unique = move || sm.get() == Decimal::ONE;
    let pc = move |x: Decimal, dp: u32| format::percent(i18n.get(), x, dp);
    let ethf = move |x: Decimal, dp: u32| format::eth(i18n.get(), x, dp);
    let chosen = move || report.get().map(|r| model_of(&r, unique()).clone());
    let other = move || report.get().map(|r| model_of(&r, !unique()).clone());
    let p_loss = move || chosen().map(|m| pc(m.p_loss, 2)).unwrap_or_default();
    let expected = move || {
        chosen()
            .map(|m| {
                format!(
                    "{} · {}",
                    pc(m.expected_loss, 2),
                    ethf(m.expected_loss_eth, 3)
                )
            })
            .unwrap_or_default()
    };
    let worst = move || {
        chosen()
            .map(|m| format!("{} · {}", pc(m.worst_case, 1), ethf(m.worst_case_eth, 2)))
            .unwrap_or_default()
    };
    let other_line = move || {
        let Some(o) = other() else {
            return String::new();
        };
        i18n.tf(
            Key::RslashOtherModel,
            &[
                (
                    "model",
                    i18n.t(if unique() {
                        Key::RslashModelPooled
                    } else {
                        Key::RslashModelUnique
                    }),
                ),
                ("e", &pc(o.expected_loss, 2)),
                ("w", &pc(o.worst_case, 1)),
            ],
        )
    };
    let cap_line = move || {
        let n = sn.get();
        let a = pct(sa.get());
        let total = (a * n).min(Decimal::ONE);
        i18n.tf(
            Key::RslashCapLine,
            &[
                ("a", &pc(a, 0)),
                ("f", &pc(pct(sf.get()), 0)),
                ("cap", &pc(a * pct(sf.get()), 1)),
                ("total", &pc(total, 0)),
            ],
        )
    };
    let formula_general = move || {
        if unique() {
            Key::RslashFormulaUnique
        } else {
            Key::RslashFormulaPooled
        }
    };
    let substituted = move || {
        let Some(r) = report.get() else {
            return String::new();
        };
        let l = i18n.get();
        let q = r
            .idiosyncratic_probabilities
            .first()
            .copied()
            .unwrap_or_default();
        let qc = r.common_probability;
        let n = sn.get();
        let f = pct(sf.get());
        let n_s = format::number(l, n, 0);
        let num = |x: Decimal| format::number(l, x, 4);
        if unique() {
            format!(
                "{n_s} × {} × {} × (1 − (1 − {})(1 − {})) = {}",
                num(effective_allocation(sa.get(), n)),
                num(f),
                num(q),
                num(qc),
                format::percent(l, r.unique.expected_loss, 2)
            )
        } else {
            format!(
                "1 − [(1 − {})(1 − {} × {})^{n_s} + {} × (1 − {})^{n_s}] = {}",
                num(qc),
                num(f),
                num(q),
                num(qc),
                num(f),
                format::percent(l, r.pooled.expected_loss, 2)
            )
        }
    };

    let cats: Vec<String> = (1..=10).map(|k| (k * 10).to_string()).collect();
    let cats_for_chart = cats.clone();
    let dist_data = Memo::new(move |_| {
        let l = i18n.get();
        let r = report.get();
        let bins = |m: Option<&ModelExposure>| {
            m.map(|m| {
                loss_bins(&m.distribution)
                    .iter()
                    .map(|p| to_f64(*p) * 100.0)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        };
        Columns {
            categories: cats_for_chart.clone(),
            groups: vec![
                (l.text(Key::RslashModelPooled).into(), 1),
                (l.text(Key::RslashModelUnique).into(), 0),
            ],
            values: vec![
                bins(r.as_ref().map(|r| &r.pooled)),
                bins(r.as_ref().map(|r| &r.unique)),
            ],
            x_caption: l.text(Key::RslashDistX).into(),
            y_caption: l.text(Key::RslashDistY).into(),
            y_fmt: |y| format!("{y:.1}%"),
            y_min_top: 1.0,
            emphasis: Some(if sm.get() == Decimal::ONE { 1 } else { 0 }),
        }
    });
    let dist_aria = move || {
        let r = report.get();
        let (pw, uw) = r
            .map(|r| (r.pooled.worst_case, r.unique.worst_case))
            .unwrap_or_default();
        i18n.tf(
            Key::RslashDistAria,
            &[("pw", &pc(pw, 1)), ("uw", &pc(uw, 1))],
        )
    };
    let dist_table = move || {
        let l = i18n.get();
        let r = report.get();
        let pb = r
            .as_ref()
            .map(|r| loss_bins(&r.pooled.distribution))
            .unwrap_or_default();
        let ub = r
            .as_ref()
            .map(|r| loss_bins(&r.unique.distribution))
            .unwrap_or_default();
        DataTable {
            headers: vec![
                l.text(Key::RslashTblBin).into(),
                l.text(Key::RslashModelPooled).into(),
                l.text(Key::RslashModelUnique).into(),
            ],
            rows: (0..10)
                .map(|k| {
                    vec![
                        format!("{}–{}%", k * 10, k * 10 + 10),
                        format::percent(l, pb[k], 3),
                        format::percent(l, ub[k], 3),
                    ]
                })
                .collect(),
        }
    };

    // Part 2: dual slashing.
    let dual_out = Memo::new(move |_| dual(sv.get(), sb.get()));
    let step = move || sd.get().to_u32().unwrap_or(0).min(3);
    let step_text = move || {
        let Some(o) = dual_out.get() else {
            return String::new();
        };
        let l = i18n.get();
        let e = |x: Decimal| format::eth(l, x, 2);
        let num = |x: Decimal| format::number(l, x, 2);
        match step() {
            0 => i18n.tf(Key::RslashDual0, &[("d", &e(Decimal::from(STAKE_ETH)))]),
            1 => i18n.tf(
                Key::RslashDual1,
                &[
                    ("p", &format::percent(l, pct(sv.get()), 0)),
                    ("m", &num(o.max_magnitude)),
                    ("w", &e(o.withdrawable_before_beacon_eth)),
                ],
            ),
            2 => i18n.tf(
                Key::RslashDual2,
                &[
                    ("b", &e(o.beacon_loss_eth)),
                    ("f", &num(o.beacon_chain_slashing_factor)),
                    ("m", &num(o.max_magnitude)),
                    ("w", &e(o.withdrawable_eth)),
                ],
            ),
            _ => i18n.tf(
                Key::RslashDual3,
                &[
                    ("b", &e(o.beacon_loss_eth)),
                    ("a", &e(o.avs_loss_eth)),
                    ("w", &e(o.withdrawable_eth)),
                ],
            ),
        }
    };
    // (kept, burned by AVSs, burned by the beacon chain) at the current step, ETH.
    let segments = move || {
        let o = dual_out.get();
        let d = Decimal::from(STAKE_ETH);
        match (step(), o) {
            (0, _) | (_, None) => (d, Decimal::ZERO, Decimal::ZERO),
            (1, Some(o)) => (
                o.withdrawable_before_beacon_eth,
                d - o.withdrawable_before_beacon_eth,
                Decimal::ZERO,
            ),
            (_, Some(o)) => (o.withdrawable_eth, o.avs_loss_eth, o.beacon_loss_eth),
        }
    };
    let seg_style = move |x: Decimal| {
        format!(
            "width:{}%",
            (x / Decimal::from(STAKE_ETH) * Decimal::ONE_HUNDRED).round_dp(3)
        )
    };
    let withdrawable_now = move || ethf(segments().0, 2);

    // Part 3: correlation penalty.
    let share = move || ss.get();
    let electra = move || penalty_eth(share(), Fork::Electra);
    let before = move || penalty_eth(share(), Fork::Bellatrix);
    let pen_data = Memo::new(move |_| {
        let l = i18n.get();
        let pts = |fork| {
            chart_shares()
                .map(|s| (to_f64(s), to_f64(penalty_eth(s, fork))))
                .collect::<Vec<_>>()
        };
        let x = to_f64(share());
        LineChart {
            series: vec![
                Series {
                    name: l.text(Key::RslashSeriesElectra).into(),
                    points: pts(Fork::Electra),
                    colour: 0,
                },
                Series {
                    name: l.text(Key::RslashSeriesBefore).into(),
                    points: pts(Fork::Bellatrix),
                    colour: 1,
                },
                Series {
                    name: l.text(Key::RslashSeriesYou).into(),
                    points: vec![(x, 0.0), (x, 32.0)],
                    colour: 5,
                },
            ],
            x_caption: l.text(Key::RslashPenX).into(),
            y_caption: l.text(Key::RslashPenY).into(),
            x_fmt: |x| format!("{x:.0}%"),
            y_fmt: |y| format!("{y:.0}"),
            y_from_zero: true,
        }
    });
    let pen_aria = move || {
        i18n.tf(
            Key::RslashPenAria,
            &[
                ("s", &format::pct1(i18n.get(), share())),
                ("e", &ethf(electra(), 4)),
                ("b", &ethf(before(), 4)),
            ],
        )
    };
    let pen_table = move || {
        let l = i18n.get();
        let mut shares: Vec<Decimal> = (0..=10).map(|i| Decimal::from(i * 5)).collect();
        shares.push(Decimal::new(3333, 2));
        shares.push(share());
        shares.sort();
        shares.dedup();
        DataTable {
            headers: vec![
                l.text(Key::RslashPenX).into(),
                l.text(Key::RslashSeriesElectra).into(),
                l.text(Key::RslashSeriesBefore).into(),
            ],
            rows: shares
                .into_iter()
                .map(|s| {
                    vec![
                        format::pct1(l, s),
                        format::eth(l, penalty_eth(s, Fork::Electra), 4),
                        format::eth(l, penalty_eth(s, Fork::Bellatrix), 4),
                    ]
                })
                .collect(),
        }
    };
    let pen_subst = move || {
        let l = i18n.get();
        let s = pct(share());
        let three = (s * Decimal::from(3)).min(Decimal::ONE);
        format!(
            "32/4096 + 32 × min(3 × {}, 1) = {} + 32 × {} ≈ {}",
            format::percent(l, s, 1),
            format::number(l, Decimal::new(78125, 7), 4),
            format::number(l, three, 3),
            format::eth(l, electra(), 4)
        )
    };

    // Part 4: LRT pool.
    let lrt_out = Memo::new(move |_| lrt([sk.get(), sw.get(), sg.get(), st.get()]));
    let lrt_subst = move || {
        let l = i18n.get();
        let o = lrt_out.get();
        format!(
            "1 × (1 − {} × {}) = {} ETH · {} × {} = {}",
            format::percent(l, o.inputs.slashed_share, 0),
            format::percent(l, o.inputs.slash_fraction, 0),
            format::number(l, o.rate_after, 4),
            format::number(l, o.inputs.holder_tokens, 0),
            format::percent(l, o.pool_loss, 2),
            format::eth(l, o.holder_loss_eth, 3)
        )
    };
    let lrt_direct = move || {
        let l = i18n.get();
        let o = lrt_out.get();
        i18n.tf(
            Key::RslashLrtDirect,
            &[
                ("spared", &o.spared_operators.to_string()),
                ("w", &format::percent(l, o.direct_hit_probability, 0)),
                ("f", &format::percent(l, o.direct_loss_if_hit, 0)),
                ("e", &format::percent(l, o.pool_loss, 2)),
            ],
        )
    };
    let even_hint = move || {
        let k = sk.get().max(Decimal::ONE);
        i18n.tf(
            Key::RslashEvenShare,
            &[("s", &format::percent(i18n.get(), Decimal::ONE / k, 1))],
        )
    };

    let model_button = move |val: Decimal, key: Key| {
        view! {
            <button
                type="button"
                data-model=val.to_string()
                aria-pressed=move || (sm.get() == val).to_string()
                on:click=move |_| sm.set(val)
            >
                {move || i18n.t(key)}
            </button>
        }
    };
    let step_to = move |delta: i32| {
        let s = step() as i32 + delta;
        sd.set(Decimal::from(s.clamp(0, 3)));
    };

    view! {
        <section class="lab rslash" aria-labelledby="rslash-title">
            <h2 id="rslash-title">{move || i18n.t(Key::RslashTitle)}</h2>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>
                {move || i18n.t(Key::RslashIntro1)}
                <Term id="slashing">{move || i18n.t(Key::RslashTermSlashing)}</Term>
                {move || i18n.t(Key::RslashIntro2)}
                <Term id="unique-stake">{move || i18n.t(Key::RslashTermUnique)}</Term>
                {move || i18n.t(Key::RslashIntro3)} " "
                <Cite id=SourceId::Elip002 /> " " <Cite id=SourceId::EigenUniqueStake />
            </p>

            <h3>{move || i18n.t(Key::RslashExpTitle)}</h3>
            <div class="lab-grid">
                <div class="controls">
                    <div class="rslash-switch" role="group" aria-label=move || i18n.t(Key::RslashPModel)>
                        {model_button(Decimal::ZERO, Key::RslashModelPooled)}
                        {model_button(Decimal::ONE, Key::RslashModelUnique)}
                    </div>
                    <Slider label=Key::RslashPN spec=&PARAMS[0] value=sn fmt=count />
                    <Slider label=Key::RslashPP spec=&PARAMS[1] value=sp fmt=pct1 hint=Key::RslashPPHint />
                    <Slider label=Key::RslashPF spec=&PARAMS[2] value=sf fmt=pct0 />
                    <Slider label=Key::RslashPC spec=&PARAMS[3] value=sc fmt=pct0 hint=Key::RslashPCHint />
                    <Slider label=Key::RslashPA spec=&PARAMS[4] value=sa fmt=pct0 hint=Key::RslashPAHint />
                    <p class="hint rslash-assume">{move || i18n.t(Key::RslashExpAssume)}</p>
                </div>
                <div>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::RslashPLoss)}</dt>
                            <dd data-testid="rslash-ploss">{p_loss}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RslashExpected)}</dt>
                            <dd data-testid="rslash-expected">{expected}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RslashWorst)}</dt>
                            <dd data-testid="rslash-worst">{worst}</dd>
                        </div>
                    </dl>
                    <p class="rslash-other" data-testid="rslash-other">{other_line}</p>
                    <p class="hint">{cap_line}</p>
                    <ul class="legend">
                        <li><span class="sw sw-1"></span>{move || i18n.t(Key::RslashModelPooled)}</li>
                        <li><span class="sw sw-0"></span>{move || i18n.t(Key::RslashModelUnique)}</li>
                    </ul>
                    <Chart
                        data=dist_data
                        draw=draw_columns
                        aria_label=Signal::derive(dist_aria)
                        table=Signal::derive(dist_table)
                        height=260
                    />
                    {move || {
                        let general = formula_general();
                        view! {
                            <Formula
                                caption=Key::RslashFormulaCaption
                                general=general
                                substituted=Signal::derive(substituted)
                            />
                        }
                    }}
                </div>
            </div>

            // The lab's other three parts are built after the first frame (`Later`):
            // its first part alone fills the screen.
            <Later>
            <h3>{move || i18n.t(Key::RslashDualTitle)}</h3>
            <p>
                {move || i18n.t(Key::RslashDualIntro1)}
                <Term id="eigenpod">{move || i18n.t(Key::RslashTermEigenpod)}</Term>
                {move || i18n.t(Key::RslashDualIntro2)} " "
                <Cite id=SourceId::EigenDualSlashing /> " " <Cite id=SourceId::EigenPod />
            </p>
            <div class="lab-grid">
                <div class="controls">
                    <Slider label=Key::RslashPAvs spec=&PARAMS[7] value=sv fmt=pct0 />
                    <Slider label=Key::RslashPBeacon spec=&PARAMS[8] value=sb fmt=eth0 />
                    <p class="hint">{move || i18n.t(Key::RslashDualDefaults)}</p>
                </div>
                <div class="rslash-dual">
                    <div class="rslash-stepper">
                        <button type="button" data-testid="rslash-back" disabled=move || step() == 0 on:click=move |_| step_to(-1)>
                            {move || i18n.t(Key::RslashBack)}
                        </button>
                        <span class="rslash-stepno" data-testid="rslash-stepno">
                            {move || i18n.tf(Key::RslashStepOf, &[("i", &(step() + 1).to_string()), ("n", "4")])}
                        </span>
                        <button type="button" data-testid="rslash-next" disabled=move || step() == 3 on:click=move |_| step_to(1)>
                            {move || i18n.t(Key::RslashNext)}
                        </button>
                    </div>
                    <p class="rslash-steptext" data-testid="rslash-steptext" aria-live="polite">{step_text}</p>
                    <div class="rslash-bar" role="img" aria-label=move || {
                        let (k, a, b) = segments();
                        i18n.tf(Key::RslashBarAria, &[("k", &ethf(k, 2)), ("a", &ethf(a, 2)), ("b", &ethf(b, 2))])
                    }>
                        <span class="rslash-kept" style=move || seg_style(segments().0)></span>
                        <span class="rslash-avs" style=move || seg_style(segments().1)></span>
                        <span class="rslash-beacon" style=move || seg_style(segments().2)></span>
                    </div>
                    <ul class="legend rslash-barlegend">
                        <li><span class="sw rslash-sw-kept"></span>{move || i18n.t(Key::RslashSegKept)} " " {move || ethf(segments().0, 2)}</li>
                        <li><span class="sw rslash-sw-avs"></span>{move || i18n.t(Key::RslashSegAvs)} " " {move || ethf(segments().1, 2)}</li>
                        <li><span class="sw rslash-sw-beacon"></span>{move || i18n.t(Key::RslashSegBeacon)} " " {move || ethf(segments().2, 2)}</li>
                    </ul>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::RslashWithdrawable)}</dt>
                            <dd data-testid="rslash-withdrawable">{withdrawable_now}</dd>
                        </div>
                    </dl>
                    <Formula
                        caption=Key::RslashDualFormulaCaption
                        general=Key::RslashDualFormulaGeneral
                        substituted=Signal::derive(move || {
                            let l = i18n.get();
                            dual_out.get().map(|o| format!(
                                "32 × {} × {} = {}",
                                format::number(l, o.max_magnitude, 2),
                                format::number(l, o.beacon_chain_slashing_factor, 2),
                                format::eth(l, o.withdrawable_eth, 2)
                            )).unwrap_or_default()
                        })
                    />
                </div>
            </div>

            </Later>
            <Later>
            <h3>{move || i18n.t(Key::RslashPenTitle)}</h3>
            <p>
                {move || i18n.t(Key::RslashPenIntro1)}
                <Term id="correlation-penalty">{move || i18n.t(Key::RslashTermCorrelation)}</Term>
                {move || i18n.t(Key::RslashPenIntro2)} " "
                <Cite id=SourceId::ConsensusSpecs />
            </p>
            <Predict
                question=Key::RslashPredictQ
                choices=&[Key::RslashPredictA, Key::RslashPredictB, Key::RslashPredictC]
                correct=1
                explanation=Key::RslashPredictExplain
            />
            <div class="lab-grid">
                <div class="controls">
                    <Slider label=Key::RslashPShare spec=&PARAMS[9] value=ss fmt=pct1 hint=Key::RslashPShareHint />
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::RslashSeriesElectra)}</dt>
                            <dd data-testid="rslash-electra">{move || ethf(electra(), 4)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RslashSeriesBefore)}</dt>
                            <dd data-testid="rslash-before">{move || ethf(before(), 4)}</dd>
                        </div>
                    </dl>
                    <p class="hint">{move || i18n.t(Key::RslashPenNote)}</p>
                </div>
                <div>
                    <Chart
                        data=pen_data
                        draw=draw_lines
                        aria_label=Signal::derive(pen_aria)
                        table=Signal::derive(pen_table)
                        height=280
                    />
                    <Formula
                        caption=Key::RslashPenFormulaCaption
                        general=Key::RslashPenFormulaGeneral
                        substituted=Signal::derive(pen_subst)
                    />
                </div>
            </div>

            </Later>
            <Later>
            <h3>{move || i18n.t(Key::RslashLrtTitle)}</h3>
            <p>
                {move || i18n.t(Key::RslashLrtIntro1)}
                <Term id="lrt">{move || i18n.t(Key::RslashTermLrt)}</Term>
                {move || i18n.t(Key::RslashLrtIntro2)} " "
                <Cite id=SourceId::Erc4626 /> " " <Cite id=SourceId::Elip002 />
            </p>
            <div class="lab-grid">
                <div class="controls">
                    <Slider label=Key::RslashPOperators spec=&PARAMS[10] value=sk fmt=count />
                    <Slider label=Key::RslashPWeight spec=&PARAMS[11] value=sw fmt=pct0 />
                    <p class="hint">{even_hint}</p>
                    <Slider label=Key::RslashPLrtSlash spec=&PARAMS[12] value=sg fmt=pct0 />
                    <Slider label=Key::RslashPTokens spec=&PARAMS[13] value=st fmt=count />
                    <p class="hint rslash-assume">{move || i18n.t(Key::RslashLrtAssume)}</p>
                </div>
                <div>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::RslashRateAfter)}</dt>
                            <dd data-testid="rslash-rate">{move || format!("{} ETH", format::number(i18n.get(), lrt_out.get().rate_after, 4))}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RslashHolderLoss)}</dt>
                            <dd data-testid="rslash-holder-loss">{move || ethf(lrt_out.get().holder_loss_eth, 3)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RslashPoolLoss)}</dt>
                            <dd data-testid="rslash-pool-loss">{move || pc(lrt_out.get().pool_loss, 2)}</dd>
                        </div>
                    </dl>
                    <p data-testid="rslash-direct">{lrt_direct}</p>
                    <Formula
                        caption=Key::RslashLrtFormulaCaption
                        general=Key::RslashLrtFormulaGeneral
                        substituted=Signal::derive(lrt_subst)
                    />
                </div>
            </div>
            </Later>
        </section>
    }
}

/// The allocation each of `n` services really gets in the unique-stake model: the model
/// trims allocations in order so they sum to at most 100 %, so with equal requests the
/// last ones may get less; this is the average, `min(a, 1/n)` when all are trimmed evenly
/// (used only to print the formula).
fn effective_allocation(a_pct: Decimal, n: Decimal) -> Decimal {
    let n = n.max(Decimal::ONE);
    (pct(a_pct) * n).min(Decimal::ONE) / n
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn defaults() -> Vec<Decimal> {
        PARAMS.iter().map(|p| p.default).collect()
    }

    #[test]
    fn names_are_unique_prefixed_and_defaults_in_range() {
        let mut names: Vec<_> = PARAMS.iter().map(|p| p.name).collect();
        assert!(names.iter().all(|n| n.starts_with('s') && n.len() <= 3));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PARAMS.len());
        for p in &PARAMS {
            assert_eq!(p.clamp(p.default), p.default, "{}", p.name);
            assert!(label_of(p.name).is_some());
        }
    }

    #[test]
    fn unique_stake_caps_what_each_service_takes() {
        // 3 services, 2 %/yr, 50 %, c = 20 %, allocation 20 %: unique worst = 3 × 10 % = 30 %;
        // pooled worst = 1 − 0.5³ = 87.5 %.
        let r = exposure::exposure(&exposure_inputs(d("3"), d("2"), d("50"), d("20"), d("20")))
            .unwrap();
        assert_eq!(r.unique.worst_case, d("0.3"));
        assert_eq!(r.pooled.worst_case, d("0.875"));
        assert!(r.unique.expected_loss < r.pooled.expected_loss);
        // the bins hold every non-zero outcome
        for m in [&r.pooled, &r.unique] {
            let nonzero: Decimal = m
                .distribution
                .iter()
                .filter(|p| p.loss > Decimal::ZERO)
                .map(|p| p.probability)
                .sum();
            assert_eq!(
                loss_bins(&m.distribution).iter().copied().sum::<Decimal>(),
                nonzero
            );
        }
        // unique losses 10 %, 20 %, 30 % land in the first three bins only
        let ub = loss_bins(&r.unique.distribution);
        assert!(ub[0] > Decimal::ZERO && ub[2] > Decimal::ZERO);
        assert!(ub[3..].iter().all(|x| x.is_zero()));
        // pooled: 50 %, 75 %, 87.5 %
        let pb = loss_bins(&r.pooled.distribution);
        assert!(pb[4] > Decimal::ZERO && pb[7] > Decimal::ZERO && pb[8] > Decimal::ZERO);
    }

    #[test]
    fn dual_slash_reproduces_eigenlayers_example() {
        let o = dual(d("75"), d("16")).unwrap();
        assert_eq!(o.withdrawable_before_beacon_eth, d("8"));
        assert_eq!(o.withdrawable_eth, d("4"));
        assert_eq!(o.avs_loss_eth, d("12"));
    }

    #[test]
    fn penalty_electra_vs_before() {
        // Golden values from model::consensus tests at 34 M ETH.
        assert_eq!(penalty_eth(d("10"), Fork::Electra), d("9.6078125"));
        assert_eq!(penalty_eth(d("10"), Fork::Bellatrix), d("10"));
        assert_eq!(penalty_eth(d("0"), Fork::Bellatrix), d("1"));
        assert!(penalty_eth(d("0"), Fork::Electra) < d("0.01"));
        assert_eq!(penalty_eth(d("34"), Fork::Electra), d("32"));
        assert_eq!(chart_shares().count(), 101);
    }

    #[test]
    fn lrt_default_spreads_one_operators_slash() {
        let o = lrt([d("10"), d("10"), d("50"), d("32")]);
        assert_eq!(o.rate_after, d("0.95"));
        assert_eq!(o.holder_loss_eth, d("1.6"));
    }

    #[test]
    fn summarize_defaults_and_levels() {
        let s = summarize(Locale::En, &defaults());
        assert_eq!(s.class, Key::RslashTitle);
        let r = exposure::exposure(&exposure_inputs(d("3"), d("2"), d("50"), d("20"), d("20")))
            .unwrap();
        assert_eq!(
            s.value,
            format::percent(Locale::En, r.pooled.expected_loss, 2)
        );
        // pooled default: about 3 × 2.4 % × 50 % ≈ 3.5 % a year: high.
        assert_eq!(s.level, Level::High);
        assert!(s.because.contains(&s.value), "{}", s.because);
        let mut v = defaults();
        v[5] = Decimal::ONE; // unique stake
        let u = summarize(Locale::Zh, &v);
        assert_eq!(
            u.value,
            format::percent(Locale::Zh, r.unique.expected_loss, 2)
        );
        assert_eq!(u.level, level_of(r.unique.expected_loss));
        v[1] = Decimal::ZERO;
        v[3] = Decimal::ZERO;
        assert_eq!(summarize(Locale::En, &v).level, Level::Low);
        // short or bad input falls back to defaults / clamps
        assert_eq!(summarize(Locale::En, &[]).value, s.value);
        assert_eq!(level_of(d("0.004")), Level::Low);
        assert_eq!(level_of(d("0.01")), Level::Moderate);
        assert_eq!(level_of(d("0.02")), Level::High);
    }

    proptest::proptest! {
        #[test]
        fn any_slider_position_computes(n in 1u32..=10, p in 0u32..=40, f in 1u32..=100, c in 0u32..=20, a in 1u32..=100, m in 0u32..=1) {
            let v = vec![n.into(), Decimal::new(p as i64 * 5, 1), f.into(), Decimal::from(c * 5), a.into(), m.into()];
            let s = summarize(Locale::En, &v);
            proptest::prop_assert!(!s.value.is_empty());
            let r = exposure::exposure(&exposure_inputs(v[0], v[1], v[2], v[3], v[4])).unwrap();
            proptest::prop_assert!(r.unique.worst_case <= r.pooled.worst_case);
            let total: Decimal = loss_bins(&r.unique.distribution).iter().copied().sum();
            proptest::prop_assert!(total <= Decimal::ONE + Decimal::new(1, 20));
        }
    }
}
