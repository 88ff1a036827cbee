import {selectedIndex, visibleEvents} from '../../state/selectors.js';
import type {EventRow} from '../../state/types.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import {theme} from '../theme.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	/**
	Where the table's window starts, kept by the app (for the mouse).
	*/
	readonly startRef?: {current: number};
};

const firstKeys = [
	'image',
	'exitCode',
	'signal',
	'container',
	'type',
	'driver',
	'execID',
];

/**
The attributes worth a glance, most useful first: `image=busybox exitCode=0`. The name has its own column.
*/
export function shortAttributes(event: EventRow, several = false): string {
	// The name and (with several engines) the engine have their own columns.
	const entries = Object.entries(event.attributes).filter(
		([key]) => key !== 'name' && !(several && key === 'engine'),
	);
	const rank = (key: string) => {
		const index = firstKeys.indexOf(key);
		return index === -1 ? firstKeys.length : index;
	};

	return entries
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([key, value]) => `${key}=${value}`)
		.join(' ');
}

function time(ms: number): string {
	const date = new Date(ms);
	return [date.getHours(), date.getMinutes(), date.getSeconds()]
		.map(part => String(part).padStart(2, '0'))
		.join(':');
}

const actionLevel: Readonly<Record<string, 'success' | 'warning' | 'error'>> = {
	start: 'success',
	create: 'success',
	unpause: 'success',
	die: 'warning',
	kill: 'warning',
	stop: 'warning',
	pause: 'warning',
	destroy: 'error',
	delete: 'error',
	untag: 'warning',
	oom: 'error',
};

// Looked up when drawn: the theme is chosen at startup, after this module loads.
const actionColor = (action: string): string | undefined => {
	const level = actionLevel[action.split(':')[0] ?? ''];
	return level ? theme.status[level] : undefined;
};

const columns: ReadonlyArray<Column<EventRow>> = [
	{
		header: 'TIME',
		width: 8,
		text: row => time(row.time),
		color: () => theme.text.secondary,
	},
	{header: 'TYPE', width: 9, text: row => row.type},
	{
		header: 'ACTION',
		width: 12,
		text: row => row.action,
		color: row => actionColor(row.action),
	},
	{
		header: 'NAME',
		width: 12,
		flex: 1,
		text: row => row.name ?? row.id.replace(/^sha256:/, '').slice(0, 12),
	},
	{
		header: 'ATTRIBUTES',
		width: 10,
		flex: 2,
		text: row => shortAttributes(row),
		color: () => theme.text.secondary,
	},
];

/**
With several engines: which one sent the event (the engines' merged stream tags each with its name).
*/
const engineColumn: Column<EventRow> = {
	header: 'ENGINE',
	width: 10,
	flex: 1,
	text: row => row.attributes['engine'] ?? '',
	color: () => theme.text.secondary,
};

const severalColumns: ReadonlyArray<Column<EventRow>> = [
	columns[0]!,
	engineColumn,
	...columns.slice(1, -1),
	{...columns.at(-1)!, text: row => shortAttributes(row, true)},
];

export default function EventsView({width, height, focused, startRef}: Props) {
	const rows = useAppState(visibleEvents);
	const several = useAppState(state => state.engines !== undefined);
	const index = useAppState(state => selectedIndex(state, 'events'));
	const sort = useAppState(state => state.ui.sort.events);
	const filter = useAppState(state => state.ui.filters.events);
	return (
		<ResourceTable
			columns={several ? severalColumns : columns}
			rows={rows}
			rowKey={row => String(row.seq)}
			selectedIndex={index}
			height={height}
			width={width}
			focused={focused}
			{...(startRef ? {startRef} : {})}
			sort={sort}
			emptyText={
				filter
					? `No event matches “${filter}”.`
					: 'Waiting for events… (anything done to the engine shows here)'
			}
		/>
	);
}
