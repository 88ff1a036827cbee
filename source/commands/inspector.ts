/**
The inspector pane's commands (keys in `keymap.ts`, scopes `inspector`, `inspector-pane`, `inspector-prompt`), and
`openInspector`, which the `:` commands that open it use (`command-line/inspector-commands.ts`).
*/
import type {Command, CommandContext} from './context.js';
import {commitContainer} from './open-forms.js';
import {nextMatch, shownLogs} from '../inspector/log-window.js';
import {inspectorTab} from '../state/inspector-reducer.js';
import type {InspectorTab, LogOptions} from '../state/inspector-types.js';
import {selectedContainer} from '../state/selectors.js';
import {openForm} from './transfer-commands.js';
import {logCopy} from '../inspector/log-copy.js';

/**
Opens the inspector on `tab` (of the current list: a container tab on Containers, an image tab on Images) and,
unless `focus` is false, gives it the keys. `logs` sets `docker logs` options for the Logs tab.
*/
export function openInspector(
	context: Pick<CommandContext, 'store'>,
	tab?: InspectorTab,
	options: {
		readonly focus?: boolean;
		readonly logs?: Partial<LogOptions>;
		/**
		Select this row first (a name given on the command line: `:logs web`).
		*/
		readonly target?: {
			readonly pane: 'containers' | 'images';
			readonly id: string;
		};
	} = {},
): void {
	const {store} = context;
	if (options.target) {
		if (store.getState().ui.pane !== options.target.pane) {
			store.dispatch({type: 'ui/pane', pane: options.target.pane});
		}

		store.dispatch({
			type: 'ui/select',
			pane: options.target.pane,
			key: options.target.id,
		});
	}

	const {ui} = store.getState();
	if (ui.pane === 'events') {
		store.dispatch({
			type: 'ui/flash',
			text: 'The inspector shows containers and images: 1 for Containers, 2 for Images',
			level: 'muted',
		});
		return;
	}

	if (ui.shell) {
		store.dispatch({
			type: 'ui/flash',
			text: 'The shell pane has that place: Ctrl-W closes it, then the inspector opens there',
			level: 'warning',
		});
		return;
	}

	store.dispatch({
		type: 'inspector/open',
		...(tab === undefined ? {} : {tab}),
		focus: options.focus ?? true,
		...(options.logs ? {logs: options.logs} : {}),
	});
}

const units: Readonly<Record<string, number>> = {
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
};

/**
`--since`'s value: a duration back from `now` (`90s`, `10m`, `2h`, `1d`, `1h30m`) or a date (`2026-12-02`,
`2026-12-02T15:00:00Z`); milliseconds since the epoch, or undefined when it is neither.
*/
export function parseSince(
	value: string,
	now = Date.now(),
): number | undefined {
	const trimmed = value.trim();
	if (/^(\d+[smhd])+$/.test(trimmed)) {
		let ms = 0;
		for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) {
			ms += Number(amount) * units[unit!]!;
		}

		return now - ms;
	}

	if (/^\d{4}-\d\d-\d\d/.test(trimmed)) {
		const time = Date.parse(trimmed);
		return Number.isNaN(time) ? undefined : time;
	}

	return undefined;
}

const flash = (
	context: Pick<CommandContext, 'store'>,
	text: string,
	level: 'info' | 'error' | 'success' | 'muted' = 'info',
) => {
	context.store.dispatch({type: 'ui/flash', text, level});
};

const rows = (context: CommandContext) =>
	Math.max(1, context.inspector?.view().rows ?? context.pageSize());

/**
Moves the Logs view `delta` lines (negative: back, which stops following; past the end: follow again).
*/
function scrollLogs(context: CommandContext, delta: number | 'top' | 'bottom') {
	const {store, inspector} = context;
	const pane = store.getState().ui.inspector;
	if (!pane || !inspector) {
		return;
	}

	if (delta === 'bottom') {
		store.dispatch({type: 'inspector/logs-at', bottom: undefined});
		return;
	}

	const shown = shownLogs(inspector.logs, pane.logs);
	if (shown.length === 0) {
		return;
	}

	const height = rows(context);
	const last = shown.length - 1;
	const from =
		pane.logs.bottom === undefined
			? last
			: Math.max(0, shown.positionOf(pane.logs.bottom));
	const lowest = Math.min(last, height - 1);
	const to =
		delta === 'top' ? lowest : Math.max(lowest, Math.min(last, from + delta));
	if (to >= last && delta !== 'top') {
		store.dispatch({type: 'inspector/logs-at', bottom: undefined});
		return;
	}

	const line = seqAtOrAbove(shown, to);
	store.dispatch({type: 'inspector/logs-at', bottom: line});
}

function seqAtOrAbove(
	shown: ReturnType<typeof shownLogs>,
	position: number,
): number | undefined {
	for (let each = position; each >= 0; each--) {
		const line = shown.at(each);
		if (line !== undefined && line !== 'gap') {
			return line.seq;
		}
	}

	return undefined;
}

const scroll =
	(lines: number | 'top' | 'bottom', pages = 0): Command =>
	context => {
		const state = context.store.getState();
		const amount = pages === 0 ? lines : pages * Math.max(1, rows(context) - 1);
		if (inspectorTab(state) === 'logs') {
			scrollLogs(context, amount);
			return;
		}

		const view = context.inspector?.view();
		if (typeof amount === 'number' && view) {
			// Never past the last page.
			const most = Math.max(0, view.lines - view.rows);
			const now = Math.min(state.ui.inspector?.scroll ?? 0, most);
			const next = Math.max(0, Math.min(most, now + amount));
			context.store.dispatch({type: 'inspector/scroll', to: 'top'});
			if (next > 0) {
				context.store.dispatch({type: 'inspector/scroll', to: next});
			}

			return;
		}

		context.store.dispatch({type: 'inspector/scroll', to: amount});
	};

/**
`n` / `N`: the next search match up (older) or down (newer) from the line at the bottom of the view.
*/
const jump =
	(direction: 1 | -1): Command =>
	({store, inspector}) => {
		const pane = store.getState().ui.inspector;
		if (!pane || !inspector) {
			return;
		}

		if (!pane.logs.search) {
			store.dispatch({
				type: 'ui/flash',
				text: 'No search: / searches the logs',
				level: 'muted',
			});
			return;
		}

		const shown = shownLogs(inspector.logs, pane.logs);
		const from =
			pane.logs.match === undefined
				? direction === -1
					? shown.length
					: -1
				: shown.positionOf(pane.logs.match);
		const found = nextMatch(shown, from, direction);
		if (found === undefined) {
			store.dispatch({
				type: 'ui/flash',
				text: `No ${direction === -1 ? 'older' : 'newer'} match for ${pane.logs.search.text}`,
				level: 'muted',
			});
			return;
		}

		const line = shown.at(found);
		if (line !== undefined && line !== 'gap') {
			// The match a few lines above the bottom, so that what follows it shows too; never a bottom line
			// inside the first screen (the view shows a whole screen from the top there, as `scrollLogs` says).
			const height = rows({store, inspector} as CommandContext);
			const last = shown.length - 1;
			const below = Math.min(
				last,
				Math.max(height - 1, found + Math.floor(height / 3)),
			);
			const bottom = seqAtOrAbove(shown, below);
			store.dispatch({
				type: 'inspector/logs-at',
				bottom: below >= last ? undefined : bottom,
				match: line.seq,
			});
		}
	};

const applyPrompt: Command = context => {
	const {store} = context;
	const prompt = store.getState().ui.inspector?.prompt;
	store.dispatch({type: 'inspector/prompt-close', apply: true});
	if (prompt?.kind === 'search' && prompt.value !== '') {
		jump(-1)(context);
	} else if (prompt?.kind === 'filter') {
		store.dispatch({type: 'inspector/logs-at', bottom: undefined});
	}

	const pane = store.getState().ui.inspector;
	if (pane && context.inspector) {
		const {error} = shownLogs(context.inspector.logs, pane.logs);
		if (error) {
			store.dispatch({type: 'ui/flash', text: error, level: 'error'});
		}
	}
};

const logsOnly =
	(command: Command): Command =>
	context => {
		if (inspectorTab(context.store.getState()) !== 'logs') {
			context.store.dispatch({
				type: 'ui/flash',
				text: 'That is for the Logs tab',
				level: 'muted',
			});
			return;
		}

		return command(context);
	};

/**
A file name for a container's log: `web.log`.
*/
export function logFileName(name: string): string {
	return `${name.replaceAll(/[^\w.-]+/g, '-').replaceAll(/^[-.]+|-+$/g, '') || 'container'}.log`;
}

/**
Ctrl-S in Logs: the path prompt for saving the shown container's whole log (not what the ring holds: the
engine's, from the first line). The form checks the path before anything is sent and asks before overwriting;
the save runs as a transfer (progress, Esc cancels, a result line).
*/
const saveLogs: Command = context => {
	const {store, inspector} = context;
	const snapshot = inspector?.snapshot();
	const group = snapshot?.group ?? [];
	if (group.length > 1) {
		flash(
			context,
			`Ctrl-S saves one container's log, and Logs shows the ${group.length} marked ones: unmark all but one (or Esc in the list) first`,
			'muted',
		);
		return;
	}

	const shown = snapshot?.target;
	const state = store.getState();
	const row = group[0]
		? state.containers.get(group[0].id)
		: shown?.kind === 'container'
			? state.containers.get(shown.id)
			: selectedContainer(state);
	if (!row) {
		flash(context, 'No container shown', 'muted');
		return;
	}

	openForm(
		context,
		{
			form: 'transfer',
			action: 'save-logs',
			targets: [{id: row.id, name: row.name}],
		},
		`Save the whole log of ${row.name}`,
		{path: `./${logFileName(row.name)}`},
		[
			{
				text: `Everything the engine kept, stdout and stderr as docker logs ${row.name} gives them. Relative paths are from ${process.cwd()}.`,
				tone: 'muted',
			},
		],
	);
};

/**
`y` in Logs: the lines on screen, or the matching ones while a search or filter is in use, to the terminal's
clipboard (OSC 52).
*/
const copyLogs: Command = context => {
	const {store, inspector, clipboard} = context;
	const pane = store.getState().ui.inspector;
	if (!pane || !inspector) {
		return;
	}

	const copied = logCopy(inspector.logs, pane.logs, inspector.view().logs);
	if ('error' in copied) {
		flash(context, copied.error, 'error');
		return;
	}

	if (copied.count === 0) {
		flash(
			context,
			copied.which === 'shown'
				? 'No log lines to copy yet'
				: `No lines ${copied.which} to copy`,
			'muted',
		);
		return;
	}

	if (!clipboard) {
		flash(context, 'No terminal clipboard here', 'error');
		return;
	}

	const lines = `${copied.count.toLocaleString('en-US')} ${copied.which} line${copied.count === 1 ? '' : 's'}`;
	try {
		clipboard.copy(copied.text);
	} catch (error) {
		flash(
			context,
			`${lines}: ${error instanceof Error ? error.message : String(error)}${copied.which === 'shown' ? '' : '; a narrower search copies fewer'}`,
			'error',
		);
		return;
	}

	flash(
		context,
		`Copied ${lines} (${copied.text.length.toLocaleString('en-US')} characters) to the clipboard`,
		'success',
	);
};

/**
One handler per inspector binding of the keymap.
*/
export const inspectorCommands = {
	'inspector.logs'(context) {
		const {pane} = context.store.getState().ui;
		openInspector(context, pane === 'images' ? 'layers' : 'logs');
	},
	'inspector.config'(context) {
		openInspector(context, 'config');
	},
	'inspector.next-tab'({store}) {
		store.dispatch({type: 'inspector/tab', delta: 1});
	},
	'inspector.previous-tab'({store}) {
		store.dispatch({type: 'inspector/tab', delta: -1});
	},
	'inspector.tab-next'({store}) {
		store.dispatch({type: 'inspector/tab', delta: 1});
	},
	'inspector.tab-previous'({store}) {
		store.dispatch({type: 'inspector/tab', delta: -1});
	},
	'inspector.zoom'({store}) {
		store.dispatch({type: 'inspector/zoom'});
	},
	'inspector.zoom-toggle'({store}) {
		store.dispatch({type: 'inspector/zoom'});
	},
	'inspector.close'({store}) {
		store.dispatch({type: 'inspector/close'});
	},
	'inspector.close-focused'({store}) {
		store.dispatch({type: 'inspector/close'});
	},
	'inspector.leave'({store}) {
		store.dispatch({type: 'inspector/focus', focused: false});
	},
	'inspector.down': scroll(1),
	'inspector.up': scroll(-1),
	'inspector.page-down': scroll(0, 1),
	'inspector.page-up': scroll(0, -1),
	'inspector.top': scroll('top'),
	'inspector.bottom': scroll('bottom'),
	'inspector.left': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/sideways', delta: -8});
	}),
	'inspector.right': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/sideways', delta: 8});
	}),
	'inspector.search': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/prompt-open', kind: 'search'});
	}),
	'inspector.save-logs': logsOnly(saveLogs),
	'inspector.copy'(context) {
		if (inspectorTab(context.store.getState()) === 'logs') {
			copyLogs(context);
			return;
		}

		flash(context, 'y copies log lines in Logs and a value in Config', 'muted');
	},
	'inspector.next-match': logsOnly(jump(-1)),
	'inspector.previous-match': logsOnly(jump(1)),
	'inspector.filter': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/prompt-open', kind: 'filter'});
	}),
	'inspector.more-context': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/context', delta: 1});
	}),
	'inspector.less-context': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/context', delta: -1});
	}),
	'inspector.timestamps': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/toggle', flag: 'timestamps'});
	}),
	'inspector.wrap': logsOnly(({store}) => {
		store.dispatch({type: 'inspector/toggle', flag: 'wrap'});
	}),
	'inspector.reveal'({store}) {
		store.dispatch({type: 'inspector/toggle', flag: 'reveal'});
	},
	async 'inspector.commit'(context) {
		const state = context.store.getState();
		if (state.ui.pane !== 'containers') {
			return;
		}

		await commitContainer(context);
	},
	'inspector.prompt-apply': applyPrompt,
	'inspector.prompt-cancel'({store}) {
		store.dispatch({type: 'inspector/prompt-close', apply: false});
	},
	'inspector.prompt-regex'({store}) {
		store.dispatch({type: 'inspector/prompt-regex'});
	},
} satisfies Record<string, Command>;
