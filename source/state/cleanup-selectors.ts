/**
Rows of the Volumes, Networks and Engine panes, from the state. Pure, remembered for the same inputs.
*/
import type {
	DiskUsage,
	NetworkSummary,
	VolumeSummary,
} from '../engine/cleanup-types.js';
import {volumeLabel} from '../cleanup/prune-plan.js';
import {type DiskKind, diskKinds} from './cleanup-types.js';
import type {AppState} from './types.js';

function remember<A, B, R>(compute: (a: A, b: B) => R): (a: A, b: B) => R {
	let last: {a: A; b: B; result: R} | undefined;
	return (a, b) => {
		if (last !== undefined && last.a === a && last.b === b) {
			return last.result;
		}

		const result = compute(a, b);
		last = {a, b, result};
		return result;
	};
}

function matches(needle: string, ...haystack: string[]): boolean {
	const lower = needle.toLowerCase();
	return (
		needle === '' || haystack.some(text => text.toLowerCase().includes(lower))
	);
}

const selectVolumes = remember(
	(
		volumes: ReadonlyMap<string, VolumeSummary>,
		filter: string,
	): VolumeSummary[] =>
		[...volumes.values()]
			.filter(volume =>
				matches(
					filter,
					volume.name,
					volume.driver,
					...volume.usedBy.map(user => user.name),
					...Object.entries(volume.labels).map(([k, v]) => `${k}=${v}`),
				),
			)
			// Named volumes first, by name; then the anonymous ones, newest first.
			.sort(
				(a, b) =>
					Number(a.anonymous) - Number(b.anonymous) ||
					(a.anonymous ? b.created - a.created : 0) ||
					a.name.localeCompare(b.name),
			),
);

export function visibleVolumes(state: AppState): VolumeSummary[] {
	return selectVolumes(state.cleanup.volumes, state.ui.filters.volumes);
}

const predefined = ['bridge', 'host', 'none'];

const selectNetworks = remember(
	(
		networks: ReadonlyMap<string, NetworkSummary>,
		filter: string,
	): NetworkSummary[] =>
		[...networks.values()]
			.filter(network =>
				matches(
					filter,
					network.name,
					network.driver,
					network.id.slice(0, 12),
					...network.ipam.map(each => each.subnet),
					...network.containers.map(each => each.name),
				),
			)
			// The predefined ones first, as the engine lists them; then by name.
			.sort(
				(a, b) =>
					rank(a.name) - rank(b.name) ||
					a.name.localeCompare(b.name) ||
					a.id.localeCompare(b.id),
			),
);

function rank(name: string): number {
	const index = predefined.indexOf(name);
	return index === -1 ? predefined.length : index;
}

export function visibleNetworks(state: AppState): NetworkSummary[] {
	return selectNetworks(state.cleanup.networks, state.ui.filters.networks);
}

/**
One row of the Engine pane: a kind with `docker system df`'s columns.
*/
export type DiskRow = {
	readonly kind: DiskKind;
	readonly title: string;
	readonly total: number;
	readonly active: number;
	readonly size: number;
	readonly reclaimable: number;
};

const diskTitles: Readonly<Record<DiskKind, string>> = {
	images: 'Images',
	containers: 'Containers',
	volumes: 'Local Volumes',
	'build-cache': 'Build Cache',
};

/**
`docker system df` from the disk usage, counted as the CLI counts (cli/command/formatter/disk_usage.go).
*/
export function diskRows(disk: DiskUsage): DiskRow[] {
	const row = (kind: DiskKind): DiskRow => {
		switch (kind) {
			case 'images': {
				const active = disk.images.filter(image => image.containers > 0);
				const used = active.reduce(
					(sum, image) =>
						sum +
						(image.sharedSize >= 0
							? image.size - image.sharedSize
							: image.size),
					0,
				);
				const shared = disk.images.reduce(
					(sum, image) => sum + Math.max(0, image.sharedSize),
					0,
				);
				const unique = disk.images.reduce(
					(sum, image) => sum + image.size - Math.max(0, image.sharedSize),
					0,
				);
				const size = disk.layersSize || unique + shared;
				return {
					kind,
					title: diskTitles[kind],
					total: disk.images.length,
					active: active.length,
					size,
					reclaimable: Math.max(0, size - used),
				};
			}

			case 'containers': {
				const active = disk.containers.filter(
					container =>
						container.state === 'running' || container.state === 'paused',
				);
				const size = disk.containers.reduce(
					(sum, container) => sum + Math.max(0, container.sizeRw),
					0,
				);
				return {
					kind,
					title: diskTitles[kind],
					total: disk.containers.length,
					active: active.length,
					size,
					reclaimable:
						size -
						active.reduce(
							(sum, container) => sum + Math.max(0, container.sizeRw),
							0,
						),
				};
			}

			case 'volumes': {
				const active = disk.volumes.filter(volume => volume.refCount > 0);
				const size = disk.volumes.reduce(
					(sum, volume) => sum + Math.max(0, volume.size),
					0,
				);
				return {
					kind,
					title: diskTitles[kind],
					total: disk.volumes.length,
					active: active.length,
					size,
					reclaimable:
						size -
						active.reduce((sum, volume) => sum + Math.max(0, volume.size), 0),
				};
			}

			case 'build-cache': {
				const active = disk.buildCache.filter(entry => entry.inUse);
				const size = disk.buildCache
					.filter(entry => !entry.shared)
					.reduce((sum, entry) => sum + entry.size, 0);
				return {
					kind,
					title: diskTitles[kind],
					total: disk.buildCache.length,
					active: active.length,
					size,
					reclaimable: disk.buildCache
						.filter(entry => !entry.inUse && !entry.shared)
						.reduce((sum, entry) => sum + entry.size, 0),
				};
			}
		}
	};

	return diskKinds.map(kind => row(kind));
}

const selectVolumeSizes = remember(
	(disk: DiskUsage | undefined, _unused: undefined) =>
		new Map((disk?.volumes ?? []).map(volume => [volume.name, volume.size])),
);

/**
Bytes per volume name, from the last disk usage (absent: not known yet).
*/
export function volumeSizes(state: AppState): ReadonlyMap<string, number> {
	return selectVolumeSizes(state.cleanup.disk, undefined);
}

/**
The name a volume goes by in the pane and in messages (anonymous ones shortened).
*/
export function volumeName(volume: VolumeSummary): string {
	return volumeLabel(volume.name, volume.anonymous);
}

const volumeKeys = remember((rows: readonly VolumeSummary[], _: undefined) =>
	rows.map(row => row.name),
);
const networkKeys = remember((rows: readonly NetworkSummary[], _: undefined) =>
	rows.map(row => row.id),
);

/**
Row keys of the cleanup panes, which the selection follows.
*/
export function cleanupRowKeys(
	state: AppState,
	pane: 'volumes' | 'networks' | 'engine',
): readonly string[] {
	switch (pane) {
		case 'volumes': {
			return volumeKeys(visibleVolumes(state), undefined);
		}

		case 'networks': {
			return networkKeys(visibleNetworks(state), undefined);
		}

		case 'engine': {
			return diskKinds;
		}
	}
}
