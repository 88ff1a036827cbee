import type {Key} from 'ink';
import type {TextEdit} from '../forms/text-edit.js';

/**
Ink hands over keys that arrive in one chunk (fast typing, a held key, a slow link, a paste) as one input:
`"jjj"`, `"abc\t"`, `"\x7f\x7f\x7f"`. This takes such an input apart into one press per character, with control
characters turned back into the keys they are (Enter, Tab, Backspace, Ctrl-letter), so that nothing is lost and
nothing lands in a text field as a raw control character. A single key, an escape sequence, or a Ctrl/Alt
combination is passed on as Ink gave it.
*/
export function splitPresses(
	input: string,
	key: Key,
): Array<readonly [string, Key]> {
	if (input.length <= 1 || key.ctrl || key.meta || key.escape) {
		return [[input, key]];
	}

	return [...input].map(character => characterPress(character, key));
}

/**
One character of a chunk as the key it is.
*/
function characterPress(character: string, base: Key): readonly [string, Key] {
	const plain: Key = {
		...base,
		return: false,
		tab: false,
		backspace: false,
		delete: false,
		escape: false,
		ctrl: false,
		meta: false,
		shift: false,
	};
	switch (character) {
		case '\r':
		case '\n': {
			return ['', {...plain, return: true}];
		}

		case '\t': {
			return ['', {...plain, tab: true}];
		}

		// Ink reports DEL, what most terminals send for Backspace, as `delete`.
		case '\u007F': {
			return ['', {...plain, delete: true}];
		}

		case '\b': {
			return ['', {...plain, backspace: true}];
		}

		default: {
			const code = character.codePointAt(0) ?? 0;
			if (code > 0 && code < 0x20) {
				return [String.fromCodePoint(code + 96), {...plain, ctrl: true}];
			}

			return [
				character,
				{...plain, shift: character !== character.toLowerCase()},
			];
		}
	}
}

/**
An Ink key press with no flag set.
*/
export const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

// The keys the keymap knows among the terminal's escape sequences (normal and application cursor mode).
const sequenceKeys: Readonly<Record<string, keyof Key>> = {
	A: 'upArrow',
	B: 'downArrow',
	C: 'rightArrow',
	D: 'leftArrow',
	H: 'home',
	F: 'end',
	'5~': 'pageUp',
	'6~': 'pageDown',
	'1~': 'home',
	'4~': 'end',
	'3~': 'delete',
};

// eslint-disable-next-line no-control-regex
const escapeSequence = /^\u001B(?:\[([0-9;]*[~A-Za-z])|O([A-Za-z]))/;

/**
The key presses in raw terminal input (keys handed over from the shell pane, `ui/key-handover.ts`): characters as
`splitPresses` makes them, cursor and paging keys from their escape sequences, a lone Esc as Esc. Sequences the
keymap has no use for are skipped whole.
*/
export function pressesOf(raw: string): Array<readonly [string, Key]> {
	const presses: Array<readonly [string, Key]> = [];
	let rest = raw;
	while (rest !== '') {
		if (rest.startsWith('\u001B')) {
			const sequence = escapeSequence.exec(rest);
			if (sequence) {
				const flag = sequenceKeys[sequence[1] ?? sequence[2] ?? ''];
				if (flag) {
					presses.push(['', {...noKey, [flag]: true}]);
				}

				rest = rest.slice(sequence[0].length);
				continue;
			}

			presses.push(['', {...noKey, escape: true}]);
			rest = rest.slice(1);
			continue;
		}

		const character = String.fromCodePoint(rest.codePointAt(0)!);
		presses.push(characterPress(character, noKey));
		rest = rest.slice(character.length);
	}

	return presses;
}

/**
What a key press does to a text field, or undefined for keys that belong to the keymap (Enter, Tab, ↑/↓, Esc).
*/
export function editFor(input: string, key: Key): TextEdit | undefined {
	if (
		key.return ||
		key.tab ||
		key.upArrow ||
		key.downArrow ||
		key.pageUp ||
		key.pageDown ||
		key.escape
	) {
		return undefined;
	}

	// Most terminals send DEL (0x7f) for the Backspace key, which Ink reports as `delete`.
	if (key.backspace || key.delete) {
		return {type: 'backspace'};
	}

	if (key.leftArrow) {
		return {type: 'left'};
	}

	if (key.rightArrow) {
		return {type: 'right'};
	}

	if (key.home) {
		return {type: 'home'};
	}

	if (key.end) {
		return {type: 'end'};
	}

	if (key.ctrl) {
		const edits: Readonly<Record<string, TextEdit>> = {
			a: {type: 'home'},
			e: {type: 'end'},
			u: {type: 'delete-to-start'},
			w: {type: 'delete-word'},
		};
		return edits[input];
	}

	if (key.meta || input === '') {
		return undefined;
	}

	return {type: 'insert', text: input};
}
