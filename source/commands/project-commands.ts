/**
The handlers of the Projects pane's keys and of its logs overlay (keymap group `Projects`, `Project logs`).
*/
import type {Command} from './context.js';
import {closeLogs, scrollLogs} from './project-logs.js';
import {
	composeVerb,
	foldNode,
	groupVerb,
	logsOfNode,
	removeNode,
} from './projects.js';

export const projectCommands = {
	'projects.fold': foldNode,
	'projects.start': groupVerb('start'),
	'projects.stop': groupVerb('stop'),
	'projects.restart': groupVerb('restart'),
	'projects.pause': groupVerb('pause'),
	'projects.remove': removeNode,
	'projects.logs': logsOfNode,
	'projects.up': composeVerb('up'),
	'projects.down': composeVerb('down'),
	'projects.pull': composeVerb('pull'),
	'projects.build': composeVerb('build'),
	'projects.recreate': composeVerb('recreate'),
	'project-logs.close': closeLogs,
	'project-logs.up': scrollLogs(1),
	'project-logs.down': scrollLogs(-1),
	'project-logs.page-up': scrollLogs('page-up'),
	'project-logs.page-down': scrollLogs('page-down'),
	'project-logs.top': scrollLogs('top'),
	'project-logs.bottom': scrollLogs('bottom'),
} satisfies Record<
	Extract<
		import('../keymap/keymap.js').CommandId,
		`projects.${string}` | `project-logs.${string}`
	>,
	Command
>;
