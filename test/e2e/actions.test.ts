import assert from 'node:assert/strict';
import {test} from 'node:test';
import {eventually, key} from '../helpers/pty.js';
import {e2eSession, filterTo} from '../helpers/session.js';

const session = e2eSession();
const {fixtures} = session;
const {docker, runId} = fixtures;

/**
Starts dockpit and filters the Containers pane down to this run's objects (other tests may share the engine).
*/
async function open(filter: string = runId) {
	const app = session.start();
	await app.waitFor('● live');
	await filterTo(app, filter);
	return app;
}

const row = (name: string, state: string) =>
	new RegExp(`${name} .*${state.replaceAll(/[()]/g, '\\$&')}`);

/**
Is `name` a row of the table (not just mentioned in the status line)?
*/
const listed = (name: string) => new RegExp(`│.{2}${name} `);

async function inspect(name: string) {
	return docker.getContainer(name).inspect();
}

async function gone(name: string) {
	return inspect(name).then(
		() => false,
		(error: {statusCode?: number}) => error.statusCode === 404,
	);
}

test('s S p p R K d: each key changes the row within a second and the engine agrees', async () => {
	const {name} = await fixtures.container({hint: 'life'});
	const app = await open();
	await app.waitFor(row(name, 'running'));

	app.write('s');
	await app.waitFor(row(name, 'exited (137)'), 1000);
	await app.waitFor(`Stopped ${name}`);
	assert.equal((await inspect(name)).State.Running, false);

	app.write('s');
	const again = await app.waitFor(`${name} was already stopped`);
	assert.doesNotMatch(
		again,
		/Could not/,
		'stopping a stopped container is not an error',
	);

	app.write('S');
	await app.waitFor(row(name, 'running'), 1000);
	assert.equal((await inspect(name)).State.Running, true);

	app.write('p');
	await app.waitFor(row(name, 'paused'), 1000);
	assert.equal((await inspect(name)).State.Paused, true);
	app.write('p');
	await app.waitFor(row(name, 'running'), 1000);
	assert.equal((await inspect(name)).State.Paused, false);

	const before = (await inspect(name)).State.StartedAt;
	app.write('R');
	await app.waitFor(`Restarted ${name}`, 3000);
	const restarted = await inspect(name);
	assert.equal(restarted.State.Running, true);
	assert.notEqual(restarted.State.StartedAt, before, 'it started again');

	app.write('K');
	await app.waitFor(/› +SIGKILL/);
	app.write(key.enter);
	await app.waitFor(row(name, 'exited (137)'), 1000);
	assert.equal((await inspect(name)).State.ExitCode, 137);

	app.write('d');
	await app.waitFor(`Remove container ${name}?`);
	app.write(key.enter);
	await app.waitFor(
		screen => screen.includes(`Removed ${name}`) && !listed(name).test(screen),
		1000,
	);
	assert.ok(await gone(name), 'the engine no longer has it');
});

test('d on a running container: stop, then remove, with its anonymous volume (-v)', async () => {
	const name = fixtures.name('vol');
	const created = await docker.createContainer({
		name,
		Image: 'dockpit-test/busybox:local',
		Cmd: ['sleep', '600'],
		Labels: fixtures.labels,
		StopSignal: 'SIGKILL',
		Volumes: {'/data': {}},
	});
	await created.start();
	const volume = (await created.inspect()).Mounts.find(
		mount => mount.Destination === '/data',
	)?.Name;
	assert.ok(volume, 'the container has an anonymous volume');

	const app = await open();
	await app.waitFor(row(name, 'running'));
	app.write('d');
	const dialog = await app.waitFor('Stop, then remove');
	assert.match(dialog, /is running/);
	assert.match(dialog, /Force remove/);
	app.write(key.up);
	app.write(' ');
	await app.waitFor('[x] Also remove its anonymous volumes (-v)');
	app.write(key.down);
	app.write(key.enter);
	await app.waitFor(`Removed ${name}`, 5000);
	assert.ok(await gone(name));
	await eventually(
		async () =>
			docker
				.getVolume(volume)
				.inspect()
				.then(
					() => false,
					(error: {statusCode?: number}) => error.statusCode === 404,
				),
		3000,
		'the anonymous volume is removed',
	);
});

test('bulk: Space marks 3 containers, s asks once listing them, then all 3 stop', async () => {
	const names = await Promise.all(
		[1, 2, 3].map(async () => (await fixtures.container({hint: 'bulk'})).name),
	);
	const app = await open(`bulk-${runId}`);
	await app.waitFor(screen =>
		names.every(name => row(name, 'running').test(screen)),
	);
	app.write(' ');
	app.write(' ');
	app.write(' ');
	await app.waitFor('3 marked');
	app.write('s');
	const dialog = await app.waitFor('Stop 3 containers?');
	for (const name of names) {
		assert.match(dialog, new RegExp(`${name} +\\(running\\)`));
	}

	app.write(key.enter);
	await app.waitFor(
		screen => names.every(name => row(name, 'exited').test(screen)),
		1500,
	);
	await app.waitFor('3 stopped');
	for (const name of names) {
		// eslint-disable-next-line no-await-in-loop
		assert.equal((await inspect(name)).State.Running, false, name);
	}

	await app.waitFor(screen => !screen.includes('marked'));
});

test('a container removed from outside while its confirm dialog is open gets a clear message', async () => {
	const {name} = await fixtures.container({hint: 'race'});
	const app = await open();
	await app.waitFor(row(name, 'running'));
	app.write('d');
	await app.waitFor(`Remove container ${name}?`);
	await fixtures.cli('rm', '-f', name);
	await app.waitFor(
		`${name} is gone: it was removed elsewhere while this was open`,
	);
	app.write(key.enter);
	const screen = await app.waitFor(`${name} is gone: it was removed elsewhere`);
	assert.doesNotMatch(screen, /Could not|Error/);
});
