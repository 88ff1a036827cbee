import assert from 'node:assert/strict';
import test from 'node:test';
import {
	besideFromColumns,
	layoutBody,
	minListHeight,
	minListWidth,
} from '../../source/ui/layout.js';

test('layout - without a shell the lists take the whole body', () => {
	assert.deepEqual(layoutBody({width: 80, height: 19}, false), {
		direction: 'column',
		list: {width: 80, height: 19},
	});
});

// [terminal body, direction, list, shell]
const cases: ReadonlyArray<
	[
		body: {width: number; height: number},
		direction: 'row' | 'column',
		list: {width: number; height: number},
		shell: {width: number; height: number},
	]
> = [
	// 80x24: the body is 19 lines; the list keeps its minimum, the shell gets 11 (9 rows of terminal).
	[
		{width: 80, height: 19},
		'column',
		{width: 80, height: 8},
		{width: 80, height: 11},
	],
	// 120x40: stacked, a third for the list.
	[
		{width: 120, height: 35},
		'column',
		{width: 120, height: 11},
		{width: 120, height: 24},
	],
	// 159 columns is still stacked.
	[
		{width: 159, height: 40},
		'column',
		{width: 159, height: 13},
		{width: 159, height: 27},
	],
	// 160x45: beside, the list gets 45 %.
	[
		{width: 160, height: 40},
		'row',
		{width: 72, height: 40},
		{width: 88, height: 40},
	],
	[
		{width: 250, height: 60},
		'row',
		{width: 112, height: 60},
		{width: 138, height: 60},
	],
];

for (const [body, direction, list, shell] of cases) {
	test(`layout - ${body.width}x${body.height} with a shell`, () => {
		assert.deepEqual(layoutBody(body, true), {direction, list, shell});
	});
}

test('layout - the parts always fill the body exactly and keep their minimums', () => {
	for (let width = 80; width <= 300; width += 7) {
		for (let height = 19; height <= 80; height += 3) {
			const layout = layoutBody({width, height}, true);
			const shell = layout.shell!;
			if (layout.direction === 'row') {
				assert.ok(width >= besideFromColumns);
				assert.equal(layout.list.width + shell.width, width);
				assert.equal(layout.list.height, height);
				assert.equal(shell.height, height);
				assert.ok(layout.list.width >= minListWidth);
				assert.ok(shell.width >= 40);
			} else {
				assert.equal(layout.list.height + shell.height, height);
				assert.equal(layout.list.width, width);
				assert.equal(shell.width, width);
				assert.ok(layout.list.height >= minListHeight);
				assert.ok(shell.height >= 5);
			}
		}
	}
});

test('layout - a tiny body still gives both parts a line', () => {
	const layout = layoutBody({width: 20, height: 3}, true);
	assert.ok(layout.list.height >= 1);
	assert.ok(layout.shell!.height >= 1);
	assert.equal(layout.list.height + layout.shell!.height, 3);
});

test('layout - a zoomed pane gets the whole body; the lists keep the size they come back to', () => {
	const body = {width: 100, height: 19};
	const layout = layoutBody(body, 'zoomed');
	assert.deepEqual(layout.shell, {width: 100, height: 19});
	assert.equal(layout.zoomed, true);
	assert.deepEqual(layout.list, layoutBody(body, true).list);
});
