/**
The log lines the inspector keeps: a ring of the last `maxLines` lines that also stays under `maxBytes`, whichever
bound comes first (lazydocker's logs grew without bound, #492). Lines are numbered (`seq`) from 1 in arrival order,
so a paused view or a search match can point at a line while the ring moves on under it. Pure data, no I/O.
*/
import {type LineSlice, stampLength} from './log-lines.js';

export type LogLine = {
	readonly seq: number;
	/**
	`marker`: a line dockpit wrote (the container restarted, exited, the stream broke), not the container.
	*/
	readonly stream: 'stdout' | 'stderr' | 'marker';
	/**
	Who wrote it, when the Logs tab shows several containers: the prefix (padded to the widest) and its number
	(for its colour).
	*/
	readonly source?: {readonly label: string; readonly index: number};
	/**
	The engine's timestamp, RFC 3339 with nine fraction digits (`2026-12-02T15:30:13.123456789Z`), when it gave one.
	*/
	readonly stamp?: string;
	/**
	Sanitized: printable characters only.
	*/
	readonly text: string;
};

export type LogRing = {
	push(line: Omit<LogLine, 'seq'>): LogLine;
	/**
	A line given as part of a longer string (a decoded chunk of the log, shared by its lines): characters
	`textFrom` to `textTo` of `source`, printable already, and its stamp the 30 characters at `stampFrom` (-1:
	none). No object or string is made for it until it is read (`at`): in a flood most lines leave the ring unread.
	*/
	pushSlice: LineSlice;
	/**
	How many lines are kept.
	*/
	readonly length: number;
	/**
	The `index`-th kept line, oldest first (the same object each time while it is kept).
	*/
	at(index: number): LogLine | undefined;
	/**
	The index of the line numbered `seq`, or -1 when it is not (or no longer) kept.
	*/
	indexOf(seq: number): number;
	/**
	Roughly how much memory the kept text takes (two bytes per UTF-16 unit and an overhead per line).
	*/
	readonly bytes: number;
	/**
	Lines dropped to stay within the bounds, since the ring was made or cleared.
	*/
	readonly dropped: number;
	/**
	Goes up with every change; a view re-reads when it moved.
	*/
	readonly version: number;
	clear(): void;
};

export const defaultMaxLines = 10_000;
export const defaultMaxBytes = 16 * 1024 * 1024;

const lineOverhead = 96;

export const lineCost = (line: {
	readonly text: string;
	readonly stamp?: string;
}) => lineOverhead + 2 * (line.text.length + (line.stamp?.length ?? 0));

const streamCodes = ['stdout', 'stderr'] as const;

export function createLogRing(
	options: {readonly maxLines?: number; readonly maxBytes?: number} = {},
): LogRing {
	const maxLines = Math.max(1, options.maxLines ?? defaultMaxLines);
	const maxBytes = Math.max(1, options.maxBytes ?? defaultMaxBytes);
	// Per slot: the line, once made (pushed as one, or read); else where it is in its source string.
	let made: Array<LogLine | undefined> = Array.from({length: maxLines});
	let sources: Array<string | undefined> = Array.from({length: maxLines});
	const streams = new Uint8Array(maxLines);
	const stampFroms = new Int32Array(maxLines);
	const textFroms = new Int32Array(maxLines);
	const textTos = new Int32Array(maxLines);
	const costs = new Float64Array(maxLines);
	let start = 0;
	let count = 0;
	let bytes = 0;
	let nextSeq = 1;
	let dropped = 0;
	let version = 0;

	const dropOldest = () => {
		bytes -= costs[start]!;
		made[start] = undefined;
		sources[start] = undefined;
		start = start + 1 === maxLines ? 0 : start + 1;
		count--;
		dropped++;
	};

	/**
	Room for a line of `cost`; the slot it goes in.
	*/
	const room = (cost: number) => {
		if (count === maxLines) {
			dropOldest();
		}

		while (count > 0 && bytes + cost > maxBytes) {
			dropOldest();
		}

		const slot =
			start + count < maxLines ? start + count : start + count - maxLines;
		count++;
		bytes += cost;
		costs[slot] = cost;
		version++;
		nextSeq++;
		return slot;
	};

	return {
		push(line) {
			// Built field by field (not spread): one object shape for every line of a stream, and no copy loop.
			const seq = nextSeq;
			const kept: LogLine =
				line.source === undefined
					? line.stamp === undefined
						? {seq, stream: line.stream, text: line.text}
						: {seq, stream: line.stream, stamp: line.stamp, text: line.text}
					: {...line, seq};
			const slot = room(lineCost(kept));
			made[slot] = kept;
			sources[slot] = undefined;
			return kept;
		},
		pushSlice(stream, source, stampFrom, textFrom, textTo) {
			const slot = room(
				lineOverhead +
					2 * (textTo - textFrom + (stampFrom === -1 ? 0 : stampLength)),
			);
			made[slot] = undefined;
			sources[slot] = source;
			streams[slot] = stream === 'stderr' ? 1 : 0;
			stampFroms[slot] = stampFrom;
			textFroms[slot] = textFrom;
			textTos[slot] = textTo;
		},
		get length() {
			return count;
		},
		at(index) {
			if (index < 0 || index >= count) {
				return undefined;
			}

			const slot = (start + index) % maxLines;
			const found = made[slot];
			if (found) {
				return found;
			}

			const source = sources[slot]!;
			const seq = nextSeq - count + index;
			const stream = streamCodes[streams[slot]!]!;
			const text = source.slice(textFroms[slot], textTos[slot]);
			const stampFrom = stampFroms[slot]!;
			const line: LogLine =
				stampFrom === -1
					? {seq, stream, text}
					: {
							seq,
							stream,
							stamp: source.slice(stampFrom, stampFrom + stampLength),
							text,
						};
			made[slot] = line;
			return line;
		},
		indexOf(seq) {
			// Seqs are consecutive in the ring.
			const index = seq - (nextSeq - count);
			return index >= 0 && index < count ? index : -1;
		},
		get bytes() {
			return bytes;
		},
		get dropped() {
			return dropped;
		},
		get version() {
			return version;
		},
		clear() {
			made = Array.from({length: maxLines});
			sources = Array.from({length: maxLines});
			start = 0;
			count = 0;
			bytes = 0;
			dropped = 0;
			version++;
		},
	};
}
