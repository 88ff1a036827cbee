import type {ImageSummary} from '../engine/types.js';
import formatPorts from '../format/ports.js';
import {shortId} from '../format/text.js';
import {projectRowKeys} from './projects.js';
import type {AppState, ContainerRow, EventRow, PaneId} from './types.js';

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

const stateRank: Record<string, number> = {
	running: 0,
	restarting: 1,
	paused: 2,
	removing: 3,
	created: 4,
};

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
	): ContainerRow[] =>
		[...containers.values()]
			.filter(
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
			)
			.sort(
				(a, b) =>
					(stateRank[a.state] ?? 9) - (stateRank[b.state] ?? 9) ||
					a.name.localeCompare(b.name) ||
					a.id.localeCompare(b.id),
			),
);

/**
The Containers pane's rows: running ones first, then by name; filtered and, unless `showAll`, only active ones.
*/
export function visibleContainers(state: AppState): ContainerRow[] {
	return selectContainerRows(
		state.containers,
		state.ui.showAll,
		state.ui.filters.containers,
	);
}

/**
The name to show for an image: its first tag, or `<none>` with the short id.
*/
export function imageName(image: ImageSummary): string {
	return image.repoTags[0] ?? `<none> ${shortId(image.id)}`;
}

const selectImageRows = memoize(
	(images: ReadonlyMap<string, ImageSummary>, filter: string): ImageSummary[] =>
		[...images.values()]
			.filter(image =>
				matches(
					filter,
					...image.repoTags,
					shortId(image.id),
					image.dangling ? '<none>' : undefined,
				),
			)
			.sort((a, b) => b.created - a.created || a.id.localeCompare(b.id)),
);

/**
The Images pane's rows: newest first, like `docker images`.
*/
export function visibleImages(state: AppState): ImageSummary[] {
	return selectImageRows(state.images, state.ui.filters.images);
}

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
	(events: readonly EventRow[], filter: string): readonly EventRow[] =>
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
				),
);

/**
The Events pane's rows, newest first.
*/
export function visibleEvents(state: AppState): readonly EventRow[] {
	return selectEventRows(state.events, state.ui.filters.events);
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
