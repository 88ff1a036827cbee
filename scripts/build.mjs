#!/usr/bin/env node
// Builds what ships: dist/dockpit.cjs, one bundled, minified CommonJS file of cli.tsx and everything it imports,
// and dist/cli.cjs, the small entry point that runs it through V8's code cache (source/launch/launcher.ts).
// One file loads in a fraction of the time that Node takes to resolve and read the few hundred files of the
// unbundled build and its dependencies (issue 11: the first screen went from about 0.9 s to under 0.3 s).
// CommonJS, not ESM, because Node 20 can hand compiled code from one run to the next only for a script
// (vm.Script's cachedData); two dependencies' top-level awaits, which CommonJS cannot have, are taken out below.
// Types are checked separately (`tsc --noEmit`, in `npm test`); esbuild only strips them.
//   node scripts/build.mjs [--metafile] [--no-minify] [--watch]
//   (--metafile also writes dist/meta.json, for a look at what is inside; --watch rebuilds on every change)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {build, context} from 'esbuild';
import {inkOutputCaches} from './ink-output-caches.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'dockpit.cjs');
const entryfile = path.join(root, 'dist', 'cli.cjs');
fs.rmSync(path.join(root, 'dist'), {recursive: true, force: true});

// Each rewrite must find its text; a dependency's upgrade that changes the file fails the build, not the start.
function rewrite(file, ...pairs) {
	let text = fs.readFileSync(file, 'utf8');
	for (const [from, to] of pairs) {
		if (!text.includes(from)) {
			throw new Error(`build: ${file} no longer has ${from}`);
		}

		text = text.replace(from, to);
	}

	return {contents: text, loader: 'js'};
}

// The two top-level awaits in what dockpit bundles (a CommonJS bundle cannot have one):
// - Ink imports React's devtools only when DEV=true, from a module that needs react-devtools-core (not a
//   dependency), and reads its own package.json for them: with DEV=true dockpit runs without devtools.
// - yoga-layout (Ink's layout engine) awaits its WebAssembly module. Emscripten's loader takes an
//   `instantiateWasm` hook, and Node compiles WebAssembly synchronously at any size: with the module given that
//   way the loader is done when it returns. The bytes are the loader's own (a base64 data URL in it).
const noTopLevelAwait = {
	name: 'no-top-level-await',
	setup(build) {
		build.onLoad(
			{filter: /[/\\]ink[/\\]build[/\\]reconciler\.js$/},
			arguments_ =>
				rewrite(
					arguments_.path,
					["await import('./devtools.js');", 'void 0;'],
					[
						'? await loadPackageJson()',
						'? {name: undefined, version: undefined}',
					],
				),
		);
		build.onLoad(
			{
				filter:
					/[/\\]yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/,
			},
			arguments_ => {
				const {contents} = rewrite(arguments_.path, [
					'H="data:application/octet-stream;base64,',
					'H=yogaWasmUrl="data:application/octet-stream;base64,',
				]);
				return {
					contents: `var yogaWasmUrl;\n${contents}\nexport function yogaWasmBytes() { return Buffer.from(yogaWasmUrl.slice(yogaWasmUrl.indexOf(',') + 1), 'base64'); }\n`,
					loader: 'js',
				};
			},
		);
		build.onLoad(
			{filter: /[/\\]yoga-layout[/\\]dist[/\\]src[/\\]index\.js$/},
			arguments_ =>
				rewrite(arguments_.path, [
					'const Yoga = wrapAssembly(await loadYoga());',
					[
						"import {yogaWasmBytes} from '../binaries/yoga-wasm-base64-esm.js';",
						'const yogaModule = {',
						'	instantiateWasm(imports, receive) {',
						'		const instance = new WebAssembly.Instance(new WebAssembly.Module(yogaWasmBytes()), imports);',
						'		receive(instance);',
						'		return instance.exports;',
						'	},',
						'};',
						'loadYoga(yogaModule);',
						"if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');",
						'const Yoga = wrapAssembly(yogaModule);',
					].join('\n'),
				]),
		);
	},
};

const lazyRequires = {
	name: 'lazy-requires',
	setup(build) {
		// BuildKit sessions (gRPC and protobuf) serve builds with `version: '2'` and dockerode's own
		// followProgress; dockpit uses neither (it builds with the classic builder and reads progress itself).
		build.onResolve({filter: /^\.\/(session|buildkit)$/}, arguments_ =>
			arguments_.importer.includes(`${path.sep}dockerode${path.sep}`)
				? {path: arguments_.path, namespace: 'no-buildkit'}
				: undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'no-buildkit'}, () => ({
			contents:
				"module.exports = () => { throw new Error('BuildKit sessions are not part of the dockpit bundle'); };",
			loader: 'js',
		}));
		build.onLoad(
			{filter: /[/\\]docker-modem[/\\]lib[/\\]modem\.js$/},
			arguments_ =>
				rewrite(
					arguments_.path,
					[
						"ssh = require('./ssh'),",
						"ssh = function (options) { return require('./ssh')(options); },",
					],
					// Every request formats its options with util.inspect (showHidden, unlimited depth: the agent, its
					// sockets and their parsers) for a debug line that is dropped unless DEBUG=modem. At start that
					// was 0.6 s of CPU in a 4 s profile, more than anything else: format only when the line is kept.
					[
						"debug('Sending: %s', util.inspect(options, {",
						"if (debug.enabled) debug('Sending: %s', util.inspect(options, {",
					],
				),
		);
	},
};

const options = {
	absWorkingDir: root,
	entryPoints: ['cli.tsx'],
	outfile,
	bundle: true,
	minify: !process.argv.includes('--no-minify'),
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	legalComments: 'linked',
	metafile: process.argv.includes('--metafile'),
	define: {
		// React and its friends pick their production build by this; cli.tsx sets it too, for the unbundled case.
		'process.env.NODE_ENV': '"production"',
		// ESM modules (ours, meow, yoga-layout) ask where they are; in the CommonJS bundle that is the bundle.
		'import.meta.url': '__dockpitUrl',
	},
	// Native and optional modules stay out of the bundle: ssh2's optional native crypto (it falls back to pure
	// JavaScript when the addon is missing) and cpu-features.
	external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
	plugins: [noTopLevelAwait, lazyRequires, inkOutputCaches],
	banner: {
		js: "const __dockpitUrl = require('node:url').pathToFileURL(__filename).href;",
	},
	logLevel: 'warning',
};

// The entry point: small, and not through the code cache itself. CommonJS too: Node starts an ES module entry
// through its ESM loader, 15 to 30 ms more here.
const entry = {
	absWorkingDir: root,
	entryPoints: ['source/launch/entry.ts'],
	outfile: entryfile,
	bundle: true,
	minify: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	logLevel: 'warning',
};

// The bundle's last line names its content (the launcher names its code cache by it: launcher.ts, buildTag). The #!
// line that esbuild keeps from cli.tsx goes: the launcher wraps the text in a function, where it is no comment.
function tagBundle() {
	const text = fs.readFileSync(outfile, 'utf8').replace(/^#!.*\n/, '');
	const hash = crypto.createHash('sha1').update(text).digest('hex');
	fs.writeFileSync(outfile, `${text}\n//# dockpit-build=${hash}\n`);
}

if (process.argv.includes('--watch')) {
	// (Rebuilt bundles have no tag: the launcher hashes them.)
	await build(entry);
	fs.chmodSync(entryfile, 0o755);
	const watching = await context({...options, logLevel: 'info'});
	await watching.watch();
} else {
	const [result] = await Promise.all([build(options), build(entry)]);
	tagBundle();
	if (result.metafile) {
		fs.writeFileSync(
			path.join(root, 'dist', 'meta.json'),
			JSON.stringify(result.metafile),
		);
	}

	fs.chmodSync(entryfile, 0o755);
}
