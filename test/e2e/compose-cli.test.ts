/**
The Projects pane (`7`) with a real compose CLI: a project made by it (test/compose-up.sh installs Debian's
docker-compose 1.29 when neither `docker compose` nor `docker-compose` is there), driven from dockpit by
recreate and down.
*/
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {after, afterEach, before, test} from 'node:test';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';

const run = promisify(execFile);
const docker = new Docker();
const runId = crypto.randomBytes(3).toString('hex');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-compose-'));
let compose: string[] = [];
let app: Dockpit | undefined;

before(async () => {
	const {stdout} = await run('bash', ['test/compose-up.sh'], {
		timeout: 300_000,
	});
	compose = stdout.trim().split(' ');
});

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

test('the compose CLI: a real project; recreate one service, then down (asks first) through dockpit', async () => {
	const project = `dp-compose-${runId}-cli`;
	fs.writeFileSync(
		path.join(folder, 'docker-compose.yml'),
		[
			'version: "2.4"',
			'services:',
			'  web:',
			`    image: ${testImage}`,
			'    command: ["sleep", "600"]',
			'    stop_signal: SIGKILL',
			'    labels:',
			'      dockpit-test.owner: compose',
			'  worker:',
			`    image: ${testImage}`,
			'    command: ["sh", "-c", "echo worker up; sleep 600"]',
			'    stop_signal: SIGKILL',
			'    labels:',
			'      dockpit-test.owner: compose',
			'',
		].join('\n'),
	);
	await run(compose[0]!, [...compose.slice(1), '-p', project, 'up', '-d'], {
		cwd: folder,
		timeout: 120_000,
	});
	const before = (await state(`${project}_web_1`)).StartedAt;
	const screen = await open(project);
	await screen.waitFor(new RegExp(`▾ ${project} +2/2 +running`), 10_000);
	await screen.waitFor(folder);

	// C on the web service: `up -d --force-recreate web` runs in the project's folder, its output in the pane.
	screen.write('j');
	await screen.waitFor(/› +▾ web/);
	screen.write('c');
	await screen.waitFor(`compose recreate ${project}/web`);
	await screen.waitFor(
		`-p ${project} -f docker-compose.yml up -d --force-recreate web`,
	);
	await screen.waitFor(`✓ compose recreate ${project}/web: done`, 90_000);
	const screenText = screen.screen();
	assert.match(screenText, new RegExp(`Recreating ${project}_web_1`));
	const after = await state(`${project}_web_1`);
	assert.notEqual(after.StartedAt, before, 'web was recreated');
	screen.write(key.escape);

	// D on the project: asks, listing both containers; yes runs `down`.
	screen.write('g');
	await screen.waitFor(new RegExp(`› ▾ ${project}`));
	screen.write('D');
	const dialog = await screen.waitFor(`Take project ${project} down?`);
	assert.match(dialog, new RegExp(`${project}_web_1`));
	assert.match(dialog, new RegExp(`${project}_worker_1`));
	screen.write(key.enter);
	await screen.waitFor(`✓ compose down ${project}: done`, 90_000);
	const left = await docker.listContainers({
		all: true,
		filters: {label: [`com.docker.compose.project=${project}`]},
	});
	assert.equal(left.length, 0, 'down removed the containers');
});
