//! Risk lab 2 (chapter 4): smart-contract and protocol risk. The learner builds a
//! stack of contract layers (deposit contract, LST, restaking protocol, LRT, DeFi
//! pool), sets each layer's annual failure probability and loss given failure, and
//! turns on mitigations (audits, bug bounty, timelock, insurance) whose strength is an
//! adjustable, labelled assumption; `model::layers::evaluate` gives survival and
//! expected loss, drawn over the years of the horizon.

use super::{ClassSummary, Level};
use crate::charts::lines::{draw_lines, LineChart, Series};
use crate::i18n::format::{pct0, pct2, years_text};
use crate::i18n::{format, use_i18n, Key, Locale};
use crate::model::layers::{
    self, Layer, LayerKind, MitigationAssumptions, Mitigations, StackInputs,
};
use crate::model::num::{dec, pct, to_f64};
use crate::sources::SourceId;
use crate::url_state::ParamSpec;
use crate::web::Scenario;
use crate::widgets::{Chart, Cite, DataTable, Formula, Slider, Term, UrlNotice};
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
const ONE: Decimal = dec(1, 0);
const ZERO: Decimal = dec(0, 0);
const HUNDRED: Decimal = dec(100, 0);

/// URL parameters of this lab (documented in `docs/url-params.md`). Per layer `i` = 1–5
/// (deposit contract, LST, restaking protocol, LRT, DeFi pool): `cl{i}` on/off, `cp{i}`
/// annual failure probability (%), `cg{i}` loss given failure (%); defaults are
/// `Layer::default_for` (illustrative assumptions). Then the horizon, the mitigations
/// and the mitigation assumptions.
pub static PARAMS: [ParamSpec; 23] = [
    p("cl1", ZERO, ONE, ONE, ONE),
    p("cl2", ZERO, ONE, ONE, ONE),
    p("cl3", ZERO, ONE, ONE, ONE),
    p("cl4", ZERO, ONE, ONE, ONE),
    p("cl5", ZERO, ONE, ONE, ZERO),
    p("cp1", ZERO, dec(20, 0), dec(1, 2), dec(1, 2)),
    p("cp2", ZERO, dec(20, 0), dec(1, 2), dec(5, 1)),
    p("cp3", ZERO, dec(20, 0), dec(1, 2), ONE),
    p("cp4", ZERO, dec(20, 0), dec(1, 2), ONE),
    p("cp5", ZERO, dec(20, 0), dec(1, 2), dec(2, 0)),
    p("cg1", ZERO, HUNDRED, dec(5, 0), HUNDRED),
    p("cg2", ZERO, HUNDRED, dec(5, 0), dec(50, 0)),
    p("cg3", ZERO, HUNDRED, dec(5, 0), dec(50, 0)),
    p("cg4", ZERO, HUNDRED, dec(5, 0), dec(50, 0)),
    p("cg5", ZERO, HUNDRED, dec(5, 0), dec(50, 0)),
    // 15 cy: horizon, years.
    p("cy", ONE, dec(30, 0), ONE, dec(5, 0)),
    // 16–18 ca, cb, ct: audits, bug bounty, upgrade timelock on every layer (0/1).
    p("ca", ZERO, ONE, ONE, ZERO),
    p("cb", ZERO, ONE, ONE, ZERO),
    p("ct", ZERO, ONE, ONE, ZERO),
    // 19 ci: insurance fund coverage of a loss, %.
    p("ci", ZERO, HUNDRED, dec(5, 0), ZERO),
    // 20–22 assumptions: multipliers (%) on p (audit, bounty) and on the loss (timelock).
    p("cma", ZERO, HUNDRED, dec(5, 0), dec(70, 0)),
    p("cmb", ZERO, HUNDRED, dec(5, 0), dec(85, 0)),
    p("cmt", ZERO, HUNDRED, dec(5, 0), dec(80, 0)),
];

const KINDS: [LayerKind; 5] = [
    LayerKind::DepositContract,
    LayerKind::Lst,
    LayerKind::RestakingProtocol,
    LayerKind::Lrt,
    LayerKind::DefiPool,
];
const LAYER_KEYS: [(Key, Key); 5] = [
    (Key::RconLayerDeposit, Key::RconLayerDepositHint),
    (Key::RconLayerLst, Key::RconLayerLstHint),
    (Key::RconLayerProtocol, Key::RconLayerProtocolHint),
    (Key::RconLayerLrt, Key::RconLayerLrtHint),
    (Key::RconLayerDefi, Key::RconLayerDefiHint),
];

fn label_of(name: &str) -> Option<Key> {
    let layer = |c: char| {
        name[2..]
            .parse::<usize>()
            .ok()
            .filter(|i| (1..=5).contains(i))
            .map(|i| (c, LAYER_KEYS[i - 1].0))
    };
    Some(match name {
        "cy" => Key::RconPYears,
        "ca" => Key::RconPAudit,
        "cb" => Key::RconPBounty,
        "ct" => Key::RconPTimelock,
        "ci" => Key::RconPInsurance,
        "cma" => Key::RconPMulAudit,
        "cmb" => Key::RconPMulBounty,
        "cmt" => Key::RconPMulTimelock,
        _ if name.len() == 3 => layer(name.as_bytes()[1] as char)?.1,
        _ => return None,
    })
}

/// Summary thresholds on the chance that at least one layer fails over the horizon.
/// **Assumptions**: below 5 % low, from 20 % high.
pub const LOW_BELOW: Decimal = Decimal::from_parts(5, 0, 0, false, 2);
/// Upper threshold (see [`LOW_BELOW`]).
pub const HIGH_FROM: Decimal = Decimal::from_parts(2, 0, 0, false, 1);

/// The stack for the lab's values (PARAMS order, clamped), at horizon `years`.
pub fn stack(values: &[Decimal], years: Decimal) -> StackInputs {
    let v = |i: usize| {
        values
            .get(i)
            .copied()
            .map(|x| PARAMS[i].clamp(x))
            .unwrap_or(PARAMS[i].default)
    };
    let on = |i: usize| v(i) == Decimal::ONE;
    let mitigations = Mitigations {
        audited: on(16),
        bug_bounty: on(17),
        timelock: on(18),
        insurance_coverage_pct: v(19),
    };
    StackInputs {
        layers: KINDS
            .iter()
            .enumerate()
            .map(|(i, &kind)| Layer {
                kind,
                enabled: on(i),
                annual_failure_pct: v(5 + i),
                loss_given_failure_pct: v(10 + i),
                mitigations,
            })
            .collect(),
        horizon_years: years,
        assumptions: MitigationAssumptions {
            audit_p_multiplier: pct(v(20)),
            bug_bounty_p_multiplier: pct(v(21)),
            timelock_lgf_multiplier: pct(v(22)),
        },
    }
}

/// The same stack with every mitigation off.
pub fn bare(values: &[Decimal], years: Decimal) -> StackInputs {
    let mut s = stack(values, years);
    for l in &mut s.layers {
        l.mitigations = Mitigations::default();
    }
    s
}

/// One point a year from 0 to the horizon: (year, survival, expected value left,
/// survival without mitigations), fractions.
pub fn curve(values: &[Decimal]) -> Vec<(u32, Decimal, Decimal, Decimal)> {
    let h = values
        .get(15)
        .copied()
        .map(|x| PARAMS[15].clamp(x))
        .unwrap_or(PARAMS[15].default)
        .to_u32()
        .unwrap_or(5);
    (0..=h)
        .map(|y| {
            let t = Decimal::from(y);
            let r = layers::evaluate(&stack(values, t));
            let b = layers::evaluate(&bare(values, t));
            (y, r.survival, Decimal::ONE - r.expected_loss, b.survival)
        })
        .collect()
}

fn level_of(p_fail: Decimal) -> Level {
    if p_fail < LOW_BELOW {
        Level::Low
    } else if p_fail < HIGH_FROM {
        Level::Moderate
    } else {
        Level::High
    }
}

/// This class's line in the chapter summary: the chance that at least one enabled layer
/// fails within the horizon, scored against [`LOW_BELOW`] / [`HIGH_FROM`] (assumptions).
pub fn summarize(l: Locale, values: &[Decimal]) -> ClassSummary {
    let years = values
        .get(15)
        .copied()
        .map(|x| PARAMS[15].clamp(x))
        .unwrap_or(PARAMS[15].default);
    let r = layers::evaluate(&stack(values, years));
    let p_fail = Decimal::ONE - r.survival;
    ClassSummary {
        class: Key::RconTitle,
        headline: Key::RconSumHeadline,
        value: format::percent(l, p_fail, 1),
        level: level_of(p_fail),
        because: crate::i18n::fill(
            l.text(Key::RconSumBecause),
            &[
                ("n", &r.steps.len().to_string()),
                ("years", &years_text(l, years)),
                ("p", &format::percent(l, p_fail, 1)),
                ("e", &format::percent(l, r.expected_loss, 2)),
                ("lo", &format::percent(l, LOW_BELOW, 0)),
                ("hi", &format::percent(l, HIGH_FROM, 0)),
            ],
        ),
    }
}

fn kind_key(kind: LayerKind) -> Key {
    let i = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
    LAYER_KEYS[i].0
}

/// A checkbox bound to a 0/1 parameter.
#[component]
fn Toggle(label: Key, value: RwSignal<Decimal>, name: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="rcon-toggle" data-param=name>
            <input
                type="checkbox"
                id=format!("in-{name}")
                prop:checked=move || value.get() == Decimal::ONE
                on:change=move |ev| value.set(if event_target_checked(&ev) { Decimal::ONE } else { Decimal::ZERO })
            />
            <span>{move || i18n.t(label)}</span>
        </label>
    }
}

/// The lab.
#[component]
pub fn Lab(
    /// This lab's values, read from and written to the URL by the chapter.
    scenario: Scenario,
) -> impl IntoView {
    let i18n = use_i18n();
    let v = scenario.values.clone();
    let values = {
        let v = v.clone();
        move || v.iter().map(|s| s.get()).collect::<Vec<_>>()
    };
    let years = v[15];
    let result = Memo::new({
        let values = values.clone();
        move |_| layers::evaluate(&stack(&values(), years.get()))
    });
    let bare_result = Memo::new({
        let values = values.clone();
        move |_| layers::evaluate(&bare(&values(), years.get()))
    });
    let points = Memo::new({
        let values = values.clone();
        move |_| curve(&values())
    });
    let pc = move |x: Decimal, dp: u32| format::percent(i18n.get(), x, dp);

    let layer_cards = (0..5)
        .map(|i| {
            let (name, hint) = LAYER_KEYS[i];
            let on = v[i];
            view! {
                <div class="rcon-layer" class:rcon-off=move || on.get() != Decimal::ONE data-layer=i + 1>
                    <Toggle label=name value=on name=PARAMS[i].name />
                    <p class="hint">{move || i18n.t(hint)}</p>
                    <Slider label=Key::RconPFail spec=&PARAMS[5 + i] value=v[5 + i] fmt=pct2 />
                    <Slider label=Key::RconPLgf spec=&PARAMS[10 + i] value=v[10 + i] fmt=pct0 />
                </div>
            }
        })
        .collect_view();

    let chart_data = Memo::new(move |_| {
        let l = i18n.get();
        let pts = points.get();
        let series =
            |k: Key, c: usize, f: fn(&(u32, Decimal, Decimal, Decimal)) -> Decimal| Series {
                name: l.text(k).into(),
                points: pts
                    .iter()
                    .map(|p| (p.0 as f64, to_f64(f(p)) * 100.0))
                    .collect(),
                colour: c,
            };
        LineChart {
            series: vec![
                series(Key::RconSeriesSurvival, 0, |p| p.1),
                series(Key::RconSeriesValue, 2, |p| p.2),
                series(Key::RconSeriesBare, 5, |p| p.3),
            ],
            x_caption: l.text(Key::RconAxisYears).into(),
            y_caption: l.text(Key::RconAxisPct).into(),
            x_fmt: |x| format!("{x:.0}"),
            y_fmt: |y| format!("{y:.0}%"),
            y_from_zero: false,
        }
    });
    let chart_aria = move || {
        let r = result.get();
        i18n.tf(
            Key::RconChartAria,
            &[
                ("years", &years_text(i18n.get(), years.get())),
                ("s", &pc(r.survival, 1)),
                ("v", &pc(Decimal::ONE - r.expected_loss, 1)),
            ],
        )
    };
    let chart_table = move || {
        let l = i18n.get();
        DataTable {
            headers: vec![
                l.text(Key::RconAxisYears).into(),
                l.text(Key::RconSeriesSurvival).into(),
                l.text(Key::RconSeriesValue).into(),
                l.text(Key::RconSeriesBare).into(),
            ],
            rows: points
                .get()
                .iter()
                .map(|p| {
                    vec![
                        p.0.to_string(),
                        format::percent(l, p.1, 2),
                        format::percent(l, p.2, 2),
                        format::percent(l, p.3, 2),
                    ]
                })
                .collect(),
        }
    };
    let steps_table = move || {
        let l = i18n.get();
        result
            .get()
            .steps
            .into_iter()
            .map(|s| {
                view! {
                    <tr>
                        <th scope="row">{l.text(kind_key(s.kind))}</th>
                        <td>{format::percent(l, s.annual_failure, 3)}</td>
                        <td>{format::percent(l, s.loss_given_failure, 0)}</td>
                        <td>{format::percent(l, s.failure_in_horizon, 2)}</td>
                        <td>{format::percent(l, s.survival_after, 2)}</td>
                        <td>{format!("+{}", format::percent(l, s.delta_expected_loss, 2))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let substituted = move || {
        let l = i18n.get();
        let r = result.get();
        let t = format::number(l, years.get(), 0);
        if r.steps.is_empty() {
            return "1".into();
        }
        let factors: Vec<String> = r
            .steps
            .iter()
            .map(|s| format!("(1 − {})^{t}", format::number(l, s.annual_failure, 4)))
            .collect();
        format!(
            "{} = {}",
            factors.join(" × "),
            format::percent(l, r.survival, 2)
        )
    };
    let mitigation_effect = move || {
        let (r, b) = (result.get(), bare_result.get());
        i18n.tf(
            Key::RconMitigationEffect,
            &[
                ("p0", &pc(Decimal::ONE - b.survival, 1)),
                ("p1", &pc(Decimal::ONE - r.survival, 1)),
                ("e0", &pc(b.expected_loss, 2)),
                ("e1", &pc(r.expected_loss, 2)),
            ],
        )
    };

    view! {
        <section class="lab rcon" aria-labelledby="rcon-title">
            <h2 id="rcon-title">{move || i18n.t(Key::RconTitle)}</h2>
            <UrlNotice replaced=scenario.replaced.clone() label_of=label_of />
            <p>{move || i18n.t(Key::RconIntro)} " " <Cite id=SourceId::EigenWhitepaper /> " " <Cite id=SourceId::LidoFee /></p>
            <p class="hint rcon-assume">{move || i18n.t(Key::RconAssume)}</p>

            <div class="rcon-layers">{layer_cards}</div>

            <div class="lab-grid">
                <div class="controls">
                    <Slider label=Key::RconPYears spec=&PARAMS[15] value=years fmt=years_text />
                    <h3 class="rcon-h">{move || i18n.t(Key::RconMitTitle)}</h3>
                    <div class="rcon-toggle-wrap">
                        <Toggle label=Key::RconPAudit value=v[16] name="ca" />
                        <p class="hint">
                            <Term id="audit">{move || i18n.t(Key::RconTermAudit)}</Term>
                            {move || i18n.t(Key::RconAuditHint)}
                        </p>
                    </div>
                    <div class="rcon-toggle-wrap">
                        <Toggle label=Key::RconPBounty value=v[17] name="cb" />
                        <p class="hint">
                            <Term id="bug-bounty">{move || i18n.t(Key::RconTermBounty)}</Term>
                            {move || i18n.t(Key::RconBountyHint)}
                        </p>
                    </div>
                    <div class="rcon-toggle-wrap">
                        <Toggle label=Key::RconPTimelock value=v[18] name="ct" />
                        <p class="hint">
                            <Term id="timelock">{move || i18n.t(Key::RconTermTimelock)}</Term>
                            {move || i18n.t(Key::RconTimelockHint)}
                        </p>
                    </div>
                    <Slider label=Key::RconPInsurance spec=&PARAMS[19] value=v[19] fmt=pct0 hint=Key::RconInsuranceHint />
                    <p class="hint">
                        <Term id="insurance-pool">{move || i18n.t(Key::RconTermInsurance)}</Term>
                        {move || i18n.t(Key::RconInsuranceNote)}
                    </p>
                    <fieldset class="rcon-assumptions">
                        <legend>{move || i18n.t(Key::RconAssumeTitle)}</legend>
                        <Slider label=Key::RconPMulAudit spec=&PARAMS[20] value=v[20] fmt=pct0 />
                        <Slider label=Key::RconPMulBounty spec=&PARAMS[21] value=v[21] fmt=pct0 />
                        <Slider label=Key::RconPMulTimelock spec=&PARAMS[22] value=v[22] fmt=pct0 />
                    </fieldset>
                </div>
                <div>
                    <dl class="results">
                        <div>
                            <dt>{move || i18n.tf(Key::RconPFailAny, &[("years", &years_text(i18n.get(), years.get()))])}</dt>
                            <dd data-testid="rcon-pfail">{move || pc(Decimal::ONE - result.get().survival, 2)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RconExpected)}</dt>
                            <dd data-testid="rcon-expected">{move || pc(result.get().expected_loss, 2)}</dd>
                        </div>
                        <div>
                            <dt>{move || i18n.t(Key::RconLayersOn)}</dt>
                            <dd data-testid="rcon-layers">{move || result.get().steps.len().to_string()}</dd>
                        </div>
                    </dl>
                    <p data-testid="rcon-mitigation">{mitigation_effect}</p>
                    <Chart
                        data=chart_data
                        draw=draw_lines
                        aria_label=Signal::derive(chart_aria)
                        table=Signal::derive(chart_table)
                        height=280
                    />
                    <Formula
                        caption=Key::RconFormulaCaption
                        general=Key::RconFormulaGeneral
                        substituted=Signal::derive(substituted)
                    />
                    <div class="rcon-table-wrap">
                        <table class="rcon-steps">
                            <caption>{move || i18n.t(Key::RconStepsCaption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::RconColLayer)}</th>
                                    <th scope="col">{move || i18n.t(Key::RconColP)}</th>
                                    <th scope="col">{move || i18n.t(Key::RconColLgf)}</th>
                                    <th scope="col">{move || i18n.t(Key::RconColQ)}</th>
                                    <th scope="col">{move || i18n.t(Key::RconColSurv)}</th>
                                    <th scope="col">{move || i18n.t(Key::RconColDelta)}</th>
                                </tr>
                            </thead>
                            <tbody>{steps_table}</tbody>
                        </table>
                    </div>
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn defaults() -> Vec<Decimal> {
        PARAMS.iter().map(|p| p.default).collect()
    }

    #[test]
    fn names_unique_prefixed_labelled_and_defaults_match_the_model() {
        let mut names: Vec<_> = PARAMS.iter().map(|p| p.name).collect();
        assert!(names.iter().all(|n| n.starts_with('c') && n.len() <= 3));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PARAMS.len());
        for p in &PARAMS {
            assert!(label_of(p.name).is_some(), "{}", p.name);
            assert_eq!(p.clamp(p.default), p.default, "{}", p.name);
        }
        // defaults are the model's Layer::default_for and MitigationAssumptions::default
        for (i, k) in KINDS.iter().enumerate() {
            let l = Layer::default_for(*k);
            assert_eq!(PARAMS[5 + i].default, l.annual_failure_pct);
            assert_eq!(PARAMS[10 + i].default, l.loss_given_failure_pct);
        }
        let a = MitigationAssumptions::default();
        assert_eq!(pct(PARAMS[20].default), a.audit_p_multiplier);
        assert_eq!(pct(PARAMS[21].default), a.bug_bounty_p_multiplier);
        assert_eq!(pct(PARAMS[22].default), a.timelock_lgf_multiplier);
    }

    #[test]
    fn default_stack_is_the_models_default_over_one_year() {
        let ours = layers::evaluate(&stack(&defaults(), Decimal::ONE));
        let model = layers::evaluate(&StackInputs::default());
        assert_eq!(ours, model);
    }

    #[test]
    fn mitigations_and_layers_move_the_numbers() {
        let v = defaults();
        let base = layers::evaluate(&stack(&v, d("5")));
        let mut m = v.clone();
        m[16] = Decimal::ONE;
        m[17] = Decimal::ONE;
        let mit = layers::evaluate(&stack(&m, d("5")));
        assert!(mit.survival > base.survival);
        let mut more = v.clone();
        more[4] = Decimal::ONE; // add the DeFi pool
        let r = layers::evaluate(&stack(&more, d("5")));
        assert_eq!(r.steps.len(), 5);
        assert!(r.survival < base.survival);
        let c = curve(&v);
        assert_eq!(c.len(), 6);
        assert_eq!(c[0].1, Decimal::ONE);
        assert!(c.windows(2).all(|w| w[1].1 <= w[0].1));
    }

    #[test]
    fn summarize_quotes_the_numbers_and_scores() {
        let s = summarize(Locale::En, &defaults());
        let r = layers::evaluate(&stack(&defaults(), d("5")));
        let p = Decimal::ONE - r.survival;
        assert_eq!(s.value, format::percent(Locale::En, p, 1));
        // 5 years of ≈ 2.5 %/yr: ≈ 11.8 %, moderate
        assert_eq!(s.level, Level::Moderate);
        assert!(s.because.contains(&s.value));
        let mut off = defaults();
        for x in off.iter_mut().take(5) {
            *x = Decimal::ZERO;
        }
        let z = summarize(Locale::Zh, &off);
        assert_eq!(z.level, Level::Low);
        assert_eq!(z.value, "0.0%");
        let mut hi = defaults();
        hi[15] = d("30");
        assert_eq!(summarize(Locale::En, &hi).level, Level::High);
        assert_eq!(summarize(Locale::En, &[]).value, s.value);
    }

    proptest::proptest! {
        #[test]
        fn any_slider_position_computes(bits in 0u32..32, p in 0u32..=2000, g in 0u32..=20, y in 1u32..=30, mit in 0u32..16) {
            let mut v = defaults();
            for i in 0..5 { v[i] = Decimal::from((bits >> i) & 1); v[5 + i] = Decimal::new(p as i64, 2); v[10 + i] = Decimal::from(g * 5); }
            v[15] = y.into();
            for j in 0..3 { v[16 + j] = Decimal::from((mit >> j) & 1); }
            v[19] = Decimal::from((mit % 5) * 25);
            let s = summarize(Locale::En, &v);
            proptest::prop_assert!(!s.value.is_empty());
            let r = layers::evaluate(&stack(&v, y.into()));
            let b = layers::evaluate(&bare(&v, y.into()));
            proptest::prop_assert!(r.survival >= b.survival);
            proptest::prop_assert_eq!(curve(&v).len() as u32, y + 1);
        }
    }
}
