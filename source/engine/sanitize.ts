/**
Makes untrusted text (container names, labels, image names, event attributes, log lines) harmless for a terminal.

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

// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

const bidiControl = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

// eslint-disable-next-line no-control-regex
const anythingUnsafe =
	/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/**
Returns `text` with escape sequences removed and control characters made visible. Fast path: text with nothing
unsafe in it is returned as it is.
*/
export default function sanitize(text: string): string {
	if (!anythingUnsafe.test(text)) {
		return text;
	}

	return text
		.replaceAll(escapeSequence, '')
		.replaceAll('\t', ' ')
		.replaceAll(controlCharacter, '?')
		.replaceAll(bidiControl, '');
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
