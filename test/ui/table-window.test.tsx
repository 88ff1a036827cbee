import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useRef} from 'react';
import useTableWindow from '../../source/ui/hooks/use-table-window.js';

function Probe({
	selected,
	height,
	keep,
}: {
	readonly selected: number;
	readonly height: number;
	readonly keep?: {current: number};
}) {
	const rows = Array.from({length: 40}, (_, index) => index);
	const own = useRef(0);
	const start = keep ?? own;
	const {shown} = useTableWindow(rows, selected, height, start);
	// The table moves its window (its startRef) as it draws; so does this probe.
	start.current = shown[0] ?? 0;
	return <Text>{shown.join(',')}</Text>;
}

test('the rows a table shows: its height less the header, following the selection as the table does', () => {
	const keep = {current: 0};
	const {lastFrame, rerender} = render(
		<Probe selected={0} height={6} keep={keep} />,
	);
	assert.equal(lastFrame(), '0,1,2,3,4');
	rerender(<Probe selected={7} height={6} keep={keep} />);
	assert.equal(lastFrame(), '3,4,5,6,7');
	// Back up inside the window: it stays where it is.
	rerender(<Probe selected={5} height={6} keep={keep} />);
	assert.equal(lastFrame(), '3,4,5,6,7');
	rerender(<Probe selected={39} height={6} keep={keep} />);
	assert.equal(lastFrame(), '35,36,37,38,39');
	rerender(<Probe selected={0} height={1} keep={keep} />);
	assert.equal(lastFrame(), '');
});
