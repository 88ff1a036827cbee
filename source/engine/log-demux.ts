/**
Takes apart the engine's multiplexed log stream (non-TTY containers): frames of an 8-byte header (stream type, three
zero bytes, a big-endian length) and that many bytes. Chunk-safe: a header or a frame may be split anywhere. Does
what docker-modem's `demuxStream` does, as a pure function of the chunks (so it can be tested at every boundary),
and like it falls back to passing bytes through as stdout when a header is not one (a TTY stream after all).

The engine sends a frame per log line: the payloads of consecutive frames of the same stream in one chunk come out
as one chunk (copied together), so a flood of short lines costs a chunk per read, not an object per line.
*/
import type {LogChunk} from './inspector-types.js';

export type LogDemuxer = {
	push(chunk: Uint8Array): LogChunk[];
};

const headerBytes = 8;

export function createLogDemuxer(): LogDemuxer {
	let pending: Uint8Array = new Uint8Array(0);
	let stream: LogChunk['stream'] = 'stdout';
	// Bytes left in the frame being read; 0 means a header comes next.
	let left = 0;
	let raw = false;

	return {
		push(chunk) {
			if (raw) {
				return chunk.length > 0 ? [{stream: 'stdout', data: chunk}] : [];
			}

			const out: LogChunk[] = [];
			let data = chunk;
			if (pending.length > 0) {
				const joined = new Uint8Array(pending.length + chunk.length);
				joined.set(pending);
				joined.set(chunk, pending.length);
				data = joined;
				pending = new Uint8Array(0);
			}

			// Payloads of the current run of frames of one stream: [start, end) pairs into `data`.
			let run: number[] = [];
			let runBytes = 0;
			let runStream = stream;
			const endRun = () => {
				if (run.length === 0) {
					return;
				}

				if (run.length === 2) {
					out.push({stream: runStream, data: data.subarray(run[0], run[1])});
				} else {
					const joined = new Uint8Array(runBytes);
					let offset = 0;
					for (let index = 0; index < run.length; index += 2) {
						joined.set(data.subarray(run[index], run[index + 1]), offset);
						offset += run[index + 1]! - run[index]!;
					}

					out.push({stream: runStream, data: joined});
				}

				run = [];
				runBytes = 0;
			};

			let at = 0;
			while (at < data.length) {
				if (left > 0) {
					const end = Math.min(data.length, at + left);
					if (runStream !== stream) {
						endRun();
						runStream = stream;
					}

					run.push(at, end);
					runBytes += end - at;
					left -= end - at;
					at = end;
					continue;
				}

				if (data.length - at < headerBytes) {
					pending = data.slice(at);
					break;
				}

				const type = data[at]!;
				if (
					type > 2 ||
					data[at + 1] !== 0 ||
					data[at + 2] !== 0 ||
					data[at + 3] !== 0
				) {
					// Not a frame header: the rest is a raw stream.
					endRun();
					raw = true;
					out.push({stream: 'stdout', data: data.subarray(at)});
					break;
				}

				stream = type === 2 ? 'stderr' : 'stdout';
				left =
					((data[at + 4]! << 24) >>> 0) +
					(data[at + 5]! << 16) +
					(data[at + 6]! << 8) +
					data[at + 7]!;
				at += headerBytes;
			}

			endRun();
			return out;
		},
	};
}
