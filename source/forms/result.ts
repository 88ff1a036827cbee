import sanitize from '../format/printable.js';

/**
The outcome of parsing one form field: the parsed value, or a short message in plain words to show next to the field.
*/
export type Result<T> =
	| {readonly ok: true; readonly value: T}
	| {readonly ok: false; readonly error: string};

/**
A successful `Result`.
*/
export function ok<T>(value: T): Result<T> {
	return {ok: true, value};
}

/**
A failed `Result`; `error` is shown to the user as it is.
*/
export function fail(error: string): Result<never> {
	return {ok: false, error};
}

const excerptLength = 40;

/**
User input made fit to quote in an error message: control characters made visible, and cut to a few dozen
characters (with `…`) so that the message still fits next to its field.
*/
export function excerpt(text: string): string {
	const clean = sanitize(text);
	const characters = [...clean];
	return characters.length > excerptLength
		? characters.slice(0, excerptLength - 1).join('') + '…'
		: clean;
}
