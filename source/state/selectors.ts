import type {ImageSummary} from '../engine/types.js';
import formatPorts from '../format/ports.js';
import {shortId} from '../format/text.js';
import {
	sortContainers,
	sortEvents,
	sortImages,
	type SortOrder,
} from './sort.js';
import {projectRowKeys} from './projects.js';
import type {AppState, ContainerRow, EventRow, PaneId} from './types.js';
import {cleanupRowKeys} from './cleanup-selectors.js';

/**
Remembers the last result of `compute` for the same arguments (by identity), so that a render that did not
change the inputs does not filter and sort a thousand rows again.
*/
function memoize<Arguments extends unknown[], Result>(
	compute: (...arguments_: Arguments) => Result,
): (...arguments_: Arguments) => Result {
	let lastArguments: Arguments | undefined;
	let lastResult: Result;
	return (...arguments_) => {
		if (
			lastArguments?.length === arguments_.length &&
			lastArguments.every((value, i) => value === arguments_[i])
		) {
			return lastResult;
		}

		lastResult = compute(...arguments_);
		lastArguments = arguments_;
		return lastResult;
	};
}

function matches(
	needle: string,
	...haystack: Array<string | undefined>
): boolean {
	if (needle === '') {
		return true;
	}

	const lower = needle.toLowerCase();
	return haystack.some(text => text?.toLowerCase().includes(lower));
}

/**
Is the container shown when stopped ones are hidden?
*/
export function isActive(container: ContainerRow): boolean {
	return (
		container.state === 'running' ||
		container.state === 'paused' ||
		container.state === 'restarting'
	);
}

const selectContainerRows = memoize(
	(
		containers: ReadonlyMap<string, ContainerRow>,
		showAll: boolean,
		filter: string,
		order: SortOrder,
	): ContainerRow[] =>
		sortContainers(
			[...containers.values()].filter(
				container =>
					(showAll || isActive(container)) &&
					matches(
						filter,
						container.name,
						container.image,
						container.state,
						container.status,
						container.composeProject,
						formatPorts(container.ports),
						shortId(container.id),
					),
			),
			order,
		),
);

/**
The Containers pane's rows, filtered and, unless `showAll`, only active ones; sorted as `ui.sort` says (running
ones first, then by name, unless told otherwise).
*/
export function visibleContainers(state: AppState): ContainerRow[] {
	return selectContainerRows(
		state.containers,
		state.ui.showAll,
		state.ui.filters.containers,
		state.ui.sort.containers,
	);
}

/**
The name to show for an image: its first tag, or `<none>` with the short id.
*/
export function imageName(image: ImageSummary): string {
	return image.repoTags[0] ?? `<none> ${shortId(image.id)}`;
}

const selectImageRows = memoize(
	(
		images: ReadonlyMap<string, ImageSummary>,
		filter: string,
		order: SortOrder,
		usage: ReadonlyMap<string, number>,
	): ImageSummary[] =>
		sortImages(
			[...images.values()].filter(image =>
				matches(
					filter,
					...image.repoTags,
					shortId(image.id),
					image.dangling ? '<none>' : undefined,
				),
			),
			order,
			usage,
		),
);

/**
The Images pane's rows: newest first, like `docker images`, unless `ui.sort` says otherwise.
*/
export function visibleImages(state: AppState): ImageSummary[] {
	const order = state.ui.sort.images;
	return selectImageRows(
		state.images,
		state.ui.filters.images,
		order,
		// Usage changes with every container; only the USED BY order needs it.
		order.column === 'USED BY' ? imageUsage(state) : noUsage,
	);
}

const noUsage: ReadonlyMap<string, number> = new Map();

const selectRunningCount = memoize(
	(containers: ReadonlyMap<string, ContainerRow>): number =>
		[...containers.values()].filter(container => container.state === 'running')
			.length,
);

/**
How many containers are running (for the tab bar); counted again only when the containers change.
*/
export function runningCount(state: AppState): number {
	return selectRunningCount(state.containers);
}

const selectImageUsage = memoize(
	(
		containers: ReadonlyMap<string, ContainerRow>,
	): ReadonlyMap<string, number> => {
		const usage = new Map<string, number>();
		for (const container of containers.values()) {
			usage.set(container.imageId, (usage.get(container.imageId) ?? 0) + 1);
		}

		return usage;
	},
);

/**
How many containers (of any state) use each image id.
*/
export function imageUsage(state: AppState): ReadonlyMap<string, number> {
	return selectImageUsage(state.containers);
}

const selectEventRows = memoize(
	(
		events: readonly EventRow[],
		filter: string,
		order: SortOrder,
	): readonly EventRow[] => {
		const shown =
			filter === ''
				? events
				: events.filter(event =>
						matches(
							filter,
							event.type,
							event.action,
							event.name,
							event.id,
							...Object.values(event.attributes),
						),
					);
		// The list is kept newest first: that order needs no sorting.
		return order.column === 'TIME' && order.descending
			? shown
			: sortEvents(shown, order);
	},
);

/**
The Events pane's rows, newest first unless `ui.sort` says otherwise.
*/
export function visibleEvents(state: AppState): readonly EventRow[] {
	return selectEventRows(
		state.events,
		state.ui.filters.events,
		state.ui.sort.events,
	);
}

/**
The stable key of a row, which the selection follows.
*/
export function rowKeys(state: AppState, pane: PaneId): readonly string[] {
	switch (pane) {
		case 'containers': {
			return containerKeys(visibleContainers(state));
		}

		case 'images': {
			return imageKeys(visibleImages(state));
		}

		case 'events': {
			return eventKeys(visibleEvents(state));
		}

		case 'volumes':
		case 'networks':
		case 'engine': {
			return cleanupRowKeys(state, pane);
		}

		case 'projects': {
			return projectRowKeys(state);
		}
	}
}

const containerKeys = memoize((rows: readonly ContainerRow[]) =>
	rows.map(row => row.id),
);
const imageKeys = memoize((rows: readonly ImageSummary[]) =>
	rows.map(row => row.id),
);
const eventKeys = memoize((rows: readonly EventRow[]) =>
	rows.map(row => String(row.seq)),
);

/**
Where the cursor of `pane` is now: on its object when that is still listed, else at its old row index (clamped),
which is the row that moved up into the gap.
*/
export function selectedIndex(state: AppState, pane: PaneId): number {
	const keys = rowKeys(state, pane);
	if (keys.length === 0) {
		return 0;
	}

	const selection = state.ui.selection[pane];
	if (selection.key !== undefined) {
		const index = keys.indexOf(selection.key);
		if (index !== -1) {
			return index;
		}
	}

	return Math.min(Math.max(0, selection.index), keys.length - 1);
}

/**
The key of the selected row of `pane`, if the pane has rows.
*/
export function selectedKey(state: AppState, pane: PaneId): string | undefined {
	return rowKeys(state, pane)[selectedIndex(state, pane)];
}

export function selectedContainer(state: AppState): ContainerRow | undefined {
	const key = selectedKey(state, 'containers');
	return key === undefined ? undefined : state.containers.get(key);
}

export function selectedImage(state: AppState): ImageSummary | undefined {
	const key = selectedKey(state, 'images');
	return key === undefined ? undefined : state.images.get(key);
}
