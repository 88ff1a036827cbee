// Cleanup on the real engine, the panes: Volumes and Networks live from outside changes, refusals in words, and
// forms that check before any request (the prune preview is test/e2e/cleanup.test.ts). The engine is shared, so every object made here is named dp-cleanup-<run>-… and
// labelled dockpit-test.owner=cleanup and dp-cleanup.run=<run>; every prune here (dockpit's and the CLI's) runs
// with the label filter label=dockpit-test.owner=cleanup, so it can only take objects of this helper. after()
// removes exactly this run's objects.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cleanupFixtures} from '../helpers/cleanup-fixtures.js';
import {key, startDockpit} from '../helpers/pty.js';
import {startRecordingProxy} from '../helpers/recording-proxy.js';

const {run, labels, name, env, docker, lines, exists, container, wait} =
	cleanupFixtures();

test('Volumes and Networks follow docker volume/network create, connect and rm made outside', async () => {
	const target = container('live-target', 'running');
	const app = startDockpit({env, rows: 40, columns: 200});
	try {
		await wait(app, '● live');
		app.write('4');
		await wait(app, 'VOLUME NAME');
		const volume = name('live-vol');
		docker('volume', 'create', ...labels, volume);
		await wait(app, volume);
		docker('volume', 'rm', volume);
		await wait(app, screen => !screen.includes(volume));

		app.write('5');
		await wait(app, 'SUBNET / GATEWAY');
		const network = name('live-net');
		// A subnet of its own (the engine is shared: a fixed one may overlap another helper's).
		const third = Math.floor(Math.random() * 250) + 1;
		const subnet = `10.213.${third}.0/24`;
		docker('network', 'create', ...labels, '--subnet', subnet, network);
		await wait(app, new RegExp(`${network}.*10\\.213\\.${third}\\.0/24`));
		docker('network', 'connect', network, target);
		await wait(app, new RegExp(`${network}.*${target} 10\\.213\\.${third}\\.`));
		docker('network', 'disconnect', network, target);
		await wait(
			app,
			screen =>
				screen.includes(network) &&
				!new RegExp(`${network}.*${target}`).test(screen),
		);
		docker('network', 'rm', network);
		await wait(app, screen => !screen.includes(network));
	} finally {
		app.kill();
	}
});

test('rm of an in-use volume names the container; rm of bridge is refused in words', async () => {
	const volume = name('busy-vol');
	docker('volume', 'create', ...labels, volume);
	const user = container('busy-user', 'running', ['-v', `${volume}:/data`]);
	const app = startDockpit({env, rows: 40});
	try {
		await wait(app, '● live');
		app.write('4');
		await wait(app, volume);
		app.write('/');
		app.write(volume);
		app.write(key.enter);
		await wait(app, `filter: ${volume}`);
		app.write('d');
		const dialog = await wait(app, `Remove volume ${volume}?`);
		assert.match(dialog, new RegExp(`In use by ${user} \\(running\\)`));
		app.write(key.enter);
		const refused = await wait(app, `Could not remove volume ${volume}`);
		assert.match(refused, /in use/);
		assert.match(refused, new RegExp(user));
		assert.ok(exists('volume', volume));

		app.write('5');
		await wait(app, 'SUBNET / GATEWAY');
		app.write('g');
		await wait(app, /› bridge/);
		app.write('d');
		await wait(
			app,
			"bridge is one of the engine's predefined networks (bridge, host, none): it cannot be removed",
		);
		assert.ok(exists('network', 'bridge'));
	} finally {
		app.kill();
	}
});

test('bad names and subnets are refused in the forms before any API call', async () => {
	const proxy = await startRecordingProxy();
	const app = startDockpit({
		env,
		rows: 40,
		args: ['--host', `unix://${proxy.path}`],
	});
	try {
		await wait(app, '● live');
		app.write('5');
		await wait(app, 'SUBNET / GATEWAY');
		app.write('c');
		await wait(app, 'Create a network');
		app.write(`bad name ${run}`);
		app.write(key.tab);
		app.write(key.tab);
		app.write('10.1.2.3/16');
		app.write(key.tab);
		app.write('10.9.0.1');
		app.write(key.enter);
		const errors = await wait(app, 'host bits are set');
		assert.match(errors, /a network name is letters, digits/);
		assert.match(errors, /the network is 10\.1\.0\.0\/16/);
		// The focus is back on the first wrong field (the name): down to the subnet, which is fixed now.
		app.write(key.tab);
		app.write(key.tab);
		app.write('\u0015');
		app.write('10.1.0.0/16');
		await wait(app, /Subnet\s+10\.1\.0\.0\/16/);
		app.write(key.enter);
		await wait(app, '10.9.0.1 is not in 10.1.0.0/16');
		app.write(key.escape);

		app.write('4');
		await wait(app, 'VOLUME NAME');
		app.write('c');
		await wait(app, 'Create a volume');
		app.write('x');
		app.write(key.enter);
		await wait(app, 'a volume name has at least 2 characters');
		app.write('/y');
		app.write(key.enter);
		await wait(app, 'a volume name is letters, digits');
		app.write(key.escape);
		await wait(app, 'VOLUME NAME');
	} finally {
		app.kill();
		await proxy.close();
	}

	const writes = proxy.requests.filter(
		request => request.method !== 'GET' && request.method !== 'HEAD',
	);
	assert.deepEqual(writes, []);
	assert.ok(
		!lines(docker('network', 'ls', '--format', '{{.Name}}')).some(
			each => each.includes(run) && each.startsWith('bad'),
		),
	);
});
