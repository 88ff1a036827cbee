import {
	createContext,
	type ReactNode,
	useContext,
	useSyncExternalStore,
} from 'react';
import type {Engine} from '../engine/types.js';
import type {Store} from '../state/store.js';
import type {AppState} from '../state/types.js';

/**
What the views need from outside React: the engine (for commands) and the store.
*/
export type AppServices = {
	readonly engine: Engine;
	readonly store: Store;
	/**
	`--read-only`: mutating keys are disabled.
	*/
	readonly readOnly: boolean;
	/**
	Opens an interactive session on a container started with a TTY by the run form. The shell pane provides it;
	without it the run form says how to attach instead.
	*/
	readonly openShell?: (containerId: string) => void;
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
