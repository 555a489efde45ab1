# Sourced by every .ci script: where build output is cached and which tools to use.
# Build output lives outside the clone so a fresh clone on a warm machine
# rebuilds only what changed.
export BORDERLINES_CACHE="${BORDERLINES_CACHE:-$HOME/.cache/borderlines}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$BORDERLINES_CACHE/target}"
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
# Written by .ci/setup when the default toolchain cannot target wasm32 and
# Debian's toolchain (linked into rustup as "debian") is used instead.
if [ -f "$BORDERLINES_CACHE/toolchain.env" ]; then
  # shellcheck disable=SC1091
  . "$BORDERLINES_CACHE/toolchain.env"
fi
say() { printf '\033[1m[borderlines]\033[0m %s\n' "$*"; }
