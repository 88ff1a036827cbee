import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, test} from 'node:test';
import {createFakeEngine, image} from '../helpers/fake-engine.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

test('Tab in the build form completes the context folder, then lists the choices, then moves on', async () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-ui-complete-'));
	cleanups.push(() => {
		fs.rmSync(root, {recursive: true, force: true});
	});
	fs.mkdirSync(path.join(root, 'context', 'api'), {recursive: true});
	fs.mkdirSync(path.join(root, 'context', 'app'));
	fs.writeFileSync(path.join(root, 'context.txt'), 'not a folder');
	const engine = createFakeEngine({
		images: [
			image({id: 'sha256:' + 'b'.repeat(64), repoTags: ['busybox:local']}),
		],
	});
	const {lastFrame, stdin, cleanup} = renderApp(engine);
	cleanups.push(cleanup);
	await waitForFrame(lastFrame, frame => frame.includes('● live'));
	stdin.write('2');
	await waitForFrame(lastFrame, frame => frame.includes('› busybox:local'));
	stdin.write('B');
	await waitForFrame(lastFrame, frame => frame.includes('Context'));
	// Ctrl-U clears the prefilled "."; typed as one chunk, Tab included, as a paste or a fast typist over ssh sends it.
	stdin.write(`\u0015${root}/con${keys.tab}`);
	// Only folders for a context: context.txt is not a choice, so the folder completes whole.
	await waitForFrame(lastFrame, frame => frame.includes(`${root}/context/`));
	stdin.write(`a${keys.tab}`);
	await waitForFrame(lastFrame, frame => frame.includes(`${root}/context/ap`));
	stdin.write(keys.tab);
	const choices = await waitForFrame(lastFrame, frame =>
		frame.includes('api/  app/'),
	);
	assert.match(choices, new RegExp(`Context +${root}/context/ap\\b`));
	// Nothing more to add: this Tab moves to the Dockerfile field, where typing goes.
	stdin.write(keys.tab);
	await settle();
	stdin.write('Dfile');
	const moved = await waitForFrame(lastFrame, frame => frame.includes('Dfile'));
	assert.match(moved, /Dockerfile +Dfile/);
	assert.doesNotMatch(moved, /api\/ {2}app\//, 'the choices go with the focus');
	assert.equal(
		engine.calls.filter(call => call.method === 'buildImage').length,
		0,
	);
});

test('a path typed in full is left alone: Tab moves on, as in any form', async () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-ui-complete-'));
	cleanups.push(() => {
		fs.rmSync(root, {recursive: true, force: true});
	});
	fs.mkdirSync(path.join(root, 'context'));
	fs.mkdirSync(path.join(root, 'context-two'));
	const engine = createFakeEngine({
		images: [
			image({id: 'sha256:' + 'b'.repeat(64), repoTags: ['busybox:local']}),
		],
	});
	const {lastFrame, stdin, cleanup} = renderApp(engine);
	cleanups.push(cleanup);
	await waitForFrame(lastFrame, frame => frame.includes('● live'));
	stdin.write('2');
	await waitForFrame(lastFrame, frame => frame.includes('› busybox:local'));
	stdin.write('B');
	await waitForFrame(lastFrame, frame => frame.includes('Context'));
	// `context` exists (and `context-two` would continue it): Tab goes to the Dockerfile field all the same.
	stdin.write(`\u0015${root}/context${keys.tab}sub/Dockerfile`);
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('sub/Dockerfile'),
	);
	assert.match(frame, new RegExp(`Context +${root}/context +│`));
	assert.match(frame, /Dockerfile +sub\/Dockerfile/);
});
