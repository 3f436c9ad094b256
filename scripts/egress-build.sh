#!/usr/bin/env bash
# LiveKit Egress for the recording tests: the system packages it needs (GStreamer from Debian),
# then egress itself from the Go module proxy, built once and cached under .cache/ (docs/replays.md).
# Prints nothing but progress; the binary ends up as .cache/egress-$EGRESS_VERSION/egress
# (it must be on PATH under the name `egress`: it re-executes itself per recording).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# The one egress the Go module proxy serves here (v1.9 to v1.12 answer 403; v1.13+ need modules it refuses).
EGRESS_VERSION=${EGRESS_VERSION:-v1.8.6}
DIR="$ROOT/.cache/egress-$EGRESS_VERSION"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

PACKAGES=(libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev libglib2.0-dev pkg-config gcc
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
  gstreamer1.0-nice gstreamer1.0-tools gstreamer1.0-x gstreamer1.0-pulseaudio ffmpeg iproute2 util-linux)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${#missing[@]} packages for egress (GStreamer, ffmpeg)"
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Chemins's patches to egress (scripts/egress-patches/*.patch, each says why): the cached binary is
# rebuilt when they change (their digest is kept in .complete).
PATCHES=("$ROOT"/scripts/egress-patches/*.patch)
STAMP=$(cat "${PATCHES[@]}" | sha256sum | cut -c1-16)
if [ -x "$DIR/egress" ] && [ "$(cat "$DIR/.complete" 2>/dev/null)" = "$STAMP" ]; then
  echo "egress $EGRESS_VERSION (cached in $DIR)"
  exit 0
fi
command -v go >/dev/null || { DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq golang-go >/dev/null; }
echo "building egress $EGRESS_VERSION with $(go version) (a few minutes, once)"
export GOFLAGS=-mod=mod GONOSUMDB=github.com/livekit/egress CGO_ENABLED=1
src=$(go mod download -json "github.com/livekit/egress@$EGRESS_VERSION" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')
work=$(mktemp -d /tmp/egress-src.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/" && chmod -R u+w "$work"
# cmd/server embeds the room-composite web template (//go:embed templates), a React app built
# separately; the tests record participants (no browser inside egress), so a placeholder page
# stands in for it. Room composite needs egress's own image (docker-compose.yml).
for p in "${PATCHES[@]}"; do (cd "$work" && patch -p1 -s <"$p"); done
mkdir -p "$work/cmd/server/templates"
echo '<!doctype html><title>Chemins: room composite template not built</title>' >"$work/cmd/server/templates/index.html"
(cd "$work" && go build -o "$work/egress" ./cmd/server)
rm -rf "$DIR" && mkdir -p "$DIR"
install -m 755 "$work/egress" "$DIR/egress"
echo "$STAMP" >"$DIR/.complete"
echo "egress $EGRESS_VERSION built into $DIR"
