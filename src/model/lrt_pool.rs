//! One operator's slashing inside a liquid restaking token (LRT) pool: the LRT holds
//! stake delegated to many operators, and its token is a claim on a share of the whole
//! pool, so a slash of *one* operator lowers the exchange rate of *every* token.
//!
//! ## Formula (pool share accounting)
//!
//! An LRT prices its token like a tokenized vault: `rate = pool assets / token supply`
//! (ERC-4626, <https://eips.ethereum.org/EIPS/eip-4626>). If the slashed operator holds
//! the share `w` of the pool's stake and loses the fraction `f` of it (ELIP-002: a slash
//! burns the operator's allocated stake for all of its delegators,
//! <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md>), the pool loses
//! `w·f` of its assets while the supply is unchanged:
//!
//! `rate_after = rate_before · (1 − w·f)`, and a holder of `x` tokens loses
//! `x · rate_before · w · f` ETH.
//!
//! Comparison: a staker who instead delegated directly to one of the operators, chosen
//! with probability equal to its share of the pool, is hit with probability `w` and then
//! loses `f`: the same expected loss `w·f`, but concentrated on a few instead of spread
//! over everyone. Pooling spreads a loss; it does not remove it.
//!
//! Simplifications: the rest of the pool is untouched (no contagion, no LRT fee, no
//! insurance payout), and the token's market price is taken to follow the exchange rate.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::num::unit;

/// Most operators in the pool.
pub const MAX_OPERATORS: u32 = 1_000;
/// Largest holding, tokens (and largest exchange rate, ETH per token: 10).
pub const MAX_TOKENS: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// Inputs of [`lrt_slash`].
///
/// Domains (clamped): `operators: 1..=1000`; `slashed_share: 0..=1` (forced to 1 when
/// there is a single operator); `slash_fraction: 0..=1`; `holder_tokens: 0..=10⁹`;
/// `rate_before: 0..=10` ETH per token.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LrtInputs {
    /// Operators the LRT delegates to.
    pub operators: u32,
    /// Share `w` of the pool's stake delegated to the slashed operator.
    pub slashed_share: Decimal,
    /// Fraction `f` of that operator's stake slashed.
    pub slash_fraction: Decimal,
    /// Tokens held by the learner, `x`.
    pub holder_tokens: Decimal,
    /// ETH per token before the slash.
    pub rate_before: Decimal,
}

impl Default for LrtInputs {
    /// Illustrative: 10 operators with equal shares (10 % each), one slashed by 50 %,
    /// a holder of 32 tokens at 1 ETH per token.
    fn default() -> Self {
        LrtInputs {
            operators: 10,
            slashed_share: Decimal::new(1, 1),
            slash_fraction: Decimal::new(5, 1),
            holder_tokens: Decimal::from(32),
            rate_before: Decimal::ONE,
        }
    }
}

impl LrtInputs {
    /// Clamped copy (see the domains on the type).
    pub fn clamped(&self) -> LrtInputs {
        let operators = self.operators.clamp(1, MAX_OPERATORS);
        LrtInputs {
            operators,
            slashed_share: if operators == 1 {
                Decimal::ONE
            } else {
                unit(self.slashed_share)
            },
            slash_fraction: unit(self.slash_fraction),
            holder_tokens: self.holder_tokens.max(Decimal::ZERO).min(MAX_TOKENS),
            rate_before: self.rate_before.max(Decimal::ZERO).min(Decimal::TEN),
        }
    }
}

/// Result of [`lrt_slash`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LrtOutcome {
    /// The clamped inputs used.
    pub inputs: LrtInputs,
    /// Fraction of the pool lost, `w·f`.
    pub pool_loss: Decimal,
    /// ETH per token after the slash, `rate_before · (1 − w·f)`.
    pub rate_after: Decimal,
    /// The holder's value before, ETH.
    pub holder_before_eth: Decimal,
    /// The holder's value after, ETH.
    pub holder_after_eth: Decimal,
    /// The holder's loss, ETH.
    pub holder_loss_eth: Decimal,
    /// Operators that were not slashed (their delegators lose anyway through the LRT).
    pub spared_operators: u32,
    /// A direct delegator's chance of having picked the slashed operator, `w`.
    pub direct_hit_probability: Decimal,
    /// A direct delegator's loss if hit, `f` (fraction of their stake).
    pub direct_loss_if_hit: Decimal,
}

/// Applies one operator's slash to an LRT pool (inputs clamped; never panics: every
/// product stays below 10¹¹).
pub fn lrt_slash(inputs: &LrtInputs) -> LrtOutcome {
    let x = inputs.clamped();
    let pool_loss = unit(x.slashed_share * x.slash_fraction);
    let rate_after = x.rate_before * (Decimal::ONE - pool_loss);
    let before = x.holder_tokens * x.rate_before;
    let after = x.holder_tokens * rate_after;
    LrtOutcome {
        inputs: x,
        pool_loss,
        rate_after,
        holder_before_eth: before,
        holder_after_eth: after,
        holder_loss_eth: before - after,
        spared_operators: x.operators - 1,
        direct_hit_probability: x.slashed_share,
        direct_loss_if_hit: x.slash_fraction,
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

    // Golden (hand-computed): 10 equal operators, one slashed 50 %: the pool loses 5 %,
    // 1 ETH/token → 0.95; 32 tokens lose 1.6 ETH, though 9 of 10 operators did nothing wrong.
    #[test]
    fn golden_default_pool() {
        let o = lrt_slash(&LrtInputs::default());
        assert_eq!(o.pool_loss, d("0.05"));
        assert_eq!(o.rate_after, d("0.95"));
        assert_eq!(o.holder_before_eth, d("32"));
        assert_eq!(o.holder_after_eth, d("30.4"));
        assert_eq!(o.holder_loss_eth, d("1.6"));
        assert_eq!(o.spared_operators, 9);
        // Same expected loss for a direct delegator: 0.1 × 0.5 = 0.05.
        assert_eq!(o.direct_hit_probability * o.direct_loss_if_hit, o.pool_loss);
    }

    #[test]
    fn it_rate_above_one_and_clamps() {
        // rate 1.05, w = 25 %, f = 100 %: 1.05 × 0.75 = 0.7875; 10 tokens lose 2.625 ETH.
        let o = lrt_slash(&LrtInputs {
            operators: 4,
            slashed_share: d("0.25"),
            slash_fraction: d("1"),
            holder_tokens: d("10"),
            rate_before: d("1.05"),
        });
        assert_eq!(o.rate_after, d("0.7875"));
        assert_eq!(o.holder_loss_eth, d("2.625"));
        // a single operator carries the whole pool
        let o = lrt_slash(&LrtInputs {
            operators: 0,
            slashed_share: d("0.1"),
            slash_fraction: d("0.5"),
            holder_tokens: d("-3"),
            rate_before: d("99"),
        });
        assert_eq!(o.inputs.operators, 1);
        assert_eq!(o.pool_loss, d("0.5"));
        assert_eq!(o.inputs.holder_tokens, Decimal::ZERO);
        assert_eq!(o.inputs.rate_before, Decimal::TEN);
        assert_eq!(o.spared_operators, 0);
    }

    proptest! {
        #[test]
        fn prop_bounded_and_monotone(n in 0u32..2000, w1 in 0i64..=1000, w2 in 0i64..=1000, f in 0i64..=1000, x in 0i64..=1_000_000, r in 0i64..=2000) {
            let mk = |w: i64| LrtInputs {
                operators: n,
                slashed_share: Decimal::new(w, 3),
                slash_fraction: Decimal::new(f, 3),
                holder_tokens: Decimal::new(x, 2),
                rate_before: Decimal::new(r, 3),
            };
            let a = lrt_slash(&mk(w1.min(w2)));
            let b = lrt_slash(&mk(w1.max(w2)));
            prop_assert!(a.pool_loss >= Decimal::ZERO && b.pool_loss <= Decimal::ONE);
            prop_assert!(a.holder_loss_eth <= b.holder_loss_eth);
            prop_assert!(b.holder_after_eth >= Decimal::ZERO);
            prop_assert!(b.rate_after <= b.inputs.rate_before);
            prop_assert_eq!(b.holder_after_eth + b.holder_loss_eth, b.holder_before_eth);
        }

        #[test]
        fn prop_never_panics(a in any::<i64>(), s in 0u32..=28, b in any::<i64>(), c in any::<i64>(), n in any::<u32>()) {
            let o = lrt_slash(&LrtInputs {
                operators: n,
                slashed_share: Decimal::new(a, s),
                slash_fraction: Decimal::new(b, s),
                holder_tokens: Decimal::new(c, s),
                rate_before: Decimal::new(a, s),
            });
            prop_assert!(o.pool_loss >= Decimal::ZERO && o.pool_loss <= Decimal::ONE);
        }
    }
}
