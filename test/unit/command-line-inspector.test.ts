import assert from 'node:assert/strict';
import test from 'node:test';
import {EngineError} from '../../source/engine/types.js';
import {selectedKey} from '../../source/state/selectors.js';
import {container} from '../helpers/fake-engine.js';
import {db, promptError, setup, web} from '../helpers/command-line.js';

const ticks = async (count = 8) => {
	for (let index = 0; index < count; index++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
};

const wrong: Array<[string, RegExp]> = [
	['logs nosuch', /^no such container: nosuch$/],
	['logs --since soon web', /--since wants a duration .* not soon/],
	['logs --since 2099-01-01 web', /--since 2099-01-01 is in the future/],
	['logs --tail many web', /--tail wants a number of lines or all, not many/],
	['logs --tail', /--tail needs a value \(N\)/],
	['logs --grep x web', /unknown option --grep for :logs/],
	['top nosuch', /^no such container: nosuch$/],
	['top web db', /:top shows one container at a time/],
	['diff nosuch', /^no such container: nosuch$/],
	['port nosuch', /^no such container: nosuch$/],
	['port web', /^web publishes no port$/],
	['port web 80/xyz', /a port is 80 or 80\/tcp, not 80\/xyz/],
	['port web 80 443', /:port takes a container and at most one port/],
	['wait nosuch', /^no such container: nosuch$/],
];

for (const [line, message] of wrong) {
	test(`:${line} is refused next to the prompt and sends nothing`, async () => {
		const app = setup();
		const state = await app.type(line);
		assert.match(promptError(state) ?? '(no error)', message);
		assert.equal(state.ui.commandLine?.value, line, 'the line is kept');
		assert.deepEqual(app.actions(), []);
		assert.equal(state.ui.inspector, undefined, 'nothing opened');
	});
}

test(':logs --since --tail NAME opens the inspector on Logs of that container with the engine options; a new :logs replaces them', async () => {
	const app = setup({pane: 'images'});
	const before = Date.now();
	let state = await app.type('logs --since 10m --tail 200 db');
	assert.equal(state.ui.commandLine, undefined);
	assert.equal(state.ui.pane, 'containers');
	assert.equal(selectedKey(state, 'containers'), db.id);
	assert.equal(state.ui.inspector?.containerTab, 'logs');
	assert.equal(state.ui.inspector?.focused, true);
	assert.equal(state.ui.inspector?.logs.tail, 200);
	const since = state.ui.inspector?.logs.since ?? 0;
	assert.ok(
		since >= before - 600_000 && since <= Date.now() - 600_000,
		`since ${since} is 10 minutes back`,
	);
	state = await app.type('logs -n all web');
	assert.equal(selectedKey(state, 'containers'), web.id);
	assert.equal(state.ui.inspector?.logs.tail, 'all');
	assert.equal(state.ui.inspector?.logs.since, undefined, 'no --since now');
	state = await app.type('logs web');
	assert.equal(state.ui.inspector?.logs.tail, 1000);
});

test(':logs with several names marks exactly those (their logs interleaved); one name unmarks', async () => {
	const app = setup();
	let state = await app.type('logs web db');
	assert.deepEqual(
		[...state.ui.marks.containers].sort(),
		[web.id, db.id].sort(),
	);
	assert.equal(state.ui.inspector?.containerTab, 'logs');
	// Without a name: the marked ones, as every command takes them.
	state = await app.type('logs');
	assert.equal(state.ui.marks.containers.size, 2);
	state = await app.type('logs db');
	assert.equal(state.ui.marks.containers.size, 0);
	assert.equal(selectedKey(state, 'containers'), db.id);
});

test(':top and :diff open those tabs on the named container', async () => {
	const app = setup();
	let state = await app.type('top db');
	assert.equal(selectedKey(state, 'containers'), db.id);
	assert.equal(state.ui.inspector?.containerTab, 'top');
	state = await app.type('diff web');
	assert.equal(selectedKey(state, 'containers'), web.id);
	assert.equal(state.ui.inspector?.containerTab, 'diff');
});

test(':port says the published ports as docker port does, one of them when asked', async () => {
	const app = setup();
	const published = container({
		id: 'f'.repeat(64),
		name: 'shop',
		ports: [
			{privatePort: 443, publicPort: 8443, protocol: 'tcp', ip: '127.0.0.1'},
			{privatePort: 80, publicPort: 8080, protocol: 'tcp', ip: '0.0.0.0'},
			{privatePort: 80, publicPort: 8080, protocol: 'tcp', ip: '::'},
			{privatePort: 9000, protocol: 'tcp'},
		],
	});
	app.store.dispatch({
		type: 'containers/listed',
		containers: [web, db, published],
		now: Date.now(),
	});
	let state = await app.type('port shop');
	assert.equal(
		state.ui.flash?.text,
		'shop: 80/tcp -> 0.0.0.0:8080, 80/tcp -> [::]:8080, 443/tcp -> 127.0.0.1:8443',
	);
	state = await app.type('port shop 443');
	assert.equal(state.ui.flash?.text, 'shop: 443/tcp -> 127.0.0.1:8443');
	state = await app.type('port shop 9000/tcp');
	assert.equal(promptError(state), 'shop publishes no port 9000/tcp');
	assert.deepEqual(app.actions(), []);
});

test(':wait waits in the background and says the exit codes; Esc cancels it', async () => {
	const app = setup();
	const waiting = new Map<string, (code: number) => void>();
	app.engine.waitContainer = async (id, options) =>
		new Promise((resolve, reject) => {
			waiting.set(id, exitCode => {
				resolve({exitCode});
			});
			options?.signal?.addEventListener('abort', () => {
				reject(new EngineError('aborted', 'aborted'));
			});
		});
	let state = await app.type('wait web db');
	assert.equal(state.ui.commandLine, undefined, 'the prompt is free');
	assert.deepEqual([...waiting.keys()], [web.id, db.id]);
	assert.equal(state.ui.overlay?.kind, 'transfer');
	waiting.get(web.id)!(0);
	await ticks();
	waiting.get(db.id)!(137);
	await ticks();
	state = app.store.getState();
	assert.match(
		state.ui.flash?.text ?? '',
		/^Stopped after [\d.]+ s; exit codes: web 0, db 137$/,
	);
	assert.equal(state.ui.flash?.level, 'success');
	assert.deepEqual(app.log().at(-1), 'docker wait web db');

	waiting.clear();
	await app.type('wait web');
	assert.ok(waiting.has(web.id));
	state = await app.press('transfer.cancel');
	assert.match(state.ui.flash?.text ?? '', /^Cancelled: Wait for web/);
});
