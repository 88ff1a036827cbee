import type {KillSignal} from '../engine/types.js';
import type {
	AppState,
	ContainerVerb,
	DialogItem,
	DialogOverlay,
	Note,
	Target,
} from '../state/types.js';
import type {Command, CommandContext} from './context.js';
import {targetsFor} from './targets.js';
import {type Outcome, runSteps, type Step} from './task.js';
import {capitalize, count} from './words.js';

/**
How many objects a dialog lists by name before it says `… and 3 more`.
*/
const maxListed = 8;

const verbWords: Readonly<Record<ContainerVerb, string>> = {
	start: 'start',
	stop: 'stop',
	restart: 'restart',
	'pause-toggle': 'pause/unpause',
};

/**
The state word of a container as the pane shows it, or `gone`.
*/
export function stateOf(state: AppState, id: string): string {
	return state.containers.get(id)?.state ?? 'gone';
}

/**
Is the container running (or paused, or restarting)?
*/
export function isUp(state: AppState, id: string): boolean {
	const current = stateOf(state, id);
	return (
		current === 'running' || current === 'paused' || current === 'restarting'
	);
}

/**
The targets as dialog lines: `web (running)`, at most `maxListed` of them.
*/
export function listNotes(
	targets: readonly Target[],
	describe: (target: Target) => string,
): Note[] {
	const shown = targets
		.slice(0, maxListed)
		.map(target => ({text: `  ${target.name}  ${describe(target)}`}));
	return targets.length > maxListed
		? [
				...shown,
				{text: `  … and ${targets.length - maxListed} more`, tone: 'muted'},
			]
		: shown;
}

/**
What the command line can do to a container without asking: the verbs of `docker start/stop/restart/pause/unpause`.
*/
export type ContainerAction =
	'start' | 'stop' | 'restart' | 'pause' | 'unpause';

/**
The engine call for `action` on one container, with its docker line. `already` is worded from what the pane
showed when the key was pressed; the engine answers 304 for those, which is success.
*/
export function actionStep(
	{engine, store}: CommandContext,
	action: ContainerAction,
	target: Target,
	options: {readonly timeout?: number} = {},
): Step {
	const state = store.getState();
	const current = stateOf(state, target.id);
	const docker = ['docker', action, target.name];
	switch (action) {
		case 'start': {
			return {
				target,
				busy: 'starting',
				done: 'started',
				...(current === 'running' ? {already: 'already running'} : {}),
				docker,
				run: async () => engine.startContainer(target.id),
			};
		}

		case 'stop': {
			const {timeout} = options;
			return {
				target,
				busy: 'stopping',
				done: 'stopped',
				...(isUp(state, target.id) ? {} : {already: 'already stopped'}),
				docker:
					timeout === undefined
						? docker
						: ['docker', 'stop', '-t', String(timeout), target.name],
				run: async () =>
					timeout === undefined
						? engine.stopContainer(target.id)
						: engine.stopContainer(target.id, {timeout}),
			};
		}

		case 'restart': {
			return {
				target,
				busy: 'restarting',
				done: 'restarted',
				docker,
				run: async () => engine.restartContainer(target.id),
			};
		}

		case 'pause': {
			return {
				target,
				busy: 'pausing',
				done: 'paused',
				...(current === 'paused' ? {already: 'already paused'} : {}),
				docker,
				run: async () => engine.pauseContainer(target.id),
			};
		}

		case 'unpause': {
			return {
				target,
				busy: 'unpausing',
				done: 'unpaused',
				docker,
				run: async () => engine.unpauseContainer(target.id),
			};
		}
	}
}

function verbStep(
	context: CommandContext,
	verb: ContainerVerb,
	target: Target,
): Step {
	if (verb !== 'pause-toggle') {
		return actionStep(context, verb, target);
	}

	return actionStep(
		context,
		stateOf(context.store.getState(), target.id) === 'paused'
			? 'unpause'
			: 'pause',
		target,
	);
}

/**
Unmarks the rows an action is finished with (done, or gone); failed ones stay marked for another try.
*/
export function unmarkFinished(
	context: CommandContext,
	outcomes: readonly Outcome[],
) {
	const finished = outcomes
		.filter(outcome => outcome.ok || outcome.gone)
		.map(outcome => outcome.target.id);
	if (finished.length > 0) {
		context.store.dispatch({
			type: 'ui/marks-clear',
			pane: 'containers',
			keys: finished,
		});
	}
}

/**
Runs `verb` on the containers (after the confirmation, for marked ones).
*/
export async function performVerb(
	context: CommandContext,
	verb: ContainerVerb,
	targets: readonly Target[],
): Promise<void> {
	const outcomes = await runSteps(
		context.store,
		targets.map(target => verbStep(context, verb, target)),
		verbWords[verb],
	);
	unmarkFinished(context, outcomes);
}

/**
Runs `action` on the containers at once (the command line: `:stop web db`).
*/
export async function performAction(
	context: CommandContext,
	action: ContainerAction,
	targets: readonly Target[],
	options: {readonly timeout?: number} = {},
): Promise<void> {
	const outcomes = await runSteps(
		context.store,
		targets.map(target => actionStep(context, action, target, options)),
		action,
	);
	unmarkFinished(context, outcomes);
}

/**
`S`, `s`, `R`, `p`: on the selected container at once; on marked containers after one confirmation that lists them.
*/
export const containerVerb =
	(verb: ContainerVerb): Command =>
	async context => {
		const state = context.store.getState();
		const {targets, marked} = targetsFor(state, 'containers');
		if (targets.length === 0) {
			return;
		}

		if (!marked) {
			// The cursor stays on the container while it moves in the list (running ones sort first).
			context.store.dispatch({
				type: 'ui/select',
				pane: 'containers',
				key: targets[0]!.id,
			});
			await performVerb(context, verb, targets);
			return;
		}

		const label = capitalize(verbWords[verb]);
		const dialog: DialogOverlay = {
			kind: 'dialog',
			title: `${label} ${count(targets.length, 'container')}?`,
			purpose: {type: 'containers', verb, targets},
			notes: listNotes(targets, target => `(${stateOf(state, target.id)})`),
			items: [
				{
					kind: 'choice',
					id: 'yes',
					label: `${label} ${count(targets.length, 'container')}`,
				},
				{kind: 'choice', id: 'cancel', label: 'Cancel'},
			],
			focus: 0,
		};
		context.store.dispatch({type: 'ui/overlay-open', overlay: dialog});
	};

const signals: ReadonlyArray<[KillSignal, string]> = [
	['SIGKILL', 'SIGKILL: end it now'],
	['SIGTERM', 'SIGTERM: ask it to stop'],
	['SIGINT', 'SIGINT: interrupt it (like Ctrl-C)'],
	['SIGHUP', 'SIGHUP: hang up (many daemons reload)'],
	['SIGUSR1', 'SIGUSR1'],
];

/**
`K`: a small menu of signals, SIGKILL first.
*/
export const killContainers: Command = ({store}) => {
	const state = store.getState();
	const {targets} = targetsFor(state, 'containers');
	const [first] = targets;
	if (!first) {
		return;
	}

	store.dispatch({
		type: 'ui/overlay-open',
		overlay: {
			kind: 'dialog',
			title:
				targets.length === 1
					? `Kill ${first.name}: send which signal?`
					: `Kill ${count(targets.length, 'container')}: send which signal?`,
			purpose: {type: 'kill', targets},
			notes:
				targets.length === 1
					? []
					: listNotes(targets, target => `(${stateOf(state, target.id)})`),
			items: [
				...signals.map(([id, label]): DialogItem => ({
					kind: 'choice',
					id,
					label,
					danger: id === 'SIGKILL',
				})),
				{kind: 'choice', id: 'cancel', label: 'Cancel'},
			],
			focus: 0,
		},
	});
};

/**
Sends `signal` to the containers.
*/
export async function performKill(
	context: CommandContext,
	signal: KillSignal,
	targets: readonly Target[],
): Promise<void> {
	const {engine} = context;
	const outcomes = await runSteps(
		context.store,
		targets.map(target => ({
			target,
			busy: 'killing',
			done: signal === 'SIGKILL' ? 'killed' : `sent ${signal} to`,
			docker:
				signal === 'SIGKILL'
					? ['docker', 'kill', target.name]
					: ['docker', 'kill', '-s', signal.replace(/^SIG/, ''), target.name],
			run: async () => engine.killContainer(target.id, signal),
		})),
		signal === 'SIGKILL' ? 'kill' : `send ${signal} to`,
	);
	unmarkFinished(context, outcomes);
}
