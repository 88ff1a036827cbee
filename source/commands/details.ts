import {EngineError} from '../engine/types.js';
import {visibleEvents} from '../state/selectors.js';
import type {DetailsTarget, PaneId} from '../state/types.js';
import type {CommandContext} from './context.js';

/**
Opens the details overlay on row `key` of `pane` and loads what it shows (Enter, `:inspect`, `:history`).
*/
export async function showDetails(
	{engine, store}: CommandContext,
	pane: Exclude<PaneId, 'projects'>,
	key: string,
): Promise<void> {
	const state = store.getState();

	if (pane === 'events') {
		const event = visibleEvents(state).find(row => String(row.seq) === key);
		if (event) {
			const target: DetailsTarget = {pane, seq: event.seq};
			store.dispatch({type: 'ui/details-open', target});
			store.dispatch({
				type: 'ui/details-loaded',
				target,
				data: {kind: 'event', event},
			});
		}

		return;
	}

	const target: DetailsTarget = {pane, id: key};
	store.dispatch({type: 'ui/details-open', target});
	try {
		const data =
			pane === 'containers'
				? ({
						kind: 'container',
						details: await engine.inspectContainer(key),
					} as const)
				: ({kind: 'image', details: await engine.inspectImage(key)} as const);
		store.dispatch({type: 'ui/details-loaded', target, data});
	} catch (error) {
		const message =
			error instanceof EngineError && error.kind === 'not-found'
				? `It is gone: ${error.message}`
				: error instanceof Error
					? error.message
					: String(error);
		store.dispatch({type: 'ui/details-failed', target, error: message});
	}
}
