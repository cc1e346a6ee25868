//! Chapter 5 (seed section 5): strategy, trading yield against risk. The learner splits
//! a position into tiers (the article's 20 / 50 / 30, the last tier not restaked), sees
//! the blended APR/APY, the expected loss and a seeded Monte Carlo fan of outcomes
//! against "everything in one tier"; ticks a protocol checklist whose items change each
//! tier's assumptions by stated (assumed) factors; plans a liquid reserve against the
//! exit timeline of each part; and reads monitoring thresholds computed from the
//! position.
//!
//! All maths comes from `model::portfolio` (tiers, closed forms, Monte Carlo) and
//! `model::exit` (timelines); this module only builds their inputs from the sliders.
//! The checklist factors ([`CHECKS`]) and the alert thresholds are **illustrative
//! assumptions**, labelled as such in the UI.

use crate::charts::bars::{draw_stacked_bars, Bar, StackedBars};
use crate::charts::fan::{draw_fan, FanChart, Overlay};
use crate::i18n::format::{eth0, pct0, pct1, years_text};
use crate::i18n::{fill, format, use_i18n, Key, Locale};
use crate::model::exit::{self, ExitInputs, StageKind, Timeline};
use crate::model::num::{dec, to_f64};
use crate::model::portfolio::{
    self, PortfolioInputs, PortfolioSummary, Simulation, Tier, TierKind,
};
use crate::shell::use_page_title;
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::use_scenario;
use crate::widgets::{
    rich, rich_with, Chart, Cite, DataTable, Formula, Later, Predict, Quiz, QuizItem, Slider, Term,
    UrlNotice,
};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Monte Carlo paths per simulation (two simulations run per change).
pub const PATHS: u32 = 5_000;

/// URL parameters of this chapter (documented in `docs/url-params.md`).
pub static PARAMS: [ParamSpec; 12] = [
    // Weight of the high-risk tier, percent (the article's 20).
    ParamSpec {
        name: "wh",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(1, 0),
        default: dec(20, 0),
    },
    // Weight of the medium tier, percent (the article's 50); conservative = 100 − wh − wm.
    ParamSpec {
        name: "wm",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(1, 0),
        default: dec(50, 0),
    },
    // Position size, ETH (the model's default 100 ETH, so ETH reads as percent).
    ParamSpec {
        name: "eth",
        min: dec(1, 0),
        max: dec(10_000, 0),
        step: dec(1, 0),
        default: dec(100, 0),
    },
    // Horizon in years (the model simulates up to 3).
    ParamSpec {
        name: "years",
        min: dec(1, 0),
        max: dec(3, 0),
        step: dec(1, 0),
        default: dec(3, 0),
    },
    // Seed of the Monte Carlo generator (the model's default 42).
    ParamSpec {
        name: "seed",
        min: dec(0, 0),
        max: dec(999_999, 0),
        step: dec(1, 0),
        default: dec(42, 0),
    },
    // Tier used for the "everything in one" comparison: 0 high, 1 medium, 2 conservative.
    ParamSpec {
        name: "one",
        min: dec(0, 0),
        max: dec(2, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // Checklist bits of the high tier (1 insurance, 2 audits, 4 loose coupling, 8 traceable yield).
    ParamSpec {
        name: "qh",
        min: dec(0, 0),
        max: dec(15, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // Checklist bits of the medium tier.
    ParamSpec {
        name: "qm",
        min: dec(0, 0),
        max: dec(15, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // Checklist bits of the conservative tier.
    ParamSpec {
        name: "qc",
        min: dec(0, 0),
        max: dec(15, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // Liquid reserve, percent of the position kept as ETH (taken off the top).
    ParamSpec {
        name: "res",
        min: dec(0, 0),
        max: dec(50, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // ETH already waiting in the beacon-chain exit queue ahead of you.
    ParamSpec {
        name: "queue",
        min: dec(0, 0),
        max: dec(2_000_000, 0),
        step: dec(10_000, 0),
        default: dec(0, 0),
    },
    // Slash (percent of a tier) that should trigger action: an assumption.
    ParamSpec {
        name: "alert",
        min: dec(1, 1),
        max: dec(10, 0),
        step: dec(1, 1),
        default: dec(1, 0),
    },
];

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "wh" => Key::StratPWh,
        "wm" => Key::StratPWm,
        "eth" => Key::StratPEth,
        "years" => Key::StratPYears,
        "seed" => Key::StratPSeed,
        "one" => Key::StratPOne,
        "qh" => Key::StratPQh,
        "qm" => Key::StratPQm,
        "qc" => Key::StratPQc,
        "res" => Key::StratPRes,
        "queue" => Key::StratPQueue,
        "alert" => Key::StratPAlert,
        _ => return None,
    })
}

// ───────────────────────────── weights ─────────────────────────────

/// The three tier weights in percent (always summing to 100) and whether the URL's
/// weights had to be cut to get there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// High-risk tier, percent.
    pub high: Decimal,
    /// Medium tier, percent.
    pub mid: Decimal,
    /// Conservative tier, percent (`100 − high − mid`).
    pub cons: Decimal,
    /// `wh + wm` exceeded 100 and `mid` was reduced.
    pub fixed: bool,
}

impl Weights {
    /// As an array in tier order.
    pub fn arr(&self) -> [Decimal; 3] {
        [self.high, self.mid, self.cons]
    }
}

/// Effective weights from the two URL weights: `high = wh`, `mid = min(wm, 100 − wh)`,
/// `cons = 100 − high − mid`.
pub fn weights(wh: Decimal, wm: Decimal) -> Weights {
    let h = Decimal::ONE_HUNDRED;
    let high = wh.max(Decimal::ZERO).min(h);
    let want = wm.max(Decimal::ZERO).min(h);
    let mid = want.min(h - high);
    Weights {
        high,
        mid,
        cons: h - high - mid,
        fixed: mid < want,
    }
}

/// Moves tier `i` to `new` percent (rounded to a whole percent, clamped to 0..=100) and
/// gives the other two tiers the remainder in proportion to their current weights (equal
/// halves when both are 0), so the weights always sum to 100.
pub fn rebalance(w: [Decimal; 3], i: usize, new: Decimal) -> [Decimal; 3] {
    let i = i.min(2);
    let h = Decimal::ONE_HUNDRED;
    let new = new.round().max(Decimal::ZERO).min(h);
    let (a, b) = match i {
        0 => (1, 2),
        1 => (0, 2),
        _ => (0, 1),
    };
    let rest = h - new;
    let (wa, wb) = (w[a].max(Decimal::ZERO), w[b].max(Decimal::ZERO));
    let sum = wa + wb;
    let na = if sum.is_zero() {
        (rest / Decimal::TWO).floor()
    } else {
        (rest * wa / sum).round().min(rest)
    };
    let mut out = [Decimal::ZERO; 3];
    out[i] = new;
    out[a] = na;
    out[b] = rest - na;
    out
}

// ───────────────────────────── checklist ─────────────────────────────

/// What a checklist item changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Multiplies the share of the tier lost per event.
    Loss,
    /// Multiplies the yearly chance of an event.
    Prob,
}

/// One checklist item: its label, what it changes and by which factor.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    /// Label.
    pub label: Key,
    /// What it changes.
    pub effect: Effect,
    /// The factor (an illustrative assumption).
    pub factor: Decimal,
}

/// The checklist, bit `k` of a tier's mask is item `k`. Every factor is an
/// **illustrative assumption** (no public data measures these effects):
/// insurance fund or reserve halves the loss per event; several audits and a clean
/// incident history cut the event chance to 60 %; loose coupling cuts the loss per event
/// to 70 %; traceable yield cuts the event chance to 80 %.
pub const CHECKS: [Check; 4] = [
    Check {
        label: Key::StratCheckIns,
        effect: Effect::Loss,
        factor: dec(5, 1),
    },
    Check {
        label: Key::StratCheckAud,
        effect: Effect::Prob,
        factor: dec(6, 1),
    },
    Check {
        label: Key::StratCheckLoose,
        effect: Effect::Loss,
        factor: dec(7, 1),
    },
    Check {
        label: Key::StratCheckTrace,
        effect: Effect::Prob,
        factor: dec(8, 1),
    },
];

/// A tier with the ticked checklist items (bits of `mask`) applied.
pub fn with_checks(t: Tier, mask: u8) -> Tier {
    let mut t = t;
    for (k, c) in CHECKS.iter().enumerate() {
        if mask & (1 << k) != 0 {
            match c.effect {
                Effect::Loss => t.loss_given_event_pct *= c.factor,
                Effect::Prob => t.slash_prob_annual_pct *= c.factor,
            }
        }
    }
    t
}

/// The three tiers of the model's default (the article's split): high, medium,
/// conservative. Only the conservative APR (Lido, ≈ 2.8 %) is sourced; the rest are the
/// model's illustrative assumptions (see `model::portfolio`).
pub fn base_tiers() -> [Tier; 3] {
    let d = PortfolioInputs::default();
    [d.tiers[0], d.tiers[1], d.tiers[2]]
}

/// The liquid reserve as a tier: plain ETH, no yield, no slashing, sellable at once.
pub fn reserve_tier(weight_pct: Decimal) -> Tier {
    Tier {
        kind: TierKind::Custom,
        weight_pct,
        net_apr_pct: Decimal::ZERO,
        slash_prob_annual_pct: Decimal::ZERO,
        loss_given_event_pct: Decimal::ZERO,
        instant_liquidity_pct: Decimal::ONE_HUNDRED,
        exit_days: Decimal::ZERO,
    }
}

/// Everything the learner chose that the portfolio model needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Choice {
    /// Tier weights (percent of the staked part).
    pub weights: Weights,
    /// Checklist masks, tier order.
    pub masks: [u8; 3],
    /// Reserve, percent of the whole position.
    pub reserve_pct: Decimal,
    /// Position, ETH.
    pub eth: Decimal,
    /// Horizon, years.
    pub years: u32,
    /// Seed.
    pub seed: u64,
    /// Tier of the "everything in one" comparison.
    pub one: usize,
}

impl Default for Choice {
    fn default() -> Self {
        Choice {
            weights: weights(dec(20, 0), dec(50, 0)),
            masks: [0; 3],
            reserve_pct: Decimal::ZERO,
            eth: dec(100, 0),
            years: 3,
            seed: 42,
            one: 0,
        }
    }
}

/// Each part's share of the whole position in percent: the tiers share `100 − reserve`
/// by their weights; the reserve is the 4th entry.
pub fn shares(c: &Choice) -> [Decimal; 4] {
    let res = c.reserve_pct.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED);
    let staked = Decimal::ONE_HUNDRED - res;
    let w = c.weights.arr();
    let s = |x: Decimal| x * staked / Decimal::ONE_HUNDRED;
    [s(w[0]), s(w[1]), s(w[2]), res]
}

/// The portfolio model's inputs: the three tiers (checklist applied, weights as shares of
/// the whole) and the reserve, with the given exit days (tier order, then 0 for the
/// reserve; the simulation ignores them).
pub fn portfolio_inputs(c: &Choice, exit_days: [Decimal; 3]) -> PortfolioInputs {
    let sh = shares(c);
    let base = base_tiers();
    let mut tiers: Vec<Tier> = (0..3)
        .map(|i| {
            let mut t = with_checks(base[i], c.masks[i]);
            t.weight_pct = sh[i];
            t.exit_days = exit_days[i];
            t
        })
        .collect();
    tiers.push(reserve_tier(sh[3]));
    PortfolioInputs {
        tiers,
        initial_eth: c.eth,
        years: c.years,
        paths: PATHS,
        seed: c.seed,
    }
}

/// The comparison: the same reserve, and the whole staked part in tier `c.one`.
pub fn all_in_one_inputs(c: &Choice) -> PortfolioInputs {
    let one = c.one.min(2);
    let mut w = [Decimal::ZERO; 3];
    w[one] = Decimal::ONE_HUNDRED;
    let alt = Choice {
        weights: Weights {
            high: w[0],
            mid: w[1],
            cons: w[2],
            fixed: false,
        },
        ..*c
    };
    portfolio_inputs(&alt, [Decimal::ZERO; 3])
}

/// Closed form and simulation of one portfolio.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Closed-form summary.
    pub summary: PortfolioSummary,
    /// Monte Carlo bands.
    pub sim: Simulation,
}

fn outcome(inp: &PortfolioInputs) -> Option<Outcome> {
    Some(Outcome {
        summary: portfolio::summary(inp).ok()?,
        sim: portfolio::simulate(inp).ok()?,
    })
}

/// The learner's split and the all-in-one comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The tiered portfolio.
    pub tiered: Outcome,
    /// Everything (but the reserve) in one tier.
    pub one: Outcome,
}

/// Runs the model for both portfolios (`None` only on a model error, which cannot happen
/// within the sliders' domains).
pub fn run(c: &Choice) -> Option<Results> {
    Some(Results {
        tiered: outcome(&portfolio_inputs(c, [Decimal::ZERO; 3]))?,
        one: outcome(&all_in_one_inputs(c))?,
    })
}

// ───────────────────────────── exits ─────────────────────────────

/// Exit timelines of the three tiers for the amounts in them, with `queue` ETH ahead in
/// the beacon-chain exit queue: conservative = an LST redeemed through the beacon chain
/// (Lido); medium = native restaking (beacon chain, then EigenLayer's delay); high = an
/// LRT (both, then a 3-day LRT cooldown, Renzo's). Other inputs: `ExitInputs::default()`.
pub fn exits(tier_eth: [Decimal; 3], queue: Decimal) -> [Timeline; 3] {
    let base = ExitInputs {
        queued_ahead_eth: queue,
        ..ExitInputs::default()
    };
    let high = exit::timeline(&ExitInputs {
        amount_eth: tier_eth[0],
        ..base
    });
    let mid = exit::timeline(&ExitInputs {
        amount_eth: tier_eth[1],
        protocol_queue_days: Decimal::ZERO,
        ..base
    });
    let cons = exit::timeline(&ExitInputs {
        amount_eth: tier_eth[2],
        via_eigenlayer: false,
        protocol_queue_days: Decimal::ZERO,
        ..base
    });
    [high, mid, cons]
}

/// The liquidity plan: exit days per tier and what is available at each checkpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Liquidity {
    /// Timelines, tier order.
    pub timelines: [Timeline; 3],
    /// `(days, share of the position available, ETH)` at day 0 and after the
    /// conservative, medium and high tiers' exits.
    pub checkpoints: [(Decimal, Decimal, Decimal); 4],
    /// Slowest exit among the tiers that hold anything, days.
    pub slowest_days: Decimal,
}

/// Computes the liquidity plan with `portfolio::liquidity_within`.
pub fn liquidity(c: &Choice, queue: Decimal) -> Liquidity {
    let sh = shares(c);
    let eth = |i: usize| c.eth * sh[i] / Decimal::ONE_HUNDRED;
    let timelines = exits([eth(0), eth(1), eth(2)], queue);
    let days = [
        timelines[0].total_days,
        timelines[1].total_days,
        timelines[2].total_days,
    ];
    let inp = portfolio_inputs(c, days);
    let at = |d: Decimal| {
        let s = portfolio::liquidity_within(&inp, d).unwrap_or_default();
        (d, s, s * c.eth)
    };
    let slowest_days = (0..3)
        .filter(|&i| sh[i] > Decimal::ZERO)
        .map(|i| days[i])
        .max()
        .unwrap_or_default();
    Liquidity {
        checkpoints: [at(Decimal::ZERO), at(days[2]), at(days[1]), at(days[0])],
        timelines,
        slowest_days,
    }
}

// ───────────────────────────── monitoring ─────────────────────────────

/// Monitoring figures computed from the position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Monitor {
    /// ETH that is staked (everything but the reserve).
    pub staked_eth: Decimal,
    /// Approximate cost of one day offline, ETH:
    /// `staked × APR / 365 × (54 + 40) / 64` (Altair weights; the whole APR treated as
    /// attestation reward, an assumption).
    pub offline_cost_per_day: Decimal,
    /// ETH the alert slash takes from the high tier.
    pub alert_high_eth: Decimal,
    /// ETH the alert slash takes from the medium tier.
    pub alert_mid_eth: Decimal,
    /// Slash of the high tier (fraction) that cancels one year of its restaking premium
    /// over plain staking: `APR_high − APR_conservative`.
    pub breakeven_slash: Decimal,
}

/// Computes the monitoring figures; `alert_pct` in percent.
pub fn monitor(c: &Choice, alert_pct: Decimal) -> Monitor {
    let sh = shares(c);
    let hundred = Decimal::ONE_HUNDRED;
    let eth = |i: usize| c.eth * sh[i] / hundred;
    let staked_eth = eth(0) + eth(1) + eth(2);
    let base = base_tiers();
    let staking_apr = base[2].net_apr_pct / hundred;
    Monitor {
        staked_eth,
        offline_cost_per_day: staked_eth * staking_apr / Decimal::from(365) * Decimal::from(94)
            / Decimal::from(64),
        alert_high_eth: eth(0) * alert_pct / hundred,
        alert_mid_eth: eth(1) * alert_pct / hundred,
        breakeven_slash: (base[0].net_apr_pct - base[2].net_apr_pct) / hundred,
    }
}

fn to_u8(x: Decimal) -> u8 {
    x.to_u8().unwrap_or(0)
}

// ───────────────────────────── small views ─────────────────────────────

/// The "Assumption" badge.
fn assumption() -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="strat-assume">{move || i18n.t(Key::UiAssumption)}</span> }
}

fn days_text(l: Locale, d: Decimal) -> String {
    fill(l.text(Key::StratDays), &[("n", &format::number(l, d, 1))])
}

const TIER_NAMES: [Key; 3] = [Key::StratTierHigh, Key::StratTierMid, Key::StratTierCons];
const TIER_WHAT: [Key; 3] = [
    Key::StratTierHighWhat,
    Key::StratTierMidWhat,
    Key::StratTierConsWhat,
];
const TIER_SLUG: [&str; 3] = ["h", "m", "c"];

/// A weight slider: moving it rebalances the other two tiers (see [`rebalance`]).
#[component]
fn WeightSlider(
    index: usize,
    label: Key,
    w: Memo<Weights>,
    wh: RwSignal<Decimal>,
    wm: RwSignal<Decimal>,
    anchor: StoredValue<Option<(usize, [Decimal; 3])>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("in-w{}", TIER_SLUG[index]);
    let value = move || w.get().arr()[index];
    let text = move || pct0(i18n.get(), value());
    let on_input = move |ev| {
        if let Ok(x) = event_target_value(&ev).parse::<Decimal>() {
            // Proportions are taken from the weights when this slider started moving,
            // so many one-step moves do not drift through rounding.
            let from = match anchor.get_value() {
                Some((i, w0)) if i == index => w0,
                _ => {
                    let w0 = w.get_untracked().arr();
                    anchor.set_value(Some((index, w0)));
                    w0
                }
            };
            let next = rebalance(from, index, x);
            wh.set(next[0]);
            wm.set(next[1]);
        }
    };
    view! {
        <div class="slider strat-weight" data-tier=TIER_SLUG[index]>
            <div class="slider-head">
                <label for=id.clone()>
                    <span class=format!("sw sw-{index}")></span>
                    {move || i18n.t(label)}
                </label>
                <output for=id.clone() class="slider-value" data-testid=format!("w-{}", TIER_SLUG[index])>{text}</output>
            </div>
            <div class="slider-row">
                <input
                    type="range"
                    id=id
                    min="0"
                    max="100"
                    step="1"
                    prop:value=move || value().to_string()
                    aria-valuetext=text
                    on:input=on_input
                />
            </div>
            <p class="hint">{move || i18n.t(TIER_WHAT[index])}</p>
        </div>
    }
}

// ───────────────────────────── quiz ─────────────────────────────

/// The end-of-chapter quiz.
pub static QUIZ: [QuizItem; 4] = [
    QuizItem {
        question: Key::StratQ1,
        choices: &[Key::StratQ1A, Key::StratQ1B, Key::StratQ1C],
        correct: 1,
        why: &[Key::StratQ1AWhy, Key::StratQ1BWhy, Key::StratQ1CWhy],
    },
    QuizItem {
        question: Key::StratQ2,
        choices: &[Key::StratQ2A, Key::StratQ2B, Key::StratQ2C],
        correct: 0,
        why: &[Key::StratQ2AWhy, Key::StratQ2BWhy, Key::StratQ2CWhy],
    },
    QuizItem {
        question: Key::StratQ3,
        choices: &[Key::StratQ3A, Key::StratQ3B, Key::StratQ3C],
        correct: 2,
        why: &[Key::StratQ3AWhy, Key::StratQ3BWhy, Key::StratQ3CWhy],
    },
    QuizItem {
        question: Key::StratQ4,
        choices: &[Key::StratQ4A, Key::StratQ4B, Key::StratQ4C],
        correct: 1,
        why: &[Key::StratQ4AWhy, Key::StratQ4BWhy, Key::StratQ4CWhy],
    },
];

// ───────────────────────────── the chapter ─────────────────────────────

/// Chapter 5: strategy.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::StratTitle);
    let scenario = use_scenario(&PARAMS);
    let v = |i: usize| scenario.values[i];
    let (wh, wm, eth, years, seed, one) = (v(0), v(1), v(2), v(3), v(4), v(5));
    let (qh, qm, qc, res, queue, alert) = (v(6), v(7), v(8), v(9), v(10), v(11));
    let masks = [qh, qm, qc];

    let w = Memo::new(move |_| weights(wh.get(), wm.get()));
    let choice = Memo::new(move |_| Choice {
        weights: w.get(),
        masks: [to_u8(qh.get()), to_u8(qm.get()), to_u8(qc.get())],
        reserve_pct: res.get(),
        eth: eth.get(),
        years: years.get().to_u32().unwrap_or(3),
        seed: seed.get().to_u64().unwrap_or(42),
        one: one.get().to_usize().unwrap_or(0),
    });
    // Each portfolio's Monte Carlo reruns only when its own inputs change: moving the
    // learner's tier weights leaves the all-in-one comparison as it was. (`run` is the
    // same computation in one call, for the tests.)
    let tiered_in = Memo::new(move |_| portfolio_inputs(&choice.get(), [Decimal::ZERO; 3]));
    let one_in = Memo::new(move |_| all_in_one_inputs(&choice.get()));
    let tiered = Memo::new(move |_| tiered_in.with(outcome));
    let one_out = Memo::new(move |_| one_in.with(outcome));
    let results = Memo::new(move |_| {
        Some(Results {
            tiered: tiered.get()?,
            one: one_out.get()?,
        })
    });
    let liq = Memo::new(move |_| liquidity(&choice.get(), queue.get()));
    let mon = Memo::new(move |_| monitor(&choice.get(), alert.get()));

    let pct = move |x: Decimal, dp: u32| format::percent(i18n.get(), x, dp);
    let ethf = move |x: Decimal, dp: u32| format::eth(i18n.get(), x, dp);
    let with = move |f: &dyn Fn(&Results) -> String| {
        results.with(|r| r.as_ref().map(f).unwrap_or_else(|| "–".into()))
    };
    let last = |o: &Outcome| o.sim.bands.last().copied();

    // Per-tier rows (after the checklist).
    let tier_rows = move || {
        let c = choice.get();
        let l = i18n.get();
        let sh = shares(&c);
        let inp = portfolio_inputs(&c, [Decimal::ZERO; 3]);
        let hundred = Decimal::ONE_HUNDRED;
        let mut rows: Vec<(Key, usize, Tier, Decimal)> = (0..3)
            .map(|i| (TIER_NAMES[i], i, inp.tiers[i], sh[i]))
            .collect();
        if sh[3] > Decimal::ZERO {
            rows.push((Key::StratTierReserve, 5, inp.tiers[3], sh[3]));
        }
        rows.into_iter()
            .map(|(name, colour, t, share)| {
                let p = t.slash_prob_annual_pct / hundred;
                let lgf = t.loss_given_event_pct / hundred;
                view! {
                    <tr>
                        <th scope="row"><span class=format!("sw sw-{colour}")></span>{l.text(name)}</th>
                        <td>{pct0(l, share)}</td>
                        <td>{format::eth(l, c.eth * share / hundred, 1)}</td>
                        <td>{format::percent(l, t.net_apr_pct / hundred, 2)}</td>
                        <td>{format::percent(l, p, 2)}</td>
                        <td>{format::percent(l, lgf, 1)}</td>
                        <td>{format::percent(l, p * lgf, 3)}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    let apr_substituted = move || {
        let c = choice.get();
        let l = i18n.get();
        let sh = shares(&c);
        let inp = portfolio_inputs(&c, [Decimal::ZERO; 3]);
        let hundred = Decimal::ONE_HUNDRED;
        let n = if sh[3] > Decimal::ZERO { 4 } else { 3 };
        let terms: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "{} × {}",
                    pct0(l, sh[i]),
                    format::percent(l, inp.tiers[i].net_apr_pct / hundred, 2)
                )
            })
            .collect();
        format!(
            "{} = {}",
            terms.join(" + "),
            with(&|r| format::percent(l, r.tiered.summary.blended_apr, 2))
        )
    };
    let loss_substituted = move || {
        let c = choice.get();
        let l = i18n.get();
        let sh = shares(&c);
        let inp = portfolio_inputs(&c, [Decimal::ZERO; 3]);
        let hundred = Decimal::ONE_HUNDRED;
        let terms: Vec<String> = (0..3)
            .map(|i| {
                let t = inp.tiers[i];
                format!(
                    "{} × {} × {}",
                    pct0(l, sh[i]),
                    format::percent(l, t.slash_prob_annual_pct / hundred, 2),
                    format::percent(l, t.loss_given_event_pct / hundred, 1)
                )
            })
            .collect();
        format!(
            "{} ≈ {}",
            terms.join(" + "),
            with(&|r| format::percent(l, r.tiered.summary.expected_annual_loss, 3))
        )
    };

    // Fan chart.
    let fan_data = Memo::new(move |_| {
        let l = i18n.get();
        let pts = |o: &Outcome| {
            o.sim
                .bands
                .iter()
                .map(|b| {
                    (
                        f64::from(b.month) / 12.0,
                        [b.p5, b.p25, b.p50, b.p75, b.p95].map(to_f64),
                    )
                })
                .collect::<Vec<_>>()
        };
        let (points, overlays) = results.with(|r| match r {
            Some(r) => {
                let one = pts(&r.one);
                (
                    pts(&r.tiered),
                    vec![
                        Overlay {
                            name: l.text(Key::StratOneMedian).into(),
                            points: one.iter().map(|(x, q)| (*x, q[2])).collect(),
                            colour: 1,
                        },
                        Overlay {
                            name: l.text(Key::StratOneP5).into(),
                            points: one.iter().map(|(x, q)| (*x, q[0])).collect(),
                            colour: 4,
                        },
                    ],
                )
            }
            None => (vec![], vec![]),
        });
        FanChart {
            points,
            colour: 0,
            names: [
                l.text(Key::StratBandOuter).into(),
                l.text(Key::StratBandInner).into(),
                l.text(Key::StratMedian).into(),
            ],
            overlays,
            x_caption: l.text(Key::StratAxisYears).into(),
            y_caption: l.text(Key::StratAxisValue).into(),
            x_fmt: |x| format!("{x:.1}"),
            y_fmt: |y| format!("{y:.0}"),
        }
    });
    let fan_aria = move || {
        let l = i18n.get();
        let e = |x: Decimal| format::eth(l, x, 1);
        results.with(|r| match r {
            Some(r) => {
                let (a, b) = (last(&r.tiered), last(&r.one));
                let (a, b) = (
                    a.unwrap_or_else(|| r.tiered.sim.bands[0]),
                    b.unwrap_or_else(|| r.one.sim.bands[0]),
                );
                i18n.tf(
                    Key::StratFanAria,
                    &[
                        ("years", &years_text(l, years.get())),
                        ("p50", &e(a.p50)),
                        ("p5", &e(a.p5)),
                        ("p95", &e(a.p95)),
                        ("one50", &e(b.p50)),
                        ("one5", &e(b.p5)),
                    ],
                )
            }
            None => String::new(),
        })
    };
    let fan_table = move || {
        let l = i18n.get();
        let e = |x: Decimal| format::number(l, x, 2);
        let headers = [
            Key::StratColMonth,
            Key::StratColP5,
            Key::StratColP25,
            Key::StratColP50,
            Key::StratColP75,
            Key::StratColP95,
            Key::StratColOneP5,
            Key::StratColOneP50,
        ]
        .map(|k| l.text(k).to_string())
        .to_vec();
        let rows = results.with(|r| match r {
            Some(r) => r
                .tiered
                .sim
                .bands
                .iter()
                .zip(&r.one.sim.bands)
                .filter(|(b, _)| b.month % 6 == 0)
                .map(|(b, o)| {
                    vec![
                        b.month.to_string(),
                        e(b.p5),
                        e(b.p25),
                        e(b.p50),
                        e(b.p75),
                        e(b.p95),
                        e(o.p5),
                        e(o.p50),
                    ]
                })
                .collect(),
            None => vec![],
        });
        DataTable { headers, rows }
    };

    // Liquidity chart: one bar per part, one segment per stage.
    let stage_index = |k: StageKind| match k {
        StageKind::BeaconExitQueue | StageKind::WithdrawalsNotEnabled => 0,
        StageKind::WithdrawabilityDelay => 1,
        StageKind::WithdrawalSweep => 2,
        StageKind::EigenLayerDelay => 3,
        StageKind::ProtocolQueue => 4,
    };
    let seg_keys = [
        Key::StratSegQueue,
        Key::StratSegWd,
        Key::StratSegSweep,
        Key::StratSegEigen,
        Key::StratSegLrt,
    ];
    let liq_rows = move || {
        let lq = liq.get();
        let mut rows: Vec<(Key, [f64; 5], Decimal)> =
            vec![(Key::StratTierReserve, [0.0; 5], Decimal::ZERO)];
        for i in [2usize, 1, 0] {
            let mut vals = [0.0; 5];
            for s in &lq.timelines[i].stages {
                vals[stage_index(s.kind)] += to_f64(s.days);
            }
            rows.push((TIER_NAMES[i], vals, lq.timelines[i].total_days));
        }
        rows
    };
    let liq_data = Memo::new(move |_| {
        let l = i18n.get();
        StackedBars {
            segments: seg_keys.iter().map(|k| l.text(*k).to_string()).collect(),
            bars: liq_rows()
                .into_iter()
                .map(|(k, vals, _)| Bar {
                    label: l.text(k).into(),
                    values: vals.to_vec(),
                })
                .collect(),
            x_caption: l.text(Key::StratAxisDays).into(),
            fmt: |x| format!("{x:.0}"),
        }
    });
    let liq_aria = move || {
        let l = i18n.get();
        let lq = liq.get();
        i18n.tf(
            Key::StratLiqAria,
            &[
                ("c", &days_text(l, lq.timelines[2].total_days)),
                ("m", &days_text(l, lq.timelines[1].total_days)),
                ("h", &days_text(l, lq.timelines[0].total_days)),
            ],
        )
    };
    let liq_table = move || {
        let l = i18n.get();
        DataTable {
            headers: std::iter::once(l.text(Key::StratColPart).to_string())
                .chain(seg_keys.iter().map(|k| l.text(*k).to_string()))
                .chain(std::iter::once(l.text(Key::StratColDays).to_string()))
                .collect(),
            rows: liq_rows()
                .into_iter()
                .map(|(k, vals, total)| {
                    std::iter::once(l.text(k).to_string())
                        .chain(vals.iter().map(|v| format::number_f64(l, *v, 2)))
                        .chain(std::iter::once(format::number(l, total, 2)))
                        .collect()
                })
                .collect(),
        }
    };
    let checkpoint_rows = move || {
        let l = i18n.get();
        let lq = liq.get();
        let labels = [
            l.text(Key::StratWhenNow).to_string(),
            i18n.tf(
                Key::StratWhenLst,
                &[("days", &days_text(l, lq.checkpoints[1].0))],
            ),
            i18n.tf(
                Key::StratWhenNative,
                &[("days", &days_text(l, lq.checkpoints[2].0))],
            ),
            i18n.tf(
                Key::StratWhenAll,
                &[("days", &days_text(l, lq.checkpoints[3].0))],
            ),
        ];
        labels
            .into_iter()
            .zip(lq.checkpoints)
            .enumerate()
            .map(|(k, (label, (_, share, amount)))| {
                view! {
                    <tr data-testid=format!("avail-{k}")>
                        <th scope="row">{label}</th>
                        <td>{format::eth(l, amount, 2)}</td>
                        <td>{format::percent(l, share, 1)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let reserve_cost = move || {
        let l = i18n.get();
        let c = choice.get();
        let sh = shares(&c);
        let cost = c.eth * sh[3] / Decimal::ONE_HUNDRED * base_tiers()[2].net_apr_pct
            / Decimal::ONE_HUNDRED;
        i18n.tf(Key::StratLiqCost, &[("eth", &format::eth(l, cost, 3))])
    };

    // Checklist grid.
    let check_rows = CHECKS
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let bit = 1u8 << k;
            let effect = move || {
                let key = match c.effect {
                    Effect::Loss => Key::StratEffectLgf,
                    Effect::Prob => Key::StratEffectProb,
                };
                i18n.tf(key, &[("f", &format::number(i18n.get(), c.factor, 1))])
            };
            let cells = (0..3)
                .map(|t| {
                    let m = masks[t];
                    let id = format!("in-q{}-{k}", TIER_SLUG[t]);
                    let aria = move || format!("{}: {}", i18n.t(TIER_NAMES[t]), i18n.t(c.label));
                    view! {
                        <td>
                            <input
                                type="checkbox"
                                id=id
                                aria-label=aria
                                prop:checked=move || to_u8(m.get()) & bit != 0
                                on:change=move |ev| {
                                    let cur = to_u8(m.get_untracked());
                                    let next = if event_target_checked(&ev) { cur | bit } else { cur & !bit };
                                    m.set(Decimal::from(next));
                                }
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        {move || i18n.t(c.label)}
                        <span class="strat-effect">{effect} " " {assumption()}</span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let check_summary = move || {
        let l = i18n.get();
        let b = base_tiers()[0];
        let t = with_checks(b, to_u8(qh.get()));
        let el = |t: Tier| {
            format::percent(
                l,
                t.slash_prob_annual_pct * t.loss_given_event_pct / dec(10_000, 0),
                3,
            )
        };
        i18n.tf(
            Key::StratCheckSummary,
            &[("high", &el(t)), ("base", &el(b))],
        )
    };

    let anchor = StoredValue::new(None::<(usize, [Decimal; 3])>);
    let preset = move |h: i64, m: i64| {
        move |_| {
            anchor.set_value(None);
            wh.set(Decimal::from(h));
            wm.set(Decimal::from(m));
        }
    };
    let one_options = [Key::StratOneHigh, Key::StratOneMid, Key::StratOneCons];
    let seed_spec = &PARAMS[4];

    view! {
        <article class="chapter strat">
            <h1>{move || i18n.t(Key::StratTitle)}</h1>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <Show when=move || w.get().fixed>
                <div class="notice" role="status" data-testid="strat-weights-fixed">
                    {move || i18n.tf(Key::StratWeightsFixed, &[("mid", &pct0(i18n.get(), w.get().mid))])}
                </div>
            </Show>
            <p>{move || i18n.t(Key::StratIntro)}</p>

            // ── 1. tiers ──
            <section class="lab" aria-labelledby="strat-tiers">
                <h2 id="strat-tiers">{move || i18n.t(Key::StratTiersTitle)}</h2>
                <p>{move || rich(i18n.t(Key::StratTiersIntro))}</p>
                <p>{move || rich(i18n.t(Key::StratTiersModel))} " " <Cite id=SourceId::LidoStakingApr /></p>
                <div class="strat-presets" role="group" aria-label=move || i18n.t(Key::StratPresets)>
                    <span class="hint">{move || i18n.t(Key::StratPresets)}</span>
                    <button type="button" data-testid="preset-article" on:click=preset(20, 50)>{move || i18n.t(Key::StratPresetArticle)}</button>
                    <button type="button" data-testid="preset-cautious" on:click=preset(10, 30)>{move || i18n.t(Key::StratPresetCautious)}</button>
                    <button type="button" data-testid="preset-bold" on:click=preset(50, 50)>{move || i18n.t(Key::StratPresetBold)}</button>
                </div>
                <div class="lab-grid strat-grid">
                    <div class="controls">
                        <WeightSlider index=0 label=Key::StratPWh w=w wh=wh wm=wm anchor=anchor />
                        <WeightSlider index=1 label=Key::StratPWm w=w wh=wh wm=wm anchor=anchor />
                        <WeightSlider index=2 label=Key::StratPWc w=w wh=wh wm=wm anchor=anchor />
                        <p class="hint">{move || i18n.t(Key::StratRebalance)}</p>
                        <Slider label=Key::StratPEth spec=&PARAMS[2] value=eth fmt=eth0 />
                    </div>
                    <div>
                        <dl class="results">
                            <div>
                                <dt>{move || rich(i18n.t(Key::StratBlendedApr))}</dt>
                                <dd data-testid="blended-apr">{move || with(&|r| pct(r.tiered.summary.blended_apr, 2))}</dd>
                            </div>
                            <div>
                                <dt><Term id="apy">{move || i18n.t(Key::StratBlendedApy)}</Term></dt>
                                <dd data-testid="blended-apy">{move || with(&|r| pct(r.tiered.summary.blended_apy, 2))}</dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::StratExpectedLoss)}</dt>
                                <dd data-testid="expected-loss">
                                    {move || with(&|r| pct(r.tiered.summary.expected_annual_loss, 3))}
                                    <small>" ≈ " {move || with(&|r| ethf(r.tiered.summary.expected_annual_loss * eth.get(), 3))}</small>
                                </dd>
                            </div>
                            <div>
                                <dt>{move || i18n.t(Key::StratNetReturn)}</dt>
                                <dd data-testid="net-return">{move || with(&|r| pct(r.tiered.summary.expected_net_annual_return, 2))}</dd>
                            </div>
                        </dl>
                        <div class="strat-scroll">
                            <table class="strat-table" data-testid="tier-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(Key::StratColTier)}</th>
                                        <th scope="col">{move || i18n.t(Key::StratColWeight)}</th>
                                        <th scope="col">{move || i18n.t(Key::StratColEth)}</th>
                                        <th scope="col">{move || i18n.t(Key::StratColApr)}</th>
                                        <th scope="col">{move || i18n.t(Key::StratColProb)} " " {assumption()}</th>
                                        <th scope="col">{move || i18n.t(Key::StratColLgf)} " " {assumption()}</th>
                                        <th scope="col">{move || i18n.t(Key::StratColEloss)}</th>
                                    </tr>
                                </thead>
                                <tbody>{tier_rows}</tbody>
                            </table>
                        </div>
                        <Formula caption=Key::StratFormulaAprCaption general=Key::StratFormulaAprGeneral substituted=Signal::derive(apr_substituted) />
                        <Formula caption=Key::StratFormulaLossCaption general=Key::StratFormulaLossGeneral substituted=Signal::derive(loss_substituted) />
                    </div>
                </div>
            </section>

            <Later>
                <Predict
                    question=Key::StratPredict1Q
                    choices=&[Key::StratPredict1A, Key::StratPredict1B, Key::StratPredict1C]
                    correct=2
                    explanation=Key::StratPredict1Explain
                />

                <section class="lab" aria-labelledby="strat-fan">
                    <h2 id="strat-fan">{move || i18n.t(Key::StratFanTitle)}</h2>
                    <p>{move || rich_with(i18n.t(Key::StratFanIntro), &[("paths", &format::number(i18n.get(), Decimal::from(PATHS), 0))])}</p>
                    <div class="lab-grid strat-grid">
                        <div class="controls">
                            <Slider label=Key::StratPYears spec=&PARAMS[3] value=years fmt=years_text />
                            <fieldset class="strat-choice" data-param="one">
                                <legend>{move || i18n.t(Key::StratPOne)}</legend>
                                {one_options
                                    .iter()
                                    .enumerate()
                                    .map(|(i, &k)| {
                                        let val = Decimal::from(i as i64);
                                        let id = format!("in-one-{i}");
                                        let for_id = id.clone();
                                        view! {
                                            <label for=for_id class="strat-opt">
                                                <input type="radio" id=id name="strat-one"
                                                    prop:checked=move || one.get() == val
                                                    on:change=move |_| one.set(val) />
                                                <span>{move || i18n.t(k)}</span>
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                            <div class="strat-seed" data-param="seed">
                                <label for="in-seed">{move || i18n.t(Key::StratPSeed)}</label>
                                <input
                                    type="number"
                                    id="in-seed"
                                    min=seed_spec.min.to_string()
                                    max=seed_spec.max.to_string()
                                    step="1"
                                    prop:value=move || seed.get().to_string()
                                    on:change=move |ev| {
                                        if let Ok(x) = event_target_value(&ev).trim().parse::<Decimal>() {
                                            seed.set(seed_spec.clamp(x.trunc()));
                                        }
                                    }
                                />
                                <button type="button" data-testid="new-draw" on:click=move |_| {
                                    let next = (seed.get_untracked() + Decimal::ONE) % (seed_spec.max + Decimal::ONE);
                                    seed.set(next);
                                }>{move || i18n.t(Key::StratNewDraw)}</button>
                            </div>
                            <p class="hint">{move || i18n.t(Key::StratFanSeed)}</p>
                        </div>
                        <div>
                            <Chart
                                data=fan_data
                                draw=draw_fan
                                aria_label=Signal::derive(fan_aria)
                                table=Signal::derive(fan_table)
                                height=320
                            />
                            <h3>{move || i18n.t(Key::StratCmpTitle)}</h3>
                            <div class="strat-scroll">
                                <table class="strat-table strat-cmp" data-testid="cmp-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{move || i18n.tf(Key::StratCmpMetric, &[("years", &years_text(i18n.get(), years.get()))])}</th>
                                            <th scope="col">{move || i18n.t(Key::StratCmpTiered)}</th>
                                            <th scope="col">{move || i18n.t(Key::StratCmpOne)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        <tr>
                                            <th scope="row">{move || i18n.t(Key::StratBlendedApr)}</th>
                                            <td>{move || with(&|r| pct(r.tiered.summary.blended_apr, 2))}</td>
                                            <td data-testid="one-apr">{move || with(&|r| pct(r.one.summary.blended_apr, 2))}</td>
                                        </tr>
                                        <tr>
                                            <th scope="row">{move || i18n.t(Key::StratExpectedLoss)}</th>
                                            <td>{move || with(&|r| pct(r.tiered.summary.expected_annual_loss, 3))}</td>
                                            <td>{move || with(&|r| pct(r.one.summary.expected_annual_loss, 3))}</td>
                                        </tr>
                                        <tr>
                                            <th scope="row">{move || i18n.t(Key::StratCmpMedian)}</th>
                                            <td data-testid="tiered-p50">{move || with(&|r| last(&r.tiered).map(|b| ethf(b.p50, 2)).unwrap_or_default())}</td>
                                            <td>{move || with(&|r| last(&r.one).map(|b| ethf(b.p50, 2)).unwrap_or_default())}</td>
                                        </tr>
                                        <tr>
                                            <th scope="row">{move || i18n.t(Key::StratCmpP5)}</th>
                                            <td data-testid="tiered-p5">{move || with(&|r| last(&r.tiered).map(|b| ethf(b.p5, 2)).unwrap_or_default())}</td>
                                            <td data-testid="one-p5">{move || with(&|r| last(&r.one).map(|b| ethf(b.p5, 2)).unwrap_or_default())}</td>
                                        </tr>
                                        <tr>
                                            <th scope="row">{move || i18n.t(Key::StratCmpBelow)}</th>
                                            <td>{move || with(&|r| pct(r.tiered.sim.prob_end_below_start, 1))}</td>
                                            <td>{move || with(&|r| pct(r.one.sim.prob_end_below_start, 1))}</td>
                                        </tr>
                                    </tbody>
                                </table>
                            </div>
                        </div>
                    </div>
                </section>
            </Later>

            <Later>
                // ── 2. checklist ──
                <section class="lab" aria-labelledby="strat-check">
                    <h2 id="strat-check">{move || i18n.t(Key::StratCheckTitle)}</h2>
                    <p>{move || rich(i18n.t(Key::StratCheckIntro))}</p>
                    <p class="hint">{assumption()} " " {move || i18n.t(Key::StratCheckAssumption)}</p>
                    <div class="strat-scroll">
                        <table class="strat-table strat-checks" data-testid="checklist">
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::StratCheckItem)}</th>
                                    <th scope="col"><span class="sw sw-0"></span>{move || i18n.t(Key::StratTierHigh)}</th>
                                    <th scope="col"><span class="sw sw-1"></span>{move || i18n.t(Key::StratTierMid)}</th>
                                    <th scope="col"><span class="sw sw-2"></span>{move || i18n.t(Key::StratTierCons)}</th>
                                </tr>
                            </thead>
                            <tbody>{check_rows}</tbody>
                        </table>
                    </div>
                    <p data-testid="check-summary">{check_summary}</p>
                </section>
            </Later>

            <Later>
                // ── 3. liquidity ──
                <section class="lab" aria-labelledby="strat-liq">
                    <h2 id="strat-liq">{move || i18n.t(Key::StratLiqTitle)}</h2>
                    <p>{move || rich(i18n.t(Key::StratLiqIntro))}</p>
                    <p class="hint">
                        {assumption()} " " {move || i18n.t(Key::StratLiqPaths)} " "
                        <Cite id=SourceId::ConsensusSpecs /> " " <Cite id=SourceId::EigenSafetyDelays /> " "
                        <Cite id=SourceId::LidoWithdrawals /> " " <Cite id=SourceId::RenzoWithdrawals />
                    </p>
                    <div class="lab-grid strat-grid">
                        <div class="controls">
                            <Slider label=Key::StratPRes spec=&PARAMS[9] value=res fmt=pct0 />
                            <Slider label=Key::StratPQueue spec=&PARAMS[10] value=queue fmt=|l, x| format::eth(l, x, 0) />
                            <p class="hint" data-testid="reserve-cost">{reserve_cost}</p>
                        </div>
                        <div>
                            <ul class="legend">
                                {seg_keys
                                    .iter()
                                    .enumerate()
                                    .map(|(i, &k)| view! { <li><span class=format!("sw sw-{i}")></span>{move || i18n.t(k)}</li> })
                                    .collect_view()}
                            </ul>
                            <Chart
                                data=liq_data
                                draw=draw_stacked_bars
                                aria_label=Signal::derive(liq_aria)
                                table=Signal::derive(liq_table)
                                height=230
                            />
                            <h3>{move || i18n.t(Key::StratAvailTitle)}</h3>
                            <div class="strat-scroll">
                                <table class="strat-table" data-testid="avail-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{move || i18n.t(Key::StratColWhen)}</th>
                                            <th scope="col">{move || i18n.t(Key::StratColAvail)}</th>
                                            <th scope="col">{move || i18n.t(Key::StratColShare)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{checkpoint_rows}</tbody>
                                </table>
                            </div>
                        </div>
                    </div>
                </section>

                <Predict
                    question=Key::StratPredict2Q
                    choices=&[Key::StratPredict2A, Key::StratPredict2B, Key::StratPredict2C]
                    correct=1
                    explanation=Key::StratPredict2Explain
                />
            </Later>

            <Later>
                // ── 4. monitoring ──
                <section class="lab" aria-labelledby="strat-mon">
                    <h2 id="strat-mon">{move || i18n.t(Key::StratMonTitle)}</h2>
                    <p>{move || rich(i18n.t(Key::StratMonIntro))}</p>
                    <div class="strat-narrow">
                        <Slider label=Key::StratPAlert spec=&PARAMS[11] value=alert fmt=pct1 />
                    </div>
                    <div class="strat-scroll">
                        <table class="strat-table strat-mon" data-testid="monitor">
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::StratMonSignal)}</th>
                                    <th scope="col">{move || i18n.t(Key::StratMonWatch)}</th>
                                    <th scope="col">{move || i18n.t(Key::StratMonThreshold)}</th>
                                    <th scope="col">{move || i18n.t(Key::StratMonYours)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::StratMonDown)}</th>
                                    <td>{move || i18n.t(Key::StratMonDownWatch)} " " <Cite id=SourceId::ConsensusSpecs /></td>
                                    <td>{move || i18n.t(Key::StratMonDownThr)} " " {assumption()}</td>
                                    <td data-testid="mon-down">{move || {
                                        let m = mon.get();
                                        i18n.tf(Key::StratMonDownYours, &[("eth", &ethf(m.offline_cost_per_day, 4)), ("staked", &ethf(m.staked_eth, 1))])
                                    }}</td>
                                </tr>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::StratMonSlash)}</th>
                                    <td>{move || i18n.t(Key::StratMonSlashWatch)} " " <Cite id=SourceId::Elip002 /></td>
                                    <td>{move || i18n.tf(Key::StratMonSlashThr, &[("pct", &pct1(i18n.get(), alert.get()))])} " " {assumption()}</td>
                                    <td data-testid="mon-slash">{move || {
                                        let m = mon.get();
                                        i18n.tf(Key::StratMonSlashYours, &[
                                            ("high", &ethf(m.alert_high_eth, 3)),
                                            ("mid", &ethf(m.alert_mid_eth, 3)),
                                            ("be", &pct(m.breakeven_slash, 1)),
                                        ])
                                    }}</td>
                                </tr>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::StratMonUpgrade)}</th>
                                    <td>{move || rich(i18n.t(Key::StratMonUpgradeWatch))}</td>
                                    <td>{move || i18n.t(Key::StratMonUpgradeThr)}</td>
                                    <td data-testid="mon-upgrade">{move || i18n.tf(Key::StratMonUpgradeYours, &[("days", &days_text(i18n.get(), liq.get().slowest_days))])}</td>
                                </tr>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::StratMonGov)}</th>
                                    <td>{move || i18n.t(Key::StratMonGovWatch)}</td>
                                    <td>{move || i18n.t(Key::StratMonGovThr)} " " {assumption()}</td>
                                    <td>{move || i18n.tf(Key::StratMonGovYours, &[("days", &days_text(i18n.get(), liq.get().slowest_days))])}</td>
                                </tr>
                            </tbody>
                        </table>
                    </div>
                    <Formula
                        caption=Key::StratMonFormulaCaption
                        general=Key::StratMonFormulaGeneral
                        substituted=Signal::derive(move || {
                            let l = i18n.get();
                            let m = mon.get();
                            format!(
                                "{} × {} / 365 × 94 / 64 ≈ {}",
                                format::eth(l, m.staked_eth, 1),
                                format::percent(l, base_tiers()[2].net_apr_pct / Decimal::ONE_HUNDRED, 2),
                                format::eth(l, m.offline_cost_per_day, 4)
                            )
                        })
                    />
                    <p class="hint">{assumption()} " " {move || i18n.t(Key::StratMonNote)}</p>
                </section>
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::StratCatchTitle)}</h2>
                <p>{move || i18n.t(Key::StratCatchBody)}</p>

                <Quiz chapter="strategy" items=&QUIZ />
            </Later>
        </article>
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
    fn article_preset_is_the_default_and_blends_to_3_55_percent() {
        let c = Choice::default();
        assert_eq!(c.weights.arr(), [d("20"), d("50"), d("30")]);
        assert_eq!(PARAMS[0].default, d("20"));
        assert_eq!(PARAMS[1].default, d("50"));
        let r = run(&c).unwrap();
        // 0.2 × 4.8 + 0.5 × 3.5 + 0.3 × 2.8 = 3.55 %
        assert_eq!(r.tiered.summary.blended_apr, d("0.0355"));
        // all in the high tier: 4.8 %
        assert_eq!(r.one.summary.blended_apr, d("0.048"));
        // the conservative tier is not restaked: Lido's 2.8 %, the lowest risk
        let t = base_tiers();
        assert_eq!(t[2].kind, TierKind::NotRestaked);
        assert_eq!(t[2].net_apr_pct, d("2.8"));
    }

    #[test]
    fn weights_always_sum_to_100() {
        let w = weights(d("80"), d("50"));
        assert_eq!(w.arr(), [d("80"), d("20"), d("0")]);
        assert!(w.fixed);
        assert!(!weights(d("20"), d("50")).fixed);
        // proportional rebalancing keeps the others' ratio
        assert_eq!(
            rebalance([d("20"), d("50"), d("30")], 0, d("60")),
            [d("60"), d("25"), d("15")]
        );
        // both others at zero share equally
        assert_eq!(
            rebalance([d("100"), d("0"), d("0")], 0, d("41")),
            [d("41"), d("29"), d("30")]
        );
        assert_eq!(
            rebalance([d("20"), d("50"), d("30")], 2, d("100")),
            [d("0"), d("0"), d("100")]
        );
    }

    proptest::proptest! {
        #[test]
        fn prop_rebalance_sums_to_100(a in 0u32..=100, b in 0u32..=100, i in 0usize..3, x in 0u32..=100) {
            let w = weights(a.into(), b.into());
            proptest::prop_assert_eq!(w.high + w.mid + w.cons, d("100"));
            let r = rebalance(w.arr(), i, x.into());
            proptest::prop_assert_eq!(r[0] + r[1] + r[2], d("100"));
            proptest::prop_assert_eq!(r[i], Decimal::from(x));
            proptest::prop_assert!(r.iter().all(|v| *v >= Decimal::ZERO));
        }

        #[test]
        fn prop_any_choice_runs_with_ordered_bands(wh in 0u32..=100, wm in 0u32..=100, res in 0u32..=50, q in 0u8..16, one in 0usize..3, seed in 0u64..1000, years in 1u32..=3) {
            let c = Choice {
                weights: weights(wh.into(), wm.into()),
                masks: [q, q ^ 5, q ^ 10],
                reserve_pct: res.into(),
                eth: d("32"),
                years,
                seed,
                one,
            };
            let mut small = portfolio_inputs(&c, [Decimal::ZERO; 3]);
            small.paths = 200;
            let s = portfolio::simulate(&small).unwrap();
            for b in &s.bands {
                proptest::prop_assert!(b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95);
            }
            let sh = shares(&c);
            proptest::prop_assert_eq!(sh.iter().copied().sum::<Decimal>(), d("100"));
            let lq = liquidity(&c, Decimal::ZERO);
            let cp = lq.checkpoints;
            proptest::prop_assert!(cp[0].1 <= cp[1].1 && cp[1].1 <= cp[2].1 && cp[2].1 <= cp[3].1);
            proptest::prop_assert_eq!(cp[3].1, Decimal::ONE);
        }
    }

    #[test]
    fn same_seed_same_fan_other_seed_other_fan() {
        let c = Choice::default();
        let a = run(&c).unwrap();
        let b = run(&c).unwrap();
        assert_eq!(a, b);
        let other = run(&Choice { seed: 43, ..c }).unwrap();
        assert_ne!(a.tiered.sim, other.tiered.sim);
        let bands = &a.tiered.sim.bands;
        assert_eq!(bands.len(), 37);
        assert!(bands
            .iter()
            .all(|b| b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95));
    }

    // The first Predict prompt: all in the high tier lowers the 5th percentile after
    // three years although it raises the median.
    #[test]
    fn all_in_high_has_higher_median_but_worse_bad_case() {
        let r = run(&Choice::default()).unwrap();
        let (t, o) = (
            *r.tiered.sim.bands.last().unwrap(),
            *r.one.sim.bands.last().unwrap(),
        );
        assert!(o.p50 > t.p50, "{} vs {}", o.p50, t.p50);
        assert!(o.p5 < t.p5, "{} vs {}", o.p5, t.p5);
        assert!(r.one.summary.expected_annual_loss > r.tiered.summary.expected_annual_loss);
    }

    #[test]
    fn checklist_factors_apply_to_their_tier_only() {
        let base = base_tiers()[0];
        let all = with_checks(base, 15);
        // p 2 % × 0.6 × 0.8 = 0.96 %; LGF 30 % × 0.5 × 0.7 = 10.5 %
        assert_eq!(all.slash_prob_annual_pct, d("0.96"));
        assert_eq!(all.loss_given_event_pct, d("10.5"));
        assert_eq!(with_checks(base, 1).loss_given_event_pct, d("15"));
        assert_eq!(with_checks(base, 0), base);
        let c = Choice {
            masks: [15, 0, 0],
            ..Choice::default()
        };
        let inp = portfolio_inputs(&c, [Decimal::ZERO; 3]);
        assert_eq!(inp.tiers[0].slash_prob_annual_pct, d("0.96"));
        assert_eq!(inp.tiers[1], {
            let mut t = base_tiers()[1];
            t.weight_pct = d("50");
            t.exit_days = Decimal::ZERO;
            t
        });
        let (r0, r1) = (run(&Choice::default()).unwrap(), run(&c).unwrap());
        assert!(r1.tiered.summary.expected_annual_loss < r0.tiered.summary.expected_annual_loss);
    }

    #[test]
    fn liquidity_of_the_article_split() {
        let lq = liquidity(&Choice::default(), Decimal::ZERO);
        // day 0: conservative 30 % + half of the high tier 10 % = 40 %
        assert_eq!(lq.checkpoints[0].1, d("0.4"));
        assert_eq!(lq.checkpoints[0].2, d("40"));
        // after the LST exit nothing new (already sellable); after EigenLayer +50 %
        assert_eq!(lq.checkpoints[1].1, d("0.4"));
        assert_eq!(lq.checkpoints[2].1, d("0.9"));
        assert_eq!(lq.checkpoints[3].1, d("1"));
        // medium = beacon stages + 14 days; high = medium + 3 days
        let [h, m, c] = &lq.timelines;
        assert_eq!(m.total_days - c.total_days, d("14"));
        assert_eq!(h.total_days - m.total_days, d("3"));
        assert_eq!(lq.slowest_days, h.total_days);
        // a reserve is available at once and taken off the top
        let with_res = liquidity(
            &Choice {
                reserve_pct: d("10"),
                ..Choice::default()
            },
            Decimal::ZERO,
        );
        assert_eq!(with_res.checkpoints[0].1, d("0.46"));
        // a long exit queue delays every tier
        let queued = liquidity(&Choice::default(), d("1000000"));
        assert!(queued.timelines[2].total_days > c.total_days + d("10"));
    }

    #[test]
    fn monitoring_thresholds_from_the_position() {
        let m = monitor(&Choice::default(), d("1"));
        assert_eq!(m.staked_eth, d("100"));
        assert_eq!(m.alert_high_eth, d("0.2"));
        assert_eq!(m.alert_mid_eth, d("0.5"));
        assert_eq!(m.breakeven_slash, d("0.02"));
        // 100 × 2.8 % / 365 × 94 / 64 ≈ 0.011267 ETH
        assert!((m.offline_cost_per_day - d("0.011267")).abs() < d("0.000001"));
    }

    #[test]
    fn every_param_has_a_label_and_its_default_in_range() {
        for p in &PARAMS {
            assert!(label_of(p.name).is_some(), "{}", p.name);
            assert!(p.min <= p.default && p.default <= p.max, "{}", p.name);
        }
        assert_eq!(QUIZ.len(), 4);
        for q in &QUIZ {
            assert_eq!(q.choices.len(), q.why.len());
            assert!(q.correct < q.choices.len());
        }
    }
}
