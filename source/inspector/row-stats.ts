/**
The CPU and MEM columns of Containers (`m`, or `stats-columns: true` in the config file): one `docker stats`
stream per running container that is on screen, and none for any other. The view says which rows it shows
(`show(ids)`) every time it draws; streams for rows that left the screen are closed at once (their request
aborted), streams for rows that came on screen are opened once the window has stayed put for `settleMs`, so
paging through a thousand rows opens no thousand streams. The numbers are the ones `docker stats` prints (the
engine's stream through `engine/stats-math.ts`), and the views are told at most once every `flushMs`.
*/
import type {InspectorEngine, StatsSample} from '../engine/inspector-types.js';

/**
The last sample of one container, as the columns show it.
*/
export type RowStat = {
	/**
	Undefined until the second sample (the first has nothing to compare with).
	*/
	readonly cpuPercent?: number;
	readonly memoryUsage: number;
	readonly memoryLimit: number;
};

export type RowStats = {
	/**
	The running containers on screen now, by id: streams are kept for these and closed for every other.
	`show([])` closes them all (the columns are off, the pane is not shown).
	*/
	show(ids: readonly string[]): void;
	/**
	The last sample of each shown container; a new map at most once every `flushMs`.
	*/
	snapshot(): ReadonlyMap<string, RowStat>;
	subscribe(listener: () => void): () => void;
	/**
	How many stats streams are open now (for tests and the benchmark).
	*/
	open(): number;
	stop(): void;
};

export type RowStatsOptions = {
	/**
	How long the shown rows must stay the same before streams open for rows new on screen.
	@default 250
	*/
	readonly settleMs?: number;
	/**
	At most one redraw this often.
	@default 1000
	*/
	readonly flushMs?: number;
	/**
	A stream that ended while its row is still shown (and said to run) is opened again after this long.
	@default 2000
	*/
	readonly retryMs?: number;
};

export function rowStat(sample: StatsSample): RowStat {
	return {
		...(sample.cpuPercent === undefined ? {} : {cpuPercent: sample.cpuPercent}),
		memoryUsage: sample.memoryUsage,
		memoryLimit: sample.memoryLimit,
	};
}

export function createRowStats(
	engine: Pick<InspectorEngine, 'containerStats'>,
	options: RowStatsOptions = {},
): RowStats {
	const settleMs = options.settleMs ?? 250;
	const flushMs = options.flushMs ?? 1000;
	const retryMs = options.retryMs ?? 2000;
	const streams = new Map<string, AbortController>();
	const latest = new Map<string, RowStat>();
	const listeners = new Set<() => void>();
	let wanted = new Set<string>();
	let snap: ReadonlyMap<string, RowStat> = new Map();
	let lastFlush = 0;
	let flushTimer: NodeJS.Timeout | undefined;
	let settleTimer: NodeJS.Timeout | undefined;
	const retryTimers = new Map<string, NodeJS.Timeout>();
	let stopped = false;

	const flush = () => {
		flushTimer = undefined;
		lastFlush = Date.now();
		snap = new Map(latest);
		for (const listener of listeners) {
			listener();
		}
	};

	// The first news after a quiet second is drawn at once, the rest with the next second's frame.
	const flushSoon = () => {
		if (flushTimer || stopped) {
			return;
		}

		const wait = Math.max(0, lastFlush + flushMs - Date.now());
		flushTimer = setTimeout(flush, wait);
	};

	const follow = async (id: string, controller: AbortController) => {
		const {signal} = controller;
		try {
			for await (const sample of engine.containerStats(id, {signal})) {
				if (signal.aborted) {
					break;
				}

				latest.set(id, rowStat(sample));
				flushSoon();
			}
		} catch {
			// Aborted, or the container went: the row says `-` or keeps its last figures until it leaves.
		} finally {
			if (streams.get(id) === controller) {
				streams.delete(id);
				// Still on screen: the container stopped (its row will change) or the stream broke; look again later.
				if (!signal.aborted && wanted.has(id) && !stopped) {
					retryTimers.set(
						id,
						setTimeout(() => {
							retryTimers.delete(id);
							if (wanted.has(id) && !streams.has(id)) {
								openStream(id);
							}
						}, retryMs),
					);
				}
			}
		}
	};

	const openStream = (id: string) => {
		if (stopped) {
			return;
		}

		const controller = new AbortController();
		streams.set(id, controller);
		void follow(id, controller);
	};

	const closeStream = (id: string) => {
		const controller = streams.get(id);
		streams.delete(id);
		controller?.abort();
		const retry = retryTimers.get(id);
		if (retry) {
			clearTimeout(retry);
			retryTimers.delete(id);
		}
	};

	const openWanted = () => {
		settleTimer = undefined;
		for (const id of wanted) {
			if (!streams.has(id) && !retryTimers.has(id)) {
				openStream(id);
			}
		}
	};

	return {
		show(ids) {
			if (stopped) {
				return;
			}

			const next = new Set(ids);
			const same =
				next.size === wanted.size && [...next].every(id => wanted.has(id));
			if (same) {
				return;
			}

			wanted = next;
			// Off screen: closed now, and its figures forgotten.
			let dropped = false;
			for (const id of [...streams.keys(), ...retryTimers.keys()]) {
				if (!next.has(id)) {
					closeStream(id);
				}
			}

			for (const id of latest.keys()) {
				if (!next.has(id)) {
					latest.delete(id);
					dropped = true;
				}
			}

			if (dropped) {
				flushSoon();
			}

			if (settleTimer) {
				clearTimeout(settleTimer);
			}

			settleTimer =
				next.size > 0 ? setTimeout(openWanted, settleMs) : undefined;
		},
		snapshot: () => snap,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		open: () => streams.size,
		stop() {
			stopped = true;
			wanted = new Set();
			for (const id of [...streams.keys(), ...retryTimers.keys()]) {
				closeStream(id);
			}

			for (const timer of [settleTimer, flushTimer]) {
				if (timer) {
					clearTimeout(timer);
				}
			}
		},
	};
}
