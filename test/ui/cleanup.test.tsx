import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {network, volume} from '../helpers/fake-cleanup.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

function start() {
	const engine = createFakeEngine({
		containers: [container({id: 'a'.repeat(64), name: 'web'})],
	});
	engine.volumes = [
		volume({
			name: 'data',
			usedBy: [{id: 'a'.repeat(64), name: 'web'}],
		}),
		volume({name: 'b'.repeat(64)}),
	];
	engine.networks = [
		network({id: '1'.repeat(64), name: 'bridge'}),
		network({
			id: '2'.repeat(64),
			name: 'backend',
			ipam: [{subnet: '172.30.0.0/16', gateway: '172.30.0.1'}],
		}),
	];
	const app = renderApp(engine);
	cleanups.push(app.cleanup);
	return {engine, ...app};
}

test('the Volumes pane lists volumes with who uses them; anonymous ones shortened', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write('4');
	const frame = await waitForFrame(
		lastFrame,
		frame => frame.includes('VOLUME NAME') && frame.includes('data'),
	);
	assert.match(frame, /data .*web/);
	assert.match(frame, /bbbbbbbbbbbb…/);
});

test('the Networks pane lists networks with subnets; rm of bridge is refused in words', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write('5');
	await waitForFrame(lastFrame, frame => frame.includes('backend'));
	assert.match(lastFrame() ?? '', /172\.30\.0\.0\/16/);
	stdin.write('d');
	await waitForFrame(lastFrame, frame => frame.includes('predefined networks'));
	assert.ok(!engine.calls.some(call => call.method === 'removeNetwork'));
});

const stoppedDisk = {
	layersSize: 0,
	images: [],
	containers: [
		{
			id: 'c'.repeat(64),
			name: 'leftover',
			image: 'busybox',
			imageId: 'sha256:x',
			state: 'exited',
			status: 'Exited (0)',
			created: Date.now() - 7_200_000,
			labels: {},
			sizeRw: 2_000_000,
			volumes: [],
		},
	],
	volumes: [],
	buildCache: [],
};

test('C shows the preview; Enter asks with count and size; y removes by id and says what went', async () => {
	const {engine, lastFrame, stdin} = start();
	engine.disk = stoppedDisk;
	engine.networks = engine.networks.filter(each => each.name === 'bridge');
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write('C');
	await waitForFrame(lastFrame, frame => frame.includes('[x] leftover'));
	assert.match(lastFrame() ?? '', /Total: 1 object ticked, 2MB to reclaim/);
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Remove 1 object, 2MB? Enter or y: remove'),
	);
	stdin.write('y');
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Removed 1 object, 2MB reclaimed'),
	);
	assert.match(frame, /leftover/);
	assert.deepEqual(
		engine.calls
			.filter(call => call.method === 'removeContainer')
			.map(call => call.args[0]),
		['c'.repeat(64)],
	);
});

test('--read-only: the preview is shown, the prune is not offered', async () => {
	const engine = createFakeEngine({
		containers: [container({id: 'a'.repeat(64), name: 'web'})],
	});
	engine.disk = stoppedDisk;
	engine.networks = [];
	const app = renderApp(engine, {readOnly: true});
	cleanups.push(app.cleanup);
	await waitForFrame(app.lastFrame, frame => frame.includes('web'));
	app.stdin.write('C');
	await waitForFrame(app.lastFrame, frame => frame.includes('[x] leftover'));
	assert.match(
		app.lastFrame() ?? '',
		/Read-only \(--read-only\): this is a preview/,
	);
	assert.doesNotMatch(app.lastFrame() ?? '', /Enter: remove/);
	app.stdin.write(keys.enter);
	app.stdin.write('y');
	await settle();
	await settle();
	assert.doesNotMatch(app.lastFrame() ?? '', /Remove 1 object/);
	assert.ok(!engine.calls.some(call => call.method === 'removeContainer'));
});
