/**
What is under a cell of the screen, from the same layout the app draws (`layout.ts`, the tab bar's titles), for
the mouse. Pure. The rows of the screen, top down: the header, the tab bar, the body (the bordered list box,
whose first inside line is the table header, and the shell pane beside or below it), the status line, the footer.
*/
import type {Hit} from '../input/router.js';
import type {AppState, PaneId} from '../state/types.js';
import {layoutBody} from './layout.js';
import {compactTabsBelow, tabText, tabTitles} from './components/tab-bar.js';

export type ScreenGeometry = {
	readonly columns: number;
	readonly rows: number;
	/**
	The first row the focused list shows (its window scrolls with the selection).
	*/
	readonly listStart: number;
	/**
	The tab bar's counts, as drawn.
	*/
	readonly counts: Readonly<Record<PaneId, string>>;
};

/**
Where the body starts: under the header and the tab bar.
*/
export const bodyTop = 2;

export function hitTest(
	state: AppState,
	geometry: ScreenGeometry,
	x: number,
	y: number,
): Hit | undefined {
	const {columns, rows} = geometry;
	if (columns < 80 || rows < 24 || state.connection.status === 'unreachable') {
		return undefined;
	}

	if (y === 1) {
		let left = 0;
		for (const [pane, key, title] of tabTitles) {
			const width = tabText(
				key,
				title,
				geometry.counts[pane],
				columns < compactTabsBelow,
			).join('').length;
			if (x >= left && x < left + width) {
				return {kind: 'tab', pane};
			}

			left += width;
		}

		return undefined;
	}

	const body = {
		width: Math.max(columns, 80),
		height: Math.max(3, Math.max(rows, 24) - 5),
	};
	const {ui} = state;
	const layout = layoutBody(
		body,
		ui.shell?.zoomed || (!ui.shell && ui.inspector?.zoomed)
			? 'zoomed'
			: ui.shell !== undefined || ui.inspector !== undefined,
	);
	const top = y - bodyTop;
	if (top < 0 || top >= body.height || x >= body.width) {
		return undefined;
	}

	if (layout.shell) {
		const shellLeft =
			layout.zoomed || layout.direction === 'column' ? 0 : layout.list.width;
		const shellTop =
			layout.zoomed || layout.direction === 'row' ? 0 : layout.list.height;
		if (x >= shellLeft && top >= shellTop) {
			return {kind: 'shell'};
		}
	}

	if (x >= layout.list.width || top >= layout.list.height) {
		return undefined;
	}

	if (ui.overlay) {
		return {kind: 'overlay'};
	}

	// Inside the border: the table header, then the rows.
	const row = top - 2;
	const visible = layout.list.height - 3;
	if (row < 0 || row >= visible || x === 0 || x === layout.list.width - 1) {
		return {kind: 'list'};
	}

	return {kind: 'row', pane: ui.pane, index: geometry.listStart + row};
}
