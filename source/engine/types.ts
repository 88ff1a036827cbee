/**
The engine boundary: the only types that cross from `source/engine/` into the rest of dockpit.

Everything here is a normalised domain type. Raw Docker API objects never leave `source/engine/`, and every
string that came from the engine and may be shown (names, labels, image names, event attributes) has been
made harmless by `sanitize()` before it gets here. Ids are kept as the engine gave them (hex).
*/

import type {CleanupEngine} from './cleanup-types.js';
import type {InspectorEngine} from './inspector-types.js';
import type {LogsEngine} from './log-types.js';

export type * from './cleanup-types.js';
export type * from './inspector-types.js';
export type * from './log-types.js';

export const containerStates = [
	'created',
	'running',
	'paused',
	'restarting',
	'removing',
	'exited',
	'dead',
	'unknown',
] as const;

import type {
	BuildResult,
	BuildSpec,
	ContainerFileEntry,
	ContainerPathStat,
	CopyResult,
	ImportSpec,
	PullOptions,
	PushOptions,
	RegistryAuth,
	SearchResult,
	TransferOptions,
} from './transfer-types.js';

export type * from './transfer-types.js';

/**
A container's state as the engine reports it; `unknown` stands for anything newer than this list.
*/
export type ContainerState = (typeof containerStates)[number];

/**
A published or exposed port of a container.
*/
export type PortMapping = {
	readonly privatePort: number;
	/**
	The host port, when the port is published.
	*/
	readonly publicPort?: number;
	/**
	The host address the port is bound to (`0.0.0.0`, `::`, `127.0.0.1`…), when published.
	*/
	readonly ip?: string;
	readonly protocol: 'tcp' | 'udp' | 'sctp';
};

/**
One row of the Containers pane.
*/
export type ContainerSummary = {
	/**
	Full container id.
	*/
	readonly id: string;
	/**
	Name without the leading slash.
	*/
	readonly name: string;
	/**
	The image reference the container was created from, as given (`busybox:local`, or an id).
	*/
	readonly image: string;
	/**
	Full id of the image (`sha256:…`).
	*/
	readonly imageId: string;
	readonly command: string;
	readonly state: ContainerState;
	/**
	The engine's human status line (`Up 3 minutes (Paused)`, `Exited (0) 2 hours ago`).
	*/
	readonly status: string;
	/**
	Exit code of the last run, when the container has exited and the engine said it.
	*/
	readonly exitCode?: number;
	/**
	Creation time, milliseconds since the epoch.
	*/
	readonly created: number;
	readonly ports: readonly PortMapping[];
	readonly labels: Readonly<Record<string, string>>;
	/**
	`com.docker.compose.project` label, when present.
	*/
	readonly composeProject?: string;
	/**
	With several engines at once: the engine the container runs on (its name as given, the ENGINE column).
	*/
	readonly engine?: string;
	/**
	With several engines at once: that engine is not answering; this is the row as last seen.
	*/
	readonly stale?: boolean;
};

/**
Everything the details view shows of one container (`docker inspect`, normalised).
*/
export type ContainerDetails = ContainerSummary & {
	readonly startedAt?: number;
	readonly finishedAt?: number;
	readonly pid?: number;
	readonly tty: boolean;
	readonly openStdin: boolean;
	readonly entrypoint: readonly string[];
	readonly cmd: readonly string[];
	readonly env: readonly string[];
	readonly workingDir: string;
	readonly restartPolicy: string;
	readonly mounts: ReadonlyArray<{
		readonly type: string;
		readonly source: string;
		readonly destination: string;
		readonly readOnly: boolean;
	}>;
	readonly networks: ReadonlyArray<{
		readonly name: string;
		readonly ipAddress: string;
	}>;
	readonly error?: string;
};

/**
One row of the Images pane.
*/
export type ImageSummary = {
	/**
	Full image id (`sha256:…`).
	*/
	readonly id: string;
	/**
	`repository:tag` references; empty for a dangling image.
	*/
	readonly repoTags: readonly string[];
	readonly repoDigests: readonly string[];
	/**
	Creation time, milliseconds since the epoch.
	*/
	readonly created: number;
	/**
	Size in bytes.
	*/
	readonly size: number;
	/**
	No tag points at it (`<none>:<none>`).
	*/
	readonly dangling: boolean;
	readonly labels: Readonly<Record<string, string>>;
	/**
	With several engines at once: the engine the image is on.
	*/
	readonly engine?: string;
	/**
	With several engines at once: that engine is not answering; this is the row as last seen.
	*/
	readonly stale?: boolean;
};

/**
One layer of an image's history (`docker history`).
*/
export type ImageLayer = {
	readonly id: string;
	readonly created: number;
	readonly createdBy: string;
	readonly size: number;
	readonly comment: string;
	readonly tags: readonly string[];
};

export type ImageDetails = ImageSummary & {
	readonly architecture: string;
	readonly os: string;
	readonly author: string;
	readonly comment: string;
	readonly cmd: readonly string[];
	readonly entrypoint: readonly string[];
	readonly env: readonly string[];
	readonly exposedPorts: readonly string[];
	readonly layers: readonly ImageLayer[];
};

/**
One message of the engine's `/events` stream.
*/
export type DockerEvent = {
	/**
	`container`, `image`, `network`, `volume`, `daemon`, `plugin`, `service`, `node`, `secret`, `config`…
	*/
	readonly type: string;
	/**
	`create`, `start`, `die`, `destroy`, `tag`, `untag`, `exec_start: sh`…
	*/
	readonly action: string;
	/**
	Id of the object the event is about (for images, may be a reference).
	*/
	readonly id: string;
	/**
	The object's name when the engine gave one (`name` attribute).
	*/
	readonly name?: string;
	readonly attributes: Readonly<Record<string, string>>;
	/**
	Milliseconds since the epoch.
	*/
	readonly time: number;
};

/**
Who we are talking to, shown in the header.
*/
export type EngineInfo = {
	/**
	Where the engine was reached (`unix:///var/run/docker.sock`, `tcp://host:2376`, `ssh://me@box`).
	*/
	readonly host: string;
	readonly version: string;
	readonly apiVersion: string;
	readonly os: string;
	readonly name: string;
	readonly containers: number;
	readonly images: number;
	readonly swarm: string;
};

/**
What kind of failure an engine call had. Every method of `Engine` throws `EngineError` and nothing else.
*/
export type EngineErrorKind =
	| 'not-found'
	| 'conflict'
	| 'not-modified'
	| 'bad-request'
	| 'unauthorized'
	| 'unreachable'
	| 'aborted'
	| 'server'
	| 'unknown';

export class EngineError extends Error {
	override readonly name = 'EngineError';
	readonly kind: EngineErrorKind;
	readonly statusCode?: number;

	constructor(kind: EngineErrorKind, message: string, statusCode?: number) {
		super(message);
		this.kind = kind;
		if (statusCode !== undefined) {
			this.statusCode = statusCode;
		}
	}
}

export type KillSignal =
	'SIGKILL' | 'SIGTERM' | 'SIGINT' | 'SIGHUP' | 'SIGUSR1';

/**
What `docker run` would be given; validated by the form before it gets here.
*/
export type RunSpec = {
	readonly image: string;
	readonly name?: string;
	/**
	Already split (argv); empty means the image's default command.
	*/
	readonly cmd: readonly string[];
	readonly env: readonly string[];
	/**
	Published as `-p` publishes: a mapping without `publicPort` gets a free host port picked by the engine.
	*/
	readonly ports: readonly PortMapping[];
	/**
	Binds and named volumes in `-v` syntax: `/host:/ctr[:ro]`, `name:/ctr`.
	*/
	readonly volumes: readonly string[];
	readonly restartPolicy: 'no' | 'always' | 'unless-stopped' | 'on-failure';
	readonly autoRemove: boolean;
	readonly tty: boolean;
	readonly openStdin: boolean;
	readonly labels: Readonly<Record<string, string>>;
};

export type CommitSpec = {
	readonly repo: string;
	readonly tag: string;
	readonly message: string;
	readonly author: string;
	readonly pause: boolean;
};

/**
One entry of `docker diff`: `A` added, `C` changed, `D` deleted.
*/
export type FileChange = {
	readonly kind: 'A' | 'C' | 'D';
	readonly path: string;
};

/**
A live, bidirectional TTY stream into a container (`exec` or `attach`).
*/
export type TerminalSession = {
	/**
	Bytes the container wrote (a TTY stream is not multiplexed).
	*/
	onData(listener: (data: Uint8Array) => void): () => void;
	/**
	Called once when the stream ends, with why and the exit code when known.
	*/
	onEnd(
		listener: (end: {
			readonly reason: string;
			readonly exitCode?: number;
		}) => void,
	): () => void;
	write(data: string | Uint8Array): void;
	resize(size: {
		readonly columns: number;
		readonly rows: number;
	}): Promise<void>;
	/**
	Close our side; the process in the container gets a hangup.
	*/
	close(): void;
};

export type ExecOptions = {
	/**
	Shells to try, in order (`/bin/bash` then `/bin/sh`).
	*/
	readonly shells: readonly string[];
	readonly columns: number;
	readonly rows: number;
};

export type AttachOptions = {
	readonly columns: number;
	readonly rows: number;
	/**
	Docker's detach key sequence (`ctrl-p,ctrl-q`), sent to the engine so that detaching leaves the container running.
	*/
	readonly detachKeys: string;
	/**
	Start the (created) container once attached, as `docker run -it` does: nothing it writes first is missed. If
	it cannot be attached or started, it is removed again.
	*/
	readonly start?: boolean;
};

/**
dockpit's view of a Docker engine. Implemented by `createDockerEngine()` over dockerode, and by a small test
double in `test/helpers/fake-engine.ts` for component tests.

Every method throws only `EngineError`. A `not-modified` outcome (start of a running container, stop of a stopped
one) is success and does not throw.
*/
export type Engine = CleanupEngine &
	InspectorEngine &
	LogsEngine & {
		/**
	Where this engine is reached, for the header and error messages.
	*/
		readonly host: string;
		/**
	Ends what the engine keeps open: idle keep-alive connections, an ssh master connection, and for several
	engines at once each one's. Run when dockpit switches to another engine (and on exit). Requests made after it
	fail; streams still open are cut. Test doubles need not have it.
	*/
		close?(): void;
		ping(signal?: AbortSignal): Promise<void>;
		info(): Promise<EngineInfo>;

		listContainers(options?: {
			readonly ids?: readonly string[];
		}): Promise<ContainerSummary[]>;
		inspectContainer(id: string): Promise<ContainerDetails>;
		listImages(): Promise<ImageSummary[]>;
		inspectImage(id: string): Promise<ImageDetails>;
		/**
	Follows `/events` until the signal aborts or the stream breaks; then the iterator throws `EngineError`
	(`aborted` when the signal aborted it, `unreachable` when the engine went away).
	*/
		events(options: {
			readonly signal: AbortSignal;
			readonly since?: number;
		}): AsyncIterable<DockerEvent>;

		startContainer(id: string): Promise<void>;
		/**
	Graceful stop; `timeout` in seconds, the engine's default when absent.
	*/
		stopContainer(
			id: string,
			options?: {readonly timeout?: number},
		): Promise<void>;
		restartContainer(id: string): Promise<void>;
		killContainer(id: string, signal: KillSignal): Promise<void>;
		pauseContainer(id: string): Promise<void>;
		unpauseContainer(id: string): Promise<void>;
		removeContainer(
			id: string,
			options: {readonly force: boolean; readonly volumes: boolean},
		): Promise<void>;
		/**
	Creates and starts a container; resolves with its id.
	*/
		runContainer(spec: RunSpec): Promise<string>;
		/**
	Creates a container without starting it (`docker create`); resolves with its id. For `-it` runs, which attach
	first and start after (`AttachOptions.start`).
	*/
		createContainer(spec: RunSpec): Promise<string>;
		diffContainer(id: string): Promise<FileChange[]>;
		/**
	Resolves with the new image's id.
	*/
		commitContainer(id: string, spec: CommitSpec): Promise<string>;
		tagImage(id: string, repo: string, tag: string): Promise<void>;
		/**
	Removes an image or one of its references (`repo:tag` untags only that reference).
	*/
		removeImage(
			reference: string,
			options: {readonly force: boolean},
		): Promise<void>;

		exec(id: string, options: ExecOptions): Promise<TerminalSession>;
		attach(id: string, options: AttachOptions): Promise<TerminalSession>;

		// Transfers: images and files in and out (engine/transfer.ts). Each long one streams, reports progress
		// through `onEvent` and is cancelled by its `signal` (the request is aborted).
		/** `docker pull`. */
		pullImage(reference: string, options?: PullOptions): Promise<void>;
		/** `docker push`; resolves with the digest the registry gave. */
		pushImage(
			reference: string,
			options?: PushOptions,
		): Promise<{readonly digest?: string}>;
		/** The engine's `/auth`: are these credentials good for that registry? Throws `unauthorized` when not. */
		checkAuth(
			auth: RegistryAuth,
			signal?: AbortSignal,
		): Promise<{readonly status: string}>;
		/** `docker search` (Docker Hub). */
		searchImages(
			term: string,
			options?: {readonly limit?: number; readonly signal?: AbortSignal},
		): Promise<SearchResult[]>;
		/** `docker build` (classic builder): the context tar streamed from disk, honouring `.dockerignore`. */
		buildImage(
			spec: BuildSpec,
			options?: TransferOptions,
		): Promise<BuildResult>;
		/** `docker save -o DESTINATION REFERENCES…`. */
		saveImages(
			references: readonly string[],
			destination: string,
			options?: TransferOptions,
		): Promise<{readonly bytes: number}>;
		/** `docker load -i SOURCE`; resolves with the names (or ids) of the loaded images. */
		loadImages(
			source: string,
			options?: TransferOptions,
		): Promise<{readonly loaded: readonly string[]}>;
		/** `docker import SOURCE [REFERENCE]` with `--message` and `--change`. */
		importImage(
			source: string,
			spec: ImportSpec,
			options?: TransferOptions,
		): Promise<{readonly imageId: string}>;
		/** `docker export -o DESTINATION CONTAINER`. */
		exportContainer(
			id: string,
			destination: string,
			options?: TransferOptions,
		): Promise<{readonly bytes: number}>;
		/** What is at a path in a container (HEAD of its archive); undefined when nothing is. */
		statContainerPath(
			id: string,
			path: string,
			signal?: AbortSignal,
		): Promise<ContainerPathStat | undefined>;
		/** The entries of a folder in a container, folders first, from its archive. */
		listContainerFolder(
			id: string,
			folder: string,
			signal?: AbortSignal,
		): Promise<ContainerFileEntry[]>;
		/** `docker cp CONTAINER:SOURCE DESTINATION`. */
		copyFromContainer(
			id: string,
			source: string,
			destination: string,
			options?: TransferOptions,
		): Promise<CopyResult>;
		/** `docker cp SOURCE CONTAINER:DESTINATION`. */
		copyToContainer(
			id: string,
			source: string,
			destination: string,
			options?: TransferOptions,
		): Promise<CopyResult>;
	};
