import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, test} from 'node:test';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {keys, renderApp, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const webId = 'a'.repeat(64);
const document = {
	Id: webId,
	Name: '/web',
	State: {
		Status: 'running',
		Running: true,
		Health: {
			Status: 'unhealthy',
			FailingStreak: 3,
			Log: [
				{
					Start: '2026-12-02T16:00:00.000Z',
					End: '2026-12-02T16:00:00.020Z',
					ExitCode: 1,
					Output:
						'connection refused\u001B]0;pwned\u0007 on :80\nsecond line\n',
				},
			],
		},
	},
	Config: {
		Image: 'busybox:local',
		Env: ['PATH=/bin', 'DB_PASSWORD=hunter2'],
		Healthcheck: {
			Test: ['CMD-SHELL', 'wget -q -O- localhost'],
			Interval: 1_000_000_000,
			Retries: 1,
		},
		Labels: {'team/owner': 'web', deep: 'x'},
	},
	NetworkSettings: {
		Ports: {
			'80/tcp': [
				{HostIp: '0.0.0.0', HostPort: '8080'},
				{HostIp: '::', HostPort: '8080'},
			],
			'443/tcp': null,
		},
	},
};

function start() {
	const engine = createFakeEngine({
		containers: [
			container({
				id: webId,
				name: 'web',
				status: 'Up 2 minutes (unhealthy)',
				ports: [
					{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
					{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'},
					{
						privatePort: 9000,
						publicPort: 9000,
						ip: '127.0.0.1',
						protocol: 'tcp',
					},
				],
			}),
			container({
				id: 'b'.repeat(64),
				name: 'ok',
				status: 'Up 1 minute (healthy)',
			}),
			container({
				id: 'c'.repeat(64),
				name: 'warming',
				status: 'Up 3 seconds (health: starting)',
			}),
		],
	});
	engine.inspector.raw.set(webId, document);
	const copied: string[] = [];
	const app = renderApp(engine, {
		clipboard: {
			copy(text) {
				copied.push(text);
			},
		},
	});
	cleanups.push(app.cleanup);
	return {...app, engine, copied};
}

test('STATE says the health of containers with a healthcheck', async () => {
	const {lastFrame} = start();
	const frame = await waitForFrame(lastFrame, text => /web\s/.test(text));
	assert.match(frame, /web\s+busybox:local\s+unhealthy/);
	assert.match(frame, /ok\s+busybox:local\s+healthy/);
	assert.match(frame, /warming\s+busybox:local\s+starting/);
});

test('Config: health with the last probes, ports with their host address, then the document', async () => {
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, text => /› ok/.test(text));
	stdin.write('G');
	await waitForFrame(lastFrame, text => /› web/.test(text));
	stdin.write('i');
	// Full height: the pane below the list is short at 24 rows.
	stdin.write('z');
	const frame = await waitForFrame(lastFrame, text =>
		/HEALTH\s+unhealthy · 3 failing in a row/.test(text),
	);
	assert.match(frame, /wget -q -O- localhost\s+\(shell, every 1s, 1 retry\)/);
	assert.match(frame, /16:00:00\s+exit 1\s+20ms\s+connection refused on :80/);
	assert.match(frame, /second line/);
	// The probe's output is untrusted: its escape sequence never reaches the screen.
	assert.doesNotMatch(lastFrame() ?? '', /pwned/);
	assert.match(
		frame,
		/PORTS\s+0\.0\.0\.0:8080 → 80\/tcp\s+http:\/\/localhost:8080/,
	);
	assert.match(frame, /\[::\]:8080 → 80\/tcp/);
	assert.match(frame, /"Name": "\/web"/);
});

test('Config: j/k move, Enter folds and unfolds, h goes up and folds, / finds inside a folded node, y copies', async () => {
	const {lastFrame, stdin, copied} = start();
	await waitForFrame(lastFrame, text => /› ok/.test(text));
	stdin.write('G');
	await waitForFrame(lastFrame, text => /› web/.test(text));
	stdin.write('i');
	stdin.write('z');
	await waitForFrame(lastFrame, text => /"Id": /.test(text));
	// Down to "State" and fold it.
	stdin.write('jjj');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /"State": \{…\},\s+3 keys/.test(text));
	assert.doesNotMatch(lastFrame() ?? '', /"Running": true/);
	assert.match(lastFrame() ?? '', /1 folded/);
	// Enter again unfolds.
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /"Running": true/.test(text));
	// Fold it back, then search for something inside it: the fold opens and the cursor lands on the match.
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /"State": \{…\}/.test(text));
	stdin.write('/');
	await waitForFrame(lastFrame, text => /Enter search/.test(text));
	stdin.write('FailingStreak');
	await waitForFrame(lastFrame, text => /FailingStreak\s+text/.test(text));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /"FailingStreak": 3,/.test(text));
	assert.match(lastFrame() ?? '', /search "FailingStreak"/);
	// y copies the value under the cursor.
	stdin.write('y');
	await waitForFrame(lastFrame, text =>
		/Copied State\.Health\.FailingStreak/.test(text),
	);
	assert.deepEqual(copied, ['3']);
	// h on a scalar goes up to its node; h again folds it; y copies the node as JSON.
	stdin.write('h');
	stdin.write('h');
	await waitForFrame(lastFrame, text => /"Health": \{…\}\s+3 keys/.test(text));
	stdin.write('y');
	await waitForFrame(lastFrame, () => copied.length === 2);
	assert.deepEqual(
		JSON.parse(copied[1]!),
		(document.State as {Health: unknown}).Health,
	);
	// A key with a slash in it (JSON Pointer ~1), and a string copied as it is.
	stdin.write('/');
	await waitForFrame(lastFrame, text => /Enter search/.test(text));
	stdin.write('\u0015team/owner');
	await waitForFrame(lastFrame, text => /team\/owner\s+text/.test(text));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /"team\/owner": "web"/.test(text));
	stdin.write('y');
	await waitForFrame(lastFrame, () => copied.length === 3);
	assert.equal(copied[2], 'web');
	// A masked value is copied as shown.
	stdin.write('/');
	await waitForFrame(lastFrame, text => /Enter search/.test(text));
	stdin.write('\u0015DB_PASS');
	await waitForFrame(lastFrame, text => /DB_PASS\s+text/.test(text));
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text => /search "DB_PASS"/.test(text));
	stdin.write('y');
	await waitForFrame(lastFrame, () => copied.length === 4);
	assert.equal(copied[3], 'DB_PASSWORD=••••');
});

test('o: several ports ask which one; $BROWSER gets the URL and its output never shows; no port says so', async () => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-browser-'));
	const opened = path.join(directory, 'opened');
	const script = path.join(directory, 'browser.sh');
	fs.writeFileSync(
		script,
		`#!/bin/sh\necho "$1" >> ${opened}\necho noise on stdout\necho noise on stderr >&2\n`,
		{mode: 0o755},
	);
	const previous = process.env['BROWSER'];
	process.env['BROWSER'] = script;
	cleanups.push(() => {
		if (previous === undefined) {
			delete process.env['BROWSER'];
		} else {
			process.env['BROWSER'] = previous;
		}

		fs.rmSync(directory, {recursive: true, force: true});
	});
	const {lastFrame, stdin} = start();
	await waitForFrame(lastFrame, text => /› ok/.test(text));
	stdin.write('G');
	await waitForFrame(lastFrame, text => /› web/.test(text));
	stdin.write('o');
	const frame = await waitForFrame(lastFrame, text =>
		/Open a port of web/.test(text),
	);
	assert.match(
		frame,
		/› +http:\/\/localhost:8080 +\(0\.0\.0\.0:8080 → 80\/tcp, \[::\]:8080/,
	);
	assert.match(frame, /http:\/\/127\.0\.0\.1:9000/);
	stdin.write(keys.down);
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, text =>
		/Opened http:\/\/127\.0\.0\.1:9000 with \$BROWSER/.test(text),
	);
	await waitForFrame(lastFrame, () => fs.existsSync(opened));
	assert.equal(fs.readFileSync(opened, 'utf8'), 'http://127.0.0.1:9000\n');
	assert.doesNotMatch(lastFrame() ?? '', /noise/);
	// A container with no published port says so.
	stdin.write('k');
	await waitForFrame(lastFrame, text => /› warming/.test(text));
	stdin.write('o');
	await waitForFrame(lastFrame, text => /publishes no port/.test(text));
});
