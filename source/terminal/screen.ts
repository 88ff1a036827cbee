/**
A terminal emulator screen for the container shell pane.

Everything a container writes goes through `@xterm/headless`, which keeps the screen as cells. The pane draws only
what `snapshot()` returns: the visible rows as runs of printable text with an Ink colour and attributes per run,
and the cursor. Nothing the container writes ever reaches the real terminal: titles (OSC 0/2) become data
(`onTitleChange`, sanitized), clipboard writes (OSC 52) and bells are swallowed, screen clears only clear this screen.
*/
import xterm from '@xterm/headless';
import sanitize, {printableText} from '../format/printable.js';
import {palette256, rgb, type TerminalColor} from './terminal-color.js';

// `@xterm/headless` is CommonJS; Node gives its exports to ESM only as the default export.
const {Terminal} = xterm;

type XtermTerminal = InstanceType<typeof Terminal>;
type XtermCell = ReturnType<XtermTerminal['buffer']['active']['getNullCell']>;
type XtermLine = NonNullable<
	ReturnType<XtermTerminal['buffer']['active']['getLine']>
>;

/**
One stretch of cells in a row that share a style.
*/
export type ScreenRun = {
	/**
	Printable characters only; empty cells are spaces.
	*/
	readonly text: string;
	/**
	Columns the run covers (a wide character counts 2).
	*/
	readonly width: number;
	/**
	The colour as a number (`TerminalColor`). Absent means the terminal's default.
	*/
	readonly fg?: TerminalColor;
	readonly bg?: TerminalColor;
	readonly bold: boolean;
	readonly dim: boolean;
	readonly italic: boolean;
	readonly underline: boolean;
	readonly inverse: boolean;
	readonly strikethrough: boolean;
};

/**
One visible row; its runs cover exactly `cols` columns.
*/
export type ScreenRow = readonly ScreenRun[];

export type ScreenCursor = {
	/**
	Column, 0-based, always inside the row.
	*/
	readonly x: number;
	/**
	Row of the snapshot, 0-based.
	*/
	readonly y: number;
	/**
	The program has not hidden it (DECTCEM) and it is inside the visible rows.
	*/
	readonly visible: boolean;
};

/**
What the pane draws: the visible rows and the cursor. The cursor's cell is always a run of its own, so a view can
draw it without splitting runs.
*/
export type ScreenSnapshot = {
	readonly cols: number;
	readonly rows: readonly ScreenRow[];
	readonly cursor: ScreenCursor;
	/**
	A full-screen program (vi, less, top) switched to the alternate screen.
	*/
	readonly alternateScreen: boolean;
};

/**
Terminal modes that change what keys must send.
*/
export type ScreenModes = {
	/**
	DECCKM: arrows send `ESC O A` instead of `ESC [ A`.
	*/
	readonly applicationCursorKeys: boolean;
	/**
	The program wants pasted text between `ESC [200~` and `ESC [201~`.
	*/
	readonly bracketedPaste: boolean;
};

export type ScreenOptions = {
	readonly cols: number;
	readonly rows: number;
	/**
	Lines kept above the screen in the normal buffer.

	@default 1000
	*/
	readonly scrollback?: number;
	/**
	`onChange` fires at most once per this many milliseconds.

	@default 16
	*/
	readonly frameMs?: number;
	/**
	`onChange` fires at most once per this many milliseconds while the program writes without pause for a while
	(`yes`, `cat` of a large file): nobody reads a flood at 60 frames a second, and every frame costs the whole
	app a redraw. Output that comes after a pause (an echo, a prompt) is shown at once again.

	@default 100
	*/
	readonly busyFrameMs?: number;
	/**
	Data written but not yet parsed, in bytes, above which further writes are dropped until the parser catches up to
	half of it. Bounds memory when a program floods the pane faster than it can be parsed. At most 32 MiB.

	@default 8 MiB
	*/
	readonly maxPendingBytes?: number;
};

export {palette256, rgb, type TerminalColor} from './terminal-color.js';

// Colour modes of `IBufferCell.getFgColorMode()` / `getBgColorMode()`.
const colorModePalette16 = 0x1_00_00_00;
const colorModePalette256 = 0x2_00_00_00;
const colorModeRgb = 0x3_00_00_00;

/**
Largest piece of output handed to xterm at once (see `Screen.write`).
*/
const maxSliceLength = 4096;

const isHighSurrogate = (code: number) => code >= 0xd8_00 && code <= 0xdb_ff;

/**
How long output must go on without pause before `onChange` slows to `busyFrameMs`.
*/
const streamingAfterMs = 250;

const minCols = 2;
const maxCols = 1000;
const maxRows = 500;
const maxTitleLength = 200;

// One module makes text printable (format/printable.ts); the screen's callers import it from here too.
export {printableText};

/**
Maps an xterm colour (mode and value from a cell) to a `TerminalColor`; `undefined` for the default colour.
*/
export function terminalColor(
	mode: number,
	value: number,
): TerminalColor | undefined {
	switch (mode) {
		case colorModePalette16: {
			return value >= 0 && value < 16 ? value : undefined;
		}

		case colorModePalette256: {
			return value >= 0 && value <= 255 ? palette256 + value : undefined;
		}

		case colorModeRgb: {
			return rgb + (value & 0xff_ff_ff);
		}

		default: {
			return undefined;
		}
	}
}

function clampSize(cols: number, rows: number): {cols: number; rows: number} {
	const whole = (value: number, min: number, max: number) =>
		Number.isFinite(value)
			? Math.min(max, Math.max(min, Math.floor(value)))
			: min;
	return {cols: whole(cols, minCols, maxCols), rows: whole(rows, 1, maxRows)};
}

const blankRun = (width: number): ScreenRun => ({
	text: ' '.repeat(width),
	width,
	bold: false,
	dim: false,
	italic: false,
	underline: false,
	inverse: false,
	strikethrough: false,
});

/**
An empty screen of the given size, for before a session exists.
*/
export function blankSnapshot(cols: number, rows: number): ScreenSnapshot {
	const size = clampSize(cols, rows);
	const row = [blankRun(size.cols)];
	return {
		cols: size.cols,
		rows: Array.from({length: size.rows}, () => row),
		cursor: {x: 0, y: 0, visible: false},
		alternateScreen: false,
	};
}

function sameRun(a: ScreenRun, b: ScreenRun): boolean {
	return (
		a.text === b.text &&
		a.width === b.width &&
		a.fg === b.fg &&
		a.bg === b.bg &&
		a.bold === b.bold &&
		a.dim === b.dim &&
		a.italic === b.italic &&
		a.underline === b.underline &&
		a.inverse === b.inverse &&
		a.strikethrough === b.strikethrough
	);
}

function sameRow(a: ScreenRow, b: ScreenRow): boolean {
	if (a.length !== b.length) {
		return false;
	}

	for (const [index, run] of a.entries()) {
		if (!sameRun(run, b[index]!)) {
			return false;
		}
	}

	return true;
}

// Attribute bits of a style key.
const boldBit = 1;
const dimBit = 2;
const italicBit = 4;
const underlineBit = 8;
const inverseBit = 16;
const strikethroughBit = 32;
const invisibleBit = 64;

type Style = {
	fgMode: number;
	fg: number;
	bgMode: number;
	bg: number;
	flags: number;
};

function readStyle(cell: XtermCell, style: Style): void {
	style.fgMode = cell.getFgColorMode();
	style.fg = style.fgMode === 0 ? 0 : cell.getFgColor();
	style.bgMode = cell.getBgColorMode();
	style.bg = style.bgMode === 0 ? 0 : cell.getBgColor();
	style.flags =
		(cell.isBold() ? boldBit : 0) |
		(cell.isDim() ? dimBit : 0) |
		(cell.isItalic() ? italicBit : 0) |
		(cell.isUnderline() ? underlineBit : 0) |
		(cell.isInverse() ? inverseBit : 0) |
		(cell.isStrikethrough() ? strikethroughBit : 0) |
		(cell.isInvisible() ? invisibleBit : 0);
}

function sameStyle(a: Style, b: Style): boolean {
	return (
		a.fgMode === b.fgMode &&
		a.fg === b.fg &&
		a.bgMode === b.bgMode &&
		a.bg === b.bg &&
		a.flags === b.flags
	);
}

function toRun(text: string, width: number, style: Style): ScreenRun {
	const run: {-readonly [K in keyof ScreenRun]: ScreenRun[K]} = {
		text: style.flags & invisibleBit ? ' '.repeat(width) : text,
		width,
		bold: (style.flags & boldBit) !== 0,
		dim: (style.flags & dimBit) !== 0,
		italic: (style.flags & italicBit) !== 0,
		underline: (style.flags & underlineBit) !== 0,
		inverse: (style.flags & inverseBit) !== 0,
		strikethrough: (style.flags & strikethroughBit) !== 0,
	};
	const fg = terminalColor(style.fgMode, style.fg);
	if (fg !== undefined) {
		run.fg = fg;
	}

	const bg = terminalColor(style.bgMode, style.bg);
	if (bg !== undefined) {
		run.bg = bg;
	}

	return run;
}

/**
Turns one buffer line into runs covering exactly `cols` columns. `cursorX`, when given, gets a run of its own.
*/
function buildRow(
	line: XtermLine | undefined,
	cols: number,
	cell: XtermCell,
	cursorX: number | undefined,
): ScreenRow {
	if (!line) {
		return [blankRun(cols)];
	}

	const runs: ScreenRun[] = [];
	const current: Style = {fgMode: 0, fg: 0, bgMode: 0, bg: 0, flags: 0};
	const next: Style = {fgMode: 0, fg: 0, bgMode: 0, bg: 0, flags: 0};
	let text = '';
	let width = 0;
	let x = 0;

	const flush = () => {
		if (width > 0) {
			runs.push(toRun(text, width, current));
		}

		text = '';
		width = 0;
	};

	while (x < cols) {
		let chars = ' ';
		let cellWidth = 1;
		if (line.getCell(x, cell)) {
			readStyle(cell, next);
			const reported = cell.getWidth();
			if (reported === 2 && x + 1 < cols) {
				chars = printableText(cell.getChars());
				cellWidth = 2;
			} else if (reported !== 0) {
				// A wide character that would overflow the row, or a normal one.
				chars = reported === 2 ? ' ' : printableText(cell.getChars());
			}
			// Width 0 without a wide character before it should not happen; it is drawn as a space.
		} else {
			next.fgMode = 0;
			next.fg = 0;
			next.bgMode = 0;
			next.bg = 0;
			next.flags = 0;
		}

		const isCursor =
			cursorX !== undefined && cursorX >= x && cursorX < x + cellWidth;
		if (width > 0 && (isCursor || !sameStyle(current, next))) {
			flush();
		}

		if (width === 0) {
			Object.assign(current, next);
		}

		text += chars;
		width += cellWidth;
		if (isCursor) {
			flush();
		}

		x += cellWidth;
	}

	flush();
	return runs;
}

/**
A headless terminal screen fed with a TTY stream.
*/
export class Screen {
	readonly #terminal: XtermTerminal;
	readonly #cell: XtermCell;
	readonly #frameMs: number;
	readonly #busyFrameMs: number;
	/**
	Since when the program has been writing without pause, if it has.
	*/
	#streamingSince: number | undefined;
	#currentFrameMs: number;
	readonly #maxPendingBytes: number;
	readonly #changeListeners = new Set<() => void>();
	readonly #replyListeners = new Set<(data: string) => void>();
	readonly #titleListeners = new Set<(title: string) => void>();
	#cursorHidden = false;
	#title = '';
	#version = 0;
	#snapshotVersion = -1;
	#snapshot: ScreenSnapshot | undefined;
	#cancelChange: (() => void) | undefined;
	#lastChange = Number.NEGATIVE_INFINITY;
	#pendingBytes = 0;
	#droppedBytes = 0;
	#dropping = false;
	#disposed = false;

	constructor(options: ScreenOptions) {
		const {cols, rows} = clampSize(options.cols, options.rows);
		this.#frameMs = options.frameMs ?? 16;
		this.#busyFrameMs = Math.max(this.#frameMs, options.busyFrameMs ?? 100);
		this.#currentFrameMs = this.#frameMs;
		// xterm throws once 50 MB are queued; stay well below.
		this.#maxPendingBytes = Math.min(
			options.maxPendingBytes ?? 8 * 1024 * 1024,
			32 * 1024 * 1024,
		);
		this.#terminal = new Terminal({
			cols,
			rows,
			scrollback: Math.max(0, Math.floor(options.scrollback ?? 1000)),
			// `buffer` and `parser` are "proposed" API in xterm 6.
			allowProposedApi: true,
			logLevel: 'off',
		});
		this.#cell = this.#terminal.buffer.active.getNullCell();

		const terminal = this.#terminal;
		terminal.onData(data => {
			for (const listener of this.#replyListeners) {
				listener(data);
			}
		});
		terminal.onTitleChange(title => {
			this.#title = sanitize(title).slice(0, maxTitleLength);
			for (const listener of this.#titleListeners) {
				listener(this.#title);
			}
		});

		// Cursor visibility is not public API: follow DECTCEM (CSI ? 25 h/l), RIS and DECSTR ourselves and let
		// xterm handle them too (returning false).
		const hasCursorMode = (params: ReadonlyArray<number | number[]>) =>
			params.includes(25);
		terminal.parser.registerCsiHandler({prefix: '?', final: 'h'}, params => {
			if (hasCursorMode(params)) {
				this.#cursorHidden = false;
			}

			return false;
		});
		terminal.parser.registerCsiHandler({prefix: '?', final: 'l'}, params => {
			if (hasCursorMode(params)) {
				this.#cursorHidden = true;
			}

			return false;
		});
		terminal.parser.registerCsiHandler({intermediates: '!', final: 'p'}, () => {
			this.#cursorHidden = false;
			return false;
		});
		terminal.parser.registerEscHandler({final: 'c'}, () => {
			this.#cursorHidden = false;
			return false;
		});
		// Clipboard writes and queries are swallowed (headless xterm has no handler; this makes it explicit).
		terminal.parser.registerOscHandler(52, () => true);
	}

	get cols(): number {
		return this.#terminal.cols;
	}

	get rows(): number {
		return this.#terminal.rows;
	}

	/**
	The last title the program set (OSC 0/2), sanitized; empty when none.
	*/
	get title(): string {
		return this.#title;
	}

	get modes(): ScreenModes {
		const {applicationCursorKeysMode, bracketedPasteMode} =
			this.#terminal.modes;
		return {
			applicationCursorKeys: applicationCursorKeysMode,
			bracketedPaste: bracketedPasteMode,
		};
	}

	/**
	Lines held by the normal buffer (screen plus scrollback); bounded by `rows + scrollback`.
	*/
	get bufferLength(): number {
		return this.#terminal.buffer.normal.length;
	}

	/**
	Bytes written but not parsed yet.
	*/
	get pendingBytes(): number {
		return this.#pendingBytes;
	}

	/**
	Bytes dropped because the parser was too far behind.
	*/
	get droppedBytes(): number {
		return this.#droppedBytes;
	}

	/**
	Feeds output of the program. Parsing is asynchronous; `onChange` tells when the screen changed.
	*/
	write(data: Uint8Array | string): void {
		if (this.#disposed || data.length === 0) {
			return;
		}

		const size = data.length;
		if (this.#dropping) {
			this.#droppedBytes += size;
			return;
		}

		if (
			this.#pendingBytes + size > this.#maxPendingBytes &&
			this.#pendingBytes > 0
		) {
			this.#dropping = true;
			this.#droppedBytes += size;
			return;
		}

		this.#pendingBytes += size;
		// xterm checks its time budget (about 12 ms) only between writes, and parsing one 64 KiB chunk of short
		// lines takes far longer: fed whole, a flood would hold the event loop (and the dashboard's keys) for
		// tens of milliseconds at a time. Slices keep each step short.
		for (let start = 0; start < size;) {
			let end = Math.min(size, start + maxSliceLength);
			if (
				typeof data === 'string' &&
				end < size &&
				isHighSurrogate(data.charCodeAt(end - 1))
			) {
				end++;
			}

			const slice =
				typeof data === 'string'
					? data.slice(start, end)
					: data.subarray(start, end);
			this.#terminal.write(slice, () => {
				this.#parsed(slice.length);
			});
			start = end;
		}
	}

	#parsed(size: number): void {
		this.#pendingBytes -= size;
		if (this.#dropping && this.#pendingBytes <= this.#maxPendingBytes / 2) {
			this.#dropping = false;
			// CAN aborts whatever escape sequence the dropped data cut in half.
			this.#terminal.write('\u0018');
		}

		this.#changed();
	}

	/**
	Resolves once everything written so far has been parsed.
	*/
	async whenParsed(): Promise<void> {
		if (this.#disposed) {
			return;
		}

		return new Promise(resolve => {
			this.#terminal.write('', resolve);
		});
	}

	resize(cols: number, rows: number): void {
		if (this.#disposed) {
			return;
		}

		const size = clampSize(cols, rows);
		if (
			size.cols === this.#terminal.cols &&
			size.rows === this.#terminal.rows
		) {
			return;
		}

		this.#terminal.resize(size.cols, size.rows);
		this.#changed();
	}

	/**
	The visible rows and the cursor. Cheap when nothing changed since the last call (the same object is returned),
	and rows that did not change keep their identity.
	*/
	snapshot(): ScreenSnapshot {
		if (
			this.#snapshot &&
			(this.#snapshotVersion === this.#version || this.#disposed)
		) {
			return this.#snapshot;
		}

		if (this.#disposed) {
			return blankSnapshot(minCols, 1);
		}

		const terminal = this.#terminal;
		const buffer = terminal.buffer.active;
		const {cols} = terminal;
		const cursorRow = buffer.baseY + buffer.cursorY - buffer.viewportY;
		const cursorInView = cursorRow >= 0 && cursorRow < terminal.rows;
		const cursor: ScreenCursor = {
			x: Math.min(buffer.cursorX, cols - 1),
			y: cursorInView ? cursorRow : 0,
			visible: cursorInView && !this.#cursorHidden,
		};

		const previous =
			this.#snapshot?.cols === cols ? this.#snapshot.rows : undefined;
		const rows: ScreenRow[] = [];
		for (let y = 0; y < terminal.rows; y++) {
			const row = buildRow(
				buffer.getLine(buffer.viewportY + y),
				cols,
				this.#cell,
				cursorInView && y === cursorRow ? cursor.x : undefined,
			);
			const old = previous?.[y];
			rows.push(old && sameRow(old, row) ? old : row);
		}

		this.#snapshot = {
			cols,
			rows,
			cursor,
			alternateScreen: buffer.type === 'alternate',
		};
		this.#snapshotVersion = this.#version;
		return this.#snapshot;
	}

	/**
	Called after writes were parsed or the screen was resized, at most once per frame. Returns an unsubscribe function.
	*/
	onChange(listener: () => void): () => void {
		this.#changeListeners.add(listener);
		return () => this.#changeListeners.delete(listener);
	}

	/**
	Bytes the emulator sends back to the program (device attributes, cursor position reports). Forward them to the
	session. Returns an unsubscribe function.
	*/
	onReply(listener: (data: string) => void): () => void {
		this.#replyListeners.add(listener);
		return () => this.#replyListeners.delete(listener);
	}

	/**
	The program set the title (OSC 0/2); the title is sanitized. Returns an unsubscribe function.
	*/
	onTitleChange(listener: (title: string) => void): () => void {
		this.#titleListeners.add(listener);
		return () => this.#titleListeners.delete(listener);
	}

	dispose(): void {
		if (this.#disposed) {
			return;
		}

		this.#disposed = true;
		this.#cancelChange?.();
		this.#cancelChange = undefined;
		this.#changeListeners.clear();
		this.#replyListeners.clear();
		this.#titleListeners.clear();
		this.#terminal.dispose();
	}

	#changed(): void {
		if (this.#disposed) {
			return;
		}

		this.#version++;
		if (this.#cancelChange !== undefined) {
			return;
		}

		const now = performance.now();
		// A change soon after the last notification means the output goes on; after a pause, it is interactive.
		if (now - this.#lastChange > 2 * this.#currentFrameMs) {
			this.#streamingSince = undefined;
		} else {
			this.#streamingSince ??= now;
		}

		this.#currentFrameMs =
			this.#streamingSince !== undefined &&
			now - this.#streamingSince > streamingAfterMs
				? this.#busyFrameMs
				: this.#frameMs;
		const delay = Math.max(0, this.#lastChange + this.#currentFrameMs - now);
		const notify = () => {
			this.#cancelChange = undefined;
			this.#lastChange = performance.now();
			for (const listener of this.#changeListeners) {
				listener();
			}
		};

		// Right away (after this turn) when the last frame is old enough: a key's echo must not wait for a timer.
		if (delay === 0) {
			const immediate = setImmediate(notify);
			this.#cancelChange = () => {
				clearImmediate(immediate);
			};
		} else {
			const timer = setTimeout(notify, delay);
			this.#cancelChange = () => {
				clearTimeout(timer);
			};
		}
	}
}
