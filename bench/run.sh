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

# 1. npm packages: the engines, the driver and the corpus texts.
if ! cmp -s "$here/package.json" "$cache/node/package.json"; then
  cp "$here/package.json" "$cache/node/package.json"
  rm -rf "$cache/node/node_modules"
fi
if [ ! -d "$cache/node/node_modules" ]; then
  (cd "$cache/node" && npm install --no-audit --no-fund --loglevel=error)
fi
nm="$cache/node/node_modules"

# 2. gensim's test data (Lee ABC news corpus, shortened Wikipedia dump), from its wheel.
data="$cache/pypi/gensim/test/test_data"
if [ ! -f "$data/enwiki-shortened.xml" ]; then
  (cd "$cache/pypi" && pip download --quiet --no-deps --only-binary=:all: gensim==4.3.3 \
      --python-version 3.12 --platform manylinux_2_17_x86_64 -d .)
  (cd "$cache/pypi" && python3 - <<'PY'
import bz2, glob, zipfile
wheel = zipfile.ZipFile(glob.glob("gensim-4.3.3-*.whl")[0])
base = "gensim/test/test_data/"
wheel.extract(base + "lee_background.cor", ".")
xml = bz2.decompress(wheel.read(base + "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"))
open(base + "enwiki-shortened.xml", "wb").write(xml)
PY
  )
fi

# 3. Corpus and queries (deterministic).
[ -f "$cache/corpus.json" ] || node "$here/make-corpus.mjs" "$nm" "$data" "$cache/corpus.json"
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
