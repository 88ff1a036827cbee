/**
Takes apart the engine's multiplexed log stream (non-TTY containers): frames of an 8-byte header (stream type, three
zero bytes, a big-endian length) and that many bytes. Chunk-safe: a header or a frame may be split anywhere. Does
what docker-modem's `demuxStream` does, as a pure function of the chunks (so it can be tested at every boundary),
and like it falls back to passing bytes through as stdout when a header is not one (a TTY stream after all).
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

			let at = 0;
			while (at < data.length) {
				if (left > 0) {
					const end = Math.min(data.length, at + left);
					out.push({stream, data: data.subarray(at, end)});
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

			return out;
		},
	};
}
