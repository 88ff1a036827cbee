import type {TextEdit} from '../forms/text-edit.js';
import type {KeyPress} from './parse.js';

/**
Readline's keys in a text field. Keys not listed here (Enter, Tab, ↑/↓, Esc, PgUp/PgDn, Ctrl-C) belong to the
keymap of the field's scope.
*/
const edits: Readonly<Record<string, TextEdit>> = {
	left: {type: 'left'},
	'ctrl+b': {type: 'left'},
	right: {type: 'right'},
	'ctrl+f': {type: 'right'},
	home: {type: 'home'},
	'ctrl+a': {type: 'home'},
	end: {type: 'end'},
	'ctrl+e': {type: 'end'},
	'alt+b': {type: 'word-left'},
	'ctrl+left': {type: 'word-left'},
	'alt+left': {type: 'word-left'},
	'alt+f': {type: 'word-right'},
	'ctrl+right': {type: 'word-right'},
	'alt+right': {type: 'word-right'},
	backspace: {type: 'backspace'},
	delete: {type: 'delete'},
	'ctrl+d': {type: 'delete'},
	'ctrl+u': {type: 'delete-to-start'},
	'ctrl+k': {type: 'kill-to-end'},
	'ctrl+w': {type: 'delete-word'},
	'alt+backspace': {type: 'kill-word-back'},
	'alt+d': {type: 'kill-word-forward'},
	'ctrl+y': {type: 'yank'},
};

/**
The readline keys as the readme lists them.
*/
export const fieldKeysHelp: ReadonlyArray<readonly [string, string]> = [
	['←/→, Ctrl-B/Ctrl-F', 'a character left or right'],
	['Alt-B/Alt-F, Ctrl-←/Ctrl-→', 'a word left or right'],
	['Home/End, Ctrl-A/Ctrl-E', 'start or end of the line'],
	[
		'Backspace, Delete/Ctrl-D',
		'delete the character before or under the cursor',
	],
	['Ctrl-U / Ctrl-K', 'cut to the start / to the end of the line'],
	[
		'Ctrl-W / Alt-Backspace',
		'cut the word before the cursor (to a space / to punctuation)',
	],
	['Alt-D', 'cut the word after the cursor'],
	['Ctrl-Y', 'paste back what was cut last'],
];

/**
What a key press does to a text field, or undefined for keys that belong to the keymap.
*/
export function fieldEdit(press: KeyPress): TextEdit | undefined {
	if (press.text !== undefined) {
		return {type: 'insert', text: press.text};
	}

	return edits[press.name];
}

/**
Pasted text as a one-line field takes it: line breaks and tabs become spaces (a trailing line break is dropped),
so a paste never submits the field.
*/
export function oneLine(text: string): string {
	return text.replace(/(?:\r\n|\r|\n)$/, '').replaceAll(/\r\n|\r|\n|\t/g, ' ');
}
