/**
Searching and filtering the log ring: a query is plain text or, on request, a regular expression; it ignores case
unless it has an upper-case letter in it (smart case, as in less and vim). Filtering keeps the matching lines and
`context` lines around each, as `grep -C` does, with a gap between groups that are not next to each other. Pure.
*/

export type Query = {
	readonly text: string;
	readonly regex: boolean;
};

export type Matcher = {
	test(text: string): boolean;
	/**
	Where the query matches in `text`: [start, end) pairs, in order, not overlapping.
	*/
	ranges(text: string): Array<readonly [number, number]>;
};

const escapeRegex = (text: string) =>
	text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
A matcher for `query`, or the reason it is not a valid regular expression. An empty query matches nothing.
*/
export function compileQuery(query: Query): Matcher | {readonly error: string} {
	if (query.text === '') {
		return {test: () => false, ranges: () => []};
	}

	const flags = /\p{Lu}/u.test(query.text) ? 'gu' : 'giu';
	let pattern: RegExp;
	try {
		pattern = new RegExp(
			query.regex ? query.text : escapeRegex(query.text),
			flags,
		);
	} catch (error) {
		return {
			error: `not a regular expression: ${error instanceof Error ? error.message : String(error)}`,
		};
	}

	const tester = new RegExp(pattern.source, flags.replace('g', ''));
	return {
		test: text => tester.test(text),
		ranges(text) {
			const found: Array<readonly [number, number]> = [];
			pattern.lastIndex = 0;
			for (const match of text.matchAll(pattern)) {
				if (match[0] === '') {
					continue;
				}

				found.push([match.index, match.index + match[0].length]);
				if (found.length > 200) {
					break;
				}
			}

			return found;
		},
	};
}

/**
Which of `count` lines a filter keeps: indices in order, each matching line with `context` lines before and after
it, and `gap` entries (-1) where the kept lines skip some, as grep prints `--`.
*/
export function filterWithContext(
	count: number,
	isMatch: (index: number) => boolean,
	context: number,
): number[] {
	const keep: number[] = [];
	let lastKept = -1;
	let pendingAfter = 0;
	const before = Math.max(0, context);
	for (let index = 0; index < count; index++) {
		if (isMatch(index)) {
			const from = Math.max(lastKept + 1, index - before);
			if (lastKept !== -1 && from > lastKept + 1) {
				keep.push(-1);
			}

			for (let each = from; each <= index; each++) {
				keep.push(each);
			}

			lastKept = index;
			pendingAfter = before;
		} else if (pendingAfter > 0) {
			keep.push(index);
			lastKept = index;
			pendingAfter--;
		}
	}

	return keep;
}
