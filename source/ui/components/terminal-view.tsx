import {memo} from 'react';
import {Box, Text} from 'ink';
import sanitize from '../../engine/sanitize.js';
import {theme} from '../theme.js';
import {
	printableText,
	type ScreenRow,
	type ScreenRun,
	type ScreenSnapshot,
} from '../../terminal/screen.js';

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
};

const Row = memo(function Row({row, cursorX}: RowProps) {
	const runs = cursorX === undefined ? row : withCursor(row, cursorX);
	return (
		<Text wrap="truncate">
			{runs.map((run, index) => (
				<Text
					// eslint-disable-next-line react/no-array-index-key
					key={index}
					color={run.fg}
					backgroundColor={run.bg}
					bold={run.bold}
					dimColor={run.dim}
					italic={run.italic}
					underline={run.underline}
					strikethrough={run.strikethrough}
					inverse={run.inverse}
				>
					{printableText(run.text)}
				</Text>
			))}
		</Text>
	);
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
	const {rows} = terminalContentSize({width, height});
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
				overflow="hidden"
			>
				{snapshot.rows.slice(0, rows).map((row, y) => (
					// eslint-disable-next-line react/no-array-index-key
					<Row
						key={y}
						row={row}
						cursorX={y === cursorY ? cursor.x : undefined}
					/>
				))}
			</Box>
		</Box>
	);
}
