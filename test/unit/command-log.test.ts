import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {parseArgs} from '../../source/command-line/args.js';
import {
	completionsFor,
	fuzzyScore,
} from '../../source/command-line/complete.js';
import {
	appendHistory,
	historyPath,
	readHistory,
} from '../../source/command-line/history.js';
import {commandTable} from '../../source/command-line/table.js';
import {commitLine, runLine} from '../../source/commands/docker-lines.js';
import {runTransfer} from '../../source/commands/transfer-runner.js';
import {dockerLineText} from '../../source/format/docker-line.js';
import {app, busybox, setup, web} from '../helpers/command-line.js';

test('the command table has every command of the docker CLI table, each described once', () => {
	const docker = [
		'attach',
		'build',
		'commit',
		'cp',
		'diff',
		'events',
		'export',
		'history',
		'images',
		'import',
		'info',
		'inspect',
		'kill',
		'load',
		'login',
		'logs',
		'port',
		'pause',
		'ps',
		'pull',
		'push',
		'restart',
		'rm',
		'rmi',
		'run',
		'save',
		'search',
		'start',
		'stop',
		'tag',
		'top',
		'unpause',
		'version',
		'wait',
	];
	const names = commandTable.map(command => command.name);
	for (const name of [...docker, 'containers', 'help', 'quit', 'log']) {
		assert.ok(names.includes(name), `:${name} is in the table`);
	}

	assert.equal(new Set(names).size, names.length, 'no name twice');
	for (const command of commandTable) {
		assert.ok(command.description.length > 5, command.name);
		assert.equal(typeof command.prepare, 'function', command.name);
	}
});

test('arguments: pflag rules (short flags together, values joined or apart, =false, --)', () => {
	const options = [
		{short: 'd', long: 'detach', description: ''},
		{short: 'i', long: 'interactive', description: ''},
		{short: 't', long: 'tty', description: ''},
		{short: 'p', long: 'publish', value: 'PORT', description: ''},
		{long: 'pause', description: ''},
	];
	const parsed = parseArgs(
		[
			'-it',
			'-dp8080:80',
			'--publish=1:2',
			'-p',
			'3:4',
			'--pause=false',
			'x',
			'--',
			'-z',
		],
		options,
		{command: 'run'},
	);
	assert.deepEqual(parsed, {
		ok: true,
		value: {
			flags: {interactive: true, tty: true, detach: true, pause: false},
			values: {publish: ['8080:80', '1:2', '3:4']},
			positional: ['x', '-z'],
		},
	});
	assert.deepEqual(
		parseArgs(['img', '-d'], options, {command: 'run', interspersed: false}),
		{ok: true, value: {flags: {}, values: {}, positional: ['img', '-d']}},
	);
	assert.deepEqual(parseArgs(['--pause=maybe'], options, {command: 'x'}), {
		ok: false,
		error: '--pause is a flag: it takes no value (or =true, =false), not maybe',
	});
	assert.deepEqual(parseArgs(['-p'], options, {command: 'x'}), {
		ok: false,
		error: '-p/--publish needs a value (PORT)',
	});
	assert.deepEqual(parseArgs(['-q'], [], {command: 'ps'}), {
		ok: false,
		error: ':ps takes no options (-q)',
	});
});

test('docker lines: quoted as a shell takes them back, secrets masked', () => {
	assert.equal(
		dockerLineText([
			'docker',
			'run',
			'-e',
			'A=1',
			'-e',
			'GITHUB_TOKEN=abc',
			'app',
			'sh',
			'-c',
			'echo hi',
		]),
		"docker run -e A=1 -e GITHUB_TOKEN=•••• app sh -c 'echo hi'",
	);
	assert.equal(
		dockerLineText([
			'docker',
			'build',
			'--build-arg',
			'NPM_TOKEN=x y',
			'--env=DB_PASSWORD=1',
			'.',
		]),
		'docker build --build-arg NPM_TOKEN=•••• --env=DB_PASSWORD=•••• .',
	);
	assert.equal(
		dockerLineText(['docker', 'commit', '-m', "it's done", 'web', 'app:v2']),
		"docker commit -m 'it'\\''s done' web app:v2",
	);
	assert.deepEqual(
		runLine({
			image: 'busybox:local',
			name: 'x1',
			cmd: ['sh', '-c', 'echo hi'],
			env: ['A=1'],
			ports: [
				{privatePort: 80, publicPort: 8080, protocol: 'tcp'},
				{privatePort: 53, publicPort: 5353, ip: '127.0.0.1', protocol: 'udp'},
				{privatePort: 443, protocol: 'tcp'},
			],
			volumes: ['/data'],
			restartPolicy: 'always',
			autoRemove: false,
			tty: true,
			openStdin: true,
			labels: {},
		}),
		[
			'docker',
			'run',
			'-it',
			'--name',
			'x1',
			'-p',
			'8080:80',
			'-p',
			'127.0.0.1:5353:53/udp',
			'-p',
			'443',
			'-e',
			'A=1',
			'-v',
			'/data',
			'--restart',
			'always',
			'busybox:local',
			'sh',
			'-c',
			'echo hi',
		],
	);
	assert.equal(
		dockerLineText(
			commitLine('web', {
				repo: 'app',
				tag: 'v2',
				reference: 'app:v2',
				message: 'msg',
				author: '',
				pause: true,
			}),
		),
		'docker commit --pause=true -m msg web app:v2',
	);
});

test('every key action logs its docker line, with time, duration and result', async () => {
	const cases: Array<
		[Parameters<ReturnType<typeof setup>['press']>[0], string]
	> = [
		['containers.stop', 'docker stop web'],
		['containers.start', 'docker start web'],
		['containers.restart', 'docker restart web'],
		['containers.pause', 'docker pause web'],
	];
	for (const [command, line] of cases) {
		const app = setup();
		// eslint-disable-next-line no-await-in-loop
		const state = await app.press(command);
		const [entry] = state.ui.log ?? [];
		assert.equal(entry?.line, line, command);
		assert.equal(entry?.status, 'ok');
		assert.ok(
			entry && entry.endedAt !== undefined && entry.endedAt >= entry.startedAt,
		);
	}

	// A dialog's choice: kill with a signal, remove with -v.
	const kill = setup();
	await kill.press('containers.kill');
	kill.store.dispatch({type: 'ui/focus-move', delta: 1});
	kill.store.dispatch({type: 'ui/focus-move', delta: 1});
	kill.store.dispatch({type: 'ui/focus-move', delta: 1});
	await kill.press('dialog.choose');
	assert.deepEqual(kill.log(), ['docker kill -s HUP web']);

	const remove = setup();
	await remove.press('containers.remove');
	remove.store.dispatch({type: 'ui/focus-move', delta: -1});
	remove.store.dispatch({type: 'ui/field-toggle', delta: 1});
	remove.store.dispatch({type: 'ui/focus-move', delta: 1});
	remove.store.dispatch({type: 'ui/focus-move', delta: 1});
	await remove.press('dialog.choose');
	assert.deepEqual(remove.log(), ['docker rm -f -v web']);

	// A form: the run form as sent.
	const run = setup({pane: 'images'});
	await run.press('list.down');
	await run.press('images.run');
	run.store.dispatch({
		type: 'ui/field-edit',
		id: 'name',
		edit: {type: 'insert', text: 'box1'},
	});
	await run.press('form.submit');
	assert.deepEqual(run.log(), [
		'docker run -d --name box1 busybox:local /bin/sh',
	]);

	// A failure is logged as failed, with the engine's reason.
	const failing = setup();
	failing.engine.overrides.stopContainer = async () => {
		throw new Error('cannot stop: it is stuck');
	};

	const state = await failing.press('containers.stop');
	assert.equal(state.ui.log?.[0]?.status, 'failed');
	assert.match(state.ui.log?.[0]?.error ?? '', /it is stuck/);
});

test('transfers log their docker line when they end', async () => {
	const app = setup();
	await runTransfer(app.store, {
		kind: 'pull',
		title: 'Pull x',
		docker: ['docker', 'pull', 'busybox:local'],
		run: async () => undefined,
		done: () => 'Pulled',
		failed: why => why,
	});
	assert.deepEqual(
		(app.store.getState().ui.log ?? []).map(entry => [
			entry.line,
			entry.status,
		]),
		[['docker pull busybox:local', 'ok']],
	);
});

test('completion: command names fuzzy, options, then names from the live lists', () => {
	const {store} = setup();
	const state = store.getState();
	assert.deepEqual(
		completionsFor(state, 'st')
			.candidates.slice(0, 2)
			.map(each => each.text),
		['start', 'stop'],
	);
	assert.ok(fuzzyScore('restart', 'rst') !== undefined);
	assert.equal(fuzzyScore('stop', 'xyz'), undefined);
	const stop = completionsFor(state, 'stop w');
	assert.equal(stop.hint, 'stop [OPTIONS] CONTAINER...');
	assert.deepEqual(
		stop.candidates.map(each => each.text),
		['web'],
	);
	assert.deepEqual(
		completionsFor(state, 'rmi ').candidates.map(each => each.text),
		[...app.repoTags, ...busybox.repoTags],
	);
	assert.deepEqual(
		completionsFor(state, 'kill --s').candidates.map(each => each.text),
		['--signal'],
	);
	// The value of an option completes nothing; the argument after it does.
	assert.deepEqual(completionsFor(state, 'kill -s ').candidates, []);
	assert.deepEqual(
		completionsFor(state, 'kill -s HUP ').candidates.map(each => each.text),
		['db', 'web'],
	);
	// After run's image, the rest is the container's command.
	assert.deepEqual(completionsFor(state, 'run busybox:local ').candidates, []);
	void web;
});

test('Tab completes a unique candidate, extends a shared start, and cycles through the rest', async () => {
	const app = setup();
	const {store} = app;
	store.dispatch({type: 'cmdline/open', value: 'unp'});
	await app.press('command.complete');
	assert.equal(store.getState().ui.commandLine?.value, 'unpause ');
	store.dispatch({type: 'cmdline/open', value: 'stop '});
	await app.press('command.complete');
	assert.equal(store.getState().ui.commandLine?.value, 'stop db ');
	await app.press('command.complete');
	assert.equal(store.getState().ui.commandLine?.value, 'stop web ');
	await app.press('command.complete-back');
	assert.equal(store.getState().ui.commandLine?.value, 'stop db ');
	store.dispatch({type: 'cmdline/open', value: 'rmi ap'});
	await app.press('command.complete');
	assert.equal(store.getState().ui.commandLine?.value, 'rmi app:');
});

test('history file: under XDG_STATE_HOME (else ~/.local/state), appended, kept across runs', async () => {
	assert.equal(
		historyPath({XDG_STATE_HOME: '/x/state'}, '/home/me'),
		'/x/state/dockpit/history',
	);
	assert.equal(
		historyPath({}, '/home/me'),
		'/home/me/.local/state/dockpit/history',
	);
	assert.equal(
		historyPath({XDG_STATE_HOME: 'relative'}, '/home/me'),
		'/home/me/.local/state/dockpit/history',
		'a relative XDG path is ignored, as the spec says',
	);
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-cmdline-history-'));
	try {
		const file = historyPath({XDG_STATE_HOME: folder}, '/nowhere');
		assert.deepEqual(readHistory(file), []);
		await appendHistory(file, 'stop web');
		await appendHistory(file, "run busybox:local sh -c 'echo hi'");
		assert.deepEqual(readHistory(file), [
			'stop web',
			"run busybox:local sh -c 'echo hi'",
		]);
		assert.equal(fs.statSync(file).mode & 0o777, 0o600);

		// The next run starts with it: Up gives the last line.
		const next = setup();
		next.store.dispatch({
			type: 'cmdline/history-loaded',
			lines: readHistory(file),
		});
		next.store.dispatch({type: 'cmdline/open'});
		next.store.dispatch({type: 'cmdline/history-move', delta: -1});
		assert.equal(
			next.store.getState().ui.commandLine?.value,
			"run busybox:local sh -c 'echo hi'",
		);

		// A line run on the command line goes into the file.
		const withFile = setup();
		await import('../../source/command-line/submit.js').then(
			async ({submitLine}) =>
				submitLine({...withFile.context, historyFile: file}, 'images'),
		);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		assert.equal(readHistory(file).at(-1), 'images');
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});
