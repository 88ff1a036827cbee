/**
`:compose` (alias `:projects`) for the `:` command line: the same actions as the Projects pane's keys, by name.

	:projects                          the Projects pane
	:compose shop                      the Projects pane, filtered to project shop
	:compose up shop [web]             compose up -d (a service: only that one)
	:compose down|pull|build|recreate shop [web]
	:compose stop|start|restart|pause|rm shop [web]   through the engine API
	:compose logs shop [web]           the interleaved logs

In the command table as `compose` (source/command-line/dockpit-commands.ts).

`prepare` checks the words against the state (the project and service must exist) and returns what to run, or
the reason nothing is run; mutating verbs are refused with `readOnly`.
*/
import type {ComposeVerb} from '../host/compose-cli.js';
import {excerpt, fail, ok, type Result} from '../forms/result.js';
import {type ProjectNode, projectRows} from '../state/projects.js';
import type {AppState} from '../state/types.js';
import type {CommandContext} from './context.js';
import {openProjectLogs} from './project-logs.js';
import {askRemoveNode, composeOnNode, performGroupVerb} from './projects.js';
import {nodeContainers} from '../state/projects.js';

export const composeUsage =
	'[up|down|pull|build|recreate|stop|start|restart|pause|rm|logs] [PROJECT [SERVICE]]';

export const composeDescription =
	'Compose projects: the Projects pane, or an action on a project or service';

const cliVerbs = new Set<string>(['up', 'down', 'pull', 'build', 'recreate']);
const apiVerbs = new Set<string>(['stop', 'start', 'restart', 'pause']);
const verbs = new Set<string>([...cliVerbs, ...apiVerbs, 'rm', 'logs']);

export type ComposeRun = (context: CommandContext) => void | Promise<void>;

/**
The row of project `project` (and `service`), unfolded and unfiltered.
*/
function findNode(
	state: AppState,
	project: string,
	service: string | undefined,
): ProjectNode | undefined {
	const open: AppState = {
		...state,
		ui: {
			...state.ui,
			filters: {...state.ui.filters, projects: ''},
			collapsed: new Set(),
		},
	};
	return projectRows(open).find(row =>
		service === undefined
			? row.kind === 'project' && row.project === project
			: row.kind === 'service' &&
				row.project === project &&
				row.service === service,
	);
}

export function prepareCompose(
	words: readonly string[],
	state: AppState,
	options: {readonly readOnly?: boolean} = {},
): Result<ComposeRun> {
	const [first, ...rest] = words;
	if (first === undefined) {
		return ok(({store}) => {
			store.dispatch({type: 'ui/pane', pane: 'projects'});
		});
	}

	if (!verbs.has(first)) {
		if (rest.length > 0) {
			return fail(
				`no such compose action: ${excerpt(first)} (one of ${[...verbs].join(', ')})`,
			);
		}

		// `:compose shop`: the pane, filtered to that project.
		return ok(({store}) => {
			store.dispatch({type: 'ui/pane', pane: 'projects'});
			store.dispatch({type: 'ui/filter-change', text: first});
		});
	}

	const [project, service, ...extra] = rest;
	if (project === undefined) {
		return fail(`:compose ${first} needs a project (and optionally a service)`);
	}

	if (extra.length > 0) {
		return fail(
			`:compose ${first} takes a project and at most one service, not ${excerpt(extra.join(' '))}`,
		);
	}

	const node = findNode(state, project, service);
	if (!node) {
		return fail(
			service === undefined
				? `no compose project ${excerpt(project)}`
				: `project ${excerpt(project)} has no service ${excerpt(service)}`,
		);
	}

	if (options.readOnly && first !== 'logs') {
		return fail(`:compose ${first} changes the engine: not in --read-only`);
	}

	if (cliVerbs.has(first)) {
		return ok(async context =>
			composeOnNode(context, first as ComposeVerb, node),
		);
	}

	if (apiVerbs.has(first)) {
		return ok(async context =>
			performGroupVerb(
				context,
				first as 'stop' | 'start' | 'restart' | 'pause',
				node,
			),
		);
	}

	if (first === 'rm') {
		return ok(context => {
			askRemoveNode(context, node);
		});
	}

	return ok(context => {
		openProjectLogs(
			context,
			node,
			nodeContainers(context.store.getState(), node),
		);
	});
}
