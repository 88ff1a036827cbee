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
import {type SortOrder, sortNetworks, sortVolumes} from './sort.js';
import type {AppState} from './types.js';

function remember<A extends readonly unknown[], R>(
	compute: (...inputs: A) => R,
): (...inputs: A) => R {
	let last: {inputs: A; result: R} | undefined;
	return (...inputs) => {
		if (
			last !== undefined &&
			last.inputs.length === inputs.length &&
			last.inputs.every((input, index) => input === inputs[index])
		) {
			return last.result;
		}

		const result = compute(...inputs);
		last = {inputs, result};
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
		order: SortOrder,
		sizes: ReadonlyMap<string, number>,
	): VolumeSummary[] =>
		sortVolumes(
			[...volumes.values()].filter(volume =>
				matches(
					filter,
					volume.name,
					volume.driver,
					...volume.usedBy.map(user => user.name),
					...Object.entries(volume.labels).map(([k, v]) => `${k}=${v}`),
				),
			),
			order,
			sizes,
		),
);

export function visibleVolumes(state: AppState): VolumeSummary[] {
	return selectVolumes(
		state.cleanup.volumes,
		state.ui.filters.volumes,
		state.ui.sort.volumes,
		volumeSizes(state),
	);
}

const selectNetworks = remember(
	(
		networks: ReadonlyMap<string, NetworkSummary>,
		filter: string,
		order: SortOrder,
	): NetworkSummary[] =>
		sortNetworks(
			[...networks.values()].filter(network =>
				matches(
					filter,
					network.name,
					network.driver,
					network.id.slice(0, 12),
					...network.ipam.map(each => each.subnet),
					...network.containers.map(each => each.name),
				),
			),
			order,
		),
);

export function visibleNetworks(state: AppState): NetworkSummary[] {
	return selectNetworks(
		state.cleanup.networks,
		state.ui.filters.networks,
		state.ui.sort.networks,
	);
}

/**
One row of the Engine pane: a kind with `docker system df`'s columns.
*/
export type DiskRow = {
	/**
	The row's key: the kind, or with several engines `kind@n` (n: the engine's place, as in engine-tags.ts).
	*/
	readonly key: string;
	/**
	With several engines at once: whose figures these are.
	*/
	readonly engine?: string;
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
`docker system df` from the disk usage, counted as the CLI counts (cli/command/formatter/disk_usage.go); with
several engines at once, the four rows of each engine in turn.
*/
export function diskRows(disk: DiskUsage): DiskRow[] {
	const {engines} = disk;
	if (!engines || engines.length < 2) {
		return kindRows(disk);
	}

	return engines.flatMap((_, index) =>
		kindRows(diskOfEngine(disk, index), index),
	);
}

/**
The part of a disk usage of several engines that is the `index`th engine's (all of it with one engine).
*/
export function diskOfEngine(disk: DiskUsage, index: number): DiskUsage {
	const engine = disk.engines?.[index];
	if (!engine || disk.engines.length < 2) {
		return disk;
	}

	const mine = <T extends {readonly engine?: string}>(rows: readonly T[]) =>
		rows.filter(row => row.engine === engine.name);
	return {
		layersSize: engine.layersSize,
		images: mine(disk.images),
		containers: mine(disk.containers),
		volumes: mine(disk.volumes),
		buildCache: mine(disk.buildCache),
		engines: [engine],
	};
}

function kindRows(disk: DiskUsage, index?: number): DiskRow[] {
	const engine = index === undefined ? undefined : disk.engines?.[0]?.name;
	const keyed = (row: Omit<DiskRow, 'key'>): DiskRow => ({
		...row,
		key: index === undefined ? row.kind : `${row.kind}@${index}`,
		...(engine === undefined ? {} : {engine}),
	});
	const row = (kind: DiskKind): Omit<DiskRow, 'key'> => {
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

	return diskKinds.map(kind => keyed(row(kind)));
}

const selectVolumeSizes = remember(
	(disk: DiskUsage | undefined) =>
		new Map((disk?.volumes ?? []).map(volume => [volume.name, volume.size])),
);

/**
Bytes per volume name, from the last disk usage (absent: not known yet).
*/
export function volumeSizes(state: AppState): ReadonlyMap<string, number> {
	return selectVolumeSizes(state.cleanup.disk);
}

/**
The name a volume goes by in the pane and in messages (anonymous ones shortened).
*/
export function volumeName(volume: VolumeSummary): string {
	return volumeLabel(volume.name, volume.anonymous);
}

const volumeKeys = remember((rows: readonly VolumeSummary[]) =>
	rows.map(row => row.name),
);
const networkKeys = remember((rows: readonly NetworkSummary[]) =>
	rows.map(row => row.id),
);

const diskKeys = remember((disk: DiskUsage | undefined): readonly string[] =>
	disk ? diskRows(disk).map(row => row.key) : diskKinds,
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
			return volumeKeys(visibleVolumes(state));
		}

		case 'networks': {
			return networkKeys(visibleNetworks(state));
		}

		case 'engine': {
			return diskKeys(state.cleanup.disk);
		}
	}
}
