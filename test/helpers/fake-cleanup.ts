import type {
	DiskUsage,
	NetworkSummary,
	SystemInfo,
	VersionInfo,
	VolumeSummary,
} from '../../source/engine/cleanup-types.js';
import {type CleanupEngine, EngineError} from '../../source/engine/types.js';

/**
What the fake engine knows of volumes, networks and disk usage; tests set these arrays.
*/
export type FakeCleanupState = {
	volumes: VolumeSummary[];
	networks: NetworkSummary[];
	disk: DiskUsage;
};

export const fakeSystemInfo: SystemInfo = {
	name: 'fake',
	serverVersion: '99.0.0',
	storageDriver: 'overlay2',
	rootDir: '/var/lib/docker',
	cgroupDriver: 'cgroupfs',
	cgroupVersion: '2',
	cpus: 2,
	memory: 4_000_000_000,
	os: 'Fake Linux',
	osType: 'linux',
	architecture: 'x86_64',
	kernel: '6.1.0-fake',
	containers: 0,
	running: 0,
	paused: 0,
	stopped: 0,
	images: 0,
	swarm: 'inactive',
	warnings: [],
};

export const fakeVersion: VersionInfo = {
	version: '99.0.0',
	apiVersion: '1.41',
	minApiVersion: '1.12',
	goVersion: 'go1.99',
	os: 'linux',
	arch: 'amd64',
	gitCommit: 'abcdef0',
	kernel: '6.1.0-fake',
	experimental: false,
	containerd: '1.6.20',
	runc: '1.1.5',
};

export function volume(
	patch: Partial<VolumeSummary> & {name: string},
): VolumeSummary {
	return {
		driver: 'local',
		mountpoint: `/var/lib/docker/volumes/${patch.name}/_data`,
		created: Date.now() - 3_600_000,
		scope: 'local',
		labels: {},
		options: {},
		anonymous: /^[\da-f]{64}$/.test(patch.name),
		usedBy: [],
		...patch,
	};
}

export function network(
	patch: Partial<NetworkSummary> & {id: string; name: string},
): NetworkSummary {
	return {
		driver: 'bridge',
		scope: 'local',
		internal: false,
		attachable: false,
		ingress: false,
		created: Date.now() - 3_600_000,
		labels: {},
		ipam: [],
		containers: [],
		...patch,
	};
}

export const emptyDisk: DiskUsage = {
	layersSize: 0,
	images: [],
	containers: [],
	volumes: [],
	buildCache: [],
};

/**
The cleanup methods of the fake engine, recording every call; `state()` is the fake itself. Creating and
removing also emit the event the engine would send.
*/
export function fakeCleanup(
	record: (method: string, ...args: unknown[]) => void,
	state: () => FakeCleanupState & {
		emit(event: {
			type: string;
			action: string;
			id: string;
			name?: string;
			attributes?: Record<string, string>;
		}): void;
	},
): CleanupEngine {
	return {
		async listVolumes() {
			record('listVolumes');
			return state().volumes;
		},
		async inspectVolume(name) {
			record('inspectVolume', name);
			const found = state().volumes.find(each => each.name === name);
			if (!found) {
				throw new EngineError('not-found', `get ${name}: no such volume`, 404);
			}

			return {...found, status: {}};
		},
		async createVolume(spec) {
			record('createVolume', spec);
			const made = volume({
				name: spec.name || 'a'.repeat(64),
				driver: spec.driver,
				labels: spec.labels,
			});
			state().volumes.push(made);
			state().emit({type: 'volume', action: 'create', id: made.name});
			return made;
		},
		async removeVolume(name, options) {
			record('removeVolume', name, options);
			const fake = state();
			const found = fake.volumes.find(each => each.name === name);
			if (found && found.usedBy.length > 0 && !options.force) {
				throw new EngineError(
					'conflict',
					`remove ${name}: volume is in use - [${found.usedBy.map(each => each.id).join(', ')}]`,
					409,
				);
			}

			fake.volumes = fake.volumes.filter(each => each.name !== name);
			fake.emit({type: 'volume', action: 'destroy', id: name});
		},
		async listNetworks() {
			record('listNetworks');
			return state().networks;
		},
		async inspectNetwork(id) {
			record('inspectNetwork', id);
			const found = state().networks.find(
				each => each.id === id || each.name === id,
			);
			if (!found) {
				throw new EngineError('not-found', `network ${id} not found`, 404);
			}

			return found;
		},
		async createNetwork(spec) {
			record('createNetwork', spec);
			const id = 'n'.repeat(64);
			state().networks.push(
				network({
					id,
					name: spec.name,
					driver: spec.driver,
					internal: spec.internal,
					ipam: spec.subnet
						? [{subnet: spec.subnet, gateway: spec.gateway ?? ''}]
						: [],
				}),
			);
			state().emit({type: 'network', action: 'create', id, name: spec.name});
			return id;
		},
		async removeNetwork(id) {
			record('removeNetwork', id);
			const fake = state();
			fake.networks = fake.networks.filter(each => each.id !== id);
			fake.emit({type: 'network', action: 'destroy', id});
		},
		async connectNetwork(networkId, container, options) {
			record('connectNetwork', networkId, container, options);
			state().emit({
				type: 'network',
				action: 'connect',
				id: networkId,
				attributes: {container},
			});
		},
		async disconnectNetwork(networkId, container, options) {
			record('disconnectNetwork', networkId, container, options);
			state().emit({
				type: 'network',
				action: 'disconnect',
				id: networkId,
				attributes: {container},
			});
		},
		async diskUsage() {
			record('diskUsage');
			return state().disk;
		},
		async systemInfo() {
			record('systemInfo');
			return fakeSystemInfo;
		},
		async systemVersion() {
			record('systemVersion');
			return fakeVersion;
		},
		async listBuildCache() {
			record('listBuildCache');
			return [...state().disk.buildCache];
		},
		async pruneBuildCache(ids) {
			record('pruneBuildCache', ids);
			const fake = state();
			const deleted = fake.disk.buildCache.filter(each =>
				ids.includes(each.id),
			);
			fake.disk = {
				...fake.disk,
				buildCache: fake.disk.buildCache.filter(each => !ids.includes(each.id)),
			};
			return {
				deleted: deleted.map(each => each.id),
				reclaimed: deleted.reduce((sum, each) => sum + each.size, 0),
			};
		},
	};
}
