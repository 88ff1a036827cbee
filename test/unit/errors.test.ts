import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {toEngineError} from '../../source/engine/errors.js';
import {EngineError, type EngineErrorKind} from '../../source/engine/types.js';

/**
An error shaped like docker-modem's (`modem.js` buildPayload): message, reason, statusCode, json.
*/
function modemError(statusCode: number, reason: string, json: unknown): Error {
	const cause =
		typeof json === 'object' && json !== null
			? (json as {message?: string}).message
			: String(json as string);
	const error = new Error(
		`(HTTP code ${statusCode}) ${reason} - ${cause} `,
	) as Error & Record<string, unknown>;
	error['reason'] = reason;
	error['statusCode'] = statusCode;
	error['json'] = json;
	return error;
}

/**
A real socket error from Node's http client.
*/
async function socketError(options: http.RequestOptions): Promise<Error> {
	return new Promise((resolve, reject) => {
		const request = http.get({...options, path: '/_ping'}, () => {
			reject(new Error('unexpected answer'));
		});
		request.on('error', resolve);
	});
}

const httpCases: Array<{
	name: string;
	error: Error;
	what?: string;
	kind: EngineErrorKind;
	message: string;
	statusCode: number;
}> = [
	{
		name: '304',
		error: modemError(304, 'container already started', Buffer.alloc(0)),
		what: 'container web',
		kind: 'not-modified',
		message: 'container web: container already started',
		statusCode: 304,
	},
	{
		name: '404 with the engine message',
		error: modemError(404, 'no such container', {
			message: 'No such container: web',
		}),
		what: 'container web',
		kind: 'not-found',
		message: 'container web: No such container: web',
		statusCode: 404,
	},
	{
		name: '404 without what',
		error: modemError(404, 'no such image', {
			message: 'No such image: nope:latest',
		}),
		kind: 'not-found',
		message: 'No such image: nope:latest',
		statusCode: 404,
	},
	{
		name: '409 (remove running container), reason "unexpected" in the modem',
		error: modemError(409, 'unexpected', {
			message:
				'You cannot remove a running container abc. Stop the container before attempting removal or force remove',
		}),
		what: 'container abc',
		kind: 'conflict',
		message:
			'container abc: You cannot remove a running container abc. Stop the container before attempting removal or force remove',
		statusCode: 409,
	},
	{
		name: '400',
		error: modemError(400, 'bad parameter', {
			message: 'invalid reference format',
		}),
		kind: 'bad-request',
		message: 'invalid reference format',
		statusCode: 400,
	},
	{
		name: '401',
		error: modemError(401, 'unexpected', {message: 'authentication required'}),
		kind: 'unauthorized',
		message: 'authentication required',
		statusCode: 401,
	},
	{
		name: '403',
		error: modemError(403, 'unexpected', {message: 'forbidden'}),
		kind: 'unauthorized',
		message: 'forbidden',
		statusCode: 403,
	},
	{
		name: '500 with a multi-line, escape-laden message made one harmless line',
		error: modemError(500, 'server error', {
			message: 'driver failed\n\u001B[31mred\u001B[0m\tdetail\r\nmore',
		}),
		what: 'container x',
		kind: 'server',
		message: 'container x: driver failed red detail more',
		statusCode: 500,
	},
	{
		name: '503 with a plain text body',
		error: modemError(503, 'unexpected', 'Service Unavailable'),
		kind: 'server',
		message: 'Service Unavailable',
		statusCode: 503,
	},
	{
		name: '500 with no body falls back to the reason',
		error: modemError(500, 'server error', Buffer.alloc(0)),
		kind: 'server',
		message: 'server error',
		statusCode: 500,
	},
	{
		name: '418 with nothing useful',
		error: modemError(418, 'unexpected', ''),
		kind: 'bad-request',
		message: 'the engine answered HTTP 418',
		statusCode: 418,
	},
];

for (const {name, error, what, kind, message, statusCode} of httpCases) {
	test(`HTTP error: ${name}`, () => {
		const mapped = toEngineError(error, what);
		assert.ok(mapped instanceof EngineError);
		assert.equal(mapped.kind, kind);
		assert.equal(mapped.message, message);
		assert.equal(mapped.statusCode, statusCode);
	});
}

test('ECONNREFUSED from a real tcp connect → unreachable, naming the address', async () => {
	const error = await socketError({host: '127.0.0.1', port: 1});
	const mapped = toEngineError(error, 'container web', 'tcp://127.0.0.1:1');
	assert.equal(mapped.kind, 'unreachable');
	assert.equal(
		mapped.message,
		'cannot connect to the Docker engine at 127.0.0.1:1: connection refused. Is the engine running?',
	);
});

test('ENOENT from a real unix socket connect → unreachable, naming the socket', async () => {
	const error = await socketError({socketPath: '/nonexistent.sock'});
	const mapped = toEngineError(error);
	assert.equal(mapped.kind, 'unreachable');
	assert.equal(
		mapped.message,
		'cannot connect to the Docker engine at unix:///nonexistent.sock: the socket does not exist. Is the engine running?',
	);
});

const socketCases: Array<{
	code: string;
	fields: Record<string, unknown>;
	host?: string;
	message: string;
}> = [
	{
		code: 'EACCES',
		fields: {syscall: 'connect', address: '/var/run/docker.sock'},
		message:
			'cannot connect to the Docker engine at unix:///var/run/docker.sock: permission denied. Is your user allowed to use the socket (the docker group)?',
	},
	{
		code: 'ETIMEDOUT',
		fields: {syscall: 'connect', address: '10.0.0.1', port: 2376},
		message:
			'cannot connect to the Docker engine at 10.0.0.1:2376: the connection timed out',
	},
	{
		code: 'EHOSTUNREACH',
		fields: {syscall: 'connect', address: '::1', port: 2375},
		message:
			'cannot connect to the Docker engine at [::1]:2375: the host is unreachable',
	},
	{
		code: 'ECONNRESET',
		fields: {},
		host: 'unix:///var/run/docker.sock',
		message:
			'cannot connect to the Docker engine at unix:///var/run/docker.sock: the connection was lost',
	},
	{
		code: 'EPIPE',
		fields: {syscall: 'write'},
		host: 'tcp://box:2375',
		message:
			'cannot connect to the Docker engine at tcp://box:2375: the connection was lost',
	},
	{
		code: 'ENOTFOUND',
		fields: {syscall: 'getaddrinfo', hostname: 'nosuchhost'},
		message:
			'cannot connect to the Docker engine at nosuchhost: the host name could not be resolved',
	},
];

for (const {code, fields, host, message} of socketCases) {
	test(`socket error ${code} → unreachable`, () => {
		const error = Object.assign(new Error(`connect ${code}`), {
			code,
			...fields,
		});
		const mapped = toEngineError(error, 'container web', host);
		assert.equal(mapped.kind, 'unreachable');
		assert.equal(mapped.message, message);
		assert.equal(mapped.statusCode, undefined);
	});
}

test('an ssh error → unreachable with the ssh words', () => {
	const error = Object.assign(
		new Error('All configured authentication methods failed'),
		{
			level: 'client-authentication',
		},
	);
	const mapped = toEngineError(error, undefined, 'ssh://me@box');
	assert.equal(mapped.kind, 'unreachable');
	assert.equal(
		mapped.message,
		'cannot reach the Docker engine over ssh at ssh://me@box: All configured authentication methods failed',
	);
});

test('ENOENT from reading a file is not "unreachable"', () => {
	const error = Object.assign(
		new Error("ENOENT: no such file or directory, open '/x/ca.pem'"),
		{
			code: 'ENOENT',
			syscall: 'open',
			path: '/x/ca.pem',
		},
	);
	assert.equal(toEngineError(error).kind, 'unknown');
});

test('AbortError → aborted', async () => {
	const controller = new AbortController();
	const request = http.get({
		host: '127.0.0.1',
		port: 1,
		signal: controller.signal,
	});
	const error = await new Promise<Error>(resolve => {
		request.on('error', resolve);
		controller.abort();
	});
	assert.equal(error.name, 'AbortError');
	const mapped = toEngineError(error, 'events');
	assert.equal(mapped.kind, 'aborted');
	assert.equal(mapped.message, 'events: cancelled');
	assert.equal(
		toEngineError(new DOMException('The operation was aborted.', 'AbortError'))
			.kind,
		'aborted',
	);
});

test('an EngineError passes through unchanged', () => {
	const original = new EngineError('conflict', 'already there', 409);
	assert.equal(toEngineError(original, 'container x'), original);
});

test('anything else → unknown, one harmless line', () => {
	assert.deepEqual(
		[
			toEngineError(new Error('weird\nthing\u001B]0;title\u0007'), 'image y')
				.kind,
			toEngineError(new Error('weird\nthing')).message,
		],
		['unknown', 'weird thing'],
	);
	assert.equal(
		toEngineError(new Error('bad \u001B]0;title\u0007name'), 'image y').message,
		'image y: bad name',
	);
	assert.equal(toEngineError('a string').message, 'a string');
	assert.equal(toEngineError(undefined).kind, 'unknown');
	assert.equal(toEngineError(null, 'x').message, 'x: null');
});

test('what is sanitized too', () => {
	const mapped = toEngineError(
		modemError(404, 'no such container', {message: 'No such container'}),
		'container \u001B[2Jevil',
	);
	assert.equal(mapped.message, 'container evil: No such container');
});

test('a very long engine message is cut', () => {
	const mapped = toEngineError(
		modemError(500, 'server error', {message: 'x'.repeat(1000)}),
	);
	assert.ok(mapped.message.length <= 300);
	assert.ok(mapped.message.endsWith('…'));
});
