import type {Action} from './actions.js';
import reducePicture, {isPictureAction} from './picture-reducer.js';
import reduceProjects, {isProjectsAction} from './project-logs.js';
import {rowKeys, selectedIndex} from './selectors.js';
import reduceUi, {withSelection} from './ui-reducer.js';
import reduceInspector from './inspector-reducer.js';
import {isInspectorAction} from './inspector-types.js';
import reduceConfigView, {isConfigViewAction} from './config-view.js';
import reduceTransfer, {isTransferAction} from './transfer-reducer.js';
import reduceCleanup, {isCleanupAction} from './cleanup-reducer.js';
import reduceEngine, {isEngineAction} from './engine-reducer.js';
import reduceCommandLine, {
	isCommandLineAction,
} from './command-line-reducer.js';
import type {AppState, PaneId} from './types.js';

/**
The one place state changes: `(state, action) → state`, pure. Each part of the state has its reducer: the
engine's picture (`picture-reducer.ts`), the UI (`ui-reducer.ts`), and the overlays, transfers, cleanup panes,
engines, inspector, command line and projects in theirs; here the cursor is kept on its object after any of them.
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

	if (isPictureAction(action)) {
		return reducePicture(state, action);
	}

	if (action.type === 'serial/take') {
		return {...state, serial: state.serial + 1};
	}

	return reduceUi(state, action);
}
