import {applyEdit, type TextEdit} from '../forms/text-edit.js';
import {
	type CompletionCycle,
	type LogEntry,
	maxHistory,
	maxLogEntries,
} from './command-line-types.js';
import type {AppState, UiState} from './types.js';

/**
Changes to the `:` command line, its history and the command log.
*/
export type CommandLineAction =
	/** Open the prompt (empty, or with `value`). */
	| {readonly type: 'cmdline/open'; readonly value?: string}
	/** A key typed into the open prompt. */
	| {readonly type: 'cmdline/edit'; readonly edit: TextEdit}
	/** The line replaced (a completion); `cycle` when Tab may go on to the next candidate. */
	| {
			readonly type: 'cmdline/set';
			readonly value: string;
			readonly cycle?: CompletionCycle;
	  }
	/** The last Enter sent nothing, for this reason; the prompt stays open with what was typed. */
	| {readonly type: 'cmdline/error'; readonly error: string}
	| {readonly type: 'cmdline/close'}
	/** Up (-1) or Down (1) through the history. */
	| {readonly type: 'cmdline/history-move'; readonly delta: 1 | -1}
	| {readonly type: 'cmdline/history-add'; readonly line: string}
	/** The history as the file kept it, oldest first. */
	| {readonly type: 'cmdline/history-loaded'; readonly lines: readonly string[]}
	/** dockpit started doing what `line` does. */
	| {
			readonly type: 'log/start';
			readonly id: number;
			readonly line: string;
			readonly startedAt: number;
	  }
	| {
			readonly type: 'log/end';
			readonly id: number;
			readonly ok: boolean;
			readonly endedAt: number;
			readonly error?: string;
	  }
	/** Show the command log (`:log`). */
	| {readonly type: 'log/open'};

export function isCommandLineAction(action: {
	readonly type: string;
}): action is CommandLineAction {
	return action.type.startsWith('cmdline/') || action.type.startsWith('log/');
}

function withUi(state: AppState, patch: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

/**
The part of the reducer for the command line and the command log. Pure.
*/
export default function reduceCommandLine(
	state: AppState,
	action: CommandLineAction,
): AppState {
	const {ui} = state;
	const line = ui.commandLine;
	switch (action.type) {
		case 'cmdline/open': {
			const value = action.value ?? '';
			return withUi(state, {
				commandLine: {value, cursor: value.length},
				filtering: false,
			});
		}

		case 'cmdline/edit': {
			if (!line) {
				return state;
			}

			const next = applyEdit(
				{
					value: line.value,
					cursor: line.cursor,
					...(ui.killed === undefined ? {} : {killed: ui.killed}),
				},
				action.edit,
			);
			const killed = next.killed === undefined ? {} : {killed: next.killed};
			if (next.value === line.value) {
				return next.cursor === line.cursor && next.killed === undefined
					? state
					: withUi(state, {
							commandLine: {...line, cursor: next.cursor},
							...killed,
						});
			}

			// A changed line: the old error and the completion cycle no longer apply.
			return withUi(state, {
				commandLine: {value: next.value, cursor: next.cursor},
				...killed,
			});
		}

		case 'cmdline/set': {
			if (!line) {
				return state;
			}

			return withUi(state, {
				commandLine: {
					value: action.value,
					cursor: action.value.length,
					...(action.cycle ? {cycle: action.cycle} : {}),
				},
			});
		}

		case 'cmdline/error': {
			return line
				? withUi(state, {commandLine: {...line, error: action.error}})
				: state;
		}

		case 'cmdline/close': {
			return line ? withUi(state, {commandLine: undefined}) : state;
		}

		case 'cmdline/history-move': {
			if (!line) {
				return state;
			}

			const history = ui.history ?? [];
			const current = line.historyIndex ?? history.length;
			const index = Math.max(
				0,
				Math.min(history.length, current + action.delta),
			);
			if (index === current) {
				return state;
			}

			const draft = line.historyIndex === undefined ? line.value : line.draft;
			const value =
				index === history.length ? (draft ?? '') : (history[index] ?? '');
			return withUi(state, {
				commandLine: {
					value,
					cursor: value.length,
					historyIndex: index,
					...(draft === undefined ? {} : {draft}),
				},
			});
		}

		case 'cmdline/history-add': {
			const history = ui.history ?? [];
			if (action.line === '' || history.at(-1) === action.line) {
				return state;
			}

			return withUi(state, {
				history: [...history, action.line].slice(-maxHistory),
			});
		}

		case 'cmdline/history-loaded': {
			return withUi(state, {
				history: [...action.lines, ...(ui.history ?? [])].slice(-maxHistory),
			});
		}

		case 'log/start': {
			const entry: LogEntry = {
				id: action.id,
				line: action.line,
				startedAt: action.startedAt,
				status: 'running',
			};
			return withUi(state, {
				log: [...(ui.log ?? []), entry].slice(-maxLogEntries),
			});
		}

		case 'log/end': {
			const log = ui.log ?? [];
			if (!log.some(entry => entry.id === action.id)) {
				return state;
			}

			return withUi(state, {
				log: log.map(entry =>
					entry.id === action.id
						? {
								...entry,
								status: action.ok ? 'ok' : 'failed',
								endedAt: action.endedAt,
								...(action.error === undefined ? {} : {error: action.error}),
							}
						: entry,
				),
			});
		}

		case 'log/open': {
			return withUi(state, {
				overlay: {kind: 'log', scroll: 0},
				commandLine: undefined,
			});
		}
	}
}
