import type {TextEdit} from '../forms/text-edit.js';
import type {Action} from './actions.js';
import type {AppState} from './types.js';

/**
The text field that has the keys, whatever it belongs to: the filter prompt, a form's text field, the `:` command
line, and every prompt to come (a log search). The input router (`input/router.ts`) asks this one selector
where typed text goes; a new prompt adds a branch here and nothing else in the input path.
*/
export type FocusedTextField = {
	/**
	Names the field: `filter`, `form:<field id>`.
	*/
	readonly id: string;
	readonly value: string;
	/**
	0 = before the first character, `value.length` = at the end.
	*/
	readonly cursor: number;
	/**
	A one-line field never takes a newline: Enter is the keymap's (submit, keep), and a pasted newline becomes a
	space.
	*/
	readonly multiline: boolean;
	/**
	The action that applies `edit` to this field (the reducer applies it to the latest value).
	*/
	readonly edit: (edit: TextEdit) => Action;
};

/**
The focused text field, if any. None while the shell pane has the keys or the replace question waits.
*/
export function focusedTextField(
	state: AppState,
): FocusedTextField | undefined {
	const {ui} = state;
	if (ui.shell?.focused || ui.shell?.replace) {
		return undefined;
	}

	if (ui.commandLine) {
		return {
			id: 'command',
			value: ui.commandLine.value,
			cursor: ui.commandLine.cursor,
			multiline: false,
			edit: edit => ({type: 'cmdline/edit', edit}),
		};
	}

	const {overlay} = ui;
	if (overlay) {
		const field =
			overlay.kind === 'form' ? overlay.fields[overlay.focus] : undefined;
		if (field?.kind !== 'text') {
			return undefined;
		}

		const {id} = field;
		return {
			id: `form:${id}`,
			value: field.value,
			cursor: field.cursor ?? field.value.length,
			multiline: false,
			edit: edit => ({type: 'ui/field-edit', id, edit}),
		};
	}

	if (ui.filtering) {
		const value = ui.filters[ui.pane];
		return {
			id: 'filter',
			value,
			cursor: Math.min(ui.filterCursor ?? value.length, value.length),
			multiline: false,
			edit: edit => ({type: 'ui/filter-edit', edit}),
		};
	}

	return undefined;
}
