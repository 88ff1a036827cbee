#!/usr/bin/env bash
# Brings up a real Docker engine for dockpit's tests, and the small test image they use.
#
# 1. If an engine already answers (DOCKER_HOST, or the default socket), use it.
# 2. Otherwise, as root on Debian, install docker.io and busybox-static from Debian's packages
#    when missing, and start dockerd detached. It records that it started the engine in
#    $STATE_DIR/started-here, so tests that act on the whole engine (prune) know they may.
# 3. Make `dockpit-test/busybox:local` with `docker import` from busybox-static (no registry is
#    reachable from these machines).
#
# Fails with a message that says what to do when it cannot get an engine.
set -euo pipefail

IMAGE="${DOCKPIT_TEST_IMAGE:-dockpit-test/busybox:local}"
STATE_DIR="${DOCKPIT_STATE_DIR:-/tmp/dockpit-engine}"
LOG="$STATE_DIR/dockerd.log"
mkdir -p "$STATE_DIR"

say() { printf 'engine-up: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if ! command -v docker >/dev/null 2>&1 && ! command -v dockerd >/dev/null 2>&1 && [ "$(id -u)" != 0 ]; then
	die "no docker client or engine here, and not root to install one. Install Docker, or set DOCKER_HOST to a running engine."
fi

if command -v docker >/dev/null 2>&1 && answers; then
	say "using the engine that answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
else
	if [ -n "${DOCKER_HOST:-}" ]; then
		die "DOCKER_HOST=$DOCKER_HOST does not answer. Start that engine, or unset DOCKER_HOST to let this script start a local one."
	fi
	if [ "$(id -u)" != 0 ]; then
		die "no engine answers at /var/run/docker.sock and this script is not root, so it cannot start one. Start dockerd (sudo dockerd &) or set DOCKER_HOST."
	fi
	if ! command -v dockerd >/dev/null 2>&1 || ! command -v busybox >/dev/null 2>&1; then
		command -v apt-get >/dev/null 2>&1 || die "no dockerd, and no apt-get to install it. Install Docker, then run this again."
		say "installing docker.io and busybox-static from Debian's packages"
		apt-get update -qq >"$STATE_DIR/apt.log" 2>&1 || die "apt-get update failed; see $STATE_DIR/apt.log"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io busybox-static \
			>>"$STATE_DIR/apt.log" 2>&1 || die "installing docker.io failed; see $STATE_DIR/apt.log"
	fi
	command -v docker >/dev/null 2>&1 || die "dockerd is installed but no docker client is on the PATH"
	if [ -S /var/run/docker.sock ] && pgrep -x dockerd >/dev/null 2>&1; then
		say "a dockerd is running but does not answer yet; waiting for it"
	else
		say "starting dockerd (log: $LOG)"
		rm -f /var/run/docker.pid
		setsid dockerd --host unix:///var/run/docker.sock >"$LOG" 2>&1 </dev/null &
		echo "$!" >"$STATE_DIR/dockerd.pid"
		touch "$STATE_DIR/started-here"
	fi
	for _ in $(seq 1 150); do
		answers && break
		sleep 0.2
	done
	answers || die "dockerd did not answer within 30 s; its log is $LOG: $(tail -n 5 "$LOG" 2>/dev/null | tr '\n' ' ')"
	say "engine is up: $(docker version --format 'Docker {{.Server.Version}} (API {{.Server.APIVersion}})')"
fi

if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
	bb="$(command -v busybox || true)"
	if [ -z "$bb" ] || ! "$bb" --list >/dev/null 2>&1; then
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
			say "installing busybox-static"
			apt-get update -qq >"$STATE_DIR/apt.log" 2>&1 || true
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends busybox-static \
				>>"$STATE_DIR/apt.log" 2>&1 || die "installing busybox-static failed; see $STATE_DIR/apt.log"
			bb="$(command -v busybox)"
		else
			die "busybox (static) is needed to build the test image $IMAGE; install busybox-static"
		fi
	fi
	root="$(mktemp -d)"
	trap 'rm -rf "$root"' EXIT
	mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root" "$root/proc" "$root/sys" "$root/dev"
	chmod 1777 "$root/tmp"
	cp "$bb" "$root/bin/busybox"
	for applet in $("$bb" --list); do
		[ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
	done
	echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
	echo 'root:x:0:' >"$root/etc/group"
	tar -C "$root" -c . | docker import \
		-c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' \
		-m 'dockpit test image from busybox-static' - "$IMAGE" >/dev/null
	say "built test image $IMAGE"
fi
