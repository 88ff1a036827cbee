import {type MutableRefObject, useRef} from 'react';
import {windowStart} from '../components/resource-table.js';

/**
The rows a `ResourceTable` of `height` lines will show (its header takes one), worked out as the table does, so
that a view can spend on them only: the clock's text (ages that change off screen must not redraw the screen),
stats streams. Pass `start` on to the table as its `startRef`.
*/
export default function useTableWindow<T>(
	rows: readonly T[],
	selected: number,
	height: number,
	startRef?: MutableRefObject<number>,
): {readonly start: MutableRefObject<number>; readonly shown: readonly T[]} {
	const ownStart = useRef(0);
	const start = startRef ?? ownStart;
	const visible = Math.max(0, height - 1);
	const first = windowStart(start.current, selected, visible, rows.length);
	return {start, shown: rows.slice(first, first + visible)};
}
