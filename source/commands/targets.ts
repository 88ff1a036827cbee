import {imageName, rowKeys, selectedKey} from '../state/selectors.js';
import type {AppState, MarkablePane, Target} from '../state/types.js';

/**
The rows an action applies to: every marked row that still exists (in the pane's order), or else the selected
row. `marked` says which it was, because an action on marked rows asks first and lists them.
*/
export function targetsFor(
	state: AppState,
	pane: MarkablePane,
): {readonly targets: Target[]; readonly marked: boolean} {
	const marks = state.ui.marks[pane];
	const name = (key: string) => nameOf(state, pane, key);
	const exists = (key: string) =>
		pane === 'containers' ? state.containers.has(key) : state.images.has(key);
	if (marks.size > 0) {
		const order = rowKeys(state, pane);
		const keys = [
			...order.filter(key => marks.has(key)),
			...[...marks].filter(key => !order.includes(key) && exists(key)),
		];
		if (keys.length > 0) {
			return {
				targets: keys.map(key => ({id: key, name: name(key)})),
				marked: true,
			};
		}
	}

	const key = selectedKey(state, pane);
	return {
		targets: key === undefined ? [] : [{id: key, name: name(key)}],
		marked: false,
	};
}

/**
What to call a row in messages: a container's name, an image's first tag (or `<none> 0123456789ab`).
*/
export function nameOf(
	state: AppState,
	pane: MarkablePane,
	key: string,
): string {
	if (pane === 'containers') {
		return state.containers.get(key)?.name ?? key.slice(0, 12);
	}

	const image = state.images.get(key);
	return image ? imageName(image) : key.replace(/^sha256:/, '').slice(0, 12);
}
