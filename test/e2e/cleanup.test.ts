// Cleanup on the real engine: the prune preview against the docker CLI's own prunes, the removal by id, and the
// Volumes and Networks panes. The engine is shared, so every object made here is named dp-cleanup-<run>-… and
// labelled dockpit-test.owner=cleanup and dp-cleanup.run=<run>; every prune here (dockpit's and the CLI's) runs
// with the label filter label=dockpit-test.owner=cleanup, so it can only take objects of this helper. after()
// removes exactly this run's objects.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {testImage} from '../helpers/docker.js';
import {cleanupFixtures} from '../helpers/cleanup-fixtures.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';

const {
	run,
	owner,
	labels,
	name,
	config,
	env,
	docker,
	lines,
	exists,
	container,
	wait,
} = cleanupFixtures();

/**
`docker build` of the same tag twice: the first build is left dangling. Returns its id.
*/
function danglingImage(hint: string): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-cleanup-build-'));
	const tag = `${name(hint)}:latest`;
	const build = (nonce: string) => {
		fs.writeFileSync(
			path.join(folder, 'Dockerfile'),
			`FROM ${testImage}\nLABEL ${owner} dp-cleanup.run=${run} dp-cleanup.nonce=${nonce}\n`,
		);
		execFileSync('docker', ['build', '-q', '-t', tag, folder], {
			encoding: 'utf8',
			env: {...process.env, DOCKER_CONFIG: config, DOCKER_BUILDKIT: '0'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return docker('image', 'inspect', '--format', '{{.Id}}', tag);
	};

	const first = build(`${hint}-1`);
	const second = build(`${hint}-2`);
	assert.notEqual(first, second);
	fs.rmSync(folder, {recursive: true, force: true});
	return first;
}

/**
The prune screen, filtered to this helper's label, with named volumes ticked (API 1.41's `docker volume prune`
takes named volumes too).
*/
async function openPreview(app: Dockpit, withNamedVolumes: boolean) {
	await wait(app, '● live');
	app.write('C');
	await wait(app, 'Cleanup: what a prune would remove');
	await wait(app, /Build cache \(/);
	app.write('f');
	await wait(app, 'Cleanup filters');
	app.write(key.tab);
	app.write(owner);
	await wait(app, owner);
	app.write(key.enter);
	await wait(app, `filters: label=${owner}`);
	if (withNamedVolumes) {
		app.write('j');
		app.write(' ');
		await wait(app, '[x] named volumes too');
	}

	return wait(app, /Build cache \(/);
}

/**
The preview's items by group, as drawn: `{container: ['[x] name', …], …}`.
*/
function previewItems(screen: string): Record<string, string[]> {
	const groups: Record<string, string[]> = {};
	let group = '';
	for (const line of screen.split('\n')) {
		const heading =
			/(Stopped containers|Images|Volumes|Networks|Build cache) \(/.exec(line);
		if (heading) {
			group = heading[1]!;
			groups[group] = [];
			continue;
		}

		const item = /\[( |x)\] (<none> [\da-f]{12}|\S+)/.exec(line);
		if (
			item &&
			group &&
			!line.includes('named volumes too') &&
			!line.includes('all unused images')
		) {
			groups[group]!.push(`[${item[1]}] ${item[2]}`);
		}
	}

	return groups;
}

test('the preview lists what docker container/image/volume/network prune would remove, with the same label filter', async () => {
	const stoppedCreated = container('agree-created', 'created');
	const stoppedExited = container('agree-exited', 'exited');
	const dangling = danglingImage('agree-img');
	const unusedNamed = name('agree-vol');
	docker('volume', 'create', ...labels, unusedNamed);
	// A volume the engine names (64 hex digits): anonymous, as `-v /path` makes them, but with our labels.
	const anonymous = docker('volume', 'create', ...labels);
	assert.match(anonymous, /^[\da-f]{64}$/);
	const unusedNetwork = name('agree-net');
	docker('network', 'create', ...labels, unusedNetwork);
	const keptVolume = name('agree-keep-vol');
	const keptNetwork = name('agree-keep-net');
	docker('volume', 'create', ...labels, keptVolume);
	docker('network', 'create', ...labels, keptNetwork);
	const keeper = container('agree-keeper', 'running', [
		'-v',
		`${keptVolume}:/data`,
		'--network',
		keptNetwork,
	]);

	const app = startDockpit({env, rows: 45});
	let preview: Record<string, string[]>;
	try {
		preview = previewItems(await openPreview(app, true));
		app.write(key.escape);
	} finally {
		app.kill();
	}

	// Names of every container with the owner label (all of them this helper's), to read the CLI's ids by.
	const namesById = new Map(
		lines(
			docker(
				'ps',
				'-a',
				'--no-trunc',
				'--filter',
				`label=${owner}`,
				'--format',
				'{{.ID}} {{.Names}}',
			),
		).map(line => line.split(' ') as [string, string]),
	);
	// The CLI's prunes, in the order docker system prune runs them, on exactly the same objects.
	const filter = ['--filter', `label=${owner}`];
	const deleted = (output: string) =>
		output
			.split('\n')
			.slice(1)
			.map(line => line.trim().replace(/^deleted: /, ''))
			.filter(
				line =>
					line !== '' &&
					!line.startsWith('Total reclaimed') &&
					!line.startsWith('untagged:'),
			);
	const containers = deleted(docker('container', 'prune', '-f', ...filter));
	const images = deleted(docker('image', 'prune', '-f', ...filter));
	const volumes = deleted(docker('volume', 'prune', '-f', ...filter));
	const networks = deleted(docker('network', 'prune', '-f', ...filter));
	const shown = (group: string) =>
		(preview[group] ?? []).map(item => item.replace(/^\[.\] /, '')).sort();

	assert.deepEqual(
		shown('Stopped containers'),
		containers.map(id => namesById.get(id) ?? id).sort(),
	);
	for (const full of [stoppedCreated, stoppedExited]) {
		assert.ok(
			shown('Stopped containers').includes(full),
			`${full} in the preview`,
		);
		assert.ok(!exists('container', full), `${full} was pruned by the CLI`);
	}

	const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
	assert.deepEqual(
		shown('Images'),
		images.map(id => `<none> ${short(id)}`).sort(),
	);
	assert.ok(shown('Images').includes(`<none> ${short(dangling)}`));
	assert.deepEqual(
		shown('Volumes'),
		volumes
			.map(volume =>
				/^[\da-f]{64}$/.test(volume) ? `${volume.slice(0, 12)}…` : volume,
			)
			.sort(),
	);
	for (const volume of [unusedNamed, `${anonymous.slice(0, 12)}…`]) {
		assert.ok(shown('Volumes').includes(volume), `${volume} in the preview`);
	}

	assert.deepEqual(shown('Networks'), [...networks].sort());
	assert.ok(shown('Networks').includes(unusedNetwork));
	assert.ok(exists('container', keeper));
	// What is in use stays, and was never in the preview.
	assert.ok(exists('volume', keptVolume));
	assert.ok(exists('network', keptNetwork));
	assert.ok(!shown('Volumes').includes(keptVolume));
	assert.ok(!shown('Networks').includes(keptNetwork));
});

test('untick one, confirm: exactly the ticked ones go by id; one started meanwhile is skipped and reported', async () => {
	const first = container('by-id-1', 'created');
	const second = container('by-id-2', 'created');
	const third = container('by-id-3', 'created');
	const volume = name('by-id-vol');
	docker('volume', 'create', ...labels, volume);
	const network = name('by-id-net');
	docker('network', 'create', ...labels, network);
	const keptVolume = name('by-id-keep-vol');
	docker('volume', 'create', ...labels, keptVolume);
	const keeper = container('by-id-keeper', 'running', [
		'-v',
		`${keptVolume}:/data`,
	]);

	const app = startDockpit({env, rows: 45});
	try {
		const screen = await openPreview(app, true);
		const items = previewItems(screen);
		for (const full of [first, second, third]) {
			assert.ok(items['Stopped containers']!.includes(`[x] ${full}`), full);
		}

		assert.ok(items['Volumes']!.includes(`[x] ${volume}`));
		assert.ok(items['Networks']!.includes(`[x] ${network}`));
		assert.ok(!screen.includes(keeper));
		assert.ok(!screen.includes(keptVolume));
		assert.match(screen, new RegExp(`${volume}\\s+DATA LOSS`));

		// The cursor is on the named-volumes option: down to the second container, and untick it.
		const rows = screen.split('\n');
		const heading = rows.findIndex(row => row.includes('Stopped containers ('));
		const target = rows.findIndex(row => row.includes(second));
		const option = rows.findIndex(row => row.includes('named volumes too'));
		for (let step = 0; step < target - option; step++) {
			app.write('j');
		}

		assert.ok(heading > option);
		app.write(' ');
		await wait(app, `[ ] ${second}`);

		// Started between the preview and the confirmation.
		docker('start', third);
		app.write(key.enter);
		const question = await wait(
			app,
			/Remove \d+ objects?, .*\? Enter or y: remove/,
		);
		assert.match(question, /Remove \d+ objects/);
		app.write('y');
		const result = await wait(
			app,
			/Removed \d+ objects?, .* reclaimed/,
			90_000,
		);
		assert.match(result, new RegExp(`${third}: it is running now`));
		assert.match(result, /Skipped \(\d+\): changed since the preview/);
		assert.match(result, new RegExp(first));
	} finally {
		app.kill();
	}

	assert.ok(!exists('container', first), 'the ticked one is gone');
	assert.ok(exists('container', second), 'the unticked one stays');
	assert.ok(exists('container', third), 'the one started meanwhile stays');
	assert.equal(
		docker('inspect', '--format', '{{.State.Status}}', third),
		'running',
	);
	assert.ok(!exists('volume', volume));
	assert.ok(!exists('network', network));
	assert.ok(exists('container', keeper));
	assert.ok(exists('volume', keptVolume));
});
