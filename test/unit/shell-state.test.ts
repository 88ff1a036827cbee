import assert from 'node:assert/strict';
import test from 'node:test';
import type {Key} from 'ink';
import {keymap} from '../../source/keymap/keymap.js';
import {keyName, resolve} from '../../source/keymap/match.js';
import type {Action} from '../../source/state/actions.js';
import reducer from '../../source/state/reducer.js';
import {
	type AppState,
	initialState,
	type ShellTarget,
} from '../../source/state/types.js';
import {activeScopes} from '../../source/ui/hooks/use-keymap.js';

const web: ShellTarget = {
	containerId: 'a'.repeat(64),
	name: 'web',
	mode: 'exec',
};
const db: ShellTarget = {containerId: 'd'.repeat(64), name: 'db', mode: 'exec'};

function run(...actions: Action[]): AppState {
	let state: AppState = {
		...initialState('unix:///fake.sock'),
		connection: {
			status: 'connected',
			host: 'unix:///fake.sock',
			info: {
				host: 'unix:///fake.sock',
				version: '1',
				apiVersion: '1',
				os: 'linux',
				name: 'fake',
				containers: 0,
				images: 0,
				swarm: 'inactive',
			},
		},
	};
	for (const action of actions) {
		state = reducer(state, action);
	}

	return state;
}

const noKey = {} as Key;

test('shell state - opening takes the keys and closes overlays and the filter', () => {
	const state = run(
		{type: 'ui/help-toggle'},
		{type: 'shell/opening', id: 1, target: web},
	);
	assert.deepEqual(state.ui.shell, {
		...web,
		id: 1,
		status: 'opening',
		focused: true,
	});
	assert.equal(state.ui.overlay, undefined);
	assert.deepEqual(activeScopes(state), ['shell']);
});

test('shell state - outcomes of an older session are ignored', () => {
	const state = run(
		{type: 'shell/opening', id: 1, target: web},
		{type: 'shell/opening', id: 2, target: db},
		{type: 'shell/opened', id: 1},
		{type: 'shell/ended', id: 1, reason: 'session closed'},
	);
	assert.equal(state.ui.shell?.id, 2);
	assert.equal(state.ui.shell?.status, 'opening');
	assert.equal(state.ui.shell?.focused, true);
});

test('shell state - the end gives the keys back and keeps why, with the exit code', () => {
	const state = run(
		{type: 'shell/opening', id: 1, target: web},
		{type: 'shell/opened', id: 1},
		{
			type: 'shell/ended',
			id: 1,
			reason: 'shell exited with code 3',
			exitCode: 3,
		},
	);
	assert.deepEqual(state.ui.shell?.ended, {
		reason: 'shell exited with code 3',
		exitCode: 3,
	});
	assert.equal(state.ui.shell?.status, 'ended');
	assert.equal(state.ui.shell?.focused, false);
	// An ended pane cannot take the keys again.
	assert.equal(
		reducer(state, {type: 'shell/focus', focused: true}).ui.shell?.focused,
		false,
	);
	assert.deepEqual(activeScopes(state), [
		'containers',
		'list',
		'shell-pane',
		'global',
		'always',
	]);
});

test('shell state - a failed open keeps the error and gives the keys back', () => {
	const state = run(
		{type: 'shell/opening', id: 1, target: web},
		{type: 'shell/failed', id: 1, error: 'no shell found'},
	);
	assert.equal(state.ui.shell?.error, 'no shell found');
	assert.equal(state.ui.shell?.focused, false);
});

test('shell state - z zooms a running pane and gives it the keys; leaving it, or its end, brings the lists back', () => {
	let state = run(
		{type: 'shell/opening', id: 1, target: web},
		{type: 'shell/opened', id: 1},
		{type: 'shell/focus', focused: false},
		{type: 'ui/filter-open'},
		{type: 'shell/zoom'},
	);
	assert.equal(state.ui.shell?.zoomed, true);
	assert.equal(state.ui.shell?.focused, true);
	assert.equal(state.ui.filtering, false);
	state = reducer(state, {type: 'shell/focus', focused: false});
	assert.equal(state.ui.shell?.zoomed, undefined);

	state = reducer(state, {type: 'shell/zoom'});
	state = reducer(state, {
		type: 'shell/ended',
		id: 1,
		reason: 'shell exited with code 0',
		exitCode: 0,
	});
	assert.equal(state.ui.shell?.zoomed, undefined);
	assert.equal(
		reducer(state, {type: 'shell/zoom'}).ui.shell?.zoomed,
		undefined,
		'an ended session does not zoom',
	);
});

test('shell state - focus moves between the pane and the dashboard', () => {
	let state = run(
		{type: 'shell/opening', id: 1, target: web},
		{type: 'shell/opened', id: 1},
		{type: 'shell/focus', focused: false},
	);
	assert.equal(state.ui.shell?.focused, false);
	assert.deepEqual(activeScopes(state), [
		'containers',
		'list',
		'shell-pane',
		'shell-live',
		'global',
		'always',
	]);
	state = reducer(state, {type: 'ui/filter-open'});
	state = reducer(state, {type: 'shell/focus', focused: true});
	assert.equal(state.ui.shell?.focused, true);
	assert.equal(state.ui.filtering, false);
});

test('shell state - replacing asks first; the question takes the keys', () => {
	let state = run(
		{type: 'shell/opening', id: 1, target: web},
		{type: 'shell/opened', id: 1},
		{type: 'shell/focus', focused: false},
		{type: 'shell/ask-replace', target: db},
	);
	assert.deepEqual(state.ui.shell?.replace, db);
	assert.deepEqual(activeScopes(state), ['shell-replace', 'always']);
	assert.equal(resolve('y', noKey, activeScopes(state)), 'shell.replace');
	assert.equal(resolve('n', noKey, activeScopes(state)), 'shell.keep');
	assert.equal(resolve('j', noKey, activeScopes(state)), undefined);
	state = reducer(state, {type: 'shell/cancel-replace'});
	assert.equal(state.ui.shell?.replace, undefined);
	assert.equal(reducer(state, {type: 'shell/close'}).ui.shell, undefined);
});

test('keymap - Ctrl-] is named ctrl+] and focuses the pane from the dashboard', () => {
	assert.equal(keyName('\u001D', noKey), 'ctrl+]');
	assert.equal(keyName('w', {...noKey, ctrl: true}), 'ctrl+w');
	const state = run(
		{type: 'shell/opening', id: 1, target: web},
		{type: 'shell/focus', focused: false},
	);
	assert.equal(resolve('\u001D', noKey, activeScopes(state)), 'shell.focus');
	assert.equal(
		resolve('w', {...noKey, ctrl: true}, activeScopes(state)),
		'shell.close',
	);
	assert.equal(resolve('x', noKey, activeScopes(state)), 'container.shell');
	// Without a pane, Ctrl-] and Ctrl-W mean nothing.
	const plain = run();
	assert.equal(resolve('\u001D', noKey, activeScopes(plain)), undefined);
});

test('keymap - x and X open sessions, which POST: off in read-only mode', () => {
	for (const command of ['container.shell', 'container.attach']) {
		const binding = keymap.find(each => each.command === command);
		assert.equal(binding?.scope, 'containers');
		assert.equal(binding && 'mutating' in binding && binding.mutating, true);
	}

	const state = run();
	const readOnly = (binding: {mutating?: boolean}) => binding.mutating !== true;
	assert.equal(resolve('x', noKey, activeScopes(state), readOnly), undefined);
	assert.equal(resolve('x', noKey, activeScopes(state)), 'container.shell');
});

test('keymap - no key is bound twice in a scope', () => {
	const seen = new Set<string>();
	for (const binding of keymap) {
		for (const key of binding.keys) {
			const id = `${binding.scope} ${key}`;
			assert.ok(!seen.has(id), `${id} is bound twice`);
			seen.add(id);
		}
	}
});
