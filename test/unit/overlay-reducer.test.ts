import assert from 'node:assert/strict';
import test from 'node:test';
import {runFormFields} from '../../source/forms/run-form.js';
import type {Action} from '../../source/state/actions.js';
import reducer from '../../source/state/reducer.js';
import {
	type AppState,
	type ContainerRow,
	type FormOverlay,
	initialState,
} from '../../source/state/types.js';

function row(id: string, name: string): ContainerRow {
	return {
		id,
		name,
		image: 'busybox',
		imageId: 'sha256:' + 'b'.repeat(64),
		command: 'sh',
		state: 'running',
		status: 'Up',
		created: 1,
		ports: [],
		labels: {},
	};
}

function withContainers(...names: string[]): AppState {
	return reducer(initialState('unix:///x'), {
		type: 'containers/listed',
		containers: names.map((name, index) => row(String(index + 1), name)),
		now: 0,
	});
}

const apply = (state: AppState, ...actions: Action[]) =>
	actions.reduce((current, action) => reducer(current, action), state);

test('Space marks the selected row and moves down; again unmarks', () => {
	let state = apply(withContainers('a', 'b', 'c'), {type: 'ui/mark-toggle'});
	assert.deepEqual([...state.ui.marks.containers], ['1']);
	assert.equal(state.ui.selection.containers.key, '2');
	state = apply(state, {type: 'ui/mark-toggle'}, {type: 'ui/move', to: 'top'});
	state = apply(state, {type: 'ui/mark-toggle'});
	assert.deepEqual([...state.ui.marks.containers], ['2']);
	state = apply(state, {type: 'ui/marks-clear', pane: 'containers'});
	assert.equal(state.ui.marks.containers.size, 0);
});

test('busy rows: a call that ends only clears its own spinner', () => {
	const state = apply(
		withContainers('a'),
		{type: 'ui/busy', keys: ['1'], verb: 'stopping', token: 1},
		{type: 'ui/busy', keys: ['1'], verb: 'starting', token: 2},
		{type: 'ui/idle', keys: ['1'], token: 1},
	);
	assert.deepEqual(state.ui.busy.get('1'), {verb: 'starting', token: 2});
	assert.equal(
		apply(state, {type: 'ui/idle', keys: ['1'], token: 2}).ui.busy.size,
		0,
	);
});

function runForm(): FormOverlay {
	return {
		kind: 'form',
		title: 'Run',
		purpose: {
			form: 'run',
			imageHasCommand: true,
			source: {pane: 'images', id: 'sha256:x'},
		},
		fields: runFormFields('busybox', []),
		focus: 1,
		notes: [],
	};
}

const field = (state: AppState, id: string) => {
	const {overlay} = state.ui;
	assert.equal(overlay?.kind, 'form');
	return (overlay as FormOverlay).fields.find(each => each.id === id)!;
};

test('form: focus wraps, Space ticks a toggle and steps a choice', () => {
	let state = apply(withContainers('a'), {
		type: 'ui/overlay-open',
		overlay: runForm(),
	});
	state = apply(state, {type: 'ui/focus-move', delta: -1});
	state = apply(state, {type: 'ui/focus-move', delta: -1});
	assert.equal((state.ui.overlay as FormOverlay).focus, 8, 'wrapped to tty');
	state = apply(state, {type: 'ui/field-toggle', delta: 1});
	assert.equal(field(state, 'tty').value, true);
	state = apply(
		state,
		{type: 'ui/focus-move', delta: -1},
		{type: 'ui/focus-move', delta: -1},
		{type: 'ui/field-toggle', delta: -1},
	);
	assert.equal(field(state, 'restart').value, 'on-failure');
});

test('form: errors focus the first bad field and go away once fixed', () => {
	let state = apply(
		withContainers('a'),
		{type: 'ui/overlay-open', overlay: runForm()},
		{type: 'ui/field-edit', id: 'ports', edit: {type: 'insert', text: '8080:'}},
		{type: 'ui/form-errors', errors: {ports: 'container port is required'}},
	);
	assert.equal((state.ui.overlay as FormOverlay).focus, 3);
	assert.equal(field(state, 'ports').error, 'container port is required');
	state = apply(state, {
		type: 'ui/field-edit',
		id: 'ports',
		edit: {type: 'insert', text: '8x'},
	});
	assert.match(field(state, 'ports').error ?? '', /number/, 'still wrong');
	state = apply(
		state,
		{type: 'ui/field-edit', id: 'ports', edit: {type: 'backspace'}},
		{type: 'ui/field-edit', id: 'ports', edit: {type: 'insert', text: '0'}},
	);
	assert.equal(field(state, 'ports').value, '8080:80');
	assert.equal(field(state, 'ports').error, undefined);
});

test('form: a field without an error is not checked while typing', () => {
	const state = apply(
		withContainers('a'),
		{type: 'ui/overlay-open', overlay: runForm()},
		{type: 'ui/field-edit', id: 'ports', edit: {type: 'insert', text: '80:'}},
	);
	assert.equal(field(state, 'ports').error, undefined);
});

test('dialog: focus moves and Space ticks only toggles', () => {
	let state = apply(withContainers('a'), {
		type: 'ui/overlay-open',
		overlay: {
			kind: 'dialog',
			title: 'Remove?',
			purpose: {type: 'remove-containers', targets: [{id: '1', name: 'a'}]},
			notes: [],
			items: [
				{kind: 'toggle', id: 'volumes', label: '-v', value: false},
				{kind: 'choice', id: 'remove', label: 'Remove'},
			],
			focus: 1,
		},
	});
	assert.equal(apply(state, {type: 'ui/field-toggle', delta: 1}), state);
	state = apply(
		state,
		{type: 'ui/focus-move', delta: 1},
		{type: 'ui/field-toggle', delta: 1},
	);
	const {overlay} = state.ui;
	assert.equal(overlay?.kind, 'dialog');
	assert.deepEqual(overlay?.kind === 'dialog' ? overlay.items[0] : undefined, {
		kind: 'toggle',
		id: 'volumes',
		label: '-v',
		value: true,
	});
});
