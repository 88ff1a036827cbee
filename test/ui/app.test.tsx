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

function start(...arguments_: Parameters<typeof createFakeEngine>) {
	const engine = createFakeEngine(...arguments_);
	const app = renderApp(engine);
	cleanups.push(app.cleanup);
	return {engine, ...app};
}

const web = container({
	id: 'a'.repeat(64),
	name: 'web',
	ports: [{privatePort: 80, publicPort: 8080, protocol: 'tcp'}],
});
const db = container({
	id: 'd'.repeat(64),
	name: 'db',
	state: 'exited',
	status: 'Exited (137) 1 hour ago',
	exitCode: 137,
});

test('containers pane lists containers with state, exit code and ports', async () => {
	const {lastFrame} = start({containers: [web, db]});
	const frame = await waitForFrame(
		lastFrame,
		frame => frame.includes('web') && frame.includes('db'),
	);
	assert.match(frame, /web .*running/);
	assert.match(frame, /db .*exited \(137\)/);
	assert.match(frame, /8080→80\/tcp/);
	assert.match(frame, /Docker 99\.0\.0 \(API 1\.99\)/);
});

test('a container created elsewhere appears from its event, without a key press', async () => {
	const {engine, lastFrame} = start({containers: [web]});
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	engine.containers = [
		...engine.containers,
		container({id: 'e'.repeat(64), name: 'newcomer'}),
	];
	engine.emit({
		type: 'container',
		action: 'create',
		id: 'e'.repeat(64),
		name: 'newcomer',
	});
	await waitForFrame(lastFrame, frame => frame.includes('newcomer'));
	assert.deepEqual(
		engine.calls
			.filter(call => call.method === 'inspectContainer')
			.map(call => call.args[0]),
		['e'.repeat(64)],
		'inspects only the container the event named',
	);
	assert.equal(
		engine.calls.filter(call => call.method === 'listContainers').length,
		1,
		'lists only once, at start',
	);
});

test('destroy removes the row and the selection stays on the same object', async () => {
	const {engine, lastFrame, stdin} = start({
		containers: [
			container({id: '1'.repeat(64), name: 'alpha'}),
			container({id: '2'.repeat(64), name: 'bravo'}),
			container({id: '3'.repeat(64), name: 'charlie'}),
		],
	});
	await waitForFrame(lastFrame, frame => frame.includes('charlie'));
	stdin.write('j');
	await waitForFrame(lastFrame, frame => /› bravo/.test(frame));
	engine.containers = engine.containers.filter(row => row.name !== 'alpha');
	engine.emit({
		type: 'container',
		action: 'destroy',
		id: '1'.repeat(64),
		name: 'alpha',
	});
	const frame = await waitForFrame(
		lastFrame,
		frame => !frame.includes('alpha'),
	);
	assert.match(frame, /› bravo/);
});

test('an answer that raced a destroy event does not bring the container back', async () => {
	const {engine, lastFrame} = start({containers: [web]});
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	let open = () => {};
	engine.inspectGate = new Promise(resolve => {
		open = resolve;
	});
	engine.containers = [
		{...web, state: 'removing', status: 'Removal In Progress'},
	];
	engine.emit({type: 'container', action: 'die', id: web.id, name: 'web'});
	// The refresh for `die` is now waiting inside inspect, holding the "removing" picture.
	await waitForFrame(lastFrame, () =>
		engine.calls.some(call => call.method === 'inspectContainer'),
	);
	engine.containers = [];
	engine.emit({type: 'container', action: 'destroy', id: web.id, name: 'web'});
	await waitForFrame(lastFrame, frame => !frame.includes(' web '));
	open();
	engine.emit({
		type: 'network',
		action: 'disconnect',
		id: 'n1',
		name: 'bridge',
	});
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Events 3'),
	);
	assert.ok(!frame.includes(' web '), 'the late answer was dropped');
});

test('a toggles stopped containers', async () => {
	const {lastFrame, stdin} = start({containers: [web, db]});
	await waitForFrame(lastFrame, frame => frame.includes('db'));
	stdin.write('a');
	const frame = await waitForFrame(lastFrame, frame => !frame.includes(' db '));
	assert.match(frame, /running only/);
	stdin.write('a');
	await waitForFrame(lastFrame, frame => frame.includes(' db '));
});

test('/ filters the pane and Esc clears it', async () => {
	const {lastFrame, stdin} = start({containers: [web, db]});
	await waitForFrame(lastFrame, frame => frame.includes('db'));
	stdin.write('/');
	await settle();
	stdin.write('we');
	let frame = await waitForFrame(lastFrame, frame => !frame.includes(' db '));
	assert.match(frame, /web/);
	stdin.write(keys.enter);
	frame = await waitForFrame(lastFrame, frame => frame.includes('filter: we'));
	stdin.write('/');
	await settle();
	stdin.write(keys.escape);
	await waitForFrame(
		lastFrame,
		frame => frame.includes(' db ') && !frame.includes('filter:'),
	);
});

test('1 2 3 and Tab switch panes; images show tags, dangling and usage', async () => {
	const {lastFrame, stdin} = start({
		containers: [web],
		images: [
			image({
				id: 'sha256:' + 'b'.repeat(64),
				repoTags: ['busybox:local', 'busybox:v2'],
			}),
			image({id: 'sha256:' + '9'.repeat(64)}),
		],
	});
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write('2');
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('busybox:v2'),
	);
	assert.match(
		frame,
		/busybox:local, busybox:v2 .* 1│/,
		'shows both tags and one user',
	);
	assert.match(frame, /<none>:<none>/);
	stdin.write(keys.tab);
	await waitForFrame(lastFrame, frame => frame.includes('Waiting for events'));
	stdin.write('1');
	await waitForFrame(lastFrame, frame => frame.includes('web'));
});

test('events pane shows what happened, newest first', async () => {
	const {engine, lastFrame, stdin} = start({containers: [web]});
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write('3');
	engine.emit({
		type: 'container',
		action: 'start',
		id: web.id,
		name: 'web',
		attributes: {image: 'busybox:local'},
	});
	engine.emit({
		type: 'image',
		action: 'tag',
		id: 'sha256:x',
		name: 'busybox:v3',
	});
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('busybox:v3'),
	);
	assert.ok(
		frame.indexOf('busybox:v3') < frame.indexOf('image=busybox:local'),
		'newest first',
	);
});

test('? opens help generated from the keymap; Esc closes it', async () => {
	const {lastFrame, stdin} = start({containers: [web]});
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write('?');
	const frame = await waitForFrame(lastFrame, frame => frame.includes('Keys'));
	assert.match(frame, /Toggle this help/);
	// The help is longer than the pane at 24 rows: scrolling brings the rest.
	// Scroll until the list keys come into view (the help grows with the keymap).
	for (let line = 0; line < 60; line++) {
		if ((lastFrame() ?? '').includes('Filter this pane')) {
			break;
		}

		stdin.write('j');
		// eslint-disable-next-line no-await-in-loop
		await settle();
	}

	await waitForFrame(lastFrame, frame => frame.includes('Filter this pane'));
	stdin.write(keys.escape);
	await waitForFrame(
		lastFrame,
		frame => !frame.includes('Show or hide stopped'),
	);
});

test('enter shows details of the selected container', async () => {
	const {lastFrame, stdin} = start({containers: [web]});
	await waitForFrame(lastFrame, frame => frame.includes('web'));
	stdin.write(keys.enter);
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('172.17.0.2'),
	);
	assert.match(frame, /Networks\s+bridge 172\.17\.0\.2/);
	stdin.write(keys.escape);
	await waitForFrame(lastFrame, frame => !frame.includes('172.17.0.2'));
});

test('image details show the layer stack', async () => {
	const {lastFrame, stdin} = start({
		images: [image({id: 'sha256:' + 'b'.repeat(64), repoTags: ['app:v1']})],
	});
	await waitForFrame(lastFrame, frame => frame.includes('Containers'));
	stdin.write('2');
	await waitForFrame(lastFrame, frame => frame.includes('app:v1'));
	stdin.write(keys.enter);
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Layers (2)'),
	);
	assert.match(frame, /█+░* +1\.5MB .*COPY app \/app/);
});

test('untrusted names cannot inject escape sequences', async () => {
	const {lastFrame} = start({
		containers: [
			container({
				id: '7'.repeat(64),
				name: 'evil\u001B]0;pwned\u0007\u001B[2Jname',
			}),
		],
	});
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Containers'),
	);
	// The fake engine skips normalisation on purpose: the table must still be safe on its own.
	assert.ok(!frame.includes('\u001B]0;'), 'no OSC reaches the frame');
	assert.ok(!frame.includes('\u001B[2J'), 'no clear-screen reaches the frame');
});

test('an engine that goes away shows reconnecting, then recovers and re-lists', async () => {
	const {engine, lastFrame} = start({containers: [web]});
	await waitForFrame(lastFrame, frame => frame.includes('● live'));
	engine.setDown(true);
	await waitForFrame(lastFrame, frame => frame.includes('reconnecting'));
	engine.containers = [
		...engine.containers,
		container({id: '5'.repeat(64), name: 'while-away'}),
	];
	engine.setDown(false);
	await waitForFrame(
		lastFrame,
		frame => frame.includes('while-away') && frame.includes('● live'),
	);
});

test('an engine that never answers gets the full-screen explanation', async () => {
	const engine = createFakeEngine();
	engine.setDown(true);
	const app = renderApp(engine);
	cleanups.push(app.cleanup);
	const frame = await waitForFrame(app.lastFrame, frame =>
		frame.includes('Cannot reach the Docker engine'),
	);
	assert.match(frame, /unix:\/\/\/fake\.sock/);
	assert.match(frame, /DOCKER_HOST/);
});

test('many rows: only the visible window is rendered and the cursor scrolls it', async () => {
	const many = Array.from({length: 1000}, (_, index) =>
		container({
			id: String(index).padStart(64, '0'),
			name: `c${String(index).padStart(4, '0')}`,
		}),
	);
	const {lastFrame, stdin} = start({containers: many});
	let frame = await waitForFrame(lastFrame, frame => frame.includes('c0000'));
	assert.ok(
		!frame.includes('c0100'),
		'rows beyond the window are not rendered',
	);
	stdin.write('G');
	frame = await waitForFrame(lastFrame, frame => frame.includes('› c0999'));
	assert.ok(!frame.includes('c0000'));
});
