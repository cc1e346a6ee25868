//! Chapter 2 (seed section 2): how restaking works under the hood.
//!
//! Four labs: (1) an interactive diagram of what is delegated — the right to slash,
//! not the coins — and which party can do or take what; (2) EigenLayer's magnitude
//! ledger (ELIP-002) with a slash the learner triggers, whose first preset reproduces
//! ELIP-002's worked example; (3) the fee waterfall from gross yield to net APR/APY
//! with a growth chart; (4) risk isolation: tiered weights, a multisig guard and an
//! insurance pool applied to the same slash (`crate::model::isolation`).
//!
//! All maths is in the model; this module only picks inputs, calls it and renders.

use crate::chapters::{final_value, growth_chart, yearly_table};
use crate::charts::bars::{draw_stacked_bars, Bar, StackedBars};
use crate::charts::lines::draw_lines;
use crate::charts::mech_waterfall::{draw_waterfall, Row, RowKind, Waterfall};
use crate::i18n::format::{eth0, pct0, pct2, years_text};
use crate::i18n::{format, use_i18n, Key, Locale};
use crate::model::isolation::{self, IsolationInputs, IsolationReport, GUARD_SIGNERS};
use crate::model::ledger::{AllocationRow, OperatorLedger};
use crate::model::num::{dec, to_f64};
use crate::model::yields::{self, Compounding, YieldInputs, YieldReport};
use crate::shell::use_page_title;
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::use_scenario;
use crate::widgets::{
    rich, Chart, Cite, DataTable, Formula, Later, Predict, Quiz, QuizItem, Slider, UrlNotice,
};
use leptos::prelude::*;
use rust_decimal::prelude::*;
use rust_decimal::Decimal;

const fn p(
    name: &'static str,
    min: Decimal,
    max: Decimal,
    step: Decimal,
    default: Decimal,
) -> ParamSpec {
    ParamSpec {
        name,
        min,
        max,
        step,
        default,
    }
}

/// URL parameters of this chapter (documented in `docs/url-params.md`).
pub static PARAMS: [ParamSpec; 30] = [
    // Lab 1. Which party is selected: 0 staker, 1 validator, 2 protocol, 3 operator, 4 AVS.
    p("party", dec(0, 0), dec(4, 0), dec(1, 0), dec(0, 0)),
    // Lab 2: ELIP-002's worked example is the default (200 delegated, 20/25/20 %, AVS_1, 50 %).
    p("d", dec(1, 0), dec(10_000, 0), dec(1, 0), dec(200, 0)),
    p("a1", dec(0, 0), dec(100, 0), dec(1, 0), dec(20, 0)),
    p("a2", dec(0, 0), dec(100, 0), dec(1, 0), dec(25, 0)),
    p("a3", dec(0, 0), dec(100, 0), dec(1, 0), dec(20, 0)),
    p("set", dec(1, 0), dec(3, 0), dec(1, 0), dec(1, 0)),
    p("sp", dec(0, 0), dec(100, 0), dec(1, 0), dec(50, 0)),
    p("slashed", dec(0, 0), dec(1, 0), dec(1, 0), dec(0, 0)),
    // Lab 3: defaults of `YieldInputs::default()` (sources and assumptions in its rustdoc).
    p("staked", dec(10, 0), dec(100, 0), dec(1, 1), dec(34, 0)),
    p("el", dec(0, 0), dec(3, 0), dec(1, 2), dec(30, 2)),
    p("lst", dec(0, 0), dec(30, 0), dec(1, 0), dec(10, 0)),
    p("r1", dec(0, 0), dec(10, 0), dec(1, 1), dec(2, 0)),
    p("al1", dec(0, 0), dec(100, 0), dec(1, 0), dec(50, 0)),
    p("r2", dec(0, 0), dec(10, 0), dec(1, 1), dec(1, 0)),
    p("al2", dec(0, 0), dec(100, 0), dec(1, 0), dec(30, 0)),
    p("op", dec(0, 0), dec(100, 0), dec(1, 0), dec(10, 0)),
    p("lrt", dec(0, 0), dec(30, 0), dec(1, 0), dec(10, 0)),
    p("loss", dec(0, 0), dec(5, 0), dec(1, 2), dec(0, 0)),
    p("apy", dec(0, 0), dec(1, 0), dec(1, 0), dec(0, 0)),
    p("comp", dec(0, 0), dec(3, 0), dec(1, 0), dec(1, 0)),
    p(
        "principal",
        dec(1, 0),
        dec(10_000, 0),
        dec(1, 0),
        dec(32, 0),
    ),
    p("years", dec(1, 0), dec(30, 0), dec(1, 0), dec(10, 0)),
    // Lab 4: protections, all off by default; their sizes are illustrative assumptions.
    p("tier", dec(0, 0), dec(1, 0), dec(1, 0), dec(0, 0)),
    p("cap", dec(0, 0), dec(100, 0), dec(1, 0), dec(10, 0)),
    p("ins", dec(0, 0), dec(1, 0), dec(1, 0), dec(0, 0)),
    p("pool", dec(0, 0), dec(500, 0), dec(1, 0), dec(5, 0)),
    p("guard", dec(0, 0), dec(1, 0), dec(1, 0), dec(0, 0)),
    p("k", dec(1, 0), dec(GUARD_SIGNERS, 0), dec(1, 0), dec(3, 0)),
    p("forged", dec(0, 0), dec(1, 0), dec(1, 0), dec(0, 0)),
    p("q", dec(0, 0), dec(50, 0), dec(1, 0), dec(5, 0)),
];

/// Index of each parameter in [`PARAMS`].
mod ix {
    pub const PARTY: usize = 0;
    pub const D: usize = 1;
    pub const A1: usize = 2;
    pub const SET: usize = 5;
    pub const SP: usize = 6;
    pub const SLASHED: usize = 7;
    pub const STAKED: usize = 8;
    pub const EL: usize = 9;
    pub const LST: usize = 10;
    pub const R1: usize = 11;
    pub const AL1: usize = 12;
    pub const R2: usize = 13;
    pub const AL2: usize = 14;
    pub const OP: usize = 15;
    pub const LRT: usize = 16;
    pub const LOSS: usize = 17;
    pub const APY: usize = 18;
    pub const COMP: usize = 19;
    pub const PRINCIPAL: usize = 20;
    pub const YEARS: usize = 21;
    pub const TIER: usize = 22;
    pub const CAP: usize = 23;
    pub const INS: usize = 24;
    pub const POOL: usize = 25;
    pub const GUARD: usize = 26;
    pub const K: usize = 27;
    pub const FORGED: usize = 28;
    pub const Q: usize = 29;
}

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "party" => Key::MechPartyLegend,
        "d" => Key::MechPDelegated,
        "a1" => Key::MechPAlloc1,
        "a2" => Key::MechPAlloc2,
        "a3" => Key::MechPAlloc3,
        "set" => Key::MechPSet,
        "sp" => Key::MechPSlashPct,
        "slashed" => Key::MechPSlashed,
        "staked" => Key::MechPStaked,
        "el" => Key::MechPEl,
        "lst" => Key::MechPLst,
        "r1" => Key::MechPR1,
        "al1" => Key::MechPAl1,
        "r2" => Key::MechPR2,
        "al2" => Key::MechPAl2,
        "op" => Key::MechPOp,
        "lrt" => Key::MechPLrt,
        "loss" => Key::MechPLoss,
        "apy" => Key::MechPApy,
        "comp" => Key::MechPComp,
        "principal" => Key::MechPPrincipal,
        "years" => Key::MechPYears,
        "tier" => Key::MechPTier,
        "cap" => Key::MechPCap,
        "ins" => Key::MechPIns,
        "pool" => Key::MechPPool,
        "guard" => Key::MechPGuard,
        "k" => Key::MechPK,
        "forged" => Key::MechPForged,
        "q" => Key::MechPQ,
        _ => return None,
    })
}

// ───────────────────────────── compute (pure, tested) ─────────────────────────────

/// The three operator sets of ELIP-002's example, in ledger order.
pub const SET_NAMES: [&str; 3] = ["AVS_1", "AVS_2", "EigenDA"];
/// Total magnitude used for display; ELIP-002's examples use 10 000 (on chain it is 10¹⁸).
pub const TOTAL_MAGNITUDE: Decimal = dec(10_000, 0);

/// The ledger before and after one slash, as the lab shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerView {
    /// Three set rows then the non-slashable row, before the slash.
    pub before: Vec<AllocationRow>,
    /// The same rows after the slash.
    pub after: Vec<AllocationRow>,
    /// Delegated stake before and after.
    pub total_before: Decimal,
    /// Delegated stake after the slash.
    pub total_after: Decimal,
    /// Total magnitude before (`M`) and after (`M'`).
    pub m_before: Decimal,
    /// Total magnitude after the slash.
    pub m_after: Decimal,
    /// Magnitude removed from the slashed set, `p·m`.
    pub m_slashed: Decimal,
    /// Tokens burned.
    pub burned: Decimal,
    /// `M'/M`, the factor every delegator's stake is multiplied by.
    pub factor: Decimal,
    /// Allocations actually made, percent (trimmed so they sum to ≤ 100).
    pub alloc_pct: [Decimal; 3],
    /// Whether some allocation had to be trimmed.
    pub trimmed: bool,
    /// Each of the two stakers' stake before and after.
    pub staker_before: Decimal,
    /// One staker's stake after the slash.
    pub staker_after: Decimal,
}

fn four_rows(l: &OperatorLedger) -> Vec<AllocationRow> {
    let rows = l.rows();
    let zero = |set: Option<String>| AllocationRow {
        set,
        magnitude: Decimal::ZERO,
        proportion: Decimal::ZERO,
        stake: Decimal::ZERO,
    };
    let mut out: Vec<AllocationRow> = SET_NAMES
        .iter()
        .map(|n| {
            rows.iter()
                .find(|r| r.set.as_deref() == Some(*n))
                .cloned()
                .unwrap_or_else(|| zero(Some((*n).to_string())))
        })
        .collect();
    out.push(
        rows.iter()
            .find(|r| r.set.is_none())
            .cloned()
            .unwrap_or_else(|| zero(None)),
    );
    out
}

/// Builds ELIP-002's ledger for an operator with `delegated` stake from two equal
/// stakers, allocations `alloc_pct` (percent of total magnitude, trimmed in order so
/// they sum to at most 100), and slashes `slash_pct` percent of set `set` (1-based).
/// A set with no allocation cannot be slashed (nothing changes).
pub fn ledger_view(
    delegated: Decimal,
    alloc_pct: [Decimal; 3],
    set: usize,
    slash_pct: Decimal,
) -> LedgerView {
    let mut l = OperatorLedger::new(TOTAL_MAGNITUDE).unwrap_or_default();
    let half = delegated / Decimal::TWO;
    let _ = l.deposit("staker_1", half);
    let _ = l.deposit("staker_2", delegated - half);
    let mut left = Decimal::ONE_HUNDRED;
    let mut made = [Decimal::ZERO; 3];
    let mut trimmed = false;
    for (i, a) in alloc_pct.iter().enumerate() {
        let a = (*a).max(Decimal::ZERO);
        let take = a.min(left);
        trimmed |= take < a;
        left -= take;
        made[i] = take;
        if take > Decimal::ZERO {
            let _ = l.allocate(SET_NAMES[i], take * TOTAL_MAGNITUDE / Decimal::ONE_HUNDRED);
        }
    }
    let before = four_rows(&l);
    let total_before = l.delegated_stake();
    let staker_before = l.delegators().first().map(|d| d.stake).unwrap_or_default();
    let m_before = l.total_magnitude();
    let fraction = (slash_pct / Decimal::ONE_HUNDRED).clamp(Decimal::ZERO, Decimal::ONE);
    let name = SET_NAMES[set.clamp(1, 3) - 1];
    let m_slashed = l
        .slash(name, fraction)
        .map(|o| o.magnitude_slashed)
        .unwrap_or_default();
    let m_after = l.total_magnitude();
    let total_after = l.delegated_stake();
    LedgerView {
        before,
        after: four_rows(&l),
        total_before,
        total_after,
        m_before,
        m_after,
        m_slashed,
        burned: total_before - total_after,
        factor: if m_before > Decimal::ZERO {
            m_after / m_before
        } else {
            Decimal::ONE
        },
        alloc_pct: made,
        trimmed,
        staker_before,
        staker_after: l.delegators().first().map(|d| d.stake).unwrap_or_default(),
    }
}

/// The fee waterfall with APR/APY and growth paths.
#[derive(Clone, Debug, PartialEq)]
pub struct YieldView {
    /// The model's waterfall.
    pub report: YieldReport,
    /// Staking rewards `S = CL + EL`, percent.
    pub staking_pct: Decimal,
    /// Net APY for the chosen compounding, percent.
    pub net_apy_pct: Decimal,
    /// Gross APY for the chosen compounding, percent.
    pub gross_apy_pct: Decimal,
    /// What the headline shows: net APR or net APY, percent.
    pub headline_pct: Decimal,
    /// (years, value) before any fee, monthly points.
    pub path_gross: Vec<(Decimal, Decimal)>,
    /// (years, value) after fees.
    pub path_net: Vec<(Decimal, Decimal)>,
}

/// Compounding choice by index (0 yearly, 1 monthly, 2 daily, 3 continuous).
pub fn compounding_of(i: Decimal) -> Compounding {
    let i = i.to_usize().unwrap_or(1).min(3);
    Compounding::ALL[i]
}

/// Monthly value of `principal` at `apr_pct`: simple interest (`apy = false`, rewards
/// withdrawn: `P·(1 + r·t)`) or compounded with `comp` (`apy = true`, rewards restaked:
/// [`yields::position_value`]).
pub fn growth_path(
    principal: Decimal,
    apr_pct: Decimal,
    apy: bool,
    comp: Compounding,
    years: u32,
) -> Vec<(Decimal, Decimal)> {
    let twelve = Decimal::from(12);
    if apy {
        yields::position_value(principal, apr_pct, comp, years)
            .unwrap_or_default()
            .into_iter()
            .map(|(m, v)| (Decimal::from(m) / twelve, v))
            .collect()
    } else {
        let r = apr_pct / Decimal::ONE_HUNDRED;
        (0..=years.min(yields::MAX_YEARS) * 12)
            .map(|m| {
                let t = Decimal::from(m) / twelve;
                (t, (principal * (Decimal::ONE + r * t)).max(Decimal::ZERO))
            })
            .collect()
    }
}

/// Runs the waterfall and the APY/growth maths. Overflow (impossible within the
/// sliders' domains) degrades to an all-zero report rather than a panic.
pub fn yield_view(
    inputs: &YieldInputs,
    apy: bool,
    comp: Compounding,
    principal: Decimal,
    years: u32,
) -> YieldView {
    let report = yields::waterfall(inputs).unwrap_or_else(|_| YieldReport {
        steps: vec![],
        consensus_apr_pct: Decimal::ZERO,
        restaking_apr_pct: Decimal::ZERO,
        gross_apr_pct: Decimal::ZERO,
        fees_pct: Decimal::ZERO,
        net_apr_pct: Decimal::ZERO,
    });
    let net_apy_pct = yields::apy_pct(report.net_apr_pct, comp).unwrap_or_default();
    let gross_apy_pct = yields::apy_pct(report.gross_apr_pct, comp).unwrap_or_default();
    let staking_pct = report.consensus_apr_pct + inputs.clamped().execution_apr_pct;
    YieldView {
        headline_pct: if apy { net_apy_pct } else { report.net_apr_pct },
        path_gross: growth_path(principal, report.gross_apr_pct, apy, comp, years),
        path_net: growth_path(principal, report.net_apr_pct, apy, comp, years),
        staking_pct,
        net_apy_pct,
        gross_apy_pct,
        report,
    }
}

/// The chapter's yield inputs from the sliders (percent units; `staked_m` in millions).
#[allow(clippy::too_many_arguments)]
pub fn yield_inputs(
    staked_m: Decimal,
    el: Decimal,
    lst: Decimal,
    r1: Decimal,
    al1: Decimal,
    r2: Decimal,
    al2: Decimal,
    op: Decimal,
    lrt: Decimal,
    loss: Decimal,
) -> YieldInputs {
    YieldInputs {
        consensus_source: yields::ConsensusAprSource::FromTotalStaked,
        total_staked_eth: staked_m * Decimal::from(1_000_000),
        execution_apr_pct: el,
        lst_fee_pct: lst,
        services: vec![
            yields::RestakingService {
                reward_apr_pct: r1,
                allocation_pct: al1,
            },
            yields::RestakingService {
                reward_apr_pct: r2,
                allocation_pct: al2,
            },
        ],
        operator_split_pct: op,
        lrt_fee_pct: lrt,
        slashing_loss_pct: loss,
        ..YieldInputs::default()
    }
}

// ───────────────────────────── small views ─────────────────────────────

/// A radio group bound to an index parameter (`first` is the value of the first option).
#[component]
fn Choice(
    legend: Key,
    name: &'static str,
    options: &'static [Key],
    value: RwSignal<Decimal>,
    #[prop(default = 0)] first: i64,
    #[prop(optional)] hint: Option<Key>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="mech-choice" data-param=name>
            <legend>{move || i18n.t(legend)}</legend>
            <div class="mech-choice-row">
                {options
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| {
                        let v = Decimal::from(first + i as i64);
                        let id = format!("mech-{name}-{i}");
                        let for_id = id.clone();
                        view! {
                            <label for=for_id class="mech-opt">
                                <input
                                    type="radio"
                                    id=id
                                    name=format!("mech-{name}")
                                    prop:checked=move || value.get() == v
                                    on:change=move |_| value.set(v)
                                />
                                <span>{move || i18n.t(k)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {hint.map(|h| view! { <p class="hint">{move || i18n.t(h)}</p> })}
        </fieldset>
    }
}

/// A checkbox bound to a 0/1 parameter.
#[component]
fn Toggle(label: Key, name: &'static str, value: RwSignal<Decimal>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("mech-{name}");
    let for_id = id.clone();
    view! {
        <div class="mech-toggle">
            <input
                type="checkbox"
                id=id
                prop:checked=move || !value.get().is_zero()
                on:change=move |ev| value.set(if event_target_checked(&ev) { Decimal::ONE } else { Decimal::ZERO })
            />
            <label for=for_id>{move || i18n.t(label)}</label>
        </div>
    }
}

/// "Assumption" badge for illustrative numbers.
fn assumption() -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="mech-assume">{move || i18n.t(Key::UiAssumption)}</span> }
}

// ───────────────────────────── formatting ─────────────────────────────

/// An amount with up to 2 decimals and no trailing zeros ("20", "22.5", "0.02").
pub fn amt(l: Locale, x: Decimal) -> String {
    let s = format::number(l, x, 2);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}
/// A probability as a percentage: 2 decimals, or 4 when it is below 1 %.
fn prob(l: Locale, x: Decimal) -> String {
    format::percent(l, x, if x < Decimal::new(1, 2) { 4 } else { 2 })
}
fn staked_m(l: Locale, x: Decimal) -> String {
    format!("{} ETH", format::large(l, x * Decimal::from(1_000_000)))
}
fn k_of_n(l: Locale, x: Decimal) -> String {
    crate::i18n::fill(
        l.text(Key::MechKOfN),
        &[
            ("k", &format::number(l, x, 0)),
            ("n", &GUARD_SIGNERS.to_string()),
        ],
    )
}

const PARTY_NAMES: [Key; 5] = [
    Key::MechPartyStaker,
    Key::MechPartyValidator,
    Key::MechPartyProtocol,
    Key::MechPartyOperator,
    Key::MechPartyAvs,
];
const PARTY_CAN: [Key; 5] = [
    Key::MechPartyStakerCan,
    Key::MechPartyValidatorCan,
    Key::MechPartyProtocolCan,
    Key::MechPartyOperatorCan,
    Key::MechPartyAvsCan,
];
const PARTY_TAKES: [Key; 5] = [
    Key::MechPartyStakerTakes,
    Key::MechPartyValidatorTakes,
    Key::MechPartyProtocolTakes,
    Key::MechPartyOperatorTakes,
    Key::MechPartyAvsTakes,
];
const PARTY_CANNOT: [Key; 5] = [
    Key::MechPartyStakerCannot,
    Key::MechPartyValidatorCannot,
    Key::MechPartyProtocolCannot,
    Key::MechPartyOperatorCannot,
    Key::MechPartyAvsCannot,
];
const PARTY_SOURCE: [&[SourceId]; 5] = [
    &[SourceId::EigenKeyTerms, SourceId::Elip002],
    &[SourceId::ConsensusSpecs, SourceId::EigenPod],
    &[SourceId::Elip002, SourceId::Elip006],
    &[SourceId::EigenKeyTerms, SourceId::Elip002],
    &[SourceId::Elip002, SourceId::Elip006],
];

/// Which diagram elements a party acts on (nodes `n0`–`n5`, edges `e0`–`e5`).
pub fn party_marks(party: usize) -> &'static [&'static str] {
    match party {
        0 => &["n0", "e0", "e1", "e2"],
        1 => &["n1", "e0"],
        2 => &["n2", "e1", "e2", "e5"],
        3 => &["n3", "e2", "e3"],
        _ => &["n4", "n5", "e3", "e4"],
    }
}

const COMP_KEYS: [Key; 4] = [
    Key::MechCompYearly,
    Key::MechCompMonthly,
    Key::MechCompDaily,
    Key::MechCompContinuous,
];

/// Chapter 2: how restaking works.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::MechTitle);
    let scenario = use_scenario(&PARAMS);
    // Each lab below is built later (`Later`), so each takes its own handle.
    let (ledger_values, fees_values, iso_values) = (
        scenario.values.clone(),
        scenario.values.clone(),
        scenario.values.clone(),
    );
    let v = scenario.values.clone();
    let s = move |i: usize| v[i];
    let party = s(ix::PARTY);

    view! {
        <article class="chapter mech">
            <h1>{move || i18n.t(Key::MechTitle)}</h1>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>{move || rich(i18n.t(Key::MechIntro))}</p>

            <h2 id="mech-deleg">{move || i18n.t(Key::MechDelegTitle)}</h2>
            <p>{move || rich(i18n.t(Key::MechDelegP1))} " " <Cite id=SourceId::EigenPod /></p>
            <p>{move || rich(i18n.t(Key::MechDelegP2))} " " <Cite id=SourceId::EigenKeyTerms /></p>
            <Predict
                question=Key::MechPredict1Q
                choices=&[Key::MechPredict1A, Key::MechPredict1B, Key::MechPredict1C]
                correct=1
                explanation=Key::MechPredict1Explain
            />
            <DelegationLab party=party />

            <Later>
                <h2 id="mech-ledger">{move || i18n.t(Key::MechLedgerTitle)}</h2>
                <p>{move || rich(i18n.t(Key::MechLedgerP1))} " " <Cite id=SourceId::Elip002 /></p>
                <p>{move || rich(i18n.t(Key::MechLedgerP2))}</p>
                <Predict
                    question=Key::MechPredict2Q
                    choices=&[Key::MechPredict2A, Key::MechPredict2B, Key::MechPredict2C]
                    correct=1
                    explanation=Key::MechPredict2Explain
                />
                <LedgerLab values=ledger_values />
            </Later>

            <Later>
                <h2 id="mech-fees">{move || i18n.t(Key::MechFeesTitle)}</h2>
                <p>{move || rich(i18n.t(Key::MechFeesP1))}</p>
                <p>{move || rich(i18n.t(Key::MechFeesP2))}</p>
                <FeesLab values=fees_values />
            </Later>

            <Later>
                <h2 id="mech-iso">{move || i18n.t(Key::MechIsoTitle)}</h2>
                <p>{move || rich(i18n.t(Key::MechIsoP1))} " " <Cite id=SourceId::Elip002 /> " " <Cite id=SourceId::Elip006 /></p>
                <p>{move || rich(i18n.t(Key::MechIsoP2))}</p>
                <IsolationLab values=iso_values />
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::MechCatchTitle)}</h2>
                <ul class="mech-catch">
                    <li>{move || i18n.t(Key::MechCatch1)}</li>
                    <li>{move || i18n.t(Key::MechCatch2)}</li>
                    <li>{move || i18n.t(Key::MechCatch3)}</li>
                    <li>{move || i18n.t(Key::MechCatch4)}</li>
                </ul>
                <Quiz chapter="how-it-works" items=&QUIZ />
            </Later>
        </article>
    }
}

// ───────────────────────────── lab 1: the delegation diagram ─────────────────────────────

#[component]
fn DelegationLab(party: RwSignal<Decimal>) -> impl IntoView {
    let i18n = use_i18n();
    let idx = move || party.get().to_usize().unwrap_or(0).min(4);
    let on = move |id: &'static str| party_marks(idx()).contains(&id);
    let node_class = move |id: &'static str| {
        if on(id) {
            "mech-node on"
        } else {
            "mech-node"
        }
    };
    let edge_class = move |id: &'static str, extra: &'static str| {
        format!("mech-edge {extra}{}", if on(id) { " on" } else { "" })
    };
    let marker = move |id: &'static str, slash: bool| {
        if slash {
            "url(#mech-arrow-bad)"
        } else if on(id) {
            "url(#mech-arrow-on)"
        } else {
            "url(#mech-arrow)"
        }
    };
    let pick = move |i: u32| move |_| party.set(Decimal::from(i));
    let t = move |k: Key| i18n.t(k);
    let aria = move || {
        i18n.tf(
            Key::MechDiagramAria,
            &[("party", i18n.t(PARTY_NAMES[idx()]))],
        )
    };
    view! {
        <section class="lab" aria-labelledby="mech-lab1">
            <h3 id="mech-lab1">{move || i18n.t(Key::MechLab1Title)}</h3>
            <p>{move || i18n.t(Key::MechLab1Intro)}</p>
            <div class="lab-grid mech-deleg-grid">
                <div class="controls">
                    <Choice legend=Key::MechPartyLegend name="party" options=&PARTY_NAMES value=party />
                    <div class="mech-party" aria-live="polite" data-testid="party-panel">
                        <h4>{move || t(PARTY_NAMES[idx()])}</h4>
                        <dl>
                            <dt>{move || t(Key::MechCanLabel)}</dt>
                            <dd data-testid="party-can">{move || t(PARTY_CAN[idx()])}</dd>
                            <dt>{move || t(Key::MechTakesLabel)}</dt>
                            <dd data-testid="party-takes">{move || t(PARTY_TAKES[idx()])}</dd>
                            <dt>{move || t(Key::MechCannotLabel)}</dt>
                            <dd data-testid="party-cannot">{move || t(PARTY_CANNOT[idx()])}</dd>
                        </dl>
                        <p class="hint">{move || PARTY_SOURCE[idx()].iter().map(|&id| view! { <Cite id=id /> " " }).collect_view()}</p>
                    </div>
                </div>
                <figure class="mech-diagram">
                    <svg viewBox="0 0 340 470" role="img" aria-label=aria data-testid="deleg-svg">
                        <defs>
                            <marker id="mech-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" class="mech-arrowhead"></path>
                            </marker>
                            <marker id="mech-arrow-on" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" class="mech-arrowhead on"></path>
                            </marker>
                            <marker id="mech-arrow-bad" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" class="mech-arrowhead bad"></path>
                            </marker>
                        </defs>
                        // edges (drawn first, under the nodes)
                        <line x1="190" y1="60" x2="190" y2="98" class=move || edge_class("e0", "") marker-end=move || marker("e0", false)></line>
                        <text x="198" y="84" class="mech-elabel">{move || t(Key::MechEdgeDeposit)}</text>
                        <line x1="190" y1="162" x2="190" y2="198" class=move || edge_class("e1", "") marker-end=move || marker("e1", false)></line>
                        <text x="198" y="184" class="mech-elabel">{move || t(Key::MechEdgeCredentials)}</text>
                        <line x1="190" y1="250" x2="190" y2="288" class=move || edge_class("e2", "") marker-end=move || marker("e2", false)></line>
                        <text x="198" y="274" class="mech-elabel">{move || t(Key::MechEdgeDelegate)}</text>
                        <path d="M190,340 L190,360 L90,360 L90,383" class=move || edge_class("e3", "") marker-end=move || marker("e3", false)></path>
                        <path d="M190,360 L250,360 L250,383" class=move || edge_class("e3", "") marker-end=move || marker("e3", false)></path>
                        <text x="198" y="354" class="mech-elabel">{move || t(Key::MechEdgeAllocate)}</text>
                        <path d="M30,410 L14,410 L14,225 L58,225" class=move || edge_class("e4", "mech-slash") marker-end=move || marker("e4", true)></path>
                        <text x="20" y="320" class="mech-elabel mech-vlabel" transform="rotate(-90 20 320)">{move || t(Key::MechEdgeSlash)}</text>
                        <path d="M70,200 L70,164" class=move || edge_class("e5", "mech-slash") marker-end=move || marker("e5", true)></path>
                        <text x="76" y="186" class="mech-elabel">{move || t(Key::MechEdgeBurn)}</text>
                        // nodes
                        <g class=move || node_class("n0") on:click=pick(0)>
                            <rect x="60" y="10" width="260" height="50" rx="8"></rect>
                            <text x="190" y="40" class="mech-nlabel">{move || t(Key::MechNodeStaker)}</text>
                        </g>
                        <g class=move || node_class("n1") on:click=pick(1)>
                            <rect x="60" y="100" width="260" height="62" rx="8"></rect>
                            <text x="190" y="124" class="mech-nlabel">{move || t(Key::MechNodeValidator)}</text>
                            <circle cx="92" cy="143" r="11" class="mech-coin"></circle>
                            <text x="92" y="147" class="mech-coin-t">"Ξ"</text>
                            <text x="110" y="148" class="mech-nsub">{move || t(Key::MechNodeEthStays)}</text>
                        </g>
                        <g class=move || node_class("n2") on:click=pick(2)>
                            <rect x="60" y="200" width="260" height="50" rx="8"></rect>
                            <text x="190" y="223" class="mech-nlabel">{move || t(Key::MechNodeProtocol)}</text>
                            <text x="190" y="241" class="mech-nsub mid">{move || t(Key::MechNodeProtocolSub)}</text>
                        </g>
                        <g class=move || node_class("n3") on:click=pick(3)>
                            <rect x="60" y="290" width="260" height="50" rx="8"></rect>
                            <text x="190" y="313" class="mech-nlabel">{move || t(Key::MechNodeOperator)}</text>
                            <text x="190" y="331" class="mech-nsub mid">{move || t(Key::MechNodeOperatorSub)}</text>
                        </g>
                        <g class=move || node_class("n4") on:click=pick(4)>
                            <rect x="30" y="385" width="125" height="60" rx="8"></rect>
                            <text x="92" y="410" class="mech-nlabel">"AVS 1"</text>
                            <text x="92" y="430" class="mech-nsub mid">{move || t(Key::MechNodeAvsSub1)}</text>
                        </g>
                        <g class=move || node_class("n5") on:click=pick(4)>
                            <rect x="185" y="385" width="135" height="60" rx="8"></rect>
                            <text x="252" y="410" class="mech-nlabel">"AVS 2"</text>
                            <text x="252" y="430" class="mech-nsub mid">{move || t(Key::MechNodeAvsSub2)}</text>
                        </g>
                    </svg>
                    <details class="data-table">
                        <summary>{move || i18n.t(Key::MechDiagramText)}</summary>
                        <ol class="mech-steps">
                            <li>{move || t(Key::MechDiagramStep1)}</li>
                            <li>{move || t(Key::MechDiagramStep2)}</li>
                            <li>{move || t(Key::MechDiagramStep3)}</li>
                            <li>{move || t(Key::MechDiagramStep4)}</li>
                            <li>{move || t(Key::MechDiagramStep5)}</li>
                        </ol>
                    </details>
                </figure>
            </div>
        </section>
    }
}

// ───────────────────────────── lab 2: the magnitude ledger ─────────────────────────────

#[component]
fn LedgerLab(values: Vec<RwSignal<Decimal>>) -> impl IntoView {
    let i18n = use_i18n();
    let s = |i: usize| values[i];
    let (d, set, sp, slashed) = (s(ix::D), s(ix::SET), s(ix::SP), s(ix::SLASHED));
    let allocs = [s(ix::A1), s(ix::A1 + 1), s(ix::A1 + 2)];
    let view_m = Memo::new(move |_| {
        ledger_view(
            d.get(),
            [allocs[0].get(), allocs[1].get(), allocs[2].get()],
            set.get().to_usize().unwrap_or(1),
            sp.get(),
        )
    });
    let is_slashed = move || !slashed.get().is_zero();
    let set_name = move || SET_NAMES[set.get().to_usize().unwrap_or(1).clamp(1, 3) - 1];
    let preset = move |dv: u32, a: [u32; 3], st: u32, spv: u32| {
        move |_| {
            d.set(Decimal::from(dv));
            for (sig, x) in allocs.iter().zip(a) {
                sig.set(Decimal::from(x));
            }
            set.set(Decimal::from(st));
            sp.set(Decimal::from(spv));
            slashed.set(Decimal::ONE);
        }
    };
    let row_name = move |r: &AllocationRow| match &r.set {
        Some(n) => n.clone(),
        None => i18n.t(Key::MechNonSlashable).to_string(),
    };
    let rows_view = move || {
        let l = i18n.get();
        let v = view_m.get();
        let after = is_slashed();
        v.before
            .iter()
            .zip(&v.after)
            .enumerate()
            .map(|(i, (b, a))| {
                let hit = after && i + 1 == set.get().to_usize().unwrap_or(1);
                view! {
                    <tr class:mech-hit=hit>
                        <th scope="row">{row_name(b)}</th>
                        <td data-testid=format!("stake-before-{i}")>{amt(l, b.stake)}</td>
                        {after.then(|| view! { <td class="mech-after" data-testid=format!("stake-after-{i}")>{amt(l, a.stake)}</td> })}
                        <td data-testid=format!("mag-before-{i}")>{format::number(l, b.magnitude, 0)}</td>
                        {after.then(|| view! { <td class="mech-after" data-testid=format!("mag-after-{i}")>{format::number(l, a.magnitude, 0)}</td> })}
                        <td data-testid=format!("prop-before-{i}")>{format::percent(l, b.proportion, 1)}</td>
                        {after.then(|| view! { <td class="mech-after" data-testid=format!("prop-after-{i}")>{format::percent(l, a.proportion, 1)}</td> })}
                    </tr>
                }
            })
            .collect_view()
    };
    let substituted = move || {
        let l = i18n.get();
        let v = view_m.get();
        i18n.tf(
            Key::MechLedgerSubst,
            &[
                ("m", &format::number(l, v.m_before, 0)),
                ("p", &pct0(l, sp.get())),
                (
                    "mi",
                    &format::number(
                        l,
                        v.before
                            .get(set.get().to_usize().unwrap_or(1).clamp(1, 3) - 1)
                            .map(|r| r.magnitude)
                            .unwrap_or_default(),
                        0,
                    ),
                ),
                ("m2", &format::number(l, v.m_after, 0)),
                ("d", &amt(l, v.total_before)),
                ("d2", &amt(l, v.total_after)),
            ],
        )
    };
    // Stacked bars: stake by set, before and (once slashed) after, with the burned part.
    let bars_data = Memo::new(move |_| {
        let l = i18n.get();
        let v = view_m.get();
        let vals = |rows: &[AllocationRow], burned: Decimal| {
            let mut out: Vec<f64> = rows.iter().map(|r| to_f64(r.stake)).collect();
            out.push(to_f64(burned));
            out
        };
        let mut bars = vec![Bar {
            label: l.text(Key::MechBarBefore).into(),
            values: vals(&v.before, Decimal::ZERO),
        }];
        if is_slashed() {
            bars.push(Bar {
                label: l.text(Key::MechBarAfter).into(),
                values: vals(&v.after, v.burned),
            });
        }
        StackedBars {
            segments: vec![
                SET_NAMES[0].into(),
                SET_NAMES[1].into(),
                SET_NAMES[2].into(),
                l.text(Key::MechNonSlashable).into(),
                l.text(Key::MechBurned).into(),
            ],
            bars,
            x_caption: l.text(Key::MechAxisStake).into(),
            fmt: |x| format!("{x:.0}"),
        }
    });
    let bars_aria = move || {
        let l = i18n.get();
        let v = view_m.get();
        i18n.tf(
            Key::MechLedgerAria,
            &[
                ("before", &amt(l, v.total_before)),
                (
                    "after",
                    &amt(
                        l,
                        if is_slashed() {
                            v.total_after
                        } else {
                            v.total_before
                        },
                    ),
                ),
            ],
        )
    };
    let bars_table = move || {
        let l = i18n.get();
        let v = view_m.get();
        let mut rows: Vec<Vec<String>> = v
            .before
            .iter()
            .zip(&v.after)
            .map(|(b, a)| {
                vec![
                    row_name(b),
                    amt(l, b.stake),
                    amt(l, if is_slashed() { a.stake } else { b.stake }),
                ]
            })
            .collect();
        rows.push(vec![
            l.text(Key::MechBurned).into(),
            "0".into(),
            amt(
                l,
                if is_slashed() {
                    v.burned
                } else {
                    Decimal::ZERO
                },
            ),
        ]);
        DataTable {
            headers: vec![
                l.text(Key::MechColSet).into(),
                l.text(Key::MechBarBefore).into(),
                l.text(Key::MechBarAfter).into(),
            ],
            rows,
        }
    };
    let alloc_slider = move |i: usize, label: Key| {
        view! { <Slider label=label spec=&PARAMS[ix::A1 + i] value=allocs[i] fmt=pct0 /> }
    };
    view! {
        <section class="lab" aria-labelledby="mech-lab2">
            <h3 id="mech-lab2">{move || i18n.t(Key::MechLab2Title)}</h3>
            <p>{move || i18n.t(Key::MechLab2Intro)}</p>
            <div class="mech-presets" role="group" aria-label=move || i18n.t(Key::MechPresets)>
                <span>{move || i18n.t(Key::MechPresets)}</span>
                <button type="button" data-testid="preset-elip" on:click=preset(200, [20, 25, 20], 1, 50)>{move || i18n.t(Key::MechPresetElip)}</button>
                <button type="button" data-testid="preset-allin" on:click=preset(200, [100, 0, 0], 1, 50)>{move || i18n.t(Key::MechPresetAllIn)}</button>
                <button type="button" data-testid="preset-none" on:click=preset(200, [0, 0, 0], 1, 50)>{move || i18n.t(Key::MechPresetNone)}</button>
            </div>
            <div class="lab-grid">
                <div class="controls">
                    <Slider label=Key::MechPDelegated spec=&PARAMS[ix::D] value=d fmt=eth0 hint=Key::MechPDelegatedHint />
                    {alloc_slider(0, Key::MechPAlloc1)}
                    {alloc_slider(1, Key::MechPAlloc2)}
                    {alloc_slider(2, Key::MechPAlloc3)}
                    <Show when=move || view_m.get().trimmed>
                        <p class="mech-warn" role="status" data-testid="trimmed">{move || i18n.t(Key::MechTrimmed)}</p>
                    </Show>
                    <Choice legend=Key::MechPSet name="set" options=&[Key::MechSetName1, Key::MechSetName2, Key::MechSetName3] value=set first=1 />
                    <Slider label=Key::MechPSlashPct spec=&PARAMS[ix::SP] value=sp fmt=pct0 />
                    <button
                        type="button"
                        class="mech-slash-btn"
                        data-testid="slash-btn"
                        aria-pressed=move || is_slashed().to_string()
                        on:click=move |_| slashed.set(if is_slashed() { Decimal::ZERO } else { Decimal::ONE })
                    >
                        {move || if is_slashed() {
                            i18n.t(Key::MechUndoSlash).to_string()
                        } else {
                            i18n.tf(Key::MechDoSlash, &[("set", set_name()), ("p", &pct0(i18n.get(), sp.get()))])
                        }}
                    </button>
                </div>
                <div>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::MechDelegatedNow)}</dt>
                            <dd data-testid="ledger-total">{move || { let v = view_m.get(); amt(i18n.get(), if is_slashed() { v.total_after } else { v.total_before }) }}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::MechTotalMagnitude)}</dt>
                            <dd data-testid="ledger-m">{move || { let v = view_m.get(); format::number(i18n.get(), if is_slashed() { v.m_after } else { v.m_before }, 0) }}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::MechPerStaker)}</dt>
                            <dd data-testid="ledger-staker">{move || {
                                let l = i18n.get();
                                let v = view_m.get();
                                if is_slashed() { format!("{} → {}", amt(l, v.staker_before), amt(l, v.staker_after)) } else { amt(l, v.staker_before) }
                            }}</dd>
                        </div>
                    </dl>
                    <ul class="legend">
                        <li><span class="sw sw-0"></span>{SET_NAMES[0]}</li>
                        <li><span class="sw sw-1"></span>{SET_NAMES[1]}</li>
                        <li><span class="sw sw-2"></span>{SET_NAMES[2]}</li>
                        <li><span class="sw sw-3"></span>{move || i18n.t(Key::MechNonSlashable)}</li>
                        <li><span class="sw sw-4"></span>{move || i18n.t(Key::MechBurned)}</li>
                    </ul>
                    <Chart
                        data=bars_data
                        draw=draw_stacked_bars
                        aria_label=Signal::derive(bars_aria)
                        table=Signal::derive(bars_table)
                        height=170
                    />
                </div>
            </div>
                <div class="mech-table-wrap">
                    <table class="mech-ledger" data-testid="ledger-table">
                        <caption>{move || i18n.t(Key::MechLedgerCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Key::MechColSet)}</th>
                                <th scope="col">{move || i18n.t(Key::MechColStake)}</th>
                                {move || is_slashed().then(|| view! { <th scope="col" class="mech-after">{i18n.t(Key::MechColStakeAfter)}</th> })}
                                <th scope="col">{move || i18n.t(Key::MechColMag)}</th>
                                {move || is_slashed().then(|| view! { <th scope="col" class="mech-after">{i18n.t(Key::MechColMagAfter)}</th> })}
                                <th scope="col">{move || i18n.t(Key::MechColProp)}</th>
                                {move || is_slashed().then(|| view! { <th scope="col" class="mech-after">{i18n.t(Key::MechColPropAfter)}</th> })}
                            </tr>
                        </thead>
                        <tbody>{rows_view}</tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{move || i18n.t(Key::MechTotal)}</th>
                                <td data-testid="total-before">{move || amt(i18n.get(), view_m.get().total_before)}</td>
                                {move || is_slashed().then(|| view! { <td class="mech-after" data-testid="total-after">{amt(i18n.get(), view_m.get().total_after)}</td> })}
                                <td>{move || format::number(i18n.get(), view_m.get().m_before, 0)}</td>
                                {move || is_slashed().then(|| view! { <td class="mech-after">{format::number(i18n.get(), view_m.get().m_after, 0)}</td> })}
                                <td>"100.0%"</td>
                                {move || is_slashed().then(|| view! { <td class="mech-after">"100.0%"</td> })}
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <p class="hint">{move || i18n.t(Key::MechLedgerNote)} " " <Cite id=SourceId::Elip002 /></p>
                <Formula caption=Key::MechLedgerFormulaCaption general=Key::MechLedgerFormula substituted=Signal::derive(substituted) />
        </section>
    }
}

// ───────────────────────────── lab 3: the fee waterfall ─────────────────────────────

#[component]
fn FeesLab(values: Vec<RwSignal<Decimal>>) -> impl IntoView {
    let i18n = use_i18n();
    let s = |i: usize| values[i];
    let (staked, el, lst, r1, al1, r2, al2, op, lrt, loss) = (
        s(ix::STAKED),
        s(ix::EL),
        s(ix::LST),
        s(ix::R1),
        s(ix::AL1),
        s(ix::R2),
        s(ix::AL2),
        s(ix::OP),
        s(ix::LRT),
        s(ix::LOSS),
    );
    let (apy, comp, principal, years) = (s(ix::APY), s(ix::COMP), s(ix::PRINCIPAL), s(ix::YEARS));
    let inputs = Memo::new(move |_| {
        yield_inputs(
            staked.get(),
            el.get(),
            lst.get(),
            r1.get(),
            al1.get(),
            r2.get(),
            al2.get(),
            op.get(),
            lrt.get(),
            loss.get(),
        )
    });
    let is_apy = move || !apy.get().is_zero();
    let yv = Memo::new(move |_| {
        yield_view(
            &inputs.get(),
            !apy.get().is_zero(),
            compounding_of(comp.get()),
            principal.get(),
            years.get().to_u32().unwrap_or(10),
        )
    });
    let step_key = |k: yields::StepKind| match k {
        yields::StepKind::ConsensusRewards => Key::MechStepCl,
        yields::StepKind::ExecutionRewards => Key::MechStepEl,
        yields::StepKind::LstFee => Key::MechStepLst,
        yields::StepKind::RestakingRewards => Key::MechStepRestake,
        yields::StepKind::OperatorSplit => Key::MechStepOp,
        yields::StepKind::LrtFee => Key::MechStepLrt,
        yields::StepKind::SlashingLoss => Key::MechStepSlash,
    };
    let rows = move || {
        let l = i18n.get();
        let y = yv.get();
        let mut rows: Vec<Row> = y
            .report
            .steps
            .iter()
            .map(|st| Row {
                label: l.text(step_key(st.kind)).into(),
                delta: to_f64(st.delta_pct),
                running: to_f64(st.running_pct),
                kind: match st.kind {
                    yields::StepKind::ConsensusRewards
                    | yields::StepKind::ExecutionRewards
                    | yields::StepKind::RestakingRewards => RowKind::Gain,
                    _ => RowKind::Cost,
                },
            })
            .collect();
        rows.push(Row {
            label: l.text(Key::MechStepNetApr).into(),
            delta: 0.0,
            running: to_f64(y.report.net_apr_pct),
            kind: RowKind::Total,
        });
        if is_apy() {
            rows.push(Row {
                label: l.text(Key::MechStepCompound).into(),
                delta: to_f64(y.net_apy_pct - y.report.net_apr_pct),
                running: to_f64(y.net_apy_pct),
                kind: RowKind::Compounding,
            });
            rows.push(Row {
                label: l.text(Key::MechStepNetApy).into(),
                delta: 0.0,
                running: to_f64(y.net_apy_pct),
                kind: RowKind::Total,
            });
        }
        rows
    };
    let wf_data = Memo::new(move |_| Waterfall {
        rows: rows(),
        x_caption: i18n.t(Key::MechAxisYield).into(),
        fmt: |x| format!("{x:.2}%"),
    });
    let l2 = move |x: Decimal| pct2(i18n.get(), x);
    let wf_aria = move || {
        let y = yv.get();
        i18n.tf(
            Key::MechWaterfallAria,
            &[
                ("gross", &l2(y.report.gross_apr_pct)),
                ("fees", &l2(y.report.fees_pct)),
                ("net", &l2(y.headline_pct)),
            ],
        )
    };
    let wf_table = move || {
        let l = i18n.get();
        DataTable {
            headers: vec![
                l.text(Key::MechColStep).into(),
                l.text(Key::MechColChange).into(),
                l.text(Key::MechColRunning).into(),
            ],
            rows: rows()
                .iter()
                .map(|r| {
                    let delta = if r.kind == RowKind::Total {
                        String::new()
                    } else {
                        format!("{:+.3}", r.delta)
                    };
                    vec![r.label.clone(), delta, format!("{:.3}%", r.running)]
                })
                .collect(),
        }
    };
    let lines_data = Memo::new(move |_| {
        let y = yv.get();
        growth_chart(
            i18n.get(),
            &[
                (Key::MechSeriesGross, &y.path_gross, 5),
                (Key::MechSeriesNet, &y.path_net, 0),
            ],
            Key::MechAxisYears,
            Key::MechAxisValue,
        )
    });
    let lines_aria = move || {
        let l = i18n.get();
        let y = yv.get();
        i18n.tf(
            Key::MechGrowthAria,
            &[
                ("years", &years_text(l, years.get())),
                ("gross", &format::eth(l, final_value(&y.path_gross), 2)),
                ("net", &format::eth(l, final_value(&y.path_net), 2)),
            ],
        )
    };
    let lines_table = move || {
        let y = yv.get();
        yearly_table(
            i18n.get(),
            Key::MechColYear,
            &[
                (Key::MechSeriesGross, &y.path_gross),
                (Key::MechSeriesNet, &y.path_net),
            ],
        )
    };
    let substituted = move || {
        let l = i18n.get();
        let y = yv.get();
        let x = inputs.get().clamped();
        let d = |k: usize| {
            y.report
                .steps
                .get(k)
                .map(|st| st.delta_pct.abs())
                .unwrap_or_default()
        };
        let r = |i: usize| {
            x.services
                .get(i)
                .copied()
                .map(|s| (s.reward_apr_pct, s.allocation_pct))
                .unwrap_or_default()
        };
        let ((ra, aa), (rb, ab)) = (r(0), r(1));
        let mut out = i18n.tf(
            Key::MechFeesSubst,
            &[
                ("cl", &pct2(l, y.report.consensus_apr_pct)),
                ("el", &pct2(l, x.execution_apr_pct)),
                ("s", &pct2(l, y.staking_pct)),
                ("r1", &pct2(l, ra)),
                ("a1", &pct0(l, aa)),
                ("r2", &pct2(l, rb)),
                ("a2", &pct0(l, ab)),
                ("r", &pct2(l, y.report.restaking_apr_pct)),
                ("lst", &pct2(l, d(2))),
                ("op", &pct2(l, d(4))),
                ("lrt", &pct2(l, d(5))),
                ("loss", &pct2(l, d(6))),
                ("net", &pct2(l, y.report.net_apr_pct)),
            ],
        );
        if !apy.get().is_zero() {
            let c = compounding_of(comp.get());
            let key = if c == Compounding::Continuous {
                Key::MechApySubstCont
            } else {
                Key::MechApySubst
            };
            out.push_str("  ·  ");
            out.push_str(&i18n.tf(
                key,
                &[
                    ("apr", &pct2(l, y.report.net_apr_pct)),
                    ("n", &c.periods_per_year().unwrap_or(1).to_string()),
                    ("apy", &pct2(l, y.net_apy_pct)),
                ],
            ));
        }
        out
    };
    let sum_alloc = move || al1.get() + al2.get() > Decimal::ONE_HUNDRED;
    view! {
        <section class="lab" aria-labelledby="mech-lab3">
            <h3 id="mech-lab3">{move || i18n.t(Key::MechLab3Title)}</h3>
            <p>{move || i18n.t(Key::MechLab3Intro)}</p>
            <div class="lab-grid">
                <div class="controls">
                    <fieldset class="mech-group">
                        <legend>{move || i18n.t(Key::MechGroupStaking)}</legend>
                        <Slider label=Key::MechPStaked spec=&PARAMS[ix::STAKED] value=staked fmt=staked_m hint=Key::MechPStakedHint />
                        <p class="hint">{move || i18n.tf(Key::MechClDerived, &[("cl", &pct2(i18n.get(), yv.get().report.consensus_apr_pct))])} " " <Cite id=SourceId::ConsensusSpecs /></p>
                        <Slider label=Key::MechPEl spec=&PARAMS[ix::EL] value=el fmt=pct2 />
                        <p class="hint">{assumption()} " " {move || i18n.t(Key::MechPElHint)}</p>
                        <Slider label=Key::MechPLst spec=&PARAMS[ix::LST] value=lst fmt=pct0 />
                        <p class="hint">{move || i18n.t(Key::MechPLstHint)} " " <Cite id=SourceId::LidoFee /></p>
                    </fieldset>
                    <fieldset class="mech-group">
                        <legend>{move || i18n.t(Key::MechGroupRestaking)}</legend>
                        <Slider label=Key::MechPR1 spec=&PARAMS[ix::R1] value=r1 fmt=pct2 />
                        <Slider label=Key::MechPAl1 spec=&PARAMS[ix::AL1] value=al1 fmt=pct0 />
                        <Slider label=Key::MechPR2 spec=&PARAMS[ix::R2] value=r2 fmt=pct2 />
                        <Slider label=Key::MechPAl2 spec=&PARAMS[ix::AL2] value=al2 fmt=pct0 />
                        <p class="hint">{assumption()} " " {move || i18n.t(Key::MechServicesHint)}</p>
                        <Show when=sum_alloc>
                            <p class="mech-warn" role="status">{move || i18n.t(Key::MechAllocTrimmed)}</p>
                        </Show>
                        <Slider label=Key::MechPOp spec=&PARAMS[ix::OP] value=op fmt=pct0 />
                        <p class="hint">{move || i18n.t(Key::MechPOpHint)} " " <Cite id=SourceId::Elip002 /> " " <Cite id=SourceId::EigenRewards /></p>
                        <Slider label=Key::MechPLrt spec=&PARAMS[ix::LRT] value=lrt fmt=pct0 />
                        <p class="hint">{assumption()} " " {move || i18n.t(Key::MechPLrtHint)}</p>
                        <Slider label=Key::MechPLoss spec=&PARAMS[ix::LOSS] value=loss fmt=pct2 />
                        <p class="hint">{assumption()} " " {move || i18n.t(Key::MechPLossHint)}</p>
                    </fieldset>
                </div>
                <div>
                    <Choice legend=Key::MechPApy name="apy" options=&[Key::MechShowApr, Key::MechShowApy] value=apy hint=Key::MechApyHint />
                    <Choice legend=Key::MechPComp name="comp" options=&COMP_KEYS value=comp hint=Key::MechCompHint />
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::MechGross)}</dt>
                            <dd data-testid="gross">{move || { let y = yv.get(); l2(if is_apy() { y.gross_apy_pct } else { y.report.gross_apr_pct }) }}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::MechFeesTotal)}</dt>
                            <dd data-testid="fees">{move || l2(yv.get().report.fees_pct)}</dd>
                        </div>
                        <div>
                            <dt>{move || if is_apy() { i18n.t(Key::MechNetApy) } else { i18n.t(Key::MechNetApr) }}</dt>
                            <dd data-testid="net">{move || l2(yv.get().headline_pct)}</dd>
                        </div>
                    </dl>
                    <ul class="legend">
                        <li><span class="sw sw-2"></span>{move || i18n.t(Key::MechLegendGain)}</li>
                        <li><span class="sw sw-4"></span>{move || i18n.t(Key::MechLegendCost)}</li>
                        <li><span class="sw sw-0"></span>{move || i18n.t(Key::MechLegendTotal)}</li>
                        <Show when=is_apy><li><span class="sw sw-3"></span>{move || i18n.t(Key::MechStepCompound)}</li></Show>
                    </ul>
                    <Chart
                        data=wf_data
                        draw=draw_waterfall
                        aria_label=Signal::derive(wf_aria)
                        table=Signal::derive(wf_table)
                        height=330
                    />
                    <Formula caption=Key::MechFeesFormulaCaption general=Key::MechFeesFormula substituted=Signal::derive(substituted) />
                    <h4>{move || i18n.t(Key::MechGrowthTitle)}</h4>
                    <Slider label=Key::MechPPrincipal spec=&PARAMS[ix::PRINCIPAL] value=principal fmt=eth0 />
                    <Slider label=Key::MechPYears spec=&PARAMS[ix::YEARS] value=years fmt=years_text />
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.tf(Key::MechAfterYears, &[("years", &years_text(i18n.get(), years.get()))])}</dt>
                            <dd data-testid="final-net">{move || format::eth(i18n.get(), final_value(&yv.get().path_net), 3)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::MechFeesCost)}</dt>
                            <dd data-testid="fees-cost">{move || { let y = yv.get(); format::eth(i18n.get(), final_value(&y.path_gross) - final_value(&y.path_net), 3) }}</dd>
                        </div>
                    </dl>
                    <Chart
                        data=lines_data
                        draw=draw_lines
                        aria_label=Signal::derive(lines_aria)
                        table=Signal::derive(lines_table)
                        height=260
                    />
                </div>
            </div>
        </section>
    }
}

// ───────────────────────────── lab 4: risk isolation ─────────────────────────────

#[component]
fn IsolationLab(values: Vec<RwSignal<Decimal>>) -> impl IntoView {
    let i18n = use_i18n();
    let s = |i: usize| values[i];
    let (d, set, sp) = (s(ix::D), s(ix::SET), s(ix::SP));
    let allocs = [s(ix::A1), s(ix::A1 + 1), s(ix::A1 + 2)];
    let (tier, cap, ins, pool, guard, k, forged, q) = (
        s(ix::TIER),
        s(ix::CAP),
        s(ix::INS),
        s(ix::POOL),
        s(ix::GUARD),
        s(ix::K),
        s(ix::FORGED),
        s(ix::Q),
    );
    let on = |x: RwSignal<Decimal>| move || !x.get().is_zero();
    let ledger = Memo::new(move |_| {
        ledger_view(
            d.get(),
            [allocs[0].get(), allocs[1].get(), allocs[2].get()],
            set.get().to_usize().unwrap_or(1),
            sp.get(),
        )
    });
    let set_i = move || set.get().to_usize().unwrap_or(1).clamp(1, 3) - 1;
    let report = Memo::new(move |_| -> IsolationReport {
        let lv = ledger.get();
        isolation::isolate(&IsolationInputs {
            delegated: lv.total_before,
            allocation_pct: lv.alloc_pct[set_i()],
            slash_pct: sp.get(),
            tier_cap_pct: (!tier.get().is_zero()).then(|| cap.get()),
            pool: if ins.get().is_zero() {
                Decimal::ZERO
            } else {
                pool.get()
            },
            guard_threshold: (!guard.get().is_zero()).then(|| k.get().to_u32().unwrap_or(3)),
            forged: !forged.get().is_zero(),
            key_compromise_pct: q.get(),
        })
    });
    let a = move |x: Decimal| amt(i18n.get(), x);
    let setup = move || {
        let l = i18n.get();
        let lv = ledger.get();
        i18n.tf(
            Key::MechIsoSetup,
            &[
                ("set", SET_NAMES[set_i()]),
                ("a", &pct0(l, lv.alloc_pct[set_i()])),
                ("d", &amt(l, lv.total_before)),
                ("p", &pct0(l, sp.get())),
                ("loss", &amt(l, report.get().baseline_loss)),
            ],
        )
    };
    let bars_data = Memo::new(move |_| {
        let l = i18n.get();
        let r = report.get();
        let sp_ = r.split;
        StackedBars {
            segments: vec![
                l.text(Key::MechSplitDelegators).into(),
                l.text(Key::MechSplitPool).into(),
                l.text(Key::MechSplitGuard).into(),
                l.text(Key::MechSplitCap).into(),
            ],
            bars: vec![
                Bar {
                    label: l.text(Key::MechBarNoProtection).into(),
                    values: vec![to_f64(r.baseline_loss), 0.0, 0.0, 0.0],
                },
                Bar {
                    label: l.text(Key::MechBarYourDesign).into(),
                    values: vec![
                        to_f64(sp_.borne_by_delegators),
                        to_f64(sp_.paid_by_pool),
                        to_f64(sp_.blocked_by_guard),
                        to_f64(sp_.avoided_by_cap),
                    ],
                },
            ],
            x_caption: l.text(Key::MechAxisLoss).into(),
            fmt: |x| format!("{x:.1}"),
        }
    });
    let bars_aria = move || {
        let r = report.get();
        i18n.tf(
            Key::MechIsoAria,
            &[
                ("base", &a(r.baseline_loss)),
                ("exp", &a(r.expected_delegators_lose)),
            ],
        )
    };
    let bars_table = move || {
        let l = i18n.get();
        let r = report.get();
        let sp_ = r.split;
        let row = |k: Key, base: Decimal, mine: Decimal| {
            vec![l.text(k).to_string(), amt(l, base), amt(l, mine)]
        };
        DataTable {
            headers: vec![
                l.text(Key::MechColWho).into(),
                l.text(Key::MechBarNoProtection).into(),
                l.text(Key::MechBarYourDesign).into(),
            ],
            rows: vec![
                row(
                    Key::MechSplitDelegators,
                    r.baseline_loss,
                    sp_.borne_by_delegators,
                ),
                row(Key::MechSplitPool, Decimal::ZERO, sp_.paid_by_pool),
                row(Key::MechSplitGuard, Decimal::ZERO, sp_.blocked_by_guard),
                row(Key::MechSplitCap, Decimal::ZERO, sp_.avoided_by_cap),
            ],
        }
    };
    let substituted = move || {
        let l = i18n.get();
        let r = report.get();
        let lv = ledger.get();
        let mut parts = vec![i18n.tf(
            Key::MechIsoSubstLoss,
            &[
                ("p", &pct0(l, sp.get())),
                ("a", &format::percent(l, r.weight, 1)),
                ("d", &amt(l, lv.total_before)),
                ("loss", &amt(l, r.loss)),
            ],
        )];
        if !guard.get().is_zero() && !forged.get().is_zero() {
            parts.push(i18n.tf(
                Key::MechIsoSubstGuard,
                &[
                    ("k", &k.get().to_string()),
                    ("n", &GUARD_SIGNERS.to_string()),
                    ("q", &pct0(l, q.get())),
                    ("pr", &prob(l, r.pass_probability)),
                ],
            ));
        }
        parts.push(i18n.tf(
            Key::MechIsoSubstDeleg,
            &[
                ("pr", &prob(l, r.pass_probability)),
                ("loss", &amt(l, r.loss)),
                ("pool", &amt(l, r.pool_pays)),
                ("exp", &amt(l, r.expected_delegators_lose)),
            ],
        ));
        parts.join("  ·  ")
    };
    let kfmt: fn(Locale, Decimal) -> String = k_of_n;
    view! {
        <section class="lab" aria-labelledby="mech-lab4">
            <h3 id="mech-lab4">{move || i18n.t(Key::MechLab4Title)}</h3>
            <p>{move || i18n.t(Key::MechLab4Intro)}</p>
            <p class="mech-setup" data-testid="iso-setup">{setup}</p>
            <div class="lab-grid">
                <div class="controls">
                    <fieldset class="mech-group" class:mech-off=move || tier.get().is_zero()>
                        <legend>{move || i18n.t(Key::MechGroupTier)}</legend>
                        <Toggle label=Key::MechPTier name="tier" value=tier />
                        <Slider label=Key::MechPCap spec=&PARAMS[ix::CAP] value=cap fmt=pct0 />
                        <p class="hint">{assumption()} " " {move || i18n.t(Key::MechPCapHint)}</p>
                    </fieldset>
                    <fieldset class="mech-group" class:mech-off=move || guard.get().is_zero()>
                        <legend>{move || i18n.t(Key::MechGroupGuard)}</legend>
                        <Toggle label=Key::MechPGuard name="guard" value=guard />
                        <Slider label=Key::MechPK spec=&PARAMS[ix::K] value=k fmt=kfmt />
                        <Slider label=Key::MechPQ spec=&PARAMS[ix::Q] value=q fmt=pct0 />
                        <p class="hint">{assumption()} " " {move || i18n.t(Key::MechPQHint)}</p>
                        <Toggle label=Key::MechPForged name="forged" value=forged />
                    </fieldset>
                    <fieldset class="mech-group" class:mech-off=move || ins.get().is_zero()>
                        <legend>{move || i18n.t(Key::MechGroupPool)}</legend>
                        <Toggle label=Key::MechPIns name="ins" value=ins />
                        <Slider label=Key::MechPPool spec=&PARAMS[ix::POOL] value=pool fmt=eth0 />
                        <p class="hint">{assumption()} " " {move || i18n.t(Key::MechPPoolHint)}</p>
                    </fieldset>
                </div>
                <div>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.t(Key::MechIsoSlashable)}</dt>
                            <dd data-testid="iso-slashable">{move || a(report.get().slashable)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::MechIsoPass)}</dt>
                            <dd data-testid="iso-pass">{move || prob(i18n.get(), report.get().pass_probability)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::MechIsoExpected)}</dt>
                            <dd data-testid="iso-expected">{move || a(report.get().expected_delegators_lose)}</dd>
                        </div>
                    </dl>
                    <div class="mech-table-wrap">
                        <table class="mech-ledger" data-testid="iso-table">
                            <caption>{move || i18n.t(Key::MechIsoTableCaption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::MechColAccount)}</th>
                                    <th scope="col">{move || i18n.t(Key::MechColBefore)}</th>
                                    <th scope="col">{move || i18n.t(Key::MechColIfExecutes)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::MechRowSetStake)}</th>
                                    <td>{move || a(report.get().slashable)}</td>
                                    <td>{move || { let r = report.get(); a(r.slashable - r.loss) }}</td>
                                </tr>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::MechRowBurned)}</th>
                                    <td>"0"</td>
                                    <td data-testid="iso-burned">{move || a(report.get().loss)}</td>
                                </tr>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::MechRowPool)}</th>
                                    <td>{move || { let r = report.get(); a(r.pool_after + r.pool_pays) }}</td>
                                    <td data-testid="iso-pool-after">{move || a(report.get().pool_after)}</td>
                                </tr>
                                <tr>
                                    <th scope="row">{move || i18n.t(Key::MechRowDelegators)}</th>
                                    <td>{move || a(ledger.get().total_before)}</td>
                                    <td data-testid="iso-hold">{move || a(report.get().delegators_hold)}</td>
                                </tr>
                            </tbody>
                        </table>
                    </div>
                    <ul class="legend">
                        <li><span class="sw sw-0"></span>{move || i18n.t(Key::MechSplitDelegators)}</li>
                        <li><span class="sw sw-1"></span>{move || i18n.t(Key::MechSplitPool)}</li>
                        <li><span class="sw sw-2"></span>{move || i18n.t(Key::MechSplitGuard)}</li>
                        <li><span class="sw sw-3"></span>{move || i18n.t(Key::MechSplitCap)}</li>
                    </ul>
                    <Chart
                        data=bars_data
                        draw=draw_stacked_bars
                        aria_label=Signal::derive(bars_aria)
                        table=Signal::derive(bars_table)
                        height=170
                    />
                    <Formula caption=Key::MechIsoFormulaCaption general=Key::MechIsoFormula substituted=Signal::derive(substituted) />
                    <Show when=on(forged)>
                        <p class="hint">{move || i18n.t(Key::MechForgedNote)}</p>
                    </Show>
                </div>
            </div>
        </section>
    }
}

/// The end-of-chapter quiz: what this chapter teaches, one explanation per choice.
pub static QUIZ: [QuizItem; 4] = [
    QuizItem {
        question: Key::QuizC2Q1,
        choices: &[Key::QuizC2Q1A, Key::QuizC2Q1B, Key::QuizC2Q1C],
        correct: 1,
        why: &[Key::QuizC2Q1WhyA, Key::QuizC2Q1WhyB, Key::QuizC2Q1WhyC],
    },
    QuizItem {
        question: Key::QuizC2Q2,
        choices: &[Key::QuizC2Q2A, Key::QuizC2Q2B, Key::QuizC2Q2C],
        correct: 0,
        why: &[Key::QuizC2Q2WhyA, Key::QuizC2Q2WhyB, Key::QuizC2Q2WhyC],
    },
    QuizItem {
        question: Key::QuizC2Q3,
        choices: &[Key::QuizC2Q3A, Key::QuizC2Q3B, Key::QuizC2Q3C],
        correct: 0,
        why: &[Key::QuizC2Q3WhyA, Key::QuizC2Q3WhyB, Key::QuizC2Q3WhyC],
    },
    QuizItem {
        question: Key::QuizC2Q4,
        choices: &[Key::QuizC2Q4A, Key::QuizC2Q4B, Key::QuizC2Q4C],
        correct: 1,
        why: &[Key::QuizC2Q4WhyA, Key::QuizC2Q4WhyB, Key::QuizC2Q4WhyC],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn stakes(rows: &[AllocationRow]) -> Vec<Decimal> {
        rows.iter().map(|r| r.stake).collect()
    }

    // Golden: ELIP-002 "Slashing of Unique Stake": 200 delegated, 2000/2500/2000 of
    // 10 000 (20/25/20 %), AVS_1 slashes 50 % → 1000/2500/2000/3500 of 9000,
    // stakes 20/50/40/70, total 180, proportions 11/28/22/39 % (rounded).
    #[test]
    fn golden_elip002_preset() {
        let v = ledger_view(d("200"), [d("20"), d("25"), d("20")], 1, d("50"));
        assert_eq!(stakes(&v.before), vec![d("40"), d("50"), d("40"), d("70")]);
        assert_eq!(stakes(&v.after), vec![d("20"), d("50"), d("40"), d("70")]);
        let mags: Vec<Decimal> = v.after.iter().map(|r| r.magnitude).collect();
        assert_eq!(mags, vec![d("1000"), d("2500"), d("2000"), d("3500")]);
        assert_eq!((v.total_before, v.total_after), (d("200"), d("180")));
        assert_eq!(
            (v.m_before, v.m_after, v.m_slashed),
            (d("10000"), d("9000"), d("1000"))
        );
        assert_eq!(v.burned, d("20"));
        assert_eq!(v.factor, d("0.9"));
        assert_eq!((v.staker_before, v.staker_after), (d("100"), d("90")));
        let props: Vec<Decimal> = v
            .after
            .iter()
            .map(|r| (r.proportion * d("100")).round())
            .collect();
        assert_eq!(props, vec![d("11"), d("28"), d("22"), d("39")]);
        assert!(!v.trimmed);
        // The screen shows the same strings.
        let l = Locale::En;
        let shown: Vec<String> = v.after.iter().map(|r| amt(l, r.stake)).collect();
        assert_eq!(shown, vec!["20", "50", "40", "70"]);
        assert_eq!(amt(l, v.total_after), "180");
        assert_eq!(format::percent(l, v.after[0].proportion, 1), "11.1%");
    }

    #[test]
    fn it_trims_and_ignores_empty_sets() {
        let v = ledger_view(d("200"), [d("60"), d("60"), d("10")], 3, d("50"));
        assert!(v.trimmed);
        assert_eq!(v.alloc_pct, [d("60"), d("40"), d("0")]);
        // EigenDA got nothing, so its slash changes nothing.
        assert_eq!(v.total_after, d("200"));
        assert_eq!(v.burned, d("0"));
        // All-in: a 50 % slash of a 100 % allocation halves everything.
        let all = ledger_view(d("200"), [d("100"), d("0"), d("0")], 1, d("50"));
        assert_eq!(all.total_after, d("100"));
    }

    #[test]
    fn it_formats_amounts_without_trailing_zeros() {
        assert_eq!(amt(Locale::En, d("22.50")), "22.5");
        assert_eq!(amt(Locale::En, d("1234")), "1,234");
        assert_eq!(amt(Locale::Zh, d("0.004")), "0");
        assert_eq!(amt(Locale::En, d("0.0231625")), "0.02");
    }

    // Defaults are YieldInputs::default(): CL 2.851689375 (34 M ETH), EL 0.3, LST 10 %,
    // 2 % on 50 % + 1 % on 30 %, operator 10 %, LRT 10 %, loss 0.
    #[test]
    fn default_yield_inputs_match_the_model_defaults() {
        let x = yield_inputs(
            d("34"),
            d("0.3"),
            d("10"),
            d("2"),
            d("50"),
            d("1"),
            d("30"),
            d("10"),
            d("10"),
            d("0"),
        );
        assert_eq!(x, YieldInputs::default());
        // Hand: S = 3.151689375, LST 0.3151689375, R = 1.3, op 0.13,
        // LRT = 10 % × (2.8365204375 + 1.17) = 0.40065204375, net = 3.60586839375.
        let y = yield_view(&x, false, Compounding::Monthly, d("32"), 10);
        assert_eq!(y.staking_pct, d("3.151689375"));
        assert_eq!(y.report.restaking_apr_pct, d("1.3"));
        assert_eq!(y.report.net_apr_pct, d("3.60586839375"));
        assert_eq!(y.headline_pct, y.report.net_apr_pct);
        // APR mode is simple interest: 32 × (1 + 10 × 3.6058…%) after 10 years.
        assert_eq!(y.path_net.len(), 121);
        assert_eq!(
            y.path_net[120].1,
            d("32") * (Decimal::ONE + d("0.360586839375"))
        );
        // APY mode compounds: more at the end, and headline is the APY.
        let z = yield_view(&x, true, Compounding::Monthly, d("32"), 10);
        assert!(z.path_net[120].1 > y.path_net[120].1);
        assert_eq!(z.headline_pct, z.net_apy_pct);
        assert!(z.net_apy_pct > z.report.net_apr_pct);
        // Daily compounding beats monthly.
        let daily = yield_view(&x, true, Compounding::Daily, d("32"), 10);
        assert!(daily.net_apy_pct > z.net_apy_pct);
    }

    #[test]
    fn defaults_of_the_params_are_in_their_domains() {
        for spec in PARAMS.iter() {
            assert!(
                spec.min <= spec.default && spec.default <= spec.max,
                "{}",
                spec.name
            );
            assert_eq!(spec.clamp(spec.default), spec.default, "{}", spec.name);
            assert!(label_of(spec.name).is_some(), "{}", spec.name);
        }
        let mut names: Vec<_> = PARAMS.iter().map(|s| s.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PARAMS.len());
        // Indices point at the right names.
        assert_eq!(PARAMS[ix::SLASHED].name, "slashed");
        assert_eq!(PARAMS[ix::YEARS].name, "years");
        assert_eq!(PARAMS[ix::Q].name, "q");
        assert_eq!(PARAMS[ix::A1 + 2].name, "a3");
    }

    #[test]
    fn every_party_highlights_its_own_node() {
        for (i, n) in ["n0", "n1", "n2", "n3", "n4"].iter().enumerate() {
            assert!(party_marks(i).contains(n));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_ledger_input_conserves_stake(dl in 1u32..=10_000, a1 in 0u32..=100, a2 in 0u32..=100, a3 in 0u32..=100, st in 1usize..=3, p in 0u32..=100) {
            let v = ledger_view(dl.into(), [a1.into(), a2.into(), a3.into()], st, p.into());
            let sum_after: Decimal = v.after.iter().map(|r| r.stake).sum();
            proptest::prop_assert!((sum_after - v.total_after).abs() < d("1e-18"));
            proptest::prop_assert!(v.total_after <= v.total_before);
            proptest::prop_assert!((v.total_before - v.total_after - v.burned).abs() < d("1e-18"));
            // Other sets keep their stake in tokens (unique stake).
            for i in 0..3 {
                if i + 1 != st {
                    proptest::prop_assert!((v.before[i].stake - v.after[i].stake).abs() < d("1e-18"));
                }
            }
        }
    }
}
