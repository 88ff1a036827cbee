import {parseKeyName} from '../terminal/keys.js';
import {type Binding, keymap, type Scope} from './keymap.js';
import {keyLabel} from './labels.js';

/**
The key that moves between the shell pane and the dashboard (`--escape-key`, default Ctrl-]).
*/
export type EscapeKey = {
	/**
	As the keymap names keys: `ctrl+]`.
	*/
	readonly name: string;
	/**
	What the terminal sends for it: `\x1d`.
	*/
	readonly bytes: string;
	/**
	As the screen shows it: `Ctrl-]`.
	*/
	readonly label: string;
};

export const defaultEscapeKey: EscapeKey = {
	name: 'ctrl+]',
	bytes: '\u001D',
	label: keyLabel('ctrl+]'),
};

// Control codes that are other keys as well, which the shell and the dashboard cannot do without.
const sameAs: Readonly<Record<string, string>> = {
	'ctrl-[': 'Esc',
	'ctrl-i': 'Tab',
	'ctrl-m': 'Enter',
	'ctrl-j': 'Enter (line feed)',
	'ctrl-h': 'Backspace',
	'ctrl-?': 'Backspace',
};

// Where the escape key is live in the dashboard: it must not mean anything else there.
const dashboardScopes: readonly Scope[] = [
	'containers',
	'images',
	'events',
	'list',
	'shell-pane',
	'shell-live',
	'global',
	'always',
];

const escapeCommands = new Set(['shell.focus', 'shell.leave']);

/**
Reads `--escape-key` as Docker writes keys (`ctrl-]`, `ctrl-a`, `ctrl-\`), refusing keys the shell or the dashboard
need for something else (in `table`: the keymap of this run, with the config file's keys). Throws an `Error` with a
one-line reason.
*/
export function parseEscapeKey(
	spec: string,
	table: readonly Binding[] = keymap,
): EscapeKey {
	const text = spec.trim().toLowerCase();
	// The keys with a control code of their own: letters and @ [ \ ] ^ _ ?.
	const match = /^ctrl-([a-z@[\\\]^_?])$/.exec(text);
	if (!match) {
		throw new Error(
			`--escape-key ${JSON.stringify(spec)}: give a Ctrl key as Docker writes it, e.g. ctrl-] or ctrl-a`,
		);
	}

	const bytes = parseKeyName(text);
	if (sameAs[text]) {
		throw new Error(
			`--escape-key ${text}: the terminal sends the same as ${sameAs[text]}, which the shell needs`,
		);
	}

	if (text === 'ctrl-c') {
		throw new Error(
			`--escape-key ctrl-c: the shell needs Ctrl-C to interrupt what runs in it`,
		);
	}

	if (text === 'ctrl-p') {
		throw new Error(
			`--escape-key ctrl-p: Ctrl-P starts Docker's detach keys (Ctrl-P Ctrl-Q) in an attached pane`,
		);
	}

	const name = `ctrl+${match[1]!}`;
	const taken = table.find(
		binding =>
			!escapeCommands.has(binding.command) &&
			dashboardScopes.includes(binding.scope) &&
			(binding.keys as readonly string[]).includes(name),
	);
	if (taken) {
		throw new Error(
			`--escape-key ${text}: ${keyLabel(name)} already means "${taken.description}" in the dashboard`,
		);
	}

	return {name, bytes, label: keyLabel(name)};
}

/**
The keymap with the escape key's bindings on `escape` instead of Ctrl-].
*/
export function withEscapeKey(
	table: readonly Binding[],
	escape: EscapeKey,
): readonly Binding[] {
	if (escape.name === defaultEscapeKey.name) {
		return table;
	}

	return table.map(binding =>
		escapeCommands.has(binding.command)
			? {...binding, keys: [escape.name]}
			: binding,
	);
}
