/**
Container output (bytes, stdout and stderr apart) into log lines: decoded as UTF-8 (invalid bytes show as �), split
on newlines, the engine's timestamp taken off the front, a carriage return keeping only what was written after it
(a progress bar shows its last state), and made printable (`sanitize`: no escape sequence or control character
reaches the terminal). A line longer than `maxLineChars` without a newline is cut there and the rest of it is
skipped, never held. Pure apart from the decoders' state.
*/
import sanitize, {unsafeBesidesNewline} from '../format/printable.js';
import type {LogChunk} from '../engine/inspector-types.js';

export type AssembledLine = {
	readonly stream: 'stdout' | 'stderr';
	readonly stamp?: string;
	readonly text: string;
};

export const defaultMaxLineChars = 64 * 1024;

const stampPattern =
	/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) /;

/**
The engine's RFC 3339 timestamp at the start of `text` (nine fraction digits, so that stamps compare as strings)
and what follows it.
*/
export function splitStamp(text: string): {stamp?: string; rest: string} {
	const match = stampPattern.exec(text);
	if (!match) {
		return {rest: text};
	}

	const fraction = (match[2] ?? '').padEnd(9, '0');
	return {
		stamp: `${match[1]}.${fraction}${match[3]}`,
		rest: text.slice(match[0].length),
	};
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
The stamp as the engine nearly always sends it, nine fraction digits in UTC (`2026-12-02T15:30:13.123456789Z `),
taken without a regular expression or a new string (a slice of the line); undefined when it is not in that form.
*/
function fullStamp(text: string): string | undefined {
	if (
		text.length < 31 ||
		text.charCodeAt(30) !== 32 ||
		text.charCodeAt(29) !== 90 ||
		text.charCodeAt(19) !== 46 ||
		text.charCodeAt(10) !== 84 ||
		text.charCodeAt(4) !== 45 ||
		text.charCodeAt(7) !== 45 ||
		text.charCodeAt(13) !== 58 ||
		text.charCodeAt(16) !== 58
	) {
		return undefined;
	}

	for (let index = 0; index < 29; index++) {
		if (
			index !== 4 &&
			index !== 7 &&
			index !== 10 &&
			index !== 13 &&
			index !== 16 &&
			index !== 19 &&
			!isDigit(text.charCodeAt(index))
		) {
			return undefined;
		}
	}

	return text.slice(0, 30);
}

/**
Milliseconds since the epoch of a stamp from `splitStamp`.
*/
export function stampTime(stamp: string): number {
	return Date.parse(stamp.replace(/(\.\d{3})\d*/, '$1'));
}

type StreamState = {
	decoder: TextDecoder;
	pending: string;
	/**
	The current line was cut: skip until its newline.
	*/
	skipping: boolean;
};

export type LineAssembler = {
	push(chunk: LogChunk): AssembledLine[];
	/**
	What is left without a newline, as lines (the stream ended).
	*/
	flush(): AssembledLine[];
};

export function createLineAssembler(
	options: {
		readonly maxLineChars?: number;
		/**
		Lines start with the engine's timestamp.
		@default true
		*/
		readonly timestamps?: boolean;
	} = {},
): LineAssembler {
	const maxLineChars = options.maxLineChars ?? defaultMaxLineChars;
	const timestamps = options.timestamps ?? true;
	const streams = new Map<'stdout' | 'stderr', StreamState>();
	const state = (stream: 'stdout' | 'stderr') => {
		let found = streams.get(stream);
		if (!found) {
			found = {
				decoder: new TextDecoder('utf-8', {fatal: false}),
				pending: '',
				skipping: false,
			};
			streams.set(stream, found);
		}

		return found;
	};

	/**
	`clean`: `raw` has no control character (carriage return, escape…) nor bidirectional control in it, so it is
	shown as it is (the chunk it came in was tested once, as a whole).
	*/
	const line = (
		stream: 'stdout' | 'stderr',
		raw: string,
		clean = false,
	): AssembledLine => {
		if (timestamps) {
			const stamp = fullStamp(raw);
			if (stamp !== undefined && clean) {
				return {stream, stamp, text: raw.slice(31)};
			}
		} else if (clean) {
			return {stream, text: raw};
		}

		const {stamp, rest} = timestamps ? splitStamp(raw) : {rest: raw};
		let text = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
		const lastReturn = text.lastIndexOf('\r');
		if (lastReturn !== -1) {
			text = text.slice(lastReturn + 1);
		}

		text = sanitize(text);
		return stamp === undefined ? {stream, text} : {stream, stamp, text};
	};

	const take = (
		stream: 'stdout' | 'stderr',
		decoded: string,
		out: AssembledLine[],
	) => {
		const each = state(stream);
		// One test of the whole chunk (and of the line it continues) instead of one a line.
		const clean =
			!unsafeBesidesNewline.test(decoded) &&
			(each.pending === '' || !unsafeBesidesNewline.test(each.pending));
		let from = 0;
		for (;;) {
			const newline = decoded.indexOf('\n', from);
			if (newline === -1) {
				break;
			}

			if (each.skipping) {
				each.skipping = false;
			} else {
				out.push(
					line(stream, each.pending + decoded.slice(from, newline), clean),
				);
			}

			each.pending = '';
			from = newline + 1;
		}

		if (each.skipping) {
			return;
		}

		each.pending += decoded.slice(from);
		if (each.pending.length > maxLineChars) {
			out.push(line(stream, each.pending.slice(0, maxLineChars) + ' …[cut]'));
			each.pending = '';
			each.skipping = true;
		}
	};

	return {
		push(chunk) {
			const out: AssembledLine[] = [];
			take(
				chunk.stream,
				state(chunk.stream).decoder.decode(chunk.data, {stream: true}),
				out,
			);
			return out;
		},
		flush() {
			const out: AssembledLine[] = [];
			for (const [stream, each] of streams) {
				const rest = each.pending + each.decoder.decode();
				if (rest !== '' && !each.skipping) {
					out.push(line(stream, rest));
				}

				each.pending = '';
				each.skipping = false;
			}

			return out;
		},
	};
}
