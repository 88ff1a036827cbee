#!/usr/bin/env bash
# Debian's podman serving its Docker-compatible API on a unix socket, for the podman tests.
#
#   bash test/podman-up.sh up [DIR]     starts `podman system service` on DIR/podman.sock (DIR defaults to
#                                       /tmp/dockpit-podman) and loads the test image into podman
#   bash test/podman-up.sh down [DIR]   stops the service (the containers the tests made are theirs to remove)
#
# On a machine without podman it installs Debian's podman (as root, without recommends: a few seconds).
# Podman cannot set its default rlimits in these sandboxes ("error setting rlimit type 6/7"), so the service
# runs with a containers.conf that has `default_ulimits = []` (/work/shared/ENGINE.md).
# The test image comes from the Docker engine: `docker save dockpit-test/busybox:local | podman load`.
set -euo pipefail

action=${1:?usage: podman-up.sh up|down [DIR]}
dir=${2:-/tmp/dockpit-podman}
image=${DOCKPIT_TEST_IMAGE:-dockpit-test/busybox:local}
say() { printf 'podman-up: %s\n' "$*" >&2; }

if [[ $action == down ]]; then
	if [[ -f $dir/service.pid ]]; then
		pid=$(cat "$dir/service.pid")
		kill "$pid" 2>/dev/null || true
		for _ in $(seq 1 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		rm -f "$dir/service.pid" "$dir/podman.sock"
	fi
	exit 0
fi

if [[ $action != up ]]; then
	say "unknown action $action (up or down)"
	exit 2
fi

mkdir -p "$dir"
if ! command -v podman >/dev/null 2>&1; then
	if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
		say "podman is missing; install it (apt-get install podman)"
		exit 1
	fi
	say "installing Debian's podman (log: $dir/apt.log)"
	apt-get update -qq >"$dir/apt.log" 2>&1 || true
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman conmon runc \
		containernetworking-plugins >>"$dir/apt.log" 2>&1 || {
		say "installing podman failed; see $dir/apt.log"
		exit 1
	}
fi

# crun refuses these machines' hybrid cgroups ("cgroups in hybrid mode not supported"); runc (from docker.io)
# runs the containers.
{
	printf '[containers]\ndefault_ulimits = []\n'
	if command -v runc >/dev/null 2>&1; then
		printf '\n[engine]\nruntime = "runc"\n'
	fi
} >"$dir/containers.conf"
export CONTAINERS_CONF=$dir/containers.conf

socket=$dir/podman.sock
if [[ -f $dir/service.pid ]] && kill -0 "$(cat "$dir/service.pid")" 2>/dev/null; then
	say "the service already runs (pid $(cat "$dir/service.pid"))"
else
	rm -f "$socket"
	setsid podman system service --time=0 "unix://$socket" >"$dir/service.log" 2>&1 </dev/null &
	echo "$!" >"$dir/service.pid"
fi
for _ in $(seq 1 100); do
	[[ -S $socket ]] && docker -H "unix://$socket" version >/dev/null 2>&1 && break
	sleep 0.1
done
[[ -S $socket ]] || {
	say "podman system service did not start; see $dir/service.log"
	exit 1
}

local_name="localhost/${image}"
if ! podman image exists "$local_name" 2>/dev/null && ! podman image exists "$image" 2>/dev/null; then
	docker save "$image" | podman load >"$dir/load.log" 2>&1 || {
		say "loading $image into podman failed; see $dir/load.log"
		exit 1
	}
fi
echo "PODMAN_SOCKET=$socket"
echo "CONTAINERS_CONF=$dir/containers.conf"
