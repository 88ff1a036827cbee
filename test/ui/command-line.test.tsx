import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {container, createFakeEngine, image} from '../helpers/fake-engine.js';
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
		containers: [
			container({id: 'a'.repeat(64), name: 'web'}),
			container({
				id: 'd'.repeat(64),
				name: 'db',
				state: 'exited',
				status: 'Exited (0)',
			}),
		],
		images: [
			image({id: 'sha256:' + 'b'.repeat(64), repoTags: ['busybox:local']}),
		],
	});
	const app = renderApp(engine);
	cleanups.push(app.cleanup);
	return {engine, ...app};
}

const calls = (engine: ReturnType<typeof start>['engine'], method: string) =>
	engine.calls.filter(call => call.method === method);

test(': opens the prompt at the bottom, with the candidates and their descriptions', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write(':');
	const open = await waitForFrame(lastFrame, frame =>
		frame.includes('Tab completes'),
	);
	assert.match(open, /Enter run +Esc cancel +Tab complete/);
	stdin.write('st');
	const listed = await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('stop') && frame.includes('Stop containers gracefully'),
	);
	assert.match(listed, /start +Start stopped containers/);
	assert.match(listed, / :st/);
	stdin.write('op ');
	const hinted = await waitForFrame(lastFrame, frame =>
		frame.includes(':stop [OPTIONS] CONTAINER...'),
	);
	assert.match(hinted, /db +exited/);
	assert.match(hinted, /web +running/);
	stdin.write('w');
	stdin.write(keys.tab);
	await waitForFrame(lastFrame, frame => / :stop web\s/.test(frame));
});

test('a wrong argument shows the error next to the prompt, keeps the line and sends nothing', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write(':kill -s FOO web\r');
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('✗ dockpit sends KILL'),
	);
	assert.match(
		frame,
		/:kill -s FOO web +✗ dockpit sends KILL, TERM, INT, HUP or USR1/,
	);
	assert.equal(calls(engine, 'killContainer').length, 0);
	// Fixing the line takes the error away; Esc closes the prompt.
	stdin.write('\u0015');
	await waitForFrame(lastFrame, frame => !frame.includes('✗'));
	stdin.write(keys.escape);
	await waitForFrame(lastFrame, frame => frame.includes('? help'));
});

test(':stop web⏎ in one write stops it; the status line and :log show the docker line', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write(':stop web\r');
	await waitForFrame(lastFrame, frame => frame.includes('$ docker stop web ✓'));
	assert.deepEqual(
		calls(engine, 'stopContainer').map(call => call.args[0]),
		['a'.repeat(64)],
	);
	stdin.write(':log\r');
	const log = await waitForFrame(lastFrame, frame =>
		frame.includes('Command log'),
	);
	assert.match(log, /\d\d:\d\d:\d\d ✓ +\d+ ms {2}docker stop web/);
	stdin.write(keys.escape);
	await waitForFrame(lastFrame, frame => !frame.includes('Command log'));
});

test('the help overlay lists the commands from the same table as the keys', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write(':help\r');
	await waitForFrame(lastFrame, frame => frame.includes('Keys'));
	stdin.write('j'.repeat(1000));
	const frame = await waitForFrame(
		lastFrame,
		frame => frame.includes(':unpause'),
		5000,
	);
	assert.match(frame, /:unpause +Unpause containers/);
});
