import type {ShellAction} from './actions.js';
import type {ShellPane, UiState} from './types.js';

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
			// The pane takes the keys: nothing else may be waiting for them.
			return {...ui, shell: pane, overlay: undefined, filtering: false};
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
			// The keys go back to the dashboard, so the lists come back too.
			const {zoomed, ...unzoomed} = shell;
			return {
				...ui,
				shell: {...unzoomed, status: 'ended', focused: false, ended},
			};
		}

		case 'shell/failed': {
			if (shell?.id !== action.id || shell.status === 'ended') {
				return ui;
			}

			const {zoomed, ...unzoomed} = shell;
			return {
				...ui,
				shell: {
					...unzoomed,
					status: 'ended',
					focused: false,
					error: action.error,
				},
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

			const {replace, ...rest} = shell;
			if (action.focused) {
				return {
					...ui,
					shell: {...rest, focused: true},
					overlay: undefined,
					filtering: false,
				};
			}

			// Leaving a zoomed pane brings the lists back.
			const {zoomed, ...unzoomed} = shell;
			return {...ui, shell: {...unzoomed, focused: false}};
		}

		case 'shell/zoom': {
			if (!shell || shell.status === 'ended') {
				return ui;
			}

			const {replace, ...rest} = shell;
			return {
				...ui,
				shell: {...rest, focused: true, zoomed: true},
				overlay: undefined,
				filtering: false,
			};
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
