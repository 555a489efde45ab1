#!/usr/bin/env bash
# Runs the fuzzing campaign, one target at a time, niced, and logs each run
# in fuzz/CAMPAIGN.md.
#   fuzz/run.sh TARGET SECONDS     fuzz one target (SECONDS of libFuzzer time)
#   fuzz/run.sh all SECONDS        every target in turn, SECONDS each
#   fuzz/run.sh plan T:S [T:S ...] build every target once, then run each
#                                  TARGET for SECONDS in the order given
#                                  (later source edits cannot reach it)
#   fuzz/run.sh --smoke [SECONDS]  CI: build every target (unoptimised), run
#                                  each briefly from its seeds (default 3 s),
#                                  no log
#   fuzz/run.sh --totals           total seconds, executions and latest
#                                  coverage per target, from the log
# Needs cargo-fuzz (cargo install cargo-fuzz --locked). Builds with the
# default toolchain: nightly-only flags are allowed with RUSTC_BOOTSTRAP=1.
# FUZZ_SANITIZER=none builds without AddressSanitizer (default: address);
# FUZZ_PROFILE=dev builds without optimisations (quicker to build, slower
# to run); FUZZ_TIMEOUT=S counts an input slower than S seconds as a bug
# (default 1).
# Crashes and slow inputs (> 1 s) land in fuzz/artifacts/TARGET/; the
# corpus grows in fuzz/corpus/TARGET/ (FUZZ_CORPUS=DIR puts it elsewhere).
set -uo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$fuzz/.." && pwd)"
cd "$root"
# shellcheck disable=SC1091
. "$root/.ci/env.sh"
# Its own target dir: fuzz builds use other flags than the main workspace.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$BORDERLINES_CACHE/target-fuzz}"
export RUSTC_BOOTSTRAP=1
triple="$(rustc -vV | awk '/^host:/ {print $2}')"
# AddressSanitizer needs the toolchain's runtime (rustup's ships it; a
# distribution's rustc may not): without it, build with no sanitizer.
if [ -z "${FUZZ_SANITIZER:-}" ] &&
   ! compgen -G "$(rustc --print sysroot)/lib/rustlib/$triple/lib/librustc-*_rt.asan.a" >/dev/null; then
  FUZZ_SANITIZER=none
fi
sanitizer="${FUZZ_SANITIZER:-address}"
profile_args=() bindir="$CARGO_TARGET_DIR/$triple/release"
set_dev() { profile_args=(--dev) bindir="$CARGO_TARGET_DIR/$triple/debug"; }
[ "${FUZZ_PROFILE:-release}" = dev ] && set_dev
timeout="${FUZZ_TIMEOUT:-1}"
log="$fuzz/CAMPAIGN.md"

targets() { awk -F'"' '/^name = / && $2 != "borderlines-fuzz" {print $2}' "$fuzz/Cargo.toml"; }

dict_of() {
  case "$1" in
    query|search) echo "$fuzz/dict/query.dict" ;;
    view_state) echo "$fuzz/dict/fragment.dict" ;;
    csv|json|html|load) echo "$fuzz/dict/formats.dict" ;;
    mhtml) echo "$fuzz/dict/mime.dict" ;;
    *) echo "" ;;
  esac
}

build() { # build [TARGET]: all targets, or one
  nice -n 19 cargo fuzz build --fuzz-dir "$fuzz" --sanitizer "$sanitizer" "${profile_args[@]}" "$@"
}

run_one() { # run_one TARGET SECONDS LOG? : fuzzes TARGET; returns libFuzzer's status
  local t="$1" secs="$2" write_log="$3"
  local bin="$bindir/$t" dict out
  dict="$(dict_of "$t")"
  bash "$fuzz/seed.sh" "$t" "$bin" || return 1
  mkdir -p "$fuzz/artifacts/$t"
  out="$(mktemp)"
  local args=(-max_total_time="$secs" -rss_limit_mb=4096 -timeout="$timeout" -print_final_stats=1
              -artifact_prefix="$fuzz/artifacts/$t/" -close_fd_mask=1)
  [ -n "$dict" ] && args+=(-dict="$dict")
  # Indexing several documents per input is slow: keep those inputs short.
  [ "$t" = search ] && args+=(-max_len=8192)
  local start=$SECONDS
  nice -n 19 "$bin" "${args[@]}" "${FUZZ_CORPUS:-$fuzz/corpus}/$t" >"$out" 2>&1
  local status=$?
  local took=$((SECONDS - start))
  local execs cov ft corp found
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$out" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$out" | tail -1 | awk '{print $2}')
  ft=$(grep -oE 'ft: [0-9]+' "$out" | tail -1 | awk '{print $2}')
  corp=$(grep -oE 'corp: [0-9]+' "$out" | tail -1 | awk '{print $2}')
  found=$(grep -oE "artifact_prefix='[^']*'; Test unit written to [^ ]+" "$out" | awk '{print $NF}' | xargs -r -n1 basename | tr '\n' ' ')
  if [ "$status" != 0 ]; then
    grep -E "^==[0-9]+==|panicked at|^SUMMARY|Test unit written|ALARM|timeout|out-of-memory" "$out" | head -20
  fi
  echo "$t: ${took}s, ${execs:-?} execs, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, status $status ${found:+, found $found}"
  if [ "$write_log" = 1 ]; then
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$t" "$took" \
      "${execs:-0}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$sanitizer" "${found:--}" >> "$log"
  fi
  rm -f "$out"
  return $status
}

# All in one function: bash has read it whole before it runs, so editing
# this file during a campaign cannot change what the campaign runs.
main() {
  case "${1:-}" in
    --totals)
      printf '| target | runs | seconds | executions | cov (last) | ft (last) |\n|---|---|---|---|---|---|\n'
      awk -F'|' '/^\| 20/ { t=$3; gsub(/ /,"",t); s[t]+=$4; e[t]+=$5; n[t]++
                             if ($6 !~ /\?/) c[t]=$6; if ($7 !~ /\?/) f[t]=$7 }
        END { for (t in s) printf "| %s | %d | %d | %d | %s | %s |\n", t, n[t], s[t], e[t], c[t], f[t] }' "$log" | sort
      ;;
    --smoke)
      secs="${2:-3}"
      # Unoptimised builds: a third of the build time, and seconds of
      # fuzzing need no speed (nor a one-second limit per input).
      [ "${FUZZ_PROFILE:-dev}" = dev ] && set_dev
      timeout="${FUZZ_TIMEOUT:-10}"
      start=$SECONDS
      build || exit 1
      say "fuzz targets built in $((SECONDS - start)) s"
      failed=0
      for t in $(targets); do
        # A throw-away corpus: the smoke pass leaves fuzz/corpus alone.
        FUZZ_CORPUS="$(mktemp -d)"; export FUZZ_CORPUS
        if ! run_one "$t" "$secs" 0; then failed=$((failed + 1)); fi
        rm -rf "$FUZZ_CORPUS"
      done
      total=$(targets | wc -l)
      echo "$((total - failed)) passed, $failed failed"
      [ "$failed" = 0 ]
      ;;
    all)
      build || exit 1
      for t in $(targets); do run_one "$t" "${2:?seconds}" 1; done
      ;;
    plan)
      shift
      build || exit 1
      for step in "$@"; do run_one "${step%%:*}" "${step#*:}" 1; done
      ;;
    ""|-h|--help) sed -n '2,21p' "$0" ;;
    *)
      build "$1" || exit 1
      run_one "$1" "${2:?seconds}" 1
      ;;
  esac
}
main "$@"
exit
