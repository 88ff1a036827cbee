import test from 'node:test';
import assert from 'node:assert/strict';
import {validateContainerName} from '../../source/forms/container-name.js';

const valid: Array<[string, string | undefined]> = [
	['', undefined],
	['   ', undefined],
	['web', 'web'],
	['/web', 'web'],
	['  web  ', 'web'],
	['ab', 'ab'],
	['0x', '0x'],
	['my_app.v2-blue', 'my_app.v2-blue'],
	['Web_1', 'Web_1'],
	['a--', 'a--'],
	['a'.repeat(200), 'a'.repeat(200)],
];

const invalid: Array<[string, string]> = [
	['a', 'name must be at least 2 characters'],
	['/a', 'name must be at least 2 characters'],
	['/', 'name must start with a letter or digit'],
	['//web', 'name must start with a letter or digit'],
	['_web', 'name must start with a letter or digit'],
	['.web', 'name must start with a letter or digit'],
	['-web', 'name must start with a letter or digit'],
	['my web', 'name may not contain spaces'],
	['web!', 'name may only contain letters, digits, _ . - (found "!")'],
	['web/1', 'name may only contain letters, digits, _ . - (found "/")'],
	['web:1', 'name may only contain letters, digits, _ . - (found ":")'],
	['wéb', 'name may only contain letters, digits, _ . - (found "é")'],
];

for (const [input, expected] of valid) {
	test(`validateContainerName ${JSON.stringify(input)}`, () => {
		assert.deepEqual(validateContainerName(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalid) {
	test(`validateContainerName rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(validateContainerName(input), {ok: false, error});
	});
}
