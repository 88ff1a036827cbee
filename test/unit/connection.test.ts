import test from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import {Agent} from 'node:https';
import os from 'node:os';
import path from 'node:path';
import {
	resolveEndpoint,
	contextDirName,
	type ResolveOptions,
} from '../../source/engine/connection.js';
import {EngineError} from '../../source/engine/types.js';

const temporary: string[] = [];

test.after(() => {
	for (const folder of temporary) {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});

/**
A fresh HOME with an empty ~/.docker.
*/
function makeHome(): string {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-connection-'));
	temporary.push(home);
	fs.mkdirSync(path.join(home, '.docker'));
	return home;
}

function writeTls(
	folder: string,
	files: readonly string[] = ['ca.pem', 'cert.pem', 'key.pem'],
): void {
	fs.mkdirSync(folder, {recursive: true});
	for (const file of files) {
		fs.writeFileSync(path.join(folder, file), `-----${file}-----\n`);
	}
}

/**
Makes a context the way `docker context create` stores it.
*/
function makeContext(
	configDir: string,
	name: string,
	docker: Record<string, unknown>,
	tlsFiles: readonly string[] = [],
): void {
	const id = createHash('sha256').update(name).digest('hex');
	const meta = path.join(configDir, 'contexts', 'meta', id);
	fs.mkdirSync(meta, {recursive: true});
	fs.writeFileSync(
		path.join(meta, 'meta.json'),
		JSON.stringify({
			Name: name,
			Metadata: {Description: ''},
			Endpoints: {docker},
		}),
	);
	if (tlsFiles.length > 0) {
		writeTls(path.join(configDir, 'contexts', 'tls', id, 'docker'), tlsFiles);
	}
}

function resolve(
	home: string,
	env: ResolveOptions['env'] = {},
	flags: {host?: string; context?: string} = {},
) {
	return resolveEndpoint({...flags, env, homeDir: home});
}

function assertBadRequest(run: () => unknown, message: RegExp): void {
	assert.throws(run, (error: unknown) => {
		assert.ok(error instanceof EngineError, String(error));
		assert.equal(error.kind, 'bad-request');
		assert.match(error.message, message);
		return true;
	});
}

test('context folder names are the sha256 of the name', () => {
	assert.equal(
		contextDirName('default'),
		createHash('sha256').update('default').digest('hex'),
	);
	assert.equal(contextDirName('remote').length, 64);
});

test('nothing configured → the default socket', () => {
	const home = makeHome();
	assert.deepEqual(resolve(home), {
		host: 'unix:///var/run/docker.sock',
		source: 'default',
		options: {socketPath: '/var/run/docker.sock'},
	});
});

const hostCases: Array<{
	value: string;
	host: string;
	options: Record<string, unknown>;
}> = [
	{
		value: 'unix:///tmp/other.sock',
		host: 'unix:///tmp/other.sock',
		options: {socketPath: '/tmp/other.sock'},
	},
	{
		value: 'unix://',
		host: 'unix:///var/run/docker.sock',
		options: {socketPath: '/var/run/docker.sock'},
	},
	{
		value: 'tcp://127.0.0.1:2375',
		host: 'tcp://127.0.0.1:2375',
		options: {protocol: 'http', host: '127.0.0.1', port: 2375},
	},
	{
		value: 'tcp://box',
		host: 'tcp://box:2375',
		options: {protocol: 'http', host: 'box', port: 2375},
	},
	{
		value: 'tcp://box:4243/',
		host: 'tcp://box:4243',
		options: {protocol: 'http', host: 'box', port: 4243},
	},
	{
		value: 'box.lan:2375',
		host: 'tcp://box.lan:2375',
		options: {protocol: 'http', host: 'box.lan', port: 2375},
	},
	{
		value: 'tcp://[::1]:2375',
		host: 'tcp://[::1]:2375',
		options: {protocol: 'http', host: '::1', port: 2375},
	},
];

for (const {value, host, options} of hostCases) {
	test(`DOCKER_HOST=${value}`, () => {
		const home = makeHome();
		assert.deepEqual(resolve(home, {DOCKER_HOST: value}), {
			host,
			source: 'DOCKER_HOST',
			options,
		});
	});

	test(`--host ${value}`, () => {
		const home = makeHome();
		assert.deepEqual(resolve(home, {}, {host: value}), {
			host,
			source: 'flag',
			options,
		});
	});
}

test('--host wins over DOCKER_HOST and contexts', () => {
	const home = makeHome();
	makeContext(path.join(home, '.docker'), 'remote', {
		Host: 'tcp://10.0.0.1:2375',
	});
	const endpoint = resolve(
		home,
		{DOCKER_HOST: 'tcp://10.0.0.2:2375', DOCKER_CONTEXT: 'remote'},
		{host: 'unix:///x.sock'},
	);
	assert.equal(endpoint.host, 'unix:///x.sock');
	assert.equal(endpoint.source, 'flag');
});

test('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH → https with the three files, port 2376 by default', () => {
	const home = makeHome();
	const certs = path.join(home, 'certs');
	writeTls(certs);
	const endpoint = resolve(home, {
		DOCKER_HOST: 'tcp://box',
		DOCKER_TLS_VERIFY: '1',
		DOCKER_CERT_PATH: certs,
	});
	assert.equal(endpoint.host, 'tcp://box:2376');
	assert.equal(endpoint.options.protocol, 'https');
	assert.equal(endpoint.options.port, 2376);
	assert.equal(String(endpoint.options.ca), '-----ca.pem-----\n');
	assert.equal(String(endpoint.options.cert), '-----cert.pem-----\n');
	assert.equal(String(endpoint.options.key), '-----key.pem-----\n');
	assert.equal(endpoint.options.agent, undefined, 'verification stays on');
});

test('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH reads ~/.docker', () => {
	const home = makeHome();
	writeTls(path.join(home, '.docker'));
	const endpoint = resolve(home, {
		DOCKER_HOST: 'tcp://box:2376',
		DOCKER_TLS_VERIFY: '1',
	});
	assert.equal(endpoint.options.protocol, 'https');
	assert.equal(String(endpoint.options.ca), '-----ca.pem-----\n');
});

test('DOCKER_TLS_VERIFY with missing files → bad-request naming them and the folder', () => {
	const home = makeHome();
	const certs = path.join(home, 'certs');
	writeTls(certs, ['ca.pem']);
	assertBadRequest(
		() =>
			resolve(home, {
				DOCKER_HOST: 'tcp://box',
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: certs,
			}),
		/cert\.pem, key\.pem are missing in .*certs.*DOCKER_CERT_PATH/,
	);
});

test('DOCKER_TLS without verification → https through an agent that does not verify', () => {
	const home = makeHome();
	const endpoint = resolve(home, {DOCKER_HOST: 'tcp://box', DOCKER_TLS: '1'});
	assert.equal(endpoint.options.protocol, 'https');
	assert.equal(endpoint.options.port, 2376);
	assert.ok(endpoint.options.agent instanceof Agent);
	assert.equal(endpoint.options.agent.options.rejectUnauthorized, false);
});

test('TLS variables do not apply to a unix socket', () => {
	const home = makeHome();
	assert.deepEqual(
		resolve(home, {DOCKER_HOST: 'unix:///s.sock', DOCKER_TLS_VERIFY: '1'})
			.options,
		{
			socketPath: '/s.sock',
		},
	);
});

test('ssh://user@host:port: the system ssh connects, dockerode speaks HTTP over it', () => {
	const home = makeHome();
	const endpoint = resolve(home, {
		DOCKER_HOST: 'ssh://me@box:2222',
		SSH_AUTH_SOCK: '/tmp/agent.sock',
	});
	assert.deepEqual(endpoint, {
		host: 'ssh://me@box:2222',
		source: 'DOCKER_HOST',
		options: {protocol: 'http', host: 'docker', port: 80},
		ssh: {host: 'box', user: 'me', port: 2222},
	});
});

test('ssh://alias leaves the user and port to ~/.ssh/config, as the docker CLI does', () => {
	const home = makeHome();
	const endpoint = resolve(home, {DOCKER_HOST: 'ssh://box', USER: 'alice'});
	assert.equal(endpoint.host, 'ssh://box');
	assert.deepEqual(endpoint.ssh, {host: 'box'});
});

const badHosts: Array<[string, RegExp]> = [
	[
		'npipe:////./pipe/docker_engine',
		/named pipes \(npipe:\/\/\) are not supported/,
	],
	['http://box:2375', /unsupported address type "http:\/\/"/],
	['fd://', /unsupported address type "fd:\/\/"/],
	['tcp://', /not an address|no host name/],
	['tcp://box:99999', /not an address|not a port number/],
	['tcp://box:2375/prefix', /a path after the host is not supported/],
	['ssh://me:secret@box', /password/],
	['ssh://box:0', /not a port number/],
	['tcp://bad host:2375', /not an address/],
];

for (const [value, message] of badHosts) {
	test(`bad DOCKER_HOST ${value} → bad-request`, () => {
		const home = makeHome();
		assertBadRequest(() => resolve(home, {DOCKER_HOST: value}), message);
	});
}

test('a bad --host names the flag', () => {
	const home = makeHome();
	assertBadRequest(
		() => resolve(home, {}, {host: 'ftp://x'}),
		/^--host is ftp:\/\/x/,
	);
});

test('--context picks a context from the store', () => {
	const home = makeHome();
	makeContext(path.join(home, '.docker'), 'remote', {
		Host: 'tcp://10.1.2.3:2375',
		SkipTLSVerify: false,
	});
	assert.deepEqual(resolve(home, {}, {context: 'remote'}), {
		host: 'tcp://10.1.2.3:2375',
		source: 'context remote',
		options: {protocol: 'http', host: '10.1.2.3', port: 2375},
	});
});

test('a context with TLS files → https with those files', () => {
	const home = makeHome();
	makeContext(
		path.join(home, '.docker'),
		'secure',
		{Host: 'tcp://10.1.2.3:2376'},
		['ca.pem', 'cert.pem', 'key.pem'],
	);
	const endpoint = resolve(home, {}, {context: 'secure'});
	assert.equal(endpoint.options.protocol, 'https');
	assert.equal(String(endpoint.options.cert), '-----cert.pem-----\n');
	assert.equal(endpoint.options.agent, undefined);
});

test('a context with SkipTLSVerify → https through an agent that does not verify', () => {
	const home = makeHome();
	makeContext(
		path.join(home, '.docker'),
		'lax',
		{Host: 'tcp://10.1.2.3', SkipTLSVerify: true},
		['ca.pem'],
	);
	const endpoint = resolve(home, {}, {context: 'lax'});
	assert.equal(endpoint.host, 'tcp://10.1.2.3:2376');
	assert.equal(endpoint.options.protocol, 'https');
	assert.ok(endpoint.options.agent instanceof Agent);
	assert.equal(endpoint.options.agent.options.rejectUnauthorized, false);
});

test('a context with only cert.pem → bad-request', () => {
	const home = makeHome();
	makeContext(
		path.join(home, '.docker'),
		'half',
		{Host: 'tcp://10.1.2.3:2376'},
		['cert.pem'],
	);
	assertBadRequest(
		() => resolve(home, {}, {context: 'half'}),
		/only one of cert\.pem and key\.pem/,
	);
});

test('a context with a unix or ssh host', () => {
	const home = makeHome();
	makeContext(path.join(home, '.docker'), 'local', {
		Host: 'unix:///run/user/1000/docker.sock',
	});
	makeContext(path.join(home, '.docker'), 'over-ssh', {
		Host: 'ssh://ops@build-box',
	});
	assert.deepEqual(resolve(home, {}, {context: 'local'}).options, {
		socketPath: '/run/user/1000/docker.sock',
	});
	assert.equal(
		resolve(home, {SSH_AUTH_SOCK: '/a'}, {context: 'over-ssh'}).host,
		'ssh://ops@build-box',
	);
});

test('DOCKER_CONTEXT picks a context', () => {
	const home = makeHome();
	makeContext(path.join(home, '.docker'), 'remote', {
		Host: 'tcp://10.1.2.3:2375',
	});
	const endpoint = resolve(home, {DOCKER_CONTEXT: 'remote'});
	assert.equal(endpoint.source, 'context remote');
	assert.equal(endpoint.host, 'tcp://10.1.2.3:2375');
});

test('currentContext in config.json, under DOCKER_CONFIG', () => {
	const home = makeHome();
	const config = path.join(home, 'elsewhere');
	fs.mkdirSync(config);
	fs.writeFileSync(
		path.join(config, 'config.json'),
		JSON.stringify({auths: {}, currentContext: 'remote'}),
	);
	makeContext(config, 'remote', {Host: 'tcp://10.9.9.9:2375'});
	const endpoint = resolve(home, {DOCKER_CONFIG: config});
	assert.equal(endpoint.source, 'context remote');
	assert.equal(endpoint.host, 'tcp://10.9.9.9:2375');
});

test('currentContext in ~/.docker/config.json', () => {
	const home = makeHome();
	fs.writeFileSync(
		path.join(home, '.docker', 'config.json'),
		JSON.stringify({currentContext: 'remote'}),
	);
	makeContext(path.join(home, '.docker'), 'remote', {
		Host: 'tcp://10.9.9.8:2375',
	});
	assert.equal(resolve(home).host, 'tcp://10.9.9.8:2375');
});

test('DOCKER_CONTEXT wins over currentContext', () => {
	const home = makeHome();
	fs.writeFileSync(
		path.join(home, '.docker', 'config.json'),
		JSON.stringify({currentContext: 'a'}),
	);
	makeContext(path.join(home, '.docker'), 'a', {Host: 'tcp://10.0.0.1:2375'});
	makeContext(path.join(home, '.docker'), 'b', {Host: 'tcp://10.0.0.2:2375'});
	assert.equal(resolve(home, {DOCKER_CONTEXT: 'b'}).source, 'context b');
});

test('DOCKER_HOST wins over DOCKER_CONTEXT and currentContext', () => {
	const home = makeHome();
	fs.writeFileSync(
		path.join(home, '.docker', 'config.json'),
		JSON.stringify({currentContext: 'a'}),
	);
	makeContext(path.join(home, '.docker'), 'a', {Host: 'tcp://10.0.0.1:2375'});
	const endpoint = resolve(home, {
		DOCKER_HOST: 'unix:///d.sock',
		DOCKER_CONTEXT: 'a',
	});
	assert.equal(endpoint.source, 'DOCKER_HOST');
	assert.equal(endpoint.host, 'unix:///d.sock');
});

test('--context wins over DOCKER_HOST (as in the docker CLI)', () => {
	const home = makeHome();
	makeContext(path.join(home, '.docker'), 'a', {Host: 'tcp://10.0.0.1:2375'});
	assert.equal(
		resolve(home, {DOCKER_HOST: 'unix:///d.sock'}, {context: 'a'}).source,
		'context a',
	);
});

test('--host and --context together → bad-request', () => {
	const home = makeHome();
	assertBadRequest(
		() => resolve(home, {}, {host: 'unix:///x.sock', context: 'a'}),
		/either --host or --context/,
	);
});

test('the context "default" means no override', () => {
	const home = makeHome();
	fs.writeFileSync(
		path.join(home, '.docker', 'config.json'),
		JSON.stringify({currentContext: 'default'}),
	);
	assert.equal(resolve(home).source, 'default');
	assert.equal(
		resolve(home, {}, {context: 'default'}).host,
		'unix:///var/run/docker.sock',
	);
	assert.equal(
		resolve(home, {DOCKER_HOST: 'tcp://h:2375'}, {context: 'default'}).source,
		'DOCKER_HOST',
	);
	assert.equal(resolve(home, {DOCKER_CONTEXT: 'default'}).source, 'default');
});

test('an unknown context → bad-request that says what to do', () => {
	const home = makeHome();
	assertBadRequest(
		() => resolve(home, {}, {context: 'nope'}),
		/no Docker context named "nope".*docker context ls/,
	);
	fs.writeFileSync(
		path.join(home, '.docker', 'config.json'),
		JSON.stringify({currentContext: 'gone'}),
	);
	assertBadRequest(() => resolve(home), /no Docker context named "gone"/);
});

test('a broken config.json → bad-request', () => {
	const home = makeHome();
	fs.writeFileSync(
		path.join(home, '.docker', 'config.json'),
		'{"currentContext": ',
	);
	assertBadRequest(() => resolve(home), /config\.json is not valid JSON/);
});

test('a context without a docker endpoint → bad-request', () => {
	const home = makeHome();
	makeContext(path.join(home, '.docker'), 'empty', {SkipTLSVerify: false});
	assertBadRequest(
		() => resolve(home, {}, {context: 'empty'}),
		/has no Docker endpoint/,
	);
});

test('empty values count as unset', () => {
	const home = makeHome();
	assert.equal(
		resolve(
			home,
			{DOCKER_HOST: '', DOCKER_CONTEXT: ' '},
			{host: '', context: ''},
		).source,
		'default',
	);
});
