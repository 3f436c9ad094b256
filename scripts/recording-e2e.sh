#!/usr/bin/env bash
# The recording, streaming and diffusion end-to-end tests (e2e/recording.spec.ts, e2e/streaming.spec.ts: an
# RTMP receiver, ffmpeg, listens on 10.213.0.2; e2e/diffusion.spec.ts: HLS written under the app's
# DATA_DIR, played by Chromium) with the real LiveKit Egress, inside a private network namespace
# made here (`unshare -n`): loopback plus a veth pair with private addresses (pion, inside egress
# and LiveKit, ignores loopback candidates and joins mDNS on every interface, so it must not see
# the machine's real one). Nothing can leave the namespace: Redis, livekit-server, egress and the
# app (on embedded PGlite) all run inside it. Called by scripts/test-all.sh after the build.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# Arguments are Playwright's (e.g. one spec: scripts/recording-e2e.sh e2e/diffusion.spec.ts).
if [ "${1:-}" != "--inside" ]; then
  exec unshare --net "$0" --inside "$@"
fi
shift # the arguments after --inside go to Playwright (e.g. e2e/recording.spec.ts)
EGRESS_DIR="$ROOT/.cache/egress-${EGRESS_VERSION:-v1.8.6}"
[ -x "$EGRESS_DIR/egress" ] || { echo "egress is not built: run scripts/egress-build.sh" >&2; exit 1; }
WORK=$(mktemp -d /tmp/chemins-recording.XXXXXX)
chmod 755 "$WORK"
PIDS=()
# Every process of this private network namespace but this script's is the test's (egress's
# handlers, with the Xvfb and Chromium they start, outlive egress when it is stopped mid-start).
in_namespace() {
  local self p; self=$(readlink /proc/$$/ns/net)
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [ "$p" = $$ ] || [ "$p" = "$BASHPID" ] || [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" != "$self" ] || echo "$p"
  done
}
# Under `set -e`, a kill of a process already gone (egress exits by itself on an internal error) must
# not end the clean-up: the load logger and the work directory were left behind.
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 50); do [ -z "$(in_namespace)" ] && break; sleep 0.2; done
  for p in $(in_namespace); do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

ip link set lo up
ip link add chemins0 type veth peer name chemins1
ip addr add 10.213.0.1/24 dev chemins0
ip addr add 10.213.0.2/24 dev chemins1
ip link set chemins0 up
ip link set chemins1 up

KEY=chemins-rec SECRET=chemins-rec-secret-0123456789abcdefghijklmn
export E2E_PORT=3400 SMTP_SINK_PORT=3401 SMTP_SINK_HTTP_PORT=3402
redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
wait_for redis 20 redis-cli -p 6379 ping
cat >"$WORK/livekit.yaml" <<YAML
port: 7880
bind_addresses: ["127.0.0.1", "10.213.0.1"]
rtc:
  tcp_port: 7881
  port_range_start: 50000
  port_range_end: 50200
  use_external_ip: false
  node_ip: 10.213.0.1
redis:
  address: 127.0.0.1:6379
keys:
  $KEY: $SECRET
webhook:
  api_key: $KEY
  urls: ["http://127.0.0.1:$E2E_PORT/api/livekit/webhook"]
logging:
  level: warn
YAML
livekit-server --config "$WORK/livekit.yaml" >"$WORK/livekit.log" 2>&1 &
PIDS+=($!)
wait_for livekit 30 curl -sf http://127.0.0.1:7880
# Egress: Opus audio (Debian has no AAC encoder), CPU costs that fit two cores.
cat >"$WORK/egress.yaml" <<YAML
api_key: $KEY
api_secret: $SECRET
ws_url: ws://10.213.0.1:7880
redis:
  address: 127.0.0.1:6379
health_port: 7901
template_port: 7902
log_level: ${EGRESS_LOG_LEVEL:-info}
insecure: true
cpu_cost:
  room_composite_cpu_cost: 0.5
  web_cpu_cost: 0.5
  participant_cpu_cost: 0.5
  track_composite_cpu_cost: 0.5
  track_cpu_cost: 0.5
YAML
# PulseAudio for egress's room composite (the layout page's sound: egress makes a null sink per
# egress with `pactl`, and Chromium plays into it), run by this script with its runtime directory
# in $WORK and an empty HOME; egress then starts Xvfb and Chromium itself. Installed by
# scripts/test-all.sh's system packages (xvfb, pulseaudio), never here.
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/pulse-run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/pulse/native"
pulseaudio -D --exit-idle-time=-1 --system=false --disallow-exit --log-target=file:"$WORK/pulse.log" -n \
  --load="module-native-protocol-unix socket=$XDG_RUNTIME_DIR/pulse/native auth-anonymous=1" --load=module-always-sink
wait_for pulseaudio 20 pactl info
PIDS+=("$(cat "$XDG_RUNTIME_DIR/pulse/pid")")
# GStreamer's plugin registry (~/.cache/gstreamer-1.0) is built by the first process that needs it,
# scanning every installed plugin: on a new machine that was egress's first recording (10 s and more
# on a loaded machine). Built here, before anything is timed.
started=$(date +%s)
gst-inspect-1.0 >/dev/null 2>&1 || true
echo "GStreamer registry ready in $(($(date +%s) - started)) s"
PATH="$EGRESS_DIR:$PATH" EGRESS_CONFIG_FILE="$WORK/egress.yaml" egress >"$WORK/egress.log" 2>&1 &
PIDS+=($!)
wait_for egress 60 curl -sf http://127.0.0.1:7901
echo "recording stack in a private network namespace: livekit-server, egress $(basename "$EGRESS_DIR"), redis"

# What the machine is busy with while egress starts (issue 28: egress's pipeline was seen taking 94 to
# over 300 s to start in fresh clones): the busiest processes every 10 s, printed when the test did not pass.
( while sleep 10; do { date +%T; ps -eo pcpu,rss,etimes,comm --sort=-pcpu | head -6; } >>"$WORK/load.log"; done ) &
PIDS+=($!)
status=0
env -u DATABASE_URL -u REDIS_URL \
  LIVEKIT_URL=http://127.0.0.1:7880 LIVEKIT_API_KEY=$KEY LIVEKIT_API_SECRET=$SECRET \
  RECORDING_LAYOUT=${RECORDING_LAYOUT:-composite} EGRESS_APP_URL=http://127.0.0.1:$E2E_PORT RECORDING_E2E=1 E2E_DATA_DIR="$WORK/data" RTMP_RECEIVER_HOST=10.213.0.2 \
  npx playwright test "$@" || status=$?
if [ $status -ne 0 ] || grep -q '"status": "skipped"' test-results/recording.json 2>/dev/null; then
  echo "--- busiest processes while recording (every 10 s)"; tail -120 "$WORK/load.log" 2>/dev/null
  echo "--- egress log (tail, without its CPU warnings; whole in test-results/egress.log)"; grep -v 'high cpu usage' "$WORK/egress.log" | tail -80
  cp "$WORK/egress.log" test-results/egress.log 2>/dev/null || true
  echo "--- pulseaudio log (tail)"; tail -20 "$WORK/pulse.log" 2>/dev/null
  echo "--- livekit log (tail)"; tail -20 "$WORK/livekit.log"
fi
exit $status
