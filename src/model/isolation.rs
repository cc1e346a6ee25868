//! Risk isolation around one slash: what three contract-design choices change about
//! who pays when an operator set is slashed (seed section 2c, "risk isolation and
//! contract design"). The slash itself follows ELIP-002: slashing fraction `p` of a set
//! whose allocation is the share `a` of the operator's total magnitude burns `p·a·D` of
//! the delegated stake `D` (see [`crate::model::ledger`]).
//!
//! The three layers, applied in this order:
//!
//! 1. **Tiered weights** (a policy of the operator or of a liquid-restaking vault): the
//!    service's risk tier caps its weight, `a' = min(a, cap)`, so a risky service can
//!    never reach more than `cap` of the stake. In EigenLayer this is what an operator
//!    does by allocating less magnitude (ELIP-002); the cap is an illustrative policy.
//! 2. **A multisig or proxy guard** in front of the slashing call: a slash must be
//!    approved by `k` of `n` signers (or pass a veto window, ELIP-002 leaves vetoes to
//!    each AVS). A *genuine* slash is approved, so the guard does not reduce it; a
//!    *forged* one (a bug or a stolen key) goes through only if at least `k` signer keys
//!    are compromised: `P = Σ_{j=k..n} C(n,j)·q^j·(1−q)^(n−j)` with independent
//!    per-key compromise probability `q` (an assumption; correlated keys make it worse).
//! 3. **An insurance / security pool** that reimburses the first part of any executed
//!    slash: it covers `min(pool, loss)`, delegators bear the rest.
//!
//! Every protection number here is an illustrative assumption, labelled so in the UI.

use crate::model::num::clamp;
use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Signers of the guard multisig in the chapter's example (an illustrative assumption).
pub const GUARD_SIGNERS: u32 = 5;
/// Largest number of signers [`at_least_k_of_n`] accepts.
pub const MAX_SIGNERS: u32 = 20;
/// Largest delegated stake or pool accepted (10¹² tokens).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// Inputs of [`isolate`]. Percentages in percent (`20` = 20 %).
///
/// Domains (clamped by [`isolate`]): `delegated: 0..=MAX_AMOUNT`, `allocation_pct`,
/// `slash_pct`, `tier_cap_pct`, `key_compromise_pct: 0..=100`, `pool: 0..=MAX_AMOUNT`,
/// `guard_threshold: 1..=GUARD_SIGNERS`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IsolationInputs {
    /// Delegated stake `D` of the operator, tokens.
    pub delegated: Decimal,
    /// The slashed set's share `a` of total magnitude, percent.
    pub allocation_pct: Decimal,
    /// Fraction `p` of the set's allocation that is slashed, percent.
    pub slash_pct: Decimal,
    /// Tiered weights: the cap on the set's share for its risk tier (`None` = no cap).
    pub tier_cap_pct: Option<Decimal>,
    /// Insurance pool that pays first, tokens (0 = no pool).
    pub pool: Decimal,
    /// Guard: `Some(k)` for a `k`-of-[`GUARD_SIGNERS`] multisig, `None` for no guard.
    pub guard_threshold: Option<u32>,
    /// `true` when the slash request is forged or buggy rather than a genuine fault.
    pub forged: bool,
    /// Chance that any one signer key is compromised, percent (independent keys).
    pub key_compromise_pct: Decimal,
}

impl Default for IsolationInputs {
    /// ELIP-002's slash (200 delegated, 20 % allocation, 50 % slash) with no protection.
    fn default() -> Self {
        IsolationInputs {
            delegated: Decimal::from(200),
            allocation_pct: Decimal::from(20),
            slash_pct: Decimal::from(50),
            tier_cap_pct: None,
            pool: Decimal::ZERO,
            guard_threshold: None,
            forged: false,
            key_compromise_pct: Decimal::from(5),
        }
    }
}

/// What [`isolate`] found. Amounts in tokens, probabilities and weights as fractions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IsolationReport {
    /// Loss with no protection at all, `p·a·D`.
    pub baseline_loss: Decimal,
    /// Effective weight `a' = min(a, cap)` (fraction).
    pub weight: Decimal,
    /// Slashable stake of the set after the cap, `a'·D`.
    pub slashable: Decimal,
    /// Loss if the slash executes, `p·a'·D`.
    pub loss: Decimal,
    /// Probability that the slash executes (1 for a genuine slash or without a guard).
    pub pass_probability: Decimal,
    /// Pool payment if the slash executes, `min(pool, loss)`.
    pub pool_pays: Decimal,
    /// Delegators' loss if the slash executes, `loss − pool_pays`.
    pub delegators_lose: Decimal,
    /// Delegated stake left if the slash executes, `D − loss` (before reimbursement).
    pub delegated_after: Decimal,
    /// What delegators hold once the pool has paid, `D − delegators_lose`.
    pub delegators_hold: Decimal,
    /// Pool left if the slash executes.
    pub pool_after: Decimal,
    /// Expected delegators' loss, `pass_probability × delegators_lose`.
    pub expected_delegators_lose: Decimal,
    /// The baseline loss split by who absorbs it (expected values, summing to
    /// `baseline_loss`): avoided by the cap, blocked by the guard, paid by the pool,
    /// borne by delegators.
    pub split: LossSplit,
}

/// Where the unprotected loss goes, in expectation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LossSplit {
    /// `p·(a − a')·D`: stake the cap never put at risk.
    pub avoided_by_cap: Decimal,
    /// `(1 − P)·loss`: forged slashes the guard blocks.
    pub blocked_by_guard: Decimal,
    /// `P·pool_pays`.
    pub paid_by_pool: Decimal,
    /// `P·delegators_lose`.
    pub borne_by_delegators: Decimal,
}

fn pct(x: Decimal) -> Decimal {
    clamp(x, Decimal::ZERO, Decimal::ONE_HUNDRED) / Decimal::ONE_HUNDRED
}

/// `C(n, k)` exactly, for `n ≤ MAX_SIGNERS` (fits easily in a `Decimal`).
fn binomial(n: u32, k: u32) -> Decimal {
    if k > n {
        return Decimal::ZERO;
    }
    let k = k.min(n - k);
    let mut c = Decimal::ONE;
    for i in 0..k {
        // c·(n − i)/(i + 1) stays an integer at every step.
        c = c * Decimal::from(n - i) / Decimal::from(i + 1);
    }
    c
}

/// Probability that at least `k` of `n` independent keys are compromised when each is
/// with probability `q` (a fraction, clamped to `[0, 1]`):
/// `Σ_{j=k..n} C(n,j)·q^j·(1−q)^(n−j)`. `k = 0` gives 1; `k > n` gives 0; `n` is
/// clamped to `MAX_SIGNERS`. Example: 3-of-5 with `q = 5 %` → 0.001158125.
pub fn at_least_k_of_n(n: u32, k: u32, q: Decimal) -> Decimal {
    let n = n.min(MAX_SIGNERS);
    if k == 0 {
        return Decimal::ONE;
    }
    if k > n {
        return Decimal::ZERO;
    }
    let q = clamp(q, Decimal::ZERO, Decimal::ONE);
    let r = Decimal::ONE - q;
    let mut sum = Decimal::ZERO;
    for j in k..=n {
        // q^j·r^(n−j) ≤ 1 and C(n,j) ≤ C(20,10) = 184 756: no overflow. Underflow
        // below 10⁻²⁸ rounds to 0, which is harmless here.
        let term = binomial(n, j) * q.powu(j.into()) * r.powu((n - j).into());
        sum += term;
    }
    clamp(sum, Decimal::ZERO, Decimal::ONE)
}

/// Applies tiered weights, the guard and the pool to one slash (inputs clamped to
/// their domains first). See the module docs for the formulas. Never panics.
pub fn isolate(x: &IsolationInputs) -> IsolationReport {
    let d = clamp(x.delegated, Decimal::ZERO, MAX_AMOUNT);
    let a = pct(x.allocation_pct);
    let p = pct(x.slash_pct);
    let weight = match x.tier_cap_pct {
        Some(c) => a.min(pct(c)),
        None => a,
    };
    let baseline_loss = p * a * d;
    let slashable = weight * d;
    let loss = p * slashable;
    let pass_probability = match (x.forged, x.guard_threshold) {
        (true, Some(k)) => at_least_k_of_n(
            GUARD_SIGNERS,
            k.clamp(1, GUARD_SIGNERS),
            pct(x.key_compromise_pct),
        ),
        _ => Decimal::ONE,
    };
    let pool = clamp(x.pool, Decimal::ZERO, MAX_AMOUNT);
    let pool_pays = pool.min(loss);
    let delegators_lose = loss - pool_pays;
    let split = LossSplit {
        avoided_by_cap: baseline_loss - loss,
        blocked_by_guard: (Decimal::ONE - pass_probability) * loss,
        paid_by_pool: pass_probability * pool_pays,
        borne_by_delegators: pass_probability * delegators_lose,
    };
    IsolationReport {
        baseline_loss,
        weight,
        slashable,
        loss,
        pass_probability,
        pool_pays,
        delegators_lose,
        delegated_after: d - loss,
        delegators_hold: d - delegators_lose,
        pool_after: pool - pool_pays,
        expected_delegators_lose: pass_probability * delegators_lose,
        split,
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

    // Golden: ELIP-002's slash (AVS_1 slashes 50 % of a 20 % allocation of 200)
    // burns 20 with no protection.
    #[test]
    fn golden_no_protection_is_elip002() {
        let r = isolate(&IsolationInputs::default());
        assert_eq!(r.baseline_loss, d("20"));
        assert_eq!(r.loss, d("20"));
        assert_eq!(r.delegated_after, d("180"));
        assert_eq!(r.delegators_hold, d("180"));
        assert_eq!(r.pass_probability, Decimal::ONE);
        assert_eq!(r.split.borne_by_delegators, d("20"));
    }

    // Hand-computed: 3-of-5, q = 5 %: 10·0.05³·0.95² + 5·0.05⁴·0.95 + 0.05⁵
    // = 0.001128125 + 0.0000296875 + 0.0000003125 = 0.001158125.
    #[test]
    fn golden_three_of_five() {
        assert_eq!(at_least_k_of_n(5, 3, d("0.05")), d("0.001158125"));
        // 1-of-5 = 1 − 0.95⁵ = 0.2262190625
        assert_eq!(at_least_k_of_n(5, 1, d("0.05")), d("0.2262190625"));
        // 5-of-5 = 0.05⁵
        assert_eq!(at_least_k_of_n(5, 5, d("0.05")), d("0.0000003125"));
        assert_eq!(at_least_k_of_n(5, 0, d("0.5")), Decimal::ONE);
        assert_eq!(at_least_k_of_n(5, 6, d("0.5")), Decimal::ZERO);
        assert_eq!(binomial(20, 10), d("184756"));
    }

    #[test]
    fn it_layers_cap_pool_and_guard() {
        // Cap 10 %: slashable 20, loss 10; pool 4 pays first; delegators lose 6.
        let r = isolate(&IsolationInputs {
            tier_cap_pct: Some(d("10")),
            pool: d("4"),
            ..Default::default()
        });
        assert_eq!(r.weight, d("0.1"));
        assert_eq!(r.slashable, d("20"));
        assert_eq!(r.loss, d("10"));
        assert_eq!(r.pool_pays, d("4"));
        assert_eq!(r.delegators_lose, d("6"));
        assert_eq!(r.delegators_hold, d("194"));
        assert_eq!(r.pool_after, d("0"));
        assert_eq!(r.split.avoided_by_cap, d("10"));
        // A genuine slash passes the guard: the guard changes nothing.
        let g = isolate(&IsolationInputs {
            guard_threshold: Some(3),
            ..Default::default()
        });
        assert_eq!(g.pass_probability, Decimal::ONE);
        assert_eq!(g.expected_delegators_lose, d("20"));
        // A forged slash behind a 3-of-5 guard passes with 0.001158125.
        let f = isolate(&IsolationInputs {
            guard_threshold: Some(3),
            forged: true,
            ..Default::default()
        });
        assert_eq!(f.expected_delegators_lose, d("0.0231625"));
        // Without the guard a forged slash is as bad as a genuine one.
        let n = isolate(&IsolationInputs {
            forged: true,
            ..Default::default()
        });
        assert_eq!(n.expected_delegators_lose, d("20"));
    }

    proptest! {
        #[test]
        fn prop_split_sums_and_protections_only_help(
            dl in 0u32..=100_000, a in 0u32..=100, p in 0u32..=100, cap in prop::option::of(0u32..=100),
            pool in 0u32..=1000, k in prop::option::of(0u32..=7), forged in any::<bool>(), q in 0u32..=100,
        ) {
            let x = IsolationInputs {
                delegated: dl.into(), allocation_pct: a.into(), slash_pct: p.into(),
                tier_cap_pct: cap.map(Decimal::from), pool: pool.into(), guard_threshold: k,
                forged, key_compromise_pct: q.into(),
            };
            let r = isolate(&x);
            let s = r.split;
            let total = s.avoided_by_cap + s.blocked_by_guard + s.paid_by_pool + s.borne_by_delegators;
            prop_assert!((total - r.baseline_loss).abs() <= d("1e-20"));
            prop_assert!(r.expected_delegators_lose <= r.baseline_loss);
            prop_assert!(r.pass_probability >= Decimal::ZERO && r.pass_probability <= Decimal::ONE);
            prop_assert!(r.delegators_hold >= Decimal::ZERO && r.pool_after >= Decimal::ZERO);
            let bare = isolate(&IsolationInputs { tier_cap_pct: None, pool: Decimal::ZERO, guard_threshold: None, ..x });
            prop_assert_eq!(bare.expected_delegators_lose, bare.baseline_loss);
        }

        #[test]
        fn prop_more_signers_needed_is_safer(k in 1u32..5, q in 0u32..=100) {
            let q = Decimal::new(q.into(), 2);
            prop_assert!(at_least_k_of_n(5, k + 1, q) <= at_least_k_of_n(5, k, q));
        }
    }
}
