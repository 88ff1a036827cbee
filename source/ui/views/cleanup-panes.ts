/**
The cleanup panes as the app needs them: the view per pane, the tab counts, the details overlay's title.
*/
import {volumeLabel} from '../../cleanup/prune-plan.js';
import {isTagged, untagId} from '../../engine/engine-tags.js';
import type {CleanupDetailsTarget} from '../../state/cleanup-types.js';
import type {AppState} from '../../state/types.js';
import EngineView from './engine-view.js';
import NetworksView from './networks-view.js';
import VolumesView from './volumes-view.js';

export const cleanupViews = {
	volumes: VolumesView,
	networks: NetworksView,
	engine: EngineView,
} as const;

export function cleanupCounts(state: AppState): {
	volumes: string;
	networks: string;
	engine: string;
} {
	return {
		volumes: state.cleanup.loaded.volumes
			? String(state.cleanup.volumes.size)
			: '',
		networks: state.cleanup.loaded.networks
			? String(state.cleanup.networks.size)
			: '',
		engine: '',
	};
}

const diskTitles: Readonly<Record<string, string>> = {
	images: 'Disk usage: images',
	containers: 'Disk usage: containers',
	volumes: 'Disk usage: local volumes',
	'build-cache': 'Disk usage: build cache',
};

export function cleanupDetailsTitle(
	state: AppState,
	target: CleanupDetailsTarget,
): string {
	switch (target.pane) {
		case 'volumes': {
			const volume = state.cleanup.volumes.get(target.id);
			return `Volume ${volumeLabel(target.id, volume?.anonymous ?? false)}`;
		}

		case 'networks': {
			return `Network ${state.cleanup.networks.get(target.id)?.name ?? target.id.slice(0, 12)}`;
		}

		case 'engine': {
			// `images@1`: that engine's (several engines at once).
			const {index, id: kind} = untagId(target.id);
			const engine = isTagged(target.id)
				? state.cleanup.disk?.engines?.[index]?.name
				: undefined;
			return `${diskTitles[kind] ?? 'Disk usage'}${engine ? ` on ${engine}` : ''}`;
		}
	}
}
