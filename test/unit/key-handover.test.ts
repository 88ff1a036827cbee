import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createKeyHandover} from '../../source/ui/key-handover.js';

test('keys for a pane wait until that pane listens, then go to it once', () => {
	const handover = createKeyHandover();
	handover.toPane(2, 'ec');
	handover.toPane(2, 'ho\r');
	const got: string[] = [];
	const stop = handover.onPaneKeys(2, keys => got.push(keys));
	assert.deepEqual(got, ['echo\r']);
	handover.toPane(2, 'ls');
	assert.deepEqual(got, ['echo\r', 'ls']);
	stop();
	const again: string[] = [];
	handover.onPaneKeys(2, keys => again.push(keys));
	assert.deepEqual(again, [], 'given once only');
});

test('keys kept for an older pane are dropped when keys for a newer one come', () => {
	const handover = createKeyHandover();
	handover.toPane(1, 'old');
	handover.toPane(2, 'new');
	const first: string[] = [];
	const second: string[] = [];
	handover.onPaneKeys(1, keys => first.push(keys));
	handover.onPaneKeys(2, keys => second.push(keys));
	assert.deepEqual(first, []);
	assert.deepEqual(second, ['new']);
});

test('keys after the escape key go to the dashboard listeners', () => {
	const handover = createKeyHandover();
	const got: string[] = [];
	const stop = handover.onDashboardKeys(keys => got.push(keys));
	handover.toDashboard('jj');
	stop();
	handover.toDashboard('k');
	assert.deepEqual(got, ['jj']);
});
