/**
Drawing the shell pane's cells straight onto the terminal, between Ink's frames.

Why: Ink draws every frame whole. It lays out and re-tokenizes every line of the screen and writes all of it, even
when only one cell changed: about 7 ms at 160x45 on this project's machines, 12 ms from a key to its echo. The
shell pane changes with every key typed, and its echo may add no more than a frame to the engine's round trip. So
when only the pane changed, its changed lines are written here, at the place Ink's last frame put the pane, and
Ink catches up a little later (`useTerminalScreen`'s catch-up render) without hurrying.

What keeps the two in step:
- The lines drawn here are the very strings the pane renders through Ink (`paneLines`), so a frame of Ink over a
  region drawn here changes nothing.
- After each frame Ink wrote, `frameWritten` takes the pane's place from that frame's layout and redraws what the
  frame showed older than what was drawn here (a frame made while the pane's React state lagged behind).
- Lines are drawn only where the last frame put a region of exactly their size: during a resize, or before the
  first frame, the pane waits for Ink.
- The cursor is saved and restored around each write (Ink moves by relative steps from where it left it), and each
  write is one synchronized update (DEC mode 2026), as Ink's frames are.
*/

/**
Where a region is on the terminal (0-based cells) and its size.
*/
export type RegionBox = {
	readonly x: number;
	readonly y: number;
	readonly columns: number;
	readonly rows: number;
};

/**
Ink tells, through this, that it wrote a frame.
*/
export type FrameSignal = {
	subscribe(listener: () => void): () => void;
	notify(): void;
};

export function createFrameSignal(): FrameSignal {
	const listeners = new Set<() => void>();
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		notify() {
			for (const listener of listeners) {
				listener();
			}
		},
	};
}

/**
What the app gets to draw outside Ink's frames; absent where there is no real terminal (component tests).
*/
export type DirectDraw = {
	/**
	Writes to the terminal Ink draws on; `rows` (0-based) are the screen rows the data draws on.
	*/
	readonly write: (data: string, rows: readonly number[]) => void;
	readonly frames: FrameSignal;
};

const beginUpdate = '\u001B[?2026h\u001B7';
const endUpdate = '\u001B8\u001B[?2026l';

/**
One rectangle of the screen drawn line by line: each line a string exactly as wide as the region, styled with SGR
and nothing else (no cursor movement, no control characters).
*/
export class DirectRegion {
	readonly #write: (data: string, rows: readonly number[]) => void;
	/**
	What the terminal shows in the region now, as far as we know.
	*/
	#onTerminal: readonly string[] = [];
	/**
	What the last React commit gave Ink: what its next frame shows.
	*/
	#committed: readonly string[] = [];
	/**
	The newest lines drawn here.
	*/
	#latest:
		{readonly lines: readonly string[]; readonly columns: number} | undefined;
	#box: RegionBox | undefined;

	constructor(write: (data: string, rows: readonly number[]) => void) {
		this.#write = write;
	}

	/**
	The lines React committed for the region.
	*/
	committed(lines: readonly string[]): void {
		this.#committed = lines;
		// A commit draws the screen as it is when it renders: never older than what was drawn here before it.
		this.#latest = undefined;
	}

	/**
	Ink wrote a frame that put the region at `box` (undefined: nowhere) with the committed lines in it.
	*/
	frameWritten(box: RegionBox | undefined): void {
		this.#box = box;
		this.#onTerminal = this.#committed;
		const latest = this.#latest;
		if (latest !== undefined) {
			if (box && fits(latest.lines, latest.columns, box)) {
				this.#draw(latest.lines, box);
			} else {
				this.#latest = undefined;
			}
		}
	}

	/**
	Draws `lines` (each `columns` wide) now, if the last frame has the region at their size; false when only Ink
	can show them.
	*/
	draw(lines: readonly string[], columns: number): boolean {
		const box = this.#box;
		if (!box || !fits(lines, columns, box)) {
			return false;
		}

		this.#latest = {lines, columns};
		this.#draw(lines, box);
		return true;
	}

	#draw(lines: readonly string[], box: RegionBox): void {
		let update = '';
		const rows: number[] = [];
		for (const [index, line] of lines.entries()) {
			if (line !== this.#onTerminal[index]) {
				update += `\u001B[${box.y + index + 1};${box.x + 1}H${line}\u001B[0m`;
				rows.push(box.y + index);
			}
		}

		this.#onTerminal = lines;
		if (update !== '') {
			this.#write(beginUpdate + update + endUpdate, rows);
		}
	}
}

function fits(
	lines: readonly string[],
	columns: number,
	box: RegionBox,
): boolean {
	return lines.length === box.rows && columns === box.columns;
}
