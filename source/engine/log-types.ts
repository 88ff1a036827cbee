/**
Container logs, as the engine layer hands them over: one line at a time, with the engine's timestamp, already
made harmless for a terminal (`sanitize`).
*/

export type LogEntry = {
	/**
	Milliseconds since the epoch, from the engine's timestamp (`docker logs -t`); when it gave none, when we read it.
	*/
	readonly time: number;
	readonly stream: 'stdout' | 'stderr';
	/**
	The line, without its newline, sanitised, and cut to `maxLogLineLength` characters.
	*/
	readonly text: string;
};

/**
The longest log line kept, in characters; the rest is cut off (with `…`).
*/
export const maxLogLineLength = 2000;

export type LogsEngine = {
	/**
	`docker logs --follow --timestamps --tail N`: the last `tail` lines, then every new one, in batches as they come
	(`onLines`), until the signal aborts (resolves) or the container's stream ends (resolves). Throws `EngineError`
	when the logs cannot be read (no such container, a logging driver without reading support).
	*/
	followLogs(
		id: string,
		options: {
			readonly signal: AbortSignal;
			readonly tail: number;
			readonly onLines: (lines: readonly LogEntry[]) => void;
		},
	): Promise<void>;
};
