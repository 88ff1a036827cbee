// The esbuild plugin that keeps Ink's parsed lines and row strings from one frame to the next (scripts/build.mjs
// uses it; test/unit/ink-output-caches.test.ts bundles Ink's output.js with it and checks what it keeps).
//
// Ink draws each frame into a fresh grid of styled cells (ink/build/output.js): it re-parses every line of text
// it writes, in every frame, and turns all 45 rows back into strings, even when one row changed; at 160x45
// that was most of the time from a key press to its frame. Its caches of parsed lines live one frame. Here they
// are kept across frames, and a row whose writes are those of a row already turned into a string takes that
// string. Each replacement must find its text (Ink 6.8); an Ink upgrade that changes the file fails the build,
// not the screen. The other dependence on Ink's internals is source/ui/ink-output.ts.
//
// What is kept: the parsed lines of the last two frames, no more. Each frame starts a new generation (at the start
// of `Output.get()`); a line used in it moves into it, one not used for a whole frame is dropped with the old
// generation. A cache of parsed lines bounded only by its count (5,000 lines) held about 100 MB under churn,
// every character of a parsed line being an object of its own, and everything it held lived long enough to reach
// V8's old generation: RSS went from 91 to 287 MB in 3 minutes (issue 8's churn soak). Finished rows are plain
// strings: the last 1,000 drawn are kept (`maxRowStrings`), whatever frame they were drawn in.
import fs from 'node:fs';

/**
Past this many characters of parsed lines in one generation (one frame cannot write so many), it starts over:
a guard, should something call Ink's output without drawing frames.
*/
export const maxStyledCharacters = 60_000;

/**
Finished rows kept, the least recently drawn dropped first: strings of a row's width, about 2 MB at most, so
that going back to a pane drawn a few frames ago (1, 2, 1) turns none of its rows into strings again, where the
parsed lines, kept one frame, would all be parsed again (a pane switch was ~10 ms of parsing at 160x45).
*/
export const maxRowStrings = 1000;

/**
Texts whose size Ink keeps (ink/build/measure-text.js, for Yoga's layout): it kept every text it ever measured, and
a row's text is new whenever an uptime or age in it changes (50 running containers: 3,000 texts in the first
minute, then 50 a minute, for as long as dockpit runs). Past this many, it starts over.
*/
export const maxMeasuredTexts = 2000;

// The functions added to Ink's output.js (exported for test/unit/ink-output-caches.test.ts, which checks them
// against ansi-tokenize's own). A parsed line is two arrays, not an object per character as ansi-tokenize makes
// them (styledCharsFromTokens(tokenize(line))): the characters (graphemes) and each one's styles, one array of
// styles shared by the characters between two escape codes. A row that changes every second (an uptime) made
// about 25 KB of objects each time, every one of them kept two frames and so copied by V8 into its old
// generation; with 50 running containers, the first minute's clock grew dockpit by 30 MB (issue 11).
const helpers = String.raw`
const noStyles = Object.freeze([]);
// Printable characters that are a grapheme of their own beside each other and one column wide: ASCII, Latin-1
// (but the soft hyphen), general punctuation, arrows, box drawing, blocks and geometric shapes (but the two
// wide squares at 25FD-25FE). A line of only these and SGR codes is parsed without Intl.Segmenter.
function simpleCharacter(code) {
	return (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff && code !== 0xad) || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e) || (code >= 0x2190 && code <= 0x21ff) || (code >= 0x2500 && code <= 0x25fc);
}
const sgrCodes = new Map();
function sgrTokens(sequence) {
	let tokens = sgrCodes.get(sequence);
	if (tokens === undefined) {
		if (sgrCodes.size > 1000) { sgrCodes.clear(); }
		tokens = tokenize(sequence);
		// Not a code to ansi-tokenize (its characters would be drawn): the line takes the slow way.
		tokens = tokens.every(token => token.type === 'ansi') ? tokens : null;
		sgrCodes.set(sequence, tokens);
	}
	return tokens;
}
const sgrSequence = /\u001B\[[\d;]*m/y;
function parseLine(line) {
	// As long as the line at most, cut to the characters at the end (V8 trims an array in place).
	const values = new Array(line.length); const styles = new Array(line.length);
	let count = 0;
	let codes = noStyles;
	for (let index = 0; index < line.length; ) {
		const code = line.charCodeAt(index);
		if (code === 0x1b) {
			sgrSequence.lastIndex = index;
			const match = sgrSequence.exec(line);
			if (match === null) { return parseLineSlowly(line); }
			const tokens = sgrTokens(match[0]);
			if (tokens === null) { return parseLineSlowly(line); }
			if (tokens.length > 0) { codes = reduceAnsiCodesIncremental(codes, tokens); }
			index += match[0].length;
		} else if (simpleCharacter(code)) {
			values[count] = line[index]; styles[count] = codes; count++; index++;
		} else {
			return parseLineSlowly(line);
		}
	}
	values.length = count; styles.length = count;
	return {values, styles, quick: true};
}
function parseLineSlowly(line) {
	const values = []; const styles = [];
	let codes = noStyles;
	for (const token of tokenize(line)) {
		if (token.type === 'ansi') { codes = reduceAnsiCodesIncremental(codes, [token]); }
		else if (token.type === 'char') { values.push(token.value); styles.push(codes); }
	}
	return {values, styles, quick: false};
}
// A row's string from its writes (x and text, in turn), as Ink made it: blank cells, each write's characters in
// turn, the cells after a wide character emptied; then styledCharsToString of ansi-tokenize, but without its diff
// of two characters' styles where they are the same codes (it made three Sets and five arrays for each
// character), and joined in one go (its += left a row as a rope of a few hundred strings, which the row cache held).
// The cells of the row being made: one pair of arrays for all rows, made again only when a row was wider.
const values = []; const styles = []; const parts = [];
function fillRow(caches, width, writes) {
	values.length = width; styles.length = width;
	values.fill(' '); styles.fill(noStyles);
	for (let index = 0; index < writes.length; index += 2) {
		let offsetX = writes[index];
		const parsed = caches.getStyledChars(writes[index + 1]);
		for (let character = 0; character < parsed.values.length; character++) {
			const value = parsed.values[character];
			values[offsetX] = value;
			styles[offsetX] = parsed.styles[character];
			const characterWidth = value.length === 1 && value.charCodeAt(0) < 0x7f ? 1 : Math.max(1, caches.getStringWidth(value));
			for (let next = 1; next < characterWidth; next++) { values[offsetX + next] = ''; styles[offsetX + next] = parsed.styles[character]; }
			offsetX += characterWidth;
		}
	}
	const string = rowString(values, styles);
	if (values.length > 2 * width) { values.length = 0; styles.length = 0; }
	return string;
}
function sameStyles(a, b) {
	if (a === b) { return true; }
	if (a.length !== b.length) { return false; }
	for (let index = 0; index < a.length; index++) { if (a[index].code !== b[index].code || a[index].endCode !== b[index].endCode) { return false; } }
	return true;
}
function rowString(values, styles) {
	parts.length = 0; let previous;
	for (let index = 0; index < values.length; index++) {
		if (values[index] === undefined) { continue; }
		const current = styles[index];
		if (previous === undefined) { parts.push(ansiCodesToString(current)); }
		else if (!sameStyles(previous, current)) { parts.push(ansiCodesToString(diffAnsiCodes(previous, current))); }
		parts.push(values[index]); previous = current;
	}
	if (previous !== undefined) { parts.push(ansiCodesToString(diffAnsiCodes(previous, []))); }
	const string = parts.join('');
	parts.length = 0;
	return string;
}
function newGeneration(caches) {
	caches.previousStyledChars = caches.styledChars;
	caches.styledChars = new Map();
	caches.styledCharsHeld = 0;
}
export {parseLine as inkParseLine, parseLineSlowly as inkParseLineSlowly, simpleCharacter as inkSimpleCharacter};
`;

export const inkOutputCaches = {
	name: 'ink-output-caches',
	setup(build) {
		const patch = (file, pairs) =>
			build.onLoad(
				{
					filter: new RegExp(
						`[/\\\\]ink[/\\\\]build[/\\\\]${file.replaceAll('.', '\\.')}$`,
					),
				},
				arguments_ => {
					let text = fs.readFileSync(arguments_.path, 'utf8');
					for (const [from, to] of pairs) {
						if (!text.includes(from)) {
							throw new Error(
								`ink-output-caches: ${file} no longer has ${from}`,
							);
						}

						text = text.replace(from, to);
					}

					return {contents: text, loader: 'js'};
				},
			);
		// Each frame measured every text on screen again (string-width, with Intl.Segmenter) to know whether it
		// must be wrapped; the size of the same text is in measure-text's cache since its layout.
		patch('render-node-to-output.js', [
			[
				"import wrapText from './wrap-text.js';",
				"import wrapText from './wrap-text.js';\nimport measureText from './measure-text.js';",
			],
			[
				'const currentWidth = widestLine(text);',
				'const currentWidth = measureText(text).width;',
			],
		]);
		// Wrapped and truncated texts, kept by text and width for ever: bounded as measure-text's sizes are.
		patch('wrap-text.js', [
			['const cache = {};', 'let cache = {}; let cached = 0;'],
			[
				'cache[cacheKey] = wrappedText;',
				`if (++cached > ${maxMeasuredTexts}) { cache = {}; cached = 1; } cache[cacheKey] = wrappedText;`,
			],
			[
				'export default wrapText;',
				'export default wrapText;\nexport const wrappedTexts = () => cached;',
			],
		]);
		build.onLoad(
			{filter: /[/\\]ink[/\\]build[/\\]measure-text\.js$/},
			arguments_ => {
				const text = fs.readFileSync(arguments_.path, 'utf8');
				const from = 'cache.set(text, dimensions);';
				if (!text.includes(from)) {
					throw new Error(
						`ink-output-caches: measure-text.js no longer has ${from}`,
					);
				}

				return {
					contents:
						text.replace(
							from,
							`if (cache.size >= ${maxMeasuredTexts}) { cache.clear(); } ${from}`,
						) + '\nexport const measuredTexts = () => cache.size;\n',
					loader: 'js',
				};
			},
		);
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]output\.js$/}, arguments_ => {
			let text = fs.readFileSync(arguments_.path, 'utf8');
			const replace = (from, to) => {
				if (
					typeof from === 'string' ? !text.includes(from) : !from.test(text)
				) {
					throw new Error(`ink-output-caches: output.js no longer has ${from}`);
				}

				text = text.replace(from, to);
			};

			const bound = map =>
				`if (this.${map}.size > 5000) { this.${map}.clear(); } `;
			// Parsed lines: this frame's, else the last frame's (moved into this one), else parsed now.
			replace(
				'let cached = this.styledChars.get(line);',
				'let cached = this.styledChars.get(line); if (cached === undefined && this.previousStyledChars !== undefined) { cached = this.previousStyledChars.get(line); if (cached !== undefined) { this.styledChars.set(line, cached); } }',
			);
			// Only lines parsed the slow way (with Intl.Segmenter) are kept: a line of plain characters is parsed again
			// in a few microseconds, and kept, it lived long enough to be copied by V8 once or twice (with 50 running
			// containers, the 50 rows of every frame of the first minute, whose uptimes changed every second).
			replace(
				/cached = styledCharsFromTokens\(tokenize\(line\)\);\s*this\.styledChars\.set\(line, cached\);/,
				`if ((this.styledCharsHeld ?? 0) > ${maxStyledCharacters}) { this.styledChars.clear(); this.styledCharsHeld = 0; } ` +
					'cached = parseLine(line); if (!cached.quick) { this.styledChars.set(line, cached); this.styledCharsHeld = (this.styledCharsHeld ?? 0) + cached.values.length; }',
			);
			replace(
				'cached = stringWidth(text);',
				bound('widths') + 'cached = stringWidth(text);',
			);
			replace(
				'this.blockWidths.set(text, cached);',
				bound('blockWidths') + 'this.blockWidths.set(text, cached);',
			);
			replace('caches = new OutputCaches();', 'caches = sharedCaches;');
			replace(
				/import \{\s*styledCharsFromTokens,\s*styledCharsToString,\s*tokenize,\s*\} from '@alcalzone\/ansi-tokenize';/,
				"import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize } from '@alcalzone/ansi-tokenize';",
			);
			// A frame: a new generation of both caches, then the rows' keys (x and text of each write).
			replace(
				'const output = [];',
				"newGeneration(this.caches); const output = []; const rowKeys = new Array(this.height).fill(this.width + '|');",
			);
			// Rows are filled only when they are turned into strings, and only rows not drawn before are: until
			// then a row is the list of its writes (x and text, in order), which is also what its key is made of.
			// Ink filled a grid of fresh cells for the whole screen in every frame (7,200 objects at 160x45) and
			// parsed every line into it, for a frame in which a cursor move changed two rows.
			replace(
				/for \(let y = 0; y < this\.height; y\+\+\) \{\s*const row = \[\];\s*for \(let x = 0; x < this\.width; x\+\+\) \{\s*row\.push\(\{[^}]*\}\);\s*\}\s*output\.push\(row\);\s*\}/,
				'for (let y = 0; y < this.height; y++) { output.push([]); }',
			);
			replace(
				/const characters = this\.caches\.getStyledChars\(line\);\s*let offsetX = x;\s*for \(const character of characters\) \{[\s\S]*?offsetX \+= characterWidth;\s*\}\s*offsetY\+\+;/,
				"rowKeys[y + offsetY] += x + '\\u0000' + line + '\\u0001'; currentLine.push(x, line); offsetY++;",
			);
			replace(
				'const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
				'',
			);
			replace(
				/(const generatedOutput = output\s*)\.map\(line => \{/,
				'$1.map((line, row) => { const known = rowStrings.get(rowKeys[row]); if (known !== undefined) { rowStrings.delete(rowKeys[row]); rowStrings.set(rowKeys[row], known); return known; }',
			);
			replace(
				'return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
				`const string = fillRow(this.caches, this.width, line).trimEnd(); rowStrings.set(rowKeys[row], string); if (rowStrings.size > ${maxRowStrings}) { rowStrings.delete(rowStrings.keys().next().value); } return string;`,
			);
			text += `
const sharedCaches = new OutputCaches();
let rowStrings = new Map();
${helpers}
`;
			return {contents: text, loader: 'js'};
		});
	},
};
