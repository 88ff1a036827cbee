/**
The package as users get it: `npm pack`, then a global install of the tarball into a fresh prefix with the
network off (the bundle needs nothing else), then the installed `dockpit` in a pseudo-terminal against the real
engine. Also `npm exec` of the tarball, as `npx ./dockpit-*.tgz` does.
*/
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {after, before, test} from 'node:test';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, startDockpit} from '../helpers/pty.js';

const run = promisify(execFile);
const root = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
);
const manifest = JSON.parse(
	fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
) as {version: string; name: string};
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-perf-install-'));
const prefix = path.join(temporary, 'prefix');
// npm with its own cache and config, offline: only the tarball may be installed.
const npmEnv = {
	...process.env,
	npm_config_cache: path.join(temporary, 'cache'),
	npm_config_userconfig: path.join(temporary, 'npmrc'),
	npm_config_offline: 'true',
	npm_config_audit: 'false',
	npm_config_fund: 'false',
	npm_config_update_notifier: 'false',
};
const docker = new Docker();
const owner = {'dockpit-test.owner': 'perf'};
const containerName = `dp-perf-install-${crypto.randomBytes(3).toString('hex')}`;
let tarball = '';
let app: Dockpit | undefined;

before(async () => {
	const {stdout} = await run(
		'npm',
		['pack', '--json', '--pack-destination', temporary],
		{cwd: root, env: npmEnv},
	);
	const [packed] = JSON.parse(stdout) as Array<{
		filename: string;
		files: Array<{path: string}>;
	}>;
	assert.ok(packed, 'npm pack made a tarball');
	tarball = path.join(temporary, packed.filename);
	assert.deepEqual(
		packed.files.map(file => file.path).sort(),
		[
			'dist/cli.cjs',
			'dist/dockpit.cjs',
			'dist/dockpit.cjs.LEGAL.txt',
			'package.json',
			'readme.md',
		],
		'the package holds the bundle, its licences, the manifest and the readme',
	);
	const container = await docker.createContainer({
		name: containerName,
		Image: testImage,
		Cmd: ['sleep', '600'],
		Labels: owner,
		StopSignal: 'SIGKILL',
	});
	await container.start();
});

after(async () => {
	app?.kill();
	await docker
		.getContainer(containerName)
		.remove({force: true})
		.catch(() => undefined);
	fs.rmSync(temporary, {recursive: true, force: true});
});

test('the packed tarball installs globally offline and runs as dockpit: version, then the first screen', async () => {
	await run('npm', ['install', '--global', '--prefix', prefix, tarball], {
		env: npmEnv,
	});
	const bin = path.join(prefix, 'bin', 'dockpit');
	const installed = path.join(prefix, 'lib', 'node_modules', manifest.name);
	assert.deepEqual(
		fs.readdirSync(installed).sort(),
		['dist', 'package.json', 'readme.md'],
		'no node_modules: the bundle needs nothing else',
	);
	const {stdout: version} = await run(bin, ['--version']);
	assert.equal(version.trim(), manifest.version);

	app = startDockpit({executable: bin, columns: 160, rows: 45});
	await app.waitFor('● live', 20_000);
	app.write('/');
	app.write(containerName);
	app.write('\r');
	const screen = await app.waitFor(
		text =>
			text.includes(`filter: ${containerName}`) &&
			text.includes(`› ${containerName}`),
		10_000,
	);
	assert.match(screen, new RegExp(`› ${containerName} +${testImage} +running`));
	app.write('q');
	const {exitCode} = await app.exited;
	assert.equal(exitCode, 0);
	app = undefined;
});

test('npm exec of the tarball (what npx ./dockpit-*.tgz does) runs it', async () => {
	const {stdout} = await run(
		'npm',
		['exec', '--yes', `--package=${tarball}`, '--', 'dockpit', '--version'],
		{cwd: temporary, env: npmEnv},
	);
	assert.equal(stdout.trim(), manifest.version);
});
