/**
The reducer's part for transfers, the file browser and search results. Pure.
*/
import type {AppState, UiState} from './types.js';
import type {
	FilesOverlay,
	SearchOverlay,
	Transfer,
	TransferLayer,
} from './transfer-types.js';
import {maxTransferLines} from './transfer-types.js';

export type TransferAction =
	/** A transfer began; `show` opens its progress overlay. */
	| {
			readonly type: 'transfer/start';
			readonly transfer: Transfer;
			readonly show: boolean;
	  }
	/** What a running transfer has reported so far (a snapshot, sent a few times a second at most). */
	| {
			readonly type: 'transfer/progress';
			readonly id: number;
			readonly layers: readonly TransferLayer[];
			readonly lines: readonly string[];
			readonly bytes?: Transfer['bytes'];
	  }
	| {
			readonly type: 'transfer/end';
			readonly id: number;
			readonly status: 'done' | 'failed' | 'cancelled';
			readonly result: string;
			readonly endedAt: number;
			readonly loginRegistry?: string;
	  }
	/** Open the progress overlay of transfer `id`. */
	| {readonly type: 'transfer/show'; readonly id: number}
	/** Scroll the progress overlay's output (positive: back in time). */
	| {
			readonly type: 'transfer/scroll';
			readonly to: number | 'top' | 'bottom';
	  }
	/** Open the file browser or the search results (replacing whatever overlay was open). */
	| {
			readonly type: 'transfer/overlay';
			readonly overlay: FilesOverlay | SearchOverlay;
	  }
	| {
			readonly type: 'transfer/files-loaded';
			readonly containerId: string;
			readonly folder: string;
			readonly entries?: FilesOverlay['entries'];
			readonly error?: string;
	  }
	| {
			readonly type: 'transfer/search-results';
			readonly term: string;
			readonly results?: SearchOverlay['results'];
			readonly error?: string;
	  }
	/** Move the cursor of the file browser or search results. */
	| {
			readonly type: 'transfer/select';
			readonly to: number | 'top' | 'bottom';
	  };

/**
How many finished transfers are kept (running ones always are).
*/
const keptTransfers = 10;

export function isTransferAction(action: {
	readonly type: string;
}): action is TransferAction {
	return action.type.startsWith('transfer/');
}

function withUi(state: AppState, patch: Partial<UiState>): AppState {
	return {...state, ui: {...state.ui, ...patch}};
}

function updateTransfer(
	state: AppState,
	id: number,
	patch: (transfer: Transfer) => Transfer,
): AppState {
	const transfers = state.ui.transfers ?? [];
	const index = transfers.findIndex(each => each.id === id);
	const current = transfers[index];
	if (!current) {
		return state;
	}

	const next = [...transfers];
	next[index] = patch(current);
	return withUi(state, {transfers: next});
}

function clamp(value: number, count: number): number {
	return Math.max(0, Math.min(value, count - 1));
}

export default function reduceTransfer(
	state: AppState,
	action: TransferAction,
): AppState {
	const {ui} = state;
	switch (action.type) {
		case 'transfer/start': {
			const previous = ui.transfers ?? [];
			const finished = previous.filter(each => each.status !== 'running');
			const drop = new Set(
				finished
					.slice(0, Math.max(0, finished.length - keptTransfers + 1))
					.map(each => each.id),
			);
			return withUi(state, {
				transfers: [
					...previous.filter(each => !drop.has(each.id)),
					action.transfer,
				],
				...(action.show
					? {overlay: {kind: 'transfer', id: action.transfer.id, scroll: 0}}
					: {}),
			});
		}

		case 'transfer/progress': {
			return updateTransfer(state, action.id, transfer =>
				transfer.status === 'running'
					? {
							...transfer,
							layers: action.layers,
							lines: action.lines.slice(-maxTransferLines),
							...(action.bytes ? {bytes: action.bytes} : {}),
						}
					: transfer,
			);
		}

		case 'transfer/end': {
			return updateTransfer(state, action.id, transfer => ({
				...transfer,
				status: action.status,
				result: action.result,
				endedAt: action.endedAt,
				...(action.loginRegistry ? {loginRegistry: action.loginRegistry} : {}),
			}));
		}

		case 'transfer/show': {
			return (ui.transfers ?? []).some(each => each.id === action.id)
				? withUi(state, {overlay: {kind: 'transfer', id: action.id, scroll: 0}})
				: state;
		}

		case 'transfer/scroll': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'transfer') {
				return state;
			}

			const transfer = ui.transfers?.find(each => each.id === overlay.id);
			const most = Math.max(0, (transfer?.lines.length ?? 0) - 1);
			const scroll =
				action.to === 'top'
					? most
					: action.to === 'bottom'
						? 0
						: Math.max(0, Math.min(most, overlay.scroll + action.to));
			return scroll === overlay.scroll
				? state
				: withUi(state, {overlay: {...overlay, scroll}});
		}

		case 'transfer/overlay': {
			return withUi(state, {overlay: action.overlay});
		}

		case 'transfer/files-loaded': {
			const overlay = ui.overlay;
			if (
				overlay?.kind !== 'files' ||
				overlay.container.id !== action.containerId ||
				overlay.folder !== action.folder
			) {
				return state;
			}

			const {entries: _entries, error: _error, ...rest} = overlay;
			return withUi(state, {
				overlay: {
					...rest,
					loading: false,
					selected: 0,
					...(action.entries ? {entries: action.entries} : {}),
					...(action.error ? {error: action.error} : {}),
				},
			});
		}

		case 'transfer/search-results': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'search' || overlay.term !== action.term) {
				return state;
			}

			return withUi(state, {
				overlay: {
					kind: 'search',
					term: overlay.term,
					selected: 0,
					...(action.results ? {results: action.results} : {}),
					...(action.error ? {error: action.error} : {}),
				},
			});
		}

		case 'transfer/select': {
			const overlay = ui.overlay;
			if (overlay?.kind !== 'files' && overlay?.kind !== 'search') {
				return state;
			}

			const count =
				overlay.kind === 'files'
					? // Row 0 is `..` (the parent folder) below the root.
						(overlay.entries?.length ?? 0) + (overlay.folder === '/' ? 0 : 1)
					: (overlay.results?.length ?? 0);
			if (count === 0) {
				return state;
			}

			const selected =
				action.to === 'top'
					? 0
					: action.to === 'bottom'
						? count - 1
						: clamp(overlay.selected + action.to, count);
			return selected === overlay.selected
				? state
				: withUi(state, {overlay: {...overlay, selected}});
		}
	}
}
