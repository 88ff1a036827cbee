import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {
	inkOutputCaches,
	maxMeasuredTexts,
	maxRowStrings,
	maxStyledCharacters,
} from '../../scripts/ink-output-caches.mjs';

const root = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
);

type ParsedLine = {
	readonly values: string[];
	readonly styles: Array<Array<{code: string; endCode: string}>>;
};

type Output = {
	write(x: number, y: number, text: string, options: {transformers: []}): void;
	get(): {output: string};
	readonly caches: {
		readonly styledChars: Map<string, ParsedLine>;
		readonly previousStyledChars?: Map<string, ParsedLine>;
	};
};

/**
Ink's output.js as the bundle has it: built with the same plugin, into a file of its own.
*/
async function parsers(): Promise<{
	parseLine(line: string): ParsedLine;
	parseLineSlowly(line: string): ParsedLine;
	simpleCharacter(code: number): boolean;
}> {
	const module = (await bundledOutput(true)) as unknown as {
		inkParseLine(line: string): ParsedLine;
		inkParseLineSlowly(line: string): ParsedLine;
		inkSimpleCharacter(code: number): boolean;
	};
	return {
		parseLine: module.inkParseLine,
		parseLineSlowly: module.inkParseLineSlowly,
		simpleCharacter: module.inkSimpleCharacter,
	};
}

async function patchedOutput(
	patched = true,
): Promise<new (options: {width: number; height: number}) => Output> {
	return (await bundledOutput(patched)).default;
}

/**
Ink's own files, named by their paths in `exports` (an ES module of re-exports; Ink's package exports do not name
them), bundled into a file of their own, with the build's plugin when `patched`, and imported.
*/
async function bundleInk(exports: string, patched: boolean): Promise<unknown> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-ink-'));
	const outfile = path.join(directory, 'bundle.mjs');
	await build({
		absWorkingDir: root,
		stdin: {contents: exports, resolveDir: root, loader: 'js'},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		plugins: patched ? [inkOutputCaches] : [],
		logLevel: 'silent',
	});
	const module: unknown = await import(pathToFileURL(outfile).href);
	fs.rmSync(directory, {recursive: true, force: true});
	return module;
}

const inkFile = (name: string) =>
	JSON.stringify(path.join(root, 'node_modules', 'ink', 'build', name));

async function bundledOutput(patched: boolean): Promise<{
	default: new (options: {width: number; height: number}) => Output;
}> {
	return (await bundleInk(
		`export {default${patched ? ', inkParseLine, inkParseLineSlowly, inkSimpleCharacter' : ''}} from ${inkFile('output.js')};`,
		patched,
	)) as {default: new (options: {width: number; height: number}) => Output};
}

test('parsed lines (but plain ones) are kept from one frame to the next, and only that (5,000 of them held 100+ MB under churn)', async () => {
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
		].reduce((sum, parsed) => sum + parsed.values.length, 0);

	// Lines of plain characters are not kept (they are parsed again in microseconds); the others are, as follows.
	const plain = frame(['\u001B[1mplain\u001B[22m line']);
	assert.equal(plain.output.caches.styledChars.size, 0);
	assert.equal(plain.text, '\u001B[1mplain\u001B[22m line');
	// A line of the last frame is not parsed again; a row drawn as before is neither parsed nor filled again.
	const first = frame(['\u001B[1mdockpit\u001B[22m ● live', 'row two 漢']);
	const parsed = first.output.caches.styledChars.get('row two 漢');
	assert.ok(parsed);
	const second = frame(['row two 漢', 'another 漢']);
	assert.equal(second.output.caches.styledChars.get('row two 漢'), undefined);
	assert.equal(second.text, 'row two 漢\nanother 漢');
	const third = frame(['another 漢', 'row two plus 漢']);
	assert.equal(third.text, 'another 漢\nrow two plus 漢');
	// Not drawn in the last frame, but a row drawn before: its string is kept, nothing is parsed.
	const fourth = frame(['x', 'row two 漢']);
	assert.equal(fourth.output.caches.styledChars.get('row two 漢'), undefined);
	assert.equal(fourth.text, 'x\nrow two 漢');
	// A line written into a row that was not drawn before is parsed, from the last frame's lines if it was there.
	const fifth = frame(['row two 漢', 'row two plus 漢']);
	assert.equal(fifth.text, 'row two 漢\nrow two plus 漢');
	const sixth = frame(['row two plus 漢', 'zz', 'a']);
	assert.equal(sixth.text, 'row two plus 漢\nzz\na');
	// Rows kept are the last maxRowStrings drawn: past them, a row is filled and parsed again.
	for (let index = 0; index <= maxRowStrings; index++) {
		frame([`filler ${index}`]);
	}

	const eighth = frame(['row two 漢', 'b']);
	assert.equal(eighth.text, 'row two 漢\nb');
	const reparsed = eighth.output.caches.styledChars.get('row two 漢');
	assert.ok(reparsed);
	assert.notEqual(reparsed, parsed);

	// 45 new rows of about 170 characters a frame (ages, names and states changing), for 200 frames: at most two
	// frames' worth is held.
	let peak = 0;
	for (let index = 0; index < 200; index++) {
		const {output} = frame(
			Array.from(
				{length: 45},
				(_, row) => `${index}-${row} ${'x'.repeat(140)} ${Math.random()} 漢`,
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
		'\u001B[32mgreen\u001B[39m',
		'\u001B[38;5;208morange\u001B[39m',
		'\u001B[31m\u001B[1mred bold\u001B[22m red\u001B[39m',
		'\u001B[1m\u001B[2mbold dim\u001B[22m',
		'\u001B[4munder\u001B[0m plain',
		'\u001B[90mgrey',
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

test('the characters of a parsed line share their styles between escape codes (an object for each held 30 MB a minute)', async () => {
	const Patched = await patchedOutput();
	const output = new Patched({width: 30, height: 1});
	const line = 'ab\u001B[31mcd\u001B[1mef\u001B[22m\u001B[39mgh';
	output.write(0, 0, line, {transformers: []});
	const plain = new (await patchedOutput(false))({width: 30, height: 1});
	plain.write(0, 0, line, {transformers: []});
	assert.equal(output.get().output, plain.get().output);
	const {values, styles} = (await parsers()).parseLine(line);
	assert.deepEqual(values, [...'abcdefgh']);
	assert.equal(new Set(styles).size, 4);
	for (const index of [0, 2, 4, 6]) {
		assert.equal(styles[index], styles[index + 1]);
	}
});

test('lines of plain characters are parsed without Intl.Segmenter as ansi-tokenize parses them', async () => {
	const {parseLine, parseLineSlowly, simpleCharacter} = await parsers();
	// Every character that the quick way takes, in random orders, between escape codes.
	const simple: string[] = [];
	for (let code = 0; code < 0x26_00; code++) {
		if (simpleCharacter(code)) {
			simple.push(String.fromCharCode(code));
		}
	}

	assert.ok(simple.length > 600, `${simple.length} characters`);
	assert.ok(
		simple.includes('│') && simple.includes('›') && simple.includes('▲'),
	);
	const codes = [
		'\u001B[31m',
		'\u001B[39m',
		'\u001B[1m',
		'\u001B[22m',
		'\u001B[38;5;208m',
		'\u001B[48;2;1;2;3m',
		'\u001B[0m',
		'\u001B[m',
		'\u001B[7;4m',
	];
	let seed = 11;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};

	for (let round = 0; round < 20; round++) {
		const shuffled = [...simple].sort(() => random() - 0.5);
		const line = shuffled
			.map(character =>
				random() < 0.05
					? codes[Math.floor(random() * codes.length)]! + character
					: character,
			)
			.join('');
		const quick = parseLine(line);
		const slow = parseLineSlowly(line);
		assert.deepEqual(quick.values, slow.values);
		assert.deepEqual(
			quick.styles.map(each => each.map(code => code.code).join()),
			slow.styles.map(each => each.map(code => code.code).join()),
		);
	}

	// Anything else takes the slow way: combining marks, wide characters, other escapes.
	for (const line of [
		'e\u0301',
		'漢字',
		'👍🏽',
		'a\u001B[2Kb',
		'\u001B[31m\u0301x',
		'a\tb',
	]) {
		assert.deepEqual(parseLine(line), parseLineSlowly(line));
	}
});

test('the sizes and truncations Ink keeps of texts are bounded (it kept every text, and an uptime makes a new one each second)', async () => {
	const {
		default: measureText,
		measuredTexts,
		wrapText,
		wrappedTexts,
	} = (await bundleInk(
		`export {default, measuredTexts} from ${inkFile('measure-text.js')}; export {default as wrapText, wrappedTexts} from ${inkFile('wrap-text.js')};`,
		true,
	)) as {
		default: (text: string) => {width: number; height: number};
		measuredTexts: () => number;
		wrapText: (text: string, width: number, wrap: string) => string;
		wrappedTexts: () => number;
	};
	assert.deepEqual(measureText('ab\nabc'), {width: 3, height: 2});
	for (let index = 0; index < 3 * maxMeasuredTexts; index++) {
		measureText(`row ${index}`);
	}

	assert.ok(measuredTexts() <= maxMeasuredTexts, `${measuredTexts()} texts`);
	assert.deepEqual(measureText('ab\nabc'), {width: 3, height: 2});
	for (let index = 0; index < 3 * maxMeasuredTexts; index++) {
		assert.equal(
			wrapText(`row ${index} and more`, 6, 'truncate'),
			`row ${index}`.slice(0, 5) + '…',
		);
	}

	assert.ok(wrappedTexts() <= maxMeasuredTexts, `${wrappedTexts()} texts`);
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
