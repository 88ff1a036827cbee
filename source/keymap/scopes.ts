import type {AppState} from '../state/types.js';
import type {Scope} from './keymap.js';

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
		return [ui.pane, 'list', 'global', 'always'];
	}

	return ui.shell.status === 'ended'
		? [ui.pane, 'list', 'shell-pane', 'global', 'always']
		: [ui.pane, 'list', 'shell-pane', 'shell-live', 'global', 'always'];
}
