/**
How each list sorts: by any of its columns, either way. The columns are named by their headings (the views draw
the same headings, with ▲ or ▼ on the one the list is sorted by). Pure; the selectors use it.
*/
import formatPorts from '../format/ports.js';
import type {ImageSummary} from '../engine/types.js';
import type {NetworkSummary, VolumeSummary} from '../engine/cleanup-types.js';
import {predefinedNetworkNames} from '../forms/cleanup-forms.js';
import type {ContainerRow, EventRow, PaneId} from './types.js';

/**
The column a list is sorted by, and which way. Ascending (▲) is A to Z, small to large, young to old (the age
columns show ages: newest first is ascending).
*/
export type SortOrder = {readonly column: string; readonly descending: boolean};

type Compare<T> = (a: T, b: T, usage: ReadonlyMap<string, number>) => number;

const text = (a: string | undefined, b: string | undefined) =>
	(a ?? '').localeCompare(b ?? '');

const stateRank: Readonly<Record<string, number>> = {
	running: 0,
	restarting: 1,
	paused: 2,
	removing: 3,
	created: 4,
};

// When the UPTIME column counts from: only running and paused containers have an uptime.
const upSince = (row: ContainerRow) =>
	(row.state === 'running' || row.state === 'paused') &&
	row.startedAt !== undefined
		? row.startedAt
		: Number.NEGATIVE_INFINITY;

const containerColumns: ReadonlyArray<
	readonly [string, Compare<ContainerRow>]
> = [
	['NAME', (a, b) => text(a.name, b.name)],
	['IMAGE', (a, b) => text(a.image, b.image)],
	['STATE', (a, b) => (stateRank[a.state] ?? 9) - (stateRank[b.state] ?? 9)],
	[
		'UPTIME',
		// Running the longest last; not running at all after everything.
		(a, b) => upSince(b) - upSince(a) || 0,
	],
	['AGE', (a, b) => b.created - a.created],
	['PORTS', (a, b) => text(formatPorts(a.ports), formatPorts(b.ports))],
	['PROJECT', (a, b) => text(a.composeProject, b.composeProject)],
];

const imageColumns: ReadonlyArray<readonly [string, Compare<ImageSummary>]> = [
	[
		'REPOSITORY:TAG',
		(a, b) =>
			Number(a.dangling) - Number(b.dangling) ||
			text(a.repoTags[0], b.repoTags[0]),
	],
	['IMAGE ID', (a, b) => text(a.id, b.id)],
	['CREATED', (a, b) => b.created - a.created],
	['SIZE', (a, b) => a.size - b.size],
	['USED BY', (a, b, usage) => (usage.get(a.id) ?? 0) - (usage.get(b.id) ?? 0)],
];

const eventColumns: ReadonlyArray<readonly [string, Compare<EventRow>]> = [
	['TIME', (a, b) => a.time - b.time || a.seq - b.seq],
	['TYPE', (a, b) => text(a.type, b.type)],
	['ACTION', (a, b) => text(a.action, b.action)],
	['NAME', (a, b) => text(a.name ?? a.id, b.name ?? b.id)],
	[
		'ATTRIBUTES',
		(a, b) =>
			text(
				Object.entries(a.attributes).join(' '),
				Object.entries(b.attributes).join(' '),
			),
	],
];

// The predefined networks first, as the engine lists them (bridge, host, none).
const predefinedOrder = [...predefinedNetworkNames];
const networkRank = (name: string) => {
	const index = predefinedOrder.indexOf(name);
	return index === -1 ? predefinedOrder.length : index;
};

const ipv4Number = (address: string | undefined) =>
	(address ?? '')
		.replace(/\/.*$/, '')
		.split('.')
		.reduce((sum, part) => sum * 256 + (Number(part) || 0), 0);

/* The sizes come in as `usage`: bytes per volume name (absent: not measured yet, sorted as smallest). */
const volumeColumns: ReadonlyArray<readonly [string, Compare<VolumeSummary>]> =
	[
		[
			'VOLUME NAME',
			// Named volumes first, by name; then the anonymous ones, newest first.
			(a, b) =>
				Number(a.anonymous) - Number(b.anonymous) ||
				(a.anonymous ? b.created - a.created : 0) ||
				text(a.name, b.name),
		],
		['DRIVER', (a, b) => text(a.driver, b.driver)],
		[
			'SIZE',
			(a, b, sizes) => (sizes.get(a.name) ?? -1) - (sizes.get(b.name) ?? -1),
		],
		[
			'USED BY',
			(a, b) =>
				a.usedBy.length - b.usedBy.length ||
				text(a.usedBy[0]?.name, b.usedBy[0]?.name),
		],
		['CREATED', (a, b) => b.created - a.created],
	];

const networkColumns: ReadonlyArray<
	readonly [string, Compare<NetworkSummary>]
> = [
	[
		'NAME',
		(a, b) => networkRank(a.name) - networkRank(b.name) || text(a.name, b.name),
	],
	['NETWORK ID', (a, b) => text(a.id, b.id)],
	['DRIVER', (a, b) => text(a.driver, b.driver)],
	['SCOPE', (a, b) => text(a.scope, b.scope)],
	[
		'SUBNET / GATEWAY',
		(a, b) => ipv4Number(a.ipam[0]?.subnet) - ipv4Number(b.ipam[0]?.subnet),
	],
	['CONTAINERS', (a, b) => a.containers.length - b.containers.length],
	['CREATED', (a, b) => b.created - a.created],
];

/**
What the Projects pane sorts by: its projects, and each project's services; a service's containers stay in
their compose order (by number).
*/
export type ProjectGroup = {
	readonly name: string;
	readonly running: number;
	readonly unhealthy: number;
	readonly newest: number;
};

const projectColumns: ReadonlyArray<readonly [string, Compare<ProjectGroup>]> =
	[
		['PROJECT / SERVICE / CONTAINER', (a, b) => text(a.name, b.name)],
		['RUNNING', (a, b) => a.running - b.running],
		['HEALTH', (a, b) => a.unhealthy - b.unhealthy],
		['AGE', (a, b) => b.newest - a.newest],
	];

/**
The headings each list can be sorted by, in the order `<` and `>` go through them.
*/
export const sortColumns: Readonly<Record<PaneId, readonly string[]>> = {
	containers: containerColumns.map(([name]) => name),
	images: imageColumns.map(([name]) => name),
	events: eventColumns.map(([name]) => name),
	volumes: volumeColumns.map(([name]) => name),
	networks: networkColumns.map(([name]) => name),
	// A fixed list of kinds (images, containers, volumes, build cache), in `docker system df`'s order.
	engine: [],
	projects: projectColumns.map(([name]) => name),
};

/**
How the lists sort until told otherwise: running containers first (then by name), newest images first, newest
events first.
*/
export const defaultSort: Readonly<Record<PaneId, SortOrder>> = {
	containers: {column: 'STATE', descending: false},
	images: {column: 'CREATED', descending: false},
	events: {column: 'TIME', descending: true},
	volumes: {column: 'VOLUME NAME', descending: false},
	networks: {column: 'NAME', descending: false},
	engine: {column: '', descending: false},
	projects: {column: 'PROJECT / SERVICE / CONTAINER', descending: false},
};

function sorted<T>(
	rows: readonly T[],
	columns: ReadonlyArray<readonly [string, Compare<T>]>,
	order: SortOrder,
	tieBreak: (a: T, b: T) => number,
	usage: ReadonlyMap<string, number>,
): T[] {
	const compare =
		columns.find(([name]) => name === order.column)?.[1] ?? columns[0]![1];
	const sign = order.descending ? -1 : 1;
	return [...rows].sort(
		(a, b) => sign * compare(a, b, usage) || tieBreak(a, b),
	);
}

export function sortContainers(
	rows: readonly ContainerRow[],
	order: SortOrder,
): ContainerRow[] {
	return sorted(
		rows,
		containerColumns,
		order,
		(a, b) => text(a.name, b.name) || text(a.id, b.id),
		new Map(),
	);
}

export function sortImages(
	rows: readonly ImageSummary[],
	order: SortOrder,
	usage: ReadonlyMap<string, number>,
): ImageSummary[] {
	return sorted(
		rows,
		imageColumns,
		order,
		(a, b) => b.created - a.created || text(a.id, b.id),
		usage,
	);
}

export function sortEvents(
	rows: readonly EventRow[],
	order: SortOrder,
): EventRow[] {
	return sorted(rows, eventColumns, order, (a, b) => b.seq - a.seq, new Map());
}

export function sortVolumes(
	rows: readonly VolumeSummary[],
	order: SortOrder,
	sizes: ReadonlyMap<string, number>,
): VolumeSummary[] {
	return sorted(
		rows,
		volumeColumns,
		order,
		(a, b) => text(a.name, b.name),
		sizes,
	);
}

export function sortNetworks(
	rows: readonly NetworkSummary[],
	order: SortOrder,
): NetworkSummary[] {
	return sorted(
		rows,
		networkColumns,
		order,
		(a, b) => text(a.name, b.name) || text(a.id, b.id),
		new Map(),
	);
}

export function sortProjectGroups<T extends ProjectGroup>(
	rows: readonly T[],
	order: SortOrder,
): T[] {
	return sorted<T>(
		rows,
		projectColumns,
		order,
		(a, b) => text(a.name, b.name),
		new Map(),
	);
}

/**
`order` moved to the next (`step` 1) or previous (-1) column of `pane`, ascending; or reversed (`step` 0).
*/
export function nextSort(
	pane: PaneId,
	order: SortOrder,
	step: -1 | 0 | 1,
): SortOrder {
	if (step === 0) {
		return {...order, descending: !order.descending};
	}

	const columns = sortColumns[pane];
	if (columns.length === 0) {
		return order;
	}

	const index = columns.indexOf(order.column);
	const next =
		columns[(index + step + columns.length) % columns.length] ?? columns[0]!;
	return {column: next, descending: false};
}

/**
Takes a stored sort order only when it still names a column of the pane.
*/
export function validSort(pane: PaneId, value: unknown): SortOrder | undefined {
	if (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as SortOrder).column === 'string' &&
		typeof (value as SortOrder).descending === 'boolean' &&
		sortColumns[pane].includes((value as SortOrder).column)
	) {
		return {
			column: (value as SortOrder).column,
			descending: (value as SortOrder).descending,
		};
	}

	return undefined;
}
