/**
Pure functions from the engine's raw JSON (volumes, networks, `/system/df`, `/info`, `/version`) to the domain
types of `cleanup-types.ts`. Every field is treated as optional; every string that may be shown is sanitised.
*/
import sanitize, {sanitizeRecord} from '../format/printable.js';
import type {
	BuildCacheEntry,
	ContainerRef,
	DiskContainer,
	DiskImage,
	DiskUsage,
	DiskVolume,
	NetworkEndpoint,
	NetworkSummary,
	SystemInfo,
	VersionInfo,
	VolumeDetails,
	VolumeSummary,
} from './cleanup-types.js';

type Raw = Record<string, unknown>;

export const anonymousVolumeLabel = 'com.docker.volume.anonymous';

function record(value: unknown): Raw {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Raw)
		: {};
}

function array(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
	return typeof value === 'string' ? sanitize(value) : '';
}

function number(value: unknown, fallback = 0): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function strings(value: unknown): string[] {
	return array(value)
		.filter((item): item is string => typeof item === 'string')
		.map(item => sanitize(item));
}

function stringRecord(value: unknown): Record<string, string> {
	const clean: Record<string, string> = {};
	for (const [key, item] of Object.entries(record(value))) {
		if (
			typeof item === 'string' ||
			typeof item === 'number' ||
			typeof item === 'boolean'
		) {
			clean[key] = String(item);
		}
	}

	return sanitizeRecord(clean);
}

/**
RFC 3339 or Unix seconds → ms; 0 for absent or zero dates.
*/
function dateMs(value: unknown): number {
	if (typeof value === 'number') {
		return value > 0 ? value * 1000 : 0;
	}

	if (typeof value !== 'string' || value === '') {
		return 0;
	}

	const ms = Date.parse(value);
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

function containerName(raw: Raw): string {
	const names = strings(raw['Names']);
	return (names[0] ?? text(raw['Name'])).replace(/^\//, '');
}

/**
Is a volume anonymous: the label engines 23+ set, or a name of 64 hex digits (what older engines generate).
*/
export function isAnonymousVolume(
	name: string,
	labels: Readonly<Record<string, string>>,
): boolean {
	return anonymousVolumeLabel in labels || /^[\da-f]{64}$/.test(name);
}

/**
Container list rows → the containers that mount each volume, by volume name.
*/
export function volumeUsers(
	containers: unknown,
): ReadonlyMap<string, ContainerRef[]> {
	const users = new Map<string, ContainerRef[]>();
	for (const item of array(containers)) {
		const raw = record(item);
		const id = text(raw['Id']);
		if (id === '') {
			continue;
		}

		for (const mount of array(raw['Mounts'])) {
			const m = record(mount);
			const name = text(m['Name']);
			if (m['Type'] === 'volume' && name !== '') {
				const list = users.get(name) ?? [];
				if (!list.some(each => each.id === id)) {
					list.push({id, name: containerName(raw)});
				}

				users.set(name, list);
			}
		}
	}

	return users;
}

export function normalizeVolume(
	raw: unknown,
	users: ReadonlyMap<string, readonly ContainerRef[]> = new Map(),
): VolumeSummary | undefined {
	const volume = record(raw);
	const name = text(volume['Name']);
	if (name === '') {
		return undefined;
	}

	const labels = stringRecord(volume['Labels']);
	return {
		name,
		driver: text(volume['Driver']),
		mountpoint: text(volume['Mountpoint']),
		created: dateMs(volume['CreatedAt']),
		scope: text(volume['Scope']),
		labels,
		options: stringRecord(volume['Options']),
		anonymous: isAnonymousVolume(name, labels),
		usedBy: [...(users.get(name) ?? [])],
	};
}

export function normalizeVolumeDetails(
	raw: unknown,
	users?: ReadonlyMap<string, readonly ContainerRef[]>,
): VolumeDetails | undefined {
	const summary = normalizeVolume(raw, users);
	return summary
		? {...summary, status: stringRecord(record(raw)['Status'])}
		: undefined;
}

export function normalizeNetwork(raw: unknown): NetworkSummary | undefined {
	const network = record(raw);
	const id = text(network['Id']);
	if (id === '') {
		return undefined;
	}

	const containers: NetworkEndpoint[] = Object.entries(
		record(network['Containers']),
	).map(([containerId, value]) => {
		const endpoint = record(value);
		return {
			id: sanitize(containerId),
			name: text(endpoint['Name']),
			ipv4: text(endpoint['IPv4Address']),
			ipv6: text(endpoint['IPv6Address']),
			mac: text(endpoint['MacAddress']),
		};
	});
	return {
		id,
		name: text(network['Name']),
		driver: text(network['Driver']),
		scope: text(network['Scope']),
		internal: network['Internal'] === true,
		attachable: network['Attachable'] === true,
		ingress: network['Ingress'] === true,
		created: dateMs(network['Created']),
		labels: stringRecord(network['Labels']),
		ipam: array(record(network['IPAM'])['Config']).map(item => {
			const config = record(item);
			return {subnet: text(config['Subnet']), gateway: text(config['Gateway'])};
		}),
		containers: containers.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

function diskImage(raw: unknown): DiskImage | undefined {
	const image = record(raw);
	const id = text(image['Id']);
	if (id === '') {
		return undefined;
	}

	return {
		id,
		parentId: text(image['ParentId']),
		repoTags: strings(image['RepoTags']).filter(tag => tag !== '<none>:<none>'),
		repoDigests: strings(image['RepoDigests']).filter(
			digest => digest !== '<none>@<none>',
		),
		created: dateMs(image['Created']),
		size: number(image['Size']),
		sharedSize: number(image['SharedSize'], -1),
		labels: stringRecord(image['Labels']),
		containers: number(image['Containers'], -1),
	};
}

function diskContainer(raw: unknown): DiskContainer | undefined {
	const container = record(raw);
	const id = text(container['Id']);
	if (id === '') {
		return undefined;
	}

	return {
		id,
		name: containerName(container),
		image: text(container['Image']),
		imageId: text(container['ImageID']),
		state: text(container['State']).toLowerCase(),
		status: text(container['Status']),
		created: dateMs(container['Created']),
		labels: stringRecord(container['Labels']),
		sizeRw: number(container['SizeRw']),
		volumes: array(container['Mounts']).flatMap(mount => {
			const m = record(mount);
			return m['Type'] === 'volume' && typeof m['Name'] === 'string'
				? [sanitize(m['Name'])]
				: [];
		}),
	};
}

function buildCacheEntry(raw: unknown): BuildCacheEntry | undefined {
	const entry = record(raw);
	const id = text(entry['ID']);
	if (id === '') {
		return undefined;
	}

	const parents = strings(entry['Parents']);
	return {
		id,
		parent: text(entry['Parent']) || (parents[0] ?? ''),
		type: text(entry['Type']),
		description: text(entry['Description']),
		inUse: entry['InUse'] === true,
		shared: entry['Shared'] === true,
		size: number(entry['Size']),
		created: dateMs(entry['CreatedAt']),
		lastUsed: dateMs(entry['LastUsedAt']),
		usageCount: number(entry['UsageCount']),
	};
}

export function normalizeDiskUsage(raw: unknown): DiskUsage {
	const df = record(raw);
	const containers = array(df['Containers']).flatMap(
		item => diskContainer(item) ?? [],
	);
	const users = volumeUsers(df['Containers']);
	return {
		layersSize: number(df['LayersSize']),
		images: array(df['Images']).flatMap(item => diskImage(item) ?? []),
		containers,
		volumes: array(df['Volumes']).flatMap((item): DiskVolume[] => {
			const volume = normalizeVolume(item, users);
			if (!volume) {
				return [];
			}

			const usage = record(record(item)['UsageData']);
			return [
				{
					...volume,
					size: number(usage['Size'], -1),
					refCount: number(usage['RefCount'], -1),
				},
			];
		}),
		buildCache: array(df['BuildCache']).flatMap(
			item => buildCacheEntry(item) ?? [],
		),
	};
}

export function normalizeSystemInfo(raw: unknown): SystemInfo {
	const info = record(raw);
	const swarm = record(info['Swarm']);
	return {
		name: text(info['Name']),
		serverVersion: text(info['ServerVersion']),
		storageDriver: text(info['Driver']),
		rootDir: text(info['DockerRootDir']),
		cgroupDriver: text(info['CgroupDriver']),
		cgroupVersion: text(info['CgroupVersion']),
		cpus: number(info['NCPU']),
		memory: number(info['MemTotal']),
		os: text(info['OperatingSystem']),
		osType: text(info['OSType']),
		architecture: text(info['Architecture']),
		kernel: text(info['KernelVersion']),
		containers: number(info['Containers']),
		running: number(info['ContainersRunning']),
		paused: number(info['ContainersPaused']),
		stopped: number(info['ContainersStopped']),
		images: number(info['Images']),
		swarm: text(swarm['LocalNodeState']) || 'inactive',
		warnings: strings(info['Warnings']),
	};
}

export function normalizeVersion(raw: unknown): VersionInfo {
	const version = record(raw);
	const components = array(version['Components']).map(item => record(item));
	const component = (name: string) =>
		text(
			components.find(
				each =>
					typeof each['Name'] === 'string' &&
					each['Name'].toLowerCase() === name,
			)?.['Version'],
		);
	return {
		version: text(version['Version']),
		apiVersion: text(version['ApiVersion']),
		minApiVersion: text(version['MinAPIVersion']),
		goVersion: text(version['GoVersion']),
		os: text(version['Os']),
		arch: text(version['Arch']),
		gitCommit: text(version['GitCommit']),
		kernel: text(version['KernelVersion']),
		experimental: version['Experimental'] === true,
		containerd: component('containerd'),
		runc: component('runc'),
	};
}
