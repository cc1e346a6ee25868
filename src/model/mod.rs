//! The pure restaking maths. No Leptos, no web-sys: plain types, `impl` blocks and
//! `rust_decimal`, tested natively with `cargo test` and `proptest`. Everything
//! else in the crate depends on this module; it depends on nothing of ours.
//!
//! Amounts and rates a learner sees are `Decimal`; `f64` appears only inside
//! simulations and searches, and each place says so.
//!
//! - [`yields`]: consensus APR from the spec's base reward, the fee waterfall, APR/APY.
//! - [`ledger`]: EigenLayer's unique-stake magnitude ledger (ELIP-002).
//! - [`exposure`]: slashing exposure across services, pooled vs unique stake; dual slashing.
//! - [`isolation`]: tiered weights, a multisig guard and an insurance pool around one slash.
//! - [`consensus`]: Ethereum slashing and inactivity penalties (Electra and earlier).
//! - [`exit`]: exit churn, withdrawal delays and queues; selling at a discount vs redeeming.
//! - [`layers`]: layered smart-contract risk.
//! - [`lrt_pool`]: one operator's slash spread over every holder of a liquid restaking token.
//! - [`portfolio`]: tiered portfolios, closed form and seeded Monte Carlo bands.
//! - [`concentration`]: HHI, Nakamoto coefficients and Zipf stake distributions.
//! - [`network`]: restaking-network security and cascades (Durvasula & Roughgarden).
//! - [`security`]: cost of corruption vs profit from corruption for a service.

pub mod concentration;
pub mod consensus;
pub mod exit;
pub mod exposure;
pub mod isolation;
pub mod layers;
pub mod ledger;
pub mod lrt_pool;
pub mod network;
pub mod network_codec;
pub mod num;
pub mod portfolio;
pub mod readiness;
pub mod rng;
pub mod security;
pub mod tax_events;
pub mod yields;
