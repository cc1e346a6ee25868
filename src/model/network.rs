//! Restaking networks as bipartite graphs of services and validators: when is the
//! network secure, how much over-collateralisation (γ) does it have, and how far can a
//! small shock cascade? Implements the model of N. Durvasula & T. Roughgarden,
//! "Robust Restaking Networks", ITCS 2025 (LIPIcs 325, 48:1–48:21), full version
//! arXiv:2407.21785, <https://arxiv.org/abs/2407.21785>. Theorem, claim and corollary
//! numbers below are the arXiv v1 numbers.
//!
//! Model (§2 of the paper). A restaking graph `G = (S, V, E, π, σ, α)` has services `S`,
//! validators `V`, edges `E` (validator `v` restakes to service `s`), `π_s` the profit from
//! corrupting `s`, `σ_v` the stake of `v` and `α_s` the fraction of the stake of `s` needed
//! to corrupt it. `N(s)` is the set of validators of `s`, `σ_X = Σ_{v∈X} σ_v`,
//! `π_A = Σ_{s∈A} π_s`.
//!
//! * `(A, B)` is an *attacking coalition* if `σ(B ∩ N(s)) ≥ α_s · σ(N(s))` for every `s ∈ A`.
//! * It is a *valid attack* if moreover `π_A > σ_B`. `G` is *secure* if no valid attack exists.
//! * `G` is secure with *γ-slack* if `(1+γ)·π_A ≤ σ_B` for every attacking coalition.
//! * `G ↓ D` removes the validators `D`. A cascade is a sequence of attacks, each valid on the
//!   graph left by the shock and the previous attacks. `R_ψ(G)` is the worst-case stake loss
//!   after a shock of at most a `ψ` share of the stake (Definition of §2, see [`worst_case_at`]).
//!
//! Sizes: at most [`MAX_SERVICES`] = 6 services and [`MAX_VALIDATORS`] = 12 validators, so
//! every search here is exhaustive over bitmasks (`2^12 = 4096` validator subsets).
//!
//! **Numbers.** Inputs and the amounts reported for an attack (its `π_A`, `σ_B`, `γ*`) are
//! exact `Decimal`s, recomputed from the sets the search found. The search itself runs in
//! `f64` for speed; two quantities closer than `1e-9 × (σ_V + π_S)` count as equal, so the
//! paper's knife-edge constructions (an attack that exactly breaks even is *not* valid, a
//! coalition that exactly reaches `α_s` *does* attack) are decided the way the paper decides
//! them. Shares of total stake (`R_ψ`, cascade shares) are `f64` chart data.
//!
//! A *unique-stake* variant (EigenLayer ELIP-002, "Slashing via Unique Stake & Operator
//! Sets", <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md>) is at the
//! end of the module: [`UniqueStakeGraph`], [`unique_verdict`], [`unique_cascade`].

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Largest number of services in a graph (extra services are dropped by [`RestakingGraph::clamped`]).
pub const MAX_SERVICES: usize = 6;
/// Largest number of validators in a graph (extra validators are dropped by [`RestakingGraph::clamped`]).
pub const MAX_VALIDATORS: usize = 12;
/// Largest stake, profit or allocation accepted (`10^12`, any unit); larger values are clamped.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// Smallest corruption threshold `α_s` (1 %): the paper's `α_s ∈ (0, 1]` excludes 0, and
/// Claim 1 divides by `α_s`.
pub const MIN_ALPHA: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Relative tolerance of the `f64` search (see the module docs).
const REL_TOL: f64 = 1e-9;

/// Errors of the restaking-network model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetworkError {
    /// The graph holds no stake, so shares of `σ_V` are undefined.
    NoStake,
    /// An intermediate `Decimal` overflowed (cannot happen within the documented domain).
    Overflow,
}

/// A service (an AVS) of the restaking graph.
///
/// Domain: `profit` (`π_s`) in `0..=MAX_AMOUNT`; `alpha` (`α_s`) in `MIN_ALPHA..=1`
/// (e.g. `1/3` for a BFT safety threshold, `1/2` for a majority, `1` if every validator must
/// collude).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// `π_s`, the profit an attacker makes by corrupting the service (same unit as stake).
    pub profit: Decimal,
    /// `α_s`, the fraction of the service's stake needed to corrupt it.
    pub alpha: Decimal,
}

/// A validator (an operator with its delegated stake).
///
/// Domain: `stake` (`σ_v`) in `0..=MAX_AMOUNT`; `services` is a bitmask, bit `s` set when
/// the validator restakes to service `s` (bits at or above the number of services are ignored).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Validator {
    /// `σ_v`, the validator's stake (slashable by every service it restakes to).
    pub stake: Decimal,
    /// Bit `s` set iff the edge `(v, s)` is in `E`.
    pub services: u8,
}

impl Validator {
    /// Whether the validator restakes to service `s`.
    pub fn restakes_to(&self, s: usize) -> bool {
        s < 8 && self.services & (1u8 << s) != 0
    }
}

/// A restaking graph `G = (S, V, E, π, σ, α)` (Durvasula & Roughgarden, §2,
/// <https://arxiv.org/abs/2407.21785>).
///
/// Domain: at most [`MAX_SERVICES`] services and [`MAX_VALIDATORS`] validators, each field in
/// its documented domain; [`RestakingGraph::clamped`] enforces it and every function of this
/// module clamps its input first. The default is the [`Preset::Healthy`] network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RestakingGraph {
    /// The services `S`, indexed `0..`.
    pub services: Vec<Service>,
    /// The validators `V`, indexed `0..`, with their edges.
    pub validators: Vec<Validator>,
}

impl Default for RestakingGraph {
    fn default() -> Self {
        Preset::Healthy.graph()
    }
}

fn clamp_amount(x: Decimal) -> Decimal {
    crate::model::num::clamp(x, Decimal::ZERO, MAX_AMOUNT)
}

impl RestakingGraph {
    /// The graph with every field clamped into its domain, extra services/validators dropped
    /// and edges to missing services removed.
    pub fn clamped(&self) -> Self {
        let services: Vec<Service> = self
            .services
            .iter()
            .take(MAX_SERVICES)
            .map(|s| Service {
                profit: clamp_amount(s.profit),
                alpha: crate::model::num::clamp(s.alpha, MIN_ALPHA, Decimal::ONE),
            })
            .collect();
        let smask = service_mask(services.len());
        let validators = self
            .validators
            .iter()
            .take(MAX_VALIDATORS)
            .map(|v| Validator {
                stake: clamp_amount(v.stake),
                services: v.services & smask,
            })
            .collect();
        RestakingGraph {
            services,
            validators,
        }
    }

    /// `σ_V`, the total stake (of the clamped graph).
    pub fn total_stake(&self) -> Decimal {
        self.clamped().validators.iter().map(|v| v.stake).sum()
    }

    /// `N(s)`: indices of the validators restaking to service `s` (empty if `s` is out of range).
    pub fn validators_of(&self, s: usize) -> Vec<usize> {
        let g = self.clamped();
        if s >= g.services.len() {
            return Vec::new();
        }
        (0..g.validators.len())
            .filter(|&v| g.validators[v].restakes_to(s))
            .collect()
    }

    fn compile(&self) -> Compiled {
        let g = self.clamped();
        let ns = g.services.len();
        let nv = g.validators.len();
        let mut stake = [0.0; MAX_VALIDATORS];
        for (slot, v) in stake.iter_mut().zip(&g.validators) {
            *slot = crate::model::num::to_f64(v.stake);
        }
        let mut profit = [0.0; MAX_SERVICES];
        let mut alpha = [1.0; MAX_SERVICES];
        for ((p, a), s) in profit.iter_mut().zip(alpha.iter_mut()).zip(&g.services) {
            *p = crate::model::num::to_f64(s.profit);
            *a = crate::model::num::to_f64(s.alpha);
        }
        let mut nmask = [0u16; MAX_SERVICES];
        for (i, v) in g.validators.iter().enumerate() {
            for (s, m) in nmask.iter_mut().enumerate().take(ns) {
                if v.restakes_to(s) {
                    *m |= 1 << i;
                }
            }
        }
        let ssum = subset_sums(&stake[..nv]);
        let psum = subset_sums(&profit[..ns]);
        let total = ssum.last().copied().unwrap_or(0.0);
        let ptotal = psum.last().copied().unwrap_or(0.0);
        let tol = REL_TOL * (total + ptotal).max(1e-300);
        Compiled {
            g,
            ns,
            nv,
            alpha,
            nmask,
            ssum,
            psum,
            tol,
            total,
        }
    }
}

fn service_mask(ns: usize) -> u8 {
    ((1u16 << ns.min(8)) - 1) as u8
}

/// Sums over all subsets by bitmask: `out[m] = Σ_{i ∈ m} x_i`.
fn subset_sums(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut out = vec![0.0; 1usize << n];
    for m in 1..out.len() {
        let low = m.trailing_zeros() as usize;
        let rest = m & (m - 1);
        let add = x.get(low).copied().unwrap_or(0.0);
        out[m] = out[rest] + add;
    }
    out
}

fn bits(mask: u32, n: usize) -> Vec<usize> {
    (0..n).filter(|&i| mask & (1 << i) != 0).collect()
}

fn mask_of(indices: &[usize], n: usize) -> u16 {
    indices
        .iter()
        .filter(|&&i| i < n)
        .fold(0u16, |m, &i| m | (1 << i))
}

/// The graph compiled to bitmasks and `f64` for the exhaustive search.
struct Compiled {
    g: RestakingGraph,
    ns: usize,
    nv: usize,
    alpha: [f64; MAX_SERVICES],
    /// `N(s)` as a validator bitmask.
    nmask: [u16; MAX_SERVICES],
    /// `σ` of every validator subset.
    ssum: Vec<f64>,
    /// `π` of every service subset.
    psum: Vec<f64>,
    tol: f64,
    total: f64,
}

impl Compiled {
    fn all_v(&self) -> u16 {
        ((1u32 << self.nv) - 1) as u16
    }
    fn all_s(&self) -> u8 {
        service_mask(self.ns)
    }
    fn sigma(&self, b: u16) -> f64 {
        self.ssum.get(b as usize).copied().unwrap_or(0.0)
    }
    fn pi(&self, a: u8) -> f64 {
        self.psum.get(a as usize).copied().unwrap_or(0.0)
    }
    /// `α_s · σ(N(s) \ removed) − tol` for every service: the stake a coalition needs.
    fn needs(&self, removed: u16) -> [f64; MAX_SERVICES] {
        let mut need = [f64::INFINITY; MAX_SERVICES];
        for (s, n) in need.iter_mut().enumerate().take(self.ns) {
            *n = self.alpha[s] * self.sigma(self.nmask[s] & !removed) - self.tol;
        }
        need
    }
    /// `A_B`: the maximal set of alive services that `b` can attack.
    fn attack_set(&self, b: u16, need: &[f64; MAX_SERVICES], alive: u8) -> u8 {
        let mut a = 0u8;
        for (s, (&n, &m)) in need.iter().zip(&self.nmask).enumerate().take(self.ns) {
            if alive & (1 << s) != 0 && self.sigma(b & m) >= n {
                a |= 1 << s;
            }
        }
        a
    }
    fn is_valid(&self, a: u8, b: u16) -> bool {
        self.pi(a) > self.sigma(b) + self.tol
    }
    /// Exact `Decimal` description of the attack `(a, b)`.
    fn attack(&self, a: u8, b: u16) -> Result<Attack, NetworkError> {
        let services = bits(a as u32, self.ns);
        let validators = bits(b as u32, self.nv);
        let mut profit = Decimal::ZERO;
        for &s in &services {
            let p = self.g.services.get(s).map(|x| x.profit).unwrap_or_default();
            profit = profit.checked_add(p).ok_or(NetworkError::Overflow)?;
        }
        let mut stake = Decimal::ZERO;
        for &v in &validators {
            let x = self
                .g
                .validators
                .get(v)
                .map(|x| x.stake)
                .unwrap_or_default();
            stake = stake.checked_add(x).ok_or(NetworkError::Overflow)?;
        }
        let net_profit = profit.checked_sub(stake).ok_or(NetworkError::Overflow)?;
        Ok(Attack {
            services,
            validators,
            profit,
            stake,
            net_profit,
        })
    }
    fn share(&self, x: f64) -> f64 {
        if self.total > 0.0 {
            x / self.total
        } else {
            0.0
        }
    }
}

/// An attacking coalition `(A, B)` with its exact totals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attack {
    /// `A`, indices of the attacked services.
    pub services: Vec<usize>,
    /// `B`, indices of the colluding validators.
    pub validators: Vec<usize>,
    /// `π_A`, the attackers' profit.
    pub profit: Decimal,
    /// `σ_B`, the stake the attackers lose (the cost of corruption).
    pub stake: Decimal,
    /// `π_A − σ_B` (positive iff the attack is valid).
    pub net_profit: Decimal,
}

/// The security verdict of a graph (Durvasula & Roughgarden, §2 and Definition of γ-slack
/// in §3, <https://arxiv.org/abs/2407.21785>).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// No valid attack exists: `π_A ≤ σ_B` for every attacking coalition.
    pub secure: bool,
    /// `γ* = min σ_B / π_A − 1` over attacking coalitions with `π_A > 0`: the largest γ for
    /// which the graph is secure with γ-slack. Negative iff insecure; `None` when no
    /// coalition can attack anything worth a positive profit (any γ works).
    pub gamma_star: Option<Decimal>,
    /// The coalition achieving `γ*` (the tightest one).
    pub tightest: Option<Attack>,
    /// The "cheapest" valid attack, defined as the one maximising the attackers' net profit
    /// `π_A − σ_B` (ties: smaller `σ_B`, then fewer validators). `None` iff secure.
    pub best_attack: Option<Attack>,
    /// The valid attack with the smallest `σ_B` (ties: larger net profit). `None` iff secure.
    pub smallest_attack: Option<Attack>,
}

fn better_profit(c: &Compiled, cand: (u8, u16), best: Option<(u8, u16)>) -> bool {
    let Some((ba, bb)) = best else { return true };
    let (a, b) = cand;
    let (n1, n0) = (c.pi(a) - c.sigma(b), c.pi(ba) - c.sigma(bb));
    if n1 > n0 + c.tol {
        return true;
    }
    if n1 < n0 - c.tol {
        return false;
    }
    let (s1, s0) = (c.sigma(b), c.sigma(bb));
    if s1 < s0 - c.tol {
        return true;
    }
    if s1 > s0 + c.tol {
        return false;
    }
    b.count_ones() < bb.count_ones()
}

fn better_small(c: &Compiled, cand: (u8, u16), best: Option<(u8, u16)>) -> bool {
    let Some((ba, bb)) = best else { return true };
    let b = cand.1;
    let (s1, s0) = (c.sigma(b), c.sigma(bb));
    if s1 < s0 - c.tol {
        return true;
    }
    if s1 > s0 + c.tol {
        return false;
    }
    better_profit(c, cand, Some((ba, bb)))
}

fn better_loss(c: &Compiled, cand: (u8, u16), best: Option<(u8, u16)>) -> bool {
    let Some((ba, bb)) = best else { return true };
    let (s1, s0) = (c.sigma(cand.1), c.sigma(bb));
    if s1 > s0 + c.tol {
        return true;
    }
    if s1 < s0 - c.tol {
        return false;
    }
    better_profit(c, cand, Some((ba, bb)))
}

/// Decides security, `γ*` and the cheapest valid attack (Durvasula & Roughgarden, §2–3,
/// <https://arxiv.org/abs/2407.21785>).
///
/// Method: for every validator subset `B` (all `2^|V|`), the maximal set of services it can
/// attack is `A_B = {s : σ(B ∩ N(s)) ≥ α_s σ(N(s))}`. Adding services to `A` never hurts the
/// attackers, so a valid attack exists iff some `B` has `π(A_B) > σ_B`, and
/// `γ* = min_{B : π(A_B) > 0} σ_B / π(A_B) − 1`. That is `4096 × 6` comparisons for 6×12.
pub fn verdict(graph: &RestakingGraph) -> Result<Verdict, NetworkError> {
    let c = graph.compile();
    let need = c.needs(0);
    let alive = c.all_s();
    let mut tight: Option<(u8, u16, f64)> = None;
    let mut best: Option<(u8, u16)> = None;
    let mut small: Option<(u8, u16)> = None;
    for b in 0..=c.all_v() {
        let a = c.attack_set(b, &need, alive);
        let p = c.pi(a);
        if p > 0.0 {
            let ratio = c.sigma(b) / p;
            if tight.is_none_or(|(_, _, r)| ratio < r) {
                tight = Some((a, b, ratio));
            }
        }
        if c.is_valid(a, b) {
            if better_profit(&c, (a, b), best) {
                best = Some((a, b));
            }
            if better_small(&c, (a, b), small) {
                small = Some((a, b));
            }
        }
    }
    let tightest = tight.map(|(a, b, _)| c.attack(a, b)).transpose()?;
    let gamma_star = match &tightest {
        Some(t) if t.profit > Decimal::ZERO => {
            let r = t
                .stake
                .checked_div(t.profit)
                .ok_or(NetworkError::Overflow)?;
            Some(r - Decimal::ONE)
        }
        _ => None,
    };
    Ok(Verdict {
        secure: best.is_none(),
        gamma_star,
        tightest,
        best_attack: best.map(|(a, b)| c.attack(a, b)).transpose()?,
        smallest_attack: small.map(|(a, b)| c.attack(a, b)).transpose()?,
    })
}

/// One validator's line of EigenLayer's sufficient condition (Claim 1 of Durvasula &
/// Roughgarden, <https://arxiv.org/abs/2407.21785>, from the EigenLayer whitepaper,
/// <https://docs.eigenlayer.xyz/assets/files/EigenLayer_WhitePaper-88c47923ca0319870c611decd6e562ad.pdf>).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValidatorCheck {
    /// Validator index.
    pub validator: usize,
    /// `Σ_{s∈N(v)} (σ_v / σ(N(s))) · (1+γ) π_s / α_s` (γ = 0 for Claim 1), rounded to 12 dp.
    pub load: Decimal,
    /// `σ_v`.
    pub stake: Decimal,
    /// `σ_v − load`, rounded to 12 dp (negative = fails).
    pub margin: Decimal,
    /// `load ≤ σ_v` (up to the module's relative tolerance).
    pub passes: bool,
}

/// EigenLayer's per-validator condition for a whole graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim1Report {
    /// The γ used (0 for Claim 1, the slack of Corollary 2 otherwise).
    pub gamma: Decimal,
    /// One line per validator.
    pub validators: Vec<ValidatorCheck>,
    /// Services with `π_s > 0` but no stake at all (`σ(N(s)) = 0`): no validator's line can
    /// fail for them, yet they can be corrupted for free, so the condition says nothing.
    pub unbacked_services: Vec<usize>,
    /// Every validator passes.
    pub all_pass: bool,
    /// `all_pass` and no unbacked service: then the graph is secure (Claim 1), and with
    /// `gamma > 0` secure with γ-slack, hence `R_ψ < (1 + 1/γ)ψ` (Corollary 2).
    pub implies_secure: bool,
}

/// EigenLayer's sufficient condition, Claim 1 of Durvasula & Roughgarden
/// (<https://arxiv.org/abs/2407.21785>): the graph is secure if for every validator
/// `Σ_{s∈N(v)} (σ_v / σ(N(s))) · π_s / α_s ≤ σ_v`. Same as [`claim1_with_slack`] with γ = 0.
pub fn claim1(graph: &RestakingGraph) -> Result<Claim1Report, NetworkError> {
    claim1_with_slack(graph, Decimal::ZERO)
}

/// Corollary 2 of Durvasula & Roughgarden (<https://arxiv.org/abs/2407.21785>): if every
/// validator has `Σ_{s∈N(v)} (σ_v / σ(N(s))) · (1+γ) π_s / α_s ≤ σ_v`, the graph is secure
/// with γ-slack and `R_ψ(G) < (1 + 1/γ) ψ`.
///
/// Domain: `gamma` in `0..=1000` (clamped). Exact `Decimal` arithmetic; the pass/fail test
/// allows the module's relative tolerance so that the paper's equality cases pass.
pub fn claim1_with_slack(
    graph: &RestakingGraph,
    gamma: Decimal,
) -> Result<Claim1Report, NetworkError> {
    let g = graph.clamped();
    let gamma = crate::model::num::clamp(gamma, Decimal::ZERO, Decimal::ONE_THOUSAND);
    let factor = Decimal::ONE + gamma;
    let ns = g.services.len();
    let mut backing = vec![Decimal::ZERO; ns];
    for v in &g.validators {
        for (s, b) in backing.iter_mut().enumerate() {
            if v.restakes_to(s) {
                *b = b.checked_add(v.stake).ok_or(NetworkError::Overflow)?;
            }
        }
    }
    let total: Decimal = g.validators.iter().map(|v| v.stake).sum();
    let ptotal: Decimal = g.services.iter().map(|s| s.profit).sum();
    let tol = (total + ptotal) * Decimal::new(1, 9);
    let mut lines = Vec::with_capacity(g.validators.len());
    for (i, v) in g.validators.iter().enumerate() {
        let mut load = Decimal::ZERO;
        for (s, svc) in g.services.iter().enumerate() {
            let back = backing.get(s).copied().unwrap_or_default();
            if !v.restakes_to(s) || back.is_zero() {
                continue;
            }
            let num = v
                .stake
                .checked_mul(factor)
                .and_then(|x| x.checked_mul(svc.profit))
                .ok_or(NetworkError::Overflow)?;
            let den = svc.alpha.checked_mul(back).ok_or(NetworkError::Overflow)?;
            let term = num.checked_div(den).ok_or(NetworkError::Overflow)?;
            load = load.checked_add(term).ok_or(NetworkError::Overflow)?;
        }
        let margin = v.stake.checked_sub(load).ok_or(NetworkError::Overflow)?;
        lines.push(ValidatorCheck {
            validator: i,
            load: load.round_dp(12),
            stake: v.stake,
            margin: margin.round_dp(12),
            passes: margin >= -tol,
        });
    }
    let unbacked_services: Vec<usize> = (0..ns)
        .filter(|&s| {
            backing.get(s).is_some_and(|b| b.is_zero())
                && g.services.get(s).is_some_and(|x| x.profit > Decimal::ZERO)
        })
        .collect();
    let all_pass = lines.iter().all(|l| l.passes);
    Ok(Claim1Report {
        gamma,
        implies_secure: all_pass && unbacked_services.is_empty(),
        validators: lines,
        unbacked_services,
        all_pass,
    })
}

/// Which valid attack a cascade step takes when several exist (for the animation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CascadePolicy {
    /// The attack maximising `π_A − σ_B`: a myopic, profit-seeking attacker.
    MaxProfit,
    /// The attack maximising `σ_B`: the worst case. One step already reaches the cascade
    /// loss in `R_ψ`, because the union of a cascade is itself a valid attack (Corollary 1).
    MaxLoss,
    /// The valid attack with the smallest `σ_B`: damage spreads one bite at a time, which
    /// shows the cascade step by step.
    SmallestFirst,
}

/// One step of a cascade: the attack taken and the running loss.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CascadeStep {
    /// The attack `(A_t, B_t)` (valid on the graph left by the shock and earlier steps).
    pub attack: Attack,
    /// Stake lost so far, shock included: `σ_D + Σ_{i≤t} σ_{B_i}` (in the unique-stake
    /// variant: slashed allocations instead of whole stakes).
    pub cumulative_loss: Decimal,
    /// `cumulative_loss / σ_V`.
    pub cumulative_share: f64,
}

/// A shock followed by a cascade of attacks until no valid attack remains.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cascade {
    /// `D`, the validators removed by the shock.
    pub shock: Vec<usize>,
    /// `σ_D`.
    pub shock_stake: Decimal,
    /// `σ_D / σ_V`.
    pub shock_share: f64,
    /// The attacks, in order.
    pub steps: Vec<CascadeStep>,
    /// Total stake lost, shock included.
    pub total_loss: Decimal,
    /// `total_loss / σ_V`.
    pub total_share: f64,
    /// Services corrupted along the way.
    pub fallen_services: Vec<usize>,
}

/// Runs a shock `D` and the cascade that follows (Durvasula & Roughgarden, §2, cascading
/// attacks on `G ↓ D`, <https://arxiv.org/abs/2407.21785>).
///
/// Each step finds the valid attacks `(A_B, B)` on what remains (validators of the shock
/// and of earlier attacks removed, corrupted services removed so that nothing is corrupted
/// twice), takes one according to `policy`, and repeats; at most one step per service.
/// Out-of-range indices in `shock` are ignored.
pub fn cascade(
    graph: &RestakingGraph,
    shock: &[usize],
    policy: CascadePolicy,
) -> Result<Cascade, NetworkError> {
    let c = graph.compile();
    if c.total <= 0.0 {
        return Err(NetworkError::NoStake);
    }
    let d = mask_of(shock, c.nv);
    let shock_attack = c.attack(0, d)?;
    let mut removed = d;
    let mut alive = c.all_s();
    let mut lost = shock_attack.stake;
    let mut lost_f = c.sigma(d);
    let mut steps = Vec::new();
    let mut fallen = 0u8;
    while let Some((a, b)) = pick_attack(&c, removed, alive, policy) {
        let attack = c.attack(a, b)?;
        lost = lost
            .checked_add(attack.stake)
            .ok_or(NetworkError::Overflow)?;
        lost_f += c.sigma(b);
        removed |= b;
        alive &= !a;
        fallen |= a;
        steps.push(CascadeStep {
            attack,
            cumulative_loss: lost,
            cumulative_share: c.share(lost_f),
        });
    }
    Ok(Cascade {
        shock: bits(d as u32, c.nv),
        shock_stake: shock_attack.stake,
        shock_share: c.share(c.sigma(d)),
        steps,
        total_loss: lost,
        total_share: c.share(lost_f),
        fallen_services: bits(fallen as u32, c.ns),
    })
}

fn pick_attack(c: &Compiled, removed: u16, alive: u8, policy: CascadePolicy) -> Option<(u8, u16)> {
    let need = c.needs(removed);
    let free = c.all_v() & !removed;
    let mut best: Option<(u8, u16)> = None;
    let mut b = free;
    loop {
        let a = c.attack_set(b, &need, alive);
        if a != 0 && c.is_valid(a, b) {
            let better = match policy {
                CascadePolicy::MaxProfit => better_profit(c, (a, b), best),
                CascadePolicy::MaxLoss => better_loss(c, (a, b), best),
                CascadePolicy::SmallestFirst => better_small(c, (a, b), best),
            };
            if better {
                best = Some((a, b));
            }
        }
        if b == 0 {
            break;
        }
        b = (b - 1) & free;
    }
    best
}

/// Worst cascade loss after shock `d`: `max σ_B` over valid attacks on `G ↓ d`, with the
/// attacking validators. By Corollary 1 this equals the worst total `σ(∪ B_t)` over all
/// cascades on `G ↓ d` (a cascade's union is a valid attack; an attack is a 1-step cascade).
fn cascade_loss_for_shock(c: &Compiled, d: u16) -> (f64, u16) {
    let need = c.needs(d);
    let free = c.all_v() & !d;
    let alive = c.all_s();
    let ptotal = c.pi(alive);
    let mut best = 0.0;
    let mut arg = 0u16;
    let mut b = free;
    loop {
        let sb = c.sigma(b);
        // Only subsets that could beat the incumbent and could still be valid.
        if sb > best && sb + c.tol < ptotal {
            let a = c.attack_set(b, &need, alive);
            if c.is_valid(a, b) {
                best = sb;
                arg = b;
            }
        }
        if b == 0 {
            break;
        }
        b = (b - 1) & free;
    }
    (best, arg)
}

/// The worst case after a shock of at most `ψ·σ_V` (one point of the `R_ψ` curve).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShockOutcome {
    /// `ψ`, the shock budget as a share of `σ_V` (clamped to `[0, 1]`).
    pub psi: f64,
    /// `R_ψ(G) = ψ + max_{D} max_{cascades on G↓D} σ(∪B_t) / σ_V` (paper's definition).
    pub r_psi: f64,
    /// The second term: the worst cascade loss as a share of `σ_V`.
    pub cascade_share: f64,
    /// The worst shock `D` (validator indices; ties: smaller `σ_D`).
    pub worst_shock: Vec<usize>,
    /// `σ_D / σ_V` of the worst shock (at most ψ).
    pub worst_shock_share: f64,
    /// The validators lost in the worst cascade after the worst shock.
    pub worst_cascade: Vec<usize>,
    /// `max_D (σ_D + σ(∪B_t)) / σ_V`: the stake actually lost, counting the shock at its
    /// real size instead of ψ. Never above `r_psi` and never above 1.
    pub realized_share: f64,
    /// Theorem 1's bound `(1 + 1/γ*) ψ` when `γ* > 0`.
    pub theorem1_bound: Option<f64>,
}

fn clamp_psi(psi: f64) -> f64 {
    if psi.is_nan() {
        0.0
    } else {
        psi.clamp(0.0, 1.0)
    }
}

fn outcome_from_losses(
    c: &Compiled,
    psi: f64,
    losses: &[(f64, u16)],
    gamma: Option<f64>,
) -> ShockOutcome {
    let budget = psi * c.total + c.tol;
    let mut best: Option<(u16, f64, u16)> = None;
    let mut realized: f64 = 0.0;
    for (d, &(loss, arg)) in losses.iter().enumerate() {
        let d = d as u16;
        let sd = c.sigma(d);
        if sd > budget {
            continue;
        }
        realized = realized.max(sd + loss);
        let replace = match best {
            None => true,
            Some((bd, bl, _)) => {
                loss > bl + c.tol || (loss >= bl - c.tol && sd < c.sigma(bd) - c.tol)
            }
        };
        if replace {
            best = Some((d, loss, arg));
        }
    }
    let (d, loss, arg) = best.unwrap_or((0, 0.0, 0));
    let cascade_share = c.share(loss);
    ShockOutcome {
        psi,
        r_psi: psi + cascade_share,
        cascade_share,
        worst_shock: bits(d as u32, c.nv),
        worst_shock_share: c.share(c.sigma(d)),
        worst_cascade: bits(arg as u32, c.nv),
        realized_share: c.share(realized).min(1.0),
        theorem1_bound: gamma.filter(|g| *g > 0.0).map(|g| (1.0 + 1.0 / g) * psi),
    }
}

fn gamma_f64(graph: &RestakingGraph) -> Result<Option<f64>, NetworkError> {
    Ok(verdict(graph)?.gamma_star.map(crate::model::num::to_f64))
}

/// One point of the worst-case stake loss curve (Durvasula & Roughgarden, §2,
/// <https://arxiv.org/abs/2407.21785>):
///
/// `R_ψ(G) = ψ + max_{D ⊆ V, σ_D ≤ ψ σ_V} max_{(A_1,B_1),…,(A_T,B_T) cascade on G↓D} σ(∪_t B_t) / σ_V`.
///
/// Reading of the definition, stated so a reviewer can check it:
/// - the union of a cascade is itself a valid attack on `G ↓ D` (Corollary 1) and one attack
///   is a one-step cascade, so the inner maximum is `max σ_B` over valid attacks on `G ↓ D`;
/// - as in the paper's definition of an attacking coalition, `B` need not lie inside `N(A)`:
///   extra validators may join as long as the attack stays valid, and their stake counts;
/// - the formula adds ψ itself, not `σ_D/σ_V`, so for ψ above the worst shock's real size
///   `r_psi` can exceed the stake actually lost (and even 1: Theorem 2's graph has
///   `R_0.2 = 0.2 + 0.95` by the formula). The paper's statement "`R_ψ(G) = 1` for all
///   `ψ ≥ ε`" matches [`ShockOutcome::realized_share`], which is therefore reported too.
///
/// Exhaustive over every shock `D` within the budget and every coalition on `G ↓ D`
/// (at most `3^12 ≈ 531 000` pairs for 12 validators, pruned), so one call is a few
/// milliseconds; the UI can compute one ψ per frame. `ψ` is clamped to `[0, 1]` (NaN → 0).
/// Theorem 1: if `G` is secure with γ-slack, `γ > 0`, then `R_ψ(G) < (1 + 1/γ) ψ`.
pub fn worst_case_at(graph: &RestakingGraph, psi: f64) -> Result<ShockOutcome, NetworkError> {
    let c = graph.compile();
    if c.total <= 0.0 {
        return Err(NetworkError::NoStake);
    }
    let psi = clamp_psi(psi);
    let budget = psi * c.total + c.tol;
    let losses: Vec<(f64, u16)> = (0..=c.all_v())
        .map(|d| {
            if c.sigma(d) <= budget {
                cascade_loss_for_shock(&c, d)
            } else {
                (0.0, 0)
            }
        })
        .collect();
    Ok(outcome_from_losses(&c, psi, &losses, gamma_f64(graph)?))
}

/// [`worst_case_at`] for many ψ at once; the per-shock cascade losses are computed once
/// and shared by all points (about the cost of one `worst_case_at(ψ = 1)`).
pub fn worst_case_curve(
    graph: &RestakingGraph,
    psis: &[f64],
) -> Result<Vec<ShockOutcome>, NetworkError> {
    let c = graph.compile();
    if c.total <= 0.0 {
        return Err(NetworkError::NoStake);
    }
    let gamma = gamma_f64(graph)?;
    let losses: Vec<(f64, u16)> = (0..=c.all_v())
        .map(|d| cascade_loss_for_shock(&c, d))
        .collect();
    Ok(psis
        .iter()
        .map(|&p| outcome_from_losses(&c, clamp_psi(p), &losses, gamma))
        .collect())
}

/// Loss seen from a coalition of services `C` (our reading of the local measure of §5–7 of
/// Durvasula & Roughgarden, <https://arxiv.org/abs/2407.21785>, used by Theorems 6 and 8).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalLoss {
    /// `C`, service indices.
    pub coalition: Vec<usize>,
    /// Validators exclusive to `C` (every service they restake to is in `C`, and at least one).
    pub exclusive_validators: Vec<usize>,
    /// Their stake.
    pub exclusive_stake: Decimal,
    /// Share of the exclusive stake the shock hits directly.
    pub shock_share: f64,
    /// Worst share of the exclusive stake lost, shock plus the worst cascade after it
    /// (`max σ((D ∪ B) ∩ V_C) / σ(V_C)` over valid attacks `(A, B)` on `G ↓ D`).
    pub lost_share: f64,
    /// The attack achieving it, if any.
    pub attack: Option<Attack>,
}

/// Worst loss of the validators exclusive to a coalition `C` after a given shock `D`.
///
/// Reconstruction (documented honestly): the paper's local guarantees measure the stake of
/// `C`'s own validators and let the shock hit other validators freely; Theorems 6 and 8 show
/// graphs where a shock outside `C`'s exclusive validators (ψ = 0 for `C`) makes `C`'s
/// exclusive validators lose everything, `R_0(C, G) = 1`. Returns `lost_share = 0` when `C`
/// has no exclusive stake. Out-of-range indices are ignored.
pub fn local_loss(
    graph: &RestakingGraph,
    coalition: &[usize],
    shock: &[usize],
) -> Result<LocalLoss, NetworkError> {
    let c = graph.compile();
    let cm = mask_of(coalition, c.ns) as u8;
    let d = mask_of(shock, c.nv);
    let mut excl = 0u16;
    for (i, v) in c.g.validators.iter().enumerate() {
        if v.services != 0 && v.services & !cm == 0 {
            excl |= 1 << i;
        }
    }
    let ex = c.sigma(excl);
    let need = c.needs(d);
    let free = c.all_v() & !d;
    let mut best: Option<(u8, u16, f64)> = None;
    let mut b = free;
    loop {
        let a = c.attack_set(b, &need, c.all_s());
        if c.is_valid(a, b) {
            let hit = c.sigma(b & excl);
            if best.is_none_or(|(_, _, h)| hit > h + c.tol) {
                best = Some((a, b, hit));
            }
        }
        if b == 0 {
            break;
        }
        b = (b - 1) & free;
    }
    let direct = c.sigma(d & excl);
    let share = |x: f64| if ex > 0.0 { (x / ex).min(1.0) } else { 0.0 };
    Ok(LocalLoss {
        coalition: bits(cm as u32, c.ns),
        exclusive_validators: bits(excl as u32, c.nv),
        exclusive_stake: c.attack(0, excl)?.stake,
        shock_share: share(direct),
        lost_share: share(direct + best.map_or(0.0, |(_, _, h)| h)),
        attack: best.map(|(a, b, _)| c.attack(a, b)).transpose()?,
    })
}

/// Ready-made graphs: a healthy network and small instances of the paper's lower-bound
/// constructions (Durvasula & Roughgarden, §4, §7, §8, <https://arxiv.org/abs/2407.21785>).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Preset {
    /// An illustrative network (our numbers, not from the paper): 4 services, 8 validators of
    /// 32 ETH, every validator passes Claim 1 with room to spare (Corollary 2 holds up to
    /// γ ≈ 0.52), `γ* = 1`.
    Healthy,
    /// Theorem 2 with ε = 0.05: one service `x` (`π = 100`, `α = 1`), validators `a` (`σ = 5`)
    /// and `b` (`σ = 95`). Secure, Claim 1 holds with equality for both, `γ* = 0`; the shock
    /// `D = {a}` (5 % of stake) lets `b` attack alone: everything is lost, `R_0.05 = 1`.
    Theorem2,
    /// Theorem 3 with γ = 1, ψ = 0.2, ε = 0.01: service `x` with `α = 1` and
    /// `π = (σ_a+σ_b)/(1+γ) = 19.5`, validators `a = 20` (= ψσ_V), `b = σ_a(1/γ − ε/ψ) = 19`
    /// on `x`, and `c = 61` restaking nowhere. Corollary 2 holds with equality, `γ* = 1`;
    /// after `D = {a}`, `b` attacks: `R_0.2 = 0.39`, within ε of the bound `(1+1/γ)ψ = 0.4`.
    /// The stakes are the paper's formulas; `π_x` and the edges were reconstructed from the
    /// proof's equalities (`π_x − σ_b = γεσ_a/((1+γ)ψ)` and Corollary 2 tight for `a`), which
    /// force `c ∉ N(x)`: `c` only pads `σ_V` so that `σ_a = ψσ_V`.
    Theorem3,
    /// Theorem 6 with γ = 1, π = 10: a triangle of services `x, y, z` and validators
    /// `a, b, c` (`x:{a,b}`, `y:{b,c}`, `z:{c,a}`, `α = 1`), `σ_a = 15 < 2π`,
    /// `σ_b = σ_c = 2(1+γ)π = 40`. Corollary 2 holds with γ = 1, yet a shock to `b, c`
    /// (none of it on `C = {x, z}`'s exclusive validator `a`) loses all of `a`: a local failure.
    Theorem6,
    /// Theorem 8 with n = 12 (N = 2): 12 validators of stake 1, six services with `π = 2`,
    /// `α = 1`; two services each secured by 6 validators and four by 3, connected. Every
    /// validator meets Claim 1 with equality (`2/6 + 2/3 = 1`) and `γ* = 0`; one validator's
    /// shock (ψ = 1/12) loses the whole network, and `C = {s0, s2}` fails locally.
    Theorem8,
}

fn d(x: i64) -> Decimal {
    Decimal::from(x)
}
fn dm(m: i64, scale: u32) -> Decimal {
    Decimal::new(m, scale)
}
fn svc(profit: Decimal, alpha: Decimal) -> Service {
    Service { profit, alpha }
}
fn val(stake: Decimal, services: u8) -> Validator {
    Validator { stake, services }
}

impl Preset {
    /// Every preset, in display order.
    pub const ALL: [Preset; 5] = [
        Preset::Healthy,
        Preset::Theorem2,
        Preset::Theorem3,
        Preset::Theorem6,
        Preset::Theorem8,
    ];

    /// The preset's graph.
    pub fn graph(self) -> RestakingGraph {
        match self {
            Preset::Healthy => {
                let half = dm(5, 1);
                let two_thirds = dm(67, 2);
                RestakingGraph {
                    services: vec![
                        svc(d(24), half),
                        svc(d(18), half),
                        svc(d(12), two_thirds),
                        svc(d(6), half),
                    ],
                    validators: vec![
                        val(d(32), 0b0001),
                        val(d(32), 0b0011),
                        val(d(32), 0b0101),
                        val(d(32), 0b0010),
                        val(d(32), 0b0110),
                        val(d(32), 0b1001),
                        val(d(32), 0b1100),
                        val(d(32), 0b1010),
                    ],
                }
            }
            Preset::Theorem2 => RestakingGraph {
                services: vec![svc(d(100), Decimal::ONE)],
                validators: vec![val(d(5), 1), val(d(95), 1)],
            },
            Preset::Theorem3 => RestakingGraph {
                services: vec![svc(dm(195, 1), Decimal::ONE)],
                validators: vec![val(d(20), 1), val(d(19), 1), val(d(61), 0)],
            },
            Preset::Theorem6 => RestakingGraph {
                services: vec![svc(d(10), Decimal::ONE); 3],
                // x = bit 0, y = bit 1, z = bit 2; a: x,z; b: x,y; c: y,z.
                validators: vec![val(d(15), 0b101), val(d(40), 0b011), val(d(40), 0b110)],
            },
            Preset::Theorem8 => {
                // s0, s1: the 6-validator services; s2..s5: the 3-validator services
                // s2 = {0,1,2}, s3 = {3,4,6}, s4 = {5,7,8}, s5 = {9,10,11}.
                let masks: [u8; 12] = [
                    0b000101, 0b000101, 0b000101, 0b001001, 0b001001, 0b010001, 0b001010, 0b010010,
                    0b010010, 0b100010, 0b100010, 0b100010,
                ];
                RestakingGraph {
                    services: vec![svc(d(2), Decimal::ONE); 6],
                    validators: masks.iter().map(|&m| val(d(1), m)).collect(),
                }
            }
        }
    }

    /// The shock that exhibits the preset's behaviour (validator indices).
    pub fn shock(self) -> Vec<usize> {
        match self {
            Preset::Healthy => vec![1],
            Preset::Theorem2 | Preset::Theorem3 | Preset::Theorem8 => vec![0],
            Preset::Theorem6 => vec![1, 2],
        }
    }

    /// The shock budget ψ that exhibits the preset's behaviour.
    pub fn psi(self) -> f64 {
        match self {
            Preset::Healthy => 0.125,
            Preset::Theorem2 => 0.05,
            Preset::Theorem3 => 0.2,
            Preset::Theorem6 => 0.0,
            Preset::Theorem8 => 1.0 / 12.0,
        }
    }

    /// The coalition `C` (and the shock) of the local failure, for Theorems 6 and 8.
    pub fn local_failure(self) -> Option<(Vec<usize>, Vec<usize>)> {
        match self {
            Preset::Theorem6 => Some((vec![0, 2], vec![1, 2])),
            Preset::Theorem8 => Some((vec![0, 2], vec![3, 4, 5])),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Unique stake
// ---------------------------------------------------------------------------------------

/// A validator of the unique-stake variant: a stake split into separate allocations.
///
/// Domain: `stake` in `0..=MAX_AMOUNT`; each `allocations[s]` in `0..=MAX_AMOUNT` with
/// `Σ_s allocations[s] ≤ stake` (ELIP-002: allocated magnitudes never exceed 100 %);
/// [`UniqueStakeGraph::clamped`] scales allocations down proportionally when they exceed it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct UniqueValidator {
    /// The validator's whole stake (allocated or not).
    pub stake: Decimal,
    /// `w(v, s)`: the part of the stake only service `s` can slash (0 = no edge).
    pub allocations: [Decimal; MAX_SERVICES],
}

/// The unique-stake variant of a restaking graph (EigenLayer ELIP-002, "Slashing via Unique
/// Stake & Operator Sets", <https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md>):
/// each validator allocates a separate amount `w(v, s)` to each service and a service can
/// slash only its own allocations.
///
/// Model (our adaptation of Durvasula & Roughgarden's definitions): with
/// `W_s = Σ_v w(v, s)`, `(A, B)` attacks if `w(B, s) ≥ α_s W_s` for every `s ∈ A`; the attack
/// costs `c(A, B) = Σ_{s∈A} w(B, s)` (only the allocations to attacked services are slashed)
/// and is valid if `π_A > c(A, B)`. For a given `B` the attacker takes the services that pay
/// individually, `A⁺_B = {s ∈ A_B : π_s > w(B, s)}`.
///
/// Why the cascade channel disappears: an attack slashes `w(B, s)` for `s ∈ A` only, so the
/// allocations `W_{s'}` of every other service are untouched, and any attack possible after
/// step `t` was already possible right after the shock. A shock still weakens the services
/// it hits directly, but nothing propagates from service to service. The price: each service
/// is secured only by what is allocated to it, so the same stake buys less security per
/// service than pooled restaking (compare [`UniqueStakeGraph::even_split`] with the original).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UniqueStakeGraph {
    /// The services (same as in [`RestakingGraph`]).
    pub services: Vec<Service>,
    /// The validators and their allocations.
    pub validators: Vec<UniqueValidator>,
}

impl Default for UniqueStakeGraph {
    fn default() -> Self {
        UniqueStakeGraph::even_split(&RestakingGraph::default())
    }
}

impl UniqueStakeGraph {
    /// Each validator of a pooled graph splits its stake evenly across its services
    /// (`w(v, s) = σ_v / |N(v)|`).
    pub fn even_split(graph: &RestakingGraph) -> Self {
        let g = graph.clamped();
        let validators = g
            .validators
            .iter()
            .map(|v| {
                let k = v.services.count_ones();
                let share = if k == 0 {
                    Decimal::ZERO
                } else {
                    v.stake / Decimal::from(k)
                };
                let mut allocations = [Decimal::ZERO; MAX_SERVICES];
                for (s, w) in allocations.iter_mut().enumerate() {
                    if v.restakes_to(s) {
                        *w = share;
                    }
                }
                UniqueValidator {
                    stake: v.stake,
                    allocations,
                }
            })
            .collect();
        UniqueStakeGraph {
            services: g.services,
            validators,
        }
    }

    /// The graph with every field clamped into its domain (see [`UniqueValidator`]).
    pub fn clamped(&self) -> Self {
        let services: Vec<Service> = RestakingGraph {
            services: self.services.clone(),
            validators: Vec::new(),
        }
        .clamped()
        .services;
        let ns = services.len();
        let validators = self
            .validators
            .iter()
            .take(MAX_VALIDATORS)
            .map(|v| {
                let stake = clamp_amount(v.stake);
                let mut allocations = [Decimal::ZERO; MAX_SERVICES];
                for (s, (w, &x)) in allocations.iter_mut().zip(&v.allocations).enumerate() {
                    if s < ns {
                        *w = clamp_amount(x);
                    }
                }
                let sum: Decimal = allocations.iter().copied().sum();
                if sum > stake && sum > Decimal::ZERO {
                    let f = stake / sum;
                    for w in allocations.iter_mut() {
                        *w = (*w * f).round_dp_with_strategy(18, RoundingStrategy::ToZero);
                    }
                }
                UniqueValidator { stake, allocations }
            })
            .collect();
        UniqueStakeGraph {
            services,
            validators,
        }
    }

    fn compile(&self) -> UCompiled {
        let g = self.clamped();
        let ns = g.services.len();
        let nv = g.validators.len();
        let stakes: Vec<f64> = g
            .validators
            .iter()
            .map(|v| crate::model::num::to_f64(v.stake))
            .collect();
        let mut wsum = Vec::with_capacity(ns);
        for s in 0..ns {
            let col: Vec<f64> = g
                .validators
                .iter()
                .map(|v| {
                    crate::model::num::to_f64(v.allocations.get(s).copied().unwrap_or_default())
                })
                .collect();
            wsum.push(subset_sums(&col));
        }
        let mut profit = [0.0; MAX_SERVICES];
        let mut alpha = [1.0; MAX_SERVICES];
        for ((p, a), s) in profit.iter_mut().zip(alpha.iter_mut()).zip(&g.services) {
            *p = crate::model::num::to_f64(s.profit);
            *a = crate::model::num::to_f64(s.alpha);
        }
        let ssum = subset_sums(&stakes);
        let total = ssum.last().copied().unwrap_or(0.0);
        let ptotal: f64 = profit.iter().sum();
        let tol = REL_TOL * (total + ptotal).max(1e-300);
        UCompiled {
            g,
            ns,
            nv,
            profit,
            alpha,
            wsum,
            tol,
            total,
        }
    }
}

struct UCompiled {
    g: UniqueStakeGraph,
    ns: usize,
    nv: usize,
    profit: [f64; MAX_SERVICES],
    alpha: [f64; MAX_SERVICES],
    /// `w(B, s)` for every validator subset `B`, per service.
    wsum: Vec<Vec<f64>>,
    tol: f64,
    total: f64,
}

impl UCompiled {
    fn all_v(&self) -> u16 {
        ((1u32 << self.nv) - 1) as u16
    }
    fn w(&self, s: usize, b: u16) -> f64 {
        self.wsum
            .get(s)
            .and_then(|t| t.get(b as usize))
            .copied()
            .unwrap_or(0.0)
    }
    /// `(A⁺_B, A_B)` given the alive validators and services.
    fn sets(&self, b: u16, alive_v: u16, alive_s: u8) -> (u8, u8) {
        let (mut plus, mut all) = (0u8, 0u8);
        for s in 0..self.ns {
            if alive_s & (1 << s) == 0 {
                continue;
            }
            let wb = self.w(s, b & alive_v);
            if wb >= self.alpha[s] * self.w(s, alive_v) - self.tol {
                all |= 1 << s;
                if self.profit[s] > wb + self.tol {
                    plus |= 1 << s;
                }
            }
        }
        (plus, all)
    }
    fn cost(&self, a: u8, b: u16) -> f64 {
        (0..self.ns)
            .filter(|s| a & (1 << s) != 0)
            .map(|s| self.w(s, b))
            .sum()
    }
    fn pi(&self, a: u8) -> f64 {
        (0..self.ns)
            .filter(|s| a & (1 << s) != 0)
            .map(|s| self.profit[s])
            .sum()
    }
    fn attack(&self, a: u8, b: u16) -> Result<Attack, NetworkError> {
        let services = bits(a as u32, self.ns);
        let validators = bits(b as u32, self.nv);
        let mut profit = Decimal::ZERO;
        let mut cost = Decimal::ZERO;
        for &s in &services {
            let p = self.g.services.get(s).map(|x| x.profit).unwrap_or_default();
            profit = profit.checked_add(p).ok_or(NetworkError::Overflow)?;
            for &v in &validators {
                let w = self
                    .g
                    .validators
                    .get(v)
                    .and_then(|x| x.allocations.get(s).copied())
                    .unwrap_or_default();
                cost = cost.checked_add(w).ok_or(NetworkError::Overflow)?;
            }
        }
        let net_profit = profit.checked_sub(cost).ok_or(NetworkError::Overflow)?;
        Ok(Attack {
            services,
            validators,
            profit,
            stake: cost,
            net_profit,
        })
    }
    /// Best attack by policy on the state (alive validators, alive services).
    fn pick(&self, alive_v: u16, alive_s: u8, policy: CascadePolicy) -> Option<(u8, u16)> {
        let mut best: Option<(u8, u16, f64, f64)> = None;
        let mut b = alive_v;
        loop {
            let (a, _) = self.sets(b, alive_v, alive_s);
            if a != 0 {
                let cost = self.cost(a, b);
                let net = self.pi(a) - cost;
                let better = match best {
                    None => true,
                    Some((_, bb, bc, bn)) => {
                        let key = |c: f64, n: f64| match policy {
                            CascadePolicy::MaxProfit => (n, -c),
                            CascadePolicy::MaxLoss => (c, n),
                            CascadePolicy::SmallestFirst => (-c, n),
                        };
                        let (k1, k2) = key(cost, net);
                        let (o1, o2) = key(bc, bn);
                        k1 > o1 + self.tol
                            || (k1 >= o1 - self.tol
                                && (k2 > o2 + self.tol
                                    || (k2 >= o2 - self.tol && b.count_ones() < bb.count_ones())))
                    }
                };
                if better {
                    best = Some((a, b, cost, net));
                }
            }
            if b == 0 {
                break;
            }
            b = (b - 1) & alive_v;
        }
        best.map(|(a, b, _, _)| (a, b))
    }
}

/// [`verdict`] for the unique-stake variant (model in [`UniqueStakeGraph`]).
///
/// `γ* = min c(A, B)/π_A − 1` over attacking coalitions; since both sums split by service,
/// the minimum is reached on a single service (mediant inequality), so
/// `γ* = min_s min_{B attacks s} w(B, s)/π_s − 1`. `best_attack` maximises
/// `π_A − c(A, B)` with `A = A⁺_B`; `smallest_attack` minimises `c(A⁺_B, B)`.
pub fn unique_verdict(graph: &UniqueStakeGraph) -> Result<Verdict, NetworkError> {
    let c = graph.compile();
    let all_v = c.all_v();
    let all_s = service_mask(c.ns);
    let mut tight: Option<(u8, u16, f64)> = None;
    for b in 0..=all_v {
        let (_, attackable) = c.sets(b, all_v, all_s);
        for s in 0..c.ns {
            if attackable & (1 << s) != 0 && c.profit[s] > 0.0 {
                let r = c.w(s, b) / c.profit[s];
                if tight.is_none_or(|(_, _, x)| r < x) {
                    tight = Some((1 << s, b, r));
                }
            }
        }
    }
    let best = c.pick(all_v, all_s, CascadePolicy::MaxProfit);
    let small = c.pick(all_v, all_s, CascadePolicy::SmallestFirst);
    let tightest = tight.map(|(a, b, _)| c.attack(a, b)).transpose()?;
    let gamma_star = match &tightest {
        Some(t) if t.profit > Decimal::ZERO => Some(
            t.stake
                .checked_div(t.profit)
                .ok_or(NetworkError::Overflow)?
                - Decimal::ONE,
        ),
        _ => None,
    };
    Ok(Verdict {
        secure: best.is_none(),
        gamma_star,
        tightest,
        best_attack: best.map(|(a, b)| c.attack(a, b)).transpose()?,
        smallest_attack: small.map(|(a, b)| c.attack(a, b)).transpose()?,
    })
}

/// [`cascade`] for the unique-stake variant: the shock `D` wipes all allocations of its
/// validators; each step takes a valid attack `(A⁺_B, B)` by `policy`, slashes
/// `w(B, s)` for `s ∈ A` and removes the corrupted services. Validators keep their other
/// allocations, so later steps are never *enabled* by earlier ones (see [`UniqueStakeGraph`]).
/// Losses are slashed allocations; shares are of the total stake `σ_V`.
pub fn unique_cascade(
    graph: &UniqueStakeGraph,
    shock: &[usize],
    policy: CascadePolicy,
) -> Result<Cascade, NetworkError> {
    let c = graph.compile();
    if c.total <= 0.0 {
        return Err(NetworkError::NoStake);
    }
    let d = mask_of(shock, c.nv);
    let alive_v = c.all_v() & !d;
    let mut shock_stake = Decimal::ZERO;
    for v in bits(d as u32, c.nv) {
        let s = c.g.validators.get(v).map(|x| x.stake).unwrap_or_default();
        shock_stake = shock_stake.checked_add(s).ok_or(NetworkError::Overflow)?;
    }
    let share = |x: f64| if c.total > 0.0 { x / c.total } else { 0.0 };
    let shock_f = crate::model::num::to_f64(shock_stake);
    let mut alive_s = service_mask(c.ns);
    let mut lost = shock_stake;
    let mut lost_f = shock_f;
    let mut steps = Vec::new();
    let mut fallen = 0u8;
    while let Some((a, b)) = c.pick(alive_v, alive_s, policy) {
        let attack = c.attack(a, b)?;
        lost = lost
            .checked_add(attack.stake)
            .ok_or(NetworkError::Overflow)?;
        lost_f += c.cost(a, b);
        alive_s &= !a;
        fallen |= a;
        steps.push(CascadeStep {
            attack,
            cumulative_loss: lost,
            cumulative_share: share(lost_f),
        });
    }
    Ok(Cascade {
        shock: bits(d as u32, c.nv),
        shock_stake,
        shock_share: share(shock_f),
        steps,
        total_loss: lost,
        total_share: share(lost_f),
        fallen_services: bits(fallen as u32, c.ns),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dd(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    // --- Golden tests: the paper's constructions (Durvasula & Roughgarden, arXiv:2407.21785) ---

    #[test]
    fn golden_theorem2_secure_claim1_equality_yet_total_loss() {
        // Theorem 2 (§4): secure, meets Claim 1 (with equality), yet R_ψ(G) = 1 at ψ = ε.
        let g = Preset::Theorem2.graph();
        let v = verdict(&g).unwrap();
        assert!(v.secure);
        assert_eq!(v.gamma_star, Some(Decimal::ZERO));
        let c1 = claim1(&g).unwrap();
        assert!(c1.implies_secure);
        assert!(c1.validators.iter().all(|l| l.margin.is_zero()));
        let o = worst_case_at(&g, 0.05).unwrap();
        assert!(close(o.r_psi, 1.0), "{o:?}");
        assert!(close(o.realized_share, 1.0));
        assert_eq!(o.worst_shock, vec![0]);
        // A smaller shock cannot remove a, so nothing happens: R_ψ = ψ.
        assert!(close(worst_case_at(&g, 0.04).unwrap().r_psi, 0.04));
        // For ψ > ε the paper's formula (ψ + cascade) exceeds 1 while the realised loss is 1.
        let o = worst_case_at(&g, 0.2).unwrap();
        assert!(close(o.realized_share, 1.0) && close(o.r_psi, 1.15));
        let cas = cascade(&g, &[0], CascadePolicy::MaxProfit).unwrap();
        assert_eq!(cas.steps.len(), 1);
        assert_eq!(cas.steps[0].attack.validators, vec![1]);
        assert_eq!(cas.total_loss, d(100));
    }

    #[test]
    fn golden_theorem3_bound_is_tight() {
        // Theorem 3 (§4): Corollary 2 holds with γ = 1, yet R_ψ ≥ (1 + 1/γ)ψ − ε.
        let g = Preset::Theorem3.graph();
        let v = verdict(&g).unwrap();
        assert_eq!(v.gamma_star, Some(Decimal::ONE));
        let c2 = claim1_with_slack(&g, Decimal::ONE).unwrap();
        assert!(c2.implies_secure);
        assert!(c2.validators[0].margin.is_zero() && c2.validators[1].margin.is_zero());
        let o = worst_case_at(&g, 0.2).unwrap();
        assert!(close(o.r_psi, 0.39), "{o:?}");
        let bound = o.theorem1_bound.unwrap();
        assert!(close(bound, 0.4));
        assert!(o.r_psi < bound && o.r_psi >= bound - 0.01 - 1e-12);
    }

    #[test]
    fn golden_theorem6_local_failure() {
        // Theorem 6 (§7): Corollary 2 holds with γ = 1 but R_0(C, G) = 1 for C = {x, z}.
        let g = Preset::Theorem6.graph();
        assert!(claim1_with_slack(&g, Decimal::ONE).unwrap().implies_secure);
        let v = verdict(&g).unwrap();
        assert!(v.secure);
        // Tightest coalition: everyone attacks everything, 95 / 30 − 1.
        assert_eq!(v.gamma_star.unwrap().round_dp(6), dd("2.166667"));
        let (c, shock) = Preset::Theorem6.local_failure().unwrap();
        let l = local_loss(&g, &c, &shock).unwrap();
        assert_eq!(l.exclusive_validators, vec![0]);
        assert!(close(l.shock_share, 0.0));
        assert!(close(l.lost_share, 1.0));
    }

    #[test]
    fn golden_theorem8_equality_everywhere_yet_collapse() {
        // Theorem 8 (§8): Claim 1 with equality for every validator, max π_s/σ_v = 2,
        // yet R_ψ(S, G) = 1 for ψ ≥ ε (here ε = 1/n = 1/12) and R_0(C, G) = 1 for C ⊂ S.
        let g = Preset::Theorem8.graph();
        let c1 = claim1(&g).unwrap();
        assert!(c1.implies_secure);
        assert!(c1
            .validators
            .iter()
            .all(|l| l.margin.is_zero() && l.load == d(1)));
        let v = verdict(&g).unwrap();
        assert!(v.secure);
        assert_eq!(v.gamma_star, Some(Decimal::ZERO));
        let o = worst_case_at(&g, 1.0 / 12.0).unwrap();
        assert!(close(o.r_psi, 1.0), "{o:?}");
        assert!(close(worst_case_at(&g, 0.08).unwrap().r_psi, 0.08));
        let (c, shock) = Preset::Theorem8.local_failure().unwrap();
        let l = local_loss(&g, &c, &shock).unwrap();
        assert_eq!(l.exclusive_validators, vec![0, 1, 2]);
        assert!(close(l.lost_share, 1.0));
        // One validator knocked out: the whole network goes in a single attack.
        let cas = cascade(&g, &[0], CascadePolicy::MaxProfit).unwrap();
        assert!(close(cas.total_share, 1.0));
        assert_eq!(cas.fallen_services.len(), 6);
    }

    #[test]
    fn it_healthy_preset_is_robust() {
        let g = Preset::Healthy.graph();
        let v = verdict(&g).unwrap();
        assert!(v.secure);
        assert_eq!(v.gamma_star, Some(Decimal::ONE));
        assert!(claim1_with_slack(&g, dd("0.5")).unwrap().implies_secure);
        assert!(!claim1_with_slack(&g, dd("0.6")).unwrap().implies_secure);
        assert!(claim1(&g).unwrap().implies_secure);
        let o = worst_case_at(&g, Preset::Healthy.psi()).unwrap();
        assert!(o.r_psi < o.theorem1_bound.unwrap());
    }

    // --- Hand-computed table tests ---

    #[test]
    fn it_finds_the_cheapest_attack() {
        // s0: π = 10, α = 1/2, validators v0 (4), v1 (6). s1: π = 3, α = 1, validator v1.
        // B = {v0}: attacks s0 (4 ≥ 5? no). B = {v1}: s0 (6 ≥ 5) and s1: π = 13 > 6, net 7.
        let g = RestakingGraph {
            services: vec![svc(d(10), dm(5, 1)), svc(d(3), Decimal::ONE)],
            validators: vec![val(d(4), 0b01), val(d(6), 0b11)],
        };
        let v = verdict(&g).unwrap();
        assert!(!v.secure);
        let best = v.best_attack.unwrap();
        assert_eq!(
            (best.services.clone(), best.validators.clone()),
            (vec![0, 1], vec![1])
        );
        assert_eq!(best.net_profit, d(7));
        // γ* = 6/13 − 1.
        assert_eq!(v.gamma_star.unwrap().round_dp(6), dd("-0.538462"));
    }

    #[test]
    fn it_reports_claim1_margins() {
        // v0: 10 stake on s (π 6, α 1/2, σ(N(s)) = 20): load = 10/20 · 12 = 6, margin 4.
        let g = RestakingGraph {
            services: vec![svc(d(6), dm(5, 1))],
            validators: vec![val(d(10), 1), val(d(10), 1)],
        };
        let r = claim1(&g).unwrap();
        assert_eq!(r.validators[0].load, d(6));
        assert_eq!(r.validators[0].margin, d(4));
        assert!(r.all_pass);
        // An unbacked service voids the condition.
        let mut g2 = g.clone();
        g2.services.push(svc(d(1), Decimal::ONE));
        let r2 = claim1(&g2).unwrap();
        assert!(r2.all_pass && !r2.implies_secure);
        assert_eq!(r2.unbacked_services, vec![1]);
        assert!(!verdict(&g2).unwrap().secure);
    }

    #[test]
    fn it_cascades_step_by_step() {
        // Chain: s0 (π 5) on {v0: 4}; s1 (π 7) on {v0, v1: 6}, α = 1.
        // No shock: s0 attackable by v0 (5 > 4): valid. After v0 is gone, s1 has only v1:
        // 7 > 6: valid. SmallestFirst goes s0 then s1.
        let g = RestakingGraph {
            services: vec![svc(d(5), Decimal::ONE), svc(d(7), Decimal::ONE)],
            validators: vec![val(d(4), 0b11), val(d(6), 0b10)],
        };
        let c = cascade(&g, &[], CascadePolicy::SmallestFirst).unwrap();
        assert_eq!(c.steps.len(), 2);
        assert_eq!(c.steps[0].attack.services, vec![0]);
        assert_eq!(c.steps[1].attack.services, vec![1]);
        assert_eq!(c.steps[1].cumulative_loss, d(10));
        assert!(close(c.total_share, 1.0));
        // Unique stake (even split: v0 gives 2 to each): s0 secured by 2, s1 by 2 + 6.
        let u = UniqueStakeGraph::even_split(&g);
        let uc = unique_cascade(&u, &[], CascadePolicy::SmallestFirst).unwrap();
        // s0 falls (5 > 2); s1 needs both allocations, 8 ≥ 7: unprofitable, and slashing v0's
        // allocation to s0 leaves s1's 8 intact: no cascade.
        assert_eq!(uc.fallen_services, vec![0]);
        assert_eq!(uc.total_loss, d(2));
    }

    #[test]
    fn it_prices_unique_stake() {
        // Theorem 8's graph with each validator splitting its stake 1/2 : 1/2. A 3-validator
        // service now holds 3 × 0.5 = 1.5 < π = 2: insecure, γ* = 1.5 / 2 − 1 = −0.25. The
        // same capital that was (just) secure when pooled buys less security per service.
        let u = UniqueStakeGraph::even_split(&Preset::Theorem8.graph());
        let v = unique_verdict(&u).unwrap();
        assert!(!v.secure);
        assert_eq!(v.gamma_star, Some(dd("-0.25")));
        // Best: all validators take the four 3-validator services (net 0.5 each) and leave
        // the 6-validator ones (cost 3 > π = 2) alone.
        let best = v.best_attack.unwrap();
        assert_eq!(best.services, vec![2, 3, 4, 5]);
        assert_eq!(best.net_profit, d(2));
        // Theorem 2's graph: one service, so unique and pooled coincide; the shock still
        // hits x directly and b attacks it.
        let u2 = UniqueStakeGraph::even_split(&Preset::Theorem2.graph());
        assert!(unique_verdict(&u2).unwrap().secure);
        let c = unique_cascade(&u2, &[0], CascadePolicy::MaxProfit).unwrap();
        assert_eq!(c.total_loss, d(100));
        // Allocations above the stake are scaled down to it.
        let mut w = [Decimal::ZERO; MAX_SERVICES];
        w[0] = d(30);
        w[1] = d(10);
        let over = UniqueStakeGraph {
            services: vec![svc(d(1), Decimal::ONE); 2],
            validators: vec![UniqueValidator {
                stake: d(20),
                allocations: w,
            }],
        }
        .clamped();
        assert_eq!(over.validators[0].allocations[0], d(15));
        assert_eq!(over.validators[0].allocations[1], d(5));
    }

    #[test]
    fn it_handles_degenerate_inputs() {
        let empty = RestakingGraph {
            services: vec![],
            validators: vec![],
        };
        assert!(verdict(&empty).unwrap().secure);
        assert_eq!(worst_case_at(&empty, 0.5), Err(NetworkError::NoStake));
        let huge = RestakingGraph {
            services: vec![svc(Decimal::MAX, Decimal::MIN); 9],
            validators: vec![val(Decimal::MAX, 0xff); 20],
        };
        let c = huge.clamped();
        assert_eq!((c.services.len(), c.validators.len()), (6, 12));
        assert!(verdict(&huge).is_ok());
        assert!(worst_case_at(&huge, f64::NAN).is_ok());
        assert!(claim1(&huge).is_ok());
    }

    // --- Naive reference: enumerate every (A, B) straight from the definitions, in Decimal ---

    struct Naive {
        secure: bool,
        gamma_star: Option<Decimal>,
        best_net: Option<Decimal>,
    }

    fn naive_attacking(g: &RestakingGraph, a: u32, b: u32, removed: u32) -> bool {
        (0..g.services.len())
            .filter(|s| a & (1 << s) != 0)
            .all(|s| {
                let mut in_b = Decimal::ZERO;
                let mut all = Decimal::ZERO;
                for (i, v) in g.validators.iter().enumerate() {
                    if v.restakes_to(s) && removed & (1 << i) == 0 {
                        all += v.stake;
                        if b & (1 << i) != 0 {
                            in_b += v.stake;
                        }
                    }
                }
                in_b >= g.services[s].alpha * all
            })
    }

    fn naive_sums(g: &RestakingGraph, a: u32, b: u32) -> (Decimal, Decimal) {
        let p = (0..g.services.len())
            .filter(|s| a & (1 << s) != 0)
            .map(|s| g.services[s].profit)
            .sum();
        let st = (0..g.validators.len())
            .filter(|i| b & (1 << i) != 0)
            .map(|i| g.validators[i].stake)
            .sum();
        (p, st)
    }

    fn naive(g: &RestakingGraph) -> Naive {
        let (ns, nv) = (g.services.len(), g.validators.len());
        let mut out = Naive {
            secure: true,
            gamma_star: None,
            best_net: None,
        };
        for a in 1..(1u32 << ns) {
            for b in 0..(1u32 << nv) {
                if !naive_attacking(g, a, b, 0) {
                    continue;
                }
                let (p, s) = naive_sums(g, a, b);
                if p > Decimal::ZERO {
                    let r = s / p - Decimal::ONE;
                    out.gamma_star = Some(out.gamma_star.map_or(r, |x: Decimal| x.min(r)));
                }
                if p > s {
                    out.secure = false;
                    out.best_net = Some(out.best_net.map_or(p - s, |x: Decimal| x.max(p - s)));
                }
            }
        }
        out
    }

    /// Worst cascade loss after shock `d`, by brute force over cascades of length ≤ 2 built
    /// from the definition (enough to check Corollary 1's reduction on small graphs).
    fn naive_shock_loss(g: &RestakingGraph, d: u32) -> Decimal {
        let (ns, nv) = (g.services.len(), g.validators.len());
        let mut best = Decimal::ZERO;
        for a1 in 1..(1u32 << ns) {
            for b1 in 0..(1u32 << nv) {
                if b1 & d != 0 || !naive_attacking(g, a1, b1, d) {
                    continue;
                }
                let (p1, s1) = naive_sums(g, a1, b1);
                if p1 <= s1 {
                    continue;
                }
                best = best.max(s1);
                for a2 in 1..(1u32 << ns) {
                    if a2 & a1 != 0 {
                        continue;
                    }
                    for b2 in 0..(1u32 << nv) {
                        if b2 & (d | b1) != 0 || !naive_attacking(g, a2, b2, d | b1) {
                            continue;
                        }
                        let (p2, s2) = naive_sums(g, a2, b2);
                        if p2 > s2 {
                            best = best.max(s1 + s2);
                        }
                    }
                }
            }
        }
        best
    }

    fn arb_graph(max_s: usize, max_v: usize) -> impl Strategy<Value = RestakingGraph> {
        (
            prop::collection::vec((0i64..=30, 1i64..=100), 1..=max_s),
            prop::collection::vec((0i64..=20, any::<u8>()), 1..=max_v),
        )
            .prop_map(|(s, v)| RestakingGraph {
                services: s.into_iter().map(|(p, a)| svc(d(p), dm(a, 2))).collect(),
                validators: v.into_iter().map(|(st, m)| val(d(st), m)).collect(),
            })
            .prop_map(|g| g.clamped())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn fast_matches_naive(g in arb_graph(4, 6)) {
            let fast = verdict(&g).unwrap();
            let slow = naive(&g);
            prop_assert_eq!(fast.secure, slow.secure);
            match (fast.gamma_star, slow.gamma_star) {
                (None, None) => {}
                (Some(x), Some(y)) => prop_assert!((x - y).abs() < dd("0.000000001"), "{} {}", x, y),
                other => prop_assert!(false, "gamma mismatch {:?}", other),
            }
            prop_assert_eq!(fast.best_attack.map(|a| a.net_profit), slow.best_net);
            // Secure iff γ* is absent or non-negative.
            prop_assert_eq!(fast.secure, fast.gamma_star.is_none_or(|x| x >= Decimal::ZERO));
        }

        #[test]
        fn shock_losses_match_naive(g in arb_graph(3, 5)) {
            let c = g.compile();
            for dmask in 0..(1u32 << g.validators.len()) {
                let (fast, _) = cascade_loss_for_shock(&c, dmask as u16);
                let slow = crate::model::num::to_f64(naive_shock_loss(&g, dmask));
                prop_assert!((fast - slow).abs() < 1e-9, "D={dmask} fast={fast} slow={slow}");
            }
        }

        #[test]
        fn theorem1_bound_holds(g in arb_graph(6, 8), psi in 0.001f64..1.0) {
            let v = verdict(&g).unwrap();
            if g.total_stake() > Decimal::ZERO {
                if let Some(gamma) = v.gamma_star.filter(|x| *x > Decimal::ZERO) {
                    let gamma = crate::model::num::to_f64(gamma);
                    let o = worst_case_at(&g, psi).unwrap();
                    prop_assert!(o.r_psi < (1.0 + 1.0 / gamma) * psi + 1e-9, "{:?}", o);
                }
            }
        }

        #[test]
        fn cascades_are_sane(g in arb_graph(6, 12), shock in any::<u16>(), pol in 0usize..3) {
            if g.total_stake() > Decimal::ZERO {
                let policy = [CascadePolicy::MaxProfit, CascadePolicy::MaxLoss, CascadePolicy::SmallestFirst][pol];
                let shock_v: Vec<usize> = (0..12).filter(|i| shock & (1 << i) != 0).collect();
                let c = cascade(&g, &shock_v, policy).unwrap();
                prop_assert!(c.steps.len() <= g.services.len());
                prop_assert!(c.total_share >= 0.0 && c.total_share <= 1.0 + 1e-9);
                for s in &c.steps {
                    prop_assert!(s.attack.net_profit > Decimal::ZERO);
                }
                let u = UniqueStakeGraph::even_split(&g);
                let uc = unique_cascade(&u, &shock_v, policy).unwrap();
                prop_assert!(uc.total_share >= 0.0 && uc.total_share <= 1.0 + 1e-9);
            }
        }

        #[test]
        fn unique_stake_has_no_cascade_channel(g in arb_graph(5, 8), shock in any::<u8>()) {
            // Every attack taken at step t ≥ 2 was already valid right after the shock.
            if g.total_stake() > Decimal::ZERO {
                let u = UniqueStakeGraph::even_split(&g);
                let c = u.compile();
                let d = shock as u16 & c.all_v();
                let shock_v = bits(d as u32, c.nv);
                let uc = unique_cascade(&u, &shock_v, CascadePolicy::SmallestFirst).unwrap();
                let alive_v = c.all_v() & !d;
                for step in uc.steps.iter().skip(1) {
                    let b = mask_of(&step.attack.validators, c.nv);
                    let a = mask_of(&step.attack.services, c.ns) as u8;
                    let (plus, _) = c.sets(b, alive_v, service_mask(c.ns));
                    prop_assert_eq!(plus & a, a);
                }
                let uv = unique_verdict(&u).unwrap();
                prop_assert_eq!(uv.secure, uv.gamma_star.is_none_or(|x| x >= Decimal::ZERO));
            }
        }

        #[test]
        fn never_panics(
            s in prop::collection::vec((any::<i64>(), any::<i64>(), 0u32..29), 0..9),
            v in prop::collection::vec((any::<i64>(), 0u32..29, any::<u8>()), 0..15),
            psi in any::<f64>(),
        ) {
            let g = RestakingGraph {
                services: s.iter().map(|&(p, a, k)| svc(Decimal::new(p, k), Decimal::new(a, k))).collect(),
                validators: v.iter().map(|&(st, k, m)| val(Decimal::new(st, k), m)).collect(),
            };
            let _ = verdict(&g);
            let _ = claim1_with_slack(&g, Decimal::MAX);
            let _ = worst_case_at(&g, psi);
            let _ = cascade(&g, &[0, 3, 99], CascadePolicy::MaxLoss);
            let _ = local_loss(&g, &[0, 1, 77], &[2, 99]);
            let u = UniqueStakeGraph::even_split(&g);
            let _ = unique_verdict(&u);
            let _ = unique_cascade(&u, &[1], CascadePolicy::MaxProfit);
        }
    }

    fn dense_6x12(seed: u64) -> RestakingGraph {
        let mut r = crate::model::rng::Rng::new(seed);
        RestakingGraph {
            services: (0..6)
                .map(|_| {
                    svc(
                        d(5 + (r.next_u64() % 40) as i64),
                        dm(34 + (r.next_u64() % 60) as i64, 2),
                    )
                })
                .collect(),
            validators: (0..12)
                .map(|_| {
                    val(
                        d(1 + (r.next_u64() % 32) as i64),
                        (r.next_u64() % 63 + 1) as u8,
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn it_runs_6x12_quickly() {
        // Correctness on the full size; timing figures are in `timing_6x12` (ignored).
        let g = dense_6x12(7);
        assert!(verdict(&g).is_ok());
        let grid: Vec<f64> = (0..20).map(|i| i as f64 / 19.0).collect();
        let curve = worst_case_curve(&g, &grid).unwrap();
        for (p, o) in grid.iter().zip(&curve) {
            let single = worst_case_at(&g, *p).unwrap();
            assert!(close(single.r_psi, o.r_psi));
        }
    }

    #[test]
    #[ignore]
    fn timing_6x12() {
        use std::time::Instant;
        let g = dense_6x12(11);
        let n = 200;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(verdict(std::hint::black_box(&g)).unwrap());
        }
        let per_verdict = t.elapsed().as_secs_f64() * 1e3 / n as f64;
        let t = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(worst_case_at(&g, 1.0).unwrap());
        }
        let per_point = t.elapsed().as_secs_f64() * 1e3 / 20.0;
        let grid: Vec<f64> = (0..20).map(|i| i as f64 / 19.0).collect();
        let t = Instant::now();
        std::hint::black_box(worst_case_curve(&g, &grid).unwrap());
        let curve = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "6x12 random: verdict {per_verdict:.3} ms, worst_case_at(ψ=1) {per_point:.3} ms, 20-point curve {curve:.3} ms"
        );
        // Adversarial for the pruning: profits dwarf stakes and only the full set attacks, so
        // every (D, B) pair is examined.
        let hard = RestakingGraph {
            services: vec![svc(d(1_000_000), Decimal::ONE); 6],
            validators: (0..12).map(|i| val(d(1 + i), 0b111111)).collect(),
        };
        let t = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(worst_case_at(&hard, 1.0).unwrap());
        }
        let hard_point = t.elapsed().as_secs_f64() * 1e3 / 20.0;
        let t = Instant::now();
        std::hint::black_box(verdict(&hard).unwrap());
        let hard_verdict = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "6x12 adversarial: verdict {hard_verdict:.3} ms, worst_case_at(ψ=1) {hard_point:.3} ms"
        );
    }
}
