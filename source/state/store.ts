import type {Action} from './actions.js';
import type {AppState} from './types.js';

/**
A minimal observable store: `dispatch` applies the reducer at once, and listeners are told once per turn of
the event loop however many actions came in it (a burst of a thousand events is one render, not a thousand).
News from the engine (events and the refreshes they cause) may wait a little longer (`newsDelayMs`), so that a
steady stream of events makes a few renders a second, not one per event, and leaves the time to the keys: any
other action tells the listeners on the next turn, news included.
*/
export type Store = {
	getState(): AppState;
	dispatch(action: Action): void;
	subscribe(listener: () => void): () => void;
};

/**
Actions that only bring the engine's news, which can wait `newsDelayMs` to be shown together.
*/
const news: ReadonlySet<Action['type']> = new Set<Action['type']>([
	'event/received',
	'containers/refreshed',
]);

export function createStore(
	reducer: (state: AppState, action: Action) => AppState,
	initial: AppState,
	options: {
		readonly schedule?: (callback: () => void) => void;
		/**
		How long engine news may wait before listeners hear of it, in ms.
		@default 0 (the next turn, like everything else)
		*/
		readonly newsDelayMs?: number;
	} = {},
): Store {
	const schedule = options.schedule ?? (callback => setImmediate(callback));
	const newsDelayMs = options.newsDelayMs ?? 0;
	let state = initial;
	let scheduled = false;
	let newsTimer: NodeJS.Timeout | undefined;
	const listeners = new Set<() => void>();

	const notify = () => {
		scheduled = false;
		if (newsTimer !== undefined) {
			clearTimeout(newsTimer);
			newsTimer = undefined;
		}

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
			if (scheduled) {
				return;
			}

			if (newsDelayMs > 0 && news.has(action.type)) {
				newsTimer ??= setTimeout(notify, newsDelayMs);
				return;
			}

			scheduled = true;
			schedule(notify);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
