import assert from 'node:assert/strict';
import test from 'node:test';
import {
	commitFormFields,
	validateCommitForm,
} from '../../source/forms/commit-form.js';
import {formValues} from '../../source/forms/form-values.js';
import {
	parseRunImage,
	runFormFields,
	validateRunForm,
} from '../../source/forms/run-form.js';
import {tagFormFields, validateTagForm} from '../../source/forms/tag-form.js';

function runValues(patch: Record<string, string | boolean>) {
	return {...formValues(runFormFields('busybox:local', ['sh'])), ...patch};
}

test('run form: every field becomes the request', () => {
	const result = validateRunForm(
		runValues({
			name: ' web ',
			command: `sh -c "echo 'hi there'; sleep 9"`,
			ports: '8080:80, 127.0.0.1:8443:443/tcp 53/udp',
			env: 'A=1 B="two words" C=',
			volumes: '/srv:/data:ro cache:/cache /scratch',
			restart: 'unless-stopped',
			tty: true,
		}),
		{imageHasCommand: true},
	);
	assert.ok(result.ok);
	assert.deepEqual(result.value, {
		image: 'busybox:local',
		name: 'web',
		cmd: ['sh', '-c', "echo 'hi there'; sleep 9"],
		env: ['A=1', 'B=two words', 'C='],
		ports: [
			{privatePort: 80, publicPort: 8080, protocol: 'tcp'},
			{privatePort: 443, publicPort: 8443, ip: '127.0.0.1', protocol: 'tcp'},
			{privatePort: 53, protocol: 'udp'},
		],
		volumes: ['/srv:/data:ro', 'cache:/cache', '/scratch'],
		restartPolicy: 'unless-stopped',
		autoRemove: false,
		tty: true,
		openStdin: true,
		labels: {},
	});
});

test('run form: empty optional fields mean the defaults', () => {
	const result = validateRunForm(runValues({command: ''}), {
		imageHasCommand: true,
	});
	assert.ok(result.ok);
	assert.equal(result.value.name, undefined);
	assert.deepEqual(result.value.cmd, []);
	assert.deepEqual(result.value.ports, []);
	assert.equal(result.value.restartPolicy, 'no');
});

const invalid: Array<
	[string, Record<string, string | boolean>, string, RegExp]
> = [
	['port', {ports: '8080:80 99999'}, 'ports', /1-65535/],
	['port spec', {ports: 'abc:80'}, 'ports', /number/],
	['env', {env: 'A=1 NOEQUALS'}, 'env', /NAME=value/],
	['volume', {volumes: 'relative:data'}, 'volumes', /absolute/],
	['name', {name: 'has space'}, 'name', /spaces/],
	['image', {image: 'Busybox'}, 'image', /lowercase/],
	['command quote', {command: 'sh -c "unclosed'}, 'command', /quote/],
	[
		'--rm with restart',
		{rm: true, restart: 'always'},
		'restart',
		/cannot also be restarted/,
	],
];

for (const [what, patch, field, message] of invalid) {
	test(`run form: invalid ${what} is reported next to its field`, () => {
		const result = validateRunForm(runValues(patch), {imageHasCommand: true});
		assert.ok(!result.ok);
		assert.deepEqual(Object.keys(result.errors), [field]);
		assert.match(result.errors[field] ?? '', message);
	});
}

test('run form: several problems at once, one message per field', () => {
	const result = validateRunForm(runValues({ports: 'x', env: 'y'}), {
		imageHasCommand: true,
	});
	assert.ok(!result.ok);
	assert.deepEqual(Object.keys(result.errors).sort(), ['env', 'ports']);
});

test('run form: an image without a command of its own needs one', () => {
	const result = validateRunForm(runValues({command: '  '}), {
		imageHasCommand: false,
	});
	assert.ok(!result.ok);
	assert.match(result.errors['command'] ?? '', /no command of its own/);
});

test('run form: the image field takes references and ids', () => {
	assert.deepEqual(parseRunImage('busybox'), {
		ok: true,
		value: 'busybox:latest',
	});
	const id = 'sha256:' + 'ab'.repeat(32);
	assert.deepEqual(parseRunImage(id), {ok: true, value: id});
	assert.deepEqual(parseRunImage('0123456789ab'), {
		ok: true,
		value: '0123456789ab',
	});
	assert.equal(parseRunImage('no spaces please').ok, false);
});

test('commit form: repository:tag is required, the tag defaults to latest', () => {
	const values = formValues(commitFormFields());
	const empty = validateCommitForm(values);
	assert.ok(!empty.ok);
	assert.match(empty.errors['reference'] ?? '', /required/);

	const result = validateCommitForm({
		...values,
		reference: 'team/app',
		message: 'first',
		author: 'Me <me@example.com>',
	});
	assert.deepEqual(result, {
		ok: true,
		value: {
			repo: 'team/app',
			tag: 'latest',
			reference: 'team/app:latest',
			message: 'first',
			author: 'Me <me@example.com>',
			pause: true,
		},
	});
});

test('tag form: an invalid tag is refused', () => {
	const values = formValues(tagFormFields());
	assert.match(
		(
			validateTagForm({...values, reference: 'app:-v1'}) as {
				errors: Record<string, string>;
			}
		).errors['reference'] ?? '',
		/tag must start/,
	);
	assert.deepEqual(validateTagForm({...values, reference: 'app:v1'}), {
		ok: true,
		value: {repo: 'app', tag: 'v1', reference: 'app:v1'},
	});
});
