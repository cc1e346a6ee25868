//! Chapter 5: network security. A restaking network is a bipartite graph of services
//! and validators (Durvasula & Roughgarden, "Robust Restaking Networks", ITCS 2025,
//! arXiv:2407.21785). The learner builds or picks one (the paper's lower-bound
//! constructions are presets), sees whether any coalition can profitably corrupt
//! services, how much over-collateralisation γ* the network has, which validators pass
//! EigenLayer's per-validator check (Claim 1), and what a shock does: a step-by-step
//! cascade, the worst case over every shock of size ψ against Theorem 1's bound, and the
//! same network with unique (per-service) stake, where the cascade channel disappears.
//!
//! State lives in the address: five numeric parameters (`p`, `u`, `d`, `psi`, `t`) and the
//! graph itself in the compact form of [`crate::model::network_codec`] (`g`, left out while
//! the graph is the preset's). Every computation is the model's (`crate::model::network`);
//! this module only arranges, formats and draws.

use crate::charts::lines::{draw_lines, LineChart, Series};
use crate::charts::net_graph::{draw_net_graph, Edge, Mark, NetGraph, Node};
use crate::ctx::href;
use crate::i18n::{format, use_i18n, Key, Locale};
use crate::model::network::{
    self as net, Attack, Cascade, Claim1Report, LocalLoss, Preset, RestakingGraph, ShockOutcome,
    UniqueStakeGraph, Validator, Verdict, MAX_SERVICES, MAX_VALIDATORS,
};
use crate::model::network_codec as codec;
use crate::model::num::{dec, from_f64, to_f64};
use crate::shell::use_page_title;
use crate::sources::SourceId;
use crate::url_state::{self, ParamSpec, Problem, Replaced};
use crate::widgets::{
    Chart, Cite, DataTable, Formula, Later, Predict, Quiz, QuizItem, Slider, Term, UrlNotice,
};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::rc::Rc;
use std::str::FromStr;

/// URL parameters of this chapter (documented in `docs/url-params.md`). The graph itself
/// is the separate parameter [`GRAPH_PARAM`].
pub static PARAMS: [ParamSpec; 5] = [
    // Preset: 0 healthy, 1 Theorem 2, 2 Theorem 3, 3 Theorem 6, 4 Theorem 8.
    ParamSpec {
        name: "p",
        min: dec(0, 0),
        max: dec(4, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // Unique stake: 0 pooled (the paper's model), 1 each validator splits its stake evenly.
    ParamSpec {
        name: "u",
        min: dec(0, 0),
        max: dec(1, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
    // The shock: bitmask of removed validators (bit i = V(i+1)). Default: the healthy
    // preset's shock, V2.
    ParamSpec {
        name: "d",
        min: dec(0, 0),
        max: dec(4095, 0),
        step: dec(1, 0),
        default: dec(2, 0),
    },
    // ψ, the shock budget, in percent of all stake. Default: the healthy preset's 12.5 %.
    ParamSpec {
        name: "psi",
        min: dec(0, 0),
        max: dec(100, 0),
        step: dec(5, 1),
        default: dec(125, 1),
    },
    // The cascade step shown (0 = just the shock).
    ParamSpec {
        name: "t",
        min: dec(0, 0),
        max: dec(6, 0),
        step: dec(1, 0),
        default: dec(0, 0),
    },
];

/// URL name of the graph in the compact form of [`codec`].
pub const GRAPH_PARAM: &str = "g";

fn label_of(name: &str) -> Option<Key> {
    Some(match name {
        "p" => Key::NetPPreset,
        "u" => Key::NetPUnique,
        "d" => Key::NetPShock,
        "psi" => Key::NetPPsi,
        "t" => Key::NetPStep,
        "g" => Key::NetPGraph,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Pure helpers (tested natively below)
// ---------------------------------------------------------------------------------------

/// The preset for the `p` value (clamped by its spec, so always in range).
pub fn preset_of(x: Decimal) -> Preset {
    let i = x.trunc().to_string().parse::<usize>().unwrap_or(0);
    Preset::ALL.get(i).copied().unwrap_or(Preset::Healthy)
}

/// The `p` value of a preset.
pub fn preset_value(p: Preset) -> Decimal {
    Decimal::from(Preset::ALL.iter().position(|&q| q == p).unwrap_or(0))
}

/// The preset's shock budget for the ψ slider, in percent, rounded up to the slider's
/// 0.5 % step so that the preset's shock fits inside it (Theorem 8: 1/12 → 8.5 %).
pub fn preset_psi_pct(p: Preset) -> Decimal {
    let half_steps = (p.psi() * 200.0 - 1e-9).ceil().max(0.0);
    Decimal::from(half_steps as i64) / Decimal::from(2)
}

/// A set of validator indices as the `d` bitmask.
pub fn shock_value(v: &[usize]) -> Decimal {
    Decimal::from(
        v.iter()
            .filter(|&&i| i < MAX_VALIDATORS)
            .fold(0u32, |m, &i| m | (1 << i)),
    )
}

/// The validators of the `d` bitmask that exist in a graph of `nv` validators.
pub fn shock_list(mask: Decimal, nv: usize) -> Vec<usize> {
    let m = mask.trunc().to_string().parse::<u32>().unwrap_or(0);
    (0..nv.min(MAX_VALIDATORS))
        .filter(|i| m & (1 << i) != 0)
        .collect()
}

/// Reads the chapter's state from a query string: the numeric parameters, the graph (the
/// preset's when `g` is absent; the preset's too, with a notice, when `g` is malformed or
/// repeated) and every replaced value.
pub fn read_state(query: &str) -> (Vec<Decimal>, RestakingGraph, Vec<Replaced>) {
    let pairs = url_state::parse_query(query);
    let (mut values, mut replaced) = url_state::read_params(&pairs, &PARAMS);
    let preset = preset_of(values[0]);
    // Absent or unreadable: the preset's own shock and ψ.
    let defaults = implicit_defaults(preset);
    for i in [2, 3] {
        let name = PARAMS[i].name;
        let present = pairs.iter().any(|(k, _)| k == name);
        let malformed = replaced
            .iter()
            .any(|r| r.name == name && r.problem == Problem::Malformed);
        if !present || malformed {
            values[i] = defaults[i];
        }
    }
    let mut found = pairs.iter().filter(|(k, _)| k == GRAPH_PARAM);
    let first = found.next();
    let repeated = found.next().is_some();
    let graph = match first {
        None => preset.graph(),
        Some((_, raw)) => match codec::decode(raw) {
            Ok((g, clamped)) => {
                if clamped {
                    replaced.push(Replaced {
                        name: GRAPH_PARAM,
                        problem: Problem::OutOfRange,
                    });
                }
                g
            }
            Err(_) => {
                replaced.push(Replaced {
                    name: GRAPH_PARAM,
                    problem: Problem::Malformed,
                });
                preset.graph()
            }
        },
    };
    if repeated && !replaced.iter().any(|r| r.name == GRAPH_PARAM) {
        replaced.push(Replaced {
            name: GRAPH_PARAM,
            problem: Problem::Repeated,
        });
    }
    (values, graph, replaced)
}

/// The value each parameter takes when it is absent from the address: the spec's default,
/// except the shock (`d`) and ψ (`psi`), which default to the preset's own, so that a link
/// with just `p=…` shows the theorem's shock.
pub fn implicit_defaults(p: Preset) -> [Decimal; 5] {
    [
        PARAMS[0].default,
        PARAMS[1].default,
        shock_value(&p.shock()),
        preset_psi_pct(p),
        PARAMS[4].default,
    ]
}

/// Writes the state as a query string: `v`, then each value that differs from its
/// [`implicit_defaults`], then the graph when it differs from the preset's.
pub fn write_state(values: &[Decimal], graph: &RestakingGraph) -> String {
    let preset = preset_of(values.first().copied().unwrap_or_default());
    let defaults = implicit_defaults(preset);
    let mut q = format!("?v={}", url_state::SCHEMA_VERSION);
    for ((spec, v), def) in PARAMS.iter().zip(values).zip(defaults) {
        if *v != def {
            q.push_str(&format!("&{}={}", spec.name, v.normalize()));
        }
    }
    if *graph != preset.graph() {
        q.push('&');
        q.push_str(GRAPH_PARAM);
        q.push('=');
        q.push_str(&codec::encode(graph));
    }
    q
}

fn empty_verdict() -> Verdict {
    Verdict {
        secure: true,
        gamma_star: None,
        tightest: None,
        best_attack: None,
        smallest_attack: None,
    }
}

/// Everything the verdict and cascade panels show, for one graph and one shock.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// The paper's model: pooled stake.
    pub pooled: Verdict,
    /// The unique-stake variant, each validator splitting its stake evenly.
    pub unique: Verdict,
    /// EigenLayer's per-validator check (Claim 1) on the pooled graph.
    pub claim1: Option<Claim1Report>,
    /// The shock and the cascade after it, pooled (smallest attack first, so that damage
    /// spreads one bite at a time). `None` when the graph holds no stake.
    pub cascade: Option<Cascade>,
    /// The same with unique stake.
    pub unique_cascade: Option<Cascade>,
    /// `σ_V`.
    pub total_stake: Decimal,
}

/// Runs the model on the learner's graph and shock: the work done on every input, which
/// must stay well inside a frame (see the timing test below and the e2e test).
/// Within the editor's domain the model cannot overflow; an error would show as "secure,
/// no cascade" rather than a panic.
pub fn analyze(g: &RestakingGraph, shock: &[usize]) -> Analysis {
    let u = UniqueStakeGraph::even_split(g);
    let policy = net::CascadePolicy::SmallestFirst;
    Analysis {
        pooled: net::verdict(g).unwrap_or_else(|_| empty_verdict()),
        unique: net::unique_verdict(&u).unwrap_or_else(|_| empty_verdict()),
        claim1: net::claim1(g).ok(),
        cascade: net::cascade(g, shock, policy).ok(),
        unique_cascade: net::unique_cascade(&u, shock, policy).ok(),
        total_stake: g.total_stake(),
    }
}

/// What a preset's theorem says, recomputed by the model from the preset's own graph.
#[derive(Clone, Debug, PartialEq)]
pub struct PresetResult {
    /// Which preset.
    pub preset: Preset,
    /// No valid attack.
    pub secure: bool,
    /// `γ*`.
    pub gamma: Option<Decimal>,
    /// Every validator passes Claim 1.
    pub claim1_pass: bool,
    /// Every validator meets Claim 1 with equality (margin 0).
    pub claim1_equal: bool,
    /// Corollary 2's check holds with γ = 1.
    pub corollary2_gamma1: bool,
    /// The preset's ψ.
    pub psi: f64,
    /// `worst_case_at(graph, ψ)`.
    pub outcome: Option<ShockOutcome>,
    /// The local failure of Theorems 6 and 8.
    pub local: Option<LocalLoss>,
}

/// Recomputes a preset's headline numbers (cheap: the presets are small or their ψ is).
pub fn preset_result(p: Preset) -> PresetResult {
    let g = p.graph();
    let v = net::verdict(&g).unwrap_or_else(|_| empty_verdict());
    let c1 = net::claim1(&g).ok();
    PresetResult {
        preset: p,
        secure: v.secure,
        gamma: v.gamma_star,
        claim1_pass: c1.as_ref().is_some_and(|c| c.implies_secure),
        claim1_equal: c1
            .as_ref()
            .is_some_and(|c| c.validators.iter().all(|l| l.margin.is_zero())),
        corollary2_gamma1: net::claim1_with_slack(&g, Decimal::ONE).is_ok_and(|c| c.implies_secure),
        psi: p.psi(),
        outcome: net::worst_case_at(&g, p.psi()).ok(),
        local: p
            .local_failure()
            .and_then(|(c, d)| net::local_loss(&g, &c, &d).ok()),
    }
}

/// The ψ grid of the worst-case chart: 0, 5 %, …, 100 % (21 points).
pub fn psi_grid() -> Vec<f64> {
    (0..=20).map(|i| i as f64 / 20.0).collect()
}

/// The Claim 1 terms of validator `v`: `(σ_v, σ(N(s)), π_s, α_s)` for each service it backs.
pub fn claim1_terms(g: &RestakingGraph, v: usize) -> Vec<(Decimal, Decimal, Decimal, Decimal)> {
    let Some(val) = g.validators.get(v) else {
        return Vec::new();
    };
    (0..g.services.len())
        .filter(|&s| val.restakes_to(s))
        .map(|s| {
            let backing: Decimal = g
                .validators
                .iter()
                .filter(|x| x.restakes_to(s))
                .map(|x| x.stake)
                .sum();
            (
                val.stake,
                backing,
                g.services[s].profit,
                g.services[s].alpha,
            )
        })
        .collect()
}

/// The graph without service `s` (edges above it shift down one place).
pub fn remove_service(g: &RestakingGraph, s: usize) -> RestakingGraph {
    if g.services.len() <= 1 || s >= g.services.len() {
        return g.clone();
    }
    let mut out = g.clone();
    out.services.remove(s);
    for v in &mut out.validators {
        let low = v.services & ((1u8 << s) - 1);
        let high = (v.services >> (s + 1)) << s;
        v.services = low | high;
    }
    out
}

/// The graph without validator `v`.
pub fn remove_validator(g: &RestakingGraph, v: usize) -> RestakingGraph {
    let mut out = g.clone();
    if out.validators.len() > 1 && v < out.validators.len() {
        out.validators.remove(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn defaults_are_the_healthy_preset() {
        assert_eq!(preset_of(PARAMS[0].default), Preset::Healthy);
        assert_eq!(
            shock_list(PARAMS[2].default, 8),
            Preset::Healthy.shock(),
            "default shock"
        );
        assert_eq!(PARAMS[3].default, preset_psi_pct(Preset::Healthy));
        for p in Preset::ALL {
            assert_eq!(preset_of(preset_value(p)), p);
            let psi = to_f64(preset_psi_pct(p)) / 100.0;
            assert!(psi >= p.psi() && psi < p.psi() + 0.005, "{p:?}");
        }
        assert_eq!(preset_psi_pct(Preset::Theorem8), d("8.5"));
        assert_eq!(preset_psi_pct(Preset::Theorem3), d("20"));
    }

    #[test]
    fn the_url_round_trips_and_stays_short() {
        let vals: Vec<Decimal> = PARAMS.iter().map(|s| s.default).collect();
        let g = Preset::Healthy.graph();
        assert_eq!(write_state(&vals, &g), "?v=1");
        let mut vals2 = implicit_defaults(Preset::Theorem2).to_vec();
        vals2[0] = preset_value(Preset::Theorem2);
        let mut g2 = Preset::Theorem2.graph();
        g2.validators[0].stake = d("6");
        let q = write_state(&vals2, &g2);
        assert_eq!(q, "?v=1&p=1&g=100:1~6:1,95:1");
        let (v, g, r) = read_state(&q);
        assert_eq!((v, g, r), (vals2.clone(), g2.clone(), vec![]));
        // A link with just the preset shows the theorem's own shock and ψ.
        let (v, _, _) = read_state("?p=1");
        assert_eq!(shock_list(v[2], 2), vec![0]);
        assert_eq!(v[3], d("5"));
        // A shock or ψ that differs from the preset's is written even when it equals the
        // healthy network's (the specs' defaults).
        vals2[2] = PARAMS[2].default;
        vals2[3] = PARAMS[3].default;
        let q = write_state(&vals2, &g2);
        assert!(q.contains("&d=2") && q.contains("&psi=12.5"), "{q}");
        assert_eq!(read_state(&q).0, vals2);
    }

    #[test]
    fn bad_values_fall_back_with_a_notice() {
        let (v, g, r) = read_state("?p=9&psi=500&g=garbage&d=-4");
        assert_eq!(v[0], d("4"));
        assert_eq!(v[3], d("100"));
        assert_eq!(v[2], d("0"), "-4 clamps to 0");
        assert_eq!(g, Preset::Theorem8.graph(), "malformed graph: the preset's");
        let (v, _, _) = read_state("?p=4&d=x");
        assert_eq!(
            shock_list(v[2], 12),
            vec![0],
            "malformed shock: the preset's"
        );
        let names: Vec<_> = r.iter().map(|x| (x.name, x.problem)).collect();
        assert!(names.contains(&("g", Problem::Malformed)));
        assert!(names.contains(&("p", Problem::OutOfRange)));
        assert!(names.contains(&("psi", Problem::OutOfRange)));
        let (_, g, r) = read_state("?g=5:7~1:1&g=1:1~1:1");
        assert_eq!(g.services[0].alpha, Decimal::ONE);
        assert_eq!(r[0].problem, Problem::OutOfRange);
        let (_, _, r) = read_state("?g=1:1~1:1&g=2:1~1:1");
        assert_eq!(r[0].problem, Problem::Repeated);
    }

    #[test]
    fn each_preset_reproduces_its_theorem() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        // Healthy (our illustration): secure with γ* = 1, Claim 1 holds, loss under the bound.
        let h = preset_result(Preset::Healthy);
        assert!(h.secure && h.claim1_pass && h.gamma == Some(Decimal::ONE));
        let o = h.outcome.unwrap();
        assert!(o.r_psi < o.theorem1_bound.unwrap());
        // Theorem 2: secure, Claim 1 with equality, γ* = 0, yet a 5 % shock loses everything.
        let t2 = preset_result(Preset::Theorem2);
        assert!(t2.secure && t2.claim1_pass && t2.claim1_equal);
        assert_eq!(t2.gamma, Some(Decimal::ZERO));
        assert!(close(t2.outcome.unwrap().realized_share, 1.0));
        // Theorem 3: γ* = 1, Corollary 2 with γ = 1; R_0.2 = 0.39 against the bound 0.4.
        let t3 = preset_result(Preset::Theorem3);
        assert_eq!(t3.gamma, Some(Decimal::ONE));
        assert!(t3.corollary2_gamma1);
        let o = t3.outcome.unwrap();
        assert!(close(o.r_psi, 0.39) && close(o.theorem1_bound.unwrap(), 0.4));
        // Theorem 6: Corollary 2 with γ = 1, yet C = {x, z} loses all its own stake.
        let t6 = preset_result(Preset::Theorem6);
        assert!(t6.secure && t6.corollary2_gamma1);
        assert_eq!(t6.gamma.unwrap().round_dp(2), d("2.17"));
        let l = t6.local.unwrap();
        assert!(close(l.shock_share, 0.0) && close(l.lost_share, 1.0));
        // Theorem 8: Claim 1 with equality everywhere, one validator's shock loses it all.
        let t8 = preset_result(Preset::Theorem8);
        assert!(t8.claim1_equal && t8.secure);
        assert_eq!(t8.gamma, Some(Decimal::ZERO));
        assert!(close(t8.outcome.unwrap().r_psi, 1.0));
        assert!(close(t8.local.unwrap().lost_share, 1.0));
    }

    #[test]
    fn editing_a_stake_flips_the_verdict() {
        // Theorem 2's graph: lowering b's stake from 95 to 94 makes b + a cost 99 < 100.
        let mut g = Preset::Theorem2.graph();
        assert!(analyze(&g, &[]).pooled.secure);
        g.validators[1].stake = d("94");
        let a = analyze(&g, &[]);
        assert!(!a.pooled.secure);
        let best = a.pooled.best_attack.unwrap();
        assert_eq!(best.net_profit, d("1"));
        assert_eq!(best.validators, vec![0, 1]);
    }

    #[test]
    fn unique_stake_removes_the_cascade() {
        // The cascade chain of the model's own test: s0 (π 5) on v0 (4); s1 (π 7) on v0, v1 (6).
        let g = RestakingGraph {
            services: vec![
                net::Service {
                    profit: d("5"),
                    alpha: Decimal::ONE,
                },
                net::Service {
                    profit: d("7"),
                    alpha: Decimal::ONE,
                },
            ],
            validators: vec![
                Validator {
                    stake: d("4"),
                    services: 0b11,
                },
                Validator {
                    stake: d("6"),
                    services: 0b10,
                },
            ],
        };
        let a = analyze(&g, &[]);
        assert_eq!(a.cascade.unwrap().steps.len(), 2);
        assert_eq!(a.unique_cascade.unwrap().steps.len(), 1);
    }

    #[test]
    fn it_edits_the_graph_structure() {
        let g = Preset::Healthy.graph();
        let h = remove_service(&g, 1);
        assert_eq!(h.services.len(), 3);
        // V2 restaked to S1 and S2 (0b0011): now only S1. V5 (0b0110): S2 and S3 → S2.
        assert_eq!(h.validators[1].services, 0b001);
        assert_eq!(h.validators[4].services, 0b010);
        assert_eq!(remove_validator(&g, 0).validators.len(), 7);
        let one = Preset::Theorem2.graph();
        assert_eq!(remove_service(&one, 0), one, "the last service stays");
        let terms = claim1_terms(&g, 1);
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0], (d("32"), d("128"), d("24"), d("0.5")));
    }

    #[test]
    fn the_largest_graph_recomputes_quickly() {
        // 6 services × 12 validators, every validator on every service: the input-path work.
        let g = RestakingGraph {
            services: vec![
                net::Service {
                    profit: d("50"),
                    alpha: d("0.5")
                };
                MAX_SERVICES
            ],
            validators: (0..MAX_VALIDATORS)
                .map(|i| Validator {
                    stake: Decimal::from(10 + i as i64),
                    services: 0b111111,
                })
                .collect(),
        };
        let t = std::time::Instant::now();
        let a = analyze(&g, &[0, 1]);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        assert!(a.cascade.is_some());
        // Generous even for an unoptimised test build.
        assert!(ms < 2000.0, "{ms} ms");
    }

    proptest::proptest! {
        #[test]
        fn any_query_gives_a_usable_state(q in ".{0,200}") {
            let (v, g, _) = read_state(&q);
            proptest::prop_assert_eq!(v.len(), PARAMS.len());
            proptest::prop_assert_eq!(codec::clamp_graph(&g), g.clone());
            let _ = analyze(&g, &shock_list(v[2], g.validators.len()));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------

/// An amount with no decimals when whole, otherwise two.
fn amt(l: Locale, x: Decimal) -> String {
    let r = x.round_dp(2).normalize();
    format::number(l, r, r.scale().min(2))
}

fn share(l: Locale, x: f64) -> String {
    format::percent(l, from_f64(x), 1)
}

fn gamma_text(l: Locale, g: Option<Decimal>) -> String {
    match g {
        Some(x) => format::number(l, x, 2),
        None => "∞".to_owned(),
    }
}

fn names(prefix: &str, idx: &[usize]) -> String {
    if idx.is_empty() {
        return "—".to_owned();
    }
    idx.iter()
        .map(|i| format!("{prefix}{}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

fn psi_value(l: Locale, x: Decimal) -> String {
    format!("{}%", format::number(l, x, 1))
}

fn attack_text(i18n: crate::i18n::I18n, key: Key, a: &Attack) -> String {
    let l = i18n.get();
    i18n.tf(
        key,
        &[
            ("validators", &names("V", &a.validators)),
            ("services", &names("S", &a.services)),
            ("cost", &amt(l, a.stake)),
            ("profit", &amt(l, a.profit)),
            ("gain", &amt(l, a.net_profit)),
        ],
    )
}

fn in_mask(idx: &[usize]) -> u32 {
    idx.iter()
        .filter(|&&i| i < 32)
        .fold(0u32, |m, &i| m | (1 << i))
}

/// The drawing of `g` with the given marks.
fn drawing(
    l: Locale,
    g: &RestakingGraph,
    hit_s: u32,
    hit_v: u32,
    shocked: u32,
    hit_edge: &dyn Fn(usize, usize) -> bool,
    badges: Vec<Option<bool>>,
) -> NetGraph {
    let pmax = g
        .services
        .iter()
        .map(|s| to_f64(s.profit))
        .fold(0.0, f64::max);
    let smax = g
        .validators
        .iter()
        .map(|v| to_f64(v.stake))
        .fold(0.0, f64::max);
    let rel = |x: Decimal, m: f64| if m > 0.0 { to_f64(x) / m } else { 0.0 };
    let mark = |mask: u32, i: usize| {
        if mask & (1 << i) != 0 {
            Mark::Hit
        } else {
            Mark::Plain
        }
    };
    NetGraph {
        services: g
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| Node {
                label: format!("S{}", i + 1),
                detail: format!("π {}", amt(l, s.profit)),
                size: rel(s.profit, pmax),
                mark: mark(hit_s, i),
            })
            .collect(),
        validators: g
            .validators
            .iter()
            .enumerate()
            .map(|(i, v)| Node {
                label: format!("V{}", i + 1),
                detail: amt(l, v.stake),
                size: rel(v.stake, smax),
                mark: if shocked & (1 << i) != 0 {
                    Mark::Shocked
                } else {
                    mark(hit_v, i)
                },
            })
            .collect(),
        edges: g
            .validators
            .iter()
            .enumerate()
            .flat_map(|(v, val)| {
                (0..g.services.len())
                    .filter(move |&s| val.restakes_to(s))
                    .map(move |s| (s, v, rel(val.stake, smax)))
            })
            .map(|(s, v, w)| Edge {
                service: s,
                validator: v,
                weight: w,
                mark: if shocked & (1 << v) != 0 {
                    Mark::Shocked
                } else if hit_edge(s, v) {
                    Mark::Hit
                } else {
                    Mark::Plain
                },
            })
            .collect(),
        badges,
        services_caption: l.text(Key::NetCanvasServices).to_owned(),
        validators_caption: l.text(Key::NetCanvasValidators).to_owned(),
    }
}

// ---------------------------------------------------------------------------------------
// The worst-case curve, computed off the input path
// ---------------------------------------------------------------------------------------

/// The result of one run of the curve job.
#[derive(Clone, Debug, PartialEq)]
struct CurveResult {
    /// The graph it was computed for (stale results are recognised by comparing).
    graph: RestakingGraph,
    /// The learner's ψ (fraction) it was computed for.
    psi: f64,
    /// `worst_case_at(graph, psi)`.
    at_psi: Option<ShockOutcome>,
    /// The curve over [`psi_grid`].
    grid: Vec<ShockOutcome>,
    /// Milliseconds from the input to the last slice.
    total_ms: f64,
    /// The longest slice, in milliseconds.
    max_slice_ms: f64,
}

struct CurveJob {
    result: CurveResult,
    started: f64,
    stage: u8,
}

type FrameSlot = StoredValue<Option<gloo::render::AnimationFrame>, LocalStorage>;

/// One slice of the curve job per animation frame: first the learner's ψ, then the whole
/// grid (the model shares the per-shock work across grid points, so the grid costs about
/// one ψ = 1 point). Each slice is one model call, a few milliseconds on the largest
/// graph; input events are handled between frames. A newer job replaces the frame slot,
/// which drops (cancels) the older job's pending frame.
fn curve_slice(job: Rc<RefCell<CurveJob>>, slot: FrameSlot, out: RwSignal<Option<CurveResult>>) {
    let t0 = now_ms();
    let done = {
        let mut j = job.borrow_mut();
        match j.stage {
            0 => {
                j.result.at_psi = net::worst_case_at(&j.result.graph, j.result.psi).ok();
            }
            _ => {
                j.result.grid =
                    net::worst_case_curve(&j.result.graph, &psi_grid()).unwrap_or_default();
            }
        }
        j.stage += 1;
        let now = now_ms();
        j.result.max_slice_ms = j.result.max_slice_ms.max(now - t0);
        j.result.total_ms = now - j.started;
        j.stage >= 2
    };
    if done {
        let result = job.borrow().result.clone();
        let _ = out.try_set(Some(result));
    } else {
        let frame = gloo::render::request_animation_frame(move |_| curve_slice(job, slot, out));
        let _ = slot.try_set_value(Some(frame));
    }
}

/// `performance.now()` (sub-millisecond), or `Date.now()` where it is missing.
fn now_ms() -> f64 {
    use wasm_bindgen::JsCast;
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok();
    perf.and_then(|p| {
        let f: js_sys::Function = js_sys::Reflect::get(&p, &"now".into())
            .ok()?
            .dyn_into()
            .ok()?;
        f.call0(&p).ok()?.as_f64()
    })
    .unwrap_or_else(js_sys::Date::now)
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

// ---------------------------------------------------------------------------------------
// The chapter
// ---------------------------------------------------------------------------------------

/// Chapter 5: network security.
#[component]
pub fn Chapter() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::NetTitle);

    // State: read once from the address, mirrored back on every change.
    let (initial, initial_graph, replaced) = read_state(&crate::web::location_search());
    let [preset_v, unique_v, shock_v, psi_v, step_v] =
        [0, 1, 2, 3, 4].map(|i| RwSignal::new(initial[i]));
    let graph = RwSignal::new(initial_graph);
    Effect::new(move |_| {
        let values = [
            preset_v.get(),
            unique_v.get(),
            shock_v.get(),
            psi_v.get(),
            step_v.get(),
        ];
        let q = graph.with(|g| write_state(&values, g));
        crate::web::replace_query_soon(q);
    });

    let preset = Memo::new(move |_| preset_of(preset_v.get()));
    let unique = Memo::new(move |_| unique_v.get() == Decimal::ONE);
    let ns = Memo::new(move |_| graph.with(|g| g.services.len()));
    let nv = Memo::new(move |_| graph.with(|g| g.validators.len()));
    let shock = Memo::new(move |_| shock_list(shock_v.get(), nv.get()));
    // The input-path work, timed so that tests (and the curious) can read it from the page.
    let compute_ms = StoredValue::new(0.0f64);
    let analysis = Memo::new(move |_| {
        let t0 = now_ms();
        let a = graph.with(|g| analyze(g, &shock.get()));
        compute_ms.set_value(now_ms() - t0);
        a
    });
    let results_ref = NodeRef::<leptos::html::Dl>::new();
    Effect::new(move |_| {
        analysis.track();
        if let Some(el) = results_ref.get() {
            let _ = el.set_attribute("data-compute-ms", &compute_ms.get_value().to_string());
        }
    });
    let edited = Memo::new(move |_| graph.with(|g| *g != preset.get().graph()));
    let preset_res = Memo::new(move |_| preset_result(preset.get()));
    let verdict = Memo::new(move |_| {
        analysis.with(|a| {
            if unique.get() {
                a.unique.clone()
            } else {
                a.pooled.clone()
            }
        })
    });
    let cas = Memo::new(move |_| {
        analysis.with(|a| {
            if unique.get() {
                a.unique_cascade.clone()
            } else {
                a.cascade.clone()
            }
        })
    });
    let n_steps = Memo::new(move |_| cas.with(|c| c.as_ref().map_or(0, |c| c.steps.len())));
    let step = Memo::new(move |_| {
        let t = step_v
            .get()
            .trunc()
            .to_string()
            .parse::<usize>()
            .unwrap_or(0);
        t.min(n_steps.get())
    });

    // Actions (event handlers write signals; nothing else does).
    let choose_preset = move |p: Preset| {
        preset_v.set(preset_value(p));
        graph.set(p.graph());
        shock_v.set(shock_value(&p.shock()));
        psi_v.set(preset_psi_pct(p));
        step_v.set(Decimal::ZERO);
    };
    let edit = move |f: &dyn Fn(&mut RestakingGraph)| {
        graph.update(|g| {
            f(g);
            *g = codec::clamp_graph(g);
        });
        step_v.set(Decimal::ZERO);
    };
    let structural = move |g2: RestakingGraph| {
        graph.set(codec::clamp_graph(&g2));
        shock_v.set(Decimal::ZERO);
        step_v.set(Decimal::ZERO);
    };

    // ---- The worst-case curve job ----
    let curve = RwSignal::new(None::<CurveResult>);
    let slot: FrameSlot = StoredValue::new_local(None);
    Effect::new(move |_| {
        let g = graph.get();
        let psi = to_f64(psi_v.get()) / 100.0;
        let job = Rc::new(RefCell::new(CurveJob {
            result: CurveResult {
                graph: g,
                psi,
                at_psi: None,
                grid: Vec::new(),
                total_ms: 0.0,
                max_slice_ms: 0.0,
            },
            started: now_ms(),
            stage: 0,
        }));
        // Replacing the slot drops (cancels) any frame still pending for an older job.
        let frame = gloo::render::request_animation_frame(move |_| curve_slice(job, slot, curve));
        slot.set_value(Some(frame));
    });
    let curve_fresh = move || {
        curve.with(|c| {
            c.as_ref().is_some_and(|c| {
                graph.with(|g| c.graph == *g) && c.psi == to_f64(psi_v.get()) / 100.0
            })
        })
    };

    // ---- Play button for the cascade ----
    let playing = RwSignal::new(false);
    let timer: StoredValue<Option<gloo::timers::callback::Interval>, LocalStorage> =
        StoredValue::new_local(None);
    let stop = move || {
        timer.set_value(None);
        playing.set(false);
    };
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        let n = n_steps.get_untracked();
        if step.get_untracked() >= n {
            step_v.set(Decimal::ZERO);
        }
        if prefers_reduced_motion() {
            step_v.set(Decimal::from(n));
            return;
        }
        playing.set(true);
        let iv = gloo::timers::callback::Interval::new(900, move || {
            let n = n_steps.try_get_untracked().unwrap_or(0);
            let t = step.try_get_untracked().unwrap_or(0);
            if t >= n {
                let _ = timer.try_set_value(None);
                let _ = playing.try_set(false);
            } else {
                let _ = step_v.try_set(Decimal::from(t + 1));
            }
        });
        timer.set_value(Some(iv));
    };

    // ---- Texts ----
    let model_name = move || {
        if unique.get() {
            i18n.t(Key::NetModelUnique)
        } else {
            i18n.t(Key::NetModelPooled)
        }
    };
    let verdict_text = move || {
        if verdict.with(|v| v.secure) {
            i18n.t(Key::NetSecure)
        } else {
            i18n.t(Key::NetInsecure)
        }
    };
    let gamma_now = move || gamma_text(i18n.get(), verdict.with(|v| v.gamma_star));
    let attack_now = move || {
        verdict.with(|v| match &v.best_attack {
            Some(a) => attack_text(i18n, Key::NetAttackDesc, a),
            None => i18n.t(Key::NetNoAttack).to_owned(),
        })
    };
    let claim1_summary = move || {
        analysis.with(|a| match &a.claim1 {
            Some(c) => {
                let fails = c.validators.iter().filter(|l| !l.passes).count();
                let n = c.validators.len().to_string();
                if fails == 0 && c.unbacked_services.is_empty() {
                    i18n.tf(Key::NetClaim1AllPass, &[("n", &n)])
                } else if fails == 0 {
                    i18n.tf(
                        Key::NetClaim1Unbacked,
                        &[("services", &names("S", &c.unbacked_services))],
                    )
                } else {
                    i18n.tf(Key::NetClaim1Fail, &[("k", &fails.to_string()), ("n", &n)])
                }
            }
            None => "—".to_owned(),
        })
    };
    let gamma_formula = move || {
        let l = i18n.get();
        verdict.with(|v| match (&v.tightest, v.gamma_star) {
            (Some(t), Some(g)) => format!(
                "γ* = {} / {} − 1 = {}   ({} → {})",
                amt(l, t.stake),
                amt(l, t.profit),
                format::number(l, g, 2),
                names("V", &t.validators),
                names("S", &t.services)
            ),
            _ => i18n.t(Key::NetGammaNone).to_owned(),
        })
    };
    let claim1_formula = move || {
        let l = i18n.get();
        analysis.with(|a| {
            let Some(c) = &a.claim1 else {
                return String::new();
            };
            let Some(worst) = c.validators.iter().min_by(|x, y| x.margin.cmp(&y.margin)) else {
                return String::new();
            };
            let terms = graph.with(|g| claim1_terms(g, worst.validator));
            let body = if terms.is_empty() {
                "0".to_owned()
            } else {
                terms
                    .iter()
                    .map(|(sv, back, p, al)| {
                        format!(
                            "{}/{} × {}/{}",
                            amt(l, *sv),
                            amt(l, *back),
                            amt(l, *p),
                            format::number(l, *al, 2)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            format!(
                "V{}: {} = {} {} {}",
                worst.validator + 1,
                body,
                amt(l, worst.load),
                if worst.passes { "≤" } else { ">" },
                amt(l, worst.stake)
            )
        })
    };

    let preset_statement = move || {
        let l = i18n.get();
        let r = preset_res.get();
        let o = r.outcome.clone();
        let psi = share(l, r.psi);
        let rpsi = o.as_ref().map(|o| share(l, o.r_psi)).unwrap_or_default();
        let realized = o
            .as_ref()
            .map(|o| share(l, o.realized_share))
            .unwrap_or_default();
        let bound = o
            .as_ref()
            .and_then(|o| o.theorem1_bound)
            .map(|b| share(l, b))
            .unwrap_or_else(|| "—".into());
        let gamma = gamma_text(l, r.gamma);
        let local = r
            .local
            .as_ref()
            .map(|x| share(l, x.lost_share))
            .unwrap_or_default();
        let local_shock = r
            .local
            .as_ref()
            .map(|x| share(l, x.shock_share))
            .unwrap_or_default();
        match r.preset {
            Preset::Healthy => i18n.tf(
                Key::NetResHealthy,
                &[
                    ("gamma", &gamma),
                    ("psi", &psi),
                    ("r", &rpsi),
                    ("bound", &bound),
                ],
            ),
            Preset::Theorem2 => i18n.tf(
                Key::NetResT2,
                &[("gamma", &gamma), ("psi", &psi), ("lost", &realized)],
            ),
            Preset::Theorem3 => i18n.tf(
                Key::NetResT3,
                &[
                    ("gamma", &gamma),
                    ("psi", &psi),
                    ("r", &rpsi),
                    ("bound", &bound),
                ],
            ),
            Preset::Theorem6 => i18n.tf(
                Key::NetResT6,
                &[("gamma", &gamma), ("hit", &local_shock), ("lost", &local)],
            ),
            Preset::Theorem8 => i18n.tf(
                Key::NetResT8,
                &[
                    ("gamma", &gamma),
                    ("psi", &psi),
                    ("r", &rpsi),
                    ("local", &local),
                ],
            ),
        }
    };
    let preset_checks = move || {
        let r = preset_res.get();
        let yes_no = |b: bool| {
            if b {
                i18n.t(Key::NetYes)
            } else {
                i18n.t(Key::NetNo)
            }
        };
        vec![
            (i18n.t(Key::NetChkSecure), yes_no(r.secure).to_owned()),
            (i18n.t(Key::NetChkClaim1), yes_no(r.claim1_pass).to_owned()),
            (
                i18n.t(Key::NetChkEquality),
                yes_no(r.claim1_equal).to_owned(),
            ),
            (
                i18n.t(Key::NetChkCor2),
                yes_no(r.corollary2_gamma1).to_owned(),
            ),
            (i18n.t(Key::NetChkGamma), gamma_text(i18n.get(), r.gamma)),
        ]
    };

    // ---- Graph drawings ----
    let attack_drawing = Memo::new(move |_| {
        let l = i18n.get();
        let (hit_s, hit_v) = verdict.with(|v| {
            v.best_attack
                .as_ref()
                .map_or((0, 0), |a| (in_mask(&a.services), in_mask(&a.validators)))
        });
        let badges = analysis.with(|a| {
            a.claim1.as_ref().map_or(Vec::new(), |c| {
                c.validators.iter().map(|x| Some(x.passes)).collect()
            })
        });
        graph.with(|g| {
            drawing(
                l,
                g,
                hit_s,
                hit_v,
                0,
                &|s, v| hit_s & (1 << s) != 0 && hit_v & (1 << v) != 0,
                badges,
            )
        })
    });
    let attack_aria = move || {
        i18n.tf(
            Key::NetGraphAria,
            &[
                ("s", &ns.get().to_string()),
                ("v", &nv.get().to_string()),
                ("verdict", verdict_text()),
                ("attack", &attack_now()),
            ],
        )
    };
    let graph_table = move || {
        let l = i18n.get();
        let mut headers = vec![
            i18n.t(Key::NetColValidator).to_owned(),
            i18n.t(Key::NetColStake).to_owned(),
        ];
        let n_s = ns.get();
        headers.extend((0..n_s).map(|s| format!("S{}", s + 1)));
        headers.push(i18n.t(Key::NetColClaim1).to_owned());
        let badges = analysis.with(|a| {
            a.claim1.as_ref().map_or(Vec::new(), |c| {
                c.validators.iter().map(|x| x.passes).collect::<Vec<_>>()
            })
        });
        let rows = graph.with(|g| {
            g.validators
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let mut row = vec![format!("V{}", i + 1), amt(l, v.stake)];
                    row.extend((0..n_s).map(|s| {
                        if v.restakes_to(s) {
                            "●".to_owned()
                        } else {
                            String::new()
                        }
                    }));
                    row.push(
                        match badges.get(i) {
                            Some(true) => i18n.t(Key::NetPass),
                            Some(false) => i18n.t(Key::NetFail),
                            None => "—",
                        }
                        .to_owned(),
                    );
                    row
                })
                .collect()
        });
        DataTable { headers, rows }
    };

    let cascade_drawing = Memo::new(move |_| {
        let l = i18n.get();
        let t = step.get();
        let uniq = unique.get();
        let (shocked, hit_s, hit_v, pairs) = cas.with(|c| match c {
            Some(c) => {
                let mut hs = 0u32;
                let mut hv = 0u32;
                let mut pairs = Vec::new();
                for s in c.steps.iter().take(t) {
                    hs |= in_mask(&s.attack.services);
                    hv |= in_mask(&s.attack.validators);
                    pairs.push((in_mask(&s.attack.services), in_mask(&s.attack.validators)));
                }
                (in_mask(&c.shock), hs, hv, pairs)
            }
            None => (0, 0, 0, Vec::new()),
        });
        graph.with(|g| {
            drawing(
                l,
                g,
                hit_s,
                hit_v,
                shocked,
                &|s, v| {
                    if uniq {
                        // Only the slices given to the attacked services are slashed.
                        pairs
                            .iter()
                            .any(|(a, b)| a & (1 << s) != 0 && b & (1 << v) != 0)
                    } else {
                        // Pooled: the whole stake goes, so every edge of a slashed validator.
                        hit_v & (1 << v) != 0
                    }
                },
                vec![],
            )
        })
    });
    let loss_now = move || {
        let l = i18n.get();
        let t = step.get();
        cas.with(|c| match c {
            Some(c) => {
                let (loss, sh) = if t == 0 {
                    (c.shock_stake, c.shock_share)
                } else {
                    let s = &c.steps[t - 1];
                    (s.cumulative_loss, s.cumulative_share)
                };
                i18n.tf(
                    Key::NetLossSoFar,
                    &[("loss", &amt(l, loss)), ("share", &share(l, sh))],
                )
            }
            None => i18n.t(Key::NetNoStake).to_owned(),
        })
    };
    let step_text = move || {
        let l = i18n.get();
        let t = step.get();
        cas.with(|c| {
            let Some(c) = c else {
                return String::new();
            };
            if t == 0 {
                if c.shock.is_empty() {
                    i18n.t(Key::NetStepNoShock).to_owned()
                } else {
                    i18n.tf(
                        Key::NetStepShock,
                        &[
                            ("validators", &names("V", &c.shock)),
                            ("stake", &amt(l, c.shock_stake)),
                            ("share", &share(l, c.shock_share)),
                        ],
                    )
                }
            } else {
                let s = &c.steps[t - 1];
                let mut text = i18n.tf(
                    Key::NetStepAttack,
                    &[
                        ("n", &t.to_string()),
                        ("attack", &attack_text(i18n, Key::NetAttackStep, &s.attack)),
                    ],
                );
                if t == c.steps.len() {
                    text.push(' ');
                    text.push_str(i18n.t(Key::NetStepEnd));
                }
                text
            }
        })
    };
    let step_counter = move || {
        i18n.tf(
            Key::NetStepOf,
            &[
                ("t", &step.get().to_string()),
                ("n", &n_steps.get().to_string()),
            ],
        )
    };
    let cascade_aria = move || format!("{} {}", step_text(), loss_now());
    let cascade_table = move || {
        let l = i18n.get();
        cas.with(|c| {
            let headers = vec![
                i18n.t(Key::NetColStep).to_owned(),
                i18n.t(Key::NetColValidators).to_owned(),
                i18n.t(Key::NetColServices).to_owned(),
                i18n.t(Key::NetColLost).to_owned(),
            ];
            let Some(c) = c else {
                return DataTable {
                    headers,
                    rows: vec![],
                };
            };
            let mut rows = vec![vec![
                "0".to_owned(),
                names("V", &c.shock),
                "—".to_owned(),
                format!("{} ({})", amt(l, c.shock_stake), share(l, c.shock_share)),
            ]];
            rows.extend(c.steps.iter().enumerate().map(|(i, s)| {
                vec![
                    (i + 1).to_string(),
                    names("V", &s.attack.validators),
                    names("S", &s.attack.services),
                    format!(
                        "{} ({})",
                        amt(l, s.cumulative_loss),
                        share(l, s.cumulative_share)
                    ),
                ]
            }));
            DataTable { headers, rows }
        })
    };
    let compare_rows = move || {
        let l = i18n.get();
        analysis.with(|a| {
            let yes_no = |b: bool| {
                if b {
                    i18n.t(Key::NetYes)
                } else {
                    i18n.t(Key::NetNo)
                }
                .to_owned()
            };
            let lost = |c: &Option<Cascade>| {
                c.as_ref()
                    .map(|c| format!("{} ({})", amt(l, c.total_loss), share(l, c.total_share)))
                    .unwrap_or_else(|| "—".into())
            };
            let steps = |c: &Option<Cascade>| {
                c.as_ref()
                    .map(|c| c.steps.len().to_string())
                    .unwrap_or_else(|| "—".into())
            };
            vec![
                (
                    i18n.t(Key::NetChkSecure),
                    yes_no(a.pooled.secure),
                    yes_no(a.unique.secure),
                ),
                (
                    i18n.t(Key::NetChkGamma),
                    gamma_text(l, a.pooled.gamma_star),
                    gamma_text(l, a.unique.gamma_star),
                ),
                (
                    i18n.t(Key::NetCmpSteps),
                    steps(&a.cascade),
                    steps(&a.unique_cascade),
                ),
                (
                    i18n.t(Key::NetCmpLost),
                    lost(&a.cascade),
                    lost(&a.unique_cascade),
                ),
            ]
        })
    };

    // ---- Worst case over ψ ----
    let at_psi_text = move || {
        let l = i18n.get();
        if !curve_fresh() {
            return i18n.t(Key::NetComputing).to_owned();
        }
        curve.with(|c| match c.as_ref().and_then(|c| c.at_psi.clone()) {
            Some(o) if o.worst_cascade.is_empty() => i18n.tf(
                Key::NetRpsiNoCascade,
                &[
                    ("psi", &psi_value(l, psi_v.get())),
                    ("r", &share(l, o.r_psi)),
                ],
            ),
            Some(o) => i18n.tf(
                Key::NetRpsiDesc,
                &[
                    ("psi", &psi_value(l, psi_v.get())),
                    ("r", &share(l, o.r_psi)),
                    ("realized", &share(l, o.realized_share)),
                    ("shock", &names("V", &o.worst_shock)),
                    ("cascade", &names("V", &o.worst_cascade)),
                ],
            ),
            None => i18n.t(Key::NetNoStake).to_owned(),
        })
    };
    let bound_formula = move || {
        let l = i18n.get();
        let psi = psi_v.get() / Decimal::ONE_HUNDRED;
        match verdict_pooled_gamma(analysis) {
            Some(g) if g > Decimal::ZERO => {
                let b = (Decimal::ONE + Decimal::ONE / g) * psi;
                format!(
                    "R_ψ < (1 + 1/{}) × {} = {}",
                    format::number(l, g, 2),
                    format::percent(l, psi, 1),
                    format::percent(l, b, 1)
                )
            }
            _ => i18n.t(Key::NetBoundNone).to_owned(),
        }
    };
    let apply_worst = move |_| {
        let shock = curve.with_untracked(|c| {
            c.as_ref()
                .and_then(|c| c.at_psi.as_ref())
                .map(|o| o.worst_shock.clone())
        });
        if let Some(s) = shock {
            shock_v.set(shock_value(&s));
            step_v.set(Decimal::ZERO);
        }
    };
    let curve_data = Memo::new(move |_| {
        let l = i18n.get();
        let grid = curve.with(|c| c.as_ref().map(|c| c.grid.clone()).unwrap_or_default());
        let r: Vec<(f64, f64)> = grid.iter().map(|o| (o.psi, o.r_psi)).collect();
        let real: Vec<(f64, f64)> = grid.iter().map(|o| (o.psi, o.realized_share)).collect();
        let top = r.iter().map(|p| p.1).fold(1.0, f64::max);
        let mut bound = Vec::new();
        for o in &grid {
            if let Some(b) = o
                .theorem1_bound
                .or(if o.psi == 0.0 { Some(0.0) } else { None })
            {
                if b <= top {
                    bound.push((o.psi, b));
                } else {
                    // Cut the line where it leaves the chart.
                    if let Some(&(x0, y0)) = bound.last() {
                        let x = x0 + (top - y0) * (o.psi - x0) / (b - y0);
                        bound.push((x, top));
                    }
                    break;
                }
            }
        }
        let has_bound = grid.iter().any(|o| o.theorem1_bound.is_some());
        let mut series = vec![
            Series {
                name: l.text(Key::NetSeriesR).into(),
                points: r,
                colour: 4,
            },
            Series {
                name: l.text(Key::NetSeriesRealized).into(),
                points: real,
                colour: 0,
            },
        ];
        if has_bound {
            series.push(Series {
                name: l.text(Key::NetSeriesBound).into(),
                points: bound,
                colour: 5,
            });
        }
        LineChart {
            series,
            x_caption: l.text(Key::NetAxisPsi).into(),
            y_caption: l.text(Key::NetAxisLoss).into(),
            x_fmt: |x| format!("{:.0}", x * 100.0),
            y_fmt: |y| format!("{:.0}%", y * 100.0),
            y_from_zero: true,
        }
    });
    let curve_aria = move || {
        let l = i18n.get();
        curve.with(|c| {
            let grid = c.as_ref().map(|c| c.grid.as_slice()).unwrap_or(&[]);
            let at = |p: f64| {
                grid.iter()
                    .find(|o| (o.psi - p).abs() < 1e-9)
                    .map(|o| share(l, o.r_psi))
                    .unwrap_or_default()
            };
            i18n.tf(Key::NetCurveAria, &[("r10", &at(0.1)), ("r50", &at(0.5))])
        })
    };
    let curve_table = move || {
        let l = i18n.get();
        curve.with(|c| DataTable {
            headers: vec![
                "ψ".to_owned(),
                i18n.t(Key::NetSeriesR).to_owned(),
                i18n.t(Key::NetSeriesRealized).to_owned(),
                i18n.t(Key::NetSeriesBound).to_owned(),
            ],
            rows: c
                .as_ref()
                .map(|c| {
                    c.grid
                        .iter()
                        .map(|o| {
                            vec![
                                share(l, o.psi),
                                share(l, o.r_psi),
                                share(l, o.realized_share),
                                o.theorem1_bound
                                    .map(|b| share(l, b))
                                    .unwrap_or_else(|| "—".into()),
                            ]
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
    };
    let curve_state = move || if curve_fresh() { "done" } else { "computing" };
    let curve_ms = move || curve.with(|c| c.as_ref().map_or(0.0, |c| c.total_ms).to_string());
    let slice_ms = move || curve.with(|c| c.as_ref().map_or(0.0, |c| c.max_slice_ms).to_string());

    // ---- Editor rows ----
    let service_rows = move || {
        (0..ns.get())
            .map(|s| {
                let profit = move || graph.with(|g| g.services.get(s).map(|x| x.profit.to_string()).unwrap_or_default());
                let alpha = move || {
                    graph.with(|g| {
                        g.services
                            .get(s)
                            .map(|x| (x.alpha * Decimal::ONE_HUNDRED).normalize().to_string())
                            .unwrap_or_default()
                    })
                };
                let set_profit = move |ev| {
                    if let Ok(x) = Decimal::from_str(event_target_value(&ev).trim()) {
                        edit(&|g| {
                            if let Some(sv) = g.services.get_mut(s) {
                                sv.profit = x;
                            }
                        });
                    } else {
                        graph.update(|_| {});
                    }
                };
                let set_alpha = move |ev| {
                    if let Ok(x) = Decimal::from_str(event_target_value(&ev).trim()) {
                        edit(&|g| {
                            if let Some(sv) = g.services.get_mut(s) {
                                sv.alpha = x / Decimal::ONE_HUNDRED;
                            }
                        });
                    } else {
                        graph.update(|_| {});
                    }
                };
                let name = format!("S{}", s + 1);
                let remove_label = move || i18n.tf(Key::NetRemove, &[("name", &format!("S{}", s + 1))]);
                view! {
                    <tr>
                        <th scope="row">{name.clone()}</th>
                        <td>
                            <input type="number" class="net-num" id=format!("net-pi-{s}") min="0" max="1000000" step="any"
                                aria-label=move || i18n.tf(Key::NetAriaProfit, &[("name", &format!("S{}", s + 1))])
                                prop:value=profit on:change=set_profit />
                        </td>
                        <td>
                            <input type="number" class="net-num net-num-short" id=format!("net-alpha-{s}") min="1" max="100" step="1"
                                aria-label=move || i18n.tf(Key::NetAriaAlpha, &[("name", &format!("S{}", s + 1))])
                                prop:value=alpha on:change=set_alpha />
                        </td>
                        <td>
                            <button type="button" class="net-x" title=remove_label aria-label=remove_label
                                disabled=move || { ns.get() <= 1 }
                                on:click=move |_| structural(graph.with_untracked(|g| remove_service(g, s)))>"×"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let validator_rows = move || {
        let n_s = ns.get();
        (0..nv.get())
            .map(|v| {
                let stake = move || graph.with(|g| g.validators.get(v).map(|x| x.stake.to_string()).unwrap_or_default());
                let set_stake = move |ev| {
                    if let Ok(x) = Decimal::from_str(event_target_value(&ev).trim()) {
                        edit(&|g| {
                            if let Some(val) = g.validators.get_mut(v) {
                                val.stake = x;
                            }
                        });
                    } else {
                        graph.update(|_| {});
                    }
                };
                let badge = move || {
                    analysis.with(|a| {
                        a.claim1
                            .as_ref()
                            .and_then(|c| c.validators.get(v))
                            .map(|x| (x.passes, x.margin))
                    })
                };
                let boxes = (0..n_s)
                    .map(|s| {
                        let checked = move || graph.with(|g| g.validators.get(v).is_some_and(|x| x.restakes_to(s)));
                        let toggle = move |_| {
                            edit(&|g| {
                                if let Some(val) = g.validators.get_mut(v) {
                                    val.services ^= 1 << s;
                                }
                            })
                        };
                        view! {
                            <td class="net-edge">
                                <input type="checkbox" id=format!("net-e-{v}-{s}")
                                    aria-label=move || i18n.tf(Key::NetAriaEdge, &[("v", &format!("V{}", v + 1)), ("s", &format!("S{}", s + 1))])
                                    prop:checked=checked on:change=toggle />
                            </td>
                        }
                    })
                    .collect_view();
                let remove_label = move || i18n.tf(Key::NetRemove, &[("name", &format!("V{}", v + 1))]);
                view! {
                    <tr>
                        <th scope="row">{format!("V{}", v + 1)}</th>
                        <td>
                            <input type="number" class="net-num" id=format!("net-sigma-{v}") min="0" max="1000000" step="any"
                                aria-label=move || i18n.tf(Key::NetAriaStake, &[("name", &format!("V{}", v + 1))])
                                prop:value=stake on:change=set_stake />
                        </td>
                        {boxes}
                        <td class="net-badge" data-testid=format!("net-badge-{v}")>
                            {move || match badge() {
                                Some((true, m)) => view! {
                                    <span class="net-pass" title=move || i18n.tf(Key::NetMargin, &[("m", &amt(i18n.get(), m))])>
                                        "●" <span class="net-badge-word">" " {move || i18n.t(Key::NetPass)}</span>
                                    </span>
                                }.into_any(),
                                Some((false, m)) => view! {
                                    <span class="net-fail" title=move || i18n.tf(Key::NetMargin, &[("m", &amt(i18n.get(), m))])>
                                        "■" <span class="net-badge-word">" " {move || i18n.t(Key::NetFail)}</span>
                                    </span>
                                }.into_any(),
                                None => view! { <span>"—"</span> }.into_any(),
                            }}
                        </td>
                        <td>
                            <button type="button" class="net-x" title=remove_label aria-label=remove_label
                                disabled=move || { nv.get() <= 1 }
                                on:click=move |_| structural(graph.with_untracked(|g| remove_validator(g, v)))>"×"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let edge_headers = move || {
        (0..ns.get())
            .map(|s| view! { <th scope="col" class="net-edge">{format!("S{}", s + 1)}</th> })
            .collect_view()
    };
    let shock_boxes = move || {
        (0..nv.get())
            .map(|v| {
                let checked = move || shock.with(|d| d.contains(&v));
                let toggle = move |_| {
                    let mut d = shock.get_untracked();
                    if let Some(pos) = d.iter().position(|&x| x == v) {
                        d.remove(pos);
                    } else {
                        d.push(v);
                    }
                    shock_v.set(shock_value(&d));
                    step_v.set(Decimal::ZERO);
                };
                view! {
                    <label class="net-shock-box">
                        <input type="checkbox" id=format!("net-d-{v}") prop:checked=checked on:change=toggle />
                        {format!("V{}", v + 1)}
                    </label>
                }
            })
            .collect_view()
    };

    let preset_buttons = Preset::ALL
        .iter()
        .map(|&p| {
            let key = match p {
                Preset::Healthy => Key::NetPresetHealthy,
                Preset::Theorem2 => Key::NetPresetT2,
                Preset::Theorem3 => Key::NetPresetT3,
                Preset::Theorem6 => Key::NetPresetT6,
                Preset::Theorem8 => Key::NetPresetT8,
            };
            let idx = preset_value(p).to_string();
            view! {
                <button type="button" data-preset=idx
                    aria-pressed=move || (preset.get() == p).to_string()
                    on:click=move |_| choose_preset(p)>
                    {move || i18n.t(key)}
                </button>
            }
        })
        .collect_view();

    view! {
        <article class="chapter net">
            <h1>{move || i18n.t(Key::NetTitle)}</h1>
            <UrlNotice replaced=replaced label_of=label_of />
            <p>{move || i18n.t(Key::NetIntro1)} " " <Cite id=SourceId::EigenWhitepaper /></p>
            <p>{move || i18n.t(Key::NetIntro2)} " " <Cite id=SourceId::DurvasulaRoughgarden /></p>

            <dl class="net-ideas">
                <div>
                    <dt><Term id="cost-of-corruption">{move || i18n.t(Key::NetTermCoc)}</Term></dt>
                    <dd>{move || i18n.t(Key::NetTermCocBody)}</dd>
                </div>
                <div>
                    <dt><Term id="profit-from-corruption">{move || i18n.t(Key::NetTermPfc)}</Term></dt>
                    <dd>{move || i18n.t(Key::NetTermPfcBody)}</dd>
                </div>
                <div>
                    <dt><Term id="pooled-security">{move || i18n.t(Key::NetTermPooled)}</Term></dt>
                    <dd>{move || i18n.t(Key::NetTermPooledBody)}</dd>
                </div>
                <div>
                    <dt><Term id="attack-coalition">{move || i18n.t(Key::NetTermAttack)}</Term></dt>
                    <dd>{move || i18n.t(Key::NetTermAttackBody)}</dd>
                </div>
                <div>
                    <dt><Term id="overcollateralisation">{move || i18n.t(Key::NetTermGamma)}</Term></dt>
                    <dd>{move || i18n.t(Key::NetTermGammaBody)}</dd>
                </div>
                <div>
                    <dt><Term id="cascade">{move || i18n.t(Key::NetTermCascade)}</Term></dt>
                    <dd>{move || i18n.t(Key::NetTermCascadeBody)}</dd>
                </div>
            </dl>
            <p>
                {move || i18n.t(Key::NetUseCasesLink1)}
                <A href=href("/use-cases")>{move || i18n.t(Key::NetUseCasesLink2)}</A>
                {move || i18n.t(Key::NetUseCasesLink3)}
            </p>

            <Predict
                question=Key::NetPredictQ
                choices=&[Key::NetPredictA, Key::NetPredictB, Key::NetPredictC]
                correct=2
                explanation=Key::NetPredictExplain
            />

            <section class="lab" aria-labelledby="net-lab-build">
                <h2 id="net-lab-build">{move || i18n.t(Key::NetLabBuildTitle)}</h2>
                <p>{move || i18n.t(Key::NetLabBuildIntro)}</p>
                <div class="net-presets" role="group" aria-label=move || i18n.t(Key::NetPPreset)>
                    {preset_buttons}
                </div>
                <div class="net-preset-result" data-testid="net-preset-result" aria-live="polite">
                    <p>
                        <strong>{move || i18n.t(Key::NetPaperSays)}</strong> " "
                        <span data-testid="net-preset-statement">{preset_statement}</span> " "
                        {move || if preset.get() == Preset::Healthy {
                            view! { <span class="net-assume">"(" {move || i18n.t(Key::UiAssumption)} ")"</span> }.into_any()
                        } else {
                            view! { <Cite id=SourceId::DurvasulaRoughgarden /> }.into_any()
                        }}
                    </p>
                    <ul class="net-checks">
                        {move || preset_checks().into_iter().map(|(k, v)| view! { <li>{k} {move || i18n.t(Key::NetColon)} <strong>{v}</strong></li> }).collect_view()}
                    </ul>
                    <Show when=move || edited.get()>
                        <p class="hint" data-testid="net-edited">{move || i18n.t(Key::NetEdited)}</p>
                    </Show>
                </div>

                <label class="net-switch">
                    <input type="checkbox" id="in-u" prop:checked=move || unique.get()
                        on:change=move |ev| {
                            unique_v.set(if event_target_checked(&ev) { Decimal::ONE } else { Decimal::ZERO });
                            step_v.set(Decimal::ZERO);
                        } />
                    <span>{move || i18n.t(Key::NetUniqueSwitch)} " " <Cite id=SourceId::Elip002 /></span>
                </label>

                // The editor and its results are most of this page's top and sit below the
                // first screen: they are built a task after it (Later), as the other labs are.
                <Later>
                <div class="net-grid">
                    <div class="net-editor">
                        <h3>{move || i18n.t(Key::NetServicesTitle)}</h3>
                        <div class="net-scroll">
                            <table class="net-table">
                                <thead><tr>
                                    <th scope="col">{move || i18n.t(Key::NetColService)}</th>
                                    <th scope="col">{move || i18n.t(Key::NetColProfit)}</th>
                                    <th scope="col">{move || i18n.t(Key::NetColAlpha)}</th>
                                    <th scope="col"><span class="visually-hidden">{move || i18n.t(Key::NetColRemove)}</span></th>
                                </tr></thead>
                                <tbody>{service_rows}</tbody>
                            </table>
                        </div>
                        <button type="button" class="net-add" disabled=move || { ns.get() >= MAX_SERVICES }
                            on:click=move |_| structural(graph.with_untracked(|g| {
                                let mut g = g.clone();
                                g.services.push(net::Service { profit: Decimal::TEN, alpha: Decimal::new(5, 1) });
                                g
                            }))>
                            {move || i18n.t(Key::NetAddService)}
                        </button>
                        <h3>{move || i18n.t(Key::NetValidatorsTitle)}</h3>
                        <p class="hint">{move || i18n.t(Key::NetValidatorsHint)}</p>
                        <div class="net-scroll">
                            <table class="net-table">
                                <thead><tr>
                                    <th scope="col">{move || i18n.t(Key::NetColValidator)}</th>
                                    <th scope="col">{move || i18n.t(Key::NetColStake)}</th>
                                    {edge_headers}
                                    <th scope="col">{move || i18n.t(Key::NetColClaim1)}</th>
                                    <th scope="col"><span class="visually-hidden">{move || i18n.t(Key::NetColRemove)}</span></th>
                                </tr></thead>
                                <tbody>{validator_rows}</tbody>
                            </table>
                        </div>
                        <button type="button" class="net-add" disabled=move || { nv.get() >= MAX_VALIDATORS }
                            on:click=move |_| structural(graph.with_untracked(|g| {
                                let mut g = g.clone();
                                g.validators.push(Validator { stake: Decimal::from(32), services: 1 });
                                g
                            }))>
                            {move || i18n.t(Key::NetAddValidator)}
                        </button>
                    </div>
                    <div>
                        <dl class="results" node_ref=results_ref data-testid="net-results">
                            <div>
                                <dt>{move || i18n.tf(Key::NetVerdictOf, &[("model", model_name())])}</dt>
                                <dd data-testid="net-verdict" class=move || if verdict.with(|v| v.secure) { "net-ok" } else { "net-bad" }>{verdict_text}</dd>
                            </div>
                            <div>
                                <dt>"γ*"</dt>
                                <dd data-testid="net-gamma">{gamma_now}</dd>
                            </div>
                        </dl>
                        <p data-testid="net-attack" class="net-attack">{attack_now}</p>
                        <p data-testid="net-claim1" class="hint">{claim1_summary} " " <Cite id=SourceId::EigenWhitepaper /></p>
                        <ul class="legend">
                            <li><span class="net-sw net-sw-s"></span>{move || i18n.t(Key::NetLegendService)}</li>
                            <li><span class="net-sw net-sw-v"></span>{move || i18n.t(Key::NetLegendValidator)}</li>
                            <li><span class="net-sw net-sw-hit"></span>{move || i18n.t(Key::NetLegendAttack)}</li>
                            <li><span class="net-sw net-sw-pass"></span>{move || i18n.t(Key::NetLegendPass)}</li>
                            <li><span class="net-sw net-sw-fail"></span>{move || i18n.t(Key::NetLegendFail)}</li>
                        </ul>
                        <Chart
                            data=attack_drawing
                            draw=draw_net_graph
                            aria_label=Signal::derive(attack_aria)
                            table=Signal::derive(graph_table)
                            height=300
                        />
                        <Formula caption=Key::NetFormulaGammaCaption general=Key::NetFormulaGammaGeneral substituted=Signal::derive(gamma_formula) />
                        <Formula caption=Key::NetFormulaClaim1Caption general=Key::NetFormulaClaim1General substituted=Signal::derive(claim1_formula) />
                    </div>
                </div>
                </Later>
            </section>

            <Later>
                <section class="lab" aria-labelledby="net-lab-cascade">
                    <h2 id="net-lab-cascade">{move || i18n.t(Key::NetLabCascadeTitle)}</h2>
                    <p>{move || i18n.t(Key::NetLabCascadeIntro)}</p>
                    <div class="net-grid">
                        <div class="controls">
                            <fieldset class="net-shock">
                                <legend>{move || i18n.t(Key::NetShockLegend)}</legend>
                                <div class="net-shock-list">{shock_boxes}</div>
                            </fieldset>
                            <div class="net-steps" role="group" aria-label=move || i18n.t(Key::NetStepsLabel)>
                                <button type="button" data-testid="net-restart" disabled=move || { step.get() == 0 }
                                    on:click=move |_| { stop(); step_v.set(Decimal::ZERO) }>{move || i18n.t(Key::NetRestart)}</button>
                                <button type="button" data-testid="net-back" disabled=move || { step.get() == 0 }
                                    on:click=move |_| { stop(); step_v.set(Decimal::from(step.get_untracked().saturating_sub(1))) }>{move || i18n.t(Key::NetBack)}</button>
                                <button type="button" data-testid="net-next" disabled=move || { step.get() >= n_steps.get() }
                                    on:click=move |_| { stop(); step_v.set(Decimal::from((step.get_untracked() + 1).min(n_steps.get_untracked()))) }>{move || i18n.t(Key::NetNext)}</button>
                                <button type="button" data-testid="net-play" disabled=move || { n_steps.get() == 0 }
                                    aria-pressed=move || playing.get().to_string()
                                    on:click=play>{move || if playing.get() { i18n.t(Key::NetPause) } else { i18n.t(Key::NetPlay) }}</button>
                            </div>
                            <p class="hint" data-testid="net-step-of">{step_counter}</p>
                            <p data-testid="net-step">{step_text}</p>
                            <dl class="results">
                                <div>
                                    <dt>{move || i18n.t(Key::NetLossLabel)}</dt>
                                    <dd data-testid="net-loss" aria-live="polite">{loss_now}</dd>
                                </div>
                            </dl>
                        </div>
                        <div>
                            <ul class="legend">
                                <li><span class="net-sw net-sw-shock"></span>{move || i18n.t(Key::NetLegendShock)}</li>
                                <li><span class="net-sw net-sw-hit"></span>{move || i18n.t(Key::NetLegendFallen)}</li>
                            </ul>
                            <Chart
                                data=cascade_drawing
                                draw=draw_net_graph
                                aria_label=Signal::derive(cascade_aria)
                                table=Signal::derive(cascade_table)
                                height=260
                            />
                        </div>
                    </div>
                    <h3>{move || i18n.t(Key::NetCompareTitle)}</h3>
                    <p>{move || i18n.t(Key::NetUniqueBody)} " " <Cite id=SourceId::Elip002 /></p>
                    <div class="net-scroll">
                        <table class="net-table net-compare" data-testid="net-compare">
                            <thead><tr>
                                <th scope="col"></th>
                                <th scope="col">{move || i18n.t(Key::NetModelPooled)}</th>
                                <th scope="col">{move || i18n.t(Key::NetModelUnique)}</th>
                            </tr></thead>
                            <tbody>
                                {move || compare_rows().into_iter().map(|(k, a, b)| view! { <tr><th scope="row">{k}</th><td>{a}</td><td>{b}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            </Later>

            <Later>
                <section class="lab" aria-labelledby="net-lab-worst">
                    <h2 id="net-lab-worst">{move || i18n.t(Key::NetLabWorstTitle)}</h2>
                    <p>{move || i18n.t(Key::NetLabWorstIntro)} " " <Cite id=SourceId::DurvasulaRoughgarden /></p>
                    <div class="lab-grid">
                        <div class="controls">
                            <Slider label=Key::NetPPsi spec=&PARAMS[3] value=psi_v fmt=psi_value hint=Key::NetPPsiHint />
                            <p data-testid="net-rpsi" aria-live="polite">{at_psi_text}</p>
                            <button type="button" class="net-add" data-testid="net-apply-worst" disabled=move || { !curve_fresh() || curve.with(|c| c.as_ref().and_then(|c| c.at_psi.as_ref()).is_none_or(|o| o.worst_cascade.is_empty())) } on:click=apply_worst>
                                {move || i18n.t(Key::NetApplyWorst)}
                            </button>
                            <Formula caption=Key::NetFormulaBoundCaption general=Key::NetFormulaBoundGeneral substituted=Signal::derive(bound_formula) />
                        </div>
                        <div class="net-curve" data-testid="net-curve" data-state=curve_state data-ms=curve_ms data-slice-ms=slice_ms>
                            <Chart
                                data=curve_data
                                draw=draw_lines
                                aria_label=Signal::derive(curve_aria)
                                table=Signal::derive(curve_table)
                                height=300
                            />
                            <p class="hint">{move || i18n.t(Key::NetCurveNote)}</p>
                        </div>
                    </div>
                </section>
            </Later>

            <Later>
                <h2>{move || i18n.t(Key::NetMeansTitle)}</h2>
                <p>{move || i18n.t(Key::NetMeans1)}</p>
                <p>{move || i18n.t(Key::NetMeans2)}</p>
                <p>{move || i18n.t(Key::NetMeans3)} " " <Cite id=SourceId::DurvasulaRoughgarden /></p>
                <Quiz chapter="network-security" items=&QUIZ />
            </Later>
        </article>
    }
}

fn verdict_pooled_gamma(a: Memo<Analysis>) -> Option<Decimal> {
    a.with(|a| a.pooled.gamma_star)
}

/// The end-of-chapter quiz: what this chapter teaches, one explanation per choice.
pub static QUIZ: [QuizItem; 4] = [
    QuizItem {
        question: Key::QuizC7Q1,
        choices: &[Key::QuizC7Q1A, Key::QuizC7Q1B, Key::QuizC7Q1C],
        correct: 1,
        why: &[Key::QuizC7Q1WhyA, Key::QuizC7Q1WhyB, Key::QuizC7Q1WhyC],
    },
    QuizItem {
        question: Key::QuizC7Q2,
        choices: &[Key::QuizC7Q2A, Key::QuizC7Q2B, Key::QuizC7Q2C],
        correct: 0,
        why: &[Key::QuizC7Q2WhyA, Key::QuizC7Q2WhyB, Key::QuizC7Q2WhyC],
    },
    QuizItem {
        question: Key::QuizC7Q3,
        choices: &[Key::QuizC7Q3A, Key::QuizC7Q3B, Key::QuizC7Q3C],
        correct: 2,
        why: &[Key::QuizC7Q3WhyA, Key::QuizC7Q3WhyB, Key::QuizC7Q3WhyC],
    },
    QuizItem {
        question: Key::QuizC7Q4,
        choices: &[Key::QuizC7Q4A, Key::QuizC7Q4B, Key::QuizC7Q4C],
        correct: 0,
        why: &[Key::QuizC7Q4WhyA, Key::QuizC7Q4WhyB, Key::QuizC7Q4WhyC],
    },
];
