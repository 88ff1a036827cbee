/**
The command log: every action dockpit performs records the docker CLI line that does the same, when it started,
how long it took and how it went (`:log` shows it; the status line shows the last one).
*/
import {dockerLineText} from '../format/docker-line.js';
import type {Store} from '../state/store.js';
import type {DockerLine} from './task.js';
import {reason} from './words.js';
import {takeSerial} from '../state/serial.js';

/**
Records that `docker` started now; returns the function that records how it ended.
*/
export function logStart(
	store: Store,
	docker: DockerLine,
	now: () => number = Date.now,
): (
	outcome: {readonly ok: true} | {readonly ok: false; readonly error: unknown},
) => void {
	const id = takeSerial(store);
	store.dispatch({
		type: 'log/start',
		id,
		line: dockerLineText(docker),
		startedAt: now(),
	});
	return outcome => {
		store.dispatch({
			type: 'log/end',
			id,
			ok: outcome.ok,
			endedAt: now(),
			...(outcome.ok ? {} : {error: reason(outcome.error, store.getState())}),
		});
	};
}

/**
Runs `run` as the docker line `docker` would, recording it in the log (nothing is recorded without a line).
*/
export async function logged<T>(
	store: Store,
	docker: DockerLine | undefined,
	run: () => Promise<T>,
): Promise<T> {
	if (!docker) {
		return run();
	}

	const end = logStart(store, docker);
	try {
		const value = await run();
		end({ok: true});
		return value;
	} catch (error) {
		end({ok: false, error});
		throw error;
	}
}
