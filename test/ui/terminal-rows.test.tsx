import assert from 'node:assert/strict';
import test from 'node:test';
import {render} from 'ink-testing-library';
import {Screen, type ScreenSnapshot} from '../../source/terminal/screen.js';
import TerminalView, {
	fitText,
} from '../../source/ui/components/terminal-view.js';

async function snapshotOf(
	data: string,
	cols: number,
	rows: number,
): Promise<ScreenSnapshot> {
	const screen = new Screen({cols, rows});
	screen.write(data);
	await screen.whenParsed();
	const snapshot = screen.snapshot();
	screen.dispose();
	return snapshot;
}

test('fitText - makes text exactly as wide as Ink measures it', () => {
	assert.equal(fitText('abc', 3), 'abc');
	assert.equal(fitText('ab', 4), 'ab  ');
	assert.equal(fitText('日本', 3), '日 ');
	assert.equal(fitText('a😀b', 3), 'a😀');
	assert.equal(fitText('😀', 1), ' ');
});

test('TerminalView - an emoji the emulator counts as one column does not push the border', async () => {
	const snapshot = await snapshotOf('x😀y😀z', 10, 2);
	const {lastFrame, unmount} = render(
		<TerminalView snapshot={snapshot} focused={false} width={12} height={4} />,
	);
	const lines = (lastFrame() ?? '').split('\n');
	for (const line of lines) {
		assert.equal(
			[...new Intl.Segmenter().segment(line)].length <= 12,
			true,
			JSON.stringify(line),
		);
		if (line.startsWith('│')) {
			assert.ok(line.endsWith('│'), JSON.stringify(line));
		}
	}

	unmount();
});

test('TerminalView - a snapshot wider than the view (mid-resize) is cut at the border', async () => {
	const snapshot = await snapshotOf('0123456789abcdefghij', 20, 2);
	const {lastFrame, unmount} = render(
		<TerminalView snapshot={snapshot} focused={false} width={12} height={4} />,
	);
	const lines = (lastFrame() ?? '').split('\n');
	assert.equal(lines[1], '│0123456789│');
	unmount();
});
