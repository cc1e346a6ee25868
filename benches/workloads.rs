//! The model's heavy paths, defined once for both benchmarks: natively
//! (`benches/model.rs`, `cargo bench`) and in the browser
//! (`tests/browser_bench.rs`, wasm-bindgen-test in headless Chromium), so the
//! benchmark can report the wasm/native ratio of exactly the same work.

use restaking_explorer::model::exposure::{exposure, ExposureInputs, ServiceRisk};
use restaking_explorer::model::network::{
    claim1, verdict, worst_case_curve, RestakingGraph, Service, Validator, MAX_SERVICES,
    MAX_VALIDATORS,
};
use restaking_explorer::model::portfolio::{simulate, PortfolioInputs};
use rust_decimal::Decimal;
use std::hint::black_box;

/// A named workload and the number of timed repetitions.
pub struct Workload {
    /// Name printed in the tables (stable: the benchmark's JSON is keyed by it).
    pub name: &'static str,
    /// Timed runs (after one warm-up).
    pub reps: usize,
    /// The work.
    pub run: fn(),
}

/// The largest network the lab accepts: every validator restakes to every service.
pub fn largest_graph() -> RestakingGraph {
    RestakingGraph {
        services: (0..MAX_SERVICES)
            .map(|s| Service {
                profit: Decimal::from(20 + 7 * s as i64),
                alpha: Decimal::new(50, 2),
            })
            .collect(),
        validators: (0..MAX_VALIDATORS)
            .map(|v| Validator {
                stake: Decimal::from(5 + 3 * v as i64),
                services: (1u8 << MAX_SERVICES) - 1,
            })
            .collect(),
    }
}

fn loss_distribution(services: usize) {
    let inputs = ExposureInputs {
        services: (0..services)
            .map(|i| ServiceRisk {
                annual_probability: Decimal::new(1 + (i as i64 % 5), 2),
                slash_fraction: Decimal::new(10 + 5 * (i as i64 % 4), 2),
                allocation: Decimal::new(10, 2),
            })
            .collect(),
        ..ExposureInputs::default()
    };
    black_box(exposure(black_box(&inputs)).ok());
}

/// Every heavy path, in table order.
pub const WORKLOADS: &[Workload] = &[
    Workload {
        name: "portfolio Monte Carlo: 10,000 paths x 36 months",
        reps: 21,
        run: || {
            let inputs = PortfolioInputs {
                paths: 10_000,
                years: 3,
                ..PortfolioInputs::default()
            };
            black_box(simulate(black_box(&inputs)).ok());
        },
    },
    Workload {
        name: "loss distribution: 10 services, exact",
        reps: 21,
        run: || loss_distribution(10),
    },
    Workload {
        name: "loss distribution: 32 services, Monte Carlo",
        reps: 11,
        run: || loss_distribution(32),
    },
    Workload {
        name: "network: verdict + Claim 1, 6 x 12 all edges",
        reps: 41,
        run: || {
            let g = largest_graph();
            black_box(verdict(black_box(&g)).ok());
            black_box(claim1(black_box(&g)).ok());
        },
    },
    Workload {
        name: "network: worst-case curve, 21 points, 6 x 12",
        reps: 11,
        run: || {
            let g = largest_graph();
            let psis: Vec<f64> = (0..=20).map(|i| f64::from(i) * 0.05).collect();
            black_box(worst_case_curve(black_box(&g), &psis).ok());
        },
    },
];
