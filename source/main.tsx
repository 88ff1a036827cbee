import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {render} from 'ink';
import createDockerEngine from './engine/docker-engine.js';
import readOnlyEngine from './engine/read-only.js';
import {resolveEndpoint} from './engine/connection.js';
import reducer from './state/reducer.js';
import {createStore} from './state/store.js';
import {createShellSessions} from './shell/sessions.js';
import startSync from './state/sync.js';
import {initialState} from './state/types.js';
import App from './ui/app.js';
import {ServicesProvider} from './ui/context.js';
import {createFrameSignal} from './ui/direct-region.js';
import {createShellKeys} from './input/shell-keys.js';
import type {EscapeKey} from './keymap/escape-key.js';

export type RunOptions = {
	readonly host?: string;
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
	Mask values that look secret (env, labels) until revealed with `v` in details.
	@default true
	*/
	readonly maskSecrets?: boolean;
};

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
	const endpoint = resolveEndpoint({
		...(options.host === undefined ? {} : {host: options.host}),
		...(options.context === undefined ? {} : {context: options.context}),
		env: process.env,
		homeDir: process.env['HOME'] ?? '',
	});
	// In read-only mode only GET and HEAD requests may reach the engine; the guard refuses everything else.
	const engine = options.readOnly
		? readOnlyEngine(createDockerEngine(endpoint))
		: createDockerEngine(endpoint);
	const store = createStore(reducer, initialState(endpoint.host));

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
	const stopSync = startSync(engine, store);
	const sessions = createShellSessions();
	const frames = createFrameSignal();
	const instance = render(
		<ServicesProvider
			value={{
				engine,
				store,
				readOnly: options.readOnly,
				sessions,
				shells: options.shells,
				keys: createShellKeys(),
				maskSecrets: options.maskSecrets ?? true,
				...(options.escapeKey ? {escapeKey: options.escapeKey} : {}),
				directDraw: {
					write(data) {
						process.stdout.write(data);
					},
					frames,
				},
			}}
		>
			<App />
		</ServicesProvider>,
		{
			exitOnCtrlC: false,
			patchConsole: true,
			maxFps: 30,
			// Ink writes the frame right after this; the shell pane looks at it once the frame is out.
			onRender() {
				queueMicrotask(frames.notify);
			},
		},
	);

	// Leaving on a signal or a crash: put the terminal back, give open shells their hangup (bounded), exit.
	let leaving = false;
	const leave = (code: number) => {
		if (leaving) {
			return;
		}

		leaving = true;
		// Each step on its own: on a terminal that went away, unmounting and restoring throw EIO.
		for (const step of [() => instance.unmount(), stopSync, restore]) {
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
		instance.cleanup();
		restore();
		// Shells left open get their hangup (the engine would keep them running), within a bounded wait.
		await sessions.closeAll(1500);
	}
}
