import {Box, Text} from 'ink';
import {memo, useRef} from 'react';
import sanitize from '../../format/printable.js';
import {fit} from '../../format/text.js';
import type {SortOrder} from '../../state/sort.js';
import {theme} from '../theme.js';

/*
Why our own table: `ink-table` crashes under Ink 4+ (it `require`s ESM Ink), and its ESM fork
`@alcalzone/ink-table` renders every row it is given and sizes columns by measuring all of them. A live list of
thousands of containers needs a window: only the rows that fit are rendered, columns have declared widths
(fixed or a share of what is left, so nothing has to be measured), and the viewport only moves when the
selection would leave it, like a pager.
*/

/**
One column of a `ResourceTable`.
*/
export type Column<T> = {
	readonly header: string;
	/**
	Fixed width in columns; with `flex`, the minimum width.
	*/
	readonly width: number;
	/**
	Share of the width left over by the fixed columns.
	@default 0
	*/
	readonly flex?: number;
	/**
	Leave the column out when the table is narrower than this.
	@default 0
	*/
	readonly hideBelow?: number;
	/**
	@default 'left'
	*/
	readonly align?: 'left' | 'right';
	readonly text: (row: T) => string;
	readonly color?: (row: T) => string | undefined;
};

type Props<T> = {
	readonly columns: ReadonlyArray<Column<T>>;
	readonly rows: readonly T[];
	readonly rowKey: (row: T) => string;
	readonly selectedIndex: number;
	/**
	Lines for the header and rows together.
	*/
	readonly height: number;
	readonly width: number;
	readonly focused: boolean;
	readonly marked?: ReadonlySet<string>;
	/**
	One character drawn in the row's gutter instead of the cursor (a spinner frame while an action runs on it).
	*/
	readonly badges?: ReadonlyMap<string, string>;
	readonly emptyText: string;
	/**
	Keeps where the window starts (between renders, and for whoever needs to know which row is where: the mouse).
	*/
	readonly startRef?: {current: number};
	/**
	The column the rows are sorted by (its heading has ▲ or ▼).
	*/
	readonly sort?: SortOrder;
};

/**
Widths for the columns that fit in `width`, leaving one space between columns.
*/
export function layoutColumns<T>(
	columns: ReadonlyArray<Column<T>>,
	width: number,
): Array<[Column<T>, number]> {
	const shown = columns.filter(column => width >= (column.hideBelow ?? 0));
	const gaps = Math.max(0, shown.length - 1);
	const fixed = shown.reduce((sum, column) => sum + column.width, 0);
	const flexTotal = shown.reduce((sum, column) => sum + (column.flex ?? 0), 0);
	let spare = Math.max(0, width - gaps - fixed);
	const result: Array<[Column<T>, number]> = [];
	let flexLeft = flexTotal;
	for (const column of shown) {
		const flex = column.flex ?? 0;
		const extra =
			flex > 0 && flexLeft > 0 ? Math.floor((spare * flex) / flexLeft) : 0;
		spare -= extra;
		flexLeft -= flex;
		result.push([column, column.width + extra]);
	}

	return result;
}

/**
The first row to show so that `selected` is in view, moving the window as little as possible from `previous`.
*/
export function windowStart(
	previous: number,
	selected: number,
	visible: number,
	total: number,
): number {
	if (visible <= 0 || total <= visible) {
		return 0;
	}

	let start = previous;
	if (selected < start) {
		start = selected;
	} else if (selected >= start + visible) {
		start = selected - visible + 1;
	}

	return Math.max(0, Math.min(start, total - visible));
}

function ResourceTable<T>({
	columns,
	rows,
	rowKey,
	selectedIndex,
	height,
	width,
	focused,
	marked,
	badges,
	emptyText,
	startRef,
	sort,
}: Props<T>) {
	const ownStart = useRef(0);
	const startReference = startRef ?? ownStart;
	const visible = Math.max(0, height - 1);
	const start = windowStart(
		startReference.current,
		selectedIndex,
		visible,
		rows.length,
	);
	startReference.current = start;
	// Two columns for the cursor/mark glyph.
	const layout = layoutColumns(columns, Math.max(0, width - 2));
	const header = layout
		.map(([column, columnWidth]) =>
			fit(
				column.header === sort?.column
					? // The arrow stays when the heading is cut.
						`${column.header.slice(0, Math.max(0, columnWidth - 1))}${sort.descending ? '▼' : '▲'}`
					: column.header,
				columnWidth,
				column.align,
			),
		)
		.join(' ');

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.header} wrap="truncate">
				{'  ' + header}
			</Text>
			{rows.length === 0 ? (
				<Text color={theme.text.secondary} wrap="truncate">
					{'  ' + emptyText}
				</Text>
			) : (
				rows.slice(start, start + visible).map((row, offset) => {
					const key = rowKey(row);
					const selected = start + offset === selectedIndex;
					const isMarked = marked?.has(key) ?? false;
					const badge = badges?.get(key);
					return (
						<Row
							key={key}
							cells={layout.map(([column, columnWidth]) => ({
								// Normalised engine data is clean already; this keeps the table safe for any other caller.
								text: fit(
									sanitize(column.text(row)),
									columnWidth,
									column.align,
								),
								color: column.color?.(row),
							}))}
							selected={selected}
							focused={focused}
							marked={isMarked}
							badge={badge}
						/>
					);
				})
			)}
		</Box>
	);
}

type RowProps = {
	readonly cells: ReadonlyArray<{
		readonly text: string;
		readonly color: string | undefined;
	}>;
	readonly selected: boolean;
	readonly focused: boolean;
	readonly marked: boolean;
	readonly badge: string | undefined;
};

const Row = memo(
	function Row({cells, selected, focused, marked, badge}: RowProps) {
		const highlight = selected && focused;
		const glyph = badge ? `${badge} ` : marked ? '● ' : selected ? '› ' : '  ';
		return (
			<Text
				wrap="truncate"
				{...(highlight ? {backgroundColor: theme.selection.background} : {})}
			>
				<Text
					color={
						badge
							? theme.status.warning
							: marked
								? theme.mark
								: theme.text.accent
					}
				>
					{glyph}
				</Text>
				{cells.map((cell, index) => (
					// eslint-disable-next-line react/no-array-index-key
					<Text
						key={index}
						color={highlight ? theme.selection.foreground : cell.color}
					>
						{index === 0 ? cell.text : ' ' + cell.text}
					</Text>
				))}
			</Text>
		);
	},
	(a, b) =>
		a.selected === b.selected &&
		a.focused === b.focused &&
		a.marked === b.marked &&
		a.badge === b.badge &&
		a.cells.length === b.cells.length &&
		a.cells.every(
			(cell, index) =>
				cell.text === b.cells[index]?.text &&
				cell.color === b.cells[index]?.color,
		),
);

export default ResourceTable;
