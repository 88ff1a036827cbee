import {memo, useCallback} from 'react';
import {Box, Text, Transform} from 'ink';
import stringWidth from 'string-width';
import sanitize from '../../engine/sanitize.js';
import {theme} from '../theme.js';
import {
	printableText,
	type ScreenRow,
	type ScreenRun,
	type ScreenSnapshot,
} from '../../terminal/screen.js';
import {type ColorLevel, colorLevel, styleRun} from '../../terminal/sgr.js';

type Props = {
	/**
	What to draw, from `useTerminalScreen`.
	*/
	readonly snapshot: ScreenSnapshot;
	/**
	Keys go to the container: the border is highlighted and the cursor drawn.
	*/
	readonly focused: boolean;
	/**
	Outer width, border included.
	*/
	readonly width: number;
	/**
	Outer height, border included.
	*/
	readonly height: number;
	/**
	Shown in the top border (e.g. the container name, or the title the program set).
	*/
	readonly title?: string;
};

/**
The emulator size that fills a `TerminalView` of the given outer size (the border takes one cell on each side).
*/
export function terminalContentSize(size: {
	readonly width: number;
	readonly height: number;
}): {
	columns: number;
	rows: number;
} {
	return {
		columns: Math.max(2, size.width - 2),
		rows: Math.max(1, size.height - 2),
	};
}

function topBorder(width: number, title: string | undefined): string {
	const inner = Math.max(0, width - 2);
	const clean = title === undefined ? '' : sanitize(title).trim();
	// '─ ' before the title and ' ' after it.
	const room = inner - 3;
	const label =
		clean === '' || room < 1 ? '' : ` ${[...clean].slice(0, room).join('')} `;
	const lead = label === '' ? '' : '─';
	return `╭${lead}${label}${'─'.repeat(Math.max(0, inner - lead.length - [...label].length))}╮`;
}

/**
The runs of a row with the cell at `x` drawn as the cursor (inverse). The screen gives the cursor's cell a run of
its own; a run covering more cells is split when it is made of single-width characters only.
*/
function withCursor(row: ScreenRow, x: number): ScreenRun[] {
	const runs: ScreenRun[] = [];
	let start = 0;
	for (const run of row) {
		const end = start + run.width;
		if (x < start || x >= end) {
			runs.push(run);
		} else {
			const characters = [...run.text];
			if (run.width === 1 || characters.length !== run.width) {
				runs.push({...run, inverse: !run.inverse});
			} else {
				const offset = x - start;
				const before = characters.slice(0, offset).join('');
				const after = characters.slice(offset + 1).join('');
				if (before !== '') {
					runs.push({...run, text: before, width: offset});
				}

				runs.push({
					...run,
					text: characters[offset]!,
					width: 1,
					inverse: !run.inverse,
				});
				if (after !== '') {
					runs.push({...run, text: after, width: run.width - offset - 1});
				}
			}
		}

		start = end;
	}

	return runs;
}

type RowProps = {
	readonly row: ScreenRow;
	/**
	Column of the cursor when it is drawn on this row.
	*/
	readonly cursorX?: number;
	/**
	Columns the row may take; a row of a wider snapshot (in the moment of a resize) is cut.
	*/
	readonly columns: number;
};

let level: ColorLevel | undefined;

const blanks = new Map<number, string>();
function blank(width: number): string {
	let text = blanks.get(width);
	if (text === undefined) {
		text = ' '.repeat(width);
		blanks.set(width, text);
	}

	return text;
}

/**
`text` made exactly `width` columns wide as Ink measures it (string-width), which is not always what the emulator
counted (emoji, for one): cut where it would stick out, padded with spaces where it falls short.
*/
export function fitText(text: string, width: number): string {
	const measured = stringWidth(text);
	if (measured === width) {
		return text;
	}

	if (measured < width) {
		return text + ' '.repeat(width - measured);
	}

	let fitted = '';
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const segmentWidth = stringWidth(segment);
		if (used + segmentWidth > width) {
			break;
		}

		fitted += segment;
		used += segmentWidth;
	}

	return fitted + ' '.repeat(width - used);
}

const graphemes = new Intl.Segmenter();

/*
A row is a `<Transform>` of blank text that returns the styled row: Ink lays out (and caches the measurement of)
only the blank, which is the same for every row of a width. With `<Text>`, every distinct line a program ever
showed would stay in Ink's measurement cache (see `terminal/sgr.ts`). Ink does not clip what a transform returns,
so the row is cut to `columns` here, and each run is made exactly as wide as it says.
*/
const Row = memo(function Row({row, cursorX, columns}: RowProps) {
	const runs = cursorX === undefined ? row : withCursor(row, cursorX);
	level ??= colorLevel();
	let width = 0;
	let line = '';
	for (const run of runs) {
		const runWidth = Math.min(run.width, columns - width);
		if (runWidth <= 0) {
			break;
		}

		line += styleRun(run, fitText(printableText(run.text), runWidth), level);
		width += runWidth;
	}

	const transform = useCallback(() => line, [line]);
	return <Transform transform={transform}>{blank(width)}</Transform>;
});

/**
A container shell pane: the emulator's cells inside a rounded border with a title. Only cell characters and styles
reach Ink; nothing the container wrote is passed through as it is.
*/
export default function TerminalView({
	snapshot,
	focused,
	width,
	height,
	title,
}: Props) {
	const {columns, rows} = terminalContentSize({width, height});
	const borderColor = focused ? theme.border.focused : theme.border.normal;
	const {cursor} = snapshot;
	const cursorY = focused && cursor.visible ? cursor.y : -1;
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text color={borderColor} wrap="truncate">
				{topBorder(width, title)}
			</Text>
			<Box
				flexDirection="column"
				width={width}
				height={Math.max(1, height - 1)}
				borderStyle="round"
				borderTop={false}
				borderColor={borderColor}
			>
				{snapshot.rows.slice(0, rows).map((row, y) => (
					// eslint-disable-next-line react/no-array-index-key
					<Row
						key={y}
						row={row}
						cursorX={y === cursorY ? cursor.x : undefined}
						columns={columns}
					/>
				))}
			</Box>
		</Box>
	);
}
