import type {ContextEntry} from '../engine/contexts.js';
import {EngineError} from '../engine/types.js';
import type {DialogItem, DialogOverlay} from '../state/types.js';
import type {Command, CommandContext} from './context.js';

const flash = (
	{store}: CommandContext,
	text: string,
	level: 'info' | 'success' | 'warning' | 'error' = 'info',
) => {
	store.dispatch({type: 'ui/flash', text, level});
};

const words = (error: unknown) =>
	error instanceof Error ? error.message : String(error);

function label(
	entry: ContextEntry,
	inUse: ReadonlySet<string>,
	width: number,
): string {
	const marks = `${inUse.has(entry.name) ? '●' : ' '}${entry.current ? '*' : ' '}`;
	const endpoint = entry.problem ? `(${entry.problem})` : entry.endpoint;
	return `${marks} ${entry.name.padEnd(width)}  ${endpoint}${entry.description ? `  ${entry.description}` : ''}`;
}

/**
The context list as a dialog: one choice per context, the one in use focused.
*/
export function contextDialog(
	entries: readonly ContextEntry[],
	inUse: ReadonlySet<string>,
): DialogOverlay {
	const width = Math.min(
		24,
		Math.max(4, ...entries.map(entry => entry.name.length)),
	);
	const items: DialogItem[] = entries.map(entry => ({
		kind: 'choice',
		id: `ctx:${entry.name}`,
		label: label(entry, inUse, width),
	}));
	const focus = Math.max(
		0,
		entries.findIndex(entry => inUse.has(entry.name)),
	);
	return {
		kind: 'dialog',
		title: 'Docker contexts',
		purpose: {type: 'context', step: 'choose'},
		notes: [
			{
				text: `● in use here   * the docker CLI's current context (${':ctx use NAME'} changes it)`,
				tone: 'muted',
			},
		],
		items,
		focus,
	};
}

/**
`0`: lists the docker contexts (and DOCKER_HOST's engine); Enter on one connects to it.
*/
export const openContexts: Command = context => {
	const {contexts, store} = context;
	if (!contexts) {
		flash(context, 'contexts are not available here', 'warning');
		return;
	}

	let entries: ContextEntry[];
	try {
		entries = contexts.list();
	} catch (error) {
		flash(context, words(error), 'error');
		return;
	}

	const state = store.getState();
	const inUse = new Set(
		state.engines
			? state.engines.map(engine => engine.name)
			: [
					state.context ??
						(entries[0]?.kind === 'env' ? 'DOCKER_HOST' : 'default'),
				],
	);
	store.dispatch({
		type: 'ui/overlay-open',
		overlay: contextDialog(entries, inUse),
	});
};

/**
Connects to `names` (one context, or several engines at once); when a shell runs in the pane, asks first.
*/
export async function switchContexts(
	context: CommandContext,
	names: readonly string[],
	confirmed = false,
): Promise<void> {
	const {contexts, store} = context;
	if (!contexts) {
		flash(context, 'contexts are not available here', 'warning');
		return;
	}

	const {shell} = store.getState().ui;
	if (!confirmed && shell && shell.status !== 'ended') {
		store.dispatch({
			type: 'ui/overlay-open',
			overlay: {
				kind: 'dialog',
				title: `Switch to ${names.join(' + ')}?`,
				purpose: {type: 'context', step: 'shell-open', names},
				notes: [
					{
						text: `A shell is open in ${shell.name}: switching engines ends it.`,
						tone: 'warning',
					},
				],
				items: [
					{
						kind: 'choice',
						id: 'switch',
						label: 'Switch (ends the shell)',
						danger: true,
					},
					{kind: 'choice', id: 'cancel', label: 'Cancel'},
				],
				focus: 1,
			},
		});
		return;
	}

	try {
		await contexts.switchTo(names);
		flash(context, `connecting to ${names.join(' + ')}`, 'info');
	} catch (error) {
		flash(context, words(error), 'error');
	}
}

/**
Enter in the context dialog.
*/
export async function chooseContext(
	context: CommandContext,
	step: 'choose' | 'shell-open',
	itemId: string,
	names: readonly string[] = [],
): Promise<void> {
	if (step === 'shell-open') {
		if (itemId === 'switch') {
			await switchContexts(context, names, true);
		}

		return;
	}

	if (itemId.startsWith('ctx:')) {
		await switchContexts(context, [itemId.slice('ctx:'.length)]);
	}
}

/**
The `:ctx` command, for the command line (helper `cmdline` wires it): `:ctx` lists the contexts, `:ctx NAME`
connects to one, `:ctx A B` to several at once, `:ctx use NAME` makes NAME the docker CLI's current context
(like `docker context use`, the only way dockpit changes it).
*/
export async function ctxCommand(
	context: CommandContext,
	argumentsText: string,
): Promise<void> {
	const words_ = argumentsText.trim().split(/\s+/).filter(Boolean);
	if (words_.length === 0) {
		await openContexts(context);
		return;
	}

	if (words_[0] === 'use') {
		const name = words_[1];
		if (!name || words_.length > 2) {
			flash(context, 'usage: :ctx use NAME', 'warning');
			return;
		}

		try {
			if (!context.contexts) {
				throw new EngineError('bad-request', 'contexts are not available here');
			}

			context.contexts.use(name);
			flash(
				context,
				`"${name}" is now the docker CLI's current context (docker context use)`,
				'success',
			);
		} catch (error) {
			flash(context, words(error), 'error');
		}

		return;
	}

	await switchContexts(context, words_);
}
