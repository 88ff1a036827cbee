import stringWidth from 'string-width';

/**
Cuts `text` to at most `width` terminal columns (wide characters count two), ending with `…` when cut.
*/
export function truncate(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	if (isNarrow(text) ? text.length <= width : stringWidth(text) <= width) {
		return text;
	}

	let used = 0;
	let result = '';
	for (const character of text) {
		const characterWidth = isNarrow(character) ? 1 : stringWidth(character);
		if (used + characterWidth > width - 1) {
			break;
		}

		result += character;
		used += characterWidth;
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
	const gap = Math.max(
		0,
		width - (isNarrow(cut) ? cut.length : stringWidth(cut)),
	);
	return align === 'left' ? cut + ' '.repeat(gap) : ' '.repeat(gap) + cut;
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
