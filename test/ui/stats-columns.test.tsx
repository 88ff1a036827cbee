import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {StatsSample} from '../../source/engine/types.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const id = (index: number) => index.toString(16).padStart(64, '0');
const name = (index: number) => `app-${String(index).padStart(2, '0')}`;

function start(count = 30, stopped: readonly number[] = []) {
	const engine = createFakeEngine({
		containers: Array.from({length: count}, (_, index) =>
			container({
				id: id(index),
				name: name(index),
				...(stopped.includes(index)
					? {state: 'exited' as const, status: 'Exited (0) 1 minute ago'}
					: {}),
			}),
		),
	});
	const app = renderApp(engine);
	cleanups.push(app.cleanup);
	return {...app, engine};
}

/**
The container names drawn in the list now.
*/
const shownNames = (frame: string) =>
	[...frame.matchAll(/app-\d\d/g)].map(match => match[0]);

const sample = (patch: Partial<StatsSample> = {}): StatsSample => ({
	time: Date.now(),
	onlineCpus: 2,
	memoryUsage: 45_100_000,
	memoryLimit: 2_000_000_000,
	netRx: 0,
	netTx: 0,
	blockRead: 0,
	blockWrite: 0,
	pids: 1,
	...patch,
});

test('m: CPU and MEM columns, with one stats stream per running row on screen, moving with the window', async () => {
	const {engine, lastFrame, stdin} = start(30, [3]);
	await waitForFrame(lastFrame, frame => /› app-00/.test(frame));
	// Off by default: no stream at all.
	await settle();
	assert.equal(engine.inspector.stats.size, 0);
	assert.doesNotMatch(lastFrame() ?? '', /CPU/);
	stdin.write('m');
	let frame = await waitForFrame(lastFrame, text => /CPU\s+MEM/.test(text));
	const visible = shownNames(frame);
	assert.ok(visible.length > 5 && visible.length < 30, String(visible));
	// Every running row on screen has a stream, and nothing off screen does (the stopped one sorts last).
	assert.ok(!visible.includes('app-03'));
	await waitForFrame(
		lastFrame,
		() => engine.inspector.stats.size === visible.length,
	);
	const streamed = () =>
		[...engine.inspector.stats.keys()].map(each =>
			name(Number.parseInt(each, 16)),
		);
	assert.deepEqual(streamed().sort(), [...visible].sort());

	// Figures: CPU of one CPU as docker stats prints it, memory less cache with its share of the limit.
	engine.inspector.stats.get(id(0))!.push(sample());
	engine.inspector.stats
		.get(id(0))!
		.push(sample({cpuPercent: 152.25, time: Date.now() + 1000}));
	engine.inspector.stats.get(id(1))!.push(sample({cpuPercent: 3.14159}));
	frame = await waitForFrame(lastFrame, text =>
		/app-00.*152%\s+45\.1MB 2\.3%/.test(text),
	);
	assert.match(frame, /app-01.*3\.1%\s+45\.1MB 2\.3%/);
	// A row with a stream but no sample yet.
	assert.match(frame, /app-02.*…\s+…/);

	// To the end of the list: the window moves, the streams of the rows that left it close, the new ones open.
	stdin.write('G');
	frame = await waitForFrame(lastFrame, text => /› app-03/.test(text));
	const after = shownNames(frame);
	assert.ok(after.includes('app-03') && !after.includes('app-00'));
	// The stopped row shows - and has no stream.
	assert.match(frame, /app-03\s.*exited\s+-\s+-/);
	await waitForFrame(
		lastFrame,
		() =>
			engine.inspector.stats.size === after.length - 1 &&
			streamed().every(each => after.includes(each) && each !== 'app-03'),
	);
	let most = engine.inspector.stats.size;
	// Back up a row at a time: never more streams than rows on screen.
	for (let index = 0; index < 20; index++) {
		stdin.write('k');
		// eslint-disable-next-line no-await-in-loop
		await settle();
		most = Math.max(most, engine.inspector.stats.size);
	}

	assert.ok(most <= visible.length, `${most} streams for ${visible.length}`);
	// Off again: every stream closed.
	stdin.write('m');
	await waitForFrame(
		lastFrame,
		text => !/CPU\s+MEM/.test(text) && engine.inspector.stats.size === 0,
	);
	// Sweeping the list with the columns on opened streams only for windows that stayed put.
	assert.ok(
		engine.inspector.opened.stats < 30 + 40,
		String(engine.inspector.opened.stats),
	);
});

test('the columns close their streams when Containers is not shown, and open them again on return', async () => {
	const {engine, lastFrame, stdin} = start(3);
	await waitForFrame(lastFrame, frame => /› app-00/.test(frame));
	stdin.write('m');
	await waitForFrame(lastFrame, () => engine.inspector.stats.size === 3);
	stdin.write('2');
	await waitForFrame(lastFrame, () => engine.inspector.stats.size === 0);
	stdin.write('1');
	await waitForFrame(lastFrame, () => engine.inspector.stats.size === 3);
	// A container that stops leaves the columns' streams.
	engine.containers = engine.containers.map(each =>
		each.id === id(1)
			? {...each, state: 'exited', status: 'Exited (0) 1 second ago'}
			: each,
	);
	engine.emit({type: 'container', action: 'die', id: id(1)});
	await waitForFrame(
		lastFrame,
		() =>
			engine.inspector.stats.size === 2 && !engine.inspector.stats.has(id(1)),
	);
});
