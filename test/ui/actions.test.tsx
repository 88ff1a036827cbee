import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {EngineError} from '../../source/engine/types.js';
import {container, createFakeEngine, image} from '../helpers/fake-engine.js';
import {createFakeSession} from '../helpers/fake-session.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const web = container({id: 'a'.repeat(64), name: 'web'});
const db = container({id: 'b'.repeat(64), name: 'worker'});
const old = container({
	id: 'c'.repeat(64),
	name: 'old',
	state: 'exited',
	status: 'Exited (0) 1 hour ago',
	exitCode: 0,
});
const busybox = image({
	id: 'sha256:' + 'b'.repeat(64),
	repoTags: ['busybox:local'],
});
const app = image({
	id: 'sha256:' + 'e'.repeat(64),
	repoTags: ['app:v1', 'app:v2'],
	created: Date.now(),
});

function start(options: {readOnly?: boolean} = {}) {
	const engine = createFakeEngine({
		containers: [web, db, old],
		images: [busybox, app],
	});
	const rendered = renderApp(engine, options);
	cleanups.push(rendered.cleanup);
	return {engine, ...rendered};
}

const calls = (engine: ReturnType<typeof createFakeEngine>, method: string) =>
	engine.calls.filter(call => call.method === method).map(call => call.args);

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

test('s stops the selected container, with a spinner meanwhile; keys keep working', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	let finish: () => void = () => undefined;
	engine.overrides.stopContainer = async () =>
		new Promise<void>(resolve => {
			finish = resolve;
		});
	await type(stdin, 's');
	await waitForFrame(lastFrame, frame =>
		/web +busybox:local +stopping…/.test(frame),
	);
	await type(stdin, 'j');
	await waitForFrame(lastFrame, frame => frame.includes('› worker'));
	assert.deepEqual(calls(engine, 'stopContainer'), [[web.id, undefined]]);
	finish();
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Stopped web'),
	);
	assert.doesNotMatch(frame, /stopping…/);
});

test('stop of a stopped container is not an error', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('old'));
	await type(stdin, 'G', 's');
	await waitForFrame(lastFrame, frame =>
		frame.includes('old was already stopped'),
	);
	assert.deepEqual(calls(engine, 'stopContainer'), [[old.id, undefined]]);
});

test('marked containers: one confirmation that lists them, then a per-item result', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	engine.overrides.stopContainer = async (id: string) => {
		if (id === db.id) {
			throw new EngineError('server', 'container bbbbbbbbbbbb: timed out', 500);
		}
	};

	await type(stdin, ' ', ' ');
	await waitForFrame(lastFrame, frame => frame.includes('2 marked'));
	await type(stdin, 's');
	const dialog = await waitForFrame(lastFrame, frame =>
		frame.includes('Stop 2 containers?'),
	);
	assert.match(dialog, /web +\(running\)/);
	assert.match(dialog, /worker +\(running\)/);
	assert.equal(calls(engine, 'stopContainer').length, 0, 'nothing before yes');
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('1 stopped, 1 failed: worker: timed out'),
	);
	assert.deepEqual(
		calls(engine, 'stopContainer').map(args => args[0]),
		[web.id, db.id],
	);
	await waitForFrame(lastFrame, frame => frame.includes('1 marked'));
});

test('K offers signals, SIGKILL first; Esc sends nothing', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'K');
	await waitForFrame(lastFrame, frame => /› +SIGKILL/.test(frame));
	await type(stdin, keys.escape);
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'K');
	await waitForFrame(lastFrame, frame => /› +SIGKILL/.test(frame));
	await type(stdin, keys.down, keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Sent SIGTERM to web'));
	assert.deepEqual(calls(engine, 'killContainer'), [[web.id, 'SIGTERM']]);
});

test('p pauses a running container and unpauses a paused one', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'p');
	await waitForFrame(lastFrame, frame => frame.includes('Paused web'));
	engine.containers = engine.containers.map(row =>
		row.id === web.id ? {...row, state: 'paused'} : row,
	);
	engine.emit({type: 'container', action: 'pause', id: web.id, name: 'web'});
	await waitForFrame(lastFrame, frame => /web .*paused/.test(frame));
	await type(stdin, 'p');
	await waitForFrame(lastFrame, frame => frame.includes('Unpaused web'));
	assert.deepEqual(calls(engine, 'pauseContainer'), [[web.id]]);
	assert.deepEqual(calls(engine, 'unpauseContainer'), [[web.id]]);
});

test('d on a running container: stop-and-remove or force, -v option; Esc changes nothing', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'd');
	const dialog = await waitForFrame(lastFrame, frame =>
		frame.includes('Remove container web?'),
	);
	assert.match(dialog, /web \(busybox:local\) is running/);
	assert.match(dialog, /› +Stop, then remove/);
	assert.match(dialog, /Force remove/);
	await type(stdin, keys.escape);
	await waitForFrame(lastFrame, frame => !frame.includes('Remove container'));
	assert.equal(calls(engine, 'removeContainer').length, 0);

	await type(stdin, 'd');
	await waitForFrame(lastFrame, frame => frame.includes('Remove container'));
	await type(stdin, keys.up, ' ');
	await waitForFrame(lastFrame, frame => frame.includes('[x] Also remove'));
	await type(stdin, keys.down, keys.down, keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Removed web'));
	assert.deepEqual(calls(engine, 'removeContainer'), [
		[web.id, {force: true, volumes: true}],
	]);
	assert.equal(calls(engine, 'stopContainer').length, 0);
});

test('a remove the engine refuses (409) opens the force question', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('old'));
	engine.overrides.removeContainer = async (
		_id: string,
		options: {force: boolean},
	) => {
		if (!options.force) {
			throw new EngineError(
				'conflict',
				'container cccccccccccc: removal of container old is already in progress',
				409,
			);
		}
	};

	await type(stdin, 'G', 'd');
	await waitForFrame(lastFrame, frame =>
		frame.includes('› +Remove'.slice(0, 1)),
	);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Remove container old?'),
	);
	await type(stdin, keys.enter);
	const force = await waitForFrame(lastFrame, frame =>
		frame.includes('Force remove container old?'),
	);
	assert.match(
		force,
		/The engine refused: removal of container old is already/,
	);
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Removed old'));
	assert.deepEqual(
		calls(engine, 'removeContainer').map(args => args[1]),
		[
			{force: false, volumes: false},
			{force: true, volumes: false},
		],
	);
});

test('run form: invalid fields are shown next to them and nothing is sent; fixed, it runs and selects the container', async () => {
	const {engine, lastFrame, stdin, store} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, '2');
	await waitForFrame(lastFrame, frame => frame.includes('› app:v1'));
	await type(stdin, 'j', 'r');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Run a container from busybox:local'),
	);
	// Text and Tab in one chunk, as a fast typist or a paste delivers them: each lands in its own field.
	await type(stdin, 'my-web\t\u0015sleep 60\tabc:80\tFOO=bar X="a b"');
	await type(stdin, keys.enter);
	const invalid = await waitForFrame(lastFrame, frame => frame.includes('✗'));
	assert.match(invalid, /Ports +abc:80.*\n.*✗ port must be a number: abc/);
	assert.equal(
		calls(engine, 'runContainer').length,
		0,
		'an invalid form is never sent',
	);
	// The focus went to the bad field; fix it in place (Ctrl-U clears it).
	await type(stdin, '\u0015', '127.0.0.1:8080:80');
	await waitForFrame(lastFrame, frame => !frame.includes('✗'));
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Started my-web'));
	assert.deepEqual(calls(engine, 'runContainer'), [
		[
			{
				image: 'busybox:local',
				name: 'my-web',
				cmd: ['sleep', '60'],
				env: ['FOO=bar', 'X=a b'],
				ports: [
					{privatePort: 80, publicPort: 8080, ip: '127.0.0.1', protocol: 'tcp'},
				],
				volumes: [],
				restartPolicy: 'no',
				autoRemove: false,
				tty: false,
				openStdin: false,
				labels: {},
			},
		],
	]);
	assert.equal(store.getState().ui.pane, 'containers');
	assert.equal(store.getState().ui.selection.containers.key, 'f'.repeat(64));
});

test('run form with -it: the container is created, then attached in the shell pane and started there', async () => {
	const {engine, lastFrame, stdin} = start();
	const session = createFakeSession();
	engine.terminal = () => session.session;
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'r');
	await waitForFrame(lastFrame, frame => frame.includes('Run a container'));
	// Name → Command → Ports → Env → Volumes → Restart → --rm → -it
	await type(stdin, 'console', ...Array.from({length: 7}, () => '\t'), ' ');
	await waitForFrame(lastFrame, frame =>
		/\[x\] Interactive with a TTY/.test(frame),
	);
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('attached: console'));
	assert.equal(calls(engine, 'runContainer').length, 0, 'not started before');
	assert.equal(calls(engine, 'createContainer').length, 1);
	assert.deepEqual(calls(engine, 'attach'), [
		[
			'c'.repeat(64),
			{columns: 98, rows: 9, detachKeys: 'ctrl-p,ctrl-q', start: true},
		],
	]);
});

test('run form: a submit the engine refuses brings the form back with what was typed and why', async () => {
	const {engine, lastFrame, stdin} = start();
	engine.overrides.runContainer = async () => {
		throw new EngineError(
			'server',
			'image busybox:local: driver failed programming external connectivity: port is already allocated',
			500,
		);
	};

	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'r');
	await waitForFrame(lastFrame, frame => frame.includes('Run a container'));
	await type(stdin, 'taken', '\t', '\t', '8080:80');
	await type(stdin, keys.enter);
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('✗ Could not run busybox:local'),
	);
	assert.match(frame, /programming external connectivity: port is already/);
	assert.match(frame, /Name +taken/);
	assert.match(frame, /Ports +8080:80/);
});

test('commit form shows the changes first; the new image is selected with its id in the status line', async () => {
	const {engine, lastFrame, stdin, store} = start();
	engine.overrides.diffContainer = async () => [
		{kind: 'A', path: '/hello.txt'},
		{kind: 'C', path: '/etc'},
	];
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, 'c');
	const form = await waitForFrame(lastFrame, frame =>
		frame.includes('2 filesystem changes'),
	);
	assert.match(form, /1 added, 1 changed, 0 deleted/);
	assert.match(form, /memory and running processes are not part of an image/);
	assert.match(form, /\[x\] Pause the container while committing/);
	await type(stdin, 'Bad:tag', keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('✗ repository must be lowercase'),
	);
	assert.equal(calls(engine, 'commitContainer').length, 0);
	await type(stdin, '\u0015snap:v1\tfirst commit\tMe');
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Committed web as snap:v1 (image cccccccccccc)'),
	);
	assert.deepEqual(calls(engine, 'commitContainer'), [
		[
			web.id,
			{
				repo: 'snap',
				tag: 'v1',
				reference: 'snap:v1',
				message: 'first commit',
				author: 'Me',
				pause: true,
			},
		],
	]);
	assert.equal(store.getState().ui.pane, 'images');
	assert.equal(
		store.getState().ui.selection.images.key,
		'sha256:' + 'c'.repeat(64),
	);
});

test('t tags the image; d on an image with several tags offers untag-only', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('Containers'));
	await type(stdin, '2');
	await waitForFrame(lastFrame, frame => frame.includes('› app:v1'));
	await type(stdin, 't');
	await waitForFrame(lastFrame, frame => frame.includes('Tag app:v1'));
	await type(stdin, 'app');
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Tagged app:v1 as app:latest'),
	);
	assert.deepEqual(calls(engine, 'tagImage'), [[app.id, 'app', 'latest']]);

	await type(stdin, 'd');
	const dialog = await waitForFrame(lastFrame, frame =>
		frame.includes('Remove image app:v1?'),
	);
	assert.match(dialog, /tags: app:v1, app:v2/);
	assert.match(dialog, /Untag app:v2 only/);
	assert.match(dialog, /Remove the image and all 2 tags/);
	await type(stdin, keys.down, keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Untagged app:v2'));
	assert.deepEqual(calls(engine, 'removeImage'), [['app:v2', {force: false}]]);
});

test('rmi refused because a running container uses the image: the reason in words, no force offered', async () => {
	const {engine, lastFrame, stdin} = start();
	engine.overrides.removeImage = async () => {
		throw new EngineError(
			'conflict',
			`image ${busybox.id.slice(7, 19)}: conflict: unable to delete ${busybox.id.slice(7, 19)} (cannot be forced) - image is being used by running container ${web.id.slice(0, 12)}`,
			409,
		);
	};

	await waitForFrame(lastFrame, frame => frame.includes('Containers'));
	await type(stdin, '2', 'G', 'd');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Remove image busybox:local?'),
	);
	assert.match(
		lastFrame() ?? '',
		/Used by 3 containers: web \(running\), worker \(running\), old \(exited\)/,
	);
	await type(stdin, keys.enter);
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Could not remove busybox:local'),
	);
	assert.match(
		frame,
		/running container web uses it; stop and remove that container first/,
	);
	assert.doesNotMatch(frame, /Force remove/);
});

test('--read-only: every action key does nothing, and help shows them disabled', async () => {
	const {engine, lastFrame, stdin, store} = start({readOnly: true});
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	assert.doesNotMatch(lastFrame() ?? '', /s stop/);
	for (const key of ['S', 's', 'R', 'K', 'p', 'c', 'd', 'r', ' ', 's']) {
		// eslint-disable-next-line no-await-in-loop
		await type(stdin, key);
		assert.equal(
			store.getState().ui.overlay,
			undefined,
			`${key} opened nothing`,
		);
	}

	await type(stdin, '2');
	await waitForFrame(lastFrame, frame => frame.includes('REPOSITORY:TAG'));
	for (const key of ['r', 't', 'd']) {
		// eslint-disable-next-line no-await-in-loop
		await type(stdin, key);
		assert.equal(
			store.getState().ui.overlay,
			undefined,
			`${key} opened nothing`,
		);
	}

	const reads = new Set([
		'ping',
		'info',
		'listContainers',
		'listImages',
		'events',
		'inspectContainer',
		'inspectImage',
		'listVolumes',
		'listNetworks',
		'diskUsage',
	]);
	assert.deepEqual(
		engine.calls.filter(call => !reads.has(call.method)),
		[],
	);
	await type(stdin, '?');
	const help = await waitForFrame(lastFrame, frame => frame.includes('Keys'));
	assert.match(help, /Run a container from this image \(read-only\)/);
	assert.match(help, /Tag the image \(read-only\)/);
});

test('text and Enter in one chunk: the filter keeps the text only, and Enter closes the prompt', async () => {
	const {lastFrame, stdin, store} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, '/');
	await type(stdin, 'wor\r');
	await waitForFrame(lastFrame, frame => frame.includes('filter: wor'));
	assert.equal(store.getState().ui.filters.containers, 'wor');
	assert.equal(store.getState().ui.filtering, false);
});

test('after a commit, a filter in Images that would hide the new image is cleared, so the cursor lands on it', async () => {
	const {engine, lastFrame, stdin, store} = start();
	await waitForFrame(lastFrame, frame => frame.includes('› web'));
	await type(stdin, '2', '/', 'busybox', keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('filter: busybox'));
	await type(stdin, '1', 'c');
	await waitForFrame(lastFrame, frame => frame.includes('Commit web'));
	await type(stdin, 'snap:v1', keys.enter);
	const id = 'sha256:' + 'c'.repeat(64);
	engine.images = [
		...engine.images,
		image({id, repoTags: ['snap:v1'], created: Date.now() + 1000}),
	];
	engine.emit({type: 'image', action: 'tag', id, name: 'snap:v1'});
	await waitForFrame(lastFrame, frame => frame.includes('› snap:v1'));
	assert.equal(store.getState().ui.filters.images, '');
});
