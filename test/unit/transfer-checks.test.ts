/**
The pure parts of the transfers that issue 12 asks for by name: a registry's refusals in words (not found,
unauthorized, no such host, connection refused, TLS, manifest unknown), the engine's progress messages made into
layer events, and the text checks of the forms (a bad reference, a bad `--change`, a platform, a save path).
*/
import assert from 'node:assert/strict';
import test from 'node:test';
import {
	messageError,
	progressEvent,
	registryError,
} from '../../source/engine/transfer-progress.js';
import {validateTransferForm} from '../../source/forms/transfer-forms.js';

test('registry errors are said in words, each with its kind', () => {
	const cases: Array<[string, string, RegExp]> = [
		[
			'unauthorized: authentication required',
			'unauthorized',
			/log in to this registry first/,
		],
		[
			'no basic auth credentials',
			'unauthorized',
			/log in to this registry first/,
		],
		[
			'manifest for 127.0.0.1:5000/a/b:v9 not found: manifest unknown: manifest unknown',
			'not-found',
			/manifest unknown: the registry has no such tag/,
		],
		[
			'pull access denied for nosuch, repository does not exist',
			'not-found',
			/not found: pull access denied/,
		],
		[
			'Get "https://nosuch.invalid/v2/": dial tcp: lookup nosuch.invalid on 127.0.0.53:53: no such host',
			'unreachable',
			/no such host: the registry name does not resolve/,
		],
		[
			'Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused',
			'unreachable',
			/connection refused: nothing answers/,
		],
		[
			'Get "https://127.0.0.1:8443/v2/": x509: certificate signed by unknown authority',
			'unreachable',
			/^x: TLS: .*x509/,
		],
		[
			'Get "https://10.0.0.1/v2/": net/http: request canceled (Client.Timeout exceeded); i/o timeout',
			'unreachable',
			/did not answer/,
		],
		['something else went wrong', 'server', /^x: something else went wrong$/],
	];
	for (const [message, kind, words] of cases) {
		const error = registryError(message, 'x');
		assert.equal(error.kind, kind, message);
		assert.match(error.message, words, message);
		assert.ok(error.message.startsWith('x: '), 'names the object');
	}
});

test("a registry error's text is one line, without control characters", () => {
	const error = registryError('line one\nline two\u001B[31m red', 'x');
	assert.doesNotMatch(error.message, /[\n\u001B]/);
});

test('progress messages become layer events; errors in the stream are found', () => {
	assert.deepEqual(
		progressEvent({
			status: 'Downloading',
			id: 'abc123',
			progressDetail: {current: 10, total: 100},
		}),
		{
			kind: 'layer',
			id: 'abc123',
			status: 'downloading',
			current: 10,
			total: 100,
		},
	);
	assert.deepEqual(progressEvent({status: 'Pull complete', id: 'abc123'}), {
		kind: 'layer',
		id: 'abc123',
		status: 'done',
	});
	assert.deepEqual(progressEvent({status: 'Already exists', id: 'abc123'}), {
		kind: 'layer',
		id: 'abc123',
		status: 'exists',
	});
	assert.deepEqual(progressEvent({status: 'Pulling from team/app', id: 'v1'}), {
		kind: 'status',
		text: 'v1: Pulling from team/app',
	});
	assert.deepEqual(progressEvent({stream: 'Step 1/2 : FROM x\n'}), {
		kind: 'output',
		text: 'Step 1/2 : FROM x',
	});
	assert.equal(progressEvent({stream: '\n'}), undefined);
	assert.equal(
		messageError({error: 'e', errorDetail: {message: 'detail'}}),
		'detail',
	);
	assert.equal(messageError({error: 'plain'}), 'plain');
	assert.equal(messageError({status: 'fine'}), undefined);
});

test('the forms refuse bad text before anything is sent', () => {
	const cases: Array<
		[
			Parameters<typeof validateTransferForm>[0]['action'],
			Record<string, string | boolean>,
			string,
			RegExp,
		]
	> = [
		['pull', {reference: 'Bad Name:!', platform: ''}, 'reference', /./],
		['pull', {reference: 'UPPER/case:v1', platform: ''}, 'reference', /./],
		[
			'pull',
			{reference: 'ok/name:v1', platform: 'amd64'},
			'platform',
			/os\/arch/,
		],
		['pull', {reference: '', platform: ''}, 'reference', /./],
		[
			'import',
			{path: 'x.tar', reference: 'bad tag::1', change1: ''},
			'reference',
			/./,
		],
		[
			'import',
			{path: 'x.tar', reference: 'ok:v1', change1: 'RUN rm -rf /'},
			'change1',
			/RUN is not allowed here/,
		],
		[
			'import',
			{path: 'x.tar', reference: 'ok:v1', change1: 'CMD ["unclosed'},
			'change1',
			/JSON list of strings/,
		],
		[
			'import',
			{path: 'x.tar', reference: 'ok:v1', change1: 'ENV nothing'},
			'change1',
			/KEY=value/,
		],
		['save', {path: '/tmp/folder/'}, 'path', /a file name, not a folder/],
		['save', {path: ''}, 'path', /./],
		['load', {path: ''}, 'path', /./],
		['build', {context: '', dockerfile: '', tags: ''}, 'context', /./],
		['build', {context: '.', dockerfile: '', tags: 'Not A Tag'}, 'tags', /./],
		[
			'build',
			{context: '.', dockerfile: '', tags: '', buildArgs: 'NOEQUALS'},
			'buildArgs',
			/KEY=value/,
		],
		[
			'login',
			{registry: '127.0.0.1:5000', username: 'u', password: ''},
			'password',
			/required/,
		],
		[
			'cp-out',
			{source: 'relative/path', destination: '/tmp/'},
			'source',
			/starts with \//,
		],
		[
			'cp-in',
			{source: '/tmp/x', destination: 'relative'},
			'destination',
			/starts with \//,
		],
	];
	for (const [action, values, field, words] of cases) {
		const result = validateTransferForm(
			{form: 'transfer', action} as Parameters<typeof validateTransferForm>[0],
			values,
		);
		assert.equal(result.ok, false, `${action} ${JSON.stringify(values)}`);
		if (!result.ok) {
			assert.match(
				result.errors[field] ?? '',
				words,
				`${action} ${JSON.stringify(values)}: ${JSON.stringify(result.errors)}`,
			);
		}
	}

	const good = validateTransferForm(
		{form: 'transfer', action: 'import'},
		{
			path: 'x.tar',
			reference: 'team/app:v1',
			message: 'm',
			change1: 'CMD ["/bin/sh"]',
			change2: 'ENV A=b',
			change3: '',
		},
	);
	assert.equal(good.ok, true, JSON.stringify(good));
});
