/**
How each list sorts: by any of its columns, either way. The columns are named by their headings (the views draw
the same headings, with ▲ or ▼ on the one the list is sorted by). Pure; the selectors use it.
*/
import formatPorts from '../format/ports.js';
import type {ImageSummary} from '../engine/types.js';
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

/**
The headings each list can be sorted by, in the order `<` and `>` go through them.
*/
export const sortColumns: Readonly<Record<PaneId, readonly string[]>> = {
	containers: containerColumns.map(([name]) => name),
	images: imageColumns.map(([name]) => name),
	events: eventColumns.map(([name]) => name),
	// Not sortable yet: these panes keep the engine's order (names, for volumes and networks).
	volumes: [],
	networks: [],
	engine: [],
	projects: [],
};

/**
How the lists sort until told otherwise: running containers first (then by name), newest images first, newest
events first.
*/
export const defaultSort: Readonly<Record<PaneId, SortOrder>> = {
	containers: {column: 'STATE', descending: false},
	images: {column: 'CREATED', descending: false},
	events: {column: 'TIME', descending: true},
	volumes: {column: '', descending: false},
	networks: {column: '', descending: false},
	engine: {column: '', descending: false},
	projects: {column: '', descending: false},
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
