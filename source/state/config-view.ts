/**
How the inspector's Config tab is looked at: the line under the cursor, the folded nodes and the search. Kept
apart from the pane (`ui.configView`), so that folds and the search carry from one container's document to the
next (nodes are named by JSON Pointer paths, `inspector/json-tree.ts`). Pure.
*/
import type {Query} from '../inspector/log-search.js';
import type {UiState} from './types.js';

export type ConfigView = {
	/**
	The id of the line under the cursor (`inspector/json-tree.ts`); the first line when absent or gone.
	*/
	readonly cursor?: string;
	readonly folded: ReadonlySet<string>;
	readonly search?: Query;
};

export type ConfigViewAction =
	| {readonly type: 'configview/cursor'; readonly id: string}
	| {
			readonly type: 'configview/fold';
			/**
			Fold (true) or unfold (false) these nodes.
			*/
			readonly paths: readonly string[];
			readonly fold: boolean;
			/**
			Where the cursor goes with it (folding from inside a node puts it on the node).
			*/
			readonly cursor?: string;
	  }
	| {
			readonly type: 'configview/search';
			readonly query?: Query;
			/**
			The first match, with the nodes around it unfolded.
			*/
			readonly cursor?: string;
			readonly unfold?: readonly string[];
	  }
	/** Opens the pane's prompt on the Config search (`/`). */
	| {readonly type: 'configview/prompt-open'};

export const emptyConfigView: ConfigView = {folded: new Set()};

export function isConfigViewAction(action: {
	readonly type: string;
}): action is ConfigViewAction {
	return action.type.startsWith('configview/');
}

export default function reduceConfigView(
	ui: UiState,
	action: ConfigViewAction,
): UiState {
	const view = ui.configView ?? emptyConfigView;
	switch (action.type) {
		case 'configview/cursor': {
			return view.cursor === action.id
				? ui
				: {...ui, configView: {...view, cursor: action.id}};
		}

		case 'configview/fold': {
			const folded = new Set(view.folded);
			for (const path of action.paths) {
				if (action.fold) {
					folded.add(path);
				} else {
					folded.delete(path);
				}
			}

			return {
				...ui,
				configView: {
					...view,
					folded,
					...(action.cursor === undefined ? {} : {cursor: action.cursor}),
				},
			};
		}

		case 'configview/search': {
			const {search, ...rest} = view;
			const folded = new Set(view.folded);
			for (const path of action.unfold ?? []) {
				folded.delete(path);
			}

			return {
				...ui,
				configView: {
					...rest,
					folded,
					...(action.query ? {search: action.query} : {}),
					...(action.cursor === undefined ? {} : {cursor: action.cursor}),
				},
			};
		}

		case 'configview/prompt-open': {
			const pane = ui.inspector;
			if (!pane) {
				return ui;
			}

			const value = view.search?.text ?? '';
			return {
				...ui,
				inspector: {
					...pane,
					focused: true,
					prompt: {
						kind: 'search',
						value,
						cursor: value.length,
						regex: view.search?.regex ?? false,
					},
				},
			};
		}
	}
}
