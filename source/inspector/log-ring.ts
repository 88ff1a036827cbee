/**
The log lines the inspector keeps: a ring of the last `maxLines` lines that also stays under `maxBytes`, whichever
bound comes first (lazydocker's logs grew without bound, #492). Lines are numbered (`seq`) from 1 in arrival order,
so a paused view or a search match can point at a line while the ring moves on under it. Pure data, no I/O.
*/

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
	How many lines are kept.
	*/
	readonly length: number;
	/**
	The `index`-th kept line, oldest first.
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

export function createLogRing(
	options: {readonly maxLines?: number; readonly maxBytes?: number} = {},
): LogRing {
	const maxLines = Math.max(1, options.maxLines ?? defaultMaxLines);
	const maxBytes = Math.max(1, options.maxBytes ?? defaultMaxBytes);
	let slots: Array<LogLine | undefined> = Array.from({length: maxLines});
	let start = 0;
	let count = 0;
	let bytes = 0;
	let nextSeq = 1;
	let dropped = 0;
	let version = 0;

	const dropOldest = () => {
		const oldest = slots[start];
		if (oldest) {
			bytes -= lineCost(oldest);
		}

		slots[start] = undefined;
		start = (start + 1) % maxLines;
		count--;
		dropped++;
	};

	return {
		push(line) {
			// Built field by field (not spread): one object shape for every line of a stream, and no copy loop.
			const kept: LogLine =
				line.source === undefined
					? line.stamp === undefined
						? {seq: nextSeq++, stream: line.stream, text: line.text}
						: {
								seq: nextSeq++,
								stream: line.stream,
								stamp: line.stamp,
								text: line.text,
							}
					: {...line, seq: nextSeq++};
			const cost = lineCost(kept);
			if (count === maxLines) {
				dropOldest();
			}

			while (count > 0 && bytes + cost > maxBytes) {
				dropOldest();
			}

			slots[(start + count) % maxLines] = kept;
			count++;
			bytes += cost;
			version++;
			return kept;
		},
		get length() {
			return count;
		},
		at(index) {
			return index < 0 || index >= count
				? undefined
				: slots[(start + index) % maxLines];
		},
		indexOf(seq) {
			const first = slots[start]?.seq;
			if (first === undefined || seq < first) {
				return -1;
			}

			// Seqs are consecutive in the ring.
			const index = seq - first;
			return index < count ? index : -1;
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
			slots = Array.from({length: maxLines});
			start = 0;
			count = 0;
			bytes = 0;
			dropped = 0;
			version++;
		},
	};
}
