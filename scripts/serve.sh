#!/usr/bin/env bash
# Installs whatever is missing, then serves the explorer on http://127.0.0.1:8080
# with live reload. Extra arguments go to `trunk serve` (e.g. --port 9000).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve "$@"
