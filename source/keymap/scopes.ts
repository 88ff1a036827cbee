import type {AppState} from '../state/types.js';
import type {Binding, Scope} from './keymap.js';

/**
Which scopes are live: the focused shell takes every key (the input router hands them to the pane, all but its
escape key); an open question, overlay or prompt takes every key but Ctrl-C; otherwise the focused pane, the
list keys, the shell pane's keys when it is open (Ctrl-] back to it only while its session runs), and the global
ones.
*/
export function activeScopes(state: AppState): Scope[] {
	const {ui, connection} = state;
	if (ui.shell?.focused) {
		return ['shell'];
	}

	if (ui.shell?.replace) {
		return ['shell-replace', 'always'];
	}

	if (ui.commandLine) {
		return ['command', 'always'];
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
		// The inspector shares the shell pane's place: it is shown (and has keys) only while no shell pane is open.
		if (ui.inspector?.prompt) {
			return ['inspector-prompt', 'always'];
		}

		if (ui.inspector?.focused) {
			return ['inspector', 'global', 'always'];
		}

		return ui.inspector
			? [ui.pane, 'list', 'inspector-pane', 'global', 'always']
			: [ui.pane, 'list', 'global', 'always'];
	}

	return ui.shell.status === 'ended'
		? [ui.pane, 'list', 'shell-pane', 'global', 'always']
		: [ui.pane, 'list', 'shell-pane', 'shell-live', 'global', 'always'];
}

/**
Is `binding` usable in `--read-only` (or on an engine a context made read-only)? Those that change nothing are;
of the mutating ones only Enter in the Search Docker Hub form, which only reads.
*/
export function usableReadOnly(binding: Binding, state: AppState): boolean {
	if (binding.mutating !== true) {
		return true;
	}

	const {overlay} = state.ui;
	return (
		binding.command === 'form.submit' &&
		overlay?.kind === 'form' &&
		overlay.purpose.form === 'transfer' &&
		overlay.purpose.action === 'search'
	);
}
