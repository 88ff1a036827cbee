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

export const inkOutputCaches = {
	name: 'ink-output-caches',
	setup(build) {
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
			replace(
				'cached = styledCharsFromTokens(tokenize(line));',
				`if ((this.styledCharsHeld ?? 0) > ${maxStyledCharacters}) { this.styledChars.clear(); this.styledCharsHeld = 0; } ` +
					'cached = plainStyledChars(line) ?? shareStyles(styledCharsFromTokens(tokenize(line))); this.styledCharsHeld = (this.styledCharsHeld ?? 0) + cached.length;',
			);
			replace(
				"import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';",
				"import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, } from '@alcalzone/ansi-tokenize';",
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
				'const lineWithoutEmptyItems = fillRow(this.caches, this.width, line).filter(item => item !== undefined);',
			);
			replace(
				/(const generatedOutput = output\s*)\.map\(line => \{/,
				'$1.map((line, row) => { const known = rowStrings.get(rowKeys[row]); if (known !== undefined) { rowStrings.delete(rowKeys[row]); rowStrings.set(rowKeys[row], known); return known; }',
			);
			replace(
				'return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
				`const string = rowString(lineWithoutEmptyItems).trimEnd(); rowStrings.set(rowKeys[row], string); if (rowStrings.size > ${maxRowStrings}) { rowStrings.delete(rowStrings.keys().next().value); } return string;`,
			);
			text += [
				'',
				'const sharedCaches = new OutputCaches();',
				'let rowStrings = new Map();',
				// A row's cells from its writes, as Ink filled them (blank cells, each write's characters in turn, the
				// cells after a wide character emptied).
				'function fillRow(caches, width, writes) {',
				'\tconst cells = new Array(width).fill(blankCell);',
				'\tfor (let index = 0; index < writes.length; index += 2) {',
				'\t\tlet offsetX = writes[index];',
				'\t\tfor (const character of caches.getStyledChars(writes[index + 1])) {',
				'\t\t\tcells[offsetX] = character;',
				'\t\t\tconst characterWidth = Math.max(1, caches.getStringWidth(character.value));',
				"\t\t\tfor (let next = 1; next < characterWidth; next++) { cells[offsetX + next] = {type: 'char', value: '', fullWidth: false, styles: character.styles}; }",
				'\t\t\toffsetX += characterWidth;',
				'\t\t}',
				'\t}',
				'\treturn cells;',
				'}',
				// ansi-tokenize gives every character a styles array of its own; here the characters of a run of one
				// style share one (and unstyled ones share noStyles), so that rowString sees a change of style by
				// reference. Turning a row into a string diffed the styles of each character with its neighbour's,
				// in Sets and arrays: with fresh cells, about 13 MB a second went to that while the ages of 50 rows
				// changed every second (issue 11's memory figure).
				'const noStyles = [];',
				"const blankCell = {type: 'char', value: ' ', fullWidth: false, styles: noStyles};",
				'function shareStyles(characters) {',
				'\tlet previous = noStyles;',
				'\tfor (const character of characters) {',
				'\t\tconst styles = character.styles;',
				'\t\tif (styles.length === 0) { character.styles = noStyles; continue; }',
				'\t\tif (styles.length === previous.length && styles.every((code, index) => code === previous[index])) { character.styles = previous; } else { previous = styles; }',
				'\t}',
				'\treturn characters;',
				'}',
				// A line of plain characters and SGR sequences only, parsed the way ansi-tokenize does it, without
				// its grapheme segmenter and its two objects per character: the characters below are one grapheme
				// each, never joined with a neighbour from the same set, and narrow (none is East Asian Wide or
				// Fullwidth, nor an emoji). Any other character, or an escape that is not SGR, and the line goes to
				// ansi-tokenize. The lines of a list (names, states, ages, borders) are such lines; parsing them
				// was most of what a frame allocated once rows had changed (test/unit/ink-output-caches.test.ts
				// compares the two on every character up to U+FFFF).
				'const sgrAt = /\\u001B\\[[\\d;]*m/y;',
				'function isPlain(code) {',
				'\treturn (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff && code !== 0xad) || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e) || (code >= 0x2190 && code <= 0x21ff) || (code >= 0x2500 && code <= 0x25fc) || code === 0x2713 || code === 0x2717;',
				'}',
				'function plainStyledChars(line) {',
				'\tconst characters = [];',
				'\tlet styles = noStyles;',
				'\tfor (let index = 0; index < line.length; ) {',
				'\t\tconst code = line.charCodeAt(index);',
				'\t\tif (code === 0x1b) {',
				'\t\t\tsgrAt.lastIndex = index;',
				'\t\t\tconst match = sgrAt.exec(line);',
				'\t\t\tif (match === null) { return undefined; }',
				'\t\t\tstyles = reduceAnsiCodesIncremental(styles, tokenize(match[0]));',
				'\t\t\tif (styles.length === 0) { styles = noStyles; }',
				'\t\t\tindex += match[0].length;',
				'\t\t\tcontinue;',
				'\t\t}',
				'\t\tif (!isPlain(code)) { return undefined; }',
				"\t\tcharacters.push({type: 'char', value: line[index], fullWidth: false, styles});",
				'\t\tindex++;',
				'\t}',
				'\treturn characters;',
				'}',
				// styledCharsToString, with the diff of two characters' styles skipped when they are the same array
				// (the diff of a style with itself is empty): the same string.
				'function rowString(characters) {',
				"\tlet text = '';",
				'\tlet previous = noStyles;',
				'\tfor (const character of characters) {',
				'\t\tif (character.styles !== previous) { text += ansiCodesToString(diffAnsiCodes(previous, character.styles)); previous = character.styles; }',
				'\t\ttext += character.value;',
				'\t}',
				'\tif (previous.length > 0) { text += ansiCodesToString(diffAnsiCodes(previous, [])); }',
				'\treturn text;',
				'}',
				'function newGeneration(caches) {',
				'\tcaches.previousStyledChars = caches.styledChars;',
				'\tcaches.styledChars = new Map();',
				'\tcaches.styledCharsHeld = 0;',
				'}',
				'',
			].join('\n');
			return {contents: text, loader: 'js'};
		});
	},
};
