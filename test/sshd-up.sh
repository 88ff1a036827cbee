#!/usr/bin/env bash
# A real sshd on 127.0.0.1 for the ssh:// tests, as /work/shared/ENGINE.md describes it.
#
#   bash test/sshd-up.sh up DIR [PORT]   starts it (PORT defaults to 2222) and prints DIR/env
#   bash test/sshd-up.sh down DIR        stops it, removes its authorized_keys entry and DIR
#
# DIR gets a throwaway host key and client key, known_hosts files (the right key, a wrong one, none), an ssh
# config with aliases, and bin/ssh, a wrapper that runs the system ssh with that config (-F): put DIR/bin first
# on PATH and dockpit's ssh never reads or changes the real ~/.ssh. The only change outside DIR is one line in
# ~/.ssh/authorized_keys of the login user, marked with DIR, which `down` removes again (keeping the others).
# On a machine without sshd it installs Debian's openssh-server (as root).
set -euo pipefail

action=${1:?usage: sshd-up.sh up|down DIR [PORT]}
dir=${2:?usage: sshd-up.sh up|down DIR [PORT]}
port=${3:-2222}
home=$(getent passwd "$(id -un)" | cut -d: -f6)
authorized="$home/.ssh/authorized_keys"
marker="dockpit-test-key:$dir"

remove_key() {
	if [[ -f $authorized ]]; then
		grep -vF "$marker" "$authorized" >"$authorized.dockpit-tmp" || true
		cat "$authorized.dockpit-tmp" >"$authorized"
		rm -f "$authorized.dockpit-tmp"
	fi
}

if [[ $action == down ]]; then
	if [[ -f $dir/sshd.pid ]]; then
		kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
	fi
	remove_key
	rm -rf "$dir"
	exit 0
fi

if [[ $action != up ]]; then
	echo "sshd-up.sh: unknown action $action (up or down)" >&2
	exit 2
fi

if [[ ! -x /usr/sbin/sshd ]]; then
	if [[ $(id -u) != 0 ]]; then
		echo "sshd-up.sh: /usr/sbin/sshd is missing; install openssh-server (apt-get install openssh-server)" >&2
		exit 1
	fi
	apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server >/dev/null
fi

mkdir -p "$dir/bin" /run/sshd
chmod 700 "$dir"
ssh-keygen -q -t ed25519 -N '' -C "$marker" -f "$dir/host_key"
ssh-keygen -q -t ed25519 -N '' -C "$marker" -f "$dir/other_host_key"
ssh-keygen -q -t ed25519 -N '' -C "$marker" -f "$dir/client_key"

cat >"$dir/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
PidFile $dir/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 10:30:100
EOF

echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_key.pub")" >"$dir/known_hosts"
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/other_host_key.pub")" >"$dir/known_hosts_wrong"
: >"$dir/known_hosts_empty"

user=$(id -un)
cat >"$dir/ssh_config" <<EOF
Host engines-alias
	HostName 127.0.0.1
	Port $port
	User $user

Host engines-wrong-key
	HostName 127.0.0.1
	Port $port
	User $user
	UserKnownHostsFile $dir/known_hosts_wrong

Host engines-unknown-key
	HostName 127.0.0.1
	Port $port
	User $user
	UserKnownHostsFile $dir/known_hosts_empty

Host engines-no-auth
	HostName 127.0.0.1
	Port $port
	User nobody

Host *
	IdentityFile $dir/client_key
	IdentitiesOnly yes
	UserKnownHostsFile $dir/known_hosts
	GlobalKnownHostsFile /dev/null
	IdentityAgent none
EOF

cat >"$dir/bin/ssh" <<EOF
#!/bin/sh
exec /usr/bin/ssh -F $dir/ssh_config "\$@"
EOF
chmod +x "$dir/bin/ssh"

mkdir -p "$home/.ssh"
chmod 700 "$home/.ssh"
touch "$authorized"
echo "$(cut -d' ' -f1,2 "$dir/client_key.pub") $marker" >>"$authorized"

/usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"
for _ in $(seq 1 100); do
	if /usr/bin/ssh -F "$dir/ssh_config" -o BatchMode=yes engines-alias true 2>/dev/null; then
		break
	fi
	sleep 0.05
done

cat >"$dir/env" <<EOF
SSHD_DIR=$dir
SSHD_PORT=$port
SSHD_PID=$(cat "$dir/sshd.pid")
PATH=$dir/bin:$PATH
EOF
cat "$dir/env"
