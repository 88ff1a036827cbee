import type {ShellAction} from './actions.js';
import type {ShellPane, UiState} from './types.js';

/**
The pane takes the keys: nothing else may be waiting for them (a replace question, an overlay, the filter prompt).
*/
function keysToPane(ui: UiState, shell: ShellPane): UiState {
	const {replace, ...rest} = shell;
	return {
		...ui,
		shell: {...rest, focused: true},
		overlay: undefined,
		filtering: false,
	};
}

/**
The dashboard takes the keys back, so the lists come back too: a zoom ends.
*/
function keysToDashboard(
	shell: ShellPane,
	change: Partial<Pick<ShellPane, 'status' | 'ended' | 'error'>>,
): ShellPane {
	const {zoomed, ...rest} = shell;
	return {...rest, ...change, focused: false};
}

/**
The shell pane's part of the reducer: `(ui, action) → ui`, pure. Outcomes (`opened`, `ended`, `failed`) only apply
to the session the pane still shows.
*/
export default function reduceShell(ui: UiState, action: ShellAction): UiState {
	const {shell} = ui;
	switch (action.type) {
		case 'shell/opening': {
			const pane: ShellPane = {
				...action.target,
				id: action.id,
				status: 'opening',
				focused: true,
			};
			return keysToPane(ui, pane);
		}

		case 'shell/opened': {
			return shell?.id === action.id && shell.status === 'opening'
				? {...ui, shell: {...shell, status: 'open'}}
				: ui;
		}

		case 'shell/ended': {
			if (shell?.id !== action.id || shell.status === 'ended') {
				return ui;
			}

			const ended =
				action.exitCode === undefined
					? {reason: action.reason}
					: {reason: action.reason, exitCode: action.exitCode};
			return {
				...ui,
				shell: keysToDashboard(shell, {status: 'ended', ended}),
			};
		}

		case 'shell/failed': {
			if (shell?.id !== action.id || shell.status === 'ended') {
				return ui;
			}

			return {
				...ui,
				shell: keysToDashboard(shell, {status: 'ended', error: action.error}),
			};
		}

		case 'shell/focus': {
			if (
				!shell ||
				shell.focused === action.focused ||
				(action.focused && shell.status === 'ended')
			) {
				return ui;
			}

			return action.focused
				? keysToPane(ui, shell)
				: {...ui, shell: keysToDashboard(shell, {})};
		}

		case 'shell/zoom': {
			if (!shell || shell.status === 'ended') {
				return ui;
			}

			return keysToPane(ui, {...shell, zoomed: true});
		}

		case 'shell/close': {
			return shell ? {...ui, shell: undefined} : ui;
		}

		case 'shell/ask-replace': {
			return shell ? {...ui, shell: {...shell, replace: action.target}} : ui;
		}

		case 'shell/cancel-replace': {
			if (!shell?.replace) {
				return ui;
			}

			const {replace, ...rest} = shell;
			return {...ui, shell: rest};
		}
	}
}
