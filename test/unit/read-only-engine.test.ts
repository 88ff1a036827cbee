import assert from 'node:assert/strict';
import test from 'node:test';
import readOnlyEngine from '../../source/engine/read-only.js';
import {EngineError} from '../../source/engine/types.js';
import {createFakeEngine} from '../helpers/fake-engine.js';

test('the read-only engine passes reads through and refuses every write before it is made', async () => {
	const inner = createFakeEngine();
	const engine = readOnlyEngine(inner);
	assert.equal(engine.host, inner.host);
	await engine.ping();
	await engine.listContainers();
	await engine.listImages();
	await engine.diffContainer('x');
	assert.deepEqual(await engine.waitContainer('x'), {exitCode: 0});
	const writes: Array<[string, () => Promise<unknown>]> = [
		['startContainer', async () => engine.startContainer('x')],
		['stopContainer', async () => engine.stopContainer('x')],
		['restartContainer', async () => engine.restartContainer('x')],
		['killContainer', async () => engine.killContainer('x', 'SIGKILL')],
		['pauseContainer', async () => engine.pauseContainer('x')],
		['unpauseContainer', async () => engine.unpauseContainer('x')],
		[
			'removeContainer',
			async () => engine.removeContainer('x', {force: true, volumes: true}),
		],
		[
			'commitContainer',
			async () =>
				engine.commitContainer('x', {
					repo: 'a',
					tag: 'b',
					message: '',
					author: '',
					pause: true,
				}),
		],
		['tagImage', async () => engine.tagImage('x', 'a', 'b')],
		['removeImage', async () => engine.removeImage('x', {force: true})],
		[
			'exec',
			async () =>
				engine.exec('x', {shells: ['/bin/sh'], columns: 80, rows: 24}),
		],
	];
	for (const [method, call] of writes) {
		// eslint-disable-next-line no-await-in-loop
		await assert.rejects(call, (error: unknown) => {
			assert.ok(error instanceof EngineError, method);
			assert.equal(error.kind, 'unauthorized');
			assert.match(error.message, /--read-only/);
			return true;
		});
	}

	assert.deepEqual(
		inner.calls.map(call => call.method),
		['ping', 'listContainers', 'listImages', 'diffContainer', 'waitContainer'],
		'no write reached the engine underneath',
	);
});
