/**
Compose projects, read from the labels `docker compose` (and `docker-compose`) puts on the containers it makes:
project → services → containers, with what the Projects pane shows of each. Pure: nothing here asks the engine;
the rows follow the containers in the state, so they are as live as the Containers pane.
*/
import {type SortOrder, sortProjectGroups} from './sort.js';
import type {AppState, ContainerRow, Target} from './types.js';

export const composeLabels = {
	project: 'com.docker.compose.project',
	service: 'com.docker.compose.service',
	workingDir: 'com.docker.compose.project.working_dir',
	configFiles: 'com.docker.compose.project.config_files',
	number: 'com.docker.compose.container-number',
	oneoff: 'com.docker.compose.oneoff',
} as const;

/**
What a project or a service has: how many of its containers run, how many are unhealthy.
*/
export type ProjectSummary = {
	readonly containers: readonly ContainerRow[];
	readonly running: number;
	readonly paused: number;
	readonly unhealthy: number;
};

export type ProjectNode =
	| (ProjectSummary & {
			readonly kind: 'project';
			readonly key: string;
			readonly project: string;
			readonly services: number;
			/**
			Where its compose file is (`.project.working_dir`), and the files (`.project.config_files`), as the
			newest container says them.
			*/
			readonly workingDir?: string;
			readonly configFiles: readonly string[];
			readonly collapsed: boolean;
	  })
	| (ProjectSummary & {
			readonly kind: 'service';
			readonly key: string;
			readonly project: string;
			readonly service: string;
			readonly collapsed: boolean;
	  })
	| {
			readonly kind: 'container';
			readonly key: string;
			readonly project: string;
			readonly service: string;
			readonly container: ContainerRow;
			/**
			`.container-number`, when given.
			*/
			readonly number?: number;
			/**
			Made by `compose run` (`.oneoff`), not by `up`.
			*/
			readonly oneoff: boolean;
	  };

export const projectKey = (project: string) => `p:${project}`;
export const serviceKey = (project: string, service: string) =>
	`s:${project}\u0000${service}`;
export const containerKey = (id: string) => `c:${id}`;

/**
Does the status line say the health check fails (`Up 3 minutes (unhealthy)`)?
*/
export function isUnhealthy(container: ContainerRow): boolean {
	return /\(unhealthy\)/i.test(container.status);
}

function summarize(containers: readonly ContainerRow[]): ProjectSummary {
	return {
		containers,
		running: containers.filter(each => each.state === 'running').length,
		paused: containers.filter(each => each.state === 'paused').length,
		unhealthy: containers.filter(each => isUnhealthy(each)).length,
	};
}

function matches(needle: string, ...haystack: Array<string | undefined>) {
	const lower = needle.toLowerCase();
	return haystack.some(text => text?.toLowerCase().includes(lower));
}

let last:
	| {
			containers: ReadonlyMap<string, ContainerRow>;
			filter: string;
			collapsed: ReadonlySet<string> | undefined;
			order: SortOrder;
			rows: readonly ProjectNode[];
	  }
	| undefined;

/**
The Projects pane's rows, as a tree laid flat: each project (by name), its services (by name) and their
containers (by number; `compose run` ones last). A filter keeps the containers whose project, service or name
matches (and the rows above them); a collapsed project or service hides what is under it. Recomputed only when
the containers, the filter or the collapsed rows change.
*/
export function projectRows(state: AppState): readonly ProjectNode[] {
	const {containers} = state;
	const filter = state.ui.filters.projects;
	const {collapsed} = state.ui;
	const order = state.ui.sort.projects;
	if (
		last?.containers === containers &&
		last.filter === filter &&
		last.collapsed === collapsed &&
		last.order === order
	) {
		return last.rows;
	}

	const rows = buildRows(containers, filter, collapsed ?? new Set(), order);
	last = {containers, filter, collapsed, order, rows};
	return rows;
}

function buildRows(
	containers: ReadonlyMap<string, ContainerRow>,
	filter: string,
	collapsed: ReadonlySet<string>,
	order: SortOrder,
): ProjectNode[] {
	const projects = new Map<string, Map<string, ContainerRow[]>>();
	for (const container of containers.values()) {
		const project = container.labels[composeLabels.project];
		if (!project) {
			continue;
		}

		const service = container.labels[composeLabels.service] ?? '';
		if (
			filter !== '' &&
			!matches(filter, project, service, container.name, container.image)
		) {
			continue;
		}

		let services = projects.get(project);
		if (!services) {
			services = new Map();
			projects.set(project, services);
		}

		services.set(service, [...(services.get(service) ?? []), container]);
	}

	const rows: ProjectNode[] = [];
	for (const project of sortedNames(
		new Map(
			[...projects].map(([name, services]) => [
				name,
				[...services.values()].flat(),
			]),
		),
		order,
	)) {
		const services = projects.get(project)!;
		const all = [...services.values()].flat();
		const newest = all.reduce((a, b) => (b.created > a.created ? b : a));
		const workingDir = newest.labels[composeLabels.workingDir];
		const configFiles = configFilesOf(newest);
		const key = projectKey(project);
		const projectCollapsed = collapsed.has(key);
		rows.push({
			kind: 'project',
			key,
			project,
			services: services.size,
			...(workingDir ? {workingDir} : {}),
			configFiles,
			collapsed: projectCollapsed,
			...summarize(all),
		});
		if (projectCollapsed) {
			continue;
		}

		for (const service of sortedNames(services, order)) {
			const members = services.get(service)!.map(container => {
				const number = Number(container.labels[composeLabels.number]);
				return {
					container,
					oneoff: /^true$/i.test(container.labels[composeLabels.oneoff] ?? ''),
					...(Number.isInteger(number) ? {number} : {}),
				};
			});
			members.sort(
				(a, b) =>
					Number(a.oneoff) - Number(b.oneoff) ||
					(a.number ?? 0) - (b.number ?? 0) ||
					a.container.name.localeCompare(b.container.name),
			);
			const key = serviceKey(project, service);
			const serviceCollapsed = collapsed.has(key);
			rows.push({
				kind: 'service',
				key,
				project,
				service,
				collapsed: serviceCollapsed,
				...summarize(members.map(member => member.container)),
			});
			if (serviceCollapsed) {
				continue;
			}

			for (const member of members) {
				rows.push({
					kind: 'container',
					key: containerKey(member.container.id),
					project,
					service,
					...member,
				});
			}
		}
	}

	return rows;
}

/**
The names of `groups` (projects, or a project's services, each with its containers) in the order the pane is
sorted by.
*/
function sortedNames(
	groups: ReadonlyMap<string, readonly ContainerRow[]>,
	order: SortOrder,
): string[] {
	const summaries = [...groups].map(([name, members]) => ({
		name,
		...summarize(members),
		newest: Math.max(0, ...members.map(each => each.created)),
	}));
	return sortProjectGroups(summaries, order).map(each => each.name);
}

/**
The keys of the rows, which the selection follows.
*/
export function projectRowKeys(state: AppState): readonly string[] {
	const rows = projectRows(state);
	if (lastKeys?.rows !== rows) {
		lastKeys = {rows, keys: rows.map(row => row.key)};
	}

	return lastKeys.keys;
}

let lastKeys: {rows: readonly ProjectNode[]; keys: string[]} | undefined;

/**
The containers a row stands for: all of a project's or service's (even those a filter or a collapse hides), or
the one container.
*/
export function nodeContainers(
	state: AppState,
	node: ProjectNode,
): ContainerRow[] {
	if (node.kind === 'container') {
		return [node.container];
	}

	return [...state.containers.values()]
		.filter(
			container =>
				container.labels[composeLabels.project] === node.project &&
				(node.kind === 'project' ||
					(container.labels[composeLabels.service] ?? '') === node.service),
		)
		.sort(
			(a, b) =>
				(a.labels[composeLabels.service] ?? '').localeCompare(
					b.labels[composeLabels.service] ?? '',
				) || a.name.localeCompare(b.name),
		);
}

/**
The containers of a row as action targets.
*/
export function nodeTargets(state: AppState, node: ProjectNode): Target[] {
	return nodeContainers(state, node).map(container => ({
		id: container.id,
		name: container.name,
	}));
}

/**
What to call a row in messages: `project shop`, `service shop/web`, or the container's name.
*/
export function nodeName(node: ProjectNode): string {
	switch (node.kind) {
		case 'project': {
			return `project ${node.project}`;
		}

		case 'service': {
			return `service ${node.project}/${node.service}`;
		}

		case 'container': {
			return node.container.name;
		}
	}
}

/**
The project as the compose CLI needs it: its name, working dir and config files, from any of its containers.
*/
export type ProjectSpec = {
	readonly project: string;
	readonly workingDir?: string;
	readonly configFiles: readonly string[];
};

export function projectSpec(
	state: AppState,
	project: string,
): ProjectSpec | undefined {
	let newest: ContainerRow | undefined;
	for (const container of state.containers.values()) {
		if (
			container.labels[composeLabels.project] === project &&
			(!newest || container.created > newest.created)
		) {
			newest = container;
		}
	}

	if (!newest) {
		return undefined;
	}

	const workingDir = newest.labels[composeLabels.workingDir];
	return {
		project,
		...(workingDir ? {workingDir} : {}),
		configFiles: configFilesOf(newest),
	};
}

function configFilesOf(container: ContainerRow): string[] {
	return (container.labels[composeLabels.configFiles] ?? '')
		.split(',')
		.map(file => file.trim())
		.filter(Boolean);
}

/**
How many projects there are (for the tab bar).
*/
export function projectCount(state: AppState): number {
	const names = new Set<string>();
	for (const container of state.containers.values()) {
		const project = container.labels[composeLabels.project];
		if (project) {
			names.add(project);
		}
	}

	return names.size;
}
