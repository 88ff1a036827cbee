import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'node:test';
import {
	configDirectory,
	configKey,
	convertToHostname,
	eraseCredentials,
	getCredentials,
	registryOf,
	storeCredentials,
} from '../../source/registry/credentials.js';

function folder(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'transfer-creds-'));
}

test('registry keys are normalised as the docker CLI does', () => {
	const cases: Array<[string, string]> = [
		['127.0.0.1:5000', '127.0.0.1:5000'],
		['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
		['https://registry.example.com', 'registry.example.com'],
		['docker.io', 'https://index.docker.io/v1/'],
		['index.docker.io', 'https://index.docker.io/v1/'],
		['registry-1.docker.io', 'https://index.docker.io/v1/'],
		['https://index.docker.io/v1/', 'https://index.docker.io/v1/'],
		['', 'https://index.docker.io/v1/'],
	];
	for (const [input, expected] of cases) {
		assert.equal(configKey(input), expected, input);
	}

	assert.equal(convertToHostname('https://[::1]:5000/x'), '[::1]:5000');
	assert.equal(registryOf('busybox'), 'docker.io');
	assert.equal(registryOf('team/app:v1'), 'docker.io');
	assert.equal(registryOf('127.0.0.1:5000/team/app:v1'), '127.0.0.1:5000');
	assert.equal(registryOf('localhost/app'), 'localhost');
	assert.equal(registryOf('ghcr.io/owner/app'), 'ghcr.io');
	assert.equal(configDirectory({DOCKER_CONFIG: '/x'}, '/home/me'), '/x');
	assert.equal(configDirectory({}, '/home/me'), '/home/me/.docker');
});

test('a login goes into auths as base64 user:password and the rest of the file is kept', async () => {
	const directory = folder();
	const file = path.join(directory, 'config.json');
	fs.writeFileSync(
		file,
		JSON.stringify({
			detachKeys: 'ctrl-x,x',
			auths: {'other:1': {auth: 'YTpi'}},
			psFormat: 'x',
		}),
	);
	fs.chmodSync(file, 0o640);
	const stored = await storeCredentials(
		'http://127.0.0.1:5000/',
		'me',
		'p:ss',
		directory,
	);
	assert.equal(stored.where, file);
	const written = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
		string,
		any
	>;
	assert.deepEqual(Object.keys(written), ['detachKeys', 'auths', 'psFormat']);
	assert.equal(
		written['auths']['127.0.0.1:5000'].auth,
		Buffer.from('me:p:ss').toString('base64'),
	);
	assert.equal(written['auths']['other:1'].auth, 'YTpi');
	// eslint-disable-next-line no-bitwise
	assert.equal(fs.statSync(file).mode & 0o777, 0o640);
	assert.deepEqual(await getCredentials('127.0.0.1:5000', directory), {
		username: 'me',
		password: 'p:ss',
		serveraddress: '127.0.0.1:5000',
	});
	assert.equal(await eraseCredentials('127.0.0.1:5000', directory), true);
	assert.equal(await eraseCredentials('127.0.0.1:5000', directory), false);
	assert.equal(await getCredentials('127.0.0.1:5000', directory), undefined);
	assert.deepEqual(
		Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).auths),
		['other:1'],
	);
});

test('an entry under a legacy key (with scheme and path) is found; a new file is 0600', async () => {
	const directory = folder();
	assert.equal(await getCredentials('127.0.0.1:5000', directory), undefined);
	fs.writeFileSync(
		path.join(directory, 'config.json'),
		JSON.stringify({
			auths: {
				'https://127.0.0.1:5000/v2/': {
					auth: Buffer.from('u:p').toString('base64'),
				},
			},
		}),
	);
	assert.equal(
		(await getCredentials('127.0.0.1:5000', directory))?.password,
		'p',
	);
	const fresh = path.join(folder(), 'sub');
	await storeCredentials('docker.io', 'u', 'p', fresh);
	// eslint-disable-next-line no-bitwise
	assert.equal(
		fs.statSync(path.join(fresh, 'config.json')).mode & 0o777,
		0o600,
	);
	assert.ok(
		JSON.parse(fs.readFileSync(path.join(fresh, 'config.json'), 'utf8')).auths[
			'https://index.docker.io/v1/'
		],
	);
});

test('a broken config file is reported, not overwritten', async () => {
	const directory = folder();
	fs.writeFileSync(path.join(directory, 'config.json'), '{oops');
	await assert.rejects(
		storeCredentials('127.0.0.1:5000', 'u', 'p', directory),
		/not valid JSON/,
	);
	assert.equal(
		fs.readFileSync(path.join(directory, 'config.json'), 'utf8'),
		'{oops',
	);
});

test('credsStore and credHelpers go through docker-credential-NAME get/store/erase', async () => {
	const directory = folder();
	const bin = folder();
	const store = path.join(bin, 'store.json');
	// A tiny credential helper with the protocol of docker-credential-helpers, keeping one JSON file.
	fs.writeFileSync(
		path.join(bin, 'docker-credential-testhelper'),
		`#!/usr/bin/env node
const fs = require('fs');
const file = ${JSON.stringify(store)};
const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
let input = '';
process.stdin.on('data', d => (input += d)).on('end', () => {
	const action = process.argv[2];
	if (action === 'store') { const c = JSON.parse(input); all[c.ServerURL] = c; }
	else if (action === 'get') {
		const c = all[input.trim()];
		if (!c) { process.stdout.write('credentials not found in native keychain'); process.exit(1); }
		process.stdout.write(JSON.stringify(c)); return;
	}
	else if (action === 'erase') { delete all[input.trim()]; }
	fs.writeFileSync(file, JSON.stringify(all));
});
`,
		{mode: 0o755},
	);
	const savedPath = process.env['PATH'];
	process.env['PATH'] = `${bin}:${savedPath ?? ''}`;
	try {
		fs.writeFileSync(
			path.join(directory, 'config.json'),
			JSON.stringify({
				credsStore: 'nosuch',
				credHelpers: {'127.0.0.1:5000': 'testhelper'},
			}),
		);
		const stored = await storeCredentials(
			'127.0.0.1:5000',
			'me',
			'secret',
			directory,
		);
		assert.equal(stored.where, 'docker-credential-testhelper');
		const config = JSON.parse(
			fs.readFileSync(path.join(directory, 'config.json'), 'utf8'),
		);
		assert.deepEqual(config.auths, {'127.0.0.1:5000': {}});
		assert.equal(config.credsStore, 'nosuch');
		assert.equal(
			JSON.parse(fs.readFileSync(store, 'utf8'))['127.0.0.1:5000'].Secret,
			'secret',
		);
		assert.equal(
			(await getCredentials('127.0.0.1:5000', directory))?.password,
			'secret',
		);
		assert.equal(await eraseCredentials('127.0.0.1:5000', directory), true);
		assert.equal(await getCredentials('127.0.0.1:5000', directory), undefined);
		// The default store (credsStore) is used for other registries; a missing helper is said in words.
		await assert.rejects(
			getCredentials('ghcr.io', directory),
			/docker-credential-nosuch is not on the PATH/,
		);
	} finally {
		process.env['PATH'] = savedPath;
	}
});
