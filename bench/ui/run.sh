#!/usr/bin/env bash
# UI benchmark of the built page (dist/borderlines.html) loaded with the bench
# corpus through its own "+ Add documents" input.
# Usage: bash bench/ui/run.sh [page.html] [max-docs]
#   page.html defaults to dist/borderlines.html of this repo (or $PAGE);
#   max-docs defaults to all 14,491 documents (or $DOCS).
# Makes the corpus if missing (bench/corpus.sh, shared with bench/run.sh);
# everything generated goes to $BENCH_CACHE (default ~/.cache/borderlines/bench).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench="$(dirname "$here")"
repo="$(dirname "$bench")"
cache="${BENCH_CACHE:-$HOME/.cache/borderlines/bench}"
bash "$bench/corpus.sh" "$cache"

# playwright-core comes from the repo's node_modules (as in tests/e2e).
node "$here/run.mjs" "${PAGE:-${1:-$repo/dist/borderlines.html}}" "${DOCS:-${2:-all}}" "$cache"
