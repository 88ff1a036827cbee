import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {
	inkOutputCaches,
	maxRowStrings,
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
async function patchedOutput(
	patched = true,
): Promise<new (options: {width: number; height: number}) => Output> {
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
		plugins: patched ? [inkOutputCaches] : [],
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

	// A line of the last frame is not parsed again; a row drawn as before is neither parsed nor filled again.
	const first = frame(['\u001B[1mdockpit\u001B[22m ● live', 'row two']);
	const parsed = first.output.caches.styledChars.get('row two');
	assert.ok(parsed);
	const second = frame(['row two', 'another']);
	assert.equal(second.output.caches.styledChars.get('row two'), undefined);
	assert.equal(second.text, 'row two\nanother');
	const third = frame(['another', 'row two plus']);
	assert.equal(third.text, 'another\nrow two plus');
	// Not drawn in the last frame, but a row drawn before: its string is kept, nothing is parsed.
	const fourth = frame(['x', 'row two']);
	assert.equal(fourth.output.caches.styledChars.get('row two'), undefined);
	assert.equal(fourth.text, 'x\nrow two');
	// A line written into a row that was not drawn before is parsed, from the last frame's lines if it was there.
	const fifth = frame(['row two', 'row two plus']);
	assert.equal(fifth.text, 'row two\nrow two plus');
	const sixth = frame(['row two plus', 'zz', 'a']);
	assert.equal(sixth.text, 'row two plus\nzz\na');
	// Rows kept are the last maxRowStrings drawn: past them, a row is filled and parsed again.
	for (let index = 0; index <= maxRowStrings; index++) {
		frame([`filler ${index}`]);
	}

	const eighth = frame(['row two', 'b']);
	assert.equal(eighth.text, 'row two\nb');
	const reparsed = eighth.output.caches.styledChars.get('row two');
	assert.ok(reparsed);
	assert.notEqual(reparsed, parsed);

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

test('frames are the same as unpatched Ink draws them: styles, wide characters, overlapping writes, clips', async () => {
	const Patched = await patchedOutput();
	const Plain = await patchedOutput(false);
	// A small deterministic generator, so that a failure can be replayed.
	let seed = 7;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};

	const pick = <T>(items: readonly T[]): T =>
		items[Math.floor(random() * items.length)]!;
	const pieces = [
		'abc',
		'dockpit',
		'\u001B[1mbold\u001B[22m',
		'\u001B[31mred\u001B[39m',
		'\u001B[7m› web-1\u001B[27m',
		'漢字',
		'👍🏽',
		'e\u0301',
		' ',
		'│',
		'╭──╮',
		// Lines of a list: plain characters and SGR only (parsed without ansi-tokenize), and their neighbours.
		'\u001B[32m●\u001B[39m live',
		'NAME▲ · AGE…',
		'\u001B[38;5;208mx\u001B[39m',
		'\u001B[1;31mbr\u001B[0m',
		'\u001B[mreset',
		'\u001B[2mdim\u001B[1mboth\u001B[22m',
		'café ✓ ✗ → ─',
		'\u001B[Knot sgr',
		'\u001B]8;;http://x\u0007link\u001B]8;;\u0007',
		'\u001B[31',
	];
	// Rows come back often, as on a dashboard, so that rows drawn before are taken from the caches.
	const lines = Array.from({length: 12}, () =>
		Array.from({length: 1 + Math.floor(random() * 5)}, () => pick(pieces)).join(
			'',
		),
	);
	const width = 30;
	const height = 6;
	for (let frame = 0; frame < 400; frame++) {
		const patched = new Patched({width, height});
		const plain = new Plain({width, height});
		const both = (act: (output: Output & Record<string, any>) => void) => {
			act(patched as Output & Record<string, any>);
			act(plain as Output & Record<string, any>);
		};

		const writes = 1 + Math.floor(random() * 8);
		for (let index = 0; index < writes; index++) {
			const x = Math.floor(random() * (width - 4));
			const y = Math.floor(random() * (height + 1));
			const text = Array.from({length: 1 + Math.floor(random() * 2)}, () =>
				pick(lines),
			).join('\n');
			const clipped = random() < 0.2;
			if (clipped) {
				const clip = {x1: 2, x2: width - 3, y1: 1, y2: height - 1};
				both(output => output['clip'](clip));
			}

			both(output => {
				output.write(x, y, text, {transformers: []});
			});
			if (clipped) {
				both(output => output['unclip']());
			}
		}

		assert.equal(patched.get().output, plain.get().output, `frame ${frame}`);
	}
});

test('every character up to U+FFFF, alone, styled and beside others, is drawn as unpatched Ink draws it', async () => {
	const Patched = await patchedOutput();
	const Plain = await patchedOutput(false);
	const width = 12;
	const height = 40;
	const characters: string[] = [];
	for (let code = 0; code <= 0xff_ff; code++) {
		// Lone surrogates are no text; combining marks and the like are kept (ansi-tokenize takes those lines).
		if (code < 0xd8_00 || code > 0xdf_ff) {
			characters.push(String.fromCodePoint(code));
		}
	}

	for (let start = 0; start < characters.length; start += height / 2) {
		const patched = new Patched({width, height});
		const plain = new Plain({width, height});
		for (let row = 0; row < height / 2; row++) {
			const character = characters[start + row] ?? 'z';
			for (const [offset, line] of [
				`a\u001B[31m${character}b\u001B[39m─`,
				`${character}${character}x`,
			].entries()) {
				// And a border after a few cells: a character parsed into more or fewer cells moves what follows.
				for (const output of [patched, plain]) {
					output.write(0, row * 2 + offset, line, {transformers: []});
					output.write(3, row * 2 + offset, '│', {transformers: []});
				}
			}
		}

		assert.equal(
			patched.get().output,
			plain.get().output,
			`from U+${characters[start]!.codePointAt(0)!.toString(16)}`,
		);
	}
});
