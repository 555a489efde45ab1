#!/usr/bin/env bash
# UI benchmark of the built page (dist/borderlines.html) loaded with the bench
# corpus through its own "+ Add documents" input.
# Usage: bash bench/ui/run.sh [page.html] [max-docs]
#   page.html defaults to /work/main/dist/borderlines.html (or $PAGE);
#   max-docs defaults to all 14,491 documents (or $DOCS).
# Makes the corpus if missing (only the corpus steps of bench/run.sh: npm
# install into the cache, gensim wheel download, make-corpus.mjs); everything
# generated goes to $BENCH_CACHE (default ~/.cache/borderlines/bench).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench="$(dirname "$here")"
repo="$(dirname "$bench")"
cache="${BENCH_CACHE:-$HOME/.cache/borderlines/bench}"
mkdir -p "$cache/node" "$cache/pypi"

if [ ! -f "$cache/corpus.json" ]; then
  # 1. npm packages holding the corpus texts (same package.json as bench/run.sh).
  if ! cmp -s "$bench/package.json" "$cache/node/package.json"; then
    cp "$bench/package.json" "$cache/node/package.json"
    rm -rf "$cache/node/node_modules"
  fi
  if [ ! -d "$cache/node/node_modules" ]; then
    (cd "$cache/node" && npm install --no-audit --no-fund --loglevel=error)
  fi
  # 2. gensim's test data, from its wheel.
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
  # 3. The corpus (deterministic).
  node "$bench/make-corpus.mjs" "$cache/node/node_modules" "$data" "$cache/corpus.json"
fi

# playwright-core comes from the repo's node_modules (as in tests/e2e);
# run.mjs falls back to /work/main/node_modules from a worktree.
node "$here/run.mjs" "${PAGE:-${1:-/work/main/dist/borderlines.html}}" "${DOCS:-${2:-all}}" "$cache"
