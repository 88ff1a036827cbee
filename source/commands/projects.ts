/**
The Projects pane's keys: actions on a whole project or service through the engine API (start, stop, restart,
pause, rm), its logs interleaved, and up / down / pull / build / recreate through the compose CLI.
*/
import {
	type ComposeVerb,
	composeArguments,
	composeProblem,
	findComposeCli,
	runCompose,
} from '../host/compose-cli.js';
import {
	nodeContainers,
	nodeName,
	nodeTargets,
	type ProjectNode,
	projectRows,
	projectSpec,
} from '../state/projects.js';
import {selectedIndex} from '../state/selectors.js';
import type {AppState, ContainerRow, DialogOverlay} from '../state/types.js';
import {isUp, listNotes, stateOf, unmarkFinished} from './containers.js';
import type {Command, CommandContext} from './context.js';
import {openProjectLogs} from './project-logs.js';
import {removeDialog} from './remove-containers.js';
import {runSteps, type Step} from './task.js';
import {runTransfer} from './transfer-runner.js';
import {capitalize, count} from './words.js';

/**
The row under the cursor of the Projects pane.
*/
export function selectedNode(state: AppState): ProjectNode | undefined {
	return projectRows(state)[selectedIndex(state, 'projects')];
}

function flash(
	{store}: CommandContext,
	text: string,
	level: 'info' | 'error' | 'muted' | 'warning' = 'info',
) {
	store.dispatch({type: 'ui/flash', text, level});
}

/**
Space (and Enter on a project or service): fold it or unfold it.
*/
export const foldNode: Command = context => {
	const node = selectedNode(context.store.getState());
	if (node && node.kind !== 'container') {
		context.store.dispatch({type: 'projects/toggle', key: node.key});
	}
};

type GroupVerb = 'start' | 'stop' | 'restart' | 'pause';

/**
The engine calls for `verb` on the containers of a row. Pause pauses the running ones; when none runs unpaused
and some are paused, it unpauses those instead (so the same key goes back).
*/
function groupSteps(
	{engine, store}: CommandContext,
	verb: GroupVerb,
	containers: readonly ContainerRow[],
): {readonly steps: Step[]; readonly words: string} {
	const state = store.getState();
	const target = (container: ContainerRow) => ({
		id: container.id,
		name: container.name,
	});
	switch (verb) {
		case 'start': {
			return {
				words: 'start',
				steps: containers.map(container => ({
					target: target(container),
					busy: 'starting',
					done: 'started',
					...(stateOf(state, container.id) === 'running'
						? {already: 'already running'}
						: {}),
					docker: ['docker', 'start', container.name],
					run: async () => engine.startContainer(container.id),
				})),
			};
		}

		case 'stop': {
			return {
				words: 'stop',
				steps: containers.map(container => ({
					target: target(container),
					busy: 'stopping',
					done: 'stopped',
					...(isUp(state, container.id) ? {} : {already: 'already stopped'}),
					docker: ['docker', 'stop', container.name],
					run: async () => engine.stopContainer(container.id),
				})),
			};
		}

		case 'restart': {
			return {
				words: 'restart',
				steps: containers.map(container => ({
					target: target(container),
					busy: 'restarting',
					done: 'restarted',
					docker: ['docker', 'restart', container.name],
					run: async () => engine.restartContainer(container.id),
				})),
			};
		}

		case 'pause': {
			const running = containers.filter(
				container => stateOf(state, container.id) === 'running',
			);
			if (running.length > 0) {
				return {
					words: 'pause',
					steps: running.map(container => ({
						target: target(container),
						busy: 'pausing',
						done: 'paused',
						docker: ['docker', 'pause', container.name],
						run: async () => engine.pauseContainer(container.id),
					})),
				};
			}

			return {
				words: 'unpause',
				steps: containers
					.filter(container => stateOf(state, container.id) === 'paused')
					.map(container => ({
						target: target(container),
						busy: 'unpausing',
						done: 'unpaused',
						docker: ['docker', 'unpause', container.name],
						run: async () => engine.unpauseContainer(container.id),
					})),
			};
		}
	}
}

/**
`S`, `s`, `R`, `p` on a project, a service or a container: on all its containers at once, side by side.
*/
export const groupVerb =
	(verb: GroupVerb): Command =>
	async context => {
		const node = selectedNode(context.store.getState());
		if (node) {
			await performGroupVerb(context, verb, node);
		}
	};

/**
`verb` on all the containers of `node`, side by side, with one line saying how it went.
*/
export async function performGroupVerb(
	context: CommandContext,
	verb: GroupVerb,
	node: ProjectNode,
): Promise<void> {
	const state = context.store.getState();
	const containers = nodeContainers(state, node);
	const {steps, words} = groupSteps(context, verb, containers);
	if (steps.length === 0) {
		flash(
			context,
			verb === 'pause'
				? `Nothing to pause in ${nodeName(node)}: none of its containers runs`
				: `${capitalize(nodeName(node))} has no containers`,
			'muted',
		);
		return;
	}

	const outcomes = await runSteps(context.store, steps, words);
	unmarkFinished(context, outcomes);
}

/**
`d`: the remove dialog of the Containers pane, listing every container of the project or service.
*/
export const removeNode: Command = context => {
	const node = selectedNode(context.store.getState());
	if (node) {
		askRemoveNode(context, node);
	}
};

/**
The remove dialog for the containers of `node`.
*/
export function askRemoveNode({store}: CommandContext, node: ProjectNode) {
	const state = store.getState();
	const targets = nodeTargets(state, node);
	if (targets.length === 0) {
		return;
	}

	const dialog = removeDialog(state, targets);
	store.dispatch({
		type: 'ui/overlay-open',
		overlay:
			node.kind === 'container'
				? dialog
				: {
						...dialog,
						title: `Remove the ${count(targets.length, 'container')} of ${nodeName(node)}?`,
					},
	});
}

/**
`l`: the logs of every container of the row, interleaved.
*/
export const logsOfNode: Command = context => {
	const state = context.store.getState();
	const node = selectedNode(state);
	if (node) {
		openProjectLogs(context, node, nodeContainers(state, node));
	}
};

const verbTitles: Readonly<Record<ComposeVerb, string>> = {
	up: 'up',
	down: 'down',
	pull: 'pull',
	build: 'build',
	recreate: 'recreate',
};

/**
Runs the compose CLI for `verb` on the project (and service) of `node`, its output streamed into the progress
overlay (Esc stops it). Says in words when no compose CLI is installed or the project's folder is not here.
*/
export async function runComposeVerb(
	context: CommandContext,
	verb: ComposeVerb,
	project: string,
	service?: string,
): Promise<void> {
	const {store, engine} = context;
	const spec = projectSpec(store.getState(), project);
	if (!spec) {
		flash(context, `Project ${project} has no containers any more`, 'muted');
		return;
	}

	const cli = await findComposeCli();
	if (!cli) {
		flash(
			context,
			`Cannot ${verbTitles[verb]} ${project}: no compose CLI here (neither \`docker compose\` nor \`docker-compose\` is installed)`,
			'error',
		);
		return;
	}

	const problem = composeProblem(spec);
	if (problem) {
		flash(
			context,
			`Cannot ${verbTitles[verb]} ${project}: ${problem}`,
			'error',
		);
		return;
	}

	const arguments_ = composeArguments(spec, verb, service);
	const docker = [...cli.command, ...arguments_];
	const what = service ? `${project}/${service}` : project;
	let last = '';
	await runTransfer(store, {
		kind: 'compose',
		title: `compose ${verbTitles[verb]} ${what}`,
		docker,
		async run(signal, onEvent) {
			const code = await runCompose(cli, arguments_, {
				cwd: spec.workingDir!,
				host: engine.host,
				signal,
				onLine(line) {
					last = line;
					onEvent({kind: 'output', text: line});
				},
			});
			if (signal.aborted) {
				throw new Error('cancelled');
			}

			if (code !== 0) {
				throw new Error(
					`${cli.command.join(' ')} exited with code ${code}${last ? `: ${last}` : ''}`,
				);
			}
		},
		done: (_value, {elapsed}) =>
			`compose ${verbTitles[verb]} ${what}: done in ${elapsed}`,
		failed: why => `compose ${verbTitles[verb]} ${what} failed: ${why}`,
	});
}

/**
`u`, `P`, `B`, `C` on a row: the compose CLI for its project (a service row or a container row: that service).
`D`: down asks first, listing the containers it removes.
*/
export const composeVerb =
	(verb: ComposeVerb): Command =>
	async context => {
		const node = selectedNode(context.store.getState());
		if (node) {
			await composeOnNode(context, verb, node);
		}
	};

/**
The compose CLI's `verb` for the project of `node` (a service or container row: that service); `down` asks
first.
*/
export async function composeOnNode(
	context: CommandContext,
	verb: ComposeVerb,
	node: ProjectNode,
): Promise<void> {
	const state = context.store.getState();
	const service = node.kind === 'project' ? undefined : node.service;
	if (verb !== 'down') {
		await runComposeVerb(context, verb, node.project, service);
		return;
	}

	const targets = nodeTargets(
		state,
		service === undefined
			? node
			: (projectRows(state).find(
					row =>
						row.kind === 'service' &&
						row.project === node.project &&
						row.service === service,
				) ?? node),
	);
	const what = service ? `${node.project}/${service}` : node.project;
	const dialog: DialogOverlay = {
		kind: 'dialog',
		title: service
			? `Stop and remove service ${what}?`
			: `Take project ${what} down?`,
		purpose: {
			type: 'compose',
			verb,
			project: node.project,
			...(service === undefined ? {} : {service}),
		},
		notes: [
			{
				text: service
					? `compose rm --stop --force ${service} removes ${count(targets.length, 'container')}:`
					: `compose down removes ${count(targets.length, 'container')} and the project's networks:`,
			},
			...listNotes(targets, target => `(${stateOf(state, target.id)})`),
		],
		items: [
			{
				kind: 'choice',
				id: 'yes',
				label: service ? `Remove ${what}` : `Down ${what}`,
				danger: true,
			},
			{kind: 'choice', id: 'cancel', label: 'Cancel'},
		],
		focus: 0,
	};
	context.store.dispatch({type: 'ui/overlay-open', overlay: dialog});
}

/**
Enter on the Projects pane: details of a container; a project or service folds.
*/
export function projectsEnter(context: CommandContext): 'details' | 'done' {
	const node = selectedNode(context.store.getState());
	if (node?.kind === 'container') {
		return 'details';
	}

	void foldNode(context);
	return 'done';
}
