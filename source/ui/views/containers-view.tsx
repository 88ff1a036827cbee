import {formatAge} from '../../format/duration.js';
import formatPorts from '../../format/ports.js';
import {selectedIndex, visibleContainers} from '../../state/selectors.js';
import type {Busy, ContainerRow} from '../../state/types.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import useNow from '../hooks/use-now.js';
import useRowMarks from '../hooks/use-row-marks.js';
import {containerStateColor, theme} from '../theme.js';
import {useKeyFor} from '../hooks/use-keymap.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	/**
	Where the table's window starts, kept by the app (for the mouse).
	*/
	readonly startRef?: {current: number};
};

/**
The state word with what matters next to it: `exited (137)`, `running`, `paused`.
*/
export function stateText(container: ContainerRow): string {
	if (
		(container.state === 'exited' || container.state === 'dead') &&
		container.exitCode !== undefined
	) {
		return `${container.state} (${container.exitCode})`;
	}

	return container.state;
}

/**
With several engines: which one the row is on, and `(stale)` while that engine does not answer.
*/
const engineColumn: Column<ContainerRow> = {
	header: 'ENGINE',
	width: 10,
	flex: 1,
	text: row => `${row.stale ? '(stale) ' : ''}${row.engine ?? ''}`,
	color: row => (row.stale ? theme.status.warning : theme.text.secondary),
};

function uptime(row: ContainerRow, now: number): string {
	return (row.state === 'running' || row.state === 'paused') &&
		row.startedAt !== undefined
		? formatAge(now - row.startedAt)
		: '-';
}

/**
The text the clock drives in the table: every row's uptime and age.
*/
function ages(rows: readonly ContainerRow[], now: number): string {
	let text = '';
	for (const row of rows) {
		text += `${uptime(row, now)} ${formatAge(now - row.created)},`;
	}

	return text;
}

function columns(
	now: number,
	busy: ReadonlyMap<string, Busy>,
	several: boolean,
): ReadonlyArray<Column<ContainerRow>> {
	return [
		...(several ? [engineColumn] : []),
		{
			header: 'NAME',
			width: 12,
			flex: 3,
			text: row => row.name,
			color: () => theme.text.primary,
		},
		{header: 'IMAGE', width: 10, flex: 3, text: row => row.image},
		{
			header: 'STATE',
			width: 12,
			text(row) {
				const action = busy.get(row.id);
				return action ? `${action.verb}…` : stateText(row);
			},
			color: row =>
				busy.has(row.id)
					? theme.status.warning
					: row.stale
						? theme.text.secondary
						: containerStateColor[row.state],
		},
		{
			header: 'UPTIME',
			width: 6,
			text: row => uptime(row, now),
		},
		{header: 'AGE', width: 5, text: row => formatAge(now - row.created)},
		{
			header: 'PORTS',
			width: 8,
			flex: 3,
			text: row => formatPorts(row.ports),
			color: () => theme.text.accent,
		},
		{
			header: 'PROJECT',
			width: 10,
			flex: 1,
			hideBelow: 110,
			text: row => row.composeProject ?? '',
		},
	];
}

export default function ContainersView({
	width,
	height,
	focused,
	startRef,
}: Props) {
	const rows = useAppState(visibleContainers);
	const index = useAppState(state => selectedIndex(state, 'containers'));
	const sort = useAppState(state => state.ui.sort.containers);
	const loaded = useAppState(state => state.loaded.containers);
	const showAll = useAppState(state => state.ui.showAll);
	const filter = useAppState(state => state.ui.filters.containers);
	const now = useNow(1000, time => ages(rows, time));
	const several = useAppState(state => state.engines !== undefined);
	const {marked, busy, badges} = useRowMarks('containers');
	const showAllKey = useKeyFor('containers.toggle-all');
	const empty = !loaded
		? 'Loading containers…'
		: filter
			? `No container matches “${filter}”.`
			: showAll
				? 'No containers. Run one (docker run …) and it appears here.'
				: `No running containers.${showAllKey ? ` Press ${showAllKey} to show stopped ones too.` : ''}`;
	return (
		<ResourceTable
			columns={columns(now, busy, several)}
			rows={rows}
			rowKey={row => row.id}
			selectedIndex={index}
			height={height}
			width={width}
			focused={focused}
			{...(startRef ? {startRef} : {})}
			marked={marked}
			badges={badges}
			sort={sort}
			emptyText={empty}
		/>
	);
}
