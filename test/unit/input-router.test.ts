import assert from 'node:assert/strict';
import test from 'node:test';
import {commands} from '../../source/commands/index.js';
import {createInputRouter} from '../../source/input/router.js';
import {defaultEscapeKey} from '../../source/keymap/escape-key.js';
import {keymap} from '../../source/keymap/keymap.js';
import {usableReadOnly} from '../../source/keymap/scopes.js';
import {createShellSessions} from '../../source/shell/sessions.js';
import reducer from '../../source/state/reducer.js';
import {createStore} from '../../source/state/store.js';
import {type AppState, initialState} from '../../source/state/types.js';
import {hitTest} from '../../source/ui/hit-test.js';
import {
	container,
	createFakeEngine,
	fakeInfo,
	image,
} from '../helpers/fake-engine.js';
import {createFakeSession} from '../helpers/fake-session.js';

const web = container({id: 'a'.repeat(64), name: 'web'});
const db = container({id: 'd'.repeat(64), name: 'db'});
const api = container({id: 'c'.repeat(64), name: 'api'});
const busybox = image({
	id: 'sha256:' + 'b'.repeat(64),
	repoTags: ['busybox:local'],
});

const ctrl = (letter: string) =>
	String.fromCodePoint(letter.codePointAt(0)! - 0x60);
const paste = (text: string) => `\u001B[200~${text}\u001B[201~`;
const click = (x: number, y: number, button = 0) =>
	`\u001B[<${button};${x + 1};${y + 1}M\u001B[<${button};${x + 1};${y + 1}m`;

const ticks = async (count = 5) => {
	for (let index = 0; index < count; index++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
};

type Played = {
	readonly state: AppState;
	readonly calls: string[];
	/**
	What the shell pane was given.
	*/
	readonly typed: string;
	readonly exited: boolean;
};

/**
Plays `chunks` into a router on a store with three containers and an image, as reads of the terminal: each chunk
is one read; `flushEach` says the terminal went quiet after each (a person typing), so a lone Esc is Esc.
*/
async function play(
	chunks: readonly string[],
	{
		flushEach,
		readOnly = false,
	}: {
		flushEach: boolean;
		/**
		As `--read-only`: the bindings `usableReadOnly` allows, no others.
		*/
		readOnly?: boolean;
	},
): Promise<Played> {
	const engine = createFakeEngine({
		containers: [web, db, api],
		images: [busybox],
	});
	engine.terminal = () => createFakeSession().session;
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
	let exited = false;
	const router = createInputRouter({
		store,
		table: keymap,
		enabled: readOnly
			? binding => usableReadOnly(binding, store.getState())
			: () => true,
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
					exited = true;
				},
			}),
		toShell(_paneId, raw) {
			typed.push(raw);
		},
		hitTest: (x, y) => {
			const state = store.getState();
			return hitTest(
				state,
				{
					columns: 100,
					rows: 24,
					listStart: 0,
					counts: {
						containers: `3/${state.containers.size}`,
						images: String(state.images.size),
						events: String(state.events.length),
						volumes: '0',
						networks: '0',
						engine: '',
						projects: '0',
					},
				},
				x,
				y,
			);
		},
	});
	for (const chunk of chunks) {
		router.feed(chunk);
		if (flushEach) {
			router.flush();
			// eslint-disable-next-line no-await-in-loop
			await router.idle();
			// eslint-disable-next-line no-await-in-loop
			await ticks();
		}
	}

	router.flush();
	await router.idle();
	await ticks();
	void sessions.closeAll(0);
	return {
		state: store.getState(),
		calls: engine.calls
			.filter(call => !/^(?:list|ping|info|events)/.test(call.method))
			.map(call => `${call.method} ${JSON.stringify(call.args)}`),
		typed: typed.join(''),
		exited,
	};
}

/**
What a person can see of the state (and what reached the engine and the shell), with numbers that count
across runs left out.
*/
function picture(played: Played): string {
	const {ui} = played.state;
	return JSON.stringify(
		{
			...ui,
			flash: ui.flash?.text,
			marks: {
				containers: [...ui.marks.containers],
				images: [...ui.marks.images],
			},
			busy: [...ui.busy.keys()],
			shell: ui.shell ? {...ui.shell, id: 0} : undefined,
			log: ui.log?.map(({line, status}) => ({line, status})),
			calls: played.calls,
			typed: played.typed,
			exited: played.exited,
		},
		undefined,
		1,
	);
}

type Script = {
	readonly name: string;
	/**
	The keys one at a time, each as the terminal sends it.
	*/
	readonly keys: readonly string[];
	readonly check: (played: Played) => void;
};

const selectedName = ({state}: Played) =>
	state.containers.get(state.ui.selection.containers.key ?? '')?.name;

// The containers pane sorts running containers by name: api, db, web.
const scripts: Script[] = [
	{
		name: '/web⏎j filters, then moves',
		keys: ['/', 'w', 'e', 'b', '\r', 'j'],
		check({state}) {
			assert.equal(state.ui.filters.containers, 'web');
			assert.equal(state.ui.filtering, false);
		},
	},
	{
		name: '/ then j moves after the filter closes',
		keys: ['/', 'd', '\r', 'k', '\u001B', 'j'],
		check(played) {
			assert.equal(played.state.ui.filters.containers, 'd');
		},
	},
	{
		name: 'c, a tag and Enter commit',
		keys: ['c', 'a', 'p', 'p', ':', 'v', '2', '\r'],
		check({calls}) {
			assert.ok(
				calls.some(call => call.startsWith('commitContainer')),
				calls.join('\n'),
			);
			assert.ok(calls.some(call => call.includes('app')));
		},
	},
	{
		name: 't on Images, a tag and Enter tag the image',
		keys: ['2', 't', 'm', 'y', ':', '1', '\r'],
		check({calls}) {
			assert.ok(calls.some(call => call.startsWith('tagImage')));
		},
	},
	{
		name: 'x then ls⏎ goes to the shell',
		keys: ['x', 'l', 's', '\r'],
		check({typed, state}) {
			assert.equal(typed, 'ls\r');
			assert.equal(state.ui.shell?.focused, true);
		},
	},
	{
		name: 'Ctrl-] then j moves the list',
		keys: ['x', 'p', 'w', 'd', '\r', '\u001D', 'j', 'k'],
		check({typed, state}) {
			assert.equal(typed, 'pwd\r');
			assert.equal(state.ui.shell?.focused, false);
		},
	},
	{
		name: 'keys of the shell as the terminal sent them: arrows, Alt, a paste with its markers',
		keys: ['x', '\u001B[A', '\u001Bb', paste('echo hi\n'), '\u0003'],
		check({typed}) {
			assert.equal(
				typed,
				`\u001B[A\u001Bb${paste('echo hi\n')}\u0003`,
				'the pane keeps the markers only if the program asked (terminal/keys.ts)',
			);
		},
	},
	{
		name: 'a dialog opens and closes mid-burst',
		keys: ['j', 'd', '\u001B', 'j'],
		check(played) {
			assert.equal(played.state.ui.overlay, undefined);
			assert.equal(selectedName(played), 'web');
			assert.deepEqual(played.calls, []);
		},
	},
	{
		name: 'the kill dialog: a signal chosen and sent in one burst',
		keys: ['K', '\u001B[B', '\r'],
		check({calls}) {
			assert.ok(calls.some(call => call.startsWith('killContainer')));
		},
	},
	{
		name: 'Esc j in details closes them, then moves (no Alt-j there)',
		keys: ['\r', '\u001B', 'j'],
		check(played) {
			assert.equal(played.state.ui.overlay, undefined);
			assert.equal(selectedName(played), 'db');
		},
	},
	{
		name: 'held Backspace deletes as many characters',
		keys: ['/', 'a', 'b', 'c', 'd', '\u007F', '\u007F', '\u007F'],
		check({state}) {
			assert.equal(state.ui.filters.containers, 'a');
		},
	},
	{
		name: 'readline: Ctrl-W cuts a word, Ctrl-A goes home, Ctrl-Y yanks, Ctrl-E and Ctrl-U',
		keys: [
			'/',
			...'foo bar',
			ctrl('w'),
			ctrl('a'),
			ctrl('y'),
			ctrl('e'),
			'!',
			'\r',
		],
		check({state}) {
			assert.equal(state.ui.filters.containers, 'barfoo !');
		},
	},
	{
		name: 'readline: Alt-B moves a word back (an Alt the field wants), Ctrl-K cuts to the end',
		keys: ['/', ...'ab cd', '\u001Bb', ctrl('k'), 'X', '\u001B[D', '\u001B[3~'],
		check({state}) {
			// ab |cd → ab | → ab X| → ab |X → ab |
			assert.equal(state.ui.filters.containers, 'ab ');
			assert.equal(state.ui.filterCursor, 3);
			assert.equal(state.ui.filtering, true);
		},
	},
	{
		name: 'a paste into the filter is text: its newline does not apply the filter',
		keys: ['/', paste('we\nb s'), 'x'],
		check({state, calls}) {
			assert.equal(state.ui.filters.containers, 'we b sx');
			assert.equal(state.ui.filtering, true);
			assert.deepEqual(calls, []);
		},
	},
	{
		name: 'a paste where no field has the focus runs no key',
		keys: [paste('sjjdK\r'), 'j'],
		check(played) {
			assert.deepEqual(played.calls, []);
			assert.equal(played.state.ui.overlay, undefined);
			assert.equal(selectedName(played), 'db', 'only the j after it moved');
		},
	},
	{
		name: 'a paste into the run form stays in the form, whatever it ends with',
		keys: ['r', paste('sleep 5\ns'), '\u001B[200~', 'x\r', '\u001B[201~'],
		check({state, calls}) {
			assert.equal(state.ui.overlay?.kind, 'form');
			assert.ok(
				!calls.some(call => /^(?:stop|run|create)Container/.test(call)),
				calls.join('\n'),
			);
		},
	},
	{
		name: 'mouse codes, focus reports and unknown sequences never reach a field',
		keys: ['/', click(5, 5), '\u001B[I', '\u001B[O', '\u001B[99x', 'a'],
		check({state}) {
			assert.equal(state.ui.filters.containers, 'a');
		},
	},
	{
		name: 'a click selects a row',
		keys: [click(10, 5)],
		check(played) {
			assert.equal(selectedName(played), 'db');
		},
	},
	{
		name: 'the wheel scrolls the list',
		keys: ['\u001B[<65;10;6M', '\u001B[<64;10;6M', '\u001B[<65;10;6M'],
		check(played) {
			assert.equal(selectedName(played), 'web');
		},
	},
	{
		name: 'a click on a tab switches panes',
		keys: [click(20, 1)],
		check({state}) {
			assert.equal(state.ui.pane, 'images');
		},
	},
	{
		name: 'the wheel scrolls help',
		keys: ['?', '\u001B[<65;10;6M'],
		check({state}) {
			assert.deepEqual(state.ui.overlay, {kind: 'help', scroll: 3});
		},
	},
	{
		name: 'a click gives the keys back from the shell pane to the lists',
		keys: ['x', 'l', click(10, 4), 'j'],
		check(played) {
			assert.equal(played.typed, 'l');
			assert.equal(played.state.ui.shell?.focused, false);
			assert.equal(selectedName(played), 'db');
		},
	},
];

for (const script of scripts) {
	test(`router: ${script.name}: one read, one key per read and every two-read split agree`, async () => {
		const single = await play(script.keys, {flushEach: true});
		script.check(single);
		const expected = picture(single);
		const whole = script.keys.join('');
		assert.equal(
			picture(await play([whole], {flushEach: false})),
			expected,
			'as one read',
		);
		for (let at = 1; at < whole.length; at++) {
			// eslint-disable-next-line no-await-in-loop
			const split = await play([whole.slice(0, at), whole.slice(at)], {
				flushEach: false,
			});
			assert.equal(picture(split), expected, `split at ${at}`);
		}
	});
}

test('a key read-only mode takes away says so and does nothing; one it keeps works', async () => {
	for (const [keys, words] of [
		[['2', 'P'], /^read-only: P \(Pull an image\) would change the engine$/],
		[
			['2', 'W'],
			/^read-only: W \(Save this image to a tar\) would change the engine$/,
		],
		[['1', 's'], /^read-only: s \(.+\) would change the engine$/],
	] as const) {
		// eslint-disable-next-line no-await-in-loop
		const played = await play(keys, {flushEach: true, readOnly: true});
		assert.match(played.state.ui.flash?.text ?? '', words, keys.join(' '));
		assert.equal(played.state.ui.overlay, undefined, 'no form opened');
		assert.deepEqual(played.calls, [], 'nothing reached the engine');
	}

	// Search stays: H opens its form, and Enter sends it (the search form only reads).
	const searched = await play(['2', 'H', 'busybox', '\r'], {
		flushEach: true,
		readOnly: true,
	});
	assert.ok(
		searched.calls.some(call => call.startsWith('searchImages')),
		searched.calls.join(', '),
	);
});
