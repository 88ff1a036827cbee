/**
A check of what a program wrote to its terminal, raw: a parser of the escape sequences dockpit itself writes,
which flags every other control byte and sequence. Container data that reached the terminal unescaped shows
up here as a sequence dockpit never writes (an OSC title, a DCS, a CSI with odd parameters, a bare BEL, a C1
character), whatever the emulated screen then made of it.
*/

/**
One control byte or sequence that dockpit does not write itself.
*/
export type StrayControl = {
	/**
	Where it starts in the output (UTF-16 index).
	*/
	readonly at: number;
	/**
	The sequence, JSON-quoted (at most 60 characters of it).
	*/
	readonly sequence: string;
	readonly reason: string;
};

/**
The DEC private modes dockpit sets and resets: the cursor (25), the alternate screen (1049), mouse reporting
(1000, 1002, 1003, 1006), focus events (1004), bracketed paste (2004) and synchronized output (2026).
*/
export const decModes: ReadonlySet<number> = new Set([
	25, 1000, 1002, 1003, 1004, 1006, 1049, 2004, 2026,
]);

const quote = (text: string) => JSON.stringify(text.slice(0, 60));

/**
What is allowed in a CSI sequence, by its final byte: the SGR colours (`m`), cursor moves (`A`–`H`, `f`), erase
(`J`, `K`), the scroll region (`r`) and the DEC private modes of `decModes`. Anything else (other finals,
intermediates, a private marker other than `?`, parameters that are not numbers) is flagged.
*/
function csiProblem(
	marker: string,
	parameters: string,
	intermediates: string,
	final: string,
): string | undefined {
	if (intermediates !== '') {
		return 'CSI with intermediate bytes';
	}

	if (marker === '?') {
		if (final !== 'h' && final !== 'l') {
			return `DEC private CSI ending in ${final}`;
		}

		const modes = parameters.split(';');
		const unknown = modes.find(mode => !decModes.has(Number(mode)));
		return unknown === undefined
			? undefined
			: `DEC private mode ${unknown} (dockpit sets ${[...decModes].join(', ')})`;
	}

	if (marker !== '') {
		return `CSI with private marker ${marker}`;
	}

	if (final === 'm') {
		return /^[\d;:]*$/.test(parameters) ? undefined : 'SGR with odd parameters';
	}

	if (!/^(\d{1,4}(;\d{1,4})*)?$/.test(parameters)) {
		return 'CSI with odd parameters';
	}

	const count = parameters === '' ? 0 : parameters.split(';').length;
	if ('ABCDEFG'.includes(final)) {
		return count <= 1 ? undefined : `CSI ${final} with ${count} parameters`;
	}

	if (final === 'H' || final === 'f' || final === 'r') {
		return count <= 2 ? undefined : `CSI ${final} with ${count} parameters`;
	}

	if (final === 'J' || final === 'K') {
		return /^[0-3]?$/.test(parameters) ? undefined : `erase ${parameters}`;
	}

	return `CSI ending in ${final}`;
}

/**
Every control byte or sequence in `output` that dockpit does not write itself. Allowed: `\r`, `\n`, the CSI
sequences of `csiProblem`, ESC 7 / ESC 8 (save and restore the cursor), and OSC 52 (the clipboard) only when
`osc52` is set (a test that copies). Flagged: every other C0 control (BEL, BS, HT, VT, FF, SO, SI, NUL…),
DEL, every C1 character (U+0080–U+009F, the 8-bit CSI U+009B among them), DCS, SOS, PM, APC, every other OSC
and ESC sequence, and a sequence cut off at the end.
*/
export function strayControls(
	output: string,
	options: {readonly osc52?: boolean} = {},
): StrayControl[] {
	const found: StrayControl[] = [];
	const flag = (at: number, end: number, reason: string) => {
		found.push({at, sequence: quote(output.slice(at, end)), reason});
	};

	let index = 0;
	while (index < output.length) {
		const code = output.codePointAt(index)!;
		if (code === 0x1b) {
			const next = output[index + 1];
			if (next === '[') {
				// CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, a final 0x40–0x7E.
				const match =
					/^\u001B\[([<=>?]?)([\d;:]*)([\u0020-\u002F]*)([\u0040-\u007E])/.exec(
						output.slice(index, index + 80),
					);
				if (!match) {
					flag(index, index + 20, 'CSI that is cut off or malformed');
					index += 2;
					continue;
				}

				const problem = csiProblem(match[1]!, match[2]!, match[3]!, match[4]!);
				if (problem) {
					flag(index, index + match[0].length, problem);
				}

				index += match[0].length;
				continue;
			}

			if (next === ']') {
				// OSC, ended by BEL or ST (ESC \).
				const rest = output.slice(index + 2);
				const end = /\u0007|\u001B\\/.exec(rest);
				const length = end
					? end.index + end[0].length + 2
					: output.length - index;
				const body = rest.slice(0, end ? end.index : rest.length);
				if (!end) {
					flag(index, index + length, 'OSC that never ends');
				} else if (!(options.osc52 && /^52;[a-z]*;[\w+/=]*$/.test(body))) {
					flag(
						index,
						index + length,
						body.startsWith('52;') ? 'OSC 52 while not copying' : 'OSC',
					);
				}

				index += length;
				continue;
			}

			if (next === '7' || next === '8') {
				index += 2;
				continue;
			}

			const names: Record<string, string> = {
				P: 'DCS',
				X: 'SOS',
				'^': 'PM',
				_: 'APC',
			};
			flag(
				index,
				index + 2,
				next === undefined
					? 'ESC at the very end'
					: `${names[next] ?? 'ESC sequence'} (ESC ${quote(next)})`,
			);
			index += 2;
			continue;
		}

		if (code === 0x0a || code === 0x0d) {
			index++;
			continue;
		}

		if (code < 0x20 || code === 0x7f) {
			flag(
				index,
				index + 1,
				`C0 control 0x${code.toString(16).padStart(2, '0')}`,
			);
		} else if (code >= 0x80 && code <= 0x9f) {
			flag(
				index,
				index + 1,
				`C1 control U+00${code.toString(16).toUpperCase()}`,
			);
		}

		index += code > 0xff_ff ? 2 : 1;
	}

	return found;
}
