import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';
import {after, afterEach, before, test} from 'node:test';
import {createTestDocker} from '../helpers/docker.js';
import {type Dockpit, startDockpit} from '../helpers/pty.js';
import {startTlsProxy, type TlsEndpoint} from '../helpers/tls-proxy.js';

// Two docker contexts made with the docker CLI in a throwaway DOCKER_CONFIG: the local socket, and a TLS
// endpoint on 127.0.0.1:21602 in front of the same engine. `0` lists them and switches between them.
const run = promisify(execFile);
const fixtures = createTestDocker();
let endpoint: TlsEndpoint;
let dockerConfig: string;
let running: Dockpit | undefined;

before(async () => {
	endpoint = await startTlsProxy(21602);
	dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-ctx-'));
	const client = path.join(endpoint.dir, 'client');
	const docker = async (...args: string[]) =>
		run('docker', args, {env: {...process.env, DOCKER_CONFIG: dockerConfig}});
	await docker(
		'context',
		'create',
		'dp-engines-local',
		'--description',
		'the local socket',
		'--docker',
		'host=unix:///var/run/docker.sock',
	);
	await docker(
		'context',
		'create',
		'dp-engines-tls',
		'--description',
		'the same engine over TLS',
		'--docker',
		`host=${endpoint.host},ca=${client}/ca.pem,cert=${client}/cert.pem,key=${client}/key.pem`,
	);
});

afterEach(() => {
	running?.kill();
	running = undefined;
});

after(async () => {
	await fixtures.cleanup();
	await endpoint.stop();
	fs.rmSync(dockerConfig, {recursive: true, force: true});
});

const flat = (screen: string) => screen.replaceAll(/\s+/g, ' ');

test('0 lists the docker contexts; choosing one reconnects (the open shell asked about first), the header names it, the CLI current context stays', async () => {
	const target = await fixtures.container({hint: 'ctx'});
	running = startDockpit({
		columns: 160,
		rows: 45,
		args: ['--context', 'dp-engines-local'],
		env: {
			DOCKER_HOST: undefined,
			DOCKER_CONTEXT: undefined,
			DOCKER_CONFIG: dockerConfig,
		},
	});
	const app = running;
	await app.waitFor(/Containers \d+\/\d+/, 15_000);
	await app.waitFor(screen => !screen.includes('Loading containers'), 15_000);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(`ctx-${fixtures.runId}`);
	app.write('\r');
	await app.waitFor(`filter: ctx-${fixtures.runId}`);
	await app.waitFor('● live', 15_000);
	await app.waitFor(screen => screen.includes(target.name));
	assert.match(app.screen(), /dockpit dp-engines-local unix:\/\/\/var\/run/);

	// A shell in the container; the keys back to the lists.
	app.write('x');
	await app.waitFor('/ #', 10_000);
	app.write('\u001D');

	app.write('0');
	let screen = await app.waitFor('Docker contexts');
	assert.match(flat(screen), /default unix:\/\/\/var\/run\/docker\.sock/);
	assert.match(
		flat(screen),
		/● dp-engines-local unix:\/\/\/var\/run\/docker\.sock the local/,
	);
	assert.match(
		flat(screen),
		/dp-engines-tls tcp:\/\/127\.0\.0\.1:21602 the same/,
	);
	app.write('\u001B[B');
	await app.waitFor(/› +dp-engines-tls/);
	app.write('\r');
	screen = await app.waitFor('A shell is open in');
	assert.match(flat(screen), /A shell is open in .*: switching engines/);
	app.write('\u001B[A');
	await app.waitFor(/› +Switch/);
	app.write('\r');

	screen = await app.waitFor(
		current =>
			/dockpit dp-engines-tls tcp:\/\/127\.0\.0\.1:21602/.test(current) &&
			current.includes('● live') &&
			current.includes(target.name),
		20_000,
	);
	assert.doesNotMatch(screen, /shell:/);
	// The CLI's own current context is untouched.
	assert.equal(
		fs.existsSync(path.join(dockerConfig, 'config.json'))
			? JSON.parse(
					fs.readFileSync(path.join(dockerConfig, 'config.json'), 'utf8'),
				).currentContext
			: undefined,
		undefined,
	);
	const {stdout} = await run('docker', ['context', 'show'], {
		env: {
			...process.env,
			DOCKER_CONFIG: dockerConfig,
			DOCKER_HOST: '',
			DOCKER_CONTEXT: '',
		},
	});
	assert.equal(stdout.trim(), 'default');
});
