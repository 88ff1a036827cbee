import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import type {Key} from 'ink';
import {commands} from '../../source/commands/index.js';
import {type Binding, keymap, type Scope} from '../../source/keymap/keymap.js';
import {keyLabel} from '../../source/keymap/labels.js';
import {bindingsFor, keyName, resolve} from '../../source/keymap/match.js';
import {activeScopes} from '../../source/ui/hooks/use-keymap.js';
import {initialState} from '../../source/state/types.js';
import {expectedReadme, readmePath} from '../scripts/docs-keys.js';
import {noKey} from '../helpers/keys.js';

test('every binding has a description, a group and at least one key', () => {
	for (const binding of keymap as readonly Binding[]) {
		assert.ok(binding.description.length > 3, binding.command);
		assert.ok(binding.group.length > 0, binding.command);
		assert.ok(binding.keys.length > 0, binding.command);
	}
});

test('every command has a handler and every handler a binding', () => {
	const bound = new Set<string>(keymap.map(binding => binding.command));
	assert.deepEqual(new Set(Object.keys(commands)), bound);
});

test('no key means two things in any set of scopes that are live together', () => {
	const state = initialState('unix:///x');
	const scopeSets: Scope[][] = [
		activeScopes({
			...state,
			connection: {status: 'connected', host: 'x', info: {} as never},
		}),
		activeScopes({
			...state,
			connection: {status: 'connected', host: 'x', info: {} as never},
			ui: {...state.ui, pane: 'images'},
		}),
		activeScopes({
			...state,
			connection: {status: 'connected', host: 'x', info: {} as never},
			ui: {...state.ui, pane: 'events'},
		}),
		activeScopes({...state, ui: {...state.ui, filtering: true}}),
		activeScopes({
			...state,
			ui: {...state.ui, overlay: {kind: 'help', scroll: 0}},
		}),
		activeScopes({
			...state,
			ui: {
				...state.ui,
				overlay: {kind: 'details', target: {pane: 'events', seq: 1}, scroll: 0},
			},
		}),
		// The dashboard with a shell pane open, its session running or ended.
		['containers', 'list', 'shell-pane', 'shell-live', 'global', 'always'],
		['images', 'list', 'shell-pane', 'global', 'always'],
		['shell-replace', 'always'],
		activeScopes({
			...state,
			ui: {...state.ui, commandLine: {value: '', cursor: 0}},
		}),
		activeScopes({
			...state,
			ui: {...state.ui, overlay: {kind: 'log', scroll: 0}},
		}),
	];
	for (const scopes of scopeSets) {
		const seen = new Map<string, string>();
		for (const binding of bindingsFor(scopes)) {
			for (const key of binding.keys) {
				// Earlier scopes would win, but a key that means two things in one place is a mistake either way.
				const id = key;
				assert.ok(
					!seen.has(id),
					`${key} is bound twice in [${scopes.join(', ')}]: ${seen.get(id)} and ${binding.command}`,
				);
				seen.set(id, binding.command);
			}
		}
	}
});

test('key names: what Ink reports becomes what the keymap spells', () => {
	const cases: Array<[string, Partial<Key>, string | undefined]> = [
		['j', {}, 'j'],
		['G', {shift: true}, 'G'],
		['', {downArrow: true}, 'down'],
		['', {return: true}, 'enter'],
		['', {escape: true}, 'escape'],
		['', {tab: true}, 'tab'],
		['', {tab: true, shift: true}, 'shift+tab'],
		['c', {ctrl: true}, 'ctrl+c'],
		[' ', {}, 'space'],
		['', {pageDown: true}, 'pagedown'],
		['', {}, undefined],
	];
	for (const [input, patch, expected] of cases) {
		assert.equal(
			keyName(input, {...noKey, ...patch}),
			expected,
			JSON.stringify([input, patch]),
		);
	}
});

test('resolve picks the first scope that binds the key', () => {
	assert.equal(resolve('q', noKey, ['help', 'always']), 'help.close');
	assert.equal(
		resolve('q', noKey, ['containers', 'list', 'global', 'always']),
		'app.quit',
	);
	assert.equal(
		resolve('c', {...noKey, ctrl: true}, ['help', 'always']),
		'app.force-quit',
	);
	assert.equal(
		resolve('x', noKey, ['filter', 'always']),
		undefined,
		'typing in the filter is not a command',
	);
	assert.equal(
		resolve('a', noKey, ['images', 'list', 'global', 'always']),
		undefined,
		'a is only for containers',
	);
});

test('read-only leaves out mutating bindings', () => {
	const mutating = {
		command: 'x',
		keys: ['z'],
		scope: 'global',
		group: 'g',
		description: 'does things',
		mutating: true,
	} as const;
	const enabled = (binding: Binding) => !binding.mutating;
	assert.equal(enabled(mutating), false);
	assert.ok(
		bindingsFor(['global'], enabled).every(binding => !binding.mutating),
	);
});

test('labels', () => {
	assert.equal(keyLabel('ctrl+c'), 'Ctrl-C');
	assert.equal(keyLabel('down'), '↓');
	assert.equal(keyLabel('shift+tab'), 'Shift-Tab');
	assert.equal(keyLabel('G'), 'G');
});

test('the readme keys table is generated from the keymap and current', async () => {
	const readme = fs.readFileSync(readmePath, 'utf8');
	assert.equal(
		readme,
		await expectedReadme(readme),
		'readme.md is stale: run npm run docs:keys',
	);
	for (const binding of keymap) {
		assert.ok(
			readme.includes(binding.description),
			`readme lacks ${binding.command}`,
		);
	}
});
