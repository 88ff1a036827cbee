import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import createMultiEngine from '../../source/engine/multi-engine.js';
import type {Store} from '../../source/state/store.js';
import {container, createFakeEngine, image} from '../helpers/fake-engine.js';
import {fakeSystemInfo, network, volume} from '../helpers/fake-cleanup.js';
import {keys, renderApp, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

/**
Two fake engines as one (`--host` twice): `local` and `remote`, each with a volume called `data`, a `bridge`
network and a network of its own, and a disk usage of its own.
*/
function start() {
	const local = createFakeEngine({
		containers: [container({id: 'a'.repeat(64), name: 'web'})],
		images: [image({id: 'sha256:' + '1'.repeat(64), repoTags: ['web:1']})],
	});
	const remote = createFakeEngine({
		containers: [container({id: 'b'.repeat(64), name: 'worker'})],
		images: [image({id: 'sha256:' + '2'.repeat(64), repoTags: ['worker:2']})],
	});
	local.volumes = [
		volume({name: 'data', usedBy: [{id: 'a'.repeat(64), name: 'web'}]}),
	];
	remote.volumes = [
		volume({name: 'data'}),
		volume({name: 'cache', usedBy: [{id: 'b'.repeat(64), name: 'worker'}]}),
	];
	local.networks = [
		network({id: '3'.repeat(64), name: 'bridge'}),
		network({id: '4'.repeat(64), name: 'front'}),
	];
	remote.networks = [
		network({id: '5'.repeat(64), name: 'bridge'}),
		network({id: '6'.repeat(64), name: 'back'}),
	];
	const diskImage = (id: string, tag: string) => ({
		id,
		parentId: '',
		repoTags: [tag],
		repoDigests: [],
		created: Date.now() - 60_000,
		size: 5_000_000,
		sharedSize: 0,
		labels: {},
		containers: 1,
	});
	local.disk = {
		layersSize: 5_000_000,
		images: [diskImage('sha256:' + '1'.repeat(64), 'web:1')],
		containers: [],
		volumes: [],
		buildCache: [],
	};
	remote.disk = {
		layersSize: 7_000_000,
		images: [
			diskImage('sha256:' + '2'.repeat(64), 'worker:2'),
			diskImage('sha256:' + '7'.repeat(64), 'tools:7'),
		],
		containers: [],
		volumes: [],
		buildCache: [],
	};
	remote.systemInfo = async () => ({...fakeSystemInfo, name: 'remote-box'});
	let store: Store | undefined;
	const engine = createMultiEngine(
		[
			{name: 'local', engine: local},
			{name: 'remote', engine: remote},
		],
		{
			backoffMs: [20, 50],
			onStatus(engines) {
				store?.dispatch({type: 'engines/status', engines});
			},
		},
	);
	const app = renderApp(engine);
	store = app.store;
	cleanups.push(app.cleanup);
	return {local, remote, ...app};
}

function line(frame: string, ...words: string[]): string {
	return (
		frame.split('\n').find(each => words.every(word => each.includes(word))) ??
		''
	);
}

test('several engines: Volumes lists every engine’s volumes with an ENGINE column; rm goes to the engine the row is on', async () => {
	const {local, remote, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('worker'));
	stdin.write('4');
	const frame = await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('ENGINE') &&
			line(frame, 'local', 'data').includes('web') &&
			line(frame, 'remote', 'data') !== '' &&
			line(frame, 'remote', 'cache').includes('worker'),
	);
	// The engine's suffix on the name (engine-tags.ts) is never shown.
	assert.doesNotMatch(frame, /data@|cache@/);

	// The cursor on remote's `data`, then d and Enter: remote removes its own `data`, local keeps its one.
	for (let tries = 0; tries < 3; tries++) {
		const selected = lastFrame()
			?.split('\n')
			.find(each => each.includes('›'));
		if (selected?.includes('remote') && selected.includes('data')) {
			break;
		}

		stdin.write('j');
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 30);
		});
	}

	stdin.write('d');
	await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('Remove volume data?') && frame.includes('on remote'),
	);
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Removed volume data'));
	assert.deepEqual(
		remote.calls
			.filter(call => call.method === 'removeVolume')
			.map(call => call.args[0]),
		['data'],
	);
	assert.ok(!local.calls.some(call => call.method === 'removeVolume'));
});

test('several engines: Networks lists each engine’s bridge and its own networks; details name the engine', async () => {
	const {remote, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('worker'));
	stdin.write('5');
	const frame = await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('ENGINE') &&
			line(frame, 'local', 'front') !== '' &&
			line(frame, 'remote', 'back') !== '',
	);
	assert.notEqual(line(frame, 'local', 'bridge'), '');
	assert.notEqual(line(frame, 'remote', 'bridge'), '');

	stdin.write('/');
	stdin.write('back');
	await new Promise(resolve => {
		setTimeout(resolve, 30);
	});
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame => !frame.includes('front'));
	stdin.write(keys.enter);
	const details = await waitForFrame(
		lastFrame,
		frame => frame.includes('Network back') && /Engine\s+remote/.test(frame),
	);
	assert.match(details, new RegExp(`Id\\s+${'6'.repeat(20)}`));
	assert.doesNotMatch(details, /6{64}@/);
	assert.ok(
		remote.calls.some(
			call =>
				call.method === 'inspectNetwork' && call.args[0] === '6'.repeat(64),
		),
	);
});

test('several engines: the Engine pane shows each engine’s disk usage rows and its info; Enter shows that engine’s images only', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('worker'));
	stdin.write('6');
	const frame = await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('ENGINE') &&
			/local\s+Images\s+1/.test(frame) &&
			/remote\s+Images\s+2/.test(frame) &&
			frame.includes('remote · unix:///fake.sock') &&
			frame.includes('remote-box'),
	);
	assert.match(frame, /local · unix:\/\/\/fake\.sock/);

	// Down to remote's Images row (the fifth), then its detail: remote's two images, not local's.
	for (let index = 0; index < 4; index++) {
		stdin.write('j');
	}

	await waitForFrame(lastFrame, frame => /›\s*remote\s+Images/.test(frame));
	stdin.write(keys.enter);
	const details = await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('Disk usage: images on remote') &&
			frame.includes('worker:2') &&
			frame.includes('tools:7'),
	);
	assert.doesNotMatch(details, /web:1/);
});

test('several engines: the prune screen is about the first engine only, and says so', async () => {
	const {local, remote, lastFrame, stdin} = start();
	local.disk = {
		...local.disk,
		images: [
			{
				...local.disk.images[0]!,
				id: 'sha256:' + '8'.repeat(64),
				repoTags: [],
				containers: 0,
			},
		],
	};
	remote.disk = {
		...remote.disk,
		images: [
			{
				...remote.disk.images[0]!,
				id: 'sha256:' + '9'.repeat(64),
				repoTags: [],
				containers: 0,
			},
		],
	};
	await waitForFrame(lastFrame, frame => frame.includes('worker'));
	stdin.write('C');
	const frame = await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('on local only (the first of 2 engines)') &&
			frame.includes('888888888888'),
	);
	assert.doesNotMatch(frame, /999999999999/);
});
