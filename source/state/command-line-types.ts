/**
State of the `:` command line and of the command log. Serialisable facts only: the command table and what its
commands do live in `source/command-line/`.
*/

/**
A completion being cycled through with Tab: the candidates of the word that was completed, and which one is in.
*/
export type CompletionCycle = {
	/**
	Where the completed word starts in the line, and the line as it was before the word.
	*/
	readonly from: number;
	readonly candidates: readonly string[];
	readonly index: number;
	/**
	The line as the last Tab left it: typing anything else ends the cycle.
	*/
	readonly applied: string;
};

/**
The open command line.
*/
export type CommandLine = {
	readonly value: string;
	/**
	0 = before the first character, `value.length` = at the end.
	*/
	readonly cursor: number;
	/**
	Why the last Enter sent nothing, shown next to the prompt until the line changes.
	*/
	readonly error?: string;
	/**
	Where Up/Down are in the history: `history.length` (or absent) is the line being typed.
	*/
	readonly historyIndex?: number;
	/**
	What was typed before Up went into the history, given back by Down at the end.
	*/
	readonly draft?: string;
	readonly cycle?: CompletionCycle;
};

/**
One line of the command log: the docker CLI line that does what dockpit did, and how it went.
*/
export type LogEntry = {
	readonly id: number;
	/**
	The docker CLI line as a shell would take it, secrets masked (`docker run -d -e DB_PASSWORD=•••• app`).
	*/
	readonly line: string;
	/**
	Milliseconds since the epoch.
	*/
	readonly startedAt: number;
	readonly endedAt?: number;
	readonly status: 'running' | 'ok' | 'failed';
	/**
	The engine's reason, when it failed.
	*/
	readonly error?: string;
};

/**
How many lines the command log keeps.
*/
export const maxLogEntries = 500;

/**
How many lines of command history are kept (in memory and in the file).
*/
export const maxHistory = 500;
