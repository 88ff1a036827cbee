import assert from 'node:assert/strict';
import test from 'node:test';
import {palette256, rgb, type ScreenRun} from '../../source/terminal/screen.js';
import {colorCode, colorLevel, styleRun} from '../../source/terminal/sgr.js';

const plain: ScreenRun = {
	text: 'x',
	width: 1,
	bold: false,
	dim: false,
	italic: false,
	underline: false,
	inverse: false,
	strikethrough: false,
};

test('sgr - colour level is decided as chalk decides it', () => {
	const cases: ReadonlyArray<
		[env: Record<string, string>, isTTY: boolean, level: number]
	> = [
		[{TERM: 'xterm-256color'}, true, 2],
		[{TERM: 'xterm-256color', COLORTERM: 'truecolor'}, true, 3],
		[{TERM: 'xterm'}, true, 1],
		[{TERM: 'screen'}, true, 1],
		[{TERM: 'dumb'}, true, 0],
		[{TERM: 'xterm-256color'}, false, 0],
		[{TERM: 'xterm-256color', FORCE_COLOR: '3'}, false, 3],
		[{TERM: 'xterm-256color', FORCE_COLOR: '0'}, true, 0],
		[{TERM: 'dumb', FORCE_COLOR: '1'}, true, 1],
	];
	for (const [env, isTTY, level] of cases) {
		assert.equal(colorLevel(env, isTTY), level, JSON.stringify({env, isTTY}));
	}
});

test("sgr - colours at each level, from Ink colour names and from the screen's numbers", () => {
	const sgr = (code: string) => `\u001B[${code}m`;
	assert.equal(colorCode('red', 'fg', 1), sgr('31'));
	assert.equal(colorCode('redBright', 'bg', 1), sgr('101'));
	assert.equal(colorCode('gray', 'fg', 3), sgr('90'));
	assert.equal(colorCode('ansi256(208)', 'fg', 2), sgr('38;5;208'));
	assert.equal(colorCode('ansi256(1)', 'fg', 1), sgr('31'));
	assert.equal(colorCode('#ff0080', 'fg', 3), sgr('38;2;255;0;128'));
	assert.equal(colorCode('#ff0080', 'bg', 2), sgr('48;5;199'));
	assert.equal(colorCode('#000000', 'fg', 2), sgr('38;5;16'));
	assert.match(colorCode('#ff0000', 'fg', 1) ?? '', /^\u001B\[(31|91)m$/);
	assert.equal(colorCode('red', 'fg', 0), undefined);
	assert.equal(colorCode('nonsense', 'fg', 3), undefined);
	assert.equal(colorCode('constructor', 'fg', 3), undefined);
	// The screen's numbers: the 16 colours, the 256 palette, truecolor.
	assert.equal(colorCode(9, 'fg', 3), sgr('91'));
	assert.equal(colorCode(palette256 + 208, 'bg', 3), sgr('48;5;208'));
	assert.equal(colorCode(rgb + 0xff_00_80, 'fg', 3), sgr('38;2;255;0;128'));
	assert.equal(colorCode(rgb + 0xff_00_80, 'fg', 2), sgr('38;5;199'));
	assert.equal(colorCode(palette256 + 1, 'fg', 1), sgr('31'));
});

test('sgr - a run is wrapped in its codes, nested as Ink nests them', () => {
	assert.equal(styleRun(plain, 'x', 3), 'x');
	assert.equal(
		styleRun({...plain, fg: 'red'}, 'red', 3),
		'\u001B[31mred\u001B[39m',
	);
	assert.equal(
		styleRun({...plain, bold: true, bg: 'blue', inverse: true}, 'b', 3),
		'\u001B[7m\u001B[1m\u001B[44mb\u001B[49m\u001B[22m\u001B[27m',
	);
	assert.equal(
		styleRun({...plain, bold: true, fg: 'green'}, 'g', 0),
		'g',
		'nothing at level 0',
	);
});
