import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
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
const db = container({id: 'd'.repeat(64), name: 'db'});
const bytes = (text: string) => new TextEncoder().encode(text);
const ctrlW = '\u0017';

function start() {
	const engine = createFakeEngine({
		containers: [web, db],
		images: [image({id: `sha256:${'c'.repeat(64)}`, repoTags: ['app:1']})],
	});
	engine.terminal = () => createFakeSession().session;
	const app = renderApp(engine);
	cleanups.push(app.cleanup);
	return {...app, engine};
}

const openLogs = (engine: ReturnType<typeof createFakeEngine>) =>
	engine.inspector.logs.size;

test('l opens Logs on the selected container: stdout and stderr lines, stderr tinted, untrusted bytes cleaned', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, frame => / Logs .*db/.test(frame));
	// One stream, for the shown container, with the default tail.
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	const call = engine.calls.find(each => each.method === 'containerLogs');
	assert.equal((call?.args[1] as {tail: number}).tail, 1000);
	const feed = engine.inspector.logs.get(db.id)!;
	feed.push({
		stream: 'stdout',
		data: bytes('2026-12-02T16:00:00Z hello from stdout\n'),
	});
	feed.push({
		stream: 'stderr',
		data: bytes('2026-12-02T16:00:01Z boom \u001B]0;pwned\u0007on stderr\n'),
	});
	const frame = await waitForFrame(lastFrame, text =>
		/boom on stderr/.test(text),
	);
	assert.match(frame, /hello from stdout/);
	assert.doesNotMatch(lastFrame() ?? '', /pwned/);
	// The colours (stderr tinted) are checked where the rows are made (test/unit/inspector-rows.test.ts): the
	// test terminal has none.
	// t shows the engine's timestamps.
	stdin.write('t');
	await waitForFrame(lastFrame, text => /16:00:01\.000 boom/.test(text));
});

test('a flood (more than floodLines lines a flushMs) tells the views less often; the last lines still show', async () => {
	const engine = createFakeEngine({containers: [web, db]});
	const app = renderApp(engine, {
		inspector: {flushMs: 20, floodFlushMs: 120, floodLines: 100},
	});
	cleanups.push(app.cleanup);
	const {lastFrame, stdin, inspector} = app;
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	const feed = engine.inspector.logs.get(db.id)!;
	const told: number[] = [];
	const unsubscribe = inspector.subscribe(() => {
		told.push(performance.now());
	});
	let line = 0;
	const started = performance.now();
	while (performance.now() - started < 600) {
		let text = '';
		for (let index = 0; index < 500; index++) {
			line++;
			text += `2026-12-02T16:00:00.${String(line).padStart(9, '0')}Z flood ${line}\n`;
		}

		feed.push({stream: 'stdout', data: bytes(text)});
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}

	unsubscribe();
	await waitForFrame(lastFrame, frame => frame.includes(`flood ${line}`));
	const gaps = told.slice(1).map((at, index) => at - told[index]!);
	assert.ok(told.length >= 2, `told ${told.length} times`);
	assert.ok(
		gaps.slice(1).every(gap => gap >= 100),
		`gaps ${gaps.map(gap => gap.toFixed(0)).join(' ')}`,
	);
});

test('tabs: ] to Stats closes the log stream and opens one stats stream; [ back reopens logs', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => openLogs(engine) === 1);
	stdin.write(']');
	await waitForFrame(lastFrame, () => engine.inspector.stats.size === 1);
	assert.equal(openLogs(engine), 0);
	engine.inspector.stats.get(db.id)!.push({
		time: 1000,
		onlineCpus: 2,
		memoryUsage: 50_000_000,
		memoryLimit: 100_000_000,
		netRx: 0,
		netTx: 0,
		blockRead: 0,
		blockWrite: 0,
		pids: 4,
	});
	engine.inspector.stats.get(db.id)!.push({
		time: 2000,
		cpuPercent: 42.5,
		onlineCpus: 2,
		memoryUsage: 50_000_000,
		memoryLimit: 100_000_000,
		netRx: 3000,
		netTx: 1000,
		blockRead: 0,
		blockWrite: 0,
		pids: 4,
	});
	const frame = await waitForFrame(lastFrame, text => /42\.5 %/.test(text));
	assert.match(frame, /50MB \/ 100MB \(50\.0 %\)/);
	assert.match(frame, /↓ 3kB\/s/);
	stdin.write('[');
	await waitForFrame(lastFrame, () => openLogs(engine) === 1);
	assert.equal(engine.inspector.stats.size, 0);
});

test('the pane follows the selection once it settles: at most one log stream, for the row shown', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	stdin.write(keys.escape);
	await settle();
	for (let index = 0; index < 10; index++) {
		stdin.write(index % 2 ? keys.up : keys.down);
		assert.ok(openLogs(engine) <= 1);
	}

	stdin.write(keys.down);
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(web.id));
	assert.equal(openLogs(engine), 1);
	// Sweeping the rows within the settle time opened no stream per row.
	assert.ok(
		engine.inspector.opened.logs <= 3,
		String(engine.inspector.opened.logs),
	);
	// Closing the pane closes the stream.
	stdin.write(ctrlW);
	await waitForFrame(lastFrame, () => openLogs(engine) === 0);
});

test('l opens the log stream at once; moving the selection still waits for it to settle', async () => {
	const engine = createFakeEngine({containers: [web, db]});
	const app = renderApp(engine, {inspector: {settleMs: 60_000}});
	cleanups.push(app.cleanup);
	const {lastFrame, stdin} = app;
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	// Well within the (one minute) settle time: the pane opened on a row nothing was sweeping.
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	stdin.write(keys.escape);
	await settle();
	stdin.write(keys.down);
	await waitForFrame(lastFrame, frame => /Logs.*web|web.*Logs/s.test(frame));
	await settle();
	// The old row's stream closed, the new row's waits for the selection to settle.
	assert.equal(openLogs(engine), 0);
	assert.equal(engine.inspector.opened.logs, 1);
});

test('i opens Config: the inspect document with secret env values masked until v', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('i');
	await waitForFrame(lastFrame, frame => /"DB_PASSWORD=••••"/.test(frame));
	assert.doesNotMatch(lastFrame() ?? '', /hunter2/);
	stdin.write('v');
	await waitForFrame(lastFrame, frame => /DB_PASSWORD=hunter2/.test(frame));
	// Env lists it as a table, masked again after v.
	stdin.write('v');
	stdin.write('[');
	await waitForFrame(lastFrame, frame =>
		/ Env .*DB_PASSWORD\s+••••/s.test(frame),
	);
});

test('/ searches with highlight; & filters; G follows again', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	const feed = engine.inspector.logs.get(db.id)!;
	for (let index = 1; index <= 40; index++) {
		feed.push({stream: 'stdout', data: bytes(`row ${index}\n`)});
	}

	await waitForFrame(lastFrame, frame => /row 40/.test(frame));
	stdin.write('/');
	await settle();
	stdin.write('row 7');
	await waitForFrame(lastFrame, frame => /\/row 7/.test(frame));
	stdin.write(keys.enter);
	// The match is on screen and highlighted; the view stopped following.
	await waitForFrame(
		lastFrame,
		frame => /row 7\b/.test(frame) && /paused/.test(frame),
	);
	stdin.write('G');
	await waitForFrame(
		lastFrame,
		frame => /row 40/.test(frame) && /following/.test(frame),
	);
	stdin.write('&');
	await settle();
	stdin.write('row 2');
	await settle();
	stdin.write(keys.enter);
	const filtered = await waitForFrame(lastFrame, frame =>
		/filter "row 2"/.test(frame),
	);
	assert.match(filtered, /row 29/);
	assert.doesNotMatch(filtered, /row 35/);
});

test('Images: l opens Layers like docker history; a shell pane takes the place and closes the streams', async () => {
	const {engine, lastFrame, stdin} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => openLogs(engine) === 1);
	stdin.write(keys.escape);
	await settle();
	stdin.write('x');
	await waitForFrame(lastFrame, frame => /shell: db/.test(frame));
	await waitForFrame(lastFrame, () => openLogs(engine) === 0);
	stdin.write('\u001D');
	await settle();
	stdin.write(ctrlW);
	await waitForFrame(lastFrame, () => openLogs(engine) === 1);
	stdin.write('2');
	await waitForFrame(lastFrame, frame => / Layers .*app:1/.test(frame));
	const frame = await waitForFrame(lastFrame, text =>
		/COPY app \/app/.test(text),
	);
	assert.match(frame, /1\.5MB\s+COPY app \/app/);
	assert.match(frame, /ADD rootfs/);
	assert.equal(openLogs(engine), 0);
});

test('n walks the search matches: while they all fit in the pane it keeps following; an older match off screen scrolls back to it and pauses', async () => {
	const {engine, lastFrame, stdin, store, inspector} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	const feed = engine.inspector.logs.get(db.id)!;
	const push = (from: number, to: number) => {
		for (let index = from; index <= to; index++) {
			feed.push({stream: 'stdout', data: bytes(`row ${index}\n`)});
		}
	};

	const logs = () => store.getState().ui.inspector!.logs;
	const search = async (text: string) => {
		stdin.write('/');
		await settle();
		// Ctrl-U: the prompt starts with the last search.
		stdin.write('\u0015');
		await settle();
		stdin.write(text);
		await waitForFrame(lastFrame, frame => frame.includes(`/${text}`));
		stdin.write(keys.enter);
		await waitForFrame(lastFrame, frame => frame.includes(`search "${text}"`));
	};

	// Three lines: every match is on screen, so n moves the match and the view keeps following, until there is
	// no older one (what the end-to-end test ran into when it pressed n before the lines outgrew the pane).
	push(1, 3);
	await waitForFrame(lastFrame, frame => /row 3/.test(frame));
	await search('row');
	assert.equal(logs().bottom, undefined);
	// Row 3 is the newest match; two older ones, then none.
	stdin.write('nnn');

	await waitForFrame(lastFrame, frame => /No older match for row/.test(frame));
	assert.equal(logs().bottom, undefined);
	assert.match(lastFrame() ?? '', /following/);

	// Lines enough to push row 2 off the top: n walks back to it, and the view pauses there.
	push(4, 60);
	await waitForFrame(lastFrame, frame => /row 60/.test(frame));
	const {rows} = inspector.view();
	assert.ok(rows < 30, `the pane shows ${rows} rows`);
	await search('row 2');
	for (let press = 0; press < 11; press++) {
		stdin.write('n');
		// eslint-disable-next-line no-await-in-loop
		await settle();
	}

	const paused = await waitForFrame(
		lastFrame,
		frame => /paused/.test(frame) && /row 2\b/.test(frame),
	);
	assert.doesNotMatch(paused, /row 60/);
	const at = logs().bottom!;
	assert.ok(at !== undefined);
	// Row 2 is on the first screen: the view is at the top, so j goes one line down and k one back up (k never
	// moves the view down, as it did when n left the bottom line inside the first screen).
	stdin.write('j');
	await waitForFrame(lastFrame, () => logs().bottom === at + 1);
	stdin.write('k');
	await waitForFrame(lastFrame, () => logs().bottom === at);
	stdin.write('k');
	await settle();
	assert.equal(logs().bottom, at);
});
