/**
One edit of a single-line text field, as a key press asks for it.
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
				| 'delete-to-start'
				| 'delete-word';
	  };

/**
A field's text and where its cursor is (0 = before the first character, `value.length` = at the end).
*/
export type TextState = {readonly value: string; readonly cursor: number};

/**
Applies one edit. Pure, so that edits arriving faster than the screen redraws are applied one after another to
the latest text instead of each to the same stale copy. Inserted text loses control characters (a Tab or Enter
that arrived in one chunk with the text belongs to the keymap, not the field).
*/
export function applyEdit(state: TextState, edit: TextEdit): TextState {
	const {value} = state;
	const cursor = Math.max(0, Math.min(state.cursor, value.length));
	switch (edit.type) {
		case 'insert': {
			const text = edit.text.replaceAll(/[\u0000-\u001F\u007F]/g, '');
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

		case 'delete-to-start': {
			return {value: value.slice(cursor), cursor: 0};
		}

		case 'delete-word': {
			const before = value.slice(0, cursor).replace(/\S+\s*$/, '');
			return {value: before + value.slice(cursor), cursor: before.length};
		}
	}
}
