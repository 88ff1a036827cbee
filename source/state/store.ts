import type {Action} from './actions.js';
import type {AppState} from './types.js';

/**
A minimal observable store: `dispatch` applies the reducer at once, and listeners are told once per turn of
the event loop however many actions came in it (a burst of a thousand events is one render, not a thousand).
*/
export type Store = {
	getState(): AppState;
	dispatch(action: Action): void;
	subscribe(listener: () => void): () => void;
};

export function createStore(
	reducer: (state: AppState, action: Action) => AppState,
	initial: AppState,
	options: {readonly schedule?: (callback: () => void) => void} = {},
): Store {
	const schedule = options.schedule ?? (callback => setImmediate(callback));
	let state = initial;
	let scheduled = false;
	const listeners = new Set<() => void>();

	const notify = () => {
		scheduled = false;
		for (const listener of listeners) {
			listener();
		}
	};

	return {
		getState: () => state,
		dispatch(action) {
			const next = reducer(state, action);
			if (next === state) {
				return;
			}

			state = next;
			if (!scheduled) {
				scheduled = true;
				schedule(notify);
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
