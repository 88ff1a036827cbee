import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {createTestDocker, testImage} from '../helpers/docker.js';
import {key, startDockpit} from '../helpers/pty.js';
import {startRecordingProxy} from '../helpers/recording-proxy.js';

const fixtures = createTestDocker();
const {docker, runId} = fixtures;

after(async () => {
	await fixtures.cleanup();
});

test('--read-only: with every action key pressed, only GET and HEAD requests reach the engine', async () => {
	const up = await fixtures.container({hint: 'ro-up'});
	const down = await fixtures.container({hint: 'ro-down', start: false});
	const reference = fixtures.imageRef('ro');
	await fixtures.cli('tag', testImage, reference);
	const proxy = await startRecordingProxy();
	const app = startDockpit({
		args: ['--read-only', '--host', `unix://${proxy.path}`],
	});
	try {
		await app.waitFor('● live');
		app.write('/');
		await app.waitFor('type to filter');
		app.write(runId);
		await app.waitFor(`/ ${runId}`);
		app.write(key.enter);
		await app.waitFor(`filter: ${runId}`);
		await app.waitFor(
			screen => screen.includes(up.name) && screen.includes(down.name),
		);

		// Every action key on both containers, each followed by what would confirm a dialog or submit a form.
		const dialogs =
			/Remove container|send which signal|Commit .* as a new image|Run a container|Stop \d+ containers/;
		for (const row of [up.name, down.name]) {
			for (const actionKey of ['S', 's', 'R', 'K', 'p', 'c', 'd', 'r']) {
				app.write(actionKey);
				app.write('y');
				// eslint-disable-next-line no-await-in-loop
				const screen = await app.waitFor(row);
				assert.doesNotMatch(screen, dialogs, `${actionKey} opened nothing`);
			}

			app.write('j');
		}

		// Marks and a bulk action, then Enter (which only opens the read-only details) and Esc.
		app.write('g');
		app.write(' ');
		app.write(' ');
		await app.waitFor('2 marked');
		for (const actionKey of ['s', 'S', 'd', 'K']) {
			app.write(actionKey);
			app.write(key.enter);
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor('Esc to close');
			app.write(key.escape);
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor(up.name);
		}

		app.write('2');
		await app.waitFor('REPOSITORY:TAG');
		app.write('/');
		await app.waitFor('type to filter');
		app.write(`ro-${runId}`);
		await app.waitFor(`/ ro-${runId}`);
		app.write(key.enter);
		await app.waitFor(`filter: ro-${runId}`);
		await app.waitFor(new RegExp(`[›●] .*${reference}`));
		for (const actionKey of ['r', 't', 'd', ' ', 'd']) {
			app.write(actionKey);
			app.write(key.enter);
			// eslint-disable-next-line no-await-in-loop
			const screen = await app.waitFor('Esc to close');
			assert.doesNotMatch(screen, /Remove image|Tag dockpit|Run a container/);
			app.write(key.escape);
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor(new RegExp(`[›●] .*${reference}`));
		}

		app.write('?');
		const help = await app.waitFor('Keys');
		assert.match(help, /Run a container from this image \(read-only\)/);
		app.write(key.escape);

		// Anything a key could have set off has had time to reach the proxy.
		await new Promise(resolve => {
			setTimeout(resolve, 500);
		});
		const methods = new Set(proxy.requests.map(request => request.method));
		assert.deepEqual(
			[...methods].filter(method => method !== 'GET' && method !== 'HEAD'),
			[],
			`only reads: ${proxy.requests
				.filter(request => request.method !== 'GET')
				.map(request => `${request.method} ${request.url}`)
				.join(', ')}`,
		);
		const urls = proxy.requests.map(request => request.url);
		assert.ok(
			urls.some(url => /\/events/.test(url)),
			'the event stream went through the proxy',
		);
		assert.ok(urls.some(url => /\/containers\/json/.test(url)));
		assert.ok(urls.some(url => /\/images\/json/.test(url)));

		assert.equal(
			(await docker.getContainer(up.name).inspect()).State.Running,
			true,
		);
		assert.equal(
			(await docker.getContainer(down.name).inspect()).State.Status,
			'created',
		);
		assert.ok(await docker.getImage(reference).inspect());
		const ours = await docker.listContainers({
			all: true,
			filters: {name: [runId]},
		});
		assert.equal(ours.length, 2, 'no container was created');
	} finally {
		app.kill();
		await proxy.close();
	}
});
