import assert from 'node:assert/strict';
import test from 'node:test';
import {
	describeSshTarget,
	sshArgs,
	sshError,
} from '../../source/engine/ssh-transport.js';

const target = {host: 'box', user: 'me', port: 2222};

test('every ssh process checks host keys strictly and never prompts', () => {
	const args = sshArgs(target, '/tmp/x/master').join(' ');
	assert.match(args, /-o BatchMode=yes/);
	assert.match(args, /-o StrictHostKeyChecking=yes/);
	assert.match(args, /-o ControlPath=\/tmp\/x\/master/);
	assert.match(args, /-l me -p 2222/);
	assert.doesNotMatch(sshArgs({host: 'alias'}, '/p').join(' '), /-l|-p/);
	assert.equal(describeSshTarget(target), 'ssh://me@box:2222');
});

test('a changed host key is refused in words naming known_hosts', () => {
	const error = sshError(
		target,
		'@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nAdd correct host key in /home/me/.ssh/known_hosts to get rid of this message.\nOffending ED25519 key in /home/me/.ssh/known_hosts:3\nHost key verification failed.\n',
		255,
	);
	assert.equal(error.kind, 'unauthorized');
	assert.match(error.message, /host key has CHANGED/);
	assert.match(error.message, /known_hosts \(\/home\/me\/\.ssh\/known_hosts\)/);
	assert.match(error.message, /ssh-keygen -R box/);
});

test('an unknown host key is refused, never added', () => {
	const error = sshError(
		target,
		'No ED25519 host key is known for [box]:2222 and you have requested strict checking.\nHost key verification failed.\n',
		255,
	);
	assert.equal(error.kind, 'unauthorized');
	assert.match(error.message, /not in known_hosts/);
	assert.match(error.message, /does not add host keys/);
});

test('an auth failure gets its own words', () => {
	const error = sshError(
		target,
		'me@box: Permission denied (publickey).\n',
		255,
	);
	assert.equal(error.kind, 'unauthorized');
	assert.match(error.message, /permission denied \(publickey\)/);
	assert.match(error.message, /never asks for a password/);
});

test('network failures and a missing docker are unreachable, in words', () => {
	const refused = sshError(
		target,
		'ssh: connect to host box port 2222: Connection refused\n',
		255,
	);
	assert.equal(refused.kind, 'unreachable');
	assert.match(refused.message, /connection refused. Is sshd running there\?/);
	assert.match(
		sshError(
			target,
			'ssh: Could not resolve hostname box: Name or service not known',
			255,
		).message,
		/could not be resolved/,
	);
	assert.match(
		sshError(target, 'bash: line 1: docker: command not found\n', 127).message,
		/no docker command on that host/,
	);
	assert.match(
		sshError(target, 'Connection to box closed by remote host.\n', 255).message,
		/ssh connection was lost/,
	);
});

test('what ssh says is made one harmless line', () => {
	const error = sshError(target, 'weird \u001B[31mred\u001B[0m failure\n', 1);
	assert.doesNotMatch(error.message, /\u001B/);
});
