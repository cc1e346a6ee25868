#!/usr/bin/env bash
# Installs whatever is missing to build (and, with --browser, to test) the explorer,
# then exports the environment Trunk needs. Idempotent and quick when all is present.
# Source it (`. scripts/setup.sh [--browser]`) so the exports reach the caller.
#
# What it ensures:
#   - the wasm32-unknown-unknown target, clippy and rustfmt;
#   - Trunk 0.21.14 (newer Trunk needs a newer rustc than these machines have);
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock;
#   - npm dev dependencies: binaryen 132 (its wasm-opt; Debian's 108 breaks the module)
#     and playwright-core;
#   - with --browser: Debian's chromium and chromium-driver.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WANT_BROWSER=0
for arg in "$@"; do [ "$arg" = "--browser" ] && WANT_BROWSER=1; done
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# Rust target and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi
for comp in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    log "adding $comp"
    rustup component add "$comp" >&2
  fi
done

# Trunk.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (takes a few minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION" >&2
fi

# wasm-bindgen-cli at the Cargo.lock version.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
if [ -z "$WB_VERSION" ]; then
  (cd "$ROOT" && cargo generate-lockfile >&2)
  WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (matches Cargo.lock)"
  # Not --locked: with it, dependency resolution fails for this crate.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" >&2
fi

# npm tools (binaryen's wasm-opt, playwright-core).
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  log "installing npm dev dependencies"
  (cd "$ROOT" && npm ci --no-audit --no-fund >&2)
fi

# Browser for tests.
# (fonts-noto-cjk so screenshots and layout tests render Chinese, not empty boxes.)
if [ "$WANT_BROWSER" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
     || [ ! -d /usr/share/fonts/opentype/noto ]; }; then
  log "installing Debian chromium, chromium-driver and fonts-noto-cjk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-cjk >&2
fi

# Tell Trunk which tool versions are on PATH (it runs offline and never downloads).
export TRUNK_TOOLS_WASM_BINDGEN="$WB_VERSION"
export TRUNK_TOOLS_WASM_OPT="version_$(wasm-opt --version | awk '{print $3}')"
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROMIUM=/usr/bin/chromium
log "ready: $(trunk --version), wasm-bindgen $WB_VERSION, wasm-opt $TRUNK_TOOLS_WASM_OPT"
