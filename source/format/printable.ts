/**
THE module that makes untrusted text printable: container names, labels, image names, event attributes, log lines
(`sanitize`), and the cells of the shell pane's screen (`printableText`). One set of character classes for both.

Whole escape sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-byte ESC sequences) are dropped, then every C0 and
C1 control character that is left, and DEL, is replaced by a visible placeholder: tab becomes a space, everything
else becomes `?`. Unicode bidirectional overrides are dropped too, so text cannot visually reorder
the columns around it.
*/

// ESC [ … final byte; ESC ] … BEL or ST; ESC P/X/^/_ … ST; ESC and one more byte. Also the 8-bit CSI (0x9B)
// and OSC/DCS introducers (0x9D, 0x90, 0x98, 0x9E, 0x9F).
const escapeSequence =
	// eslint-disable-next-line no-control-regex
	/(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[\u0020-\u002F]*[\u0030-\u007E]?/g;

// C0 and C1 controls and DEL; and the bidirectional controls, which could visually reorder the text around them.
const controlsButNewline = String.raw`\u0000-\u0009\u000B-\u001F\u007F-\u009F`;
const controls = String.raw`\u000A${controlsButNewline}`;
const bidi = String.raw`\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C`;

const controlCharacter = new RegExp(`[${controls}]`, 'g');
const bidiControl = new RegExp(`[${bidi}]`, 'g');
const anythingUnsafe = new RegExp(`[${controls}${bidi}]`);

/**
Tells whether text of several lines has anything `sanitize` would change in one of its lines (a newline apart).
*/
export const unsafeBesidesNewline = new RegExp(
	`[${controlsButNewline}${bidi}]`,
);

/**
Returns `text` with escape sequences removed and control characters made visible. Fast path: text with nothing
unsafe in it is returned as it is.
*/
export default function sanitize(text: string): string {
	return cleaned(text, '?');
}

/**
`text` without escape sequences and bidirectional controls, a tab as a space, and each other control character as
`control`.
*/
function cleaned(text: string, control: string): string {
	if (!anythingUnsafe.test(text)) {
		return text;
	}

	return text
		.replaceAll(escapeSequence, '')
		.replaceAll('\t', ' ')
		.replaceAll(controlCharacter, control)
		.replaceAll(bidiControl, '');
}

/**
Makes the text of a terminal cell safe to hand to Ink: each control character (C0, C1, DEL; ESC among them) becomes
a space and bidirectional controls are dropped. Text that would be left empty becomes a space, so a cell keeps its
column. (The emulator has taken the escape sequences already: what is left is one cell's characters.)
*/
export function printableText(chars: string): string {
	if (chars === '') {
		return ' ';
	}

	if (!anythingUnsafe.test(chars)) {
		return chars;
	}

	const clean = chars
		.replaceAll(bidiControl, '')
		.replaceAll(controlCharacter, ' ');
	return clean === '' ? ' ' : clean;
}

/**
`sanitize` over every key and value of a string record (labels, event attributes).
*/
export function sanitizeRecord(
	record: Readonly<Record<string, string>>,
): Record<string, string> {
	const clean: Record<string, string> = {};
	for (const [key, value] of Object.entries(record)) {
		clean[sanitize(key)] = sanitize(String(value));
	}

	return clean;
}

/**
Text for the clipboard: escape sequences (SGR colours among them) removed, a tab kept as a space, and every other
control character and bidirectional control dropped, not replaced.
*/
export function plainText(text: string): string {
	return cleaned(text, '');
}
