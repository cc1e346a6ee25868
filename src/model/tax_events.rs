//! Counting the reward and token events a stacked position produces in a year: the
//! bookkeeping behind "stacked yield makes tax records complicated" (seed section 7).
//!
//! This is arithmetic, not tax law. It counts *events a record-keeper has to look at*;
//! whether any of them is taxable, and how, depends on the jurisdiction. Two official
//! examples of why they matter: the US IRS treats staking rewards as income when the
//! taxpayer gains dominion and control over them (Rev. Rul. 2023-14), so each credit may
//! need a value on its date; HMRC's Cryptoassets Manual (CRYPTO61000, DeFi lending and
//! staking) says whether a deposit is a disposal depends on the facts, so each move into
//! or out of a protocol may need one too.
//!
//! For each layer `i` that is switched on, with `s_i` separate reward streams (one per
//! AVS for the restaking layer, otherwise 1), `f_i` reward credits a year per stream,
//! claim frequency `c` (claims a year, only for layers whose rewards must be claimed:
//! `k_i = 1` for restaking and DeFi, 0 for layers whose rewards accrue automatically),
//! and `t` round trips (one entry and one exit) a year into layers that mint or take a
//! token (`m_i = 1` for LST, restaking, LRT and DeFi; 0 for native staking):
//!
//! ```text
//! reward events  R_i = s_i × f_i
//! token events   T_i = s_i × c × k_i + 2 × t × m_i
//! total          E   = Σ_i (R_i + T_i)
//! ```
//!
//! Every frequency is an input; the chapter labels its defaults as illustrative
//! assumptions, except the LST's daily rebase (Lido's accounting oracle reports once a
//! day).

/// The layers a position can stack, bottom to top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaxLayer {
    /// Native staking: consensus rewards swept to the withdrawal address.
    Native,
    /// A liquid staking token: rewards accrue as a rebase or exchange rate.
    Lst,
    /// Restaking with several AVSs, each paying its own reward stream, claimed.
    Restaking,
    /// A liquid restaking token: rewards accrue in its exchange rate.
    Lrt,
    /// Using the token in DeFi (a pool or a lending market) with claimable incentives.
    Defi,
}

impl TaxLayer {
    /// All layers, bottom to top.
    pub const ALL: [TaxLayer; 5] = [
        TaxLayer::Native,
        TaxLayer::Lst,
        TaxLayer::Restaking,
        TaxLayer::Lrt,
        TaxLayer::Defi,
    ];

    /// Whether this layer's rewards have to be claimed (`k_i`).
    pub fn claimed(self) -> bool {
        matches!(self, TaxLayer::Restaking | TaxLayer::Defi)
    }

    /// Whether entering or leaving this layer mints, burns, deposits or withdraws a token (`m_i`).
    pub fn moves_tokens(self) -> bool {
        !matches!(self, TaxLayer::Native)
    }
}

/// One layer's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerSettings {
    /// Whether the position uses this layer.
    pub on: bool,
    /// Reward credits a year for one reward stream (`f_i`).
    pub rewards_per_year: u32,
}

/// The whole position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaxInputs {
    /// Settings per layer, in [`TaxLayer::ALL`] order.
    pub layers: [LayerSettings; 5],
    /// Number of AVSs the restaked stake backs (reward streams of the restaking layer).
    pub avs_count: u32,
    /// Claims a year for layers whose rewards must be claimed (`c`).
    pub claims_per_year: u32,
    /// Round trips (one entry plus one exit) a year (`t`).
    pub round_trips: u32,
}

/// The count for one layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerCount {
    /// Which layer.
    pub layer: TaxLayer,
    /// Whether it is switched on (counts are 0 when not).
    pub on: bool,
    /// Reward streams `s_i`.
    pub streams: u32,
    /// Reward events `R_i`.
    pub reward_events: u64,
    /// Claims among the token events (`s_i × c × k_i`).
    pub claims: u64,
    /// Entries and exits among the token events (`2 × t × m_i`).
    pub moves: u64,
}

impl LayerCount {
    /// Token events `T_i` = claims + entries and exits.
    pub fn token_events(&self) -> u64 {
        self.claims + self.moves
    }

    /// `R_i + T_i`.
    pub fn total(&self) -> u64 {
        self.reward_events + self.token_events()
    }
}

/// The counts for every layer and the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxReport {
    /// One entry per layer, in [`TaxLayer::ALL`] order (switched-off layers count 0).
    pub layers: Vec<LayerCount>,
    /// Σ reward events.
    pub reward_events: u64,
    /// Σ token events.
    pub token_events: u64,
    /// Σ all events.
    pub total: u64,
}

/// Counts the events a year (see the module docs for the formula). Never fails: counts
/// are `u64` and inputs are `u32`, so no product can overflow.
pub fn count(inp: &TaxInputs) -> TaxReport {
    let layers: Vec<LayerCount> = TaxLayer::ALL
        .iter()
        .zip(inp.layers.iter())
        .map(|(&layer, s)| {
            let streams = if layer == TaxLayer::Restaking {
                inp.avs_count
            } else {
                1
            };
            let on = s.on;
            let m = |x: u64| if on { x } else { 0 };
            LayerCount {
                layer,
                on,
                streams: if on { streams } else { 0 },
                reward_events: m(u64::from(streams) * u64::from(s.rewards_per_year)),
                claims: m(if layer.claimed() {
                    u64::from(streams) * u64::from(inp.claims_per_year)
                } else {
                    0
                }),
                moves: m(if layer.moves_tokens() {
                    2 * u64::from(inp.round_trips)
                } else {
                    0
                }),
            }
        })
        .collect();
    let reward_events = layers.iter().map(|l| l.reward_events).sum();
    let token_events = layers.iter().map(|l| l.token_events()).sum();
    TaxReport {
        reward_events,
        token_events,
        total: reward_events + token_events,
        layers,
    }
}

/// Frequencies a learner picks from, as events a year: yearly, quarterly, monthly,
/// weekly, daily (index 0–4).
pub const FREQUENCIES: [u32; 5] = [1, 4, 12, 52, 365];

/// The events a year for frequency index `i` (clamped to the table).
pub fn frequency(i: usize) -> u32 {
    FREQUENCIES[i.min(FREQUENCIES.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(f: u32) -> LayerSettings {
        LayerSettings {
            on: true,
            rewards_per_year: f,
        }
    }
    fn off() -> LayerSettings {
        LayerSettings {
            on: false,
            rewards_per_year: 365,
        }
    }

    #[test]
    fn golden_full_stack() {
        // LST daily (365), restaking with 3 AVSs weekly (3 × 52 = 156) claimed monthly
        // (3 × 12 = 36), LRT daily (365), DeFi weekly (52) claimed monthly (12), one round trip.
        let r = count(&TaxInputs {
            layers: [off(), on(365), on(52), on(365), on(52)],
            avs_count: 3,
            claims_per_year: 12,
            round_trips: 1,
        });
        let totals: Vec<u64> = r.layers.iter().map(|l| l.total()).collect();
        assert_eq!(totals, vec![0, 367, 194, 367, 66]);
        assert_eq!(r.reward_events, 365 + 156 + 365 + 52);
        assert_eq!(r.token_events, 2 + 38 + 2 + 14);
        assert_eq!(r.total, 994);
        assert_eq!(r.layers[2].claims, 36);
        assert_eq!(r.layers[2].moves, 2);
        assert_eq!(r.layers[2].streams, 3);
    }

    #[test]
    fn golden_native_only() {
        let r = count(&TaxInputs {
            layers: [on(52), off(), off(), off(), off()],
            avs_count: 5,
            claims_per_year: 365,
            round_trips: 4,
        });
        // Native staking: rewards only, no claims, no token moves.
        assert_eq!(r.total, 52);
        assert_eq!(r.token_events, 0);
    }

    #[test]
    fn frequency_table_clamps() {
        assert_eq!(frequency(0), 1);
        assert_eq!(frequency(4), 365);
        assert_eq!(frequency(99), 365);
    }

    proptest::proptest! {
        #[test]
        fn more_avs_never_fewer_events(mask in 0u8..32, f in 0usize..5, n in 0u32..50, c in 0usize..5, t in 0u32..12) {
            let layers = core::array::from_fn(|i| LayerSettings { on: mask & (1 << i) != 0, rewards_per_year: frequency(f) });
            let a = count(&TaxInputs { layers, avs_count: n, claims_per_year: frequency(c), round_trips: t });
            let b = count(&TaxInputs { layers, avs_count: n + 1, claims_per_year: frequency(c), round_trips: t });
            proptest::prop_assert!(b.total >= a.total);
            proptest::prop_assert_eq!(a.total, a.layers.iter().map(|l| l.total()).sum::<u64>());
            proptest::prop_assert_eq!(a.total, a.reward_events + a.token_events);
            // Switching a layer off removes exactly its own count.
            for i in 0..5 {
                let mut l2 = layers;
                l2[i].on = false;
                let c2 = count(&TaxInputs { layers: l2, avs_count: n, claims_per_year: frequency(c), round_trips: t });
                proptest::prop_assert_eq!(c2.total, a.total - a.layers[i].total());
            }
        }
    }
}
