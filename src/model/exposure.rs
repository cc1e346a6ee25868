//! Slashing exposure of one restaked position across several services, under two
//! models side by side:
//!
//! - **pooled** (EigenLayer before unique stake): every service can slash the whole
//!   restaked stake, so losses compound on what remains, `1 − Π (1 − f_i)`;
//! - **unique stake** (ELIP-002): service `i` can slash only its allocation `a_i`, so
//!   losses add up, capped per service, `Σ a_i·f_i` (with `Σ a_i ≤ 1`).
//!
//! Plus the dual slashing of natively restaked ETH, where the beacon chain burns first.
//!
//! ## The event model (exact statement)
//!
//! For a horizon of `T` years and service `i` with annual slashing probability `p_i`:
//! - its own (idiosyncratic) event happens at least once in the horizon with probability
//!   `q_i = 1 − (1 − p_i)^T`, independently of the others;
//! - a **common-cause** event (one operator fault — a leaked key, a buggy client — that
//!   every service slashes at once) has annual probability `p_c = c · max_i p_i` and
//!   horizon probability `q_c = 1 − (1 − p_c)^T`, independent of the idiosyncratic ones;
//! - service `i` slashes iff its own event or the common event happens; it slashes at
//!   most once in the horizon (after a slashing an operator is normally ejected from the
//!   set), taking fraction `f_i` of what it can reach.
//!
//! `c = 0` gives independent services; `c = 1` makes a shared fault as likely as the
//! riskiest service's own. Raising any `p_i` or `c` only adds events, so the expected loss
//! never falls (a coupling argument; tested as a property).
//!
//! Expected loss, the probability of any loss and the worst case are exact closed forms
//! for any number of services. The full loss distribution is exact (enumeration over all
//! `2^n` subsets, in `Decimal`) for up to 10 services, and a seeded Monte Carlo (in `f64`,
//! with [`crate::model::rng::Rng`]) for 11 to 32 services.
//!
//! Sources: ELIP-002, <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md>;
//! EigenLayer "Dual Slashing Edge Case",
//! <https://github.com/Layr-Labs/eigenlayer-contracts/blob/main/docs/core/accounting/DualSlashingEdgeCase.md>;
//! ELIP-004 (beacon chain slashing factor),
//! <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-004.md>.

use std::collections::BTreeMap;

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::num::{from_f64, to_f64, unit};
use crate::model::rng::Rng;

/// Largest number of services.
pub const MAX_SERVICES: usize = 32;
/// Largest number of services for which the distribution is enumerated exactly.
pub const MAX_EXACT_SERVICES: usize = 10;
/// Longest horizon, years.
pub const MAX_HORIZON_YEARS: Decimal = Decimal::from_parts(30, 0, 0, false, 0);
/// Largest stake (10¹⁵ ETH or any unit).
pub const MAX_STAKE: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);
/// Largest number of Monte Carlo trials.
pub const MAX_TRIALS: u32 = 200_000;
/// Bin width of the simulated distribution: losses are rounded to 10⁻⁴ of the stake.
pub const SIM_BIN: Decimal = Decimal::from_parts(1, 0, 0, false, 4);

/// Errors of the exposure model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExposureError {
    /// A `Decimal` operation overflowed (cannot happen within the documented domain).
    Overflow,
}

fn ovf<T>(x: Option<T>) -> Result<T, ExposureError> {
    x.ok_or(ExposureError::Overflow)
}

/// One service's slashing risk.
///
/// Domains (all clamped to `[0, 1]`): `annual_probability` of a slashing event;
/// `slash_fraction` taken by one event; `allocation`, the share of the stake allocated to
/// the service (used by the unique-stake model only; allocations are trimmed in order so
/// they sum to at most 1).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceRisk {
    /// Probability of a slashing event per year.
    pub annual_probability: Decimal,
    /// Fraction slashed per event (of the whole stake when pooled, of the allocation when unique).
    pub slash_fraction: Decimal,
    /// Unique-stake allocation, fraction of the stake.
    pub allocation: Decimal,
}

/// Inputs of [`exposure`].
///
/// Domains: at most `MAX_SERVICES` services; `common_cause: 0..=1`;
/// `horizon_years: 0..=30`; `stake: 0..=MAX_STAKE`; `trials: 1..=MAX_TRIALS` (simulation
/// only); any `seed`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExposureInputs {
    /// The services.
    pub services: Vec<ServiceRisk>,
    /// Common-cause parameter `c`: `p_c = c · max_i p_i`.
    pub common_cause: Decimal,
    /// Horizon `T`, years.
    pub horizon_years: Decimal,
    /// Stake, ETH (only scales the `_eth` outputs).
    pub stake: Decimal,
    /// Seed of the Monte Carlo (more than 10 services).
    pub seed: u64,
    /// Monte Carlo trials.
    pub trials: u32,
}

impl Default for ExposureInputs {
    /// Three illustrative services (no public data gives AVS slashing frequencies yet):
    /// 2 %/yr taking 50 % of a 30 % allocation, 1 %/yr taking 100 % of 20 %, 5 %/yr taking
    /// 10 % of 30 %; `c = 0.2`; one year; 32 ETH; 20 000 trials, seed 42.
    fn default() -> Self {
        let s = |p: i64, f: i64, a: i64| ServiceRisk {
            annual_probability: Decimal::new(p, 2),
            slash_fraction: Decimal::new(f, 2),
            allocation: Decimal::new(a, 2),
        };
        ExposureInputs {
            services: vec![s(2, 50, 30), s(1, 100, 20), s(5, 10, 30)],
            common_cause: Decimal::new(2, 1),
            horizon_years: Decimal::ONE,
            stake: Decimal::from(32),
            seed: 42,
            trials: 20_000,
        }
    }
}

impl ExposureInputs {
    /// Clamped copy (see the domains on the type).
    pub fn clamped(&self) -> ExposureInputs {
        let mut left = Decimal::ONE;
        let services = self
            .services
            .iter()
            .take(MAX_SERVICES)
            .map(|s| {
                let a = unit(s.allocation).min(left);
                left -= a;
                ServiceRisk {
                    annual_probability: unit(s.annual_probability),
                    slash_fraction: unit(s.slash_fraction),
                    allocation: a,
                }
            })
            .collect();
        ExposureInputs {
            services,
            common_cause: unit(self.common_cause),
            horizon_years: self.horizon_years.max(Decimal::ZERO).min(MAX_HORIZON_YEARS),
            stake: self.stake.max(Decimal::ZERO).min(MAX_STAKE),
            seed: self.seed,
            trials: self.trials.clamp(1, MAX_TRIALS),
        }
    }
}

/// Pooled or unique-stake accounting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StakeModel {
    /// Every service can slash the whole stake; losses compound: `1 − Π(1 − f_i)`.
    Pooled,
    /// Each service slashes only its allocation; losses add: `Σ a_i f_i`.
    Unique,
}

/// One atom of the loss distribution.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LossPoint {
    /// Loss as a fraction of the stake, `[0, 1]`.
    pub loss: Decimal,
    /// Its probability, `[0, 1]`.
    pub probability: Decimal,
}

/// Results for one model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelExposure {
    /// Which model.
    pub model: StakeModel,
    /// Probability that the position loses anything in the horizon, `[0, 1]` (exact).
    pub p_loss: Decimal,
    /// Expected loss, fraction of the stake (exact).
    pub expected_loss: Decimal,
    /// Expected loss, ETH.
    pub expected_loss_eth: Decimal,
    /// Worst case with positive probability: every service that can fire does, fraction.
    pub worst_case: Decimal,
    /// Worst case, ETH.
    pub worst_case_eth: Decimal,
    /// Loss distribution, ascending by loss; probabilities sum to 1. Exact for
    /// ≤ 10 services, Monte Carlo (losses binned to `SIM_BIN`) above.
    pub distribution: Vec<LossPoint>,
}

/// Result of [`exposure`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExposureReport {
    /// Horizon probability of each service's own event, `q_i = 1 − (1 − p_i)^T`.
    pub idiosyncratic_probabilities: Vec<Decimal>,
    /// Horizon probability of the common-cause event, `q_c`.
    pub common_probability: Decimal,
    /// Probability that at least one slashing event happens, `1 − (1 − q_c) Π (1 − q_i)`.
    pub p_any_event: Decimal,
    /// Pooled model.
    pub pooled: ModelExposure,
    /// Unique-stake model.
    pub unique: ModelExposure,
    /// `true` if the distributions are exact, `false` if simulated.
    pub exact: bool,
}

/// `1 − (1 − p)^T` for `p ∈ [0, 1]`, `T ≥ 0`, clamped to `[0, 1]`.
fn horizon_probability(p: Decimal, t: Decimal) -> Result<Decimal, ExposureError> {
    if t.is_zero() || p.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let s = Decimal::ONE - p;
    if s.is_zero() {
        return Ok(Decimal::ONE);
    }
    let surv = if t.fract().is_zero() {
        ovf(s.checked_powu(t.to_u64().unwrap_or(0)))?
    } else {
        ovf(s
            .checked_ln()
            .and_then(|l| l.checked_mul(t))
            .and_then(|x| x.checked_exp()))?
    };
    Ok(unit(Decimal::ONE - unit(surv)))
}

fn loss_of(model: StakeModel, services: &[ServiceRisk], fired: impl Fn(usize) -> bool) -> Decimal {
    match model {
        StakeModel::Pooled => {
            let mut keep = Decimal::ONE;
            for (i, s) in services.iter().enumerate() {
                if fired(i) {
                    keep *= Decimal::ONE - s.slash_fraction;
                }
            }
            unit(Decimal::ONE - keep)
        }
        StakeModel::Unique => {
            let mut l = Decimal::ZERO;
            for (i, s) in services.iter().enumerate() {
                if fired(i) {
                    l += s.allocation * s.slash_fraction;
                }
            }
            unit(l)
        }
    }
}

fn effect(model: StakeModel, s: &ServiceRisk) -> Decimal {
    match model {
        StakeModel::Pooled => s.slash_fraction,
        StakeModel::Unique => s.allocation * s.slash_fraction,
    }
}

/// Exact expected loss, P(loss > 0) and worst case for one model (any `n`).
fn closed_forms(
    model: StakeModel,
    services: &[ServiceRisk],
    q: &[Decimal],
    qc: Decimal,
) -> (Decimal, Decimal, Decimal) {
    let expected = match model {
        // E = 1 − [(1 − q_c) Π(1 − f_i q_i) + q_c Π(1 − f_i)]
        StakeModel::Pooled => {
            let (mut a, mut b) = (Decimal::ONE, Decimal::ONE);
            for (s, qi) in services.iter().zip(q) {
                a *= Decimal::ONE - s.slash_fraction * *qi;
                b *= Decimal::ONE - s.slash_fraction;
            }
            unit(Decimal::ONE - ((Decimal::ONE - qc) * a + qc * b))
        }
        // E = Σ a_i f_i (1 − (1 − q_i)(1 − q_c))
        StakeModel::Unique => unit(
            services
                .iter()
                .zip(q)
                .map(|(s, qi)| {
                    effect(model, s) * (Decimal::ONE - (Decimal::ONE - *qi) * (Decimal::ONE - qc))
                })
                .sum(),
        ),
    };
    // Same multiplication order as `p_any_event` so rounding keeps p_loss ≤ p_any_event.
    let mut none = Decimal::ONE - qc;
    let mut any_effect = false;
    for (s, qi) in services.iter().zip(q) {
        if effect(model, s) > Decimal::ZERO {
            any_effect = true;
            none *= Decimal::ONE - *qi;
        }
    }
    let p_loss = if any_effect {
        unit(Decimal::ONE - none)
    } else {
        Decimal::ZERO
    };
    let worst = loss_of(model, services, |i| {
        qc > Decimal::ZERO || q.get(i).is_some_and(|x| *x > Decimal::ZERO)
    });
    (expected, p_loss, worst)
}

fn exact_distribution(
    model: StakeModel,
    services: &[ServiceRisk],
    q: &[Decimal],
    qc: Decimal,
) -> Vec<LossPoint> {
    let n = services.len();
    let mut map: BTreeMap<Decimal, Decimal> = BTreeMap::new();
    let all = loss_of(model, services, |_| true).round_dp(18);
    if qc > Decimal::ZERO {
        *map.entry(all).or_insert(Decimal::ZERO) += qc;
    }
    let rest = Decimal::ONE - qc;
    if rest > Decimal::ZERO {
        for mask in 0u32..(1u32 << n) {
            let mut p = rest;
            for (i, qi) in q.iter().enumerate() {
                p *= if mask & (1 << i) != 0 {
                    *qi
                } else {
                    Decimal::ONE - *qi
                };
            }
            if p.is_zero() {
                continue;
            }
            let l = loss_of(model, services, |i| mask & (1 << i) != 0).round_dp(18);
            *map.entry(l).or_insert(Decimal::ZERO) += p;
        }
    }
    map.into_iter()
        .map(|(loss, probability)| LossPoint {
            loss,
            probability: unit(probability),
        })
        .collect()
}

/// Monte Carlo of both models with the same draws (f64 inside; results back to Decimal).
fn simulate(
    services: &[ServiceRisk],
    q: &[Decimal],
    qc: Decimal,
    seed: u64,
    trials: u32,
) -> (Vec<LossPoint>, Vec<LossPoint>) {
    let qf: Vec<f64> = q.iter().map(|x| to_f64(*x)).collect();
    let f: Vec<f64> = services.iter().map(|s| to_f64(s.slash_fraction)).collect();
    let af: Vec<f64> = services
        .iter()
        .map(|s| to_f64(s.allocation * s.slash_fraction))
        .collect();
    let qcf = to_f64(qc);
    let mut rng = Rng::new(seed);
    let mut pooled: BTreeMap<u32, u32> = BTreeMap::new();
    let mut unique: BTreeMap<u32, u32> = BTreeMap::new();
    let bin = |x: f64| (x.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    for _ in 0..trials {
        let common = rng.bernoulli(qcf);
        let (mut keep, mut uloss) = (1.0f64, 0.0f64);
        for i in 0..qf.len() {
            let own = rng.bernoulli(qf.get(i).copied().unwrap_or(0.0));
            if own || common {
                keep *= 1.0 - f.get(i).copied().unwrap_or(0.0);
                uloss += af.get(i).copied().unwrap_or(0.0);
            }
        }
        *pooled.entry(bin(1.0 - keep)).or_insert(0) += 1;
        *unique.entry(bin(uloss)).or_insert(0) += 1;
    }
    let to_points = |m: BTreeMap<u32, u32>| {
        m.into_iter()
            .map(|(k, c)| LossPoint {
                loss: Decimal::from(k) * SIM_BIN,
                probability: unit(from_f64(c as f64 / trials as f64)),
            })
            .collect()
    };
    (to_points(pooled), to_points(unique))
}

/// Slashing exposure under both models (inputs clamped first); see the module docs for
/// the exact event model. Never panics; errors only on `Decimal` overflow, which cannot
/// happen within the documented domain.
pub fn exposure(inputs: &ExposureInputs) -> Result<ExposureReport, ExposureError> {
    let x = inputs.clamped();
    let t = x.horizon_years;
    let q = x
        .services
        .iter()
        .map(|s| horizon_probability(s.annual_probability, t))
        .collect::<Result<Vec<_>, _>>()?;
    let pmax = x
        .services
        .iter()
        .map(|s| s.annual_probability)
        .max()
        .unwrap_or(Decimal::ZERO);
    let qc = horizon_probability(x.common_cause * pmax, t)?;
    let mut none = Decimal::ONE - qc;
    for qi in &q {
        none *= Decimal::ONE - *qi;
    }
    let p_any_event = unit(Decimal::ONE - none);
    let exact = x.services.len() <= MAX_EXACT_SERVICES;
    let (dp, du) = if exact {
        (
            exact_distribution(StakeModel::Pooled, &x.services, &q, qc),
            exact_distribution(StakeModel::Unique, &x.services, &q, qc),
        )
    } else {
        simulate(&x.services, &q, qc, x.seed, x.trials)
    };
    let build = |model, distribution| -> Result<ModelExposure, ExposureError> {
        let (expected, p_loss, worst) = closed_forms(model, &x.services, &q, qc);
        let p_loss = p_loss.min(p_any_event);
        Ok(ModelExposure {
            model,
            p_loss,
            expected_loss: expected,
            expected_loss_eth: ovf(expected.checked_mul(x.stake))?,
            worst_case: worst,
            worst_case_eth: ovf(worst.checked_mul(x.stake))?,
            distribution,
        })
    };
    Ok(ExposureReport {
        idiosyncratic_probabilities: q.clone(),
        common_probability: qc,
        p_any_event,
        pooled: build(StakeModel::Pooled, dp)?,
        unique: build(StakeModel::Unique, du)?,
        exact,
    })
}

/// Inputs of [`dual_slash`]: natively restaked ETH slashed by an AVS and by the beacon chain.
///
/// Domains: `deposit_eth: 0..=MAX_STAKE` (restaked validator balance, deposit shares);
/// `operator_slash_fraction: 0..=1` (cumulative AVS slashing of the operator, so
/// `maxMagnitude = 1 − fraction`); `beacon_slash_eth: 0..=deposit_eth`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DualSlashInputs {
    /// Restaked beacon-chain balance, ETH.
    pub deposit_eth: Decimal,
    /// Fraction of the operator's magnitude slashed by AVSs.
    pub operator_slash_fraction: Decimal,
    /// ETH slashed on the beacon chain.
    pub beacon_slash_eth: Decimal,
}

impl Default for DualSlashInputs {
    /// EigenLayer's "Dual Slashing Edge Case" example: 32 ETH, 75 % operator slash, 16 ETH
    /// beacon-chain slash.
    fn default() -> Self {
        DualSlashInputs {
            deposit_eth: Decimal::from(32),
            operator_slash_fraction: Decimal::new(75, 2),
            beacon_slash_eth: Decimal::from(16),
        }
    }
}

/// Result of [`dual_slash`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DualSlashOutcome {
    /// Operator's max magnitude, `1 − operator_slash_fraction`.
    pub max_magnitude: Decimal,
    /// Beacon chain slashing factor, `(deposit − beacon_slash) / deposit` (1 if no deposit).
    pub beacon_chain_slashing_factor: Decimal,
    /// Withdrawable after the AVS slash only, `deposit × maxMagnitude`, ETH.
    pub withdrawable_before_beacon_eth: Decimal,
    /// Withdrawable after both, `deposit × maxMagnitude × BCSF`, ETH.
    pub withdrawable_eth: Decimal,
    /// Burned by the beacon chain (it has priority), ETH.
    pub beacon_loss_eth: Decimal,
    /// Burned by AVSs out of what the beacon chain left, ETH.
    pub avs_loss_eth: Decimal,
}

/// Dual slashing of natively restaked ETH: `withdrawable = depositShares × maxMagnitude ×
/// BCSF` (DSF = 1). The beacon chain has priority burning rights, so AVSs slash only what
/// it leaves: `beacon_loss = beacon_slash`, `avs_loss = (deposit − beacon_slash) ×
/// operator_slash_fraction`. Inputs clamped to the domains on [`DualSlashInputs`].
///
/// Source: EigenLayer "Dual Slashing Edge Case" (32 ETH, 75 % operator slash → 8 ETH;
/// then a 16 ETH beacon-chain slash → 4 ETH),
/// <https://github.com/Layr-Labs/eigenlayer-contracts/blob/main/docs/core/accounting/DualSlashingEdgeCase.md>,
/// and ELIP-004, <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-004.md>.
pub fn dual_slash(inputs: &DualSlashInputs) -> Result<DualSlashOutcome, ExposureError> {
    let dep = inputs.deposit_eth.max(Decimal::ZERO).min(MAX_STAKE);
    let p = unit(inputs.operator_slash_fraction);
    let bc = inputs.beacon_slash_eth.max(Decimal::ZERO).min(dep);
    let mm = Decimal::ONE - p;
    let bcsf = if dep.is_zero() {
        Decimal::ONE
    } else {
        ovf((dep - bc).checked_div(dep))?
    };
    let before = ovf(dep.checked_mul(mm))?;
    let after = ovf((dep - bc).checked_mul(mm))?;
    Ok(DualSlashOutcome {
        max_magnitude: mm,
        beacon_chain_slashing_factor: bcsf,
        withdrawable_before_beacon_eth: before,
        withdrawable_eth: after,
        beacon_loss_eth: bc,
        avs_loss_eth: ovf((dep - bc).checked_mul(p))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn svc(p: &str, f: &str, a: &str) -> ServiceRisk {
        ServiceRisk {
            annual_probability: d(p),
            slash_fraction: d(f),
            allocation: d(a),
        }
    }
    fn inputs(services: Vec<ServiceRisk>, c: &str, t: &str) -> ExposureInputs {
        ExposureInputs {
            services,
            common_cause: d(c),
            horizon_years: d(t),
            stake: d("32"),
            seed: 7,
            trials: 20_000,
        }
    }
    fn sum_p(v: &[LossPoint]) -> Decimal {
        v.iter().map(|x| x.probability).sum()
    }
    fn mean(v: &[LossPoint]) -> Decimal {
        v.iter().map(|x| x.loss * x.probability).sum()
    }

    // Golden: EigenLayer "Dual Slashing Edge Case" (eigenlayer-contracts,
    // docs/core/accounting/DualSlashingEdgeCase.md): 32 ETH, operator slashed 75 % →
    // withdrawable 8 ETH; then 16 ETH slashed on the beacon chain → 4 ETH.
    #[test]
    fn golden_dual_slashing_example() {
        let o = dual_slash(&DualSlashInputs::default()).unwrap();
        assert_eq!(o.max_magnitude, d("0.25"));
        assert_eq!(o.withdrawable_before_beacon_eth, d("8"));
        assert_eq!(o.beacon_chain_slashing_factor, d("0.5"));
        assert_eq!(o.withdrawable_eth, d("4"));
        assert_eq!(o.beacon_loss_eth, d("16"));
        assert_eq!(o.avs_loss_eth, d("12"));
        assert_eq!(
            o.beacon_loss_eth + o.avs_loss_eth + o.withdrawable_eth,
            d("32")
        );
    }

    // Golden: ELIP-002 slashing example in exposure terms — AVS_1 with a 20 % allocation
    // slashes 50 %: unique-stake loss 10 % (200 → 180); pooled, the same 50 % would hit the
    // whole stake.
    #[test]
    fn golden_elip002_unique_vs_pooled_single_slash() {
        let r = exposure(&inputs(vec![svc("1", "0.5", "0.2")], "0", "1")).unwrap();
        assert_eq!(r.unique.worst_case, d("0.1"));
        assert_eq!(r.pooled.worst_case, d("0.5"));
        assert_eq!(r.unique.expected_loss * d("200"), d("20"));
    }

    #[test]
    fn it_two_services_hand_computed() {
        // p = 0.1 (f 0.5, a 0.4) and p = 0.2 (f 0.25, a 0.4), c = 0, T = 1.
        // Pooled outcomes: none .72 → 0; A only .08 → .5; B only .18 → .25; both .02 → .625.
        // E = .04 + .045 + .0125 = .0975 = 1 − (1 − .05)(1 − .05).
        // Unique: A → .2, B → .1, both → .3; E = .016 + .018 + .006 = .04.
        let r = exposure(&inputs(
            vec![svc("0.1", "0.5", "0.4"), svc("0.2", "0.25", "0.4")],
            "0",
            "1",
        ))
        .unwrap();
        assert!(r.exact);
        assert_eq!(r.p_any_event, d("0.28"));
        assert_eq!(r.pooled.expected_loss, d("0.0975"));
        assert_eq!(r.unique.expected_loss, d("0.04"));
        assert_eq!(r.pooled.worst_case, d("0.625"));
        assert_eq!(r.unique.worst_case, d("0.3"));
        let probs: Vec<(Decimal, Decimal)> = r
            .pooled
            .distribution
            .iter()
            .map(|x| (x.loss, x.probability))
            .collect();
        assert_eq!(
            probs,
            vec![
                (d("0"), d("0.72")),
                (d("0.25"), d("0.18")),
                (d("0.5"), d("0.08")),
                (d("0.625"), d("0.02"))
            ]
        );
        assert_eq!(mean(&r.pooled.distribution), r.pooled.expected_loss);
        assert_eq!(mean(&r.unique.distribution), r.unique.expected_loss);
        assert_eq!(r.pooled.expected_loss_eth, d("3.12"));
    }

    #[test]
    fn it_common_cause_and_horizon() {
        // Same two services with c = 1: p_c = 0.2; q_c = 0.2.
        // P(any) = 1 − 0.8 · 0.9 · 0.8 = 0.424; both fire w.p. 0.2 + 0.8·0.02 = 0.216.
        let r = exposure(&inputs(
            vec![svc("0.1", "0.5", "0.4"), svc("0.2", "0.25", "0.4")],
            "1",
            "1",
        ))
        .unwrap();
        assert_eq!(r.common_probability, d("0.2"));
        assert_eq!(r.p_any_event, d("0.424"));
        let both = r
            .pooled
            .distribution
            .iter()
            .find(|x| x.loss == d("0.625"))
            .unwrap();
        assert_eq!(both.probability, d("0.216"));
        assert_eq!(mean(&r.pooled.distribution), r.pooled.expected_loss);
        // Horizon 2 years: q = 1 − 0.9² = 0.19.
        let r2 = exposure(&inputs(vec![svc("0.1", "1", "1")], "0", "2")).unwrap();
        assert_eq!(r2.idiosyncratic_probabilities, vec![d("0.19")]);
        assert_eq!(r2.pooled.expected_loss, d("0.19"));
        // Zero horizon: nothing can happen.
        let r0 = exposure(&inputs(vec![svc("0.5", "1", "1")], "1", "0")).unwrap();
        assert_eq!(r0.p_any_event, d("0"));
        assert_eq!(r0.pooled.worst_case, d("0"));
        assert_eq!(
            r0.pooled.distribution,
            vec![LossPoint {
                loss: d("0"),
                probability: d("1")
            }]
        );
    }

    #[test]
    fn it_simulates_beyond_ten_services() {
        let services = vec![svc("0.05", "0.1", "0.05"); 20];
        let r = exposure(&inputs(services.clone(), "0.3", "1")).unwrap();
        assert!(!r.exact);
        assert!((sum_p(&r.pooled.distribution) - d("1")).abs() < d("1e-9"));
        // Monte Carlo mean close to the exact closed form.
        let diff = (mean(&r.pooled.distribution) - r.pooled.expected_loss).abs();
        assert!(diff < d("0.003"), "{diff}");
        let diff = (mean(&r.unique.distribution) - r.unique.expected_loss).abs();
        assert!(diff < d("0.002"), "{diff}");
        // Reproducible with the seed.
        assert_eq!(r, exposure(&inputs(services, "0.3", "1")).unwrap());
    }

    fn arb_services(max: usize) -> impl Strategy<Value = Vec<ServiceRisk>> {
        prop::collection::vec((0u32..=1000, 0u32..=1000, 0u32..=1000), 0..=max).prop_map(|v| {
            v.into_iter()
                .map(|(p, f, a)| ServiceRisk {
                    annual_probability: Decimal::new(p as i64, 3),
                    slash_fraction: Decimal::new(f as i64, 3),
                    allocation: Decimal::new(a as i64, 3),
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn prop_bounds_and_orderings(s in arb_services(6), c in 0u32..=100, t in 0u32..=60) {
            let x = ExposureInputs {
                services: s, common_cause: Decimal::new(c as i64, 2), horizon_years: Decimal::new(t as i64, 1),
                stake: d("32"), seed: 1, trials: 100,
            };
            let r = exposure(&x).unwrap();
            let unit_ok = |v: Decimal| v >= Decimal::ZERO && v <= Decimal::ONE;
            prop_assert!(unit_ok(r.p_any_event) && unit_ok(r.common_probability));
            for m in [&r.pooled, &r.unique] {
                prop_assert!(unit_ok(m.p_loss) && unit_ok(m.expected_loss) && unit_ok(m.worst_case));
                prop_assert!(m.expected_loss <= m.worst_case + d("1e-20"));
                prop_assert!(m.expected_loss_eth <= d("32") && m.worst_case_eth <= d("32"));
                prop_assert!((sum_p(&m.distribution) - Decimal::ONE).abs() <= d("1e-18"));
                prop_assert!(m.distribution.iter().all(|p| unit_ok(p.loss) && unit_ok(p.probability)));
                prop_assert!((mean(&m.distribution) - m.expected_loss).abs() <= d("1e-15"));
                prop_assert!(m.p_loss <= r.p_any_event);
            }
            prop_assert!(r.unique.worst_case <= r.pooled.worst_case);
            prop_assert!(r.unique.expected_loss <= r.pooled.expected_loss + d("1e-20"));
        }

        #[test]
        fn prop_more_probability_never_lowers_expected_loss(
            s in arb_services(8), idx in 0usize..8, bump in 0u32..=1000, c in 0u32..=100, t in 1u32..=5
        ) {
            prop_assume!(!s.is_empty());
            let i = idx % s.len();
            let base = ExposureInputs {
                services: s, common_cause: Decimal::new(c as i64, 2), horizon_years: Decimal::from(t),
                stake: d("1"), seed: 1, trials: 100,
            };
            let mut more = base.clone();
            more.services[i].annual_probability =
                (more.services[i].annual_probability + Decimal::new(bump as i64, 3)).min(Decimal::ONE);
            let mut more_c = base.clone();
            more_c.common_cause = (more_c.common_cause + d("0.1")).min(Decimal::ONE);
            let r0 = exposure(&base).unwrap();
            for r1 in [exposure(&more).unwrap(), exposure(&more_c).unwrap()] {
                prop_assert!(r1.pooled.expected_loss + d("1e-20") >= r0.pooled.expected_loss);
                prop_assert!(r1.unique.expected_loss + d("1e-20") >= r0.unique.expected_loss);
                prop_assert!(r1.p_any_event + d("1e-20") >= r0.p_any_event);
            }
        }

        #[test]
        fn prop_never_panics(a in any::<i64>(), sc in 0u32..=28, n in 0usize..40, seed in any::<u64>(), trials in any::<u32>()) {
            let v = Decimal::new(a, sc);
            let x = ExposureInputs {
                services: vec![ServiceRisk { annual_probability: v, slash_fraction: v, allocation: v }; n],
                common_cause: v, horizon_years: v, stake: v, seed, trials: trials % 500,
            };
            let r = exposure(&x).unwrap();
            prop_assert!(r.unique.worst_case <= r.pooled.worst_case);
            let o = dual_slash(&DualSlashInputs { deposit_eth: v, operator_slash_fraction: v, beacon_slash_eth: v }).unwrap();
            prop_assert!(o.withdrawable_eth >= Decimal::ZERO && o.withdrawable_eth <= o.withdrawable_before_beacon_eth);
        }
    }
}
