/**
The reducer's part for the Projects pane: folding a project or service, and the logs overlay that interleaves
the logs of all the containers of a project or service by time. Pure. The streams themselves are kept in
`commands/project-logs.ts`.
*/
import type {LogEntry} from '../engine/types.js';
import type {AppState, UiState} from './types.js';

/**
One line of the interleaved logs: who wrote it (`web.1`), and a number that keeps lines of the same instant in
the order they came.
*/
export type ProjectLogLine = LogEntry & {
	readonly source: string;
	readonly seq: number;
};

/**
How many lines the logs overlay keeps (the newest).
*/
export const maxProjectLogLines = 2000;

export type ProjectLogsOverlay = {
	readonly kind: 'project-logs';
	/**
	Numbers the overlays of this run: lines of a closed one are dropped.
	*/
	readonly id: number;
	/**
	`Logs of project shop (3 containers)`.
	*/
	readonly title: string;
	/**
	The prefixes in a fixed order (for their colours).
	*/
	readonly sources: readonly string[];
	/**
	Oldest first, by time.
	*/
	readonly lines: readonly ProjectLogLine[];
	readonly nextSeq: number;
	/**
	Lines scrolled back from the newest; 0 follows the end.
	*/
	readonly scroll: number;
	/**
	Containers whose logs could not be read, with why.
	*/
	readonly errors: readonly string[];
	/**
	How many of the streams are still open.
	*/
	readonly open: number;
};

export type ProjectsAction =
	| {readonly type: 'projects/toggle'; readonly key: string}
	| {readonly type: 'projects/logs-open'; readonly overlay: ProjectLogsOverlay}
	| {
			readonly type: 'projects/logs-lines';
			readonly id: number;
			readonly lines: ReadonlyArray<LogEntry & {readonly source: string}>;
	  }
	/** A container's stream ended, with why when it failed. */
	| {
			readonly type: 'projects/logs-ended';
			readonly id: number;
			readonly error?: string;
	  }
	| {
			readonly type: 'projects/logs-scroll';
			readonly to: number | 'top' | 'bottom';
	  };

export function isProjectsAction(action: {
	readonly type: string;
}): action is ProjectsAction {
	return action.type.startsWith('projects/');
}

function withUi(state: AppState, patch: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

/**
Merges `incoming` into `lines` by time (stable: equal times keep their arrival order) and keeps the newest
`max` (`maxProjectLogLines` for the overlay; the inspector's Logs tab merges several containers with it too).
New lines are nearly always the newest, so this is an append in the common case.
*/
export function mergeLines<T extends {readonly time: number}>(
	lines: readonly T[],
	incoming: readonly T[],
	max: number = maxProjectLogLines,
): T[] {
	const merged = [...lines];
	for (const line of incoming) {
		let index = merged.length;
		while (index > 0 && merged[index - 1]!.time > line.time) {
			index--;
		}

		merged.splice(index, 0, line);
	}

	return merged.length > max ? merged.slice(merged.length - max) : merged;
}

export default function reduceProjects(
	state: AppState,
	action: ProjectsAction,
): AppState {
	const {ui} = state;
	switch (action.type) {
		case 'projects/toggle': {
			const collapsed = new Set(ui.collapsed);
			if (collapsed.has(action.key)) {
				collapsed.delete(action.key);
			} else {
				collapsed.add(action.key);
			}

			return withUi(state, {collapsed});
		}

		case 'projects/logs-open': {
			return withUi(state, {overlay: action.overlay});
		}

		case 'projects/logs-lines': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'project-logs' || overlay.id !== action.id) {
				return state;
			}

			let seq = overlay.nextSeq;
			const incoming = action.lines.map(line => ({...line, seq: seq++}));
			const lines = mergeLines(overlay.lines, incoming);
			// Scrolled back: stay on the same lines while new ones come in below.
			const scroll =
				overlay.scroll === 0
					? 0
					: Math.min(lines.length - 1, overlay.scroll + incoming.length);
			return withUi(state, {
				overlay: {...overlay, lines, nextSeq: seq, scroll},
			});
		}

		case 'projects/logs-ended': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'project-logs' || overlay.id !== action.id) {
				return state;
			}

			return withUi(state, {
				overlay: {
					...overlay,
					open: Math.max(0, overlay.open - 1),
					errors: action.error
						? [...overlay.errors, action.error]
						: overlay.errors,
				},
			});
		}

		case 'projects/logs-scroll': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'project-logs') {
				return state;
			}

			const most = Math.max(0, overlay.lines.length - 1);
			const scroll =
				action.to === 'top'
					? most
					: action.to === 'bottom'
						? 0
						: Math.max(0, Math.min(most, overlay.scroll + action.to));
			return scroll === overlay.scroll
				? state
				: withUi(state, {overlay: {...overlay, scroll}});
		}
	}
}
