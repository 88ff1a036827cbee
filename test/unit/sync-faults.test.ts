import assert from 'node:assert/strict';
import test from 'node:test';
import {EngineError} from '../../source/engine/types.js';
import reducer from '../../source/state/reducer.js';
import startSync from '../../source/state/sync.js';
import {createStore} from '../../source/state/store.js';
import {initialState} from '../../source/state/types.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {until} from '../helpers/wait.js';

// Sync never lies (issue 8): one failed inspect does not discard the others, a failed refresh is retried and
// then falls back to a re-list, the header says degraded with the last error while calls fail, and live again
// only once a re-list succeeded.

const ids = Array.from({length: 10}, (_, index) =>
	String(index).repeat(64).slice(0, 64),
);

function setup() {
	const engine = createFakeEngine({
		containers: ids.map((id, index) =>
			container({id, name: `c${index}`, status: 'Up 1 minute'}),
		),
	});
	const store = createStore(reducer, initialState(engine.host));
	const inspect = engine.inspectContainer.bind(engine);
	const list = engine.listContainers.bind(engine);
	let inFlight = 0;
	let maxInFlight = 0;
	const failing = {
		inspect: new Set<string>(),
		inspectOnce: new Set<string>(),
		lists: 0,
	};
	const attempts = new Map<string, number>();
	engine.inspectContainer = async id => {
		attempts.set(id, (attempts.get(id) ?? 0) + 1);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		try {
			await new Promise(resolve => {
				setTimeout(resolve, 2);
			});
			if (failing.inspect.has(id) || failing.inspectOnce.delete(id)) {
				throw new EngineError(
					'unknown',
					`proxy dropped inspect of ${id.slice(0, 4)}`,
				);
			}

			return await inspect(id);
		} finally {
			inFlight--;
		}
	};

	engine.listContainers = async options => {
		if (failing.lists > 0) {
			failing.lists--;
			throw new EngineError('unknown', 'proxy dropped the list');
		}

		return list(options);
	};

	const stop = startSync(engine, store, {
		coalesceMs: 5,
		retryMs: [10, 40],
		backoffMs: [10, 40],
	});
	const status = (name: string) =>
		[...store.getState().containers.values()].find(row => row.name === name)
			?.status;
	const degraded = () => {
		const {connection} = store.getState();
		return connection.status === 'connected' ? connection.degraded : undefined;
	};

	const change = (text: string) => {
		engine.containers = engine.containers.map(row => ({...row, status: text}));
		for (const id of ids) {
			engine.emit({type: 'container', action: 'update', id});
		}
	};

	return {
		engine,
		store,
		stop,
		status,
		degraded,
		change,
		failing,
		attempts,
		max: () => maxInFlight,
	};
}

test('sync: a failed inspect keeps the others, says degraded, retries, and is live only after a re-list', async () => {
	const app = setup();
	await until(
		() => app.store.getState().connection.status === 'connected',
		'connected',
	);
	app.failing.inspectOnce.add(ids[3]!);
	app.failing.inspect.add(ids[7]!);
	const listsBefore = app.engine.calls.filter(
		call => call.method === 'listContainers',
	).length;
	app.change('Up 2 minutes (healthy)');
	await until(
		() => app.status('c0') === 'Up 2 minutes (healthy)',
		'the others refreshed',
	);
	for (const index of [0, 1, 2, 4, 5, 6, 8, 9]) {
		assert.equal(app.status(`c${index}`), 'Up 2 minutes (healthy)');
	}

	await until(() => app.degraded() !== undefined, 'degraded');
	assert.match(app.degraded()!.error, /proxy dropped inspect/);
	assert.ok(app.max() <= 4, `at most 4 inspects at once (saw ${app.max()})`);
	// c7 keeps failing: its retry fails too, and the re-list (which does not inspect) repairs it.
	await until(
		() => app.status('c7') === 'Up 2 minutes (healthy)',
		'the re-list brought c7',
	);
	await until(() => app.degraded() === undefined, 'live again');
	const inspectsOf3 = app.attempts.get(ids[3]!) ?? 0;
	assert.ok(inspectsOf3 >= 2, 'the failed inspect was retried');
	assert.ok(
		app.engine.calls.filter(call => call.method === 'listContainers').length >
			listsBefore,
		'a re-list ran before going live',
	);
	app.stop();
});

test('sync: while re-lists fail the header stays degraded, with the last error; live once one succeeds', async () => {
	const app = setup();
	await until(
		() => app.store.getState().connection.status === 'connected',
		'connected',
	);
	app.failing.inspect.add(ids[0]!);
	app.failing.lists = 3;
	app.change('Exited (1) 1 second ago');
	await until(() => app.degraded() !== undefined, 'degraded');
	await until(
		() => /the list/.test(app.degraded()?.error ?? ''),
		'the list error shown',
	);
	assert.notEqual(app.status('c0'), 'Exited (1) 1 second ago');
	await until(() => app.failing.lists === 0, 'the failing lists used up');
	await until(() => app.degraded() === undefined, 'live again');
	for (let index = 0; index < 10; index++) {
		assert.equal(app.status(`c${index}`), 'Exited (1) 1 second ago');
	}

	app.stop();
});
