/**
What `y` in the Logs tab copies: the lines on screen, or, with a search (`/`) or a filter (`&`) in use, every
line of the ring that matches (both, when both are in use), oldest first. Markers (dockpit's own lines: exited,
started again) are copied with the lines on screen and never count as matches. The text is plain: no escape
sequence (SGR colours included) and no control character. Pure.
*/
import {plainText} from '../format/printable.js';
import type {LogView} from '../state/inspector-types.js';
import type {LogLine, LogRing} from './log-ring.js';
import {compileQuery} from './log-search.js';

export type LogCopy =
	| {
			readonly text: string;
			/**
			How many lines.
			*/
			readonly count: number;
			/**
			Which lines, in words: `shown`, `matching "boom"`.
			*/
			readonly which: string;
	  }
	| {readonly error: string};

const lineText = (line: LogLine, timestamps: boolean) =>
	(line.source ? `${line.source.label} | ` : '') +
	(timestamps && line.stamp ? `${line.stamp} ` : '') +
	plainText(line.text);

export function logCopy(
	ring: LogRing,
	view: Pick<LogView, 'search' | 'filter' | 'timestamps'>,
	/**
	The `seq` of the first and the last line on screen.
	*/
	onScreen?: {readonly first: number; readonly last: number},
): LogCopy {
	const queries = [view.filter, view.search].filter(
		query => query !== undefined && query.text !== '',
	);
	const lines: LogLine[] = [];
	if (queries.length > 0) {
		const matchers = [];
		for (const query of queries) {
			const compiled = compileQuery(query!);
			if ('error' in compiled) {
				return {error: compiled.error};
			}

			matchers.push(compiled);
		}

		for (let index = 0; index < ring.length; index++) {
			const line = ring.at(index)!;
			if (
				line.stream !== 'marker' &&
				matchers.every(matcher => matcher.test(line.text))
			) {
				lines.push(line);
			}
		}

		return {
			text: lines.map(line => lineText(line, view.timestamps)).join('\n'),
			count: lines.length,
			which: `matching ${queries.map(query => `"${plainText(query!.text)}"`).join(' and ')}`,
		};
	}

	if (onScreen && ring.length > 0) {
		const from = Math.max(0, ring.indexOf(onScreen.first));
		const last = ring.indexOf(onScreen.last);
		const to = last === -1 ? ring.length - 1 : last;
		for (let index = from; index <= to; index++) {
			lines.push(ring.at(index)!);
		}
	}

	return {
		text: lines.map(line => lineText(line, view.timestamps)).join('\n'),
		count: lines.length,
		which: 'shown',
	};
}
