import type {ContainerState, DockerEvent} from '../engine/types.js';
import {startedAtFromStatus} from '../format/duration.js';
import {applyEdit} from '../forms/text-edit.js';
import type {Action} from './actions.js';
import reduceOverlay from './overlay-reducer.js';
import reduceProjects, {isProjectsAction} from './project-logs.js';
import {rowKeys, selectedIndex} from './selectors.js';
import {nextSort} from './sort.js';
import reduceShell from './shell-reducer.js';
import reduceInspector from './inspector-reducer.js';
import {isInspectorAction} from './inspector-types.js';
import reduceConfigView, {isConfigViewAction} from './config-view.js';
import reduceTransfer, {isTransferAction} from './transfer-reducer.js';
import reduceCleanup, {isCleanupAction} from './cleanup-reducer.js';
import reduceEngine, {isEngineAction} from './engine-reducer.js';
import reduceCommandLine, {
	isCommandLineAction,
} from './command-line-reducer.js';
import {
	type AppState,
	type ContainerRow,
	maxEvents,
	type PaneId,
	paneIds,
	type UiState,
} from './types.js';

let flashCounter = 0;

/**
The one place state changes: `(state, action) → state`, pure (apart from numbering flashes).
*/
export default function reducer(state: AppState, action: Action): AppState {
	const next = reduce(state, action);
	if (next === state) {
		return next;
	}

	// When the rows change under the cursor, it stays on its object.
	let anchored = next;
	if (
		next.containers !== state.containers ||
		next.ui.showAll !== state.ui.showAll
	) {
		anchored = reanchor(state, anchored, 'containers');
	}

	if (next.images !== state.images) {
		anchored = reanchor(state, anchored, 'images');
	}

	if (next.events !== state.events) {
		anchored = reanchor(state, anchored, 'events');
	}

	if (next.cleanup.volumes !== state.cleanup.volumes) {
		anchored = reanchor(state, anchored, 'volumes');
	}

	if (next.cleanup.networks !== state.cleanup.networks) {
		anchored = reanchor(state, anchored, 'networks');
	}

	if (
		next.containers !== state.containers ||
		next.ui.collapsed !== state.ui.collapsed
	) {
		anchored = reanchor(state, anchored, 'projects');
	}

	return anchored;
}

/**
Pins the cursor of `pane` to the object it was on before the change, and records where that object is now (or,
when it is gone, keeps the old index, so the cursor lands on the row that took its place).
*/
function reanchor(previous: AppState, next: AppState, pane: PaneId): AppState {
	const selection = next.ui.selection[pane];
	const key =
		selection.key ?? rowKeys(previous, pane)[selectedIndex(previous, pane)];
	if (key === undefined) {
		return next;
	}

	const index = rowKeys(next, pane).indexOf(key);
	const pinned = {key, index: index === -1 ? selection.index : index};
	if (pinned.key === selection.key && pinned.index === selection.index) {
		return next;
	}

	return withSelection(next, pane, pinned);
}

function reduce(state: AppState, action: Action): AppState {
	if (isTransferAction(action)) {
		return reduceTransfer(state, action);
	}

	if (isCleanupAction(action)) {
		return reduceCleanup(state, action);
	}

	if (isEngineAction(action)) {
		return reduceEngine(state, action);
	}

	if (isInspectorAction(action)) {
		const ui = reduceInspector(state.ui, action);
		return ui === state.ui ? state : {...state, ui};
	}

	if (isConfigViewAction(action)) {
		const ui = reduceConfigView(state.ui, action);
		return ui === state.ui ? state : {...state, ui};
	}

	if (isCommandLineAction(action)) {
		return reduceCommandLine(state, action);
	}

	if (isProjectsAction(action)) {
		return reduceProjects(state, action);
	}

	switch (action.type) {
		case 'connection/connecting': {
			return {
				...state,
				connection: {status: 'connecting', host: state.connection.host},
			};
		}

		case 'connection/connected': {
			return {
				...state,
				connection: {
					status: 'connected',
					host: state.connection.host,
					info: action.info,
				},
			};
		}

		case 'connection/degraded': {
			const {connection} = state;
			if (connection.status !== 'connected') {
				return state;
			}

			if (action.error === undefined) {
				if (!connection.degraded) {
					return state;
				}

				const {degraded: _, ...live} = connection;
				return {...state, connection: live};
			}

			return {
				...state,
				connection: {
					...connection,
					degraded: {
						error: action.error,
						since: connection.degraded?.since ?? action.now,
					},
				},
			};
		}

		case 'connection/lost': {
			const {connection} = state;
			const info =
				connection.status === 'connecting' ? undefined : connection.info;
			const wasUp = info !== undefined;
			return {
				...state,
				connection: {
					status: wasUp ? 'reconnecting' : 'unreachable',
					host: connection.host,
					...(info ? {info} : {}),
					error: action.error,
					...(action.kind ? {kind: action.kind} : {}),
					retryAt: action.retryAt,
					attempt: action.attempt,
				},
			};
		}

		case 'containers/listed': {
			const containers = new Map<string, ContainerRow>();
			for (const container of action.containers) {
				containers.set(
					container.id,
					toRow(
						container,
						action.reconnected ? undefined : state.containers.get(container.id),
						action.now,
					),
				);
			}

			return {
				...state,
				containers,
				loaded: {...state.loaded, containers: true},
			};
		}

		case 'containers/refreshed': {
			const containers = new Map(state.containers);
			for (const id of action.ids) {
				containers.delete(id);
			}

			for (const container of action.containers) {
				containers.set(
					container.id,
					toRow(container, state.containers.get(container.id), action.now),
				);
			}

			return {...state, containers};
		}

		case 'images/listed': {
			return {
				...state,
				images: new Map(action.images.map(image => [image.id, image])),
				loaded: {...state.loaded, images: true},
			};
		}

		case 'event/received': {
			const events = [
				{...action.event, seq: state.nextEventSeq},
				...state.events,
			];
			if (events.length > maxEvents) {
				events.length = maxEvents;
			}

			return applyEvent(
				{...state, events, nextEventSeq: state.nextEventSeq + 1},
				action.event,
			);
		}

		case 'ui/pane': {
			return withUi(state, {pane: action.pane, filtering: false});
		}

		case 'ui/cycle-pane': {
			const index = paneIds.indexOf(state.ui.pane);
			const pane =
				paneIds[(index + action.delta + paneIds.length) % paneIds.length] ??
				'containers';
			return withUi(state, {pane, filtering: false});
		}

		case 'ui/move': {
			const {pane} = state.ui;
			const keys = rowKeys(state, pane);
			if (keys.length === 0) {
				return state;
			}

			const current = selectedIndex(state, pane);
			const target =
				action.to === 'top'
					? 0
					: action.to === 'bottom'
						? keys.length - 1
						: current + action.to;
			const index = Math.min(Math.max(0, target), keys.length - 1);
			return withSelection(state, pane, {key: keys[index], index});
		}

		case 'ui/select': {
			const index = rowKeys(state, action.pane).indexOf(action.key);
			return withSelection(state, action.pane, {
				key: action.key,
				index: Math.max(0, index),
			});
		}

		case 'ui/sort': {
			const {pane} = state.ui;
			return withUi(state, {
				sort: {
					...state.ui.sort,
					[pane]: nextSort(pane, state.ui.sort[pane], action.step),
				},
			});
		}

		case 'ui/toggle-show-all': {
			return withUi(state, {showAll: !state.ui.showAll});
		}

		case 'ui/toggle-stats-columns': {
			return withUi(state, {statsColumns: !state.ui.statsColumns});
		}

		case 'ui/filter-open': {
			return withUi(state, {filtering: true, filterCursor: undefined});
		}

		case 'ui/filter-change': {
			return withUi(state, {
				filterCursor: undefined,
				filters: {...state.ui.filters, [state.ui.pane]: action.text},
			});
		}

		case 'ui/filter-edit': {
			const value = state.ui.filters[state.ui.pane];
			const cursor = state.ui.filterCursor ?? value.length;
			const next = applyEdit(
				{value, cursor, ...withKilled(state.ui)},
				action.edit,
			);
			if (
				next.value === value &&
				next.cursor === cursor &&
				next.killed === undefined
			) {
				return state;
			}

			return withUi(state, {
				filters: {...state.ui.filters, [state.ui.pane]: next.value},
				filterCursor: next.cursor,
				...(next.killed === undefined ? {} : {killed: next.killed}),
			});
		}

		case 'ui/filter-close': {
			return withUi(state, {
				filtering: false,
				filterCursor: undefined,
				...(action.clear
					? {filters: {...state.ui.filters, [state.ui.pane]: ''}}
					: {}),
			});
		}

		case 'ui/help-toggle': {
			return withUi(state, {
				overlay:
					state.ui.overlay?.kind === 'help'
						? undefined
						: {kind: 'help', scroll: 0},
			});
		}

		case 'ui/details-open': {
			return withUi(state, {
				overlay: {kind: 'details', target: action.target, scroll: 0},
			});
		}

		case 'ui/details-loaded':
		case 'ui/details-failed': {
			const {overlay} = state.ui;
			if (
				overlay?.kind !== 'details' ||
				!sameTarget(overlay.target, action.target)
			) {
				return state;
			}

			return withUi(state, {
				overlay:
					action.type === 'ui/details-loaded'
						? {...overlay, data: action.data}
						: {...overlay, error: action.error},
			});
		}

		case 'ui/overlay-scroll': {
			const {overlay} = state.ui;
			if (
				overlay?.kind !== 'help' &&
				overlay?.kind !== 'details' &&
				overlay?.kind !== 'log'
			) {
				return state;
			}

			const scroll =
				action.to === 'top'
					? 0
					: action.to === 'bottom'
						? Number.MAX_SAFE_INTEGER
						: Math.max(0, Math.min(overlay.scroll, 1_000_000) + action.to);
			return withUi(state, {overlay: {...overlay, scroll}});
		}

		case 'ui/overlay-close': {
			return withUi(state, {overlay: undefined});
		}

		case 'ui/details-toggle': {
			const {overlay} = state.ui;
			return overlay?.kind === 'details'
				? withUi(state, {
						overlay: {...overlay, [action.option]: !overlay[action.option]},
					})
				: state;
		}

		case 'ui/flash': {
			return withUi(state, {
				flash: {text: action.text, level: action.level, id: ++flashCounter},
			});
		}

		case 'ui/flash-clear': {
			if (action.id !== undefined && state.ui.flash?.id !== action.id) {
				return state;
			}

			return withUi(state, {flash: undefined});
		}

		case 'ui/mark-toggle':
		case 'ui/marks-clear':
		case 'ui/busy':
		case 'ui/idle':
		case 'ui/overlay-open':
		case 'ui/focus-move':
		case 'ui/field-toggle':
		case 'ui/field-edit':
		case 'ui/form-errors':
		case 'ui/form-notes': {
			return reduceOverlay(state, action);
		}

		case 'shell/opening':
		case 'shell/opened':
		case 'shell/ended':
		case 'shell/failed':
		case 'shell/focus':
		case 'shell/zoom':
		case 'shell/close':
		case 'shell/ask-replace':
		case 'shell/cancel-replace': {
			const ui = reduceShell(state.ui, action);
			return ui === state.ui ? state : {...state, ui};
		}
	}
}

function withUi(state: AppState, patch: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

/**
The kill buffer, for `applyEdit`.
*/
export function withKilled(ui: UiState): {killed?: string} {
	return ui.killed === undefined ? {} : {killed: ui.killed};
}

function withSelection(
	state: AppState,
	pane: keyof UiState['selection'],
	selection: UiState['selection'][typeof pane],
) {
	return withUi(state, {selection: {...state.ui.selection, [pane]: selection}});
}

function sameTarget(
	a: {pane: string; id?: string; seq?: number},
	b: {pane: string; id?: string; seq?: number},
) {
	return a.pane === b.pane && a.id === b.id && a.seq === b.seq;
}

/**
Keeps the start time we already know while the container keeps running; else reads it from the status words.
*/
function toRow(
	container: ContainerRow,
	previous: ContainerRow | undefined,
	now: number,
): ContainerRow {
	const running = container.state === 'running' || container.state === 'paused';
	if (!running || container.startedAt !== undefined) {
		return container;
	}

	const previousStart =
		previous && (previous.state === 'running' || previous.state === 'paused')
			? previous.startedAt
			: undefined;
	const startedAt = previousStart ?? startedAtFromStatus(container.status, now);
	return startedAt === undefined ? container : {...container, startedAt};
}

const containerStateAfter: Readonly<Record<string, ContainerState>> = {
	start: 'running',
	restart: 'running',
	unpause: 'running',
	pause: 'paused',
	die: 'exited',
};

/**
Applies what an event says at once, so the pane answers immediately; `sync.ts` reconciles with a refresh.
*/
function applyEvent(state: AppState, event: DockerEvent): AppState {
	if (event.type === 'container') {
		const container = state.containers.get(event.id);
		if (!container) {
			return state;
		}

		const containers = new Map(state.containers);
		const action = event.action.split(':')[0] ?? '';
		if (action === 'destroy') {
			containers.delete(event.id);
			return {...state, containers};
		}

		if (action === 'rename' && event.name) {
			containers.set(event.id, {...container, name: event.name});
			return {...state, containers};
		}

		const next = containerStateAfter[action];
		if (next === undefined || next === container.state) {
			return state;
		}

		const exitCode = Number(event.attributes['exitCode']);
		const row: ContainerRow = {
			...container,
			state: next,
			...(action === 'start' ? {startedAt: event.time} : {}),
			...(action === 'die' && Number.isInteger(exitCode) ? {exitCode} : {}),
		};
		containers.set(event.id, row);
		return {...state, containers};
	}

	if (
		event.type === 'image' &&
		event.action === 'delete' &&
		state.images.has(event.id)
	) {
		const images = new Map(state.images);
		images.delete(event.id);
		return {...state, images};
	}

	return state;
}
