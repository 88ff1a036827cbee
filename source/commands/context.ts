import type {ContextEntry} from '../engine/contexts.js';
import type {Engine} from '../engine/types.js';
import type {InspectorFeed} from '../inspector/feed.js';
import type {ShellSessions} from '../shell/sessions.js';
import type {Store} from '../state/store.js';
import type {Clipboard} from '../terminal/clipboard.js';

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
	What the inspector pane shows (its log ring, its view size); absent where no inspector runs.
	*/
	readonly inspector?: InspectorFeed;
	/**
	`--read-only`: the command line refuses commands that change the engine.
	@default false
	*/
	readonly readOnly?: boolean;
	/**
	Where the command line's history is kept across runs; absent: only for this run.
	*/
	readonly historyFile?: string;
	/**
	The docker contexts and switching between engines; absent in tests that do not need them.
	*/
	readonly contexts?: ContextService;
	/**
	The terminal's clipboard (OSC 52), for `y`; absent where there is no terminal to write to.
	*/
	readonly clipboard?: Clipboard;
};

/**
The docker contexts, for `0` and `:ctx` (made in `state/engine-switch.ts`).
*/
export type ContextService = {
	/**
	The contexts as the CLI has them, plus `DOCKER_HOST` when it is set. Throws in words.
	*/
	list(): ContextEntry[];
	/**
	Connects to these contexts (one, or several at once): the lists start again. Throws `EngineError` in words
	before anything changes when one cannot be used.
	*/
	switchTo(names: readonly string[]): Promise<void>;
	/**
	`docker context use NAME`: makes it the CLI's current context. Throws in words.
	*/
	use(name: string): void;
};

export type Command = (context: CommandContext) => void | Promise<void>;
