import assert from 'node:assert/strict';
import {after, afterEach, before, test} from 'node:test';
import {createTestDocker} from '../helpers/docker.js';
import {type Podman, startPodman} from '../helpers/podman.js';
import {type Dockpit, eventually, startDockpit} from '../helpers/pty.js';
import {startTlsProxy, type TlsEndpoint} from '../helpers/tls-proxy.js';

// Debian's podman serving the Docker API on a unix socket (test/podman-up.sh installs and starts it); then the
// local engine and podman (behind a TLS endpoint on 127.0.0.1:21601, so that its link can be cut) as two
// engines in one dockpit.
let podman: Podman;
let onPodman: ReturnType<typeof createTestDocker>;
const onDocker = createTestDocker();
let tls: TlsEndpoint | undefined;
let running: Dockpit | undefined;

before(async () => {
	podman = await startPodman();
	onPodman = createTestDocker({
		socketPath: podman.socketPath,
		image: podman.image,
	});
});

afterEach(() => {
	running?.kill();
	running = undefined;
});

after(async () => {
	await onPodman?.cleanup();
	await onDocker.cleanup();
	await tls?.stop();
	await podman?.stop();
});

function start(args: string[], env: Record<string, string | undefined> = {}) {
	running = startDockpit({
		columns: 160,
		rows: 45,
		args,
		env: {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, ...env},
	});
	return running;
}

async function filter(app: Dockpit, text: string) {
	await app.waitFor(/Containers \d+\/\d+/, 20_000);
	await app.waitFor(screen => !screen.includes('Loading containers'), 20_000);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(text);
	app.write('\r');
	await app.waitFor(`filter: ${text}`);
}

const row = (screen: string, name: string) =>
	screen.split('\n').find(line => line.includes(name)) ?? '';

const state = async (fixtures: typeof onDocker, id: string) =>
	(await fixtures.docker.getContainer(id).inspect()).State.Status;

test('podman: live lists, stop, pause and the shell pane through its Docker API', async () => {
	const target = await onPodman.container({hint: 'pod'});
	const other = await onPodman.container({hint: 'pod'});
	const app = start(['--host', podman.host]);
	await filter(app, `pod-${onPodman.runId}`);
	await app.waitFor('● live', 20_000);
	assert.match(app.screen(), /dockpit unix:\/\/\/tmp\/dockpit-podman/);
	await app.waitFor(
		screen =>
			row(screen, target.name).includes('running') &&
			row(screen, other.name).includes('running'),
		15_000,
	);

	// The shell pane on the selected (first) row.
	const selected = app
		.screen()
		.split('\n')
		.find(line => line.startsWith('│›'));
	assert.ok(selected, 'a row is selected');
	const first = selected.includes(target.name) ? target : other;
	const second = first === target ? other : target;
	app.write('x');
	await app.waitFor('/ #', 15_000);
	app.write('echo $((6*7))\r');
	await app.waitFor(/\n│?.*42/);
	app.write('exit\r');
	await app.waitFor(/ended/, 10_000);
	app.write('\u0017');
	await app.waitFor(screen => !screen.includes('shell:'));

	// Pause, then stop, the selected row; the engine (podman) says so and the list follows its events.
	app.write('p');
	await eventually(
		async () => (await state(onPodman, first.id)) === 'paused',
		15_000,
		'podman paused it',
	);
	await app.waitFor(
		screen => row(screen, first.name).includes('paused'),
		15_000,
	);
	app.write('p');
	await app.waitFor(
		screen => row(screen, first.name).includes('running'),
		15_000,
	);

	// A container stopped from outside shows up as such.
	await onPodman.docker.getContainer(second.id).stop({t: 0});
	await app.waitFor(screen => /exited/.test(row(screen, second.name)), 15_000);
});

test('two engines at once (the local engine and podman over TLS): one list with an ENGINE column, actions to the right engine, one cut while the other stays live', async () => {
	tls = await startTlsProxy(21601, podman.socketPath);
	const mine = `both-${onDocker.runId}`;
	const podName = onPodman.name('both').replace(onPodman.runId, onDocker.runId);
	const onPod = await onPodman.docker.createContainer({
		name: podName,
		Image: podman.image,
		Cmd: ['sleep', '600'],
		Labels: onPodman.labels,
	});
	await onPod.start();
	const local = await onDocker.container({hint: 'both'});
	const app = start(
		['--host', 'unix:///var/run/docker.sock', '--host', tls.host],
		{
			DOCKER_TLS_VERIFY: '1',
			DOCKER_CERT_PATH: `${tls.dir}/client`,
		},
	);
	await filter(app, mine);
	await app.waitFor(
		screen => /● docker/.test(screen) && /● 127\.0\.0\.1:21601/.test(screen),
		20_000,
	);
	await app.waitFor(
		screen =>
			row(screen, local.name).includes('docker') &&
			row(screen, podName).includes('127.0.0.1:21601'),
		15_000,
	);
	assert.match(app.screen(), /ENGINE/);

	// Stop the podman row: it is podman's container that stops, not a local one.
	for (let tries = 0; tries < 3; tries++) {
		const selected = app
			.screen()
			.split('\n')
			.find(line => line.startsWith('│›'));
		if (selected?.includes(podName)) {
			break;
		}

		app.write('j');
		// eslint-disable-next-line no-await-in-loop
		await app.waitFor(screen => screen.includes('│›'));
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 150);
		});
	}

	app.write('s');
	await eventually(
		async () => (await state(onPodman, onPod.id)) === 'exited',
		15_000,
		'podman stopped its container',
	);
	assert.equal(await state(onDocker, local.id), 'running');
	await app.waitFor(screen => /exited/.test(row(screen, podName)), 15_000);
	// The Events pane says which engine each event came from (filtered to the container: the engine is shared,
	// and other tests' events would push it off the screen).
	app.write('3');
	await app.waitFor(/TIME.*ENGINE/);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(`${podName}\r`);
	await app.waitFor(
		screen =>
			/ENGINE/.test(screen) &&
			// Podman follows its die with cleanup events: any of the container's lines, not only the newest.
			screen
				.split('\n')
				.some(
					line =>
						line.includes(podName) &&
						/127\.0\.0\.1:21601 .*(die|stop)/.test(line),
				),
		10_000,
	);
	app.write('1');
	await app.waitFor(screen => row(screen, podName).includes('exited'));

	// Volumes: each engine's, even under the same name, each row saying its engine.
	const volumeName = `dockpit-test-vol-${onDocker.runId}`;
	await onDocker.docker.createVolume({
		Name: volumeName,
		Labels: onDocker.labels,
	});
	await onPodman.docker.createVolume({
		Name: volumeName,
		Labels: onPodman.labels,
	});
	try {
		app.write('4');
		await app.waitFor('VOLUME NAME');
		app.write('/');
		await app.waitFor('type to filter');
		app.write(volumeName);
		app.write('\r');
		await app.waitFor(screen => {
			const lines = screen
				.split('\n')
				.filter(line => line.includes(volumeName));
			return (
				lines.some(line => line.includes('docker')) &&
				lines.some(line => line.includes('127.0.0.1:21601'))
			);
		}, 15_000);
		assert.match(app.screen(), /ENGINE/);
	} finally {
		await onDocker.docker
			.getVolume(volumeName)
			.remove()
			.catch(() => undefined);
		await onPodman.docker
			.getVolume(volumeName)
			.remove()
			.catch(() => undefined);
	}

	app.write('1');
	await app.waitFor(screen => row(screen, podName).includes('exited'));

	// Cut podman's link: its rows go stale, the local engine stays live and its changes still show.
	await tls.cut();
	await app.waitFor(
		screen =>
			/⟳ 127\.0\.0\.1:21601 reconnecting/.test(screen) &&
			row(screen, podName).includes('(stale)'),
		20_000,
	);
	assert.match(app.screen(), /● docker/);
	const added = await onDocker.container({hint: 'both'});
	await app.waitFor(
		screen => row(screen, added.name).includes('running'),
		15_000,
	);
	assert.doesNotMatch(row(app.screen(), local.name), /stale/);

	// Back: podman's rows are fresh again.
	await tls.restart();
	await app.waitFor(
		screen =>
			/● 127\.0\.0\.1:21601/.test(screen) &&
			!row(screen, podName).includes('(stale)'),
		30_000,
	);
});
