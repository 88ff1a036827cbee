/**
The emulator size that fills a `TerminalView` of the given outer size (the border takes one cell on each side).
*/
export function terminalContentSize(size: {
	readonly width: number;
	readonly height: number;
}): {
	columns: number;
	rows: number;
} {
	return {
		columns: Math.max(2, size.width - 2),
		rows: Math.max(1, size.height - 2),
	};
}
