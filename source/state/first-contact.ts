import type {Store} from './store.js';

/**
Resolves once the engine has first answered with its lists (connected) or failed (lost), or after `limitMs`,
whichever comes first. The first frame waits for it: a dashboard drawn while the lists are on their way is drawn
again, whole, a moment later, and on a quick engine that second frame was most of the time to the first screen
(about 140 ms of a 500 ms start). A slow or silent engine still gets its "connecting" frame after `limitMs`.
*/
export async function firstContact(
	store: Store,
	limitMs: number,
): Promise<void> {
	const settled = () => store.getState().connection.status !== 'connecting';
	if (settled()) {
		return;
	}

	await new Promise<void>(resolve => {
		const done = () => {
			clearTimeout(timer);
			unsubscribe();
			resolve();
		};

		const timer = setTimeout(done, limitMs);
		const unsubscribe = store.subscribe(() => {
			if (settled()) {
				done();
			}
		});
	});
}
