import type {
	AppState,
	DialogItem,
	DialogOverlay,
	Note,
	Target,
} from '../state/types.js';
import {isUp, listNotes, stateOf, unmarkFinished} from './containers.js';
import type {Command, CommandContext} from './context.js';
import {targetsFor} from './targets.js';
import {logged} from './command-log.js';
import {runSteps} from './task.js';
import {count} from './words.js';

/**
The remove dialog: names the containers; for running ones it offers "stop, then remove" and "force remove";
an option removes anonymous volumes too (`-v`). With `refused`, it is the "force?" question after the engine
refused a plain remove.
*/
export function removeDialog(
	state: AppState,
	targets: readonly Target[],
	options: {readonly refused?: string; readonly volumes?: boolean} = {},
): DialogOverlay {
	const running = targets.filter(target => isUp(state, target.id));
	const [first] = targets;
	const single = targets.length === 1 && first;
	const notes: Note[] = single
		? [
				{
					text: `${first.name} (${state.containers.get(first.id)?.image ?? 'image unknown'}) is ${stateOf(state, first.id)}.`,
				},
			]
		: listNotes(targets, target => `(${stateOf(state, target.id)})`);
	if (options.refused) {
		notes.push({
			text: `The engine refused: ${options.refused}`,
			tone: 'warning',
		});
	} else if (!single && running.length > 0) {
		notes.push({
			text: `${running.length} of them ${running.length === 1 ? 'is' : 'are'} running.`,
			tone: 'warning',
		});
	}

	const choices: DialogItem[] = options.refused
		? [
				{
					kind: 'choice',
					id: 'force',
					label: 'Force remove (kills it if it runs)',
					danger: true,
				},
			]
		: running.length > 0
			? [
					{kind: 'choice', id: 'stop-remove', label: 'Stop, then remove'},
					{
						kind: 'choice',
						id: 'force',
						label: 'Force remove (kill, then remove)',
						danger: true,
					},
				]
			: [{kind: 'choice', id: 'remove', label: 'Remove', danger: true}];
	return {
		kind: 'dialog',
		title: single
			? `${options.refused ? 'Force remove' : 'Remove'} container ${first.name}?`
			: `Remove ${count(targets.length, 'container')}?`,
		purpose: {type: 'remove-containers', targets},
		notes,
		items: [
			{
				kind: 'toggle',
				id: 'volumes',
				label: `Also remove ${targets.length === 1 ? 'its' : 'their'} anonymous volumes (-v)`,
				value: options.volumes ?? false,
			},
			...choices,
			{kind: 'choice', id: 'cancel', label: 'Cancel'},
		],
		focus: 1,
	};
}

/**
`d` on Containers.
*/
export const removeContainers: Command = ({store}) => {
	const state = store.getState();
	const {targets} = targetsFor(state, 'containers');
	if (targets.length > 0) {
		store.dispatch({
			type: 'ui/overlay-open',
			overlay: removeDialog(state, targets),
		});
	}
};

/**
Removes the containers: `remove` plainly, `stop-remove` stopping running ones first, `force` killing them. When
the engine refuses a plain remove of one container (409), the "force?" dialog opens.
*/
export async function performRemove(
	context: CommandContext,
	mode: 'remove' | 'stop-remove' | 'force',
	volumes: boolean,
	targets: readonly Target[],
): Promise<void> {
	const {engine, store} = context;
	const outcomes = await runSteps(
		store,
		targets.map(target => ({
			target,
			busy: 'removing',
			done: 'removed',
			docker: [
				'docker',
				'rm',
				...(mode === 'force' ? ['-f'] : []),
				...(volumes ? ['-v'] : []),
				target.name,
			],
			async run() {
				if (mode === 'stop-remove' && isUp(store.getState(), target.id)) {
					await logged(store, ['docker', 'stop', target.name], async () =>
						engine.stopContainer(target.id),
					);
				}

				await engine.removeContainer(target.id, {
					force: mode === 'force',
					volumes,
				});
			},
		})),
		'remove',
	);
	unmarkFinished(context, outcomes);
	const [only] = outcomes;
	if (
		outcomes.length === 1 &&
		only &&
		!only.ok &&
		only.conflict &&
		mode !== 'force' &&
		store.getState().ui.overlay === undefined
	) {
		store.dispatch({
			type: 'ui/overlay-open',
			overlay: removeDialog(store.getState(), [only.target], {
				refused: only.reason,
				volumes,
			}),
		});
	}
}
