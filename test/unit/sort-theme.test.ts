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
import type {
	NetworkSummary,
	VolumeSummary,
} from '../../source/engine/cleanup-types.js';
import {
	visibleNetworks,
	visibleVolumes,
} from '../../source/state/cleanup-selectors.js';
import {projectRows} from '../../source/state/projects.js';
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

test('volumes, networks and projects sort by their columns too; the default order is kept', () => {
	const volume = (name: string, users: number, anonymous = false) =>
		({
			name,
			driver: 'local',
			mountpoint: `/v/${name}`,
			created: name.length,
			scope: 'local',
			labels: {},
			options: {},
			anonymous,
			usedBy: Array.from({length: users}, (_, index) => ({
				id: `c${index}`,
				name: `c${index}`,
			})),
		}) as unknown as VolumeSummary;
	const network = (name: string, containers: number, subnet: string) =>
		({
			id: `id-${name}`,
			name,
			driver: 'bridge',
			scope: 'local',
			internal: false,
			attachable: false,
			ingress: false,
			created: 0,
			labels: {},
			ipam: [{subnet, gateway: ''}],
			containers: Array.from({length: containers}, (_, index) => ({
				id: `c${index}`,
				name: `c${index}`,
			})),
		}) as unknown as NetworkSummary;
	let state = initialState('unix:///x');
	state = {
		...state,
		cleanup: {
			...state.cleanup,
			volumes: new Map(
				[
					volume('zeta', 0),
					volume('alpha', 2),
					volume('a'.repeat(64), 1, true),
				].map(each => [each.name, each]),
			),
			networks: new Map(
				[
					network('zz', 0, '172.30.0.0/16'),
					network('bridge', 3, '172.17.0.0/16'),
					network('aa', 1, '10.9.0.0/24'),
				].map(each => [each.id, each]),
			),
		},
		ui: {...state.ui, pane: 'volumes'},
	};
	assert.deepEqual(names(visibleVolumes(state)), [
		'alpha',
		'zeta',
		'a'.repeat(64),
	]);
	// VOLUME NAME → DRIVER → SIZE → USED BY
	for (let step = 0; step < 3; step++) {
		state = reducer(state, {type: 'ui/sort', step: 1});
	}

	assert.equal(state.ui.sort.volumes.column, 'USED BY');
	assert.deepEqual(names(visibleVolumes(state)), [
		'zeta',
		'a'.repeat(64),
		'alpha',
	]);
	state = reducer(state, {type: 'ui/sort', step: 0});
	assert.deepEqual(names(visibleVolumes(state)), [
		'alpha',
		'a'.repeat(64),
		'zeta',
	]);

	state = reducer(state, {type: 'ui/pane', pane: 'networks'});
	assert.deepEqual(names(visibleNetworks(state)), ['bridge', 'aa', 'zz']);
	// NAME → NETWORK ID → DRIVER → SCOPE → SUBNET / GATEWAY
	for (let step = 0; step < 4; step++) {
		state = reducer(state, {type: 'ui/sort', step: 1});
	}

	assert.equal(state.ui.sort.networks.column, 'SUBNET / GATEWAY');
	assert.deepEqual(names(visibleNetworks(state)), ['aa', 'bridge', 'zz']);
	state = reducer(state, {type: 'ui/sort', step: 1});
	assert.equal(state.ui.sort.networks.column, 'CONTAINERS');
	assert.deepEqual(names(visibleNetworks(state)), ['zz', 'aa', 'bridge']);
	// The volumes kept their own order.
	assert.equal(state.ui.sort.volumes.column, 'USED BY');

	// Projects: by name, then by how many run; the services of a project follow the same order.
	const composed = (
		name: string,
		project: string,
		service: string,
		running: boolean,
	) =>
		({
			...container(name, running ? 'running' : 'exited', 1),
			labels: {
				'com.docker.compose.project': project,
				'com.docker.compose.service': service,
				'com.docker.compose.container-number': '1',
			},
		}) as ContainerRow;
	state = {
		...state,
		containers: new Map(
			[
				composed('a-web', 'alpha', 'web', false),
				composed('b-db', 'beta', 'db', true),
				composed('b-api', 'beta', 'api', true),
				composed('b-cache', 'beta', 'cache', false),
			].map(each => [each.id, each]),
		),
		ui: {...state.ui, pane: 'projects'},
	};
	const tree = () =>
		projectRows(state)
			.filter(row => row.kind !== 'container')
			.map(row => (row.kind === 'project' ? row.project : row.service));
	assert.deepEqual(tree(), ['alpha', 'web', 'beta', 'api', 'cache', 'db']);
	state = reducer(state, {type: 'ui/sort', step: 1});
	assert.equal(state.ui.sort.projects.column, 'RUNNING');
	state = reducer(state, {type: 'ui/sort', step: 0});
	assert.deepEqual(tree(), ['beta', 'api', 'db', 'cache', 'alpha', 'web']);
});
