import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {key} from '../helpers/pty.js';
import {startRecordingProxy} from '../helpers/recording-proxy.js';
import {e2eSession, filterTo, pause, typeText} from '../helpers/session.js';

const {fixtures, start} = e2eSession();

// The first 30 pairs of lines at once (more than the pane's 36 rows), then a pair every 0.3 s.
const chatty = [
	'sh',
	'-c',
	'i=0; while true; do i=$((i+1)); echo "out line $i"; echo "err line $i" >&2; [ $i -lt 30 ] || sleep 0.3; done',
];

async function open(hint: string, args: string[] = []) {
	const app = start({columns: 160, rows: 45, args});
	await app.waitFor('● live');
	await filterTo(app, `${hint}-${fixtures.runId}`);
	return app;
}

test('Logs: stdout and stderr of a live container, search with n, following across a restart with a marker', async () => {
	const {id} = await fixtures.container({hint: 'ilogs', cmd: chatty});
	const app = await open('ilogs');
	app.write('l');
	await app.waitFor(/err line 3/, 10_000);
	await app.waitFor(/out line 3/);
	// stderr is drawn in its own colour (bright red).
	assert.match(app.output(), /\u001B\[91merr line \d/);
	// Following, with line 2 off screen (the first 60 lines came at once). n walks older matches from the one a
	// search found; while every match is on screen it moves nothing, so the test must not search before this.
	await app.waitFor(
		screen =>
			/following/.test(screen) &&
			/out line [3-9]\d/.test(screen) &&
			!/out line 2\b/.test(screen),
	);
	app.write('/');
	await app.waitFor('Enter search');
	await typeText(app, 'line 2');
	app.write(key.enter);
	await app.waitFor(/search "line 2"/);
	// Older matches (line 29 to 20, then line 2, off screen): the view scrolls back to line 2, which pauses
	// following.
	app.write('n'.repeat(30));
	await app.waitFor(
		screen => /paused · G follows/.test(screen) && /out line 2\b/.test(screen),
	);
	app.write('G');
	await app.waitFor(/following/);
	await fixtures.cli('restart', '-t', '1', id);
	await app.waitFor(/the container started again/, 15_000);
	const screen = await app.waitFor(/exited \(code 137\)|exited \(code \d+\)/);
	assert.match(screen, /exited \(code \d+\)/);
});

/**
`docker logs NAME`, as the CLI gives it: stdout and stderr into one file (`> FILE 2>&1`, the frames in the order
they came), or one of the two alone.
*/
function cliLogs(name: string, which: 'both' | 'stdout' | 'stderr'): Buffer {
	const file = path.join(
		fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-cli-logs-')),
		'out',
	);
	const fd = fs.openSync(file, 'w');
	try {
		const nul = fs.openSync('/dev/null', 'w');
		const result = spawnSync('docker', ['logs', name], {
			stdio: [
				'ignore',
				which === 'stderr' ? nul : fd,
				which === 'stdout' ? nul : fd,
			],
		});
		fs.closeSync(nul);
		assert.equal(result.status, 0, 'docker logs ran');
	} finally {
		fs.closeSync(fd);
	}

	return fs.readFileSync(file);
}

test('Ctrl-S saves the whole log (not only the ring) to a file equal to docker logs; a bad path and an existing file are asked about first', async () => {
	// 1,500 numbered stdout lines and every fifth number on stderr, in bursts a moment apart, then a last line.
	const {name} = await fixtures.container({
		hint: 'isave',
		cmd: [
			'sh',
			'-c',
			'i=0; while [ $i -lt 1500 ]; do i=$((i+1)); echo "out line $i"; [ $((i%5)) -eq 0 ] && echo "err line $i" >&2; [ $((i%100)) -eq 0 ] && sleep 0.05; done; echo "all written"; sleep 600',
		],
	});
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-save-'));
	const file = path.join(folder, 'saved.log');
	const app = await open('isave');
	app.write('l');
	await app.waitFor('all written', 15_000);
	const clear = '\u0015'; // Ctrl-U empties the field.
	app.write('\u0013'); // Ctrl-S
	await app.waitFor(`Save the whole log of ${name}`);
	assert.match(app.screen(), new RegExp(`Save to\\s+\\./${name}\\.log`));
	app.write(clear);
	await typeText(app, '/no/such/folder/x.log');
	app.write(key.enter);
	await app.waitFor('the folder /no/such/folder does not exist');
	app.write(clear);
	await typeText(app, file);
	app.write(key.enter);
	const done = await app.waitFor(
		/Saved the log of \S+ to \S+: [\d.]+ ?[kM]?B in \d/,
		15_000,
	);
	assert.match(done, new RegExp(`docker logs ${name}`));
	const saved = fs.readFileSync(file);
	// Byte for byte what `docker logs NAME > FILE 2>&1` writes (the engine's frames in their order) …
	assert.deepEqual(saved, cliLogs(name, 'both'));
	// … and, taken apart, its stdout lines are docker logs' stdout and its stderr lines docker logs' stderr.
	const lines = saved.toString('utf8').split('\n').slice(0, -1);
	const out = lines.filter(line => !line.startsWith('err line'));
	const error = lines.filter(line => line.startsWith('err line'));
	assert.equal(out.join('\n') + '\n', cliLogs(name, 'stdout').toString());
	assert.equal(error.join('\n') + '\n', cliLogs(name, 'stderr').toString());
	assert.equal(out.length, 1501);
	assert.equal(error.length, 300);
	assert.equal(out[0], 'out line 1', 'from the first line, not the ring');
	// Saving there again asks first; Esc leaves the file as it was.
	app.write(key.escape); // The progress overlay.
	await app.waitFor(/following/);
	app.write('\u0013');
	await app.waitFor(`Save the whole log of ${name}`);
	app.write(clear);
	await typeText(app, file);
	app.write(key.enter);
	await app.waitFor(/exists: tick/);
	fs.writeFileSync(file, 'kept');
	app.write(key.escape);
	await app.waitFor(/following/);
	assert.equal(fs.readFileSync(file, 'utf8'), 'kept');
	fs.rmSync(folder, {recursive: true, force: true});
});

test('marked rows: l shows their logs interleaved by the engine timestamps, each prefixed with its name, one stream each', async () => {
	const script = (who: string, offset: string) =>
		`sleep ${offset}; i=0; while [ $i -lt 8 ]; do i=$((i+1)); echo "${who} says $i"; sleep 0.4; done; sleep 600`;
	const first = await fixtures.container({
		hint: 'imulti',
		cmd: ['sh', '-c', script('alpha', '0')],
	});
	const second = await fixtures.container({
		hint: 'imulti',
		cmd: ['sh', '-c', script('beta', '0.2')],
	});
	const proxy = await startRecordingProxy();
	try {
		const app = await open('imulti', ['--host', `unix://${proxy.path}`]);
		await app.waitFor(new RegExp(`${second.name}`));
		app.write(' ');
		await app.waitFor('1 marked');
		app.write(' ');
		await app.waitFor('2 marked');
		app.write('l');
		await app.waitFor('2 marked containers');
		const screen = await app.waitFor(
			text => /alpha says 8/.test(text) && /beta says 8/.test(text),
			20_000,
		);
		// The order the engine's timestamps give, from docker logs -t of both.
		const stamped = async (name: string) =>
			(await fixtures.cli('logs', '-t', name))
				.split('\n')
				.filter(Boolean)
				.map(line => {
					const space = line.indexOf(' ');
					return {stamp: line.slice(0, space), text: line.slice(space + 1)};
				});
		const expected = [
			...(await stamped(first.name)),
			...(await stamped(second.name)),
		]
			.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0))
			.map(line => line.text);
		const shown = [...screen.matchAll(/(\S+)\s+\| ((?:alpha|beta) says \d+)/g)];
		assert.deepEqual(
			shown.map(match => match[2]),
			expected,
		);
		// Each line's prefix names its container (the middle of a long name is cut).
		for (const match of shown) {
			const owner = match[2]!.startsWith('alpha') ? first.name : second.name;
			assert.ok(
				owner.endsWith(match[1]!.split('…').at(-1)!),
				`${match[1]} names ${owner}`,
			);
		}

		const logStreams = proxy
			.inFlight()
			.filter(request => /\/containers\/[^/]+\/logs\?/.test(request.url));
		assert.equal(logStreams.length, 2, 'one log stream per marked container');
	} finally {
		await proxy.close();
	}
});

test('Stats shows numbers; Diff shows a file created and one removed in the container, and what a commit keeps', async () => {
	const {id} = await fixtures.container({
		hint: 'istats',
		cmd: ['sleep', '600'],
	});
	await fixtures.cli(
		'exec',
		id,
		'sh',
		'-c',
		'echo hi > /tmp/made-by-test && rm /bin/vi',
	);
	const app = await open('istats');
	app.write('l');
	await app.waitFor(/ Logs .*istats/);
	app.write(']');
	const stats = await app.waitFor(/CPU\s+\d+\.\d %/, 10_000);
	assert.match(stats, /MEM\s+\d[\d.]*[kMG]?B \/ \d/);
	assert.match(stats, /PIDS\s+\d/);
	for (let index = 0; index < 4; index++) {
		app.write(']');
		// eslint-disable-next-line no-await-in-loop
		await pause(100);
	}

	const diff = await app.waitFor(/made-by-test/, 10_000);
	assert.match(diff, /A\s+made-by-test/);
	assert.match(diff, /D\s+vi/);
	assert.match(diff, /what c \(commit\) would put into a new image/);
});

test('moving the selection through 30 containers keeps at most one log stream open (recording proxy)', async () => {
	await Promise.all(
		Array.from({length: 30}, async () =>
			fixtures.container({
				hint: 'isweep',
				cmd: ['sh', '-c', 'echo hello; sleep 600'],
			}),
		),
	);
	const proxy = await startRecordingProxy();
	try {
		const app = await open('isweep', ['--host', `unix://${proxy.path}`]);
		app.write('l');
		await app.waitFor(/ Logs .*isweep/);
		await app.waitFor('hello', 10_000);
		app.write(key.escape);
		await app.waitFor('l/i focus');
		const logStreams = () =>
			proxy
				.inFlight()
				.filter(request => /\/containers\/[^/]+\/logs\?/.test(request.url))
				.length;
		let most = logStreams();
		const before = proxy.requests.filter(request =>
			/\/logs\?/.test(request.url),
		).length;
		for (let index = 0; index < 29; index++) {
			app.write('j');
			// A person holding j: faster than the settle time.
			// eslint-disable-next-line no-await-in-loop
			await pause(40);
			most = Math.max(most, logStreams());
		}

		await app.waitFor('hello', 10_000);
		await pause(500);
		most = Math.max(most, logStreams());
		const opened =
			proxy.requests.filter(request => /\/logs\?/.test(request.url)).length -
			before;
		assert.ok(most <= 1, `at most one log stream at a time, saw ${most}`);
		assert.equal(logStreams(), 1);
		assert.ok(opened <= 5, `sweeping 29 rows opened ${opened} log streams`);
		assert.equal(
			proxy.inFlight().filter(request => /\/stats\?/.test(request.url)).length,
			0,
		);
	} finally {
		await proxy.close();
	}
});
