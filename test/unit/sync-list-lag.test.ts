import assert from 'node:assert/strict';
import test from 'node:test';
import type {ContainerSummary} from '../../source/engine/types.js';
import reducer from '../../source/state/reducer.js';
import startSync from '../../source/state/sync.js';
import {createStore} from '../../source/state/store.js';
import {initialState} from '../../source/state/types.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {until} from '../helpers/wait.js';

// The engine's list view lags its events: right after a `die`, `GET /containers/json` can still say running
// (inspect waits for the container's lock and says exited). When a burst of other events makes the sync re-list
// everything instead of inspecting, that stale list must not bring the stopped container back to running: the
// row the events gave is kept until an inspect says which is true. (Seen in the ssh e2e test under load: x
// opened a shell on a container that the list had made "running" again, and the engine said it was not.)

test('sync: a re-list that lags a die does not show the stopped container running again', async () => {
	const stopped = 'f'.repeat(64);
	const others = Array.from({length: 25}, (_, index) =>
		String(index % 10)
			.repeat(63)
			.concat(String.fromCodePoint(97 + index)),
	);
	const engine = createFakeEngine({
		containers: [
			container({id: stopped, name: 'stopped-one'}),
			...others.map((id, index) => container({id, name: `other-${index}`})),
		],
	});
	// The list answers from the view before the die for as long as `lagging` is set.
	let lagging = false;
	const list = engine.listContainers.bind(engine);
	engine.listContainers = async options => {
		const rows = await list(options);
		return lagging
			? rows.map((row): ContainerSummary =>
					row.id === stopped
						? {...row, state: 'running', status: 'Up 2 minutes'}
						: row,
				)
			: rows;
	};

	const store = createStore(reducer, initialState(engine.host));
	const stop = startSync(engine, store, {coalesceMs: 5});
	try {
		const stateOf = () => store.getState().containers.get(stopped)?.state;
		await until(() => stateOf() === 'running', 'the first list');

		// Track every state the row shows from the die on.
		const seen: string[] = [];
		const unsubscribe = store.subscribe(() => {
			const state = stateOf();
			if (state !== undefined && state !== seen.at(-1)) {
				seen.push(state);
			}
		});
		engine.containers = engine.containers.map(row =>
			row.id === stopped
				? {...row, state: 'exited', status: 'Exited (137) 1 second ago'}
				: row,
		);
		lagging = true;
		engine.emit({
			type: 'container',
			action: 'die',
			id: stopped,
			attributes: {exitCode: '137'},
		});
		// Someone else's burst in the same moment: more ids than the sync inspects one by one.
		for (const id of others) {
			engine.emit({type: 'container', action: 'update', id});
		}

		await until(
			() =>
				engine.calls.some(
					call =>
						call.method === 'listContainers' && call.args[0] === undefined,
				),
			'the re-list',
		);
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
		unsubscribe();
		assert.deepEqual(seen, ['exited']);
		assert.equal(stateOf(), 'exited');
		assert.ok(
			engine.calls.some(
				call => call.method === 'inspectContainer' && call.args[0] === stopped,
			),
			'the disputed row was inspected',
		);
	} finally {
		stop();
	}
});
