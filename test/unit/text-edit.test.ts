import assert from 'node:assert/strict';
import test from 'node:test';
import {
	applyEdit,
	type TextEdit,
	type TextState,
} from '../../source/forms/text-edit.js';
import {fieldEdit} from '../../source/input/field-keys.js';
import {type KeyPress, parseAll} from '../../source/input/parse.js';

const cases: Array<[string, number, TextEdit, string, number]> = [
	['', 0, {type: 'insert', text: 'abc'}, 'abc', 3],
	['ac', 1, {type: 'insert', text: 'b'}, 'abc', 2],
	['ab', 2, {type: 'insert', text: 'c\td\r'}, 'abcd', 4],
	['abc', 3, {type: 'backspace'}, 'ab', 2],
	['abc', 0, {type: 'backspace'}, 'abc', 0],
	['abc', 1, {type: 'delete'}, 'ac', 1],
	['abc', 1, {type: 'left'}, 'abc', 0],
	['abc', 0, {type: 'left'}, 'abc', 0],
	['abc', 3, {type: 'right'}, 'abc', 3],
	['abc', 2, {type: 'home'}, 'abc', 0],
	['abc', 0, {type: 'end'}, 'abc', 3],

	['abc', 99, {type: 'backspace'}, 'ab', 2],
];

test('applyEdit: Ctrl-U and Ctrl-W cut what they remove', () => {
	assert.deepEqual(
		applyEdit({value: 'abc def', cursor: 5}, {type: 'delete-to-start'}),
		{value: 'ef', cursor: 0, killed: 'abc d'},
	);
	assert.deepEqual(
		applyEdit({value: 'sh -c echo', cursor: 10}, {type: 'delete-word'}),
		{value: 'sh -c ', cursor: 6, killed: 'echo'},
	);
});

for (const [value, cursor, edit, expected, expectedCursor] of cases) {
	test(`applyEdit ${JSON.stringify(value)}@${cursor} ${edit.type}`, () => {
		assert.deepEqual(applyEdit({value, cursor}, edit), {
			value: expected,
			cursor: expectedCursor,
		});
	});
}

test('edits applied one after another never lose a key (seven Backspaces)', () => {
	let state = {value: 'app/Snap:v1', cursor: 11};
	for (let index = 0; index < 7; index++) {
		state = applyEdit(state, {type: 'backspace'});
	}

	assert.deepEqual(state, {value: 'app/', cursor: 4});
});

test('fieldEdit: typing edits the field; Enter, Tab, arrows up/down, Esc and Ctrl-C do not', () => {
	const press = (raw: string) => {
		const [first] = parseAll(raw);
		assert.equal(first?.type, 'key', raw);
		return first as KeyPress;
	};

	assert.deepEqual(fieldEdit(press('x')), {type: 'insert', text: 'x'});
	assert.deepEqual(fieldEdit(press(' ')), {type: 'insert', text: ' '});
	assert.deepEqual(fieldEdit(press('\u007F')), {type: 'backspace'});
	assert.deepEqual(fieldEdit(press('\u001B[D')), {type: 'left'});
	assert.deepEqual(fieldEdit(press('\u0015')), {type: 'delete-to-start'});
	const readline: Array<[string, string]> = [
		['\u0001', 'home'],
		['\u0005', 'end'],
		['\u0002', 'left'],
		['\u0006', 'right'],
		['\u001Bb', 'word-left'],
		['\u001Bf', 'word-right'],
		['\u000B', 'kill-to-end'],
		['\u0017', 'delete-word'],
		['\u001B\u007F', 'kill-word-back'],
		['\u0019', 'yank'],
		['\u001B[H', 'home'],
		['\u001B[F', 'end'],
		['\u001B[3~', 'delete'],
	];
	for (const [raw, type] of readline) {
		assert.equal(fieldEdit(press(raw))?.type, type, JSON.stringify(raw));
	}

	for (const raw of [
		'\r',
		'\t',
		'\u001B[A',
		'\u001B[B',
		'\u0003',
		'\u001B[6~',
	]) {
		assert.equal(fieldEdit(press(raw)), undefined, JSON.stringify(raw));
	}
});

test('kills fill the kill buffer and Ctrl-Y yanks it back', () => {
	let state: TextState = {value: 'docker run busybox', cursor: 18};
	state = applyEdit(state, {type: 'delete-word'});
	assert.deepEqual(state, {
		value: 'docker run ',
		cursor: 11,
		killed: 'busybox',
	});
	// The buffer is kept beside the field (the reducer keeps it in the UI state) until the next kill.
	const {killed} = state;
	state = {...applyEdit(state, {type: 'home'}), killed: killed!};
	state = applyEdit(state, {type: 'yank'});
	assert.deepEqual(state, {value: 'busyboxdocker run ', cursor: 7});
	assert.deepEqual(
		applyEdit({value: 'a-b c', cursor: 5}, {type: 'kill-word-back'}),
		{value: 'a-b ', cursor: 4, killed: 'c'},
	);
	assert.deepEqual(applyEdit({value: 'ab', cursor: 0}, {type: 'kill-to-end'}), {
		value: '',
		cursor: 0,
		killed: 'ab',
	});
	assert.deepEqual(
		applyEdit({value: 'ab', cursor: 2, killed: 'x'}, {type: 'kill-to-end'}),
		{value: 'ab', cursor: 2, killed: 'x'},
		'nothing to kill: the buffer stays',
	);
	assert.deepEqual(
		applyEdit({value: 'one two-three', cursor: 13}, {type: 'word-left'}),
		{value: 'one two-three', cursor: 8},
	);
	assert.deepEqual(
		applyEdit({value: 'one two', cursor: 0}, {type: 'word-right'}),
		{value: 'one two', cursor: 3},
	);
});
