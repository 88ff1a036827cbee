import assert from 'node:assert/strict';
import {test} from 'node:test';
import {testImage} from '../helpers/docker.js';
import {key} from '../helpers/pty.js';
import {
	e2eSession,
	filterTo as filter,
	freePort,
	typeText,
} from '../helpers/session.js';

const session = e2eSession();
const {fixtures} = session;
const {docker, runId} = fixtures;

const ctrlU = '\u0015';

async function open() {
	const app = session.start();
	await app.waitFor('● live');
	await filter(app, runId);
	return app;
}

async function exists(reference: string, kind: 'image' | 'container') {
	const inspect: Promise<unknown> =
		kind === 'image'
			? docker.getImage(reference).inspect()
			: docker.getContainer(reference).inspect();
	return inspect.then(
		() => true,
		(error: {statusCode?: number}) => {
			if (error.statusCode === 404) {
				return false;
			}

			throw error;
		},
	);
}

test('commit a changed container, tag the image, run the new image: screen and engine agree at each step', async () => {
	const {name} = await fixtures.container({hint: 'src'});
	await fixtures.cli('exec', name, 'sh', '-c', 'echo hello > /greeting');
	const app = await open();
	await app.waitFor(new RegExp(`› ${name} .*running`));

	// Commit: the form says what will be saved before anything is sent.
	app.write('c');
	const form = await app.waitFor('A /greeting');
	assert.match(form, /filesystem changes? will be saved/);
	assert.match(form, /memory and running processes are not part of an image/);
	const reference = fixtures.imageRef('commit');
	await typeText(app, reference);
	app.write(key.tab);
	await typeText(app, 'first snapshot');
	app.write(key.tab);
	await typeText(app, 'Dockpit Test <test@example.com>');
	app.write(key.enter);
	const committed = await app.waitFor(
		new RegExp(`Committed ${name} as ${reference} \\(image [\\da-f]{12}\\)`),
		5000,
	);
	const shortId = /\(image ([\da-f]{12})\)/.exec(committed)?.[1];
	await app.waitFor(new RegExp(`› ${reference}`), 1000);
	const image = await docker.getImage(reference).inspect();
	assert.equal(
		image.Id.slice(7, 19),
		shortId,
		'the status line names the new image',
	);
	assert.equal(image.Comment, 'first snapshot');
	assert.equal(image.Author, 'Dockpit Test <test@example.com>');

	// Tag: the new tag shows under the same image.
	app.write('t');
	await app.waitFor('New tag');
	const tagged = `dockpit-test/tagged-${runId}`;
	await typeText(app, tagged);
	app.write(key.enter);
	await app.waitFor(`as ${tagged}:latest`, 3000);
	await app.waitFor(new RegExp(`› .*${tagged}:latest`), 1000);
	assert.equal(
		(await docker.getImage(`${tagged}:latest`).inspect()).Id,
		image.Id,
	);

	// Run: the new container is selected in Containers, and has what the form said.
	const port = await freePort();
	const runName = fixtures.containerName('run');
	app.write('r');
	await app.waitFor('Run a container from');
	await typeText(app, runName);
	app.write(key.tab);
	app.write(ctrlU);
	await typeText(app, 'sh -c "cat /greeting; sleep 600"');
	app.write(key.tab);
	await typeText(app, `127.0.0.1:${port}:80`);
	app.write(key.tab);
	await typeText(app, 'GREETING="hello world" MODE=test');
	app.write(key.enter);
	await app.waitFor(`Started ${runName}`, 5000);
	await app.waitFor(new RegExp(`› ${runName} .*running`), 1000);
	const container = await docker.getContainer(runName).inspect();
	assert.equal(container.State.Running, true);
	assert.deepEqual(container.Config.Cmd, [
		'sh',
		'-c',
		'cat /greeting; sleep 600',
	]);
	assert.ok(container.Config.Env.includes('GREETING=hello world'));
	assert.ok(container.Config.Env.includes('MODE=test'));
	assert.deepEqual(container.HostConfig.PortBindings, {
		'80/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}],
	});
	assert.equal(container.Image, image.Id);
	const logs = await fixtures.cli('logs', runName);
	assert.equal(logs, 'hello', 'the committed file is in the new container');
});

test('an invalid tag or port spec shows an error next to the field and creates nothing', async () => {
	const app = await open();
	app.write('2');
	await app.waitFor('REPOSITORY:TAG');
	await filter(app, testImage);
	await app.waitFor(`› ${testImage}`);

	app.write('t');
	await app.waitFor('New tag');
	const bad = `dockpit-test/Bad-${runId}:v1`;
	await typeText(app, bad);
	app.write(key.enter);
	await app.waitFor('✗ repository must be lowercase');
	app.write(key.escape);
	await app.waitFor(screen => !screen.includes('New tag'));
	const images = await docker.listImages();
	assert.ok(
		!images.some(each =>
			(each.RepoTags ?? []).some(tag =>
				tag.toLowerCase().includes(`bad-${runId}`),
			),
		),
		'no image was tagged',
	);

	const name = fixtures.containerName('badport');
	app.write('r');
	await app.waitFor('Run a container from');
	await typeText(app, name);
	app.write(key.tab);
	app.write(key.tab);
	await typeText(app, '8080:80 99999');
	app.write(key.enter);
	await app.waitFor('✗ port must be 1-65535: 99999');
	await app.waitFor(`Name        ${name}`, 1000);
	app.write(key.escape);
	await app.waitFor(screen => !screen.includes('Run a container from'));
	assert.equal(
		await exists(name, 'container'),
		false,
		'no container was created',
	);
});

test('rmi of an image a running container uses shows the engine’s reason in words and removes nothing', async () => {
	const {name: source} = await fixtures.container({hint: 'base'});
	const reference = fixtures.imageRef('used');
	const [repo, tag] = reference.split(':');
	await docker.getContainer(source).commit({repo, tag});
	const user = fixtures.name('user');
	const created = await docker.createContainer({
		name: user,
		Image: reference,
		Cmd: ['sleep', '600'],
		Labels: fixtures.labels,
		StopSignal: 'SIGKILL',
	});
	await created.start();

	const app = await open();
	app.write('2');
	await app.waitFor('REPOSITORY:TAG');
	await filter(app, `used-${runId}`);
	await app.waitFor(`› ${reference}`);
	app.write('d');
	const dialog = await app.waitFor(`Remove image ${reference}?`);
	assert.match(
		dialog,
		new RegExp(`Used by 1 container: ${user} \\(running\\)`),
	);
	app.write(key.enter);
	const screen = await app.waitFor(`Could not remove ${reference}`, 3000);
	assert.match(
		screen,
		new RegExp(
			`running container ${user} uses it; stop and remove that container first`,
		),
	);
	assert.doesNotMatch(
		screen,
		/Force remove/,
		'the engine cannot be forced here',
	);
	assert.equal(await exists(reference, 'image'), true);
});
