#!/usr/bin/env bash
# Installs whatever is missing (including Chromium), then runs every test:
# format and lint, native unit and property tests, browser tests of the widgets,
# the release build (at the root, under a sub-path, and a test build that can force a
# panic), the bundle budget, and the end-to-end tests against the release build. `.ci/run` calls exactly this.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

# Disk: CI builds from scratch, so incremental caches only cost space (several GB
# across the native, wasm32 and browser-test builds). A run once failed with
# "No space left on device" on a machine with little free disk; see also the dev
# profile in Cargo.toml. Local callers may override.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
df -h "$ROOT" | awk 'NR==2 {print "disk free before the build: " $4}'

step() {
  local name="$1"; shift
  printf '\n\033[1;35m== %s\033[0m\n' "$name"
  local t0=$SECONDS
  "$@"
  printf '\033[1;32m== %s: ok (%ss)\033[0m\n' "$name" "$((SECONDS - t0))"
}

step "rustfmt" cargo fmt --all -- --check
step "clippy (native)" cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser --features panic-probe -- -D warnings
step "clippy (wasm32, the light landing page)" cargo clippy --target wasm32-unknown-unknown --lib --bins --features landing -- -D warnings
step "native tests (model, parsing, formatting, charts)" cargo test
step "browser tests (widgets, wasm-bindgen-test in headless Chromium)" \
  env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test browser
step "release build (root)" trunk build --release --dist dist --public-url /
step "release build (sub-path /restaking/)" trunk build --release --dist dist-sub --public-url /restaking/
step "release build (test build with the panic probe)" trunk build --release --features panic-probe --dist dist-panic --public-url /
step "bundle budget" node tests/budget.mjs dist
step "end-to-end (release build in headless Chromium)" node --test --test-concurrency=1 tests/e2e/
du -sh "${CARGO_TARGET_DIR:-$ROOT/target}" 2>/dev/null | awk '{print "build directory after every test: " $1}'
