//! Yield and fee waterfall of a (re)staked ETH position: consensus-layer issuance
//! (entered directly or derived from total ETH staked with the consensus specs' base
//! reward), execution-layer tips/MEV, the liquid-staking fee, restaking rewards weighted
//! by the stake allocated to each service, the operator's split, the liquid-restaking
//! protocol fee and an expected slashing loss. Then APR → APY for a compounding
//! frequency, and the value of a position over time.
//!
//! All rates are in percent (`2.85` means 2.85 % per year) in inputs and outputs; the
//! maths runs on fractions internally. APR is the simple annual rate; APY is the
//! effective annual rate after compounding, `(1 + APR/n)^n − 1` — the two are never mixed.
//!
//! Sources:
//! - Base reward: ethereum/consensus-specs, Altair `get_base_reward_per_increment`,
//!   <https://github.com/ethereum/consensus-specs/blob/dev/specs/altair/beacon-chain.md#get_base_reward_per_increment>.
//! - Lido fee: Lido docs, "What fee is applied by Lido" (10 % of staking rewards, split
//!   between node operators and the DAO treasury), <https://docs.lido.fi/>.
//! - Operator split: ELIP-001 Rewards v2 / ELIP-002 (global default operator fee 10 %),
//!   <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md>.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// `EFFECTIVE_BALANCE_INCREMENT` = 10⁹ Gwei (1 ETH), consensus-specs phase0 preset.
pub const EFFECTIVE_BALANCE_INCREMENT_GWEI: u64 = 1_000_000_000;
/// `BASE_REWARD_FACTOR` = 64, consensus-specs phase0 preset.
pub const BASE_REWARD_FACTOR: u64 = 64;
/// Epochs per year, `365.25 days × 225 epochs/day` (an epoch is 32 slots × 12 s = 384 s,
/// and 86 400 / 384 = 225) = 82 181.25.
pub const EPOCHS_PER_YEAR: Decimal = Decimal::from_parts(8_218_125, 0, 0, false, 2);
/// Smallest total ETH staked accepted by [`consensus_apr_pct_from_total_staked`] (100 000 ETH).
pub const MIN_TOTAL_STAKED_ETH: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);
/// Largest total ETH staked accepted (200 M ETH, more than the whole ETH supply).
pub const MAX_TOTAL_STAKED_ETH: Decimal = Decimal::from_parts(200_000_000, 0, 0, false, 0);
/// Largest number of restaking services in [`YieldInputs::services`].
pub const MAX_SERVICES: usize = 32;
/// Largest principal accepted by [`position_value`] (10¹² ETH or any unit).
pub const MAX_PRINCIPAL: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// Largest horizon in years for [`position_value`].
pub const MAX_YEARS: u32 = 50;

/// Errors of the yield model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum YieldError {
    /// A `Decimal` operation overflowed (e.g. a huge APR compounded for decades).
    Overflow,
}

fn ovf<T>(x: Option<T>) -> Result<T, YieldError> {
    x.ok_or(YieldError::Overflow)
}

fn clamp(x: Decimal, lo: Decimal, hi: Decimal) -> Decimal {
    x.max(lo).min(hi)
}

fn pct_domain(x: Decimal) -> Decimal {
    clamp(x, Decimal::ZERO, Decimal::ONE_HUNDRED)
}

/// The spec's `integer_squareroot` (Newton's method on integers, phase0 helpers):
/// the largest `x` with `x² ≤ n`. Never panics.
pub fn integer_squareroot(n: u64) -> u64 {
    if n == u64::MAX {
        // The spec special-cases this to avoid `n + 1` overflowing.
        return 4_294_967_295;
    }
    let mut x = n;
    // (x + 1) // 2 in the spec
    let mut y = x.div_ceil(2);
    while y < x {
        x = y;
        // x > 0 here because y < x implies x ≥ 1.
        y = (x + n / x) / 2;
    }
    x
}

/// `base_reward_per_increment = EFFECTIVE_BALANCE_INCREMENT * BASE_REWARD_FACTOR //
/// integer_squareroot(total_active_balance)` in Gwei (consensus-specs Altair,
/// <https://github.com/ethereum/consensus-specs/blob/dev/specs/altair/beacon-chain.md#get_base_reward_per_increment>).
///
/// `total_staked_eth` is clamped to `MIN_TOTAL_STAKED_ETH..=MAX_TOTAL_STAKED_ETH` and
/// floored to whole Gwei. Example: 34 M ETH → √(3.4·10¹⁶) = 184 390 889 → 347 Gwei.
pub fn base_reward_per_increment_gwei(total_staked_eth: Decimal) -> u64 {
    let eth = clamp(total_staked_eth, MIN_TOTAL_STAKED_ETH, MAX_TOTAL_STAKED_ETH);
    // ≤ 2·10¹⁷ Gwei, fits u64.
    let gwei = (eth * Decimal::from(EFFECTIVE_BALANCE_INCREMENT_GWEI))
        .floor()
        .to_u64()
        .unwrap_or(u64::MAX);
    let root = integer_squareroot(gwei).max(1);
    EFFECTIVE_BALANCE_INCREMENT_GWEI.saturating_mul(BASE_REWARD_FACTOR) / root
}

/// Maximum consensus-layer APR in percent for a perfectly performing validator:
/// `APR = base_reward_per_increment × EPOCHS_PER_YEAR / EFFECTIVE_BALANCE_INCREMENT`.
///
/// Since Altair the weights of all duties sum to `WEIGHT_DENOMINATOR` (64/64), so a
/// validator doing every duty earns one base reward per increment per epoch on average
/// (sync-committee and proposer rewards included, averaged). Ignoring integer rounding
/// this is `APR ≈ 64·10⁹ × 82 181.25 / √(N·10⁹) / 10⁹ ≈ 166.3 / √N` (as a fraction) for
/// `N` ETH staked: 2.85 % at 34 M ETH (347 Gwei × 82 181.25 / 10⁹ = 2.8517 %).
/// Source: <https://github.com/ethereum/consensus-specs/blob/dev/specs/altair/beacon-chain.md>.
pub fn consensus_apr_pct_from_total_staked(total_staked_eth: Decimal) -> Decimal {
    let brpi = Decimal::from(base_reward_per_increment_gwei(total_staked_eth));
    // brpi ≤ 64·10⁹/316 227 < 2.1·10⁵, times 8.2·10⁴ and 100: no overflow.
    brpi * EPOCHS_PER_YEAR * Decimal::ONE_HUNDRED / Decimal::from(EFFECTIVE_BALANCE_INCREMENT_GWEI)
}

/// Where the consensus-layer APR comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsensusAprSource {
    /// Use [`YieldInputs::consensus_apr_pct`] as entered.
    Direct,
    /// Derive it from [`YieldInputs::total_staked_eth`] with [`consensus_apr_pct_from_total_staked`].
    FromTotalStaked,
}

/// How often rewards are compounded when turning an APR into an APY.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Compounding {
    /// Once a year: `APY = APR`.
    Yearly,
    /// 12 times a year: `APY = (1 + APR/12)^12 − 1`.
    Monthly,
    /// 365 times a year: `APY = (1 + APR/365)^365 − 1`.
    Daily,
    /// Continuously: `APY = e^APR − 1`.
    Continuous,
}

impl Compounding {
    /// All frequencies, least to most frequent.
    pub const ALL: [Compounding; 4] = [
        Compounding::Yearly,
        Compounding::Monthly,
        Compounding::Daily,
        Compounding::Continuous,
    ];

    /// Periods per year `n`, or `None` for continuous compounding.
    pub fn periods_per_year(self) -> Option<u32> {
        match self {
            Compounding::Yearly => Some(1),
            Compounding::Monthly => Some(12),
            Compounding::Daily => Some(365),
            Compounding::Continuous => None,
        }
    }
}

/// One restaking service (an AVS / operator set) the position is allocated to.
///
/// Domain: `reward_apr_pct: 0..=100` (rewards the service pays per year on the stake
/// allocated to it), `allocation_pct: 0..=100` (share of the position's stake allocated
/// to it as unique stake). Allocations across services must sum to at most 100 %;
/// [`YieldInputs::clamped`] trims them in order.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RestakingService {
    /// Reward APR paid on the allocated stake, percent.
    pub reward_apr_pct: Decimal,
    /// Share of the stake allocated to this service, percent.
    pub allocation_pct: Decimal,
}

/// Inputs of the waterfall. All rates in percent.
///
/// Domains: `consensus_apr_pct: 0..=100`; `total_staked_eth:
/// MIN_TOTAL_STAKED_ETH..=MAX_TOTAL_STAKED_ETH`; `execution_apr_pct: 0..=100`;
/// `lst_fee_pct`, `operator_split_pct`, `lrt_fee_pct`, `slashing_loss_pct: 0..=100`;
/// at most `MAX_SERVICES` services whose allocations sum to at most 100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YieldInputs {
    /// Whether to use `consensus_apr_pct` or derive it from `total_staked_eth`.
    pub consensus_source: ConsensusAprSource,
    /// Consensus-layer (issuance) APR, used when `consensus_source` is `Direct`.
    pub consensus_apr_pct: Decimal,
    /// Total ETH staked, used when `consensus_source` is `FromTotalStaked`.
    pub total_staked_eth: Decimal,
    /// Execution-layer APR (priority fees and MEV), percent.
    pub execution_apr_pct: Decimal,
    /// Liquid-staking fee taken from staking (CL + EL) rewards, percent.
    pub lst_fee_pct: Decimal,
    /// Restaking services and the share of stake allocated to each.
    pub services: Vec<RestakingService>,
    /// Operator's split of restaking rewards, percent (EigenLayer default 10).
    pub operator_split_pct: Decimal,
    /// Liquid-restaking (LRT) protocol fee on all rewards it passes on, percent.
    pub lrt_fee_pct: Decimal,
    /// Expected annual slashing loss, percent of the stake.
    pub slashing_loss_pct: Decimal,
}

impl Default for YieldInputs {
    /// Defaults and their sources:
    /// - consensus APR derived from 34 M ETH staked (≈ 2.85 %, consensus specs);
    /// - execution APR 0.3 %: illustrative assumption (tips + MEV vary widely over time);
    /// - LST fee 10 %: Lido, <https://docs.lido.fi/>;
    /// - services 2 % APR on 50 % and 1 % APR on 30 %: illustrative assumptions;
    /// - operator split 10 %: EigenLayer global default (ELIP-002, Rewards section);
    /// - LRT fee 10 %: illustrative assumption (a round figure in the range LRT
    ///   protocols publish, not any one protocol's number);
    /// - slashing loss 0 %: set it from the exposure model.
    fn default() -> Self {
        YieldInputs {
            consensus_source: ConsensusAprSource::FromTotalStaked,
            consensus_apr_pct: Decimal::new(285, 2),
            total_staked_eth: Decimal::from(34_000_000),
            execution_apr_pct: Decimal::new(3, 1),
            lst_fee_pct: Decimal::TEN,
            services: vec![
                RestakingService {
                    reward_apr_pct: Decimal::TWO,
                    allocation_pct: Decimal::from(50),
                },
                RestakingService {
                    reward_apr_pct: Decimal::ONE,
                    allocation_pct: Decimal::from(30),
                },
            ],
            operator_split_pct: Decimal::TEN,
            lrt_fee_pct: Decimal::TEN,
            slashing_loss_pct: Decimal::ZERO,
        }
    }
}

impl YieldInputs {
    /// Returns a copy clamped to the documented domain. Services beyond `MAX_SERVICES`
    /// are dropped; allocations are taken in order and each is cut to what is left of
    /// 100 % (unique stake cannot be allocated twice, ELIP-002).
    pub fn clamped(&self) -> YieldInputs {
        let mut left = Decimal::ONE_HUNDRED;
        let services = self
            .services
            .iter()
            .take(MAX_SERVICES)
            .map(|s| {
                let a = pct_domain(s.allocation_pct).min(left);
                left -= a;
                RestakingService {
                    reward_apr_pct: pct_domain(s.reward_apr_pct),
                    allocation_pct: a,
                }
            })
            .collect();
        YieldInputs {
            consensus_source: self.consensus_source,
            consensus_apr_pct: pct_domain(self.consensus_apr_pct),
            total_staked_eth: clamp(
                self.total_staked_eth,
                MIN_TOTAL_STAKED_ETH,
                MAX_TOTAL_STAKED_ETH,
            ),
            execution_apr_pct: pct_domain(self.execution_apr_pct),
            lst_fee_pct: pct_domain(self.lst_fee_pct),
            services,
            operator_split_pct: pct_domain(self.operator_split_pct),
            lrt_fee_pct: pct_domain(self.lrt_fee_pct),
            slashing_loss_pct: pct_domain(self.slashing_loss_pct),
        }
    }
}

/// What a waterfall step is (the UI translates the label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepKind {
    /// + consensus-layer issuance.
    ConsensusRewards,
    /// + execution-layer tips and MEV.
    ExecutionRewards,
    /// − liquid-staking fee on staking rewards.
    LstFee,
    /// + restaking rewards, `Σ apr_i × allocation_i`.
    RestakingRewards,
    /// − operator's split of restaking rewards.
    OperatorSplit,
    /// − LRT protocol fee.
    LrtFee,
    /// − expected slashing loss.
    SlashingLoss,
}

/// One step of the waterfall: its signed contribution and the running total, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaterfallStep {
    /// What the step is.
    pub kind: StepKind,
    /// Signed change of the APR, percentage points (positive for rewards).
    pub delta_pct: Decimal,
    /// APR after this step, percent.
    pub running_pct: Decimal,
}

/// Result of [`waterfall`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YieldReport {
    /// The seven steps, in [`StepKind`] order.
    pub steps: Vec<WaterfallStep>,
    /// Consensus APR actually used (entered or derived), percent.
    pub consensus_apr_pct: Decimal,
    /// Restaking APR on the whole stake before the operator split, `Σ apr_i·alloc_i`, percent.
    pub restaking_apr_pct: Decimal,
    /// Gross APR: consensus + execution + restaking, percent.
    pub gross_apr_pct: Decimal,
    /// All fees (LST + operator + LRT), percentage points, ≥ 0.
    pub fees_pct: Decimal,
    /// Net APR = gross − fees − slashing loss, percent (≤ gross; ≥ −100).
    pub net_apr_pct: Decimal,
}

/// The yield waterfall (inputs clamped first):
///
/// ```text
/// S   = CL + EL                                  staking rewards
/// Lf  = lst_fee × S                              LST fee
/// R   = Σ_i apr_i × alloc_i                      restaking rewards (allocation-weighted,
///                                                NOT Σ apr_i on the full stake)
/// Op  = op_split × R                             operator's split
/// Lrt = lrt_fee × ((S − Lf) + (R − Op))          LRT fee on everything it passes on
/// net = S − Lf + R − Op − Lrt − slashing_loss
/// ```
///
/// Every fee is a fraction in `[0, 1]` of a non-negative amount, so more fees never raise
/// the net APR and `net ≤ gross`. Sources: consensus specs (base reward), Lido docs (LST
/// fee), ELIP-002 (unique stake allocation, operator split),
/// <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md>.
pub fn waterfall(inputs: &YieldInputs) -> Result<YieldReport, YieldError> {
    let x = inputs.clamped();
    let hundred = Decimal::ONE_HUNDRED;
    let cl = match x.consensus_source {
        ConsensusAprSource::Direct => x.consensus_apr_pct,
        ConsensusAprSource::FromTotalStaked => {
            consensus_apr_pct_from_total_staked(x.total_staked_eth)
        }
    };
    let el = x.execution_apr_pct;
    let staking = ovf(cl.checked_add(el))?;
    let lst_fee = ovf(staking.checked_mul(x.lst_fee_pct))? / hundred;
    let mut restaking = Decimal::ZERO;
    for s in &x.services {
        let r = ovf(s.reward_apr_pct.checked_mul(s.allocation_pct))? / hundred;
        restaking = ovf(restaking.checked_add(r))?;
    }
    let op = ovf(restaking.checked_mul(x.operator_split_pct))? / hundred;
    let passed_on = (staking - lst_fee) + (restaking - op);
    let lrt = ovf(passed_on.checked_mul(x.lrt_fee_pct))? / hundred;
    let slash = x.slashing_loss_pct;

    let deltas = [
        (StepKind::ConsensusRewards, cl),
        (StepKind::ExecutionRewards, el),
        (StepKind::LstFee, -lst_fee),
        (StepKind::RestakingRewards, restaking),
        (StepKind::OperatorSplit, -op),
        (StepKind::LrtFee, -lrt),
        (StepKind::SlashingLoss, -slash),
    ];
    let mut running = Decimal::ZERO;
    let mut steps = Vec::with_capacity(deltas.len());
    for (kind, delta_pct) in deltas {
        running = ovf(running.checked_add(delta_pct))?;
        steps.push(WaterfallStep {
            kind,
            delta_pct,
            running_pct: running,
        });
    }
    let gross = staking + restaking;
    Ok(YieldReport {
        steps,
        consensus_apr_pct: cl,
        restaking_apr_pct: restaking,
        gross_apr_pct: gross,
        fees_pct: lst_fee + op + lrt,
        net_apr_pct: running,
    })
}

/// `(1 + r/n)^(n·t)` for a fraction `r ≥ −n`, or `e^(r·t)` when continuous, `t` in years.
/// Exact `powu` when `n·t` is whole, otherwise `exp(n·t·ln(1 + r/n))`.
fn growth(r: Decimal, c: Compounding, t: Decimal) -> Result<Decimal, YieldError> {
    if t.is_zero() {
        return Ok(Decimal::ONE);
    }
    match c.periods_per_year() {
        None => ovf(r.checked_mul(t).and_then(|x| x.checked_exp())),
        Some(n) => {
            let n = Decimal::from(n);
            let g = ovf(Decimal::ONE.checked_add(ovf(r.checked_div(n))?))?;
            if g <= Decimal::ZERO {
                return Ok(Decimal::ZERO);
            }
            let k = ovf(n.checked_mul(t))?;
            if k.fract().is_zero() {
                if let Some(k) = k.to_u64() {
                    return ovf(g.checked_powu(k));
                }
            }
            ovf(g
                .checked_ln()
                .and_then(|l| l.checked_mul(k))
                .and_then(|x| x.checked_exp()))
        }
    }
}

/// APY in percent from an APR in percent: `APY = (1 + APR/n)^n − 1` with `n` periods per
/// year, or `e^APR − 1` when continuous (APR as a fraction inside the formula).
///
/// Domain: `apr_pct: −100..=1000` (clamped). For APR > 0, APY ≥ APR and grows with the
/// compounding frequency; Yearly gives APY = APR. Source: the standard definition, e.g.
/// U.S. SEC, "Compound interest", <https://www.investor.gov/financial-tools-calculators/calculators/compound-interest-calculator>.
pub fn apy_pct(apr_pct: Decimal, compounding: Compounding) -> Result<Decimal, YieldError> {
    let r = clamp(apr_pct, -Decimal::ONE_HUNDRED, Decimal::ONE_THOUSAND) / Decimal::ONE_HUNDRED;
    let g = growth(r, compounding, Decimal::ONE)?;
    ovf((g - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED))
}

/// Value of a position month by month: `(month, P × (1 + r/n)^(n·m/12))` for
/// `m = 0..=12·years`, or `P × e^(r·m/12)` when continuous, with `r = net_apr_pct/100`.
///
/// Between compounding dates the smooth curve `(1 + r/n)^(n·t)` is shown (accrued value).
/// Domains (clamped): `principal: 0..=MAX_PRINCIPAL`, `net_apr_pct: −100..=1000`,
/// `years: 0..=MAX_YEARS`. Errors with `Overflow` when the value leaves `Decimal`'s range.
pub fn position_value(
    principal: Decimal,
    net_apr_pct: Decimal,
    compounding: Compounding,
    years: u32,
) -> Result<Vec<(u32, Decimal)>, YieldError> {
    let p = clamp(principal, Decimal::ZERO, MAX_PRINCIPAL);
    let r = clamp(net_apr_pct, -Decimal::ONE_HUNDRED, Decimal::ONE_THOUSAND) / Decimal::ONE_HUNDRED;
    let months = years.min(MAX_YEARS) * 12;
    let curve = MonthlyGrowth::new(r, compounding)?;
    let mut out = Vec::with_capacity(months as usize + 1);
    for m in 0..=months {
        let v = ovf(p.checked_mul(curve.at(m)?))?;
        out.push((m, v.max(Decimal::ZERO)));
    }
    Ok(out)
}

/// [`growth`] at whole months `t = m/12`, for a curve of many months. The number of
/// periods `n·m/12` is kept as a fraction of integers, so it is recognised as whole
/// when it is (every month of monthly compounding, every twelfth of yearly or daily),
/// and those points use exact `powu`. (As a `Decimal`, `m/12 · 12` is not whole: every
/// point went through `ln`/`exp`, about 1.3 ms per slider step on the first chapter.)
/// Other points use `exp(n·m/12 · ln g)` with `ln g` computed once for the curve.
enum MonthlyGrowth {
    /// `(1 + r/n)^(n·m/12)`: `n` periods a year, `g = 1 + r/n > 0`, `ln g` once.
    Periodic { n: u64, g: Decimal, ln_g: Decimal },
    /// `g ≤ 0`: the position is wiped out after the first period.
    Wiped,
    /// `e^(r·m/12)`.
    Continuous { r: Decimal },
}

impl MonthlyGrowth {
    fn new(r: Decimal, c: Compounding) -> Result<Self, YieldError> {
        Ok(match c.periods_per_year() {
            None => MonthlyGrowth::Continuous { r },
            Some(n) => {
                let g = ovf(Decimal::ONE.checked_add(ovf(r.checked_div(Decimal::from(n)))?))?;
                if g <= Decimal::ZERO {
                    MonthlyGrowth::Wiped
                } else {
                    MonthlyGrowth::Periodic {
                        n: u64::from(n),
                        g,
                        ln_g: ovf(g.checked_ln())?,
                    }
                }
            }
        })
    }

    /// The growth factor after `m` months (`1` at `m = 0`).
    fn at(&self, m: u32) -> Result<Decimal, YieldError> {
        if m == 0 {
            return Ok(Decimal::ONE);
        }
        let twelve = Decimal::from(12);
        match self {
            MonthlyGrowth::Continuous { r } => ovf(r
                .checked_mul(Decimal::from(m))
                .and_then(|x| x.checked_div(twelve))
                .and_then(|x| x.checked_exp())),
            MonthlyGrowth::Wiped => Ok(Decimal::ZERO),
            MonthlyGrowth::Periodic { n, g, ln_g } => {
                let periods = n * u64::from(m);
                if periods % 12 == 0 {
                    ovf(g.checked_powu(periods / 12))
                } else {
                    ovf(ln_g
                        .checked_mul(Decimal::from(periods))
                        .and_then(|x| x.checked_div(twelve))
                        .and_then(|x| x.checked_exp()))
                }
            }
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
    fn close(a: Decimal, b: Decimal, tol: &str) -> bool {
        (a - b).abs() <= d(tol)
    }
    fn bare() -> YieldInputs {
        YieldInputs {
            consensus_source: ConsensusAprSource::Direct,
            consensus_apr_pct: d("3"),
            total_staked_eth: d("34000000"),
            execution_apr_pct: d("1"),
            lst_fee_pct: Decimal::ZERO,
            services: vec![],
            operator_split_pct: Decimal::ZERO,
            lrt_fee_pct: Decimal::ZERO,
            slashing_loss_pct: Decimal::ZERO,
        }
    }

    // Golden: consensus-specs Altair get_base_reward_per_increment with 34 M ETH staked:
    // isqrt(34e6·1e9 Gwei) = 184 390 889, 64e9 // 184 390 889 = 347 Gwei per increment
    // per epoch; × 82 181.25 epochs/year / 1e9 = 2.8517 % ≈ 2.85 % (≈ 166.3/√N).
    #[test]
    fn golden_base_reward_at_34m_eth() {
        assert_eq!(integer_squareroot(34_000_000 * 1_000_000_000), 184_390_889);
        assert_eq!(base_reward_per_increment_gwei(d("34000000")), 347);
        let apr = consensus_apr_pct_from_total_staked(d("34000000"));
        assert_eq!(apr, d("2.851689375"));
        assert_eq!(apr.round_dp(2), d("2.85"));
        // 166.3/√N approximation agrees to rounding
        let approx = 166.32 / (34e6f64).sqrt() * 100.0;
        assert!((approx - 2.8524).abs() < 1e-3);
    }

    #[test]
    fn it_integer_squareroot_table() {
        for (n, r) in [
            (0u64, 0u64),
            (1, 1),
            (3, 1),
            (4, 2),
            (15, 3),
            (16, 4),
            (u64::MAX, 4_294_967_295),
        ] {
            assert_eq!(integer_squareroot(n), r, "n={n}");
        }
    }

    #[test]
    fn it_consensus_apr_table() {
        // hand: 1e6 ETH → isqrt(1e15)=31 622 776, 64e9//that = 2023 → ×82181.25/1e7 = 16.6253 %
        assert_eq!(base_reward_per_increment_gwei(d("1000000")), 2023);
        assert_eq!(
            consensus_apr_pct_from_total_staked(d("1000000")),
            d("16.625266875")
        );
        // 100 M ETH → isqrt(1e17)=316 227 766, 64e9//that = 202 → 1.66006 %
        assert_eq!(
            consensus_apr_pct_from_total_staked(d("100000000")),
            d("1.66006125")
        );
        // clamped below the domain
        assert_eq!(
            consensus_apr_pct_from_total_staked(d("1")),
            consensus_apr_pct_from_total_staked(MIN_TOTAL_STAKED_ETH)
        );
    }

    #[test]
    fn it_waterfall_hand_computed() {
        // CL 3, EL 1 → S = 4; Lido 10 % → 0.4; services 4 %×50 % + 2 %×25 % = 2.5;
        // operator 10 % → 0.25; LRT 10 % of (3.6 + 2.25) = 0.585; slashing 0.1.
        // net = 4 − 0.4 + 2.5 − 0.25 − 0.585 − 0.1 = 5.165
        let mut x = bare();
        x.lst_fee_pct = d("10");
        x.services = vec![
            RestakingService {
                reward_apr_pct: d("4"),
                allocation_pct: d("50"),
            },
            RestakingService {
                reward_apr_pct: d("2"),
                allocation_pct: d("25"),
            },
        ];
        x.operator_split_pct = d("10");
        x.lrt_fee_pct = d("10");
        x.slashing_loss_pct = d("0.1");
        let r = waterfall(&x).unwrap();
        let deltas: Vec<Decimal> = r.steps.iter().map(|s| s.delta_pct).collect();
        assert_eq!(
            deltas,
            vec![
                d("3"),
                d("1"),
                d("-0.4"),
                d("2.5"),
                d("-0.25"),
                d("-0.585"),
                d("-0.1")
            ]
        );
        assert_eq!(r.steps[6].kind, StepKind::SlashingLoss);
        assert_eq!(r.gross_apr_pct, d("6.5"));
        assert_eq!(r.fees_pct, d("1.235"));
        assert_eq!(r.net_apr_pct, d("5.165"));
        assert_eq!(r.steps.last().unwrap().running_pct, r.net_apr_pct);
    }

    #[test]
    fn it_restaking_is_allocation_weighted_not_naive_sum() {
        // Two services each paying 5 % but asking for 100 % each: unique stake lets only
        // 100 % be allocated in total, so restaking APR is 5 %, not 10 %.
        let mut x = bare();
        x.services = vec![
            RestakingService {
                reward_apr_pct: d("5"),
                allocation_pct: d("100"),
            },
            RestakingService {
                reward_apr_pct: d("5"),
                allocation_pct: d("100"),
            },
        ];
        let r = waterfall(&x).unwrap();
        assert_eq!(r.restaking_apr_pct, d("5"));
        assert_eq!(x.clamped().services[1].allocation_pct, Decimal::ZERO);
    }

    // Golden: APY definitions. 12 % APR monthly → 1.01^12 − 1 = 12.682503013197 %;
    // continuous 5 % → e^0.05 − 1 = 5.127109637602 %; yearly APY = APR.
    #[test]
    fn golden_apy_definitions() {
        assert!(close(
            apy_pct(d("12"), Compounding::Monthly).unwrap(),
            d("12.682503013197"),
            "1e-10"
        ));
        assert!(close(
            apy_pct(d("5"), Compounding::Continuous).unwrap(),
            d("5.127109637602"),
            "1e-10"
        ));
        assert_eq!(apy_pct(d("5"), Compounding::Yearly).unwrap(), d("5"));
        // daily 5 %: (1 + 0.05/365)^365 − 1 = 5.126749646744 %
        assert!(close(
            apy_pct(d("5"), Compounding::Daily).unwrap(),
            d("5.126749646744"),
            "1e-9"
        ));
        assert_eq!(apy_pct(d("-100"), Compounding::Yearly).unwrap(), d("-100"));
    }

    #[test]
    fn it_position_value_table() {
        let v = position_value(d("100"), d("12"), Compounding::Monthly, 1).unwrap();
        assert_eq!(v.len(), 13);
        assert_eq!(v[0], (0, d("100")));
        assert_eq!(v[1].1, d("101"));
        assert!(close(v[12].1, d("112.682503013197"), "1e-9"));
        let y = position_value(d("100"), d("10"), Compounding::Yearly, 2).unwrap();
        assert_eq!(y[24].1, d("121"));
        // half a year of yearly compounding on the smooth curve: 100·1.1^0.5
        assert!(close(y[6].1, d("104.880884817015"), "1e-9"));
        assert_eq!(
            position_value(d("5"), d("3"), Compounding::Daily, 0).unwrap(),
            vec![(0, d("5"))]
        );
    }

    fn arb_inputs() -> impl Strategy<Value = YieldInputs> {
        let pct = || (0u32..=10_000).prop_map(|x| Decimal::new(x as i64, 2));
        (
            any::<bool>(),
            pct(),
            (0u64..=300_000_000).prop_map(Decimal::from),
            pct(),
            pct(),
            prop::collection::vec((pct(), pct()), 0..6),
            (pct(), pct(), pct()),
        )
            .prop_map(
                |(direct, cl, total, el, lst, sv, (op, lrt, sl))| YieldInputs {
                    consensus_source: if direct {
                        ConsensusAprSource::Direct
                    } else {
                        ConsensusAprSource::FromTotalStaked
                    },
                    consensus_apr_pct: cl,
                    total_staked_eth: total,
                    execution_apr_pct: el,
                    lst_fee_pct: lst,
                    services: sv
                        .into_iter()
                        .map(|(a, b)| RestakingService {
                            reward_apr_pct: a,
                            allocation_pct: b,
                        })
                        .collect(),
                    operator_split_pct: op,
                    lrt_fee_pct: lrt,
                    slashing_loss_pct: sl,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_net_le_gross_and_fees_monotone(x in arb_inputs(), bump in 0u32..=10_000, which in 0usize..4) {
            let r = waterfall(&x).unwrap();
            prop_assert!(r.net_apr_pct <= r.gross_apr_pct);
            prop_assert!(r.fees_pct >= Decimal::ZERO);
            prop_assert!(r.gross_apr_pct >= Decimal::ZERO);
            prop_assert!(r.net_apr_pct >= -Decimal::ONE_HUNDRED);
            let mut y = x.clone();
            let b = Decimal::new(bump as i64, 2);
            match which {
                0 => y.lst_fee_pct = (y.lst_fee_pct + b).min(Decimal::ONE_HUNDRED),
                1 => y.operator_split_pct = (y.operator_split_pct + b).min(Decimal::ONE_HUNDRED),
                2 => y.lrt_fee_pct = (y.lrt_fee_pct + b).min(Decimal::ONE_HUNDRED),
                _ => y.slashing_loss_pct = (y.slashing_loss_pct + b).min(Decimal::ONE_HUNDRED),
            }
            let r2 = waterfall(&y).unwrap();
            prop_assert!(r2.net_apr_pct <= r.net_apr_pct);
        }

        #[test]
        fn prop_never_panics_on_extremes(a in any::<i64>(), s in 0u32..=28, n in 0usize..40) {
            let v = Decimal::new(a, s);
            let x = YieldInputs {
                consensus_source: ConsensusAprSource::FromTotalStaked,
                consensus_apr_pct: v,
                total_staked_eth: v,
                execution_apr_pct: Decimal::MAX,
                lst_fee_pct: Decimal::MIN,
                services: vec![RestakingService { reward_apr_pct: v, allocation_pct: Decimal::MAX }; n],
                operator_split_pct: v,
                lrt_fee_pct: v,
                slashing_loss_pct: v,
            };
            let r = waterfall(&x).unwrap();
            prop_assert!(r.net_apr_pct <= r.gross_apr_pct);
            for c in Compounding::ALL {
                let _ = apy_pct(v, c);
                let _ = position_value(v, v, c, 3);
            }
            let _ = position_value(Decimal::MAX, Decimal::MAX, Compounding::Continuous, u32::MAX);
        }

        #[test]
        fn prop_apy_ordering(apr in 0u32..=5_000) {
            let a = Decimal::new(apr as i64, 2);
            let ys: Vec<Decimal> = Compounding::ALL.iter().map(|c| apy_pct(a, *c).unwrap()).collect();
            prop_assert_eq!(ys[0], a);
            // Yearly ≤ Monthly ≤ Daily ≤ Continuous (tiny tolerance for exp/ln rounding)
            for w in ys.windows(2) {
                prop_assert!(w[0] <= w[1] + d("1e-12"), "{:?}", ys);
            }
        }

        #[test]
        fn prop_monthly_curve_matches_growth(apr in -10_000i64..=100_000, m in 0u32..=600, c in 0usize..4) {
            // The curve's shortcut (whole periods by powu, ln g once) against the
            // one-point formula at t = m/12, over the whole APR domain (−100 %..1000 %).
            let r = Decimal::new(apr, 4);
            let comp = Compounding::ALL[c];
            let t = Decimal::from(m) / Decimal::from(12);
            let (Ok(a), Ok(b)) = (MonthlyGrowth::new(r, comp).and_then(|g| g.at(m)), growth(r, comp, t)) else {
                return Ok(());
            };
            let tol = (b.abs() * d("1e-20")).max(d("1e-20"));
            prop_assert!((a - b).abs() <= tol, "r={} m={} {:?}: {} vs {}", r, m, comp, a, b);
        }

        #[test]
        fn prop_value_monotone_for_positive_apr(apr in 0u32..=2_000, years in 0u32..=10, c in 0usize..4) {
            let v = position_value(d("32"), Decimal::new(apr as i64, 2), Compounding::ALL[c], years).unwrap();
            prop_assert_eq!(v.len() as u32, years * 12 + 1);
            for w in v.windows(2) {
                prop_assert!(w[1].1 + d("1e-15") >= w[0].1);
            }
        }
    }
}
