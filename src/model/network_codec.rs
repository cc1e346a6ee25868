//! A compact, hand-editable text form of a restaking graph ([`RestakingGraph`]) for the
//! page address of the network-security chapter (URL parameter `g`, documented in
//! `docs/url-params.md`), and the domain the chapter's editor allows.
//!
//! Form: `services~validators`. Services are `π:α` items separated by `,`; validators are
//! `σ:edges` items, where `edges` lists the (1-based) numbers of the services the validator
//! restakes to, e.g. `24:0.5,18:0.5~32:1,32:12` is two services and two validators, the
//! second restaking to services 1 and 2. Only URL-safe characters are used (digits, `.`,
//! `:`, `,`, `~`), so links stay readable.
//!
//! Parsing is total: any text gives either a graph inside the editor's domain (with a flag
//! when something had to be clamped or dropped) or [`CodecError`]; it never panics
//! (property-tested below on arbitrary strings).

use crate::model::network::{
    RestakingGraph, Service, Validator, MAX_SERVICES, MAX_VALIDATORS, MIN_ALPHA,
};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Largest stake or profit the chapter's editor accepts (one million, in ETH).
pub const UI_MAX_AMOUNT: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
/// Decimals kept for stakes, profits and thresholds (0.01 ETH, 1 percentage point of α).
pub const UI_DP: u32 = 2;
/// Longest encoded graph accepted (12 validators and 6 services need far fewer).
pub const MAX_LEN: usize = 600;

/// Why a text could not be read as a graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Not of the form `services~validators` with numbers where numbers belong.
    Malformed,
}

/// Clamps a stake or profit into `0..=UI_MAX_AMOUNT`, rounded to [`UI_DP`] decimals.
pub fn clamp_amount(x: Decimal) -> Decimal {
    x.round_dp(UI_DP).clamp(Decimal::ZERO, UI_MAX_AMOUNT)
}

/// Clamps a corruption threshold into `MIN_ALPHA..=1`, rounded to [`UI_DP`] decimals.
pub fn clamp_alpha(x: Decimal) -> Decimal {
    x.round_dp(UI_DP).clamp(MIN_ALPHA, Decimal::ONE)
}

/// The graph restricted to the editor's domain: 1–6 services, 1–12 validators, amounts
/// and thresholds clamped and rounded, edges to missing services removed. An empty list
/// gets one default member (profit 1, α = 1/2; stake 1) so the editor always has a row.
pub fn clamp_graph(g: &RestakingGraph) -> RestakingGraph {
    let mut services: Vec<Service> = g
        .services
        .iter()
        .take(MAX_SERVICES)
        .map(|s| Service {
            profit: clamp_amount(s.profit),
            alpha: clamp_alpha(s.alpha),
        })
        .collect();
    if services.is_empty() {
        services.push(Service {
            profit: Decimal::ONE,
            alpha: Decimal::new(5, 1),
        });
    }
    let mask = ((1u16 << services.len()) - 1) as u8;
    let mut validators: Vec<Validator> = g
        .validators
        .iter()
        .take(MAX_VALIDATORS)
        .map(|v| Validator {
            stake: clamp_amount(v.stake),
            services: v.services & mask,
        })
        .collect();
    if validators.is_empty() {
        validators.push(Validator {
            stake: Decimal::ONE,
            services: 1,
        });
    }
    RestakingGraph {
        services,
        validators,
    }
}

/// Writes `g` (clamped first) in the compact form. `decode(&encode(g))` gives back
/// `clamp_graph(g)` exactly.
pub fn encode(g: &RestakingGraph) -> String {
    let g = clamp_graph(g);
    let services: Vec<String> = g
        .services
        .iter()
        .map(|s| format!("{}:{}", s.profit.normalize(), s.alpha.normalize()))
        .collect();
    let validators: Vec<String> = g
        .validators
        .iter()
        .map(|v| {
            let edges: String = (0..g.services.len())
                .filter(|&s| v.restakes_to(s))
                .map(|s| char::from(b'1' + s as u8))
                .collect();
            format!("{}:{}", v.stake.normalize(), edges)
        })
        .collect();
    format!("{}~{}", services.join(","), validators.join(","))
}

/// A plain non-negative decimal (`12`, `0.5`, `.5`); anything else (signs, exponents,
/// `NaN`, text) is refused.
fn plain(raw: &str) -> Result<Decimal, CodecError> {
    let ok = !raw.is_empty()
        && raw.len() <= 32
        && raw.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && raw.bytes().filter(|&b| b == b'.').count() <= 1
        && raw != ".";
    if !ok {
        return Err(CodecError::Malformed);
    }
    Decimal::from_str(raw).map_err(|_| CodecError::Malformed)
}

/// Reads the compact form. Returns the graph (inside the editor's domain) and whether
/// anything was clamped, rounded beyond [`UI_DP`] decimals or dropped (extra members, edges
/// to services that do not exist); or [`CodecError::Malformed`] when the text is not of the
/// form at all, in which case the caller falls back to a default graph.
pub fn decode(text: &str) -> Result<(RestakingGraph, bool), CodecError> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_LEN {
        return Err(CodecError::Malformed);
    }
    let (s_part, v_part) = text.split_once('~').ok_or(CodecError::Malformed)?;
    if v_part.contains('~') || s_part.is_empty() || v_part.is_empty() {
        return Err(CodecError::Malformed);
    }
    let mut clamped = false;
    let mut services = Vec::new();
    for item in s_part.split(',') {
        let (p, a) = item.split_once(':').ok_or(CodecError::Malformed)?;
        let (p, a) = (plain(p)?, plain(a)?);
        services.push(Service {
            profit: p,
            alpha: a,
        });
    }
    let mut validators = Vec::new();
    for item in v_part.split(',') {
        let (st, edges) = item.split_once(':').ok_or(CodecError::Malformed)?;
        let stake = plain(st)?;
        let mut mask = 0u8;
        for c in edges.bytes() {
            match c {
                b'1'..=b'8' => {
                    let bit = 1u8 << (c - b'1');
                    if mask & bit != 0 {
                        clamped = true;
                    }
                    mask |= bit;
                }
                b'0' if edges.len() == 1 => {}
                b'9' | b'0' => clamped = true,
                _ => return Err(CodecError::Malformed),
            }
        }
        validators.push(Validator {
            stake,
            services: mask,
        });
    }
    let raw = RestakingGraph {
        services,
        validators,
    };
    let g = clamp_graph(&raw);
    let ns = raw.services.len().min(MAX_SERVICES);
    let dropped_edges = raw
        .validators
        .iter()
        .take(MAX_VALIDATORS)
        .any(|v| v.services >> ns != 0);
    clamped |= raw.services.len() > MAX_SERVICES
        || raw.validators.len() > MAX_VALIDATORS
        || dropped_edges
        || raw.services.iter().zip(&g.services).any(|(a, b)| a != b)
        || raw
            .validators
            .iter()
            .zip(&g.validators)
            .any(|(a, b)| a.stake != b.stake);
    Ok((g, clamped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::Preset;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn it_round_trips_every_preset() {
        for p in Preset::ALL {
            let g = p.graph();
            assert_eq!(clamp_graph(&g), g, "{p:?} is inside the editor's domain");
            let text = encode(&g);
            assert_eq!(decode(&text), Ok((g, false)), "{p:?}: {text}");
        }
        assert_eq!(
            encode(&Preset::Theorem2.graph()),
            "100:1~5:1,95:1",
            "short and readable"
        );
        assert_eq!(encode(&Preset::Theorem3.graph()), "19.5:1~20:1,19:1,61:");
    }

    #[test]
    fn it_reads_hand_written_graphs() {
        let (g, c) = decode("10:0.5,3:1~4:1,6:12").unwrap();
        assert!(!c);
        assert_eq!(g.services[0].alpha, d("0.5"));
        assert_eq!(g.validators[1].services, 0b11);
        assert_eq!(g.validators[1].stake, d("6"));
        // ".5" and "0" (no edge) are accepted; order of edge digits does not matter.
        let (g, c) = decode("1:.5,2:1~2:0,3:21").unwrap();
        assert!(!c);
        assert_eq!(g.validators[0].services, 0);
        assert_eq!(g.validators[1].services, 0b11);
    }

    #[test]
    fn it_clamps_and_flags_out_of_range_values() {
        // α above 1, a stake above the cap, an edge to a missing service, a third decimal.
        let (g, c) = decode("5:7~2000000:13,1.234:1").unwrap();
        assert!(c);
        assert_eq!(g.services[0].alpha, Decimal::ONE);
        assert_eq!(g.validators[0].stake, UI_MAX_AMOUNT);
        assert_eq!(g.validators[0].services, 1);
        assert_eq!(g.validators[1].stake, d("1.23"));
        // α = 0 is raised to the smallest threshold.
        let (g, c) = decode("5:0~1:1").unwrap();
        assert!(c);
        assert_eq!(g.services[0].alpha, MIN_ALPHA);
        // Too many members are dropped.
        let many = format!("{}~{}", ["1:1"; 8].join(","), ["1:1"; 14].join(","));
        let (g, c) = decode(&many).unwrap();
        assert!(c);
        assert_eq!((g.services.len(), g.validators.len()), (6, 12));
    }

    #[test]
    fn it_refuses_malformed_text() {
        for bad in [
            "",
            "garbage",
            "1:1",
            "~",
            "1:1~",
            "~1:1",
            "1:1~1:1~1:1",
            "NaN:1~1:1",
            "1:1e3~1:1",
            "-1:1~1:1",
            "1:1~1:a",
            "1:1~1",
            "1;1~1:1",
            "1:1,~1:1",
            "1..2:1~1:1",
            "１:1~1:1",
        ] {
            assert_eq!(decode(bad), Err(CodecError::Malformed), "{bad:?}");
        }
        assert_eq!(decode(&"1".repeat(MAX_LEN + 1)), Err(CodecError::Malformed));
    }

    fn arb_graph() -> impl Strategy<Value = RestakingGraph> {
        (
            prop::collection::vec((0i64..=100_000_000, 1i64..=100), 1..=6),
            prop::collection::vec((0i64..=100_000_000, any::<u8>()), 1..=12),
        )
            .prop_map(|(s, v)| RestakingGraph {
                services: s
                    .into_iter()
                    .map(|(p, a)| Service {
                        profit: Decimal::new(p, 2),
                        alpha: Decimal::new(a, 2),
                    })
                    .collect(),
                validators: v
                    .into_iter()
                    .map(|(st, m)| Validator {
                        stake: Decimal::new(st, 2),
                        services: m,
                    })
                    .collect(),
            })
    }

    proptest! {
        #[test]
        fn any_text_decodes_without_panic_into_the_domain(text in ".{0,200}") {
            if let Ok((g, _)) = decode(&text) {
                prop_assert_eq!(clamp_graph(&g), g);
            }
        }

        #[test]
        fn url_like_text_decodes_without_panic(text in "[0-9.:,~]{0,80}") {
            if let Ok((g, _)) = decode(&text) {
                prop_assert!(!g.services.is_empty() && g.services.len() <= MAX_SERVICES);
                prop_assert!(!g.validators.is_empty() && g.validators.len() <= MAX_VALIDATORS);
            }
        }

        #[test]
        fn encoded_graphs_read_back(g in arb_graph()) {
            let c = clamp_graph(&g);
            let (back, _) = decode(&encode(&g)).unwrap();
            prop_assert_eq!(&back, &c);
            // Inside the domain nothing is flagged.
            prop_assert_eq!(decode(&encode(&c)), Ok((c, false)));
        }
    }
}
