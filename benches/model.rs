//! Timing of the model's heavy paths (`cargo bench --bench model`; `harness = false`, plain
//! `main` with `std::time::Instant`, no criterion). Prints the median (and min/max) of
//! several runs.
//!
//! Budget: the portfolio Monte Carlo at 10,000 paths × 36 monthly steps (3 tiers) must
//! stay well under 10 ms natively so that it is interactive in wasm.

use std::hint::black_box;
use std::time::{Duration, Instant};

use restaking_explorer::model::concentration::{report, zipf_stakes, ZipfInputs, MAX_ZIPF_HOLDERS};
use restaking_explorer::model::exit::{sell_vs_redeem, timeline, ExitInputs, SellVsRedeemInputs};
use restaking_explorer::model::layers::{evaluate, StackInputs};
use restaking_explorer::model::portfolio::{simulate, PortfolioInputs};
use rust_decimal::Decimal;

/// Runs `f` `reps` times after a warm-up, prints the wall-clock median, min and max, and
/// returns the median in ms. On a busy shared machine the min is the closest to the
/// uncontended cost.
fn median_ms<F: FnMut()>(name: &str, reps: usize, mut f: F) -> f64 {
    f(); // warm-up
    let mut wall: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    wall.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let med = ms(wall[reps / 2]);
    println!(
        "{name:<48} median {med:>8.3} ms   min {:>8.3} ms   max {:>8.3} ms   ({reps} runs)",
        ms(wall[0]),
        ms(wall[reps - 1]),
    );
    med
}

fn main() {
    let inputs = PortfolioInputs {
        paths: 10_000,
        years: 3,
        ..PortfolioInputs::default()
    };
    let mc = median_ms("portfolio::simulate 10,000 paths x 36 months", 41, || {
        black_box(simulate(black_box(&inputs)).ok());
    });

    let zipf = ZipfInputs {
        holders: MAX_ZIPF_HOLDERS,
        exponent: Decimal::new(27, 1),
    };
    median_ms("concentration::zipf_stakes(1000, 2.7) + report", 11, || {
        let s = zipf_stakes(black_box(zipf)).ok();
        black_box(s.as_ref().map(report));
    });

    median_ms("exit::timeline + sell_vs_redeem", 101, || {
        black_box(timeline(black_box(&ExitInputs::default())));
        black_box(sell_vs_redeem(black_box(&SellVsRedeemInputs::default())).ok());
    });

    median_ms("layers::evaluate (default stack)", 101, || {
        black_box(evaluate(black_box(&StackInputs::default())));
    });

    if mc >= 10.0 {
        println!(
            "WARNING: the portfolio Monte Carlo exceeded its 10 ms budget ({mc:.3} ms median)"
        );
    }
}
