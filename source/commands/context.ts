import type {Engine} from '../engine/types.js';
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
	Opens an interactive session on a container that was just started with a TTY (`-it`). Absent until the
	shell pane exists; the run form then says how to attach instead.
	*/
	readonly openShell?: (containerId: string) => void;
};

export type Command = (context: CommandContext) => void | Promise<void>;
