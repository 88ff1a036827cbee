import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {network, volume} from '../helpers/fake-cleanup.js';
import {keys, renderApp, waitForFrame} from '../helpers/render.js';

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
	void keys;
});
