import test from 'node:test';
import assert from 'node:assert/strict';
import {
	blankSnapshot,
	palette256,
	rgb,
	terminalColor,
	Screen,
	type ScreenRow,
	type ScreenSnapshot,
} from '../../source/terminal/screen.js';

const rowText = (row: ScreenRow) => row.map(run => run.text).join('');
const rowWidth = (row: ScreenRow) =>
	row.reduce((sum, run) => sum + run.width, 0);
const lines = (snapshot: ScreenSnapshot) =>
	snapshot.rows.map(row => rowText(row).trimEnd());

async function screenWith(
	data: string,
	options: {cols?: number; rows?: number} = {},
): Promise<Screen> {
	const screen = new Screen({
		cols: options.cols ?? 20,
		rows: options.rows ?? 5,
	});
	screen.write(data);
	await screen.whenParsed();
	return screen;
}

function assertShape(snapshot: ScreenSnapshot) {
	for (const row of snapshot.rows) {
		assert.equal(rowWidth(row), snapshot.cols);
		for (const run of row) {
			// eslint-disable-next-line no-control-regex
			assert.doesNotMatch(run.text, /[\u0000-\u001F\u007F-\u009F]/);
		}
	}
}

test('screen - plain text and CRLF', async () => {
	const screen = await screenWith('hello\r\nworld');
	const snapshot = screen.snapshot();
	assert.deepEqual(lines(snapshot), ['hello', 'world', '', '', '']);
	assert.equal(snapshot.rows.length, 5);
	assert.equal(rowText(snapshot.rows[0]!).length, 20);
	assertShape(snapshot);
	assert.deepEqual(snapshot.cursor, {x: 5, y: 1, visible: true});
	screen.dispose();
});

test('screen - bare LF moves down without carriage return', async () => {
	const screen = await screenWith('ab\ncd');
	assert.deepEqual(lines(screen.snapshot()).slice(0, 2), ['ab', '  cd']);
	screen.dispose();
});

test('screen - 16, 256 and RGB colours, bold and inverse become runs', async () => {
	const screen = await screenWith(
		'\u001B[31mred\u001B[0m \u001B[1;92mBG\u001B[0m \u001B[38;5;208mo\u001B[48;2;1;2;255mx\u001B[0m \u001B[7minv\u001B[0m',
		{cols: 30},
	);
	const row = screen.snapshot().rows[0]!;
	const find = (text: string) => row.find(run => run.text === text);
	assert.deepEqual(find('red'), {
		text: 'red',
		width: 3,
		fg: 1,
		bold: false,
		dim: false,
		italic: false,
		underline: false,
		inverse: false,
		strikethrough: false,
	});
	assert.equal(find('BG')?.fg, 10);
	assert.equal(find('BG')?.bold, true);
	assert.equal(find('o')?.fg, palette256 + 208);
	assert.equal(find('o')?.bg, undefined);
	assert.equal(find('x')?.fg, palette256 + 208);
	assert.equal(find('x')?.bg, rgb + 0x01_02_ff);
	assert.equal(find('inv')?.inverse, true);
	assert.equal(find('inv')?.fg, undefined);
	// Adjacent cells of equal style are one run: 'red', ' ', 'BG', ' ', 'o', 'x', ' ', 'inv', then the blank rest
	// (split once more by the cursor's own cell).
	assert.deepEqual(
		row.map(run => run.text.trimEnd() || ' '),
		['red', ' ', 'BG', ' ', 'o', 'x', ' ', 'inv', ' ', ' '],
	);
	assertShape(screen.snapshot());
	screen.dispose();
});

test('screen - terminalColor maps palette modes to numbers', () => {
	assert.equal(terminalColor(0x1_00_00_00, 0), 0);
	assert.equal(terminalColor(0x1_00_00_00, 8), 8);
	assert.equal(terminalColor(0x1_00_00_00, 15), 15);
	assert.equal(terminalColor(0x2_00_00_00, 42), palette256 + 42);
	assert.equal(terminalColor(0x3_00_00_00, 0xab_cd_ef), rgb + 0xab_cd_ef);
	assert.equal(terminalColor(0, 3), undefined);
});

test('screen - cursor position, hide and show', async () => {
	const screen = await screenWith('\u001B[3;7Hx');
	assert.deepEqual(screen.snapshot().cursor, {x: 7, y: 2, visible: true});
	screen.write('\u001B[?25l');
	await screen.whenParsed();
	assert.equal(screen.snapshot().cursor.visible, false);
	screen.write('\u001B[?25h');
	await screen.whenParsed();
	assert.equal(screen.snapshot().cursor.visible, true);
	screen.dispose();
});

test('screen - the cursor cell is a run of its own', async () => {
	const screen = await screenWith('abcdef\u001B[1;3H');
	const row = screen.snapshot().rows[0]!;
	assert.deepEqual(
		row.map(run => run.text),
		['ab', 'c', 'def' + ' '.repeat(14)],
	);
	screen.dispose();
});

test('screen - clear screen', async () => {
	const screen = await screenWith('one\r\ntwo\r\nthree');
	screen.write('\u001B[2J\u001B[H');
	await screen.whenParsed();
	const snapshot = screen.snapshot();
	assert.deepEqual(lines(snapshot), ['', '', '', '', '']);
	assert.deepEqual(snapshot.cursor, {x: 0, y: 0, visible: true});
	screen.dispose();
});

test('screen - alternate screen enter and exit, like vi', async () => {
	const screen = await screenWith('$ vi file');
	screen.write(
		'\u001B[?1049h\u001B[H\u001B[2J~\r\n~\r\n\u001B[7m"file" 0L\u001B[0m',
	);
	await screen.whenParsed();
	let snapshot = screen.snapshot();
	assert.equal(snapshot.alternateScreen, true);
	assert.deepEqual(lines(snapshot), ['~', '~', '"file" 0L', '', '']);
	screen.write('\u001B[?1049l');
	await screen.whenParsed();
	snapshot = screen.snapshot();
	assert.equal(snapshot.alternateScreen, false);
	assert.deepEqual(lines(snapshot), ['$ vi file', '', '', '', '']);
	assert.deepEqual(snapshot.cursor, {x: 9, y: 0, visible: true});
	screen.dispose();
});

test('screen - wide characters take two columns and rows stay cols wide', async () => {
	const screen = await screenWith('a日本b\r\n' + '日'.repeat(12), {cols: 9});
	const snapshot = screen.snapshot();
	assertShape(snapshot);
	assert.equal(rowText(snapshot.rows[0]!), 'a日本b   ');
	// 9 columns hold four wide characters; the fifth wraps, leaving the last column blank.
	assert.equal(rowText(snapshot.rows[1]!), '日日日日 ');
	assert.equal(rowText(snapshot.rows[2]!).trimEnd(), '日'.repeat(4));
	screen.dispose();
});

test('screen - OSC 0 sets the title and shows nothing; OSC 52 and BEL are swallowed', async () => {
	const screen = new Screen({cols: 30, rows: 3});
	const titles: string[] = [];
	const replies: string[] = [];
	screen.onTitleChange(title => titles.push(title));
	screen.onReply(reply => replies.push(reply));
	screen.write(
		'a\u001B]0;my \u202Etitle\u0007b\u001B]52;c;aGVsbG8=\u0007c\u0007d\u001B]2;second\u001B\\e',
	);
	await screen.whenParsed();
	assert.deepEqual(lines(screen.snapshot()), ['abcde', '', '']);
	// The bidirectional override inside the title is dropped by sanitize().
	assert.deepEqual(titles, ['my title', 'second']);
	assert.equal(screen.title, 'second');
	assert.deepEqual(replies, []);
	assertShape(screen.snapshot());
	screen.dispose();
});

test('screen - device attribute and cursor position requests are answered through onReply', async () => {
	const screen = new Screen({cols: 20, rows: 5});
	const replies: string[] = [];
	screen.onReply(reply => replies.push(reply));
	screen.write('ab\u001B[6n\u001B[c');
	await screen.whenParsed();
	assert.equal(replies[0], '\u001B[1;3R');
	assert.match(replies[1] ?? '', /^\u001B\[\?[\d;]+c$/);
	screen.dispose();
});

test('screen - resize', async () => {
	const screen = await screenWith('hello');
	screen.resize(10, 3);
	let snapshot = screen.snapshot();
	assert.equal(snapshot.cols, 10);
	assert.equal(snapshot.rows.length, 3);
	assert.equal(rowText(snapshot.rows[0]!), 'hello     ');
	assertShape(snapshot);
	screen.resize(40, 8);
	snapshot = screen.snapshot();
	assert.equal(snapshot.rows.length, 8);
	assertShape(snapshot);
	assert.equal(screen.cols, 40);
	screen.dispose();
});

test('screen - 5 MB of "y\\n" in 64 KB chunks: parsed, last rows shown, scrollback bounded', async () => {
	const screen = new Screen({cols: 80, rows: 24, scrollback: 1000});
	const chunk = new TextEncoder().encode('y\n'.repeat(32 * 1024));
	const total = 5 * 1024 * 1024;
	for (let written = 0; written < total; written += chunk.length) {
		screen.write(chunk);
	}

	screen.write('\rdone');
	await screen.whenParsed();
	assert.equal(screen.pendingBytes, 0);
	assert.equal(screen.droppedBytes, 0);
	const snapshot = screen.snapshot();
	// A bare LF does not return the carriage (a TTY's ONLCR would have sent CR LF), so after the first line every
	// 'y' lands in the last column, as on any terminal.
	assert.deepEqual(
		snapshot.rows.map(row => rowText(row).trim()),
		[...Array.from({length: 23}, () => 'y'), 'done'],
	);
	assert.equal(rowText(snapshot.rows[0]!), ' '.repeat(79) + 'y');
	assert.ok(
		screen.bufferLength <= 24 + 1000,
		`buffer holds ${screen.bufferLength} lines`,
	);
	screen.dispose();
});

test('screen - a flood faster than the parser is dropped, bounded, and the screen recovers', async () => {
	const screen = new Screen({cols: 20, rows: 3, maxPendingBytes: 256 * 1024});
	const chunk = new TextEncoder().encode('y\n'.repeat(32 * 1024));
	let maxPending = 0;
	for (let index = 0; index < 80; index++) {
		screen.write(chunk);
		maxPending = Math.max(maxPending, screen.pendingBytes);
	}

	assert.ok(maxPending <= 256 * 1024, `pending reached ${maxPending}`);
	assert.ok(screen.droppedBytes > 0);
	await screen.whenParsed();
	assert.equal(screen.pendingBytes, 0);
	screen.dispose();
});

test('screen - after dropping, a sequence cut in half does not swallow what follows', async () => {
	const screen = new Screen({cols: 20, rows: 3, maxPendingBytes: 64 * 1024});
	const titles: string[] = [];
	screen.onTitleChange(title => titles.push(title));
	// Accepted (the queue was empty), but it ends inside an OSC; its end is then dropped.
	screen.write('y\r\n'.repeat(30_000) + '\u001B]0;abc');
	screen.write('def\u0007');
	assert.equal(screen.droppedBytes, 4);
	await screen.whenParsed();
	await screen.whenParsed();
	screen.write('\r\nvisible');
	await screen.whenParsed();
	assert.equal(lines(screen.snapshot()).at(-1), 'visible');
	assert.deepEqual(titles, []);
	screen.dispose();
});

test('screen - onChange is coalesced: many writes, few notifications', async () => {
	const screen = new Screen({cols: 20, rows: 5});
	let changes = 0;
	screen.onChange(() => changes++);
	for (let index = 0; index < 1000; index++) {
		screen.write(`line ${index}\r\n`);
	}

	await screen.whenParsed();
	await new Promise(resolve => {
		setTimeout(resolve, 60);
	});
	// A handful, not one per write: how many depends on how the parser's chunks fall on a loaded machine.
	assert.ok(
		changes >= 1 && changes <= 10,
		`${changes} notifications for 1000 writes`,
	);

	// Writes spread over ~200 ms: at most about one notification per 16 ms frame.
	changes = 0;
	const started = performance.now();
	let writes = 0;
	while (performance.now() - started < 200) {
		screen.write('x');
		writes++;
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 1);
		});
	}

	await screen.whenParsed();
	await new Promise(resolve => {
		setTimeout(resolve, 40);
	});
	const elapsed = performance.now() - started;
	assert.ok(changes >= 2, `${changes} notifications`);
	assert.ok(
		changes <= Math.ceil(elapsed / 16) + 2,
		`${changes} notifications for ${writes} writes in ${elapsed} ms`,
	);
	assert.ok(changes < writes);
	screen.dispose();
});

test('screen - unchanged screen gives the same snapshot, unchanged rows keep identity', async () => {
	const screen = await screenWith('a\r\nb\r\nc');
	const first = screen.snapshot();
	assert.equal(screen.snapshot(), first);
	screen.write('\u001B[5;1Hz');
	await screen.whenParsed();
	const second = screen.snapshot();
	assert.notEqual(second, first);
	assert.equal(second.rows[0], first.rows[0]);
	assert.equal(second.rows[1], first.rows[1]);
	assert.notEqual(second.rows[4], first.rows[4]);
	screen.dispose();
});

test('screen - blankSnapshot has the requested size', () => {
	const snapshot = blankSnapshot(12, 4);
	assert.equal(snapshot.rows.length, 4);
	assertShape(snapshot);
	assert.equal(snapshot.cursor.visible, false);
});

test('screen - writes after dispose are ignored', async () => {
	const screen = new Screen({cols: 20, rows: 5});
	screen.dispose();
	screen.write('late');
	await screen.whenParsed();
	assert.equal(screen.pendingBytes, 0);
});
