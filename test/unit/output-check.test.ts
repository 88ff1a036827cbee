import assert from 'node:assert/strict';
import test from 'node:test';
import {strayControls} from '../helpers/output-check.js';
import {seeded} from '../helpers/soak-ui.js';
import {payloads} from '../soak/fuzz.part.js';

test('output-check: what dockpit writes passes', () => {
	const frame =
		'\u001B[?1049h\u001B[?25l\u001B[?2026h\u001B[H\u001B[2K\u001B[1;1H\u001B[36m╭─\u001B[39m\r\n' +
		'\u001B[38;2;1;2;3m\u001B[48;5;24mx\u001B[0m\u001B[3A\u001B[12G\u001B[K\u001B[J\u001B7\u001B8' +
		'\u001B[?1000h\u001B[?1006h\u001B[?2004h\u001B[?2026l\u001B[?1049l';
	assert.deepEqual(strayControls(frame), []);
	assert.deepEqual(
		strayControls('\u001B]52;c;aGk=\u0007', {osc52: true}),
		[],
		'OSC 52 when copying',
	);
});

test('output-check: every fuzz payload, written raw, is flagged', () => {
	for (const payload of payloads(seeded(1))) {
		assert.notDeepEqual(strayControls(payload), [], JSON.stringify(payload));
	}
});

test('output-check: each kind of stray sequence is named', () => {
	const reasons = (text: string) =>
		strayControls(text).map(each => each.reason);
	assert.deepEqual(reasons('a\u0007b'), ['C0 control 0x07']);
	assert.deepEqual(reasons('\u009B31m'), ['C1 control U+009B']);
	assert.deepEqual(reasons('\u001B]0;title\u0007'), ['OSC']);
	assert.deepEqual(reasons('\u001B]52;c;aGk=\u0007'), [
		'OSC 52 while not copying',
	]);
	assert.deepEqual(reasons('\u001BP1$q\u001B\\'), [
		'DCS (ESC "P")',
		'ESC sequence (ESC "\\\\")',
	]);
	assert.deepEqual(reasons('\u001B_G\u001B\\').slice(0, 1), ['APC (ESC "_")']);
	assert.deepEqual(reasons('\u001B[6n'), ['CSI ending in n']);
	assert.deepEqual(reasons('\u001B[?1048h'), [
		'DEC private mode 1048 (dockpit sets 25, 1000, 1002, 1003, 1004, 1006, 1049, 2004, 2026)',
	]);
	assert.deepEqual(reasons('\u001B[1;2;3H'), ['CSI H with 3 parameters']);
	assert.deepEqual(reasons('\u001B[99999A'), ['CSI with odd parameters']);
	assert.deepEqual(reasons('\u001B[>c'), ['CSI with private marker >']);
	assert.deepEqual(reasons('\u001B[!p'), ['CSI with intermediate bytes']);
	assert.deepEqual(reasons('\u001B['), ['CSI that is cut off or malformed']);
});
