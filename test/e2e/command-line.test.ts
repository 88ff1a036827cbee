import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, test} from 'node:test';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, eventually, key, startDockpit} from '../helpers/pty.js';

const docker = new Docker();
const owner = {'dockpit-test.owner': 'cmdline'};
const runId = Math.random().toString(16).slice(2, 8);
const state = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-cmdline-e2e-'));
let running: Dockpit | undefined;
let counter = 0;

afterEach(() => {
	running?.kill();
	running = undefined;
});

after(async () => {
	const mine = await docker.listContainers({
		all: true,
		filters: {label: ['dockpit-test.owner=cmdline']},
	});
	await Promise.all(
		mine
			.filter(info => info.Names.some(name => name.includes(runId)))
			.map(async info =>
				docker
					.getContainer(info.Id)
					.remove({force: true})
					.catch(() => undefined),
			),
	);
	fs.rmSync(state, {recursive: true, force: true});
});

/**
A running container of this run, named `dp-cmdline-<hint>-<run>-<n>`.
*/
async function make(hint: string) {
	const name = `dp-cmdline-${hint}-${runId}-${++counter}`;
	const created = await docker.createContainer({
		name,
		Image: testImage,
		Cmd: ['sleep', '600'],
		Labels: owner,
		StopSignal: 'SIGKILL',
	});
	await created.start();
	return name;
}

async function open() {
	running = startDockpit({env: {XDG_STATE_HOME: state}});
	await running.waitFor('● live', 30_000);
	running.write('/');
	await running.waitFor('type to filter');
	running.write(runId);
	running.write(key.enter);
	await running.waitFor(`filter: ${runId}`);
	return running;
}

const isRunning = async (name: string) =>
	(await docker.getContainer(name).inspect()).State.Running;

test(':stop NAME⏎ in one write stops it, and :log lists the docker lines of what was done', async () => {
	const web = await make('web');
	const db = await make('db');
	const app = await open();
	await app.waitFor(new RegExp(`${db} .*running`));
	app.write(`:stop ${web}\r`);
	await eventually(async () => !(await isRunning(web)), 5000, `${web} stops`);
	await app.waitFor(new RegExp(`${web} .*exited`));
	assert.equal(await isRunning(db), true, 'only the named one');

	// A key does the same and is logged the same way.
	app.write('S');
	await app.waitFor(new RegExp(`\\$ docker start \\S+ ✓`));
	app.write(`:kill -s HUP ${db}\r`);
	await app.waitFor(`$ docker kill -s HUP ${db} ✓`);
	app.write(':log\r');
	const log = await app.waitFor('Command log');
	assert.match(log, new RegExp(`✓ .*docker kill -s HUP ${db}`));
	assert.match(log, /✓ .*docker start /);
	assert.match(log, new RegExp(`✓ .*docker stop ${web}`));
	assert.ok(
		log.indexOf('docker kill') < log.indexOf(`docker stop ${web}`),
		'newest first',
	);
	app.write(key.escape);
	await app.waitFor(screen => !screen.includes('Command log'));

	// The history is kept for the next run.
	const history = fs.readFileSync(
		path.join(state, 'dockpit', 'history'),
		'utf8',
	);
	assert.match(history, new RegExp(`^stop ${web}$`, 'm'));
});

test('a bad argument shows the error next to the prompt and sends nothing; :logs opens the inspector on the container', async () => {
	const web = await make('bad');
	const app = await open();
	await app.waitFor(new RegExp(`${web} .*running`));
	const before = (await docker.getContainer(web).inspect()).State.StartedAt;
	app.write(`:kill -s NOPE ${web}\r`);
	await app.waitFor('✗ dockpit sends KILL, TERM, INT, HUP or USR1');
	app.write('\u0015');
	app.write(`rm -x ${web}\r`);
	await app.waitFor('✗ unknown option -x for :rm');
	app.write(key.escape);
	await app.waitFor(screen => !screen.includes('✗'));
	const after = await docker.getContainer(web).inspect();
	assert.equal(after.State.Running, true, 'nothing was sent');
	assert.equal(after.State.StartedAt, before);

	app.write(`:logs --since soon ${web}\r`);
	await app.waitFor('✗ --since wants a duration');
	app.write('\u0015');
	app.write(`logs --since 1h --tail 5 ${web}\r`);
	await app.waitFor(new RegExp(` Logs .*${web}`));
});

test(':run with options runs the container as docker run would', async () => {
	const name = `dp-cmdline-run-${runId}-${++counter}`;
	const app = await open();
	app.write(
		`:run -d --name ${name} -p 127.0.0.1:21010:80 -e A=1 -e API_TOKEN=s3cret -l dockpit-test.owner=cmdline ${testImage} sh -c 'echo hi; sleep 600'\r`,
	);
	const details = await eventually(
		async () => docker.getContainer(name).inspect(),
		8000,
		`${name} exists`,
	);
	assert.deepEqual(details.Config.Cmd, ['sh', '-c', 'echo hi; sleep 600']);
	assert.ok(details.Config.Env.includes('A=1'));
	assert.equal(
		details.HostConfig.PortBindings?.['80/tcp']?.[0]?.HostPort,
		'21010',
	);
	await app.waitFor(new RegExp(`${name} .*running`));
	app.write(':log\r');
	const log = await app.waitFor('Command log');
	assert.match(log, /-e API_TOKEN=•••• /);
	assert.doesNotMatch(log, /s3cret/);
});
