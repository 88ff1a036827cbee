import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {promisify} from 'node:util';
import {after, afterEach, before, test} from 'node:test';
import {createTestDocker} from '../helpers/docker.js';
import {type Dockpit, eventually, startDockpit} from '../helpers/pty.js';
import {type Sshd, startSshd} from '../helpers/sshd.js';

// A real sshd on 127.0.0.1:2222 (test/sshd-up.sh) in front of the shared engine; dockpit's ssh uses the test's
// own config (aliases, known_hosts, key) through the wrapper on PATH, never the real ~/.ssh.
const fixtures = createTestDocker();
let sshd: Sshd;
let running: Dockpit | undefined;

before(async () => {
	sshd = await startSshd();
});

afterEach(async () => {
	running?.kill();
	running = undefined;
});

after(async () => {
	await fixtures.cleanup();
	await sshd.stop();
});

const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

function start(host: string) {
	running = startDockpit({
		columns: 160,
		rows: 45,
		args: ['--host', host],
		env: sshd.env,
	});
	return running;
}

/**
Waits until the lists are loaded and filtered to `text`, then for the header's live mark. (Other developers'
rows on the shared engine can make a frame taller than the screen for a moment, hiding the header until the
filter leaves only this test's rows.)
*/
async function liveAndFiltered(app: Dockpit, text: string) {
	await app.waitFor(/Containers \d+\/\d+/, 15_000);
	await app.waitFor(screen => !screen.includes('Loading containers'), 15_000);
	await filter(app, text);
	await app.waitFor('● live', 15_000);
}

async function filter(app: Dockpit, text: string) {
	app.write('/');
	await app.waitFor('type to filter');
	app.write(text);
	await sleep(100);
	app.write('\r');
	await app.waitFor(`filter: ${text}`);
}

/**
The list's rows of `hint`'s containers (not the status line, which shows the docker line of the last action).
*/
function rows(screen: string, hint: string): string[] {
	return screen
		.split('\n')
		.filter(
			line =>
				/^│[› ] /.test(line) &&
				line.includes(`dockpit-test-${hint}-${fixtures.runId}`),
		);
}

async function shells(id: string): Promise<number> {
	const top = (await fixtures.docker.getContainer(id).top()) as {
		Processes?: string[][];
	};
	return (top.Processes ?? []).filter(process =>
		/\/bin\/(ba)?sh$/.test(process.at(-1) ?? ''),
	).length;
}

test('over ssh (an alias from the ssh config): 20 containers started at once all shown live, stop, the shell pane', async () => {
	const started = performance.now();
	const app = start('ssh://engines-alias');
	await app.waitFor(/Containers \d+\/\d+/, 15_000);
	const live = performance.now() - started;
	await liveAndFiltered(app, `many-${fixtures.runId}`);
	assert.match(app.screen(), /dockpit ssh:\/\/engines-alias/);

	const made = await Promise.all(
		Array.from({length: 20}, async () => fixtures.container({hint: 'many'})),
	);
	await app.waitFor(
		screen =>
			rows(screen, 'many').filter(line => line.includes('running')).length ===
			20,
		15_000,
	);
	assert.match(app.screen(), /● live/);

	// An action on the selected row: stop it, and see the engine's answer come back over the same link.
	const selected = rows(app.screen(), 'many').find(line =>
		line.startsWith('│›'),
	);
	assert.ok(selected, 'a row is selected');
	app.write('s');
	await app.waitFor(
		screen => rows(screen, 'many').some(line => /exited/.test(line)),
		15_000,
	);

	// The shell pane, on a running container (running ones come first).
	app.write('g');
	await app.waitFor(screen =>
		rows(screen, 'many').some(
			line => line.startsWith('│›') && line.includes('running'),
		),
	);
	const shellStarted = performance.now();
	app.write('x');
	await app.waitFor('/ #', 10_000);
	const shellOpen = performance.now() - shellStarted;
	app.write('echo $((6*7))\r');
	await app.waitFor(/\n│?.*42/);
	process.stdout.write(
		`# ssh: live after ${Math.round(live)} ms, shell open in ${Math.round(shellOpen)} ms (${made.length} containers)\n`,
	);
});

test('a changed host key, an unknown host key and a refused login are refused in words, with their own hints', async () => {
	let app = start('ssh://engines-wrong-key');
	let screen = await app.waitFor('Cannot reach', 15_000);
	screen = await app.waitFor(/known_hosts/);
	assert.match(screen.replaceAll(/\s+/g, ' '), /host key has CHANGED/);
	assert.doesNotMatch(screen, /Start the engine/);
	assert.match(screen, /never adds or replaces a key/);
	app.kill();

	app = start('ssh://engines-unknown-key');
	screen = await app.waitFor(/not in known_hosts/, 15_000);
	assert.match(screen.replaceAll(/\s+/g, ' '), /does not add host keys/);
	app.kill();

	app = start('ssh://engines-no-auth');
	screen = await app.waitFor(/permission denied/, 15_000);
	assert.match(screen.replaceAll(/\s+/g, ' '), /never asks for a password/);
	assert.doesNotMatch(screen, /Start the engine/);
	// Nothing of ssh's or node's own output reaches the frame.
	assert.doesNotMatch(app.output(), /DEP0170|Warning:|@@@@/);
});

test('the link cut (sshd and its sessions killed): reconnecting, then back with the true state, the shell left in the container ended', async () => {
	const target = await fixtures.container({hint: 'cut'});
	const other = await fixtures.container({hint: 'cut'});
	const app = start(`ssh://root@127.0.0.1:${sshd.port}`);
	await liveAndFiltered(app, `cut-${fixtures.runId}`);
	await app.waitFor(screen => rows(screen, 'cut').length === 2);
	// The cursor on `target`, then a shell in it.
	for (let tries = 0; tries < 3; tries++) {
		const line = rows(app.screen(), 'cut').find(each => each.startsWith('│›'));
		if (line?.includes(target.name)) {
			break;
		}

		app.write('j');
		// eslint-disable-next-line no-await-in-loop
		await sleep(150);
	}

	app.write('x');
	await app.waitFor('/ #', 10_000);
	assert.equal(await shells(target.id), 1);

	await sshd.cut();
	await app.waitFor(/reconnecting|Cannot reach/, 15_000);
	await app.waitFor('connection to the engine lost', 10_000);
	// Close the ended pane, so that the list has its full width again.
	app.write('\u0017');
	await app.waitFor(screen => !screen.includes('shell:'));
	// While the link is down: one container stops, another one appears.
	await fixtures.docker.getContainer(other.id).stop({t: 0});
	const added = await fixtures.container({hint: 'cut'});

	await sshd.restart();
	await app.waitFor('● live', 30_000);
	await app.waitFor(
		screen =>
			rows(screen, 'cut').length === 3 &&
			rows(screen, 'cut').some(
				line => line.includes(other.name) && line.includes('exited'),
			) &&
			rows(screen, 'cut').some(
				line => line.includes(added.name) && line.includes('running'),
			),
		15_000,
	);
	await eventually(
		async () => (await shells(target.id)) === 0,
		10_000,
		'the shell left in the container ended',
	);
});

/**
The ssh processes of this file's sshd (their command lines name its ssh config): dockpit's master and sessions.
*/
function sshProcesses(): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const argv = fs
				.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
				.split('\0')
				.filter(Boolean);
			if (
				/(?:^|\/)ssh$/.test(argv[0] ?? '') &&
				argv.includes(path.join(sshd.dir, 'ssh_config')) &&
				argv.some(each => each.includes('dockpit-ssh-'))
			) {
				found.push(`${entry}: ${argv.join(' ')}`);
			}
		} catch {}
	}

	return found;
}

test('switching from an ssh context to the local one closes the ssh engine: its master connection ends (no ssh process of dockpit left)', async () => {
	const dockerConfig = fs.mkdtempSync(
		path.join(os.tmpdir(), 'engines-ssh-ctx-'),
	);
	try {
		await promisify(execFile)(
			'docker',
			[
				'context',
				'create',
				'dp-engines-ssh',
				'--docker',
				`host=ssh://root@127.0.0.1:${sshd.port}`,
			],
			{env: {...process.env, DOCKER_CONFIG: dockerConfig}},
		);
		running = startDockpit({
			columns: 160,
			rows: 45,
			args: ['--context', 'dp-engines-ssh'],
			env: {
				...sshd.env,
				DOCKER_HOST: undefined,
				DOCKER_CONTEXT: undefined,
				DOCKER_CONFIG: dockerConfig,
			},
		});
		const app = running;
		await app.waitFor(
			screen =>
				/dockpit dp-engines-ssh ssh:\/\/root@127\.0\.0\.1/.test(screen) &&
				screen.includes('● live'),
			15_000,
		);
		assert.ok(sshProcesses().length > 0, 'the ssh master runs');

		app.write('0');
		await app.waitFor(/›\s+●\s+dp-engines-ssh/);
		app.write('\u001B[A');
		await app.waitFor(/›\s+\*?\s*default/);
		app.write('\r');
		await app.waitFor(
			screen =>
				/dockpit default unix:\/\/\/var\/run\/docker\.sock/.test(screen) &&
				screen.includes('● live'),
			15_000,
		);
		const left = await eventually(
			async () => sshProcesses().length === 0,
			5000,
			`the ssh processes ended (${sshProcesses().join('; ')})`,
		).catch(() => sshProcesses());
		assert.equal(left, true, `ssh processes left: ${String(left)}`);
	} finally {
		fs.rmSync(dockerConfig, {recursive: true, force: true});
	}
});
