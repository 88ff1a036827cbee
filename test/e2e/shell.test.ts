import assert from 'node:assert/strict';
import fs from 'node:fs';
import {test} from 'node:test';
import {startSocketProxy} from '../helpers/socket-proxy.js';
import {type Dockpit, eventually} from '../helpers/pty.js';
import {e2eSession, filterTo, pause} from '../helpers/session.js';

const session = e2eSession();
const {fixtures} = session;

const ctrlBracket = '\u001D';
const ctrlW = '\u0017';
/**
Starts dockpit with the Containers pane filtered to one test's containers (the engine is shared): the ones made
with `hint`, which are named `dockpit-test-<hint>-<runId>-<n>`.
*/
async function open(
	hint: string,
	columns = 160,
	rows = 45,
	args: string[] = [],
) {
	const app = session.start({columns, rows, args});
	await app.waitFor('● live');
	await filterTo(app, `${hint}-${fixtures.runId}`);
	return app;
}

/**
Types a command into the focused shell pane, then Enter once the shell has echoed it (its last characters are
on screen), as a person would.
*/
async function type(app: Dockpit, text: string) {
	app.write(text);
	const tail = text.slice(-12);
	await app.waitFor(screen => screen.includes(tail));
	app.write('\r');
}

/**
Shell processes running in a container, as the engine lists them.
*/
async function shells(id: string): Promise<number> {
	const top = (await fixtures.docker.getContainer(id).top()) as {
		Processes?: string[][];
	};
	return (top.Processes ?? []).filter(process =>
		/\/bin\/(ba)?sh$/.test(process.at(-1) ?? ''),
	).length;
}

/**
The shell pane as drawn on the outer screen: its outer size, read from its border.
*/
function paneBox(screen: string): {width: number; height: number} {
	const lines = screen.split('\n').map(line => [...line]);
	for (const [top, line] of lines.entries()) {
		const text = line.join('');
		const at = text.indexOf('╭─ shell:');
		if (at === -1) {
			continue;
		}

		const left = [...text.slice(0, at)].length;
		const right = line.indexOf('╮', left);
		let bottom = top + 1;
		while (bottom < lines.length && lines[bottom]![left] !== '╰') {
			bottom++;
		}

		return {width: right - left + 1, height: bottom - top + 1};
	}

	assert.fail(`no shell pane on screen:\n${screen}`);
}

/**
The rows of the Containers list on screen (names are cut to the column, so tests count and point at rows).
*/
function listRows(screen: string): string[] {
	return screen.split('\n').filter(line => /^│[› ] dockpit-test-/.test(line));
}

/**
Which row of the list the cursor is on, or -1.
*/
function selectedRow(screen: string): number {
	return listRows(screen).findIndex(line => line.startsWith('│›'));
}

test('x opens a shell: typing, escape sequences kept from the terminal, live list, resize, Ctrl-], exit code', async () => {
	const main = await fixtures.container({hint: 'main'});
	await fixtures.container({hint: 'main'});
	const app = await open('main');
	await app.waitFor(
		screen => listRows(screen).length === 2 && selectedRow(screen) === 0,
	);

	app.write('x');
	await app.waitFor(`shell: ${main.name}`);
	await app.waitFor('/ #', 8000);
	await type(app, 'echo $((6*7))');
	await app.waitFor(/│42 +│/);

	// What the container writes never reaches the real terminal: title, clipboard, bell, clear.
	const mark = app.output().length;
	await type(
		app,
		"printf '\\033]0;hijack\\007\\033]52;c;aGlqYWNr\\007\\a\\033[2J'; echo cleared",
	);
	await app.waitFor(
		screen => /│cleared +│/.test(screen) && !/│42 +│/.test(screen),
	);
	await app.waitFor('shell: ' + main.name + ' · hijack');
	await pause(200);
	const written = app.output().slice(mark);
	assert.ok(
		!written.includes('\u001B]'),
		'no OSC sequence reached the terminal',
	);
	assert.ok(!written.includes('\u0007'), 'no bell reached the terminal');
	assert.ok(
		!written.includes('\u001B[2J'),
		'no screen clear reached the terminal',
	);

	// The list stays live while the shell has the keys. Typed just before, the pane's echo is drawn straight onto
	// the terminal while the list's frame comes through Ink: the screen ends up with both.
	app.write('echo typed-before');
	const newcomer = await fixtures.container({hint: 'main'});
	const both = await app.waitFor(screen => listRows(screen).length === 3, 5000);
	assert.ok(newcomer.id);
	await app.waitFor(/│\/ # echo typed-before +│/);
	await pause(400);
	assert.match(
		app.screen(),
		/│\/ # echo typed-before +│/,
		`the pane keeps what was typed after the list's frame; first seen:\n${both}`,
	);
	app.write('\u0015');
	await app.waitFor(screen => !screen.includes('typed-before'));

	// The shell's TTY is the pane's inside, on open (beside the list at 160 columns) and after a resize to 120
	// columns, which also moves the pane below the list.
	for (const [columns, rows, layout] of [
		[160, 45, /╮╭─ shell:/],
		[120, 40, /^╭─ shell:/m],
	] as const) {
		app.resize(columns, rows);
		// eslint-disable-next-line no-await-in-loop
		await app.waitFor(layout);
		// The new size goes to the engine (exec resize) beside the frame; nothing on screen says it arrived.
		// eslint-disable-next-line no-await-in-loop
		await pause(300);
		// eslint-disable-next-line no-await-in-loop
		await type(app, `clear; echo size-$((${columns}+0)) $(stty size)`);
		// eslint-disable-next-line no-await-in-loop
		const screen = await app.waitFor(new RegExp(`size-${columns} \\d+ \\d+`));
		const [, sttyRows, sttyColumns] = new RegExp(
			`size-${columns} (\\d+) (\\d+)`,
		).exec(screen)!;
		const box = paneBox(screen);
		assert.deepEqual(
			{columns: Number(sttyColumns), rows: Number(sttyRows)},
			{columns: box.width - 2, rows: box.height - 2},
			`stty size in a ${columns}x${rows} terminal`,
		);
	}

	// Ctrl-] gives the keys back: j moves the list; x on the same container goes back to its shell.
	app.write(ctrlBracket);
	await app.waitFor('Ctrl-] focus · z full screen · Ctrl-W close');
	app.write('j');
	await app.waitFor(screen => selectedRow(screen) === 1);
	app.write('k');
	await app.waitFor(screen => selectedRow(screen) === 0);
	app.write('x');
	await app.waitFor('Ctrl-] back to the dashboard');
	assert.equal(await shells(main.id), 1, 'still the one shell');

	// z: the pane takes the whole body (the lists hidden), and so does the shell's TTY; Ctrl-] brings them back.
	app.write(ctrlBracket);
	await app.waitFor('Ctrl-] focus');
	app.write('z');
	await app.waitFor(
		screen => !screen.includes('NAME') && screen.includes('Ctrl-] back to'),
	);
	// As above: the zoomed size reaches the engine with no sign on screen.
	await pause(300);
	await type(app, 'clear; echo zoomed $(stty size)');
	const zoomed = await app.waitFor(/zoomed \d+ \d+/);
	const [, zoomedRows, zoomedColumns] = /zoomed (\d+) (\d+)/.exec(zoomed)!;
	assert.deepEqual(
		{columns: Number(zoomedColumns), rows: Number(zoomedRows)},
		// 120x40: the body is 35 lines (40 less header, tab bar, status, footer and the last line).
		{columns: 118, rows: 33},
	);
	app.write(ctrlBracket);
	await app.waitFor(screen => selectedRow(screen) === 0);
	app.write('x');
	await app.waitFor('Ctrl-] back to the dashboard');

	await type(app, 'exit 3');
	// The line in the pane and its border's title may reach the screen in separate frames.
	await app.waitFor(
		screen =>
			screen.includes('[session ended: shell exited with code 3]') &&
			screen.includes('ended · Ctrl-W close'),
	);
	await eventually(
		async () => (await shells(main.id)) === 0,
		5000,
		'the shell is gone',
	);
	app.write(ctrlW);
	await app.waitFor(screen => !screen.includes('shell:'));
});

test('stopping the container from outside ends the session cleanly; the dashboard carries on', async () => {
	const target = await fixtures.container({hint: 'stop'});
	const app = await open('stop', 120, 40);
	await app.waitFor(screen => selectedRow(screen) === 0);
	app.write('x');
	await app.waitFor('/ #', 8000);
	await fixtures.cli('stop', target.name);
	// The engine kills the shell with the container: 137 (SIGKILL, the fixtures' stop signal).
	await app.waitFor(
		screen =>
			screen.includes('[session ended: container stopped (exit code 137)]') &&
			screen.includes('ended · Ctrl-W close'),
		8000,
	);
	await app.waitFor(
		screen => /exited \(137\)/.test(listRows(screen)[0] ?? ''),
		5000,
	);
	// The keys are the dashboard's again.
	app.write('x');
	await app.waitFor(`${target.name} is exited: a shell needs it running`);
});

test('the engine dropping the connection ends the session with a line saying so; the container keeps running', async () => {
	const target = await fixtures.container({hint: 'cut'});
	const proxy = await startSocketProxy();
	try {
		const app = await open('cut', 160, 45, ['--host', `unix://${proxy.path}`]);
		await app.waitFor(screen => selectedRow(screen) === 0);
		app.write('x');
		await app.waitFor('/ #', 8000);
		await proxy.cut();
		await app.waitFor(
			screen =>
				screen.includes('[session ended: connection to the engine lost]') &&
				screen.includes('ended · Ctrl-W close') &&
				screen.includes('reconnecting'),
			10_000,
		);
		const info = await fixtures.docker.getContainer(target.id).inspect();
		assert.equal(info.State.Running, true, 'only the connection went away');
		app.write(ctrlW);
		await app.waitFor(screen => !screen.includes('shell:'));
	} finally {
		await proxy.cut().catch(() => undefined);
	}
});

test('a flood (yes | head -c 5000000) does not block the dashboard keys, and memory stays bounded', async () => {
	const first = await fixtures.container({hint: 'flood'});
	const second = await fixtures.container({hint: 'flood'});
	const app = await open('flood');
	await app.waitFor(
		screen => listRows(screen).length === 2 && selectedRow(screen) === 0,
	);
	assert.ok(first.id && second.id);
	app.write('x');
	await app.waitFor('/ #', 8000);
	await type(app, 'yes | head -c 5000000; echo FLOOD$((40+2))');
	await pause(300);
	app.write(ctrlBracket);
	await app.waitFor('Ctrl-] focus');
	for (let round = 0; round < 3; round++) {
		const started = Date.now();
		app.write('j');
		// eslint-disable-next-line no-await-in-loop
		await app.waitFor(screen => selectedRow(screen) === 1, 2000);
		app.write('k');
		// eslint-disable-next-line no-await-in-loop
		await app.waitFor(screen => selectedRow(screen) === 0, 2000);
		assert.ok(Date.now() - started < 2000);
	}

	assert.ok(!app.screen().includes('FLOOD42'), 'the flood was still going');
	await app.waitFor('FLOOD42', 45_000);
	const rss = Number(
		/VmRSS:\s+(\d+) kB/.exec(
			fs.readFileSync(`/proc/${app.pid}/status`, 'utf8'),
		)?.[1],
	);
	assert.ok(
		rss < 400 * 1024,
		`dockpit uses ${Math.round(rss / 1024)} MB after the flood`,
	);
});

test('X attaches to the main process; closing the pane detaches and leaves the container running', async () => {
	const target = await fixtures.container({
		hint: 'attach',
		cmd: ['sh'],
		tty: true,
		openStdin: true,
	});
	const app = await open('attach', 120, 40);
	await app.waitFor(screen => selectedRow(screen) === 0);
	app.write('X');
	await app.waitFor(`attached: ${target.name}`);
	await type(app, 'echo at$((1+1))tached');
	await app.waitFor('at2tached', 5000);
	app.write(ctrlBracket);
	await app.waitFor('Ctrl-] focus · z full screen · Ctrl-W close');
	app.write(ctrlW);
	await app.waitFor(screen => !screen.includes('attached:'));
	await pause(1000);
	const info = await fixtures.docker.getContainer(target.id).inspect();
	assert.equal(info.State.Running, true, 'the container is still running');
});

test('quitting with a shell open hangs the shell up in the container', async () => {
	const target = await fixtures.container({hint: 'quit'});
	const app = await open('quit', 120, 40);
	await app.waitFor(screen => selectedRow(screen) === 0);
	app.write('x');
	await app.waitFor('/ #', 8000);
	assert.equal(await shells(target.id), 1);
	app.write(ctrlBracket);
	await app.waitFor('Ctrl-] focus');
	app.write('q');
	assert.equal((await app.exited).exitCode, 0);
	await eventually(
		async () => (await shells(target.id)) === 0,
		5000,
		'the shell is gone',
	);
});

test('an -it run from the run form attaches the pane to the new container, and Ctrl-P Ctrl-Q detaches', async () => {
	const name = fixtures.name('it');
	try {
		const app = session.start({columns: 160, rows: 45});
		await app.waitFor('● live');
		app.write('2');
		await app.waitFor('REPOSITORY:TAG');
		await filterTo(app, 'dockpit-test/busybox:local');
		app.write('r');
		await app.waitFor('Run a container from dockpit-test/busybox:local');
		// The name and seven Tabs in one write (Name → Command → Ports → Env → Volumes → Restart → --rm → -it):
		// the input router loses none of them.
		app.write(name + '\t'.repeat(7));

		await app.waitFor(/› \[ \] Interactive with a TTY/);
		app.write(' ');
		await app.waitFor(/› \[x\] Interactive with a TTY/);
		app.write('\r');
		await app.waitFor(`attached: ${name}`, 10_000);
		const info = await fixtures.docker.getContainer(name).inspect();
		assert.equal(info.Config.Tty, true);
		assert.equal(info.Config.OpenStdin, true);
		await type(app, 'echo $((6*7))');
		await app.waitFor(/│42 +│/, 5000);
		app.write('\u0010\u0011');
		await app.waitFor(/attached: .* · ended/, 5000);
		const after = await fixtures.docker.getContainer(name).inspect();
		assert.equal(
			after.State.Running,
			true,
			'detaching leaves the container running',
		);
	} finally {
		await fixtures.docker
			.getContainer(name)
			.remove({force: true})
			.catch(() => undefined);
	}
});
