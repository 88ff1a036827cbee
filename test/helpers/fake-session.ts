import type {TerminalSession} from '../../source/engine/types.js';

type End = {readonly reason: string; readonly exitCode?: number};

export type FakeSession = {
	readonly session: TerminalSession;
	/**
	Everything written to the session (keys, emulator replies), decoded.
	*/
	readonly writes: string[];
	readonly resizes: Array<{columns: number; rows: number}>;
	/**
	Plays the container: `text` arrives as output.
	*/
	output(text: string): void;
	/**
	Plays the end of the session (the shell exited, the container stopped).
	*/
	end(end: End): void;
	isClosed(): boolean;
};

/**
A `TerminalSession` double: records what is written and resized, lets the test play the container, and ends with
`session closed` when closed, as the real one does.
*/
export function createFakeSession(): FakeSession {
	const dataListeners = new Set<(data: Uint8Array) => void>();
	const endListeners = new Set<(end: End) => void>();
	const writes: string[] = [];
	const resizes: Array<{columns: number; rows: number}> = [];
	let closed = false;
	let ended: End | undefined;
	// Like the real session (engine/terminal-session.ts): output while nobody listens yet is kept for the first
	// listener (the shell pane loads, and so subscribes, a little after the session opens).
	let early: Uint8Array[] | undefined = [];

	const finish = (end: End) => {
		if (ended) {
			return;
		}

		ended = end;
		for (const listener of endListeners) {
			listener(end);
		}

		endListeners.clear();
	};

	const session: TerminalSession = {
		onData(listener) {
			dataListeners.add(listener);
			if (early) {
				const pending = early;
				early = undefined;
				queueMicrotask(() => {
					for (const chunk of pending) {
						for (const each of dataListeners) {
							each(chunk);
						}
					}
				});
			}

			return () => dataListeners.delete(listener);
		},
		onEnd(listener) {
			if (ended) {
				const end = ended;
				queueMicrotask(() => {
					listener(end);
				});
				return () => undefined;
			}

			endListeners.add(listener);
			return () => endListeners.delete(listener);
		},
		write(data) {
			writes.push(
				typeof data === 'string' ? data : new TextDecoder().decode(data),
			);
		},
		async resize(size) {
			resizes.push({columns: size.columns, rows: size.rows});
		},
		close() {
			closed = true;
			queueMicrotask(() => {
				finish({reason: 'session closed'});
			});
		},
	};

	return {
		session,
		writes,
		resizes,
		output(text) {
			const bytes = new TextEncoder().encode(text);
			if (early) {
				early.push(bytes);
				return;
			}

			for (const listener of dataListeners) {
				listener(bytes);
			}
		},
		end: finish,
		isClosed: () => closed,
	};
}
