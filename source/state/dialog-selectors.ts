import type {AppState, DialogPurpose, Target} from './types.js';

/**
The containers or images a dialog is about.
*/
export function dialogTargets(purpose: DialogPurpose): {
	readonly pane: 'containers' | 'images' | 'volumes' | 'networks';
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

		case 'remove-volume': {
			return {pane: 'volumes', targets: [purpose.volume]};
		}

		case 'remove-network': {
			return {pane: 'networks', targets: [purpose.network]};
		}

		case 'network-disconnect': {
			return {pane: 'networks', targets: []};
		}

		case 'context': {
			return {pane: 'containers', targets: []};
		}

		case 'open-port': {
			return {pane: 'containers', targets: [purpose.target]};
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
	const rows: ReadonlyMap<string, unknown> =
		pane === 'containers'
			? state.containers
			: pane === 'images'
				? state.images
				: pane === 'volumes'
					? state.cleanup.volumes
					: state.cleanup.networks;
	return targets.filter(target => !rows.has(target.id));
}
