import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {createTestDocker, testImage} from '../helpers/docker.js';
import {key, startDockpit} from '../helpers/pty.js';
import {startRecordingProxy} from '../helpers/recording-proxy.js';

const fixtures = createTestDocker();
const {docker, runId} = fixtures;

after(async () => {
	await fixtures.cleanup();
});

/**
The screen without the status line's read-only refusal, which names the key's action in words (`read-only: P
(Pull an image) would change the engine`): what is left shows whether a form or dialog opened.
*/
const withoutRefusal = (screen: string) =>
	screen
		.split('\n')
		.filter(line => !line.includes('read-only: '))
		.join('\n');

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
				assert.doesNotMatch(
					withoutRefusal(screen),
					dialogs,
					`${actionKey} opened nothing`,
				);
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
			assert.doesNotMatch(
				withoutRefusal(screen),
				/Remove image|Tag dockpit|Run a container/,
			);
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

test('--read-only: every transfer key and command is refused in words and sends nothing that acts; search still goes', async () => {
	const box = await fixtures.container({hint: 'ro-files'});
	const reference = fixtures.imageRef('ro-xfer');
	await fixtures.cli('tag', testImage, reference);
	// A login kept in the docker config: logout must leave it there.
	const config = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-ro-config-'));
	const configFile = path.join(config, 'config.json');
	const kept = `${JSON.stringify({
		auths: {
			'127.0.0.1:5000': {auth: Buffer.from('u:p').toString('base64')},
		},
	})}\n`;
	fs.writeFileSync(configFile, kept);
	const host = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-ro-host-'));
	const proxy = await startRecordingProxy();
	const app = startDockpit({
		args: ['--read-only', '--host', `unix://${proxy.path}`],
		env: {DOCKER_CONFIG: config},
	});
	const refused: string[] = [];
	try {
		await app.waitFor('● live');
		app.write('2');
		await app.waitFor('REPOSITORY:TAG');
		app.write('/');
		await app.waitFor('type to filter');
		app.write(`ro-xfer-${runId}`);
		await app.waitFor(`/ ro-xfer-${runId}`);
		app.write(key.enter);
		await app.waitFor(new RegExp(`[›●] .*${reference}`));

		// Images: pull, push, build, save, load, import, login, logout. Each says why, and opens nothing.
		const forms =
			/Pull an image|Build an image|Save .* to a tar|Load images from a tar|Import a filesystem tarball|Log in to|Log out of a registry/;
		for (const [actionKey, words] of [
			['P', 'Pull an image'],
			['U', 'Push this tag to its registry'],
			['B', 'Build an image from a folder'],
			['W', 'Save this image'],
			['L', 'Load images from a tar'],
			['I', 'Import a filesystem tarball as an image'],
			['A', 'Log in to a registry'],
			['O', 'Log out of a registry'],
		] as const) {
			app.write(actionKey);
			// eslint-disable-next-line no-await-in-loop
			const screen = await app.waitFor(`read-only: ${actionKey} (${words}`);
			assert.doesNotMatch(
				withoutRefusal(screen),
				forms,
				`${actionKey} opened nothing`,
			);
			assert.match(screen, /would change the engine/);
			refused.push(actionKey);
		}

		// Search stays: the form opens and the engine is asked (Docker Hub is out of reach here).
		app.write('H');
		await app.waitFor('Search Docker Hub');
		app.write('busybox');
		await app.waitFor(/› Search\s+busybox/);
		app.write(key.enter);
		await app.waitFor(
			/Docker Hub cannot be reached from the engine|Search failed/,
			90_000,
		);
		app.write(key.escape);
		await app.waitFor(new RegExp(`[›●] .*${reference}`));

		// Containers: export refused; the file browser opens (it only reads), and in it F and T are refused.
		app.write('1');
		app.write('/');
		await app.waitFor('type to filter');
		app.write(box.name);
		await app.waitFor(`/ ${box.name}`);
		app.write(key.enter);
		await app.waitFor(new RegExp(`› ${box.name}`));
		app.write('E');
		const exported = await app.waitFor(
			"read-only: E (Export the container's filesystem to a tar",
		);
		assert.doesNotMatch(withoutRefusal(exported), /Export the filesystem of/);
		refused.push('E');
		app.write('F');
		await app.waitFor(`Files of ${box.name}: /`);
		await app.waitFor('bin');
		for (const [actionKey, words, form] of [
			['F', 'Copy the entry out to the host', 'To (host)'],
			['T', 'Copy a host file or folder into this folder', 'From (host)'],
		] as const) {
			app.write(actionKey);
			// eslint-disable-next-line no-await-in-loop
			const screen = await app.waitFor(`read-only: ${actionKey} (${words}`);
			assert.ok(
				!withoutRefusal(screen).includes(form),
				`${actionKey} opened no form`,
			);
			refused.push(`files ${actionKey}`);
		}

		app.write(key.escape);
		await app.waitFor(screen => !screen.includes(`Files of ${box.name}`));

		// The command line: each of docker's transfer commands is refused before anything is checked or sent.
		const tar = path.join(host, 'x.tar');
		for (const line of [
			`pull ${reference}`,
			`push ${reference}`,
			'login 127.0.0.1:5000',
			'logout 127.0.0.1:5000',
			`build -t ${reference} ${host}`,
			`save -o ${tar} ${reference}`,
			`load -i ${tar}`,
			`import ${tar} ${reference}`,
			`export -o ${tar} ${box.name}`,
			`cp ${box.name}:/etc/hostname ${host}/`,
			`cp ${tar} ${box.name}:/tmp/`,
		]) {
			const name = line.split(' ')[0]!;
			app.write(':');
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor(/^ :/m);
			app.write(line);
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor(line.slice(-20));
			app.write(key.enter);
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor(`read-only: :${name} would change the engine`);
			app.write(key.escape);
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor(
				screen => !screen.includes(`read-only: :${name} would`),
			);
			refused.push(`:${line}`);
		}

		// :search is allowed from the command line too.
		app.write(':');
		await app.waitFor(/^ :/m);
		app.write('search busybox');
		await app.waitFor('search busybox');
		app.write(key.enter);
		await app.waitFor(
			/Docker Hub cannot be reached from the engine|Search failed/,
			90_000,
		);
		app.write(key.escape);

		await new Promise(resolve => {
			setTimeout(resolve, 500);
		});
		const acting = proxy.requests.filter(
			request => request.method !== 'GET' && request.method !== 'HEAD',
		);
		assert.deepEqual(
			acting.map(request => `${request.method} ${request.url}`),
			[],
			'nothing that acts reached the engine',
		);
		const searches = proxy.requests.filter(request =>
			/\/images\/search\?/.test(request.url),
		);
		assert.equal(searches.length, 2, 'both searches reached the engine');
		assert.ok(
			proxy.requests.some(request =>
				/\/containers\/[\da-f]+\/archive\?path=%2F/.test(request.url),
			),
			'the file browser read the container',
		);
		assert.equal(refused.length, 9 + 2 + 11);
		assert.equal(
			fs.readFileSync(configFile, 'utf8'),
			kept,
			'the docker config is as it was',
		);
		assert.deepEqual(fs.readdirSync(host), [], 'no file was written');
		assert.equal(
			(await docker.getContainer(box.name).inspect()).State.Running,
			true,
		);
	} finally {
		app.kill();
		await proxy.close();
		fs.rmSync(config, {recursive: true, force: true});
		fs.rmSync(host, {recursive: true, force: true});
	}
});
