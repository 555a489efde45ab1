#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs taken from the repository at
# run time (seeds/, the crates' test fixtures, small hand-written inputs in
# fuzz/seeds/) so that nothing large is committed. Binary forms (snapshot,
# bundle, index, insights) are written by the target binary itself, from
# seeds/ (see write_binary_seeds in fuzz/src/lib.rs).
#   fuzz/seed.sh TARGET [BINARY]
# Existing corpus files are kept: the corpus grows across runs.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$fuzz/.." && pwd)"
target="$1"
bin="${2:-}"
out="${FUZZ_CORPUS:-$fuzz/corpus}/$target"
n=0
mkdir -p "$out"
core_fx="$root/crates/borderlines-core/tests/fixtures"
lee="$root/crates/borderlines-extract/tests/fixtures/lee"

put() { # put NAME: stdin → $out/seed-NAME
  cat > "$out/seed-$1"
}
texts() { # every plain-text article we have (small ones)
  ls "$root"/seeds/*.txt "$core_fx"/*.txt
  ls "$lee"/*.txt 2>/dev/null | head -8
}

case "$target" in
  decode|parse|extract)
    for f in $(texts); do cp "$f" "$out/seed-$(basename "$f")"; done
    # The same article in the encodings decode() reads.
    f="$core_fx/crlf_nbsp.txt"
    { printf '\xEF\xBB\xBF'; cat "$f"; } | put utf8-bom
    { printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE "$f"; } | put utf16le
    { printf '\xFE\xFF'; iconv -f UTF-8 -t UTF-16BE "$f"; } | put utf16be
    iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$f" | put cp1252
    ;;
  csv)
    for f in "$core_fx"/formats/*.csv "$core_fx"/formats/*.tsv; do
      { printf '\0'; cat "$f"; } | put "$(basename "$f")"
    done
    ;;
  json)
    { printf '\0'; cat "$core_fx/formats/articles.json"; } | put articles.json
    { printf '\0'; cat "$core_fx/formats/nested.json"; } | put nested.json
    { printf '\1'; cat "$core_fx/formats/articles.jsonl"; } | put articles.jsonl
    ;;
  html)
    cp "$core_fx/formats/news_page.html" "$out/seed-news_page.html"
    ;;
  encoding)
    # The first byte picks a declared label (see fuzz_targets/encoding.rs).
    for f in "$core_fx"/formats/euc_kr_article.txt "$core_fx"/formats/gb18030_article.txt \
             "$core_fx"/formats/shift_jis_news.csv "$core_fx"/crlf_nbsp.txt; do
      { printf '\0'; cat "$f"; } | put "$(basename "$f")"
    done
    f="$core_fx/crlf_nbsp.txt"
    { printf '\1'; iconv -f UTF-8 -t UTF-16LE "$f"; } | put utf16le-no-bom
    { printf '\6'; iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$f"; } | put cp1252
    { printf '\3'; printf '<meta charset="shift_jis"><p>\x8d\x91\x8b\xab</p>'; } | put meta-sjis
    ;;
  mhtml)
    cp "$core_fx/formats/saved_page.mhtml" "$out/seed-saved_page.mhtml"
    printf 'Content-Type: multipart/related; start="<p@x>"; boundary=x\r\n\r\n--x\r\nContent-Type: text/html; charset=euc-kr\r\nContent-ID: <p@x>\r\nContent-Transfer-Encoding: base64\r\n\r\nPGFydGljbGU+PHA+us/H0TwvcD48L2FydGljbGU+\r\n--x--\r\n' | put base64-euc-kr
    ;;
  zip)
    cp "$core_fx/formats/export.zip" "$out/seed-export.zip"
    ;;
  load)
    # The first byte picks the file name (see fuzz_targets/load.rs).
    { printf '\0'; cat "$root/seeds/$(ls "$root/seeds" | head -1)"; } | put txt
    { printf '\1'; printf '# Walls on the Yalu\n\nNew fences went up along the river this spring.\n'; } | put md
    { printf '\2'; cat "$core_fx/formats/articles.csv"; } | put csv
    { printf '\3'; cat "$core_fx/formats/articles.tsv"; } | put tsv
    { printf '\4'; cat "$core_fx/formats/articles.json"; } | put json
    { printf '\5'; cat "$core_fx/formats/articles.jsonl"; } | put jsonl
    { printf '\6'; cat "$core_fx/formats/news_page.html"; } | put html
    { printf '\16'; cat "$core_fx/formats/saved_page.mhtml"; } | put mhtml
    ;;
  records)
    # Structured (arbitrary) input: any bytes will do as a start.
    head -c 512 "$core_fx/formats/articles.csv" | put csv-bytes
    ;;
  search)
    # First line: the query; then documents separated by form feeds.
    seeds=("$root"/seeds/*.txt)
    while read -r q; do
      { printf '%s\n' "$q"; for s in "${seeds[@]}"; do cat "$s"; printf '\f'; done; } | put "q$((++n))"
    done < "$fuzz/seeds/queries.txt"
    ;;
  query)
    n=0
    while read -r q; do printf '%s' "$q" | put "q$((++n))"; done < "$fuzz/seeds/queries.txt"
    ;;
  view_state)
    n=0
    while read -r f; do printf '%s' "$f" | put "f$((++n))"; done < "$fuzz/seeds/fragments.txt"
    ;;
  snapshot|bundle|index|insights)
    [ -n "$bin" ] || { echo "seed.sh: $target needs the target binary" >&2; exit 2; }
    BORDERLINES_FUZZ_SEEDS_OUT="$out" BORDERLINES_FUZZ_SEEDS_IN="$root/seeds" "$bin" -runs=0 >/dev/null 2>&1
    ;;
  *) echo "seed.sh: unknown target $target" >&2; exit 2 ;;
esac
# Regression inputs of earlier crashes are seeds too.
if [ -d "$fuzz/regressions/$target" ]; then
  cp "$fuzz/regressions/$target"/* "$out/" 2>/dev/null || true
fi
