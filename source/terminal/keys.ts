/**
What the person types into the terminal pane, turned into bytes for the container's TTY.

Two ways in, best first:

1. Raw passthrough. Ink 6.8 reads stdin itself (`readable` + `read()`) and splits each chunk into key sequences
   (a run of plain text, or one whole escape sequence: `ESC [ A`, `ESC [ 200 ~`, `ESC x` for Alt-x, a lone `ESC`),
   which it emits, unchanged, on `useStdin().internal_eventEmitter` (`'input'` event) before `useInput` parses them.
   Those strings are exactly what the terminal sent, so vi and less get real Alt combos, function keys and pasted
   text. `translateInput` only adapts them to modes the program set in our emulator (which the real terminal
   does not know about): application cursor keys, bracketed paste.
2. `keyToBytes(input, key)`, for when only Ink's parsed `useInput` arguments are available. Lossy: Ink's `Key` has no
   function keys or Insert, and reports both Backspace (0x7f) and Delete (`ESC [3~`) as `key.delete`.

The escape key (default Ctrl-], 0x1d, like telnet) is never sent: it hands focus back to the dashboard.
*/
import type {ScreenModes} from './screen.js';

/**
The parts of Ink's `Key` that `keyToBytes` reads; Ink's `Key` can be passed as it is.
*/
export type KeyState = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageDown?: boolean;
	readonly pageUp?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly ctrl?: boolean;
	readonly shift?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly meta?: boolean;
};

/**
Ctrl-] (group separator, 0x1d): returns focus to the dashboard.
*/
export const defaultEscapeKey = '\u001D';

const escape = '\u001B';
const csi = '\u001B[';
const ss3 = '\u001BO';
const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';

const normalModes: ScreenModes = {
	applicationCursorKeys: false,
	bracketedPaste: false,
};

/**
Parses a key name in Docker's detach-key spelling (`ctrl-]`, `ctrl-p`, `ctrl-@`, or a single character) into the
byte it sends. Throws on anything else.
*/
export function parseKeyName(name: string): string {
	const match = /^ctrl-(.)$/i.exec(name.trim());
	if (match) {
		const code = match[1]!.toUpperCase().codePointAt(0)!;
		if (code >= 0x40 && code <= 0x5f) {
			return String.fromCodePoint(code - 0x40);
		}

		if (code === 0x3f) {
			return '\u007F';
		}
	} else if ([...name].length === 1) {
		return name;
	}

	throw new Error(
		`Not a key: ${JSON.stringify(name)} (expected e.g. "ctrl-]")`,
	);
}

// Kitty keyboard protocol form of a Ctrl combination: CSI codepoint ; 5 [: event] u.
const kittyCtrlKey = /^\u001B\[(\d+);5(?::1)?u$/;

/**
Whether what was typed is the escape key. Takes a raw sequence (`'\x1d'`), or Ink's `useInput` arguments (Ink gives
Ctrl-] as input `'\x1d'` but Ctrl-letter as input `'p'` with `key.ctrl`), or the kitty keyboard protocol form.
*/
export function isEscapeKey(
	input: string,
	key?: KeyState,
	escapeKey: string = defaultEscapeKey,
): boolean {
	if (input === escapeKey) {
		return true;
	}

	if (escapeKey.length !== 1) {
		return false;
	}

	const code = escapeKey.codePointAt(0)!;
	if (code >= 0x20 && code !== 0x7f) {
		return false;
	}

	// The characters Ctrl is pressed with to send this control code: ']' for 0x1d, 'p'/'P' for 0x10.
	const base = code === 0x7f ? '?' : String.fromCodePoint(code + 0x40);
	const names = new Set([base, base.toLowerCase()]);
	if (key?.ctrl && names.has(input)) {
		return true;
	}

	const kitty = kittyCtrlKey.exec(input);
	return kitty ? names.has(String.fromCodePoint(Number(kitty[1]))) : false;
}

/**
Splits a typed sequence at the escape key: what comes before it is still for the program, what comes after it
(`rest`) is for whoever takes the keys back.
*/
export function splitAtEscapeKey(
	sequence: string,
	escapeKey: string = defaultEscapeKey,
): {
	readonly forward: string;
	readonly escaped: boolean;
	readonly rest: string;
} {
	if (isEscapeKey(sequence, undefined, escapeKey)) {
		return {forward: '', escaped: true, rest: ''};
	}

	const index = escapeKey === '' ? -1 : sequence.indexOf(escapeKey);
	return index === -1
		? {forward: sequence, escaped: false, rest: ''}
		: {
				forward: sequence.slice(0, index),
				escaped: true,
				rest: sequence.slice(index + escapeKey.length),
			};
}

// Cursor keys the host terminal sends in normal mode, and what they become in application cursor mode.
const applicationCursor: Readonly<Record<string, string>> = {
	[`${csi}A`]: `${ss3}A`,
	[`${csi}B`]: `${ss3}B`,
	[`${csi}C`]: `${ss3}C`,
	[`${csi}D`]: `${ss3}D`,
	[`${csi}H`]: `${ss3}H`,
	[`${csi}F`]: `${ss3}F`,
};

/**
Adapts a raw sequence from the real terminal to the modes the program set in our emulator: cursor keys in
application mode (DECCKM) become `ESC O x`; bracketed-paste markers (present only if the host terminal has bracketed
paste on) are kept only when the program asked for bracketed paste.
*/
export function translateInput(
	sequence: string,
	modes: ScreenModes = normalModes,
): string {
	if (modes.applicationCursorKeys) {
		const converted = applicationCursor[sequence];
		if (converted !== undefined) {
			return converted;
		}
	}

	if (!modes.bracketedPaste && sequence.includes(`${csi}20`)) {
		return sequence.replaceAll(pasteStart, '').replaceAll(pasteEnd, '');
	}

	return sequence;
}

// Xterm modifier parameter: 1 + shift + 2·alt + 4·ctrl.
function modifierParameter(key: KeyState): number {
	return 1 + (key.shift ? 1 : 0) + (key.meta ? 2 : 0) + (key.ctrl ? 4 : 0);
}

function cursorKey(final: string, key: KeyState, modes: ScreenModes): string {
	const modifier = modifierParameter(key);
	if (modifier > 1) {
		return `${csi}1;${modifier}${final}`;
	}

	return `${modes.applicationCursorKeys ? ss3 : csi}${final}`;
}

function tildeKey(number: number, key: KeyState): string {
	const modifier = modifierParameter(key);
	return modifier > 1 ? `${csi}${number};${modifier}~` : `${csi}${number}~`;
}

function controlCode(character: string): string | undefined {
	if (character.length !== 1) {
		return undefined;
	}

	const upper = character.toUpperCase().codePointAt(0)!;
	if (upper >= 0x40 && upper <= 0x5f) {
		return String.fromCodePoint(upper - 0x40);
	}

	// Ink names Ctrl-Space (NUL) '`'.
	if (character === '`' || character === ' ') {
		return '\u0000';
	}

	if (character === '?') {
		return '\u007F';
	}

	return undefined;
}

/**
Bytes for one key press as Ink's `useInput` reports it. The fallback when raw sequences are not available; prefer
`translateInput` on the raw sequence. Keys Ink does not describe (F1–F12, Insert) give `''`.

Ink reports the Backspace key (0x7f on nearly every terminal) as `key.delete`, and the forward Delete key
(`ESC [3~`) the same way; both are sent as 0x7f, which is what Backspace must send.
*/
export function keyToBytes(
	input: string,
	key: KeyState,
	modes: ScreenModes = normalModes,
): string {
	if (key.upArrow) {
		return cursorKey('A', key, modes);
	}

	if (key.downArrow) {
		return cursorKey('B', key, modes);
	}

	if (key.rightArrow) {
		return cursorKey('C', key, modes);
	}

	if (key.leftArrow) {
		return cursorKey('D', key, modes);
	}

	if (key.home) {
		return cursorKey('H', key, modes);
	}

	if (key.end) {
		return cursorKey('F', key, modes);
	}

	if (key.pageUp) {
		return tildeKey(5, key);
	}

	if (key.pageDown) {
		return tildeKey(6, key);
	}

	const alt = key.meta ? escape : '';
	if (key.backspace || key.delete) {
		return `${alt}\u007F`;
	}

	if (key.return) {
		return `${alt}\r`;
	}

	if (key.tab) {
		return key.shift ? `${csi}Z` : '\t';
	}

	if (key.escape) {
		return escape;
	}

	if (key.ctrl) {
		const code = controlCode(input);
		if (code !== undefined) {
			return `${alt}${code}`;
		}
	}

	if (input === '') {
		return '';
	}

	return `${alt}${input}`;
}
