import {memo, type Ref, useCallback, useLayoutEffect, useMemo} from 'react';
import {Box, type DOMElement, Text, Transform} from 'ink';
import stringWidth from 'string-width';
import sanitize from '../../format/printable.js';
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
	/**
	The bordered box around the cells (the cells start one column in, on its first row).
	*/
	readonly contentRef?: Ref<DOMElement>;
	/**
	Called with the lines each commit drew, once they are in Ink's tree.
	*/
	readonly onLines?: (lines: readonly string[]) => void;
};

import {terminalContentSize} from '../terminal-size.js';

export {terminalContentSize} from '../terminal-size.js';

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

/**
One row of the screen as the pane draws it: styled (SGR only), cut to `columns`, each run exactly as wide as it
says, and padded to exactly `columns` cells.
*/
function rowLine(
	row: ScreenRow,
	cursorX: number | undefined,
	columns: number,
): string {
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

	return width < columns ? line + blank(columns - width) : line;
}

const madeLines = new WeakMap<
	ScreenRow,
	{readonly columns: number; readonly line: string}
>();

/**
The pane's lines for `snapshot`: exactly `rows` of them, each `columns` wide, the cursor drawn when `focused`.
Ink renders these, and the shell pane writes the same strings straight to the terminal between Ink's frames
(`ui/direct-region.ts`), so the two never disagree.
*/
export function paneLines(
	snapshot: ScreenSnapshot,
	focused: boolean,
	size: {readonly columns: number; readonly rows: number},
): string[] {
	const {columns, rows} = size;
	const {cursor} = snapshot;
	const cursorY = focused && cursor.visible ? cursor.y : -1;
	const lines: string[] = [];
	for (let y = 0; y < rows; y++) {
		const row = snapshot.rows[y];
		if (row === undefined) {
			lines.push(blank(columns));
		} else if (y === cursorY) {
			lines.push(rowLine(row, cursor.x, columns));
		} else {
			// The screen keeps the row objects of unchanged rows, so most lines are made once.
			let made = madeLines.get(row);
			if (made?.columns !== columns) {
				made = {columns, line: rowLine(row, undefined, columns)};
				madeLines.set(row, made);
			}

			lines.push(made.line);
		}
	}

	return lines;
}

/*
A row is a `<Transform>` of blank text that returns the styled line: Ink lays out (and caches the measurement of)
only the blank, which is the same for every row of a width. With `<Text>`, every distinct line a program ever
showed would stay in Ink's measurement cache (see `terminal/sgr.ts`). Ink does not clip what a transform returns;
`paneLines` made the line exactly as wide as the blank.
*/
const Row = memo(function Row({
	line,
	columns,
}: {
	readonly line: string;
	readonly columns: number;
}) {
	const transform = useCallback(() => line, [line]);
	return <Transform transform={transform}>{blank(columns)}</Transform>;
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
	contentRef,
	onLines,
}: Props) {
	const {columns, rows} = terminalContentSize({width, height});
	const borderColor = focused ? theme.border.focused : theme.border.normal;
	const lines = useMemo(
		() => paneLines(snapshot, focused, {columns, rows}),
		[snapshot, focused, columns, rows],
	);
	useLayoutEffect(() => {
		onLines?.(lines);
	}, [lines, onLines]);
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text color={borderColor} wrap="truncate">
				{topBorder(width, title)}
			</Text>
			<Box
				ref={contentRef}
				flexDirection="column"
				width={width}
				height={Math.max(1, height - 1)}
				borderStyle="round"
				borderTop={false}
				borderColor={borderColor}
			>
				{lines.map((line, y) => (
					// eslint-disable-next-line react/no-array-index-key
					<Row key={y} line={line} columns={columns} />
				))}
			</Box>
		</Box>
	);
}
