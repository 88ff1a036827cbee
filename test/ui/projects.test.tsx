import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {EngineError} from '../../source/engine/types.js';
import {setComposeFinder} from '../../source/host/compose-cli.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const compose = (
	project: string,
	service: string,
	number: number,
	extra: Record<string, string> = {},
) => ({
	'com.docker.compose.project': project,
	'com.docker.compose.service': service,
	'com.docker.compose.container-number': String(number),
	'com.docker.compose.oneoff': 'False',
	'com.docker.compose.project.working_dir': `/srv/${project}`,
	'com.docker.compose.project.config_files': `/srv/${project}/docker-compose.yml`,
	...extra,
});

const web1 = container({
	id: '1'.repeat(64),
	name: 'shop_web_1',
	labels: compose('shop', 'web', 1),
	status: 'Up 2 minutes (healthy)',
});
const web2 = container({
	id: '2'.repeat(64),
	name: 'shop_web_2',
	labels: compose('shop', 'web', 2),
	status: 'Up 2 minutes (unhealthy)',
});
const db = container({
	id: '3'.repeat(64),
	name: 'shop_db_1',
	labels: compose('shop', 'db', 1),
});
const worker = container({
	id: '4'.repeat(64),
	name: 'shop_worker_1',
	labels: compose('shop', 'worker', 1),
	state: 'exited',
	status: 'Exited (0) 1 minute ago',
	exitCode: 0,
});
const blog = container({
	id: '5'.repeat(64),
	name: 'blog_app_1',
	labels: compose('blog', 'app', 1),
});
const loose = container({id: '6'.repeat(64), name: 'loose'});

function start() {
	const engine = createFakeEngine({
		containers: [web1, web2, db, worker, blog, loose],
	});
	const rendered = renderApp(engine);
	cleanups.push(rendered.cleanup);
	return {engine, ...rendered};
}

const calls = (engine: ReturnType<typeof createFakeEngine>, method: string) =>
	engine.calls.filter(call => call.method === method).map(call => call.args);

async function type(stdin: {write(data: string): void}, ...chunks: string[]) {
	for (const chunk of chunks) {
		stdin.write(chunk);
		// eslint-disable-next-line no-await-in-loop
		await settle();
	}
}

test('7 shows projects → services → containers from the compose labels, with a summary', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7');
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('▾ shop'),
	);
	assert.match(frame, /7 +Projects 2/, 'the tab counts two projects');
	assert.match(frame, /▾ blog +1\/1 +running/);
	assert.match(frame, /▾ shop +3\/4 +partly running +1 unhealthy +\/srv\/shop/);
	assert.match(frame, /▾ web +2\/2 +running +1 unhealthy/);
	assert.match(frame, /shop_web_2 +running +unhealthy/);
	assert.match(frame, /▾ worker +0\/1 +stopped/);
	assert.doesNotMatch(
		frame,
		/loose/,
		'containers without compose labels are not in it',
	);
	// Tree order: blog, its service and container, then shop with db, web (1, 2), worker.
	const order = [
		'▾ blog',
		'blog_app_1',
		'▾ shop',
		'▾ db',
		'▾ web',
		'shop_web_1',
		'shop_web_2',
		'▾ worker',
	];
	const positions = order.map(text => frame.indexOf(text));
	assert.deepEqual(
		[...positions].sort((a, b) => a - b),
		positions,
	);
});

test('live: a container that stops changes the project summary at once (the event stream)', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7');
	await waitForFrame(lastFrame, frame => /▾ shop +3\/4/.test(frame));
	engine.containers = engine.containers.map(each =>
		each.id === db.id
			? {
					...each,
					state: 'exited',
					status: 'Exited (137) 1 second ago',
					exitCode: 137,
				}
			: each,
	);
	engine.emit({
		type: 'container',
		action: 'die',
		id: db.id,
		attributes: {exitCode: '137'},
	});
	const frame = await waitForFrame(lastFrame, frame =>
		/▾ shop +2\/4/.test(frame),
	);
	assert.match(frame, /shop_db_1 +exited \(137\)/);
});

test('s on a project stops every container of it; S on a service starts its containers', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7');
	await waitForFrame(lastFrame, frame => frame.includes('› ▾ blog'));
	await type(stdin, 'j', 'j', 'j');
	await waitForFrame(lastFrame, frame => frame.includes('› ▾ shop'));
	await type(stdin, 's');
	await waitForFrame(lastFrame, frame => frame.includes('4 stopped'));
	assert.deepEqual(
		calls(engine, 'stopContainer')
			.map(([id]) => id)
			.sort(),
		[web1.id, web2.id, db.id, worker.id].sort(),
	);
	await type(stdin, 'G', 'k');
	await waitForFrame(lastFrame, frame => /› +▾ worker/.test(frame));
	await type(stdin, 'S');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Started shop_worker_1'),
	);
	assert.deepEqual(calls(engine, 'startContainer'), [[worker.id]]);
});

test('p pauses the running containers of a service, and unpauses them when all are paused', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7', '/', 'web', keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('filter: web'));
	await type(stdin, 'j');
	await waitForFrame(lastFrame, frame => /› +▾ web/.test(frame));
	await type(stdin, 'p');
	await waitForFrame(lastFrame, frame => frame.includes('2 paused'));
	assert.equal(calls(engine, 'pauseContainer').length, 2);
	engine.containers = engine.containers.map(each =>
		each.id === web1.id || each.id === web2.id
			? {...each, state: 'paused'}
			: each,
	);
	engine.emit({type: 'container', action: 'pause', id: web1.id});
	engine.emit({type: 'container', action: 'pause', id: web2.id});
	await waitForFrame(lastFrame, frame => /▾ web +0\/2 +paused/.test(frame));
	await type(stdin, 'p');
	await waitForFrame(lastFrame, frame => frame.includes('2 unpaused'));
	assert.equal(calls(engine, 'unpauseContainer').length, 2);
});

test('d on a project lists its containers and removes them only after yes', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7', 'j', 'j', 'j');
	await waitForFrame(lastFrame, frame => frame.includes('› ▾ shop'));
	await type(stdin, 'd');
	const dialog = await waitForFrame(lastFrame, frame =>
		frame.includes('Remove the 4 containers of project shop?'),
	);
	for (const name of [
		'shop_web_1',
		'shop_web_2',
		'shop_db_1',
		'shop_worker_1',
	]) {
		assert.ok(dialog.includes(name), `the dialog names ${name}`);
	}

	assert.equal(calls(engine, 'removeContainer').length, 0, 'nothing yet');
	// Focus is on "Stop, then remove".
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('4 removed'));
	assert.equal(calls(engine, 'removeContainer').length, 4);
});

test('Space folds a project; Enter on a container opens its details', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7', ' ');
	const folded = await waitForFrame(lastFrame, frame =>
		frame.includes('▸ blog'),
	);
	assert.doesNotMatch(folded, /blog_app_1/);
	await type(stdin, ' ', 'j', 'j');
	await waitForFrame(
		lastFrame,
		frame => frame.includes('› ') && /› +blog_app_1/.test(frame),
	);
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Networks    bridge 172.17.0.2'),
	);
});

test('l interleaves the logs of a service by time, prefixed, sanitised, and stops following on Esc', async () => {
	const {engine, lastFrame, stdin} = start();
	const t = Date.parse('2026-01-01T10:00:00Z');
	engine.logs[web1.id] = [
		{time: t + 1000, stream: 'stdout', text: 'one from web1'},
		{time: t + 3000, stream: 'stdout', text: 'three from web1'},
	];
	engine.logs[web2.id] = [
		{time: t + 2000, stream: 'stderr', text: 'two from web2'},
	];
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7', '/', 'web', keys.enter, 'j');
	await waitForFrame(lastFrame, frame => /› +▾ web/.test(frame));
	await type(stdin, 'l');
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('three from web1'),
	);
	assert.match(frame, /Logs of service shop\/web \(2 containers\)/);
	const one = frame.indexOf('web.1 | one from web1');
	const two = frame.indexOf('web.2 | two from web2');
	const three = frame.indexOf('web.1 | three from web1');
	assert.ok(one !== -1 && two > one && three > two, frame);
	engine.pushLogs(web2.id, [
		{time: t + 4000, stream: 'stdout', text: 'four, live'},
	]);
	await waitForFrame(lastFrame, frame => frame.includes('web.2 | four, live'));
	assert.equal(calls(engine, 'followLogs').length, 2);
	await type(stdin, keys.escape);
	await waitForFrame(
		lastFrame,
		frame => frame.includes('▾ web') && !frame.includes('Logs of'),
	);
	engine.pushLogs(web2.id, [
		{time: t + 5000, stream: 'stdout', text: 'after close'},
	]);
	await settle();
	assert.doesNotMatch(lastFrame() ?? '', /after close/);
});

test('l says which container could not give its logs, and shows the others', async () => {
	const {engine, lastFrame, stdin} = start();
	engine.logs[db.id] = new EngineError(
		'server',
		'configured logging driver does not support reading',
	);
	engine.logs[web1.id] = [
		{time: Date.now(), stream: 'stdout', text: 'web is fine'},
	];
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7', 'j', 'j', 'j');
	await waitForFrame(lastFrame, frame => frame.includes('› ▾ shop'));
	await type(stdin, 'l');
	const frame = await waitForFrame(
		lastFrame,
		frame => frame.includes('web is fine') && frame.includes('✗'),
	);
	assert.match(
		frame,
		/✗ shop_db_1: configured logging driver does not support reading/,
	);
});

test('u, D, P, B, C without a compose CLI say so, and nothing runs', async () => {
	setComposeFinder(async () => undefined);
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7', 'j', 'j', 'j');
	await waitForFrame(lastFrame, frame => frame.includes('› ▾ shop'));
	for (const [key, verb] of [
		['u', 'up'],
		['P', 'pull'],
		['B', 'build'],
		['c', 'recreate'],
	] as const) {
		// eslint-disable-next-line no-await-in-loop
		await type(stdin, key);
		// eslint-disable-next-line no-await-in-loop
		await waitForFrame(lastFrame, frame =>
			frame.includes(
				`Cannot ${verb} shop: no compose CLI here (neither \`docker compose\``,
			),
		);
	}

	await type(stdin, 'D');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Take project shop down?'),
	);
	await type(stdin, keys.enter);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Cannot down shop: no compose CLI here'),
	);
});

test('a compose CLI is run for a project whose folder is not here: the problem in words', async () => {
	setComposeFinder(async () => ({
		command: ['docker-compose'],
		version: '1.29.2',
	}));
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => frame.includes('shop_web_1'));
	await type(stdin, '7', 'j', 'j', 'j', 'u');
	await waitForFrame(lastFrame, frame =>
		frame.includes(
			'Cannot up shop: the folder of project shop, /srv/shop, is not on this machine',
		),
	);
});
