import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import process from 'node:process';
import {test} from 'node:test';
import {
	checkArguments,
	distance,
	nearest,
	UsageError,
} from '../../source/flags.js';

// The flags as cli.tsx declares them.
const flags = {
	host: {type: 'string', shortFlag: 'H'},
	context: {type: 'string', shortFlag: 'c'},
	readOnly: {type: 'boolean'},
	shell: {type: 'string'},
	escapeKey: {type: 'string'},
	mouse: {type: 'boolean'},
} as const;

const refused = (argv: string[]) => {
	try {
		checkArguments(argv, flags);
	} catch (error) {
		assert.ok(error instanceof UsageError, String(error));
		return error.message;
	}

	assert.fail(`${argv.join(' ')} was accepted`);
};

for (const argv of [
	[],
	['--read-only'],
	['--host', 'unix:///var/run/docker.sock'],
	['-H', 'tcp://127.0.0.1:2375', '--read-only'],
	['-Htcp://127.0.0.1:2375'],
	['--host=ssh://me@box'],
	['--no-mouse', '--escape-key', 'ctrl-a'],
	['--read-only=false'],
	['-c', 'default', '--shell', '/bin/sh'],
	['--help'],
	['--version'],
	['--'],
]) {
	test(`accepted: dockpit ${argv.join(' ')}`, () => {
		assert.doesNotThrow(() => {
			checkArguments(argv, flags);
		});
	});
}

for (const [argv, message] of [
	[['--readonly'], 'unknown flag --readonly (did you mean --read-only?)'],
	[['--read_only'], 'unknown flag --read_only (did you mean --read-only?)'],
	[['-readonly'], 'unknown flag -readonly (did you mean --read-only?)'],
	[['--hots', 'x'], 'unknown flag --hots (did you mean --host?)'],
	[['--nomouse'], 'unknown flag --nomouse (did you mean --no-mouse?)'],
	[
		['--escapekey=ctrl-a'],
		'unknown flag --escapekey (did you mean --escape-key?)',
	],
	[['--foo'], 'unknown flag --foo'],
	[['-x'], 'unknown flag -x'],
	[['-H'], '--host (-H) needs a value'],
	[['-H', '--read-only'], '--host (-H) needs a value'],
	[['--host='], '--host (-H) needs a value (it was empty)'],
	[['--shell'], '--shell needs a value'],
	[
		['--read-only=yes'],
		'--read-only is a switch and takes no value (got "yes")',
	],
	[
		['--no-mouse=true'],
		'--no-mouse is a switch and takes no value (got "true")',
	],
	[['-c', 'a', '-c', 'b'], '--context (-c) is given more than once'],
	[['foo'], 'dockpit takes no arguments, only flags (got "foo")'],
	[
		['unix:///x'],
		'dockpit takes no arguments, only flags (got "unix:///x"; for an engine address use --host unix:///x)',
	],
	[['--', 'foo'], 'dockpit takes no arguments, only flags (got "foo")'],
] as const) {
	test(`refused: dockpit ${argv.join(' ')}`, () => {
		assert.equal(refused([...argv]), message);
	});
}

test('nearest finds typos and nothing for unrelated words', () => {
	assert.equal(nearest('readonly', ['host', 'read-only']), 'read-only');
	assert.equal(nearest('shel', ['shell', 'host']), 'shell');
	assert.equal(nearest('banana', ['shell', 'host', 'read-only']), undefined);
	assert.equal(nearest('', ['shell']), undefined);
	assert.equal(distance('ab', 'ba'), 1);
	assert.equal(distance('kitten', 'sitting'), 3);
});

test('the built CLI stops on a bad flag with exit code 2, before it needs a terminal', () => {
	const result = spawnSync(
		process.execPath,
		['--import=tsx', 'cli.tsx', '--readonly'],
		{encoding: 'utf8'},
	);
	assert.equal(result.status, 2);
	assert.match(result.stderr, /did you mean --read-only\?/);
	assert.match(result.stderr, /dockpit --help/);
});
