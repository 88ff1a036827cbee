import test from 'node:test';
import assert from 'node:assert/strict';
import {
	splitCommand,
	quoteWord,
	joinCommand,
} from '../../source/forms/shell-split.js';

const valid: Array<[string, string[]]> = [
	['', []],
	['   \t\n ', []],
	['ls', ['ls']],
	['ls -la /tmp', ['ls', '-la', '/tmp']],
	['  a   b  ', ['a', 'b']],
	['a\tb\nc', ['a', 'b', 'c']],
	["'a b'", ['a b']],
	['"a b"', ['a b']],
	['a"b c"d', ['ab cd']],
	["a'b c'd", ['ab cd']],
	[`'a'"b"c`, ['abc']],
	["''", ['']],
	['""', ['']],
	["a '' b", ['a', '', 'b']],
	['a "" b', ['a', '', 'b']],
	["a''", ['a']],
	[`'it'"'"'s'`, ["it's"]],
	["'\\n \\ $HOME'", ['\\n \\ $HOME']],
	['"say \\"hi\\""', ['say "hi"']],
	['"a\\\\b"', ['a\\b']],
	['"\\$HOME"', ['$HOME']],
	['"\\`x\\`"', ['`x`']],
	['"a\\nb"', ['a\\nb']],
	['"a\\\nb"', ['ab']],
	['a\\ b', ['a b']],
	['a\\"b', ['a"b']],
	["a\\'b", ["a'b"]],
	['\\\\', ['\\']],
	['a\\\nb', ['ab']],
	['$HOME *.txt ~ # | ;', ['$HOME', '*.txt', '~', '#', '|', ';']],
	[
		`sh -c 'echo "$1" && exit 3' -- x`,
		['sh', '-c', 'echo "$1" && exit 3', '--', 'x'],
	],
	['"multi\nline"', ['multi\nline']],
	['héllo wörld', ['héllo', 'wörld']],
];

const invalid: Array<[string, string]> = [
	["'abc", "missing closing ' quote"],
	['echo "abc', 'missing closing " quote'],
	['"abc\\"', 'missing closing " quote'],
	["a 'b' 'c", "missing closing ' quote"],
	['abc\\', 'ends with a lone \\ (write \\\\ for a backslash)'],
	['"a" \\', 'ends with a lone \\ (write \\\\ for a backslash)'],
];

for (const [input, expected] of valid) {
	test(`splitCommand ${JSON.stringify(input)}`, () => {
		assert.deepEqual(splitCommand(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalid) {
	test(`splitCommand rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(splitCommand(input), {ok: false, error});
	});
}

const quoted: Array<[string, string]> = [
	['ls', 'ls'],
	['/usr/bin/env', '/usr/bin/env'],
	['A=1', 'A=1'],
	['', "''"],
	['a b', "'a b'"],
	["it's", "'it'\\''s'"],
	['$HOME', "'$HOME'"],
	['"', `'"'`],
];

for (const [input, expected] of quoted) {
	test(`quoteWord ${JSON.stringify(input)}`, () => {
		assert.equal(quoteWord(input), expected);
	});
}

test('joinCommand round-trips through splitCommand', () => {
	const argvs: string[][] = [
		[],
		['sh', '-c', 'echo "$1" && exit 3', '--', 'x'],
		['', ' ', "'", '"', '\\', 'a\nb', '\t', 'it\'s "x" \\ $y `z`'],
		['héllo', 'wörld', '*', '~', '#'],
	];
	for (const argv of argvs) {
		assert.deepEqual(splitCommand(joinCommand(argv)), {ok: true, value: argv});
	}
});
