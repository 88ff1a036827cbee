import assert from 'node:assert/strict';
import test from 'node:test';
import {stripVTControlCharacters} from 'node:util';
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import TabBar from '../../source/ui/components/tab-bar.js';
import {textWidth} from '../../source/format/text.js';

const counts = {
	containers: '2/2',
	images: '1',
	events: '0',
	volumes: '0',
	networks: '3',
	engine: '',
	projects: '0',
} as const;

test('TabBar - a long filter at 85 columns stays on one row (it wrapped and pushed the border off)', () => {
	for (const width of [80, 85, 100]) {
		const right = 'filter: dockpit-test-resize-3fa93226-1 · running only';
		const {lastFrame, unmount} = render(
			<Box width={width}>
				<TabBar
					compact
					pane="containers"
					counts={counts}
					right={right}
					width={width}
				/>
			</Box>,
		);
		const lines = stripVTControlCharacters(lastFrame() ?? '').split('\n');
		unmount();
		assert.equal(lines.length, 1, `${width}: ${lines.join('|')}`);
		assert.ok(textWidth(lines[0]!) <= width, `${width}: ${lines[0]}`);
		assert.match(lines[0]!, /filter: dockpit-test/, 'the filter stays in view');
		assert.match(lines[0]!, /^1 Containers/, 'the tabs come first');
	}
});

test('TabBar - a short right text is shown whole', () => {
	const {lastFrame, unmount} = render(
		<TabBar pane="images" counts={counts} right="filter: web" width={100} />,
	);
	const frame = stripVTControlCharacters(lastFrame() ?? '');
	unmount();
	assert.match(frame, /…?filter: web *$/);
});
