/**
Keeps volumes, networks, disk usage and info/version in step with the engine, beside `sync.ts` (which owns the
event stream): it watches the store for the connection coming up and for the events `sync.ts` records, and
re-lists what they touched, coalesced. The disk usage (`/system/df`, slow on a big engine) is read only once a
pane needs it (Volumes for sizes, Engine), then again after volume events; the Engine pane's other counts are
read again when the pane is shown after something changed. No timer polls.

Returns `stop()`.
*/
import type {Engine} from '../engine/types.js';
import type {CleanupAction} from './cleanup-reducer.js';
import type {Store} from './store.js';
import type {AppState} from './types.js';

export type CleanupSyncOptions = {
	/**
	How long to gather events before re-listing, in ms.
	@default 150
	*/
	readonly coalesceMs?: number;
	/**
	How long to gather volume events before reading the disk usage again, in ms.
	@default 500
	*/
	readonly diskCoalesceMs?: number;
	readonly now?: () => number;
};

type Job = 'volumes' | 'networks' | 'disk' | 'system';

export default function startCleanupSync(
	engine: Engine,
	store: Store,
	options: CleanupSyncOptions = {},
): () => void {
	const coalesceMs = options.coalesceMs ?? 150;
	const diskCoalesceMs = options.diskCoalesceMs ?? 500;
	const now = options.now ?? Date.now;
	let stopped = false;
	let connected = false;
	let lastSeq = 0;
	let lastPane = store.getState().ui.pane;
	// The disk usage was asked for once (a pane needed it): from then on volume events read it again.
	let diskWanted = false;
	// Containers or images changed since the Engine pane last read its figures.
	let engineStale = true;
	const timers = new Map<Job, NodeJS.Timeout>();
	const running = new Set<Job>();
	const again = new Set<Job>();

	const work: Record<Job, () => Promise<void>> = {
		async volumes() {
			const volumes = await engine.listVolumes();
			store.dispatch({type: 'cleanup/volumes-listed', volumes});
		},
		async networks() {
			const networks = await engine.listNetworks();
			store.dispatch({type: 'cleanup/networks-listed', networks});
		},
		async disk() {
			store.dispatch({type: 'cleanup/disk-loading'});
			try {
				const disk = await engine.diskUsage();
				store.dispatch({type: 'cleanup/disk-loaded', disk, at: now()});
			} catch (error) {
				store.dispatch({
					type: 'cleanup/disk-failed',
					error: error instanceof Error ? error.message : String(error),
				});
			}
		},
		async system() {
			try {
				store.dispatch(await readSystem(engine));
			} catch (error) {
				store.dispatch({
					type: 'cleanup/system-failed',
					error: error instanceof Error ? error.message : String(error),
				});
			}
		},
	};

	// One call of a kind at a time; a request while one runs makes it run once more after (the newer answer
	// last), never two side by side that could answer out of order.
	const run = (job: Job) => {
		if (stopped) {
			return;
		}

		if (running.has(job)) {
			again.add(job);
			return;
		}

		running.add(job);
		void work[job]()
			// A failed list is left to the event stream: if the engine went away, `sync.ts` reports it, and the
			// lists are read again when it is back.
			.catch(() => undefined)
			.finally(() => {
				running.delete(job);
				if (again.delete(job)) {
					run(job);
				}
			});
	};

	const schedule = (job: Job, ms: number) => {
		if (stopped || timers.has(job)) {
			return;
		}

		timers.set(
			job,
			setTimeout(() => {
				timers.delete(job);
				run(job);
			}, ms),
		);
	};

	const needsDisk = (state: AppState) =>
		state.ui.pane === 'volumes' || state.ui.pane === 'engine';

	const onChange = () => {
		const state = store.getState();
		const isUp = state.connection.status === 'connected';
		if (isUp && !connected) {
			// Connected, or back after a loss (which may have missed events): read everything this part shows.
			run('volumes');
			run('networks');
			if (diskWanted) {
				run('disk');
			}

			engineStale = true;
		}

		connected = isUp;
		let volumesTouched = false;
		for (const event of state.events) {
			if (event.seq <= lastSeq) {
				break;
			}

			switch (event.type) {
				case 'volume': {
					volumesTouched = true;
					schedule('volumes', coalesceMs);
					break;
				}

				case 'network': {
					schedule('networks', coalesceMs);
					break;
				}

				case 'container': {
					engineStale = true;
					const action = event.action.split(':')[0] ?? '';
					// Who uses a volume changes with containers made and removed (a volume event comes only when
					// it is mounted or unmounted); renames show in both lists.
					if (
						action === 'create' ||
						action === 'destroy' ||
						action === 'rename'
					) {
						schedule('volumes', coalesceMs);
					}

					if (action === 'rename') {
						schedule('networks', coalesceMs);
					}

					break;
				}

				case 'image': {
					engineStale = true;
					break;
				}

				case 'daemon': {
					engineStale = true;
					// One of several engines dropped or came back (multi-engine.ts): its volumes and networks turn
					// stale or fresh with the next list.
					if (event.attributes['engine'] !== undefined) {
						schedule('volumes', coalesceMs);
						schedule('networks', coalesceMs);
					}

					break;
				}

				default: {
					break;
				}
			}
		}

		lastSeq = Math.max(lastSeq, state.nextEventSeq - 1);
		if (volumesTouched && diskWanted) {
			schedule('disk', diskCoalesceMs);
		}

		const {pane} = state.ui;
		if (pane !== lastPane) {
			lastPane = pane;
			if (isUp && pane === 'engine' && engineStale) {
				engineStale = false;
				run('system');
				run('disk');
				diskWanted = true;
			}
		}

		if (isUp && needsDisk(state) && !diskWanted) {
			diskWanted = true;
			run('disk');
			if (pane === 'engine') {
				engineStale = false;
				run('system');
			}
		}
	};

	const unsubscribe = store.subscribe(onChange);
	onChange();

	return () => {
		stopped = true;
		unsubscribe();
		for (const timer of timers.values()) {
			clearTimeout(timer);
		}

		timers.clear();
	};
}

/**
Reads the Engine pane's figures again now (`r` on Engine, `:df`, `:info`).
*/
export async function refreshEngine(engine: Engine, store: Store) {
	store.dispatch({type: 'cleanup/disk-loading'});
	const [disk, system] = await Promise.allSettled([
		engine.diskUsage(),
		readSystem(engine),
	]);
	if (disk.status === 'fulfilled') {
		store.dispatch({
			type: 'cleanup/disk-loaded',
			disk: disk.value,
			at: Date.now(),
		});
	} else {
		store.dispatch({
			type: 'cleanup/disk-failed',
			error: errorText(disk.reason),
		});
	}

	if (system.status === 'fulfilled') {
		store.dispatch(system.value);
	} else {
		store.dispatch({
			type: 'cleanup/system-failed',
			error: errorText(system.reason),
		});
	}
}

/**
`docker info` and `docker version`; with several engines at once, each one's (the action's `info` and
`version` are the first that answered). Fails only when no engine answers.
*/
async function readSystem(
	engine: Engine,
): Promise<Extract<CleanupAction, {type: 'cleanup/system-loaded'}>> {
	if (engine.eachEngine) {
		const engines = await engine.eachEngine();
		const answered = engines.find(each => each.info && each.version);
		if (!answered?.info || !answered.version) {
			throw new Error(
				engines
					.map(each => `${each.name}: ${each.error ?? 'no answer'}`)
					.join('; '),
			);
		}

		return {
			type: 'cleanup/system-loaded',
			info: answered.info,
			version: answered.version,
			engines,
		};
	}

	const [info, version] = await Promise.all([
		engine.systemInfo(),
		engine.systemVersion(),
	]);
	return {type: 'cleanup/system-loaded', info, version};
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
