//! Governance and centralisation metrics for a list of stakes: shares, the
//! Herfindahl–Hirschman index, Nakamoto coefficients at the 1/3, 1/2 and 2/3
//! thresholds that matter for Ethereum proof of stake, the top-5 share, and a
//! Zipf-like generator of stake distributions for the "how concentrated?" slider.
//!
//! Everything here is exact `Decimal` arithmetic on the learner's numbers.
//!
//! Sources:
//! - HHI: U.S. Department of Justice, "Herfindahl-Hirschman Index",
//!   <https://www.justice.gov/atr/herfindahl-hirschman-index> (we use shares as
//!   fractions, so the index lies in `[1/n, 1]` instead of `(0, 10 000]`).
//! - Nakamoto coefficient: B. Srinivasan & L. Lee, "Quantifying Decentralization" (2017),
//!   <https://news.earn.com/quantifying-decentralization-e39db233c28e>.
//! - Why 1/3, 1/2 and 2/3 matter on Ethereum: ethereum.org, "Proof-of-stake attack and defense",
//!   <https://ethereum.org/en/developers/docs/consensus-mechanisms/pos/attack-and-defense/>.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Largest number of holders accepted by the metrics (longer inputs are truncated to
/// their first `MAX_HOLDERS` entries by [`Stakes::clamped`]).
pub const MAX_HOLDERS: usize = 100_000;
/// Largest single stake accepted (in ETH or any unit; larger values are clamped).
pub const MAX_STAKE: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0); // 1e15
/// Largest `n` for [`zipf_stakes`].
pub const MAX_ZIPF_HOLDERS: u32 = 1_000;
/// Largest Zipf exponent `s` for [`zipf_stakes`].
pub const MAX_ZIPF_EXPONENT: Decimal = Decimal::from_parts(3, 0, 0, false, 0);

/// Errors of the concentration metrics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConcentrationError {
    /// No holder has a positive stake, so shares are undefined.
    NoStake,
    /// An intermediate value overflowed `Decimal` (cannot happen within the documented domain).
    Overflow,
}

/// A stake threshold for the Nakamoto coefficient.
///
/// On Ethereum (ethereum.org, "Proof-of-stake attack and defense",
/// <https://ethereum.org/en/developers/docs/consensus-mechanisms/pos/attack-and-defense/>):
/// - more than 1/3 of stake can prevent finality (halt finalization);
/// - more than 1/2 dominates the LMD-GHOST fork choice;
/// - 2/3 or more can finalize on its own. We use "more than 2/3" uniformly with the
///   other thresholds, see [`nakamoto`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Threshold {
    /// 1/3: can halt finality.
    OneThird,
    /// 1/2: controls the fork choice.
    Half,
    /// 2/3: can finalize alone.
    TwoThirds,
}

impl Threshold {
    /// All thresholds, in increasing order.
    pub const ALL: [Threshold; 3] = [Threshold::OneThird, Threshold::Half, Threshold::TwoThirds];

    /// The threshold as an exact fraction `(numerator, denominator)`.
    pub fn fraction(self) -> (u32, u32) {
        match self {
            Threshold::OneThird => (1, 3),
            Threshold::Half => (1, 2),
            Threshold::TwoThirds => (2, 3),
        }
    }
}

/// A list of non-negative stakes, one per holder (entity, operator, pool...).
///
/// Domain: each stake in `0..=MAX_STAKE` (negative stakes count as 0), at most
/// `MAX_HOLDERS` holders. Order does not matter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stakes {
    /// The stakes, any unit (ETH, validators...).
    pub stakes: Vec<Decimal>,
}

impl Default for Stakes {
    /// Ten equal holders (an illustrative, perfectly even distribution).
    fn default() -> Self {
        Stakes {
            stakes: vec![Decimal::ONE; 10],
        }
    }
}

impl Stakes {
    /// Returns a copy clamped to the documented domain (negatives to 0, huge values to
    /// `MAX_STAKE`, at most `MAX_HOLDERS` entries).
    pub fn clamped(&self) -> Stakes {
        Stakes {
            stakes: self
                .stakes
                .iter()
                .take(MAX_HOLDERS)
                .map(|s| (*s).max(Decimal::ZERO).min(MAX_STAKE))
                .collect(),
        }
    }
}

/// All metrics at once, for a table in the UI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConcentrationReport {
    /// Number of holders `n` (including zero stakes).
    pub holders: usize,
    /// Shares `s_i = stake_i / Σ stake`, sorted from largest to smallest.
    pub shares_desc: Vec<Decimal>,
    /// Herfindahl–Hirschman index `Σ s_i²`, in `[1/n, 1]`.
    pub hhi: Decimal,
    /// Nakamoto coefficient for more than 1/3 (can halt finality).
    pub nakamoto_one_third: usize,
    /// Nakamoto coefficient for more than 1/2 (controls fork choice).
    pub nakamoto_half: usize,
    /// Nakamoto coefficient for more than 2/3 (can finalize alone).
    pub nakamoto_two_thirds: usize,
    /// Combined share of the five largest holders, in `[0, 1]`.
    pub top5_share: Decimal,
}

fn sorted_desc(stakes: &Stakes) -> Result<(Vec<Decimal>, Decimal), ConcentrationError> {
    let mut v = stakes.clamped().stakes;
    v.sort_unstable_by(|a, b| b.cmp(a));
    let mut total = Decimal::ZERO;
    for s in &v {
        total = total.checked_add(*s).ok_or(ConcentrationError::Overflow)?;
    }
    if total <= Decimal::ZERO {
        return Err(ConcentrationError::NoStake);
    }
    Ok((v, total))
}

/// Shares `s_i = stake_i / Σ_j stake_j`, in input order (after clamping).
///
/// Each share is in `[0, 1]`; the shares sum to 1 up to `Decimal` rounding (28 digits).
/// Errors with [`ConcentrationError::NoStake`] when all stakes are zero.
pub fn shares(stakes: &Stakes) -> Result<Vec<Decimal>, ConcentrationError> {
    let v = stakes.clamped().stakes;
    let mut total = Decimal::ZERO;
    for s in &v {
        total = total.checked_add(*s).ok_or(ConcentrationError::Overflow)?;
    }
    if total <= Decimal::ZERO {
        return Err(ConcentrationError::NoStake);
    }
    v.iter()
        .map(|s| s.checked_div(total).ok_or(ConcentrationError::Overflow))
        .collect()
}

/// Herfindahl–Hirschman index `HHI = Σ s_i²` with shares as fractions.
///
/// `HHI = 1/n` when all `n` holders are equal and `HHI = 1` for a monopoly, so it lies
/// in `[1/n, 1]`. Source: U.S. DOJ, <https://www.justice.gov/atr/herfindahl-hirschman-index>
/// (which uses percentage shares, i.e. 10 000 × our value).
pub fn hhi(stakes: &Stakes) -> Result<Decimal, ConcentrationError> {
    let sh = shares(stakes)?;
    let mut acc = Decimal::ZERO;
    for s in sh {
        let sq = s.checked_mul(s).ok_or(ConcentrationError::Overflow)?;
        acc = acc.checked_add(sq).ok_or(ConcentrationError::Overflow)?;
    }
    Ok(acc.min(Decimal::ONE))
}

/// Nakamoto coefficient: the minimum number `k` of the largest holders whose combined
/// stake is **strictly greater** than the threshold `θ` of the total:
/// `min { k : Σ_{i ≤ k} stake_(i) > θ · Σ stake }` with stakes sorted descending.
///
/// We use "strictly greater" for every threshold: more than 1/3 is what halts finality,
/// more than 1/2 is a fork-choice majority; for 2/3 this counts holders that *exceed*
/// 2/3, one more than "at least 2/3" in the knife-edge case where a set hits 2/3 exactly.
/// The comparison is exact (`Σ_k · den > num · total`), no rounding of 1/3.
///
/// With `n` equal holders this gives `floor(n·num/den) + 1`, e.g. `floor(n/2) + 1` for 1/2.
/// Source: Srinivasan & Lee (2017), <https://news.earn.com/quantifying-decentralization-e39db233c28e>.
pub fn nakamoto(stakes: &Stakes, threshold: Threshold) -> Result<usize, ConcentrationError> {
    let (v, total) = sorted_desc(stakes)?;
    nakamoto_sorted(&v, total, threshold)
}

fn nakamoto_sorted(
    desc: &[Decimal],
    total: Decimal,
    threshold: Threshold,
) -> Result<usize, ConcentrationError> {
    let (num, den) = threshold.fraction();
    let target = total
        .checked_mul(Decimal::from(num))
        .ok_or(ConcentrationError::Overflow)?;
    let den = Decimal::from(den);
    let mut acc = Decimal::ZERO;
    for (i, s) in desc.iter().enumerate() {
        acc = acc.checked_add(*s).ok_or(ConcentrationError::Overflow)?;
        let scaled = acc.checked_mul(den).ok_or(ConcentrationError::Overflow)?;
        if scaled > target {
            return Ok(i + 1);
        }
    }
    // Unreachable for num < den and total > 0 (the full set holds all of the stake),
    // but never panic: the whole set is the answer.
    Ok(desc.len())
}

/// Combined share of the `k` largest holders, in `[0, 1]` (all of them if fewer than `k`).
pub fn top_k_share(stakes: &Stakes, k: usize) -> Result<Decimal, ConcentrationError> {
    let (v, total) = sorted_desc(stakes)?;
    top_k_sorted(&v, total, k)
}

fn top_k_sorted(desc: &[Decimal], total: Decimal, k: usize) -> Result<Decimal, ConcentrationError> {
    let mut acc = Decimal::ZERO;
    for s in desc.iter().take(k) {
        acc = acc.checked_add(*s).ok_or(ConcentrationError::Overflow)?;
    }
    Ok(acc
        .checked_div(total)
        .ok_or(ConcentrationError::Overflow)?
        .clamp(Decimal::ZERO, Decimal::ONE))
}

/// Combined share of the five largest holders, in `[0, 1]`.
pub fn top5_share(stakes: &Stakes) -> Result<Decimal, ConcentrationError> {
    top_k_share(stakes, 5)
}

/// Computes every metric at once (one sort).
pub fn report(stakes: &Stakes) -> Result<ConcentrationReport, ConcentrationError> {
    let (v, total) = sorted_desc(stakes)?;
    let mut shares_desc = Vec::with_capacity(v.len());
    let mut h = Decimal::ZERO;
    for s in &v {
        let sh = s.checked_div(total).ok_or(ConcentrationError::Overflow)?;
        let sq = sh.checked_mul(sh).ok_or(ConcentrationError::Overflow)?;
        h = h.checked_add(sq).ok_or(ConcentrationError::Overflow)?;
        shares_desc.push(sh);
    }
    Ok(ConcentrationReport {
        holders: v.len(),
        shares_desc,
        hhi: h.min(Decimal::ONE),
        nakamoto_one_third: nakamoto_sorted(&v, total, Threshold::OneThird)?,
        nakamoto_half: nakamoto_sorted(&v, total, Threshold::Half)?,
        nakamoto_two_thirds: nakamoto_sorted(&v, total, Threshold::TwoThirds)?,
        top5_share: top_k_sorted(&v, total, 5)?,
    })
}

/// Inputs of the Zipf-like generator.
///
/// Domain: `holders: 1..=MAX_ZIPF_HOLDERS` (1000), `exponent: 0..=3`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ZipfInputs {
    /// Number of holders `n`.
    pub holders: u32,
    /// Concentration exponent `s`: 0 = perfectly equal, 1 = classic Zipf, 3 = extreme.
    pub exponent: Decimal,
}

impl Default for ZipfInputs {
    /// 100 holders with `s = 1` (classic Zipf; G. K. Zipf, "Human Behavior and the
    /// Principle of Least Effort", 1949). Illustrative, not a measured stake distribution.
    fn default() -> Self {
        ZipfInputs {
            holders: 100,
            exponent: Decimal::ONE,
        }
    }
}

impl ZipfInputs {
    /// Clamps to the documented domain.
    pub fn clamped(self) -> ZipfInputs {
        ZipfInputs {
            holders: self.holders.clamp(1, MAX_ZIPF_HOLDERS),
            exponent: self.exponent.max(Decimal::ZERO).min(MAX_ZIPF_EXPONENT),
        }
    }
}

/// `x^y` for `x ≥ 1`, `y ≥ 0` as `exp(y · ln x)` with checked `Decimal` maths
/// (exact `powu` when `y` is a whole number).
fn pow_ge1(x: Decimal, y: Decimal) -> Option<Decimal> {
    if y.is_zero() || x == Decimal::ONE {
        return Some(Decimal::ONE);
    }
    if y.fract().is_zero() {
        return x.checked_powu(y.to_u64()?);
    }
    x.checked_ln()?.checked_mul(y)?.checked_exp()
}

/// Generates `n` stakes with `stake_i ∝ 1 / i^s` (`i = 1..=n`), returned as shares that
/// sum to 1 (up to `Decimal` rounding), largest first.
///
/// `s = 0` gives equal shares; larger `s` concentrates stake in the first holders.
/// Inputs are clamped to [`ZipfInputs`]'s domain, so this never fails on any input; it
/// returns an error only if `Decimal` maths fails, which cannot happen in that domain.
pub fn zipf_stakes(inputs: ZipfInputs) -> Result<Stakes, ConcentrationError> {
    let z = inputs.clamped();
    let n = z.holders as usize;
    // i^s is completely multiplicative, (ab)^s = a^s · b^s: compute it with ln/exp only
    // for primes and multiply for composites (smallest-prime-factor sieve), ~6× faster.
    let mut spf = vec![0usize; n + 1];
    for i in 2..=n {
        if spf[i] == 0 {
            let mut j = i;
            while j <= n {
                if spf[j] == 0 {
                    spf[j] = i;
                }
                j += i;
            }
        }
    }
    let mut pw = vec![Decimal::ONE; n + 1];
    for i in 2..=n {
        let f = spf[i];
        pw[i] = if f == i {
            pow_ge1(Decimal::from(i), z.exponent).ok_or(ConcentrationError::Overflow)?
        } else {
            pw[f]
                .checked_mul(pw[i / f])
                .ok_or(ConcentrationError::Overflow)?
        };
    }
    let mut raw = Vec::with_capacity(n);
    let mut total = Decimal::ZERO;
    for p in pw.iter().skip(1) {
        let w = Decimal::ONE
            .checked_div(*p)
            .ok_or(ConcentrationError::Overflow)?;
        total = total.checked_add(w).ok_or(ConcentrationError::Overflow)?;
        raw.push(w);
    }
    let stakes = raw
        .into_iter()
        .map(|w| w.checked_div(total).ok_or(ConcentrationError::Overflow))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Stakes { stakes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn st(v: &[i64]) -> Stakes {
        Stakes {
            stakes: v.iter().map(|&x| Decimal::from(x)).collect(),
        }
    }
    fn close(a: Decimal, b: Decimal, tol: &str) -> bool {
        (a - b).abs() <= d(tol)
    }

    // Golden: DOJ HHI page example — shares of 30, 30, 20 and 20 percent give
    // HHI = 30² + 30² + 20² + 20² = 2,600 (https://www.justice.gov/atr/herfindahl-hirschman-index).
    #[test]
    fn golden_doj_hhi_example() {
        let h = hhi(&st(&[30, 30, 20, 20])).unwrap();
        assert_eq!(h * Decimal::from(10_000), Decimal::from(2_600));
    }

    // Golden: Srinivasan & Lee define the coefficient as the minimum number of entities
    // needed to reach 51 % (their "more than half"); with one holder of 60 % it is 1.
    #[test]
    fn golden_single_majority_holder() {
        assert_eq!(nakamoto(&st(&[60, 20, 20]), Threshold::Half).unwrap(), 1);
    }

    #[test]
    fn it_equal_shares_table() {
        for n in [1usize, 2, 3, 4, 5, 6, 7, 9, 10, 12, 100] {
            let s = Stakes {
                stakes: vec![Decimal::ONE; n],
            };
            let r = report(&s).unwrap();
            assert!(
                close(r.hhi, Decimal::ONE / Decimal::from(n), "1e-25"),
                "n={n}"
            );
            assert_eq!(r.nakamoto_half, n / 2 + 1, "n={n}");
            assert_eq!(r.nakamoto_one_third, n / 3 + 1, "n={n}");
            assert_eq!(r.nakamoto_two_thirds, (2 * n) / 3 + 1, "n={n}");
            let top = Decimal::from(n.min(5)) / Decimal::from(n);
            assert!(close(r.top5_share, top, "1e-25"), "n={n}");
        }
    }

    #[test]
    fn it_strictly_greater_at_exact_threshold() {
        // 1 of 2 equal holders has exactly 1/2: not a majority, need both.
        assert_eq!(nakamoto(&st(&[1, 1]), Threshold::Half).unwrap(), 2);
        // Exactly 1/3 does not halt finality: need 2 of 3.
        assert_eq!(nakamoto(&st(&[1, 1, 1]), Threshold::OneThird).unwrap(), 2);
        // 2 of 3 hold exactly 2/3: need all 3 to exceed it.
        assert_eq!(nakamoto(&st(&[1, 1, 1]), Threshold::TwoThirds).unwrap(), 3);
    }

    #[test]
    fn it_hand_computed_mixed() {
        // stakes 40, 25, 15, 10, 5, 5 (total 100)
        let r = report(&st(&[5, 40, 10, 25, 5, 15])).unwrap();
        // HHI = .16 + .0625 + .0225 + .01 + .0025 + .0025 = .26
        assert_eq!(r.hhi, d("0.26"));
        assert_eq!(r.nakamoto_one_third, 1); // 40 > 33.3
        assert_eq!(r.nakamoto_half, 2); // 65 > 50
        assert_eq!(r.nakamoto_two_thirds, 3); // 65 < 66.7 < 80
        assert_eq!(r.top5_share, d("0.95"));
        assert_eq!(r.shares_desc[0], d("0.4"));
    }

    #[test]
    fn it_rejects_no_stake_and_clamps() {
        assert_eq!(hhi(&st(&[0, 0])), Err(ConcentrationError::NoStake));
        assert_eq!(
            hhi(&Stakes { stakes: vec![] }),
            Err(ConcentrationError::NoStake)
        );
        // negative stakes count as zero
        assert_eq!(hhi(&st(&[-5, 10])).unwrap(), Decimal::ONE);
        // extreme values are clamped, no overflow
        let big = Stakes {
            stakes: vec![Decimal::MAX; 5],
        };
        assert!(close(hhi(&big).unwrap(), d("0.2"), "1e-20"));
    }

    #[test]
    fn it_zipf_hand_values() {
        // s = 0: equal shares
        let z = zipf_stakes(ZipfInputs {
            holders: 4,
            exponent: Decimal::ZERO,
        })
        .unwrap();
        assert!(z.stakes.iter().all(|s| *s == d("0.25")));
        // s = 1, n = 3: 1, 1/2, 1/3 over H_3 = 11/6 -> 6/11, 3/11, 2/11
        let z = zipf_stakes(ZipfInputs {
            holders: 3,
            exponent: Decimal::ONE,
        })
        .unwrap();
        assert!(close(z.stakes[0], d("6") / d("11"), "1e-25"));
        assert!(close(z.stakes[1], d("3") / d("11"), "1e-25"));
        assert!(close(z.stakes[2], d("2") / d("11"), "1e-25"));
        // s = 0.5, n = 2: 1 and 1/sqrt 2 -> 1/(1+0.70710678...) = 0.585786437...
        let z = zipf_stakes(ZipfInputs {
            holders: 2,
            exponent: d("0.5"),
        })
        .unwrap();
        assert!(close(z.stakes[0], d("0.5857864376269049"), "1e-12"));
        // clamped domain
        let z = zipf_stakes(ZipfInputs {
            holders: 0,
            exponent: d("99"),
        })
        .unwrap();
        assert_eq!(z.stakes, vec![Decimal::ONE]);
    }

    #[test]
    fn it_zipf_multiplicative_matches_direct_power() {
        let s = d("1.37");
        let z = zipf_stakes(ZipfInputs {
            holders: 360,
            exponent: s,
        })
        .unwrap();
        // ratio stake_1 / stake_i = i^s
        for i in [4usize, 12, 60, 97, 360] {
            let direct = pow_ge1(Decimal::from(i), s).unwrap();
            let ratio = z.stakes[0] / z.stakes[i - 1];
            assert!(((ratio - direct) / direct).abs() < d("1e-18"), "i={i}");
        }
    }

    #[test]
    fn it_zipf_max_domain_is_fast_enough_and_sums_to_one() {
        let z = zipf_stakes(ZipfInputs {
            holders: MAX_ZIPF_HOLDERS,
            exponent: d("2.7"),
        })
        .unwrap();
        let sum: Decimal = z.stakes.iter().copied().sum();
        assert!(close(sum, Decimal::ONE, "1e-20"));
    }

    fn stakes_strategy() -> impl Strategy<Value = Vec<i64>> {
        prop::collection::vec(0i64..1_000_000, 1..40)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_never_panics_on_any_decimal(raw in prop::collection::vec(any::<i64>(), 0..20), scale in 0u32..28) {
            let s = Stakes { stakes: raw.iter().map(|&x| Decimal::new(x, scale)).collect() };
            let _ = report(&s);
            let _ = shares(&s);
        }

        #[test]
        fn prop_ranges(v in stakes_strategy()) {
            prop_assume!(v.iter().any(|&x| x > 0));
            let s = st(&v);
            let r = report(&s).unwrap();
            let n = Decimal::from(v.len());
            prop_assert!(r.hhi >= Decimal::ONE / n - d("1e-20"));
            prop_assert!(r.hhi <= Decimal::ONE);
            prop_assert!(r.top5_share >= Decimal::ZERO && r.top5_share <= Decimal::ONE);
            prop_assert!(r.nakamoto_one_third >= 1);
            prop_assert!(r.nakamoto_one_third <= r.nakamoto_half);
            prop_assert!(r.nakamoto_half <= r.nakamoto_two_thirds);
            prop_assert!(r.nakamoto_two_thirds <= v.len());
        }

        // A Robin-Hood transfer from a larger to a smaller holder that keeps their order
        // never lowers any Nakamoto coefficient and never raises the HHI.
        #[test]
        fn prop_robin_hood_transfer(v in stakes_strategy(), a in 0usize..40, b in 0usize..40, frac in 0u32..=100) {
            prop_assume!(v.iter().any(|&x| x > 0));
            let mut v = v;
            v.sort_unstable_by(|x, y| y.cmp(x));
            let (i, j) = (a % v.len(), b % v.len());
            let (rich, poor) = if v[i] >= v[j] { (i, j) } else { (j, i) };
            prop_assume!(rich != poor);
            let gap = v[rich] - v[poor];
            let delta = gap / 2 * i64::from(frac) / 100; // keeps v[rich]-delta >= v[poor]+delta
            let before = report(&st(&v)).unwrap();
            let mut w = v.clone();
            w[rich] -= delta;
            w[poor] += delta;
            let after = report(&st(&w)).unwrap();
            prop_assert!(after.hhi <= before.hhi);
            prop_assert!(after.nakamoto_one_third >= before.nakamoto_one_third);
            prop_assert!(after.nakamoto_half >= before.nakamoto_half);
            prop_assert!(after.nakamoto_two_thirds >= before.nakamoto_two_thirds);
            prop_assert!(after.top5_share <= before.top5_share);
        }

        #[test]
        fn prop_zipf_is_a_distribution(n in 1u32..60, s_milli in 0u32..=3000) {
            let z = zipf_stakes(ZipfInputs { holders: n, exponent: Decimal::new(i64::from(s_milli), 3) }).unwrap();
            prop_assert_eq!(z.stakes.len(), n as usize);
            let sum: Decimal = z.stakes.iter().copied().sum();
            prop_assert!(close(sum, Decimal::ONE, "1e-20"));
            for w in z.stakes.windows(2) {
                prop_assert!(w[0] >= w[1]);
            }
            let h = hhi(&z).unwrap();
            prop_assert!(h >= Decimal::ONE / Decimal::from(n) - d("1e-20") && h <= Decimal::ONE);
        }
    }
}
