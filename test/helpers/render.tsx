import {stripVTControlCharacters} from 'node:util';
import {render as inkRender} from 'ink-testing-library';
import {createShellSessions} from '../../source/shell/sessions.js';
import {
	createInspectorFeed,
	type FeedOptions,
} from '../../source/inspector/feed.js';
import {
	createRowStats,
	type RowStatsOptions,
} from '../../source/inspector/row-stats.js';
import reducer from '../../source/state/reducer.js';
import type {Clipboard} from '../../source/terminal/clipboard.js';
import {createStore, type Store} from '../../source/state/store.js';
import startSync from '../../source/state/sync.js';
import startCleanupSync from '../../source/state/cleanup-sync.js';
import {initialState} from '../../source/state/types.js';
import App from '../../source/ui/app.js';
import type {EscapeKey} from '../../source/keymap/escape-key.js';
import type {Binding} from '../../source/keymap/keymap.js';
import {createShellKeys} from '../../source/input/shell-keys.js';
import {ServicesProvider} from '../../source/ui/context.js';
import type {Engine} from '../../source/engine/types.js';

// The app loads the shell pane when a shell first opens (React.lazy). In the bundle that is instant; here tsx
// would compile it then, inside a test's time limit: load it with the helper instead.
await import('../../source/ui/views/shell-pane.js');

/**
Renders the whole app on a fake engine, synced as the real app is. ink-testing-library's stdout is 100 columns
wide and (with no rows) counts as 24 rows.
*/
export function renderApp(
	engine: Engine,
	options: {
		readOnly?: boolean;
		escapeKey?: EscapeKey;
		/**
		The keymap of the run (the config file's keys applied).
		*/
		keymap?: readonly Binding[];
		inspector?: FeedOptions;
		rowStats?: RowStatsOptions;
		/**
		Where `y` copies to (the real app writes OSC 52 to the terminal).
		*/
		clipboard?: Clipboard;
	} = {},
) {
	const store: Store = createStore(reducer, initialState(engine.host));
	const stopSync = startSync(engine, store, {
		coalesceMs: 10,
		backoffMs: [20, 50],
	});
	const stopCleanupSync = startCleanupSync(engine, store, {
		coalesceMs: 10,
		diskCoalesceMs: 20,
	});
	const sessions = createShellSessions();
	const inspector = createInspectorFeed(engine, store, {
		settleMs: 20,
		flushMs: 10,
		...options.inspector,
	});
	const rowStats = createRowStats(engine, {
		settleMs: 20,
		flushMs: 20,
		retryMs: 50,
		...options.rowStats,
	});
	const instance = inkRender(
		<ServicesProvider
			value={{
				engine,
				store,
				readOnly: options.readOnly ?? false,
				sessions,
				shells: ['/bin/bash', '/bin/sh'],
				keys: createShellKeys(),
				inspector,
				rowStats,
				...(options.clipboard ? {clipboard: options.clipboard} : {}),
				...(options.escapeKey ? {escapeKey: options.escapeKey} : {}),
				...(options.keymap ? {keymap: options.keymap} : {}),
			}}
		>
			<App />
		</ServicesProvider>,
	);
	return {
		...instance,
		store,
		sessions,
		inspector,
		rowStats,
		cleanup() {
			stopSync();
			stopCleanupSync();
			inspector.stop();
			rowStats.stop();
			instance.unmount();
			instance.cleanup();
		},
	};
}

/**
Waits until `predicate` holds for the last frame, as plain text (colours stripped); fails with that frame after
`timeoutMs`. No fixed sleeps.
*/
export async function waitForFrame(
	lastFrame: () => string | undefined,
	predicate: (frame: string) => boolean,
	timeoutMs = 3000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = stripVTControlCharacters(lastFrame() ?? '');
		if (predicate(frame)) {
			return frame;
		}

		if (Date.now() > deadline) {
			throw new Error(
				`frame never matched within ${timeoutMs} ms; last frame:\n${frame}`,
			);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}
}

/**
Lets React and Ink flush what a key press caused (Shopify cli-kit yields the same way).
*/
export async function settle(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	await new Promise(resolve => {
		setTimeout(resolve, 0);
	});
}

export const keys = {
	down: '\u001B[B',
	up: '\u001B[A',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
} as const;
