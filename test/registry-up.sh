#!/usr/bin/env bash
# A real image registry for dockpit's pull, push and login tests: Debian's docker-registry (distribution 2.8)
# with htpasswd auth, on 127.0.0.1:5000 only, its storage under /tmp.
#
#   bash test/registry-up.sh          start it (idempotent: a registry that already answers is kept)
#   bash test/registry-up.sh stop     stop the one this script started, and remove its storage
#
# Installs docker-registry and apache2-utils (htpasswd) with apt-get when they are missing (as root).
# The test user and password are printed on the last line as `USER PASSWORD` (DOCKPIT_REGISTRY_USER /
# DOCKPIT_REGISTRY_PASSWORD override them). 127.0.0.1:5000 counts as an insecure registry for dockerd by default,
# so no TLS is needed.
set -euo pipefail

ADDR="${DOCKPIT_REGISTRY_ADDR:-127.0.0.1:5000}"
USER_NAME="${DOCKPIT_REGISTRY_USER:-dockpit}"
PASSWORD="${DOCKPIT_REGISTRY_PASSWORD:-dockpit-secret}"
DIR="${DOCKPIT_REGISTRY_DIR:-/tmp/dockpit-registry}"

say() { printf 'registry-up: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

case "$ADDR" in
127.0.0.1:* | localhost:*) ;;
*) die "only a loopback address is allowed, not $ADDR" ;;
esac

answers() {
	# The v2 endpoint answers 401 when auth is on: that is a running registry.
	local code
	code=$(curl -s -o /dev/null -w '%{http_code}' "http://$ADDR/v2/" 2>/dev/null || true)
	[ "$code" = 401 ] || [ "$code" = 200 ]
}

if [ "${1:-}" = stop ]; then
	if [ -f "$DIR/registry.pid" ]; then
		kill "$(cat "$DIR/registry.pid")" 2>/dev/null || true
		rm -f "$DIR/registry.pid"
	fi
	rm -rf "$DIR/storage"
	say "stopped"
	exit 0
fi

if answers; then
	say "a registry already answers at $ADDR"
	printf '%s %s\n' "$USER_NAME" "$PASSWORD"
	exit 0
fi

if ! command -v docker-registry >/dev/null 2>&1 || ! command -v htpasswd >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
	[ "$(id -u)" = 0 ] || die "docker-registry and htpasswd are missing and this is not root: apt-get install docker-registry apache2-utils curl"
	command -v apt-get >/dev/null 2>&1 || die "docker-registry is missing and there is no apt-get to install it"
	mkdir -p "$DIR"
	say "installing docker-registry and apache2-utils from Debian's packages"
	apt-get update -qq >"$DIR/apt.log" 2>&1 || die "apt-get update failed; see $DIR/apt.log"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry apache2-utils curl \
		>>"$DIR/apt.log" 2>&1 || die "installing docker-registry failed; see $DIR/apt.log"
fi

mkdir -p "$DIR/storage"
htpasswd -Bbn "$USER_NAME" "$PASSWORD" >"$DIR/htpasswd"
cat >"$DIR/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DIR/storage
  delete:
    enabled: true
http:
  addr: $ADDR
auth:
  htpasswd:
    realm: dockpit-test
    path: $DIR/htpasswd
EOF

say "starting docker-registry on $ADDR (log: $DIR/registry.log)"
setsid docker-registry serve "$DIR/config.yml" >"$DIR/registry.log" 2>&1 </dev/null &
echo "$!" >"$DIR/registry.pid"
for _ in $(seq 1 100); do
	answers && break
	sleep 0.1
done
answers || die "the registry did not answer at $ADDR; see $DIR/registry.log"
printf '%s %s\n' "$USER_NAME" "$PASSWORD"
