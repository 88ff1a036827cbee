/**
The lines the Logs tab shows, over the ring: all of them, or (with a filter) the matching ones with their context
and gaps, and where a search match or the paused bottom line falls in that list. Pure, recomputed from the ring
when it changes; a filter over the whole ring of 10,000 lines is a few milliseconds.
*/
import type {LogLine, LogRing} from './log-ring.js';
import {compileQuery, filterWithContext, type Matcher} from './log-search.js';
import type {LogView} from '../state/inspector-types.js';

export type ShownLine = LogLine | 'gap';

export type ShownLogs = {
	readonly length: number;
	at(position: number): ShownLine | undefined;
	/**
	The position of the line `seq`, or of the last shown line before it; -1 when none is.
	*/
	positionOf(seq: number): number;
	readonly search?: Matcher;
	/**
	Why the search or filter could not be used (a bad regular expression).
	*/
	readonly error?: string;
};

const matcherOf = (
	query: LogView['search'],
): {matcher?: Matcher; error?: string} => {
	if (!query) {
		return {};
	}

	const compiled = compileQuery(query);
	return 'error' in compiled ? {error: compiled.error} : {matcher: compiled};
};

export function shownLogs(
	ring: LogRing,
	view: Pick<LogView, 'filter' | 'search' | 'context'>,
): ShownLogs {
	const search = matcherOf(view.search);
	const filter = matcherOf(view.filter);
	const error = filter.error ?? search.error;
	const extra = {
		...(search.matcher ? {search: search.matcher} : {}),
		...(error === undefined ? {} : {error}),
	};
	if (!filter.matcher) {
		return {
			length: ring.length,
			at: position => ring.at(position),
			positionOf(seq) {
				const first = ring.at(0)?.seq;
				if (first === undefined || seq < first) {
					return -1;
				}

				return Math.min(ring.length - 1, seq - first);
			},
			...extra,
		};
	}

	const {matcher} = filter;
	const indices = filterWithContext(
		ring.length,
		index => {
			const line = ring.at(index);
			// Markers (restarted, exited) always show: they say where the lines come from.
			return (
				line !== undefined &&
				(line.stream === 'marker' || matcher.test(line.text))
			);
		},
		view.context,
	);
	return {
		length: indices.length,
		at(position) {
			const index = indices[position];
			return index === undefined
				? undefined
				: index === -1
					? 'gap'
					: ring.at(index);
		},
		positionOf(seq) {
			// Binary search over the kept indices (they rise with seq); gaps take the value of the line before.
			let low = 0;
			let high = indices.length - 1;
			let found = -1;
			while (low <= high) {
				const middle = (low + high) >> 1;
				let probe = middle;
				while (probe > 0 && indices[probe] === -1) {
					probe--;
				}

				const line = ring.at(indices[probe]!);
				if (line !== undefined && line.seq <= seq) {
					found = middle;
					low = middle + 1;
				} else {
					high = middle - 1;
				}
			}

			return found;
		},
		...extra,
	};
}

/**
The next search match from `fromPosition`, going up (`-1`, older) or down (`1`, newer), not counting the line at
`fromPosition` itself; undefined when there is none.
*/
export function nextMatch(
	shown: ShownLogs,
	fromPosition: number,
	direction: 1 | -1,
): number | undefined {
	const {search} = shown;
	if (!search) {
		return undefined;
	}

	for (
		let position = fromPosition + direction;
		position >= 0 && position < shown.length;
		position += direction
	) {
		const line = shown.at(position);
		if (
			line !== undefined &&
			line !== 'gap' &&
			line.stream !== 'marker' &&
			search.test(line.text)
		) {
			return position;
		}
	}

	return undefined;
}
