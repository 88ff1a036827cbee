import type {AppState, DialogPurpose, Target} from './types.js';

/**
The containers or images a dialog is about.
*/
export function dialogTargets(purpose: DialogPurpose): {
	readonly pane: 'containers' | 'images';
	readonly targets: readonly Target[];
} {
	switch (purpose.type) {
		case 'containers':
		case 'kill':
		case 'remove-containers': {
			return {pane: 'containers', targets: purpose.targets};
		}

		case 'remove-image':
		case 'force-remove-image': {
			return {pane: 'images', targets: [purpose.image]};
		}

		case 'remove-images': {
			return {pane: 'images', targets: purpose.targets};
		}

		case 'compose': {
			// `down` names no objects of its own: what it removes is listed in its notes.
			return {pane: 'containers', targets: []};
		}
	}
}

/**
Which of a dialog's objects are no longer on the engine (removed elsewhere while the dialog was open).
*/
export function goneTargets(
	state: AppState,
	purpose: DialogPurpose,
): readonly Target[] {
	const {pane, targets} = dialogTargets(purpose);
	const rows = pane === 'containers' ? state.containers : state.images;
	return targets.filter(target => !rows.has(target.id));
}
