import type {
	EngineError as EngineErrorType,
	InspectorEngine,
	LogChunk,
	ProcessTable,
	StatsSample,
} from '../../source/engine/types.js';
import {EngineError} from '../../source/engine/types.js';

/**
A stream the test feeds: `push` items, `end()` it (the container stopped), `fail()` it.
*/
export type FakeFeed<T> = {
	push(item: T): void;
	end(): void;
	fail(error: EngineErrorType): void;
};

/**
What the inspector methods of the fake engine answer, and the streams they have open (for "only what is on screen
costs anything" tests).
*/
export type FakeInspector = {
	/**
	The log streams open now, by container id; a test pushes chunks into them.
	*/
	readonly logs: Map<string, FakeFeed<LogChunk>>;
	readonly stats: Map<string, FakeFeed<StatsSample>>;
	/**
	What `containerLogs` sends first on each open (the tail), by container id.
	*/
	readonly history: Map<string, LogChunk[]>;
	top: ProcessTable;
	raw: Map<string, unknown>;
	/**
	How many log and stats streams were ever opened.
	*/
	opened: {logs: number; stats: number};
};

function feed<T>(
	signal: AbortSignal,
	initial: readonly T[],
	onClose: () => void,
	register: (feed: FakeFeed<T>) => void,
): AsyncIterable<T> {
	const queue: T[] = [...initial];
	let ended = false;
	let failure: EngineErrorType | undefined;
	let wake: (() => void) | undefined;
	const stream: FakeFeed<T> = {
		push(item) {
			queue.push(item);
			wake?.();
		},
		end() {
			ended = true;
			wake?.();
		},
		fail(error) {
			failure = error;
			wake?.();
		},
	};
	register(stream);
	signal.addEventListener('abort', () => {
		stream.fail(new EngineError('aborted', 'aborted'));
	});
	return {
		async *[Symbol.asyncIterator]() {
			try {
				while (true) {
					if (queue.length > 0) {
						yield queue.shift()!;
						continue;
					}

					if (failure) {
						throw failure;
					}

					if (ended) {
						return;
					}

					// eslint-disable-next-line no-await-in-loop
					await new Promise<void>(resolve => {
						wake = resolve;
					});
				}
			} finally {
				onClose();
			}
		},
	};
}

export function fakeInspectorMethods(
	record: (method: string, ...args: unknown[]) => void,
): {state: FakeInspector; methods: InspectorEngine} {
	const state: FakeInspector = {
		logs: new Map(),
		stats: new Map(),
		history: new Map(),
		top: {
			titles: ['PID', 'USER', 'COMMAND'],
			processes: [['1', 'root', 'sleep 600']],
		},
		raw: new Map(),
		opened: {logs: 0, stats: 0},
	};
	const methods: InspectorEngine = {
		containerLogs(id, options) {
			record('containerLogs', id, options);
			state.opened.logs++;
			return feed<LogChunk>(
				options.signal,
				state.history.get(id) ?? [],
				() => {
					state.logs.delete(id);
				},
				each => {
					state.logs.set(id, each);
				},
			);
		},
		containerStats(id, {signal}) {
			record('containerStats', id);
			state.opened.stats++;
			return feed<StatsSample>(
				signal,
				[],
				() => {
					state.stats.delete(id);
				},
				each => {
					state.stats.set(id, each);
				},
			);
		},
		async topContainer(id) {
			record('topContainer', id);
			return state.top;
		},
		async waitContainer(id) {
			record('waitContainer', id);
			return {exitCode: 0};
		},
		async inspectRaw(kind, id) {
			record('inspectRaw', kind, id);
			return (
				state.raw.get(id) ?? {
					Id: id,
					Config: {Env: ['PATH=/bin', 'DB_PASSWORD=hunter2']},
				}
			);
		},
	};
	return {state, methods};
}
