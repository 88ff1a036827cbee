#!/usr/bin/env node
// Builds what ships: one bundled, minified ESM file, dist/cli.js, from cli.tsx and everything it imports.
// One file loads in a fraction of the time that Node takes to resolve and read the few hundred files of the
// unbundled build and its dependencies (issue 11: the first screen went from about 0.9 s to under 0.3 s).
// Types are checked separately (`tsc --noEmit`, in `npm test`); esbuild only strips them.
//   node scripts/build.mjs [--metafile] [--no-minify] [--watch]
//   (--metafile also writes dist/meta.json, for a look at what is inside; --watch rebuilds on every change)
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {build, context} from 'esbuild';
import {inkOutputCaches} from './ink-output-caches.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'cli.js');
fs.rmSync(path.join(root, 'dist'), {recursive: true, force: true});

// Ink connects to React's devtools only when DEV=true, through a dynamic import of a module that needs the
// react-devtools-core package (not a dependency). In one file that import would be hoisted and required at start:
// give Ink a stand-in that says what is missing instead.
const noDevtools = {
	name: 'no-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, arguments_ =>
			arguments_.importer.includes(`${path.sep}ink${path.sep}`)
				? {path: 'ink-devtools', namespace: 'no-devtools'}
				: undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'no-devtools'}, () => ({
			contents:
				"throw new Error('React devtools are not part of the dockpit bundle (DEV=true)');",
		}));
	},
};

// dockerode and docker-modem require, at load, what only some uses need: BuildKit sessions (gRPC and protobuf,
// left out) and ssh2 (for ssh:// hosts, required here on first use instead). Together that was more than half
// of the bundle's code to evaluate before the first screen.
const lazyRequires = {
	name: 'lazy-requires',
	setup(build) {
		const rewrite = (file, ...pairs) => {
			let text = fs.readFileSync(file, 'utf8');
			for (const [from, to] of pairs) {
				if (!text.includes(from)) {
					throw new Error(`lazy-requires: ${file} no longer has ${from}`);
				}

				text = text.replace(from, to);
			}

			return {contents: text, loader: 'js'};
		};

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
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	legalComments: 'linked',
	metafile: process.argv.includes('--metafile'),
	// React and its friends pick their production build by this; cli.tsx sets it too, for the unbundled case.
	define: {'process.env.NODE_ENV': '"production"'},
	// Native and optional modules stay out of the bundle: ssh2's optional native crypto (it falls back to pure
	// JavaScript when the addon is missing) and cpu-features, and the devtools that Ink loads only when asked.
	external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
	plugins: [noDevtools, lazyRequires, inkOutputCaches],
	// Bundled CommonJS modules call require() on Node's own modules and read __dirname (ssh2's WebAssembly
	// loader): give the ESM bundle both.
	banner: {
		js: [
			"import {createRequire as __dockpitRequire} from 'node:module';",
			"import {fileURLToPath as __dockpitPath} from 'node:url';",
			'const require = __dockpitRequire(import.meta.url);',
			'const __filename = __dockpitPath(import.meta.url);',
			"const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
		].join('\n'),
	},
	logLevel: 'warning',
};

if (process.argv.includes('--watch')) {
	const watching = await context({...options, logLevel: 'info'});
	await watching.watch();
} else {
	const result = await build(options);
	if (result.metafile) {
		fs.writeFileSync(
			path.join(root, 'dist', 'meta.json'),
			JSON.stringify(result.metafile),
		);
	}

	fs.chmodSync(outfile, 0o755);
}
