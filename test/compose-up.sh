#!/usr/bin/env bash
# The compose CLI for dockpit's Projects tests: Debian's docker-compose (1.29) when neither `docker compose`
# nor `docker-compose` is on the PATH. Idempotent; installs with apt-get (as root) only when missing.
#
#   bash test/compose-up.sh      prints the compose command it found or installed (`docker compose` or `docker-compose`)
set -euo pipefail

say() { printf 'compose-up: %s\n' "$*" >&2; }

if docker compose version >/dev/null 2>&1; then
	echo 'docker compose'
	exit 0
fi

if ! command -v docker-compose >/dev/null 2>&1; then
	if [ "$(id -u)" != 0 ]; then
		say 'no compose CLI, and not root: install docker-compose (apt-get install docker-compose)'
		exit 1
	fi

	say 'installing Debian docker-compose (apt-get)'
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y --no-install-recommends docker-compose >/tmp/compose-up-apt.log 2>&1; then
		apt-get update >>/tmp/compose-up-apt.log 2>&1
		apt-get install -y --no-install-recommends docker-compose >>/tmp/compose-up-apt.log 2>&1 ||
			{
				say "apt-get failed; see /tmp/compose-up-apt.log"
				exit 1
			}
	fi
fi

docker-compose version --short >/dev/null 2>&1 || {
	say 'docker-compose is installed but does not run (docker-compose version failed)'
	exit 1
}

echo 'docker-compose'
