#!/usr/bin/env node
// The whole test suite, as `npm test` runs it on a fresh clone:
//   1. formatting (prettier --check) and types (tsc over source and tests),
//   2. the build that the end-to-end tests start (dist/cli.cjs),
//   3. a real Docker engine and the test image (test/engine-up.sh: uses the one that answers, or installs and
//      starts one, or fails saying how to get one),
//   4. every test file under node's test runner: unit, component, engine and end-to-end tests.
// `--fast` runs only steps 1 and the unit and component tests (no engine needed).
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fast = process.argv.includes('--fast');
const only = process.argv
	.slice(2)
	.filter(argument => !argument.startsWith('--'));

function step(title, command, args, options = {}) {
	process.stdout.write(`\n== ${title}\n`);
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		...options,
	});
	if (result.status !== 0) {
		process.stdout.write(
			`\n== ${title}: failed (exit ${result.status ?? result.signal})\n`,
		);
		process.exit(result.status || 1);
	}
}

function testFiles(folder) {
	const directory = path.join(root, 'test', folder);
	if (!fs.existsSync(directory)) {
		return [];
	}

	return fs
		.readdirSync(directory)
		.filter(name => /\.test\.tsx?$/.test(name))
		.sort()
		.map(name => path.join('test', folder, name));
}

const bin = name => path.join(root, 'node_modules', '.bin', name);

if (only.length === 0) {
	step('format (prettier --check)', bin('prettier'), [
		'--check',
		'.',
		'--log-level',
		'warn',
	]);
	step('types (tsc)', bin('tsc'), ['--noEmit', '-p', 'test/tsconfig.json']);
}

const folders = fast ? ['unit', 'ui'] : ['unit', 'ui', 'engine', 'e2e'];
const files =
	only.length > 0 ? only : folders.flatMap(folder => testFiles(folder));
if (!fast) {
	step('build (scripts/build.mjs: the bundle)', process.execPath, [
		'scripts/build.mjs',
	]);
	step('engine (test/engine-up.sh)', 'bash', ['test/engine-up.sh']);
	if (only.length === 0) {
		sweep();
	}
}

// Before a whole run, on an engine this suite started itself only: what an earlier, killed run of the tests left
// behind (labelled dockpit.test) would show on this run's screens. Never on a shared engine, and never for a run
// of a few files (someone else's tests may be running beside them).
function sweep() {
	const stateDirectory = process.env.DOCKPIT_STATE_DIR ?? '/tmp/dockpit-engine';
	if (!fs.existsSync(path.join(stateDirectory, 'started-here'))) {
		return;
	}

	const docker = (...args) =>
		spawnSync('docker', args, {encoding: 'utf8'}).stdout?.trim() ?? '';
	const containers = docker('ps', '-aq', '--filter', 'label=dockpit.test');
	if (containers !== '') {
		spawnSync('docker', ['rm', '-f', '-v', ...containers.split('\n')]);
	}

	for (const kind of ['volume', 'network']) {
		const names = docker(kind, 'ls', '-q', '--filter', 'label=dockpit.test');
		if (names !== '') {
			spawnSync('docker', [kind, 'rm', ...names.split('\n')]);
		}
	}

	const count = containers === '' ? 0 : containers.split('\n').length;
	process.stdout.write(
		`\n== sweep: ${count} container(s) left by an earlier run removed\n`,
	);
}

// Tests compile with test/tsconfig.json (the root one only covers what ships), for its JSX settings.
process.env.TSX_TSCONFIG_PATH = path.join(root, 'test', 'tsconfig.json');
// The fault suite's short form (test/e2e/soak-short.test.ts) runs for about three minutes: node 20 counts a
// file's whole run against --test-timeout, so it gets a step of its own with a longer one.
const soak = files.filter(file => file.endsWith('soak-short.test.ts'));
const rest = files.filter(file => !soak.includes(file));
for (const [title, group, timeout] of [
	[`tests (${rest.length} files)`, rest, 120_000],
	['fault suite, short form', soak, 400_000],
]) {
	if (group.length > 0) {
		step(title, process.execPath, [
			'--import=tsx',
			'--test',
			'--test-concurrency=1',
			`--test-timeout=${timeout}`,
			...group,
		]);
	}
}
