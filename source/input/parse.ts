/**
THE parser of what the terminal sends: raw bytes in, presses out. The input router (`input/router.ts`) is its only
user; nothing else in dockpit takes key sequences apart.

A press is one of:
- `key`: one key as the keymap spells it (`j`, `G`, `space`, `enter`, `ctrl+u`, `alt+b`, `shift+tab`, `up`,
  `ctrl+left`, `backspace`, `delete`, `f5`), with `text` when it types a character;
- `paste`: the text between bracketed-paste markers (`ESC [200~ … ESC [201~`), however many reads it spans;
- `mouse`: an SGR (`ESC [< b;x;y M/m`) or X10 (`ESC [M bxy`) mouse report;
- `focus`: a focus report (`ESC [I`, `ESC [O`);
- `unknown`: any other escape sequence, skipped whole (never typed as text).

Every press keeps `raw`, the bytes it came from, so that the shell pane gets exactly what the terminal sent.

The parser is stateful: a sequence or paste cut by a read boundary waits for its end. A lone ESC at the end of a
read could be the start of a sequence or the Esc key; it waits until `flush()` (Ink waits the same way before it
reports a lone Esc, so the router flushes after each of Ink's inputs).
*/

export type KeyPress = {
	readonly type: 'key';
	/**
	As `keymap.ts` names keys.
	*/
	readonly name: string;
	/**
	The character it types, for printable keys (`space` types ' ').
	*/
	readonly text?: string;
	readonly raw: string;
};

export type MousePress = {
	readonly type: 'mouse';
	/**
	`left`, `middle`, `right`, `wheel-up`, `wheel-down`, or `other` (buttons 4+, drags).
	*/
	readonly button:
		'left' | 'middle' | 'right' | 'wheel-up' | 'wheel-down' | 'other';
	/**
	Released (`m` in SGR; X10 reports releases as button 3).
	*/
	readonly release: boolean;
	/**
	Moved with a button held (reported only in modes dockpit does not turn on).
	*/
	readonly motion: boolean;
	/**
	0-based cell column and row.
	*/
	readonly x: number;
	readonly y: number;
	readonly raw: string;
};

export type Press =
	| KeyPress
	| {readonly type: 'paste'; readonly text: string; readonly raw: string}
	| MousePress
	| {readonly type: 'focus'; readonly focused: boolean; readonly raw: string}
	| {readonly type: 'unknown'; readonly raw: string};

export type InputParser = {
	/**
	The presses complete in what has arrived so far.
	*/
	push(chunk: string): Press[];
	/**
	Nothing more is coming for now: a lone ESC held back is the Esc key (and a cut-off sequence is dropped). An
	unfinished paste stays open.
	*/
	flush(): Press[];
	/**
	Inside a bracketed paste that has not ended yet.
	*/
	readonly pasting: boolean;
};

const escape = '\u001B';
export const pasteStart = '\u001B[200~';
export const pasteEnd = '\u001B[201~';

/**
The longest a cut-off escape sequence may grow before it is dropped as garbage.
*/
const maxSequence = 64;

const modifierNames = (parameter: number): string => {
	const bits = Math.max(0, parameter - 1);
	return (
		(bits & 4 ? 'ctrl+' : '') +
		(bits & 2 ? 'alt+' : '') +
		(bits & 1 ? 'shift+' : '')
	);
};

const csiFinalKeys: Readonly<Record<string, string>> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	H: 'home',
	F: 'end',
	E: 'clear',
	P: 'f1',
	Q: 'f2',
	R: 'f3',
	S: 'f4',
};

const tildeKeys: Readonly<Record<string, string>> = {
	'1': 'home',
	'2': 'insert',
	'3': 'delete',
	'4': 'end',
	'5': 'pageup',
	'6': 'pagedown',
	'7': 'home',
	'8': 'end',
	'11': 'f1',
	'12': 'f2',
	'13': 'f3',
	'14': 'f4',
	'15': 'f5',
	'17': 'f6',
	'18': 'f7',
	'19': 'f8',
	'20': 'f9',
	'21': 'f10',
	'23': 'f11',
	'24': 'f12',
};

/**
The name of one character typed on its own: a printable character is itself (`space` for ' '), control
characters are the keys that send them.
*/
export function characterKey(character: string): KeyPress {
	switch (character) {
		case '\r':
		case '\n': {
			return {type: 'key', name: 'enter', raw: character};
		}

		case '\t': {
			return {type: 'key', name: 'tab', raw: character};
		}

		case '\u007F':
		case '\b': {
			return {type: 'key', name: 'backspace', raw: character};
		}

		case ' ': {
			return {type: 'key', name: 'space', text: ' ', raw: character};
		}

		case escape: {
			return {type: 'key', name: 'escape', raw: character};
		}

		default: {
			const code = character.codePointAt(0) ?? 0;
			if (code === 0) {
				return {type: 'key', name: 'ctrl+space', raw: character};
			}

			if (code < 0x20) {
				return {
					type: 'key',
					name: `ctrl+${String.fromCodePoint(code + 0x40).toLowerCase()}`,
					raw: character,
				};
			}

			if (code >= 0x80 && code < 0xa0) {
				return {type: 'key', name: 'unknown', raw: character};
			}

			return {type: 'key', name: character, text: character, raw: character};
		}
	}
}

/**
An escape sequence (CSI or SS3) as a key, mouse report, focus report, or unknown.
*/
function csiPress(raw: string, body: string, final: string): Press {
	if (body.startsWith('<') && (final === 'M' || final === 'm')) {
		const [b, x, y] = body.slice(1).split(';').map(Number);
		if (b !== undefined && x !== undefined && y !== undefined) {
			return mousePress(raw, b, x - 1, y - 1, final === 'm');
		}

		return {type: 'unknown', raw};
	}

	if (body === '' && (final === 'I' || final === 'O')) {
		return {type: 'focus', focused: final === 'I', raw};
	}

	if (body === '' && final === 'Z') {
		return {type: 'key', name: 'shift+tab', raw};
	}

	const parameters = body.split(';');
	if (final === '~') {
		const name = tildeKeys[parameters[0] ?? ''];
		const modifier = Number(parameters[1] ?? 1);
		return name
			? {type: 'key', name: modifierNames(modifier) + name, raw}
			: {type: 'unknown', raw};
	}

	const name = csiFinalKeys[final];
	if (name && /^(?:1?(?:;\d+)?)?$/.test(body)) {
		const modifier = Number(parameters[1] ?? 1);
		return {type: 'key', name: modifierNames(modifier) + name, raw};
	}

	// Kitty keyboard protocol (CSI codepoint ; modifiers u), as far as the keymap can name it.
	if (final === 'u' && /^\d+(?:;\d+)?$/.test(body)) {
		const code = Number(parameters[0]);
		const modifier = Number(parameters[1] ?? 1);
		const base = characterKey(String.fromCodePoint(code));
		if (base.name === 'unknown') {
			return {type: 'unknown', raw};
		}

		const prefix = modifierNames(modifier);
		return prefix === ''
			? {...base, raw}
			: {
					type: 'key',
					name: prefix + (base.name === ' ' ? 'space' : base.name),
					raw,
				};
	}

	return {type: 'unknown', raw};
}

function mousePress(
	raw: string,
	code: number,
	x: number,
	y: number,
	release: boolean,
): MousePress {
	const motion = (code & 32) !== 0;
	const base = code & ~(4 | 8 | 16 | 32);
	const button =
		base === 0
			? 'left'
			: base === 1
				? 'middle'
				: base === 2
					? 'right'
					: base === 64
						? 'wheel-up'
						: base === 65
							? 'wheel-down'
							: 'other';
	return {type: 'mouse', button, release, motion, x, y, raw};
}

type Step =
	{readonly press?: Press; readonly length: number} | {readonly pending: true};

/**
Reads one press at the start of `input`, which begins with ESC.
*/
function readEscape(input: string): Step {
	if (input.length === 1) {
		return {pending: true};
	}

	const second = input[1]!;
	if (second === '[') {
		// X10 mouse: ESC [ M and three bytes (button+32, column+33, row+33).
		if (input[2] === 'M') {
			if (input.length < 6) {
				return {pending: true};
			}

			const raw = input.slice(0, 6);
			const b = raw.codePointAt(3)! - 32;
			const press = mousePress(
				raw,
				(b & 3) === 3 ? b & ~3 : b,
				raw.codePointAt(4)! - 33,
				raw.codePointAt(5)! - 33,
				(b & 3) === 3 && b < 64,
			);
			return {press, length: 6};
		}

		let index = 2;
		// Legacy function keys: ESC [ [ A.
		if (input[index] === '[') {
			index++;
		}

		for (; index < input.length; index++) {
			const code = input.codePointAt(index)!;
			if (code >= 0x20 && code <= 0x3f) {
				continue;
			}

			if (code >= 0x40 && code <= 0x7e) {
				const raw = input.slice(0, index + 1);
				return {
					press: csiPress(raw, input.slice(2, index), input[index]!),
					length: index + 1,
				};
			}

			// Not a sequence after all: ESC [ is Alt-[.
			return {
				press: {type: 'key', name: 'alt+[', raw: input.slice(0, 2)},
				length: 2,
			};
		}

		return {pending: true};
	}

	if (second === 'O') {
		if (input.length < 3) {
			return {pending: true};
		}

		const raw = input.slice(0, 3);
		const name = csiFinalKeys[input[2]!];
		return {
			press: name ? {type: 'key', name, raw} : {type: 'unknown', raw},
			length: 3,
		};
	}

	if (second === escape) {
		// ESC ESC [ A: Alt with a sequence (some terminals); ESC ESC alone: Alt-Esc.
		if (input.length === 2) {
			return {pending: true};
		}

		if (input[2] === '[' || input[2] === 'O') {
			const inner = readEscape(input.slice(1));
			if ('pending' in inner) {
				return inner;
			}

			const press = inner.press;
			return {
				press:
					press?.type === 'key'
						? {
								type: 'key',
								name: `alt+${press.name}`,
								raw: input.slice(0, inner.length + 1),
							}
						: {type: 'unknown', raw: input.slice(0, inner.length + 1)},
				length: inner.length + 1,
			};
		}

		return {
			press: {type: 'key', name: 'alt+escape', raw: input.slice(0, 2)},
			length: 2,
		};
	}

	const character = String.fromCodePoint(input.codePointAt(1)!);
	const base = characterKey(character);
	const raw = input.slice(0, 1 + character.length);
	return {
		press:
			base.name === 'unknown'
				? {type: 'unknown', raw}
				: {type: 'key', name: `alt+${base.name}`, raw},
		length: raw.length,
	};
}

export function createInputParser(): InputParser {
	let pending = '';
	let paste: string | undefined;

	const parse = (final: boolean): Press[] => {
		const presses: Press[] = [];
		let input = pending;
		pending = '';
		while (input !== '') {
			if (paste !== undefined) {
				const end = input.indexOf(pasteEnd);
				if (end === -1) {
					// Keep back what may be the start of the end marker.
					let keep = 0;
					for (
						let length = Math.min(pasteEnd.length - 1, input.length);
						length > 0;
						length--
					) {
						if (pasteEnd.startsWith(input.slice(-length))) {
							keep = length;
							break;
						}
					}

					// A paste only ends with its end marker, however long the wait.
					paste += input.slice(0, input.length - keep);
					input = input.slice(input.length - keep);
					break;
				}

				const text = paste + input.slice(0, end);
				presses.push({
					type: 'paste',
					text,
					raw: pasteStart + text + pasteEnd,
				});
				paste = undefined;
				input = input.slice(end + pasteEnd.length);
				continue;
			}

			if (input.startsWith(escape)) {
				const step = readEscape(input);
				if ('pending' in step) {
					if (final || input.length > maxSequence) {
						// Nothing followed: a lone ESC is the Esc key; a cut-off sequence is dropped.
						if (input.length === 1) {
							presses.push(characterKey(escape));
						} else if (input.length === 2 && input[1] === escape) {
							presses.push({type: 'key', name: 'alt+escape', raw: input});
						} else {
							presses.push({type: 'unknown', raw: input});
						}

						input = '';
					}

					break;
				}

				if (step.press?.raw === pasteStart) {
					paste = '';
				} else if (step.press) {
					presses.push(step.press);
				}

				input = input.slice(step.length);
				continue;
			}

			const character = String.fromCodePoint(input.codePointAt(0)!);
			presses.push(characterKey(character));
			input = input.slice(character.length);
		}

		pending = input;
		return presses;
	};

	return {
		push(chunk) {
			pending += chunk;
			return parse(false);
		},
		flush() {
			return parse(true);
		},
		get pasting() {
			return paste !== undefined;
		},
	};
}

/**
All presses in `raw`, taken as complete (for tests and for input that is known to be whole).
*/
export function parseAll(raw: string): Press[] {
	const parser = createInputParser();
	return [...parser.push(raw), ...parser.flush()];
}
