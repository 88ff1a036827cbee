import assert from 'node:assert/strict';
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
