import {type Engine, EngineError} from './types.js';

/**
Every method of `Engine`, by whether it only reads (GET/HEAD requests) or may change something. A new method
must be put in one of the two, or this does not compile.
*/
const access: Readonly<
	Record<Exclude<keyof Engine, 'host'>, 'read' | 'write'>
> = {
	// Ends connections, changes nothing on the engine.
	close: 'read',
	ping: 'read',
	info: 'read',
	listContainers: 'read',
	inspectContainer: 'read',
	listImages: 'read',
	inspectImage: 'read',
	events: 'read',
	diffContainer: 'read',
	// The inspector pane (source/engine/docker-inspector.ts).
	containerLogs: 'read',
	containerStats: 'read',
	topContainer: 'read',
	// A POST, but it only waits for the container to stop: it changes nothing (`:wait` works in --read-only).
	waitContainer: 'read',
	inspectRaw: 'read',
	startContainer: 'write',
	stopContainer: 'write',
	restartContainer: 'write',
	killContainer: 'write',
	pauseContainer: 'write',
	unpauseContainer: 'write',
	removeContainer: 'write',
	runContainer: 'write',
	createContainer: 'write',
	commitContainer: 'write',
	tagImage: 'write',
	removeImage: 'write',
	// An exec or attach session is a POST, and a shell can change anything.
	exec: 'write',
	attach: 'write',
	// Volumes, networks, disk usage, info, build cache (source/engine/docker-cleanup.ts).
	listVolumes: 'read',
	inspectVolume: 'read',
	listNetworks: 'read',
	inspectNetwork: 'read',
	diskUsage: 'read',
	systemInfo: 'read',
	systemVersion: 'read',
	eachEngine: 'read',
	listBuildCache: 'read',
	createVolume: 'write',
	removeVolume: 'write',
	createNetwork: 'write',
	removeNetwork: 'write',
	connectNetwork: 'write',
	disconnectNetwork: 'write',
	pruneBuildCache: 'write',
	// Transfers: only search and looking at a container's files read; the rest change images or files.
	searchImages: 'read',
	// Logs of a container (source/engine/container-logs.ts).
	followLogs: 'read',
	statContainerPath: 'read',
	listContainerFolder: 'read',
	pullImage: 'write',
	pushImage: 'write',
	checkAuth: 'write',
	buildImage: 'write',
	saveImages: 'write',
	loadImages: 'write',
	importImage: 'write',
	exportContainer: 'write',
	copyFromContainer: 'write',
	copyToContainer: 'write',
};

/**
The engine behind `--read-only`: reads pass through, and every call that could change something fails with an
`unauthorized` `EngineError` before any request is made. The keymap already hides those keys; this makes sure
nothing else gets through either.
*/
export default function readOnlyEngine(
	engine: Engine,
	why = 'dockpit runs with --read-only',
): Engine {
	const refuse = async () => {
		throw new EngineError(
			'unauthorized',
			`${why}: nothing on the engine may be changed`,
		);
	};

	const guarded: Record<string, unknown> = {host: engine.host};
	for (const [method, kind] of Object.entries(access)) {
		const original = engine[method as keyof typeof access] as
			((...arguments_: unknown[]) => unknown) | undefined;
		// Methods only some engines have (`eachEngine`: several at once) stay absent when absent.
		if (original !== undefined) {
			guarded[method] = kind === 'read' ? original.bind(engine) : refuse;
		}
	}

	return guarded as Engine;
}
