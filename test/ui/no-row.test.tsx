import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {container, createFakeEngine, image} from '../helpers/fake-engine.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

async function type(
	stdin: {write(data: string): void},
	...chunks: string[]
): Promise<void> {
	for (const chunk of chunks) {
		stdin.write(chunk);
		// eslint-disable-next-line no-await-in-loop
		await settle();
	}
}

test('an action key on a list with no row to act on says so, and calls nothing (the soak vanish part: the row removed elsewhere just before the key)', async () => {
	const engine = createFakeEngine({
		containers: [container({id: 'a'.repeat(64), name: 'web'})],
		images: [
			image({id: 'sha256:' + 'b'.repeat(64), repoTags: ['busybox:local']}),
		],
	});
	const {lastFrame, stdin, cleanup} = renderApp(engine);
	cleanups.push(cleanup);
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, '/', 'nothing-matches', keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('No container matches'),
	);
	const before = engine.calls.length;
	for (const [key, doing] of [
		['s', 'stop'],
		['S', 'start'],
		['R', 'restart'],
		['p', 'pause or unpause'],
		['K', 'kill'],
		['d', 'remove'],
		['c', 'commit'],
		['x', 'open a shell in'],
		[keys.enter, 'show'],
	] as const) {
		await type(stdin, key);
		await waitForFrame(lastFrame, frame =>
			frame.includes(`No container selected: nothing to ${doing}`),
		);
	}

	await type(stdin, '2', '/', 'nothing-matches', keys.enter);
	for (const [key, doing] of [
		['t', 'tag'],
		['d', 'remove'],
		['r', 'run'],
		[keys.enter, 'show'],
	] as const) {
		await type(stdin, key);
		await waitForFrame(lastFrame, frame =>
			frame.includes(`No image selected: nothing to ${doing}`),
		);
	}

	assert.deepEqual(
		engine.calls
			.slice(before)
			.filter(
				call =>
					!/^(list|inspect|events|ping|version|info|df)/i.test(call.method),
			),
		[],
	);
});
