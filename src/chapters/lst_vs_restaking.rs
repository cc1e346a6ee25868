//! Chapter 6 (seed section 6): liquid staking versus restaking. Three positions side by
//! side with the same inputs (plain staking through an LST, native restaking, and an LST
//! restaked through an LRT), plus the learner's own combination of layers. For each: the
//! yield stack (`model::yields::waterfall`), the layers of contract risk
//! (`model::layers::evaluate`), what can slash it, and the exit path with its time
//! (`model::exit::timeline`). Switching a layer on adds yield and adds a layer that can
//! fail, and lengthens the way out; the charts and numbers show all three move together.

use crate::charts::bars::{draw_stacked_bars, Bar, StackedBars};
use crate::i18n::format::{eth0, pct0, pct2, years_text};
use crate::i18n::{format, use_i18n, Key, Locale};
use crate::model::exit::{self, StageKind, Timeline};
use crate::model::layers::{self, Layer, LayerKind, StackInputs, StackResult};
use crate::model::num::{dec, to_f64};
use crate::model::yields::{self, StepKind, YieldReport};
use crate::shell::use_page_title;
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::use_scenario;
use crate::widgets::{
    Chart, Cite, DataTable, Formula, Later, Predict, Quiz, QuizItem, Slider, Term, UrlNotice,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// URL parameters of this chapter (documented in `docs/url-params.md`).
pub static PARAMS: [ParamSpec; 12] = [
    // Consensus-layer APR, % per year: the consensus-spec formula at 34 M ETH staked.
    ParamSpec {
        name: "cl",
        min: dec(0, 0),
        max: dec(10, 0),
        step: dec(1, 2),
        default: dec(285, 2),
    },
    // Execution-layer APR (tips and MEV), % per year: illustrative assumption.
    ParamSpec {
        name: "el",
        min: dec(0, 0),
        max: dec(3, 0),
        step: dec(5, 2),
        default: dec(30, 2),
    },
    // LST fee on staking rewards, %: Lido's 10 %.
    ParamSpec {
        name: "lstfee",
        min: dec(0, 0),
        max: dec(30, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
    // Restaking reward on the whole stake, % per year: illustrative assumption.
    ParamSpec {
        name: "avs",
        min: dec(0, 0),
        max: dec(10, 0),
        step: dec(5, 2),
        default: dec(1, 0),
    },
    // Operator's share of restaking rewards, %: EigenLayer's default 10 %.
    ParamSpec {
        name: "split",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
    // LRT protocol fee on everything it passes on, %: illustrative assumption.
    ParamSpec {
        name: "lrtfee",
        min: dec(0, 0),
        max: dec(30, 0),
        step: dec(1, 0),
        default: dec(10, 0),
    },
    // Horizon for the contract-risk layers, years.
    ParamSpec {
        name: "years",
        min: dec(1, 0),
        max: dec(10, 0),
        step: dec(1, 0),
        default: dec(1, 0),
    },
    // ETH already waiting in the beacon-chain exit queue.
    ParamSpec {
        name: "queue",
        min: dec(0, 0),
        max: dec(5_000_000, 0),
        step: dec(10_000, 0),
        default: dec(0, 0),
    },
    // The LRT's own withdrawal cooldown, days: Renzo's WithdrawQueue cooldown is to be
    // at least 7 days once EigenLayer slashing is live (Renzo docs, withdrawals).
    ParamSpec {
        name: "lrtq",
        min: dec(0, 0),
        max: dec(30, 0),
        step: dec(1, 0),
        default: dec(7, 0),
    },
    // The learner's own stack: hold the stake as an LST (1) or natively (0).
    ParamSpec {
        name: "lst",
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(1, 0),
    },
    // Restake it (1) or not (0).
    ParamSpec {
        name: "restake",
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(1, 0),
    },
    // Restake through an LRT (1) or directly (0); only counts when restaking.
    ParamSpec {
        name: "lrt",
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
];

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "cl" => Key::LstPCl,
        "el" => Key::LstPEl,
        "lstfee" => Key::LstPLstfee,
        "avs" => Key::LstPAvs,
        "split" => Key::LstPSplit,
        "lrtfee" => Key::LstPLrtfee,
        "years" => Key::LstPYears,
        "queue" => Key::LstPQueue,
        "lrtq" => Key::LstPLrtq,
        "lst" => Key::LstTLst,
        "restake" => Key::LstTRestake,
        "lrt" => Key::LstTLrt,
        _ => return None,
    })
}

/// Which layers a position has. An LRT only exists on top of restaking, so `lrt` counts
/// only when `restake` is on (see [`Stack::new`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stack {
    /// Held as a liquid staking token (otherwise staked natively).
    pub lst: bool,
    /// Restaked on a restaking protocol (EigenLayer).
    pub restake: bool,
    /// Restaked through a liquid restaking token.
    pub lrt: bool,
}

impl Stack {
    /// A stack; `lrt` is dropped when `restake` is off.
    pub const fn new(lst: bool, restake: bool, lrt: bool) -> Stack {
        Stack {
            lst,
            restake,
            lrt: lrt && restake,
        }
    }
}

/// The three positions compared side by side: an LST, native restaking, and an LST
/// restaked through an LRT.
pub const POSITIONS: [Stack; 3] = [
    Stack::new(true, false, false),
    Stack::new(false, true, false),
    Stack::new(true, true, true),
];

/// The shared inputs (percent units as on the sliders).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    /// Consensus-layer APR, %.
    pub cl: Decimal,
    /// Execution-layer APR, %.
    pub el: Decimal,
    /// LST fee on staking rewards, %.
    pub lst_fee: Decimal,
    /// Restaking reward on the whole stake, %.
    pub avs: Decimal,
    /// Operator's share of restaking rewards, %.
    pub split: Decimal,
    /// LRT fee, %.
    pub lrt_fee: Decimal,
    /// Horizon for the layer risk, years.
    pub years: Decimal,
    /// ETH ahead in the beacon-chain exit queue.
    pub queue_eth: Decimal,
    /// The LRT's own withdrawal cooldown, days.
    pub lrt_queue_days: Decimal,
}

impl Inputs {
    /// The defaults of [`PARAMS`].
    pub fn defaults() -> Inputs {
        let d = |i: usize| PARAMS[i].default;
        Inputs {
            cl: d(0),
            el: d(1),
            lst_fee: d(2),
            avs: d(3),
            split: d(4),
            lrt_fee: d(5),
            years: d(6),
            queue_eth: d(7),
            lrt_queue_days: d(8),
        }
    }
}

/// Everything shown for one position.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    /// Its layers.
    pub stack: Stack,
    /// The yield waterfall.
    pub yields: YieldReport,
    /// Staking reward that reaches the holder after the LST and LRT fees, %.
    pub staking_net_pct: Decimal,
    /// Restaking reward that reaches the holder after the operator's share and LRT fee, %.
    pub restaking_net_pct: Decimal,
    /// The contract-risk layers.
    pub layers: StackResult,
    /// The way out, by redemption.
    pub exit: Timeline,
}

/// The yield waterfall inputs of a stack: the LST fee only with an LST, one restaking
/// service on the whole stake only when restaking, the LRT fee only with an LRT.
pub fn yield_inputs(i: &Inputs, s: Stack) -> yields::YieldInputs {
    yields::YieldInputs {
        consensus_source: yields::ConsensusAprSource::Direct,
        consensus_apr_pct: i.cl,
        execution_apr_pct: i.el,
        lst_fee_pct: if s.lst { i.lst_fee } else { Decimal::ZERO },
        services: if s.restake {
            vec![yields::RestakingService {
                reward_apr_pct: i.avs,
                allocation_pct: Decimal::ONE_HUNDRED,
            }]
        } else {
            vec![]
        },
        operator_split_pct: i.split,
        lrt_fee_pct: if s.lrt { i.lrt_fee } else { Decimal::ZERO },
        slashing_loss_pct: Decimal::ZERO,
        ..yields::YieldInputs::default()
    }
}

/// The contract layers of a stack, in order, with the model's illustrative defaults.
pub fn layer_kinds(s: Stack) -> Vec<LayerKind> {
    let mut v = vec![LayerKind::DepositContract];
    if s.lst {
        v.push(LayerKind::Lst);
    }
    if s.restake {
        v.push(LayerKind::RestakingProtocol);
    }
    if s.lrt {
        v.push(LayerKind::Lrt);
    }
    v
}

/// The exit by redemption: the beacon-chain stages (a validator must exit to pay out
/// ETH; for an LST this is an upper bound, as it may pay from a buffer), EigenLayer's
/// withdrawal delay when restaking, and the LRT's own cooldown with an LRT (Renzo,
/// <https://docs.renzoprotocol.com/docs/product/withdrawals>: the full path applies when
/// the LRT's buffer is empty). Stages add up serially (the exit model's conservative bound).
pub fn exit_inputs(i: &Inputs, s: Stack) -> exit::ExitInputs {
    exit::ExitInputs {
        queued_ahead_eth: i.queue_eth,
        via_beacon_chain: true,
        via_eigenlayer: s.restake,
        protocol_queue_days: if s.lrt {
            i.lrt_queue_days
        } else {
            Decimal::ZERO
        },
        withdrawals_not_enabled_days: Decimal::ZERO,
        ..exit::ExitInputs::default()
    }
}

/// Computes one position; `None` only on an overflow the slider domains exclude.
pub fn position(i: &Inputs, s: Stack) -> Option<Position> {
    let y = yields::waterfall(&yield_inputs(i, s)).ok()?;
    let delta = |k: StepKind| {
        y.steps
            .iter()
            .find(|st| st.kind == k)
            .map(|st| st.delta_pct)
            .unwrap_or_default()
    };
    let lrt_fee = if s.lrt { i.lrt_fee } else { Decimal::ZERO };
    let keep_lrt = Decimal::ONE - lrt_fee / Decimal::ONE_HUNDRED;
    let staking = (delta(StepKind::ConsensusRewards)
        + delta(StepKind::ExecutionRewards)
        + delta(StepKind::LstFee))
        * keep_lrt;
    let restaking = (delta(StepKind::RestakingRewards) + delta(StepKind::OperatorSplit)) * keep_lrt;
    let layers = layers::evaluate(&StackInputs {
        layers: layer_kinds(s).into_iter().map(Layer::default_for).collect(),
        horizon_years: i.years,
        ..StackInputs::default()
    });
    Some(Position {
        stack: s,
        yields: y,
        staking_net_pct: staking,
        restaking_net_pct: restaking,
        layers,
        exit: exit::timeline(&exit_inputs(i, s)),
    })
}

/// The three positions and then the learner's stack.
pub fn compute(i: &Inputs, custom: Stack) -> Vec<Option<Position>> {
    POSITIONS
        .iter()
        .chain(std::iter::once(&custom))
        .map(|&s| position(i, s))
        .collect()
}

/// Stage kinds drawn in the exit chart, in order.
pub const STAGES: [StageKind; 5] = [
    StageKind::BeaconExitQueue,
    StageKind::WithdrawabilityDelay,
    StageKind::WithdrawalSweep,
    StageKind::EigenLayerDelay,
    StageKind::ProtocolQueue,
];

/// Layer kinds drawn in the risk chart, in order.
pub const LAYERS: [LayerKind; 4] = [
    LayerKind::DepositContract,
    LayerKind::Lst,
    LayerKind::RestakingProtocol,
    LayerKind::Lrt,
];

/// Days a stage of `t` takes (0 when absent).
pub fn stage_days(t: &Timeline, k: StageKind) -> Decimal {
    t.stages
        .iter()
        .filter(|s| s.kind == k)
        .map(|s| s.days)
        .sum()
}

/// What a layer adds to the expected loss, as a fraction (0 when absent).
pub fn layer_loss(r: &StackResult, k: LayerKind) -> Decimal {
    r.steps
        .iter()
        .filter(|s| s.kind == k)
        .map(|s| s.delta_expected_loss)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn all(i: &Inputs) -> Vec<Position> {
        compute(i, Stack::new(true, true, false))
            .into_iter()
            .map(Option::unwrap)
            .collect()
    }

    #[test]
    fn defaults_come_from_their_sources() {
        let derived = yields::consensus_apr_pct_from_total_staked(d("34000000"));
        assert_eq!(derived.round_dp(2), PARAMS[0].default);
        let y = yields::YieldInputs::default();
        assert_eq!(PARAMS[1].default, y.execution_apr_pct);
        assert_eq!(PARAMS[2].default, y.lst_fee_pct);
        assert_eq!(PARAMS[4].default, y.operator_split_pct);
        assert_eq!(PARAMS[5].default, y.lrt_fee_pct);
    }

    #[test]
    fn golden_default_yields() {
        // S = 2.85 + 0.30 = 3.15. LST: 3.15 × 0.9 = 2.835. Native: 3.15 + 1 × 0.9 = 4.05.
        // LST + LRT: (2.835 + 0.9) × 0.9 = 3.3615. LST restaked directly: 3.735.
        let p = all(&Inputs::defaults());
        let net: Vec<Decimal> = p.iter().map(|p| p.yields.net_apr_pct).collect();
        assert_eq!(net, vec![d("2.835"), d("4.05"), d("3.3615"), d("3.735")]);
        for q in &p {
            assert_eq!(
                q.staking_net_pct + q.restaking_net_pct,
                q.yields.net_apr_pct
            );
        }
        assert_eq!(p[2].staking_net_pct, d("2.5515"));
        assert_eq!(p[2].restaking_net_pct, d("0.81"));
    }

    #[test]
    fn golden_default_layers_and_exits() {
        let p = all(&Inputs::defaults());
        let n: Vec<usize> = p.iter().map(|p| p.layers.steps.len()).collect();
        assert_eq!(n, vec![2, 2, 4, 3]);
        // LST: 1 − (1 − 0.0001)(1 − 0.005·0.5) = 0.00259975.
        assert_eq!(p[0].layers.expected_loss, d("0.00259975"));
        // Survival of the LRT stack: 0.9999 × 0.995 × 0.99 × 0.99.
        assert_eq!(
            p[2].layers.survival,
            d("0.9999") * d("0.995") * d("0.99") * d("0.99")
        );
        // Exits: 5 epochs + 256 epochs + 1,000,000 / 230,400 days, + 14 d EigenLayer, + 7 d LRT.
        let beacon = d("261") / d("225") + d("1000000") / d("230400");
        assert_eq!(p[0].exit.total_days, beacon);
        assert_eq!(p[1].exit.total_days, beacon + d("14"));
        assert_eq!(p[2].exit.total_days, beacon + d("21"));
        assert_eq!(stage_days(&p[2].exit, StageKind::EigenLayerDelay), d("14"));
        assert_eq!(stage_days(&p[0].exit, StageKind::EigenLayerDelay), d("0"));
    }

    #[test]
    fn every_added_layer_adds_yield_and_risk_and_time() {
        let i = Inputs::defaults();
        let lst = position(&i, Stack::new(true, false, false)).unwrap();
        let restaked = position(&i, Stack::new(true, true, false)).unwrap();
        let lrt = position(&i, Stack::new(true, true, true)).unwrap();
        assert!(restaked.yields.net_apr_pct > lst.yields.net_apr_pct);
        assert!(restaked.layers.expected_loss > lst.layers.expected_loss);
        assert!(restaked.exit.total_days > lst.exit.total_days);
        // The LRT adds a layer and time but, with a fee, takes yield away.
        assert!(lrt.layers.expected_loss > restaked.layers.expected_loss);
        assert!(lrt.exit.total_days > restaked.exit.total_days);
        assert!(lrt.yields.net_apr_pct < restaked.yields.net_apr_pct);
    }

    #[test]
    fn an_lrt_needs_restaking() {
        assert_eq!(
            Stack::new(true, false, true),
            Stack::new(true, false, false)
        );
        let i = Inputs::defaults();
        let p = position(&i, Stack::new(false, false, true)).unwrap();
        assert_eq!(layer_kinds(p.stack), vec![LayerKind::DepositContract]);
        assert_eq!(p.yields.net_apr_pct, d("3.15"));
    }

    #[test]
    fn a_longer_queue_delays_every_exit_equally() {
        let mut i = Inputs::defaults();
        let before = all(&i);
        i.queue_eth = d("1000000");
        let after = all(&i);
        // 1,000,032 ETH at 256 ETH per epoch: 3,907 epochs → 3,906 more → 17.36 days.
        for (a, b) in before.iter().zip(&after) {
            assert_eq!(b.exit.total_days - a.exit.total_days, d("3906") / d("225"));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_input_computes(
            cl in 0u32..=1000, el in 0u32..=60, lf in 0u32..=30, avs in 0u32..=200,
            split in 0u32..=100, rf in 0u32..=30, years in 1u32..=10, q in 0u32..=500,
            lst: bool, restake: bool, lrt: bool,
        ) {
            let i = Inputs {
                cl: Decimal::new(cl.into(), 2), el: Decimal::new((el * 5).into(), 2),
                lst_fee: lf.into(), avs: Decimal::new((avs * 5).into(), 2), split: split.into(),
                lrt_fee: rf.into(), years: years.into(), queue_eth: Decimal::from(q * 10_000),
                lrt_queue_days: Decimal::from(q % 31),
            };
            let s = Stack::new(lst, restake, lrt);
            let p = position(&i, s).unwrap();
            proptest::prop_assert_eq!(p.staking_net_pct + p.restaking_net_pct, p.yields.net_apr_pct);
            proptest::prop_assert_eq!(p.layers.steps.len(), layer_kinds(s).len());
            let sum: Decimal = LAYERS.iter().map(|&k| layer_loss(&p.layers, k)).sum();
            proptest::prop_assert!((sum - p.layers.expected_loss).abs() < Decimal::new(1, 20));
            let days: Decimal = STAGES.iter().map(|&k| stage_days(&p.exit, k)).sum();
            proptest::prop_assert_eq!(days, p.exit.total_days);
            // Restaking on top of the same holding never lowers the gross yield.
            let base = position(&i, Stack::new(lst, false, false)).unwrap();
            proptest::prop_assert!(p.yields.gross_apr_pct >= base.yields.gross_apr_pct);
            proptest::prop_assert!(p.layers.survival <= base.layers.survival);
        }
    }
}

fn round2(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}
fn days(l: Locale, x: Decimal) -> String {
    crate::i18n::fill(l.text(Key::LstDays), &[("n", &format::number(l, x, 1))])
}

fn step_key(k: StepKind) -> Key {
    match k {
        StepKind::ConsensusRewards => Key::LstStepConsensus,
        StepKind::ExecutionRewards => Key::LstStepExecution,
        StepKind::LstFee => Key::LstStepLstFee,
        StepKind::RestakingRewards => Key::LstStepRestaking,
        StepKind::OperatorSplit => Key::LstStepOperator,
        StepKind::LrtFee => Key::LstStepLrtFee,
        StepKind::SlashingLoss => Key::LstStepSlashing,
    }
}
fn layer_key(k: LayerKind) -> Key {
    match k {
        LayerKind::DepositContract => Key::LstLayerDeposit,
        LayerKind::Lst => Key::LstLayerLst,
        LayerKind::RestakingProtocol => Key::LstLayerRestaking,
        LayerKind::Lrt => Key::LstLayerLrt,
        LayerKind::DefiPool => Key::LstLayerPool,
    }
}
fn stage_key(k: StageKind) -> Key {
    match k {
        StageKind::WithdrawalsNotEnabled => Key::LstStageNotEnabled,
        StageKind::BeaconExitQueue => Key::LstStageQueue,
        StageKind::WithdrawabilityDelay => Key::LstStageWithdrawability,
        StageKind::WithdrawalSweep => Key::LstStageSweep,
        StageKind::EigenLayerDelay => Key::LstStageEigen,
        StageKind::ProtocolQueue => Key::LstStageLrt,
    }
}
/// Short names for the bar labels (long names crowd a phone-width chart).
const SHORT_NAMES: [Key; 4] = [Key::LstBar0, Key::LstBar1, Key::LstBar2, Key::LstBarCustom];
const NAMES: [Key; 4] = [Key::LstPos0, Key::LstPos1, Key::LstPos2, Key::LstPosCustom];

/// What can slash a stack, as translated sentences.
fn slashers(s: Stack) -> Vec<Key> {
    let mut v = vec![if s.lst {
        Key::LstSlashConsensusPool
    } else {
        Key::LstSlashConsensusOwn
    }];
    if s.restake {
        v.push(if s.lrt {
            Key::LstSlashAvsLrt
        } else {
            Key::LstSlashAvsOwn
        });
    }
    v
}

/// The quick way out, if the position is a token.
fn sell_key(s: Stack) -> Key {
    if s.lrt {
        Key::LstSellLrt
    } else if s.lst {
        Key::LstSellLst
    } else {
        Key::LstSellNone
    }
}

/// One position as a card: net yield, yield stack, layers, slashing and exit.
#[component]
fn PositionCard(
    /// Index for test ids: 0–2 the fixed positions, 3 the learner's.
    index: usize,
    /// The position.
    #[prop(into)]
    pos: Signal<Option<Position>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = move || i18n.get();
    let net = move || {
        pos.get()
            .map(|p| pct2(l(), p.yields.net_apr_pct))
            .unwrap_or_default()
    };
    let steps = move || {
        pos.get()
            .map(|p| {
                p.yields
                    .steps
                    .into_iter()
                    .filter(|s| !s.delta_pct.is_zero())
                    .map(|s| {
                        let sign = if s.delta_pct < Decimal::ZERO { "−" } else { "+" };
                        view! {
                            <li>
                                <span>{i18n.t(step_key(s.kind))}</span>
                                <span class="lst-num">{format!("{sign}{}", pct2(l(), s.delta_pct.abs()))}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
            .unwrap_or_default()
    };
    let layer_list = move || {
        pos.get()
            .map(|p| {
                p.layers
                    .steps
                    .into_iter()
                    .map(|s| view! { <li>{i18n.t(layer_key(s.kind))}</li> })
                    .collect_view()
            })
            .unwrap_or_default()
    };
    let n_layers = move || pos.get().map(|p| p.layers.steps.len()).unwrap_or(0);
    let survival = move || {
        pos.get()
            .map(|p| format::percent(l(), p.layers.survival, 2))
            .unwrap_or_default()
    };
    let loss = move || {
        pos.get()
            .map(|p| format::percent(l(), p.layers.expected_loss, 2))
            .unwrap_or_default()
    };
    let slash_list = move || {
        pos.get()
            .map(|p| {
                slashers(p.stack)
                    .into_iter()
                    .map(|k| view! { <li>{i18n.t(k)}</li> })
                    .collect_view()
            })
            .unwrap_or_default()
    };
    let exit_days = move || {
        pos.get()
            .map(|p| days(l(), p.exit.total_days))
            .unwrap_or_default()
    };
    let exit_path = move || {
        pos.get()
            .map(|p| {
                p.exit
                    .stages
                    .iter()
                    .map(|s| format!("{} {}", i18n.t(stage_key(s.kind)), days(l(), s.days)))
                    .collect::<Vec<_>>()
                    .join(" → ")
            })
            .unwrap_or_default()
    };
    let sell = move || {
        pos.get()
            .map(|p| i18n.t(sell_key(p.stack)))
            .unwrap_or_default()
    };
    view! {
        <section class="lst-card" data-testid=format!("card-{index}")>
            <h3>{move || i18n.t(NAMES[index.min(3)])}</h3>
            <p class="lst-net"><span>{move || i18n.t(Key::LstNetApr)}</span> <strong data-testid=format!("apr-{index}")>{net}</strong></p>
            <h4>{move || i18n.t(Key::LstCardYield)}</h4>
            <ul class="lst-steps">{steps}</ul>
            <h4>{move || i18n.tf(Key::LstCardLayers, &[("n", &n_layers().to_string())])}</h4>
            <ul class="lst-layers" data-testid=format!("layers-{index}")>{layer_list}</ul>
            <p class="lst-kv">
                <span>{move || i18n.t(Key::LstSurvival)}</span> <strong data-testid=format!("survival-{index}")>{survival}</strong>
            </p>
            <p class="lst-kv">
                <span>{move || i18n.t(Key::LstExpectedLoss)}</span> <strong data-testid=format!("loss-{index}")>{loss}</strong>
            </p>
            <h4>{move || i18n.t(Key::LstCardSlash)}</h4>
            <ul class="lst-slash">{slash_list}</ul>
            <h4>{move || i18n.t(Key::LstCardExit)}</h4>
            <p class="lst-kv">
                <span>{move || i18n.t(Key::LstRedeem)}</span> <strong data-testid=format!("exit-{index}")>{exit_days}</strong>
            </p>
            <p class="lst-path">{exit_path}</p>
            <p class="hint">{sell}</p>
        </section>
    }
}

/// A layer switch bound to a 0/1 parameter.
#[component]
fn Toggle(
    /// Label.
    label: Key,
    /// Hint under it.
    hint: Key,
    /// The 0/1 value.
    value: RwSignal<Decimal>,
    /// Parameter name (for the input id).
    name: &'static str,
    /// Whether the switch is disabled.
    #[prop(into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lst-toggle" data-param=name>
            <label>
                <input
                    type="checkbox"
                    id=format!("in-{name}")
                    prop:checked=move || value.get() == Decimal::ONE && !disabled.get()
                    disabled=move || disabled.get()
                    on:change=move |ev| value.set(if event_target_checked(&ev) { Decimal::ONE } else { Decimal::ZERO })
                />
                " " {move || i18n.t(label)}
            </label>
            <p class="hint">{move || i18n.t(hint)}</p>
        </div>
    }
}

/// Chapter 6: liquid staking versus restaking.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::LstTitle);
    let scenario = use_scenario(&PARAMS);
    let v = scenario.values.clone();
    let [cl, el, lstfee, avs, split, lrtfee, years, queue, lrtq, t_lst, t_restake, t_lrt] =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(|i| v[i]);
    let inputs = move || Inputs {
        cl: cl.get(),
        el: el.get(),
        lst_fee: lstfee.get(),
        avs: avs.get(),
        split: split.get(),
        lrt_fee: lrtfee.get(),
        years: years.get(),
        queue_eth: queue.get(),
        lrt_queue_days: lrtq.get(),
    };
    let on = |s: RwSignal<Decimal>| s.get() == Decimal::ONE;
    let custom = move || Stack::new(on(t_lst), on(t_restake), on(t_lrt));
    let all = Memo::new(move |_| compute(&inputs(), custom()));
    let pos = move |k: usize| Signal::derive(move || all.get().get(k).cloned().flatten());
    let names = move |l: Locale| NAMES.map(|k| l.text(k).to_owned()).to_vec();
    let short = move |l: Locale| SHORT_NAMES.map(|k| l.text(k).to_owned()).to_vec();

    // Chart 1: yield per position.
    let yield_bars = Memo::new(move |_| {
        let l = i18n.get();
        let ps = all.get();
        StackedBars {
            segments: vec![
                l.text(Key::LstSegStaking).into(),
                l.text(Key::LstSegRestaking).into(),
            ],
            bars: ps
                .iter()
                .zip(short(l))
                .map(|(p, label)| Bar {
                    label,
                    values: p
                        .as_ref()
                        .map(|p| {
                            // Rounded as the cards show them, so the labels agree.
                            [p.staking_net_pct, p.restaking_net_pct]
                                .map(|x| to_f64(round2(x)))
                                .to_vec()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
            x_caption: l.text(Key::LstAxisApr).into(),
            fmt: |x| format!("{x:.2}"),
        }
    });
    let yield_aria = move || {
        let l = i18n.get();
        let ps = all.get();
        let a = |k: usize| {
            ps.get(k)
                .cloned()
                .flatten()
                .map(|p| pct2(l, p.yields.net_apr_pct))
                .unwrap_or_default()
        };
        i18n.tf(
            Key::LstYieldAria,
            &[("a", &a(0)), ("b", &a(1)), ("c", &a(2)), ("d", &a(3))],
        )
    };
    let yield_table = move || {
        let l = i18n.get();
        let mut headers = vec![l.text(Key::LstTblPosition).to_owned()];
        headers.extend(
            [
                StepKind::ConsensusRewards,
                StepKind::ExecutionRewards,
                StepKind::LstFee,
                StepKind::RestakingRewards,
                StepKind::OperatorSplit,
                StepKind::LrtFee,
            ]
            .map(|k| l.text(step_key(k)).to_owned()),
        );
        headers.push(l.text(Key::LstNetApr).into());
        DataTable {
            headers,
            rows: all
                .get()
                .iter()
                .zip(names(l))
                .filter_map(|(p, name)| {
                    let p = p.as_ref()?;
                    let mut row = vec![name];
                    row.extend(
                        p.yields
                            .steps
                            .iter()
                            .filter(|s| s.kind != StepKind::SlashingLoss)
                            .map(|s| pct2(l, s.delta_pct)),
                    );
                    row.push(pct2(l, p.yields.net_apr_pct));
                    Some(row)
                })
                .collect(),
        }
    };

    // Chart 2: expected loss from contract layers.
    let risk_bars = Memo::new(move |_| {
        let l = i18n.get();
        StackedBars {
            segments: LAYERS
                .iter()
                .map(|&k| l.text(layer_key(k)).into())
                .collect(),
            bars: all
                .get()
                .iter()
                .zip(short(l))
                .map(|(p, label)| Bar {
                    label,
                    values: p
                        .as_ref()
                        .map(|p| {
                            LAYERS
                                .iter()
                                .map(|&k| to_f64(layer_loss(&p.layers, k)) * 100.0)
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
            x_caption: l.text(Key::LstAxisLoss).into(),
            fmt: |x| format!("{x:.2}"),
        }
    });
    let risk_aria = move || {
        let l = i18n.get();
        let ps = all.get();
        let a = |k: usize| {
            ps.get(k)
                .cloned()
                .flatten()
                .map(|p| format::percent(l, p.layers.expected_loss, 2))
                .unwrap_or_default()
        };
        i18n.tf(
            Key::LstRiskAria,
            &[
                ("years", &years_text(l, years.get())),
                ("a", &a(0)),
                ("b", &a(1)),
                ("c", &a(2)),
                ("d", &a(3)),
            ],
        )
    };
    let risk_table = move || {
        let l = i18n.get();
        let mut headers = vec![l.text(Key::LstTblPosition).to_owned()];
        headers.extend(LAYERS.iter().map(|&k| l.text(layer_key(k)).to_owned()));
        headers.push(l.text(Key::LstExpectedLoss).into());
        headers.push(l.text(Key::LstSurvival).into());
        DataTable {
            headers,
            rows: all
                .get()
                .iter()
                .zip(names(l))
                .filter_map(|(p, name)| {
                    let p = p.as_ref()?;
                    let mut row = vec![name];
                    row.extend(LAYERS.iter().map(|&k| {
                        if p.layers.steps.iter().any(|s| s.kind == k) {
                            format::percent(l, layer_loss(&p.layers, k), 3)
                        } else {
                            "—".into()
                        }
                    }));
                    row.push(format::percent(l, p.layers.expected_loss, 3));
                    row.push(format::percent(l, p.layers.survival, 2));
                    Some(row)
                })
                .collect(),
        }
    };

    // Chart 3: days to get ETH back by redeeming.
    let exit_bars = Memo::new(move |_| {
        let l = i18n.get();
        StackedBars {
            segments: STAGES
                .iter()
                .map(|&k| l.text(stage_key(k)).into())
                .collect(),
            bars: all
                .get()
                .iter()
                .zip(short(l))
                .map(|(p, label)| Bar {
                    label,
                    values: p
                        .as_ref()
                        .map(|p| {
                            STAGES
                                .iter()
                                .map(|&k| to_f64(stage_days(&p.exit, k)))
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
            x_caption: l.text(Key::LstAxisDays).into(),
            fmt: |x| format!("{x:.1}"),
        }
    });
    let exit_aria = move || {
        let l = i18n.get();
        let ps = all.get();
        let a = |k: usize| {
            ps.get(k)
                .cloned()
                .flatten()
                .map(|p| days(l, p.exit.total_days))
                .unwrap_or_default()
        };
        i18n.tf(
            Key::LstExitAria,
            &[("a", &a(0)), ("b", &a(1)), ("c", &a(2)), ("d", &a(3))],
        )
    };
    let exit_table = move || {
        let l = i18n.get();
        let mut headers = vec![l.text(Key::LstTblPosition).to_owned()];
        headers.extend(STAGES.iter().map(|&k| l.text(stage_key(k)).to_owned()));
        headers.push(l.text(Key::LstTblTotal).into());
        DataTable {
            headers,
            rows: all
                .get()
                .iter()
                .zip(names(l))
                .filter_map(|(p, name)| {
                    let p = p.as_ref()?;
                    let mut row = vec![name];
                    row.extend(
                        STAGES
                            .iter()
                            .map(|&k| format::number(l, stage_days(&p.exit, k), 2)),
                    );
                    row.push(format::number(l, p.exit.total_days, 2));
                    Some(row)
                })
                .collect(),
        }
    };

    // Formulas for the learner's stack.
    let mine = pos(3);
    let f_yield = move || {
        let l = i18n.get();
        let s = custom();
        let off = |b: bool, x: Decimal| if b { x } else { Decimal::ZERO };
        let net = mine.get().map(|p| p.yields.net_apr_pct).unwrap_or_default();
        format!(
            "[({} + {}) × (1 − {}) + {} × (1 − {})] × (1 − {}) = {}",
            pct2(l, cl.get()),
            pct2(l, el.get()),
            pct0(l, off(s.lst, lstfee.get())),
            pct2(l, off(s.restake, avs.get())),
            pct0(l, split.get()),
            pct0(l, off(s.lrt, lrtfee.get())),
            pct2(l, net)
        )
    };
    let f_survival = move || {
        let l = i18n.get();
        let Some(p) = mine.get() else {
            return String::new();
        };
        let t = format::number(l, years.get(), 0);
        let factors = p
            .layers
            .steps
            .iter()
            .map(|s| format!("(1 − {})^{t}", format::percent(l, s.annual_failure, 2)))
            .collect::<Vec<_>>()
            .join(" × ");
        format!("{factors} = {}", format::percent(l, p.layers.survival, 2))
    };
    let f_exit = move || {
        let l = i18n.get();
        let Some(p) = mine.get() else {
            return String::new();
        };
        let parts = p
            .exit
            .stages
            .iter()
            .map(|s| format::number(l, s.days, 2))
            .collect::<Vec<_>>()
            .join(" + ");
        format!("{parts} = {}", days(l, p.exit.total_days))
    };
    let assumptions = move || {
        let l = i18n.get();
        LAYERS
            .iter()
            .map(|&k| {
                let d = Layer::default_for(k);
                i18n.tf(
                    Key::LstAssumptionItem,
                    &[
                        ("layer", l.text(layer_key(k))),
                        ("p", &pct2(l, d.annual_failure_pct)),
                        ("lgf", &pct0(l, d.loss_given_failure_pct)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(i18n.t(Key::LstAssumptionSep))
    };
    let lrt_disabled = Signal::derive(move || !on(t_restake));

    view! {
        <article class="chapter lst">
            <h1>{move || i18n.t(Key::LstTitle)}</h1>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>
                {move || i18n.t(Key::LstIntro1a)} " "
                <Term id="lst">{move || i18n.t(Key::LstTermLst)}</Term>
                {move || i18n.t(Key::LstIntro1b)} " " <Cite id=SourceId::LidoFee /> " " <Cite id=SourceId::LidoWithdrawals />
            </p>
            <p>
                {move || i18n.t(Key::LstIntro2a)} " "
                <Term id="operator">{move || i18n.t(Key::LstTermOperator)}</Term>
                {move || i18n.t(Key::LstIntro2b)} " "
                <Term id="slashing">{move || i18n.t(Key::LstTermSlashing)}</Term>
                {move || i18n.t(Key::LstIntro2c)} " " <Cite id=SourceId::EigenWhitepaper />
            </p>
            <p>
                {move || i18n.t(Key::LstIntro3a)} " "
                <Term id="lrt">{move || i18n.t(Key::LstTermLrt)}</Term>
                {move || i18n.t(Key::LstIntro3b)}
            </p>

            <Predict
                question=Key::LstPredictQ
                choices=&[Key::LstPredictA, Key::LstPredictB, Key::LstPredictC]
                correct=1
                explanation=Key::LstPredictExplain
            />

            <section class="lab" aria-labelledby="lst-inputs">
                <h2 id="lst-inputs">{move || i18n.t(Key::LstInputsTitle)}</h2>
                <p>{move || i18n.t(Key::LstInputsIntro)}</p>
                <div class="lst-sliders">
                    <Slider label=Key::LstPCl spec=&PARAMS[0] value=cl fmt=pct2 hint=Key::LstPClHint />
                    <Slider label=Key::LstPEl spec=&PARAMS[1] value=el fmt=pct2 hint=Key::LstPElHint />
                    <Slider label=Key::LstPLstfee spec=&PARAMS[2] value=lstfee fmt=pct0 hint=Key::LstPLstfeeHint />
                    <Slider label=Key::LstPAvs spec=&PARAMS[3] value=avs fmt=pct2 hint=Key::LstPAvsHint />
                    <Slider label=Key::LstPSplit spec=&PARAMS[4] value=split fmt=pct0 hint=Key::LstPSplitHint />
                    <Slider label=Key::LstPLrtfee spec=&PARAMS[5] value=lrtfee fmt=pct0 hint=Key::LstPLrtfeeHint />
                    <Slider label=Key::LstPYears spec=&PARAMS[6] value=years fmt=years_text hint=Key::LstPYearsHint />
                    <Slider label=Key::LstPQueue spec=&PARAMS[7] value=queue fmt=eth0 hint=Key::LstPQueueHint />
                    <Slider label=Key::LstPLrtq spec=&PARAMS[8] value=lrtq fmt=days hint=Key::LstPLrtqHint />
                </div>
                <p class="hint">
                    <Cite id=SourceId::ConsensusSpecs /> " " <Cite id=SourceId::LidoFee /> " "
                    <Cite id=SourceId::EigenRewards /> " " <Cite id=SourceId::EigenSafetyDelays /> " "
                    <Cite id=SourceId::RenzoWithdrawals />
                </p>
            </section>

            <Later>
                <h2>{move || i18n.t(Key::LstSideTitle)}</h2>
                <p>{move || i18n.t(Key::LstSideIntro)}</p>
                <div class="lst-cards">
                    <PositionCard index=0 pos=pos(0) />
                    <PositionCard index=1 pos=pos(1) />
                    <PositionCard index=2 pos=pos(2) />
                </div>

                <section class="lab" aria-labelledby="lst-build">
                    <h2 id="lst-build">{move || i18n.t(Key::LstBuildTitle)}</h2>
                    <p>{move || i18n.t(Key::LstBuildIntro)}</p>
                    <div class="lab-grid">
                        <div class="controls">
                            <Toggle label=Key::LstTLst hint=Key::LstTLstHint value=t_lst name="lst" disabled=Signal::derive(|| false) />
                            <Toggle label=Key::LstTRestake hint=Key::LstTRestakeHint value=t_restake name="restake" disabled=Signal::derive(|| false) />
                            <Toggle label=Key::LstTLrt hint=Key::LstTLrtHint value=t_lrt name="lrt" disabled=lrt_disabled />
                            <PositionCard index=3 pos=mine />
                        </div>
                        <div>
                            <h3>{move || i18n.t(Key::LstChartYieldTitle)}</h3>
                            <ul class="legend">
                                <li><span class="sw sw-0"></span>{move || i18n.t(Key::LstSegStaking)}</li>
                                <li><span class="sw sw-1"></span>{move || i18n.t(Key::LstSegRestaking)}</li>
                            </ul>
                            <Chart
                                data=yield_bars
                                draw=draw_stacked_bars
                                aria_label=Signal::derive(yield_aria)
                                table=Signal::derive(yield_table)
                                height=240
                            />
                            <Formula caption=Key::LstFYieldCaption general=Key::LstFYieldGeneral substituted=Signal::derive(f_yield) />
                            <h3>{move || i18n.t(Key::LstChartRiskTitle)}</h3>
                            <ul class="legend">
                                {LAYERS.iter().enumerate().map(|(j, &k)| view! {
                                    <li><span class=format!("sw sw-{j}")></span>{move || i18n.t(layer_key(k))}</li>
                                }).collect_view()}
                            </ul>
                            <Chart
                                data=risk_bars
                                draw=draw_stacked_bars
                                aria_label=Signal::derive(risk_aria)
                                table=Signal::derive(risk_table)
                                height=240
                            />
                            <Formula caption=Key::LstFSurvivalCaption general=Key::LstFSurvivalGeneral substituted=Signal::derive(f_survival) />
                            <p class="hint">
                                <span class="lst-tag">{move || i18n.t(Key::UiAssumption)}</span> " "
                                {move || i18n.t(Key::LstAssumptionIntro)} " " {assumptions}
                            </p>
                            <h3>{move || i18n.t(Key::LstChartExitTitle)}</h3>
                            <ul class="legend">
                                {STAGES.iter().enumerate().map(|(j, &k)| view! {
                                    <li><span class=format!("sw sw-{j}")></span>{move || i18n.t(stage_key(k))}</li>
                                }).collect_view()}
                            </ul>
                            <Chart
                                data=exit_bars
                                draw=draw_stacked_bars
                                aria_label=Signal::derive(exit_aria)
                                table=Signal::derive(exit_table)
                                height=240
                            />
                            <Formula caption=Key::LstFExitCaption general=Key::LstFExitGeneral substituted=Signal::derive(f_exit) />
                            <p class="hint">
                                {move || i18n.t(Key::LstExitNote1)} " "
                                <Term id="exit-queue">{move || i18n.t(Key::LstTermExitQueue)}</Term>
                                {move || i18n.t(Key::LstExitNote2)} " "
                                <Cite id=SourceId::ConsensusSpecs /> " " <Cite id=SourceId::EigenSafetyDelays /> " " <Cite id=SourceId::RenzoWithdrawals />
                            </p>
                        </div>
                    </div>
                </section>
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::LstTakeawayTitle)}</h2>
                <p>{move || i18n.t(Key::LstTakeawayBody)}</p>
                <Quiz chapter="lst-vs-restaking" items=&QUIZ />
            </Later>
        </article>
    }
}

/// The end-of-chapter quiz: what this chapter teaches, one explanation per choice.
pub static QUIZ: [QuizItem; 4] = [
    QuizItem {
        question: Key::QuizC6Q1,
        choices: &[Key::QuizC6Q1A, Key::QuizC6Q1B, Key::QuizC6Q1C],
        correct: 0,
        why: &[Key::QuizC6Q1WhyA, Key::QuizC6Q1WhyB, Key::QuizC6Q1WhyC],
    },
    QuizItem {
        question: Key::QuizC6Q2,
        choices: &[Key::QuizC6Q2A, Key::QuizC6Q2B, Key::QuizC6Q2C],
        correct: 1,
        why: &[Key::QuizC6Q2WhyA, Key::QuizC6Q2WhyB, Key::QuizC6Q2WhyC],
    },
    QuizItem {
        question: Key::QuizC6Q3,
        choices: &[Key::QuizC6Q3A, Key::QuizC6Q3B, Key::QuizC6Q3C],
        correct: 2,
        why: &[Key::QuizC6Q3WhyA, Key::QuizC6Q3WhyB, Key::QuizC6Q3WhyC],
    },
    QuizItem {
        question: Key::QuizC6Q4,
        choices: &[Key::QuizC6Q4A, Key::QuizC6Q4B, Key::QuizC6Q4C],
        correct: 1,
        why: &[Key::QuizC6Q4WhyA, Key::QuizC6Q4WhyB, Key::QuizC6Q4WhyC],
    },
];
