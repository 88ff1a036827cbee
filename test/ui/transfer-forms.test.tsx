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

test('W with images marked saves all of them into one tar, as docker save does', async () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-ui-save-'));
	cleanups.push(() => {
		fs.rmSync(folder, {recursive: true, force: true});
	});
	const engine = createFakeEngine({
		images: [
			image({id: 'sha256:' + 'a'.repeat(64), repoTags: ['app:v1']}),
			image({id: 'sha256:' + 'b'.repeat(64), repoTags: ['busybox:local']}),
			image({id: 'sha256:' + 'c'.repeat(64), repoTags: ['db:v2']}),
		],
	});
	const {lastFrame, stdin, cleanup} = renderApp(engine);
	cleanups.push(cleanup);
	await waitForFrame(lastFrame, frame => frame.includes('● live'));
	stdin.write('2');
	await waitForFrame(lastFrame, frame => frame.includes('› app:v1'));
	// Mark app:v1 (the mark moves the cursor on), skip busybox, mark db:v2.
	stdin.write(' ');
	await waitForFrame(lastFrame, frame => frame.includes('› busybox:local'));
	stdin.write('j');
	await waitForFrame(lastFrame, frame => frame.includes('› db:v2'));
	stdin.write(' ');
	await settle();
	stdin.write('W');
	await waitForFrame(lastFrame, frame => frame.includes('Save to'));
	const file = path.join(folder, 'both.tar');
	stdin.write(`\u0015${file}`);
	await waitForFrame(lastFrame, frame => frame.includes(file));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Saved'));
	const saves = engine.calls.filter(call => call.method === 'saveImages');
	assert.equal(saves.length, 1);
	assert.deepEqual(saves[0]!.args.slice(0, 2), [['app:v1', 'db:v2'], file]);
});

test('P opens the pull form prefilled with the selected image, so re-pulling a tag is P then Enter', async () => {
	const engine = createFakeEngine({
		images: [
			image({id: 'sha256:' + 'a'.repeat(64), repoTags: ['app:v1']}),
			image({id: 'sha256:' + 'c'.repeat(64), repoTags: ['db:v2']}),
		],
	});
	const {lastFrame, stdin, cleanup} = renderApp(engine);
	cleanups.push(cleanup);
	await waitForFrame(lastFrame, frame => frame.includes('● live'));
	stdin.write('2');
	await waitForFrame(lastFrame, frame => frame.includes('› app:v1'));
	stdin.write('j');
	await waitForFrame(lastFrame, frame => frame.includes('› db:v2'));
	stdin.write('P');
	await waitForFrame(lastFrame, frame => /Image +db:v2/.test(frame));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Pulled'));
	const pulls = engine.calls.filter(call => call.method === 'pullImage');
	assert.equal(pulls.length, 1);
	assert.equal(pulls[0]!.args[0], 'db:v2');
});

test('H searches Docker Hub; Enter on a result opens the pull form with it, and Enter pulls it', async () => {
	const engine = createFakeEngine({
		images: [image({id: 'sha256:' + 'a'.repeat(64), repoTags: ['app:v1']})],
	});
	engine.transfers.searchImages = async () => [
		{
			name: 'nginx',
			description: 'Official build of Nginx.',
			stars: 20_000,
			official: true,
			automated: false,
		},
		{
			name: 'bitnami/nginx',
			description: 'Bitnami container image for NGINX',
			stars: 200,
			official: false,
			automated: true,
		},
	];
	const {lastFrame, stdin, cleanup} = renderApp(engine);
	cleanups.push(cleanup);
	await waitForFrame(lastFrame, frame => frame.includes('● live'));
	stdin.write('2');
	await waitForFrame(lastFrame, frame => frame.includes('› app:v1'));
	stdin.write('H');
	await waitForFrame(lastFrame, frame => frame.includes('Search'));
	stdin.write(`nginx${keys.enter}`);
	await waitForFrame(lastFrame, frame => frame.includes('bitnami/nginx'));
	stdin.write('j');
	await settle();
	// Enter on a result opens the pull form with it, one more Enter pulls.
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame => /Image +bitnami\/nginx/.test(frame));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Pulled'));
	const searches = engine.calls.filter(call => call.method === 'searchImages');
	assert.equal(searches[0]?.args[0], 'nginx');
	const pulls = engine.calls.filter(call => call.method === 'pullImage');
	assert.equal(pulls.length, 1);
	assert.match(String(pulls[0]!.args[0]), /^bitnami\/nginx(:latest)?$/);
});
