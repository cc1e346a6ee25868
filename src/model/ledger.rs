//! EigenLayer's unique-stake ledger for one operator and one strategy (ELIP-002,
//! "Slashing via Unique Stake & Operator Sets"): delegated stake, the operator's total
//! magnitude, magnitude allocations to operator sets, the non-slashable remainder, and
//! the allocate / deallocate / slash / withdraw operations.
//!
//! The accounting in one line: an operator set with allocated magnitude `m` can slash
//! `m / M` of the operator's delegated stake, where `M` is the total magnitude. A slash of
//! fraction `p` removes `p·m` from that set **and** from `M`; every delegator's stake
//! (and every withdrawal still in its delay) scales by `M'/M`, so other sets keep their
//! nominal allocations. Timing (allocation delay, 14-day deallocation and withdrawal
//! delays) is not simulated: "queue" operations leave the amount slashable and
//! "complete" operations stand for "the delay has passed".
//!
//! Source: ELIP-002, <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md>
//! (sections "Unique Stake Allocation & Deallocation", "Magnitude Allocation Flow",
//! "Deposits, Delegations, & Withdrawals" and "Slashing of Unique Stake").

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// `INITIAL_TOTAL_MAGNITUDE` = 10¹⁸ (ELIP-002 parameter table). The ledger accepts any
/// starting total in `(0, INITIAL_TOTAL_MAGNITUDE]`; ELIP-002's examples use 10 000.
pub const INITIAL_TOTAL_MAGNITUDE: Decimal =
    Decimal::from_parts(2_808_348_672, 232_830_643, 0, false, 0);
/// Largest single deposit or amount (10¹⁵ tokens).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);
/// Largest number of operator sets.
pub const MAX_SETS: usize = 64;
/// Largest number of delegators.
pub const MAX_DELEGATORS: usize = 1_000;
/// Largest number of queued withdrawals.
pub const MAX_QUEUED: usize = 1_000;

/// Errors of ledger operations. A failed operation leaves the ledger unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LedgerError {
    /// An amount, magnitude or fraction is outside its documented domain (e.g. ≤ 0).
    InvalidAmount,
    /// No operator set with that name.
    UnknownSet,
    /// No delegator with that name.
    UnknownDelegator,
    /// Not enough non-slashable magnitude to allocate, or not enough allocated to deallocate.
    InsufficientMagnitude,
    /// A delegator tried to withdraw more than its stake.
    InsufficientStake,
    /// The set already has a pending deallocation (one pending change per set, ELIP-002).
    PendingDeallocation,
    /// The operator's total magnitude is 0: everything was slashed, deposits are refused.
    FullySlashed,
    /// Too many sets, delegators or queued withdrawals.
    TooMany,
    /// A `Decimal` operation overflowed.
    Overflow,
}

fn ovf<T>(x: Option<T>) -> Result<T, LedgerError> {
    x.ok_or(LedgerError::Overflow)
}

fn positive_amount(x: Decimal, max: Decimal) -> Result<Decimal, LedgerError> {
    if x <= Decimal::ZERO || x > max {
        Err(LedgerError::InvalidAmount)
    } else {
        Ok(x)
    }
}

/// Magnitude allocated to one operator set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OperatorSetAllocation {
    /// Name of the set, e.g. `AVS_1_EIGEN`.
    pub name: String,
    /// Allocated magnitude, **including** any pending deallocation (still slashable).
    pub magnitude: Decimal,
    /// Part of `magnitude` queued for deallocation, `0..=magnitude`.
    pub pending_deallocation: Decimal,
}

/// A staker delegated to the operator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Delegator {
    /// Name of the staker.
    pub name: String,
    /// Current (withdrawable) delegated stake, ≥ 0.
    pub stake: Decimal,
}

/// A withdrawal in its `WITHDRAWAL_DELAY`: no longer delegated, still slashable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedWithdrawal {
    /// Name of the staker who queued it.
    pub delegator: String,
    /// Amount that will be paid out (after any slashing during the delay), ≥ 0.
    pub amount: Decimal,
}

/// One row of the ELIP-002 allocation table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AllocationRow {
    /// Set name, or `None` for the non-slashable remainder.
    pub set: Option<String>,
    /// Magnitude (including pending deallocations).
    pub magnitude: Decimal,
    /// `magnitude / M`, in `[0, 1]`.
    pub proportion: Decimal,
    /// `proportion × delegated stake`.
    pub stake: Decimal,
}

/// What a slash did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlashOutcome {
    /// Fraction of the set's allocation slashed, in `[0, 1]`.
    pub fraction: Decimal,
    /// Magnitude removed, `p·m`.
    pub magnitude_slashed: Decimal,
    /// Total magnitude before, `M`.
    pub total_magnitude_before: Decimal,
    /// Total magnitude after, `M' = M − p·m`.
    pub total_magnitude_after: Decimal,
    /// Delegated stake burned (active delegations).
    pub delegated_burned: Decimal,
    /// Stake burned from withdrawals still in their delay.
    pub queued_burned: Decimal,
    /// Each delegator's `(name, stake before, stake after)`, in ledger order.
    pub delegators: Vec<(String, Decimal, Decimal)>,
}

/// The ledger of one operator for one strategy.
///
/// Invariants kept by every operation: `Σ set.magnitude ≤ total_magnitude`; all amounts
/// ≥ 0; `total_magnitude` never increases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OperatorLedger {
    total_magnitude: Decimal,
    sets: Vec<OperatorSetAllocation>,
    delegators: Vec<Delegator>,
    queued: Vec<QueuedWithdrawal>,
}

impl Default for OperatorLedger {
    /// An empty ledger with `INITIAL_TOTAL_MAGNITUDE` (ELIP-002).
    fn default() -> Self {
        OperatorLedger {
            total_magnitude: INITIAL_TOTAL_MAGNITUDE,
            sets: Vec::new(),
            delegators: Vec::new(),
            queued: Vec::new(),
        }
    }
}

impl OperatorLedger {
    /// A new empty ledger. Domain: `total_magnitude` in `(0, INITIAL_TOTAL_MAGNITUDE]`.
    pub fn new(total_magnitude: Decimal) -> Result<Self, LedgerError> {
        let m = positive_amount(total_magnitude, INITIAL_TOTAL_MAGNITUDE)?;
        Ok(OperatorLedger {
            total_magnitude: m,
            ..Default::default()
        })
    }

    /// Total magnitude `M` (non-increasing).
    pub fn total_magnitude(&self) -> Decimal {
        self.total_magnitude
    }
    /// Operator sets and their allocations.
    pub fn sets(&self) -> &[OperatorSetAllocation] {
        &self.sets
    }
    /// Delegators and their current stake.
    pub fn delegators(&self) -> &[Delegator] {
        &self.delegators
    }
    /// Withdrawals still in their delay (slashable).
    pub fn queued_withdrawals(&self) -> &[QueuedWithdrawal] {
        &self.queued
    }

    /// Delegated stake `D = Σ delegator.stake` (excludes queued withdrawals).
    pub fn delegated_stake(&self) -> Decimal {
        self.delegators
            .iter()
            .fold(Decimal::ZERO, |a, d| a.saturating_add(d.stake))
    }

    /// Sum of queued withdrawals.
    pub fn queued_total(&self) -> Decimal {
        self.queued
            .iter()
            .fold(Decimal::ZERO, |a, q| a.saturating_add(q.amount))
    }

    /// Allocated magnitude `Σ m_i` (pending deallocations included).
    pub fn allocated_magnitude(&self) -> Decimal {
        self.sets
            .iter()
            .fold(Decimal::ZERO, |a, s| a.saturating_add(s.magnitude))
    }

    /// Non-slashable magnitude `M − Σ m_i` (what can still be allocated).
    pub fn non_slashable_magnitude(&self) -> Decimal {
        (self.total_magnitude - self.allocated_magnitude()).max(Decimal::ZERO)
    }

    /// The allocation table of ELIP-002: one row per set then the non-slashable row, with
    /// `proportion = magnitude / M` and `stake = proportion × D`. Empty if `M = 0`.
    pub fn rows(&self) -> Vec<AllocationRow> {
        let m = self.total_magnitude;
        if m <= Decimal::ZERO {
            return Vec::new();
        }
        let d = self.delegated_stake();
        let row = |set: Option<String>, mag: Decimal| {
            let proportion = mag.checked_div(m).unwrap_or(Decimal::ZERO);
            let stake = d
                .checked_mul(mag)
                .and_then(|x| x.checked_div(m))
                .or_else(|| d.checked_mul(proportion))
                .unwrap_or(Decimal::ZERO);
            AllocationRow {
                set,
                magnitude: mag,
                proportion,
                stake,
            }
        };
        let mut out: Vec<AllocationRow> = self
            .sets
            .iter()
            .map(|s| row(Some(s.name.clone()), s.magnitude))
            .collect();
        out.push(row(None, self.non_slashable_magnitude()));
        out
    }

    /// Slashable stake of one set, `m_i / M × D` (ELIP-002 "Unique Stake").
    pub fn slashable_stake(&self, set: &str) -> Result<Decimal, LedgerError> {
        let s = self
            .sets
            .iter()
            .find(|s| s.name == set)
            .ok_or(LedgerError::UnknownSet)?;
        if self.total_magnitude <= Decimal::ZERO {
            return Ok(Decimal::ZERO);
        }
        let d = self.delegated_stake();
        ovf(d
            .checked_mul(s.magnitude)
            .and_then(|x| x.checked_div(self.total_magnitude))
            .or_else(|| d.checked_mul(s.magnitude.checked_div(self.total_magnitude)?)))
    }

    /// A staker deposits and delegates `amount` (domain `(0, MAX_AMOUNT]`). New stake is
    /// immediately slashable in the current proportions ("no activation delay", ELIP-002).
    pub fn deposit(&mut self, delegator: &str, amount: Decimal) -> Result<(), LedgerError> {
        let a = positive_amount(amount, MAX_AMOUNT)?;
        if self.total_magnitude <= Decimal::ZERO {
            return Err(LedgerError::FullySlashed);
        }
        if let Some(d) = self.delegators.iter_mut().find(|d| d.name == delegator) {
            d.stake = ovf(d.stake.checked_add(a))?;
        } else {
            if self.delegators.len() >= MAX_DELEGATORS {
                return Err(LedgerError::TooMany);
            }
            self.delegators.push(Delegator {
                name: delegator.to_string(),
                stake: a,
            });
        }
        Ok(())
    }

    /// Allocates `magnitude` (domain `(0, non-slashable magnitude]`) to a set, creating it
    /// if needed. Allocation comes only from non-slashable magnitude, so `Σ m_i ≤ M`
    /// always holds. The allocation delay is not simulated (effective at once).
    pub fn allocate(&mut self, set: &str, magnitude: Decimal) -> Result<(), LedgerError> {
        let mag = positive_amount(magnitude, INITIAL_TOTAL_MAGNITUDE)?;
        if mag > self.non_slashable_magnitude() {
            return Err(LedgerError::InsufficientMagnitude);
        }
        if let Some(s) = self.sets.iter_mut().find(|s| s.name == set) {
            if s.pending_deallocation > Decimal::ZERO {
                return Err(LedgerError::PendingDeallocation);
            }
            s.magnitude = ovf(s.magnitude.checked_add(mag))?;
        } else {
            if self.sets.len() >= MAX_SETS {
                return Err(LedgerError::TooMany);
            }
            self.sets.push(OperatorSetAllocation {
                name: set.to_string(),
                magnitude: mag,
                pending_deallocation: Decimal::ZERO,
            });
        }
        Ok(())
    }

    /// Queues a deallocation of `magnitude` from a set. The magnitude **stays slashable**
    /// until [`complete_deallocations`](Self::complete_deallocations) (the
    /// `DEALLOCATION_DELAY`, ~14 days). Domain: `(0, magnitude − pending]`.
    pub fn queue_deallocation(&mut self, set: &str, magnitude: Decimal) -> Result<(), LedgerError> {
        let mag = positive_amount(magnitude, INITIAL_TOTAL_MAGNITUDE)?;
        let s = self
            .sets
            .iter_mut()
            .find(|s| s.name == set)
            .ok_or(LedgerError::UnknownSet)?;
        if s.pending_deallocation > Decimal::ZERO {
            return Err(LedgerError::PendingDeallocation);
        }
        if mag > s.magnitude {
            return Err(LedgerError::InsufficientMagnitude);
        }
        s.pending_deallocation = mag;
        Ok(())
    }

    /// The deallocation delay has passed: pending deallocations return to non-slashable.
    pub fn complete_deallocations(&mut self) {
        for s in &mut self.sets {
            s.magnitude = (s.magnitude - s.pending_deallocation).max(Decimal::ZERO);
            s.pending_deallocation = Decimal::ZERO;
        }
    }

    /// A staker queues a withdrawal of `amount` (domain `(0, stake]`). It leaves the
    /// delegation but **stays slashable** during `WITHDRAWAL_DELAY` (ELIP-002: "Slashing
    /// proportionally reduces funds … including funds in queued … withdrawals").
    pub fn queue_withdrawal(
        &mut self,
        delegator: &str,
        amount: Decimal,
    ) -> Result<(), LedgerError> {
        let a = positive_amount(amount, MAX_AMOUNT)?;
        if self.queued.len() >= MAX_QUEUED {
            return Err(LedgerError::TooMany);
        }
        let d = self
            .delegators
            .iter_mut()
            .find(|d| d.name == delegator)
            .ok_or(LedgerError::UnknownDelegator)?;
        if a > d.stake {
            return Err(LedgerError::InsufficientStake);
        }
        d.stake -= a;
        self.queued.push(QueuedWithdrawal {
            delegator: delegator.to_string(),
            amount: a,
        });
        Ok(())
    }

    /// The withdrawal delay has passed: returns the (possibly slashed) payouts and removes
    /// them from the ledger; they are no longer slashable.
    pub fn complete_withdrawals(&mut self) -> Vec<QueuedWithdrawal> {
        std::mem::take(&mut self.queued)
    }

    /// An AVS slashes fraction `p` (domain `[0, 1]`) of a set's allocation:
    /// `m ← m − p·m`, `pending ← pending·(1 − p)`, `M' = M − p·m`, and every delegator's
    /// stake and every queued withdrawal scale by `M'/M`. Other sets keep their magnitudes,
    /// so their slashable stake in tokens is unchanged. ELIP-002 "Slashing of Unique Stake".
    pub fn slash(&mut self, set: &str, fraction: Decimal) -> Result<SlashOutcome, LedgerError> {
        if fraction < Decimal::ZERO || fraction > Decimal::ONE {
            return Err(LedgerError::InvalidAmount);
        }
        let idx = self
            .sets
            .iter()
            .position(|s| s.name == set)
            .ok_or(LedgerError::UnknownSet)?;
        let m_before = self.total_magnitude;
        if m_before <= Decimal::ZERO {
            return Err(LedgerError::FullySlashed);
        }
        let s = self.sets.get(idx).ok_or(LedgerError::UnknownSet)?;
        let slashed = ovf(s.magnitude.checked_mul(fraction))?.min(s.magnitude);
        let m_after = (m_before - slashed).max(Decimal::ZERO);
        let keep = Decimal::ONE - fraction;
        let new_pending = ovf(s.pending_deallocation.checked_mul(keep))?;
        let scale = |x: Decimal| -> Result<Decimal, LedgerError> {
            let v = x
                .checked_mul(m_after)
                .and_then(|y| y.checked_div(m_before))
                .or_else(|| x.checked_mul(m_after.checked_div(m_before)?));
            Ok(ovf(v)?.max(Decimal::ZERO).min(x))
        };
        // Compute everything first so a failure leaves the ledger unchanged.
        let new_stakes = self
            .delegators
            .iter()
            .map(|d| scale(d.stake))
            .collect::<Result<Vec<_>, _>>()?;
        let new_queued = self
            .queued
            .iter()
            .map(|q| scale(q.amount))
            .collect::<Result<Vec<_>, _>>()?;

        let mut delegated_burned = Decimal::ZERO;
        let mut delegators = Vec::with_capacity(self.delegators.len());
        for (d, new) in self.delegators.iter_mut().zip(new_stakes) {
            delegated_burned = delegated_burned.saturating_add(d.stake - new);
            delegators.push((d.name.clone(), d.stake, new));
            d.stake = new;
        }
        let mut queued_burned = Decimal::ZERO;
        for (q, new) in self.queued.iter_mut().zip(new_queued) {
            queued_burned = queued_burned.saturating_add(q.amount - new);
            q.amount = new;
        }
        if let Some(s) = self.sets.get_mut(idx) {
            s.magnitude -= slashed;
            s.pending_deallocation = new_pending.min(s.magnitude);
        }
        self.total_magnitude = m_after;
        Ok(SlashOutcome {
            fraction,
            magnitude_slashed: slashed,
            total_magnitude_before: m_before,
            total_magnitude_after: m_after,
            delegated_burned,
            queued_burned,
            delegators,
        })
    }
}

/// Per-delegator view without a ledger: stakes `s_j` after a slash that takes total
/// magnitude from `M` to `M'` are `s_j·M'/M` (ELIP-002). Negative stakes count as 0;
/// `M' ` is clamped to `[0, M]`. Errors if `M ≤ 0`.
pub fn stakes_after_slash(
    stakes: &[Decimal],
    magnitude_before: Decimal,
    magnitude_after: Decimal,
) -> Result<Vec<Decimal>, LedgerError> {
    if magnitude_before <= Decimal::ZERO {
        return Err(LedgerError::InvalidAmount);
    }
    let ma = magnitude_after.max(Decimal::ZERO).min(magnitude_before);
    let ratio = ovf(ma.checked_div(magnitude_before))?;
    stakes
        .iter()
        .map(|s| {
            let s = (*s).max(Decimal::ZERO);
            let v = s
                .checked_mul(ma)
                .and_then(|y| y.checked_div(magnitude_before))
                .or_else(|| s.checked_mul(ratio));
            Ok(ovf(v)?.min(s))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn elip_ledger() -> OperatorLedger {
        let mut l = OperatorLedger::new(d("10000")).unwrap();
        l.deposit("staker_1", d("100")).unwrap();
        l.allocate("AVS_1_EIGEN", d("3000")).unwrap();
        l.allocate("AVS_2_EIGEN", d("2500")).unwrap();
        l.allocate("EigenDA_EIGEN", d("2000")).unwrap();
        l
    }

    fn stakes(l: &OperatorLedger) -> Vec<Decimal> {
        l.rows().iter().map(|r| r.stake).collect()
    }

    // Golden: ELIP-002 "Magnitude Allocation Flow" and "Slashing of Unique Stake"
    // (https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md).
    #[test]
    fn golden_elip002_allocation_flow_and_slash() {
        let mut l = elip_ledger();
        // Table 1: 3000/2500/2000/2500 of 10 000 → 30/25/20/25 EIGEN.
        assert_eq!(stakes(&l), vec![d("30"), d("25"), d("20"), d("25")]);
        // Deallocation of 1000 from AVS_1_EIGEN queued: still slashable (30).
        l.queue_deallocation("AVS_1_EIGEN", d("1000")).unwrap();
        assert_eq!(l.slashable_stake("AVS_1_EIGEN").unwrap(), d("30"));
        // After the delay: 2000/2500/2000/3500 → 20/25/20/35.
        l.complete_deallocations();
        assert_eq!(stakes(&l), vec![d("20"), d("25"), d("20"), d("35")]);
        // Another staker deposits 100 EIGEN: 40/50/40/70 of 200.
        l.deposit("staker_2", d("100")).unwrap();
        assert_eq!(stakes(&l), vec![d("40"), d("50"), d("40"), d("70")]);
        assert_eq!(l.delegated_stake(), d("200"));
        // AVS_1 slashes 50 % (5e17 wads) in AVS_1_EIGEN.
        let out = l.slash("AVS_1_EIGEN", d("0.5")).unwrap();
        assert_eq!(out.magnitude_slashed, d("1000"));
        assert_eq!(out.total_magnitude_after, d("9000"));
        let mags: Vec<Decimal> = l.rows().iter().map(|r| r.magnitude).collect();
        assert_eq!(mags, vec![d("1000"), d("2500"), d("2000"), d("3500")]);
        assert_eq!(stakes(&l), vec![d("20"), d("50"), d("40"), d("70")]);
        assert_eq!(l.delegated_stake(), d("180"));
        assert_eq!(out.delegated_burned, d("20"));
        // Proportions 11 % / 28 % / 22 % / 39 % as printed (rounded).
        let props: Vec<Decimal> = l
            .rows()
            .iter()
            .map(|r| (r.proportion * d("100")).round())
            .collect();
        assert_eq!(props, vec![d("11"), d("28"), d("22"), d("39")]);
        // Per-delegator view: each of the two stakers goes 100 → 90 (M'/M = 0.9).
        assert_eq!(
            out.delegators,
            vec![
                ("staker_1".to_string(), d("100"), d("90")),
                ("staker_2".to_string(), d("100"), d("90"))
            ]
        );
    }

    #[test]
    fn it_queued_withdrawal_is_slashed_during_delay() {
        let mut l = elip_ledger();
        l.queue_deallocation("AVS_1_EIGEN", d("1000")).unwrap();
        l.complete_deallocations();
        l.deposit("staker_2", d("100")).unwrap();
        // staker_1 queues 50 before the slash: delegated 150, queued 50.
        l.queue_withdrawal("staker_1", d("50")).unwrap();
        assert_eq!(l.delegated_stake(), d("150"));
        let out = l.slash("AVS_1_EIGEN", d("0.5")).unwrap();
        // Everything scales by 9000/10000: delegated 135, queued 45, burned 15 + 5 = 20.
        assert_eq!(l.delegated_stake(), d("135"));
        assert_eq!(out.queued_burned, d("5"));
        assert_eq!(out.delegated_burned, d("15"));
        let paid = l.complete_withdrawals();
        assert_eq!(
            paid,
            vec![QueuedWithdrawal {
                delegator: "staker_1".into(),
                amount: d("45")
            }]
        );
        // After completion, a further slash does not touch the paid-out amount.
        l.slash("AVS_2_EIGEN", d("1")).unwrap();
        assert!(l.queued_withdrawals().is_empty());
    }

    #[test]
    fn it_pending_deallocation_slashed_proportionally() {
        let mut l = elip_ledger();
        l.queue_deallocation("AVS_1_EIGEN", d("1000")).unwrap();
        l.slash("AVS_1_EIGEN", d("0.5")).unwrap();
        // 3000 → 1500 with pending 1000 → 500; completes to 1000; M = 8500.
        assert_eq!(l.sets()[0].pending_deallocation, d("500"));
        l.complete_deallocations();
        assert_eq!(l.sets()[0].magnitude, d("1000"));
        assert_eq!(l.total_magnitude(), d("8500"));
        assert_eq!(l.delegated_stake(), d("85"));
    }

    #[test]
    fn it_errors_leave_ledger_unchanged() {
        let mut l = elip_ledger();
        let before = l.clone();
        assert_eq!(
            l.allocate("X", d("2501")),
            Err(LedgerError::InsufficientMagnitude)
        );
        assert_eq!(l.allocate("X", d("0")), Err(LedgerError::InvalidAmount));
        assert_eq!(
            l.slash("nope", d("0.5")).unwrap_err(),
            LedgerError::UnknownSet
        );
        assert_eq!(
            l.slash("AVS_1_EIGEN", d("1.5")).unwrap_err(),
            LedgerError::InvalidAmount
        );
        assert_eq!(
            l.queue_withdrawal("staker_1", d("101")),
            Err(LedgerError::InsufficientStake)
        );
        assert_eq!(
            l.queue_withdrawal("ghost", d("1")),
            Err(LedgerError::UnknownDelegator)
        );
        assert_eq!(
            l.deposit("a", Decimal::MAX),
            Err(LedgerError::InvalidAmount)
        );
        assert_eq!(
            OperatorLedger::new(d("-1")),
            Err(LedgerError::InvalidAmount)
        );
        assert_eq!(l, before);
        // Fully slashing everything blocks deposits.
        let mut f = OperatorLedger::new(d("1")).unwrap();
        f.deposit("a", d("32")).unwrap();
        f.allocate("S", d("1")).unwrap();
        f.slash("S", d("1")).unwrap();
        assert_eq!(f.delegated_stake(), d("0"));
        assert_eq!(f.deposit("a", d("1")), Err(LedgerError::FullySlashed));
        assert_eq!(
            f.slash("S", d("0.5")).unwrap_err(),
            LedgerError::FullySlashed
        );
        assert!(f.rows().is_empty());
    }

    #[test]
    fn it_stakes_after_slash_table() {
        let v = stakes_after_slash(&[d("100"), d("50"), d("-3")], d("10000"), d("9000")).unwrap();
        assert_eq!(v, vec![d("90"), d("45"), d("0")]);
        assert_eq!(
            stakes_after_slash(&[d("1")], d("0"), d("0")),
            Err(LedgerError::InvalidAmount)
        );
    }

    #[derive(Clone, Debug)]
    enum Op {
        Deposit(u8, u32),
        Allocate(u8, u32),
        Dealloc(u8, u32),
        Complete,
        Withdraw(u8, u32),
        Slash(u8, u16),
    }

    fn arb_op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..4, 0u32..1000).prop_map(|(a, b)| Op::Deposit(a, b)),
            (0u8..4, 0u32..5000).prop_map(|(a, b)| Op::Allocate(a, b)),
            (0u8..4, 0u32..5000).prop_map(|(a, b)| Op::Dealloc(a, b)),
            Just(Op::Complete),
            (0u8..4, 0u32..1000).prop_map(|(a, b)| Op::Withdraw(a, b)),
            (0u8..4, 0u16..=1100).prop_map(|(a, b)| Op::Slash(a, b)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_invariants_hold(ops in prop::collection::vec(arb_op(), 0..40)) {
            let mut l = OperatorLedger::new(d("10000")).unwrap();
            for op in ops {
                let m0 = l.total_magnitude();
                let total0 = l.delegated_stake() + l.queued_total();
                let mut slashed_ok = None;
                match op {
                    Op::Deposit(i, a) => { let _ = l.deposit(&format!("d{i}"), Decimal::from(a)); }
                    Op::Allocate(i, a) => { let _ = l.allocate(&format!("s{i}"), Decimal::from(a)); }
                    Op::Dealloc(i, a) => { let _ = l.queue_deallocation(&format!("s{i}"), Decimal::from(a)); }
                    Op::Complete => { l.complete_deallocations(); }
                    Op::Withdraw(i, a) => { let _ = l.queue_withdrawal(&format!("d{i}"), Decimal::from(a)); }
                    Op::Slash(i, p) => {
                        let share = l.slashable_stake(&format!("s{i}")).ok();
                        let f = Decimal::new(p as i64, 3);
                        if let Ok(o) = l.slash(&format!("s{i}"), f) { slashed_ok = Some((o, share, f)); }
                    }
                }
                prop_assert!(l.total_magnitude() <= m0);
                prop_assert!(l.allocated_magnitude() <= l.total_magnitude());
                prop_assert!(l.delegators().iter().all(|x| x.stake >= Decimal::ZERO));
                prop_assert!(l.queued_withdrawals().iter().all(|q| q.amount >= Decimal::ZERO));
                prop_assert!(l.sets().iter().all(|s| s.pending_deallocation <= s.magnitude && s.magnitude >= Decimal::ZERO));
                if let Some((o, share, f)) = slashed_ok {
                    // a slash only burns, and the delegated part burned is p × slashable stake
                    prop_assert!(l.delegated_stake() + l.queued_total() <= total0);
                    if let Some(sh) = share {
                        prop_assert!((o.delegated_burned - f * sh).abs() <= d("1e-20"));
                    }
                }
            }
        }

        #[test]
        fn prop_stakes_after_slash_never_panics(a in any::<i64>(), s in 0u32..=28, mb in any::<i64>(), ma in any::<i64>()) {
            let v = Decimal::new(a, s);
            if let Ok(out) = stakes_after_slash(&[v, Decimal::MAX, Decimal::MIN], Decimal::from(mb), Decimal::from(ma)) {
                prop_assert!(out.iter().all(|x| *x >= Decimal::ZERO));
            }
        }
    }
}
