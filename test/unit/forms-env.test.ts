import test from 'node:test';
import assert from 'node:assert/strict';
import {
	parseEnvEntry,
	parseEnvList,
	formatEnvList,
	type EnvVar,
} from '../../source/forms/env.js';

const valid: Array<[string, EnvVar]> = [
	['KEY=VALUE', {key: 'KEY', value: 'VALUE'}],
	['KEY=', {key: 'KEY', value: ''}],
	['KEY==', {key: 'KEY', value: '='}],
	['OPTS=a=b=c', {key: 'OPTS', value: 'a=b=c'}],
	['GREETING=hello world', {key: 'GREETING', value: 'hello world'}],
	['PAD= x ', {key: 'PAD', value: ' x '}],
	['lower_case=1', {key: 'lower_case', value: '1'}],
	['my.dotted-key=1', {key: 'my.dotted-key', value: '1'}],
	['LIST=a,b;c', {key: 'LIST', value: 'a,b;c'}],
	['QUOTE="x"', {key: 'QUOTE', value: '"x"'}],
	['ÜBER=ja', {key: 'ÜBER', value: 'ja'}],
];

const invalid: Array<[string, string]> = [
	['', 'expected NAME=value: '],
	['KEY', 'expected NAME=value: KEY'],
	['=value', 'variable name is missing before =: =value'],
	['=', 'variable name is missing before =: ='],
	['MY KEY=1', 'variable name may not contain spaces: MY KEY'],
	[' KEY=1', 'variable name may not contain spaces:  KEY'],
	['KEY\t=1', 'variable name may not contain spaces: KEY '],
];

for (const [input, expected] of valid) {
	test(`parseEnvEntry ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseEnvEntry(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalid) {
	test(`parseEnvEntry rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseEnvEntry(input), {ok: false, error});
	});
}

const validLists: Array<[string, EnvVar[]]> = [
	['', []],
	['  \n ', []],
	['A=1', [{key: 'A', value: '1'}]],
	[
		'A=1 B=2\nC=3',
		[
			{key: 'A', value: '1'},
			{key: 'B', value: '2'},
			{key: 'C', value: '3'},
		],
	],
	[
		'A=1 "B=two words"',
		[
			{key: 'A', value: '1'},
			{key: 'B', value: 'two words'},
		],
	],
	['B="two words"', [{key: 'B', value: 'two words'}]],
	["B='two  words'", [{key: 'B', value: 'two  words'}]],
	['B=two\\ words', [{key: 'B', value: 'two words'}]],
	[
		'EMPTY= NEXT=1',
		[
			{key: 'EMPTY', value: ''},
			{key: 'NEXT', value: '1'},
		],
	],
	['EMPTY=""', [{key: 'EMPTY', value: ''}]],
	['LIST=a,b;c', [{key: 'LIST', value: 'a,b;c'}]],
	['JSON=\'{"a": 1}\'', [{key: 'JSON', value: '{"a": 1}'}]],
	[`MSG="it's \\"ok\\""`, [{key: 'MSG', value: `it's "ok"`}]],
	['HOME_COPY=$HOME', [{key: 'HOME_COPY', value: '$HOME'}]],
	[
		'URL=postgres://u:p@db:5432/x?a=b',
		[{key: 'URL', value: 'postgres://u:p@db:5432/x?a=b'}],
	],
];

const invalidLists: Array<[string, string]> = [
	['A=1 B', 'expected NAME=value: B'],
	['A=1 =2', 'variable name is missing before =: =2'],
	['A=1 "B C=2"', 'variable name may not contain spaces: B C'],
	['A=1 A=2', 'A is set twice'],
	['A="unclosed', 'missing closing " quote'],
	["A='unclosed", "missing closing ' quote"],
	['A=1 \\', 'ends with a lone \\ (write \\\\ for a backslash)'],
	// `A=1,B=2` is one variable A with the value `1,B=2`; a comma is no separator.
	['A=1,B=2 A=3', 'A is set twice'],
	["A=1 ''", 'expected NAME=value: '],
];

for (const [input, expected] of validLists) {
	test(`parseEnvList ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseEnvList(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalidLists) {
	test(`parseEnvList rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseEnvList(input), {ok: false, error});
	});
}

test('formatEnvList gives KEY=VALUE strings', () => {
	assert.deepEqual(
		formatEnvList([
			{key: 'A', value: '1'},
			{key: 'B', value: 'two words'},
			{key: 'C', value: ''},
			{key: 'D', value: 'x=y'},
		]),
		['A=1', 'B=two words', 'C=', 'D=x=y'],
	);
});

test('formatEnvList after parseEnvEntry gives the entries back', () => {
	const entries = ['A=1', 'B=', 'C=x=y', 'D= spaced '];
	const parsed = entries.map(entry => {
		const result = parseEnvEntry(entry);
		assert.ok(result.ok);
		return result.value;
	});
	assert.deepEqual(formatEnvList(parsed), entries);
});
