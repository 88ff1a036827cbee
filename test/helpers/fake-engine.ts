import {
	type ContainerDetails,
	type ContainerSummary,
	type DockerEvent,
	type Engine,
	EngineError,
	type EngineInfo,
	type ImageDetails,
	type ImageSummary,
	type LogEntry,
	type TerminalSession,
} from '../../source/engine/types.js';
import {emptyDisk, fakeCleanup, type FakeCleanupState} from './fake-cleanup.js';
import {type FakeTransfers, fakeTransferMethods} from './fake-transfers.js';
import {type FakeInspector, fakeInspectorMethods} from './fake-inspector.js';

/**
A small test double of dockpit's own `Engine` interface for component tests: lists come from arrays the test
sets, events are pushed with `emit()`, and every call is recorded in `calls`. Nothing here reaches Docker;
tests that need Docker use the real engine.
*/
export type FakeEngine = Engine & {
	containers: ContainerSummary[];
	volumes: FakeCleanupState['volumes'];
	networks: FakeCleanupState['networks'];
	disk: FakeCleanupState['disk'];
	images: ImageSummary[];
	readonly calls: Array<{
		readonly method: string;
		readonly args: readonly unknown[];
	}>;
	emit(
		event: Partial<DockerEvent> & {type: string; action: string; id: string},
	): void;
	/**
	Where `exec` and `attach` get their sessions (a promise, to stage a slow engine); without it they fail as an
	engine without shells would.
	*/
	terminal?: (
		id: string,
		options: {readonly columns: number; readonly rows: number},
	) => TerminalSession | Promise<TerminalSession>;
	/**
	Makes the engine look unreachable (`ping` and lists throw) until called with false; ends open event streams.
	*/
	setDown(down: boolean): void;
	/**
	While set, `inspectContainer` waits for it before answering (to stage races with events).
	*/
	inspectGate?: Promise<void>;
	/**
	Replaces what an action method does (after it is recorded): throw an `EngineError`, or hang until the test
	says. Set `overrides.stopContainer = async () => {…}`.
	*/
	overrides: Partial<
		Record<
			| 'startContainer'
			| 'stopContainer'
			| 'restartContainer'
			| 'killContainer'
			| 'pauseContainer'
			| 'unpauseContainer'
			| 'removeContainer'
			| 'runContainer'
			| 'createContainer'
			| 'diffContainer'
			| 'commitContainer'
			| 'tagImage'
			| 'removeImage',
			(...args: any[]) => Promise<any>
		>
	>;
	/**
	Replaces what a transfer method (pull, push, build, cp…) does; see `fake-transfers.ts`.
	*/
	transfers: FakeTransfers;
	/**
	The inspector's streams and answers (logs, stats, top, inspect); see `fake-inspector.ts`.
	*/
	inspector: FakeInspector;
	/**
	Log lines `followLogs` gives each container (by id) at once; `pushLogs` adds more to open streams. A container
	without an entry has no logs; with an `EngineError` as entry, its logs cannot be read.
	*/
	logs: Record<string, readonly LogEntry[] | EngineError>;
	pushLogs(id: string, lines: readonly LogEntry[]): void;
};

export const fakeInfo: EngineInfo = {
	host: 'unix:///fake.sock',
	version: '99.0.0',
	apiVersion: '1.99',
	os: 'linux',
	name: 'fake',
	containers: 0,
	images: 0,
	swarm: 'inactive',
};

export function container(
	patch: Partial<ContainerSummary> & {id: string; name: string},
): ContainerSummary {
	return {
		image: 'busybox:local',
		imageId: 'sha256:' + 'b'.repeat(64),
		command: 'sh',
		state: 'running',
		status: 'Up 2 minutes',
		created: Date.now() - 3_600_000,
		ports: [],
		labels: {},
		...patch,
	};
}

export function image(
	patch: Partial<ImageSummary> & {id: string},
): ImageSummary {
	return {
		repoTags: [],
		repoDigests: [],
		created: Date.now() - 86_400_000,
		size: 2_000_000,
		dangling: (patch.repoTags ?? []).length === 0,
		labels: {},
		...patch,
	};
}

export function createFakeEngine(
	initial: {containers?: ContainerSummary[]; images?: ImageSummary[]} = {},
): FakeEngine {
	const streams = new Set<{
		push: (event: DockerEvent) => void;
		fail: (error: EngineError) => void;
	}>();
	let down = false;
	const logListeners = new Map<
		string,
		Set<(lines: readonly LogEntry[]) => void>
	>();
	const calls: FakeEngine['calls'] = [];
	const record = (method: string, ...args: unknown[]) => {
		calls.push({method, args});
		if (down) {
			throw new EngineError('unreachable', 'connect ECONNREFUSED /fake.sock');
		}
	};

	const inspector = fakeInspectorMethods(record);
	const fake: FakeEngine = {
		host: 'unix:///fake.sock',
		containers: initial.containers ?? [],
		images: initial.images ?? [],
		calls,
		overrides: {},
		volumes: [],
		networks: [],
		disk: emptyDisk,
		...fakeCleanup(record, () => fake),
		transfers: {},
		logs: {},
		pushLogs(id, lines) {
			for (const listener of logListeners.get(id) ?? []) {
				listener(lines);
			}
		},
		async followLogs(id, {signal, tail, onLines}) {
			record('followLogs', id, {tail});
			const given = fake.logs[id];
			if (given instanceof EngineError) {
				throw given;
			}

			if (given && given.length > 0) {
				onLines(given.slice(-tail));
			}

			const listeners = logListeners.get(id) ?? new Set();
			logListeners.set(id, listeners);
			listeners.add(onLines);
			await new Promise<void>(resolve => {
				signal.addEventListener('abort', () => {
					resolve();
				});
			});
			listeners.delete(onLines);
		},
		...fakeTransferMethods(record, () => fake.transfers),
		inspector: inspector.state,
		...inspector.methods,
		async ping() {
			record('ping');
		},
		async info() {
			record('info');
			return fakeInfo;
		},
		async listContainers(options) {
			record('listContainers', options);
			const ids = options?.ids;
			return fake.containers.filter(row => !ids || ids.includes(row.id));
		},
		async inspectContainer(id) {
			record('inspectContainer', id);
			const row = fake.containers.find(candidate => candidate.id === id);
			await fake.inspectGate;
			if (!row) {
				throw new EngineError('not-found', `No such container: ${id}`, 404);
			}

			const details: ContainerDetails = {
				...row,
				tty: false,
				openStdin: false,
				entrypoint: [],
				cmd: [row.command],
				env: ['PATH=/bin'],
				workingDir: '/',
				restartPolicy: 'no',
				mounts: [],
				networks: [{name: 'bridge', ipAddress: '172.17.0.2'}],
			};
			return details;
		},
		async listImages() {
			record('listImages');
			return fake.images;
		},
		async inspectImage(id) {
			record('inspectImage', id);
			const row = fake.images.find(candidate => candidate.id === id);
			if (!row) {
				throw new EngineError('not-found', `No such image: ${id}`, 404);
			}

			const details: ImageDetails = {
				...row,
				architecture: 'amd64',
				os: 'linux',
				author: '',
				comment: '',
				cmd: ['/bin/sh'],
				entrypoint: [],
				env: [],
				exposedPorts: [],
				layers: [
					{
						id: row.id,
						created: row.created,
						createdBy: 'COPY app /app',
						size: 1_500_000,
						comment: '',
						tags: row.repoTags,
					},
					{
						id: '<missing>',
						created: row.created - 1000,
						createdBy: 'ADD rootfs /',
						size: 500_000,
						comment: '',
						tags: [],
					},
				],
			};
			return details;
		},
		events({signal}) {
			record('events');
			const queue: DockerEvent[] = [];
			let failure: EngineError | undefined;
			let wake: (() => void) | undefined;
			const stream = {
				push(event: DockerEvent) {
					queue.push(event);
					wake?.();
				},
				fail(error: EngineError) {
					failure = error;
					wake?.();
				},
			};
			streams.add(stream);
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

							// eslint-disable-next-line no-await-in-loop
							await new Promise<void>(resolve => {
								wake = resolve;
							});
						}
					} finally {
						streams.delete(stream);
					}
				},
			};
		},
		emit(event) {
			const full: DockerEvent = {attributes: {}, time: Date.now(), ...event};
			for (const stream of streams) {
				stream.push(full);
			}
		},
		setDown(value) {
			down = value;
			if (value) {
				for (const stream of streams) {
					stream.fail(new EngineError('unreachable', 'the event stream ended'));
				}
			}
		},
		async startContainer(id) {
			record('startContainer', id);
			const override = fake.overrides.startContainer;
			if (override) {
				return override(id);
			}
		},
		async stopContainer(id, options) {
			record('stopContainer', id, options);
			const override = fake.overrides.stopContainer;
			if (override) {
				return override(id, options);
			}
		},
		async restartContainer(id) {
			record('restartContainer', id);
			const override = fake.overrides.restartContainer;
			if (override) {
				return override(id);
			}
		},
		async killContainer(id, signal) {
			record('killContainer', id, signal);
			const override = fake.overrides.killContainer;
			if (override) {
				return override(id, signal);
			}
		},
		async pauseContainer(id) {
			record('pauseContainer', id);
			const override = fake.overrides.pauseContainer;
			if (override) {
				return override(id);
			}
		},
		async unpauseContainer(id) {
			record('unpauseContainer', id);
			const override = fake.overrides.unpauseContainer;
			if (override) {
				return override(id);
			}
		},
		async removeContainer(id, options) {
			record('removeContainer', id, options);
			const override = fake.overrides.removeContainer;
			if (override) {
				return override(id, options);
			}
		},
		async runContainer(spec) {
			record('runContainer', spec);
			const override = fake.overrides.runContainer;
			if (override) {
				return override(spec);
			}

			return 'f'.repeat(64);
		},
		async createContainer(spec) {
			record('createContainer', spec);
			const override = fake.overrides.createContainer;
			if (override) {
				return override(spec);
			}

			return 'c'.repeat(64);
		},
		async diffContainer(id) {
			record('diffContainer', id);
			const override = fake.overrides.diffContainer;
			if (override) {
				return override(id);
			}

			return [];
		},
		async commitContainer(id, spec) {
			record('commitContainer', id, spec);
			const override = fake.overrides.commitContainer;
			if (override) {
				return override(id, spec);
			}

			return 'sha256:' + 'c'.repeat(64);
		},
		async tagImage(id, repo, tag) {
			record('tagImage', id, repo, tag);
			const override = fake.overrides.tagImage;
			if (override) {
				return override(id, repo, tag);
			}
		},
		async removeImage(reference, options) {
			record('removeImage', reference, options);
			const override = fake.overrides.removeImage;
			if (override) {
				return override(reference, options);
			}
		},
		async exec(id, options): Promise<TerminalSession> {
			record('exec', id, options);
			if (!fake.terminal) {
				throw new EngineError('not-found', 'the fake engine has no shells');
			}

			return fake.terminal(id, options);
		},
		async attach(id, options): Promise<TerminalSession> {
			record('attach', id, options);
			if (!fake.terminal) {
				throw new EngineError('not-found', 'the fake engine cannot attach');
			}

			return fake.terminal(id, options);
		},
	};
	return fake;
}
