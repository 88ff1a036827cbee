import assert from 'node:assert/strict';
import test from 'node:test';
import {applyEdit, type TextEdit} from '../../source/forms/text-edit.js';
import {editFor, pressesOf, splitPresses} from '../../source/keymap/presses.js';
import {noKey as none} from '../helpers/keys.js';

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
	['abc def', 5, {type: 'delete-to-start'}, 'ef', 0],
	['sh -c echo', 10, {type: 'delete-word'}, 'sh -c ', 6],
	['abc', 99, {type: 'backspace'}, 'ab', 2],
];

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

test('splitPresses turns a chunk into keys: text, Tab, Enter, Backspace, Ctrl', () => {
	const presses = splitPresses('aB\t\r\u007F\u0015', none);
	assert.deepEqual(
		presses.map(([input, key]) => [
			input,
			Object.entries(key)
				.filter(([, on]) => on === true)
				.map(([name]) => name),
		]),
		[
			['a', []],
			['B', ['shift']],
			['', ['tab']],
			['', ['return']],
			['', ['delete']],
			['u', ['ctrl']],
		],
	);
});

test('splitPresses leaves single keys and escape sequences alone', () => {
	assert.deepEqual(splitPresses('j', none), [['j', none]]);
	const up = {...none, upArrow: true};
	assert.deepEqual(splitPresses('', up), [['', up]]);
	const alt = {...none, meta: true};
	assert.deepEqual(splitPresses('ab', alt), [['ab', alt]]);
});

test('pressesOf reads raw terminal input: characters, Enter, arrows in both cursor modes, paging, a lone Esc', () => {
	const flags = (key: object) =>
		Object.entries(key)
			.filter(([, on]) => on === true)
			.map(([name]) => name);
	assert.deepEqual(
		pressesOf('jK\r\u001B[B\u001BOA\u001B[6~\u001B[1;5P\u0003\u001B').map(
			([input, key]) => [input, flags(key)],
		),
		[
			['j', []],
			['K', ['shift']],
			['', ['return']],
			['', ['downArrow']],
			['', ['upArrow']],
			['', ['pageDown']],
			// Ctrl-F4 means nothing here: skipped whole, not read as Esc and letters.
			['c', ['ctrl']],
			['', ['escape']],
		],
	);
});

test('editFor: typing edits the field; Enter, Tab, arrows up/down and Esc do not', () => {
	assert.deepEqual(editFor('x', none), {type: 'insert', text: 'x'});
	assert.deepEqual(editFor(' ', none), {type: 'insert', text: ' '});
	assert.deepEqual(editFor('', {...none, delete: true}), {type: 'backspace'});
	assert.deepEqual(editFor('', {...none, leftArrow: true}), {type: 'left'});
	assert.deepEqual(editFor('u', {...none, ctrl: true}), {
		type: 'delete-to-start',
	});
	for (const key of [
		{...none, return: true},
		{...none, tab: true},
		{...none, upArrow: true},
		{...none, downArrow: true},
		{...none, escape: true, meta: true},
	]) {
		assert.equal(editFor('', key), undefined);
	}

	assert.equal(editFor('c', {...none, ctrl: true}), undefined, 'Ctrl-C quits');
});
