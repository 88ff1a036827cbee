/**
Keys as people write them in the config file (`ctrl-k`, `Ctrl+K`, `alt-b`, `shift-tab`, `esc`, `G`, `?`, `f5`), turned
into the names the keymap and the input parser use (`ctrl+k`, `alt+b`, `shift+tab`, `escape`, `G`, `?`, `f5`).
*/

const named: Readonly<Record<string, string>> = {
	enter: 'enter',
	return: 'enter',
	escape: 'escape',
	esc: 'escape',
	tab: 'tab',
	space: 'space',
	backspace: 'backspace',
	delete: 'delete',
	del: 'delete',
	insert: 'insert',
	up: 'up',
	down: 'down',
	left: 'left',
	right: 'right',
	home: 'home',
	end: 'end',
	pageup: 'pageup',
	pgup: 'pageup',
	pagedown: 'pagedown',
	pgdn: 'pagedown',
};

// Ctrl keys whose control code is another key's: the parser reads them as that key.
const sameAs: Readonly<Record<string, string>> = {
	'[': 'escape',
	i: 'tab',
	m: 'enter',
	j: 'enter',
	h: 'backspace',
	'?': 'backspace',
};

const navigation = new Set([
	'up',
	'down',
	'left',
	'right',
	'home',
	'end',
	'pageup',
	'pagedown',
	'delete',
	'insert',
]);

/**
The keymap name of `spec`, or throws an `Error` saying why it is not a key dockpit can tell apart.
*/
export function parseKeySpec(spec: string): string {
	if (spec === ' ') {
		return 'space';
	}

	const text = spec.trim();
	if (text === '') {
		throw new Error('an empty key');
	}

	if ([...text].length === 1) {
		const code = text.codePointAt(0)!;
		if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
			throw new Error(
				`${JSON.stringify(spec)} is a control character: write it as ctrl-x`,
			);
		}

		return text;
	}

	const parts = /^(ctrl|control|alt|meta|option|shift)[-+](.+)$/i.exec(text);
	if (!parts) {
		const key = named[text.toLowerCase()] ?? functionKey(text);
		if (key === undefined) {
			throw new Error(
				`${JSON.stringify(spec)} is not a key (write one character, or ctrl-x, alt-x, shift-tab, enter, esc, space, tab, up, pagedown, f5, …)`,
			);
		}

		return key;
	}

	const modifier = parts[1]!.toLowerCase();
	const rest = parts[2]!;
	if (modifier === 'shift') {
		if (rest.toLowerCase() === 'tab') {
			return 'shift+tab';
		}

		const base = named[rest.toLowerCase()];
		if (base && navigation.has(base)) {
			return `shift+${base}`;
		}

		throw new Error(
			`${JSON.stringify(spec)}: for a capital letter write the letter itself (G, not shift-g)`,
		);
	}

	if (modifier === 'ctrl' || modifier === 'control') {
		const lower = rest.toLowerCase();
		if (lower === 'space') {
			return 'ctrl+space';
		}

		const base = named[lower];
		if (base && navigation.has(base)) {
			return `ctrl+${base}`;
		}

		if (!/^[a-z@\\\]^_[?]$/.test(lower)) {
			throw new Error(
				`${JSON.stringify(spec)}: the terminal has no Ctrl code for that (Ctrl goes with a letter or one of @ [ \\ ] ^ _ ?)`,
			);
		}

		const same = sameAs[lower];
		if (same) {
			throw new Error(
				`${JSON.stringify(spec)}: the terminal sends the same as ${same}; write ${same}`,
			);
		}

		return `ctrl+${lower}`;
	}

	// Alt (meta, option): the terminal sends Esc and the key.
	const base = [...rest].length === 1 ? rest : named[rest.toLowerCase()];
	if (base === undefined || base === 'escape') {
		throw new Error(
			`${JSON.stringify(spec)}: Alt goes with one character or a named key (alt-b, alt-backspace)`,
		);
	}

	return `alt+${base}`;
}

function functionKey(text: string): string | undefined {
	const match = /^f(\d{1,2})$/i.exec(text);
	const number = match ? Number(match[1]) : 0;
	return number >= 1 && number <= 12 ? `f${number}` : undefined;
}

/**
The name of a key as the config file writes it (`ctrl+k` → `ctrl-k`), for `--print-config`.
*/
export function keySpecText(name: string): string {
	return name.replace(/^(ctrl|alt|shift)\+/, '$1-');
}
