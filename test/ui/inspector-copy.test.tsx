import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {terminalClipboard} from '../../source/terminal/clipboard.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {keys, renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const db = container({id: 'd'.repeat(64), name: 'db'});
const bytes = (text: string) => new TextEncoder().encode(text);

/**
The app on a fake engine with the real OSC 52 clipboard, writing to `written` instead of the terminal.
*/
function start() {
	const engine = createFakeEngine({containers: [db]});
	const written: string[] = [];
	const app = renderApp(engine, {
		clipboard: terminalClipboard(data => written.push(data)),
	});
	cleanups.push(app.cleanup);
	return {...app, engine, written};
}

/**
The text of the last OSC 52 sequence written, decoded; the sequence is checked whole.
*/
function lastCopy(written: readonly string[]): string {
	const sequence = written.at(-1) ?? '';
	// eslint-disable-next-line no-control-regex
	const match = /^\u001B\]52;c;([A-Za-z\d+/=]*)\u0007$/.exec(sequence);
	assert.ok(
		match,
		`one OSC 52 sequence, base64 only: ${JSON.stringify(sequence)}`,
	);
	return Buffer.from(match[1]!, 'base64').toString('utf8');
}

test('y in Logs copies the lines on screen through OSC 52, as plain text; with / or & the matching lines of the whole ring', async () => {
	const {engine, lastFrame, stdin, written} = start();
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	const feed = engine.inspector.logs.get(db.id)!;
	for (let index = 1; index <= 60; index++) {
		// Colours, a bell, a title change and a backspace in the container's output.
		feed.push({
			stream: index % 4 === 0 ? 'stderr' : 'stdout',
			data: bytes(
				index % 3 === 0
					? `row ${index} \u001B[31mred\u001B[0m\u0007\u001B]0;pwned\u0007\b!\n`
					: `row ${index}\n`,
			),
		});
	}

	const frame = await waitForFrame(lastFrame, text => /row 60/.test(text));
	const onScreen = [...frame.matchAll(/row (\d+)/g)].map(match =>
		Number(match[1]),
	);
	assert.ok(onScreen.length > 3 && onScreen.length < 60, `${onScreen.length}`);
	assert.match(frame, /row \d+ red\?\?!/);
	stdin.write('y');
	await waitForFrame(lastFrame, text => /Copied \d+ shown lines/.test(text));
	const shown = lastCopy(written);
	// As the screen shows them: the escape sequences gone, the bell and the backspace as placeholders.
	const expected = (index: number) =>
		index % 3 === 0 ? `row ${index} red??!` : `row ${index}`;
	assert.deepEqual(shown.split('\n'), onScreen.map(expected));
	assert.match(
		lastFrame() ?? '',
		new RegExp(`Copied ${onScreen.length} shown lines`),
	);

	// A search: every matching line the ring holds, not only those on screen.
	stdin.write('/');
	await settle();
	stdin.write('red');
	await waitForFrame(lastFrame, text => /\/red/.test(text));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /search "red"/.test(text));
	stdin.write('y');
	await waitForFrame(lastFrame, text =>
		/Copied 20 matching "red" lines/.test(text),
	);
	assert.deepEqual(
		lastCopy(written).split('\n'),
		Array.from({length: 20}, (_, index) => expected(3 * (index + 1))),
	);

	// A filter and the search together: the lines that match both.
	stdin.write('&');
	await settle();
	stdin.write('row 2');
	await waitForFrame(lastFrame, text => /&row 2/.test(text));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /filter "row 2"/.test(text));
	stdin.write('y');
	await waitForFrame(lastFrame, text =>
		/Copied 3 matching "row 2" and "red" lines/.test(text),
	);
	assert.deepEqual(lastCopy(written).split('\n'), [
		'row 21 red??!',
		'row 24 red??!',
		'row 27 red??!',
	]);
	// Nothing raw ever went out: every write was one OSC 52 sequence.
	assert.equal(written.length, 3);
});

test('y with nothing matching copies nothing and says so; y in Config still copies a value', async () => {
	const {engine, lastFrame, stdin, written} = start();
	engine.inspector.raw.set(db.id, {Name: '/db', Config: {Env: []}});
	await waitForFrame(lastFrame, frame => /› db/.test(frame));
	stdin.write('l');
	await waitForFrame(lastFrame, () => engine.inspector.logs.has(db.id));
	engine.inspector.logs
		.get(db.id)!
		.push({stream: 'stdout', data: bytes('only line\n')});
	await waitForFrame(lastFrame, text => /only line/.test(text));
	stdin.write('/');
	await settle();
	stdin.write('absent');
	await waitForFrame(lastFrame, text => /\/absent/.test(text));
	stdin.write(keys.enter);
	await settle();
	stdin.write('y');
	await waitForFrame(lastFrame, text =>
		/No lines matching "absent" to copy/.test(text),
	);
	assert.equal(written.length, 0);
	// Back two tabs, round to Config.
	stdin.write('[');
	await settle();
	stdin.write('[');
	await waitForFrame(lastFrame, text => /"Name": "\/db"/.test(text));
	stdin.write('y');
	await waitForFrame(lastFrame, text => /Copied the whole document/.test(text));
	assert.deepEqual(JSON.parse(lastCopy(written)), {
		Name: '/db',
		Config: {Env: []},
	});
});
