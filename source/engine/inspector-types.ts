/**
What the inspector pane asks of the engine: logs, stats, processes, the whole inspect document and `wait`. Every
stream stops when its `signal` aborts; nothing here is polled by the engine layer itself.
*/

/**
A piece of a container's output, already told apart: stdout or stderr (a TTY container has one stream, stdout).
Bytes as the container wrote them: untrusted, sanitized by whoever shows them.
*/
export type LogChunk = {
	readonly stream: 'stdout' | 'stderr';
	readonly data: Uint8Array;
};

export type LogOptions = {
	readonly signal: AbortSignal;
	/**
	Lines from the end to start with (`docker logs --tail`); `all` for everything.
	@default 1000
	*/
	readonly tail?: number | 'all';
	/**
	Only lines from this time on, milliseconds since the epoch (`docker logs --since`).
	*/
	readonly since?: number;
	/**
	Keep the request open for new lines (`docker logs -f`).
	@default true
	*/
	readonly follow?: boolean;
	/**
	Each line starts with the engine's RFC 3339 timestamp and a space (`docker logs -t`).
	@default true
	*/
	readonly timestamps?: boolean;
};

/**
One sample of `docker stats`, computed the way the docker CLI does.
*/
export type StatsSample = {
	/**
	When the engine read it, milliseconds since the epoch.
	*/
	readonly time: number;
	/**
	Of one CPU: 200 means two CPUs busy. Undefined on the first sample (no previous one to compare).
	*/
	readonly cpuPercent?: number;
	readonly onlineCpus: number;
	/**
	Memory in use, less the page cache (inactive file on cgroup v2, `cache`/`total_inactive_file` on v1).
	*/
	readonly memoryUsage: number;
	readonly memoryLimit: number;
	/**
	Totals since the container started, in bytes: rates come from two samples.
	*/
	readonly netRx: number;
	readonly netTx: number;
	readonly blockRead: number;
	readonly blockWrite: number;
	readonly pids: number;
};

/**
`docker top`: the column titles and one row per process.
*/
export type ProcessTable = {
	readonly titles: readonly string[];
	readonly processes: ReadonlyArray<readonly string[]>;
};

export type InspectorEngine = {
	/**
	`docker logs` of a container. TTY containers send one raw stream; the others a multiplexed one, taken apart
	here. With `follow`, the iterator ends when the container stops; it throws `EngineError` (`aborted` when the
	signal aborted it).
	*/
	containerLogs(id: string, options: LogOptions): AsyncIterable<LogChunk>;
	/**
	`docker stats` of one container, a sample about every second, until the signal aborts or the container stops.
	*/
	containerStats(
		id: string,
		options: {readonly signal: AbortSignal},
	): AsyncIterable<StatsSample>;
	/**
	`docker top`.
	*/
	topContainer(id: string): Promise<ProcessTable>;
	/**
	`docker wait`: resolves with the exit code once the container stops.
	*/
	waitContainer(
		id: string,
		options?: {readonly signal?: AbortSignal},
	): Promise<{readonly exitCode: number}>;
	/**
	The engine's whole inspect document of a container or an image, as it sent it (untrusted strings in it).
	*/
	inspectRaw(kind: 'container' | 'image', id: string): Promise<unknown>;
};
