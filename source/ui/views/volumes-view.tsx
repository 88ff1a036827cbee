import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import type {VolumeSummary} from '../../engine/cleanup-types.js';
import {
	visibleVolumes,
	volumeName,
	volumeSizes,
} from '../../state/cleanup-selectors.js';
import {selectedIndex} from '../../state/selectors.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import useBusyBadges from '../hooks/use-busy-badges.js';
import useNow from '../hooks/use-now.js';
import {theme} from '../theme.js';
import {useKeyFor} from '../hooks/use-keymap.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly startRef?: {current: number};
};

function columns(
	now: number,
	sizes: ReadonlyMap<string, number>,
	sized: boolean,
	several: boolean,
): ReadonlyArray<Column<VolumeSummary>> {
	return [
		...(several ? [engineColumn] : []),
		{
			header: 'VOLUME NAME',
			width: 14,
			flex: 2,
			text: volumeName,
			color: row => (row.anonymous ? theme.text.secondary : theme.text.primary),
		},
		{header: 'DRIVER', width: 7, text: row => row.driver},
		{
			header: 'SIZE',
			width: 8,
			align: 'right',
			text(row) {
				const size = sizes.get(row.name);
				return size === undefined || size < 0
					? sized
						? '-'
						: '…'
					: formatBytes(size);
			},
		},
		{
			header: 'USED BY',
			width: 12,
			flex: 2,
			text: row =>
				row.usedBy.length === 0
					? '-'
					: row.usedBy.map(user => user.name).join(', '),
			color: row =>
				row.usedBy.length === 0 ? theme.text.secondary : theme.text.primary,
		},
		{
			header: 'CREATED',
			width: 7,
			text: row => (row.created > 0 ? formatAge(now - row.created) : '-'),
		},
		{
			header: 'MOUNTPOINT',
			width: 12,
			flex: 1,
			hideBelow: 110,
			text: row => row.mountpoint,
			color: () => theme.text.secondary,
		},
		{
			header: 'LABELS',
			width: 10,
			flex: 1,
			hideBelow: 130,
			text: row =>
				Object.entries(row.labels)
					.map(([key, value]) => (value ? `${key}=${value}` : key))
					.join(' ') || '-',
			color: () => theme.text.secondary,
		},
	];
}

/**
With several engines at once: which one the volume is on, and `(stale)` while that engine does not answer.
*/
const engineColumn: Column<VolumeSummary> = {
	header: 'ENGINE',
	width: 10,
	flex: 1,
	text: row => `${row.stale ? '(stale) ' : ''}${row.engine ?? ''}`,
	color: row => (row.stale ? theme.status.warning : theme.text.secondary),
};

/**
The Volumes pane: `docker volume ls` with sizes (from the disk usage) and the containers that mount each one;
with several engines at once, every engine's volumes with an ENGINE column.
*/
export default function VolumesView({width, height, focused, startRef}: Props) {
	const rows = useAppState(visibleVolumes);
	const sizes = useAppState(volumeSizes);
	const sized = useAppState(state => state.cleanup.disk !== undefined);
	const index = useAppState(state => selectedIndex(state, 'volumes'));
	const loaded = useAppState(state => state.cleanup.loaded.volumes);
	const filter = useAppState(state => state.ui.filters.volumes);
	const now = useNow(5000);
	const badges = useBusyBadges();
	const createKey = useKeyFor('volumes.create');
	const empty = !loaded
		? 'Loading volumes…'
		: filter
			? `No volume matches “${filter}”.`
			: `No volumes.${createKey ? ` ${createKey} creates one.` : ''}`;
	const sort = useAppState(state => state.ui.sort.volumes);
	const several = useAppState(state => state.engines !== undefined);
	return (
		<ResourceTable
			sort={sort}
			columns={columns(now, sizes, sized, several)}
			rows={rows}
			rowKey={row => row.name}
			selectedIndex={index}
			height={height}
			width={width}
			focused={focused}
			{...(startRef ? {startRef} : {})}
			badges={badges}
			emptyText={empty}
		/>
	);
}
