import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import process from 'node:process';
import {test} from 'node:test';
import {promisify} from 'node:util';
import {testImage} from '../helpers/docker.js';
import {cliPath, key} from '../helpers/pty.js';
import {e2eSession} from '../helpers/session.js';

const session = e2eSession();
const {fixtures} = session;

async function open(args: string[] = []) {
	const app = session.start({args});
	await app.waitFor('● live');
	return app;
}

test('a container created through the API appears by itself, and docker rm removes it', async () => {
	const app = await open();
	const {name} = await fixtures.container({hint: 'appear'});
	await app.waitFor(name, 3000);
	await fixtures.cli('rm', '-f', name);
	await app.waitFor(screen => !screen.includes(name), 3000);
	app.write('3');
	const events = await app.waitFor(
		screen => screen.includes('destroy') && screen.includes(name),
		3000,
	);
	assert.match(events, new RegExp(`create +${name}`));
	assert.match(events, new RegExp(`destroy +${name}`));
});

test('state changes made elsewhere show within a second: pause, stop with exit code', async () => {
	const app = await open();
	const {name} = await fixtures.container({hint: 'states'});
	await app.waitFor(new RegExp(`${name} .*running`), 3000);
	// Filtered to it: sorted by state, a paused row moves below the running ones, off screen on an engine shared
	// with a screenful of other running containers.
	app.write('/');
	await app.waitFor('type to filter');
	app.write(name);
	app.write(key.enter);
	await app.waitFor(`filter: ${name}`);
	await fixtures.cli('pause', name);
	await app.waitFor(new RegExp(`${name} .*paused`), 1500);
	await fixtures.cli('unpause', name);
	await fixtures.cli('kill', name);
	await app.waitFor(new RegExp(`${name} .*exited \\(137\\)`), 6000);
});

test('docker tag shows in Images; / filters; ? opens help; q quits and restores the terminal', async () => {
	const alpha = await fixtures.container({hint: 'alpha'});
	const bravo = await fixtures.container({hint: 'bravo'});
	const app = await open();
	await app.waitFor(
		screen => screen.includes(alpha.name) && screen.includes(bravo.name),
	);

	app.write('/');
	await app.waitFor('type to filter');
	app.write(alpha.name);
	await app.waitFor(
		screen => screen.includes(alpha.name) && !screen.includes(bravo.name),
	);
	app.write(key.enter);
	await app.waitFor(`filter: ${alpha.name}`);
	app.write('/');
	await app.waitFor('/ ' + alpha.name);
	app.write(key.escape);
	await app.waitFor(
		screen => screen.includes(bravo.name) && !screen.includes('filter:'),
	);

	app.write('2');
	await app.waitFor('REPOSITORY:TAG');
	const reference = fixtures.imageRef('tagged');
	await fixtures.cli('tag', testImage, reference);
	await app.waitFor(reference, 3000);

	// Help from the keymap, the current pane's keys first.
	app.write('?');
	await app.waitFor(
		screen =>
			screen.includes('Keys  (Esc or ? to close)') &&
			screen.includes('Tag the image') &&
			screen.includes('Toggle this help'),
	);
	app.write(key.escape);
	await app.waitFor(
		screen =>
			!screen.includes('Toggle this help') && screen.includes(reference),
	);

	app.write('q');
	const {exitCode} = await app.exited;
	assert.equal(exitCode, 0);
	const output = app.output();
	assert.ok(output.includes('\u001B[?1049h'), 'entered the alternate screen');
	assert.ok(
		output.lastIndexOf('\u001B[?1049l') > output.lastIndexOf('\u001B[?1049h'),
		'left it on quit',
	);
});

test('Ctrl-C quits and restores the terminal', async () => {
	const app = await open();
	app.write(key.ctrlC);
	const {exitCode} = await app.exited;
	assert.equal(exitCode, 0);
	assert.ok(
		app.output().endsWith('\u001B[?1049l') ||
			app.output().includes('\u001B[?1049l'),
	);
});

test('an unreachable --host gets a clear full-screen message, not a stack trace', async () => {
	const app = session.start({args: ['--host', 'tcp://127.0.0.1:1']});
	const screen = await app.waitFor('Cannot reach the Docker engine');
	assert.match(screen, /tcp:\/\/127\.0\.0\.1:1/);
	assert.match(screen, /DOCKER_HOST/);
	assert.doesNotMatch(screen, /at .*\.js:\d+/);
	app.write('q');
	assert.equal((await app.exited).exitCode, 0);
});

test('without a terminal it exits 1 with one line', async () => {
	const result = await promisify(execFile)(process.execPath, [cliPath], {
		env: {...process.env, CI: ''},
	}).then(
		() => ({code: 0, stderr: ''}),
		(error: {code: number; stderr: string}) => error,
	);
	assert.equal(result.code, 1);
	assert.equal(result.stderr.trim().split('\n').length, 1);
	assert.match(result.stderr, /needs an interactive terminal/);
});

test('a bad --escape-key exits 2 with one line saying why', async () => {
	const result = await promisify(execFile)(
		process.execPath,
		[cliPath, '--escape-key', 'ctrl-w'],
		{env: {...process.env, CI: ''}},
	).then(
		() => ({code: 0, stderr: ''}),
		(error: {code: number; stderr: string}) => error,
	);
	assert.equal(result.code, 2);
	assert.equal(
		result.stderr.trim(),
		'dockpit: --escape-key ctrl-w: Ctrl-W already means "Close the shell pane" in the dashboard',
	);
});

test('80x24 is usable and a smaller terminal says so', async () => {
	const app = session.start({columns: 80, rows: 24});
	const screen = await app.waitFor('● live');
	assert.match(screen, /NAME +IMAGE +STATE/);
	assert.match(screen, /\? help/);
	app.resize(60, 20);
	await app.waitFor('Terminal too small');
	app.resize(100, 30);
	await app.waitFor('● live');
});
