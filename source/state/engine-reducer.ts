import {type AppState, type EngineStatus, initialState} from './types.js';

/**
Which engine dockpit talks to: a context chosen inside the UI, and the states of several engines at once.
*/
export type EngineAction =
	/**
	Another engine (a context chosen with `0` or `:ctx`): the lists start again from nothing, the overlays and
	the shell pane close, the pane, filters and transfers stay.
	*/
	| {
			readonly type: 'engine/switched';
			readonly host: string;
			readonly context?: string;
			readonly readOnly?: boolean;
	  }
	/** With several engines: each one's state. */
	| {
			readonly type: 'engines/status';
			readonly engines: readonly EngineStatus[];
	  };

export function isEngineAction(action: {
	readonly type: string;
}): action is EngineAction {
	return action.type.startsWith('engine/') || action.type === 'engines/status';
}

export default function reduceEngine(
	state: AppState,
	action: EngineAction,
): AppState {
	switch (action.type) {
		case 'engine/switched': {
			const fresh = initialState(action.host, {
				showAll: state.ui.showAll,
				...(action.context === undefined ? {} : {context: action.context}),
				...(action.readOnly ? {readOnly: true} : {}),
			});
			return {
				...fresh,
				// Numbers go on counting, so that an answer from the engine left behind finds nothing here.
				serial: state.serial,
				ui: {
					...fresh.ui,
					pane: state.ui.pane,
					filters: state.ui.filters,
					sort: state.ui.sort,
					...(state.ui.log ? {log: state.ui.log} : {}),
					...(state.ui.killed === undefined ? {} : {killed: state.ui.killed}),
					...(state.ui.transfers ? {transfers: state.ui.transfers} : {}),
				},
			};
		}

		case 'engines/status': {
			return {...state, engines: action.engines};
		}
	}
}
