import {imageName, rowKeys, selectedKey} from '../state/selectors.js';
import type {Store} from '../state/store.js';
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

/**
Wraps a command that acts on rows of `pane`: with no row to act on (an empty or filtered-out list, or the row
removed elsewhere a moment before the key), it says so instead of doing nothing without a word.
*/
export function needsRow<Context extends {readonly store: Store}, Result>(
	pane: MarkablePane,
	doing: string,
	command: (context: Context) => Result,
): (context: Context) => Result | undefined {
	return context => {
		const state = context.store.getState();
		if (
			state.ui.pane === pane &&
			state.ui.overlay === undefined &&
			targetsFor(state, pane).targets.length === 0
		) {
			context.store.dispatch({
				type: 'ui/flash',
				text: `No ${pane === 'containers' ? 'container' : 'image'} selected: nothing to ${doing}`,
				level: 'info',
			});
			return undefined;
		}

		return command(context);
	};
}
