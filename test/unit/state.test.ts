import assert from 'node:assert/strict';
import test from 'node:test';
import type {Action} from '../../source/state/actions.js';
import reducer from '../../source/state/reducer.js';
import {
	imageUsage,
	selectedContainer,
	selectedIndex,
	visibleContainers,
	visibleEvents,
} from '../../source/state/selectors.js';
import {createStore} from '../../source/state/store.js';
import {
	type AppState,
	initialState,
	maxEvents,
} from '../../source/state/types.js';
import {container, fakeInfo, image} from '../helpers/fake-engine.js';

const now = Date.parse('2026-11-23T12:00:00Z');
const id = (n: number) => String(n).padStart(64, '0');

function run(...actions: Action[]): AppState {
	return actions.reduce(reducer, initialState('unix:///x'));
}

const three: Action = {
	type: 'containers/listed',
	now,
	containers: [
		container({id: id(1), name: 'web', status: 'Up 3 hours'}),
		container({
			id: id(2),
			name: 'api',
			state: 'paused',
			status: 'Up 2 minutes (Paused)',
		}),
		container({
			id: id(3),
			name: 'old',
			state: 'exited',
			status: 'Exited (1) 2 days ago',
			exitCode: 1,
		}),
	],
};

test('listing sorts running, then paused, then stopped, and reads uptime from the status words', () => {
	const state = run(three);
	assert.deepEqual(
		visibleContainers(state).map(row => row.name),
		['web', 'api', 'old'],
	);
	assert.equal(state.containers.get(id(1))?.startedAt, now - 3 * 3_600_000);
	assert.equal(state.containers.get(id(2))?.startedAt, now - 2 * 60_000);
	assert.equal(state.containers.get(id(3))?.startedAt, undefined);
});

test('events patch state at once: die with exit code, pause, start time, destroy, rename', () => {
	const event = (
		action: string,
		n: number,
		attributes: Record<string, string> = {},
		extra = {},
	) =>
		({
			type: 'event/received',
			event: {
				type: 'container',
				action,
				id: id(n),
				attributes,
				time: now + 5000,
				...extra,
			},
		}) as const;
	let state = run(three, event('die', 1, {exitCode: '137'}));
	assert.equal(state.containers.get(id(1))?.state, 'exited');
	assert.equal(state.containers.get(id(1))?.exitCode, 137);
	state = reducer(state, event('start', 3));
	assert.equal(state.containers.get(id(3))?.state, 'running');
	assert.equal(state.containers.get(id(3))?.startedAt, now + 5000);
	state = reducer(state, event('unpause', 2));
	assert.equal(state.containers.get(id(2))?.state, 'running');
	state = reducer(state, event('rename', 2, {name: 'api2'}, {name: 'api2'}));
	assert.equal(state.containers.get(id(2))?.name, 'api2');
	state = reducer(state, event('destroy', 2));
	assert.equal(state.containers.has(id(2)), false);
	assert.equal(state.events.length, 5);
	assert.equal(state.events[0]?.action, 'destroy', 'newest first');
});

test('a refresh replaces the rows it asked for and drops those the engine no longer has', () => {
	const state = run(three, {
		type: 'containers/refreshed',
		ids: [id(1), id(3)],
		containers: [
			container({
				id: id(1),
				name: 'web',
				state: 'exited',
				status: 'Exited (0)',
				exitCode: 0,
			}),
		],
		now,
	});
	assert.equal(state.containers.get(id(1))?.state, 'exited');
	assert.equal(state.containers.has(id(3)), false);
	assert.equal(state.containers.has(id(2)), true, 'untouched rows stay');
});

test('a known start time survives a refresh while the container keeps running', () => {
	const started = run(three, {
		type: 'event/received',
		event: {
			type: 'container',
			action: 'start',
			id: id(3),
			attributes: {},
			time: now - 42_000,
		},
	});
	const refreshed = reducer(started, {
		type: 'containers/listed',
		now: now + 1000,
		containers: [
			container({id: id(3), name: 'old', status: 'Up Less than a second'}),
		],
	});
	assert.equal(refreshed.containers.get(id(3))?.startedAt, now - 42_000);
});

test('the selection follows its object when rows move, and falls back to its index when it goes', () => {
	let state = run(three, {type: 'ui/move', to: 1});
	assert.equal(selectedContainer(state)?.name, 'api');
	// A new container sorts before it: the cursor stays on api.
	state = reducer(state, {
		type: 'containers/refreshed',
		ids: [id(4)],
		containers: [container({id: id(4), name: 'aaa'})],
		now,
	});
	assert.equal(selectedContainer(state)?.name, 'api');
	assert.equal(selectedIndex(state, 'containers'), 2);
	// api goes away: the cursor stays at its row, now holding the next container.
	state = reducer(state, {
		type: 'event/received',
		event: {
			type: 'container',
			action: 'destroy',
			id: id(2),
			attributes: {},
			time: now,
		},
	});
	assert.equal(selectedContainer(state)?.name, 'old');
});

test('moving clamps at both ends; top and bottom jump', () => {
	let state = run(three, {type: 'ui/move', to: -5});
	assert.equal(selectedIndex(state, 'containers'), 0);
	state = reducer(state, {type: 'ui/move', to: 99});
	assert.equal(selectedIndex(state, 'containers'), 2);
	state = reducer(state, {type: 'ui/move', to: 'top'});
	assert.equal(selectedIndex(state, 'containers'), 0);
	state = reducer(state, {type: 'ui/move', to: 'bottom'});
	assert.equal(selectedIndex(state, 'containers'), 2);
});

test('hiding stopped containers and filtering are per pane', () => {
	let state = run(three, {type: 'ui/toggle-show-all'});
	assert.deepEqual(
		visibleContainers(state).map(row => row.name),
		['web', 'api'],
	);
	state = reducer(state, {type: 'ui/filter-open'});
	state = reducer(state, {type: 'ui/filter-change', text: 'WE'});
	assert.deepEqual(
		visibleContainers(state).map(row => row.name),
		['web'],
		'case-insensitive',
	);
	state = reducer(state, {type: 'ui/pane', pane: 'images'});
	assert.equal(state.ui.filters.images, '');
	assert.equal(state.ui.filters.containers, 'WE');
	state = reducer(state, {type: 'ui/pane', pane: 'containers'});
	state = reducer(state, {type: 'ui/filter-close', clear: true});
	assert.equal(state.ui.filters.containers, '');
});

test('image usage counts containers of any state', () => {
	const state = run(three, {
		type: 'images/listed',
		images: [
			image({id: 'sha256:' + 'b'.repeat(64), repoTags: ['busybox:local']}),
		],
	});
	assert.equal(imageUsage(state).get('sha256:' + 'b'.repeat(64)), 3);
});

test('the event history is bounded', () => {
	let state = run();
	for (let index = 0; index < maxEvents + 50; index++) {
		state = reducer(state, {
			type: 'event/received',
			event: {
				type: 'network',
				action: 'connect',
				id: `n${index}`,
				attributes: {},
				time: now,
			},
		});
	}

	assert.equal(state.events.length, maxEvents);
	assert.equal(visibleEvents(state)[0]?.id, `n${maxEvents + 49}`);
});

test('connection: lost before ever connecting is unreachable; after, it is reconnecting', () => {
	let state = run({
		type: 'connection/lost',
		error: 'ECONNREFUSED',
		retryAt: now + 500,
		attempt: 1,
	});
	assert.equal(state.connection.status, 'unreachable');
	state = reducer(state, {type: 'connection/connected', info: fakeInfo});
	state = reducer(state, {
		type: 'connection/lost',
		error: 'stream ended',
		retryAt: now + 500,
		attempt: 1,
	});
	assert.equal(state.connection.status, 'reconnecting');
});

test('selectors return the same rows for the same state (no re-render churn)', () => {
	const state = run(three);
	assert.equal(visibleContainers(state), visibleContainers(state));
	const moved = reducer(state, {type: 'ui/move', to: 1});
	assert.equal(
		visibleContainers(moved),
		visibleContainers(state),
		'moving does not re-sort',
	);
});

test('the store tells its listeners once for a burst of actions', async () => {
	const store = createStore(reducer, initialState('unix:///x'));
	let calls = 0;
	store.subscribe(() => {
		calls++;
	});
	for (let index = 0; index < 100; index++) {
		store.dispatch({
			type: 'event/received',
			event: {
				type: 'network',
				action: 'connect',
				id: `n${index}`,
				attributes: {},
				time: now,
			},
		});
	}

	await new Promise(resolve => {
		setImmediate(resolve);
	});
	assert.equal(calls, 1);
	assert.equal(store.getState().events.length, 100);
});

test('the cursor stays on the first object even before it was ever moved', () => {
	let state = run(three);
	assert.equal(selectedContainer(state)?.name, 'web');
	state = reducer(state, {
		type: 'containers/refreshed',
		ids: [id(9)],
		containers: [container({id: id(9), name: 'aardvark'})],
		now,
	});
	assert.equal(visibleContainers(state)[0]?.name, 'aardvark');
	assert.equal(selectedContainer(state)?.name, 'web');
});
