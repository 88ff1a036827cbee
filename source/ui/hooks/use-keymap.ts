import {useEffect, useEffectEvent, useMemo} from 'react';
import {type Key, useApp, useInput} from 'ink';
import {type CommandContext, commands} from '../../commands/index.js';
import {defaultEscapeKey, withEscapeKey} from '../../keymap/escape-key.js';
import {type Binding, keymap, type Scope} from '../../keymap/keymap.js';
import {resolve} from '../../keymap/match.js';
import {editFor, pressesOf, splitPresses} from '../../keymap/presses.js';
import {keyToBytes} from '../../terminal/keys.js';
import type {AppState, FormField} from '../../state/types.js';
import {useAppState, useServices} from '../context.js';

/**
Which scopes are live: the focused shell takes every key (its pane handles its own escape key); an open
question, overlay or prompt takes every key but Ctrl-C; otherwise the focused pane, the list keys, the shell
pane's keys when it is open (Ctrl-] back to it only while its session runs), and the global ones.
*/
export function activeScopes(state: AppState): Scope[] {
	const {ui, connection} = state;
	if (ui.shell?.focused) {
		return ['shell'];
	}

	if (ui.shell?.replace) {
		return ['shell-replace', 'always'];
	}

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

	if (!ui.shell) {
		return [ui.pane, 'list', 'global', 'always'];
	}

	return ui.shell.status === 'ended'
		? [ui.pane, 'list', 'shell-pane', 'global', 'always']
		: [ui.pane, 'list', 'shell-pane', 'shell-live', 'global', 'always'];
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
The keymap as this run uses it: with `--escape-key` in place of Ctrl-].
*/
export function useKeymapTable(): readonly Binding[] {
	const {escapeKey = defaultEscapeKey} = useServices();
	return useMemo(() => withEscapeKey(keymap, escapeKey), [escapeKey]);
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
text field has the focus, into an edit of that field. (The filter prompt has its own `useInput` for typing, and
the shell pane takes the keys while it has the focus; this handler is off then.)
*/
const useKeymap = ({
	pageSize,
	shellSize,
}: {
	readonly pageSize: () => number;
	readonly shellSize: CommandContext['shellSize'];
}): void => {
	const services = useServices();
	const {exit} = useApp();
	const enabled = useBindingEnabled();
	const table = useKeymapTable();
	// While the shell pane has the keys, this handler must not see them (Ink gives every key to every handler).
	const shellFocused = useAppState(state => state.ui.shell?.focused === true);
	// Each press of a chunk runs against the state the presses before it left (one may open a form, another
	// type into it). A press that gave the shell pane the keys hands the rest of the chunk over to the pane.
	const handle = useEffectEvent((presses: Array<readonly [string, Key]>) => {
		const {store, engine, sessions, shells, keys} = services;
		const report = (error: unknown) => {
			store.dispatch({
				type: 'ui/flash',
				text: error instanceof Error ? error.message : String(error),
				level: 'error',
			});
		};

		for (const [index, [pressInput, pressKey]] of presses.entries()) {
			const {shell} = store.getState().ui;
			if (shell?.focused) {
				keys.toPane(
					shell.id,
					presses
						.slice(index)
						.map(([input, key]) => keyToBytes(input, key))
						.join(''),
				);
				return;
			}

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
				table,
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
					sessions,
					shells,
					shellSize,
				});
				if (result instanceof Promise) {
					result.catch(report);
				}
			} catch (error) {
				report(error);
			}
		}
	});

	// Keys that arrive together come as one input ("jjj", "abc\t"); take it a key at a time.
	useInput(
		(input, key) => {
			handle(splitPresses(input, key));
		},
		{isActive: !shellFocused},
	);

	// Keys typed after the shell pane's escape key, in the same chunk.
	const {keys} = services;
	useEffect(
		() =>
			keys.onDashboardKeys(raw => {
				handle(pressesOf(raw));
			}),
		[keys],
	);
};

export default useKeymap;
