/**
Styled text for one row of the terminal pane, as SGR escape sequences, the same ones Ink's `<Text>` would produce
for the same colours and attributes (Ink uses chalk; the codes here are chalk's).

Why not `<Text>`: Ink measures every text node it lays out and caches the measurement by the text, forever
(`measure-text.js`). A pane that shows a continuous stream of new lines would fill that cache without bound. The
pane draws each row as a `<Transform>` of blank text of the row's width (measured once per width) that returns
the string made here.
*/
import process from 'node:process';
import {namedColors, type ScreenRun} from './screen.js';

/**
Colour support: 0 none, 1 16 colours, 2 256 colours, 3 truecolor.
*/
export type ColorLevel = 0 | 1 | 2 | 3;

const esc = '\u001B[';

const namedIndex = new Map<string, number>(
	namedColors.map((name, index) => [name, index]),
);
// Chalk's aliases.
namedIndex.set('gray', 8);
namedIndex.set('grey', 8);

/**
How many colours the real terminal shows, decided the way chalk (and so Ink) decides it.
*/
export function colorLevel(
	env: Readonly<Record<string, string | undefined>> = process.env,
	isTTY: boolean = process.stdout.isTTY === true,
): ColorLevel {
	let forced: number | undefined;
	const force = env['FORCE_COLOR'];
	if (force !== undefined) {
		forced =
			force === '' || force === 'true'
				? 1
				: force === 'false'
					? 0
					: Math.min(Number.parseInt(force, 10) || 0, 3);
		if (forced === 0) {
			return 0;
		}
	}

	if (!isTTY && forced === undefined) {
		return 0;
	}

	const minimum = (forced ?? 0) as ColorLevel;
	const term = env['TERM'] ?? '';
	if (term === 'dumb') {
		return minimum;
	}

	const colorterm = env['COLORTERM'];
	const level: ColorLevel =
		colorterm === 'truecolor' || colorterm === '24bit' || term === 'xterm-kitty'
			? 3
			: /-256(color)?$/i.test(term)
				? 2
				: /^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(
							term,
					  ) || colorterm !== undefined
					? 1
					: minimum;
	return Math.max(level, minimum) as ColorLevel;
}

function rgbToAnsi256(red: number, green: number, blue: number): number {
	if (red === green && green === blue) {
		if (red < 8) {
			return 16;
		}

		if (red > 248) {
			return 231;
		}

		return Math.round(((red - 8) / 247) * 24) + 232;
	}

	return (
		16 +
		36 * Math.round((red / 255) * 5) +
		6 * Math.round((green / 255) * 5) +
		Math.round((blue / 255) * 5)
	);
}

function ansi256ToAnsi16(code: number): number {
	if (code < 8) {
		return code;
	}

	if (code < 16) {
		return code;
	}

	let red: number;
	let green: number;
	let blue: number;
	if (code >= 232) {
		red = (((code - 232) * 10 + 8) / 255) * 255;
		green = red;
		blue = red;
	} else {
		const index = code - 16;
		const remainder = index % 36;
		red = (Math.floor(index / 36) / 5) * 255;
		green = (Math.floor(remainder / 6) / 5) * 255;
		blue = ((remainder % 6) / 5) * 255;
	}

	const value = Math.round(Math.max(red, green, blue) / 255 / 0.5);
	if (value === 0) {
		return 0;
	}

	const base =
		(Math.round(blue / 255) << 2) |
		(Math.round(green / 255) << 1) |
		Math.round(red / 255);
	return value === 2 ? base + 8 : base;
}

/**
The SGR parameters that set `color` (an Ink colour from the screen: a name, `ansi256(n)` or `#rrggbb`) as
foreground or background at `level`; undefined when it cannot be shown.
*/
export function colorCode(
	color: string,
	ground: 'fg' | 'bg',
	level: ColorLevel,
): string | undefined {
	if (level === 0) {
		return undefined;
	}

	const sixteen = (index: number) =>
		String(
			(index < 8 ? 30 + index : 90 + index - 8) + (ground === 'bg' ? 10 : 0),
		);
	const extended = ground === 'fg' ? '38' : '48';
	const named = namedIndex.get(color);
	if (named !== undefined) {
		return sixteen(named);
	}

	const palette = /^ansi256\((\d{1,3})\)$/.exec(color);
	if (palette) {
		const code = Math.min(255, Number(palette[1]));
		return level >= 2
			? `${extended};5;${code}`
			: sixteen(ansi256ToAnsi16(code));
	}

	const hex = /^#([\da-f]{6})$/i.exec(color);
	if (hex) {
		const value = Number.parseInt(hex[1]!, 16);
		const red = (value >> 16) & 0xff;
		const green = (value >> 8) & 0xff;
		const blue = value & 0xff;
		if (level === 3) {
			return `${extended};2;${red};${green};${blue}`;
		}

		const code = rgbToAnsi256(red, green, blue);
		return level === 2
			? `${extended};5;${code}`
			: sixteen(ansi256ToAnsi16(code));
	}

	return undefined;
}

/**
One run as styled text: `text` wrapped in the codes for its colours and attributes (nothing at level 0). `text`
must already be printable.
*/
export function styleRun(
	run: ScreenRun,
	text: string,
	level: ColorLevel,
): string {
	if (level === 0) {
		return text;
	}

	let open = '';
	let close = '';
	const add = (on: string | undefined, off: string) => {
		if (on !== undefined) {
			open = `${open}${esc}${on}m`;
			close = `${esc}${off}m${close}`;
		}
	};

	// Outermost first, in the order Ink's `<Text>` nests them.
	add(run.inverse ? '7' : undefined, '27');
	add(run.strikethrough ? '9' : undefined, '29');
	add(run.underline ? '4' : undefined, '24');
	add(run.italic ? '3' : undefined, '23');
	add(run.bold ? '1' : undefined, '22');
	add(run.bg === undefined ? undefined : colorCode(run.bg, 'bg', level), '49');
	add(run.fg === undefined ? undefined : colorCode(run.fg, 'fg', level), '39');
	add(run.dim ? '2' : undefined, '22');
	return `${open}${text}${close}`;
}
