import {formatAge} from '../../format/duration.js';
import {type ProjectNode, projectRows} from '../../state/projects.js';
import {selectedIndex} from '../../state/selectors.js';
import type {Busy} from '../../state/types.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import useNow from '../hooks/use-now.js';
import useTableWindow from '../hooks/use-table-window.js';
import useSpinner from '../hooks/use-spinner.js';
import {containerStateColor, theme} from '../theme.js';
import {stateText} from './containers-view.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly startRef?: {current: number};
};

/**
What a project or service is doing, in a word: all running, some, paused, or stopped.
*/
function groupState(node: Extract<ProjectNode, {kind: 'project' | 'service'}>) {
	const total = node.containers.length;
	if (total === 0) {
		return 'empty';
	}

	if (node.running === total) {
		return 'running';
	}

	if (node.paused === total) {
		return 'paused';
	}

	return node.running + node.paused === 0 ? 'stopped' : 'partly running';
}

const groupColor: Readonly<Record<string, string>> = {
	running: containerStateColor.running,
	paused: containerStateColor.paused,
	'partly running': theme.status.warning,
	stopped: containerStateColor.exited,
	empty: containerStateColor.exited,
};

/**
The verb in flight on a row: the container's own, or, for a project or service, that of any of its containers.
*/
function busyOf(
	node: ProjectNode,
	busy: ReadonlyMap<string, Busy>,
): Busy | undefined {
	if (node.kind === 'container') {
		return busy.get(node.container.id);
	}

	for (const container of node.containers) {
		const entry = busy.get(container.id);
		if (entry) {
			return entry;
		}
	}

	return undefined;
}

function columns(
	now: number,
	busy: ReadonlyMap<string, Busy>,
): ReadonlyArray<Column<ProjectNode>> {
	return [
		{
			header: 'PROJECT / SERVICE / CONTAINER',
			width: 16,
			flex: 3,
			text(row) {
				switch (row.kind) {
					case 'project': {
						return `${row.collapsed ? '▸' : '▾'} ${row.project}`;
					}

					case 'service': {
						return `  ${row.collapsed ? '▸' : '▾'} ${row.service}`;
					}

					case 'container': {
						return `      ${row.container.name}${row.oneoff ? ' (run)' : ''}`;
					}
				}
			},
			color: row =>
				row.kind === 'project'
					? theme.text.title
					: row.kind === 'service'
						? theme.text.accent
						: theme.text.primary,
		},
		{
			header: 'RUNNING',
			width: 7,
			align: 'right',
			text: row =>
				row.kind === 'container'
					? ''
					: `${row.running}/${row.containers.length}`,
		},
		{
			header: 'STATE',
			width: 14,
			text(row) {
				const action = busyOf(row, busy);
				if (action) {
					return `${action.verb}…`;
				}

				return row.kind === 'container'
					? stateText(row.container)
					: groupState(row);
			},
			color(row) {
				if (busyOf(row, busy)) {
					return theme.status.warning;
				}

				return row.kind === 'container'
					? containerStateColor[row.container.state]
					: groupColor[groupState(row)];
			},
		},
		{
			header: 'HEALTH',
			width: 11,
			text(row) {
				if (row.kind === 'container') {
					const match = /\((healthy|unhealthy|health: starting)\)/i.exec(
						row.container.status,
					);
					return match ? match[1]!.replace('health: ', '') : '';
				}

				return row.unhealthy > 0 ? `${row.unhealthy} unhealthy` : '';
			},
			color: row =>
				(
					row.kind === 'container'
						? /\(unhealthy\)/i.test(row.container.status)
						: row.unhealthy > 0
				)
					? theme.status.error
					: theme.status.success,
		},
		{
			header: 'IMAGE / FOLDER',
			width: 12,
			flex: 3,
			text(row) {
				switch (row.kind) {
					case 'project': {
						return row.workingDir ?? '';
					}

					case 'service': {
						return [...new Set(row.containers.map(each => each.image))].join(
							', ',
						);
					}

					case 'container': {
						return row.container.image;
					}
				}
			},
			color: row => (row.kind === 'project' ? theme.text.secondary : undefined),
		},
		{
			header: 'AGE',
			width: 5,
			hideBelow: 90,
			text: row =>
				row.kind === 'container'
					? formatAge(now - row.container.created)
					: row.kind === 'project'
						? `${row.services} svc`
						: '',
		},
	];
}

/**
The Projects pane: compose projects from the containers' labels, as a tree (project → services → containers).
*/
export default function ProjectsView({
	width,
	height,
	focused,
	startRef,
}: Props) {
	const rows = useAppState(projectRows);
	const index = useAppState(state => selectedIndex(state, 'projects'));
	const loaded = useAppState(state => state.loaded.containers);
	const filter = useAppState(state => state.ui.filters.projects);
	const busy = useAppState(state => state.ui.busy);
	const frame = useSpinner(busy.size > 0);
	const {start, shown} = useTableWindow(rows, index, height, startRef);
	// The clock drives the AGE of the container rows on screen, no more: an idle pane redraws once a minute.
	const now = useNow(1000, time => {
		let text = '';
		for (const row of shown) {
			text +=
				row.kind === 'container'
					? `${formatAge(time - row.container.created)},`
					: ',';
		}

		return text;
	});
	const badges = new Map<string, string>();
	if (busy.size > 0) {
		for (const row of rows) {
			if (busyOf(row, busy)) {
				badges.set(row.key, frame);
			}
		}
	}

	const empty = !loaded
		? 'Loading containers…'
		: filter
			? `No project, service or container matches “${filter}”.`
			: 'No compose projects. Containers made by docker compose up (or docker-compose) show here, by project.';
	const sort = useAppState(state => state.ui.sort.projects);
	return (
		<ResourceTable
			sort={sort}
			columns={columns(now, busy)}
			rows={rows}
			rowKey={row => row.key}
			selectedIndex={index}
			height={height}
			width={width}
			focused={focused}
			startRef={start}
			badges={badges}
			emptyText={empty}
		/>
	);
}
