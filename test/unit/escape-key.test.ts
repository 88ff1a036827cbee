import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	defaultEscapeKey,
	parseEscapeKey,
	withEscapeKey,
} from '../../source/keymap/escape-key.js';
import {keymap} from '../../source/keymap/keymap.js';

test('--escape-key takes Ctrl keys as Docker writes them', () => {
	assert.deepEqual(parseEscapeKey('ctrl-]'), defaultEscapeKey);
	assert.deepEqual(parseEscapeKey(' Ctrl-A '), {
		name: 'ctrl+a',
		bytes: '\u0001',
		label: 'Ctrl-A',
	});
	assert.equal(parseEscapeKey('ctrl-\\').bytes, '\u001C');
	assert.equal(parseEscapeKey('ctrl-_').bytes, '\u001F');
});

for (const [spec, reason] of [
	['x', /give a Ctrl key as Docker writes it/],
	['ctrl-', /give a Ctrl key/],
	['alt-a', /give a Ctrl key/],
	['ctrl-1', /give a Ctrl key/],
	['ctrl-[', /same as Esc/],
	['ctrl-i', /same as Tab/],
	['ctrl-m', /same as Enter/],
	['ctrl-h', /same as Backspace/],
	['ctrl-c', /needs Ctrl-C to interrupt/],
	['ctrl-p', /detach keys/],
	['ctrl-w', /already means "Close the shell pane"/],
	['ctrl-d', /already means "Down one page"/],
] as const) {
	test(`--escape-key ${spec} is refused: ${String(reason)}`, () => {
		assert.throws(() => parseEscapeKey(spec), reason);
	});
}

test('withEscapeKey moves both escape bindings and nothing else', () => {
	const moved = withEscapeKey(keymap, parseEscapeKey('ctrl-a'));
	const changed = moved.filter((binding, index) => binding !== keymap[index]);
	assert.deepEqual(
		changed.map(binding => [binding.command, binding.keys]),
		[
			['shell.focus', ['ctrl+a']],
			['shell.leave', ['ctrl+a']],
		],
	);
	assert.equal(withEscapeKey(keymap, defaultEscapeKey), keymap);
});
