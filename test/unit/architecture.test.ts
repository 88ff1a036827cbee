import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {fileURLToPath} from 'node:url';

const root = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
);

function sources(folder: string): string[] {
	return fs
		.readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file))
		.map(file => path.join(folder, file));
}

/**
The modules a file imports at run time (type-only imports leave no trace in the build).
*/
function runtimeImports(file: string): string[] {
	const text = fs.readFileSync(path.join(root, file), 'utf8');
	return [
		...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms),
	].map(match => match[1]!);
}

test('only source/engine talks to dockerode and docker-modem', () => {
	for (const file of sources('source')) {
		if (file.startsWith(path.join('source', 'engine'))) {
			continue;
		}

		const text = fs.readFileSync(path.join(root, file), 'utf8');
		assert.doesNotMatch(
			text,
			/from '(dockerode|docker-modem)'/,
			`${file} imports dockerode`,
		);
	}
});

test('engine, state, forms, format and keymap are plain TypeScript: no React or Ink at run time', () => {
	for (const folder of [
		'source/engine',
		'source/state',
		'source/forms',
		'source/format',
		'source/keymap',
	]) {
		for (const file of sources(folder)) {
			for (const module of runtimeImports(file)) {
				assert.ok(
					!/^(react|ink)(\/|$)|^ink-/.test(module),
					`${file} imports ${module}`,
				);
			}
		}
	}
});
