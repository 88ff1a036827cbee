/**
A chunk-safe newline-delimited JSON parser for endless engine streams (`/events`, stats).

Chunks can split a line anywhere, even inside a multi-byte UTF-8 character: lines are cut on the `\n` byte
(which never occurs inside a UTF-8 sequence) and only complete lines are decoded. Several objects in one chunk,
`\r\n` endings and blank lines are fine. A line that is not a JSON object is reported to `onMalformed` and skipped;
nothing throws. Nothing is kept once its line has been parsed, so memory stays flat however long the stream runs.
*/

const newline = 0x0a;

/**
Options of `createNdjsonParser`.
*/
export type NdjsonOptions = {
	/**
	Called with a line that was not a JSON object (or was too long), and why. The line is cut to 200 characters.
	*/
	readonly onMalformed?: (line: string, reason: string) => void;
	/**
	The longest line accepted, in bytes; longer lines are dropped (reported as malformed). Default 1 MiB.
	*/
	readonly maxLineBytes?: number;
};

/**
Feed it chunks; it returns the objects whose lines were completed.
*/
export type NdjsonParser = {
	/**
	Adds a chunk and returns every JSON object completed by it, in order.
	*/
	push(chunk: Uint8Array | string): Array<Record<string, unknown>>;
	/**
	The stream ended: parses a last line that had no newline.
	*/
	end(): Array<Record<string, unknown>>;
};

/**
Makes a parser with its own buffer; use one per stream.
*/
export function createNdjsonParser(options: NdjsonOptions = {}): NdjsonParser {
	const maxLineBytes = options.maxLineBytes ?? 1024 * 1024;
	const decoder = new TextDecoder('utf-8');
	const encoder = new TextEncoder();
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	// After an over-long line, drop bytes until the next newline.
	let discarding = false;

	const report = (line: string, reason: string) => {
		options.onMalformed?.(
			line.length > 200 ? `${line.slice(0, 199)}…` : line,
			reason,
		);
	};

	const parseLine = (
		bytes: Uint8Array,
		out: Array<Record<string, unknown>>,
	) => {
		let text = decoder.decode(bytes);
		if (text.endsWith('\r')) {
			text = text.slice(0, -1);
		}

		if (text.trim() === '') {
			return;
		}

		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			report(text, error instanceof Error ? error.message : 'invalid JSON');
			return;
		}

		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			report(text, 'not a JSON object');
			return;
		}

		out.push(value as Record<string, unknown>);
	};

	const takePending = (tail: Uint8Array): Uint8Array => {
		if (pending.length === 0) {
			return tail;
		}

		const line = new Uint8Array(pendingBytes + tail.length);
		let offset = 0;
		for (const part of pending) {
			line.set(part, offset);
			offset += part.length;
		}

		line.set(tail, offset);
		pending = [];
		pendingBytes = 0;
		return line;
	};

	return {
		push(chunk) {
			const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
			const out: Array<Record<string, unknown>> = [];
			let start = 0;
			let index = bytes.indexOf(newline, start);
			while (index !== -1) {
				if (discarding) {
					discarding = false;
				} else {
					const line = takePending(bytes.subarray(start, index));
					if (line.length > maxLineBytes) {
						report(
							decoder.decode(line.subarray(0, 200)),
							`line longer than ${maxLineBytes} bytes`,
						);
					} else {
						parseLine(line, out);
					}
				}

				start = index + 1;
				index = bytes.indexOf(newline, start);
			}

			if (start < bytes.length && !discarding) {
				// Copy: the caller may reuse its buffer.
				const rest = bytes.slice(start);
				pending.push(rest);
				pendingBytes += rest.length;
				if (pendingBytes > maxLineBytes) {
					const head = takePending(new Uint8Array(0));
					report(
						decoder.decode(head.subarray(0, 200)),
						`line longer than ${maxLineBytes} bytes`,
					);
					discarding = true;
				}
			}

			return out;
		},
		end() {
			const out: Array<Record<string, unknown>> = [];
			if (!discarding && pendingBytes > 0) {
				parseLine(takePending(new Uint8Array(0)), out);
			}

			pending = [];
			pendingBytes = 0;
			discarding = false;
			return out;
		},
	};
}
