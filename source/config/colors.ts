/**
Colours in the config file: which roles there are, and which colour values Ink can draw.
*/
import {didYouMean} from './suggest.js';

/**
What a colour is for. Each view names roles (through `ui/theme.ts`), never raw colours.
*/
export const colorRoles = [
	'selection',
	'running',
	'paused',
	'exited',
	'dangling',
	'error',
	'border',
	'header',
] as const;

export type ColorRole = (typeof colorRoles)[number];

export const themeNames = ['dark', 'light'] as const;

export type ThemeName = (typeof themeNames)[number];

/**
Chalk's colour names, which Ink's `color` props take.
*/
export const colorNames = [
	'black',
	'red',
	'green',
	'yellow',
	'blue',
	'magenta',
	'cyan',
	'white',
	'gray',
	'grey',
	'blackBright',
	'redBright',
	'greenBright',
	'yellowBright',
	'blueBright',
	'magentaBright',
	'cyanBright',
	'whiteBright',
] as const;

/**
The colour as Ink takes it (`red`, `#ff8800`, `ansi256(208)`), or throws an `Error` saying what colours look like.
A number is a colour of the 256-colour palette.
*/
export function parseColor(value: unknown): string {
	if (typeof value === 'number' && Number.isInteger(value)) {
		if (value >= 0 && value <= 255) {
			return `ansi256(${value})`;
		}
	} else if (typeof value === 'string') {
		const text = value.trim();
		const name = colorNames.find(
			candidate => candidate.toLowerCase() === text.toLowerCase(),
		);
		if (name) {
			return name;
		}

		if (/^#(?:[\da-f]{3}|[\da-f]{6})$/i.test(text)) {
			return text.toLowerCase();
		}

		const ansi = /^ansi256\(\s*(\d{1,3})\s*\)$/i.exec(text);
		if (ansi && Number(ansi[1]) <= 255) {
			return `ansi256(${Number(ansi[1])})`;
		}
	}

	throw new Error(
		`${JSON.stringify(value)} is not a colour${typeof value === 'string' ? didYouMean(value, colorNames) : ''} (a name such as red or cyanBright, #rrggbb, or a number 0-255)`,
	);
}
