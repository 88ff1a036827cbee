import {useEffect, useSyncExternalStore} from 'react';
import type {RowStat} from '../../inspector/row-stats.js';
import {useServices} from '../context.js';

const none: ReadonlyMap<string, RowStat> = new Map();
const noStats = {
	subscribe: () => () => undefined,
	snapshot: () => none,
};

/**
The CPU and MEM figures of the containers `ids` (the running rows on screen), with a stats stream open for each
of them and for no other while the calling view is shown; `undefined` closes them all (the columns are off).
Re-renders at most once a second.
*/
export default function useRowStats(
	ids: readonly string[] | undefined,
): ReadonlyMap<string, RowStat> {
	const {rowStats} = useServices();
	const key = ids?.join(',');
	useEffect(() => {
		rowStats?.show(key ? key.split(',') : []);
	}, [rowStats, key]);
	// The view goes (another pane, the columns off): every stream with it.
	useEffect(
		() => () => {
			rowStats?.show([]);
		},
		[rowStats],
	);
	const source = rowStats ?? noStats;
	const stats = useSyncExternalStore(source.subscribe, source.snapshot);
	return ids ? stats : none;
}
