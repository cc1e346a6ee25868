//! Security as a service: how much slashable stake an AVS needs so that corrupting it costs
//! more than it pays (cost of corruption > profit from corruption), and what that security
//! costs per year when rented from restakers versus bootstrapped with the AVS's own token.
//!
//! Framing: EigenLayer whitepaper, "EigenLayer: The Restaking Collective" (EigenLayer team,
//! 2023), <https://docs.eigenlayer.xyz/assets/files/EigenLayer_WhitePaper-88c47923ca0319870c611decd6e562ad.pdf>:
//! a service is cryptoeconomically secure when the cost of corrupting it exceeds the profit
//! from corrupting it, and pooling (restaking) lets a new service rent that security instead
//! of bootstrapping its own staked token. The single-service condition is also the building
//! block of N. Durvasula & T. Roughgarden, "Robust Restaking Networks", ITCS 2025,
//! <https://arxiv.org/abs/2407.21785> (a valid attack needs `π_A > σ_B`; see `network.rs`).
//!
//! Everything here is exact `Decimal` arithmetic. The preset numbers are **illustrative**
//! round figures chosen for teaching, not measurements of any real AVS.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Largest profit from corruption or stake accepted (`10^12`, any unit); larger values are clamped.
pub const MAX_VALUE: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// Smallest corruption threshold α (1 %).
pub const MIN_ALPHA: Decimal = Decimal::from_parts(1, 0, 0, false, 2);
/// Largest crash haircut, in percent (a 100 % crash would need infinite stake).
pub const MAX_HAIRCUT_PCT: Decimal = Decimal::from_parts(99, 0, 0, false, 0);

/// Errors of the security-as-a-service calculator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecurityError {
    /// An intermediate value overflowed `Decimal` (cannot happen within the documented domain).
    Overflow,
}

/// Inputs of the calculator. All amounts in one unit of account (USD or ETH).
///
/// Domains (enforced by [`SecurityInputs::clamped`]):
/// - `profit_from_corruption` (PfC): `0..=MAX_VALUE`;
/// - `alpha`: `MIN_ALPHA..=1`, the fraction of the stake an attacker must control (and lose);
/// - `restaking_rate_pct` (r): `0..=100`, annual % of the stake paid to restakers;
/// - `token_yield_pct`: `0..=100`, annual staking yield (e.g. inflation) the AVS must pay
///   holders of its own token to keep it staked;
/// - `crash_haircut_pct` (x): `0..=MAX_HAIRCUT_PCT`, how far the own token's value can fall in
///   a crash; the token stake must still cover PfC afterwards;
/// - `actual_stake`: `0..=MAX_VALUE`, the slashable stake the AVS actually has.
///
/// The default is the [`SecurityPreset::Oracle`] example (illustrative numbers).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecurityInputs {
    /// PfC: what an attacker gains by corrupting the service.
    pub profit_from_corruption: Decimal,
    /// α: the fraction of the stake needed to corrupt the service.
    pub alpha: Decimal,
    /// r: annual percentage paid to restakers for renting their stake.
    pub restaking_rate_pct: Decimal,
    /// Annual percentage yield paid to stakers of the AVS's own token.
    pub token_yield_pct: Decimal,
    /// x: the crash the own token's value must survive, in percent.
    pub crash_haircut_pct: Decimal,
    /// The slashable stake actually securing the service.
    pub actual_stake: Decimal,
}

impl Default for SecurityInputs {
    fn default() -> Self {
        SecurityPreset::Oracle.inputs()
    }
}

impl SecurityInputs {
    /// The inputs with every field clamped into its documented domain.
    pub fn clamped(&self) -> Self {
        use crate::model::num::clamp;
        let hundred = Decimal::ONE_HUNDRED;
        SecurityInputs {
            profit_from_corruption: clamp(self.profit_from_corruption, Decimal::ZERO, MAX_VALUE),
            alpha: clamp(self.alpha, MIN_ALPHA, Decimal::ONE),
            restaking_rate_pct: clamp(self.restaking_rate_pct, Decimal::ZERO, hundred),
            token_yield_pct: clamp(self.token_yield_pct, Decimal::ZERO, hundred),
            crash_haircut_pct: clamp(self.crash_haircut_pct, Decimal::ZERO, MAX_HAIRCUT_PCT),
            actual_stake: clamp(self.actual_stake, Decimal::ZERO, MAX_VALUE),
        }
    }
}

/// The calculator's answer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecurityReport {
    /// `S* = PfC / α`: the break-even slashable stake. The service is secure with any stake
    /// strictly above it.
    pub required_stake: Decimal,
    /// `CoC = α · actual_stake`: what an attacker loses to slashing when corrupting the service.
    pub cost_of_corruption: Decimal,
    /// `CoC > PfC`.
    pub secure: bool,
    /// `CoC / PfC` (above 1 = secure); `None` when PfC is 0.
    pub coverage: Option<Decimal>,
    /// `max(0, S* − actual_stake)`: stake missing to reach break-even.
    pub shortfall: Decimal,
    /// Renting: `S* · r`, the annual payment to restakers for the break-even stake.
    pub rent_cost_per_year: Decimal,
    /// Bootstrapping: own-token stake needed so that after a crash of x % it still covers
    /// `S*`: `S* / (1 − x)`.
    pub token_stake_needed: Decimal,
    /// Bootstrapping: `S* / (1 − x) · token_yield`, the annual yield paid to token stakers.
    pub bootstrap_cost_per_year: Decimal,
    /// `bootstrap_cost_per_year − rent_cost_per_year` (positive = renting is cheaper).
    pub rent_savings_per_year: Decimal,
}

/// `S* = PfC / α`, the stake at which the cost of corruption `α·S` equals the profit from
/// corruption (EigenLayer whitepaper,
/// <https://docs.eigenlayer.xyz/assets/files/EigenLayer_WhitePaper-88c47923ca0319870c611decd6e562ad.pdf>).
/// Inputs are clamped to the domains of [`SecurityInputs`].
pub fn required_stake(
    profit_from_corruption: Decimal,
    alpha: Decimal,
) -> Result<Decimal, SecurityError> {
    let i = SecurityInputs {
        profit_from_corruption,
        alpha,
        ..SecurityInputs::default()
    }
    .clamped();
    i.profit_from_corruption
        .checked_div(i.alpha)
        .ok_or(SecurityError::Overflow)
}

/// Cost of corruption versus profit from corruption, and the annual cost of renting versus
/// bootstrapping security (EigenLayer whitepaper,
/// <https://docs.eigenlayer.xyz/assets/files/EigenLayer_WhitePaper-88c47923ca0319870c611decd6e562ad.pdf>):
///
/// - `S* = PfC / α`; `CoC = α · S`; secure iff `CoC > PfC`;
/// - rent: `S* · r`;
/// - bootstrap: `S* / (1 − x) · y` with `y` the own token's staking yield.
///
/// Inputs are clamped first; never panics.
pub fn analyze(inputs: &SecurityInputs) -> Result<SecurityReport, SecurityError> {
    let i = inputs.clamped();
    let ov = SecurityError::Overflow;
    let pct = crate::model::num::pct;
    let required = i.profit_from_corruption.checked_div(i.alpha).ok_or(ov)?;
    let coc = i.alpha.checked_mul(i.actual_stake).ok_or(ov)?;
    let coverage = if i.profit_from_corruption.is_zero() {
        None
    } else {
        Some(coc.checked_div(i.profit_from_corruption).ok_or(ov)?)
    };
    let shortfall = required
        .checked_sub(i.actual_stake)
        .ok_or(ov)?
        .max(Decimal::ZERO);
    let rent = required.checked_mul(pct(i.restaking_rate_pct)).ok_or(ov)?;
    let keep = Decimal::ONE
        .checked_sub(pct(i.crash_haircut_pct))
        .ok_or(ov)?;
    let token_stake = required.checked_div(keep).ok_or(ov)?;
    let bootstrap = token_stake.checked_mul(pct(i.token_yield_pct)).ok_or(ov)?;
    Ok(SecurityReport {
        required_stake: required,
        cost_of_corruption: coc,
        secure: coc > i.profit_from_corruption,
        coverage,
        shortfall,
        rent_cost_per_year: rent,
        token_stake_needed: token_stake,
        bootstrap_cost_per_year: bootstrap,
        rent_savings_per_year: bootstrap.checked_sub(rent).ok_or(ov)?,
    })
}

/// Illustrative services. The numbers are round teaching figures, **not** data about any
/// real protocol: a bridge whose committee could steal the funds it holds, a price oracle
/// whose manipulation could drain lending markets, and a DeFi insurance pool whose claims
/// assessors could approve fake claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SecurityPreset {
    /// PfC 50 M (value locked in the bridge), α = 2/3 (signing quorum), r = 1.5 %,
    /// own-token yield 8 %, crash 50 %, actual stake 60 M.
    Bridge,
    /// PfC 10 M (extractable by a manipulated price), α = 1/2 (majority of reporters),
    /// r = 1 %, own-token yield 6 %, crash 60 %, actual stake 30 M.
    Oracle,
    /// PfC 20 M (pool that fake claims could drain), α = 1/2, r = 2 %, own-token yield 10 %,
    /// crash 40 %, actual stake 30 M (insecure: it needs 40 M).
    Insurance,
}

impl SecurityPreset {
    /// All presets, in display order.
    pub const ALL: [SecurityPreset; 3] = [
        SecurityPreset::Bridge,
        SecurityPreset::Oracle,
        SecurityPreset::Insurance,
    ];

    /// The preset's inputs (amounts in USD).
    pub fn inputs(self) -> SecurityInputs {
        let m = |x: i64| Decimal::from(x * 1_000_000);
        match self {
            SecurityPreset::Bridge => SecurityInputs {
                profit_from_corruption: m(50),
                alpha: Decimal::TWO / Decimal::from(3),
                restaking_rate_pct: Decimal::new(15, 1),
                token_yield_pct: Decimal::from(8),
                crash_haircut_pct: Decimal::from(50),
                actual_stake: m(60),
            },
            SecurityPreset::Oracle => SecurityInputs {
                profit_from_corruption: m(10),
                alpha: Decimal::new(5, 1),
                restaking_rate_pct: Decimal::ONE,
                token_yield_pct: Decimal::from(6),
                crash_haircut_pct: Decimal::from(60),
                actual_stake: m(30),
            },
            SecurityPreset::Insurance => SecurityInputs {
                profit_from_corruption: m(20),
                alpha: Decimal::new(5, 1),
                restaking_rate_pct: Decimal::TWO,
                token_yield_pct: Decimal::from(10),
                crash_haircut_pct: Decimal::from(40),
                actual_stake: m(30),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn golden_theorem2_single_service_break_even() {
        // Durvasula & Roughgarden, Theorem 2 (arXiv:2407.21785): one service with π = 1,
        // α = 1 and total stake 1 is secure (an attack gains 1 and costs 1: not profitable),
        // and any loss of stake makes it insecure. Here: PfC 1, α 1, stake 1 is the break-even.
        let mut i = SecurityInputs {
            profit_from_corruption: d("1"),
            alpha: d("1"),
            actual_stake: d("1"),
            ..SecurityInputs::default()
        };
        let r = analyze(&i).unwrap();
        assert_eq!(r.required_stake, d("1"));
        assert!(!r.secure, "CoC = PfC is break-even, not strictly secure");
        i.actual_stake = d("0.95");
        assert!(!analyze(&i).unwrap().secure);
        i.actual_stake = d("1.01");
        assert!(analyze(&i).unwrap().secure);
    }

    #[test]
    fn it_computes_the_oracle_preset() {
        // PfC 10 M, α 1/2: S* = 20 M; CoC = 15 M > 10 M; rent 1 % of 20 M = 0.2 M;
        // token stake 20 M / 0.4 = 50 M, at 6 % = 3 M; savings 2.8 M.
        let r = analyze(&SecurityPreset::Oracle.inputs()).unwrap();
        assert_eq!(r.required_stake, d("20000000"));
        assert_eq!(r.cost_of_corruption, d("15000000"));
        assert!(r.secure);
        assert_eq!(r.coverage, Some(d("1.5")));
        assert_eq!(r.shortfall, Decimal::ZERO);
        assert_eq!(r.rent_cost_per_year, d("200000"));
        assert_eq!(r.token_stake_needed, d("50000000"));
        assert_eq!(r.bootstrap_cost_per_year, d("3000000"));
        assert_eq!(r.rent_savings_per_year, d("2800000"));
    }

    #[test]
    fn it_computes_the_insurance_and_bridge_presets() {
        // Insurance: S* = 40 M > 30 M actual: insecure, shortfall 10 M; rent 0.8 M;
        // token stake 40 / 0.6 = 66.67 M, at 10 % = 6.67 M.
        let r = analyze(&SecurityPreset::Insurance.inputs()).unwrap();
        assert_eq!(r.required_stake, d("40000000"));
        assert!(!r.secure);
        assert_eq!(r.shortfall, d("10000000"));
        assert_eq!(r.rent_cost_per_year, d("800000"));
        assert_eq!(r.bootstrap_cost_per_year.round_dp(2), d("6666666.67"));
        // Bridge: S* = 50 M / (2/3) = 75 M > 60 M: insecure; CoC = 40 M.
        let b = analyze(&SecurityPreset::Bridge.inputs()).unwrap();
        assert_eq!(b.required_stake.round_dp(6), d("75000000"));
        assert_eq!(b.cost_of_corruption.round_dp(6), d("40000000"));
        assert!(!b.secure);
        assert_eq!(b.rent_cost_per_year.round_dp(2), d("1125000"));
        assert_eq!(b.bootstrap_cost_per_year.round_dp(2), d("12000000"));
    }

    #[test]
    fn it_handles_edges() {
        let zero = SecurityInputs {
            profit_from_corruption: Decimal::ZERO,
            ..Default::default()
        };
        let r = analyze(&zero).unwrap();
        assert_eq!(r.required_stake, Decimal::ZERO);
        assert_eq!(r.coverage, None);
        assert!(r.secure);
        let extreme = SecurityInputs {
            profit_from_corruption: Decimal::MAX,
            alpha: Decimal::MIN,
            restaking_rate_pct: Decimal::MAX,
            token_yield_pct: Decimal::MAX,
            crash_haircut_pct: Decimal::MAX,
            actual_stake: Decimal::MIN,
        };
        let r = analyze(&extreme).unwrap();
        assert_eq!(r.required_stake, MAX_VALUE * Decimal::ONE_HUNDRED);
        assert!(!r.secure);
    }

    fn arb_dec() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_non_negative(
            pfc in arb_dec(), alpha in arb_dec(), r in arb_dec(), y in arb_dec(),
            x in arb_dec(), s in arb_dec(),
        ) {
            let i = SecurityInputs {
                profit_from_corruption: pfc, alpha, restaking_rate_pct: r,
                token_yield_pct: y, crash_haircut_pct: x, actual_stake: s,
            };
            let rep = analyze(&i).unwrap();
            prop_assert!(rep.required_stake >= Decimal::ZERO);
            prop_assert!(rep.cost_of_corruption >= Decimal::ZERO);
            prop_assert!(rep.shortfall >= Decimal::ZERO);
            prop_assert!(rep.rent_cost_per_year >= Decimal::ZERO);
            prop_assert!(rep.bootstrap_cost_per_year >= Decimal::ZERO);
            prop_assert!(rep.token_stake_needed >= rep.required_stake);
            prop_assert!(required_stake(pfc, alpha).is_ok());
        }

        #[test]
        fn required_stake_monotone(
            p1 in 0i64..1_000_000_000, p2 in 0i64..1_000_000_000,
            a1 in 1i64..=100, a2 in 1i64..=100,
        ) {
            let (plo, phi) = (p1.min(p2), p1.max(p2));
            let (alo, ahi) = (a1.min(a2), a1.max(a2));
            let a = Decimal::new(alo, 2);
            // Non-decreasing in PfC.
            prop_assert!(required_stake(Decimal::from(plo), a).unwrap()
                <= required_stake(Decimal::from(phi), a).unwrap());
            // Non-increasing in α.
            let p = Decimal::from(phi);
            prop_assert!(required_stake(p, Decimal::new(alo, 2)).unwrap()
                >= required_stake(p, Decimal::new(ahi, 2)).unwrap());
        }

        #[test]
        fn secure_iff_stake_above_break_even(
            p in 1i64..1_000_000, a in 1i64..=100, s in 0i64..10_000_000,
        ) {
            // With two-decimal α the division is exact enough to decide away from ties.
            let i = SecurityInputs {
                profit_from_corruption: Decimal::from(p),
                alpha: Decimal::new(a, 2),
                actual_stake: Decimal::from(s),
                ..SecurityInputs::default()
            };
            let r = analyze(&i).unwrap();
            let coc = Decimal::new(a, 2) * Decimal::from(s);
            prop_assert_eq!(r.secure, coc > Decimal::from(p));
            if r.secure {
                prop_assert!(Decimal::from(s) >= r.required_stake);
            }
            // Bootstrapping costs at least renting when its yield is at least r.
            if i.token_yield_pct >= i.restaking_rate_pct {
                prop_assert!(r.rent_savings_per_year >= Decimal::ZERO);
            }
        }
    }
}
