import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import {shortId} from '../../format/text.js';
import type {ImageSummary} from '../../engine/types.js';
import {
	imageUsage,
	selectedIndex,
	visibleImages,
} from '../../state/selectors.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import useNow from '../hooks/use-now.js';
import useTableWindow from '../hooks/use-table-window.js';
import useRowMarks from '../hooks/use-row-marks.js';
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

function columns(
	now: number,
	usage: ReadonlyMap<string, number>,
	several: boolean,
): ReadonlyArray<Column<ImageSummary>> {
	return [
		...(several
			? [
					{
						header: 'ENGINE',
						width: 10,
						flex: 1,
						text: (row: ImageSummary) =>
							`${row.stale ? '(stale) ' : ''}${row.engine ?? ''}`,
						color: (row: ImageSummary) =>
							row.stale ? theme.status.warning : theme.text.secondary,
					},
				]
			: []),
		{
			header: 'REPOSITORY:TAG',
			width: 16,
			flex: 1,
			text: row => (row.dangling ? '<none>:<none>' : row.repoTags.join(', ')),
			color: row => (row.dangling ? theme.dangling : theme.text.primary),
		},
		{
			header: 'IMAGE ID',
			width: 12,
			text: row => shortId(row.id),
			color: () => theme.text.secondary,
		},
		{header: 'CREATED', width: 7, text: row => formatAge(now - row.created)},
		{
			header: 'SIZE',
			width: 8,
			align: 'right',
			text: row => formatBytes(row.size),
		},
		{
			header: 'USED BY',
			width: 7,
			align: 'right',
			text(row) {
				const count = usage.get(row.id) ?? 0;
				return count === 0 ? '-' : String(count);
			},
		},
	];
}

export default function ImagesView({width, height, focused, startRef}: Props) {
	const rows = useAppState(visibleImages);
	const usage = useAppState(imageUsage);
	const index = useAppState(state => selectedIndex(state, 'images'));
	const sort = useAppState(state => state.ui.sort.images);
	const loaded = useAppState(state => state.loaded.images);
	const filter = useAppState(state => state.ui.filters.images);
	const {start, shown} = useTableWindow(rows, index, height, startRef);
	// Only the rows on screen: an age that changes off screen redraws nothing.
	const now = useNow(5000, time => {
		let text = '';
		for (const row of shown) {
			text += `${formatAge(time - row.created)},`;
		}

		return text;
	});
	const several = useAppState(state => state.engines !== undefined);
	const {marked, badges} = useRowMarks('images');
	const empty = !loaded
		? 'Loading images…'
		: filter
			? `No image matches “${filter}”.`
			: 'No images.';
	return (
		<ResourceTable
			columns={columns(now, usage, several)}
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
