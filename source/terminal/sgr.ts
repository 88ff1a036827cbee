/**
Styled text for one row of the terminal pane, as SGR escape sequences, the same ones Ink's `<Text>` would produce
for the same colours and attributes: the codes come from ansi-styles, the package Ink's chalk is made of.

Why not `<Text>`: Ink measures every text node it lays out and caches the measurement by the text, forever
(`measure-text.js`). A pane that shows a continuous stream of new lines would fill that cache without bound. The
pane draws each row as a `<Transform>` of blank text of the row's width (measured once per width) that returns
the string made here.
*/
import process from 'node:process';
import ansiStyles from 'ansi-styles';
import type {ScreenRun} from './screen.js';
import {palette256, rgb, type TerminalColor} from './terminal-color.js';

/**
Colour support: 0 none, 1 16 colours, 2 256 colours, 3 truecolor.
*/
export type ColorLevel = 0 | 1 | 2 | 3;

/**
How many colours the real terminal shows, decided the way chalk (and so Ink) decides it. Our own because chalk's
(supports-color) takes any CI variable as "no colour", and dockpit sets CI=false for Ink (see cli.tsx).
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

/**
The Ink colour names of the 16 ANSI colours (and chalk's aliases), by their place in the palette.
*/
const namedColors: Readonly<Record<string, number>> = {
	black: 0,
	red: 1,
	green: 2,
	yellow: 3,
	blue: 4,
	magenta: 5,
	cyan: 6,
	white: 7,
	blackBright: 8,
	gray: 8,
	grey: 8,
	redBright: 9,
	greenBright: 10,
	yellowBright: 11,
	blueBright: 12,
	magentaBright: 13,
	cyanBright: 14,
	whiteBright: 15,
};

const parsed = new Map<string, TerminalColor | undefined>();

/**
An Ink colour (a name such as `red` or `redBright`, `ansi256(n)`, `#rrggbb`), as the theme and the views give
them, as a `TerminalColor`; undefined when it is none of these.
*/
export function parseInkColor(color: string): TerminalColor | undefined {
	if (parsed.has(color)) {
		return parsed.get(color);
	}

	let value: TerminalColor | undefined = Object.hasOwn(namedColors, color)
		? namedColors[color]
		: undefined;
	const palette = /^ansi256\((\d{1,3})\)$/.exec(color);
	if (palette) {
		value = palette256 + Math.min(255, Number(palette[1]));
	} else if (/^#[\da-f]{6}$/i.test(color)) {
		const [red, green, blue] = ansiStyles.hexToRgb(color);
		value = rgb + (red << 16) + (green << 8) + blue;
	}

	parsed.set(color, value);
	return value;
}

/**
The escape sequence that sets `color` as foreground or background at `level`, from ansi-styles (the codes Ink's
chalk writes, with its conversions down to 256 and 16 colours); undefined when nothing can be shown.
*/
export function colorCode(
	color: TerminalColor | string,
	ground: 'fg' | 'bg',
	level: ColorLevel,
): string | undefined {
	const value = typeof color === 'string' ? parseInkColor(color) : color;
	if (level === 0 || value === undefined || value < 0) {
		return undefined;
	}

	const codes = ground === 'fg' ? ansiStyles.color : ansiStyles.bgColor;
	// The 16 colours' SGR codes: 30-37, then the bright ones 90-97 (ansi-styles adds 10 for the background).
	if (value < palette256) {
		return value < 16
			? codes.ansi(value < 8 ? 30 + value : 90 + value - 8)
			: undefined;
	}

	if (value < rgb) {
		const code = Math.min(255, value - palette256);
		return level >= 2
			? codes.ansi256(code)
			: codes.ansi(ansiStyles.ansi256ToAnsi(code));
	}

	const red = (value >> 16) & 0xff;
	const green = (value >> 8) & 0xff;
	const blue = value & 0xff;
	if (level === 3) {
		return codes.ansi16m(red, green, blue);
	}

	return level === 2
		? codes.ansi256(ansiStyles.rgbToAnsi256(red, green, blue))
		: codes.ansi(ansiStyles.rgbToAnsi(red, green, blue));
}

/**
What `styleRun` draws: a screen run, or a span of a view whose colours are Ink colour names.
*/
export type StyledRun = Omit<ScreenRun, 'fg' | 'bg'> & {
	readonly fg?: TerminalColor | string;
	readonly bg?: TerminalColor | string;
};

/**
One run as styled text: `text` wrapped in the codes for its colours and attributes (nothing at level 0), nested
as Ink's `<Text>` nests them. `text` must already be printable.
*/
export function styleRun(
	run: StyledRun,
	text: string,
	level: ColorLevel,
): string {
	if (level === 0) {
		return text;
	}

	let open = '';
	let close = '';
	const add = (
		on: boolean | string | undefined,
		style: {readonly open?: string; readonly close: string},
	) => {
		if (on) {
			open += typeof on === 'string' ? on : (style.open ?? '');
			close = style.close + close;
		}
	};

	// Outermost first, in the order Ink's `<Text>` nests them.
	add(run.inverse, ansiStyles.inverse);
	add(run.strikethrough, ansiStyles.strikethrough);
	add(run.underline, ansiStyles.underline);
	add(run.italic, ansiStyles.italic);
	add(run.bold, ansiStyles.bold);
	add(
		run.bg === undefined ? undefined : colorCode(run.bg, 'bg', level),
		ansiStyles.bgColor,
	);
	add(
		run.fg === undefined ? undefined : colorCode(run.fg, 'fg', level),
		ansiStyles.color,
	);
	add(run.dim, ansiStyles.dim);
	return `${open}${text}${close}`;
}
