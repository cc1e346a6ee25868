//! Ethereum consensus-layer penalties that sit underneath every restaked ETH: the
//! slashing penalty (initial + correlation, Electra rules and the earlier Altair and
//! Bellatrix rules for comparison) and the inactivity leak of an offline validator.
//!
//! Like the spec, everything is computed in integer Gwei (`u64`/`u128`, floor division)
//! and only converted to `Decimal` ETH for display.
//!
//! Sources (ethereum/consensus-specs):
//! - Electra: `slash_validator`, `process_slashings`, `process_effective_balance_updates`,
//!   <https://github.com/ethereum/consensus-specs/blob/dev/specs/electra/beacon-chain.md>;
//! - Bellatrix constants (`MIN_SLASHING_PENALTY_QUOTIENT_BELLATRIX`,
//!   `PROPORTIONAL_SLASHING_MULTIPLIER_BELLATRIX`, `INACTIVITY_PENALTY_QUOTIENT_BELLATRIX`),
//!   <https://github.com/ethereum/consensus-specs/blob/dev/specs/bellatrix/beacon-chain.md>;
//! - Altair inactivity scores and penalty deltas (`process_inactivity_updates`,
//!   `get_inactivity_penalty_deltas`, `get_flag_index_deltas`),
//!   <https://github.com/ethereum/consensus-specs/blob/dev/specs/altair/beacon-chain.md>.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Gwei per ETH.
pub const GWEI_PER_ETH: u64 = 1_000_000_000;
/// `EFFECTIVE_BALANCE_INCREMENT` = 1 ETH.
pub const EFFECTIVE_BALANCE_INCREMENT: u64 = GWEI_PER_ETH;
/// `MIN_ACTIVATION_BALANCE` = 32 ETH (Electra; also the pre-Electra `MAX_EFFECTIVE_BALANCE`).
pub const MIN_ACTIVATION_BALANCE: u64 = 32 * GWEI_PER_ETH;
/// `MAX_EFFECTIVE_BALANCE_ELECTRA` = 2048 ETH (compounding credentials, EIP-7251).
pub const MAX_EFFECTIVE_BALANCE_ELECTRA: u64 = 2_048 * GWEI_PER_ETH;
/// `EJECTION_BALANCE` = 16 ETH: at or below it the validator is exited.
pub const EJECTION_BALANCE: u64 = 16 * GWEI_PER_ETH;
/// `MIN_SLASHING_PENALTY_QUOTIENT_ALTAIR` = 64.
pub const MIN_SLASHING_PENALTY_QUOTIENT_ALTAIR: u64 = 64;
/// `MIN_SLASHING_PENALTY_QUOTIENT_BELLATRIX` = 32.
pub const MIN_SLASHING_PENALTY_QUOTIENT_BELLATRIX: u64 = 32;
/// `MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA` = 4096.
pub const MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA: u64 = 4_096;
/// `PROPORTIONAL_SLASHING_MULTIPLIER_ALTAIR` = 2.
pub const PROPORTIONAL_SLASHING_MULTIPLIER_ALTAIR: u64 = 2;
/// `PROPORTIONAL_SLASHING_MULTIPLIER_BELLATRIX` = 3 (unchanged in Electra).
pub const PROPORTIONAL_SLASHING_MULTIPLIER_BELLATRIX: u64 = 3;
/// `EPOCHS_PER_SLASHINGS_VECTOR` = 8192 epochs (~36 days); the correlation penalty is
/// applied at its midpoint, 4096 epochs after the slashing.
pub const EPOCHS_PER_SLASHINGS_VECTOR: u64 = 8_192;
/// `INACTIVITY_SCORE_BIAS` = 4.
pub const INACTIVITY_SCORE_BIAS: u64 = 4;
/// `INACTIVITY_PENALTY_QUOTIENT_ALTAIR` = 3·2²⁴.
pub const INACTIVITY_PENALTY_QUOTIENT_ALTAIR: u64 = 3 * (1 << 24);
/// `INACTIVITY_PENALTY_QUOTIENT_BELLATRIX` = 2²⁴ (unchanged in Electra).
pub const INACTIVITY_PENALTY_QUOTIENT_BELLATRIX: u64 = 1 << 24;
/// `BASE_REWARD_FACTOR` = 64.
pub const BASE_REWARD_FACTOR: u64 = 64;
/// `TIMELY_SOURCE_WEIGHT` = 14 (Altair).
pub const TIMELY_SOURCE_WEIGHT: u64 = 14;
/// `TIMELY_TARGET_WEIGHT` = 26 (Altair).
pub const TIMELY_TARGET_WEIGHT: u64 = 26;
/// `WEIGHT_DENOMINATOR` = 64 (Altair).
pub const WEIGHT_DENOMINATOR: u64 = 64;
/// Epochs per day: 86 400 s / (32 slots × 12 s) = 225.
pub const EPOCHS_PER_DAY: u32 = 225;
/// Longest leak simulated by [`inactivity_leak`]: one year of epochs.
pub const MAX_LEAK_EPOCHS: u32 = 365 * EPOCHS_PER_DAY;
/// Smallest total active stake accepted, in ETH (clamped up to the validator's own EB).
pub const MIN_TOTAL_ACTIVE_ETH: u64 = 32;
/// Largest total active stake accepted, in ETH (200 M, above the ETH supply).
pub const MAX_TOTAL_ACTIVE_ETH: u64 = 200_000_000;

/// Which fork's rules to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fork {
    /// Altair: initial EB/64, multiplier 2, inactivity quotient 3·2²⁴, EB ≤ 32 ETH.
    Altair,
    /// Bellatrix to Deneb: initial EB/32, multiplier 3, inactivity quotient 2²⁴, EB ≤ 32 ETH.
    Bellatrix,
    /// Electra (Pectra): initial EB/4096, multiplier 3, per-increment correlation formula,
    /// inactivity quotient 2²⁴, EB up to 2048 ETH.
    Electra,
}

impl Fork {
    /// All forks, oldest first.
    pub const ALL: [Fork; 3] = [Fork::Altair, Fork::Bellatrix, Fork::Electra];

    fn min_slashing_quotient(self) -> u64 {
        match self {
            Fork::Altair => MIN_SLASHING_PENALTY_QUOTIENT_ALTAIR,
            Fork::Bellatrix => MIN_SLASHING_PENALTY_QUOTIENT_BELLATRIX,
            Fork::Electra => MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA,
        }
    }
    fn proportional_multiplier(self) -> u64 {
        match self {
            Fork::Altair => PROPORTIONAL_SLASHING_MULTIPLIER_ALTAIR,
            _ => PROPORTIONAL_SLASHING_MULTIPLIER_BELLATRIX,
        }
    }
    fn inactivity_quotient(self) -> u64 {
        match self {
            Fork::Altair => INACTIVITY_PENALTY_QUOTIENT_ALTAIR,
            _ => INACTIVITY_PENALTY_QUOTIENT_BELLATRIX,
        }
    }
}

/// Gwei to ETH as an exact `Decimal` (9 decimal places).
pub fn gwei_to_eth(gwei: u64) -> Decimal {
    Decimal::from(gwei) / Decimal::from(GWEI_PER_ETH)
}

/// ETH to Gwei, floored, clamped to `[lo, hi]` Gwei. Never panics.
fn eth_to_gwei(eth: Decimal, lo: u64, hi: u64) -> u64 {
    let g = eth
        .checked_mul(Decimal::from(GWEI_PER_ETH))
        .map(|x| x.floor())
        .unwrap_or(if eth > Decimal::ZERO {
            Decimal::MAX
        } else {
            Decimal::ZERO
        });
    let g = if g <= Decimal::ZERO {
        0
    } else {
        g.to_u64().unwrap_or(u64::MAX)
    };
    g.clamp(lo, hi)
}

/// Effective balance in Gwei from ETH: whole ETH (a multiple of the increment), clamped
/// to `32..=2048` ETH.
fn effective_balance_gwei(eth: Decimal) -> u64 {
    let g = eth_to_gwei(eth, MIN_ACTIVATION_BALANCE, MAX_EFFECTIVE_BALANCE_ELECTRA);
    g - g % EFFECTIVE_BALANCE_INCREMENT
}

/// Inputs of [`slashing_penalty`].
///
/// Domains: `effective_balance_eth: 32..=2048` (floored to whole ETH; above 32 needs
/// Electra's compounding credentials, for older forks it stands for `EB/32` validators of
/// 32 ETH); `total_active_eth: 32..=200 000 000` (at least the validator's own EB);
/// `share_slashed: 0..=1`, the share of all active stake slashed within the 8192-epoch
/// window, this validator included (so at least `EB / total`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlashingInputs {
    /// The slashed validator's effective balance, ETH.
    pub effective_balance_eth: Decimal,
    /// Total active stake, ETH.
    pub total_active_eth: Decimal,
    /// Share of total stake slashed in the window, `[0, 1]`.
    pub share_slashed: Decimal,
}

impl Default for SlashingInputs {
    /// A lone 32 ETH validator among 34 M ETH staked (roughly mainnet in 2025,
    /// <https://beaconcha.in/charts/staked_ether>).
    fn default() -> Self {
        SlashingInputs {
            effective_balance_eth: Decimal::from(32),
            total_active_eth: Decimal::from(34_000_000),
            share_slashed: Decimal::ZERO,
        }
    }
}

impl SlashingInputs {
    /// Clamped copy (see the domains on the type).
    pub fn clamped(&self) -> SlashingInputs {
        let eb = effective_balance_gwei(self.effective_balance_eth);
        let total = eth_to_gwei(
            self.total_active_eth,
            MIN_TOTAL_ACTIVE_ETH * GWEI_PER_ETH,
            MAX_TOTAL_ACTIVE_ETH * GWEI_PER_ETH,
        )
        .max(eb);
        SlashingInputs {
            effective_balance_eth: gwei_to_eth(eb),
            total_active_eth: gwei_to_eth(total),
            share_slashed: self.share_slashed.max(Decimal::ZERO).min(Decimal::ONE),
        }
    }
}

/// A slashing penalty, in Gwei (exact, spec integers) and ETH.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlashingPenalty {
    /// Rules applied.
    pub fork: Fork,
    /// Effective balance used, Gwei.
    pub effective_balance_gwei: u64,
    /// `sum(state.slashings)` used, Gwei.
    pub sum_slashings_gwei: u64,
    /// Initial penalty `EB // MIN_SLASHING_PENALTY_QUOTIENT`, Gwei.
    pub initial_gwei: u64,
    /// Correlation penalty at the window midpoint, Gwei (capped at EB).
    pub correlation_gwei: u64,
    /// `min(initial + correlation, EB)`: `decrease_balance` stops at 0, Gwei.
    pub total_gwei: u64,
    /// Initial penalty, ETH.
    pub initial_eth: Decimal,
    /// Correlation penalty, ETH.
    pub correlation_eth: Decimal,
    /// Total, ETH.
    pub total_eth: Decimal,
    /// `EB − total`, ETH.
    pub remaining_eth: Decimal,
    /// `total / EB`, in `[0, 1]`.
    pub loss_fraction: Decimal,
}

/// Correlation penalty in Gwei, spec integer form (no cap).
///
/// `adjusted = min(sum_slashings × MULTIPLIER, total)`, then
/// - Electra: `(adjusted // (total // INCREMENT)) × (EB // INCREMENT)`;
/// - Altair/Bellatrix: `(EB // INCREMENT × adjusted) // total × INCREMENT`.
///
/// Source: `process_slashings` in the Electra and Bellatrix specs.
pub fn correlation_penalty_gwei(
    fork: Fork,
    eb_gwei: u64,
    total_gwei: u64,
    sum_slashings_gwei: u64,
) -> u64 {
    let inc = EFFECTIVE_BALANCE_INCREMENT as u128;
    let total = total_gwei as u128;
    let adjusted = (sum_slashings_gwei as u128)
        .saturating_mul(fork.proportional_multiplier() as u128)
        .min(total);
    let increments = eb_gwei as u128 / inc;
    let p = match fork {
        Fork::Electra => adjusted
            .checked_div(total / inc)
            .map_or(0, |per_increment| per_increment.saturating_mul(increments)),
        Fork::Altair | Fork::Bellatrix => increments
            .saturating_mul(adjusted)
            .checked_div(total)
            .map_or(0, |x| x.saturating_mul(inc)),
    };
    u64::try_from(p).unwrap_or(u64::MAX)
}

/// Slashing penalty of one validator (inputs clamped; never fails):
/// `initial = EB // MIN_SLASHING_PENALTY_QUOTIENT` (at slashing time, `slash_validator`)
/// plus the correlation penalty [`correlation_penalty_gwei`] at the midpoint of the
/// 8192-epoch window, with `sum_slashings = max(floor(share × total), EB)`.
///
/// Not included: the missed-duty penalties while the slashed validator waits to exit,
/// and the whistleblower reward (paid to others). Balance is assumed equal to EB.
/// At a third or more of all stake slashed together the correlation penalty takes the
/// whole effective balance (`3 × 1/3 = 1`).
pub fn slashing_penalty(inputs: &SlashingInputs, fork: Fork) -> SlashingPenalty {
    let x = inputs.clamped();
    let eb = effective_balance_gwei(x.effective_balance_eth);
    let total = eth_to_gwei(x.total_active_eth, eb, MAX_TOTAL_ACTIVE_ETH * GWEI_PER_ETH);
    let share_sum = x
        .share_slashed
        .checked_mul(Decimal::from(total))
        .map(|v| v.floor().to_u64().unwrap_or(total))
        .unwrap_or(total);
    let sum = share_sum.max(eb).min(total);
    let initial = eb / fork.min_slashing_quotient();
    let correlation = correlation_penalty_gwei(fork, eb, total, sum).min(eb);
    let total_pen = initial.saturating_add(correlation).min(eb);
    SlashingPenalty {
        fork,
        effective_balance_gwei: eb,
        sum_slashings_gwei: sum,
        initial_gwei: initial,
        correlation_gwei: correlation,
        total_gwei: total_pen,
        initial_eth: gwei_to_eth(initial),
        correlation_eth: gwei_to_eth(correlation),
        total_eth: gwei_to_eth(total_pen),
        remaining_eth: gwei_to_eth(eb - total_pen),
        loss_fraction: Decimal::from(total_pen) / Decimal::from(eb.max(1)),
    }
}

/// Inputs of [`inactivity_leak`].
///
/// Domains: `effective_balance_eth: 32..=2048` (whole ETH; the leak never raises it;
/// Altair and Bellatrix cap it at 32 ETH, their `MAX_EFFECTIVE_BALANCE`);
/// `epochs: 0..=MAX_LEAK_EPOCHS`; `total_active_eth: 32..=200 000 000` (only sets the base
/// reward of the missed-attestation penalties).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeakInputs {
    /// Starting effective balance (= balance), ETH.
    pub effective_balance_eth: Decimal,
    /// Epochs offline during the leak.
    pub epochs: u32,
    /// Total active stake, ETH.
    pub total_active_eth: Decimal,
}

impl Default for LeakInputs {
    /// A 32 ETH validator offline for 10 days of leak among 34 M ETH (illustrative).
    fn default() -> Self {
        LeakInputs {
            effective_balance_eth: Decimal::from(32),
            epochs: 10 * EPOCHS_PER_DAY,
            total_active_eth: Decimal::from(34_000_000),
        }
    }
}

/// One sample of the leak, cumulative since the start.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeakPoint {
    /// Epochs since the validator went offline.
    pub epoch: u32,
    /// Cumulative inactivity penalties, ETH.
    pub inactivity_loss_eth: Decimal,
    /// Cumulative missed source+target attestation penalties, ETH.
    pub attestation_loss_eth: Decimal,
    /// Balance, ETH.
    pub balance_eth: Decimal,
    /// Effective balance after the epoch's hysteresis update, ETH.
    pub effective_balance_eth: Decimal,
}

/// Result of [`inactivity_leak`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeakResult {
    /// Epoch 0, then one point per day (every 225 epochs), then the last epoch.
    pub points: Vec<LeakPoint>,
    /// The last point.
    pub last: LeakPoint,
    /// Epoch at which EB fell to `EJECTION_BALANCE` (16 ETH) and the validator is exited;
    /// the simulation stops there.
    pub ejected_at_epoch: Option<u32>,
}

/// An offline validator during an inactivity leak, epoch by epoch, in spec integers:
///
/// 1. `process_inactivity_updates`: not participating → `score += INACTIVITY_SCORE_BIAS`
///    (no recovery during a leak);
/// 2. `get_flag_index_deltas`: missed source and target cost
///    `base_reward × 14 // 64 + base_reward × 26 // 64` with
///    `base_reward = EB // INCREMENT × base_reward_per_increment` (still charged in a leak);
/// 3. `get_inactivity_penalty_deltas`: `EB × score // (INACTIVITY_SCORE_BIAS × Q)` with
///    `Q = 2²⁴` (Bellatrix, Electra) or `3·2²⁴` (Altair), so the per-epoch penalty grows
///    linearly and the cumulative loss quadratically (≈ `EB·n²/(2Q)`);
/// 4. `process_effective_balance_updates`: EB drops to `balance − balance % 1 ETH` when
///    `balance + 0.25 ETH < EB`.
///
/// Simplifications: total active stake is held fixed, and the run stops when EB reaches
/// the 16 ETH ejection balance. Sources: consensus-specs Altair/Bellatrix/Electra
/// beacon-chain.md (links in the module docs).
pub fn inactivity_leak(inputs: &LeakInputs, fork: Fork) -> LeakResult {
    let inc = EFFECTIVE_BALANCE_INCREMENT;
    let start_eb = effective_balance_gwei(inputs.effective_balance_eth);
    let max_eb = match fork {
        Fork::Electra => start_eb,
        _ => start_eb.min(MIN_ACTIVATION_BALANCE),
    };
    let mut eb = max_eb;
    let total = eth_to_gwei(
        inputs.total_active_eth,
        eb,
        MAX_TOTAL_ACTIVE_ETH * GWEI_PER_ETH,
    );
    let brpi = (inc * BASE_REWARD_FACTOR) / crate::model::yields::integer_squareroot(total).max(1);
    let epochs = inputs.epochs.min(MAX_LEAK_EPOCHS);
    let q = (INACTIVITY_SCORE_BIAS as u128) * (fork.inactivity_quotient() as u128);
    let (mut balance, mut score, mut inact, mut att) = (eb, 0u64, 0u64, 0u64);
    let point = |epoch, inact, att, balance, eb| LeakPoint {
        epoch,
        inactivity_loss_eth: gwei_to_eth(inact),
        attestation_loss_eth: gwei_to_eth(att),
        balance_eth: gwei_to_eth(balance),
        effective_balance_eth: gwei_to_eth(eb),
    };
    let mut points = vec![point(0, 0, 0, balance, eb)];
    let mut ejected = None;
    for k in 1..=epochs {
        score = score.saturating_add(INACTIVITY_SCORE_BIAS);
        let base = (eb / inc).saturating_mul(brpi);
        let a = (base.saturating_mul(TIMELY_SOURCE_WEIGHT) / WEIGHT_DENOMINATOR)
            .saturating_add(base.saturating_mul(TIMELY_TARGET_WEIGHT) / WEIGHT_DENOMINATOR)
            .min(balance);
        balance -= a;
        att = att.saturating_add(a);
        let p = ((eb as u128) * (score as u128) / q).min(balance as u128) as u64;
        balance -= p;
        inact = inact.saturating_add(p);
        if balance.saturating_add(inc / 4) < eb {
            eb = (balance - balance % inc).min(max_eb);
        }
        let last = k == epochs;
        if eb <= EJECTION_BALANCE {
            ejected = Some(k);
        }
        if k % EPOCHS_PER_DAY == 0 || last || ejected.is_some() {
            points.push(point(k, inact, att, balance, eb));
        }
        if ejected.is_some() {
            break;
        }
    }
    let last = points
        .last()
        .copied()
        .unwrap_or(point(0, 0, 0, balance, eb));
    LeakResult {
        points,
        last,
        ejected_at_epoch: ejected,
    }
}

/// Closed form of the cumulative inactivity penalty with EB held fixed and no flooring:
/// `Σ_{k=1..n} EB·4k/(4Q) = EB·n(n+1)/(2Q)`, in ETH. `Q` as in [`inactivity_leak`].
/// Inputs clamped like [`LeakInputs`]; result capped at EB.
pub fn inactivity_loss_closed_form_eth(
    effective_balance_eth: Decimal,
    epochs: u32,
    fork: Fork,
) -> Decimal {
    let eb = gwei_to_eth(effective_balance_gwei(effective_balance_eth));
    let n = Decimal::from(epochs.min(MAX_LEAK_EPOCHS));
    let q = Decimal::from(fork.inactivity_quotient());
    // n ≤ 82 125, EB ≤ 2048: n(n+1)·EB < 1.4·10¹³, no overflow.
    (eb * n * (n + Decimal::ONE) / (Decimal::TWO * q)).min(eb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn slash(eb: &str, total: &str, share: &str, fork: Fork) -> SlashingPenalty {
        slashing_penalty(
            &SlashingInputs {
                effective_balance_eth: d(eb),
                total_active_eth: d(total),
                share_slashed: d(share),
            },
            fork,
        )
    }

    // Golden (hand-computed from consensus-specs Electra/Bellatrix process_slashings):
    // a lone 32 ETH validator among 1 M ETH. sum_slashings = 32e9, adjusted = 96e9.
    // Electra: 96e9 // (1e15 // 1e9 = 1e6) = 96 000 Gwei per increment × 32 = 3 072 000 Gwei
    // (0.003072 ETH), initial 32e9 // 4096 = 7 812 500 Gwei.
    // Bellatrix: 32 × 96e9 // 1e15 = 0 → correlation 0 (floor), initial 32e9 // 32 = 1 ETH.
    // So "0 for a lone validator" holds for the pre-Electra formula only.
    #[test]
    fn golden_lone_validator_one_million_eth() {
        let e = slash("32", "1000000", "0", Fork::Electra);
        assert_eq!(e.initial_gwei, 7_812_500);
        assert_eq!(e.correlation_gwei, 3_072_000);
        assert_eq!(e.total_gwei, 10_884_500);
        assert_eq!(e.total_eth, d("0.0108845"));
        let b = slash("32", "1000000", "0", Fork::Bellatrix);
        assert_eq!(b.initial_gwei, 1_000_000_000);
        assert_eq!(b.correlation_gwei, 0);
        assert_eq!(b.total_eth, d("1"));
        let a = slash("32", "1000000", "0", Fork::Altair);
        assert_eq!(a.initial_gwei, 500_000_000);
        assert_eq!(a.correlation_gwei, 0);
    }

    // Golden: a third of all stake slashed together loses everything (3 × 1/3 = 1).
    // At 34 M ETH and share 1/3 (28-digit Decimal), floor(share·total) × 3 is 1 Gwei short of
    // total, so Electra's per-increment penalty is 999 999 999 Gwei → 31 999 999 968 Gwei of
    // correlation; with the 7 812 500 Gwei initial penalty the whole 32 ETH is gone.
    // At share 0.34 (adjusted = total) the correlation alone is exactly 32 ETH.
    #[test]
    fn golden_one_third_slashed_loses_everything() {
        let third = Decimal::ONE / Decimal::from(3);
        let e = slashing_penalty(
            &SlashingInputs {
                effective_balance_eth: d("32"),
                total_active_eth: d("34000000"),
                share_slashed: third,
            },
            Fork::Electra,
        );
        assert_eq!(e.correlation_gwei, 31_999_999_968);
        assert_eq!(e.total_eth, d("32"));
        assert_eq!(e.loss_fraction, Decimal::ONE);
        for fork in [Fork::Bellatrix, Fork::Electra] {
            let p = slash("32", "34000000", "0.34", fork);
            assert_eq!(p.total_eth, d("32"), "{fork:?}");
            assert_eq!(p.correlation_gwei, 32_000_000_000, "{fork:?}");
        }
        // Altair's multiplier 2 needed half of the stake: 32 × 0.68 floored = 21 ETH + 0.5.
        assert_eq!(
            slash("32", "34000000", "0.34", Fork::Altair).total_eth,
            d("21.5")
        );
        assert_eq!(
            slash("32", "34000000", "0.5", Fork::Altair).total_eth,
            d("32")
        );
        let big = slash("2048", "34000000", "0.5", Fork::Electra);
        assert_eq!(big.total_eth, d("2048"));
        assert_eq!(big.remaining_eth, d("0"));
    }

    #[test]
    fn it_slashing_table_34m() {
        // 34 M ETH, lone 32 ETH: Electra 96e9 // 34e6 = 2823 × 32 = 90 336 Gwei.
        let e = slash("32", "34000000", "0", Fork::Electra);
        assert_eq!(e.correlation_gwei, 90_336);
        // lone 2048 ETH: sum = 2048e9, adjusted 6144e9 // 34e6 = 180 705 × 2048 = 370 083 840 Gwei;
        // initial 2048e9 // 4096 = 0.5 ETH.
        let e = slash("2048", "34000000", "0", Fork::Electra);
        assert_eq!(e.initial_gwei, 500_000_000);
        assert_eq!(e.correlation_gwei, 370_083_840);
        // 1 % slashed (340 000 ETH): adjusted 1.02e15 Gwei // 34e6 = 30 000 000 Gwei × 32
        // = 0.96 ETH (3 % of EB) under Electra; Bellatrix: 32 × 1.02e15 // 3.4e16 = 0 → 0 × 1e9…
        // floor(0.96) = 0 increments, i.e. 0 ETH: the legacy formula floors to whole ETH.
        assert_eq!(
            slash("32", "34000000", "0.01", Fork::Electra).correlation_gwei,
            960_000_000
        );
        assert_eq!(
            slash("32", "34000000", "0.01", Fork::Bellatrix).correlation_gwei,
            0
        );
        // 10 % slashed: Electra 0.3 × 32 = 9.6 ETH; Bellatrix floor(9.6) = 9 ETH.
        assert_eq!(
            slash("32", "34000000", "0.1", Fork::Electra).correlation_gwei,
            9_600_000_000
        );
        assert_eq!(
            slash("32", "34000000", "0.1", Fork::Bellatrix).correlation_gwei,
            9_000_000_000
        );
        // Domain clamps: EB below 32 → 32, above 2048 → 2048, total below EB → EB.
        assert_eq!(
            slash("1", "34000000", "0", Fork::Electra).effective_balance_gwei,
            32_000_000_000
        );
        assert_eq!(slash("5000", "1", "2", Fork::Electra).total_eth, d("2048"));
    }

    // Hand values from the spec recurrences (computed with integer arithmetic, see
    // `inactivity_leak` docs): a 32 ETH validator offline during a leak.
    // Bellatrix/Electra (Q = 2²⁴): penalty at epoch k = floor(32e9·4k / 2²⁶) = floor(1907.35·k) Gwei.
    //  - 1 day (225 epochs): 48 494 228 Gwei ≈ 0.0485 ETH (0.15 %); closed form 0.048494339 ETH.
    //  - 1 % (0.32 ETH) of inactivity penalty first reached at epoch 581 ≈ 2.58 days.
    //  - 4.5 days (1012 epochs): 0.954818459 ETH ≈ 2.98 % of inactivity penalty plus
    //    0.006913912 ETH of missed attestations at 34 M ETH (EB fell to 31 ETH near epoch 510;
    //    without the attestation penalties it would be 0.954940172 ETH).
    // Altair (Q = 3·2²⁴): 1 % reached at epoch 1007 ≈ 4.48 days — the "~4.5 days ≈ 1 %"
    // figure is the Altair-era rule; Bellatrix made the leak 3× faster.
    #[test]
    fn it_inactivity_leak_hand_values() {
        let run = |epochs, fork| {
            inactivity_leak(
                &LeakInputs {
                    effective_balance_eth: d("32"),
                    epochs,
                    total_active_eth: d("34000000"),
                },
                fork,
            )
        };
        let day = run(225, Fork::Electra);
        assert_eq!(day.last.inactivity_loss_eth, d("0.048494228"));
        assert_eq!(
            inactivity_loss_closed_form_eth(d("32"), 225, Fork::Electra).round_dp(9),
            d("0.048494339")
        );
        // missed attestations at 34 M ETH: base reward 32 × 347 = 11 104 Gwei;
        // 11 104·14//64 + 11 104·26//64 = 2429 + 4511 = 6940 Gwei/epoch × 225 = 1 561 500 Gwei.
        assert_eq!(day.last.attestation_loss_eth, d("0.0015615"));
        let l580 = run(580, Fork::Bellatrix).last.inactivity_loss_eth;
        let l581 = run(581, Fork::Bellatrix).last.inactivity_loss_eth;
        assert!(l580 < d("0.32") && l581 >= d("0.32"), "{l580} {l581}");
        let a1006 = run(1006, Fork::Altair).last.inactivity_loss_eth;
        let a1007 = run(1007, Fork::Altair).last.inactivity_loss_eth;
        assert!(a1006 < d("0.32") && a1007 >= d("0.32"), "{a1006} {a1007}");
        let four_half = run(1012, Fork::Electra).last;
        assert_eq!(four_half.inactivity_loss_eth, d("0.954818459"));
        assert_eq!(four_half.attestation_loss_eth, d("0.006913912"));
        assert_eq!(four_half.effective_balance_eth, d("31"));
        assert_eq!(
            run(1012, Fork::Altair).last.inactivity_loss_eth,
            d("0.323335698")
        );
        // points: epoch 0, one per day, last
        let ten = run(2250, Fork::Electra);
        assert_eq!(ten.points.len(), 11);
        assert_eq!(ten.points[1].epoch, 225);
        assert_eq!(ten.ejected_at_epoch, None);
    }

    #[test]
    fn it_leak_ejects_at_16_eth() {
        // Re-computing the spec loop by hand (integer Gwei) at 200 M ETH staked: EB reaches
        // the 16 ETH ejection balance at epoch 4684 (~20.8 days), 15.241392529 ETH of
        // inactivity penalty and 0.010886259 ETH of missed attestations.
        let r = inactivity_leak(
            &LeakInputs {
                effective_balance_eth: d("32"),
                epochs: MAX_LEAK_EPOCHS,
                total_active_eth: d("200000000"),
            },
            Fork::Electra,
        );
        assert_eq!(r.ejected_at_epoch, Some(4684));
        assert_eq!(r.last.inactivity_loss_eth, d("15.241392529"));
        assert_eq!(r.last.attestation_loss_eth, d("0.010886259"));
        assert_eq!(r.last.effective_balance_eth, d("16"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_slashing_monotone_and_bounded(
            eb in 0u32..=3000, total in 0u64..=250_000_000, s1 in 0u32..=10_000, s2 in 0u32..=10_000, f in 0usize..3
        ) {
            let fork = Fork::ALL[f];
            let (lo, hi) = (s1.min(s2), s1.max(s2));
            let mk = |s: u32| SlashingInputs {
                effective_balance_eth: Decimal::from(eb),
                total_active_eth: Decimal::from(total),
                share_slashed: Decimal::new(s as i64, 4),
            };
            let a = slashing_penalty(&mk(lo), fork);
            let b = slashing_penalty(&mk(hi), fork);
            prop_assert!(a.correlation_gwei <= b.correlation_gwei);
            prop_assert!(a.total_gwei <= b.total_gwei);
            prop_assert!(b.total_gwei <= b.effective_balance_gwei);
            prop_assert!(b.loss_fraction >= Decimal::ZERO && b.loss_fraction <= Decimal::ONE);
            prop_assert_eq!(b.remaining_eth + b.total_eth, gwei_to_eth(b.effective_balance_gwei));
        }

        #[test]
        fn prop_slashing_never_panics(a in any::<i64>(), s in 0u32..=28, b in any::<i64>(), c in any::<i64>(), f in 0usize..3) {
            let x = SlashingInputs {
                effective_balance_eth: Decimal::new(a, s),
                total_active_eth: Decimal::from(b),
                share_slashed: Decimal::new(c, s),
            };
            let p = slashing_penalty(&x, Fork::ALL[f]);
            prop_assert!(p.total_gwei <= p.effective_balance_gwei);
            let _ = slashing_penalty(&SlashingInputs { effective_balance_eth: Decimal::MAX, total_active_eth: Decimal::MIN, share_slashed: Decimal::MAX }, Fork::ALL[f]);
        }

        #[test]
        fn prop_leak_monotone_in_epochs(n1 in 0u32..=3000, n2 in 0u32..=3000, eb in 0u32..=2100, f in 0usize..3) {
            let fork = Fork::ALL[f];
            let run = |n| inactivity_leak(&LeakInputs {
                effective_balance_eth: Decimal::from(eb), epochs: n, total_active_eth: Decimal::from(34_000_000),
            }, fork).last;
            let (a, b) = (run(n1.min(n2)), run(n1.max(n2)));
            prop_assert!(a.inactivity_loss_eth <= b.inactivity_loss_eth);
            prop_assert!(a.attestation_loss_eth <= b.attestation_loss_eth);
            prop_assert!(b.balance_eth >= Decimal::ZERO && b.balance_eth <= a.balance_eth);
            prop_assert!(inactivity_loss_closed_form_eth(Decimal::from(eb), n1.min(n2), fork)
                <= inactivity_loss_closed_form_eth(Decimal::from(eb), n1.max(n2), fork));
        }
    }
}
