import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import type {LogChunk} from '../../source/engine/inspector-types.js';
import {EngineError} from '../../source/engine/types.js';
import {writeLogFile} from '../../source/host/log-file.js';
import {logFileName} from '../../source/commands/inspector.js';

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-logfile-'));

async function* frames(
	count: number,
	onEach?: (index: number) => void,
): AsyncGenerator<LogChunk> {
	for (let index = 0; index < count; index++) {
		onEach?.(index);
		yield {
			stream: index % 3 === 0 ? 'stderr' : 'stdout',
			data: Buffer.from(`line ${index}\n`),
		};
	}
}

test('writeLogFile: the frames in their order, byte for byte, with the byte count reported as it goes', async () => {
	const file = path.join(folder(), 'a.log');
	const seen: number[] = [];
	const {bytes} = await writeLogFile(frames(20_000), file, {
		signal: new AbortController().signal,
		onEvent(event) {
			if (event.kind === 'bytes') {
				seen.push(event.current);
			}
		},
	});
	const expected = Array.from(
		{length: 20_000},
		(_, index) => `line ${index}\n`,
	).join('');
	assert.equal(fs.readFileSync(file, 'utf8'), expected);
	assert.equal(bytes, Buffer.byteLength(expected));
	assert.equal(seen.at(-1), bytes);
	// Batched: fewer progress reports than frames, and rising.
	assert.ok(seen.length > 1 && seen.length < 100, `${seen.length} reports`);
	assert.deepEqual(
		[...seen].sort((a, b) => a - b),
		seen,
	);
	assert.deepEqual(
		fs.readdirSync(path.dirname(file)),
		['a.log'],
		'no partial file left',
	);
});

test('writeLogFile: cancelled midway leaves neither the file nor a partial one, and says aborted', async () => {
	const where = folder();
	const file = path.join(where, 'b.log');
	const controller = new AbortController();
	await assert.rejects(
		writeLogFile(
			frames(50_000, index => {
				if (index === 30_000) {
					controller.abort();
				}
			}),
			file,
			{signal: controller.signal},
		),
		(error: unknown) =>
			error instanceof EngineError && error.kind === 'aborted',
	);
	assert.deepEqual(fs.readdirSync(where), []);
});

test('writeLogFile: a folder that is not there is an error in words', async () => {
	await assert.rejects(
		writeLogFile(frames(1), '/no/such/folder/c.log', {
			signal: new AbortController().signal,
		}),
		/the folder \/no\/such\/folder does not exist/,
	);
});

test('logFileName: a file name from a container name', () => {
	assert.equal(logFileName('web'), 'web.log');
	assert.equal(logFileName('shop_web_1'), 'shop_web_1.log');
	assert.equal(logFileName('a/b c'), 'a-b-c.log');
	assert.equal(logFileName('../x'), 'x.log');
	assert.equal(logFileName(''), 'container.log');
});
