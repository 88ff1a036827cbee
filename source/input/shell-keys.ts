/**
The way from the input router to the shell pane: what the person types while the pane has the keys, as the
terminal sent it, one key sequence at a time. The router may give the pane keys before the pane is drawn (`x` and
`ls` in one read), so keys are kept until the pane listens; keys kept for an older pane are dropped.
*/
export type ShellKeys = {
	send(paneId: number, raw: string): void;
	/**
	The pane `paneId` takes its keys, those kept first. Returns an unsubscribe function.
	*/
	listen(paneId: number, listener: (raw: string) => void): () => void;
};

/**
Most typed-ahead input kept for a pane not drawn yet (a paste, at most); beyond it, the oldest is dropped.
*/
const keptLimit = 64 * 1024;

export function createShellKeys(): ShellKeys {
	let kept: {paneId: number; keys: string[]; size: number} | undefined;
	const listeners = new Map<number, (raw: string) => void>();
	return {
		send(paneId, raw) {
			const listener = listeners.get(paneId);
			if (listener) {
				listener(raw);
				return;
			}

			if (kept?.paneId === paneId) {
				kept.keys.push(raw);
				kept.size += raw.length;
				while (kept.size > keptLimit && kept.keys.length > 1) {
					kept.size -= kept.keys.shift()!.length;
				}
			} else {
				kept = {paneId, keys: [raw], size: raw.length};
			}
		},
		listen(paneId, listener) {
			listeners.set(paneId, listener);
			if (kept?.paneId === paneId) {
				const {keys} = kept;
				kept = undefined;
				for (const raw of keys) {
					listener(raw);
				}
			}

			return () => {
				if (listeners.get(paneId) === listener) {
					listeners.delete(paneId);
				}
			};
		},
	};
}
