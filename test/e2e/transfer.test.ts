/**
Images and files in and out, in a pty against the real engine and the real local registry (test/registry-up.sh:
Debian's docker-registry with htpasswd on 127.0.0.1:5000): login then push, pull back after rmi, logins shared
with the docker CLI both ways, an unauthorized push offering a login, build with a .dockerignore, save/load,
import, export, cp in and out, search's error without Docker Hub, Esc cancelling a pull.
*/
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {after, afterEach, before, test} from 'node:test';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';
import {startRecordingProxy} from '../helpers/recording-proxy.js';

const run = promisify(execFile);
const docker = new Docker();
const runId = crypto.randomBytes(3).toString('hex');
const registry = '127.0.0.1:5000';
const ctrlU = '\u0015';
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-compose-xfer-'));
const references = new Set<string>();
let user = '';
let password = '';
let app: Dockpit | undefined;

before(async () => {
	const {stdout} = await run('bash', ['test/registry-up.sh'], {
		timeout: 300_000,
	});
	[user = '', password = ''] = stdout.trim().split('\n').at(-1)!.split(' ');
});

afterEach(() => {
	app?.kill();
	app = undefined;
});

after(async () => {
	const containers = await docker.listContainers({
		all: true,
		filters: {label: ['dockpit-test.owner=compose']},
	});
	await Promise.all(
		containers
			.filter(info => info.Names.some(name => name.startsWith('/dp-compose-')))
			.map(async info =>
				docker
					.getContainer(info.Id)
					.remove({force: true})
					.catch(() => undefined),
			),
	);
	for (const reference of references) {
		// eslint-disable-next-line no-await-in-loop
		await docker
			.getImage(reference)
			.remove()
			.catch(() => undefined);
	}

	fs.rmSync(temporary, {recursive: true, force: true});
});

/**
A reference of this run (removed after the file).
*/
function reference(name: string, host = '') {
	const full = `${host ? `${host}/` : ''}dp-compose/${name}-${runId}:v1`;
	references.add(full);
	return full;
}

/**
A docker config folder of its own (DOCKER_CONFIG), empty.
*/
function configFolder(name: string) {
	const folder = path.join(temporary, `config-${name}`);
	fs.mkdirSync(folder, {recursive: true});
	return folder;
}

async function cli(config: string, ...args: string[]) {
	const {stdout} = await run('docker', ['--config', config, ...args], {
		timeout: 120_000,
	});
	return stdout.trim();
}

async function open(
	pane: '1' | '2',
	filter: string,
	env: Record<string, string> = {},
) {
	app = startDockpit({env: {DOCKER_CONFIG: configFolder('none'), ...env}});
	await app.waitFor('● live', 20_000);
	app.write(pane);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(filter);
	await app.waitFor(`/ ${filter}`);
	app.write(key.enter);
	await app.waitFor(`filter: ${filter}`);
	return app;
}

async function type(screen: Dockpit, text: string) {
	screen.write(text);
	await screen.waitFor(text.slice(-20));
}

/**
An image of its own (a label makes its id unique), built by the CLI.
*/
async function uniqueImage(name: string) {
	const folder = fs.mkdtempSync(path.join(temporary, 'unique-'));
	fs.writeFileSync(
		path.join(folder, 'Dockerfile'),
		`FROM ${testImage}\nLABEL dockpit-test.owner=compose dp-compose.run=${runId}-${name}\n`,
	);
	await run('docker', ['build', '-q', '-t', name, folder], {timeout: 120_000});
}

async function imageId(name: string) {
	return docker
		.getImage(name)
		.inspect()
		.then(
			info => info.Id,
			() => undefined,
		);
}

test('push refused without a login offers one; login through dockpit, push, rmi, pull back; the CLI pulls with that login', async () => {
	const pushed = reference('pushed', registry);
	await uniqueImage(pushed);
	const config = configFolder('dockpit-login');
	const screen = await open('2', runId, {DOCKER_CONFIG: config});
	await screen.waitFor(`› ${pushed}`);

	screen.write('U');
	await screen.waitFor(`Could not push ${pushed}`, 60_000);
	await screen.waitFor('Press L to log in, then it is tried again.');
	screen.write('L');
	await screen.waitFor(`Log in to ${registry}`);
	await type(screen, user);
	screen.write(key.tab);
	screen.write(password);
	const form = await screen.waitFor('••••');
	assert.doesNotMatch(form, new RegExp(password), 'the password is masked');
	screen.write(key.enter);
	await screen.waitFor(`Pushed ${pushed}`, 60_000);
	screen.write(key.enter); // Hide the progress.

	const saved = JSON.parse(
		fs.readFileSync(path.join(config, 'config.json'), 'utf8'),
	) as {auths: Record<string, {auth: string}>};
	assert.equal(
		Buffer.from(saved.auths[registry]!.auth, 'base64').toString(),
		`${user}:${password}`,
		'kept where docker login keeps it',
	);

	// rmi by the CLI, then pull it back through dockpit, with progress on screen.
	await docker.getImage(pushed).remove();
	await screen.waitFor(screen => !screen.includes(`› ${pushed}`));
	screen.write('P');
	await screen.waitFor('Pull an image');
	screen.write(ctrlU);
	await type(screen, pushed);
	screen.write(key.enter);
	await screen.waitFor(`Pull ${pushed}`);
	const pulled = await screen.waitFor(`Pulled ${pushed}`, 60_000);
	// Progress as the CLI shows it: a line per layer, and a total.
	assert.match(pulled, /[\da-f]{12} +(done|already exists)/);
	assert.match(pulled, /Total .* \d+ of \d+ layers done/);
	assert.ok(await imageId(pushed), 'the engine has it again');
	screen.write(key.enter);
	await screen.waitFor(`› ${pushed}`);

	// dockpit's login works for the CLI's pull.
	await docker.getImage(pushed).remove();
	await cli(config, 'pull', pushed);
	assert.ok(
		await imageId(pushed),
		'the CLI pulled with the login dockpit stored',
	);

	// Logout through dockpit removes it, as docker logout does.
	screen.write('O');
	await screen.waitFor('Log out of a registry');
	screen.write(ctrlU);
	await type(screen, registry);
	screen.write(key.enter);
	await screen.waitFor(`Removed login credentials for ${registry}`);
	const after = JSON.parse(
		fs.readFileSync(path.join(config, 'config.json'), 'utf8'),
	) as {auths?: Record<string, unknown>};
	assert.equal(after.auths?.[registry], undefined);
});

test("a login by the docker CLI works for dockpit's pull and push", async () => {
	const config = configFolder('cli-login');
	await run(
		'sh',
		[
			'-c',
			`printf '%s' "$PASSWORD" | docker --config "$CONFIG" login -u "$LOGIN" --password-stdin ${registry}`,
		],
		{env: {...process.env, PASSWORD: password, CONFIG: config, LOGIN: user}},
	);
	const shared = reference('cli-login', registry);
	await uniqueImage(shared);
	const screen = await open('2', `cli-login-${runId}`, {DOCKER_CONFIG: config});
	await screen.waitFor(`› ${shared}`);
	screen.write('U');
	await screen.waitFor(`Pushed ${shared}`, 60_000);
	screen.write(key.enter);
	await screen.waitFor(`filter: cli-login-${runId}`);
	await docker.getImage(shared).remove();
	screen.write('P');
	await screen.waitFor('Pull an image');
	screen.write(ctrlU);
	await type(screen, shared);
	screen.write(key.enter);
	await screen.waitFor(`Pulled ${shared}`, 60_000);
	assert.ok(await imageId(shared));
});

test('search without Docker Hub: a clear message, not a stack trace', async () => {
	const screen = await open('2', runId);
	screen.write('H');
	await screen.waitFor('Search Docker Hub');
	await type(screen, 'busybox');
	screen.write(key.enter);
	const text = await screen.waitFor(
		/Docker Hub cannot be reached from the engine|Search failed/,
		90_000,
	);
	assert.match(text, /Docker Hub cannot be reached from the engine/);
	assert.doesNotMatch(text, /at .*\.js:\d+/);
});

test('Esc cancels a pull that hangs: the request is aborted and the overlay says so', async () => {
	// A "registry" that accepts connections and never answers.
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.on('error', () => undefined);
	});
	await new Promise<void>(resolve => {
		server.listen(21_701, '127.0.0.1', resolve);
	});
	try {
		const screen = await open('2', runId);
		const hanging = `127.0.0.1:21701/dp-compose/hang-${runId}:v1`;
		screen.write('P');
		await screen.waitFor('Pull an image');
		screen.write(ctrlU);
		await type(screen, hanging);
		screen.write(key.enter);
		await screen.waitFor(`Pull ${hanging}`);
		await screen.waitFor(/running \d/);
		await new Promise(resolve => {
			setTimeout(resolve, 500);
		});
		screen.write(key.escape);
		const cancelled = await screen.waitFor(
			`Cancelled: Pull ${hanging}`,
			10_000,
		);
		assert.match(cancelled, /cancelled/);
		// The UI is live: the overlay closes on Esc and the lists answer.
		screen.write(key.escape);
		await screen.waitFor(`filter: ${runId}`);
	} finally {
		for (const socket of sockets) {
			socket.destroy();
		}

		server.close();
	}
});

test('bad input gets a message and sends nothing that acts: references, folders, paths, a wrong password, tars that are no image archive', async () => {
	const proxy = await startRecordingProxy();
	const config = configFolder('bad-input');
	const configFile = path.join(config, 'config.json');
	fs.writeFileSync(configFile, '{"auths":{}}\n');
	const folder = path.join(temporary, 'bad-input');
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, 'Dockerfile'), `FROM ${testImage}\n`);
	fs.writeFileSync(path.join(temporary, 'Outside.Dockerfile'), 'FROM x\n');
	const plainTar = path.join(temporary, 'plain.tar');
	await run('tar', ['-C', folder, '-cf', plainTar, 'Dockerfile']);
	const acting = () =>
		proxy.requests
			.filter(request => request.method !== 'GET' && request.method !== 'HEAD')
			.map(request => `${request.method} ${request.url.replace(/\?.*/, '')}`);
	app = startDockpit({
		args: ['--host', `unix://${proxy.path}`],
		env: {DOCKER_CONFIG: config},
	});
	const screen = app;
	try {
		await screen.waitFor('● live', 20_000);
		screen.write('2');
		await screen.waitFor('REPOSITORY:TAG');
		const form = async (letter: string, title: string) => {
			screen.write(letter);
			await screen.waitFor(title);
		};

		const closeForm = async (title: string) => {
			screen.write(key.escape);
			await screen.waitFor(current => !current.includes(title));
		};

		// Pull: a reference that is not one.
		await form('P', 'Pull an image');
		screen.write(ctrlU);
		await type(screen, 'Team/App:v1');
		screen.write(key.enter);
		await screen.waitFor('✗ repository must be lowercase');
		await closeForm('Pull an image');

		// Push: a name that is not an image here.
		screen.write(':');
		await type(screen, 'push Not:A:Reference');
		screen.write(key.enter);
		await screen.waitFor('no such image: Not:A:Reference');
		screen.write(key.escape);

		// Import: the tag is not a reference.
		await form('I', 'Import a filesystem tarball as an image');
		await type(screen, plainTar);
		screen.write(key.tab);
		await type(screen, 'team/app::x');
		screen.write(key.enter);
		const importScreen = await screen.waitFor(
			'✗ repository may only contain a-z 0-9 and . _ - between them',
		);
		assert.match(importScreen, /Import a filesystem tarball/);
		await closeForm('Import a filesystem tarball');

		// Build: a context folder that is not there, then a Dockerfile outside the context.
		await form('B', 'Build an image');
		screen.write(ctrlU);
		await type(screen, path.join(temporary, 'no-such-folder'));
		screen.write(key.enter);
		await screen.waitFor(/the folder .*no-such-folder does not exist/);
		await closeForm('Build an image');
		await form('B', 'Build an image');
		screen.write(ctrlU);
		await type(screen, folder);
		screen.write(key.tab);
		await type(screen, '../Outside.Dockerfile');
		screen.write(key.enter);
		await screen.waitFor('the Dockerfile must be inside the context folder');
		await closeForm('Build an image');

		// Save: to a folder that is not there, onto a folder, and under a file.
		screen.write('/');
		await screen.waitFor('type to filter');
		await type(screen, 'dockpit-test/busybox');
		screen.write(key.enter);
		await screen.waitFor(`› ${testImage}`);
		for (const [target, words] of [
			[
				path.join(temporary, 'missing', 'x.tar'),
				/the folder .*missing does not exist/,
			],
			[folder, /is a folder; give a file name/],
			[path.join(plainTar, 'x.tar'), /plain\.tar is not a folder/],
		] as const) {
			// eslint-disable-next-line no-await-in-loop
			await form('W', `Save ${testImage} to a tar`);
			screen.write(ctrlU);
			// eslint-disable-next-line no-await-in-loop
			await type(screen, target);
			screen.write(key.enter);
			// eslint-disable-next-line no-await-in-loop
			await screen.waitFor(words);
			// eslint-disable-next-line no-await-in-loop
			await closeForm('to a tar');
		}

		// Load: a tar that is not an image archive is refused before it is sent.
		await form('L', 'Load images from a tar');
		await type(screen, plainTar);
		screen.write(key.enter);
		await screen.waitFor(
			/plain\.tar is not an image archive: it has no manifest\.json/,
		);
		await closeForm('Load images from a tar');
		assert.deepEqual(acting(), [], 'nothing that acts was sent so far');
		assert.ok(
			!proxy.requests.some(request => /\/images\/get/.test(request.url)),
			'no save was started',
		);

		// Login with a wrong password: the engine's /auth says no; a clear message, and nothing is kept.
		await form('A', 'Log in to');
		screen.write(ctrlU);
		await type(screen, registry);
		screen.write(key.tab);
		await type(screen, user);
		screen.write(key.tab);
		screen.write('not-the-password');
		await screen.waitFor('••••');
		screen.write(key.enter);
		await screen.waitFor(`wrong username or password for ${registry}`, 30_000);
		const sent = acting();
		assert.equal(sent.length, 1, sent.join(', '));
		assert.match(sent[0]!, /^POST (\/v[\d.]+)?\/auth$/, 'only the check');
		assert.equal(
			fs.readFileSync(configFile, 'utf8'),
			'{"auths":{}}\n',
			'nothing stored in config.json',
		);
		await closeForm('Log in to');

		// Load: a tar with a manifest.json that is not docker save's goes to the engine; what it said, in words.
		const bogus = path.join(temporary, 'bogus');
		fs.mkdirSync(bogus);
		fs.writeFileSync(path.join(bogus, 'manifest.json'), 'not json\n');
		const bogusTar = path.join(temporary, 'bogus.tar');
		await run('tar', ['-C', bogus, '-cf', bogusTar, 'manifest.json']);
		await form('L', 'Load images from a tar');
		await type(screen, bogusTar);
		screen.write(key.enter);
		const said = await screen.waitFor(/Could not load/, 30_000);
		assert.match(
			said.replaceAll(/[│╭╮╰╯─]/g, ' ').replaceAll(/\s+/g, ' '),
			/Could not load \S+bogus\.tar: bogus\.tar is not an image archive: its manifest\.json is not what docker save writes \(the engine said: invalid character/,
		);
	} finally {
		screen.kill();
		await proxy.close();
	}
});
