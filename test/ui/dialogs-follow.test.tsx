import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {container, createFakeEngine, image} from '../helpers/fake-engine.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

// Dialogs fit the screen with any data, and follow their objects while open (issue 8).

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const busybox = image({
	id: 'sha256:' + 'b'.repeat(64),
	repoTags: ['busybox:local'],
});
const web = container({id: 'a'.repeat(64), name: 'web'});
const other = container({id: 'c'.repeat(64), name: 'other'});

function start(containers = [web, other]) {
	const engine = createFakeEngine({containers, images: [busybox]});
	const rendered = renderApp(engine);
	cleanups.push(rendered.cleanup);
	return {engine, ...rendered};
}

async function type(stdin: {write(data: string): void}, ...chunks: string[]) {
	for (const chunk of chunks) {
		stdin.write(chunk);
		// eslint-disable-next-line no-await-in-loop
		await settle();
	}
}

test('the rmi dialog of an image used by 65 containers names five, counts the rest, and its choices stay on screen', async () => {
	const users = Array.from({length: 65}, (_, index) =>
		container({
			id: String(index % 10).repeat(60) + String(1000 + index),
			name: `user-${index}-${'x'.repeat(30)}`,
			imageId: busybox.id,
		}),
	);
	const {lastFrame, stdin, engine} = start(users);
	await waitForFrame(lastFrame, frame => frame.includes('user-'));
	await type(stdin, '2');
	await waitForFrame(lastFrame, frame => frame.includes('busybox:local'));
	await type(stdin, 'd');
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Cancel'),
	);
	assert.match(frame, /Used by 65 containers: .* and 60 more/s);
	assert.match(frame, / Remove /);
	assert.ok(frame.split('\n').length <= 24, 'the frame fits 24 rows');
	assert.deepEqual(
		engine.calls.filter(call => call.method === 'removeImage'),
		[],
	);
});

test('the rm dialog of a container removed meanwhile says so and offers only Close', async () => {
	const {lastFrame, stdin, engine} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› other'));
	await type(stdin, 'j');
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'd');
	await waitForFrame(lastFrame, frame => frame.includes('Stop, then remove'));
	engine.containers = engine.containers.filter(row => row.id !== web.id);
	engine.emit({type: 'container', action: 'destroy', id: web.id});
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('is gone'),
	);
	assert.match(frame, / Close /);
	assert.doesNotMatch(frame, /Stop, then remove|Force remove|is running/);
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame => !frame.includes('is gone'));
	assert.deepEqual(
		engine.calls.filter(
			call =>
				/Container$/.test(call.method) &&
				!/^(?:list|inspect)/.test(call.method),
		),
		[],
	);
});

test('the rm dialog of a container stopped meanwhile offers Remove, and Enter removes it without a stop', async () => {
	const {lastFrame, stdin, engine} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› other'));
	await type(stdin, 'j', 'd');
	await waitForFrame(lastFrame, frame => frame.includes('Stop, then remove'));
	engine.containers = engine.containers.map(row =>
		row.id === web.id
			? {
					...row,
					state: 'exited',
					status: 'Exited (0) 1 second ago',
					exitCode: 0,
				}
			: row,
	);
	engine.emit({type: 'container', action: 'die', id: web.id});
	const frame = await waitForFrame(
		lastFrame,
		frame => frame.includes(' Remove ') && !frame.includes('Stop, then remove'),
	);
	assert.match(frame, /is exited/);
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, () =>
		engine.calls.some(call => call.method === 'removeContainer'),
	);
	assert.deepEqual(
		engine.calls.filter(call => call.method === 'stopContainer'),
		[],
	);
});
