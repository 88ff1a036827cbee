import {
	createContext,
	type ReactNode,
	useContext,
	useSyncExternalStore,
} from 'react';
import type {ContextService} from '../commands/context.js';
import type {Engine} from '../engine/types.js';
import type {InspectorFeed} from '../inspector/feed.js';
import type {RowStats} from '../inspector/row-stats.js';
import type {ShellSessions} from '../shell/sessions.js';
import type {DirectDraw} from './direct-region.js';
import type {ShellKeys} from '../input/shell-keys.js';
import type {EscapeKey} from '../keymap/escape-key.js';
import type {Binding} from '../keymap/keymap.js';
import type {Store} from '../state/store.js';
import type {Clipboard} from '../terminal/clipboard.js';
import type {AppState} from '../state/types.js';

/**
What the views need from outside React: the engine (for commands), the store and the shell sessions.
*/
export type AppServices = {
	readonly engine: Engine;
	readonly store: Store;
	/**
	`--read-only`: mutating keys are disabled.
	*/
	readonly readOnly: boolean;
	/**
	Live terminal sessions of the shell pane (kept outside the store).
	*/
	readonly sessions: ShellSessions;
	/**
	`--shell`: shells an exec session tries, in order.
	*/
	readonly shells: readonly string[];
	/**
	Drawing on the real terminal between Ink's frames (the shell pane's fast path); absent in component tests.
	*/
	readonly directDraw?: DirectDraw;
	/**
	What is typed while the shell pane has the keys, from the input router to the pane.
	*/
	readonly keys: ShellKeys;
	/**
	`--escape-key`: between the shell pane and the dashboard. Ctrl-] when absent.
	*/
	readonly escapeKey?: EscapeKey;
	/**
	The keymap of this run: the table with the config file's `keys:` and `escapeKey` applied. When absent, the
	table with `escapeKey` applied.
	*/
	readonly keymap?: readonly Binding[];
	/**
	The docker contexts and switching engines (`0`, `:ctx`); absent in component tests that do not need them.
	*/
	readonly contexts?: ContextService;
	/**
	What the inspector pane shows, followed from the engine for what is on screen (`inspector/feed.ts`).
	*/
	readonly inspector?: InspectorFeed;
	/**
	The CPU and MEM columns' stats streams, for the running rows on screen (`inspector/row-stats.ts`); absent:
	the columns show no figures.
	*/
	readonly rowStats?: RowStats;
	/**
	The real terminal's clipboard (OSC 52), for `y`.
	*/
	readonly clipboard?: Clipboard;
	/**
	Values that look secret (`format/secrets.ts`) are masked wherever they are shown until revealed (`v` in
	details). The config file can turn masking off.
	@default true
	*/
	readonly maskSecrets?: boolean;
	/**
	The command line's history file; absent: the history lasts this run only.
	*/
	readonly historyFile?: string;
};

const ServicesContext = createContext<AppServices | undefined>(undefined);
ServicesContext.displayName = 'ServicesContext';

export function ServicesProvider({
	value,
	children,
}: {
	readonly value: AppServices;
	readonly children: ReactNode;
}) {
	return (
		<ServicesContext.Provider value={value}>
			{children}
		</ServicesContext.Provider>
	);
}

/**
The engine, store and flags. Throws outside `<ServicesProvider>`.
*/
export function useServices(): AppServices {
	const services = useContext(ServicesContext);
	if (!services) {
		throw new Error('useServices() must be used inside <ServicesProvider>');
	}

	return services;
}

/**
A slice of the app state; re-renders when the slice changes (by identity). Selectors must be pure and return
the same object for the same state (the ones in `state/selectors.ts` memoize).
*/
export function useAppState<T>(selector: (state: AppState) => T): T {
	const {store} = useServices();
	return useSyncExternalStore(store.subscribe, () =>
		selector(store.getState()),
	);
}
