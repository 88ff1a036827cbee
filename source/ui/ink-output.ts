/**
What reaches the terminal of Ink's frames: only the lines that changed.

Why: Ink 6 writes every frame whole (it erases the lines of the last frame and writes all of the new one), so a
cursor move at 160x45 wrote about 8 KB and a clock that ticked wrote the whole screen again. Ink's own
`incrementalRendering` skips unchanged lines but moves by relative steps from where its last frame left the
cursor, and cannot be told that the shell pane (`direct-region.ts`) drew some lines itself in between.

How: Ink writes to a stand-in stdout (`stdout` below, given to `render()`), which keeps the last frame's lines and
writes to the real terminal, at absolute positions, only the lines that differ from it (or that were drawn over
outside Ink, `invalidate`), as one synchronized update (DEC mode 2026). A frame equal to the last writes nothing.

This is the ONLY file that depends on how Ink writes a frame (ink/build/ink.js and log-update.js, Ink 6.8):
- the app's frame is never as tall as the terminal (app.tsx keeps one row free), so Ink takes its ordinary path:
  one write of `eraseLines(count of the last frame)` followed by the frame and a newline;
- the frame's text holds SGR styles and no cursor movement;
- apart from frames, Ink writes the synchronized-update marks (dropped: each update here has its own), cursor
  hide/show (passed on), and erasures on their own (`log.clear()` on a shrink or a console write: dropped).
A test (test/ui/ink-output.test.ts) renders through it, so an Ink upgrade that changes this shows there.
*/
import {EventEmitter} from 'node:events';

const beginUpdate = '\u001B[?2026h';
const endUpdate = '\u001B[?2026l';
// Ink's erasures before a frame: erase line, cursor up, cursor to column 1; and its whole-screen clear.
// eslint-disable-next-line no-control-regex
const leadingErase =
	/^(?:\u001B\[2K|\u001B\[\d*A|\u001B\[G|\u001B\[2J|\u001B\[3J|\u001B\[H)+/;
// eslint-disable-next-line no-control-regex
const cursorOnly = /^(?:\u001B\[\?25[hl])+$/;

/**
The terminal the frames go to: what the real stdout offers and Ink uses.
*/
export type Terminal = {
	readonly columns?: number;
	readonly rows?: number;
	write(data: string): unknown;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
};

export type InkOutput = {
	/**
	The stream to give Ink's `render()` as its `stdout`.
	*/
	readonly stdout: NodeJS.WriteStream;
	/**
	Rows (0-based) that something other than Ink drew on: the next frame writes them again, changed or not.
	*/
	invalidate(rows: Iterable<number>): void;
	/**
	Bytes written to the terminal so far, frames only (for `--debug`-like measurements and tests).
	*/
	readonly written: () => number;
	/**
	Stops following the terminal's resizes.
	*/
	dispose(): void;
};

export function createInkOutput(terminal: Terminal): InkOutput {
	let onScreen: string[] = [];
	const dirty = new Set<number>();
	let clearFirst = false;
	let written = 0;

	const send = (data: string) => {
		written += Buffer.byteLength(data);
		terminal.write(data);
	};

	const frame = (text: string) => {
		const lines = text.split('\n');
		let update = clearFirst ? '\u001B[2J' : '';
		const count = Math.max(lines.length, onScreen.length);
		for (let row = 0; row < count; row++) {
			const line = lines[row] ?? '';
			if (clearFirst || dirty.has(row) || line !== onScreen[row]) {
				// Erase first, then write: erasing after a line as wide as the terminal would take its last cell.
				update += `\u001B[${row + 1};1H\u001B[2K${line}`;
			}
		}

		onScreen = lines;
		dirty.clear();
		clearFirst = false;
		if (update !== '') {
			send(beginUpdate + update + endUpdate);
		}
	};

	const stdout = new EventEmitter() as EventEmitter & Record<string, unknown>;
	Object.defineProperties(stdout, {
		columns: {get: () => terminal.columns},
		rows: {get: () => terminal.rows},
	});
	stdout['isTTY'] = true;
	stdout['write'] = (
		chunk: string | Uint8Array,
		encodingOrCallback?: unknown,
		callback?: unknown,
	): boolean => {
		const text =
			typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
		if (text !== beginUpdate && text !== endUpdate && text !== '') {
			const body = text.replace(leadingErase, '');
			if (cursorOnly.test(body)) {
				send(body);
			} else if (body !== '') {
				frame(body.endsWith('\n') ? body.slice(0, -1) : body);
			}
		}

		const done =
			typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
		if (typeof done === 'function') {
			queueMicrotask(() => {
				(done as () => void)();
			});
		}

		return true;
	};

	// After a resize the terminal may have moved or cut what it showed: the next frame draws everything.
	const onResize = () => {
		clearFirst = true;
		stdout.emit('resize');
	};

	terminal.on('resize', onResize);
	return {
		stdout: stdout as unknown as NodeJS.WriteStream,
		invalidate(rows) {
			for (const row of rows) {
				dirty.add(row);
			}
		},
		written: () => written,
		dispose() {
			terminal.off('resize', onResize);
		},
	};
}
