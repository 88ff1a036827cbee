import test from 'node:test';
import assert from 'node:assert/strict';
import {
	parseRestartPolicy,
	type RestartPolicy,
} from '../../source/forms/restart-policy.js';

const valid: Array<[string, RestartPolicy]> = [
	['', {name: 'no'}],
	['   ', {name: 'no'}],
	['no', {name: 'no'}],
	['always', {name: 'always'}],
	['unless-stopped', {name: 'unless-stopped'}],
	['on-failure', {name: 'on-failure'}],
	['on-failure:0', {name: 'on-failure', maximumRetryCount: 0}],
	['on-failure:5', {name: 'on-failure', maximumRetryCount: 5}],
	['on-failure:05', {name: 'on-failure', maximumRetryCount: 5}],
	['  Always  ', {name: 'always'}],
	['ON-FAILURE:3', {name: 'on-failure', maximumRetryCount: 3}],
];

const choices =
	'restart policy must be no, always, unless-stopped or on-failure[:N]';

const invalid: Array<[string, string]> = [
	['never', `${choices}: never`],
	['unless_stopped', `${choices}: unless_stopped`],
	['on_failure:3', `${choices}: on_failure:3`],
	['yes', `${choices}: yes`],
	[':3', `${choices}: :3`],
	['always:3', 'only on-failure takes a retry count, not always'],
	['no:1', 'only on-failure takes a retry count, not no'],
	[
		'unless-stopped:2',
		'only on-failure takes a retry count, not unless-stopped',
	],
	['on-failure:', 'retry count is missing after on-failure:'],
	['on-failure:-1', 'retry count must be a whole number: -1'],
	['on-failure:1.5', 'retry count must be a whole number: 1.5'],
	['on-failure:three', 'retry count must be a whole number: three'],
	['on-failure: 3', 'retry count must be a whole number:  3'],
	['on-failure:3:4', 'retry count must be a whole number: 3:4'],
	[
		'on-failure:99999999999999999999',
		'retry count must be a whole number: 99999999999999999999',
	],
];

for (const [input, expected] of valid) {
	test(`parseRestartPolicy ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseRestartPolicy(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalid) {
	test(`parseRestartPolicy rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseRestartPolicy(input), {ok: false, error});
	});
}
