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
The length of the engine's usual stamp (`isFullStamp`), without the space after it.
*/
export const stampLength = 30;

/**
Whether `text` has at `at` the stamp as the engine sends it (`2026-12-02T15:30:13.123456789Z `: RFC 3339, nine
fraction digits, UTC, then a space), found without a regular expression; the stamp is then the 30 characters there.
*/
export function isFullStamp(text: string, at: number, end = text.length) {
	if (
		end - at < stampLength + 1 ||
		text.charCodeAt(at + stampLength) !== 32 ||
		text.charCodeAt(at + 29) !== 90 ||
		text.charCodeAt(at + 19) !== 46 ||
		text.charCodeAt(at + 10) !== 84 ||
		text.charCodeAt(at + 4) !== 45 ||
		text.charCodeAt(at + 7) !== 45 ||
		text.charCodeAt(at + 13) !== 58 ||
		text.charCodeAt(at + 16) !== 58
	) {
		return false;
	}

	for (let index = 0; index < 29; index++) {
		if (
			index !== 4 &&
			index !== 7 &&
			index !== 10 &&
			index !== 13 &&
			index !== 16 &&
			index !== 19 &&
			!isDigit(text.charCodeAt(at + index))
		) {
			return false;
		}
	}

	return true;
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

/**
Where the assembler puts lines. `slice`: a line that is printable as it came, characters `textFrom` to `textTo` of
`source` (the decoded chunk, shared by its lines: no string is made per line), its stamp the 30 characters at
`stampFrom` of the same string (-1: none). `line`: any other line, made.
*/
export type LineSink = {
	slice: LineSlice;
	line(line: AssembledLine): void;
};

/**
A line given as characters `textFrom` to `textTo` of `source`, its stamp the `stampLength` characters at
`stampFrom` (-1: none).
*/
export type LineSlice = (
	stream: 'stdout' | 'stderr',
	source: string,
	stampFrom: number,
	textFrom: number,
	textTo: number,
) => void;

/**
The line a slice stands for, made.
*/
export function sliceLine(
	stream: 'stdout' | 'stderr',
	source: string,
	stampFrom: number,
	textFrom: number,
	textTo: number,
): AssembledLine {
	const text = source.slice(textFrom, textTo);
	return stampFrom === -1
		? {stream, text}
		: {stream, stamp: source.slice(stampFrom, stampFrom + stampLength), text};
}

export type LineAssembler = {
	push(chunk: LogChunk): AssembledLine[];
	/**
	The chunk's lines into `sink`, in order (what `push` returns, without making the lines it can give as slices).
	*/
	pushTo(chunk: LogChunk, sink: LineSink): void;
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

	const line = (stream: 'stdout' | 'stderr', raw: string): AssembledLine => {
		const {stamp, rest} = timestamps ? splitStamp(raw) : {rest: raw};
		let text = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
		const lastReturn = text.lastIndexOf('\r');
		if (lastReturn !== -1) {
			text = text.slice(lastReturn + 1);
		}

		text = sanitize(text);
		return stamp === undefined ? {stream, text} : {stream, stamp, text};
	};

	/**
	Characters `from` to `to` of `source`, one whole line; `clean`: nothing in it for `sanitize` to change (the
	chunk it came in was tested once, as a whole), so it goes out as a slice when its stamp is the usual one.
	*/
	const emit = (
		stream: 'stdout' | 'stderr',
		source: string,
		from: number,
		to: number,
		clean: boolean,
		sink: LineSink,
	) => {
		if (to - from > maxLineChars) {
			sink.line(
				line(stream, source.slice(from, from + maxLineChars) + ' …[cut]'),
			);
		} else if (clean && !timestamps) {
			sink.slice(stream, source, -1, from, to);
		} else if (clean && isFullStamp(source, from, to)) {
			sink.slice(stream, source, from, from + stampLength + 1, to);
		} else {
			sink.line(line(stream, source.slice(from, to)));
		}
	};

	const take = (
		stream: 'stdout' | 'stderr',
		decoded: string,
		sink: LineSink,
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
				if (each.pending === '') {
					emit(stream, decoded, from, newline, clean, sink);
				} else {
					const raw = each.pending + decoded.slice(from, newline);
					emit(stream, raw, 0, raw.length, clean, sink);
				}
			}

			each.pending = '';
			from = newline + 1;
		}

		if (each.skipping) {
			return;
		}

		each.pending += decoded.slice(from);
		if (each.pending.length > maxLineChars) {
			sink.line(line(stream, each.pending.slice(0, maxLineChars) + ' …[cut]'));
			each.pending = '';
			each.skipping = true;
		}
	};

	const pushTo = (chunk: LogChunk, sink: LineSink) => {
		take(
			chunk.stream,
			state(chunk.stream).decoder.decode(chunk.data, {stream: true}),
			sink,
		);
	};

	return {
		push(chunk) {
			const out: AssembledLine[] = [];
			pushTo(chunk, {
				slice(...slice) {
					out.push(sliceLine(...slice));
				},
				line(line) {
					out.push(line);
				},
			});
			return out;
		},
		pushTo,
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
