/**
The engine boundary for volumes, networks, disk usage, `docker info` / `docker version` and the build cache:
normalised domain types (every string from the engine already sanitised), as `types.ts` has them for
containers and images.
*/

/**
A container an object is used by or attached to, with the name to call it by.
*/
export type ContainerRef = {readonly id: string; readonly name: string};

/**
One row of the Volumes pane.
*/
export type VolumeSummary = {
	readonly name: string;
	readonly driver: string;
	readonly mountpoint: string;
	/**
	Milliseconds since the epoch; 0 when the engine did not say.
	*/
	readonly created: number;
	readonly scope: string;
	readonly labels: Readonly<Record<string, string>>;
	/**
	Driver options (`-o type=nfs`): the engine's prune skips volumes that have any.
	*/
	readonly options: Readonly<Record<string, string>>;
	/**
	Made by `-v /path` or an image's `VOLUME`: the `com.docker.volume.anonymous` label (engines 23+), or a name of
	64 hex digits (older engines, which have no such label).
	*/
	readonly anonymous: boolean;
	/**
	The containers (any state) that mount it.
	*/
	readonly usedBy: readonly ContainerRef[];
	/**
	With several engines at once: the engine it is on (its name as given, the ENGINE column).
	*/
	readonly engine?: string;
	/**
	With several engines at once: that engine is not answering; this is the row as last seen.
	*/
	readonly stale?: boolean;
};

export type VolumeDetails = VolumeSummary & {
	readonly status: Readonly<Record<string, string>>;
};

export type VolumeSpec = {
	/**
	Empty for a volume the engine names (anonymous).
	*/
	readonly name: string;
	readonly driver: string;
	readonly labels: Readonly<Record<string, string>>;
};

/**
A container attached to a network (an endpoint: only running containers have one).
*/
export type NetworkEndpoint = ContainerRef & {
	readonly ipv4: string;
	readonly ipv6: string;
	readonly mac: string;
};

/**
One row of the Networks pane (list plus inspect: the list alone does not name the containers).
*/
export type NetworkSummary = {
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	readonly scope: string;
	readonly internal: boolean;
	readonly attachable: boolean;
	readonly ingress: boolean;
	/**
	Milliseconds since the epoch; 0 when unknown.
	*/
	readonly created: number;
	readonly labels: Readonly<Record<string, string>>;
	readonly ipam: ReadonlyArray<{
		readonly subnet: string;
		readonly gateway: string;
	}>;
	readonly containers: readonly NetworkEndpoint[];
	/**
	With several engines at once: the engine it is on (its name as given, the ENGINE column).
	*/
	readonly engine?: string;
	/**
	With several engines at once: that engine is not answering; this is the row as last seen.
	*/
	readonly stale?: boolean;
};

export type NetworkSpec = {
	readonly name: string;
	readonly driver: string;
	readonly subnet?: string;
	readonly gateway?: string;
	readonly internal: boolean;
	readonly labels: Readonly<Record<string, string>>;
};

/**
An image as `/system/df` sees it.
*/
export type DiskImage = {
	readonly id: string;
	readonly parentId: string;
	readonly repoTags: readonly string[];
	readonly repoDigests: readonly string[];
	readonly created: number;
	readonly size: number;
	/**
	Bytes shared with other images; -1 when the engine did not compute it.
	*/
	readonly sharedSize: number;
	readonly labels: Readonly<Record<string, string>>;
	/**
	Containers using it; -1 when not computed.
	*/
	readonly containers: number;
	/**
	With several engines at once: the engine it is on (its name as given, the ENGINE column).
	*/
	readonly engine?: string;
};

export type DiskContainer = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly imageId: string;
	/**
	`running`, `paused`, `exited`… as the engine says it.
	*/
	readonly state: string;
	readonly status: string;
	readonly created: number;
	readonly labels: Readonly<Record<string, string>>;
	/**
	Bytes of the writable layer.
	*/
	readonly sizeRw: number;
	readonly volumes: readonly string[];
	/**
	With several engines at once: the engine it is on (its name as given, the ENGINE column).
	*/
	readonly engine?: string;
};

export type DiskVolume = VolumeSummary & {
	/**
	Bytes; -1 when the engine did not compute it.
	*/
	readonly size: number;
	/**
	Containers referencing it; -1 when not computed.
	*/
	readonly refCount: number;
};

export type BuildCacheEntry = {
	readonly id: string;
	readonly parent: string;
	readonly type: string;
	readonly description: string;
	readonly inUse: boolean;
	readonly shared: boolean;
	readonly size: number;
	readonly created: number;
	readonly lastUsed: number;
	readonly usageCount: number;
	/**
	With several engines at once: the engine it is on (its name as given, the ENGINE column).
	*/
	readonly engine?: string;
};

/**
`docker system df -v`, normalised.
*/
export type DiskUsage = {
	readonly layersSize: number;
	readonly images: readonly DiskImage[];
	readonly containers: readonly DiskContainer[];
	readonly volumes: readonly DiskVolume[];
	readonly buildCache: readonly BuildCacheEntry[];
	/**
	With several engines at once: each one, in order, with its own layers size (or why it gave no figures);
	every item above then says its `engine`.
	*/
	readonly engines?: ReadonlyArray<{
		readonly name: string;
		readonly layersSize: number;
		readonly error?: string;
	}>;
};

/**
`docker info`, the parts worth showing.
*/
export type SystemInfo = {
	readonly name: string;
	readonly serverVersion: string;
	readonly storageDriver: string;
	readonly rootDir: string;
	readonly cgroupDriver: string;
	readonly cgroupVersion: string;
	readonly cpus: number;
	readonly memory: number;
	readonly os: string;
	readonly osType: string;
	readonly architecture: string;
	readonly kernel: string;
	readonly containers: number;
	readonly running: number;
	readonly paused: number;
	readonly stopped: number;
	readonly images: number;
	readonly swarm: string;
	readonly warnings: readonly string[];
};

/**
`docker version`, the server part.
*/
export type VersionInfo = {
	readonly version: string;
	readonly apiVersion: string;
	readonly minApiVersion: string;
	readonly goVersion: string;
	readonly os: string;
	readonly arch: string;
	readonly gitCommit: string;
	readonly kernel: string;
	readonly experimental: boolean;
	readonly containerd: string;
	readonly runc: string;
};

/**
One engine's `docker info` and `docker version`, for the Engine pane with several engines at once.
*/
export type EngineFigures = {
	/**
	Its name as given (the ENGINE column).
	*/
	readonly name: string;
	readonly host: string;
	readonly info?: SystemInfo;
	readonly version?: VersionInfo;
	/**
	Why it gave no figures (it does not answer).
	*/
	readonly error?: string;
};

/**
The Engine methods of this feature (volumes, networks, disk usage, info, version, build cache). Mutating ones
are refused by `read-only.ts`.
*/
export type CleanupEngine = {
	listVolumes(): Promise<VolumeSummary[]>;
	inspectVolume(name: string): Promise<VolumeDetails>;
	createVolume(spec: VolumeSpec): Promise<VolumeSummary>;
	removeVolume(name: string, options: {readonly force: boolean}): Promise<void>;
	listNetworks(): Promise<NetworkSummary[]>;
	inspectNetwork(id: string): Promise<NetworkSummary>;
	/**
	Resolves with the new network's id.
	*/
	createNetwork(spec: NetworkSpec): Promise<string>;
	removeNetwork(id: string): Promise<void>;
	connectNetwork(
		network: string,
		container: string,
		options: {readonly aliases: readonly string[]},
	): Promise<void>;
	disconnectNetwork(
		network: string,
		container: string,
		options: {readonly force: boolean},
	): Promise<void>;
	diskUsage(): Promise<DiskUsage>;
	systemInfo(): Promise<SystemInfo>;
	systemVersion(): Promise<VersionInfo>;
	/**
	Only with several engines at once: each one's info and version, in order (`systemInfo` and `systemVersion`
	are the first engine's).
	*/
	eachEngine?(): Promise<readonly EngineFigures[]>;
	listBuildCache(): Promise<BuildCacheEntry[]>;
	/**
	Removes exactly these build cache records (by id); resolves with what the engine removed and reclaimed.
	*/
	pruneBuildCache(ids: readonly string[]): Promise<{
		readonly deleted: readonly string[];
		readonly reclaimed: number;
	}>;
};
