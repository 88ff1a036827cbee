import stringWidth from 'string-width';

/**
Text is measured and cut by grapheme cluster (what a person sees as one character: a ZWJ emoji sequence, a
flag, a letter with its combining marks), never by code point, and each cluster's width is what `string-width`
says, the measure Ink lays the frame out with. So a cut never splits a cluster (half a ZWJ sequence draws as
other glyphs than the whole) and the padding `fit` adds always makes up the width Ink expects, which keeps
borders in place.
*/
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
The grapheme clusters of `text`, in order.
*/
export function graphemes(text: string): string[] {
	if (isNarrow(text)) {
		return [...text];
	}

	return Array.from(segmenter.segment(text), ({segment}) => segment);
}

/**
Columns `text` takes (wide characters count two, combining marks none).
*/
export function textWidth(text: string): number {
	return isNarrow(text) ? text.length : stringWidth(text);
}

/**
Cuts `text` to at most `width` terminal columns (wide characters count two), ending with `…` when cut.
*/
export function truncate(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	if (textWidth(text) <= width) {
		return text;
	}

	let used = 0;
	let result = '';
	for (const cluster of graphemes(text)) {
		const clusterWidth = textWidth(cluster);
		if (used + clusterWidth > width - 1) {
			break;
		}

		result += cluster;
		used += clusterWidth;
	}

	return result + '…';
}

/**
`truncate` then pad with spaces to exactly `width` columns.
*/
export function fit(
	text: string,
	width: number,
	align: 'left' | 'right' = 'left',
): string {
	const cut = truncate(text, width);
	const gap = Math.max(0, width - textWidth(cut));
	return align === 'left' ? cut + ' '.repeat(gap) : ' '.repeat(gap) + cut;
}

/**
Splits `text` into lines of at most `width` columns, by grapheme cluster (a cluster wider than `width` gets a
line of its own). An empty text is one empty line.
*/
export function wrapText(text: string, width: number): string[] {
	const limit = Math.max(1, width);
	if (textWidth(text) <= limit) {
		return [text];
	}

	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const cluster of graphemes(text)) {
		const clusterWidth = textWidth(cluster);
		if (used + clusterWidth > limit && line !== '') {
			lines.push(line);
			line = '';
			used = 0;
		}

		line += cluster;
		used += clusterWidth;
	}

	lines.push(line);
	return lines;
}

/**
Printable ASCII only: one column per character, no need to measure.
*/
function isNarrow(text: string): boolean {
	return /^[\u0020-\u007E]*$/.test(text);
}

/**
The first 12 hex digits of an id, without `sha256:`.
*/
export function shortId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}
