import {
	type ContainerDetails,
	type DockerEvent,
	type Engine,
	EngineError,
} from '../engine/types.js';
import {reconnectDelay} from '../engine/backoff.js';
import type {Store} from './store.js';
import type {ContainerRow} from './types.js';

export type SyncOptions = {
	/**
	How long to gather events before refreshing what they touched, in ms.
	@default 100
	*/
	readonly coalesceMs?: number;
	/**
	Reconnect backoff: first delay and cap, in ms (a local socket's cap is at most a second: engine/backoff.ts).
	@default [500, 10_000]
	*/
	readonly backoffMs?: readonly [number, number];
	/**
	Above this many changed containers in one batch, re-list them all instead of inspecting each.
	@default 20
	*/
	readonly maxTargetedIds?: number;
	/**
	Inspects in flight at once when a batch of containers changed.
	@default 4
	*/
	readonly concurrency?: number;
	/**
	After a failed refresh: first delay before retrying it, and the cap as failures go on, in ms.
	@default [250, 5000]
	*/
	readonly retryMs?: readonly [number, number];
	readonly now?: () => number;
};

/**
Keeps the store in step with the engine: connects, lists once, then follows `/events`. Events are applied at
once (the reducer patches what it can) and mark what they touched; after `coalesceMs` those containers are
inspected (or, past `maxTargetedIds`, listed once), and image changes trigger one re-list of images. When the
stream breaks it reports the loss, retries with exponential backoff, and re-lists after reconnecting, because
a reconnect does not replay what was missed. No timer ever polls the lists.

Returns `stop()`, which aborts the stream and every pending timer.
*/
export default function startSync(
	engine: Engine,
	store: Store,
	options: SyncOptions = {},
): () => void {
	const coalesceMs = options.coalesceMs ?? 100;
	const [firstBackoff, maxBackoff] = options.backoffMs ?? [500, 10_000];
	const maxTargetedIds = options.maxTargetedIds ?? 20;
	const concurrency = Math.max(1, options.concurrency ?? 4);
	const [firstRetry, maxRetry] = options.retryMs ?? [250, 5000];
	const now = options.now ?? Date.now;
	const controller = new AbortController();
	const {signal} = controller;

	let pendingIds = new Set<string>();
	let pendingAllContainers = false;
	let pendingImages = false;
	let flushTimer: NodeJS.Timeout | undefined;
	let repairTimer: NodeJS.Timeout | undefined;
	// Calls that failed while the event stream stayed up: the lists may be wrong. Until a re-list of both
	// containers and images succeeds (`mustRelist`), the header says degraded. Ids whose inspect failed are
	// inspected once more (`retryIds`); a second failure falls back to the re-list.
	let failures = 0;
	let mustRelist = false;
	const retried = new Set<string>();
	let retryIds = new Set<string>();
	let retryTimer: NodeJS.Timeout | undefined;
	let wake: (() => void) | undefined;

	// Lists run one after another, never side by side: the engine can hold a list while a container changes
	// state (it waits for the container's lock), so two overlapping lists may answer out of order and an older
	// picture would overwrite a newer one. Each flush reads what is pending when it starts, so events that come
	// in while a list is in flight are picked up by the next one.
	let queue: Promise<unknown> = Promise.resolve();
	// The promise, with a handler that keeps its rejection from counting as unhandled (it is still awaited).
	const quietly = <T>(promise: Promise<T>): Promise<T> => {
		promise.catch(() => undefined);
		return promise;
	};

	const serially = async <T>(task: () => Promise<T>): Promise<T> => {
		const result = queue.then(task);
		queue = result.catch(() => undefined);
		return result;
	};

	const scheduleFlush = () => {
		flushTimer ??= setTimeout(() => {
			flushTimer = undefined;
			void serially(flush);
		}, coalesceMs);
	};

	const flush = async () => {
		const ids = [...pendingIds];
		const all = pendingAllContainers || ids.length > maxTargetedIds;
		const images = pendingImages;
		pendingIds = new Set();
		pendingAllContainers = false;
		pendingImages = false;
		// Each part on its own: one that fails does not discard what the others found.
		const [containers, imageList] = await Promise.allSettled([
			all
				? listContainers(false)
				: ids.length > 0
					? refreshContainers(ids)
					: undefined,
			images ? listImages() : undefined,
		]);
		for (const result of [containers, imageList]) {
			if (result.status === 'rejected') {
				failed(result.reason);
			}
		}

		if (
			mustRelist &&
			all &&
			images &&
			containers.status === 'fulfilled' &&
			imageList.status === 'fulfilled'
		) {
			mustRelist = false;
		}

		settle();
	};

	/**
	A call failed while the stream is up: the header says so, with the error.
	*/
	const failed = (error: unknown) => {
		if (signal.aborted) {
			return;
		}

		failures++;
		mustRelist = true;
		store.dispatch({
			type: 'connection/degraded',
			error: error instanceof Error ? error.message : String(error),
			now: now(),
		});
	};

	/**
	After a flush: back to live when the re-list succeeded; otherwise, after a backoff, inspect the failed ids
	once more (a second failure falls back to the re-list), or re-list both lists.
	*/
	const settle = () => {
		if (signal.aborted || repairTimer) {
			return;
		}

		if (!mustRelist && retryIds.size === 0) {
			if (failures > 0) {
				failures = 0;
				retried.clear();
				store.dispatch({
					type: 'connection/degraded',
					error: undefined,
					now: now(),
				});
			}

			return;
		}

		const delay = Math.min(
			maxRetry,
			firstRetry * 2 ** Math.max(0, Math.min(failures, 16) - 1),
		);
		repairTimer = setTimeout(() => {
			repairTimer = undefined;
			const again = [...retryIds].filter(id => !retried.has(id));
			retryIds = new Set();
			if (again.length > 0) {
				for (const id of again) {
					retried.add(id);
					pendingIds.add(id);
				}
			} else {
				pendingAllContainers = true;
				pendingImages = true;
			}

			void serially(flush);
		}, delay);
	};

	// Ids of destroyed containers (never reused by the engine), to drop them from answers that raced the event.
	const destroyed = new Set<string>();
	const alive = <T extends {readonly id: string}>(rows: readonly T[]) =>
		rows.filter(row => !destroyed.has(row.id));

	const listContainers = async (reconnected = false) => {
		const containers = alive(await engine.listContainers());
		// The engine's list view lags its events: a list made just after a `die` can still say running, and
		// would undo what the event showed. Rows whose state the list disputes keep the state the events gave
		// until an inspect (which waits for the container's own lock) says which is true. After a reconnect the
		// events may be what is missing, so the list is taken as it is; so is a list that disputes many rows.
		const shown = store.getState().containers;
		const disputed = reconnected
			? []
			: containers
					.filter(row => {
						const before = shown.get(row.id);
						return before !== undefined && before.state !== row.state;
					})
					.map(row => row.id);
		const keep = disputed.length <= maxTargetedIds ? disputed : [];
		store.dispatch({
			type: 'containers/listed',
			containers,
			now: now(),
			...(reconnected ? {reconnected} : {}),
			...(keep.length > 0 ? {keep} : {}),
		});
		if (keep.length > 0) {
			await refreshContainers(keep);
		}
	};

	// Inspect, not list: the engine sends `die` before its list view is updated, so a list right after the
	// event can still say `running`, while inspect waits for the container's own lock and sees the truth.
	const refreshContainers = async (ids: readonly string[]) => {
		// At most `concurrency` inspects at once; each answer counts on its own.
		const results: Array<PromiseSettledResult<ContainerRow | undefined>> = [];
		let next = 0;
		const worker = async () => {
			while (next < ids.length) {
				const index = next++;
				// eslint-disable-next-line no-await-in-loop
				results[index] = await engine.inspectContainer(ids[index]!).then(
					details => ({status: 'fulfilled' as const, value: toRow(details)}),
					(error: unknown) =>
						error instanceof EngineError && error.kind === 'not-found'
							? {status: 'fulfilled' as const, value: undefined}
							: {status: 'rejected' as const, reason: error},
				);
			}
		};

		await Promise.all(
			Array.from({length: Math.min(concurrency, ids.length)}, worker),
		);
		const answered = ids.filter(
			(_, index) => results[index]?.status === 'fulfilled',
		);
		const found = results.flatMap(result =>
			result.status === 'fulfilled' && result.value ? [result.value] : [],
		);
		if (answered.length > 0) {
			store.dispatch({
				type: 'containers/refreshed',
				ids: answered,
				containers: alive(found),
				now: now(),
			});
		}

		const failedIds = ids.filter(
			(_, index) => results[index]?.status === 'rejected',
		);
		if (failedIds.length > 0) {
			for (const id of failedIds) {
				retryIds.add(id);
			}

			const first = results.find(result => result.status === 'rejected');
			throw first?.status === 'rejected'
				? first.reason
				: new Error('inspect failed');
		}
	};

	const listImages = async () => {
		const images = await engine.listImages();
		store.dispatch({type: 'images/listed', images});
	};

	const onEvent = (event: DockerEvent) => {
		store.dispatch({type: 'event/received', event});
		switch (event.type) {
			case 'container': {
				const action = event.action.split(':')[0] ?? '';
				if (
					action.startsWith('exec_') ||
					action === 'top' ||
					action === 'attach' ||
					action === 'resize'
				) {
					return;
				}

				// A destroyed container is gone for sure: the reducer has dropped it, there is nothing to ask, and
				// an answer already on its way (inspected while it was "removing") must not bring it back.
				if (action === 'destroy') {
					pendingIds.delete(event.id);
					destroyed.add(event.id);
					if (destroyed.size > 10_000) {
						destroyed.delete(destroyed.values().next().value!);
					}

					return;
				}

				pendingIds.add(event.id);
				if (action === 'commit') {
					pendingImages = true;
				}

				break;
			}

			case 'image': {
				pendingImages = true;
				break;
			}

			case 'daemon': {
				pendingAllContainers = true;
				pendingImages = true;
				break;
			}

			default: {
				return;
			}
		}

		scheduleFlush();
	};

	const sleep = async (ms: number) =>
		new Promise<void>(resolve => {
			wake = resolve;
			retryTimer = setTimeout(resolve, ms);
		});

	const run = async () => {
		let attempt = 0;
		let everConnected = false;
		while (!signal.aborted) {
			// Each connection gets its own controller, so a failed attempt closes its half-opened stream.
			const connection = new AbortController();
			const abortConnection = () => {
				connection.abort();
			};

			signal.addEventListener('abort', abortConnection, {once: true});
			try {
				// The ping first, alone (its timeout says "did not answer"; over ssh it is the request that brings the
				// connection up, which more requests at once would each bring up on their own). Then the engine's
				// info, the events and the lists at once: one after the other they were two more round trips before
				// the first screen, each waiting behind the dashboard's code loading meanwhile.
				// eslint-disable-next-line no-await-in-loop
				await engine.ping(signal);
				// Each is awaited below, or left when one before it failed (the connection is then aborted): none
				// may reject unheard, even when a later one throws before the awaits.
				const asked = quietly(engine.info());
				const events = engine
					.events({signal: connection.signal})
					[Symbol.asyncIterator]();
				// Ask for the first event before listing, so that nothing that happens during the list is missed.
				const first = quietly(events.next());
				const listed = quietly(
					serially(async () =>
						Promise.all([listContainers(everConnected), listImages()]),
					),
				);
				// eslint-disable-next-line no-await-in-loop
				const info = await asked;
				// eslint-disable-next-line no-await-in-loop
				await listed;
				everConnected = true;
				// A fresh list of both: whatever failed before is repaired.
				failures = 0;
				mustRelist = false;
				retryIds = new Set();
				retried.clear();
				clearTimeout(repairTimer);
				repairTimer = undefined;
				store.dispatch({type: 'connection/connected', info});
				attempt = 0;
				// eslint-disable-next-line no-await-in-loop
				for (
					let result = await first;
					!result.done;
					result = await events.next()
				) {
					onEvent(result.value);
				}

				throw new EngineError(
					'unreachable',
					`the event stream from ${engine.host} ended`,
				);
			} catch (error) {
				connection.abort();
				if (signal.aborted) {
					return;
				}

				attempt++;
				const delay = reconnectDelay(attempt, engine.host, [
					firstBackoff,
					maxBackoff,
				]);
				const message = error instanceof Error ? error.message : String(error);
				store.dispatch({
					type: 'connection/lost',
					error: message,
					...(error instanceof EngineError ? {kind: error.kind} : {}),
					retryAt: now() + delay,
					attempt,
				});
				// eslint-disable-next-line no-await-in-loop
				await sleep(delay);
			} finally {
				connection.abort();
				signal.removeEventListener('abort', abortConnection);
			}
		}
	};

	void run();

	return () => {
		controller.abort();
		clearTimeout(flushTimer);
		clearTimeout(retryTimer);
		clearTimeout(repairTimer);
		wake?.();
	};
}

/**
The summary part of an inspected container, with its exact start time.
*/
function toRow(details: ContainerDetails): ContainerRow {
	const {
		id,
		name,
		image,
		imageId,
		command,
		state,
		status,
		exitCode,
		created,
		ports,
		labels,
		composeProject,
		startedAt,
	} = details;
	return {
		id,
		name,
		image,
		imageId,
		command,
		state,
		status,
		created,
		ports,
		labels,
		...(exitCode === undefined ? {} : {exitCode}),
		...(composeProject === undefined ? {} : {composeProject}),
		...(startedAt === undefined ? {} : {startedAt}),
	};
}
