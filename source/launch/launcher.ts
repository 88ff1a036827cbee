// dockpit's entry point, dist/cli.cjs (entry.ts): it runs the bundle, dist/dockpit.cjs (all of dockpit), through V8's
// code cache.
//
// Node 20 keeps no compiled code between runs (module.enableCompileCache came in Node 22), so every start parsed
// the 1.7 MB bundle and compiled each function the first screen calls, again: about a third of the time to the
// first screen (issue 11). V8 can hand the compiled code over as bytes (vm.Script's cachedData, what
// v8-compile-cache does for CommonJS): the first run writes them after its first screen, later runs start from
// them. V8 checks the bytes against the source and its own version and flags, and rejects what does not fit
// (`cachedDataRejected`); that run then writes them anew. Everything about the cache is best effort: a folder that
// cannot be written, or bytes that cannot be read, only mean a start without it.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {StringDecoder} from 'node:string_decoder';
import vm from 'node:vm';

/**
How long after the start the compiled code is written when dockpit has not asked for it sooner (see
`writeCodeCacheNow`): a run that ends sooner writes it as it exits.
*/
export const cacheWriteDelay = 1000;

/** Where the launcher leaves its writer of the code cache for the bundle (see `writeCodeCacheNow`). */
const writeCodeCache = Symbol.for('dockpit.writeCodeCache');

/**
Writes the code cache now, when the launcher has one to write (a first run, or one whose cache V8 rejected); else
does nothing. dockpit calls it after its first frame, before it changes any V8 flag.
*/
export function writeCodeCacheNow(): void {
	const write = (globalThis as Record<symbol, unknown>)[writeCodeCache];
	if (typeof write === 'function') {
		(write as () => void)();
	}
}

/**
The last line of the bundle, written by scripts/build.mjs: the SHA-1 of what is above it. V8's own check of cached
bytes against a source compares little more than its length, so the cache's file is named by this.
*/
const buildTag = /\n\/\/# dockpit-build=([\da-f]{40})\n?$/;

/**
The folder of the cache: $XDG_CACHE_HOME/dockpit, else ~/.cache/dockpit; none when DOCKPIT_CODE_CACHE=0.
*/
export function cacheFolder(
	environment: NodeJS.ProcessEnv,
): string | undefined {
	if (environment['DOCKPIT_CODE_CACHE'] === '0') {
		return undefined;
	}

	const base =
		environment['XDG_CACHE_HOME'] &&
		path.isAbsolute(environment['XDG_CACHE_HOME'])
			? environment['XDG_CACHE_HOME']
			: path.join(os.homedir(), '.cache');
	return path.join(base, 'dockpit');
}

/**
The cache's file for this bundle on this Node: a new build, or another Node, is another file. Another Node's V8
rejects bytes not its own, but another build of the same length would pass V8's check (see buildTag); and two
installs do not overwrite each other's.
*/
export function cacheFile(
	folder: string,
	source: string,
	versions: {node: string; arch: string},
): string {
	// The build's tag saves hashing 1.7 MB at every start (a few ms), and loading Node's crypto (3 ms); a bundle
	// without one is hashed here.
	const hash = (
		buildTag.exec(source.slice(-80))?.[1] ??
		(createRequire(folder)('node:crypto') as typeof import('node:crypto'))
			.createHash('sha1')
			.update(source)
			.digest('hex')
	).slice(0, 16);
	return path.join(
		folder,
		`code-${versions.node}-${versions.arch}-${hash}.bin`,
	);
}

/*
glibc's malloc serves a block over 128 KB with a mapping of its own, and when such a block is freed it raises that
threshold to the block's size, and the size of free memory it keeps before giving any back to twice that. A 1.7 MB
read of the bundle, freed once it is a string, left dockpit's malloc heap keeping memory it no longer used, for as
long as it runs (with 50 running containers, after the first minute: RSS 98 → 92 MB, one run each). So the bundle is read
in blocks below the threshold, and the cache's bytes, which V8 needs only while it compiles, are never freed.
*/
const readBlock = 64 * 1024;
let keptCacheBytes: Buffer | undefined;

function readSource(file: string): string {
	const descriptor = fs.openSync(file, 'r');
	try {
		const block = Buffer.allocUnsafe(readBlock);
		const decoder = new StringDecoder('utf8');
		let text = '';
		let read: number;
		while ((read = fs.readSync(descriptor, block, 0, readBlock, null)) > 0) {
			text += decoder.write(block.subarray(0, read));
		}

		return text + decoder.end();
	} finally {
		fs.closeSync(descriptor);
	}
}

function readCache(file: string): Buffer | undefined {
	try {
		keptCacheBytes = fs.readFileSync(file);
		return keptCacheBytes;
	} catch {
		return undefined;
	}
}

/** Writes the bytes next to their place, then renames (a run starting meanwhile never reads half of them). */
function writeCache(file: string, data: Buffer): void {
	try {
		const folder = path.dirname(file);
		fs.mkdirSync(folder, {recursive: true, mode: 0o700});
		const partial = `${file}.${process.pid}.partial`;
		fs.writeFileSync(partial, data, {mode: 0o600});
		fs.renameSync(partial, file);
		// The bytes of earlier builds for this Node are of no more use (another Node's, say under nvm, stay).
		const sameNode = path.basename(file).replace(/[\da-f]+\.bin$/, '');
		for (const name of fs.readdirSync(folder)) {
			if (name.startsWith(sameNode) && path.join(folder, name) !== file) {
				fs.rmSync(path.join(folder, name), {force: true});
			}
		}
	} catch {}
}

type ModuleFunction = (
	exports: unknown,
	require: NodeJS.Require,
	module: {exports: unknown},
	filename: string,
	dirname: string,
) => void;

/**
Runs the bundle at `bundle` as Node would run a CommonJS module, with the compiled code of an earlier run when
there is one.
*/
export function launch(bundle: string): void {
	const source = readSource(bundle);
	const folder = cacheFolder(process.env);
	const file =
		folder === undefined
			? undefined
			: cacheFile(folder, source, {node: process.version, arch: process.arch});
	const cached = file === undefined ? undefined : readCache(file);
	// The wrapper Node's own CommonJS loader puts around a module.
	// (A #! line is a comment only on a file's first line; the build takes it out of the bundle, an untagged one
	// from `--watch` may still have it.)
	const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
	const script = new vm.Script(
		`(function (exports, require, module, __filename, __dirname) {${body}\n})`,
		{filename: bundle, ...(cached ? {cachedData: cached} : {})},
	);
	const run = script.runInThisContext() as ModuleFunction;
	const module = {exports: {}};
	if (
		file !== undefined &&
		(cached === undefined || script.cachedDataRejected)
	) {
		// Written once the first screen has compiled what it calls, so that later starts find that code too.
		let written = false;
		const write = () => {
			if (!written) {
				written = true;
				keptCacheBytes = script.createCachedData();
				writeCache(file, keptCacheBytes);
			}
		};

		// The bundle writes it itself once its first screen is drawn (`writeCodeCacheNow`), before it sets any
		// V8 flag: V8 stamps the bytes with a hash of its flags and rejects them in a run whose flags differ, and
		// dockpit changes one after its first frame (source/launch/new-space.ts). Written after that, the cache
		// was rejected at every start, and written again. The timer and the exit are for runs that never draw.
		(globalThis as Record<symbol, unknown>)[writeCodeCache] = write;
		setTimeout(write, cacheWriteDelay).unref();
		process.once('exit', write);
	}

	run(
		module.exports,
		createRequire(bundle),
		module,
		bundle,
		path.dirname(bundle),
	);
}
