import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import * as pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const root = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
);

/**
The built CLI, which the end-to-end tests run exactly as a person would (`npm test` builds it first).
*/
export const cliPath = path.join(root, 'dist', 'cli.cjs');

export type Dockpit = {
	/**
	The emulated screen as plain text, one string per row (trailing spaces trimmed).
	*/
	screen(): string;
	/**
	Everything the process wrote, raw, for checks on what reaches the real terminal.
	*/
	readonly output: () => string;
	write(data: string): void;
	/**
	Calls `act` and resolves with the time (performance.now()) at which the chunk of output arrived after which the
	screen first satisfies `match`: for benchmarks, which must not round to a polling interval.
	*/
	timeTo(
		act: () => void,
		match: (screen: string) => boolean,
		timeoutMs?: number,
	): Promise<number>;
	resize(columns: number, rows: number): void;
	waitFor(
		match: string | RegExp | ((screen: string) => boolean),
		timeoutMs?: number,
	): Promise<string>;
	readonly exited: Promise<{exitCode: number; signal?: number}>;
	readonly pid: number;
	kill(): void;
};

/**
Starts `dist/cli.cjs` in a pseudo-terminal with an `@xterm/headless` emulator reading its output, the way
Ink's and gemini-cli's end-to-end tests do.
*/
export function startDockpit(
	options: {
		args?: string[];
		/**
		Options for node itself (`--cpu-prof`), before the CLI's path.
		*/
		nodeArgs?: string[];
		/**
		Runs this program instead of `node dist/cli.cjs` (an installed `dockpit`), with `args`.
		*/
		executable?: string;
		env?: Record<string, string | undefined>;
		columns?: number;
		rows?: number;
	} = {},
): Dockpit {
	const columns = options.columns ?? 150;
	const rows = options.rows ?? 36;
	const terminal = new xterm.Terminal({
		cols: columns,
		rows,
		allowProposedApi: true,
		scrollback: 0,
	});
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries({
		...process.env,
		TERM: 'xterm-256color',
		...options.env,
	})) {
		// The app runs as in a person's terminal, not as a CI job.
		if (
			value !== undefined &&
			key !== 'CI' &&
			!key.startsWith('TSX_') &&
			key !== 'NODE_OPTIONS' &&
			key !== 'NODE_TEST_CONTEXT'
		) {
			env[key] = value;
		}
	}

	const child = pty.spawn(
		options.executable ?? process.execPath,
		options.executable
			? (options.args ?? [])
			: [...(options.nodeArgs ?? []), cliPath, ...(options.args ?? [])],
		{
			name: 'xterm-256color',
			cols: columns,
			rows,
			cwd: root,
			env,
		},
	);
	let output = '';
	let pending = Promise.resolve();
	// Ink wraps each frame in synchronized-output marks (DEC mode 2026). A big frame reaches us in several
	// chunks; reading the screen between them would see half a frame, so checks wait for the frame's end.
	let insideFrame = false;
	const listeners = new Set<(data: string, parsed: Promise<void>) => void>();
	child.onData(data => {
		output += data;
		// A mark can be split between two chunks: look at the end of the previous one too.
		const scan = output.slice(-(data.length + 7));
		const begin = scan.lastIndexOf('\u001B[?2026h');
		const end = scan.lastIndexOf('\u001B[?2026l');
		if (begin !== -1 || end !== -1) {
			insideFrame = begin > end;
		}

		pending = new Promise(resolve => {
			terminal.write(data, resolve);
		});
		for (const listener of listeners) {
			listener(data, pending);
		}
	});
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve => {
		child.onExit(resolve);
	});

	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < terminal.rows; y++) {
			lines.push(
				buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
			);
		}

		return lines.join('\n');
	};

	return {
		screen,
		output: () => output,
		write(data) {
			child.write(data);
		},
		async timeTo(act, match, timeoutMs = 5000) {
			return new Promise<number>((resolve, reject) => {
				const stop = () => {
					clearTimeout(timer);
					listeners.delete(listener);
				};

				const timer = setTimeout(() => {
					stop();
					reject(new Error(`screen never matched within ${timeoutMs} ms`));
				}, timeoutMs);
				const listener = (_data: string, parsed: Promise<void>) => {
					const at = performance.now();
					void parsed.then(() => {
						if (listeners.has(listener) && !insideFrame && match(screen())) {
							stop();
							resolve(at);
						}
					});
				};

				listeners.add(listener);
				act();
			});
		},
		resize(newColumns, newRows) {
			terminal.resize(newColumns, newRows);
			child.resize(newColumns, newRows);
		},
		async waitFor(match, timeoutMs = 10_000) {
			const test =
				typeof match === 'function'
					? match
					: typeof match === 'string'
						? (text: string) => text.includes(match)
						: (text: string) => match.test(text);
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				// eslint-disable-next-line no-await-in-loop
				await pending;
				const text = screen();
				if (!insideFrame && test(text)) {
					return text;
				}

				if (Date.now() > deadline) {
					throw new Error(
						`screen never showed ${String(match)} within ${timeoutMs} ms; it shows:\n${text}`,
					);
				}

				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => {
					setTimeout(resolve, 25);
				});
			}
		},
		exited,
		pid: child.pid,
		kill() {
			try {
				child.kill();
			} catch {}
		},
	};
}

/**
Waits for a condition outside the screen (the engine's state), polling every 50 ms.
*/
export async function eventually<T>(
	check: () => Promise<T | undefined | false>,
	timeoutMs = 5000,
	what = 'condition',
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		const value = await check().catch(() => undefined);
		if (value !== undefined && value !== false) {
			return value;
		}

		if (Date.now() > deadline) {
			throw new Error(`${what} did not happen within ${timeoutMs} ms`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}

export const key = {
	up: '\u001B[A',
	down: '\u001B[B',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	ctrlC: '\u0003',
} as const;
