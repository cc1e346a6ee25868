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
    /// EigenLayer docs: unique stake (slashing localised to one operator set, no common veto committee).
    EigenUniqueStake,
    /// EigenLayer docs: safety delays (withdrawal delay, slash resolution delay).
    EigenSafetyDelays,
    /// Symbiotic core specification: vaults (epochs, withdrawals, veto slashing).
    SymbioticVault,
    /// Symbiotic core specification: resolvers that can veto slashing.
    SymbioticResolver,
    /// Karak restaking core contracts (v2) as submitted for audit, July 2024.
    KarakCore,
    /// Lido docs: the withdrawal request–finalisation–claim queue (accounting oracle).
    LidoWithdrawals,
    /// Renzo docs: ezETH withdrawals (buffer, cooldown, full path through EigenLayer).
    RenzoWithdrawals,
    /// EigenLayer docs, key terms: delegation gives the operator no access to the tokens.
    EigenKeyTerms,
    /// EigenLayer contracts docs: EigenPod (native restaking via withdrawal credentials).
    EigenPod,
    /// EigenLayer ELIP-006: redistributable slashing.
    Elip006,
    /// Durvasula & Roughgarden, "Robust Restaking Networks" (ITCS 2025, arXiv:2407.21785).
    DurvasulaRoughgarden,
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
    Source {
        id: SourceId::EigenUniqueStake,
        anchor: "eigen-unique-stake",
        title: Key::UsesSrcEigenUniqueStakeTitle,
        used_for: Key::UsesSrcEigenUniqueStakeUse,
        url: "https://github.com/Layr-Labs/eigenlayer-docs/blob/main/docs/eigenlayer/concepts/slashing/unique-stake.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::EigenSafetyDelays,
        anchor: "eigen-safety-delays",
        title: Key::UsesSrcEigenSafetyDelaysTitle,
        used_for: Key::UsesSrcEigenSafetyDelaysUse,
        url: "https://github.com/Layr-Labs/eigencloud-docs/blob/main/docs/eigenlayer/reference/safety-delays-reference.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::SymbioticVault,
        anchor: "symbiotic-vault",
        title: Key::UsesSrcSymbioticVaultTitle,
        used_for: Key::UsesSrcSymbioticVaultUse,
        url: "https://github.com/symbioticfi/core/blob/main/specs/Vault.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::SymbioticResolver,
        anchor: "symbiotic-resolver",
        title: Key::UsesSrcSymbioticResolverTitle,
        used_for: Key::UsesSrcSymbioticResolverUse,
        url: "https://github.com/symbioticfi/core/blob/main/specs/Resolver.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::KarakCore,
        anchor: "karak-core",
        title: Key::UsesSrcKarakCoreTitle,
        used_for: Key::UsesSrcKarakCoreUse,
        url: "https://github.com/code-423n4/2024-07-karak/blob/main/src/interfaces/Constants.sol",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::LidoWithdrawals,
        anchor: "lido-withdrawals",
        title: Key::LstSrcLidoWithdrawalsTitle,
        used_for: Key::LstSrcLidoWithdrawalsUse,
        url: "https://docs.lido.fi/guides/oracle-spec/accounting-oracle/",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::RenzoWithdrawals,
        anchor: "renzo-withdrawals",
        title: Key::LstSrcRenzoWithdrawalsTitle,
        used_for: Key::LstSrcRenzoWithdrawalsUse,
        url: "https://docs.renzoprotocol.com/docs/product/withdrawals",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::EigenKeyTerms,
        anchor: "eigen-key-terms",
        title: Key::MechSrcKeyTermsTitle,
        used_for: Key::MechSrcKeyTermsUse,
        url: "https://github.com/Layr-Labs/eigenlayer-docs/blob/main/docs/eigenlayer/overview/key-terms.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::EigenPod,
        anchor: "eigen-pod",
        title: Key::MechSrcEigenPodTitle,
        used_for: Key::MechSrcEigenPodUse,
        url: "https://github.com/Layr-Labs/eigenlayer-contracts/blob/main/docs/core/EigenPod.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::Elip006,
        anchor: "elip-006",
        title: Key::MechSrcElip006Title,
        used_for: Key::MechSrcElip006Use,
        url: "https://github.com/eigenfoundation/ELIPs/blob/main/ELIPs/ELIP-006.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::DurvasulaRoughgarden,
        anchor: "durvasula-roughgarden",
        title: Key::NetSrcPaperTitle,
        used_for: Key::NetSrcPaperUse,
        url: "https://arxiv.org/abs/2407.21785",
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
            SourceId::EigenUniqueStake,
            SourceId::EigenSafetyDelays,
            SourceId::SymbioticVault,
            SourceId::SymbioticResolver,
            SourceId::KarakCore,
            SourceId::LidoWithdrawals,
            SourceId::RenzoWithdrawals,
            SourceId::EigenKeyTerms,
            SourceId::EigenPod,
            SourceId::Elip006,
            SourceId::DurvasulaRoughgarden,
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
