/**
The reducer's part for volumes, networks, disk usage, info/version and the prune preview. Pure.
*/
import {planFor, rowsOf, toggleRow} from '../cleanup/prune-rows.js';
import type {PruneData, PruneOptions} from '../cleanup/prune-plan.js';
import type {
	DiskUsage,
	EngineFigures,
	NetworkSummary,
	SystemInfo,
	VersionInfo,
	VolumeSummary,
} from '../engine/cleanup-types.js';
import type {PruneOverlay, PruneResult} from './cleanup-types.js';
import type {AppState, UiState} from './types.js';

export type CleanupAction =
	| {
			readonly type: 'cleanup/volumes-listed';
			readonly volumes: readonly VolumeSummary[];
	  }
	| {
			readonly type: 'cleanup/networks-listed';
			readonly networks: readonly NetworkSummary[];
	  }
	| {readonly type: 'cleanup/disk-loading'}
	| {
			readonly type: 'cleanup/disk-loaded';
			readonly disk: DiskUsage;
			readonly at: number;
	  }
	| {readonly type: 'cleanup/disk-failed'; readonly error: string}
	| {
			readonly type: 'cleanup/system-loaded';
			readonly info: SystemInfo;
			readonly version: VersionInfo;
			/**
			With several engines at once: each one's figures (`info` and `version` are one of them).
			*/
			readonly engines?: readonly EngineFigures[];
	  }
	| {readonly type: 'cleanup/system-failed'; readonly error: string}
	/** Open the prune screen, loading (no data yet) or with data. */
	| {readonly type: 'cleanup/prune-open'; readonly overlay: PruneOverlay}
	| {
			readonly type: 'cleanup/prune-loaded';
			readonly data?: PruneData;
			readonly error?: string;
	  }
	| {
			readonly type: 'cleanup/prune-move';
			readonly to: number | 'top' | 'bottom';
	  }
	/** Space on the focused row. */
	| {readonly type: 'cleanup/prune-toggle'}
	| {readonly type: 'cleanup/prune-options'; readonly options: PruneOptions}
	| {
			readonly type: 'cleanup/prune-phase';
			readonly phase: PruneOverlay['phase'];
	  }
	| {readonly type: 'cleanup/prune-result'; readonly result: PruneResult};

export function isCleanupAction(action: {
	readonly type: string;
}): action is CleanupAction {
	return action.type.startsWith('cleanup/');
}

function withUi(state: AppState, patch: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

function withPrune(
	state: AppState,
	patch: (overlay: PruneOverlay) => PruneOverlay,
): AppState {
	const {overlay} = state.ui;
	if (overlay?.kind !== 'prune') {
		return state;
	}

	return withUi(state, {overlay: patch(overlay)});
}

export default function reduceCleanup(
	state: AppState,
	action: CleanupAction,
): AppState {
	const {cleanup} = state;
	switch (action.type) {
		case 'cleanup/volumes-listed': {
			return {
				...state,
				cleanup: {
					...cleanup,
					volumes: new Map(action.volumes.map(volume => [volume.name, volume])),
					loaded: {...cleanup.loaded, volumes: true},
				},
			};
		}

		case 'cleanup/networks-listed': {
			return {
				...state,
				cleanup: {
					...cleanup,
					networks: new Map(
						action.networks.map(network => [network.id, network]),
					),
					loaded: {...cleanup.loaded, networks: true},
				},
			};
		}

		case 'cleanup/disk-loading': {
			return cleanup.diskLoading
				? state
				: {...state, cleanup: {...cleanup, diskLoading: true}};
		}

		case 'cleanup/disk-loaded': {
			const {diskError, ...rest} = cleanup;
			return {
				...state,
				cleanup: {
					...rest,
					disk: action.disk,
					diskAt: action.at,
					diskLoading: false,
				},
			};
		}

		case 'cleanup/disk-failed': {
			return {
				...state,
				cleanup: {...cleanup, diskLoading: false, diskError: action.error},
			};
		}

		case 'cleanup/system-loaded': {
			const {systemError, engineFigures, ...rest} = cleanup;
			return {
				...state,
				cleanup: {
					...rest,
					info: action.info,
					version: action.version,
					...(action.engines ? {engineFigures: action.engines} : {}),
				},
			};
		}

		case 'cleanup/system-failed': {
			return {...state, cleanup: {...cleanup, systemError: action.error}};
		}

		case 'cleanup/prune-open': {
			return withUi(state, {overlay: action.overlay});
		}

		case 'cleanup/prune-loaded': {
			return withPrune(state, overlay => {
				const {data, error, ...rest} = overlay;
				return {
					...rest,
					...(action.data ? {data: action.data} : {}),
					...(action.error ? {error: action.error} : {}),
				};
			});
		}

		case 'cleanup/prune-move': {
			return withPrune(state, overlay => {
				if (overlay.phase === 'done') {
					const scroll =
						action.to === 'top'
							? 0
							: action.to === 'bottom'
								? 1_000_000
								: Math.max(0, Math.min(overlay.scroll, 1_000_000) + action.to);
					return {...overlay, scroll};
				}

				if (overlay.phase !== 'preview') {
					return overlay;
				}

				const count = rowsOf(overlay).length;
				if (count === 0) {
					return overlay;
				}

				const target =
					action.to === 'top'
						? 0
						: action.to === 'bottom'
							? count - 1
							: overlay.cursor + action.to;
				return {...overlay, cursor: Math.max(0, Math.min(target, count - 1))};
			});
		}

		case 'cleanup/prune-toggle': {
			return withPrune(state, overlay => {
				if (overlay.phase !== 'preview' || !overlay.data) {
					return overlay;
				}

				const rows = rowsOf(overlay);
				const row = rows[overlay.cursor];
				if (!row) {
					return overlay;
				}

				const next = toggleRow(
					row,
					overlay.options,
					overlay.unticked,
					planFor(overlay.data, overlay.options, overlay.unticked),
				);
				return {...overlay, ...next};
			});
		}

		case 'cleanup/prune-options': {
			return withPrune(state, overlay => ({
				...overlay,
				options: action.options,
			}));
		}

		case 'cleanup/prune-phase': {
			return withPrune(state, overlay => ({...overlay, phase: action.phase}));
		}

		case 'cleanup/prune-result': {
			return withPrune(state, overlay => ({
				...overlay,
				phase: 'done',
				result: action.result,
				scroll: 0,
			}));
		}
	}
}
