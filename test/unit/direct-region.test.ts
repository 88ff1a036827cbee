import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DirectRegion} from '../../source/ui/direct-region.js';

const box = {x: 10, y: 3, columns: 4, rows: 2};
const begin = '\u001B[?2026h\u001B7';
const end = '\u001B8\u001B[?2026l';

function region() {
	const writes: string[] = [];
	return {region: new DirectRegion(data => writes.push(data)), writes};
}

test('before Ink drew a frame with the region in it, nothing is drawn directly', () => {
	const {region: pane, writes} = region();
	assert.equal(pane.draw(['abcd', 'efgh'], 4), false);
	pane.committed(['abcd', 'efgh']);
	pane.frameWritten(undefined);
	assert.equal(pane.draw(['abcd', 'efgh'], 4), false);
	assert.deepEqual(writes, []);
});

test('only changed lines are written, at the place of the last frame, cursor saved, in one synchronized update', () => {
	const {region: pane, writes} = region();
	pane.committed(['a   ', '    ']);
	pane.frameWritten(box);
	assert.equal(pane.draw(['ab  ', '    '], 4), true);
	assert.deepEqual(writes, [`${begin}\u001B[4;11Hab  \u001B[0m${end}`]);
	assert.equal(pane.draw(['ab  ', '    '], 4), true);
	assert.equal(writes.length, 1, 'nothing changed, nothing written');
});

test('lines of another size than the last frame are left to Ink', () => {
	const {region: pane, writes} = region();
	pane.committed(['a   ', '    ']);
	pane.frameWritten(box);
	assert.equal(pane.draw(['a    ', '     '], 5), false);
	assert.equal(pane.draw(['a   ', '    ', '    '], 4), false);
	assert.deepEqual(writes, []);
});

test('a frame made from older lines than were drawn gets the newer ones back; a newer commit ends that', () => {
	const {region: pane, writes} = region();
	pane.committed(['a   ', '    ']);
	pane.frameWritten(box);
	pane.draw(['ab  ', '    '], 4);
	// Ink redraws (the list changed) with the pane's older lines: they are drawn again over it.
	pane.frameWritten(box);
	assert.equal(writes.length, 2);
	assert.equal(writes[1], writes[0]);
	// React caught up: its frame is the newest, nothing to add.
	pane.committed(['ab  ', '    ']);
	pane.frameWritten(box);
	assert.equal(writes.length, 2);
	// The region moved (a layout change): the next lines go to its new place.
	pane.frameWritten({...box, x: 0, y: 20});
	pane.draw(['abc ', '    '], 4);
	assert.equal(writes[2], `${begin}\u001B[21;1Habc \u001B[0m${end}`);
});
