//! Exit and withdrawal timeline: how long it takes to turn a (re)staked position back
//! into spendable ETH, stage by stage (beacon-chain exit queue under Electra's
//! balance-based churn, the withdrawability delay, the withdrawal sweep, EigenLayer's
//! withdrawal delay, an LRT's own queue, and "withdrawals not enabled yet"), and the
//! choice between redeeming through those queues and selling the token now at a
//! discount, with the ETH price risk of waiting.
//!
//! Everything a learner sees is exact `Decimal`. Stages are added **serially**, a
//! conservative upper bound: in practice an LRT may run the beacon exit and the
//! EigenLayer delay in parallel or pay out of a buffer (switch those stages off then).
//!
//! Primary sources:
//! - ethereum/consensus-specs, Electra beacon chain, `get_balance_churn_limit`,
//!   `get_activation_exit_churn_limit`, `compute_exit_epoch_and_update_churn`,
//!   `initiate_validator_exit`:
//!   <https://github.com/ethereum/consensus-specs/blob/dev/specs/electra/beacon-chain.md>
//! - phase0 constants (`SLOTS_PER_EPOCH`, `SECONDS_PER_SLOT`, `MAX_SEED_LOOKAHEAD`,
//!   `MIN_VALIDATOR_WITHDRAWABILITY_DELAY`, `CHURN_LIMIT_QUOTIENT`):
//!   <https://github.com/ethereum/consensus-specs/blob/dev/specs/phase0/beacon-chain.md>
//! - Capella withdrawals sweep (`MAX_WITHDRAWALS_PER_PAYLOAD`):
//!   <https://github.com/ethereum/consensus-specs/blob/dev/specs/capella/beacon-chain.md>
//! - EigenLayer safety delays (`WITHDRAWAL_DELAY` = 100,800 blocks ≈ 14 days):
//!   <https://github.com/Layr-Labs/eigencloud-docs/blob/main/docs/eigenlayer/reference/safety-delays-reference.md>

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::num::{pct, unit};

/// Gwei per ETH.
const GWEI_PER_ETH: u64 = 1_000_000_000;
/// `EFFECTIVE_BALANCE_INCREMENT` = 1 ETH (phase0), in Gwei.
pub const EFFECTIVE_BALANCE_INCREMENT_GWEI: u64 = GWEI_PER_ETH;
/// `MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA` = 128 ETH (Electra config), in Gwei.
pub const MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA_GWEI: u64 = 128 * GWEI_PER_ETH;
/// `MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT` = 256 ETH (Electra config), in Gwei.
pub const MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT_GWEI: u64 = 256 * GWEI_PER_ETH;
/// `CHURN_LIMIT_QUOTIENT` = 2^16 (phase0 config).
pub const CHURN_LIMIT_QUOTIENT: u64 = 65_536;
/// `MAX_SEED_LOOKAHEAD` = 4 epochs (phase0): the earliest exit epoch is `current + 1 + 4`.
pub const MAX_SEED_LOOKAHEAD: u64 = 4;
/// `MIN_VALIDATOR_WITHDRAWABILITY_DELAY` = 256 epochs (phase0 config).
pub const MIN_VALIDATOR_WITHDRAWABILITY_DELAY: u64 = 256;
/// `SLOTS_PER_EPOCH` = 32 (phase0 preset).
pub const SLOTS_PER_EPOCH: u64 = 32;
/// `SECONDS_PER_SLOT` = 12 (phase0 config); also the execution block time.
pub const SECONDS_PER_SLOT: u64 = 12;
/// `MAX_WITHDRAWALS_PER_PAYLOAD` = 16 (Capella preset).
pub const MAX_WITHDRAWALS_PER_PAYLOAD: u64 = 16;
/// EigenLayer `WITHDRAWAL_DELAY` = 100,800 blocks (≈ 14 days at 12 s).
pub const EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS: u64 = 100_800;

/// Largest total active stake accepted, in ETH (clamped above).
pub const MAX_TOTAL_STAKE_ETH: u64 = 1_000_000_000;
/// Largest amount (own or queued ahead) accepted, in ETH.
pub const MAX_AMOUNT_ETH: u64 = 200_000_000;
/// Largest validator count accepted.
pub const MAX_VALIDATORS: u64 = 100_000_000;
/// Largest EigenLayer delay accepted, in blocks (≈ 1 year).
pub const MAX_EIGENLAYER_BLOCKS: u64 = 2_628_000;
/// Largest number of days accepted for a queue or a "not enabled" wait (10 years).
pub const MAX_DAYS: u64 = 3_650;
/// Largest annual volatility accepted, in percent.
pub const MAX_VOL_PCT: u64 = 500;

const SECONDS_PER_DAY: u64 = 86_400;

/// Errors of the exit model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExitError {
    /// A `Decimal` operation overflowed (cannot happen within the documented domain).
    Overflow,
}

/// What a stage of the timeline is, for translated labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StageKind {
    /// The protocol had not enabled withdrawals yet (e.g. stETH before Lido V2).
    WithdrawalsNotEnabled,
    /// Beacon-chain exit queue: epochs until `exit_epoch`.
    BeaconExitQueue,
    /// `MIN_VALIDATOR_WITHDRAWABILITY_DELAY` (256 epochs) until `withdrawable_epoch`.
    WithdrawabilityDelay,
    /// Waiting for the withdrawal sweep to reach the validator.
    WithdrawalSweep,
    /// EigenLayer's withdrawal delay (escrow).
    EigenLayerDelay,
    /// The liquid (re)staking protocol's own queue or cooldown.
    ProtocolQueue,
}

/// One stage of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// Which stage.
    pub kind: StageKind,
    /// Its duration in days (≥ 0).
    pub days: Decimal,
}

/// Inputs of the exit timeline.
///
/// Domains (values outside are clamped by [`ExitInputs::clamped`]):
/// `amount_eth: 0..=200_000_000`, `queued_ahead_eth: 0..=200_000_000`,
/// `total_active_stake_eth: 0..=1_000_000_000`, `validator_count: 0..=100_000_000`,
/// `eigenlayer_delay_blocks: 0..=2_628_000`, `protocol_queue_days: 0..=3650`,
/// `withdrawals_not_enabled_days: 0..=3650`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExitInputs {
    /// Your own amount to exit, in ETH.
    pub amount_eth: Decimal,
    /// ETH already in the exit queue ahead of you, in ETH.
    pub queued_ahead_eth: Decimal,
    /// Total active stake, in ETH (sets the churn limit).
    pub total_active_stake_eth: Decimal,
    /// Number of validators the withdrawal sweep walks through.
    pub validator_count: u64,
    /// Include the beacon-chain stages (exit queue, withdrawability delay, sweep).
    pub via_beacon_chain: bool,
    /// Include EigenLayer's withdrawal delay.
    pub via_eigenlayer: bool,
    /// EigenLayer withdrawal delay in blocks (12 s each).
    pub eigenlayer_delay_blocks: u64,
    /// The LRT/LST's own queue or cooldown, in days (stage omitted when 0).
    pub protocol_queue_days: Decimal,
    /// Days until the protocol enables withdrawals at all (stage omitted when 0).
    pub withdrawals_not_enabled_days: Decimal,
}

impl Default for ExitInputs {
    /// 32 ETH, empty queue, the network of 28 March 2024 (1,002,400 validators and
    /// 32,076,797 ETH staked per Dune/hildobby as reported by Coinspeaker,
    /// <https://www.coinspeaker.com/ethereum-record-1m-validators/>; rounded to 1,000,000
    /// and 32,000,000), all beacon stages, EigenLayer's 100,800-block delay
    /// (safety-delays reference above) and a 3-day LRT cooldown (Renzo's WithdrawQueue
    /// cooldown, <https://docs.renzoprotocol.com/docs/product/withdrawals>).
    fn default() -> Self {
        ExitInputs {
            amount_eth: Decimal::from(32),
            queued_ahead_eth: Decimal::ZERO,
            total_active_stake_eth: Decimal::from(32_000_000),
            validator_count: 1_000_000,
            via_beacon_chain: true,
            via_eigenlayer: true,
            eigenlayer_delay_blocks: EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS,
            protocol_queue_days: Decimal::from(3),
            withdrawals_not_enabled_days: Decimal::ZERO,
        }
    }
}

fn clamp_dec(x: Decimal, hi: u64) -> Decimal {
    x.max(Decimal::ZERO).min(Decimal::from(hi))
}

impl ExitInputs {
    /// Clamps every field to its documented domain.
    pub fn clamped(&self) -> ExitInputs {
        ExitInputs {
            amount_eth: clamp_dec(self.amount_eth, MAX_AMOUNT_ETH),
            queued_ahead_eth: clamp_dec(self.queued_ahead_eth, MAX_AMOUNT_ETH),
            total_active_stake_eth: clamp_dec(self.total_active_stake_eth, MAX_TOTAL_STAKE_ETH),
            validator_count: self.validator_count.min(MAX_VALIDATORS),
            via_beacon_chain: self.via_beacon_chain,
            via_eigenlayer: self.via_eigenlayer,
            eigenlayer_delay_blocks: self.eigenlayer_delay_blocks.min(MAX_EIGENLAYER_BLOCKS),
            protocol_queue_days: clamp_dec(self.protocol_queue_days, MAX_DAYS),
            withdrawals_not_enabled_days: clamp_dec(self.withdrawals_not_enabled_days, MAX_DAYS),
        }
    }
}

/// The timeline: stages in order and their total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// Stages in the order they happen (only the included ones).
    pub stages: Vec<Stage>,
    /// Sum of the stages, in days.
    pub total_days: Decimal,
    /// Activation/exit churn per epoch used for the exit queue, in whole ETH.
    pub exit_churn_eth_per_epoch: Decimal,
    /// Epochs from now until the exit epoch (0 when the beacon chain is skipped).
    pub exit_queue_epochs: u64,
}

/// Converts ETH to Gwei, rounding **up** (a partial Gwei still needs churn); the input
/// is clamped to the domain first so this cannot overflow.
fn eth_to_gwei_ceil(eth: Decimal) -> u128 {
    eth.max(Decimal::ZERO)
        .checked_mul(Decimal::from(GWEI_PER_ETH))
        .and_then(|g| g.ceil().to_u128())
        .unwrap_or(0)
}

/// Electra `get_activation_exit_churn_limit` in Gwei for a total active balance in Gwei:
/// `churn = max(MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA, total // CHURN_LIMIT_QUOTIENT)`,
/// rounded down to a multiple of `EFFECTIVE_BALANCE_INCREMENT`, then
/// `min(MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT, churn)`.
/// Source: consensus-specs `specs/electra/beacon-chain.md`, `get_balance_churn_limit` and
/// `get_activation_exit_churn_limit`.
pub fn activation_exit_churn_gwei(total_active_gwei: u128) -> u128 {
    let churn = (total_active_gwei / u128::from(CHURN_LIMIT_QUOTIENT))
        .max(u128::from(MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA_GWEI));
    let churn = churn - churn % u128::from(EFFECTIVE_BALANCE_INCREMENT_GWEI);
    churn.min(u128::from(MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT_GWEI))
}

/// The Electra activation/exit churn per epoch, in whole ETH, for a total active stake in
/// ETH (clamped to `0..=1e9`): 128 ETH below ≈ 8.39 M ETH staked, 256 ETH above
/// ≈ 16.78 M ETH, `floor(total / 65536)` in between. See [`activation_exit_churn_gwei`].
pub fn exit_churn_eth(total_active_stake_eth: Decimal) -> Decimal {
    // get_total_active_balance sums whole-Gwei balances: take the floor in Gwei.
    let total = clamp_dec(total_active_stake_eth, MAX_TOTAL_STAKE_ETH)
        .checked_mul(Decimal::from(GWEI_PER_ETH))
        .and_then(|g| g.floor().to_u128())
        .unwrap_or(0);
    let churn = activation_exit_churn_gwei(total);
    Decimal::from(churn / u128::from(GWEI_PER_ETH))
}

/// Epochs from the current epoch until the exit epoch for `amount` Gwei exiting behind
/// `ahead` Gwei, mirroring `compute_exit_epoch_and_update_churn` with a fresh budget:
/// the earliest exit epoch is `current + 1 + MAX_SEED_LOOKAHEAD` (= current + 5), and
/// when `ahead + amount` exceeds one epoch's churn `C` the exit moves
/// `(ahead + amount − C − 1) // C + 1` epochs later.
///
/// Assumption: the queue ahead starts at the earliest exit epoch with a full budget
/// (the spec consumes exits one by one; the sum gives the same last epoch).
pub fn exit_queue_epochs(ahead_gwei: u128, amount_gwei: u128, churn_gwei: u128) -> u64 {
    let base = 1 + MAX_SEED_LOOKAHEAD;
    if churn_gwei == 0 {
        return base;
    }
    let total = ahead_gwei.saturating_add(amount_gwei);
    let extra = if total > churn_gwei {
        (total - churn_gwei - 1) / churn_gwei + 1
    } else {
        0
    };
    base.saturating_add(u64::try_from(extra).unwrap_or(u64::MAX))
}

/// Epochs per day: `86 400 s / (32 × 12 s) = 225` exactly.
const EPOCHS_PER_DAY: u64 = SECONDS_PER_DAY / (SLOTS_PER_EPOCH * SECONDS_PER_SLOT);

/// Epochs to days: one epoch is `1/225` day.
fn epochs_to_days(epochs: u64) -> Decimal {
    Decimal::from(epochs) / Decimal::from(EPOCHS_PER_DAY)
}

/// Expected wait for the withdrawal sweep, in days: a full sweep takes
/// `validators / MAX_WITHDRAWALS_PER_PAYLOAD` slots (assuming nearly every validator has
/// something to withdraw, so each payload carries 16 withdrawals); a validator that
/// just became withdrawable waits on average half of it:
/// `days = validators / 16 / 2 × 12 s / 86 400 s = validators / 230 400`.
/// Source: `get_expected_withdrawals`, consensus-specs `specs/capella/beacon-chain.md`.
pub fn sweep_expected_days(validator_count: u64) -> Decimal {
    let v = validator_count.min(MAX_VALIDATORS);
    Decimal::from(v)
        / Decimal::from(2 * MAX_WITHDRAWALS_PER_PAYLOAD * SECONDS_PER_DAY / SECONDS_PER_SLOT)
}

/// EigenLayer withdrawal delay in days: `blocks × 12 s / 86 400 s = blocks / 7200`
/// (100,800 blocks → 14 days).
pub fn eigenlayer_delay_days(blocks: u64) -> Decimal {
    Decimal::from(blocks.min(MAX_EIGENLAYER_BLOCKS))
        / Decimal::from(SECONDS_PER_DAY / SECONDS_PER_SLOT)
}

/// Builds the timeline (see [`StageKind`] for the stages, in this order:
/// withdrawals-not-enabled, beacon exit queue, withdrawability delay, sweep, EigenLayer
/// delay, protocol queue). Inputs are clamped; the result never fails in the domain.
///
/// Beacon exit queue days = `exit_queue_epochs / 225`; withdrawability = `256 / 225`
/// ≈ 1.14 days; sweep = `validators / 230 400`; EigenLayer = `blocks / 7200`.
pub fn timeline(inputs: &ExitInputs) -> Timeline {
    let inp = inputs.clamped();
    let mut stages = Vec::new();
    if inp.withdrawals_not_enabled_days > Decimal::ZERO {
        stages.push(Stage {
            kind: StageKind::WithdrawalsNotEnabled,
            days: inp.withdrawals_not_enabled_days,
        });
    }
    let churn_eth = exit_churn_eth(inp.total_active_stake_eth);
    let mut exit_epochs = 0;
    if inp.via_beacon_chain {
        let churn = u128::from(churn_eth.to_u64().unwrap_or(0)) * u128::from(GWEI_PER_ETH);
        exit_epochs = exit_queue_epochs(
            eth_to_gwei_ceil(inp.queued_ahead_eth),
            eth_to_gwei_ceil(inp.amount_eth),
            churn,
        );
        stages.push(Stage {
            kind: StageKind::BeaconExitQueue,
            days: epochs_to_days(exit_epochs),
        });
        stages.push(Stage {
            kind: StageKind::WithdrawabilityDelay,
            days: epochs_to_days(MIN_VALIDATOR_WITHDRAWABILITY_DELAY),
        });
        stages.push(Stage {
            kind: StageKind::WithdrawalSweep,
            days: sweep_expected_days(inp.validator_count),
        });
    }
    if inp.via_eigenlayer {
        stages.push(Stage {
            kind: StageKind::EigenLayerDelay,
            days: eigenlayer_delay_days(inp.eigenlayer_delay_blocks),
        });
    }
    if inp.protocol_queue_days > Decimal::ZERO {
        stages.push(Stage {
            kind: StageKind::ProtocolQueue,
            days: inp.protocol_queue_days,
        });
    }
    // Each stage is at most 3650 days or ~4.5e5 days for the exit queue: no overflow.
    let total_days = stages
        .iter()
        .fold(Decimal::ZERO, |acc, s| acc.saturating_add(s.days));
    Timeline {
        stages,
        total_days,
        exit_churn_eth_per_epoch: churn_eth,
        exit_queue_epochs: exit_epochs,
    }
}

/// `Φ⁻¹(0.95)`, the standard normal 95 % quantile (so `Φ⁻¹(0.05) = −Z95`).
pub const Z95: Decimal = Decimal::from_parts(1_231_775_719, 3_829_723, 0, false, 16); // 1.6448536269514727

/// Inputs of the sell-now-or-redeem comparison.
///
/// Domains: `amount: 0..=200_000_000` token units (each redeemable for 1 ETH at par),
/// `discount_pct: 0..=100`, `wait_days: 0..=3650`, `eth_price: 0..=1e9` (fiat per ETH;
/// 1 = "in units of today's price"), `eth_vol_annual_pct: 0..=500`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SellVsRedeemInputs {
    /// Amount of the token, valued at 1 ETH each when redeemed.
    pub amount: Decimal,
    /// Market discount to par if you sell now, in percent.
    pub discount_pct: Decimal,
    /// Days until redemption pays out (usually [`Timeline::total_days`]).
    pub wait_days: Decimal,
    /// ETH price today in fiat (1 = express fiat values as multiples of today's price).
    pub eth_price: Decimal,
    /// Annualised volatility σ of the ETH price, in percent.
    pub eth_vol_annual_pct: Decimal,
}

impl Default for SellVsRedeemInputs {
    /// 32 tokens, 1 % discount, the default timeline's wait, price 1 (relative units),
    /// σ = 60 %/yr. The 60 % is an **illustrative round number** in the range of ETH's
    /// historical realised volatility (Glassnode's 1-month realised volatility fell to a
    /// historically *low* 39.8 % in December 2022, <https://coinweeklymag.com/ethereum-1-month-realized-volatility-drops-to-rare-level-seen-only-thrice-in-history/>);
    /// the 1 % discount is illustrative too.
    fn default() -> Self {
        SellVsRedeemInputs {
            amount: Decimal::from(32),
            discount_pct: Decimal::ONE,
            wait_days: timeline(&ExitInputs::default()).total_days,
            eth_price: Decimal::ONE,
            eth_vol_annual_pct: Decimal::from(60),
        }
    }
}

impl SellVsRedeemInputs {
    /// Clamps every field to its documented domain.
    pub fn clamped(&self) -> SellVsRedeemInputs {
        SellVsRedeemInputs {
            amount: clamp_dec(self.amount, MAX_AMOUNT_ETH),
            discount_pct: clamp_dec(self.discount_pct, 100),
            wait_days: clamp_dec(self.wait_days, MAX_DAYS),
            eth_price: clamp_dec(self.eth_price, MAX_TOTAL_STAKE_ETH),
            eth_vol_annual_pct: clamp_dec(self.eth_vol_annual_pct, MAX_VOL_PCT),
        }
    }
}

/// Result of the sell-now-or-redeem comparison.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SellVsRedeem {
    /// ETH received by selling now: `amount · (1 − discount)`.
    pub sell_now_eth: Decimal,
    /// ETH received by redeeming at the end of the wait: `amount`.
    pub redeem_eth: Decimal,
    /// ETH given up by selling now: `amount · discount`.
    pub discount_cost_eth: Decimal,
    /// Simple annualised return a buyer earns by buying at the discount and redeeming:
    /// `d / (1 − d) · 365 / wait_days` (fraction per year; `None` if the wait is 0 or
    /// the discount is 100 %).
    pub implied_annual_rate: Option<Decimal>,
    /// Fiat value of selling now: `sell_now_eth · price`.
    pub sell_now_fiat: Decimal,
    /// ETH price after the wait, 5th percentile.
    pub price_p5: Decimal,
    /// ETH price after the wait, median (= today's price under zero log-drift).
    pub price_p50: Decimal,
    /// ETH price after the wait, 95th percentile.
    pub price_p95: Decimal,
    /// Fiat value of redeeming, 5th percentile: `amount · price_p5`.
    pub redeem_fiat_p5: Decimal,
    /// Fiat value of redeeming, median.
    pub redeem_fiat_p50: Decimal,
    /// Fiat value of redeeming, 95th percentile.
    pub redeem_fiat_p95: Decimal,
    /// Probability that redeeming ends up worth less in fiat than selling now:
    /// `P(S_T < (1 − d) S_0) = Φ(ln(1 − d) / (σ √(T/365)))`.
    pub prob_redeem_below_sell_fiat: Decimal,
}

/// `sqrt(x)` for `x ≥ 0`: rust_decimal's Newton iteration (about eight times faster
/// than `exp(ln(x)/2)` and as exact to 27 places), with `exp(ln(x)/2)` as the fallback
/// should the iteration give up.
fn sqrt_dec(x: Decimal) -> Option<Decimal> {
    if x <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    x.sqrt()
        .or_else(|| x.checked_ln()?.checked_div(Decimal::TWO)?.checked_exp())
}

/// Compares selling the token now at a discount with redeeming it through the queues.
///
/// Price model (an assumption, documented for the learner): the ETH price after `T`
/// days is lognormal with **zero log-drift**, `ln(S_T / S_0) ~ N(0, σ² T/365)`, so
/// `S_T = S_0 · exp(z σ √(T/365))` at the standard-normal quantile `z` (±1.6449 for the
/// 5th/95th percentiles); the median is `S_0` and the mean `S_0 e^{σ²T/730}`.
/// Reference: J. C. Hull, *Options, Futures, and Other Derivatives*, ch. "The
/// Black–Scholes–Merton model" (lognormal property of stock prices), with μ − σ²/2 = 0.
///
/// In ETH terms redeeming always returns more (`amount` vs `amount·(1 − d)`); in fiat it
/// carries the price risk of the wait, which selling now (and converting) avoids.
pub fn sell_vs_redeem(inputs: &SellVsRedeemInputs) -> Result<SellVsRedeem, ExitError> {
    let i = inputs.clamped();
    let d = unit(pct(i.discount_pct));
    let o = |x: Option<Decimal>| x.ok_or(ExitError::Overflow);
    let sell_now_eth = o(i.amount.checked_mul(Decimal::ONE - d))?;
    let discount_cost_eth = o(i.amount.checked_mul(d))?;
    let implied_annual_rate = if i.wait_days > Decimal::ZERO && d < Decimal::ONE {
        d.checked_div(Decimal::ONE - d)
            .and_then(|x| x.checked_mul(Decimal::from(365)))
            .and_then(|x| x.checked_div(i.wait_days))
    } else {
        None
    };
    let band = price_band(&i)?;
    let prob = if d >= Decimal::ONE {
        Decimal::ZERO
    } else if band.vol_t.is_zero() || d.is_zero() {
        // deterministic price, or a tie at zero discount: redeeming is never strictly worse
        // in the deterministic case; at d = 0 the median splits evenly.
        if band.vol_t.is_zero() {
            Decimal::ZERO
        } else {
            Decimal::new(5, 1)
        }
    } else {
        let ln = o((Decimal::ONE - d).checked_ln())?;
        let z = o(ln.checked_div(band.vol_t))?
            .max(Decimal::from(-6))
            .min(Decimal::from(6));
        unit(z.norm_cdf())
    };
    Ok(SellVsRedeem {
        sell_now_eth,
        redeem_eth: i.amount,
        discount_cost_eth,
        implied_annual_rate,
        sell_now_fiat: o(sell_now_eth.checked_mul(i.eth_price))?,
        price_p5: band.p5,
        price_p50: band.p50,
        price_p95: band.p95,
        redeem_fiat_p5: o(i.amount.checked_mul(band.p5))?,
        redeem_fiat_p50: o(i.amount.checked_mul(band.p50))?,
        redeem_fiat_p95: o(i.amount.checked_mul(band.p95))?,
        prob_redeem_below_sell_fiat: prob,
    })
}

/// The ETH price band after the wait (the lognormal model of [`sell_vs_redeem`]), for
/// clamped inputs.
struct PriceBand {
    /// `σ √(T/365)`.
    vol_t: Decimal,
    p5: Decimal,
    p50: Decimal,
    p95: Decimal,
}

fn price_band(i: &SellVsRedeemInputs) -> Result<PriceBand, ExitError> {
    let o = |x: Option<Decimal>| x.ok_or(ExitError::Overflow);
    let sigma = pct(i.eth_vol_annual_pct);
    let years = i.wait_days / Decimal::from(365);
    let vol_t = o(sqrt_dec(years).and_then(|s| s.checked_mul(sigma)))?; // σ √(T/365) ≤ 5 × 3.2
    let up = o(vol_t.checked_mul(Z95).and_then(|x| x.checked_exp()))?;
    let down = o(Decimal::ONE.checked_div(up))?;
    Ok(PriceBand {
        vol_t,
        p5: o(i.eth_price.checked_mul(down))?,
        p50: i.eth_price,
        p95: o(i.eth_price.checked_mul(up))?,
    })
}

/// One point of [`redeem_fan`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FanPoint {
    /// The wait, days.
    pub wait_days: Decimal,
    /// [`SellVsRedeem::sell_now_fiat`] (the same at every wait).
    pub sell_now_fiat: Decimal,
    /// [`SellVsRedeem::redeem_fiat_p5`] after this wait.
    pub redeem_fiat_p5: Decimal,
    /// [`SellVsRedeem::redeem_fiat_p50`] after this wait.
    pub redeem_fiat_p50: Decimal,
    /// [`SellVsRedeem::redeem_fiat_p95`] after this wait.
    pub redeem_fiat_p95: Decimal,
}

/// Selling now against redeeming after each of `steps + 1` waits evenly spaced from 0
/// to `inputs.wait_days` (a fan chart): at every wait `t` the same numbers as
/// `sell_vs_redeem` with `wait_days = t`, without what a fan does not show (the
/// probability, whose `ln` and normal CDF were most of the cost of 41 calls).
pub fn redeem_fan(inputs: &SellVsRedeemInputs, steps: u32) -> Result<Vec<FanPoint>, ExitError> {
    let i = inputs.clamped();
    let o = |x: Option<Decimal>| x.ok_or(ExitError::Overflow);
    let d = unit(pct(i.discount_pct));
    let sell_now_fiat = o(i
        .amount
        .checked_mul(Decimal::ONE - d)
        .and_then(|x| x.checked_mul(i.eth_price)))?;
    let steps = steps.max(1);
    (0..=steps)
        .map(|k| {
            let t = i.wait_days * Decimal::from(k) / Decimal::from(steps);
            let at = SellVsRedeemInputs { wait_days: t, ..i }.clamped();
            let band = price_band(&at)?;
            Ok(FanPoint {
                wait_days: t,
                sell_now_fiat,
                redeem_fiat_p5: o(at.amount.checked_mul(band.p5))?,
                redeem_fiat_p50: o(at.amount.checked_mul(band.p50))?,
                redeem_fiat_p95: o(at.amount.checked_mul(band.p95))?,
            })
        })
        .collect()
}

/// Historical episodes with sourced numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Preset {
    /// Lido stETH, June 2022: no withdrawals possible before Shapella (12 April 2023)
    /// and Lido V2 (15 May 2023).
    StEthJune2022,
    /// Renzo ezETH, 24 April 2024: a brief crash to ≈ 0.22 ETH on a DEX pool before
    /// Renzo had enabled withdrawals.
    EzEthApril2024,
}

/// A preset: the timeline inputs and the sell-or-redeem inputs of the episode.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Which episode.
    pub preset: Preset,
    /// Timeline inputs (hindsight: the "not enabled" wait is the real delay that followed).
    pub exit: ExitInputs,
    /// Sell-or-redeem inputs (`wait_days` = the timeline total).
    pub sell: SellVsRedeemInputs,
}

/// The preset's numbers and sources.
///
/// **stETH, June 2022.** Curve's stETH/ETH rate fell to a low of ≈ 0.94 on 11 June 2022
/// (Nansen, "On-Chain Forensics: Demystifying stETH's 'De-peg'",
/// <https://www.nansen.ai/research/on-chain-forensics-demystifying-steth-depeg>), i.e. a
/// 6 % discount; ForkLog (citing Dune and CoinDesk) reported in June 2022 that the
/// discount "had surpassed 6 %"
/// (<https://forklog.com/en/news/since-early-may-the-largest-steth-liquidity-pool-has-shrunk-sevenfold>).
/// We could **not** confirm a discount as large as 8 % in a primary source, so the
/// preset uses 6 %. Beacon-chain withdrawals arrived with Shapella on 12 April 2023
/// (<https://blog.ethereum.org/2023/03/28/shapella-mainnet-announcement>) and Lido's own
/// withdrawals with the Lido V2 vote enacted 15 May 2023
/// (<https://research.lido.fi/t/lido-v2-voting-announcement/4576>): 11 June 2022 →
/// 15 May 2023 = 338 days of "withdrawals not enabled". Later queue time is not modelled.
///
/// **ezETH, 24 April 2024.** ezETH traded "as low as 0.22 ETH" for about an hour, with
/// only $27 M of ETH liquidity on mainnet pools and no withdrawals
/// (Bankless, "Renzo Madness", <https://www.bankless.com/renzo-madness>). Renzo's
/// withdrawal upgrade went live on 10–11 June 2024
/// (<https://docs.renzoprotocol.com/docs/product/withdrawals/solving-the-cold-start-problem>):
/// 24 April → 10 June 2024 = 47 days, then Renzo's 3-day WithdrawQueue cooldown when its
/// buffer has funds (<https://docs.renzoprotocol.com/docs/product/withdrawals>).
///
/// Both presets switch the beacon-chain and EigenLayer stages off (the protocols paid
/// out of their own queues) and use price 1 (relative units) and the default 60 %/yr
/// volatility (illustrative).
pub fn preset(p: Preset) -> Scenario {
    let base = ExitInputs {
        via_beacon_chain: false,
        via_eigenlayer: false,
        ..ExitInputs::default()
    };
    let (exit, discount) = match p {
        Preset::StEthJune2022 => (
            ExitInputs {
                protocol_queue_days: Decimal::ZERO,
                withdrawals_not_enabled_days: Decimal::from(338),
                ..base
            },
            Decimal::from(6),
        ),
        Preset::EzEthApril2024 => (
            ExitInputs {
                protocol_queue_days: Decimal::from(3),
                withdrawals_not_enabled_days: Decimal::from(47),
                ..base
            },
            Decimal::from(78),
        ),
    };
    let sell = SellVsRedeemInputs {
        discount_pct: discount,
        wait_days: timeline(&exit).total_days,
        ..SellVsRedeemInputs::default()
    };
    Scenario {
        preset: p,
        exit,
        sell,
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
    fn close(a: Decimal, b: Decimal, tol: &str) -> bool {
        (a - b).abs() <= d(tol)
    }
    const G: u128 = 1_000_000_000;

    // Golden: consensus-specs Electra get_activation_exit_churn_limit. 34M ETH:
    // 34e15 Gwei // 65536 = 518,798,828,125 Gwei -> 518 ETH after rounding -> capped at 256.
    // 6M ETH: 91.55 ETH < 128 -> floor 128.
    #[test]
    fn golden_electra_churn_limits() {
        assert_eq!(exit_churn_eth(d("34000000")), d("256"));
        assert_eq!(exit_churn_eth(d("6000000")), d("128"));
        assert_eq!(activation_exit_churn_gwei(34_000_000 * G), 256 * G);
    }

    #[test]
    fn it_churn_rounds_down_to_increment() {
        // 10M: 152.587890625 ETH -> 152 ETH (not capped, above the floor)
        assert_eq!(activation_exit_churn_gwei(10_000_000 * G), 152 * G);
        assert_eq!(exit_churn_eth(d("10000000")), d("152"));
        // 16.7M: 254.82 -> 254; 2^24 ETH: exactly 256; 8,388,608 = 2^23: exactly 128
        assert_eq!(exit_churn_eth(d("16700000")), d("254"));
        assert_eq!(exit_churn_eth(d("16777216")), d("256"));
        assert_eq!(exit_churn_eth(d("8388608")), d("128"));
        assert_eq!(exit_churn_eth(d("8454144")), d("129")); // 129 × 65536
        assert_eq!(exit_churn_eth(d("8454143.999")), d("128"));
        assert_eq!(exit_churn_eth(Decimal::ZERO), d("128"));
        assert_eq!(exit_churn_eth(Decimal::MAX), d("256"));
    }

    // Golden: compute_exit_epoch_and_update_churn — the first exit fits in the earliest
    // epoch (current + 1 + MAX_SEED_LOOKAHEAD = current + 5); more balance spills over.
    #[test]
    fn golden_exit_epoch_spill_over() {
        let c = 256 * G;
        assert_eq!(exit_queue_epochs(0, 32 * G, c), 5);
        assert_eq!(exit_queue_epochs(224 * G, 32 * G, c), 5); // exactly one epoch's churn
        assert_eq!(exit_queue_epochs(224 * G, 33 * G, c), 6);
        // 100,000 ETH ahead + 32 ETH at 256 ETH/epoch: (100032−256−1)//256+1 = 390 -> 395
        assert_eq!(exit_queue_epochs(100_000 * G, 32 * G, c), 395);
        assert_eq!(exit_queue_epochs(0, 0, 0), 5);
    }

    // Golden: EigenLayer WITHDRAWAL_DELAY = 100,800 blocks (~14 days) at 12 s per block.
    #[test]
    fn golden_eigenlayer_fourteen_days() {
        assert_eq!(
            eigenlayer_delay_days(EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS),
            d("14")
        );
        assert_eq!(eigenlayer_delay_days(50_400), d("7"));
    }

    #[test]
    fn it_sweep_and_withdrawability_days() {
        // 1,000,000 validators: 62,500 slots per sweep, half = 31,250 slots × 12 s = 375,000 s
        assert!(close(
            sweep_expected_days(1_000_000),
            d("4.3402777777777777777777777778"),
            "1e-25"
        ));
        assert_eq!(sweep_expected_days(230_400), d("1"));
        // 256 epochs × 384 s = 98,304 s = 1.137777... days
        assert!(close(
            epochs_to_days(256),
            d("1.1377777777777777777777777778"),
            "1e-25"
        ));
        assert_eq!(epochs_to_days(225), d("1"));
    }

    #[test]
    fn it_default_timeline_hand_total() {
        let t = timeline(&ExitInputs::default());
        let kinds: Vec<_> = t.stages.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                StageKind::BeaconExitQueue,
                StageKind::WithdrawabilityDelay,
                StageKind::WithdrawalSweep,
                StageKind::EigenLayerDelay,
                StageKind::ProtocolQueue
            ]
        );
        assert_eq!(t.exit_churn_eth_per_epoch, d("256")); // 32M ETH -> 488 -> capped
        assert_eq!(t.exit_queue_epochs, 5);
        // 5/225 + 256/225 + 1e6/230400 + 14 + 3 = 261/225 + 4.340277... + 17
        let want = d("261") / d("225") + d("1000000") / d("230400") + d("17");
        assert!(close(t.total_days, want, "1e-24"));
        assert!(close(
            t.total_days,
            d("22.5002777777777777777777778"),
            "1e-20"
        ));
    }

    #[test]
    fn it_long_queue() {
        let t = timeline(&ExitInputs {
            queued_ahead_eth: d("1000000"),
            amount_eth: d("32"),
            total_active_stake_eth: d("34000000"),
            via_eigenlayer: false,
            protocol_queue_days: Decimal::ZERO,
            ..ExitInputs::default()
        });
        // (1,000,032 − 256 − 1)//256 + 1 = 3906 -> 3911 epochs = 17.3822... days
        assert_eq!(t.exit_queue_epochs, 3911);
        assert!(close(t.stages[0].days, d("3911") / d("225"), "1e-25"));
    }

    // Golden: stETH June 2022 (Nansen low 0.94; Lido V2 withdrawals 338 days later).
    #[test]
    fn golden_steth_june_2022() {
        let s = preset(Preset::StEthJune2022);
        let t = timeline(&s.exit);
        assert_eq!(t.total_days, d("338"));
        assert_eq!(t.stages[0].kind, StageKind::WithdrawalsNotEnabled);
        let r = sell_vs_redeem(&SellVsRedeemInputs {
            amount: d("100"),
            ..s.sell
        })
        .unwrap();
        assert_eq!(r.sell_now_eth, d("94"));
        assert_eq!(r.discount_cost_eth, d("6"));
        // 0.06/0.94 × 365/338 = 0.068929... per year
        assert!(close(
            r.implied_annual_rate.unwrap(),
            d("0.0689286163918"),
            "1e-12"
        ));
        // σ√T = 0.6 √(338/365) = 0.577380...; p95 = exp(1.6448536 × 0.57738) = 2.58...
        let vol_t = 0.6 * (338.0f64 / 365.0).sqrt();
        let p95 = (1.6448536269514727 * vol_t).exp();
        assert!((crate::model::num::to_f64(r.price_p95) - p95).abs() < 1e-9);
        assert!((crate::model::num::to_f64(r.price_p5) - 1.0 / p95).abs() < 1e-9);
        assert_eq!(r.price_p50, Decimal::ONE);
        // P(S_T < 0.94) = Φ(ln 0.94 / 0.57738) = Φ(−0.10716...) ≈ 0.4573
        assert!(close(r.prob_redeem_below_sell_fiat, d("0.4573"), "0.0005"));
    }

    // Golden: ezETH 24 April 2024 (Bankless: as low as 0.22 ETH; withdrawals from 10 June).
    #[test]
    fn golden_ezeth_april_2024() {
        let s = preset(Preset::EzEthApril2024);
        let t = timeline(&s.exit);
        assert_eq!(t.total_days, d("50"));
        let r = sell_vs_redeem(&SellVsRedeemInputs {
            amount: d("10"),
            ..s.sell
        })
        .unwrap();
        assert_eq!(r.sell_now_eth, d("2.2"));
        assert_eq!(r.redeem_eth, d("10"));
        // 0.78/0.22 × 365/50 = 25.8818... per year
        assert!(close(
            r.implied_annual_rate.unwrap(),
            d("25.881818181818"),
            "1e-9"
        ));
        // selling at 0.22 loses in fiat unless ETH falls 78 %: Φ(ln 0.22 / (0.6 √(50/365)))
        assert!(r.prob_redeem_below_sell_fiat < d("0.0001"));
    }

    #[test]
    fn it_sell_vs_redeem_edges() {
        let base = SellVsRedeemInputs::default();
        let r = sell_vs_redeem(&SellVsRedeemInputs {
            wait_days: Decimal::ZERO,
            ..base
        })
        .unwrap();
        assert_eq!((r.price_p5, r.price_p95), (Decimal::ONE, Decimal::ONE));
        assert_eq!(r.implied_annual_rate, None);
        assert_eq!(r.prob_redeem_below_sell_fiat, Decimal::ZERO);
        let r = sell_vs_redeem(&SellVsRedeemInputs {
            discount_pct: d("100"),
            ..base
        })
        .unwrap();
        assert_eq!(
            (r.sell_now_eth, r.implied_annual_rate),
            (Decimal::ZERO, None)
        );
        let r = sell_vs_redeem(&SellVsRedeemInputs {
            discount_pct: Decimal::ZERO,
            ..base
        })
        .unwrap();
        assert_eq!(r.prob_redeem_below_sell_fiat, d("0.5"));
        assert_eq!(r.implied_annual_rate, Some(Decimal::ZERO));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_timeline_never_panics_and_is_consistent(
            a in any::<i64>(), q in any::<i64>(), tot in any::<i64>(), sc in 0u32..28,
            v in any::<u64>(), b in any::<u64>(), pq in any::<i64>(), ne in any::<i64>(),
            beacon in any::<bool>(), el in any::<bool>()
        ) {
            let t = timeline(&ExitInputs {
                amount_eth: Decimal::new(a, sc),
                queued_ahead_eth: Decimal::new(q, sc),
                total_active_stake_eth: Decimal::new(tot, sc),
                validator_count: v,
                via_beacon_chain: beacon,
                via_eigenlayer: el,
                eigenlayer_delay_blocks: b,
                protocol_queue_days: Decimal::new(pq, sc),
                withdrawals_not_enabled_days: Decimal::new(ne, sc),
            });
            let sum: Decimal = t.stages.iter().map(|s| s.days).sum();
            prop_assert_eq!(sum, t.total_days);
            prop_assert!(t.stages.iter().all(|s| s.days >= Decimal::ZERO));
            prop_assert!(t.exit_churn_eth_per_epoch >= d("128") && t.exit_churn_eth_per_epoch <= d("256"));
        }

        // More ETH queued ahead never shortens the wait; more stake never lowers the churn.
        #[test]
        fn prop_monotone(q1 in 0u64..5_000_000, dq in 0u64..5_000_000, s1 in 0u64..60_000_000, ds in 0u64..60_000_000) {
            let base = ExitInputs { total_active_stake_eth: Decimal::from(s1), ..ExitInputs::default() };
            let a = timeline(&ExitInputs { queued_ahead_eth: Decimal::from(q1), ..base });
            let b = timeline(&ExitInputs { queued_ahead_eth: Decimal::from(q1 + dq), ..base });
            prop_assert!(b.total_days >= a.total_days);
            prop_assert!(exit_churn_eth(Decimal::from(s1 + ds)) >= exit_churn_eth(Decimal::from(s1)));
        }

        #[test]
        fn prop_sell_vs_redeem_never_panics_and_orders(
            amt in any::<i64>(), disc in any::<i64>(), wait in any::<i64>(), price in any::<i64>(), vol in any::<i64>(), sc in 0u32..28
        ) {
            let r = sell_vs_redeem(&SellVsRedeemInputs {
                amount: Decimal::new(amt, sc),
                discount_pct: Decimal::new(disc, sc),
                wait_days: Decimal::new(wait, sc),
                eth_price: Decimal::new(price, sc),
                eth_vol_annual_pct: Decimal::new(vol, sc),
            }).unwrap();
            prop_assert!(r.sell_now_eth <= r.redeem_eth);
            prop_assert!(r.sell_now_eth >= Decimal::ZERO);
            prop_assert!(r.price_p5 <= r.price_p50 && r.price_p50 <= r.price_p95);
            prop_assert!(r.redeem_fiat_p5 <= r.redeem_fiat_p95);
            prop_assert!(r.prob_redeem_below_sell_fiat >= Decimal::ZERO && r.prob_redeem_below_sell_fiat <= Decimal::ONE);
        }

        // The fan is sell_vs_redeem at each of its waits, exactly (whatever the inputs).
        #[test]
        fn prop_fan_is_sell_vs_redeem_at_each_wait(
            amt in any::<i64>(), disc in any::<i64>(), wait in any::<i64>(), price in any::<i64>(), vol in any::<i64>(), sc in 0u32..28, steps in 0u32..50
        ) {
            let inputs = SellVsRedeemInputs {
                amount: Decimal::new(amt, sc),
                discount_pct: Decimal::new(disc, sc),
                wait_days: Decimal::new(wait, sc),
                eth_price: Decimal::new(price, sc),
                eth_vol_annual_pct: Decimal::new(vol, sc),
            };
            let fan = redeem_fan(&inputs, steps).unwrap();
            prop_assert_eq!(fan.len() as u32, steps.max(1) + 1);
            prop_assert_eq!(fan[0].wait_days, Decimal::ZERO);
            prop_assert_eq!(fan[fan.len() - 1].wait_days, inputs.clamped().wait_days);
            for p in &fan {
                let r = sell_vs_redeem(&SellVsRedeemInputs { wait_days: p.wait_days, ..inputs.clamped() }).unwrap();
                prop_assert_eq!(p.sell_now_fiat, r.sell_now_fiat);
                prop_assert_eq!(p.redeem_fiat_p5, r.redeem_fiat_p5);
                prop_assert_eq!(p.redeem_fiat_p50, r.redeem_fiat_p50);
                prop_assert_eq!(p.redeem_fiat_p95, r.redeem_fiat_p95);
            }
        }

        // A longer wait widens the price band.
        #[test]
        fn prop_longer_wait_wider_band(w in 0u32..3000, dw in 0u32..650, vol in 0u32..300) {
            let base = SellVsRedeemInputs { eth_vol_annual_pct: Decimal::from(vol), ..SellVsRedeemInputs::default() };
            let a = sell_vs_redeem(&SellVsRedeemInputs { wait_days: Decimal::from(w), ..base }).unwrap();
            let b = sell_vs_redeem(&SellVsRedeemInputs { wait_days: Decimal::from(w + dw), ..base }).unwrap();
            prop_assert!(b.price_p95 >= a.price_p95 - d("1e-20"));
            prop_assert!(b.price_p5 <= a.price_p5 + d("1e-20"));
        }

        // The square root used for σ√T: exact to 1e-20 relative over the wait domain
        // (0 to MAX_DAYS days, in years), and equal to the ln/exp form it replaced.
        #[test]
        fn prop_sqrt_dec_is_a_square_root(n in 0u64..=MAX_DAYS * 1_000_000) {
            let x = Decimal::from(n) / Decimal::from(365_000_000u64);
            let r = sqrt_dec(x).unwrap();
            prop_assert!(r >= Decimal::ZERO);
            prop_assert!((r * r - x).abs() <= x * d("1e-20") + d("1e-26"), "{x}: {r}");
            if x > Decimal::ZERO {
                let old = x.checked_ln().unwrap().checked_div(Decimal::TWO).unwrap().checked_exp().unwrap();
                prop_assert!((r - old).abs() <= r * d("1e-20"), "{x}: {r} vs {old}");
            }
        }
    }
}
