import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {
	inkOutputCaches,
	maxStyledCharacters,
} from '../../scripts/ink-output-caches.mjs';

const root = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
);

type Output = {
	write(x: number, y: number, text: string, options: {transformers: []}): void;
	get(): {output: string};
	readonly caches: {
		readonly styledChars: Map<string, unknown[]>;
		readonly previousStyledChars?: Map<string, unknown[]>;
	};
};

/**
Ink's output.js as the bundle has it: built with the same plugin, into a file of its own.
*/
async function patchedOutput(): Promise<
	new (options: {width: number; height: number}) => Output
> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-ink-output-'));
	const outfile = path.join(directory, 'output.mjs');
	await build({
		absWorkingDir: root,
		stdin: {
			// By its path: Ink's package exports do not name the file.
			contents: `export {default} from ${JSON.stringify(
				path.join(root, 'node_modules', 'ink', 'build', 'output.js'),
			)};`,
			resolveDir: root,
			loader: 'js',
		},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		plugins: [inkOutputCaches],
		logLevel: 'silent',
	});
	const module = (await import(pathToFileURL(outfile).href)) as {
		default: new (options: {width: number; height: number}) => Output;
	};
	fs.rmSync(directory, {recursive: true, force: true});
	return module.default;
}

test('parsed lines are kept from one frame to the next, and only that (5,000 of them held 100+ MB under churn)', async () => {
	const OutputClass = await patchedOutput();
	const frame = (lines: string[]) => {
		const output = new OutputClass({width: 160, height: lines.length});
		for (const [y, line] of lines.entries()) {
			output.write(0, y, line, {transformers: []});
		}

		return {output, text: output.get().output};
	};

	const held = (output: Output) =>
		[
			...output.caches.styledChars.values(),
			...(output.caches.previousStyledChars?.values() ?? []),
		].reduce((sum, characters) => sum + characters.length, 0);

	// A line of the last frame is not parsed again; nor is a row drawn as before turned into a string again.
	const first = frame(['\u001B[1mdockpit\u001B[22m ● live', 'row two']);
	const parsed = first.output.caches.styledChars.get('row two');
	assert.ok(parsed);
	const second = frame(['row two', 'another']);
	assert.equal(second.output.caches.styledChars.get('row two'), parsed);
	assert.equal(second.text, 'row two\nanother');
	const third = frame(['row two', 'another']);
	assert.equal(third.text, 'row two\nanother');
	// One frame without it, and a line is dropped.
	frame(['something else']);
	const fifth = frame(['row two']);
	assert.notEqual(fifth.output.caches.styledChars.get('row two'), parsed);

	// 45 new rows of about 170 characters a frame (ages, names and states changing), for 200 frames: at most two
	// frames' worth is held.
	let peak = 0;
	for (let index = 0; index < 200; index++) {
		const {output} = frame(
			Array.from(
				{length: 45},
				(_, row) => `${index}-${row} ${'x'.repeat(140)} ${Math.random()}`,
			),
		);
		peak = Math.max(peak, held(output));
	}

	assert.ok(peak <= 2 * 45 * 175, `${peak} characters held`);
	assert.ok(peak >= 45 * 150, 'a frame is kept');
	assert.ok(maxStyledCharacters >= 300 * 80, 'a 300x80 frame fits the guard');
});
