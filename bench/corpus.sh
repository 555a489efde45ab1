#!/usr/bin/env bash
# Makes the bench corpus, shared by bench/run.sh (search engines) and
# bench/ui/run.sh (the page): npm packages holding the texts, gensim's test
# data from its wheel, then make-corpus.mjs. Everything goes to the cache.
# Usage: bash bench/corpus.sh CACHE_DIR   (writes CACHE_DIR/corpus.json)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="$1"
mkdir -p "$cache/node" "$cache/pypi"

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

# 3. The corpus (deterministic).
[ -f "$cache/corpus.json" ] || node "$here/make-corpus.mjs" "$nm" "$data" "$cache/corpus.json"
