import assert from 'node:assert/strict';
import test from 'node:test';
import {commands} from '../../source/commands/index.js';
import {createInputRouter} from '../../source/input/router.js';
import {defaultEscapeKey} from '../../source/keymap/escape-key.js';
import {keymap} from '../../source/keymap/keymap.js';
import {createShellSessions} from '../../source/shell/sessions.js';
import reducer from '../../source/state/reducer.js';
import {createStore} from '../../source/state/store.js';
import {initialState} from '../../source/state/types.js';
import {
	container,
	createFakeEngine,
	fakeInfo,
	image,
} from '../helpers/fake-engine.js';

// The guarantees of issue 8 about input: while "Terminal too small" is shown only quit works, and a paste is
// never keys (its newline never submits a form, its letters never run as dashboard keys).

const paste = (text: string) => `\u001B[200~${text}\u001B[201~`;

async function setup(options: {tooSmall?: () => boolean} = {}) {
	const web = container({id: 'a'.repeat(64), name: 'web'});
	const db = container({id: 'd'.repeat(64), name: 'db'});
	const busybox = image({
		id: 'sha256:' + 'b'.repeat(64),
		repoTags: ['busybox:local'],
	});
	const engine = createFakeEngine({containers: [web, db], images: [busybox]});
	const store = createStore(reducer, initialState(engine.host));
	store.dispatch({type: 'connection/connected', info: fakeInfo});
	store.dispatch({
		type: 'containers/listed',
		containers: engine.containers,
		now: Date.now(),
	});
	store.dispatch({type: 'images/listed', images: engine.images});
	const sessions = createShellSessions();
	const typed: string[] = [];
	let exits = 0;
	const router = createInputRouter({
		store,
		table: keymap,
		enabled: () => true,
		escapeKey: defaultEscapeKey,
		run: command =>
			commands[command]({
				engine,
				store,
				sessions,
				shells: ['/bin/sh'],
				pageSize: () => 5,
				shellSize: () => ({columns: 80, rows: 10}),
				exit() {
					exits++;
				},
			}),
		toShell(_paneId, raw) {
			typed.push(raw);
		},
		...options,
	});
	const feed = async (raw: string) => {
		router.feed(raw);
		router.flush();
		await router.idle();
		for (let index = 0; index < 5; index++) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}
	};

	const actions = () =>
		engine.calls
			.filter(call => !/^(?:list|ping|info|events|inspect)/.test(call.method))
			.map(call => call.method);
	return {
		store,
		engine,
		feed,
		actions,
		typed,
		exits: () => exits,
		done: async () => sessions.closeAll(0),
	};
}

test('too small: every dashboard key is ignored, only q quits', async () => {
	let small = true;
	const app = await setup({tooSmall: () => small});
	const before = app.store.getState().ui;
	// Pause, stop, remove, kill, start, help, the pane keys, moving, filter, marks, Enter, a paste, a click.
	await app.feed('psSRdKj2?/ \r\u001B[<0;5;5M\u001B[<0;5;5m');
	await app.feed(paste('s\r'));
	assert.deepEqual(app.actions(), []);
	const after = app.store.getState().ui;
	assert.equal(after.overlay, undefined);
	assert.equal(after.pane, before.pane);
	assert.equal(after.filtering, false);
	assert.deepEqual(after.selection, before.selection);
	assert.equal(app.exits(), 0);
	await app.feed('q');
	assert.equal(app.exits(), 1);
	small = false;
	await app.feed('j');
	assert.notDeepEqual(app.store.getState().ui.selection, before.selection);
	await app.done();
});

test('too small: an open form keeps what was typed, and q quits rather than typing into it', async () => {
	let small = false;
	const app = await setup({tooSmall: () => small});
	await app.feed('r');
	const form = app.store.getState().ui.overlay;
	assert.equal(form?.kind, 'form');
	await app.feed('abc');
	const typed = JSON.stringify(app.store.getState().ui.overlay);
	small = true;
	await app.feed('xyz\t\r\u001B');
	await app.feed('\u007F\u007F');
	assert.equal(JSON.stringify(app.store.getState().ui.overlay), typed);
	assert.deepEqual(app.actions(), []);
	await app.feed('q');
	assert.equal(app.exits(), 1);
	assert.equal(
		JSON.stringify(app.store.getState().ui.overlay),
		typed,
		'no q in the form',
	);
	small = false;
	await app.feed('d');
	assert.match(JSON.stringify(app.store.getState().ui.overlay), /abcd/);
	await app.done();
});

test('too small: Ctrl-C quits, and the focused shell gets nothing', async () => {
	let small = false;
	const app = await setup({tooSmall: () => small});
	app.engine.terminal = async () => {
		const {createFakeSession} = await import('../helpers/fake-session.js');
		return createFakeSession().session;
	};

	await app.feed('x');
	assert.equal(app.store.getState().ui.shell?.focused, true);
	await app.feed('ls');
	small = true;
	await app.feed('rm -rf /\r');
	assert.equal(app.typed.join(''), 'ls');
	await app.feed('\u0003');
	assert.equal(app.exits(), 1);
	assert.equal(app.typed.join(''), 'ls');
	await app.done();
});

for (const [name, keys] of [
	['one read', [`r${paste('sleep 5\nsdK\r\rjjq')}`]],
	[
		'the paste split across reads',
		['r', '\u001B[200~sleep', ' 5\n', 'sd', 'K\r\r', 'jjq\u001B[2', '01~'],
	],
] as const) {
	test(`a paste into the run form (${name}): its newlines never submit and its letters never run`, async () => {
		const app = await setup();
		for (const chunk of keys) {
			// eslint-disable-next-line no-await-in-loop
			await app.feed(chunk);
		}

		const overlay = app.store.getState().ui.overlay;
		assert.equal(overlay?.kind, 'form', 'the form is still open');
		assert.match(JSON.stringify(overlay), /sleep 5 sdK {2}jjq/);
		assert.deepEqual(app.actions(), [], 'nothing sent to the engine');
		assert.equal(app.exits(), 0);
		await app.done();
	});
}

test('a paste over a dialog or the lists is dropped with a word, never read as keys', async () => {
	const app = await setup();
	await app.feed(paste('jdK\r'));
	assert.equal(app.store.getState().ui.overlay, undefined);
	assert.match(
		app.store.getState().ui.flash?.text ?? '',
		/Pasted text ignored/,
	);
	await app.feed('d');
	assert.equal(app.store.getState().ui.overlay?.kind, 'dialog');
	await app.feed(paste('\r\r'));
	assert.equal(app.store.getState().ui.overlay?.kind, 'dialog');
	assert.deepEqual(app.actions(), []);
	await app.done();
});
