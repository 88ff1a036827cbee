/**
Writes a container's whole log to a file, as `docker logs NAME > FILE 2>&1` would: the bytes as the engine sent
them (stdout and stderr in the order their frames came, a TTY container's one stream as it is), straight from the
engine's stream to the disk, never through the inspector's ring or into memory whole. Into a partial file renamed
over the destination once complete, so a cancelled or failed save leaves no half file.
*/
import fs from 'node:fs';
import type {LogChunk} from '../engine/inspector-types.js';
import type {TransferEvent} from '../engine/transfer-types.js';
import {fileError} from '../engine/errors.js';
import {EngineError} from '../engine/types.js';

const batchBytes = 64 * 1024;

/**
Writes `chunks` to `destination`; resolves with the bytes written. Reports `bytes` events as it goes; throws
`EngineError` (`aborted` when `signal` aborted it).
*/
export async function writeLogFile(
	chunks: AsyncIterable<LogChunk>,
	destination: string,
	options: {
		readonly signal: AbortSignal;
		readonly onEvent?: (event: TransferEvent) => void;
	},
): Promise<{readonly bytes: number}> {
	const partial = `${destination}.partial-${process.pid}`;
	let bytes = 0;
	let file: fs.promises.FileHandle | undefined;
	try {
		try {
			file = await fs.promises.open(partial, 'w');
		} catch (error) {
			throw fileError(error, destination, true);
		}

		// Frames are small (often a line each): written in batches of up to `batchBytes`, one write at a time, so
		// the engine's stream waits for the disk (back-pressure) and nothing piles up.
		let batch: Uint8Array[] = [];
		let batched = 0;
		const writeBatch = async () => {
			if (batch.length > 0) {
				await file!.writev(batch);
				bytes += batched;
				batch = [];
				batched = 0;
				options.onEvent?.({kind: 'bytes', current: bytes});
			}
		};

		for await (const chunk of chunks) {
			if (options.signal.aborted) {
				break;
			}

			batch.push(chunk.data);
			batched += chunk.data.length;
			if (batched >= batchBytes) {
				await writeBatch();
			}
		}

		await writeBatch();

		if (options.signal.aborted) {
			throw new EngineError('aborted', `saving to ${destination}: cancelled`);
		}

		await file.close();
		file = undefined;
		await fs.promises.rename(partial, destination);
	} catch (error) {
		await file?.close().catch(() => undefined);
		await fs.promises.rm(partial, {force: true});
		if (options.signal.aborted) {
			throw new EngineError('aborted', `saving to ${destination}: cancelled`);
		}

		if (error instanceof EngineError) {
			throw error;
		}

		throw fileError(error, destination, true);
	}

	return {bytes};
}
