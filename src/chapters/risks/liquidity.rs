//! Chapter 4, lab 3: liquidity and redemption delay. How long it takes to turn a
//! liquid restaking token back into ETH through the queues (beacon-chain exit queue
//! under Electra's churn rule, the 256-epoch withdrawability delay, the withdrawal
//! sweep, EigenLayer's 14-day withdrawal delay, the LRT's own queue), against selling
//! the token now at a discount, with the ETH price risk of waiting. Two historical
//! replays (stETH June 2022, ezETH April 2024) use the sourced presets of
//! `model::exit`.
//!
//! Assumptions (labelled in the UI): the position is 32 tokens, each redeemable for
//! 1 ETH; the validator count for the sweep is total stake / 32 ETH; the 1 % discount
//! and the 60 %/yr volatility defaults are illustrative; the summary's thresholds
//! (7 and 30 days) are ours.

use super::{ClassSummary, Level};
use crate::charts::bars::{draw_stacked_bars, Bar, StackedBars};
use crate::charts::lines::{draw_lines_with_headroom, LineChart, Series};
use crate::i18n::format::{self, pct0, pct1};
use crate::i18n::{fill, use_i18n, Key, Locale};
use crate::model::exit::{self, SellVsRedeem, SellVsRedeemInputs, StageKind, Timeline};
use crate::model::num::{dec, to_f64};
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::Scenario;
use crate::widgets::{Chart, Cite, DataTable, Formula, Predict, Slider, Term};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// URL parameters of this lab (documented in `docs/url-params.md`).
pub static PARAMS: [ParamSpec; 7] = [
    // Preset: 0 = your own scenario, 1 = stETH June 2022, 2 = ezETH April 2024.
    ParamSpec {
        name: "lp",
        min: dec(0, 0),
        max: dec(2, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // ETH already waiting in the beacon-chain exit queue ahead of you.
    ParamSpec {
        name: "lq",
        min: dec(0, 0),
        max: dec(4_000_000, 0),
        step: dec(1_000, 0),
        default: dec(0, 0),
    },
    // Total ETH staked (sets the Electra churn; 34 M as in chapter 1).
    ParamSpec {
        name: "lt",
        min: dec(1_000_000, 0),
        max: dec(60_000_000, 0),
        step: dec(100_000, 0),
        default: dec(34_000_000, 0),
    },
    // EigenLayer withdrawal delay on (1) or off (0).
    ParamSpec {
        name: "le",
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(1, 0),
    },
    // The LRT's own queue or cooldown, in days (Renzo: 3).
    ParamSpec {
        name: "lr",
        min: dec(0, 0),
        max: dec(30, 0),
        step: dec(1, 0),
        default: dec(3, 0),
    },
    // Market discount if you sell now, percent (illustrative 1 %).
    ParamSpec {
        name: "ld",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(1, 1),
        default: dec(10, 1),
    },
    // ETH volatility, percent per year (illustrative 60 %).
    ParamSpec {
        name: "lv",
        min: dec(0, 0),
        max: dec(200, 0),
        step: dec(1, 0),
        default: dec(60, 0),
    },
];

/// The label of each parameter, for the URL notice.
pub fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "lp" => Key::RliqPPreset,
        "lq" => Key::RliqPQueued,
        "lt" => Key::RliqPTotal,
        "le" => Key::RliqPEigen,
        "lr" => Key::RliqPLrt,
        "ld" => Key::RliqPDiscount,
        "lv" => Key::RliqPVol,
        _ => return None,
    })
}

/// Tokens in the position (each redeemable for 1 ETH): an illustrative assumption.
pub const AMOUNT: Decimal = dec(32, 0);
/// Summary threshold (assumption): below this many days to cash is "low".
pub const LOW_DAYS: Decimal = dec(7, 0);
/// Summary threshold (assumption): above this many days to cash is "high".
pub const HIGH_DAYS: Decimal = dec(30, 0);

/// Stages in chart order (one colour each).
pub const STAGES: [StageKind; 6] = [
    StageKind::WithdrawalsNotEnabled,
    StageKind::BeaconExitQueue,
    StageKind::WithdrawabilityDelay,
    StageKind::WithdrawalSweep,
    StageKind::EigenLayerDelay,
    StageKind::ProtocolQueue,
];

/// Everything the lab shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Numbers {
    /// 0 own scenario, 1 stETH 2022, 2 ezETH 2024.
    pub preset: u8,
    /// The redemption timeline.
    pub timeline: Timeline,
    /// Discount used, percent.
    pub discount_pct: Decimal,
    /// Volatility used, percent per year.
    pub vol_pct: Decimal,
    /// Sell now or redeem.
    pub sell: SellVsRedeem,
    /// (day, sell now, redeem 5th pct, median, 95th pct) in today's ETH, for the fan chart.
    pub fan: Vec<(Decimal, Decimal, Decimal, Decimal, Decimal)>,
}

fn value(values: &[Decimal], i: usize) -> Decimal {
    values
        .get(i)
        .map(|v| PARAMS[i].clamp(*v))
        .unwrap_or(PARAMS[i].default)
}

/// Runs the model for this lab's values (in `PARAMS` order; missing ones take their
/// defaults, all are clamped).
pub fn compute(values: &[Decimal]) -> Numbers {
    let mut n = compute_without_fan(values);
    n.fan = fan_points(&n);
    n
}

/// The inputs of the sell-or-redeem comparison for a wait of `wait` days.
fn sell_inputs(discount: Decimal, vol: Decimal, wait: Decimal) -> SellVsRedeemInputs {
    SellVsRedeemInputs {
        amount: AMOUNT,
        discount_pct: discount,
        wait_days: wait,
        eth_price: Decimal::ONE,
        eth_vol_annual_pct: vol,
    }
}

/// [`compute`] without the fan chart's 41 points (`fan` is empty): what the chapter's
/// summary card needs, at a fortieth of the cost.
fn compute_without_fan(values: &[Decimal]) -> Numbers {
    let preset = value(values, 0).trunc().try_into().unwrap_or(0u8);
    let vol = value(values, 6);
    let (exit_in, discount) = match preset {
        1 | 2 => {
            let p = exit::preset(if preset == 1 {
                exit::Preset::StEthJune2022
            } else {
                exit::Preset::EzEthApril2024
            });
            (p.exit, p.sell.discount_pct)
        }
        _ => {
            let total = value(values, 2);
            let validators = (total / dec(32, 0)).trunc().try_into().unwrap_or(1_000_000);
            (
                exit::ExitInputs {
                    amount_eth: AMOUNT,
                    queued_ahead_eth: value(values, 1),
                    total_active_stake_eth: total,
                    validator_count: validators,
                    via_beacon_chain: true,
                    via_eigenlayer: value(values, 3) >= Decimal::ONE,
                    eigenlayer_delay_blocks: exit::EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS,
                    protocol_queue_days: value(values, 4),
                    withdrawals_not_enabled_days: Decimal::ZERO,
                },
                value(values, 5),
            )
        }
    };
    let timeline = exit::timeline(&exit_in);
    let zero = SellVsRedeem {
        sell_now_eth: Decimal::ZERO,
        redeem_eth: Decimal::ZERO,
        discount_cost_eth: Decimal::ZERO,
        implied_annual_rate: None,
        sell_now_fiat: Decimal::ZERO,
        price_p5: Decimal::ZERO,
        price_p50: Decimal::ZERO,
        price_p95: Decimal::ZERO,
        redeem_fiat_p5: Decimal::ZERO,
        redeem_fiat_p50: Decimal::ZERO,
        redeem_fiat_p95: Decimal::ZERO,
        prob_redeem_below_sell_fiat: Decimal::ZERO,
    };
    let sell =
        exit::sell_vs_redeem(&sell_inputs(discount, vol, timeline.total_days)).unwrap_or(zero);
    Numbers {
        preset,
        timeline,
        discount_pct: discount,
        vol_pct: vol,
        sell,
        fan: Vec::new(),
    }
}

/// The fan chart's points: selling now against redeeming after `t` days, for 41 waits
/// from 0 to the timeline's total ([`exit::redeem_fan`]).
fn fan_points(n: &Numbers) -> Vec<(Decimal, Decimal, Decimal, Decimal, Decimal)> {
    exit::redeem_fan(
        &sell_inputs(n.discount_pct, n.vol_pct, n.timeline.total_days),
        40,
    )
    .map(|fan| {
        fan.into_iter()
            .map(|p| {
                (
                    p.wait_days,
                    p.sell_now_fiat,
                    p.redeem_fiat_p5,
                    p.redeem_fiat_p50,
                    p.redeem_fiat_p95,
                )
            })
            .collect()
    })
    .unwrap_or_default()
}

/// Days of one stage kind in a timeline (0 when absent).
pub fn stage_days(t: &Timeline, k: StageKind) -> Decimal {
    t.stages
        .iter()
        .filter(|s| s.kind == k)
        .map(|s| s.days)
        .sum()
}

/// The level for a number of days to cash (thresholds are assumptions).
pub fn level_for_days(days: Decimal) -> Level {
    if days > HIGH_DAYS {
        Level::High
    } else if days >= LOW_DAYS {
        Level::Moderate
    } else {
        Level::Low
    }
}

fn stage_key(k: StageKind) -> Key {
    match k {
        StageKind::WithdrawalsNotEnabled => Key::RliqStageNotEnabled,
        StageKind::BeaconExitQueue => Key::RliqStageQueue,
        StageKind::WithdrawabilityDelay => Key::RliqStageWithdrawability,
        StageKind::WithdrawalSweep => Key::RliqStageSweep,
        StageKind::EigenLayerDelay => Key::RliqStageEigen,
        StageKind::ProtocolQueue => Key::RliqStageLrt,
    }
}

/// "12.3 days" in the locale.
pub fn days(l: Locale, x: Decimal) -> String {
    fill(l.text(Key::RliqDays), &[("n", &format::number(l, x, 1))])
}

/// This class's line in the chapter summary.
pub fn summarize(l: Locale, values: &[Decimal]) -> ClassSummary {
    let n = compute_without_fan(values);
    let total = n.timeline.total_days;
    let path = n
        .timeline
        .stages
        .iter()
        .map(|s| format!("{} {}", l.text(stage_key(s.kind)), days(l, s.days)))
        .collect::<Vec<_>>()
        .join(" + ");
    ClassSummary {
        class: Key::RliqTitle,
        headline: Key::RliqSumHeadline,
        value: days(l, total),
        level: level_for_days(total),
        because: fill(
            l.text(Key::RliqSumBecause),
            &[
                ("days", &days(l, total)),
                ("path", &path),
                ("disc", &pct1(l, n.discount_pct)),
                ("cost", &format::eth(l, n.sell.discount_cost_eth, 2)),
                ("amount", &format::eth(l, AMOUNT, 0)),
                ("lo", &format::number(l, LOW_DAYS, 0)),
                ("hi", &format::number(l, HIGH_DAYS, 0)),
            ],
        ),
    }
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
    fn default_timeline_is_the_sum_of_its_stages() {
        let n = compute(&defaults());
        // 34 M ETH -> churn 256 ETH/epoch; empty queue: 5 epochs; 256 epochs; sweep over
        // 1,062,500 validators = 1,062,500 / 230,400 days; 14 days EigenLayer; 3 days LRT.
        let want = d("261") / d("225") + d("1062500") / d("230400") + d("17");
        assert_eq!(n.timeline.exit_churn_eth_per_epoch, d("256"));
        assert!((n.timeline.total_days - want).abs() < d("1e-20"));
        assert_eq!(stage_days(&n.timeline, StageKind::EigenLayerDelay), d("14"));
        assert_eq!(n.sell.sell_now_eth, d("31.68"));
        assert_eq!(n.fan.len(), 41);
        assert_eq!(level_for_days(n.timeline.total_days), Level::Moderate);
    }

    #[test]
    fn presets_reproduce_their_sources() {
        let mut v = defaults();
        v[0] = d("1");
        let s = compute(&v);
        assert_eq!(s.timeline.total_days, d("338")); // 11 Jun 2022 -> 15 May 2023
        assert_eq!(s.discount_pct, d("6")); // Curve low ≈ 0.94 ETH (Nansen)
        assert_eq!(s.sell.sell_now_eth, d("30.08"));
        v[0] = d("2");
        let e = compute(&v);
        assert_eq!(e.timeline.total_days, d("50")); // 47 days + 3-day cooldown
        assert_eq!(e.discount_pct, d("78")); // low of 0.22 ETH (Bankless)
        assert_eq!(e.sell.sell_now_eth, d("7.04"));
        assert_eq!(summarize(Locale::En, &v).level, Level::High);
    }

    #[test]
    fn a_longer_queue_and_no_eigenlayer_move_the_total() {
        let base = compute(&defaults()).timeline.total_days;
        let mut v = defaults();
        v[1] = d("1000000");
        let long = compute(&v).timeline.total_days;
        // (1,000,032 − 256 − 1) // 256 + 1 = 3906 more epochs
        assert!((long - base - d("3906") / d("225")).abs() < d("1e-20"));
        v[3] = Decimal::ZERO;
        assert_eq!(compute(&v).timeline.total_days, long - d("14"));
    }

    #[test]
    fn summary_quotes_the_numbers() {
        let s = summarize(Locale::En, &defaults());
        assert!(s.value.contains("22.8"), "{}", s.value);
        assert!(s.because.contains("1.0%"), "{}", s.because);
        assert!(s.because.contains("0.32 ETH"), "{}", s.because);
    }

    proptest::proptest! {
        #[test]
        fn any_slider_position_computes(p in 0u32..=2, q in 0u32..=4000, t in 10u32..=600, e in 0u32..=1, r in 0u32..=30, dd in 0u32..=1000, vol in 0u32..=200) {
            let v = [p.into(), Decimal::from(q) * d("1000"), Decimal::from(t) * d("100000"), e.into(), r.into(), Decimal::new(dd.into(), 1), vol.into()];
            let n = compute(&v);
            let sum: Decimal = n.timeline.stages.iter().map(|s| s.days).sum();
            proptest::prop_assert_eq!(sum, n.timeline.total_days);
            proptest::prop_assert!(n.sell.redeem_fiat_p5 <= n.sell.redeem_fiat_p95);
            proptest::prop_assert!(n.sell.sell_now_eth <= AMOUNT);
        }
    }
}

/// The lab.
#[component]
pub fn Lab(
    /// This lab's values, read from and written to the URL by the chapter.
    scenario: Scenario,
) -> impl IntoView {
    let i18n = use_i18n();
    let v = scenario.values;
    let [preset, queued, total, eigen, lrt, discount, vol] = [0, 1, 2, 3, 4, 5, 6].map(|i| {
        v.get(i)
            .copied()
            .unwrap_or_else(|| RwSignal::new(PARAMS[i].default))
    });
    let numbers = Memo::new(move |_| {
        compute(&[
            preset.get(),
            queued.get(),
            total.get(),
            eigen.get(),
            lrt.get(),
            discount.get(),
            vol.get(),
        ])
    });
    let l = move || i18n.get();
    let own = move || numbers.get().preset == 0;

    let large_eth = |l: Locale, x: Decimal| format!("{} ETH", format::large(l, x));

    // Timeline chart: one bar, one segment per stage.
    let bars = Memo::new(move |_| {
        let l = l();
        let n = numbers.get();
        StackedBars {
            segments: STAGES
                .iter()
                .map(|&k| l.text(stage_key(k)).into())
                .collect(),
            bars: vec![Bar {
                label: l.text(Key::RliqBarRedeem).into(),
                values: STAGES
                    .iter()
                    .map(|&k| to_f64(stage_days(&n.timeline, k)))
                    .collect(),
            }],
            x_caption: l.text(Key::RliqAxisDays).into(),
            fmt: |x| format!("{x:.0}"),
        }
    });
    let bars_aria = move || {
        let l = l();
        i18n.tf(
            Key::RliqTimelineAria,
            &[("days", &days(l, numbers.get().timeline.total_days))],
        )
    };
    let bars_table = move || {
        let l = l();
        let n = numbers.get();
        let mut rows: Vec<Vec<String>> = n
            .timeline
            .stages
            .iter()
            .map(|s| {
                vec![
                    l.text(stage_key(s.kind)).into(),
                    format::number(l, s.days, 2),
                ]
            })
            .collect();
        rows.push(vec![
            l.text(Key::RliqTotal).into(),
            format::number(l, n.timeline.total_days, 2),
        ]);
        DataTable {
            headers: vec![
                l.text(Key::RliqTblStage).into(),
                l.text(Key::RliqAxisDays).into(),
            ],
            rows,
        }
    };
    let legend = move || {
        let l = l();
        let n = numbers.get();
        STAGES
            .iter()
            .enumerate()
            .filter(|(_, &k)| stage_days(&n.timeline, k) > Decimal::ZERO)
            .map(|(i, &k)| {
                view! { <li><span class=format!("sw sw-{i}")></span>{l.text(stage_key(k))}</li> }
            })
            .collect_view()
    };

    // Fan chart: selling now vs redeeming, in today's ETH.
    let fan = Memo::new(move |_| {
        let l = l();
        let n = numbers.get();
        let pts = |f: fn(&(Decimal, Decimal, Decimal, Decimal, Decimal)) -> Decimal| {
            n.fan
                .iter()
                .map(|p| (to_f64(p.0), to_f64(f(p))))
                .collect::<Vec<_>>()
        };
        LineChart {
            series: vec![
                Series {
                    name: l.text(Key::RliqSeriesSell).into(),
                    points: pts(|p| p.1),
                    colour: 1,
                },
                Series {
                    name: l.text(Key::RliqSeriesP95).into(),
                    points: pts(|p| p.4),
                    colour: 2,
                },
                Series {
                    name: l.text(Key::RliqSeriesP50).into(),
                    points: pts(|p| p.3),
                    colour: 0,
                },
                Series {
                    name: l.text(Key::RliqSeriesP5).into(),
                    points: pts(|p| p.2),
                    colour: 4,
                },
            ],
            x_caption: l.text(Key::RliqAxisDays).into(),
            y_caption: l.text(Key::RliqAxisValue).into(),
            x_fmt: |x| format!("{x:.0}"),
            y_fmt: |y| format!("{y:.0}"),
            y_from_zero: true,
        }
    });
    let fan_aria = move || {
        let l = l();
        let n = numbers.get();
        i18n.tf(
            Key::RliqFanAria,
            &[
                ("sell", &format::number(l, n.sell.sell_now_fiat, 2)),
                ("p5", &format::number(l, n.sell.redeem_fiat_p5, 2)),
                ("p95", &format::number(l, n.sell.redeem_fiat_p95, 2)),
                ("days", &days(l, n.timeline.total_days)),
            ],
        )
    };
    let fan_table = move || {
        let l = l();
        let n = numbers.get();
        DataTable {
            headers: vec![
                l.text(Key::RliqAxisDays).into(),
                l.text(Key::RliqSeriesSell).into(),
                l.text(Key::RliqSeriesP5).into(),
                l.text(Key::RliqSeriesP50).into(),
                l.text(Key::RliqSeriesP95).into(),
            ],
            rows: n
                .fan
                .iter()
                .step_by(10)
                .map(|p| {
                    vec![
                        format::number(l, p.0, 1),
                        format::number(l, p.1, 2),
                        format::number(l, p.2, 2),
                        format::number(l, p.3, 2),
                        format::number(l, p.4, 2),
                    ]
                })
                .collect(),
        }
    };

    let f_days = move || {
        let l = l();
        let n = numbers.get();
        let parts = n
            .timeline
            .stages
            .iter()
            .map(|s| format::number(l, s.days, 2))
            .collect::<Vec<_>>()
            .join(" + ");
        format!("{parts} = {}", days(l, n.timeline.total_days))
    };
    let f_prob = move || {
        let l = l();
        let n = numbers.get();
        format!(
            "Φ(ln(1 − {}) / ({} × √({} / 365))) = {}",
            pct1(l, n.discount_pct),
            pct0(l, n.vol_pct),
            format::number(l, n.timeline.total_days, 1),
            format::percent(l, n.sell.prob_redeem_below_sell_fiat, 1)
        )
    };
    let rate = move || {
        let l = l();
        numbers
            .get()
            .sell
            .implied_annual_rate
            .map(|r| format::percent(l, r, 1))
            .unwrap_or_else(|| "—".into())
    };

    let on_eigen = move |ev| {
        let on = event_target_checked(&ev);
        eigen.set(if on { Decimal::ONE } else { Decimal::ZERO });
    };
    let preset_radio = move |i: u8, key: Key| {
        let checked = move || preset.get() == Decimal::from(i);
        view! {
            <label class="rliq-choice">
                <input
                    type="radio"
                    name="lp"
                    data-testid=format!("rliq-preset-{i}")
                    prop:checked=checked
                    on:change=move |_| preset.set(Decimal::from(i))
                />
                {move || i18n.t(key)}
            </label>
        }
    };

    view! {
        <section class="lab rliq" aria-labelledby="rliq-title">
            <h2 id="rliq-title">{move || i18n.t(Key::RliqTitle)}</h2>
            <p>
                {move || i18n.t(Key::RliqIntro1)} " "
                <Term id="exit-queue">{move || i18n.t(Key::RliqTermQueue)}</Term>
                {move || i18n.t(Key::RliqIntro2)} " "
                <Term id="churn">{move || i18n.t(Key::RliqTermChurn)}</Term>
                {move || i18n.t(Key::RliqIntro3)} " "
                <Term id="withdrawal-delay">{move || i18n.t(Key::RliqTermDelay)}</Term>
                {move || i18n.t(Key::RliqIntro4)} " "
                <Cite id=SourceId::ConsensusSpecs /> " " <Cite id=SourceId::EigenSafetyDelays />
            </p>
            <p>
                {move || i18n.t(Key::RliqIntroSell1)} " "
                <Term id="depeg">{move || i18n.t(Key::RliqTermDepeg)}</Term>
                {move || i18n.t(Key::RliqIntroSell2)}
            </p>

            <Predict
                question=Key::RliqPredictQ
                choices=&[Key::RliqPredictA, Key::RliqPredictB, Key::RliqPredictC]
                correct=1
                explanation=Key::RliqPredictExplain
            />

            <fieldset class="rliq-presets">
                <legend>{move || i18n.t(Key::RliqPPreset)}</legend>
                {preset_radio(0, Key::RliqPresetOwn)}
                {preset_radio(1, Key::RliqPresetSteth)}
                {preset_radio(2, Key::RliqPresetEzeth)}
            </fieldset>

            <Show when=move || numbers.get().preset == 1>
                <div class="rliq-episode" data-testid="rliq-episode">
                    <p>
                        {move || i18n.t(Key::RliqStethFact1)} " " <Cite id=SourceId::NansenSteth />
                    </p>
                    <p>
                        {move || i18n.t(Key::RliqStethFact2)} " " <Cite id=SourceId::LidoV2 />
                    </p>
                </div>
            </Show>
            <Show when=move || numbers.get().preset == 2>
                <div class="rliq-episode" data-testid="rliq-episode">
                    <p>
                        {move || i18n.t(Key::RliqEzethFact1)} " " <Cite id=SourceId::BanklessRenzo />
                    </p>
                    <p>
                        {move || i18n.t(Key::RliqEzethFact2)} " " <Cite id=SourceId::RenzoColdStart />
                        " " <Cite id=SourceId::RenzoWithdrawals />
                    </p>
                </div>
            </Show>

            <div class="lab-grid">
                <div class="controls">
                    <Show
                        when=own
                        fallback=move || view! { <p class="hint">{move || i18n.t(Key::RliqPresetHint)}</p> }
                    >
                        <Slider label=Key::RliqPQueued spec=&PARAMS[1] value=queued fmt=large_eth hint=Key::RliqPQueuedHint />
                        <Slider label=Key::RliqPTotal spec=&PARAMS[2] value=total fmt=large_eth hint=Key::RliqPTotalHint />
                        <label class="rliq-check">
                            <input
                                type="checkbox"
                                id="in-le"
                                prop:checked={move || eigen.get() >= Decimal::ONE}
                                on:change=on_eigen
                            />
                            {move || i18n.t(Key::RliqPEigen)}
                        </label>
                        <Slider label=Key::RliqPLrt spec=&PARAMS[4] value=lrt fmt=days hint=Key::RliqPLrtHint />
                        <Slider label=Key::RliqPDiscount spec=&PARAMS[5] value=discount fmt=pct1 hint=Key::RliqPDiscountHint />
                    </Show>
                    <Slider label=Key::RliqPVol spec=&PARAMS[6] value=vol fmt=pct0 hint=Key::RliqPVolHint />
                    <p class="hint">
                        {move || i18n.t(Key::RliqAssumptions)} " "
                        <Cite id=SourceId::RenzoWithdrawals />
                    </p>
                </div>
                <div>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::RliqSumHeadline)}</dt>
                            <dd data-testid="rliq-days">{move || days(l(), numbers.get().timeline.total_days)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.tf(Key::RliqSellNow, &[("amount", &format::eth(l(), AMOUNT, 0))])}</dt>
                            <dd data-testid="rliq-sell">{move || format::eth(l(), numbers.get().sell.sell_now_eth, 2)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RliqCost)}</dt>
                            <dd data-testid="rliq-cost">{move || format!("{} ({})", format::eth(l(), numbers.get().sell.discount_cost_eth, 2), pct1(l(), numbers.get().discount_pct))}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RliqRate)}</dt>
                            <dd data-testid="rliq-rate">{rate}</dd>
                        </div>
                    </dl>
                    <ul class="legend">{legend}</ul>
                    <Chart
                        data=bars
                        draw=draw_stacked_bars
                        aria_label=Signal::derive(bars_aria)
                        table=Signal::derive(bars_table)
                        height=150
                    />
                    <Formula caption=Key::RliqFormulaDaysCaption general=Key::RliqFormulaDaysGeneral substituted=Signal::derive(f_days) />
                </div>
            </div>

            <h3>{move || i18n.t(Key::RliqRiskTitle)}</h3>
            <p>{move || i18n.t(Key::RliqRiskIntro)}</p>
            <div class="lab-grid">
                <div>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::RliqSeriesP5)}</dt>
                            <dd data-testid="rliq-p5">{move || format::eth(l(), numbers.get().sell.redeem_fiat_p5, 2)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RliqSeriesP95)}</dt>
                            <dd data-testid="rliq-p95">{move || format::eth(l(), numbers.get().sell.redeem_fiat_p95, 2)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RliqProb)}</dt>
                            <dd data-testid="rliq-prob">{move || format::percent(l(), numbers.get().sell.prob_redeem_below_sell_fiat, 1)}</dd>
                        </div>
                    </dl>
                    <Formula caption=Key::RliqFormulaProbCaption general=Key::RliqFormulaProbGeneral substituted=Signal::derive(f_prob) />
                    <p class="hint">{move || i18n.t(Key::RliqPriceAssumption)}</p>
                </div>
                <Chart
                    data=fan
                    draw=|area, d, style| draw_lines_with_headroom(area, d, 1.6, style)
                    aria_label=Signal::derive(fan_aria)
                    table=Signal::derive(fan_table)
                    height=300
                />
            </div>
        </section>
    }
}
