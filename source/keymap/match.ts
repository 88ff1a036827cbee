import type {Key} from 'ink';
import {type Binding, type CommandId, keymap, type Scope} from './keymap.js';

/**
The name of a key press as the keymap spells it, or undefined for presses the keymap cannot name.
*/
export function keyName(input: string, key: Key): string | undefined {
	const named: Array<[boolean, string]> = [
		[key.upArrow, 'up'],
		[key.downArrow, 'down'],
		[key.leftArrow, 'left'],
		[key.rightArrow, 'right'],
		[key.pageUp, 'pageup'],
		[key.pageDown, 'pagedown'],
		[key.home, 'home'],
		[key.end, 'end'],
		[key.return, 'enter'],
		[key.escape && input === '', 'escape'],
		[key.backspace, 'backspace'],
		[key.delete, 'delete'],
	];
	for (const [pressed, name] of named) {
		if (pressed) {
			return name;
		}
	}

	if (key.tab) {
		return key.shift ? 'shift+tab' : 'tab';
	}

	if (key.escape) {
		return 'escape';
	}

	if (input === '') {
		return undefined;
	}

	// Control characters Ink leaves unnamed (Ctrl-] arrives as '\x1d', not as ']' with `key.ctrl`).
	const code = input.length === 1 ? input.codePointAt(0)! : -1;
	if (code >= 0x1c && code < 0x20) {
		return `ctrl+${String.fromCodePoint(code + 0x40).toLowerCase()}`;
	}

	if (key.ctrl) {
		return `ctrl+${input.toLowerCase()}`;
	}

	if (key.meta) {
		return `alt+${input}`;
	}

	return input === ' ' ? 'space' : input;
}

/**
The bindings that apply in `scopes`, in table order; with `enabled` to leave some out (read-only mode).
*/
export function bindingsFor(
	scopes: readonly Scope[],
	enabled: (binding: Binding) => boolean = () => true,
	table: readonly Binding[] = keymap,
): Binding[] {
	return table.filter(
		binding => scopes.includes(binding.scope) && enabled(binding),
	);
}

/**
Which command a key press means in `scopes`; earlier scopes win. `table` is the keymap, or the keymap with its keys
moved by a flag (`--escape-key`).
*/
export function resolve(
	input: string,
	key: Key,
	scopes: readonly Scope[],
	enabled: (binding: Binding) => boolean = () => true,
	table: readonly Binding[] = keymap,
): CommandId | undefined {
	const name = keyName(input, key);
	return name === undefined
		? undefined
		: resolveName(name, scopes, enabled, table);
}

/**
Which command the key named `name` (as the keymap spells keys, the way `input/parse.ts` names presses) means in
`scopes`; earlier scopes win.
*/
export function resolveName(
	name: string,
	scopes: readonly Scope[],
	enabled: (binding: Binding) => boolean = () => true,
	table: readonly Binding[] = keymap,
): CommandId | undefined {
	// Tables are the keymap with keys moved (`withEscapeKey`): every command is one of its commands.
	return bindingNamed(name, scopes, enabled, table)?.command as
		CommandId | undefined;
}

/**
The binding of the key named `name` in `scopes` that `enabled` keeps; earlier scopes win.
*/
export function bindingNamed(
	name: string,
	scopes: readonly Scope[],
	enabled: (binding: Binding) => boolean = () => true,
	table: readonly Binding[] = keymap,
): Binding | undefined {
	for (const scope of scopes) {
		const binding = table.find(
			candidate =>
				candidate.scope === scope &&
				(candidate.keys as readonly string[]).includes(name),
		);
		if (binding && enabled(binding)) {
			return binding;
		}
	}

	return undefined;
}
