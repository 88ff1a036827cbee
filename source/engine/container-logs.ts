/**
The `LogsEngine` half of the dockerode engine: a container's logs followed, split into lines (chunk-safe: a line
may come in pieces, a multi-byte character too), demultiplexed when the container has no TTY, each line
sanitised and bounded.
*/
import {PassThrough, type Readable} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';
import type Docker from 'dockerode';
import sanitize from '../format/printable.js';
import {type LogEntry, type LogsEngine, maxLogLineLength} from './log-types.js';
import type {Fail} from './errors.js';

/**
`2024-01-02T03:04:05.123456789Z text` → the time and the text; lines without a stamp keep `fallback`.
*/
export function splitTimestamp(
	line: string,
	fallback: number,
): {readonly time: number; readonly text: string} {
	const match =
		/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d) ?/.exec(line);
	if (!match) {
		return {time: fallback, text: line};
	}

	const fraction = (match[2] ?? '').slice(0, 4); // Milliseconds: Date parses at most three digits.
	const time = Date.parse(`${match[1]!}${fraction}${match[3]!}`);
	return {
		time: Number.isFinite(time) ? time : fallback,
		text: line.slice(match[0].length),
	};
}

/**
Cuts a stream of text into lines; `end()` returns a last line without a newline.
*/
export function createLineSplitter(): {
	push(chunk: Buffer): string[];
	end(): string[];
} {
	const decoder = new StringDecoder('utf8');
	let pending = '';
	// A line that never ends (no newline in megabytes) is cut, not kept growing.
	const limit = maxLogLineLength * 4;
	return {
		push(chunk) {
			pending += decoder.write(chunk);
			const parts = pending.split('\n');
			pending = parts.pop() ?? '';
			if (pending.length > limit) {
				parts.push(pending);
				pending = '';
			}

			return parts;
		},
		end() {
			const rest = pending + decoder.end();
			pending = '';
			return rest === '' ? [] : [rest];
		},
	};
}

function clean(text: string): string {
	const line = sanitize(text.endsWith('\r') ? text.slice(0, -1) : text);
	return line.length > maxLogLineLength
		? line.slice(0, maxLogLineLength - 1) + '…'
		: line;
}

export function logMethods(docker: Docker, fail: Fail): LogsEngine {
	return {
		async followLogs(id, {signal, tail, onLines}) {
			const what = `container ${id.slice(0, 12)}`;
			const container = docker.getContainer(id);
			let tty = false;
			let raw: Readable;
			try {
				const info = (await container.inspect()) as {Config?: unknown};
				tty = (info.Config as {Tty?: unknown} | undefined)?.Tty === true;
				raw = (await container.logs({
					follow: true,
					stdout: true,
					stderr: true,
					timestamps: true,
					tail,
					abortSignal: signal,
				} as never)) as unknown as Readable;
			} catch (error) {
				if (signal.aborted) {
					return;
				}

				throw fail(error, what);
			}

			const streams: Array<{stream: LogEntry['stream']; source: Readable}> = [];
			if (tty) {
				streams.push({stream: 'stdout', source: raw});
			} else {
				const stdout = new PassThrough();
				const stderr = new PassThrough();
				(
					docker.modem as {
						demuxStream(
							stream: Readable,
							stdout: PassThrough,
							stderr: PassThrough,
						): void;
					}
				).demuxStream(raw, stdout, stderr);
				const end = () => {
					stdout.end();
					stderr.end();
				};

				raw.on('end', end);
				raw.on('close', end);
				raw.on('error', end);
				streams.push(
					{stream: 'stdout', source: stdout},
					{stream: 'stderr', source: stderr},
				);
			}

			const onAbort = () => {
				raw.destroy();
			};

			signal.addEventListener('abort', onAbort, {once: true});
			try {
				await Promise.all(
					streams.map(async ({stream, source}) => {
						const splitter = createLineSplitter();
						const emit = (lines: string[]) => {
							if (lines.length === 0) {
								return;
							}

							const now = Date.now();
							onLines(
								lines.map(line => {
									const {time, text} = splitTimestamp(line, now);
									return {time, stream, text: clean(text)};
								}),
							);
						};

						try {
							for await (const chunk of source) {
								emit(splitter.push(chunk as Buffer));
							}
						} catch (error) {
							if (!signal.aborted) {
								throw fail(error, what);
							}
						}

						emit(splitter.end());
					}),
				);
			} finally {
				signal.removeEventListener('abort', onAbort);
				raw.destroy();
			}
		},
	};
}
