/**
The mouse and sorting, on the real engine in a pty: what a person would try.
*/
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, before, test} from 'node:test';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';

const docker = new Docker();
const runId = crypto.randomBytes(3).toString('hex');
const owner = {'dockpit-test.owner': 'config'};
const names = {
	alpha: `dp-config-${runId}-mouse-alpha`,
	bravo: `dp-config-${runId}-mouse-bravo`,
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

const lineOf = (screen: string, text: string) =>
	screen.split('\n').findIndex(line => line.includes(text));

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

test('the mouse: a click selects a row, a click on a tab switches, the wheel moves', async () => {
	const app = await open();
	const screen = await app.waitFor(new RegExp(`› ${names.alpha}`));
	// With colours (the control for config.test.ts's --no-color test): the theme's codes are drawn.
	assert.ok(colourCodes(app.output()).length > 0, 'no colour codes drawn');
	const y = lineOf(screen, names.bravo);
	assert.ok(y > 0);
	// SGR mouse report, 1-based: press and release of the left button on bravo's row.
	app.write(`\u001B[<0;12;${y + 1}M\u001B[<0;12;${y + 1}m`);
	await app.waitFor(new RegExp(`› ${names.bravo}`));
	// Wheel up over the list moves the cursor back up.
	app.write(`\u001B[<64;12;${y + 1}M`);
	await app.waitFor(new RegExp(`› ${names.alpha}`));
	// The Images tab, on the tab bar (the second line).
	const tabs = app.screen().split('\n')[1]!;
	const x = tabs.indexOf('Images');
	assert.ok(x > 0, tabs);
	app.write(`\u001B[<0;${x + 2};2M\u001B[<0;${x + 2};2m`);
	await app.waitFor('REPOSITORY:TAG');
});

test('sorting: < > pick the column, ~ reverses, ▲/▼ in the header, and the order is kept for the next run', async () => {
	const app = await open();
	let screen = await app.waitFor(/STATE▲/);
	assert.ok(lineOf(screen, names.alpha) < lineOf(screen, names.bravo));
	app.write('<');
	await app.waitFor(/IMAGE▲/);
	app.write('<');
	await app.waitFor(/NAME▲/);
	app.write('~');
	screen = await app.waitFor(/NAME▼/);
	assert.ok(lineOf(screen, names.bravo) < lineOf(screen, names.alpha), screen);
	app.write('q');
	await app.exited;
	const stored = JSON.parse(
		fs.readFileSync(path.join(stateHome, 'dockpit', 'sort.json'), 'utf8'),
	) as Record<string, unknown>;
	assert.deepEqual(stored['containers'], {column: 'NAME', descending: true});

	const again = await open();
	screen = await again.waitFor(/NAME▼/);
	assert.ok(lineOf(screen, names.bravo) < lineOf(screen, names.alpha));
	again.write('>');
	await again.waitFor(/IMAGE▲/);
});
