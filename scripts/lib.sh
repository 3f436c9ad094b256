# Shell helpers shared by scripts/test-all.sh, scripts/egress-build.sh and scripts/recording-e2e.sh.

# Run as root: directly, or through sudo.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }

# wait_for DESCRIPTION SECONDS COMMAND...: until COMMAND succeeds (checked every 0.1 s), or fail.
wait_for() {
  local what=$1 limit=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "timed out waiting for $what" >&2; return 1
}
