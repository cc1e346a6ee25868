//! Timing of the model's heavy paths (`cargo bench --bench model`; `harness = false`, plain
//! `main` with `std::time::Instant`, no criterion). Prints the median (and min/max) of
//! several runs. The shared workloads (`workloads.rs`) are also timed in the browser by
//! `tests/browser_bench.rs`; with `BENCH_JSON=<file>` their medians are written as JSON
//! for `scripts/bench.mjs`, which prints the wasm/native ratio.
//!
//! Budget: the portfolio Monte Carlo at 10,000 paths × 36 monthly steps (3 tiers) must
//! stay well under 10 ms natively so that it is interactive in wasm.

mod workloads;

use std::hint::black_box;
use std::time::{Duration, Instant};

use restaking_explorer::model::concentration::{report, zipf_stakes, ZipfInputs, MAX_ZIPF_HOLDERS};
use restaking_explorer::model::exit::{sell_vs_redeem, timeline, ExitInputs, SellVsRedeemInputs};
use restaking_explorer::model::layers::{evaluate, StackInputs};
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
    let mut json = Vec::new();
    let mut mc = 0.0;
    for w in workloads::WORKLOADS {
        let ms = median_ms(w.name, w.reps, w.run);
        if w.name.starts_with("portfolio") {
            mc = ms;
        }
        json.push(format!("  \"{}\": {ms:.4}", w.name));
    }
    if let Ok(path) = std::env::var("BENCH_JSON") {
        let body = format!("{{\n{}\n}}\n", json.join(",\n"));
        if let Err(e) = std::fs::write(&path, body) {
            eprintln!("cannot write {path}: {e}");
        }
    }

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
