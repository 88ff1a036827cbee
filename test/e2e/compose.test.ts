/**
The Projects pane (`7`) against the real engine, from labels only: a project made through the API with
compose's labels (no compose CLI needed). The compose CLI half is compose-cli.test.ts.
*/
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, test} from 'node:test';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, eventually, key, startDockpit} from '../helpers/pty.js';

const docker = new Docker();
const runId = crypto.randomBytes(3).toString('hex');
const owner = {'dockpit-test.owner': 'compose'};
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-compose-'));
let app: Dockpit | undefined;

afterEach(() => {
	app?.kill();
	app = undefined;
});

after(async () => {
	const mine = await docker.listContainers({
		all: true,
		filters: {label: ['dockpit-test.owner=compose']},
	});
	await Promise.all(
		mine
			.filter(info => info.Names.some(name => name.startsWith('/dp-compose-')))
			.map(async info =>
				docker
					.getContainer(info.Id)
					.remove({force: true})
					.catch(() => undefined),
			),
	);
	const networks = await docker.listNetworks();
	await Promise.all(
		networks
			.filter(network => network.Name.startsWith(`dp-compose-${runId}`))
			.map(async network =>
				docker
					.getNetwork(network.Id)
					.remove()
					.catch(() => undefined),
			),
	);
	fs.rmSync(folder, {recursive: true, force: true});
});

/**
A container with compose's labels, made through the API (as compose itself does).
*/
async function labelled(
	project: string,
	service: string,
	number: number,
	cmd: string[] = ['sh', '-c', `echo ${service}-${number} says hi; sleep 600`],
) {
	const name = `${project}_${service}_${number}`;
	const created = await docker.createContainer({
		name,
		Image: testImage,
		Cmd: cmd,
		StopSignal: 'SIGKILL',
		Labels: {
			...owner,
			'com.docker.compose.project': project,
			'com.docker.compose.service': service,
			'com.docker.compose.container-number': String(number),
			'com.docker.compose.oneoff': 'False',
			'com.docker.compose.project.working_dir': '/nowhere/on/this/host',
			'com.docker.compose.project.config_files': 'docker-compose.yml',
		},
	});
	await created.start();
	return {id: created.id, name};
}

async function open(filter: string, env: Record<string, string> = {}) {
	app = startDockpit({env});
	await app.waitFor('● live', 20_000);
	app.write('7');
	await app.waitFor(/7 +Projects/);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(filter);
	await app.waitFor(`/ ${filter}`);
	app.write(key.enter);
	await app.waitFor(`filter: ${filter}`);
	return app;
}

const state = async (name: string) =>
	(await docker.getContainer(name).inspect()).State;

test('labels only: the tree and its summary, live; s on a service and d on the project act through the API', async () => {
	const project = `dp-compose-${runId}-api`;
	const web1 = await labelled(project, 'web', 1);
	const web2 = await labelled(project, 'web', 2);
	const db = await labelled(project, 'db', 1, [
		'sh',
		'-c',
		// A hostile log line: colours and a cursor move must not reach the terminal.
		"printf 'db \\033[31mred\\033[0m \\033[2J ready\\n'; sleep 600",
	]);
	const screen = await open(project);
	await screen.waitFor(new RegExp(`▾ ${project} +3/3 +running`));
	await screen.waitFor(/▾ web +2\/2 +running/);
	await screen.waitFor(new RegExp(`${web2.name} +running`));

	// Live: a container stopped elsewhere changes the summary.
	await docker.getContainer(db.name).stop();
	await screen.waitFor(new RegExp(`▾ ${project} +2/3 +partly running`), 5000);

	// Logs of the whole project, interleaved and prefixed, the hostile line made harmless.
	screen.write('l');
	const logs = await screen.waitFor(
		text =>
			text.includes('web.1 | web-1 says hi') &&
			text.includes('web.2 | web-2 says hi') &&
			text.includes('db    | db red  ready'),
	);
	assert.match(
		logs,
		new RegExp(`Logs of project ${project} \\(3 containers\\)`),
	);
	assert.doesNotMatch(screen.output(), /\u001B\[2J ready/);
	screen.write(key.escape);
	await screen.waitFor(text => !text.includes('Logs of project'));

	// s on the web service: both of its containers stop, the db is not touched again.
	screen.write('j');
	await screen.waitFor(/› +▾ db/);
	screen.write('j');
	screen.write('j');
	await screen.waitFor(/› +▾ web/);
	screen.write('s');
	await screen.waitFor('2 stopped', 15_000);
	assert.equal((await state(web1.name)).Running, false);
	assert.equal((await state(web2.name)).Running, false);
	await screen.waitFor(/▾ web +0\/2 +stopped/);

	// S on the project starts all three again.
	screen.write('g');
	await screen.waitFor(new RegExp(`› ▾ ${project}`));
	screen.write('S');
	await screen.waitFor(new RegExp(`▾ ${project} +3/3 +running`), 15_000);
	assert.equal((await state(db.name)).Running, true);

	// u: the project's folder is not on this host; said in words, nothing runs.
	screen.write('u');
	// The first compose key looks for the CLI (docker compose, then docker-compose): slow on a loaded machine.
	await screen.waitFor(`is not on this machine`, 40_000);

	// d: the dialog lists every container; yes removes them all.
	screen.write('d');
	const dialog = await screen.waitFor(
		`Remove the 3 containers of project ${project}?`,
	);
	for (const each of [web1, web2, db]) {
		assert.ok(dialog.includes(each.name), `the dialog lists ${each.name}`);
	}

	screen.write(key.enter); // Stop, then remove.
	await screen.waitFor('3 removed', 20_000);
	await eventually(
		async () =>
			(
				await docker.listContainers({
					all: true,
					filters: {label: [`com.docker.compose.project=${project}`]},
				})
			).length === 0,
		5000,
		'the project is gone',
	);
	await screen.waitFor('No project, service or container matches');
});

test('without any compose CLI on the PATH, up says so and nothing runs', async () => {
	const project = `dp-compose-${runId}-nocli`;
	await labelled(project, 'app', 1);
	const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-compose-path-'));
	try {
		const screen = await open(project, {PATH: empty});
		await screen.waitFor(new RegExp(`▾ ${project} +1/1`));
		screen.write('u');
		await screen.waitFor(
			'no compose CLI here (neither `docker compose` nor `docker-compose` is installed)',
		);
	} finally {
		fs.rmSync(empty, {recursive: true, force: true});
	}
});
