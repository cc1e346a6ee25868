//! Layered contract risk: each layer of a restaking stack (deposit contract, LST,
//! restaking protocol, LRT, DeFi pool) can fail; this module turns per-layer annual
//! failure probabilities and losses-given-failure into the chance that *nothing* fails
//! over a horizon, the expected loss, and the marginal effect of each added layer.
//!
//! Model (documented simplifications, not a sourced risk model):
//! - layer `i` fails at most once in the horizon, with probability
//!   `q_i = 1 − (1 − p_i)^T` (constant annual hazard `p_i`, `T` in years);
//! - failures are **independent** across layers;
//! - a failure of layer `i` destroys the fraction `LGF_i` of whatever value is still
//!   there, so losses **compound multiplicatively**: the value left is
//!   `Π_i (1 − LGF_i · 1[layer i failed])`, and by independence its expectation is
//!   `Π_i (1 − LGF_i · q_i)`;
//! - survival (no layer fails) is `Π_i (1 − p_i)^T`.
//!
//! The per-layer probabilities and the mitigation multipliers (audits, bug bounty,
//! timelock, insurance) are **illustrative assumptions** for the learner to adjust, not
//! measured facts; the composition rule above is the textbook product rule for
//! independent events, not taken from a restaking source. What the layers are:
//! EigenLayer docs, "EigenLayer Overview",
//! <https://github.com/Layr-Labs/eigencloud-docs/blob/main/docs/eigenlayer/concepts/eigenlayer-overview.md>.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::num::{pct, unit};

/// Longest horizon in years.
pub const MAX_HORIZON_YEARS: u32 = 50;
/// Most layers evaluated (extra layers are ignored by [`StackInputs::clamped`]).
pub const MAX_LAYERS: usize = 16;

/// What a layer is, for translated labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LayerKind {
    /// The Ethereum beacon-chain deposit contract (and the protocol itself).
    DepositContract,
    /// A liquid staking token (e.g. stETH).
    Lst,
    /// A restaking protocol (e.g. EigenLayer).
    RestakingProtocol,
    /// A liquid restaking token (e.g. ezETH).
    Lrt,
    /// A DeFi pool or lending market holding the token.
    DefiPool,
}

/// Optional risk mitigations of one layer (flags), turned into multipliers by
/// [`MitigationAssumptions`].
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Mitigations {
    /// Independent audits: multiply `p` by `audit_p_multiplier`.
    pub audited: bool,
    /// Public bug bounty: multiply `p` by `bug_bounty_p_multiplier`.
    pub bug_bounty: bool,
    /// Upgrade timelock (users can leave before a bad upgrade): multiply `LGF` by
    /// `timelock_lgf_multiplier`.
    pub timelock: bool,
    /// Share of a loss an insurance fund covers, `0..=100` %: multiply `LGF` by
    /// `1 − coverage`.
    pub insurance_coverage_pct: Decimal,
}

/// How much each mitigation helps. **Illustrative assumptions, not sourced facts.**
///
/// Domain: every multiplier in `0..=1` (1 = no effect).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MitigationAssumptions {
    /// Multiplier on the annual failure probability for an audited layer (default 0.7).
    pub audit_p_multiplier: Decimal,
    /// Multiplier on the annual failure probability with a bug bounty (default 0.85).
    pub bug_bounty_p_multiplier: Decimal,
    /// Multiplier on the loss given failure with an upgrade timelock (default 0.8).
    pub timelock_lgf_multiplier: Decimal,
}

impl Default for MitigationAssumptions {
    /// Illustrative round numbers (assumptions for the slider, not measurements).
    fn default() -> Self {
        MitigationAssumptions {
            audit_p_multiplier: Decimal::new(7, 1),
            bug_bounty_p_multiplier: Decimal::new(85, 2),
            timelock_lgf_multiplier: Decimal::new(8, 1),
        }
    }
}

impl MitigationAssumptions {
    /// Clamps every multiplier into `[0, 1]`.
    pub fn clamped(self) -> Self {
        MitigationAssumptions {
            audit_p_multiplier: unit(self.audit_p_multiplier),
            bug_bounty_p_multiplier: unit(self.bug_bounty_p_multiplier),
            timelock_lgf_multiplier: unit(self.timelock_lgf_multiplier),
        }
    }
}

/// One layer of the stack.
///
/// Domain: `annual_failure_pct: 0..=100`, `loss_given_failure_pct: 0..=100`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Layer {
    /// What the layer is.
    pub kind: LayerKind,
    /// Whether the layer is part of the stack.
    pub enabled: bool,
    /// Annual probability `p` that the layer fails (exploit, bad upgrade...), in percent.
    pub annual_failure_pct: Decimal,
    /// Fraction `LGF` of the remaining value lost if it fails, in percent.
    pub loss_given_failure_pct: Decimal,
    /// Optional mitigations.
    pub mitigations: Mitigations,
}

impl Layer {
    /// A layer with no mitigations.
    pub fn new(
        kind: LayerKind,
        annual_failure_pct: Decimal,
        loss_given_failure_pct: Decimal,
    ) -> Self {
        Layer {
            kind,
            enabled: true,
            annual_failure_pct,
            loss_given_failure_pct,
            mitigations: Mitigations::default(),
        }
    }

    /// Illustrative default for each kind (assumptions, not sourced estimates):
    /// deposit contract 0.01 %/yr, LGF 100 %; LST 0.5 %/yr, LGF 50 %; restaking
    /// protocol 1 %/yr, LGF 50 %; LRT 1 %/yr, LGF 50 %; DeFi pool 2 %/yr, LGF 50 %.
    pub fn default_for(kind: LayerKind) -> Self {
        let (p, lgf) = match kind {
            LayerKind::DepositContract => (Decimal::new(1, 2), Decimal::ONE_HUNDRED),
            LayerKind::Lst => (Decimal::new(5, 1), Decimal::from(50)),
            LayerKind::RestakingProtocol => (Decimal::ONE, Decimal::from(50)),
            LayerKind::Lrt => (Decimal::ONE, Decimal::from(50)),
            LayerKind::DefiPool => (Decimal::TWO, Decimal::from(50)),
        };
        Layer::new(kind, p, lgf)
    }

    /// Effective annual failure probability (fraction) and loss given failure (fraction)
    /// after clamping and applying the mitigations:
    /// `p' = p · a^[audited] · b^[bounty]`, `LGF' = LGF · t^[timelock] · (1 − coverage)`.
    pub fn effective(&self, a: &MitigationAssumptions) -> (Decimal, Decimal) {
        let a = a.clamped();
        let m = &self.mitigations;
        let mut p = unit(pct(self
            .annual_failure_pct
            .max(Decimal::ZERO)
            .min(Decimal::ONE_HUNDRED)));
        let mut lgf = unit(pct(self
            .loss_given_failure_pct
            .max(Decimal::ZERO)
            .min(Decimal::ONE_HUNDRED)));
        if m.audited {
            p = mul(p, a.audit_p_multiplier);
        }
        if m.bug_bounty {
            p = mul(p, a.bug_bounty_p_multiplier);
        }
        if m.timelock {
            lgf = mul(lgf, a.timelock_lgf_multiplier);
        }
        let cover = unit(pct(m
            .insurance_coverage_pct
            .max(Decimal::ZERO)
            .min(Decimal::ONE_HUNDRED)));
        lgf = mul(lgf, Decimal::ONE - cover);
        (unit(p), unit(lgf))
    }
}

/// The whole stack and the horizon.
///
/// Domain: `horizon_years: 0..=50` (fractions allowed), at most `MAX_LAYERS` layers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StackInputs {
    /// Layers in the order they are stacked (the article's order: deposit contract,
    /// LST, restaking protocol, LRT, then optionally a DeFi pool).
    pub layers: Vec<Layer>,
    /// Horizon `T` in years.
    pub horizon_years: Decimal,
    /// Mitigation multipliers (illustrative assumptions).
    pub assumptions: MitigationAssumptions,
}

impl Default for StackInputs {
    /// Deposit contract → LST → restaking protocol → LRT enabled, DeFi pool disabled,
    /// 1-year horizon, with [`Layer::default_for`] values (illustrative).
    fn default() -> Self {
        let mut pool = Layer::default_for(LayerKind::DefiPool);
        pool.enabled = false;
        StackInputs {
            layers: vec![
                Layer::default_for(LayerKind::DepositContract),
                Layer::default_for(LayerKind::Lst),
                Layer::default_for(LayerKind::RestakingProtocol),
                Layer::default_for(LayerKind::Lrt),
                pool,
            ],
            horizon_years: Decimal::ONE,
            assumptions: MitigationAssumptions::default(),
        }
    }
}

impl StackInputs {
    /// Clamps the horizon to `0..=50` years and keeps at most `MAX_LAYERS` layers.
    pub fn clamped(&self) -> StackInputs {
        StackInputs {
            layers: self.layers.iter().take(MAX_LAYERS).copied().collect(),
            horizon_years: self
                .horizon_years
                .max(Decimal::ZERO)
                .min(Decimal::from(MAX_HORIZON_YEARS)),
            assumptions: self.assumptions.clamped(),
        }
    }
}

/// The effect of one enabled layer, in stacking order.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerStep {
    /// Which layer.
    pub kind: LayerKind,
    /// Effective annual failure probability `p'` (fraction, after mitigations).
    pub annual_failure: Decimal,
    /// Effective loss given failure `LGF'` (fraction, after mitigations).
    pub loss_given_failure: Decimal,
    /// Probability this layer fails within the horizon, `q = 1 − (1 − p')^T`.
    pub failure_in_horizon: Decimal,
    /// Survival of the stack up to and including this layer.
    pub survival_after: Decimal,
    /// Expected loss fraction of the stack up to and including this layer.
    pub expected_loss_after: Decimal,
    /// Change in survival caused by adding this layer (≤ 0).
    pub delta_survival: Decimal,
    /// Change in expected loss caused by adding this layer (≥ 0).
    pub delta_expected_loss: Decimal,
}

/// Result for the whole stack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StackResult {
    /// One step per enabled layer, in order.
    pub steps: Vec<LayerStep>,
    /// Probability that no layer fails in the horizon: `Π (1 − p_i')^T`, in `[0, 1]`.
    pub survival: Decimal,
    /// Expected loss fraction `1 − Π (1 − LGF_i' · q_i)`, in `[0, 1]`.
    pub expected_loss: Decimal,
}

/// Product of two values in `[0, 1]` (cannot overflow; falls back to 0 defensively).
fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or(Decimal::ZERO)
}

/// `base^t` for `base ∈ [0, 1]`, `t ≥ 0`, with checked `Decimal` maths: exact
/// `powu` for whole `t`, else `exp(t · ln base)`; results below `e^−60` are 0.
pub(crate) fn pow_unit(base: Decimal, t: Decimal) -> Decimal {
    let base = unit(base);
    let t = t.max(Decimal::ZERO);
    if t.is_zero() || base == Decimal::ONE {
        return Decimal::ONE;
    }
    if base.is_zero() {
        return Decimal::ZERO;
    }
    if t.fract().is_zero() {
        if let Some(k) = t.to_u64() {
            return base.checked_powu(k).map(unit).unwrap_or(Decimal::ZERO);
        }
    }
    let Some(ln) = base.checked_ln() else {
        return Decimal::ZERO;
    };
    let Some(x) = ln.checked_mul(t) else {
        return Decimal::ZERO;
    };
    if x < Decimal::from(-60) {
        return Decimal::ZERO;
    }
    x.checked_exp().map(unit).unwrap_or(Decimal::ZERO)
}

/// Evaluates the stack: survival, expected loss and the marginal effect of each
/// enabled layer in order (see the module doc for the formulas and assumptions).
///
/// Never panics; inputs are clamped to their domains. Properties: adding a layer never
/// raises survival nor lowers the expected loss; both results lie in `[0, 1]`.
pub fn evaluate(inputs: &StackInputs) -> StackResult {
    let inp = inputs.clamped();
    let t = inp.horizon_years;
    let mut survival = Decimal::ONE;
    let mut remaining = Decimal::ONE; // expected value left, Π (1 − LGF q)
    let mut steps = Vec::new();
    for layer in inp.layers.iter().filter(|l| l.enabled) {
        let (p, lgf) = layer.effective(&inp.assumptions);
        let keep = pow_unit(Decimal::ONE - p, t);
        let q = unit(Decimal::ONE - keep);
        let new_survival = unit(mul(survival, keep));
        let new_remaining = unit(mul(remaining, unit(Decimal::ONE - mul(lgf, q))));
        let loss_before = unit(Decimal::ONE - remaining);
        let loss_after = unit(Decimal::ONE - new_remaining);
        steps.push(LayerStep {
            kind: layer.kind,
            annual_failure: p,
            loss_given_failure: lgf,
            failure_in_horizon: q,
            survival_after: new_survival,
            expected_loss_after: loss_after,
            delta_survival: new_survival - survival,
            delta_expected_loss: loss_after - loss_before,
        });
        survival = new_survival;
        remaining = new_remaining;
    }
    StackResult {
        steps,
        survival,
        expected_loss: unit(Decimal::ONE - remaining),
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
    fn stack(layers: Vec<Layer>, years: &str) -> StackInputs {
        StackInputs {
            layers,
            horizon_years: d(years),
            assumptions: MitigationAssumptions::default(),
        }
    }

    // Golden (textbook independence): two independent layers with 1 % annual failure
    // each survive one year with probability 0.99 × 0.99 = 0.9801.
    #[test]
    fn golden_two_independent_layers() {
        let r = evaluate(&stack(
            vec![
                Layer::new(LayerKind::Lst, d("1"), d("100")),
                Layer::new(LayerKind::Lrt, d("1"), d("100")),
            ],
            "1",
        ));
        assert_eq!(r.survival, d("0.9801"));
        assert_eq!(r.expected_loss, d("0.0199"));
    }

    #[test]
    fn it_hand_computed_horizon_and_lgf() {
        // p = 10 %, T = 2: q = 1 − 0.81 = 0.19; LGF 50 % -> E[left] = 1 − 0.095 = 0.905
        let r = evaluate(&stack(
            vec![Layer::new(LayerKind::Lst, d("10"), d("50"))],
            "2",
        ));
        assert_eq!(r.survival, d("0.81"));
        assert_eq!(r.expected_loss, d("0.095"));
        // add p = 20 %, LGF 100 %, T = 2: q = 0.36, E[left] = 0.905 × 0.64 = 0.5792
        let r = evaluate(&stack(
            vec![
                Layer::new(LayerKind::Lst, d("10"), d("50")),
                Layer::new(LayerKind::Lrt, d("20"), d("100")),
            ],
            "2",
        ));
        assert_eq!(r.survival, d("0.5184"));
        assert_eq!(r.expected_loss, d("0.4208"));
        assert_eq!(r.steps[1].delta_survival, d("-0.2916"));
        assert_eq!(r.steps[1].delta_expected_loss, d("0.3258"));
    }

    #[test]
    fn it_fractional_horizon() {
        // (1 − 0.19)^0.5 = 0.9 -> q = 0.1
        let r = evaluate(&stack(
            vec![Layer::new(LayerKind::Lst, d("19"), d("100"))],
            "0.5",
        ));
        assert!(close(r.survival, d("0.9"), "1e-18"));
        assert!(close(r.expected_loss, d("0.1"), "1e-18"));
    }

    #[test]
    fn it_default_stack_marginals_in_article_order() {
        let r = evaluate(&StackInputs::default());
        let kinds: Vec<_> = r.steps.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                LayerKind::DepositContract,
                LayerKind::Lst,
                LayerKind::RestakingProtocol,
                LayerKind::Lrt
            ]
        );
        // survival = 0.9999 × 0.995 × 0.99 × 0.99
        assert_eq!(r.survival, d("0.9999") * d("0.995") * d("0.99") * d("0.99"));
        // expected left = (1 − 0.0001) (1 − 0.0025) (1 − 0.005)²
        let left = d("0.9999") * d("0.9975") * d("0.995") * d("0.995");
        assert_eq!(r.expected_loss, Decimal::ONE - left);
    }

    #[test]
    fn it_mitigations_are_multipliers() {
        let mut l = Layer::new(LayerKind::Lrt, d("10"), d("50"));
        l.mitigations = Mitigations {
            audited: true,
            bug_bounty: true,
            timelock: true,
            insurance_coverage_pct: d("25"),
        };
        let (p, lgf) = l.effective(&MitigationAssumptions::default());
        assert_eq!(p, d("0.1") * d("0.7") * d("0.85")); // 0.0595
        assert_eq!(lgf, d("0.5") * d("0.8") * d("0.75")); // 0.3
    }

    #[test]
    fn it_edges() {
        // zero horizon: nothing fails
        let r = evaluate(&stack(
            vec![Layer::new(LayerKind::Lst, d("100"), d("100"))],
            "0",
        ));
        assert_eq!((r.survival, r.expected_loss), (Decimal::ONE, Decimal::ZERO));
        // certain failure with total loss
        let r = evaluate(&stack(
            vec![Layer::new(LayerKind::Lst, d("100"), d("100"))],
            "0.3",
        ));
        assert_eq!((r.survival, r.expected_loss), (Decimal::ZERO, Decimal::ONE));
        // empty / all disabled
        let r = evaluate(&stack(vec![], "1"));
        assert_eq!(
            (r.survival, r.expected_loss, r.steps.len()),
            (Decimal::ONE, Decimal::ZERO, 0)
        );
        // extreme inputs are clamped
        let r = evaluate(&stack(
            vec![Layer::new(LayerKind::Lst, Decimal::MAX, Decimal::MIN)],
            "1e20",
        ));
        assert_eq!(
            (r.survival, r.expected_loss),
            (Decimal::ZERO, Decimal::ZERO)
        );
    }

    fn layer_strategy() -> impl Strategy<Value = Layer> {
        (
            0u32..5,
            0i64..=10_000,
            0i64..=10_000,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            0i64..=100,
        )
            .prop_map(|(k, p, lgf, a, b, t, c)| Layer {
                kind: [
                    LayerKind::DepositContract,
                    LayerKind::Lst,
                    LayerKind::RestakingProtocol,
                    LayerKind::Lrt,
                    LayerKind::DefiPool,
                ][k as usize],
                enabled: true,
                annual_failure_pct: Decimal::new(p, 2),
                loss_given_failure_pct: Decimal::new(lgf, 2),
                mitigations: Mitigations {
                    audited: a,
                    bug_bounty: b,
                    timelock: t,
                    insurance_coverage_pct: Decimal::from(c),
                },
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn prop_never_panics_any_decimal(p in any::<i64>(), lgf in any::<i64>(), ps in 0u32..28, t in any::<i64>(), ts in 0u32..28, c in any::<i64>()) {
            let mut l = Layer::new(LayerKind::Lst, Decimal::new(p, ps), Decimal::new(lgf, ps));
            l.mitigations.insurance_coverage_pct = Decimal::new(c, ps);
            l.mitigations.audited = true;
            let r = evaluate(&StackInputs { layers: vec![l; 3], horizon_years: Decimal::new(t, ts), assumptions: MitigationAssumptions { audit_p_multiplier: Decimal::new(p, 3), ..Default::default() } });
            prop_assert!(r.survival >= Decimal::ZERO && r.survival <= Decimal::ONE);
            prop_assert!(r.expected_loss >= Decimal::ZERO && r.expected_loss <= Decimal::ONE);
        }

        // Adding a layer never raises survival and never lowers the expected loss.
        #[test]
        fn prop_adding_a_layer_is_monotone(layers in prop::collection::vec(layer_strategy(), 0..6), extra in layer_strategy(), pos in 0usize..7, years_tenths in 0i64..=300) {
            let years = Decimal::new(years_tenths, 1);
            let base = evaluate(&StackInputs { layers: layers.clone(), horizon_years: years, assumptions: MitigationAssumptions::default() });
            let mut more = layers.clone();
            more.insert(pos.min(more.len()), extra);
            let r = evaluate(&StackInputs { layers: more, horizon_years: years, assumptions: MitigationAssumptions::default() });
            prop_assert!(r.survival <= base.survival);
            prop_assert!(r.expected_loss >= base.expected_loss - d("1e-24"));
            prop_assert!(r.expected_loss >= Decimal::ZERO && r.expected_loss <= Decimal::ONE);
            for s in &r.steps {
                prop_assert!(s.delta_survival <= Decimal::ZERO);
                prop_assert!(s.delta_expected_loss >= Decimal::ZERO);
                prop_assert!(s.failure_in_horizon >= Decimal::ZERO && s.failure_in_horizon <= Decimal::ONE);
            }
        }

        // Turning a mitigation on never makes things worse.
        #[test]
        fn prop_mitigations_help(l in layer_strategy(), years_tenths in 0i64..=100) {
            let years = Decimal::new(years_tenths, 1);
            let mut bare = l;
            bare.mitigations = Mitigations::default();
            let a = evaluate(&StackInputs { layers: vec![bare], horizon_years: years, assumptions: MitigationAssumptions::default() });
            let b = evaluate(&StackInputs { layers: vec![l], horizon_years: years, assumptions: MitigationAssumptions::default() });
            prop_assert!(b.survival >= a.survival);
            prop_assert!(b.expected_loss <= a.expected_loss);
        }

        // Longer horizons never raise survival.
        #[test]
        fn prop_longer_horizon_lowers_survival(layers in prop::collection::vec(layer_strategy(), 1..5), t1 in 0i64..=200, dt in 0i64..=200) {
            let a = evaluate(&StackInputs { layers: layers.clone(), horizon_years: Decimal::new(t1, 1), assumptions: MitigationAssumptions::default() });
            let b = evaluate(&StackInputs { layers, horizon_years: Decimal::new(t1 + dt, 1), assumptions: MitigationAssumptions::default() });
            prop_assert!(b.survival <= a.survival + d("1e-20"));
        }
    }
}
