/**
One edit of a text field, as a key press asks for it: the readline set (see `input/field-keys.ts` for the keys).
*/
export type TextEdit =
	| {readonly type: 'insert'; readonly text: string}
	| {
			readonly type:
				| 'backspace'
				| 'delete'
				| 'left'
				| 'right'
				| 'home'
				| 'end'
				| 'word-left'
				| 'word-right'
				/** Ctrl-U: kills from the start of the line to the cursor. */
				| 'delete-to-start'
				/** Ctrl-K: kills from the cursor to the end of the line. */
				| 'kill-to-end'
				/** Ctrl-W: kills the whitespace-separated word before the cursor. */
				| 'delete-word'
				/** Alt-Backspace: kills the word (letters and digits) before the cursor. */
				| 'kill-word-back'
				/** Alt-D: kills the word after the cursor. */
				| 'kill-word-forward'
				/** Ctrl-Y: inserts what was killed last. */
				| 'yank';
	  };

/**
A field's text and where its cursor is (0 = before the first character, `value.length` = at the end). `killed` is
the kill buffer: what the last kill removed, which `yank` puts back; a kill returns the new buffer in it.
*/
export type TextState = {
	readonly value: string;
	readonly cursor: number;
	readonly killed?: string;
};

const wordCharacter = /[\p{L}\p{N}_]/u;

/**
Where Alt-B lands: the start of the word before the cursor.
*/
function wordStartBefore(value: string, cursor: number): number {
	let index = cursor;
	while (index > 0 && !wordCharacter.test(value[index - 1]!)) {
		index--;
	}

	while (index > 0 && wordCharacter.test(value[index - 1]!)) {
		index--;
	}

	return index;
}

/**
Where Alt-F lands: the end of the word after the cursor.
*/
function wordEndAfter(value: string, cursor: number): number {
	let index = cursor;
	while (index < value.length && !wordCharacter.test(value[index]!)) {
		index++;
	}

	while (index < value.length && wordCharacter.test(value[index]!)) {
		index++;
	}

	return index;
}

/** A kill that removes nothing: the text, and the kill buffer as it was. */
function nothingKilled(state: TextState, cursor: number): TextState {
	return state.killed === undefined
		? {value: state.value, cursor}
		: {value: state.value, cursor, killed: state.killed};
}

function kill(value: string, from: number, to: number): TextState {
	return {
		value: value.slice(0, from) + value.slice(to),
		cursor: from,
		killed: value.slice(from, to),
	};
}

/**
Applies one edit. Pure, so that edits arriving faster than the screen redraws are applied one after another to
the latest text instead of each to the same stale copy. Inserted text loses control characters (a Tab or Enter
that arrived in one chunk with the text belongs to the keymap, not the field). A kill that removes nothing
leaves the kill buffer alone.
*/
export function applyEdit(state: TextState, edit: TextEdit): TextState {
	const {value} = state;
	const cursor = Math.max(0, Math.min(state.cursor, value.length));
	switch (edit.type) {
		case 'insert':
		case 'yank': {
			const text = (
				edit.type === 'insert' ? edit.text : (state.killed ?? '')
			).replaceAll(/[\u0000-\u001F\u007F]/g, '');
			return {
				value: value.slice(0, cursor) + text + value.slice(cursor),
				cursor: cursor + text.length,
			};
		}

		case 'backspace': {
			return cursor === 0
				? {value, cursor}
				: {
						value: value.slice(0, cursor - 1) + value.slice(cursor),
						cursor: cursor - 1,
					};
		}

		case 'delete': {
			return {value: value.slice(0, cursor) + value.slice(cursor + 1), cursor};
		}

		case 'left': {
			return {value, cursor: Math.max(0, cursor - 1)};
		}

		case 'right': {
			return {value, cursor: Math.min(value.length, cursor + 1)};
		}

		case 'home': {
			return {value, cursor: 0};
		}

		case 'end': {
			return {value, cursor: value.length};
		}

		case 'word-left': {
			return {value, cursor: wordStartBefore(value, cursor)};
		}

		case 'word-right': {
			return {value, cursor: wordEndAfter(value, cursor)};
		}

		case 'delete-to-start': {
			return cursor === 0
				? nothingKilled(state, cursor)
				: kill(value, 0, cursor);
		}

		case 'kill-to-end': {
			return cursor === value.length
				? nothingKilled(state, cursor)
				: kill(value, cursor, value.length);
		}

		case 'delete-word': {
			const start = value.slice(0, cursor).replace(/\S+\s*$/, '').length;
			return start === cursor
				? nothingKilled(state, cursor)
				: kill(value, start, cursor);
		}

		case 'kill-word-back': {
			const start = wordStartBefore(value, cursor);
			return start === cursor
				? nothingKilled(state, cursor)
				: kill(value, start, cursor);
		}

		case 'kill-word-forward': {
			const end = wordEndAfter(value, cursor);
			return end === cursor
				? nothingKilled(state, cursor)
				: kill(value, cursor, end);
		}
	}
}
