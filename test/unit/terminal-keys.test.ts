import test from 'node:test';
import assert from 'node:assert/strict';
import {createElement} from 'react';
import {useInput, type Key} from 'ink';
import {render} from 'ink-testing-library';
import {
	defaultEscapeKey,
	isEscapeKey,
	keyToBytes,
	parseKeyName,
	splitAtEscapeKey,
	translateInput,
	type KeyState,
} from '../../source/terminal/keys.js';

const application = {applicationCursorKeys: true, bracketedPaste: false};

// What Ink 6.8's useInput passes for each key (input, key), and the bytes the program must get.
const cases: ReadonlyArray<
	[name: string, input: string, key: KeyState, bytes: string]
> = [
	['letter', 'a', {}, 'a'],
	['shifted letter', 'A', {shift: true}, 'A'],
	['pasted text', 'echo hi', {}, 'echo hi'],
	['unicode', 'é日', {}, 'é日'],
	['up', '', {upArrow: true}, '\u001B[A'],
	['down', '', {downArrow: true}, '\u001B[B'],
	['right', '', {rightArrow: true}, '\u001B[C'],
	['left', '', {leftArrow: true}, '\u001B[D'],
	['ctrl-up', '', {upArrow: true, ctrl: true}, '\u001B[1;5A'],
	['shift-left', '', {leftArrow: true, shift: true}, '\u001B[1;2D'],
	['alt-right', '', {rightArrow: true, meta: true}, '\u001B[1;3C'],
	['home', '', {home: true}, '\u001B[H'],
	['end', '', {end: true}, '\u001B[F'],
	['page up', '', {pageUp: true}, '\u001B[5~'],
	['page down', '', {pageDown: true}, '\u001B[6~'],
	['ctrl-page down', '', {pageDown: true, ctrl: true}, '\u001B[6;5~'],
	['backspace (Ink: delete)', '', {delete: true}, '\u007F'],
	['ctrl-h backspace (Ink: backspace)', '', {backspace: true}, '\u007F'],
	['alt-backspace', '', {delete: true, meta: true}, '\u001B\u007F'],
	['enter', '', {return: true}, '\r'],
	['tab', '', {tab: true}, '\t'],
	['shift-tab', '', {tab: true, shift: true}, '\u001B[Z'],
	['escape (Ink sets meta too)', '', {escape: true, meta: true}, '\u001B'],
	['ctrl-a', 'a', {ctrl: true}, '\u0001'],
	['ctrl-c', 'c', {ctrl: true}, '\u0003'],
	['ctrl-d', 'd', {ctrl: true}, '\u0004'],
	['ctrl-z', 'z', {ctrl: true}, '\u001A'],
	['ctrl-space (Ink names it `)', '`', {ctrl: true}, '\u0000'],
	['ctrl-\\ as Ink passes it', '\u001C', {}, '\u001C'],
	['alt-x', 'x', {meta: true}, '\u001Bx'],
	['alt-ctrl-a', 'a', {meta: true, ctrl: true}, '\u001B\u0001'],
	['linefeed (ctrl-j)', '\n', {}, '\n'],
	['F-key (Ink gives nothing)', '', {}, ''],
];

for (const [name, input, key, bytes] of cases) {
	test(`keyToBytes - ${name}`, () => {
		assert.equal(keyToBytes(input, key), bytes);
	});
}

test('keyToBytes - application cursor mode', () => {
	assert.equal(keyToBytes('', {upArrow: true}, application), '\u001BOA');
	assert.equal(keyToBytes('', {leftArrow: true}, application), '\u001BOD');
	assert.equal(keyToBytes('', {home: true}, application), '\u001BOH');
	assert.equal(keyToBytes('', {end: true}, application), '\u001BOF');
	// Modified keys keep the CSI form.
	assert.equal(
		keyToBytes('', {upArrow: true, ctrl: true}, application),
		'\u001B[1;5A',
	);
	assert.equal(keyToBytes('', {pageUp: true}, application), '\u001B[5~');
});

test('translateInput - raw sequences pass unchanged in normal mode', () => {
	for (const sequence of [
		'ls -l\r',
		'\u001B[A',
		'\u001BOP',
		'\u001B[15~',
		'\u001Bx',
		'\u001B',
		'\u007F',
		'\u0003',
	]) {
		assert.equal(translateInput(sequence), sequence);
	}
});

test('translateInput - cursor keys follow application cursor mode', () => {
	assert.equal(translateInput('\u001B[A', application), '\u001BOA');
	assert.equal(translateInput('\u001B[D', application), '\u001BOD');
	assert.equal(translateInput('\u001B[H', application), '\u001BOH');
	assert.equal(translateInput('\u001B[1;5A', application), '\u001B[1;5A');
	assert.equal(translateInput('\u001BOA', application), '\u001BOA');
});

test('translateInput - bracketed paste markers only when the program asked for them', () => {
	const pasted = '\u001B[200~echo hi\r\u001B[201~';
	assert.equal(translateInput(pasted), 'echo hi\r');
	assert.equal(translateInput('\u001B[200~', application), '');
	assert.equal(
		translateInput(pasted, {
			applicationCursorKeys: false,
			bracketedPaste: true,
		}),
		pasted,
	);
});

test('isEscapeKey - default is Ctrl-]', () => {
	assert.equal(defaultEscapeKey, '\u001D');
	// Raw byte, and Ink's useInput form (Ink passes 0x1d through as input).
	assert.equal(isEscapeKey('\u001D'), true);
	assert.equal(isEscapeKey('\u001D', {}), true);
	// Ctrl with the character, and the kitty keyboard protocol form.
	assert.equal(isEscapeKey(']', {ctrl: true}), true);
	assert.equal(isEscapeKey('\u001B[93;5u'), true);
	assert.equal(isEscapeKey(']'), false);
	assert.equal(isEscapeKey(']', {}), false);
	assert.equal(isEscapeKey('\u001B'), false);
	assert.equal(isEscapeKey('c', {ctrl: true}), false);
	assert.equal(isEscapeKey('\u0003'), false);
});

test('isEscapeKey - configurable', () => {
	const ctrlP = parseKeyName('ctrl-p');
	assert.equal(ctrlP, '\u0010');
	assert.equal(isEscapeKey('\u0010', undefined, ctrlP), true);
	assert.equal(isEscapeKey('p', {ctrl: true}, ctrlP), true);
	assert.equal(isEscapeKey('\u001B[112;5u', undefined, ctrlP), true);
	assert.equal(isEscapeKey('\u001D', undefined, ctrlP), false);
	assert.equal(isEscapeKey('p', {}, ctrlP), false);
	assert.equal(isEscapeKey('q', undefined, 'q'), true);
});

test('parseKeyName', () => {
	assert.equal(parseKeyName('ctrl-]'), '\u001D');
	assert.equal(parseKeyName('Ctrl-A'), '\u0001');
	assert.equal(parseKeyName('ctrl-@'), '\u0000');
	assert.equal(parseKeyName('ctrl-\\'), '\u001C');
	assert.equal(parseKeyName('ctrl-?'), '\u007F');
	assert.equal(parseKeyName('x'), 'x');
	assert.throws(() => parseKeyName('ctrl-'));
	assert.throws(() => parseKeyName('alt-x'));
	assert.throws(() => parseKeyName('ctrl-1'));
});

test('splitAtEscapeKey - what comes before the escape key is still sent, what comes after it is handed back', () => {
	assert.deepEqual(splitAtEscapeKey('ls\r'), {
		forward: 'ls\r',
		escaped: false,
		rest: '',
	});
	assert.deepEqual(splitAtEscapeKey('\u001D'), {
		forward: '',
		escaped: true,
		rest: '',
	});
	assert.deepEqual(splitAtEscapeKey('ls\u001Drest'), {
		forward: 'ls',
		escaped: true,
		rest: 'rest',
	});
	assert.deepEqual(splitAtEscapeKey('\u001B[93;5u'), {
		forward: '',
		escaped: true,
		rest: '',
	});
	assert.deepEqual(splitAtEscapeKey('a\u0010b', '\u0010'), {
		forward: 'a',
		escaped: true,
		rest: 'b',
	});
});

// The fallback path end to end: raw bytes a terminal sends → Ink 6.8's parser and useInput → keyToBytes.
const roundTrips: ReadonlyArray<[raw: string, bytes: string]> = [
	['a', 'a'],
	['A', 'A'],
	['hello world', 'hello world'],
	['\u001B[A', '\u001B[A'],
	['\u001B[1;5A', '\u001B[1;5A'],
	['\u001B[H', '\u001B[H'],
	['\u001B[1~', '\u001B[H'],
	['\u001B[F', '\u001B[F'],
	['\u001B[5~', '\u001B[5~'],
	['\u001B[6~', '\u001B[6~'],
	['\u007F', '\u007F'],
	['\b', '\u007F'],
	['\r', '\r'],
	['\t', '\t'],
	['\u001B[Z', '\u001B[Z'],
	['\u0001', '\u0001'],
	['\u0003', '\u0003'],
	['\u001A', '\u001A'],
	['\u0000', '\u0000'],
	['\u001D', '\u001D'],
	['\u001Bx', '\u001Bx'],
	['\u001B\u007F', '\u001B\u007F'],
	['\u001B', '\u001B'],
	// Lossy: forward Delete looks like Backspace to useInput; function keys are not described at all.
	['\u001B[3~', '\u007F'],
	['\u001BOP', ''],
	['\u001B[15~', ''],
];

test('keyToBytes - round trip through Ink 6.8 useInput', async () => {
	const seen: Array<[string, Key]> = [];
	function Probe() {
		useInput((input, key) => {
			seen.push([input, key]);
		});
		return null;
	}

	const {stdin, unmount} = render(createElement(Probe));
	await new Promise(resolve => {
		setTimeout(resolve, 10);
	});
	for (const [raw, bytes] of roundTrips) {
		seen.length = 0;
		stdin.write(raw);
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
		assert.equal(seen.length, 1, `one key for ${JSON.stringify(raw)}`);
		const [input, key] = seen[0]!;
		assert.equal(
			keyToBytes(input, key),
			bytes,
			`${JSON.stringify(raw)} → ${JSON.stringify(input)}`,
		);
		assert.equal(
			isEscapeKey(input, key),
			raw === '\u001D',
			`escape key? ${JSON.stringify(raw)}`,
		);
	}

	unmount();
});
