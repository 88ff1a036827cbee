import test from 'node:test';
import assert from 'node:assert/strict';
import {
	parseImageReference,
	parseRepoTag,
	type ImageReference,
	type RepoTag,
} from '../../source/forms/image-reference.js';

const sha256 = 'sha256:' + 'a1'.repeat(32);
const sha512 = 'sha512:' + 'f0'.repeat(64);

const valid: Array<[string, ImageReference]> = [
	['busybox', {repo: 'busybox', tag: 'latest', reference: 'busybox:latest'}],
	[
		'  busybox  ',
		{repo: 'busybox', tag: 'latest', reference: 'busybox:latest'},
	],
	['busybox:1.36', {repo: 'busybox', tag: '1.36', reference: 'busybox:1.36'}],
	[
		'busybox:local',
		{repo: 'busybox', tag: 'local', reference: 'busybox:local'},
	],
	[
		'library/busybox:musl',
		{repo: 'library/busybox', tag: 'musl', reference: 'library/busybox:musl'},
	],
	[
		'team/sub/app:V1_rc.2-x',
		{
			repo: 'team/sub/app',
			tag: 'V1_rc.2-x',
			reference: 'team/sub/app:V1_rc.2-x',
		},
	],
	['a:_', {repo: 'a', tag: '_', reference: 'a:_'}],
	[
		'my.app_name__x---y:tag',
		{
			repo: 'my.app_name__x---y',
			tag: 'tag',
			reference: 'my.app_name__x---y:tag',
		},
	],
	[
		'docker.io/library/nginx',
		{
			repo: 'docker.io/library/nginx',
			tag: 'latest',
			reference: 'docker.io/library/nginx:latest',
		},
	],
	[
		'ghcr.io/owner/app:v1',
		{repo: 'ghcr.io/owner/app', tag: 'v1', reference: 'ghcr.io/owner/app:v1'},
	],
	[
		'127.0.0.1:5000/team/app:v1',
		{
			repo: '127.0.0.1:5000/team/app',
			tag: 'v1',
			reference: '127.0.0.1:5000/team/app:v1',
		},
	],
	[
		'localhost:5000/app',
		{
			repo: 'localhost:5000/app',
			tag: 'latest',
			reference: 'localhost:5000/app:latest',
		},
	],
	[
		'localhost/app:1',
		{repo: 'localhost/app', tag: '1', reference: 'localhost/app:1'},
	],
	// Without a slash, `localhost:5000` is repository `localhost` with tag `5000` (as in Docker).
	[
		'localhost:5000',
		{repo: 'localhost', tag: '5000', reference: 'localhost:5000'},
	],
	[
		'My-Registry.Example.com:443/app',
		{
			repo: 'My-Registry.Example.com:443/app',
			tag: 'latest',
			reference: 'My-Registry.Example.com:443/app:latest',
		},
	],
	[
		'[::1]:5000/app:dev',
		{repo: '[::1]:5000/app', tag: 'dev', reference: '[::1]:5000/app:dev'},
	],
	[
		'[2001:db8::1]/app',
		{
			repo: '[2001:db8::1]/app',
			tag: 'latest',
			reference: '[2001:db8::1]/app:latest',
		},
	],
	[
		`busybox@${sha256}`,
		{repo: 'busybox', digest: sha256, reference: `busybox@${sha256}`},
	],
	[
		`busybox:1.36@${sha256}`,
		{
			repo: 'busybox',
			tag: '1.36',
			digest: sha256,
			reference: `busybox@${sha256}`,
		},
	],
	[
		`localhost:5000/app@${sha512}`,
		{
			repo: 'localhost:5000/app',
			digest: sha512,
			reference: `localhost:5000/app@${sha512}`,
		},
	],
	[
		'a:' + 'x'.repeat(128),
		{repo: 'a', tag: 'x'.repeat(128), reference: 'a:' + 'x'.repeat(128)},
	],
	[
		'a/'.repeat(127) + 'b',
		{
			repo: 'a/'.repeat(127) + 'b',
			tag: 'latest',
			reference: 'a/'.repeat(127) + 'b:latest',
		},
	],
	// A 64-digit hex string is refused only on its own (as in Docker).
	[
		'a1'.repeat(32) + ':v1',
		{repo: 'a1'.repeat(32), tag: 'v1', reference: 'a1'.repeat(32) + ':v1'},
	],
];

const tagRule = 'tag may only contain letters, digits, _ . - (max 128)';
const pathRule = 'repository may only contain a-z 0-9 and . _ - between them';

const invalid: Array<[string, string]> = [
	['', 'image is required'],
	['   ', 'image is required'],
	['busy box', 'image may not contain spaces'],
	['busybox :1', 'image may not contain spaces'],
	['Busybox', 'repository must be lowercase'],
	['team/MyApp:v1', 'repository must be lowercase'],
	['MyUser/app', 'repository must be lowercase'],
	['ghcr.io/Owner/app', 'repository must be lowercase'],
	['-app', `${pathRule}: -app`],
	['app-', `${pathRule}: app-`],
	['app..x', `${pathRule}: app..x`],
	['app___x', `${pathRule}: app___x`],
	['app._x', `${pathRule}: app._x`],
	['app!', `${pathRule}: app!`],
	['café', `${pathRule}: café`],
	['a//b', 'repository has an empty path part: a//b'],
	['/app', 'repository has an empty path part: /app'],
	['app/', 'repository has an empty path part: app/'],
	['localhost:5000/', 'repository has an empty path part: localhost:5000/'],
	[':v1', 'repository name is empty'],
	[`@${sha256}`, 'repository name is empty'],
	['my_host.com/app', 'invalid registry host: my_host.com'],
	['-bad.com/app', 'invalid registry host: -bad.com'],
	['host.com:port/app', tagRule],
	['host.com:/app', 'invalid registry host: host.com:'],
	['[::1/app', 'invalid registry host: [::1'],
	['[2001:db8::x]/app', 'invalid registry host: [2001:db8::x]'],
	['host..com/app', 'invalid registry host: host..com'],
	['app:', 'tag is empty (remove the : or add a tag)'],
	['app:.v1', 'tag must start with a letter, digit or _'],
	['app:-v1', 'tag must start with a letter, digit or _'],
	['app:v1!', tagRule],
	['app:v1:v2', `${pathRule}: app:v1`],
	['app:' + 'x'.repeat(129), tagRule],
	['app@', 'digest is empty (remove the @ or add a digest)'],
	['app@sha256', 'digest must look like sha256:<64 hex digits>'],
	['app@sha256:abc', 'digest must look like sha256:<64 hex digits>'],
	['app@md5:' + 'a'.repeat(32), 'unsupported digest algorithm: md5'],
	[
		'app@sha256:' + 'a'.repeat(63),
		'sha256 digest must be 64 lowercase hex digits',
	],
	[
		'app@sha256:' + 'a'.repeat(65),
		'sha256 digest must be 64 lowercase hex digits',
	],
	[
		'app@sha256:' + 'A'.repeat(64),
		'sha256 digest must be 64 lowercase hex digits',
	],
	[
		'app@sha512:' + 'a'.repeat(64),
		'sha512 digest must be 128 lowercase hex digits',
	],
	[`app@${sha256}@x`, 'digest must look like sha256:<64 hex digits>'],
	['a1'.repeat(32), 'repository cannot be a 64-digit hex id'],
	['a/'.repeat(127) + 'bc', 'repository name is too long (max 255 characters)'],
];

for (const [input, expected] of valid) {
	test(`parseImageReference ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseImageReference(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalid) {
	test(`parseImageReference rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseImageReference(input), {ok: false, error});
	});
}

test('parseImageReference uses the default tag given', () => {
	assert.deepEqual(parseImageReference('app', {defaultTag: 'dev'}), {
		ok: true,
		value: {repo: 'app', tag: 'dev', reference: 'app:dev'},
	});
	assert.deepEqual(parseImageReference('app:v1', {defaultTag: 'dev'}), {
		ok: true,
		value: {repo: 'app', tag: 'v1', reference: 'app:v1'},
	});
	assert.deepEqual(parseImageReference(`app@${sha256}`, {defaultTag: 'dev'}), {
		ok: true,
		value: {repo: 'app', digest: sha256, reference: `app@${sha256}`},
	});
});

test('parseImageReference with an empty default tag adds none', () => {
	assert.deepEqual(parseImageReference('app', {defaultTag: ''}), {
		ok: true,
		value: {repo: 'app', reference: 'app'},
	});
});

test('parseImageReference cuts long input in messages', () => {
	const result = parseImageReference('x!'.repeat(100));
	assert.equal(result.ok, false);
	assert.ok(!result.ok && result.error.endsWith('…'));
	assert.ok(!result.ok && result.error.length < 120);
});

const validRepoTags: Array<[string, RepoTag]> = [
	['app', {repo: 'app', tag: 'latest', reference: 'app:latest'}],
	['  app:v2  ', {repo: 'app', tag: 'v2', reference: 'app:v2'}],
	['team/app:1.0', {repo: 'team/app', tag: '1.0', reference: 'team/app:1.0'}],
	[
		'localhost:5000/team/app',
		{
			repo: 'localhost:5000/team/app',
			tag: 'latest',
			reference: 'localhost:5000/team/app:latest',
		},
	],
];

const invalidRepoTags: Array<[string, string]> = [
	['', 'repository is required'],
	['  ', 'repository is required'],
	['my app', 'repository may not contain spaces'],
	[`app@${sha256}`, 'a digest is not allowed here, only repository[:tag]'],
	[`app:v1@${sha256}`, 'a digest is not allowed here, only repository[:tag]'],
	['App:v1', 'repository must be lowercase'],
	['app:', 'tag is empty (remove the : or add a tag)'],
	['app:-x', 'tag must start with a letter, digit or _'],
	['app:a/b', tagRule],
	['app:feature/login', tagRule],
	['app:a b', 'repository may not contain spaces'],
	['app:v1!', tagRule],
];

for (const [input, expected] of validRepoTags) {
	test(`parseRepoTag ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseRepoTag(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalidRepoTags) {
	test(`parseRepoTag rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseRepoTag(input), {ok: false, error});
	});
}
