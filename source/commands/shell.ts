/**
The shell pane's commands: open a session (exec or attach) for the selected container, focus, replace and close
the pane. Sessions live in `ShellSessions`; the store only learns what the UI shows about them.
*/
import {logStart} from './command-log.js';
import type {CommandContext} from './context.js';
import {selectedContainer} from '../state/selectors.js';
import type {ContainerRow, ShellMode, ShellTarget} from '../state/types.js';

/**
Docker's own detach keys for `attach` sessions: typed in the pane, they detach and leave the container running.
*/
export const attachDetachKeys = 'ctrl-p,ctrl-q';

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
Opens a session for `target` in the pane, closing whatever session the pane showed.
*/
export async function openShell(
	context: CommandContext,
	target: ShellTarget,
	options: {
		/**
		The container was only created: start it once attached (`docker run -it`).
		*/
		readonly start?: boolean;
	} = {},
): Promise<void> {
	const {engine, store, sessions, shells, shellSize} = context;
	const previous = store.getState().ui.shell;
	if (previous) {
		void sessions.close(previous.id);
	}

	const id = sessions.nextId();
	store.dispatch({type: 'shell/opening', id, target});
	const size = shellSize();
	const logEnd = logStart(
		store,
		target.mode === 'exec'
			? ['docker', 'exec', '-it', target.name, shells[0] ?? '/bin/sh']
			: options.start
				? ['docker', 'start', '-ai', target.name]
				: [
						'docker',
						'attach',
						`--detach-keys=${attachDetachKeys}`,
						target.name,
					],
	);
	try {
		const session =
			target.mode === 'exec'
				? await engine.exec(target.containerId, {shells, ...size})
				: await engine.attach(target.containerId, {
						...size,
						detachKeys: attachDetachKeys,
						...(options.start ? {start: true} : {}),
					});
		logEnd({ok: true});
		if (store.getState().ui.shell?.id !== id) {
			// Closed or replaced while the engine was answering.
			session.close();
			return;
		}

		sessions.add(id, session);
		session.onEnd(end => {
			store.dispatch({type: 'shell/ended', id, ...end});
		});
		store.dispatch({type: 'shell/opened', id});
	} catch (error) {
		logEnd({ok: false, error});
		store.dispatch({type: 'shell/failed', id, error: message(error)});
	}
}

/**
A session of `mode` for `container`: back to its pane when that is what the pane shows, a question when the pane
runs a session elsewhere, else a new session (`x`, `X`, `:exec`, `:attach`).
*/
export async function openForContainer(
	context: CommandContext,
	container: ContainerRow,
	mode: ShellMode,
): Promise<void> {
	const {store} = context;
	const target: ShellTarget = {
		containerId: container.id,
		name: container.name,
		mode,
	};
	const {shell} = store.getState().ui;
	if (shell && shell.status !== 'ended') {
		store.dispatch(
			shell.containerId === target.containerId && shell.mode === mode
				? {type: 'shell/focus', focused: true}
				: {type: 'shell/ask-replace', target},
		);
		return;
	}

	if (container.state !== 'running') {
		store.dispatch({
			type: 'ui/flash',
			text: `${container.name} is ${container.state}: ${mode === 'exec' ? 'a shell' : 'attaching'} needs it running`,
			level: 'warning',
		});
		return;
	}

	await openShell(context, target);
}

/**
`x` / `X` on the selected container.
*/
export const openForSelected =
	(mode: ShellMode) =>
	async (context: CommandContext): Promise<void> => {
		const container = selectedContainer(context.store.getState());
		if (container) {
			await openForContainer(context, container, mode);
		}
	};

/**
Ctrl-] in the dashboard: the keys go back to the pane, if its session still runs.
*/
export function focusShell({store}: CommandContext): void {
	const {shell} = store.getState().ui;
	if (shell?.status === 'ended') {
		store.dispatch({
			type: 'ui/flash',
			text: 'That session has ended: Ctrl-W closes the pane, x opens a new shell',
			level: 'info',
		});
		return;
	}

	store.dispatch({type: 'shell/focus', focused: true});
}

/**
`z` in the dashboard: the running session's pane fills the screen and takes the keys; Ctrl-] brings the lists
back.
*/
export function zoomShell({store}: CommandContext): void {
	store.dispatch({type: 'shell/zoom'});
}

/**
Ctrl-] in the pane: the keys go back to the dashboard; the session keeps running.
*/
export function leaveShell({store}: CommandContext): void {
	store.dispatch({type: 'shell/focus', focused: false});
}

/**
Closes the pane; a running session is hung up (exec) or detached from (attach).
*/
export function closeShell({store, sessions}: CommandContext): void {
	const {shell} = store.getState().ui;
	if (!shell) {
		return;
	}

	void sessions.close(shell.id);
	store.dispatch({type: 'shell/close'});
}

/**
The answer to "replace the running shell?".
*/
export async function answerReplace(
	context: CommandContext,
	replace: boolean,
): Promise<void> {
	const {store} = context;
	const target = store.getState().ui.shell?.replace;
	store.dispatch({type: 'shell/cancel-replace'});
	if (replace && target) {
		await openShell(context, target);
	}
}
