/**
Where the live terminal sessions of the shell pane are kept: outside React and outside the store, which only
holds serialisable facts about the pane (`state.ui.shell`, with the same `id`). Commands open and close sessions
here (`commands/shell.ts`); the pane component reads the session for its id to draw it.
*/
import type {TerminalSession} from '../engine/types.js';

export type ShellSessions = {
	/**
	A new session id, never handed out before in this run.
	*/
	nextId(): number;
	get(id: number): TerminalSession | undefined;
	add(id: number, session: TerminalSession): void;
	/**
	Closes the session (its shell gets a hangup) and forgets it; resolves once it ended, or after `timeoutMs`.
	*/
	close(id: number, timeoutMs?: number): Promise<void>;
	/**
	Closes every session, as `close` does; for quitting.
	*/
	closeAll(timeoutMs?: number): Promise<void>;
	/**
	Called after a session was added or forgotten. Returns an unsubscribe function.
	*/
	subscribe(listener: () => void): () => void;
};

const defaultCloseTimeoutMs = 2000;

async function closeSession(
	session: TerminalSession,
	timeoutMs: number,
): Promise<void> {
	await new Promise<void>(resolve => {
		const timer = setTimeout(resolve, timeoutMs);
		session.onEnd(() => {
			clearTimeout(timer);
			resolve();
		});
		session.close();
	});
}

export function createShellSessions(): ShellSessions {
	const sessions = new Map<number, TerminalSession>();
	const listeners = new Set<() => void>();
	let lastId = 0;

	const notify = () => {
		for (const listener of listeners) {
			listener();
		}
	};

	const forget = (id: number): TerminalSession | undefined => {
		const session = sessions.get(id);
		if (session) {
			sessions.delete(id);
			notify();
		}

		return session;
	};

	return {
		nextId: () => ++lastId,
		get: id => sessions.get(id),
		add(id, session) {
			sessions.set(id, session);
			notify();
		},
		async close(id, timeoutMs = defaultCloseTimeoutMs) {
			const session = forget(id);
			if (session) {
				await closeSession(session, timeoutMs);
			}
		},
		async closeAll(timeoutMs = defaultCloseTimeoutMs) {
			const all = [...sessions.keys()].flatMap(id => forget(id) ?? []);
			await Promise.all(all.map(async each => closeSession(each, timeoutMs)));
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
