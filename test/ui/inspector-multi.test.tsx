import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const api = container({id: 'a'.repeat(64), name: 'api'});
const db = container({id: 'd'.repeat(64), name: 'db'});
const web = container({id: 'e'.repeat(64), name: 'web'});
const bytes = (text: string) => new TextEncoder().encode(text);
const at = (second: number, text: string) =>
	bytes(
		`2026-12-02T16:00:${String(second).padStart(2, '0')}.000000000Z ${text}\n`,
	);

function start() {
	const engine = createFakeEngine({containers: [api, db, web]});
	const copied: string[] = [];
	const app = renderApp(engine, {
		clipboard: {
			copy(text) {
				copied.push(text);
			},
		},
	});
	cleanups.push(app.cleanup);
	return {...app, engine, copied};
}

test('l with rows marked: their logs interleaved by time, each line prefixed by its container; one stream each', async () => {
	const {engine, lastFrame, stdin, copied} = start();
	await waitForFrame(lastFrame, frame => /› api/.test(frame));
	// Mark api and web (space marks and moves on).
	stdin.write(' ');
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write(keys.down);
	await waitForFrame(lastFrame, frame => /› web/.test(frame));
	stdin.write(' ');
	await settle();
	stdin.write('l');
	await waitForFrame(
		lastFrame,
		() =>
			engine.inspector.logs.has(api.id) && engine.inspector.logs.has(web.id),
	);
	assert.equal(
		engine.inspector.logs.size,
		2,
		'one stream per marked container',
	);
	assert.ok(!engine.inspector.logs.has(db.id));
	// The tails come one container after the other, not in time order.
	const apiFeed = engine.inspector.logs.get(api.id)!;
	const webFeed = engine.inspector.logs.get(web.id)!;
	apiFeed.push({stream: 'stdout', data: at(1, 'api first')});
	apiFeed.push({stream: 'stderr', data: at(4, 'api fourth')});
	await waitForFrame(lastFrame, frame => /api fourth/.test(frame));
	webFeed.push({stream: 'stdout', data: at(2, 'web second')});
	webFeed.push({stream: 'stdout', data: at(3, 'web third')});
	webFeed.push({stream: 'stdout', data: at(5, 'web fifth')});
	const frame = await waitForFrame(lastFrame, text => /web fifth/.test(text));
	const order = [...frame.matchAll(/(api|web)\s+\| (\w+ \w+)/g)].map(
		match => `${match[1]} | ${match[2]}`,
	);
	assert.deepEqual(order, [
		'api | api first',
		'web | web second',
		'web | web third',
		'api | api fourth',
		'web | web fifth',
	]);
	assert.match(frame, /2 marked containers/);
	assert.match(frame, /2 containers interleaved/);
	// y copies them with their prefixes.
	stdin.write('y');
	await waitForFrame(lastFrame, text => /Copied 5 shown lines/.test(text));
	assert.equal(
		copied.at(-1),
		'api | api first\nweb | web second\nweb | web third\napi | api fourth\nweb | web fifth',
	);
	// Moving the selection changes nothing: the marks say what is shown.
	stdin.write(keys.escape);
	await settle();
	stdin.write(keys.up);
	await new Promise(resolve => {
		setTimeout(resolve, 300);
	});
	assert.equal(engine.inspector.logs.size, 2);
	// No marks: back to the selected container, one stream.
	stdin.write(keys.escape);
	await waitForFrame(
		lastFrame,
		() => engine.inspector.logs.size === 1 && engine.inspector.logs.has(db.id),
	);
	await waitForFrame(lastFrame, text => / Logs .*db/.test(text));
});
