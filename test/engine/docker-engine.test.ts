// The Engine over dockerode, against the real Docker engine the app would use (DOCKER_HOST, contexts, or the
// default socket; `bash test/engine-up.sh` starts one). Every object made here carries the label
// dockpit.test=<runId> and a name starting with dockpit-test-; after() removes exactly those.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {resolveEndpoint} from '../../source/engine/connection.js';
import {freePort} from '../helpers/net.js';
import {createDockerEngine} from '../../source/engine/docker-engine.js';
import {
	EngineError,
	type DockerEvent,
	type EngineErrorKind,
	type RunSpec,
	type TerminalSession,
} from '../../source/engine/types.js';

const image = process.env['DOCKPIT_TEST_IMAGE'] ?? 'dockpit-test/busybox:local';
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const labels = {'dockpit.test': runId};
const endpoint = resolveEndpoint({env: process.env, homeDir: os.homedir()});
const engine = createDockerEngine(endpoint);
const imagesToRemove: string[] = [];

function spec(name: string, overrides: Partial<RunSpec> = {}): RunSpec {
	return {
		image,
		name: `dockpit-test-${runId}-${name}`,
		cmd: ['sleep', '300'],
		env: [],
		ports: [],
		volumes: [],
		restartPolicy: 'no',
		autoRemove: false,
		tty: false,
		openStdin: false,
		labels,
		...overrides,
	};
}

async function rejectsWith(
	promise: Promise<unknown>,
	kind: EngineErrorKind,
	message?: RegExp,
): Promise<EngineError> {
	let caught: unknown;
	try {
		await promise;
	} catch (error) {
		caught = error;
	}

	assert.ok(
		caught instanceof EngineError,
		`expected an EngineError ${kind}, got ${String(caught)}`,
	);
	assert.equal(caught.kind, kind, caught.message);
	if (message) {
		assert.match(caught.message, message);
	}

	return caught;
}

async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined> | T | undefined,
	ms = 5000,
): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		const value = await check();
		if (value !== undefined && value !== false) {
			return value;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}

/**
Collects a terminal session's output as text and its end.
*/
function record(session: TerminalSession) {
	const decoder = new TextDecoder();
	let output = '';
	let end: {reason: string; exitCode?: number} | undefined;
	let ends = 0;
	session.onData(data => {
		output += decoder.decode(data, {stream: true});
	});
	session.onEnd(value => {
		end = value;
		ends++;
	});
	return {
		output: () => output,
		waitForOutput: async (pattern: RegExp) =>
			waitFor(
				`output ${String(pattern)} (got ${JSON.stringify(output.slice(-200))})`,
				() => pattern.test(output) || undefined,
			),
		waitForEnd: async () => waitFor('the session to end', () => end),
		ends: () => ends,
	};
}

/**
Open sockets of this process (unix and tcp), to check that streams are torn down.
*/
function openSockets(): number {
	return process
		.getActiveResourcesInfo()
		.filter(type => type === 'PipeWrap' || type === 'TCPSocketWrap').length;
}

async function settle(ms = 100): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

test.before(async () => {
	try {
		await engine.ping();
	} catch (error) {
		throw new Error(
			`no Docker engine answers at ${endpoint.host} (${String(error)}). Start one with: bash test/engine-up.sh`,
		);
	}
});

test.after(async () => {
	const mine = (await engine.listContainers()).filter(
		container => container.labels['dockpit.test'] === runId,
	);
	await Promise.all(
		mine.map(async container =>
			engine
				.removeContainer(container.id, {force: true, volumes: true})
				.catch(() => undefined),
		),
	);
	for (const reference of imagesToRemove) {
		// eslint-disable-next-line no-await-in-loop
		await engine.removeImage(reference, {force: true}).catch(() => undefined);
	}
});

test('ping and info describe the engine we reach', async () => {
	await engine.ping();
	const info = await engine.info();
	assert.equal(engine.host, endpoint.host);
	assert.equal(info.host, endpoint.host);
	assert.match(info.version, /^\d+\.\d+/);
	assert.match(info.apiVersion, /^1\.\d+$/);
	assert.ok(info.name.length > 0);
	assert.ok(info.images >= 1);
	assert.ok(
		['inactive', 'active', 'pending', 'error', 'locked'].includes(info.swarm),
	);
});

test('runContainer with ports, env, cmd and labels; list and inspect show them normalised', async () => {
	const port = await freePort();
	const name = `dockpit-test-${runId}-web`;
	const id = await engine.runContainer(
		spec('web', {
			cmd: ['sleep', '301'],
			env: ['GREETING=hello world', 'EMPTY='],
			ports: [
				{privatePort: 80, publicPort: port, ip: '127.0.0.1', protocol: 'tcp'},
				{privatePort: 53, protocol: 'udp'},
			],
			labels: {
				...labels,
				'com.docker.compose.project': 'dockpit-test-project',
				note: 'a\u001B[31mb',
			},
			restartPolicy: 'unless-stopped',
		}),
	);
	assert.match(id, /^[\da-f]{64}$/);

	const rows = await engine.listContainers();
	const row = rows.find(container => container.id === id);
	assert.ok(row, 'the new container is listed');
	assert.equal(row.name, name);
	assert.equal(row.image, image);
	assert.match(row.imageId, /^sha256:[\da-f]{64}$/);
	assert.equal(row.command, 'sleep 301');
	assert.equal(row.state, 'running');
	assert.match(row.status, /^Up /);
	assert.equal(row.exitCode, undefined);
	assert.equal(row.composeProject, 'dockpit-test-project');
	assert.equal(
		row.labels['note'],
		'ab',
		'the escape sequence in the label is gone',
	);
	assert.ok(
		Math.abs(row.created - Date.now()) < 60_000,
		'created is in milliseconds',
	);
	assert.deepEqual(
		row.ports.find(mapping => mapping.privatePort === 80),
		{privatePort: 80, publicPort: port, ip: '127.0.0.1', protocol: 'tcp'},
	);
	const udp = row.ports.find(mapping => mapping.privatePort === 53);
	assert.equal(udp?.protocol, 'udp');
	assert.ok(
		udp.publicPort !== undefined && udp.publicPort > 0,
		'a port without a host port is published on one the engine picks, as -p 53/udp does',
	);

	const only = await engine.listContainers({ids: [id]});
	assert.deepEqual(
		only.map(container => container.id),
		[id],
	);
	assert.deepEqual(await engine.listContainers({ids: []}), []);

	const details = await engine.inspectContainer(id);
	assert.equal(details.id, id);
	assert.equal(details.name, name);
	assert.equal(details.image, image);
	assert.equal(details.state, 'running');
	assert.deepEqual(details.cmd, ['sleep', '301']);
	assert.ok(details.env.includes('GREETING=hello world'));
	assert.ok(details.env.includes('EMPTY='));
	assert.equal(details.restartPolicy, 'unless-stopped');
	assert.equal(details.tty, false);
	assert.ok(details.pid && details.pid > 0);
	assert.ok(details.startedAt && details.startedAt >= details.created);
	assert.equal(details.labels['dockpit.test'], runId);
	assert.ok(
		details.networks.some(
			network => network.name === 'bridge' && network.ipAddress !== '',
		),
	);
	assert.ok(
		details.ports.some(
			mapping =>
				mapping.privatePort === 80 &&
				mapping.publicPort === port &&
				mapping.ip === '127.0.0.1',
		),
	);

	// The port is really published.
	await new Promise<void>((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.destroy();
			resolve();
		});
		socket.on('error', reject);
	});
});

test('a container whose start fails is removed again, and the start error is thrown', async () => {
	const name = `dockpit-test-${runId}-broken`;
	await rejectsWith(
		engine.runContainer(spec('broken', {cmd: ['/no/such/binary']})),
		'bad-request',
		/no such file/,
	);
	const left = (await engine.listContainers()).filter(
		container => container.name === name,
	);
	assert.deepEqual(left, []);
});

test('runContainer of a missing image → not-found', async () => {
	await rejectsWith(
		engine.runContainer(spec('noimage', {image: 'dockpit-test/none:missing'})),
		'not-found',
	);
});

test('images: list and inspect (with history layers)', async () => {
	const images = await engine.listImages();
	const test_ = images.find(item => item.repoTags.includes(image));
	assert.ok(test_, 'the test image is listed');
	assert.match(test_.id, /^sha256:[\da-f]{64}$/);
	assert.equal(test_.dangling, false);
	assert.ok(test_.size > 0);
	assert.ok(test_.created > 1_000_000_000_000);

	const details = await engine.inspectImage(image);
	assert.equal(details.id, test_.id);
	assert.equal(details.os, 'linux');
	assert.deepEqual(details.cmd, ['/bin/sh']);
	assert.ok(details.env.includes('PATH=/bin'));
	assert.ok(details.layers.length > 0);
	assert.ok(details.layers.some(layer => layer.tags.includes(image)));
	await rejectsWith(
		engine.inspectImage('dockpit-test/none:missing'),
		'not-found',
		/^image dockpit-test\/none:missing: /,
	);
});

test('inspect of a missing container → not-found, naming it', async () => {
	await rejectsWith(
		engine.inspectContainer(`dockpit-test-${runId}-missing`),
		'not-found',
		new RegExp(`^container dockpit-test-${runId}-missing: No such container`),
	);
});

test('events: sees a create and destroy we cause, replays with since, and stops cleanly on abort', async () => {
	const started = Date.now() - 1000;
	await settle();
	const socketsBefore = openSockets();
	const controller = new AbortController();
	const seen: DockerEvent[] = [];
	let id = '';
	const iterator = engine
		.events({signal: controller.signal})
		[Symbol.asyncIterator]();
	// The stream is opened by the first next(); give the engine a moment before acting.
	const first = iterator.next();
	await new Promise(resolve => {
		setTimeout(resolve, 200);
	});
	id = await engine.runContainer(spec('events', {cmd: ['true']}));
	await engine.removeContainer(id, {force: true, volumes: false});

	let next = await first;
	while (!next.done) {
		const event = next.value;
		if (event.id === id) {
			seen.push(event);
			if (event.type === 'container' && event.action === 'destroy') {
				break;
			}
		}

		// eslint-disable-next-line no-await-in-loop
		next = await iterator.next();
	}

	const actions = seen.map(event => event.action);
	assert.ok(actions.includes('create'), actions.join(','));
	assert.ok(actions.includes('start'), actions.join(','));
	assert.equal(actions.at(-1), 'destroy');
	const create = seen.find(event => event.action === 'create')!;
	assert.equal(create.type, 'container');
	assert.equal(create.name, `dockpit-test-${runId}-events`);
	assert.equal(create.attributes['dockpit.test'], runId);
	assert.ok(
		Math.abs(create.time - Date.now()) < 60_000,
		'event time is in milliseconds',
	);

	// Abort while the iterator waits for the next event: it throws 'aborted' promptly.
	const waiting = iterator.next();
	const abortedAt = Date.now();
	controller.abort();
	await rejectsWith(waiting, 'aborted');
	assert.ok(Date.now() - abortedAt < 1000);
	assert.deepEqual(await iterator.next(), {done: true, value: undefined});
	await settle();
	assert.ok(
		openSockets() <= socketsBefore,
		'the event stream socket is closed after abort',
	);

	// since: replays the past.
	const replay = new AbortController();
	const replayed: string[] = [];
	try {
		for await (const event of engine.events({
			signal: replay.signal,
			since: started,
		})) {
			if (event.id === id) {
				replayed.push(event.action);
				if (event.action === 'destroy') {
					replay.abort();
				}
			}
		}
	} catch (error) {
		assert.ok(
			error instanceof EngineError && error.kind === 'aborted',
			String(error),
		);
	}

	assert.ok(
		replayed.includes('create') && replayed.includes('destroy'),
		replayed.join(','),
	);

	// Breaking out of a for-await closes the stream too (return()), with no error.
	const breaker = new AbortController();
	const waitingForOne = (async () => {
		for await (const event of engine.events({
			signal: breaker.signal,
			since: started,
		})) {
			return event;
		}

		return undefined;
	})();
	assert.ok(await waitingForOne);
	assert.equal(breaker.signal.aborted, false);
	await settle();
	assert.ok(
		openSockets() <= socketsBefore,
		'the event stream socket is closed after return()',
	);
});

test('events on an already-aborted signal → aborted at once', async () => {
	const controller = new AbortController();
	controller.abort();
	await rejectsWith(
		engine.events({signal: controller.signal})[Symbol.asyncIterator]().next(),
		'aborted',
	);
});

test('lifecycle: stop, start, pause, unpause, kill, restart; repeats are not errors', async () => {
	// A shell that exits at once on SIGTERM, so stop and restart are quick.
	const id = await engine.runContainer(
		spec('life', {cmd: ['sh', '-c', 'trap "exit 0" TERM; sleep 300 & wait']}),
	);
	const state = async () => (await engine.inspectContainer(id)).state;

	await engine.pauseContainer(id);
	assert.equal(await state(), 'paused');
	assert.equal((await engine.listContainers({ids: [id]}))[0]?.state, 'paused');
	await engine.unpauseContainer(id);
	assert.equal(await state(), 'running');

	await engine.stopContainer(id, {timeout: 5});
	const stopped = await engine.inspectContainer(id);
	assert.equal(stopped.state, 'exited');
	assert.equal(stopped.exitCode, 0);
	await engine.stopContainer(id); // 304: already stopped
	await engine.startContainer(id);
	assert.equal(await state(), 'running');
	await engine.startContainer(id); // 304: already started

	await engine.restartContainer(id);
	assert.equal(await state(), 'running');

	await engine.killContainer(id, 'SIGKILL');
	await waitFor('the container to exit', async () =>
		(await state()) === 'exited' ? true : undefined,
	);
	const row = (await engine.listContainers({ids: [id]}))[0];
	assert.equal(row?.exitCode, 137);
	assert.match(row?.status ?? '', /^Exited \(137\)/);
	assert.equal((await engine.inspectContainer(id)).exitCode, 137);
	await rejectsWith(
		engine.killContainer(id, 'SIGTERM'),
		'conflict',
		/is not running/,
	);

	await engine.removeContainer(id, {force: false, volumes: false});
	await rejectsWith(engine.inspectContainer(id), 'not-found');
	await rejectsWith(engine.startContainer(id), 'not-found');
});

test('removing a running container without force → conflict; with force it goes', async () => {
	const id = await engine.runContainer(spec('remove'));
	await rejectsWith(
		engine.removeContainer(id, {force: false, volumes: false}),
		'conflict',
		new RegExp(
			`^container ${id.slice(0, 12)}: .*cannot remove a running container`,
		),
	);
	await engine.removeContainer(id, {force: true, volumes: true});
	assert.deepEqual(await engine.listContainers({ids: [id]}), []);
});

test('diff and commit: the new image has the message and author', async () => {
	const id = await engine.runContainer(
		spec('diff', {
			cmd: [
				'sh',
				'-c',
				'echo hi > /tmp/new-file && rm /etc/group && sleep 300',
			],
		}),
	);
	const changes = await waitFor('the changes', async () => {
		const list = await engine.diffContainer(id);
		return list.some(change => change.path === '/etc/group') ? list : undefined;
	});
	assert.ok(
		changes.some(
			change => change.kind === 'A' && change.path === '/tmp/new-file',
		),
	);
	assert.ok(
		changes.some(change => change.kind === 'C' && change.path === '/tmp'),
	);
	assert.ok(
		changes.some(change => change.kind === 'D' && change.path === '/etc/group'),
	);

	const repo = `dockpit-test/committed-${runId}`;
	const imageId = await engine.commitContainer(id, {
		repo,
		tag: 'v1',
		message: 'made by the engine test',
		author: 'Dockpit Test <test@example.com>',
		pause: true,
	});
	imagesToRemove.push(imageId);
	assert.match(imageId, /^sha256:[\da-f]{64}$/);
	const committed = await engine.inspectImage(imageId);
	assert.equal(committed.comment, 'made by the engine test');
	assert.equal(committed.author, 'Dockpit Test <test@example.com>');
	assert.deepEqual(committed.repoTags, [`${repo}:v1`]);
	assert.equal(committed.labels['dockpit.test'], runId);
	assert.ok(committed.layers.length >= 2, 'the commit added a layer');
	assert.equal(
		(await engine.inspectContainer(id)).state,
		'running',
		'unpaused after the commit',
	);
	await rejectsWith(
		engine.commitContainer(`dockpit-test-${runId}-gone`, {
			repo: '',
			tag: '',
			message: '',
			author: '',
			pause: false,
		}),
		'not-found',
	);
});

test('tag an image, then remove only that tag', async () => {
	const repo = `dockpit-test/tagged-${runId}`;
	const reference = `${repo}:extra`;
	imagesToRemove.push(reference);
	const base = await engine.inspectImage(image);
	await engine.tagImage(image, repo, 'extra');
	const tagged = (await engine.listImages()).find(item => item.id === base.id);
	assert.ok(tagged?.repoTags.includes(reference), String(tagged?.repoTags));

	await engine.removeImage(reference, {force: false});
	const after = (await engine.listImages()).find(item => item.id === base.id);
	assert.ok(after, 'the image itself is still there');
	assert.ok(!after.repoTags.includes(reference));
	assert.ok(after.repoTags.includes(image));
	await rejectsWith(engine.removeImage(reference, {force: false}), 'not-found');
	await rejectsWith(
		engine.tagImage('dockpit-test/none:missing', repo, 'x'),
		'not-found',
	);
});

test('exec: a shell runs commands, exits with its code, and the end is told exactly once', async () => {
	const id = await engine.runContainer(spec('exec'));
	await settle();
	const socketsBefore = openSockets();
	const session = await engine.exec(id, {
		shells: ['/bin/bash', '/bin/sh'],
		columns: 100,
		rows: 30,
	});
	const recorded = record(session);
	session.write('echo $((6*7))\r');
	await recorded.waitForOutput(/\r?\n42\r?\n/);
	session.write('stty size\r');
	await recorded.waitForOutput(/30 100/);
	await session.resize({columns: 120, rows: 40});
	session.write('stty size\r');
	await recorded.waitForOutput(/40 120/);
	session.write('exit 3\r');
	const end = await recorded.waitForEnd();
	assert.deepEqual(end, {reason: 'shell exited with code 3', exitCode: 3});

	// A listener added after the end still hears it; writes and resizes after the end are ignored.
	const late = await new Promise(resolve => {
		session.onEnd(resolve);
	});
	assert.deepEqual(late, end);
	session.write('echo ignored\r');
	await session.resize({columns: 10, rows: 10});
	session.close();
	await new Promise(resolve => {
		setTimeout(resolve, 100);
	});
	assert.equal(recorded.ends(), 1);
	assert.ok(openSockets() <= socketsBefore, 'the hijacked socket is closed');
});

test('exec: close() hangs up the shell in the container', async () => {
	const id = await engine.runContainer(spec('hangup'));
	const first = await engine.exec(id, {
		shells: ['/bin/sh'],
		columns: 80,
		rows: 24,
	});
	const one = record(first);
	first.write('echo pid=$$\r');
	await one.waitForOutput(/pid=(\d+)\r?\n/);
	const pid = /pid=(\d+)\r?\n/.exec(one.output())![1]!;
	first.close();
	const end = await one.waitForEnd();
	assert.equal(end.reason, 'session closed');

	const second = await engine.exec(id, {
		shells: ['/bin/sh'],
		columns: 80,
		rows: 24,
	});
	const two = record(second);
	second.write(
		`kill -0 ${pid} 2>/dev/null && echo still-alive || echo hung-up\r`,
	);
	await two.waitForOutput(/\r\n(still-alive|hung-up)\r\n/);
	assert.match(two.output(), /\r\nhung-up\r\n/);
	second.close();
	await two.waitForEnd();
});

test('exec: no shell found → not-found naming what was tried', async () => {
	const id = await engine.runContainer(spec('noshell'));
	await rejectsWith(
		engine.exec(id, {shells: ['/bin/bash', '/bin/zsh'], columns: 80, rows: 24}),
		'not-found',
		new RegExp(
			`^no shell found in container ${id.slice(0, 12)} \\(tried /bin/bash, /bin/zsh\\)$`,
		),
	);
});

test('exec into a stopped container → conflict; a session whose container is killed says so', async () => {
	const id = await engine.runContainer(spec('exec-stopped'));
	const session = await engine.exec(id, {
		shells: ['/bin/sh'],
		columns: 80,
		rows: 24,
	});
	const recorded = record(session);
	await engine.killContainer(id, 'SIGKILL');
	const end = await recorded.waitForEnd();
	assert.equal(end.reason, 'container stopped');

	await rejectsWith(
		engine.exec(id, {shells: ['/bin/sh'], columns: 80, rows: 24}),
		'conflict',
		/is not running/,
	);
	await rejectsWith(
		engine.exec(`dockpit-test-${runId}-nothere`, {
			shells: ['/bin/sh'],
			columns: 80,
			rows: 24,
		}),
		'not-found',
	);
});

test('attach to an -it container, detach with the detach keys: the container keeps running', async () => {
	const id = await engine.runContainer(
		spec('attach', {cmd: ['/bin/sh'], tty: true, openStdin: true}),
	);
	const session = await engine.attach(id, {
		columns: 80,
		rows: 24,
		detachKeys: 'ctrl-p,ctrl-q',
	});
	const recorded = record(session);
	session.write('echo $((6*7))\r');
	await recorded.waitForOutput(/\r?\n42\r?\n/);
	session.write('\u0010\u0011');
	const end = await recorded.waitForEnd();
	assert.deepEqual(end, {reason: 'detached'});
	assert.equal((await engine.inspectContainer(id)).state, 'running');

	// Attach again and leave through the shell: the container exits with its code.
	const again = await engine.attach(id, {
		columns: 80,
		rows: 24,
		detachKeys: 'ctrl-p,ctrl-q',
	});
	const second = record(again);
	again.write('exit 5\r');
	assert.deepEqual(await second.waitForEnd(), {
		reason: 'container exited with code 5',
		exitCode: 5,
	});
	assert.equal((await engine.inspectContainer(id)).state, 'exited');

	await rejectsWith(
		engine.attach(id, {columns: 80, rows: 24, detachKeys: 'ctrl-p,ctrl-q'}),
		'conflict',
		/not running/,
	);
});

test('docker run -it: create, attach with start; what the container writes first is not missed', async () => {
	const id = await engine.createContainer(
		spec('run-it', {
			cmd: ['sh', '-c', 'echo first-words; exec sh'],
			tty: true,
			openStdin: true,
		}),
	);
	assert.equal((await engine.inspectContainer(id)).state, 'created');
	const session = await engine.attach(id, {
		columns: 80,
		rows: 24,
		detachKeys: 'ctrl-p,ctrl-q',
		start: true,
	});
	const recorded = record(session);
	await recorded.waitForOutput(/first-words/);
	session.write('exit 4\r');
	assert.deepEqual(await recorded.waitForEnd(), {
		reason: 'container exited with code 4',
		exitCode: 4,
	});
});

test('docker run -it whose start fails: the error is thrown and the created container removed', async () => {
	const id = await engine.createContainer(
		spec('run-it-broken', {
			cmd: ['/no/such/binary'],
			tty: true,
			openStdin: true,
		}),
	);
	await rejectsWith(
		engine.attach(id, {
			columns: 80,
			rows: 24,
			detachKeys: 'ctrl-p,ctrl-q',
			start: true,
		}),
		'bad-request',
		/no such file/,
	);
	await rejectsWith(engine.inspectContainer(id), 'not-found');
});

test('attach to a container without a TTY: output is demultiplexed; close() detaches', async () => {
	const id = await engine.runContainer(
		spec('attach-plain', {
			cmd: [
				'sh',
				'-c',
				'while read line; do echo "got $line"; echo "err $line" >&2; done',
			],
			openStdin: true,
		}),
	);
	const session = await engine.attach(id, {
		columns: 80,
		rows: 24,
		detachKeys: 'ctrl-p,ctrl-q',
	});
	const recorded = record(session);
	session.write('hello\n');
	await recorded.waitForOutput(/got hello\n/);
	await recorded.waitForOutput(/err hello\n/);
	assert.doesNotMatch(
		recorded.output(),
		/[\u0000-\u0002]/,
		'no frame headers in the output',
	);
	session.close();
	assert.deepEqual(await recorded.waitForEnd(), {reason: 'detached'});
	assert.equal((await engine.inspectContainer(id)).state, 'running');
});

test('unreachable endpoints fail fast with unreachable', async () => {
	for (const host of ['unix:///nonexistent.sock', 'tcp://127.0.0.1:1']) {
		const unreachable = createDockerEngine(
			resolveEndpoint({host, env: {}, homeDir: os.homedir()}),
		);
		const started = Date.now();
		// eslint-disable-next-line no-await-in-loop
		const error = await rejectsWith(unreachable.ping(), 'unreachable');
		assert.ok(
			Date.now() - started < 3500,
			`${host} took ${Date.now() - started} ms`,
		);
		assert.ok(
			error.message.includes(host.replace('tcp://', '')),
			error.message,
		);
		// eslint-disable-next-line no-await-in-loop
		await rejectsWith(unreachable.listContainers(), 'unreachable');
		const controller = new AbortController();
		// eslint-disable-next-line no-await-in-loop
		await rejectsWith(
			unreachable
				.events({signal: controller.signal})
				[Symbol.asyncIterator]()
				.next(),
			'unreachable',
		);
	}

	const controller = new AbortController();
	controller.abort();
	await rejectsWith(engine.ping(controller.signal), 'aborted');
});

test('an engine that accepts the connection but never answers: ping gives up after about 3 s', async () => {
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	try {
		const silent = createDockerEngine(
			resolveEndpoint({
				host: `tcp://127.0.0.1:${port}`,
				env: {},
				homeDir: os.homedir(),
			}),
		);
		const started = Date.now();
		await rejectsWith(
			silent.ping(),
			'unreachable',
			new RegExp(`tcp://127.0.0.1:${port} did not answer within 3 s`),
		);
		const took = Date.now() - started;
		assert.ok(took >= 2900 && took < 4500, `took ${took} ms`);
	} finally {
		for (const socket of sockets) {
			socket.destroy();
		}

		server.close();
	}
});

test('DOCKER_HOST in the environment does not override an endpoint given to createDockerEngine', async () => {
	const saved = process.env['DOCKER_HOST'];
	process.env['DOCKER_HOST'] = 'tcp://127.0.0.1:1';
	try {
		const local = createDockerEngine(endpoint);
		await local.ping();
	} finally {
		if (saved === undefined) {
			delete process.env['DOCKER_HOST'];
		} else {
			process.env['DOCKER_HOST'] = saved;
		}
	}
});

test('an event stream that breaks → unreachable, after the events that did arrive (a bad line skipped)', async () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-events-'));
	const socketPath = path.join(folder, 'engine.sock');
	const server = http.createServer((request, response) => {
		if (request.url?.startsWith('/events')) {
			response.writeHead(200, {'Content-Type': 'application/json'});
			response.write(
				'{"Type":"container","Action":"start","Actor":{"ID":"a1","Attributes":{"name":"one"}},"time":1}\n',
			);
			response.write('{"Type":"container","Act');
			setTimeout(() => {
				response.write(
					'ion":"die","Actor":{"ID":"a1"},"timeNano":2000000}\nnot json\r\n',
				);
				response.end();
			}, 20);
			return;
		}

		response.writeHead(404).end();
	});
	await new Promise<void>(resolve => {
		server.listen(socketPath, resolve);
	});
	try {
		const broken = createDockerEngine(
			resolveEndpoint({
				host: `unix://${socketPath}`,
				env: {},
				homeDir: os.homedir(),
			}),
		);
		const received: string[] = [];
		let caught: unknown;
		try {
			for await (const event of broken.events({
				signal: new AbortController().signal,
			})) {
				received.push(`${event.action}@${event.time}`);
			}
		} catch (error) {
			caught = error;
		}

		assert.deepEqual(received, ['start@1000', 'die@2']);
		assert.ok(caught instanceof EngineError);
		assert.equal(caught.kind, 'unreachable');
		assert.match(caught.message, new RegExp(`closed its event stream`));
	} finally {
		server.close();
		fs.rmSync(folder, {recursive: true, force: true});
	}
});
