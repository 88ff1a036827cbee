import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import createDockerEngine from './engine/docker-engine.js';
import readOnlyEngine from './engine/read-only.js';
import {resolveEndpoint} from './engine/connection.js';
import createMultiEngine from './engine/multi-engine.js';
import {createSwitchableEngine} from './engine/switchable.js';
import {
	createContextService,
	type NamedEndpoint,
	readOnlyReason,
} from './state/engine-switch.js';
import reducer from './state/reducer.js';
import {createStore} from './state/store.js';
import {createShellSessions} from './shell/sessions.js';
import {createInspectorFeed} from './inspector/feed.js';
import {createRowStats} from './inspector/row-stats.js';
import {terminalClipboard} from './terminal/clipboard.js';
import startSync from './state/sync.js';
import {firstContact} from './state/first-contact.js';
import startCleanupSync from './state/cleanup-sync.js';
import {initialState} from './state/types.js';
import {createFrameSignal} from './ui/direct-region.js';
import {createInkOutput} from './ui/ink-output.js';
import {createShellKeys} from './input/shell-keys.js';
import type {EscapeKey} from './keymap/escape-key.js';
import {historyPath, readHistory} from './command-line/history.js';
import type {Binding} from './keymap/keymap.js';
import type {ColorRole, ThemeName} from './config/colors.js';
import {applyTheme, makeTheme} from './ui/theme.js';
import {
	keepSortOrders,
	readSortFile,
	sortFilePath,
} from './config/sort-file.js';
import {writeCodeCacheNow} from './launch/launcher.js';
import {capNewSpace} from './launch/new-space.js';

export type RunOptions = {
	/**
	`--host`, given once or more (several: one list of all their rows, with an ENGINE column).
	*/
	readonly host?: string | readonly string[];
	readonly context?: string;
	readonly readOnly: boolean;
	/**
	Shells an exec session tries, in order.
	*/
	readonly shells: readonly string[];
	/**
	Between the shell pane and the dashboard (`--escape-key`).
	*/
	readonly escapeKey?: EscapeKey;
	/**
	Mouse reporting: click selects a row or a tab, the wheel scrolls (`--no-mouse`, or `mouse: false` in the
	config file, turns it off and leaves the terminal's own selection alone).
	@default true
	*/
	readonly mouse?: boolean;
	/**
	The keymap of this run (the config file's `keys:` and the escape key applied); the table as it is when absent.
	*/
	readonly keymap?: readonly Binding[];
	/**
	@default 'dark'
	*/
	readonly theme?: ThemeName;
	/**
	Colours by role, from the config file.
	*/
	readonly colors?: Readonly<Partial<Record<ColorRole, string>>>;
	/**
	Contexts that are read-only (`readOnly: [prod]` in the config file): their engine refuses every change.
	*/
	readonly readOnlyContexts?: readonly string[];
	/**
	Mask values that look secret (env, labels) until revealed with `v` in details.
	@default true
	*/
	readonly maskSecrets?: boolean;
	/**
	Containers starts with its CPU and MEM columns shown (`m` toggles them).
	@default false
	*/
	readonly statsColumns?: boolean;
};

/**
An engine's short name for the ENGINE column and the header: its address without the scheme.
*/
function engineName(host: string): string {
	const unix = /^unix:\/\/(.*)$/.exec(host);
	if (unix) {
		// `/var/run/docker.sock` → docker, `/run/podman/podman.sock` → podman.
		return path.basename(unix[1]!).replace(/\.sock$/, '') || host.slice(7);
	}

	return host.replace(/^[a-z]+:\/\//i, '');
}

/**
Names made unique: a second `docker` becomes `docker#2`.
*/
function uniqueNames(named: NamedEndpoint[]): NamedEndpoint[] {
	const seen = new Map<string, number>();
	return named.map(each => {
		const count = (seen.get(each.name) ?? 0) + 1;
		seen.set(each.name, count);
		return count === 1 ? each : {...each, name: `${each.name}#${count}`};
	});
}

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?25h\u001B[?1049l';
// Bracketed paste (2004): pasted text comes between markers, so that it is never taken for keys.
const pasteOn = '\u001B[?2004h';
const pasteOff = '\u001B[?2004l';
// Mouse reporting: presses and releases (1000) in SGR coordinates (1006).
const mouseOn = '\u001B[?1000h\u001B[?1006h';
const mouseOff = '\u001B[?1006l\u001B[?1000l';

/**
Starts the dashboard on the real terminal and resolves when it quits. Loaded lazily by `cli.tsx`, after the
flags are parsed and the terminal is checked, so `--help` and errors stay fast.
*/
export default async function run(options: RunOptions): Promise<number> {
	const hosts =
		options.host === undefined
			? []
			: typeof options.host === 'string'
				? [options.host]
				: options.host;
	const resolve = (host?: string) =>
		resolveEndpoint({
			...(host === undefined ? {} : {host}),
			...(options.context === undefined ? {} : {context: options.context}),
			env: process.env,
			homeDir: process.env['HOME'] ?? '',
		});
	const endpoints: NamedEndpoint[] =
		hosts.length > 1
			? uniqueNames(
					hosts.map(host => {
						const endpoint = resolve(host);
						return {name: engineName(endpoint.host), endpoint};
					}),
				)
			: [resolve(hosts[0])].map(endpoint => ({
					name: endpoint.source.startsWith('context ')
						? endpoint.source.slice('context '.length)
						: engineName(endpoint.host),
					endpoint,
				}));
	const context = endpoints[0]!.endpoint.source.startsWith('context ')
		? endpoints[0]!.name
		: undefined;
	const switchOptions = {
		readOnly: options.readOnly,
		readOnlyContexts: options.readOnlyContexts ?? [],
	};
	const why = readOnlyReason(context ? [context] : [], switchOptions);
	const sortFile = sortFilePath(
		process.env,
		process.env['HOME'] ?? os.homedir(),
	);
	// The store comes first: several engines report their states to it.
	const store = createStore(
		reducer,
		initialState(
			endpoints.length === 1
				? endpoints[0]!.endpoint.host
				: endpoints.map(each => each.endpoint.host).join(' + '),
			{
				...(context === undefined ? {} : {context}),
				...(why ? {readOnly: true} : {}),
				...(options.statsColumns ? {statsColumns: true} : {}),
				sort: readSortFile(sortFile),
			},
		),
		// Engine news waits up to 100 ms to be drawn together (the sync gathers events as long): a flood of
		// events makes about ten frames a second, and a key never queues behind a frame per event.
		{newsDelayMs: 100},
	);
	// In read-only mode only calls that read reach the engine (GET and HEAD, and wait's POST); the guard refuses
	// everything else.
	const connect = (
		named: readonly NamedEndpoint[],
		readOnly: string | undefined,
	) => {
		const engine =
			named.length === 1
				? createDockerEngine(named[0]!.endpoint)
				: createMultiEngine(
						named.map(each => ({
							name: each.name,
							engine: createDockerEngine(each.endpoint),
						})),
						{
							onStatus(engines) {
								store.dispatch({type: 'engines/status', engines});
							},
						},
					);
		return readOnly ? readOnlyEngine(engine, readOnly) : engine;
	};

	const stopKeepingSort = keepSortOrders(store, sortFile);
	applyTheme(makeTheme(options.theme ?? 'dark', options.colors));
	// The command line's history, kept across runs in the XDG state folder.
	const historyFile = historyPath(process.env, os.homedir());
	store.dispatch({
		type: 'cmdline/history-loaded',
		lines: readHistory(historyFile),
	});
	const switchable = createSwitchableEngine(connect(endpoints, why));
	const {engine} = switchable;

	const mouse = options.mouse ?? true;
	// The dashboard lives in the alternate screen; whatever way we leave (quit, Ctrl-C, a signal, a crash), the
	// terminal gets its screen, cursor and line discipline back.
	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		if (process.stdin.isTTY) {
			process.stdin.setRawMode(false);
		}

		process.stdout.write(
			(mouse ? mouseOff : '') + pasteOff + leaveAlternateScreen,
		);
	};

	process.stdout.write(enterAlternateScreen + pasteOn + (mouse ? mouseOn : ''));
	process.on('exit', restore);
	// Node prints its warnings (DEP0170 and the like) to stderr, which would land in the frame: keep them in a file.
	process.removeAllListeners('warning');
	process.on('warning', warning => {
		try {
			fs.appendFileSync(
				path.join(os.tmpdir(), 'dockpit-warnings.log'),
				`${new Date().toISOString()} ${warning.name}: ${warning.message}\n`,
			);
		} catch {}
	});
	let stopSync = startSync(engine, store);
	let stopCleanupSync = startCleanupSync(engine, store);
	const sessions = createShellSessions();
	const contexts = createContextService({
		...switchOptions,
		env: process.env,
		homeDir: process.env['HOME'] ?? '',
		switchable,
		store,
		sessions,
		connect,
		restartSync() {
			stopSync();
			stopCleanupSync();
			stopSync = startSync(engine, store);
			stopCleanupSync = startCleanupSync(engine, store);
		},
	});
	const inspector = createInspectorFeed(engine, store);
	const rowStats = createRowStats(engine);
	const frames = createFrameSignal();
	// The lists are asked for: the dashboard's code (Ink, React, the views) loads while the engine answers. One
	// turn of the event loop first, in which the requests go out (each on its socket's connect).
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	const {mount} = await import('./ui/mount.js');
	// The first frame shows the lists when the engine answers within 300 ms (see firstContact).
	await firstContact(store, 300);
	// Ink's frames reach the terminal through this, which writes only the lines that changed.
	const output = createInkOutput(process.stdout);
	const instance = mount(
		{
			engine,
			store,
			readOnly: options.readOnly,
			sessions,
			contexts,
			shells: options.shells,
			keys: createShellKeys(),
			inspector,
			rowStats,
			// Between Ink's frames: an OSC sequence moves no cursor and draws nothing.
			clipboard: terminalClipboard(data => process.stdout.write(data)),
			maskSecrets: options.maskSecrets ?? true,
			...(options.escapeKey ? {escapeKey: options.escapeKey} : {}),
			historyFile,
			...(options.keymap ? {keymap: options.keymap} : {}),
			directDraw: {
				write(data, rows) {
					process.stdout.write(data);
					// Drawn over Ink's lines: its next frame puts its own there again.
					output.invalidate(rows);
				},
				frames,
			},
		},
		{
			stdout: output.stdout,
			exitOnCtrlC: false,
			patchConsole: true,
			// Ink's frame cap: a key pressed inside the window that the last frame opened waits it out. At 30 the Logs
			// tab under a 10 MB/s flood answered keys in 41 ms p95, at 60 in 23 ms (the engine-events flood: 37 → 22
			// ms), for the same CPU: frames come from keys and from news the store already gathers per 100 ms.
			maxFps: 60,
			// Ink writes the frame right after this; the shell pane looks at it once the frame is out.
			onRender() {
				queueMicrotask(frames.notify);
			},
		},
	);
	// From the first frame on, V8's young generation grows no more (see new-space.ts: ~10 MB of RSS in the first
	// minute); the start, which makes most of its garbage at once, is left as it was.
	// The code cache first, if this run writes one: V8 rejects cached code made under other flags (launcher.ts).
	writeCodeCacheNow();
	const stopCapping = capNewSpace();

	// Leaving on a signal or a crash: put the terminal back, give open shells their hangup (bounded), exit.
	let leaving = false;
	const leave = (code: number) => {
		if (leaving) {
			return;
		}

		leaving = true;
		// Each step on its own: on a terminal that went away, unmounting and restoring throw EIO.
		for (const step of [
			() => instance.unmount(),
			() => stopSync(),
			stopKeepingSort,
			() => stopCleanupSync(),
			inspector.stop,
			rowStats.stop,
			stopCapping,
			restore,
		]) {
			try {
				step();
			} catch {}
		}

		void sessions.closeAll(1000).finally(() => {
			process.exit(code);
		});
	};

	const onSignal = (signal: NodeJS.Signals) => {
		leave(signal === 'SIGINT' ? 130 : 143);
	};

	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
	process.once('SIGINT', onSignal);

	// A bug must not leave the terminal in raw mode inside the alternate screen, nor print a stack trace over
	// the dashboard: put the terminal back, say what happened in one line, and keep the details in a file.
	const onCrash = (error: unknown) => {
		if (leaving) {
			// Typically EIO from a terminal that went away while we leave.
			return;
		}

		const file = path.join(os.tmpdir(), 'dockpit-crash.log');
		try {
			fs.appendFileSync(
				file,
				`${new Date().toISOString()} ${error instanceof Error ? error.stack : String(error)}\n`,
			);
		} catch {}

		leave(70);
		process.stderr.write(
			`dockpit stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)} (details in ${file})\n`,
		);
	};

	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	try {
		await instance.waitUntilExit();
		return 0;
	} finally {
		stopSync();
		stopKeepingSort();
		stopCleanupSync();
		inspector.stop();
		rowStats.stop();
		instance.cleanup();
		output.dispose();
		restore();
		// Shells left open get their hangup (the engine would keep them running), within a bounded wait.
		await sessions.closeAll(1500);
		switchable.current().close?.();
	}
}
