#!/usr/bin/env bash
# Browser benchmark of borderlines-search against MiniSearch, FlexSearch and
# Lunr. Usage: bash bench/run.sh   (writes bench/RESULTS.md)
# Everything downloaded or generated goes to the cache dir, never the repo:
#   $BENCH_CACHE (default ~/.cache/borderlines/bench).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${BENCH_CACHE:-$HOME/.cache/borderlines/bench}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/borderlines/target-search}"
mkdir -p "$cache/node" "$cache/pypi" "$cache/www/lib" "$cache/www/data"

# 1–3. npm packages, gensim's test data and the corpus (shared with bench/ui).
bash "$here/corpus.sh" "$cache"
nm="$cache/node/node_modules"
[ -f "$cache/queries.json" ] || node "$here/make-queries.mjs" "$cache/corpus.json" "$cache/queries.json"

# 4. Our engine as wasm.
cargo build --release --target wasm32-unknown-unknown --manifest-path "$here/engine/Cargo.toml"
wasm-bindgen --target web --no-typescript --out-dir "$cache/www/pkg" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/borderlines_search_bench.wasm"

# 5. The page, the other engines and the data.
cp "$here/page/index.html" "$here/page/bench.js" "$cache/www/"
cp -r "$nm/minisearch/dist/es" "$cache/www/lib/minisearch"
cp "$nm/flexsearch/dist/flexsearch.bundle.module.min.mjs" "$nm/lunr/lunr.js" "$cache/www/lib/"
cp "$cache/corpus.json" "$cache/queries.json" "$cache/www/data/"

# 6. Run it in headless Chromium.
node "$here/run.mjs" "$cache/www" "$nm" "$here/RESULTS.md"
