import type {Binding} from './keymap.js';

const names: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift+tab': 'Shift-Tab',
	space: 'Space',
	backspace: 'Backspace',
	delete: 'Delete',
};

/**
How a key is written for people: `ctrl+c` → `Ctrl-C`, `down` → `↓`, `G` → `G`.
*/
export function keyLabel(key: string): string {
	const known = names[key];
	if (known) {
		return known;
	}

	const ctrl = /^ctrl\+(.+)$/.exec(key);
	if (ctrl?.[1]) {
		return `Ctrl-${ctrl[1].toUpperCase()}`;
	}

	const alt = /^alt\+(.+)$/.exec(key);
	return alt?.[1] ? `Alt-${alt[1]}` : key;
}

/**
All keys of a binding: `j/↓`.
*/
export function keysLabel(binding: Binding): string {
	return binding.keys.map(key => keyLabel(key)).join('/');
}

/**
The key that runs `command` in `table` (the keymap of this run, with the config file's keys), as people write
it; undefined when the config file unbound it. Messages that name a key ("c creates one") take it from here, so
that they follow a rebinding.
*/
export function keyFor(
	table: readonly Binding[],
	command: string,
): string | undefined {
	const key = table.find(binding => binding.command === command)?.keys[0];
	return key === undefined ? undefined : keyLabel(key);
}
