import assert from 'node:assert/strict';
import {test} from 'node:test';
import reducer from '../../source/state/reducer.js';
import {takeSerial} from '../../source/state/serial.js';
import {createStore} from '../../source/state/store.js';
import {initialState} from '../../source/state/types.js';

const store = () =>
	createStore(reducer, initialState('unix:///x'), {schedule() {}});

test('serial numbers live in each store: two stores count on their own, flashes take from the same series', () => {
	const a = store();
	const b = store();
	assert.equal(takeSerial(a), 1);
	assert.equal(takeSerial(a), 2);
	assert.equal(takeSerial(b), 1);
	a.dispatch({type: 'ui/flash', text: 'hi', level: 'info'});
	assert.equal(a.getState().ui.flash?.id, 3);
	assert.equal(takeSerial(a), 4);
});

test('switching engines keeps the serial count, the sort orders and the command log', () => {
	const a = store();
	takeSerial(a);
	a.dispatch({type: 'ui/pane', pane: 'volumes'});
	a.dispatch({type: 'ui/sort', step: 1});
	a.dispatch({type: 'log/start', id: 1, line: 'docker stop web', startedAt: 1});
	const sort = a.getState().ui.sort;
	a.dispatch({type: 'engine/switched', host: 'unix:///other'});
	const after = a.getState();
	assert.equal(after.connection.host, 'unix:///other');
	assert.equal(after.containers.size, 0);
	assert.deepEqual(after.ui.sort, sort);
	assert.equal(after.ui.log?.[0]?.line, 'docker stop web');
	assert.equal(takeSerial(a), 2);
});
