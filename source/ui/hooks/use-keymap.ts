import {useApp, useInput} from 'ink';
import {type CommandContext, commands} from '../../commands.js';
import type {Binding, Scope} from '../../keymap/keymap.js';
import {resolve} from '../../keymap/match.js';
import type {AppState} from '../../state/types.js';
import {useAppState, useServices} from '../context.js';

/**
Which scopes are live: an overlay or prompt takes every key (plus `always`), otherwise the focused pane, the
list keys and the global ones.
*/
export function activeScopes(state: AppState): Scope[] {
	const {ui, connection} = state;
	if (ui.shell?.focused) {
		// Every key goes to the container; the pane handles its own escape key.
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

	return ui.shell
		? [ui.pane, 'list', 'shell-pane', 'global', 'always']
		: [ui.pane, 'list', 'global', 'always'];
}

/**
Is this binding usable under the current flags?
*/
export function useBindingEnabled(): (binding: Binding) => boolean {
	const {readOnly} = useServices();
	return binding => !(readOnly && binding.mutating === true);
}

/**
The one app-level input handler: turns a key press into a command of the keymap and runs it. Text prompts have
their own `useInput` for typing; this one only sees the keys the keymap names in their scope.
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
	// While the shell pane has the keys, this handler must not see them (Ink gives every key to every handler).
	const shellFocused = useAppState(state => state.ui.shell?.focused === true);
	useInput(
		(input, key) => {
			const {store, engine, sessions, shells} = services;
			const report = (error: unknown) => {
				store.dispatch({
					type: 'ui/flash',
					text: error instanceof Error ? error.message : String(error),
					level: 'error',
				});
			};

			// Over a slow link several key presses can arrive as one chunk of text ("jjj"); Ink hands that over as
			// one input, so take it a character at a time. Escape sequences and control keys come whole.
			const presses =
				input.length > 1 && !key.ctrl && !key.meta && !key.escape
					? [...input].map(
							character =>
								[
									character,
									{...key, shift: character !== character.toLowerCase()},
								] as const,
						)
					: [[input, key] as const];
			for (const [pressInput, pressKey] of presses) {
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
		},
		{isActive: !shellFocused},
	);
};

export default useKeymap;
