import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {fileURLToPath} from 'node:url';
import {cacheFile, cacheFolder} from '../../source/launch/launcher.js';

const root = path.dirname(
	path.dirname(path.dirname(fileURLToPath(import.meta.url))),
);
const launcher = path.join(root, 'source', 'launch', 'launcher.ts');

test('launcher: the cache lives in $XDG_CACHE_HOME/dockpit, else ~/.cache/dockpit; DOCKPIT_CODE_CACHE=0 turns it off', () => {
	assert.equal(cacheFolder({XDG_CACHE_HOME: '/x/cache'}), '/x/cache/dockpit');
	// A relative XDG_CACHE_HOME is invalid by the spec, and ignored.
	assert.equal(
		cacheFolder({XDG_CACHE_HOME: 'relative'}),
		path.join(os.homedir(), '.cache', 'dockpit'),
	);
	assert.equal(cacheFolder({}), path.join(os.homedir(), '.cache', 'dockpit'));
	assert.equal(cacheFolder({DOCKPIT_CODE_CACHE: '0'}), undefined);
});

test('launcher: the cache file is named by the build tag when there is one, else by the hash of the source', () => {
	const versions = {node: 'v20.0.0', arch: 'x64'};
	const body = 'module.exports = 1;';
	const hash = crypto.createHash('sha1').update(body).digest('hex');
	const tagged = `${body}\n//# dockpit-build=${hash}\n`;
	assert.equal(
		cacheFile('/c', tagged, versions),
		`/c/code-v20.0.0-x64-${hash.slice(0, 16)}.bin`,
	);
	// Untagged: hashed here, the whole text.
	const untagged = 'module.exports = 2;';
	const own = crypto.createHash('sha1').update(untagged).digest('hex');
	assert.equal(
		cacheFile('/c', untagged, versions),
		`/c/code-v20.0.0-x64-${own.slice(0, 16)}.bin`,
	);
	// Same length, other text: another file (V8's own check would let the bytes through).
	assert.notEqual(
		cacheFile('/c', 'module.exports = 3;', versions),
		cacheFile('/c', untagged, versions),
	);
	assert.notEqual(
		cacheFile('/c', tagged, {...versions, node: 'v20.1.0'}),
		cacheFile('/c', tagged, versions),
	);
});

/** Runs `bundle` through launch() in a Node of its own, with XDG_CACHE_HOME at `cache`. */
function runBundle(
	bundle: string,
	cache: string,
	extra: NodeJS.ProcessEnv = {},
) {
	const script = `import {launch} from ${JSON.stringify(launcher)}; launch(${JSON.stringify(bundle)});`;
	return spawnSync(
		process.execPath,
		['--import=tsx', '--input-type=module', '--eval', script],
		{
			cwd: root,
			encoding: 'utf8',
			env: {...process.env, XDG_CACHE_HOME: cache, ...extra},
		},
	);
}

test('launcher: runs the bundle as a CommonJS module, writes the compiled code as it exits, and the next run takes it', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-launcher-'));
	try {
		const bundle = path.join(folder, 'bundle.cjs');
		// What a CommonJS module gets: require (relative to the bundle), module, __filename, __dirname.
		fs.writeFileSync(
			bundle,
			[
				'#!/usr/bin/env node',
				"const path = require('node:path');",
				"module.exports = 'ran';",
				"process.stdout.write([module.exports, path.basename(__filename), __dirname === path.dirname(__filename), typeof require.resolve].join(' '));",
				"process.stdout.write(' ' + require('./helper.cjs'));",
			].join('\n'),
		);
		fs.writeFileSync(
			path.join(folder, 'helper.cjs'),
			"module.exports = 'helper';",
		);
		const cache = path.join(folder, 'cache');
		const first = runBundle(bundle, cache);
		assert.equal(first.status, 0, first.stderr);
		assert.equal(first.stdout, 'ran bundle.cjs true function helper');
		const written = fs.readdirSync(path.join(cache, 'dockpit'));
		assert.equal(written.length, 1, 'one cache file');
		assert.match(written[0]!, /^code-v\d+\.\d+\.\d+-\w+-[\da-f]{16}\.bin$/);
		const file = path.join(cache, 'dockpit', written[0]!);
		const before = fs.statSync(file).mtimeMs;
		// The second run reads it, V8 takes it, and nothing is written again.
		const second = runBundle(bundle, cache);
		assert.equal(second.status, 0, second.stderr);
		assert.equal(second.stdout, first.stdout);
		assert.equal(
			fs.statSync(file).mtimeMs,
			before,
			'an accepted cache is not rewritten',
		);
		// Bytes that are not V8's: rejected, the run goes on, and the file is written anew.
		fs.writeFileSync(file, 'not a code cache');
		const third = runBundle(bundle, cache);
		assert.equal(third.status, 0, third.stderr);
		assert.equal(third.stdout, first.stdout);
		assert.notEqual(fs.readFileSync(file, 'utf8'), 'not a code cache');
		// Another build: its own file, and the old one is removed; another Node's stays.
		const otherNode = 'code-v0.0.0-x64-0123456789abcdef.bin';
		fs.writeFileSync(path.join(cache, 'dockpit', otherNode), '');
		fs.appendFileSync(bundle, '\n// another build');
		const fourth = runBundle(bundle, cache);
		assert.equal(fourth.status, 0, fourth.stderr);
		const after = fs
			.readdirSync(path.join(cache, 'dockpit'))
			.filter(name => name !== otherNode);
		assert.equal(after.length, 1);
		assert.notEqual(after[0], written[0]);
		assert.ok(fs.existsSync(path.join(cache, 'dockpit', otherNode)));
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});

test('launcher: a cache folder that cannot be written only means a start without it', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-launcher-'));
	try {
		const bundle = path.join(folder, 'bundle.cjs');
		fs.writeFileSync(bundle, "process.stdout.write('ran');");
		// A file where the folder would be.
		const cache = path.join(folder, 'cache');
		fs.writeFileSync(cache, '');
		const run = runBundle(bundle, cache);
		assert.equal(run.status, 0, run.stderr);
		assert.equal(run.stdout, 'ran');
		assert.equal(run.stderr, '');
		const off = runBundle(bundle, path.join(folder, 'off'), {
			DOCKPIT_CODE_CACHE: '0',
		});
		assert.equal(off.stdout, 'ran');
		assert.equal(fs.existsSync(path.join(folder, 'off')), false);
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});

test('launcher: the bundle writes the cache before it changes a V8 flag, and the next run takes it (after, V8 rejected it at every start)', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-launcher-'));
	try {
		const bundle = (name: string, early: boolean) => {
			const file = path.join(folder, name);
			fs.writeFileSync(
				file,
				[
					"const v8 = require('node:v8');",
					// What main.tsx does after its first frame: writeCodeCacheNow(), then capNewSpace().
					early ? "globalThis[Symbol.for('dockpit.writeCodeCache')]?.();" : '',
					"v8.setFlagsFromString('--semi-space-growth-factor=1');",
					"process.stdout.write('ran');",
				].join('\n'),
			);
			return file;
		};

		const cacheOf = (cache: string) => {
			const names = fs.readdirSync(path.join(cache, 'dockpit'));
			assert.equal(names.length, 1);
			return path.join(cache, 'dockpit', names[0]!);
		};

		// Written before the flag: the second run takes the bytes (not written again).
		const early = bundle('early.cjs', true);
		const earlyCache = path.join(folder, 'early-cache');
		assert.equal(runBundle(early, earlyCache).stdout, 'ran');
		const written = fs.statSync(cacheOf(earlyCache)).mtimeMs;
		assert.equal(runBundle(early, earlyCache).stdout, 'ran');
		assert.equal(fs.statSync(cacheOf(earlyCache)).mtimeMs, written);
		// Written at exit, after the flag: rejected next time, and written again.
		const late = bundle('late.cjs', false);
		const lateCache = path.join(folder, 'late-cache');
		assert.equal(runBundle(late, lateCache).stdout, 'ran');
		const lateWritten = fs.statSync(cacheOf(lateCache)).mtimeMs;
		// (mtimes have a resolution; make a rewrite visible)
		fs.utimesSync(cacheOf(lateCache), new Date(0), new Date(0));
		assert.equal(runBundle(late, lateCache).stdout, 'ran');
		assert.notEqual(
			fs.statSync(cacheOf(lateCache)).mtimeMs,
			0,
			'rejected, so written again',
		);
		assert.ok(lateWritten > 0);
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});
