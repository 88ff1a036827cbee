import {useCallback, useEffect, useMemo, useRef} from 'react';
import type {DOMElement} from 'ink';
import {
	DirectRegion,
	type DirectDraw,
	type RegionBox,
} from '../direct-region.js';

/**
Where Ink's last layout put a bordered box's cells on the screen: one column in from its left border, from its
first row (the pane's box has no top border), as wide and high as inside the border.
*/
function cellsBox(element: DOMElement | null): RegionBox | undefined {
	const layout = element?.yogaNode;
	if (!element || !layout) {
		return undefined;
	}

	let x = 0;
	let y = 0;
	for (
		let node: DOMElement | undefined = element;
		node;
		node = node.parentNode
	) {
		x += node.yogaNode?.getComputedLeft() ?? 0;
		y += node.yogaNode?.getComputedTop() ?? 0;
	}

	const columns = layout.getComputedWidth() - 2;
	const rows = layout.getComputedHeight() - 1;
	return columns > 0 && rows > 0 ? {x: x + 1, y, columns, rows} : undefined;
}

export type DirectRegionHandle = {
	/**
	For the bordered box around the cells.
	*/
	readonly contentRef: React.RefObject<DOMElement | null>;
	/**
	For `TerminalView`'s `onLines`.
	*/
	readonly onLines: (lines: readonly string[]) => void;
	/**
	Draws `lines` (each `columns` wide) straight onto the terminal; false when only an Ink frame can show them.
	*/
	readonly draw: (lines: readonly string[], columns: number) => boolean;
};

/**
A region of the screen drawn between Ink's frames (`ui/direct-region.ts`), for a `TerminalView`. Undefined without
a real terminal to draw on.
*/
export default function useDirectRegion(
	direct: DirectDraw | undefined,
): DirectRegionHandle | undefined {
	const contentRef = useRef<DOMElement | null>(null);
	const region = useMemo(
		() => (direct ? new DirectRegion(direct.write) : undefined),
		[direct],
	);

	useEffect(() => {
		if (!direct || !region) {
			return;
		}

		return direct.frames.subscribe(() => {
			region.frameWritten(cellsBox(contentRef.current));
		});
	}, [direct, region]);

	const onLines = useCallback(
		(lines: readonly string[]) => {
			region?.committed(lines);
		},
		[region],
	);
	const draw = useCallback(
		(lines: readonly string[], columns: number) =>
			region?.draw(lines, columns) ?? false,
		[region],
	);

	return region ? {contentRef, onLines, draw} : undefined;
}
