/**
What a prune would remove, worked out from the engine's own rules (moby 20.10 `daemon/prune.go`,
`daemon/images/image_prune.go`, `volume/service/service.go`) so that the preview lists exactly what
`docker container prune`, `docker image prune [-a]`, `docker volume prune [--all]` and `docker network prune`
would take, run in that order with the same filters (as `docker system prune` runs them). Pure.

- Containers: every one that is not running (paused and restarting count as running), created before `until`,
  labels matching.
- Images: not used by any container that stays; without `allImages` only dangling ones (no tag) that no other
  image is built on (the engine's "heads"); with it every image but untagged intermediates; created before
  `until`, labels matching.
- Volumes: local driver, no driver options, not mounted by any container that stays, labels matching;
  anonymous ones, and named ones only with `namedVolumes` (the engine's API 1.42+ default; on API 1.41,
  `docker volume prune` takes named ones too, which is `namedVolumes`). The engine's volume prune takes no
  `until`: with one, no volume is listed.
- Networks: not predefined (bridge, host, none), not swarm-scoped or ingress, no container attached, created
  before `until`, labels matching.
- Build cache: records not in use, last used before `until`; build cache has no labels, so with a label filter
  none is listed.
*/
import type {DiskUsage, NetworkSummary} from '../engine/cleanup-types.js';
import {ownId} from '../engine/engine-tags.js';
import {shortId} from '../format/text.js';
import {
	beforeUntil,
	matchLabels,
	type PruneFilters,
	untilTime,
} from './prune-filters.js';

export type PruneKind =
	'container' | 'image' | 'volume' | 'network' | 'build-cache';

export const pruneKinds: readonly PruneKind[] = [
	'container',
	'image',
	'volume',
	'network',
	'build-cache',
];

export type PruneOptions = {
	/**
	Every unused image, not only dangling ones (`docker image prune -a`).
	*/
	readonly allImages: boolean;
	/**
	Named volumes too, not only anonymous ones (`docker volume prune --all`): data loss.
	*/
	readonly namedVolumes: boolean;
	readonly filters: PruneFilters;
};

/**
What the engine said, when the preview was made.
*/
export type PruneData = {
	readonly disk: DiskUsage;
	readonly networks: readonly NetworkSummary[];
	/**
	When the data was read: `until=24h` counts back from here.
	*/
	readonly now: number;
	/**
	With several engines at once: the one engine this is about (the first), and how many there are.
	*/
	readonly engine?: {readonly name: string; readonly of: number};
};

export type PruneItem = {
	readonly kind: PruneKind;
	/**
	Container/image/network id, volume name, build cache record id.
	*/
	readonly id: string;
	readonly name: string;
	/**
	Bytes the removal frees (an image: what it does not share with others); -1 when unknown.
	*/
	readonly size: number;
	readonly created: number;
	/**
	A named volume: removing it loses data someone meant to keep.
	*/
	readonly dataLoss?: boolean;
	/**
	Image references to remove one by one (an image with tags, under `allImages`).
	*/
	readonly tags?: readonly string[];
};

export type PruneGroup = {
	readonly kind: PruneKind;
	readonly items: readonly PruneItem[];
	/**
	Why the group is empty or smaller than one might think (`until` on volumes, labels on build cache).
	*/
	readonly note?: string;
};

export type PrunePlan = {
	readonly groups: readonly PruneGroup[];
	/**
	Every listed item that is still ticked, in group order.
	*/
	readonly selected: readonly PruneItem[];
	readonly total: number;
	readonly error?: string;
};

export const predefinedNetworks: ReadonlySet<string> = new Set([
	'bridge',
	'host',
	'none',
	'default',
]);

export function itemKey(item: {
	readonly kind: PruneKind;
	readonly id: string;
}): string {
	return `${item.kind}:${item.id}`;
}

const runningStates = new Set(['running', 'paused', 'restarting']);

/**
A short name for an anonymous volume (64 hex digits): the first 12, as ids are shortened.
*/
export function volumeLabel(name: string, anonymous: boolean): string {
	// With several engines the name carries its engine's suffix (engine-tags.ts), which is not shown.
	const own = ownId(name);
	return anonymous && own.length > 16 ? `${own.slice(0, 12)}…` : own;
}

/**
The image's unique size: what removing it frees.
*/
function uniqueSize(size: number, shared: number): number {
	return shared >= 0 && shared <= size ? size - shared : size;
}

/**
The plan for `options` on `data`, with the items keyed in `unticked` left out of `selected`. A container that
stays (unticked, or not a candidate) keeps its image and volumes in use.
*/
export function planPrune(
	data: PruneData,
	options: PruneOptions,
	unticked: ReadonlySet<string> = new Set(),
): PrunePlan {
	const {disk, networks, now} = data;
	const {filters} = options;
	let until: number | undefined;
	if (filters.until) {
		const time = untilTime(filters.until, now);
		if (!time.ok) {
			return {groups: [], selected: [], total: 0, error: time.error};
		}

		until = time.value;
	}

	const passes = (created: number, labels: Readonly<Record<string, string>>) =>
		beforeUntil(created, until) && matchLabels(filters, labels);

	const containers: PruneItem[] = disk.containers
		.filter(
			container =>
				!runningStates.has(container.state) &&
				passes(container.created, container.labels),
		)
		.map(container => ({
			kind: 'container',
			id: container.id,
			name: container.name || shortId(container.id),
			size: container.sizeRw,
			created: container.created,
		}));
	const removed = new Set(
		containers
			.filter(item => !unticked.has(itemKey(item)))
			.map(item => item.id),
	);
	const staying = disk.containers.filter(
		container => !removed.has(container.id),
	);
	const usedImages = new Set(staying.map(container => container.imageId));
	const usedVolumes = new Set(staying.flatMap(container => container.volumes));

	const parents = new Set(
		disk.images.map(image => image.parentId).filter(Boolean),
	);
	const images: PruneItem[] = disk.images
		.filter(image => {
			const tagged = image.repoTags.length > 0;
			const hasChildren = parents.has(image.id);
			if (options.allImages ? !tagged && hasChildren : tagged || hasChildren) {
				return false;
			}

			return !usedImages.has(image.id) && passes(image.created, image.labels);
		})
		.map(image => ({
			kind: 'image',
			id: image.id,
			name: image.repoTags.join(', ') || `<none> ${shortId(image.id)}`,
			size: uniqueSize(image.size, image.sharedSize),
			created: image.created,
			...(image.repoTags.length > 0 ? {tags: image.repoTags} : {}),
		}));

	const volumes: PruneItem[] =
		until === undefined
			? disk.volumes
					.filter(
						volume =>
							volume.driver === 'local' &&
							Object.keys(volume.options).length === 0 &&
							!usedVolumes.has(volume.name) &&
							(volume.anonymous || options.namedVolumes) &&
							matchLabels(filters, volume.labels),
					)
					.map(volume => ({
						kind: 'volume',
						id: volume.name,
						name: volumeLabel(volume.name, volume.anonymous),
						size: volume.size,
						created: volume.created,
						...(volume.anonymous ? {} : {dataLoss: true}),
					}))
			: [];

	const networkItems: PruneItem[] = networks
		.filter(
			network =>
				!predefinedNetworks.has(network.name) &&
				network.scope !== 'swarm' &&
				!network.ingress &&
				network.containers.length === 0 &&
				passes(network.created, network.labels),
		)
		.map(network => ({
			kind: 'network',
			id: network.id,
			name: network.name,
			size: 0,
			created: network.created,
		}));

	const labelled = filters.labels.length + filters.notLabels.length > 0;
	const cache: PruneItem[] = labelled
		? []
		: disk.buildCache
				.filter(
					entry =>
						!entry.inUse && beforeUntil(entry.lastUsed || entry.created, until),
				)
				.map(entry => ({
					kind: 'build-cache',
					id: entry.id,
					name: `${entry.description || entry.type} (${entry.id.slice(0, 12)})`,
					size: entry.size,
					created: entry.lastUsed || entry.created,
				}));

	const byAge = (a: PruneItem, b: PruneItem) =>
		a.created - b.created || a.name.localeCompare(b.name);
	const groups: PruneGroup[] = [
		{kind: 'container', items: containers.sort(byAge)},
		{kind: 'image', items: images.sort(byAge)},
		{
			kind: 'volume',
			items: volumes.sort(byAge),
			...(until === undefined
				? options.namedVolumes
					? {}
					: {
							note: 'anonymous volumes only; tick named volumes to include them (data loss)',
						}
				: {
						note: 'not with until: the engine’s volume prune takes no until filter',
					}),
		},
		{kind: 'network', items: networkItems.sort(byAge)},
		{
			kind: 'build-cache',
			items: cache.sort(byAge),
			...(labelled
				? {note: 'not with a label filter: build cache has no labels'}
				: {}),
		},
	];
	const selected = groups.flatMap(group =>
		group.items.filter(item => !unticked.has(itemKey(item))),
	);
	return {
		groups,
		selected,
		total: selected.reduce((sum, item) => sum + Math.max(0, item.size), 0),
	};
}

/**
Why an item of an earlier preview is no longer one to remove, on fresh data (`undefined` when it still is).
The same rules as `planPrune`, read for one object.
*/
export function whyNotNow(
	item: PruneItem,
	fresh: PruneData,
	freshPlan: PrunePlan,
): string | undefined {
	if (freshPlan.selected.some(each => itemKey(each) === itemKey(item))) {
		return undefined;
	}

	const {disk, networks} = fresh;
	switch (item.kind) {
		case 'container': {
			const container = disk.containers.find(each => each.id === item.id);
			if (!container) {
				return 'it is gone already';
			}

			return runningStates.has(container.state)
				? `it is ${container.state} now`
				: 'it no longer matches';
		}

		case 'image': {
			const image = disk.images.find(each => each.id === item.id);
			if (!image) {
				return 'it is gone already';
			}

			const users = disk.containers.filter(each => each.imageId === item.id);
			if (users.length > 0) {
				return `it is used by ${users.map(each => each.name).join(', ')} now`;
			}

			return image.repoTags.length > 0 && !item.tags
				? `it is tagged ${image.repoTags.join(', ')} now`
				: 'it no longer matches';
		}

		case 'volume': {
			const volume = disk.volumes.find(each => each.name === item.id);
			if (!volume) {
				return 'it is gone already';
			}

			const users = disk.containers.filter(each =>
				each.volumes.includes(item.id),
			);
			return users.length > 0
				? `it is used by ${users.map(each => each.name).join(', ')} now`
				: 'it no longer matches';
		}

		case 'network': {
			const network = networks.find(each => each.id === item.id);
			if (!network) {
				return 'it is gone already';
			}

			return network.containers.length > 0
				? `${network.containers.map(each => each.name).join(', ')} ${network.containers.length === 1 ? 'is' : 'are'} attached now`
				: 'it no longer matches';
		}

		case 'build-cache': {
			const entry = disk.buildCache.find(each => each.id === item.id);
			if (!entry) {
				return 'it is gone already';
			}

			return entry.inUse ? 'a build is using it now' : 'it no longer matches';
		}
	}
}
