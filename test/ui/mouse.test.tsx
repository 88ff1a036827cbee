import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {parseConfig} from '../../source/config/config-file.js';
import {resolveSettings} from '../../source/config/settings.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {renderApp, settle, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const rows = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].map(
	(name, index) => container({id: String(index + 1).repeat(64), name}),
);

function start(options: Parameters<typeof renderApp>[1] = {}) {
	const engine = createFakeEngine({containers: rows});
	const app = renderApp(engine, options);
	cleanups.push(app.cleanup);
	return app;
}

// SGR mouse reports, 1-based cells: press and release, and wheel steps.
const click = (x: number, y: number) =>
	`\u001B[<0;${x + 1};${y + 1}M\u001B[<0;${x + 1};${y + 1}m`;
const wheel = (direction: 'up' | 'down', x: number, y: number) =>
	`\u001B[<${direction === 'up' ? 64 : 65};${x + 1};${y + 1}M`;

const lineOf = (frame: string, text: string) =>
	frame.split('\n').findIndex(line => line.includes(text));

test('a click selects the row under it; the wheel moves the cursor', async () => {
	const {stdin, lastFrame, store} = start();
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('› alpha'),
	);
	stdin.write(click(10, lineOf(frame, 'delta')));
	await waitForFrame(lastFrame, frame => frame.includes('› delta'));
	assert.equal(store.getState().ui.selection.containers.index, 3);
	stdin.write(wheel('up', 10, lineOf(frame, 'delta')));
	await waitForFrame(lastFrame, frame => frame.includes('› alpha'));
	stdin.write(wheel('down', 10, lineOf(frame, 'delta')));
	await waitForFrame(lastFrame, frame => frame.includes('› delta'));
	// Mouse reports are never typed into the filter.
	stdin.write('/');
	await waitForFrame(lastFrame, frame => frame.includes('type to filter'));
	stdin.write(click(10, lineOf(frame, 'bravo')));
	await settle();
	assert.equal(store.getState().ui.filters.containers, '');
});

test('a click on a tab switches to it; the wheel scrolls the help', async () => {
	const {stdin, lastFrame, store} = start();
	const frame = await waitForFrame(lastFrame, frame =>
		frame.includes('› alpha'),
	);
	const tabs = frame.split('\n')[1]!;
	stdin.write(click(tabs.indexOf('Events'), 1));
	await waitForFrame(lastFrame, frame => frame.includes('ATTRIBUTES'));
	assert.equal(store.getState().ui.pane, 'events');
	stdin.write(click(tabs.indexOf('Containers'), 1));
	await waitForFrame(lastFrame, frame => frame.includes('› alpha'));
	stdin.write('?');
	await waitForFrame(lastFrame, frame => frame.includes('Toggle this help'));
	stdin.write(wheel('down', 10, 8));
	await waitForFrame(lastFrame, () => {
		const {overlay} = store.getState().ui;
		return overlay?.kind === 'help' && overlay.scroll > 0;
	});
});

test('the keymap from the config file: an unbound key does nothing and leaves the help, a rebound one works', async () => {
	const settings = resolveSettings(
		{
			file: 'config.yaml',
			config: parseConfig(
				'keys:\n  list.down: ctrl-n\n  app.help: [h, "?"]\n  containers.toggle-all: null\n',
				'config.yaml',
			),
		},
		{},
		{},
	);
	const {stdin, lastFrame, store} = start({keymap: settings.keymap});
	await waitForFrame(lastFrame, frame => frame.includes('› alpha'));
	stdin.write('j');
	stdin.write('a');
	await settle();
	assert.equal(store.getState().ui.selection.containers.index, 0);
	assert.equal(store.getState().ui.showAll, true);
	stdin.write('\u000E');
	await waitForFrame(lastFrame, frame => frame.includes('› bravo'));
	stdin.write('h');
	const help = await waitForFrame(lastFrame, frame =>
		frame.includes('Toggle this help'),
	);
	assert.match(help, /h\/\? +Toggle this help/);
	assert.doesNotMatch(help, /Show or hide stopped containers/);
});

test('messages that name a key follow the config file: a rebound key is named, an unbound one is not offered', async () => {
	const keymapOf = (keys: string) =>
		resolveSettings(
			{file: 'config.yaml', config: parseConfig(keys, 'config.yaml')},
			{},
			{},
		).keymap;
	const engine = createFakeEngine();
	const rebound = renderApp(engine, {
		keymap: keymapOf('keys:\n  volumes.create: n\n'),
	});
	cleanups.push(rebound.cleanup);
	rebound.stdin.write('4');
	assert.match(
		await waitForFrame(rebound.lastFrame, frame =>
			frame.includes('No volumes.'),
		),
		/No volumes\. n creates one\./,
	);
	const unbound = renderApp(createFakeEngine(), {
		keymap: keymapOf('keys:\n  volumes.create: null\n'),
	});
	cleanups.push(unbound.cleanup);
	unbound.stdin.write('4');
	const frame = await waitForFrame(unbound.lastFrame, frame =>
		frame.includes('No volumes.'),
	);
	assert.doesNotMatch(frame, /creates one/);
});
