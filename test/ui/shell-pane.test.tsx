import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {EngineError} from '../../source/engine/types.js';
import {
	type EscapeKey,
	parseEscapeKey,
} from '../../source/keymap/escape-key.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {createFakeSession, type FakeSession} from '../helpers/fake-session.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

const ctrlBracket = '\u001D';
const ctrlW = '\u0017';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const web = container({id: 'a'.repeat(64), name: 'web'});
const db = container({id: 'd'.repeat(64), name: 'db'});
const old = container({
	id: 'e'.repeat(64),
	name: 'old',
	state: 'exited',
	status: 'Exited (0) 1 hour ago',
	exitCode: 0,
});

function start(
	options: {readOnly?: boolean; shells?: boolean; escapeKey?: EscapeKey} = {},
) {
	const engine = createFakeEngine({containers: [web, db, old]});
	const sessions: FakeSession[] = [];
	if (options.shells ?? true) {
		engine.terminal = () => {
			const fake = createFakeSession();
			sessions.push(fake);
			return fake.session;
		};
	}

	const app = renderApp(engine, {
		readOnly: options.readOnly ?? false,
		...(options.escapeKey ? {escapeKey: options.escapeKey} : {}),
	});
	cleanups.push(app.cleanup);
	return {...app, engine, sessions};
}

const execCalls = (engine: ReturnType<typeof createFakeEngine>) =>
	engine.calls.filter(call => call.method === 'exec');

test('x opens a shell pane sized to the pane; keys go to it; Ctrl-] gives them back; x refocuses; Ctrl-W closes', async () => {
	const {engine, sessions, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	let frame = await waitForFrame(lastFrame, frame =>
		frame.includes('shell: db'),
	);
	// 100x24: the body is 19 lines, the list keeps 8, the pane gets 11 (98x9 inside its border).
	assert.deepEqual(execCalls(engine)[0]?.args, [
		db.id,
		{shells: ['/bin/bash', '/bin/sh'], columns: 98, rows: 9},
	]);
	assert.match(frame, /Ctrl-] back to the dashboard/);
	assert.match(frame, /web/, 'the list is still there');

	await waitForFrame(lastFrame, () => sessions.length === 1);
	sessions[0]!.output('hello from db\r\n/ # ');
	frame = await waitForFrame(lastFrame, frame =>
		frame.includes('hello from db'),
	);
	stdin.write('ls -l\r');
	await settle();
	stdin.write('j');
	await settle();
	assert.deepEqual(sessions[0]!.writes.join(''), 'ls -l\rj');
	assert.match(frame, /› db/, 'j did not move the list');

	stdin.write(ctrlBracket);
	frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-] focus'),
	);
	assert.match(frame, /Ctrl-] to shell/, 'the footer says how to get back');
	stdin.write('j');
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
	assert.equal(sessions[0]!.writes.join(''), 'ls -l\rj', 'j went to the list');

	stdin.write('k');
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-] back to the dashboard'),
	);
	assert.equal(execCalls(engine).length, 1, 'x went back to the same session');
	stdin.write('pwd\r');
	await settle();
	assert.match(sessions[0]!.writes.join(''), /pwd\r$/);

	stdin.write(ctrlBracket);
	await waitForFrame(lastFrame, frame => frame.includes('Ctrl-] focus'));
	stdin.write(ctrlW);
	await waitForFrame(lastFrame, frame => !frame.includes('shell: db'));
	assert.equal(sessions[0]!.isClosed(), true);
});

test('x on another container asks before replacing the running shell', async () => {
	const {engine, sessions, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, () => sessions.length === 1);
	stdin.write(ctrlBracket);
	await waitForFrame(lastFrame, frame => frame.includes('Ctrl-] focus'));
	stdin.write('j');
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, frame =>
		frame.includes('y/n: close the shell in db and open a shell in web?'),
	);
	stdin.write('n');
	let frame = await waitForFrame(lastFrame, frame => !frame.includes('y/n:'));
	assert.match(frame, /shell: db/);
	assert.equal(execCalls(engine).length, 1);

	stdin.write('X');
	await waitForFrame(lastFrame, frame =>
		frame.includes('y/n: close the shell in db and attach in web?'),
	);
	stdin.write('y');
	frame = await waitForFrame(lastFrame, frame =>
		frame.includes('attached: web'),
	);
	assert.equal(sessions[0]!.isClosed(), true, 'the old session was closed');
	const attach = engine.calls.find(call => call.method === 'attach');
	assert.equal(attach?.args[0], web.id);
	assert.deepEqual(attach?.args[1], {
		columns: 98,
		rows: 9,
		detachKeys: 'ctrl-p,ctrl-q',
	});
});

test('keys typed while the session is still opening reach it, in order, once it opens', async () => {
	const {engine, lastFrame, stdin} = start({shells: false});
	let open: (session: FakeSession) => void = () => undefined;
	engine.terminal = async () =>
		new Promise(resolve => {
			open = fake => {
				resolve(fake.session);
			};
		});
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, frame => frame.includes('opening…'));
	stdin.write('echo ');
	await settle();
	stdin.write('hi\r');
	await settle();
	const fake = createFakeSession();
	open(fake);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-] back to the dashboard'),
	);
	await waitForFrame(lastFrame, () => fake.writes.join('') === 'echo hi\r');
	stdin.write('ls\r');
	await waitForFrame(lastFrame, () => fake.writes.join('') === 'echo hi\rls\r');
	assert.match(lastFrame() ?? '', /› db/, 'the list did not see the keys');
});

test('keys typed while a session fails to open are not sent to the next one', async () => {
	const {engine, lastFrame, stdin} = start({shells: false});
	let fail: () => void = () => undefined;
	engine.terminal = async () =>
		new Promise((_resolve, reject) => {
			fail = () => {
				reject(new EngineError('unreachable', 'the engine went away'));
			};
		});
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, frame => frame.includes('opening…'));
	stdin.write('lost\r');
	await settle();
	fail();
	await waitForFrame(lastFrame, frame =>
		frame.includes('the engine went away'),
	);
	const fake = createFakeSession();
	engine.terminal = () => fake.session;
	stdin.write('x');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-] back to the dashboard'),
	);
	stdin.write('new\r');
	await waitForFrame(lastFrame, () => fake.writes.join('') === 'new\r');
});

test('keys in the same chunk as x, or as the escape key, go where the focus went', async () => {
	const {sessions, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	// x and a command typed fast, or over a slow link, arrive as one chunk.
	stdin.write('xls\r');
	await waitForFrame(lastFrame, () => sessions.length === 1);
	await waitForFrame(lastFrame, () => sessions[0]!.writes.join('') === 'ls\r');

	// Ctrl-] and j together: j moves the list.
	stdin.write(`${ctrlBracket}j`);
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
	assert.equal(sessions[0]!.writes.join(''), 'ls\r');

	// Back on db, x and keys together: the keys reach the running shell, which gets the focus back.
	stdin.write('k');
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('xpwd\r');
	await waitForFrame(
		lastFrame,
		() => sessions[0]!.writes.join('') === 'ls\rpwd\r',
	);
	assert.equal(sessions.length, 1, 'no second session');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-] back to the dashboard'),
	);
});

test('z puts the running pane on the whole screen with the keys; Ctrl-] brings the lists back', async () => {
	const {sessions, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, () => sessions.length === 1);
	stdin.write(ctrlBracket);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-] focus · z full screen · Ctrl-W close'),
	);
	stdin.write('z');
	let frame = await waitForFrame(
		lastFrame,
		frame =>
			frame.includes('Ctrl-] back to the dashboard') && !frame.includes('web'),
	);
	assert.doesNotMatch(frame, /NAME/, 'the lists are hidden');
	// 100x24: the body is 19 lines, all of it the pane's (98x17 inside its border).
	await waitForFrame(lastFrame, () =>
		sessions[0]!.resizes.some(size => size.columns === 98 && size.rows === 17),
	);
	stdin.write('ls\r');
	await waitForFrame(lastFrame, () => sessions[0]!.writes.join('') === 'ls\r');

	stdin.write(ctrlBracket);
	frame = await waitForFrame(lastFrame, frame => /› db/.test(frame));
	assert.match(frame, /web/);
	assert.match(frame, /Ctrl-] focus/);
	await waitForFrame(lastFrame, () => sessions[0]!.resizes.at(-1)?.rows === 9);
});

test('--escape-key ctrl-a: Ctrl-A moves between pane and lists, Ctrl-] goes to the container', async () => {
	const {sessions, lastFrame, stdin} = start({
		escapeKey: parseEscapeKey('ctrl-a'),
	});
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-A back to the dashboard'),
	);
	await waitForFrame(lastFrame, () => sessions.length === 1);
	stdin.write(ctrlBracket);
	await settle();
	stdin.write('\u0001');
	let frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-A focus'),
	);
	assert.match(frame, /Ctrl-A to shell/, 'the footer names the key');
	assert.equal(sessions[0]!.writes.join(''), ctrlBracket);
	stdin.write('j');
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
	stdin.write('\u0001');
	frame = await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-A back to the dashboard'),
	);
	stdin.write('?');
	await waitForFrame(
		lastFrame,
		() => sessions[0]!.writes.join('') === `${ctrlBracket}?`,
	);
});

test('the end of a session is written in the pane and gives the keys back', async () => {
	const {sessions, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, () => sessions.length === 1);
	sessions[0]!.output('/ # exit\r\n');
	sessions[0]!.end({reason: 'shell exited with code 3', exitCode: 3});
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('[session ended: shell exited with code 3]'),
	);
	assert.match(frame, /ended · Ctrl-W close/);
	stdin.write('j');
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
	assert.deepEqual(sessions[0]!.writes, [], 'nothing was sent after the end');
	// x on the same container opens a new session in the ended pane, without asking.
	stdin.write('k');
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, () => sessions.length === 2);
});

test('shell output never goes through the store, so the lists do not re-render for it', async () => {
	const {sessions, store, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, () => sessions.length === 1);
	await waitForFrame(lastFrame, frame =>
		frame.includes('Ctrl-] back to the dashboard'),
	);
	await settle();
	const before = store.getState();
	let notified = 0;
	const unsubscribe = store.subscribe(() => {
		notified++;
	});
	for (let line = 0; line < 2000; line++) {
		sessions[0]!.output(`line ${line}\r\n`);
	}

	await waitForFrame(lastFrame, frame => frame.includes('line 1999'));
	unsubscribe();
	assert.equal(store.getState(), before);
	assert.equal(notified, 0);
});

test('x on a stopped container says so; without shells the pane shows the error', async () => {
	const {lastFrame, stdin} = start({shells: false});
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('G');
	await waitForFrame(lastFrame, frame => /› old/.test(frame));
	stdin.write('x');
	await waitForFrame(lastFrame, frame =>
		frame.includes('old is exited: a shell needs it running'),
	);
	stdin.write('g');
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('the fake engine has no shells'),
	);
	assert.match(frame, /shell: db · ended/);
	stdin.write('j');
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
});

test('read-only: x and X do nothing', async () => {
	const {engine, lastFrame, stdin} = start({readOnly: true});
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('x');
	stdin.write('X');
	await settle();
	await settle();
	assert.equal(execCalls(engine).length, 0);
	assert.ok(!engine.calls.some(call => call.method === 'attach'));
	assert.doesNotMatch(lastFrame() ?? '', /shell:/);
	stdin.write(keys.down);
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
});
