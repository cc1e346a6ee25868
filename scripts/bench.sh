#!/usr/bin/env bash
# The benchmark (not a test: it measures, the tests enforce budgets). Installs what is
# missing (as the test command does, plus Lighthouse 12.2.3 in .tools/bench), builds
# the release site, times the model's heavy paths natively and in headless Chromium,
# then serves the site on 127.0.0.1 and measures it (scripts/bench.mjs): transfer
# sizes, first slider responsive, every slider's input-to-update latency, Lighthouse.
# Prints tables and writes bench/latest.json. Options are passed on to bench.mjs:
# --quick (fewer loads and sweep points), --no-lighthouse.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

if [ ! -x .tools/bench/node_modules/.bin/lighthouse ]; then
  echo "installing lighthouse 12.2.3 into .tools/bench" >&2
  mkdir -p .tools/bench
  npm install --prefix .tools/bench --no-audit --no-fund --no-save lighthouse@12.2.3 >&2
fi

mkdir -p target/bench
trunk build --release --dist dist-bench --public-url /
BENCH_JSON=target/bench/native.json cargo bench --bench model
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture \
  | tee target/bench/wasm.log
grep -o 'BENCH_JSON .*' target/bench/wasm.log | tail -n 1 | sed 's/^BENCH_JSON //' > target/bench/wasm.json
node scripts/bench.mjs dist-bench --wasm target/bench/wasm.json --native target/bench/native.json "$@"
