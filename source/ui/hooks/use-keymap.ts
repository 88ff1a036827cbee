import {useApp, useInput} from 'ink';
import {commands} from '../../commands.js';
import type {Binding, Scope} from '../../keymap/keymap.js';
import {resolve} from '../../keymap/match.js';
import {editFor, splitPresses} from '../../keymap/presses.js';
import type {AppState, FormField} from '../../state/types.js';
import {useServices} from '../context.js';

/**
Which scopes are live: an overlay or prompt takes every key (plus `always`), otherwise the focused pane, the
list keys and the global ones.
*/
export function activeScopes(state: AppState): Scope[] {
	const {ui, connection} = state;
	if (ui.overlay) {
		return [ui.overlay.kind, 'always'];
	}

	if (ui.filtering) {
		return ['filter', 'always'];
	}

	if (
		connection.status === 'unreachable' ||
		connection.status === 'connecting'
	) {
		return ['global', 'always'];
	}

	return [ui.pane, 'list', 'global', 'always'];
}

/**
The text field of the open form that has the focus, if any.
*/
export function focusedTextField(state: AppState): FormField | undefined {
	const {overlay} = state.ui;
	const field =
		overlay?.kind === 'form' ? overlay.fields[overlay.focus] : undefined;
	return field?.kind === 'text' ? field : undefined;
}

/**
Is this binding usable under the current flags?
*/
export function useBindingEnabled(): (binding: Binding) => boolean {
	const {readOnly} = useServices();
	return binding => !(readOnly && binding.mutating === true);
}

/**
The one app-level input handler: turns a key press into a command of the keymap and runs it, or, while a form's
text field has the focus, into an edit of that field. (The filter prompt has its own `useInput` for typing; this
one only sees the keys the keymap names in its scope.)
*/
const useKeymap = ({pageSize}: {readonly pageSize: () => number}): void => {
	const services = useServices();
	const {exit} = useApp();
	const enabled = useBindingEnabled();
	useInput((input, key) => {
		const {store, engine} = services;
		const report = (error: unknown) => {
			store.dispatch({
				type: 'ui/flash',
				text: error instanceof Error ? error.message : String(error),
				level: 'error',
			});
		};

		// Keys that arrive together come as one input ("jjj", "abc\t"); take it a key at a time.
		const presses = splitPresses(input, key);
		for (const [pressInput, pressKey] of presses) {
			// A focused text field takes every key it has a use for (letters, space, ←/→, Backspace); only the
			// rest (Enter, Tab, ↑/↓, Esc, Ctrl-C) are commands.
			const field = focusedTextField(store.getState());
			const edit = field ? editFor(pressInput, pressKey) : undefined;
			if (field && edit) {
				store.dispatch({type: 'ui/field-edit', id: field.id, edit});
				continue;
			}

			const command = resolve(
				pressInput,
				pressKey,
				activeScopes(store.getState()),
				enabled,
			);
			if (command === undefined) {
				continue;
			}

			try {
				const result = commands[command]({
					engine,
					store,
					pageSize,
					exit,
					...(services.openShell ? {openShell: services.openShell} : {}),
				});
				if (result instanceof Promise) {
					result.catch(report);
				}
			} catch (error) {
				report(error);
			}
		}
	});
};

export default useKeymap;
