//! The registry of every primary source the explorer cites. Chapters cite by
//! [`SourceId`]; the sources page lists them all with the date each was checked.

use crate::i18n::Key;

/// Identifies one cited source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceId {
    /// Ethereum consensus specs, Altair/Bellatrix/Electra beacon chain (reward and penalty constants).
    ConsensusSpecs,
    /// EigenLayer ELIP-002: slashing via unique stake and operator sets.
    Elip002,
    /// EigenLayer documentation on rewards (operator split default).
    EigenRewards,
    /// Lido documentation: the protocol fee on staking rewards.
    LidoFee,
    /// EigenLayer whitepaper (restaking, pooled security).
    EigenWhitepaper,
}

/// One entry of the sources page.
#[derive(Clone, Copy, Debug)]
pub struct Source {
    /// Identifier used by citations.
    pub id: SourceId,
    /// Anchor on the sources page.
    pub anchor: &'static str,
    /// Title (translated).
    pub title: Key,
    /// What we take from it (translated).
    pub used_for: Key,
    /// Link to the primary source.
    pub url: &'static str,
    /// Date we last checked it (ISO 8601).
    pub checked: &'static str,
}

/// Every source, in the order of the sources page.
pub const SOURCES: &[Source] = &[
    Source {
        id: SourceId::ConsensusSpecs,
        anchor: "consensus-specs",
        title: Key::SrcConsensusSpecsTitle,
        used_for: Key::SrcConsensusSpecsUse,
        url: "https://github.com/ethereum/consensus-specs/blob/dev/specs/phase0/beacon-chain.md#rewards-and-penalties",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::Elip002,
        anchor: "elip-002",
        title: Key::SrcElip002Title,
        used_for: Key::SrcElip002Use,
        url: "https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-002.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::EigenRewards,
        anchor: "eigen-rewards",
        title: Key::SrcEigenRewardsTitle,
        used_for: Key::SrcEigenRewardsUse,
        url: "https://docs.eigenlayer.xyz/eigenlayer/concepts/rewards/rewards-split",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::LidoFee,
        anchor: "lido-fee",
        title: Key::SrcLidoFeeTitle,
        used_for: Key::SrcLidoFeeUse,
        url: "https://docs.lido.fi/contracts/staking-router",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::EigenWhitepaper,
        anchor: "eigen-whitepaper",
        title: Key::SrcEigenWhitepaperTitle,
        used_for: Key::SrcEigenWhitepaperUse,
        url: "https://docs.eigenlayer.xyz/assets/files/EigenLayer_WhitePaper-88c47923ca0319870c611decd6e562ad.pdf",
        checked: "2026-11-27",
    },
];

/// The registry entry for `id`. Every `SourceId` has exactly one entry (tested).
pub fn source(id: SourceId) -> &'static Source {
    SOURCES.iter().find(|s| s.id == id).unwrap_or(&SOURCES[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_source_id_resolves_once() {
        let all = [
            SourceId::ConsensusSpecs,
            SourceId::Elip002,
            SourceId::EigenRewards,
            SourceId::LidoFee,
            SourceId::EigenWhitepaper,
        ];
        for id in all {
            assert_eq!(SOURCES.iter().filter(|s| s.id == id).count(), 1, "{id:?}");
            assert_eq!(source(id).id, id);
        }
        let anchors: HashSet<_> = SOURCES.iter().map(|s| s.anchor).collect();
        assert_eq!(anchors.len(), SOURCES.len());
        assert!(SOURCES.iter().all(|s| s.url.starts_with("https://")));
    }
}
