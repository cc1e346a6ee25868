//! The model's heavy paths timed in headless Chromium (the same workloads as the
//! native `cargo bench`, from `benches/workloads.rs`). Run by `scripts/bench.sh` in
//! release mode; prints one `BENCH_JSON {...}` line that the benchmark parses. Not
//! part of the test command: timings are not assertions.
#![cfg(target_arch = "wasm32")]

#[path = "../benches/workloads.rs"]
mod workloads;

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
    #[wasm_bindgen(js_namespace = console, js_name = log)]
    fn console_log(s: &str);
}

#[wasm_bindgen_test]
fn heavy_paths() {
    let mut json = Vec::new();
    for w in workloads::WORKLOADS {
        (w.run)(); // warm-up
        let mut times: Vec<f64> = (0..w.reps)
            .map(|_| {
                let t = performance_now();
                (w.run)();
                performance_now() - t
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let med = times[times.len() / 2];
        json.push(format!("\"{}\": {med:.4}", w.name));
    }
    console_log(&format!("BENCH_JSON {{{}}}", json.join(", ")));
}
