import {useMemo} from 'react';
import {defaultEscapeKey, withEscapeKey} from '../../keymap/escape-key.js';
import {type Binding, keymap} from '../../keymap/keymap.js';
import {keyFor} from '../../keymap/labels.js';
import {usableReadOnly} from '../../keymap/scopes.js';
import {useServices} from '../context.js';

// Where the keys go is the input router's (`input/router.ts`, fed by `use-input-router.ts`); these are the
// keymap as the views need it.
export {activeScopes} from '../../keymap/scopes.js';
export {focusedTextField} from '../../state/text-field.js';

/**
The keymap as this run uses it: with the config file's keys, and `--escape-key` in place of Ctrl-].
*/
export function useKeymapTable(): readonly Binding[] {
	const {escapeKey = defaultEscapeKey, keymap: table} = useServices();
	return useMemo(
		() => table ?? withEscapeKey(keymap, escapeKey),
		[table, escapeKey],
	);
}

/**
Is this binding usable under the current flags?
*/
export function useBindingEnabled(): (binding: Binding) => boolean {
	const {readOnly, store} = useServices();
	// Read at each call: a context switch can make the engine read-only (`readOnly` in the state).
	return binding => {
		const state = store.getState();
		return (
			!(readOnly || state.readOnly === true) || usableReadOnly(binding, state)
		);
	};
}

/**
The key of `command` in this run's keymap, as people write it; undefined when it is unbound.
*/
export function useKeyFor(command: string): string | undefined {
	const table = useKeymapTable();
	return useMemo(() => keyFor(table, command), [table, command]);
}
