//! Tiered restaking portfolio: split a stack of ETH into tiers (the article's example
//! 20 / 50 / 30, the last tier not restaked), each with a net APR, a yearly chance of a
//! slashing event, the share lost in such an event and how fast it can be turned into
//! ETH. Gives blended APR/APY, the expected yearly loss, a liquidity-reserve measure and
//! percentile bands of the portfolio value from a seeded Monte Carlo.
//!
//! Model (assumptions, documented for the learner):
//! - month by month, each tier grows by `APR/12` (monthly compounding, no rebalancing);
//! - each month a slashing event hits a tier with probability
//!   `p_m = 1 − (1 − p)^(1/12)` (so at least one event in a year has probability `p`)
//!   and removes the fraction `LGF` of that tier; tiers and months are independent;
//! - values are in ETH (no ETH-price risk here).
//!
//! The Monte Carlo runs in `f64` (inside the simulation only) with the project's seeded
//! [`Rng`]; rates are prepared in `Decimal` and results converted back to `Decimal`, so the
//! same seed gives the same numbers on every platform.
//!
//! Default rates: the unrestaked tier uses Lido's staking APR (7-day moving average
//! ≈ 2.81 % on 3 June 2025, Lido's own dashboard
//! <https://flipsidecrypto.xyz/lidofinance/q/vgoNfUNmqrMa/lido-staking-user-apr-7-days-ma-MvM2e2>);
//! every other default (restaking premiums, slashing probabilities, losses, liquidity)
//! is an **illustrative assumption**, not a measured figure.

use std::collections::BTreeMap;

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::num::{from_f64, pct, to_f64, unit};
use crate::model::rng::Rng;

/// Most tiers accepted (extra tiers are dropped by [`PortfolioInputs::clamped`]).
pub const MAX_TIERS: usize = 8;
/// Most Monte Carlo paths.
pub const MAX_PATHS: u32 = 50_000;
/// Longest horizon in years.
pub const MAX_YEARS: u32 = 3;
/// Largest initial amount in ETH.
pub const MAX_INITIAL_ETH: u64 = 1_000_000_000;
/// Largest exit time of a tier, in days.
pub const MAX_EXIT_DAYS: u64 = 3_650;

/// Errors of the portfolio model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PortfolioError {
    /// No tier was given.
    NoTiers,
    /// All weights are zero (or negative), so the portfolio is empty.
    NoWeight,
    /// A tier index is out of range.
    NoSuchTier,
    /// A `Decimal` operation overflowed (cannot happen within the documented domain).
    Overflow,
}

/// What a tier is, for translated labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TierKind {
    /// Higher-yield, higher-risk restaking (e.g. an LRT with many AVSs).
    Aggressive,
    /// Restaking with established services only.
    Balanced,
    /// Plain staking (e.g. an LST), not restaked.
    NotRestaked,
    /// Anything else the learner builds.
    Custom,
}

/// One tier.
///
/// Domains: `weight_pct ≥ 0` (any scale, see [`normalized_weights`]),
/// `net_apr_pct: 0..=100`, `slash_prob_annual_pct: 0..=100`,
/// `loss_given_event_pct: 0..=100`, `instant_liquidity_pct: 0..=100`,
/// `exit_days: 0..=3650`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    /// Label kind.
    pub kind: TierKind,
    /// Weight; normalised so the weights sum to 100 %.
    pub weight_pct: Decimal,
    /// Net APR after fees, in percent.
    pub net_apr_pct: Decimal,
    /// Annual probability of at least one slashing event, in percent.
    pub slash_prob_annual_pct: Decimal,
    /// Share of the tier lost per event, in percent.
    pub loss_given_event_pct: Decimal,
    /// Share of the tier that can be sold at once (e.g. on a DEX), in percent.
    pub instant_liquidity_pct: Decimal,
    /// Days to redeem the rest through the queues.
    pub exit_days: Decimal,
}

impl Tier {
    /// Clamps every field to its domain (negative weights become 0).
    pub fn clamped(&self) -> Tier {
        let c = |x: Decimal, hi: u64| x.max(Decimal::ZERO).min(Decimal::from(hi));
        Tier {
            kind: self.kind,
            weight_pct: c(self.weight_pct, MAX_INITIAL_ETH),
            net_apr_pct: c(self.net_apr_pct, 100),
            slash_prob_annual_pct: c(self.slash_prob_annual_pct, 100),
            loss_given_event_pct: c(self.loss_given_event_pct, 100),
            instant_liquidity_pct: c(self.instant_liquidity_pct, 100),
            exit_days: c(self.exit_days, MAX_EXIT_DAYS),
        }
    }
}

/// Portfolio inputs.
///
/// Domains: 1..=8 tiers, `initial_eth: 0..=1e9`, `years: 1..=3`, `paths: 1..=50_000`,
/// any `seed`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioInputs {
    /// The tiers.
    pub tiers: Vec<Tier>,
    /// Starting value in ETH.
    pub initial_eth: Decimal,
    /// Horizon in years (simulated in monthly steps).
    pub years: u32,
    /// Number of Monte Carlo paths.
    pub paths: u32,
    /// Seed of the generator (same seed, same numbers).
    pub seed: u64,
}

impl Default for PortfolioInputs {
    /// The article's 20 / 50 / 30 split of 100 ETH over 3 years, 10,000 paths, seed 42.
    ///
    /// - Aggressive 20 %: 4.8 % APR (2.8 % staking + 2 % restaking premium), 2 %/yr
    ///   slashing-event chance, 30 % loss per event, 50 % instantly sellable, 23 days exit;
    /// - Balanced 50 %: 3.5 % APR, 0.5 %/yr, 10 % loss, not sellable, 23 days exit
    ///   (≈ the default exit timeline of `exit.rs`, 22.5 days);
    /// - Not restaked 30 %: 2.8 % APR (Lido 7-day average, see module doc), 0.1 %/yr,
    ///   1 % loss, 100 % instantly sellable, 5 days exit.
    ///
    /// Only the 2.8 % is sourced; the rest are illustrative assumptions.
    fn default() -> Self {
        let t = |kind, w: i64, apr: Decimal, p: Decimal, l: i64, inst: i64, exit: i64| Tier {
            kind,
            weight_pct: Decimal::from(w),
            net_apr_pct: apr,
            slash_prob_annual_pct: p,
            loss_given_event_pct: Decimal::from(l),
            instant_liquidity_pct: Decimal::from(inst),
            exit_days: Decimal::from(exit),
        };
        PortfolioInputs {
            tiers: vec![
                t(
                    TierKind::Aggressive,
                    20,
                    Decimal::new(48, 1),
                    Decimal::TWO,
                    30,
                    50,
                    23,
                ),
                t(
                    TierKind::Balanced,
                    50,
                    Decimal::new(35, 1),
                    Decimal::new(5, 1),
                    10,
                    0,
                    23,
                ),
                t(
                    TierKind::NotRestaked,
                    30,
                    Decimal::new(28, 1),
                    Decimal::new(1, 1),
                    1,
                    100,
                    5,
                ),
            ],
            initial_eth: Decimal::ONE_HUNDRED,
            years: 3,
            paths: 10_000,
            seed: 42,
        }
    }
}

impl PortfolioInputs {
    /// Clamps every field to its documented domain.
    pub fn clamped(&self) -> PortfolioInputs {
        PortfolioInputs {
            tiers: self
                .tiers
                .iter()
                .take(MAX_TIERS)
                .map(Tier::clamped)
                .collect(),
            initial_eth: self
                .initial_eth
                .max(Decimal::ZERO)
                .min(Decimal::from(MAX_INITIAL_ETH)),
            years: self.years.clamp(1, MAX_YEARS),
            paths: self.paths.clamp(1, MAX_PATHS),
            seed: self.seed,
        }
    }
}

/// Weights as fractions summing to 1: negative weights count as 0, then each weight is
/// divided by the sum, so `[20, 50, 30]`, `[2, 5, 3]` and `[0.2, 0.5, 0.3]` are the same
/// portfolio, and `[1, 1]` means 50 / 50. Errors if there are no tiers or the sum is 0.
pub fn normalized_weights(tiers: &[Tier]) -> Result<Vec<Decimal>, PortfolioError> {
    if tiers.is_empty() {
        return Err(PortfolioError::NoTiers);
    }
    let ws: Vec<Decimal> = tiers
        .iter()
        .take(MAX_TIERS)
        .map(|t| t.clamped().weight_pct)
        .collect();
    let mut sum = Decimal::ZERO;
    for w in &ws {
        sum = sum.checked_add(*w).ok_or(PortfolioError::Overflow)?;
    }
    if sum <= Decimal::ZERO {
        return Err(PortfolioError::NoWeight);
    }
    ws.iter()
        .map(|w| w.checked_div(sum).map(unit).ok_or(PortfolioError::Overflow))
        .collect()
}

/// `base^(1/12)` for `base ∈ [0, 1]` (checked `Decimal` maths).
///
/// Newton's method on `y^12 = base`, `y ← (11·y + base / y^11) / 12`, from the `f64`
/// root (relative error about 1e-16): the error squares with each step, so two steps
/// reach `Decimal`'s 28 digits. It replaced `exp(ln(base)/12)`, whose series cost
/// about 70 µs in the browser, called for every tier of both portfolios on every
/// slider step of the strategy chapter; this costs a few µs. That form remains the
/// fallback should a step fail (it cannot for `base` in `(0, 1)`: `y ≥ base`).
fn twelfth_root_unit(base: Decimal) -> Decimal {
    let base = unit(base);
    if base.is_zero() || base == Decimal::ONE {
        return base;
    }
    let twelve = Decimal::from(12);
    let eleven = Decimal::from(11);
    let newton = || {
        let mut y = from_f64(to_f64(base).powf(1.0 / 12.0));
        for _ in 0..2 {
            let y11 = y.checked_powu(11)?;
            y = eleven
                .checked_mul(y)?
                .checked_add(base.checked_div(y11)?)?
                .checked_div(twelve)?;
        }
        Some(y)
    };
    newton()
        .filter(|y| y.is_sign_positive())
        .or_else(|| {
            base.checked_ln()
                .and_then(|l| l.checked_div(twelve))
                .and_then(|x| x.checked_exp())
        })
        .map(unit)
        .unwrap_or(Decimal::ZERO)
}

/// Monthly event probability `p_m = 1 − (1 − p)^(1/12)` for an annual probability `p`
/// (fraction), so that `1 − (1 − p_m)^12 = p`.
pub fn monthly_event_prob(annual: Decimal) -> Decimal {
    unit(Decimal::ONE - twelfth_root_unit(Decimal::ONE - unit(annual)))
}

/// Closed-form summary of the portfolio (no simulation).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioSummary {
    /// Normalised weights (fractions summing to 1), in tier order.
    pub weights: Vec<Decimal>,
    /// Blended APR `Σ w_i · apr_i` (fraction per year).
    pub blended_apr: Decimal,
    /// Blended APY with monthly compounding and no rebalancing:
    /// `Σ w_i (1 + apr_i/12)^12 − 1` (fraction).
    pub blended_apy: Decimal,
    /// Expected share of value lost to slashing in a year, ignoring growth:
    /// `Σ w_i [1 − (1 − p_m,i · LGF_i)^12]` (≈ `Σ w_i p_i LGF_i` for small `p`).
    pub expected_annual_loss: Decimal,
    /// Expected growth factor minus 1 after one year, growth and losses together:
    /// `Σ w_i (1 + apr_i/12)^12 (1 − p_m,i LGF_i)^12 − 1` (fraction, can be negative).
    pub expected_net_annual_return: Decimal,
    /// Share of value that can be sold at once: `Σ w_i · instant_i`.
    pub instant_liquidity: Decimal,
}

/// Computes the closed-form summary (exact `Decimal` maths except the `1/12`-th root,
/// which is computed to `Decimal` precision by Newton steps).
pub fn summary(inputs: &PortfolioInputs) -> Result<PortfolioSummary, PortfolioError> {
    let inp = inputs.clamped();
    let weights = normalized_weights(&inp.tiers)?;
    let ov = PortfolioError::Overflow;
    let twelve = Decimal::from(12);
    let (mut apr, mut apy, mut loss, mut net, mut inst) = (
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
    );
    // Every factor below is clamped to [0, 3] (weights and rates in [0, 1], growth
    // (1 + 1/12)^12 < 2.7), so the plain `+=`/`*` cannot overflow.
    for (t, w) in inp.tiers.iter().zip(&weights) {
        let a = pct(t.net_apr_pct);
        let grow = (Decimal::ONE + a / twelve).checked_powu(12).ok_or(ov)?;
        let pm = monthly_event_prob(pct(t.slash_prob_annual_pct));
        let keep = (Decimal::ONE - pm * pct(t.loss_given_event_pct))
            .checked_powu(12)
            .ok_or(ov)?;
        apr += w * a;
        apy += w * grow;
        loss += w * (Decimal::ONE - keep);
        net += (w * grow).checked_mul(keep).ok_or(ov)?;
        inst += w * pct(t.instant_liquidity_pct);
    }
    Ok(PortfolioSummary {
        weights,
        blended_apr: apr,
        blended_apy: apy - Decimal::ONE,
        expected_annual_loss: unit(loss),
        expected_net_annual_return: net - Decimal::ONE,
        instant_liquidity: unit(inst),
    })
}

/// Liquidity reserve: the share of value (at the start, by weight) available within
/// `days`: `Σ w_i · [instant_i + (1 − instant_i) · 1(exit_days_i ≤ days)]`, in `[0, 1]`.
pub fn liquidity_within(
    inputs: &PortfolioInputs,
    days: Decimal,
) -> Result<Decimal, PortfolioError> {
    let inp = inputs.clamped();
    let weights = normalized_weights(&inp.tiers)?;
    let mut acc = Decimal::ZERO;
    for (t, w) in inp.tiers.iter().zip(&weights) {
        let inst = pct(t.instant_liquidity_pct);
        let avail = if t.exit_days <= days {
            Decimal::ONE
        } else {
            inst
        };
        acc += w * avail;
    }
    Ok(unit(acc))
}

/// The "everything in one protocol" comparison: the same inputs with all weight on tier
/// `index` (every other tier weighted 0). Simulate both to compare the bands.
pub fn all_in_one(
    inputs: &PortfolioInputs,
    index: usize,
) -> Result<PortfolioInputs, PortfolioError> {
    if index >= inputs.tiers.len().min(MAX_TIERS) {
        return Err(PortfolioError::NoSuchTier);
    }
    let mut out = inputs.clamped();
    for (i, t) in out.tiers.iter_mut().enumerate() {
        t.weight_pct = if i == index {
            Decimal::ONE_HUNDRED
        } else {
            Decimal::ZERO
        };
    }
    Ok(out)
}

/// Percentile band of the portfolio value at one month.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// Month index (0 = start).
    pub month: u32,
    /// 5th percentile of the value, in ETH.
    pub p5: Decimal,
    /// 25th percentile.
    pub p25: Decimal,
    /// Median.
    pub p50: Decimal,
    /// 75th percentile.
    pub p75: Decimal,
    /// 95th percentile.
    pub p95: Decimal,
}

/// Monte Carlo result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// One band per month, months `0..=12·years`.
    pub bands: Vec<Band>,
    /// Share of paths that end below the starting value.
    pub prob_end_below_start: Decimal,
    /// Mean final value, in ETH.
    pub mean_final: Decimal,
}

/// `2^64` as a `Decimal`.
fn two_pow_64() -> Decimal {
    Decimal::from(u128::from(u64::MAX) + 1)
}

/// Event thresholds of one tier for the geometric draw: `c[k] = floor(2^64 · (1 − (1 − p_m)^k))`
/// for `k = 0..=months` (as `u128`, so `p_m = 1` gives exactly `2^64`). A uniform `u64`
/// `U` means "the next event is within `k` months" iff `U < c[k]`, which has probability
/// `1 − (1 − p_m)^k`: exactly the monthly Bernoulli model, drawn once per event instead
/// of once per month. Computed in `Decimal`, so identical on every platform.
fn event_thresholds(p_m: Decimal, months: u32) -> Vec<u128> {
    let q = unit(Decimal::ONE - unit(p_m));
    let scale = two_pow_64();
    let mut survive = Decimal::ONE; // (1 − p_m)^k, by repeated multiplication
    let mut out = Vec::with_capacity(months as usize + 1);
    for k in 0..=months {
        if k > 0 {
            survive = unit(survive.checked_mul(q).unwrap_or(Decimal::ZERO));
        }
        let c = (Decimal::ONE - survive)
            .checked_mul(scale)
            .map(|x| x.floor())
            .and_then(|x| x.to_u128())
            .unwrap_or(0);
        out.push(c.min(u128::from(u64::MAX) + 1));
    }
    out
}

/// Months until the next slashing event of a tier, if it falls within `remaining` months.
/// Draws nothing when the tier can never be slashed.
fn next_event_gap(rng: &mut Rng, c: &[u128], remaining: usize) -> Option<usize> {
    let last = *c.get(remaining)?;
    if last == 0 {
        return None;
    }
    let u = u128::from(rng.next_u64());
    if u >= last {
        return None;
    }
    // c is non-decreasing: the first k with u < c[k] is the gap (k ≥ 1 since c[0] = 0).
    Some(c[..=remaining].partition_point(|&x| x <= u))
}

/// Per-tier tables of a simulation, prepared deterministically from the clamped inputs
/// and normalised weights: the tier's value without events at each month `0..=months`
/// (`start_i · (1 + apr_i/12)^m`), its loss factor after `c` events (`(1 − LGF_i)^c`),
/// and its event thresholds ([`event_thresholds`]).
struct TierTables {
    base: Vec<f64>,
    keep_pow: Vec<f64>,
    thresholds: Vec<u128>,
}

fn tier_tables(inp: &PortfolioInputs, weights: &[Decimal], months: usize) -> Vec<TierTables> {
    let init = to_f64(inp.initial_eth);
    let mut tables = Vec::with_capacity(inp.tiers.len());
    for (t, w) in inp.tiers.iter().zip(weights) {
        let g = to_f64(Decimal::ONE + pct(t.net_apr_pct) / Decimal::from(12));
        let keep = to_f64(Decimal::ONE - pct(t.loss_given_event_pct));
        let mut base = Vec::with_capacity(months + 1);
        let mut keep_pow = Vec::with_capacity(months + 1);
        let (mut b, mut kp) = (init * to_f64(*w), 1.0f64);
        for _ in 0..=months {
            base.push(b);
            keep_pow.push(kp);
            b *= g;
            kp *= keep;
        }
        let thresholds = event_thresholds(
            monthly_event_prob(pct(t.slash_prob_annual_pct)),
            months as u32,
        );
        tables.push(TierTables {
            base,
            keep_pow,
            thresholds,
        });
    }
    tables
}

/// Runs the seeded Monte Carlo and returns percentile bands for every month.
/// Same inputs and seed → same result, on every platform.
///
/// Model: see the module doc (monthly growth by `APR/12`, monthly slashing event with
/// probability `p_m`). Implementation: for each path and tier the months of the
/// slashing events are drawn directly (the gap to the next event is geometric, sampled
/// by inverting its CDF with integer thresholds from [`event_thresholds`]), so the
/// generator is called about once per tier and path plus once per event rather than
/// every month; the value of tier `i` at month `m` with `c` events so far is
/// `start_i · (1 + apr_i/12)^m · (1 − LGF_i)^c`. The paths are then kept as a histogram
/// of their event-count tuples, month by month, and the percentiles (lower nearest rank,
/// `k = floor(q · (n − 1) / 100)`) are read off the few distinct values.
///
/// Cost: the draws (about `paths × tiers` plus one per event), plus per month one
/// histogram update per event and a sort of the distinct tuples (a handful unless events
/// are frequent); see `benches/model.rs`.
pub fn simulate(inputs: &PortfolioInputs) -> Result<Simulation, PortfolioError> {
    let inp = inputs.clamped();
    let weights = normalized_weights(&inp.tiers)?;
    let paths = inp.paths as usize;
    let months = (inp.years * 12) as usize;
    let tables = tier_tables(&inp, &weights, months);
    let start_total: f64 = tables.iter().map(|t| t.base[0]).sum();

    // A path's value at month `m` depends only on how many events each tier has had by
    // then: `Σ_i base_i[m] · keep_i^(c_i)`, summed in tier order. So instead of a
    // `months × paths` table and a selection per month, the paths are kept as a
    // histogram of their event-count tuples (one `u8` per tier, packed into a `u64`),
    // updated month by month with the events that fall in it. Each month's percentiles
    // come from the few distinct tuples, sorted by value with their path counts. The
    // random draws are made in the same order as a path-by-path simulation, and every
    // value is computed with the same operations in the same order, so the result is
    // bit for bit the one of `simulate_reference` (tests) at a fraction of the cost.
    let mut rng = Rng::new(inp.seed);
    // events[m] = (path, tier) of each event at month m.
    let mut events: Vec<Vec<(u32, u8)>> = vec![Vec::new(); months + 1];
    for p in 0..paths {
        for (ti, t) in tables.iter().enumerate() {
            let mut at = next_event_gap(&mut rng, &t.thresholds, months);
            while let Some(m) = at {
                events[m].push((p as u32, ti as u8));
                at = next_event_gap(&mut rng, &t.thresholds, months - m).map(|g| m + g);
            }
        }
    }
    let value = |key: u64, m: usize| -> f64 {
        let mut acc = 0.0f64;
        for (ti, t) in tables.iter().enumerate() {
            let c = ((key >> (8 * ti)) & 0xff) as usize;
            acc += t.base[m] * t.keep_pow.get(c).copied().unwrap_or(0.0);
        }
        acc
    };
    // Each path's tuple, and how many paths hold each tuple.
    let mut key_of = vec![0u64; paths];
    let mut hist: BTreeMap<u64, u32> = BTreeMap::new();
    hist.insert(0, paths as u32);
    let ranks = [5usize, 25, 50, 75, 95].map(|q| q * (paths.max(1) - 1) / 100);
    let mut bands = Vec::with_capacity(months + 1);
    bands.push(band(0, [start_total; 5]));
    let mut sorted: Vec<(u64, u32)> = Vec::new();
    for (m, month_events) in events.iter().enumerate().skip(1) {
        for &(p, ti) in month_events {
            let old = key_of[p as usize];
            let new = old + (1u64 << (8 * u32::from(ti)));
            key_of[p as usize] = new;
            if let Some(n) = hist.get_mut(&old) {
                *n -= 1;
                if *n == 0 {
                    hist.remove(&old);
                }
            }
            *hist.entry(new).or_insert(0) += 1;
        }
        // Distinct values with their path counts, in value order (non-negative floats
        // order as their bit patterns).
        sorted.clear();
        sorted.extend(
            hist.iter()
                .map(|(&k, &n)| (value(k, m).max(0.0).to_bits(), n)),
        );
        sorted.sort_unstable_by_key(|&(v, _)| v);
        let mut out = [0.0f64; 5];
        let (mut below, mut i) = (0usize, 0usize);
        for &(v, n) in &sorted {
            below += n as usize;
            // every rank that falls within this value's run of paths
            while i < 5 && ranks[i] < below {
                out[i] = f64::from_bits(v);
                i += 1;
            }
        }
        bands.push(band(m as u32, out));
    }
    // Final values in path order, as the path-by-path simulation sums them.
    let (mut below, mut sum_final) = (0usize, 0.0f64);
    for &key in &key_of {
        let fin = value(key, months);
        sum_final += fin;
        if fin < start_total {
            below += 1;
        }
    }
    let n = paths.max(1) as f64;
    Ok(Simulation {
        bands,
        prob_end_below_start: unit(from_f64(below as f64 / n)),
        mean_final: from_f64(sum_final / n).max(Decimal::ZERO),
    })
}

fn band(month: u32, p: [f64; 5]) -> Band {
    let c = |x: f64| from_f64(x).max(Decimal::ZERO);
    Band {
        month,
        p5: c(p[0]),
        p25: c(p[1]),
        p50: c(p[2]),
        p75: c(p[3]),
        p95: c(p[4]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Percentiles (5, 25, 50, 75, 95) of non-negative values stored as their `f64` bit
    /// patterns (for non-negative floats the bit order is the numeric order, so integer
    /// comparisons suffice), by the lower nearest-rank rule `k = floor(q · (n − 1) / 100)`
    /// on the sorted values, using nested `select_nth_unstable` calls (no full sort).
    /// Reorders `buf`.
    fn percentiles(buf: &mut [u64]) -> [f64; 5] {
        let n = buf.len();
        if n == 0 {
            return [0.0; 5];
        }
        let k = [5usize, 25, 50, 75, 95].map(|q| q * (n - 1) / 100);
        let p50 = *buf.select_nth_unstable(k[2]).1;
        let p25 = if k[1] == k[2] {
            p50
        } else {
            *buf[..k[2]].select_nth_unstable(k[1]).1
        };
        let p5 = if k[0] == k[1] {
            p25
        } else {
            *buf[..k[1]].select_nth_unstable(k[0]).1
        };
        let p75 = if k[3] == k[2] {
            p50
        } else {
            *buf[k[2] + 1..].select_nth_unstable(k[3] - k[2] - 1).1
        };
        let p95 = if k[4] == k[3] {
            p75
        } else {
            *buf[k[3] + 1..].select_nth_unstable(k[4] - k[3] - 1).1
        };
        [p5, p25, p50, p75, p95].map(f64::from_bits)
    }

    /// The path-by-path simulation that `simulate` replaced (a `months × paths` table
    /// and nested selections per month), kept as the reference it must match bit for bit.
    fn simulate_reference(inputs: &PortfolioInputs) -> Result<Simulation, PortfolioError> {
        let inp = inputs.clamped();
        let weights = normalized_weights(&inp.tiers)?;
        let paths = inp.paths as usize;
        let months = (inp.years * 12) as usize;
        let tables = tier_tables(&inp, &weights, months);
        let start_total: f64 = tables.iter().map(|t| t.base[0]).sum();

        let mut rng = crate::model::rng::Rng::new(inp.seed);
        // cols[(m − 1) · paths + p] = bits of path p's value at month m.
        let mut cols = vec![0u64; months * paths];
        let mut acc = vec![0.0f64; months + 1];
        let (mut below, mut sum_final) = (0usize, 0.0f64);
        for p in 0..paths {
            acc.iter_mut().for_each(|a| *a = 0.0);
            for t in &tables {
                // Between two events the loss factor is constant: add `base[m] · keep^events`
                // over each segment `[from, next)` in a branch-free (vectorisable) loop.
                let mut events = 0usize;
                let mut from = 1usize;
                let mut next =
                    next_event_gap(&mut rng, &t.thresholds, months).unwrap_or(usize::MAX);
                loop {
                    let kp = t.keep_pow.get(events).copied().unwrap_or(0.0);
                    let to = next.min(months + 1);
                    if let (Some(a), Some(b)) = (acc.get_mut(from..to), t.base.get(from..to)) {
                        for (x, y) in a.iter_mut().zip(b) {
                            *x += y * kp;
                        }
                    }
                    if next > months {
                        break;
                    }
                    // the event at month `next` applies from that month on
                    events += 1;
                    from = next;
                    next = next_event_gap(&mut rng, &t.thresholds, months - next)
                        .map_or(usize::MAX, |g| from + g);
                }
            }
            for m in 1..=months {
                cols[(m - 1) * paths + p] = acc[m].max(0.0).to_bits();
            }
            let fin = acc[months];
            sum_final += fin;
            if fin < start_total {
                below += 1;
            }
        }
        let mut bands = Vec::with_capacity(months + 1);
        bands.push(band(0, [start_total; 5]));
        for (m, col) in cols.chunks_exact_mut(paths).enumerate() {
            bands.push(band(m as u32 + 1, percentiles(col)));
        }
        let n = paths.max(1) as f64;
        Ok(Simulation {
            bands,
            prob_end_below_start: unit(from_f64(below as f64 / n)),
            mean_final: from_f64(sum_final / n).max(Decimal::ZERO),
        })
    }

    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn close(a: Decimal, b: Decimal, tol: &str) -> bool {
        (a - b).abs() <= d(tol)
    }
    fn tier(w: i64, apr: &str, p: &str, l: &str) -> Tier {
        Tier {
            kind: TierKind::Custom,
            weight_pct: Decimal::from(w),
            net_apr_pct: d(apr),
            slash_prob_annual_pct: d(p),
            loss_given_event_pct: d(l),
            instant_liquidity_pct: Decimal::ZERO,
            exit_days: Decimal::ZERO,
        }
    }

    // Golden: monthly compounding of 12 % APR gives (1.01)^12 − 1 = 12.6825030131969720661201 %
    // (standard APR→APY conversion, e.g. any finance textbook's effective annual rate).
    #[test]
    fn golden_apy_of_twelve_percent_monthly() {
        let s = summary(&PortfolioInputs {
            tiers: vec![tier(1, "12", "0", "0")],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(s.blended_apy, d("0.126825030131969720661201"));
        assert_eq!(s.blended_apr, d("0.12"));
    }

    #[test]
    fn it_default_blend_article_20_50_30() {
        let s = summary(&PortfolioInputs::default()).unwrap();
        assert_eq!(s.weights, vec![d("0.2"), d("0.5"), d("0.3")]);
        // 0.2×4.8 + 0.5×3.5 + 0.3×2.8 = 0.96 + 1.75 + 0.84 = 3.55 %
        assert_eq!(s.blended_apr, d("0.0355"));
        // instant: 0.2×0.5 + 0 + 0.3×1 = 0.4
        assert_eq!(s.instant_liquidity, d("0.4"));
        // expected loss ≈ 0.2×0.02×0.3 + 0.5×0.005×0.1 + 0.3×0.001×0.01 = 0.001453 (first order)
        assert!(close(s.expected_annual_loss, d("0.001453"), "0.00001"));
    }

    #[test]
    fn it_expected_loss_equals_p_when_total_loss() {
        // LGF = 100 %: 1 − (1 − p_m)^12 = p exactly (up to the root's rounding)
        let s = summary(&PortfolioInputs {
            tiers: vec![tier(1, "0", "19", "100")],
            ..Default::default()
        })
        .unwrap();
        assert!(close(s.expected_annual_loss, d("0.19"), "1e-20"));
        assert!(close(
            monthly_event_prob(Decimal::ONE - d("0.99").powu(12)),
            d("0.01"),
            "1e-20"
        ));
        assert_eq!(monthly_event_prob(Decimal::ONE), Decimal::ONE);
        assert_eq!(monthly_event_prob(Decimal::ZERO), Decimal::ZERO);
    }

    #[test]
    fn it_weights_are_normalised() {
        let a = normalized_weights(&[tier(2, "0", "0", "0"), tier(6, "0", "0", "0")]).unwrap();
        assert_eq!(a, vec![d("0.25"), d("0.75")]);
        let b = normalized_weights(&[tier(-5, "0", "0", "0"), tier(3, "0", "0", "0")]).unwrap();
        assert_eq!(b, vec![d("0"), d("1")]);
        assert_eq!(
            normalized_weights(&[tier(0, "0", "0", "0")]),
            Err(PortfolioError::NoWeight)
        );
        assert_eq!(normalized_weights(&[]), Err(PortfolioError::NoTiers));
    }

    #[test]
    fn it_liquidity_within_days() {
        let inp = PortfolioInputs::default();
        assert_eq!(liquidity_within(&inp, d("0")).unwrap(), d("0.4"));
        assert_eq!(liquidity_within(&inp, d("5")).unwrap(), d("0.4")); // NotRestaked already 100 % instant
        assert_eq!(liquidity_within(&inp, d("22")).unwrap(), d("0.4"));
        assert_eq!(liquidity_within(&inp, d("23")).unwrap(), d("1"));
    }

    #[test]
    fn it_all_in_one() {
        let inp = all_in_one(&PortfolioInputs::default(), 0).unwrap();
        assert_eq!(
            normalized_weights(&inp.tiers).unwrap(),
            vec![d("1"), d("0"), d("0")]
        );
        assert_eq!(
            all_in_one(&PortfolioInputs::default(), 3),
            Err(PortfolioError::NoSuchTier)
        );
    }

    #[test]
    fn it_deterministic_without_risk() {
        // No slashing: every path equals 100 × (1 + 0.06/12)^m exactly in f64.
        let inp = PortfolioInputs {
            tiers: vec![tier(1, "6", "0", "0")],
            years: 1,
            paths: 50,
            ..Default::default()
        };
        let s = simulate(&inp).unwrap();
        assert_eq!(s.bands.len(), 13);
        let want = 100.0 * 1.005f64.powi(12);
        let b = s.bands[12];
        assert!((to_f64(b.p5) - want).abs() < 1e-9 && (to_f64(b.p95) - want).abs() < 1e-9);
        assert_eq!(s.prob_end_below_start, Decimal::ZERO);
    }

    #[test]
    fn it_certain_slash_every_month() {
        // p = 100 %/yr -> p_m = 1: every month lose 10 %, no growth: 100 × 0.9^12
        let inp = PortfolioInputs {
            tiers: vec![tier(1, "0", "100", "10")],
            years: 1,
            paths: 20,
            ..Default::default()
        };
        let s = simulate(&inp).unwrap();
        assert!((to_f64(s.bands[12].p50) - 100.0 * 0.9f64.powi(12)).abs() < 1e-9);
        assert_eq!(s.prob_end_below_start, Decimal::ONE);
    }

    #[test]
    fn it_percentile_ranks() {
        let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<u64>>();
        let mut v = bits((0..101).rev().map(f64::from).collect());
        assert_eq!(percentiles(&mut v), [5.0, 25.0, 50.0, 75.0, 95.0]);
        let mut one = bits(vec![7.0]);
        assert_eq!(percentiles(&mut one), [7.0; 5]);
        let mut ten = bits(vec![9.5, 0.0, 8.0, 1.0, 7.25, 2.0, 6.0, 3.0, 5.0, 4.0]);
        // sorted 0,1,2,3,4,5,6,7.25,8,9.5; k = floor(q·9/100): 0, 2, 4, 6, 8
        assert_eq!(percentiles(&mut ten), [0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(percentiles(&mut []), [0.0; 5]);
    }

    #[test]
    fn it_event_thresholds() {
        let c = event_thresholds(Decimal::ZERO, 3);
        assert_eq!(c, vec![0, 0, 0, 0]);
        let c = event_thresholds(Decimal::ONE, 2);
        assert_eq!(c, vec![0, 1u128 << 64, 1u128 << 64]);
        // p_m = 1/2: 1 − 2^−k of 2^64
        let c = event_thresholds(d("0.5"), 3);
        assert_eq!(c, vec![0, 1u128 << 63, 3u128 << 62, 7u128 << 61]);
    }

    // The event-month sampler reproduces the monthly Bernoulli frequency.
    #[test]
    fn it_event_gap_frequency() {
        let c = event_thresholds(d("0.1"), 36);
        let mut rng = crate::model::rng::Rng::new(3);
        let n = 200_000;
        let mut first_month = 0;
        let mut within_year = 0;
        for _ in 0..n {
            match next_event_gap(&mut rng, &c, 36) {
                Some(1) => {
                    first_month += 1;
                    within_year += 1;
                }
                Some(g) if g <= 12 => within_year += 1,
                _ => {}
            }
        }
        let f1 = f64::from(first_month) / f64::from(n);
        let f12 = f64::from(within_year) / f64::from(n);
        assert!((f1 - 0.1).abs() < 0.003, "{f1}");
        assert!((f12 - (1.0 - 0.9f64.powi(12))).abs() < 0.004, "{f12}");
    }

    // The Monte Carlo mean after one year matches the closed form within sampling error.
    #[test]
    fn golden_monte_carlo_matches_closed_form() {
        let inp = PortfolioInputs {
            years: 1,
            paths: 20_000,
            seed: 7,
            ..PortfolioInputs::default()
        };
        let s = simulate(&inp).unwrap();
        let sum = summary(&inp).unwrap();
        let want = to_f64(inp.initial_eth) * (1.0 + to_f64(sum.expected_net_annual_return));
        assert!(
            (to_f64(s.mean_final) - want).abs() < 0.05,
            "{} vs {}",
            s.mean_final,
            want
        );
    }

    #[test]
    fn it_same_seed_same_result() {
        let a = simulate(&PortfolioInputs {
            paths: 2_000,
            ..Default::default()
        })
        .unwrap();
        let b = simulate(&PortfolioInputs {
            paths: 2_000,
            ..Default::default()
        })
        .unwrap();
        assert_eq!(a, b);
        let c = simulate(&PortfolioInputs {
            paths: 2_000,
            seed: 43,
            ..Default::default()
        })
        .unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn it_histogram_simulation_matches_at_chapter_size() {
        // The strategy chapter's run (5,000 paths, 3 years) and one with every tier at a
        // 100 % yearly event chance, against the path-by-path reference.
        let mut inp = PortfolioInputs {
            paths: 5_000,
            ..Default::default()
        };
        assert_eq!(simulate(&inp).unwrap(), simulate_reference(&inp).unwrap());
        for t in &mut inp.tiers {
            t.slash_prob_annual_pct = Decimal::ONE_HUNDRED;
        }
        assert_eq!(simulate(&inp).unwrap(), simulate_reference(&inp).unwrap());
    }

    fn tier_strategy() -> impl Strategy<Value = Tier> {
        (
            0i64..100,
            0i64..=2_000,
            0i64..=10_000,
            0i64..=10_000,
            0i64..=100,
            0i64..=60,
        )
            .prop_map(|(w, apr, p, l, inst, exit)| Tier {
                kind: TierKind::Custom,
                weight_pct: Decimal::from(w),
                net_apr_pct: Decimal::new(apr, 2),
                slash_prob_annual_pct: Decimal::new(p, 2),
                loss_given_event_pct: Decimal::new(l, 2),
                instant_liquidity_pct: Decimal::from(inst),
                exit_days: Decimal::from(exit),
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn prop_bands_ordered_nonnegative_and_reproducible(
            tiers in prop::collection::vec(tier_strategy(), 1..5), years in 0u32..5, paths in 1u32..300, seed in any::<u64>()
        ) {
            prop_assume!(tiers.iter().any(|t| t.weight_pct > Decimal::ZERO));
            let inp = PortfolioInputs { tiers, initial_eth: Decimal::from(100), years, paths, seed };
            let a = simulate(&inp).unwrap();
            prop_assert_eq!(a.bands.len() as u32, inp.clamped().years * 12 + 1);
            for b in &a.bands {
                prop_assert!(Decimal::ZERO <= b.p5);
                prop_assert!(b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95);
            }
            prop_assert!(a.prob_end_below_start >= Decimal::ZERO && a.prob_end_below_start <= Decimal::ONE);
            let b = simulate(&inp).unwrap();
            prop_assert_eq!(a, b);
        }

        #[test]
        fn prop_histogram_simulation_matches_path_by_path(
            tiers in prop::collection::vec(tier_strategy(), 1..=MAX_TIERS), years in 1u32..=MAX_YEARS, paths in 1u32..400, seed in any::<u64>()
        ) {
            // The whole domain: up to eight tiers, event chances up to 100 % a year
            // (a tier can have an event every month: the counts reach 36), any seed.
            prop_assume!(tiers.iter().any(|t| t.weight_pct > Decimal::ZERO));
            let inp = PortfolioInputs { tiers, initial_eth: Decimal::from(100), years, paths, seed };
            prop_assert_eq!(simulate(&inp).unwrap(), simulate_reference(&inp).unwrap());
        }

        #[test]
        fn prop_twelfth_root_is_the_root_and_agrees_with_ln_exp(units in 1u64..=u64::MAX, scale in 0u32..=28) {
            // Any base in (0, 1]: from 1e-28 up, with up to 28 decimal places.
            let base = Decimal::from_i128_with_scale(i128::from(units), scale);
            prop_assume!(base > Decimal::ZERO && base <= Decimal::ONE);
            let y = twelfth_root_unit(base);
            prop_assert!(y >= base && y <= Decimal::ONE);
            // y^12 = base to ~26 significant digits (rounding of the 12 factors).
            let back = y.powu(12);
            prop_assert!((back - base).abs() <= base * d("1e-25") + d("1e-28"), "{}^12 = {} ≠ {}", y, back, base);
            // The ln/exp form it replaced, which is accurate to about 1e-20 here.
            let old = base.ln().checked_div(Decimal::from(12)).unwrap().exp();
            prop_assert!((y - old).abs() <= d("1e-19"), "{} vs {}", y, old);
        }

        #[test]
        fn prop_summary_ranges(tiers in prop::collection::vec(tier_strategy(), 1..6), days in 0i64..100) {
            prop_assume!(tiers.iter().any(|t| t.weight_pct > Decimal::ZERO));
            let inp = PortfolioInputs { tiers, ..Default::default() };
            let s = summary(&inp).unwrap();
            let sum: Decimal = s.weights.iter().copied().sum();
            prop_assert!(close(sum, Decimal::ONE, "1e-20"));
            prop_assert!(s.expected_annual_loss >= Decimal::ZERO && s.expected_annual_loss <= Decimal::ONE);
            prop_assert!(s.blended_apy >= s.blended_apr - d("1e-20"));
            let l0 = liquidity_within(&inp, Decimal::from(days)).unwrap();
            let l1 = liquidity_within(&inp, Decimal::from(days + 1)).unwrap();
            prop_assert!(l0 <= l1 && l1 <= Decimal::ONE && l0 >= s.instant_liquidity - d("1e-20"));
        }

        #[test]
        fn prop_never_panics_on_any_decimal(w in any::<i64>(), apr in any::<i64>(), p in any::<i64>(), l in any::<i64>(), sc in 0u32..28, init in any::<i64>(), seed in any::<u64>()) {
            let t = Tier {
                kind: TierKind::Custom,
                weight_pct: Decimal::new(w, sc),
                net_apr_pct: Decimal::new(apr, sc),
                slash_prob_annual_pct: Decimal::new(p, sc),
                loss_given_event_pct: Decimal::new(l, sc),
                instant_liquidity_pct: Decimal::new(l, sc),
                exit_days: Decimal::new(p, sc),
            };
            let inp = PortfolioInputs { tiers: vec![t; 2], initial_eth: Decimal::new(init, sc), years: 1, paths: 16, seed };
            let _ = summary(&inp);
            let _ = liquidity_within(&inp, Decimal::new(p, sc));
            if let Ok(s) = simulate(&inp) {
                for b in &s.bands {
                    prop_assert!(b.p5 >= Decimal::ZERO && b.p5 <= b.p95);
                }
            }
        }
    }
}
