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
    /// Nansen research: on-chain forensics of the stETH discount (June 2022).
    NansenSteth,
    /// Lido V2 voting announcement (withdrawals enabled, May 2023).
    LidoV2,
    /// Bankless, "Renzo Madness": the ezETH crash of 24 April 2024.
    BanklessRenzo,
    /// Renzo docs: withdrawals launch ("solving the cold start problem", June 2024).
    RenzoColdStart,
    /// US Department of Justice: the Herfindahl–Hirschman Index and its thresholds.
    DojHhi,
    /// Srinivasan & Lee, "Quantifying Decentralization" (2017): the Nakamoto coefficient.
    NakamotoCoefficient,
    /// ethereum.org: proof-of-stake attack and defense (the 1/3, 1/2, 2/3 thresholds).
    EthPosAttack,
    /// SEC Division of Corporation Finance: statement on certain protocol staking activities (29 May 2025).
    SecProtocolStaking,
    /// SEC Division of Corporation Finance: statement on certain liquid staking activities (5 Aug 2025).
    SecLiquidStaking,
    /// Regulation (EU) 2023/1114 on markets in crypto-assets (MiCA).
    Mica,
    /// US IRS Revenue Ruling 2023-14: staking rewards and gross income.
    IrsRevRul202314,
    /// HMRC Cryptoassets Manual, CRYPTO61000: DeFi lending and staking.
    HmrcDefi,
    /// EigenLayer contracts docs: the dual slashing edge case (beacon chain burns first; 32 → 8 → 4 ETH).
    EigenDualSlashing,
    /// ERC-4626 tokenized vault standard (a share's value is the vault's assets over its supply).
    Erc4626,
    /// Lido's stETH staking APR (7-day moving average) dashboard.
    LidoStakingApr,
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
    Source {
        id: SourceId::LidoStakingApr,
        anchor: "lido-staking-apr",
        title: Key::StratSrcLidoAprTitle,
        used_for: Key::StratSrcLidoAprUse,
        url: "https://flipsidecrypto.xyz/lidofinance/q/vgoNfUNmqrMa/lido-staking-user-apr-7-days-ma-MvM2e2",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::NansenSteth,
        anchor: "nansen-steth",
        title: Key::RliqSrcNansenTitle,
        used_for: Key::RliqSrcNansenUse,
        url: "https://www.nansen.ai/research/on-chain-forensics-demystifying-steth-depeg",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::LidoV2,
        anchor: "lido-v2",
        title: Key::RliqSrcLidoV2Title,
        used_for: Key::RliqSrcLidoV2Use,
        url: "https://research.lido.fi/t/lido-v2-voting-announcement/4576",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::BanklessRenzo,
        anchor: "bankless-renzo",
        title: Key::RliqSrcBanklessTitle,
        used_for: Key::RliqSrcBanklessUse,
        url: "https://www.bankless.com/renzo-madness",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::RenzoColdStart,
        anchor: "renzo-cold-start",
        title: Key::RliqSrcRenzoColdStartTitle,
        used_for: Key::RliqSrcRenzoColdStartUse,
        url: "https://docs.renzoprotocol.com/docs/product/withdrawals/solving-the-cold-start-problem",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::DojHhi,
        anchor: "doj-hhi",
        title: Key::RgovSrcDojTitle,
        used_for: Key::RgovSrcDojUse,
        url: "https://www.justice.gov/atr/herfindahl-hirschman-index",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::NakamotoCoefficient,
        anchor: "nakamoto-coefficient",
        title: Key::RgovSrcNakamotoTitle,
        used_for: Key::RgovSrcNakamotoUse,
        url: "https://news.earn.com/quantifying-decentralization-e39db233c28e",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::EthPosAttack,
        anchor: "ethereum-pos-attack",
        title: Key::RgovSrcEthPosTitle,
        used_for: Key::RgovSrcEthPosUse,
        url: "https://ethereum.org/en/developers/docs/consensus-mechanisms/pos/attack-and-defense/",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::SecProtocolStaking,
        anchor: "sec-protocol-staking",
        title: Key::RegSrcSecProtocolTitle,
        used_for: Key::RegSrcSecProtocolUse,
        url: "https://www.sec.gov/newsroom/speeches-statements/statement-certain-protocol-staking-activities-052925",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::SecLiquidStaking,
        anchor: "sec-liquid-staking",
        title: Key::RegSrcSecLiquidTitle,
        used_for: Key::RegSrcSecLiquidUse,
        url: "https://www.sec.gov/newsroom/speeches-statements/corpfin-certain-liquid-staking-activities-080525",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::Mica,
        anchor: "mica",
        title: Key::RegSrcMicaTitle,
        used_for: Key::RegSrcMicaUse,
        url: "https://eur-lex.europa.eu/eli/reg/2023/1114/oj",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::IrsRevRul202314,
        anchor: "irs-rev-rul-2023-14",
        title: Key::RegSrcIrsTitle,
        used_for: Key::RegSrcIrsUse,
        url: "https://www.irs.gov/pub/irs-drop/rr-23-14.pdf",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::HmrcDefi,
        anchor: "hmrc-defi",
        title: Key::RegSrcHmrcTitle,
        used_for: Key::RegSrcHmrcUse,
        url: "https://www.gov.uk/hmrc-internal-manuals/cryptoassets-manual/crypto61000",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::EigenDualSlashing,
        anchor: "eigen-dual-slashing",
        title: Key::RslashSrcDualTitle,
        used_for: Key::RslashSrcDualUse,
        url: "https://github.com/Layr-Labs/eigenlayer-contracts/blob/main/docs/core/accounting/DualSlashingEdgeCase.md",
        checked: "2026-11-27",
    },
    Source {
        id: SourceId::Erc4626,
        anchor: "erc-4626",
        title: Key::RslashSrcErc4626Title,
        used_for: Key::RslashSrcErc4626Use,
        url: "https://eips.ethereum.org/EIPS/eip-4626",
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
            SourceId::LidoStakingApr,
            SourceId::NansenSteth,
            SourceId::LidoV2,
            SourceId::BanklessRenzo,
            SourceId::RenzoColdStart,
            SourceId::DojHhi,
            SourceId::NakamotoCoefficient,
            SourceId::EthPosAttack,
            SourceId::SecProtocolStaking,
            SourceId::SecLiquidStaking,
            SourceId::Mica,
            SourceId::IrsRevRul202314,
            SourceId::HmrcDefi,
            SourceId::EigenDualSlashing,
            SourceId::Erc4626,
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
