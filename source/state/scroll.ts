/**
Where a scroll position goes for `to`: the top, the bottom (the view clamps it to its last page), or by lines from
`current`, never above 0. `current` is first held to `most` so that a position left at the bottom
(`Number.MAX_SAFE_INTEGER`) scrolls back from somewhere sane.
*/
export function scrolledTo(
	current: number,
	to: number | 'top' | 'bottom',
	most: number,
): number {
	return to === 'top'
		? 0
		: to === 'bottom'
			? Number.MAX_SAFE_INTEGER
			: Math.max(0, Math.min(current, most) + to);
}
