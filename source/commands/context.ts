import type {Engine} from '../engine/types.js';
import type {ShellSessions} from '../shell/sessions.js';
import type {Store} from '../state/store.js';

/**
What a command may use. Commands call the engine and dispatch UI state (overlays, flashes, busy rows); they never
patch Docker state themselves: the engine's events do that, through `sync.ts`.
*/
export type CommandContext = {
	readonly engine: Engine;
	readonly store: Store;
	/**
	Rows the focused list shows, for paging.
	*/
	readonly pageSize: () => number;
	readonly exit: () => void;
	/**
	Live terminal sessions of the shell pane.
	*/
	readonly sessions: ShellSessions;
	/**
	Shells to try in `exec` sessions, in order (`--shell`).
	*/
	readonly shells: readonly string[];
	/**
	The terminal size a session opened now gets: the shell pane's inside.
	*/
	readonly shellSize: () => {readonly columns: number; readonly rows: number};
	/**
	`--read-only`: the command line refuses commands that change the engine.
	@default false
	*/
	readonly readOnly?: boolean;
	/**
	Where the command line's history is kept across runs; absent: only for this run.
	*/
	readonly historyFile?: string;
};

export type Command = (context: CommandContext) => void | Promise<void>;
