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

	const plain: Key = {
		...key,
		return: false,
		tab: false,
		backspace: false,
		delete: false,
		escape: false,
		ctrl: false,
		meta: false,
		shift: false,
	};
	return [...input].map(character => {
		switch (character) {
			case '\r':
			case '\n': {
				return ['', {...plain, return: true}] as const;
			}

			case '\t': {
				return ['', {...plain, tab: true}] as const;
			}

			// Ink reports DEL, what most terminals send for Backspace, as `delete`.
			case '\u007F': {
				return ['', {...plain, delete: true}] as const;
			}

			case '\b': {
				return ['', {...plain, backspace: true}] as const;
			}

			default: {
				const code = character.codePointAt(0) ?? 0;
				if (code > 0 && code < 0x20) {
					return [
						String.fromCodePoint(code + 96),
						{...plain, ctrl: true},
					] as const;
				}

				return [
					character,
					{...plain, shift: character !== character.toLowerCase()},
				] as const;
			}
		}
	});
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
