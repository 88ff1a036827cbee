import {applyEdit} from '../forms/text-edit.js';
import type {Action} from './actions.js';
import type {CleanupAction} from './cleanup-reducer.js';
import type {CommandLineAction} from './command-line-reducer.js';
import type {EngineAction} from './engine-reducer.js';
import type {InspectorAction} from './inspector-types.js';
import type {ConfigViewAction} from './config-view.js';
import reduceOverlay from './overlay-reducer.js';
import type {PictureAction} from './picture-reducer.js';
import type {ProjectsAction} from './project-logs.js';
import {rowKeys, selectedIndex} from './selectors.js';
import reduceShell from './shell-reducer.js';
import {nextSort} from './sort.js';
import type {TransferAction} from './transfer-reducer.js';
import {type AppState, paneIds, type UiState} from './types.js';
import {scrolledTo} from './scroll.js';

/**
What the person does with the UI: panes, selection, sorting, filters, overlays, marks, busy rows, the shell pane.
*/
export type UiAction = Exclude<
	Action,
	| PictureAction
	| TransferAction
	| CleanupAction
	| EngineAction
	| InspectorAction
	| ConfigViewAction
	| CommandLineAction
	| ProjectsAction
	| {readonly type: 'serial/take'}
>;

export default function reduceUi(state: AppState, action: UiAction): AppState {
	switch (action.type) {
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

			const scroll = scrolledTo(overlay.scroll, action.to, 1_000_000);
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
			const id = state.serial + 1;
			return withUi(
				{...state, serial: id},
				{flash: {text: action.text, level: action.level, id}},
			);
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
		case 'ui/field-complete':
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

export function withSelection(
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
