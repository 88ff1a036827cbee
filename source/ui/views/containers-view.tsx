import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import {healthOf} from '../../format/health.js';
import formatPorts from '../../format/ports.js';
import type {RowStat} from '../../inspector/row-stats.js';
import {selectedIndex, visibleContainers} from '../../state/selectors.js';
import type {Busy, ContainerRow} from '../../state/types.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import useNow from '../hooks/use-now.js';
import useRowMarks from '../hooks/use-row-marks.js';
import useRowStats from '../hooks/use-row-stats.js';
import useTableWindow from '../hooks/use-table-window.js';
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
The STATE column: `stateText`, except that a running container with a healthcheck says its health instead of
`running`: `healthy`, `unhealthy`, `starting` (no probe has passed yet).
*/
export function stateWithHealth(container: ContainerRow): string {
	return container.state === 'running'
		? (healthOf(container.status) ?? 'running')
		: stateText(container);
}

function stateColor(container: ContainerRow): string {
	const health =
		container.state === 'running' ? healthOf(container.status) : undefined;
	return health === 'unhealthy'
		? theme.status.error
		: health === 'starting'
			? theme.status.warning
			: containerStateColor[container.state];
}

/**
CPU as `docker stats` shows it: of one CPU, so a container busy on two shows 200%.
*/
export function cpuText(stat: RowStat | undefined): string {
	if (stat?.cpuPercent === undefined) {
		return stat ? '…' : '';
	}

	const value = stat.cpuPercent;
	return `${value < 100 ? value.toFixed(1) : Math.round(value)}%`;
}

/**
Memory in use (less the page cache, as `docker stats`) and its share of the limit: `45.1MB 2.3%`.
*/
export function memoryText(stat: RowStat | undefined): string {
	if (!stat) {
		return '';
	}

	const bytes = formatBytes(stat.memoryUsage);
	if (stat.memoryLimit <= 0) {
		return bytes;
	}

	const percent = (stat.memoryUsage / stat.memoryLimit) * 100;
	return `${bytes} ${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/**
The CPU and MEM columns: figures for running rows on screen, `-` for the others.
*/
function statsColumns(
	stats: ReadonlyMap<string, RowStat>,
): ReadonlyArray<Column<ContainerRow>> {
	const idle = (row: ContainerRow) => row.state !== 'running';
	return [
		{
			header: 'CPU',
			width: 6,
			align: 'right',
			text: row => (idle(row) ? '-' : cpuText(stats.get(row.id)) || '…'),
			color(row) {
				const cpu = stats.get(row.id)?.cpuPercent;
				return cpu !== undefined && cpu >= 90
					? theme.status.warning
					: theme.text.secondary;
			},
		},
		{
			header: 'MEM',
			width: 11,
			align: 'right',
			text: row => (idle(row) ? '-' : memoryText(stats.get(row.id)) || '…'),
			color(row) {
				const stat = stats.get(row.id);
				return stat &&
					stat.memoryLimit > 0 &&
					stat.memoryUsage / stat.memoryLimit >= 0.9
					? theme.status.warning
					: theme.text.secondary;
			},
		},
	];
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
	stats: ReadonlyMap<string, RowStat> | undefined,
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
				return action ? `${action.verb}…` : stateWithHealth(row);
			},
			color: row =>
				busy.has(row.id)
					? theme.status.warning
					: row.stale
						? theme.text.secondary
						: stateColor(row),
		},
		...(stats ? statsColumns(stats) : []),
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
	const several = useAppState(state => state.engines !== undefined);
	const {marked, busy, badges} = useRowMarks('containers');
	const showAllKey = useKeyFor('containers.toggle-all');
	const withStats = useAppState(state => state.ui.statsColumns === true);
	// The rows the table will show (it keeps its window where it was unless the selection leaves it): a stats
	// stream for each running one, none for the rest.
	const {start, shown} = useTableWindow(rows, index, height, startRef);
	// Only the rows on screen: an age that changes off screen redraws nothing.
	const now = useNow(1000, time => ages(shown, time));
	const shownRunning = withStats
		? shown
				.filter(row => row.state === 'running' && !row.stale)
				.map(row => row.id)
		: undefined;
	const stats = useRowStats(shownRunning);
	const empty = !loaded
		? 'Loading containers…'
		: filter
			? `No container matches “${filter}”.`
			: showAll
				? 'No containers. Run one (docker run …) and it appears here.'
				: `No running containers.${showAllKey ? ` Press ${showAllKey} to show stopped ones too.` : ''}`;
	return (
		<ResourceTable
			columns={columns(now, busy, several, withStats ? stats : undefined)}
			rows={rows}
			rowKey={row => row.id}
			selectedIndex={index}
			height={height}
			width={width}
			focused={focused}
			startRef={start}
			marked={marked}
			badges={badges}
			sort={sort}
			emptyText={empty}
		/>
	);
}
