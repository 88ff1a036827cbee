/**
Images and files in and out of the real engine, in a pty (the registry half is transfer.test.ts): build with a
.dockerignore, save/load, import, export, cp in and out.
*/
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {after, afterEach, test} from 'node:test';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, eventually, key, startDockpit} from '../helpers/pty.js';

const run = promisify(execFile);
const docker = new Docker();
const runId = crypto.randomBytes(3).toString('hex');
const owner = {'dockpit-test.owner': 'compose'};
const ctrlU = '\u0015';
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-compose-xfer-'));
const references = new Set<string>();
let app: Dockpit | undefined;

afterEach(() => {
	app?.kill();
	app = undefined;
});

after(async () => {
	const containers = await docker.listContainers({
		all: true,
		filters: {label: ['dockpit-test.owner=compose']},
	});
	await Promise.all(
		containers
			.filter(info => info.Names.some(name => name.startsWith('/dp-compose-')))
			.map(async info =>
				docker
					.getContainer(info.Id)
					.remove({force: true})
					.catch(() => undefined),
			),
	);
	for (const reference of references) {
		// eslint-disable-next-line no-await-in-loop
		await docker
			.getImage(reference)
			.remove()
			.catch(() => undefined);
	}

	fs.rmSync(temporary, {recursive: true, force: true});
});

/**
A reference of this run (removed after the file).
*/
function reference(name: string, host = '') {
	const full = `${host ? `${host}/` : ''}dp-compose/${name}-${runId}:v1`;
	references.add(full);
	return full;
}

/**
A docker config folder of its own (DOCKER_CONFIG), empty.
*/
function configFolder(name: string) {
	const folder = path.join(temporary, `config-${name}`);
	fs.mkdirSync(folder, {recursive: true});
	return folder;
}

async function open(
	pane: '1' | '2',
	filter: string,
	env: Record<string, string> = {},
) {
	app = startDockpit({env: {DOCKER_CONFIG: configFolder('none'), ...env}});
	await app.waitFor('● live', 20_000);
	app.write(pane);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(filter);
	await app.waitFor(`/ ${filter}`);
	app.write(key.enter);
	await app.waitFor(`filter: ${filter}`);
	return app;
}

async function type(screen: Dockpit, text: string) {
	screen.write(text);
	await screen.waitFor(text.slice(-20));
}

/**
An image of its own (a label makes its id unique), built by the CLI.
*/
async function uniqueImage(name: string) {
	const folder = fs.mkdtempSync(path.join(temporary, 'unique-'));
	fs.writeFileSync(
		path.join(folder, 'Dockerfile'),
		`FROM ${testImage}\nLABEL dockpit-test.owner=compose dp-compose.run=${runId}-${name}\n`,
	);
	await run('docker', ['build', '-q', '-t', name, folder], {timeout: 120_000});
}

async function imageId(name: string) {
	return docker
		.getImage(name)
		.inspect()
		.then(
			info => info.Id,
			() => undefined,
		);
}

test('build honours .dockerignore: an ignored file is not in the image; a failing RUN shows its error', async () => {
	const folder = path.join(temporary, 'build');
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, 'keep.txt'), 'kept\n');
	fs.writeFileSync(path.join(folder, 'secret.txt'), 'must not be sent\n');
	fs.writeFileSync(path.join(folder, '.dockerignore'), 'secret.txt\n');
	fs.writeFileSync(
		path.join(folder, 'Dockerfile'),
		`FROM ${testImage}\nLABEL dockpit-test.owner=compose\nCOPY . /ctx/\n`,
	);
	fs.writeFileSync(
		path.join(folder, 'Broken.Dockerfile'),
		`FROM ${testImage}\nRUN echo about to fail && exit 3\n`,
	);
	const built = reference('built');
	const screen = await open('2', runId);
	screen.write('B');
	await screen.waitFor('Build an image');
	screen.write(ctrlU);
	await type(screen, folder);
	screen.write(key.tab);
	screen.write(key.tab);
	await type(screen, built);
	screen.write(key.enter);
	await screen.waitFor(`Built ${built}`, 90_000);
	screen.write(key.escape);
	await screen.waitFor(`› ${built}`);
	const {stdout} = await run(
		'docker',
		['run', '--rm', built, 'ls', '-a', '/ctx'],
		{
			timeout: 60_000,
		},
	);
	const listed = stdout.split(/\s+/);
	assert.ok(listed.includes('keep.txt'), stdout);
	assert.ok(listed.includes('Dockerfile'), stdout);
	assert.ok(!listed.includes('secret.txt'), 'the ignored file was not sent');

	screen.write('B');
	await screen.waitFor('Build an image');
	screen.write(ctrlU);
	await type(screen, folder);
	screen.write(key.tab);
	await type(screen, 'Broken.Dockerfile');
	screen.write(key.enter);
	const failed = await screen.waitFor('Build failed', 90_000);
	assert.match(failed, /about to fail/);
	assert.match(failed, /returned a non-zero code: 3/);
});

test('save → rmi → load gives the same image; import a tarball; export a container', async () => {
	const saved = reference('saved');
	await uniqueImage(saved);
	const id = await imageId(saved);
	const tar = path.join(temporary, 'saved.tar');
	const screen = await open('2', `saved-${runId}`);
	await screen.waitFor(`› ${saved}`);
	screen.write('W');
	await screen.waitFor(`Save ${saved} to a tar`);
	screen.write(ctrlU);
	await type(screen, tar);
	screen.write(key.enter);
	await screen.waitFor(`Saved ${saved} to ${tar}`, 60_000);
	assert.ok(fs.statSync(tar).size > 100_000);
	screen.write(key.enter);

	// Saving onto that file again asks first; the tick (Space) and Enter replace it.
	const before = fs.statSync(tar).mtimeMs;
	screen.write('W');
	await screen.waitFor(`Save ${saved} to a tar`);
	screen.write(ctrlU);
	await type(screen, tar);
	screen.write(key.enter);
	await screen.waitFor('exists: tick Overwrite (Space)');
	assert.equal(fs.statSync(tar).mtimeMs, before, 'nothing written yet');
	screen.write(' ');
	await screen.waitFor('[x] Overwrite');
	screen.write(key.enter);
	await eventually(
		async () => fs.statSync(tar).mtimeMs !== before,
		60_000,
		'the tar replaced',
	);
	await screen.waitFor(`Saved ${saved} to ${tar}`, 60_000);
	screen.write(key.enter);

	await docker.getImage(saved).remove();
	assert.equal(await imageId(id!), undefined, 'the image is gone');
	await screen.waitFor(screen => !screen.includes(`› ${saved}`));
	screen.write('L');
	await screen.waitFor('Load images from a tar');
	await type(screen, tar);
	screen.write(key.enter);
	await screen.waitFor(`Loaded ${saved}`, 60_000);
	assert.equal(await imageId(saved), id, 'the same image id');
	screen.write(key.enter);

	// Import: a tarball with one file, a message and a CMD.
	const rootfs = path.join(temporary, 'rootfs');
	fs.mkdirSync(rootfs);
	fs.writeFileSync(path.join(rootfs, 'hello.txt'), 'imported\n');
	const tarball = path.join(temporary, 'rootfs.tar');
	await run('tar', ['-C', rootfs, '-cf', tarball, '.']);
	const imported = reference('imported');
	screen.write('I');
	await screen.waitFor('Import a filesystem tarball as an image');
	await type(screen, tarball);
	screen.write(key.tab);
	await type(screen, imported);
	screen.write(key.tab);
	await type(screen, 'from dockpit');
	screen.write(key.tab);
	await type(screen, 'CMD ["/hello.txt"]');
	screen.write(key.enter);
	await screen.waitFor(`Imported ${tarball} as ${imported}`, 60_000);
	screen.write(key.enter);
	const image = await docker.getImage(imported).inspect();
	assert.deepEqual(image.Config.Cmd, ['/hello.txt']);
	assert.equal(image.Comment, 'from dockpit');

	// Export: a file written in a container is in the tar.
	const name = `dp-compose-export-${runId}`;
	const container = await docker.createContainer({
		name,
		Image: testImage,
		Cmd: ['sh', '-c', 'echo exported > /made-here.txt; sleep 600'],
		Labels: owner,
		StopSignal: 'SIGKILL',
	});
	await container.start();
	await run('docker', [
		'exec',
		name,
		'sh',
		'-c',
		'test -f /made-here.txt || sleep 1',
	]);
	screen.write('1');
	screen.write('/');
	await screen.waitFor('type to filter');
	screen.write(ctrlU);
	await type(screen, name);
	screen.write(key.enter);
	await screen.waitFor(new RegExp(`› ${name}`));
	const exported = path.join(temporary, 'exported.tar');
	screen.write('E');
	await screen.waitFor(`Export the filesystem of ${name}`);
	screen.write(ctrlU);
	await type(screen, exported);
	screen.write(key.enter);
	await screen.waitFor(`Exported ${name} to ${exported}`, 60_000);
	const {stdout} = await run('tar', ['-tf', exported], {maxBuffer: 10_000_000});
	assert.ok(
		stdout.split('\n').includes('made-here.txt'),
		'the file is in the export',
	);
});

test('cp: a file and a folder out of a container (its symlinks as they are), a file into it, contents checked', async () => {
	const name = `dp-compose-cp-${runId}`;
	const container = await docker.createContainer({
		name,
		Image: testImage,
		Cmd: ['sh', '-c', 'echo from the container > /greeting; sleep 600'],
		Labels: owner,
		StopSignal: 'SIGKILL',
	});
	await container.start();
	const screen = await open('1', name);
	await screen.waitFor(new RegExp(`› ${name}`));
	screen.write('F');
	await screen.waitFor(`Files of ${name}: /`);
	await screen.waitFor('greeting');
	// Enter goes into the first folder (folders come first: /bin), h back up.
	screen.write(key.enter);
	await screen.waitFor(`Files of ${name}: /bin`);
	await screen.waitFor(/busybox/);
	screen.write('h');
	await screen.waitFor(
		screen => screen.includes('greeting') && !screen.includes(': /bin'),
	);

	// Out: the form opens on the host path (the source is the entry under the cursor); any path may be typed.
	screen.write('F');
	await screen.waitFor('To (host)');
	const out = path.join(temporary, 'out');
	fs.mkdirSync(out);
	screen.write(ctrlU);
	await type(screen, `${out}/`);
	screen.write('\u001B[Z'); // Shift-Tab: back to From.
	screen.write(ctrlU);
	await type(screen, '/greeting');
	screen.write(key.enter);
	await screen.waitFor(`Copied ${name}:/greeting`, 30_000);
	assert.equal(
		fs.readFileSync(path.join(out, 'greeting'), 'utf8'),
		'from the container\n',
	);

	// A folder into an existing folder lands inside it (out/etc/passwd); `src/.` copies what is in it.
	for (const [from, to, expected] of [
		['/etc', `${out}/`, path.join(out, 'etc', 'passwd')],
		[
			'/etc/.',
			path.join(out, 'contents'),
			path.join(out, 'contents', 'passwd'),
		],
	] as const) {
		// After a copy the browser reads its folder again; F takes the entry under the cursor, once it is listed.
		// eslint-disable-next-line no-await-in-loop
		await screen.waitFor(
			current =>
				current.includes(`Files of ${name}: /`) &&
				current.includes('greeting') &&
				!current.includes('(reading…)'),
		);
		screen.write('F');
		// eslint-disable-next-line no-await-in-loop
		await screen.waitFor('To (host)');
		screen.write(ctrlU);
		// eslint-disable-next-line no-await-in-loop
		await type(screen, to);
		screen.write('\u001B[Z');
		screen.write(ctrlU);
		// eslint-disable-next-line no-await-in-loop
		await type(screen, from);
		screen.write(key.enter);
		// eslint-disable-next-line no-await-in-loop
		await screen.waitFor(`Copied ${name}:${from} to`, 30_000);
		assert.match(
			fs.readFileSync(expected, 'utf8'),
			/^root:/,
			`${from} → ${to}`,
		);
	}

	// A symlink that points out of the folder is copied as it is, as docker cp does (the engine makes
	// /etc/mtab -> /proc/mounts in every container); nothing was written through it.
	const mtab = path.join(out, 'etc', 'mtab');
	assert.ok(fs.lstatSync(mtab).isSymbolicLink(), 'etc/mtab is a symlink');
	assert.equal(fs.readlinkSync(mtab), '/proc/mounts');

	// In: a host file into /tmp of the container.
	const host = path.join(temporary, 'to-container.txt');
	fs.writeFileSync(host, 'from the host\n');
	screen.write('T');
	await screen.waitFor('From (host)');
	await type(screen, host);
	screen.write(key.tab);
	screen.write(ctrlU);
	await type(screen, '/tmp/');
	screen.write(key.enter);
	await screen.waitFor(`Copied ${host} to ${name}:/tmp`, 30_000);
	const {stdout} = await run('docker', [
		'exec',
		name,
		'cat',
		'/tmp/to-container.txt',
	]);
	assert.equal(stdout, 'from the host\n');

	// A missing parent is an error in words, and nothing is copied.
	screen.write('T');
	await screen.waitFor('From (host)');
	await type(screen, host);
	screen.write(key.tab);
	screen.write(ctrlU);
	await type(screen, '/no/such/folder/x.txt');
	screen.write(key.enter);
	await screen.waitFor(/does not exist|no such/i, 30_000);
});
