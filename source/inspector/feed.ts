/**
The inspector feed: what the inspector pane shows, fetched and followed from the engine for what is on screen and
nothing else. It watches the store: once the selection has settled (`settleMs`, so that sweeping through a list
opens no stream per row), it opens what the shown tab needs, and closes it (aborting the request) the moment the
tab, the row, or the pane changes:

- Logs: one `docker logs --follow` stream for the shown container; when it ends (the container stopped) it says
  "exited (code N)", and when the container runs again it follows on from the last line it had, with a marker line.
- Stats: one stats stream while the tab is shown; the last 60 samples are kept for the sparklines.
- Top: `docker top` every `topMs` while shown (the engine has no event for it).
- Env, Config, Diff, Layers: fetched once when shown.

Data lives here, outside the store (log lines arrive by the thousand): views subscribe and re-read when `version`
moves, at most once every `flushMs` (`floodFlushMs` in a flood).
*/
import type {
	Engine,
	FileChange,
	ImageLayer,
	ProcessTable,
	StatsSample,
} from '../engine/types.js';
import {EngineError} from '../engine/types.js';
import sanitize from '../format/printable.js';
import {maskEnvEntry} from '../format/secrets.js';
import {inspectorTab} from '../state/inspector-reducer.js';
import type {InspectorTab} from '../state/inspector-types.js';
import {selectedKey} from '../state/selectors.js';
import type {Store} from '../state/store.js';
import type {AppState} from '../state/types.js';
import {logSources} from '../commands/project-logs.js';
import {mergeLines} from '../state/project-logs.js';
import {
	type AssembledLine,
	createLineAssembler,
	type LineSink,
	type LineSlice,
	sliceLine,
	stampLength,
	stampTime,
} from './log-lines.js';
import {createLogRing, type LogLine, type LogRing} from './log-ring.js';

export type FeedTarget = {
	readonly kind: 'container' | 'image';
	readonly id: string;
	readonly name: string;
};

export type FeedSnapshot = {
	readonly target?: FeedTarget;
	readonly tab?: InspectorTab;
	/**
	Something to say instead of (or above) the data: loading, an engine error, why nothing is shown.
	*/
	readonly note?: string;
	readonly error?: string;
	/**
	Logs: `following` while the stream is open.
	*/
	readonly logState?: 'opening' | 'following' | 'stopped';
	/**
	Logs of the marked rows: the containers shown, interleaved (one stream each).
	*/
	readonly group?: readonly LogSource[];
	readonly stats: readonly StatsSample[];
	readonly top?: ProcessTable;
	readonly diff?: readonly FileChange[];
	/**
	Env entries, `KEY=VALUE`, unmasked: the view masks.
	*/
	readonly env?: readonly string[];
	/**
	The inspect document as the engine sent it (untrusted strings: the view sanitizes), with secret-looking env
	values masked; `configRevealed` unmasked, for `v`.
	*/
	readonly config?: unknown;
	readonly configRevealed?: unknown;
	readonly layers?: readonly ImageLayer[];
	readonly version: number;
};

export type InspectorFeed = {
	readonly logs: LogRing;
	snapshot(): FeedSnapshot;
	subscribe(listener: () => void): () => void;
	/**
	Streams open now, by kind (for tests and the benchmark).
	*/
	open(): {readonly logs: number; readonly stats: number};
	/**
	How big the pane's view is, as last drawn (rows of text, and lines of the shown tab's content), for scrolling.
	*/
	view(): InspectorView;
	setView(view: InspectorView): void;
	stop(): void;
};

/**
How big the pane's view is, as last drawn.
*/
export type InspectorView = {
	/**
	Rows of text.
	*/
	readonly rows: number;
	/**
	Lines of the shown tab's content.
	*/
	readonly lines: number;
	/**
	Logs: the `seq` of the first and the last log line on screen (whole or in part), for `y`.
	*/
	readonly logs?: {readonly first: number; readonly last: number};
};

export type FeedOptions = {
	/**
	@default 150
	*/
	readonly settleMs?: number;
	/**
	@default 2000
	*/
	readonly topMs?: number;
	/**
	@default 100
	*/
	readonly flushMs?: number;
	/**
	How often the views hear of new log lines while they come faster than `floodLines` in a `flushMs`: nobody
	reads lines at that rate, and each redraw is a frame a key press may have to wait behind (Ink's frame cap,
	`maxFps` in main.tsx).
	@default 2.5 × `flushMs`
	*/
	readonly floodFlushMs?: number;
	/**
	@default 1000
	*/
	readonly floodLines?: number;
	/**
	How often Config reads a container with a healthcheck again, for its last probes.
	@default 5000
	*/
	readonly healthMs?: number;
	readonly maxLines?: number;
	readonly maxBytes?: number;
};

/**
How many stats samples are kept (a minute at one a second, and one to compare with).
*/
export const statsSamples = 61;

type Want = {
	readonly target: FeedTarget;
	readonly tab: InspectorTab;
	readonly logs: {readonly tail: number | 'all'; readonly since?: number};
	/**
	Logs of the rows marked in Containers, interleaved by time: each container and its prefix.
	*/
	readonly group?: readonly LogSource[];
};

/**
A container of the marked rows the Logs tab shows, with its line prefix.
*/
export type LogSource = {
	readonly id: string;
	readonly name: string;
	readonly label: string;
};

/**
A prefix in `width` columns: a long one keeps its start and its end (names often differ only at the end).
*/
export function fitLabel(label: string, width: number): string {
	if (label.length <= width) {
		return label.padEnd(width);
	}

	const head = Math.max(1, Math.floor((width - 1) / 3));
	return `${label.slice(0, head)}…${label.slice(label.length - (width - 1 - head))}`;
}

const wantKey = (want: Want | undefined) =>
	want
		? `${want.target.kind}:${want.target.id}:${want.tab}:${want.tab === 'logs' ? `${String(want.logs.tail)}:${want.logs.since ?? ''}` : ''}`
		: '';

/**
The marked containers' prefixes (`logSources`, as `docker compose logs` names them: the service, with its number
when the service has several; else the container's name), in list order, or undefined when none is marked.
*/
function markedGroup(state: AppState): LogSource[] | undefined {
	const marked = state.ui.marks.containers;
	if (marked.size === 0) {
		return undefined;
	}

	const rows = [...marked]
		.map(id => state.containers.get(id))
		.filter(row => row !== undefined)
		.sort((a, b) => a.name.localeCompare(b.name));
	if (rows.length === 0) {
		return undefined;
	}

	const labels = logSources(rows);
	return rows.map(row => ({
		id: row.id,
		name: row.name,
		label: sanitize(labels.get(row.id) ?? row.name),
	}));
}

/**
What the pane should show for `state`: nothing while it is closed or the shell pane has its place.
*/
export function wanted(state: AppState): Want | undefined {
	const {ui} = state;
	const pane = ui.inspector;
	const tab = inspectorTab(state);
	if (!pane || ui.shell || tab === undefined) {
		return undefined;
	}

	const logs = {
		tail: pane.logs.tail,
		...(pane.logs.since === undefined ? {} : {since: pane.logs.since}),
	};
	if (ui.pane === 'containers') {
		const group = tab === 'logs' ? markedGroup(state) : undefined;
		if (group) {
			return {
				target: {
					kind: 'container',
					id: `marked:${group.map(each => each.id).join(',')}`,
					name:
						group.length === 1
							? group[0]!.name
							: `${group.length} marked containers`,
				},
				tab,
				logs,
				group,
			};
		}

		const id = selectedKey(state, 'containers');
		const row = id === undefined ? undefined : state.containers.get(id);
		return row
			? {target: {kind: 'container', id: row.id, name: row.name}, tab, logs}
			: undefined;
	}

	const id = selectedKey(state, 'images');
	const image = id === undefined ? undefined : state.images.get(id);
	return image
		? {
				target: {
					kind: 'image',
					id: image.id,
					name:
						image.repoTags[0] ?? image.id.replace(/^sha256:/, '').slice(0, 12),
				},
				tab,
				logs,
			}
		: undefined;
}

const message = (error: unknown) =>
	error instanceof Error ? error.message : String(error);

const sleep = async (ms: number, signal: AbortSignal) =>
	new Promise<void>(resolve => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}

		signal.addEventListener('abort', done, {once: true});
	});

/**
A copy of an inspect document with its env entries (`Config.Env`) masked where they look secret.
*/
function maskedConfig(raw: unknown): unknown {
	const masked = JSON.parse(JSON.stringify(raw ?? null)) as Record<
		string,
		unknown
	> | null;
	const config = masked?.['Config'] as {Env?: unknown} | undefined;
	if (config && Array.isArray(config.Env)) {
		config.Env = config.Env.map(entry => maskEnvEntry(String(entry), false));
	}

	return masked;
}

export function createInspectorFeed(
	engine: Engine,
	store: Store,
	options: FeedOptions = {},
): InspectorFeed {
	const settleMs = options.settleMs ?? 150;
	const topMs = options.topMs ?? 2000;
	const flushMs = options.flushMs ?? 100;
	const floodFlushMs = Math.max(flushMs, options.floodFlushMs ?? flushMs * 2.5);
	const floodLines = options.floodLines ?? 1000;
	const healthMs = options.healthMs ?? 5000;
	const logs = createLogRing({
		...(options.maxLines === undefined ? {} : {maxLines: options.maxLines}),
		...(options.maxBytes === undefined ? {} : {maxBytes: options.maxBytes}),
	});
	const listeners = new Set<() => void>();
	let snap: FeedSnapshot = {stats: [], version: 0};
	let current: {key: string; controller: AbortController} | undefined;
	let shownTarget = '';
	let settleTimer: NodeJS.Timeout | undefined;
	let flushTimer: NodeJS.Timeout | undefined;
	let openLogs = 0;
	let openStats = 0;
	let stopped = false;
	let shownView: InspectorView = {rows: 10, lines: 0};
	// Whether the last update wanted anything: when the pane has just opened, nothing is sweeping the selection.
	let wantedBefore = false;

	let notifiedAt = 0;
	// The ring's version when the views last heard: how many lines came since.
	let notifiedVersion = 0;
	const notifyNow = () => {
		notifiedAt = performance.now();
		notifiedVersion = logs.version;
		if (flushTimer) {
			clearTimeout(flushTimer);
			flushTimer = undefined;
		}

		snap = {...snap, version: snap.version + 1};
		for (const listener of listeners) {
			listener();
		}
	};

	// Log lines come in floods: tell the views at most once every `flushMs`. The first lines after a quiet spell
	// (a log just opened) go out as soon as the chunk they came in is read, not `flushMs` later.
	// In a flood (more than `floodLines` since the last time), they wait until `floodFlushMs` after it.
	const flushDue = () => {
		const floodDue = notifiedAt + floodFlushMs - performance.now();
		if (floodDue > 1 && logs.version - notifiedVersion > floodLines) {
			flushTimer = setTimeout(flushDue, floodDue);
			return;
		}

		notifyNow();
	};

	const notifySoon = () => {
		flushTimer ??= setTimeout(
			flushDue,
			Math.max(0, notifiedAt + flushMs - performance.now()),
		);
	};

	const patch = (next: Partial<FeedSnapshot>, now = true) => {
		snap = {...snap, ...next};
		if (now) {
			notifyNow();
		} else {
			notifySoon();
		}
	};

	const marker = (text: string) => {
		logs.push({stream: 'marker', text});
		notifySoon();
	};

	/**
	Resolves once the container is running again (from the store, which the engine's events keep current), or
	the signal aborted.
	*/
	const running = async (id: string, signal: AbortSignal) =>
		new Promise<void>(resolve => {
			const check = () => {
				if (
					signal.aborted ||
					store.getState().containers.get(id)?.state === 'running'
				) {
					unsubscribe();
					signal.removeEventListener('abort', check);
					resolve();
				}
			};

			const unsubscribe = store.subscribe(check);
			signal.addEventListener('abort', check, {once: true});
			check();
		});

	/**
	How the container's last run ended, from the `die` event the engine sent since the event numbered `since`
	(waiting a moment for it); undefined when none came.
	*/
	const exitOf = async (id: string, since: number, signal: AbortSignal) => {
		for (let tries = 0; tries < 10 && !signal.aborted; tries++) {
			const died = store
				.getState()
				.events.find(
					event =>
						event.seq >= since &&
						event.type === 'container' &&
						event.action === 'die' &&
						event.id === id,
				);
			if (died) {
				const code = died.attributes['exitCode'];
				return code === undefined ? 'stopped' : `exited (code ${code})`;
			}

			// eslint-disable-next-line no-await-in-loop
			await sleep(100, signal);
		}

		return undefined;
	};

	/**
	Follows one container's log into `sink`, across restarts (a marker line each time), until `signal` aborts.
	*/
	const followOne = async (
		id: string,
		options: Want['logs'],
		signal: AbortSignal,
		sink: {
			line(line: AssembledLine): void;
			/**
			A line as a slice of its decoded chunk (`LineSink.slice`); without it, every line comes made to `line`.
			*/
			slice?: LineSlice;
			marker(text: string): void;
			state(state: NonNullable<FeedSnapshot['logState']>): void;
		},
	) => {
		const {marker} = sink;
		let tail: number | 'all' = options.tail;
		let {since} = options;
		let following = false;
		let lastStamp: string | undefined;
		// The last stamp when it came in a slice (made from these only when needed: at the end of a round).
		let stampSource: string | undefined;
		let stampAt = 0;
		// After a restart the engine sends again what came in the same millisecond as the last line: lines not
		// after this stamp are skipped, until one is (the engine sends a log in time order).
		let resumeAfter: string | undefined;
		const fresh = (stamp: string) => {
			if (stamp <= resumeAfter!) {
				return false;
			}

			resumeAfter = undefined;
			return true;
		};

		const lines: LineSink = {
			slice(stream, source, stampFrom, textFrom, textTo) {
				if (stampFrom !== -1) {
					if (
						resumeAfter !== undefined &&
						!fresh(source.slice(stampFrom, stampFrom + stampLength))
					) {
						return;
					}

					stampSource = source;
					stampAt = stampFrom;
				}

				if (sink.slice) {
					sink.slice(stream, source, stampFrom, textFrom, textTo);
				} else {
					sink.line(sliceLine(stream, source, stampFrom, textFrom, textTo));
				}
			},
			line(line) {
				if (line.stamp !== undefined) {
					if (resumeAfter !== undefined && !fresh(line.stamp)) {
						return;
					}

					lastStamp = line.stamp;
					stampSource = undefined;
				}

				sink.line(line);
			},
		};
		let rounds = 0;
		while (!signal.aborted) {
			sink.state('opening');
			following = false;
			const startSeq = store.getState().nextEventSeq;
			const assembler = createLineAssembler();
			resumeAfter = lastStamp;
			openLogs++;
			try {
				for await (const chunk of engine.containerLogs(id, {
					signal,
					tail,
					...(since === undefined ? {} : {since}),
				})) {
					if (!following) {
						following = true;
						sink.state('following');
					}

					assembler.pushTo(chunk, lines);
				}

				for (const line of assembler.flush()) {
					sink.line(line);
				}
			} catch (error) {
				if (signal.aborted) {
					return;
				}

				marker(`— the log stream broke: ${message(error)}`);
			} finally {
				openLogs--;
				if (stampSource !== undefined) {
					lastStamp = stampSource.slice(stampAt, stampAt + stampLength);
					stampSource = undefined;
				}
			}

			if (signal.aborted) {
				return;
			}

			// The stream ends when the container stops: the engine's `die` event says how (a restart may be over
			// before we could look at the container).
			let exit = await exitOf(id, startSeq, signal);
			if (exit === undefined) {
				try {
					const details = await engine.inspectContainer(id);
					exit =
						details.state === 'running' || details.state === 'restarting'
							? ''
							: details.exitCode === undefined
								? details.state
								: `exited (code ${details.exitCode})`;
				} catch (error) {
					if (error instanceof EngineError && error.kind === 'not-found') {
						marker('— the container is gone');
						sink.state('stopped');
						return;
					}

					exit = 'stopped';
				}
			}

			if (exit !== '') {
				marker(`— ${exit}`);
			}

			sink.state('stopped');
			rounds++;
			// Wait for it to run again, then follow on from the last line we have.
			await running(id, signal);
			if (signal.aborted) {
				return;
			}

			if (exit === '' && rounds > 3) {
				// The stream keeps ending on a running container: do not spin.
				await sleep(1000, signal);
			}

			marker('— the container started again: following its new output');
			tail = 'all';
			since =
				lastStamp === undefined ? Date.now() - 1000 : stampTime(lastStamp);
		}
	};

	const followLogs = async (want: Want, signal: AbortSignal) => {
		if (want.group) {
			await followGroup(want, want.group, signal);
			return;
		}

		await followOne(want.target.id, want.logs, signal, {
			line(line) {
				logs.push(line);
				notifySoon();
			},
			slice(stream, source, stampFrom, textFrom, textTo) {
				logs.pushSlice(stream, source, stampFrom, textFrom, textTo);
				notifySoon();
			},
			marker,
			state(logState) {
				patch({logState});
			},
		});
	};

	/**
	The marked containers' logs, one stream each, interleaved by the engine's timestamps (`mergeLines`, as the
	Projects overlay merges): lines gather for `flushMs` and go into the ring in time order; when one came
	earlier than what the ring has (the containers' tails arrive one after the other), the ring is rebuilt merged.
	*/
	const followGroup = async (
		want: Want,
		group: readonly LogSource[],
		signal: AbortSignal,
	) => {
		type Timed = {readonly time: number; readonly line: Omit<LogLine, 'seq'>};
		const width = Math.min(
			24,
			Math.max(...group.map(each => each.label.length)),
		);
		let pending: Timed[] = [];
		let newest = Number.NEGATIVE_INFINITY;
		let timer: NodeJS.Timeout | undefined;
		const states = new Map<string, NonNullable<FeedSnapshot['logState']>>();
		const flush = () => {
			timer = undefined;
			if (signal.aborted || pending.length === 0) {
				return;
			}

			const incoming = mergeLines([], pending, Number.POSITIVE_INFINITY);
			pending = [];
			if (incoming[0]!.time >= newest) {
				for (const each of incoming) {
					logs.push(each.line);
				}
			} else {
				// Out of order: the ring again, merged. A line without a stamp (a marker) keeps its place.
				const kept: Timed[] = [];
				let time = Number.NEGATIVE_INFINITY;
				for (let index = 0; index < logs.length; index++) {
					const {seq, ...line} = logs.at(index)!;
					time = line.stamp ? stampTime(line.stamp) : time;
					kept.push({time, line});
				}

				const merged = mergeLines(kept, incoming, Number.POSITIVE_INFINITY);
				logs.clear();
				for (const each of merged) {
					logs.push(each.line);
				}
			}

			newest = Math.max(newest, incoming.at(-1)!.time);
			notifySoon();
		};

		const add = (time: number, line: Omit<LogLine, 'seq'>) => {
			pending.push({time, line});
			timer ??= setTimeout(flush, flushMs);
		};

		// About the same tail in all: each container's share of it, at least 100 lines.
		const tail =
			want.logs.tail === 'all'
				? 'all'
				: Math.max(100, Math.ceil(want.logs.tail / group.length));
		signal.addEventListener(
			'abort',
			() => {
				if (timer) {
					clearTimeout(timer);
				}
			},
			{once: true},
		);
		patch({group});
		await Promise.all(
			group.map(async (each, index) => {
				const source = {label: fitLabel(each.label, width), index};
				return followOne(each.id, {...want.logs, tail}, signal, {
					line(line) {
						add(line.stamp ? stampTime(line.stamp) : Date.now(), {
							...line,
							source,
						});
					},
					marker(text) {
						add(Date.now(), {stream: 'marker', text, source});
					},
					state(state) {
						states.set(each.id, state);
						const all = [...states.values()];
						const logState = all.includes('following')
							? 'following'
							: all.includes('opening')
								? 'opening'
								: 'stopped';
						if (snap.logState !== logState) {
							patch({logState});
						}
					},
				});
			}),
		);
	};

	const followStats = async (want: Want, signal: AbortSignal) => {
		const {id} = want.target;
		while (!signal.aborted) {
			openStats++;
			try {
				for await (const sample of engine.containerStats(id, {signal})) {
					const stats = [...snap.stats, sample].slice(-statsSamples);
					patch({stats, note: undefined}, false);
				}
			} catch (error) {
				if (signal.aborted) {
					return;
				}

				patch({error: message(error)});
			} finally {
				openStats--;
			}

			if (signal.aborted) {
				return;
			}

			patch({note: 'Not running: no stats until it runs again.'});
			await running(id, signal);
			// The engine sends the stream of a stopped container once and ends it; a moment before asking again.
			await sleep(500, signal);
		}
	};

	const pollTop = async (want: Want, signal: AbortSignal) => {
		while (!signal.aborted) {
			try {
				const top = await engine.topContainer(want.target.id);
				if (signal.aborted) {
					return;
				}

				patch({top, error: undefined});
			} catch (error) {
				if (signal.aborted) {
					return;
				}

				patch({
					top: undefined,
					error:
						error instanceof EngineError && error.kind === 'conflict'
							? 'Not running: no processes.'
							: message(error),
				});
			}

			await sleep(topMs, signal);
		}
	};

	const fetchOnce = async (want: Want, signal: AbortSignal) => {
		const {kind, id} = want.target;
		try {
			switch (want.tab) {
				case 'diff': {
					const diff = await engine.diffContainer(id);
					if (!signal.aborted) {
						patch({diff});
					}

					return;
				}

				case 'layers': {
					const details = await engine.inspectImage(id);
					if (!signal.aborted) {
						patch({layers: details.layers});
					}

					return;
				}

				case 'env':
				case 'config': {
					// A container with a healthcheck: read again every `healthMs` while Config is shown, for its
					// probes (the engine sends no event per probe).
					for (;;) {
						// eslint-disable-next-line no-await-in-loop
						const raw = (await engine.inspectRaw(kind, id)) as {
							Config?: {Env?: unknown};
							State?: {Health?: unknown; Running?: unknown};
						} | null;
						if (signal.aborted) {
							return;
						}

						const env = Array.isArray(raw?.Config?.Env)
							? raw.Config.Env.map(entry => sanitize(String(entry)))
							: [];
						patch({
							env,
							config: maskedConfig(raw),
							configRevealed: raw,
						});
						if (
							want.tab !== 'config' ||
							!raw?.State?.Health ||
							raw.State.Running !== true
						) {
							return;
						}

						// eslint-disable-next-line no-await-in-loop
						await sleep(healthMs, signal);
						if (signal.aborted) {
							return;
						}
					}
				}

				default:
			}
		} catch (error) {
			if (!signal.aborted) {
				patch({error: message(error)});
			}
		}
	};

	const start = (want: Want) => {
		const controller = new AbortController();
		const {signal} = controller;
		current = {key: wantKey(want), controller};
		const targetKey = `${want.target.kind}:${want.target.id}`;
		if (targetKey !== shownTarget || want.tab === 'logs') {
			logs.clear();
		}

		if (targetKey !== shownTarget) {
			snap = {stats: [], version: snap.version};
		}

		shownTarget = targetKey;
		patch({
			target: want.target,
			tab: want.tab,
			error: undefined,
			note: undefined,
			...(want.tab === 'stats' ? {} : {stats: []}),
		});
		const run =
			want.tab === 'logs'
				? followLogs
				: want.tab === 'stats'
					? followStats
					: want.tab === 'top'
						? pollTop
						: fetchOnce;
		void run(want, signal).catch((error: unknown) => {
			if (!signal.aborted) {
				patch({error: message(error)});
			}
		});
	};

	const halt = () => {
		current?.controller.abort();
		current = undefined;
	};

	const update = () => {
		if (stopped) {
			return;
		}

		const want = wanted(store.getState());
		const key = wantKey(want);
		const justOpened = !wantedBefore;
		wantedBefore = want !== undefined;
		if (key === (current?.key ?? '')) {
			if (settleTimer) {
				clearTimeout(settleTimer);
				settleTimer = undefined;
			}

			return;
		}

		// Whatever was open is not on screen any more: close it now.
		halt();
		if (settleTimer) {
			clearTimeout(settleTimer);
			settleTimer = undefined;
		}

		if (!want) {
			if (shownTarget !== '') {
				shownTarget = '';
				logs.clear();
				snap = {stats: [], version: snap.version};
				notifyNow();
			}

			return;
		}

		const sameTarget = `${want.target.kind}:${want.target.id}` === shownTarget;
		if (sameTarget) {
			// Another tab of the same row: at once.
			start(want);
			return;
		}

		if (justOpened) {
			// The pane has just opened (or the shell pane gave its place back) on the selected row: at once.
			start(want);
			return;
		}

		// Another row: show its name now, open streams once the selection has settled.
		logs.clear();
		shownTarget = '';
		snap = {
			stats: [],
			version: snap.version,
			target: want.target,
			tab: want.tab,
			note: '…',
		};
		notifyNow();
		settleTimer = setTimeout(() => {
			settleTimer = undefined;
			const now = wanted(store.getState());
			if (now && wantKey(now) === key) {
				start(now);
			}
		}, settleMs);
	};

	const unsubscribe = store.subscribe(update);
	update();

	return {
		logs,
		snapshot: () => snap,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		open: () => ({logs: openLogs, stats: openStats}),
		view: () => shownView,
		setView(view) {
			shownView = view;
		},
		stop() {
			stopped = true;
			unsubscribe();
			halt();
			if (settleTimer) {
				clearTimeout(settleTimer);
			}

			if (flushTimer) {
				clearTimeout(flushTimer);
			}
		},
	};
}
