import assert from 'node:assert/strict';
import {test} from 'node:test';
import sanitize, {printableText} from '../../source/format/printable.js';
import reducer from '../../source/state/reducer.js';
import {
	visibleContainers,
	visibleImages,
} from '../../source/state/selectors.js';
import {
	defaultSort,
	nextSort,
	sortColumns,
	validSort,
} from '../../source/state/sort.js';
import {
	type AppState,
	type ContainerRow,
	initialState,
} from '../../source/state/types.js';
import type {ImageSummary} from '../../source/engine/types.js';
import {darkTheme, lightTheme, makeTheme} from '../../source/ui/theme.js';
import {parseColor} from '../../source/config/colors.js';

function container(
	name: string,
	state: ContainerRow['state'],
	created: number,
): ContainerRow {
	return {
		id: `id-${name}`,
		name,
		image: `img-${name.length}`,
		imageId: 'sha256:x',
		state,
		status: state,
		created,
		ports: [],
		labels: {},
		...(state === 'running' ? {startedAt: created + 10} : {}),
	} as unknown as ContainerRow;
}

function withContainers(rows: ContainerRow[]): AppState {
	const state = initialState('unix:///x');
	return {...state, containers: new Map(rows.map(row => [row.id, row]))};
}

const names = (rows: ReadonlyArray<{name: string}>) =>
	rows.map(row => row.name);

test('containers: running first then by name; then by any column, either way', () => {
	let state = withContainers([
		container('web', 'exited', 300),
		container('db', 'running', 100),
		container('cache', 'running', 200),
		container('api', 'paused', 50),
	]);
	assert.deepEqual(names(visibleContainers(state)), [
		'cache',
		'db',
		'api',
		'web',
	]);
	assert.deepEqual(state.ui.sort.containers, defaultSort.containers);
	// STATE → IMAGE → NAME with <.
	state = reducer(state, {type: 'ui/sort', step: -1});
	assert.equal(state.ui.sort.containers.column, 'IMAGE');
	state = reducer(state, {type: 'ui/sort', step: -1});
	assert.deepEqual(state.ui.sort.containers, {
		column: 'NAME',
		descending: false,
	});
	assert.deepEqual(names(visibleContainers(state)), [
		'api',
		'cache',
		'db',
		'web',
	]);
	state = reducer(state, {type: 'ui/sort', step: 0});
	assert.deepEqual(names(visibleContainers(state)), [
		'web',
		'db',
		'cache',
		'api',
	]);
	// AGE ascending is youngest first.
	state = reducer(state, {type: 'ui/sort', step: 1});
	state = reducer(state, {type: 'ui/sort', step: 1});
	state = reducer(state, {type: 'ui/sort', step: 1});
	state = reducer(state, {type: 'ui/sort', step: 1});
	assert.equal(state.ui.sort.containers.column, 'AGE');
	assert.deepEqual(names(visibleContainers(state)), [
		'web',
		'cache',
		'db',
		'api',
	]);
	// The other panes keep their own order.
	assert.deepEqual(state.ui.sort.images, defaultSort.images);
});

test('the column choice wraps around and reverses; stored orders are checked', () => {
	const last = sortColumns.containers.at(-1)!;
	assert.deepEqual(
		nextSort('containers', {column: last, descending: true}, 1),
		{
			column: 'NAME',
			descending: false,
		},
	);
	assert.deepEqual(nextSort('events', {column: 'TIME', descending: true}, 0), {
		column: 'TIME',
		descending: false,
	});
	assert.equal(
		validSort('images', {column: 'NAME', descending: false}),
		undefined,
	);
	assert.equal(validSort('images', {column: 'SIZE'}), undefined);
	assert.deepEqual(
		validSort('images', {column: 'SIZE', descending: true, x: 1}),
		{
			column: 'SIZE',
			descending: true,
		},
	);
});

test('images: newest first by default, then by size', () => {
	const image = (id: string, created: number, size: number) =>
		({
			id,
			repoTags: [`${id}:1`],
			created,
			size,
			dangling: false,
		}) as unknown as ImageSummary;
	let state: AppState = {
		...initialState('unix:///x'),
		images: new Map(
			[image('a', 1, 30), image('b', 3, 10), image('c', 2, 20)].map(row => [
				row.id,
				row,
			]),
		),
	};
	assert.deepEqual(
		visibleImages(state).map(row => row.id),
		['b', 'c', 'a'],
	);
	state = reducer(
		{...state, ui: {...state.ui, pane: 'images'}},
		{type: 'ui/sort', step: 1},
	);
	assert.equal(state.ui.sort.images.column, 'SIZE');
	assert.deepEqual(
		visibleImages(state).map(row => row.id),
		['b', 'c', 'a'],
	);
	state = reducer(state, {type: 'ui/sort', step: 0});
	assert.deepEqual(
		visibleImages(state).map(row => row.id),
		['a', 'c', 'b'],
	);
});

test('themes: dark and light, and colours by role override either', () => {
	assert.deepEqual(makeTheme('dark'), darkTheme);
	assert.equal(makeTheme('light').text.primary, lightTheme.text.primary);
	assert.notEqual(lightTheme.text.primary, 'white');
	const custom = makeTheme('light', {
		selection: 'red',
		running: 'ansi256(82)',
		paused: '#ff8800',
		exited: 'white',
		dangling: 'blue',
		error: 'redBright',
		border: 'green',
		header: 'cyan',
	});
	assert.equal(custom.selection.background, 'red');
	assert.equal(custom.state.running, 'ansi256(82)');
	assert.equal(custom.state.paused, '#ff8800');
	assert.equal(custom.state.restarting, '#ff8800');
	assert.equal(custom.state.exited, 'white');
	assert.equal(custom.dangling, 'blue');
	assert.equal(custom.status.error, 'redBright');
	assert.equal(custom.state.dead, 'redBright');
	assert.equal(custom.border.focused, 'green');
	assert.equal(custom.header, 'cyan');
	assert.equal(parseColor('CyanBright'), 'cyanBright');
	assert.equal(parseColor(208), 'ansi256(208)');
	assert.throws(() => parseColor(256), /not a colour/);
	assert.throws(() => parseColor('redd'), /did you mean red\?/);
});

test('one module makes untrusted text printable: names and terminal cells', () => {
	assert.equal(sanitize('a\u001B[31mb\u0007c\td\u202Ee'), 'ab?c de');
	assert.equal(sanitize('plain'), 'plain');
	assert.equal(printableText(''), ' ');
	assert.equal(printableText('\u001B'), ' ');
	assert.equal(printableText('\u202E'), ' ');
	assert.equal(printableText('é'), 'é');
});
