/**
Rows of styled text drawn the way the shell pane draws its cells: each row is a `<Transform>` of blank text that
returns the styled string, so that Ink measures (and caches forever) only the blank, never the text. Log lines,
processes and the inspect document change all the time; as `<Text>` each distinct line would stay in Ink's
measurement cache (see `terminal/sgr.ts`). Every row is cut and padded to exactly `columns` cells here.
*/
import {memo, useCallback} from 'react';
import {Box, Transform} from 'ink';
import stringWidth from 'string-width';
import {type ColorLevel, colorLevel, styleRun} from '../../terminal/sgr.js';

/**
A piece of a row with one style. `text` must be printable (sanitized).
*/
export type Span = {
	readonly text: string;
	readonly fg?: string;
	readonly bg?: string;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly inverse?: boolean;
};

export type StyledRow = readonly Span[];

let level: ColorLevel | undefined;

const graphemes = new Intl.Segmenter();
// eslint-disable-next-line no-control-regex
const narrowOnly = /^[\u0020-\u007E]*$/;

/**
The cells of `text`: graphemes with their width (ASCII text takes the fast path).
*/
export function cells(text: string): Array<readonly [string, number]> {
	if (narrowOnly.test(text)) {
		return [...text].map(character => [character, 1] as const);
	}

	const out: Array<readonly [string, number]> = [];
	for (const {segment} of graphemes.segment(text)) {
		out.push([segment, stringWidth(segment)]);
	}

	return out;
}

const blanks = new Map<number, string>();
export function blank(width: number): string {
	let text = blanks.get(width);
	if (text === undefined) {
		text = ' '.repeat(Math.max(0, width));
		blanks.set(width, text);
	}

	return text;
}

/**
`row` as one string of exactly `columns` cells: styled, skipping the first `skip` cells, cut where it would stick
out, padded with spaces.
*/
export function rowString(row: StyledRow, columns: number, skip = 0): string {
	level ??= colorLevel();
	let out = '';
	let used = 0;
	let skipped = 0;
	let full = false;
	for (const span of row) {
		if (full || used >= columns) {
			break;
		}

		let text = '';
		if (narrowOnly.test(span.text)) {
			let from = 0;
			if (skipped < skip) {
				from = Math.min(span.text.length, skip - skipped);
				skipped += from;
			}

			text = span.text.slice(from, from + columns - used);
			used += text.length;
		} else {
			for (const [cell, width] of cells(span.text)) {
				if (skipped < skip) {
					skipped += width;
					continue;
				}

				if (used + width > columns) {
					full = true;
					break;
				}

				text += cell;
				used += width;
			}
		}

		if (text !== '') {
			out += styleRun(
				{
					text,
					width: 0,
					...(span.fg === undefined ? {} : {fg: span.fg}),
					...(span.bg === undefined ? {} : {bg: span.bg}),
					bold: span.bold ?? false,
					dim: span.dim ?? false,
					italic: false,
					underline: false,
					inverse: span.inverse ?? false,
					strikethrough: false,
				},
				text,
				level,
			);
		}
	}

	return used < columns ? out + blank(columns - used) : out;
}

/**
`row` broken into rows of at most `columns` cells (at most `maxRows` of them; the last one then ends in `…`).
*/
export function wrapRow(
	row: StyledRow,
	columns: number,
	maxRows = 200,
): StyledRow[] {
	const rows: Span[][] = [[]];
	let used = 0;
	for (const span of row) {
		let piece = '';
		const flush = () => {
			if (piece !== '') {
				rows.at(-1)!.push({...span, text: piece});
				piece = '';
			}
		};

		for (const [cell, width] of cells(span.text)) {
			if (used + width > columns && used > 0) {
				flush();
				if (rows.length >= maxRows) {
					rows.at(-1)!.push({text: '…', dim: true});
					return rows;
				}

				rows.push([]);
				used = 0;
			}

			piece += cell;
			used += width;
		}

		flush();
	}

	return rows;
}

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
`rows` (already made `columns` wide by `rowString`), one per line, padded with blank lines to `height`.
*/
export default function StyledRows({
	lines,
	columns,
	height,
}: {
	readonly lines: readonly string[];
	readonly columns: number;
	readonly height: number;
}) {
	const shown = lines.slice(0, height);
	return (
		<Box flexDirection="column" height={height} width={columns} flexShrink={0}>
			{shown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Row key={index} line={line} columns={columns} />
			))}
		</Box>
	);
}
