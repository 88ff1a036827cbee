import {applyEdit} from '../forms/text-edit.js';
import {formErrors} from '../forms/validate.js';
import type {Action} from './actions.js';
import {rowKeys, selectedIndex, selectedKey} from './selectors.js';
import {
	type AppState,
	type Busy,
	type FormField,
	type FormOverlay,
	isMarkable,
	type UiState,
} from './types.js';

type OverlayAction = Extract<
	Action,
	{
		type:
			| 'ui/mark-toggle'
			| 'ui/marks-clear'
			| 'ui/busy'
			| 'ui/idle'
			| 'ui/overlay-open'
			| 'ui/focus-move'
			| 'ui/field-toggle'
			| 'ui/field-edit'
			| 'ui/field-complete'
			| 'ui/form-errors'
			| 'ui/form-notes';
	}
>;

/**
The part of the reducer for actions on the engine's objects: marks, busy rows, forms and dialogs. Pure.
*/
export default function reduceOverlay(
	state: AppState,
	action: OverlayAction,
): AppState {
	const {ui} = state;
	switch (action.type) {
		case 'ui/mark-toggle': {
			const {pane} = ui;
			if (!isMarkable(pane)) {
				return state;
			}

			const key = selectedKey(state, pane);
			if (key === undefined) {
				return state;
			}

			const marked = new Set(ui.marks[pane]);
			if (marked.has(key)) {
				marked.delete(key);
			} else {
				marked.add(key);
			}

			const keys = rowKeys(state, pane);
			const index = Math.min(selectedIndex(state, pane) + 1, keys.length - 1);
			return withUi(state, {
				marks: {...ui.marks, [pane]: marked},
				selection: {...ui.selection, [pane]: {key: keys[index], index}},
			});
		}

		case 'ui/marks-clear': {
			const current = ui.marks[action.pane];
			if (current.size === 0) {
				return state;
			}

			const marked = new Set(current);
			for (const key of action.keys ?? current) {
				marked.delete(key);
			}

			return withUi(state, {marks: {...ui.marks, [action.pane]: marked}});
		}

		case 'ui/busy': {
			const busy = new Map(ui.busy);
			const entry: Busy = {verb: action.verb, token: action.token};
			for (const key of action.keys) {
				busy.set(key, entry);
			}

			return withUi(state, {busy});
		}

		case 'ui/idle': {
			const busy = new Map(ui.busy);
			for (const key of action.keys) {
				if (busy.get(key)?.token === action.token) {
					busy.delete(key);
				}
			}

			return busy.size === ui.busy.size ? state : withUi(state, {busy});
		}

		case 'ui/overlay-open': {
			return withUi(state, {overlay: action.overlay});
		}

		case 'ui/focus-move': {
			const overlay = ui.overlay;
			if (overlay?.kind === 'form') {
				const count = overlay.fields.length;
				const focus = (overlay.focus + action.delta + count) % count;
				return withUi(state, {overlay: {...overlay, focus}});
			}

			if (overlay?.kind === 'dialog') {
				const count = overlay.items.length;
				const focus = (overlay.focus + action.delta + count) % count;
				return withUi(state, {overlay: {...overlay, focus}});
			}

			return state;
		}

		case 'ui/field-toggle': {
			const overlay = ui.overlay;
			if (overlay?.kind === 'form') {
				const field = overlay.fields[overlay.focus];
				if (field?.kind === 'toggle') {
					return withForm(state, overlay, {...field, value: !field.value});
				}

				if (field?.kind === 'choice') {
					const count = field.options.length;
					const index =
						(field.options.indexOf(field.value) + action.delta + count) % count;
					return withForm(state, overlay, {
						...field,
						value: field.options[index] ?? field.value,
					});
				}

				return state;
			}

			if (overlay?.kind === 'dialog') {
				const item = overlay.items[overlay.focus];
				if (item?.kind !== 'toggle') {
					return state;
				}

				const items = overlay.items.map((each, index) =>
					index === overlay.focus ? {...item, value: !item.value} : each,
				);
				return withUi(state, {overlay: {...overlay, items}});
			}

			return state;
		}

		case 'ui/field-complete': {
			const overlay = ui.overlay;
			const field =
				overlay?.kind === 'form'
					? overlay.fields.find(each => each.id === action.id)
					: undefined;
			if (overlay?.kind !== 'form' || field?.kind !== 'text') {
				return state;
			}

			const {candidates: _shown, ...rest} = field;
			return withForm(state, overlay, {
				...rest,
				value: action.value,
				cursor: action.value.length,
				...(action.candidates === undefined
					? {}
					: {candidates: action.candidates}),
			});
		}

		case 'ui/field-edit': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'form') {
				return state;
			}

			const field = overlay.fields.find(each => each.id === action.id);
			if (field?.kind !== 'text') {
				return state;
			}

			const cursor = field.cursor ?? field.value.length;
			const next = applyEdit(
				{
					value: field.value,
					cursor,
					...(ui.killed === undefined ? {} : {killed: ui.killed}),
				},
				action.edit,
			);
			const killed =
				next.killed === undefined
					? state
					: withUi(state, {killed: next.killed});
			if (next.value === field.value) {
				return next.cursor === cursor
					? killed
					: withUi(killed, {
							overlay: {
								...overlay,
								fields: overlay.fields.map(each =>
									each === field ? {...field, cursor: next.cursor} : each,
								),
							},
						});
			}

			const {candidates: _shown, ...rest} = field;
			return withForm(killed, overlay, {
				...rest,
				value: next.value,
				cursor: next.cursor,
			});
		}

		case 'ui/form-errors': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'form') {
				return state;
			}

			const fields = overlay.fields.map(field =>
				withError(field, action.errors),
			);
			const first = fields.findIndex(field => field.error !== undefined);
			return withUi(state, {
				overlay: {
					...overlay,
					fields,
					focus: first === -1 ? overlay.focus : first,
				},
			});
		}

		case 'ui/form-notes': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'form' || overlay.title !== action.title) {
				return state;
			}

			return withUi(state, {overlay: {...overlay, notes: action.notes}});
		}
	}
}

function withUi(state: AppState, patch: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

/**
Puts `field` (changed) into the open form. A field that showed an error is checked again at once, so the message
goes away as soon as the value is fixed (or changes to the new problem); fields without an error are only checked
on submit, so nobody is scolded while still typing.
*/
function withForm(
	state: AppState,
	form: FormOverlay,
	field: FormField,
): AppState {
	let next: FormOverlay = {
		...form,
		fields: form.fields.map(each => (each.id === field.id ? field : each)),
	};
	if (form.fields.some(each => each.error !== undefined)) {
		const errors = formErrors(next);
		next = {
			...next,
			fields: next.fields.map(each =>
				each.error === undefined ? each : withError(each, errors),
			),
		};
	}

	return withUi(state, {overlay: next});
}

function withError(
	field: FormField,
	errors: Readonly<Record<string, string>>,
): FormField {
	const error = errors[field.id];
	if (error === field.error) {
		return field;
	}

	if (error === undefined) {
		const {error: _dropped, ...rest} = field;
		return rest as FormField;
	}

	return {...field, error};
}
