/**
Keys that arrive in one chunk can belong to two owners: `x` and then `ls` typed quickly (or over a slow link) come
as "xls", and `x` gives the shell pane the keys half-way through; likewise "Ctrl-] j" gives them back half-way
through. Ink hands a chunk to the handlers that are active when it arrives, so the handler that loses the keys
passes the rest of the chunk on through here, and nothing typed is lost.
*/
export type KeyHandover = {
	/**
	Keys (as the terminal sends them) for the shell pane `paneId`, typed after the dashboard gave it the keys. Kept
	until that pane listens (it may not be drawn yet); keys kept for an older pane are dropped.
	*/
	toPane(paneId: number, keys: string): void;
	/**
	The pane `paneId` takes its handed-over keys. Returns an unsubscribe function.
	*/
	onPaneKeys(paneId: number, listener: (keys: string) => void): () => void;
	/**
	Keys (as the terminal sends them) typed after the pane's escape key, for the dashboard.
	*/
	toDashboard(keys: string): void;
	onDashboardKeys(listener: (keys: string) => void): () => void;
};

export function createKeyHandover(): KeyHandover {
	let kept: {paneId: number; keys: string} | undefined;
	const paneListeners = new Map<number, (keys: string) => void>();
	const dashboardListeners = new Set<(keys: string) => void>();
	return {
		toPane(paneId, keys) {
			const listener = paneListeners.get(paneId);
			if (listener) {
				listener(keys);
				return;
			}

			kept =
				kept?.paneId === paneId
					? {paneId, keys: kept.keys + keys}
					: {paneId, keys};
		},
		onPaneKeys(paneId, listener) {
			paneListeners.set(paneId, listener);
			if (kept?.paneId === paneId) {
				const {keys} = kept;
				kept = undefined;
				listener(keys);
			}

			return () => {
				if (paneListeners.get(paneId) === listener) {
					paneListeners.delete(paneId);
				}
			};
		},
		toDashboard(keys) {
			for (const listener of dashboardListeners) {
				listener(keys);
			}
		},
		onDashboardKeys(listener) {
			dashboardListeners.add(listener);
			return () => {
				dashboardListeners.delete(listener);
			};
		},
	};
}
