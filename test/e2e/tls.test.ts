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

// A TLS endpoint on 127.0.0.1:21600 in front of the shared engine (test/helpers/tls-proxy.ts, certificates
// made by openssl in test/tls-certs.sh), as `dockerd --tlsverify` would be: it wants a client certificate.
const run = promisify(execFile);
const fixtures = createTestDocker();
let endpoint: TlsEndpoint;
let dockerConfig: string;
let running: Dockpit | undefined;

before(async () => {
	endpoint = await startTlsProxy(21600);
	dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-tls-config-'));
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

function start(args: string[], env: Record<string, string | undefined>) {
	running = startDockpit({
		columns: 160,
		rows: 45,
		args,
		env: {
			DOCKER_HOST: undefined,
			DOCKER_CONTEXT: undefined,
			DOCKER_CONFIG: dockerConfig,
			...env,
		},
	});
	return running;
}

async function filter(app: Dockpit, text: string) {
	await app.waitFor(/Containers \d+\/\d+/, 15_000);
	await app.waitFor(screen => !screen.includes('Loading containers'), 15_000);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(text);
	app.write('\r');
	await app.waitFor(`filter: ${text}`);
}

const flat = (screen: string) => screen.replaceAll(/\s+/g, ' ');

test('DOCKER_HOST=tcp:// with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH: live lists, an action and the shell pane over TLS', async () => {
	const target = await fixtures.container({hint: 'tls'});
	const app = start([], {
		DOCKER_HOST: endpoint.host,
		DOCKER_TLS_VERIFY: '1',
		DOCKER_CERT_PATH: path.join(endpoint.dir, 'client'),
	});
	await filter(app, `tls-${fixtures.runId}`);
	await app.waitFor('● live', 15_000);
	assert.match(app.screen(), /dockpit tcp:\/\/127\.0\.0\.1:21600/);
	await app.waitFor(
		screen => screen.includes(target.name) && screen.includes('running'),
	);

	app.write('x');
	await app.waitFor('/ #', 10_000);
	app.write('echo $((6*7))\r');
	await app.waitFor(/\n│?.*42/);
	app.write('exit\r');
	await app.waitFor(/shell (ended|exited)|exit code|ended/i, 10_000);
	app.write('\u0017');
	await app.waitFor(screen => !screen.includes('shell:'));

	app.write('s');
	await app.waitFor(
		screen =>
			screen
				.split('\n')
				.some(line => line.includes(target.name) && line.includes('exited')),
		15_000,
	);
});

test('a docker context with TLS (made by `docker context create`): --context NAME connects, and the header names it', async () => {
	const target = await fixtures.container({hint: 'tlsctx'});
	const client = path.join(endpoint.dir, 'client');
	await run(
		'docker',
		[
			'context',
			'create',
			'engines-tls',
			'--description',
			'TLS proxy of the test',
			'--docker',
			`host=${endpoint.host},ca=${client}/ca.pem,cert=${client}/cert.pem,key=${client}/key.pem`,
		],
		{env: {...process.env, DOCKER_CONFIG: dockerConfig}},
	);
	const app = start(['--context', 'engines-tls'], {});
	await filter(app, `tlsctx-${fixtures.runId}`);
	await app.waitFor('● live', 15_000);
	await app.waitFor(screen => screen.includes(target.name));
	assert.match(app.screen(), /engines-tls/);
});

test('a wrong CA and a missing client certificate are errors in words', async () => {
	// The engine's certificate checked against another CA.
	let app = start([], {
		DOCKER_HOST: endpoint.host,
		DOCKER_TLS_VERIFY: '1',
		DOCKER_CERT_PATH: path.join(endpoint.dir, 'wrong-ca'),
	});
	let screen = await app.waitFor('Cannot reach', 15_000);
	assert.match(flat(screen), /not signed by the CA in ca\.pem/);
	assert.match(flat(screen), /Check the certificates/);
	assert.doesNotMatch(screen, /Start the engine/);
	app.kill();

	// DOCKER_TLS_VERIFY with a folder that has no client certificate: dockpit says so before connecting.
	app = start([], {
		DOCKER_HOST: endpoint.host,
		DOCKER_TLS_VERIFY: '1',
		DOCKER_CERT_PATH: path.join(endpoint.dir, 'no-client'),
	});
	const {exitCode} = await app.exited;
	assert.equal(exitCode, 1);
	assert.match(
		flat(app.output()),
		/cert\.pem, key\.pem are missing in .*no-client/,
	);

	// TLS without a client certificate (DOCKER_TLS, no verify): the engine refuses, in words.
	app = start([], {
		DOCKER_HOST: endpoint.host,
		DOCKER_TLS: '1',
		DOCKER_CERT_PATH: path.join(endpoint.dir, 'no-client'),
	});
	screen = await app.waitFor('Cannot reach', 15_000);
	assert.match(
		flat(screen),
		/asks for a client certificate and none was given/,
	);
	assert.doesNotMatch(screen, /Start the engine/);
});
