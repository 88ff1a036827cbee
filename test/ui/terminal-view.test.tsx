/** @jsxRuntime automatic @jsxImportSource react */
import process from 'node:process';
import test from 'node:test';
import assert from 'node:assert/strict';
import type {TerminalSession} from '../../source/engine/types.js';
import {Screen, type ScreenSnapshot} from '../../source/terminal/screen.js';

// Chalk decides on colour support when it is first imported, and test output is not a TTY: force truecolour before
// Ink (and so chalk) is loaded, so that frames carry the SGR codes the tests look at. FORCE_COLOR alone is not
// enough: with TERM=xterm chalk still settles for 16 colours.
process.env['FORCE_COLOR'] = '3';
process.env['COLORTERM'] = 'truecolor';
const {Box, Text} = await import('ink');
const {render} = await import('ink-testing-library');
const {default: TerminalView} =
	await import('../../source/ui/components/terminal-view.js');
const {default: useTerminalScreen} =
	await import('../../source/ui/hooks/use-terminal-screen.js');
const {useRawInput} = await import('../../source/ui/hooks/use-input-router.js');
const {useCallback, useRef} = await import('react');

// eslint-disable-next-line no-control-regex
const notSgr = /\u001B(?!\[[\d;]*m)/;

async function snapshotOf(
	data: string,
	cols = 20,
	rows = 3,
): Promise<{snapshot: ScreenSnapshot; title: string}> {
	const screen = new Screen({cols, rows});
	screen.write(data);
	await screen.whenParsed();
	const result = {snapshot: screen.snapshot(), title: screen.title};
	screen.dispose();
	return result;
}

async function waitFor(
	predicate: () => boolean,
	what: string,
	timeout = 2000,
): Promise<void> {
	const started = Date.now();
	while (!predicate()) {
		if (Date.now() - started > timeout) {
			assert.fail(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replaceAll(/\u001B\[[\d;]*m/g, '');

test('TerminalView - renders rows, colours and the title in the border', async () => {
	const {snapshot} = await snapshotOf(
		'\u001B[31mred\u001B[0m plain\r\n\u001B[1;44mbold on blue\u001B[0m',
	);
	const {lastFrame, unmount} = render(
		<TerminalView
			snapshot={snapshot}
			focused={false}
			width={22}
			height={5}
			title="web-1"
		/>,
	);
	const frame = lastFrame() ?? '';
	const plain = stripAnsi(frame).split('\n');
	assert.equal(plain[0], '╭─ web-1 ────────────╮');
	assert.equal(plain[1], '│red plain           │');
	assert.equal(plain[2], '│bold on blue        │');
	assert.equal(plain[3], '│                    │');
	assert.equal(plain[4], '╰────────────────────╯');
	assert.ok(frame.includes('\u001B[31mred\u001B[39m'), JSON.stringify(frame));
	assert.ok(frame.includes('\u001B[44m'), 'blue background');
	assert.ok(frame.includes('\u001B[1m'), 'bold');
	unmount();
});

test('TerminalView - 256-colour and RGB runs reach Ink as colours', async () => {
	const {snapshot} = await snapshotOf(
		'\u001B[38;5;208mo\u001B[38;2;255;0;128mp\u001B[0m',
	);
	const {lastFrame, unmount} = render(
		<TerminalView snapshot={snapshot} focused={false} width={22} height={5} />,
	);
	const frame = lastFrame() ?? '';
	assert.ok(frame.includes('\u001B[38;5;208mo'), JSON.stringify(frame));
	assert.ok(frame.includes('\u001B[38;2;255;0;128mp'), JSON.stringify(frame));
	unmount();
});

test('TerminalView - escape sequences from the container never reach the frame', async () => {
	const {snapshot, title} = await snapshotOf(
		'before\u001B]0;hijack\u0007\u001B[2J\u001B[Hvisible\u001B]52;c;aGk=\u0007\u0007\u001B]8;;http://x\u0007link',
	);
	assert.equal(title, 'hijack');
	const {lastFrame, unmount} = render(
		<TerminalView
			focused
			snapshot={snapshot}
			width={22}
			height={5}
			title={title}
		/>,
	);
	const frame = lastFrame() ?? '';
	assert.ok(stripAnsi(frame).includes('visiblelink'), JSON.stringify(frame));
	assert.ok(!frame.includes('before'), 'the screen was cleared');
	assert.ok(!frame.includes(']0;hijack'));
	assert.ok(!frame.includes('\u001B]'));
	assert.ok(!frame.includes('\u001B[2J'));
	assert.ok(!frame.includes('\u0007'));
	assert.doesNotMatch(frame, notSgr);
	// The title is shown as text in the border, not set on the terminal.
	assert.ok(stripAnsi(frame).startsWith('╭─ hijack ─'));
	unmount();
});

test('TerminalView - control characters in a snapshot are drawn as spaces', () => {
	const run = {
		width: 8,
		bold: false,
		dim: false,
		italic: false,
		underline: false,
		inverse: false,
		strikethrough: false,
	};
	const snapshot: ScreenSnapshot = {
		cols: 8,
		rows: [[{...run, text: 'a\u001B[2Jb\u0007'}]],
		cursor: {x: 0, y: 0, visible: false},
		alternateScreen: false,
	};
	const {lastFrame, unmount} = render(
		<TerminalView
			snapshot={snapshot}
			focused={false}
			width={10}
			height={3}
			title={'\u001B]0;x\u0007t'}
		/>,
	);
	const frame = lastFrame() ?? '';
	assert.doesNotMatch(frame, notSgr);
	assert.ok(!frame.includes('\u0007'));
	assert.ok(stripAnsi(frame).includes('│a [2Jb  │'), JSON.stringify(frame));
	unmount();
});

test('TerminalView - cursor drawn as an inverse cell only when focused and visible', async () => {
	const {snapshot} = await snapshotOf('$ ls\u001B[1;3H');
	const focused = render(
		<TerminalView focused snapshot={snapshot} width={22} height={5} />,
	);
	assert.ok(
		(focused.lastFrame() ?? '').includes('\u001B[7ml\u001B[27m'),
		JSON.stringify(focused.lastFrame()),
	);
	focused.unmount();

	const unfocused = render(
		<TerminalView snapshot={snapshot} focused={false} width={22} height={5} />,
	);
	assert.ok(!(unfocused.lastFrame() ?? '').includes('\u001B[7m'));
	unfocused.unmount();

	const hidden = await snapshotOf('$ ls\u001B[?25l');
	const hiddenView = render(
		<TerminalView focused snapshot={hidden.snapshot} width={22} height={5} />,
	);
	assert.ok(!(hiddenView.lastFrame() ?? '').includes('\u001B[7m'));
	hiddenView.unmount();
});

test('TerminalView - wide characters keep the border aligned', async () => {
	const {snapshot} = await snapshotOf('日本語 ok');
	const {lastFrame, unmount} = render(
		<TerminalView snapshot={snapshot} focused={false} width={22} height={5} />,
	);
	const plain = stripAnsi(lastFrame() ?? '').split('\n');
	assert.equal(plain[1], '│日本語 ok           │');
	unmount();
});

// A TerminalSession double: records what the hook writes and resizes, and lets the test play the container.
function createFakeSession() {
	const dataListeners = new Set<(data: Uint8Array) => void>();
	const endListeners = new Set<
		(end: {readonly reason: string; readonly exitCode?: number}) => void
	>();
	const writes: string[] = [];
	const resizes: Array<{columns: number; rows: number}> = [];
	let closed = false;
	const session: TerminalSession = {
		onData(listener) {
			dataListeners.add(listener);
			return () => dataListeners.delete(listener);
		},
		onEnd(listener) {
			endListeners.add(listener);
			return () => endListeners.delete(listener);
		},
		write(data) {
			writes.push(
				typeof data === 'string' ? data : new TextDecoder().decode(data),
			);
		},
		async resize(size) {
			resizes.push({columns: size.columns, rows: size.rows});
		},
		close() {
			closed = true;
		},
	};
	return {
		session,
		writes,
		resizes,
		output(text: string) {
			const bytes = new TextEncoder().encode(text);
			for (const listener of dataListeners) {
				listener(bytes);
			}
		},
		end(end: {reason: string; exitCode?: number}) {
			for (const listener of endListeners) {
				listener(end);
			}
		},
		listeners: () => dataListeners.size + endListeners.size,
		isClosed: () => closed,
	};
}

type PaneProps = {
	readonly session: TerminalSession | undefined;
	readonly columns: number;
	readonly rows: number;
	readonly focused?: boolean;
	readonly onEscape?: () => void;
};

/**
The pane with what is typed while `focused` fed to it raw, as the input router does in the app.
*/
function Pane({session, columns, rows, focused = false, onEscape}: PaneProps) {
	const listeners = useRef(new Set<(raw: string) => void>());
	useRawInput(raw => {
		for (const listener of listeners.current) {
			listener(raw);
		}
	}, focused);
	const input = useCallback((listener: (raw: string) => void) => {
		listeners.current.add(listener);
		return () => {
			listeners.current.delete(listener);
		};
	}, []);
	const {snapshot, title, ended} = useTerminalScreen(
		session,
		{columns, rows},
		{input, ...(onEscape ? {onEscape} : {})},
	);
	return (
		<Box flexDirection="column">
			<TerminalView
				snapshot={snapshot}
				focused={focused}
				width={columns + 2}
				height={rows + 2}
				title={title === '' ? 'shell' : title}
			/>
			<Text>
				{ended ? `ended: ${ended.reason} ${ended.exitCode ?? '-'}` : 'running'}
			</Text>
		</Box>
	);
}

const tick = async () =>
	new Promise(resolve => {
		setTimeout(resolve, 20);
	});

test('useTerminalScreen - output flows in, replies flow out, size reaches the session', async () => {
	const fake = createFakeSession();
	const {lastFrame, rerender, unmount} = render(
		<Pane session={fake.session} columns={20} rows={4} />,
	);
	await tick();
	assert.deepEqual(fake.resizes, [{columns: 20, rows: 4}]);

	fake.output('hello\r\n\u001B[32m$\u001B[0m \u001B]0;box: ~\u0007');
	await waitFor(
		() => stripAnsi(lastFrame() ?? '').includes('│$ '),
		'the prompt',
	);
	const plain = stripAnsi(lastFrame() ?? '').split('\n');
	assert.equal(plain[0], '╭─ box: ~ ───────────╮');
	assert.equal(plain[1], '│hello               │');
	assert.ok((lastFrame() ?? '').includes('\u001B[32m$'));

	fake.output('\u001B[6n');
	await waitFor(() => fake.writes.length > 0, 'the cursor position reply');
	assert.deepEqual(fake.writes, ['\u001B[2;3R']);

	rerender(<Pane session={fake.session} columns={30} rows={6} />);
	await waitFor(() => fake.resizes.length === 2, 'the resize');
	assert.deepEqual(fake.resizes[1], {columns: 30, rows: 6});
	await waitFor(
		() =>
			stripAnsi(lastFrame() ?? '').split('\n')[1] ===
			`│hello${' '.repeat(25)}│`,
		'the wider pane',
	);
	assert.equal(stripAnsi(lastFrame() ?? '').split('\n').length, 9);

	unmount();
	assert.equal(fake.listeners(), 0);
	assert.equal(fake.isClosed(), false);
});

test('useTerminalScreen - the end of the session is written into the screen and exposed', async () => {
	const fake = createFakeSession();
	const {lastFrame, stdin, unmount} = render(
		<Pane focused session={fake.session} columns={60} rows={4} />,
	);
	await tick();
	fake.output('$ exit\r\n');
	fake.end({reason: 'process exited', exitCode: 3});
	await waitFor(
		() => (lastFrame() ?? '').includes('ended: process exited 3'),
		'the ended state',
	);
	await waitFor(
		() =>
			stripAnsi(lastFrame() ?? '').includes(
				'[session ended: process exited (exit code 3)]',
			),
		'the end line',
	);
	assert.ok(
		(lastFrame() ?? '').includes('\u001B[2m[session ended'),
		'the end line is dim',
	);

	// Keys typed after the end are not sent.
	stdin.write('ls\r');
	await tick();
	assert.deepEqual(fake.writes, []);
	unmount();
});

test('useTerminalScreen - focused: typed sequences go to the session raw, the escape key does not', async () => {
	const fake = createFakeSession();
	let escapes = 0;
	const onEscape = () => {
		escapes++;
	};

	const {stdin, rerender, unmount} = render(
		<Pane
			focused
			session={fake.session}
			columns={20}
			rows={4}
			onEscape={onEscape}
		/>,
	);
	await tick();

	stdin.write('ls -l\r');
	stdin.write('\u001B[A');
	stdin.write('\u001Bb');
	stdin.write('\u001B[15~');
	stdin.write('\u0003');
	stdin.write('\u007F');
	await tick();
	assert.deepEqual(fake.writes, [
		'ls -l\r',
		'\u001B[A',
		'\u001Bb',
		'\u001B[15~',
		'\u0003',
		'\u007F',
	]);

	// A lone ESC (vi leaving insert mode) is sent once Ink has seen nothing follows it.
	fake.writes.length = 0;
	stdin.write('\u001B');
	await waitFor(() => fake.writes.length > 0, 'the lone escape');
	assert.deepEqual(fake.writes, ['\u001B']);

	// The program switches to application cursor keys (vi, less): arrows follow.
	fake.writes.length = 0;
	fake.output('\u001B[?1h');
	await tick();
	stdin.write('\u001B[A');
	await tick();
	assert.deepEqual(fake.writes, ['\u001BOA']);

	fake.writes.length = 0;
	stdin.write('\u001D');
	await tick();
	assert.equal(escapes, 1);
	assert.deepEqual(fake.writes, []);

	// Not focused: nothing is sent.
	rerender(
		<Pane session={fake.session} columns={20} rows={4} onEscape={onEscape} />,
	);
	await tick();
	stdin.write('q');
	await tick();
	assert.deepEqual(fake.writes, []);
	unmount();
});

test('useTerminalScreen - a new session gets a fresh screen and the old one is let go', async () => {
	const first = createFakeSession();
	const second = createFakeSession();
	const {lastFrame, rerender, unmount} = render(
		<Pane session={first.session} columns={20} rows={3} />,
	);
	await tick();
	first.output('first');
	await waitFor(() => (lastFrame() ?? '').includes('first'), 'first output');

	rerender(<Pane session={second.session} columns={20} rows={3} />);
	await tick();
	assert.equal(first.listeners(), 0);
	assert.ok(second.listeners() > 0);
	assert.ok(!(lastFrame() ?? '').includes('first'));
	second.output('second');
	await waitFor(() => (lastFrame() ?? '').includes('second'), 'second output');

	rerender(<Pane session={undefined} columns={20} rows={3} />);
	await tick();
	assert.equal(second.listeners(), 0);
	assert.ok(!(lastFrame() ?? '').includes('second'));
	unmount();
});
