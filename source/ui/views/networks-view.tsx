import {formatAge} from '../../format/duration.js';
import {ownId} from '../../engine/engine-tags.js';
import {shortId} from '../../format/text.js';
import type {NetworkSummary} from '../../engine/cleanup-types.js';
import {visibleNetworks} from '../../state/cleanup-selectors.js';
import {selectedIndex} from '../../state/selectors.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import useBusyBadges from '../hooks/use-busy-badges.js';
import useNow from '../hooks/use-now.js';
import {theme} from '../theme.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly startRef?: {current: number};
};

function flags(row: NetworkSummary): string {
	return (
		[row.internal ? 'internal' : '', row.attachable ? 'attachable' : '']
			.filter(Boolean)
			.join(',') || '-'
	);
}

/**
With several engines at once: which one the network is on, and `(stale)` while that engine does not answer.
*/
const engineColumn: Column<NetworkSummary> = {
	header: 'ENGINE',
	width: 10,
	flex: 1,
	text: row => `${row.stale ? '(stale) ' : ''}${row.engine ?? ''}`,
	color: row => (row.stale ? theme.status.warning : theme.text.secondary),
};

function columns(
	now: number,
	several: boolean,
): ReadonlyArray<Column<NetworkSummary>> {
	return [
		...(several ? [engineColumn] : []),
		{header: 'NAME', width: 12, flex: 2, text: row => row.name},
		{
			header: 'NETWORK ID',
			width: 12,
			hideBelow: 90,
			text: row => shortId(ownId(row.id)),
			color: () => theme.text.secondary,
		},
		{header: 'DRIVER', width: 7, text: row => row.driver},
		{header: 'SCOPE', width: 5, hideBelow: 100, text: row => row.scope},
		{
			header: 'SUBNET / GATEWAY',
			width: 16,
			flex: 1,
			text: row =>
				row.ipam
					.map(each =>
						each.gateway ? `${each.subnet} ${each.gateway}` : each.subnet,
					)
					.join(', ') || '-',
		},
		{header: 'FLAGS', width: 8, hideBelow: 110, text: flags},
		{
			header: 'CONTAINERS',
			width: 12,
			flex: 2,
			text: row =>
				row.containers
					.map(each =>
						each.ipv4
							? `${each.name} ${each.ipv4.replace(/\/\d+$/, '')}`
							: each.name,
					)
					.join(', ') || '-',
			color: row =>
				row.containers.length === 0 ? theme.text.secondary : theme.text.primary,
		},
		{
			header: 'CREATED',
			width: 7,
			hideBelow: 120,
			text: row => (row.created > 0 ? formatAge(now - row.created) : '-'),
		},
	];
}

/**
The Networks pane: `docker network ls` with subnets and the containers attached, with their addresses; with
several engines at once, every engine's networks with an ENGINE column.
*/
export default function NetworksView({
	width,
	height,
	focused,
	startRef,
}: Props) {
	const rows = useAppState(visibleNetworks);
	const index = useAppState(state => selectedIndex(state, 'networks'));
	const loaded = useAppState(state => state.cleanup.loaded.networks);
	const filter = useAppState(state => state.ui.filters.networks);
	const now = useNow(5000);
	const badges = useBusyBadges();
	const empty = !loaded
		? 'Loading networks…'
		: filter
			? `No network matches “${filter}”.`
			: 'No networks.';
	const sort = useAppState(state => state.ui.sort.networks);
	const several = useAppState(state => state.engines !== undefined);
	return (
		<ResourceTable
			sort={sort}
			columns={columns(now, several)}
			rows={rows}
			rowKey={row => row.id}
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
