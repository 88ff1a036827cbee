/**
The config file, colours, the mouse and sorting, on the real engine in a pty: what a person would try.
*/
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {after, afterEach, before, test} from 'node:test';
import {promisify} from 'node:util';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {cliPath, type Dockpit, key, startDockpit} from '../helpers/pty.js';

const run = promisify(execFile);
const docker = new Docker();
const runId = crypto.randomBytes(3).toString('hex');
const owner = {'dockpit-test.owner': 'config'};
const names = {
	alpha: `dp-config-${runId}-alpha`,
	bravo: `dp-config-${runId}-bravo`,
};
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-config-e2e-'));
const configHome = path.join(home, 'config');
const stateHome = path.join(home, 'state');
const env = {
	HOME: home,
	XDG_CONFIG_HOME: configHome,
	XDG_STATE_HOME: stateHome,
	NO_COLOR: undefined,
	FORCE_COLOR: undefined,
};
let running: Dockpit | undefined;

function writeConfig(text: string): string {
	const file = path.join(configHome, 'dockpit', 'config.yaml');
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, text);
	return file;
}

async function state(name: string): Promise<string> {
	const info = await docker.getContainer(name).inspect();
	return info.State.Status;
}

/**
dockpit with the Containers pane filtered to this file's containers.
*/
async function open(
	options: {args?: string[]; env?: Record<string, string | undefined>} = {},
): Promise<Dockpit> {
	const app = startDockpit({
		args: options.args ?? [],
		env: {...env, ...options.env},
	});
	running = app;
	// The machine may be busy: starting takes a while then (a wait for the screen, not a sleep).
	await app.waitFor('● live', 40_000);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(`dp-config-${runId}`);
	app.write(key.enter);
	await app.waitFor(
		screen =>
			screen.includes(`filter: dp-config-${runId}`) &&
			screen.includes(names.alpha) &&
			screen.includes(names.bravo),
	);
	return app;
}

// SGR sequences with a colour in them: 30-37, 38;…, 40-47, 48;…, 90-97, 100-107 (39 and 49 reset to the default).
function colourCodes(output: string): string[] {
	return [...output.matchAll(/\u001B\[([\d;:]*)m/g)]
		.map(match => match[1]!)
		.filter(parameters =>
			parameters
				.split(/[;:]/)
				.some(parameter => /^(?:3[0-8]|4[0-8]|9\d|10[0-7])$/.test(parameter)),
		);
}

before(async () => {
	for (const name of Object.values(names)) {
		// eslint-disable-next-line no-await-in-loop
		const container = await docker.createContainer({
			name,
			Image: testImage,
			Cmd: ['sleep', '600'],
			Labels: owner,
			StopSignal: 'SIGKILL',
		});
		// eslint-disable-next-line no-await-in-loop
		await container.start();
	}
});

afterEach(() => {
	running?.kill();
	running = undefined;
	fs.rmSync(configHome, {recursive: true, force: true});
});

after(async () => {
	await Promise.all(
		Object.values(names).map(async name =>
			docker
				.getContainer(name)
				.remove({force: true})
				.catch(() => undefined),
		),
	);
	fs.rmSync(home, {recursive: true, force: true});
});

test('an unbound key does nothing and leaves the help; a rebound key works', async () => {
	writeConfig(
		[
			'# stop is unbound, pause moves to Ctrl-O',
			'keys:',
			'  containers.stop: null',
			'  containers.pause: ctrl-o',
		].join('\n'),
	);
	const app = await open();
	// The cursor is on alpha (running, first by name).
	await app.waitFor(new RegExp(`› ${names.alpha}`));
	app.write('s');
	app.write('p');
	// Neither the old pause key nor the unbound stop key did anything: the engine still runs it.
	app.write('?');
	const help = await app.waitFor('Pause or unpause');
	assert.match(help, /Ctrl-O +Pause or unpause/);
	assert.doesNotMatch(help, /Stop gracefully/);
	app.write(key.escape);
	await app.waitFor(names.alpha);
	assert.equal(await state(names.alpha), 'running');
	app.write('\u000F');
	await app.waitFor(new RegExp(`${names.alpha} .*paused`), 5000);
	assert.equal(await state(names.alpha), 'paused');
	app.write('\u000F');
	await app.waitFor(new RegExp(`${names.alpha} .*running`), 5000);
	assert.equal(await state(names.alpha), 'running');
});

test('a bad config file stops dockpit before it draws: file, line, reason, exit 2', async () => {
	const file = writeConfig(
		['mouse: false', 'keys:', '  containers.kill: s', 'colours: {}'].join('\n'),
	);
	const result = await run(process.execPath, [cliPath], {
		env: {...process.env, ...env, XDG_CONFIG_HOME: configHome},
	}).then(
		() => ({code: 0, stderr: ''}),
		(error: {code: number; stderr: string}) => error,
	);
	assert.equal(result.code, 2);
	assert.match(
		result.stderr,
		new RegExp(
			`${file}:3: keys: s would mean both containers.stop and containers.kill`,
		),
	);
	assert.match(
		result.stderr,
		new RegExp(
			`${file}:4: unknown setting "colours" \\(did you mean colors\\?\\)`,
		),
	);
	// The same file given with --config, from a pty: nothing drawn, the same words.
	const app = startDockpit({args: ['--config', file], env});
	running = app;
	const exit = await app.exited;
	assert.equal(exit.exitCode, 2);
	assert.match(app.screen(), /config\.yaml:3: keys: s would mean both/);
	assert.doesNotMatch(app.output(), /\u001B\[\?1049h/);
});

test('--no-color and NO_COLOR draw no colour codes at all', async () => {
	for (const options of [{args: ['--no-color']}, {env: {NO_COLOR: '1'}}]) {
		// eslint-disable-next-line no-await-in-loop
		const app = await open(options);
		app.write('?');
		// eslint-disable-next-line no-await-in-loop
		await app.waitFor('Toggle this help');
		assert.deepEqual(colourCodes(app.output()), [], JSON.stringify(options));
		app.kill();
	}
});
