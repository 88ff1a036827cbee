import type {Store} from '../state/store.js';
import type {FlashLevel, Target} from '../state/types.js';
import {logged} from './command-log.js';
import {capitalize, isConflict, isGone, reason} from './words.js';
import {takeSerial} from '../state/serial.js';

/**
The argv of the docker CLI call that does what a dockpit action does (`['docker', 'rm', '-f', 'web']`): shown in
the command log so that every action teaches its docker equivalent.
*/
export type DockerLine = readonly string[];

/**
Runs an engine call with a spinner on the rows `keys` (`verb` says what it is doing) and takes the spinner away
when the call ends, whatever way it ends. The UI keeps working meanwhile: nothing waits for this but the caller.
*/
export async function whileBusy<T>(
	store: Store,
	keys: readonly string[],
	verb: string,
	run: () => Promise<T>,
): Promise<T> {
	const token = takeSerial(store);
	store.dispatch({type: 'ui/busy', keys, verb, token});
	try {
		return await run();
	} finally {
		store.dispatch({type: 'ui/idle', keys, token});
	}
}

/**
What one engine call on one object came to.
*/
export type Outcome =
	| {
			readonly target: Target;
			readonly ok: true;
			/**
			The past tense of what happened (`stopped`, `unpaused`), for counting.
			*/
			readonly done: string;
			/**
			Said instead of `Stopped web` when nothing needed doing (`already stopped`).
			*/
			readonly already?: string;
	  }
	| {
			readonly target: Target;
			readonly ok: false;
			/**
			The object was not there any more (removed elsewhere): not a failure worth red.
			*/
			readonly gone: boolean;
			readonly conflict: boolean;
			readonly reason: string;
			readonly error: unknown;
	  };

/**
One step of an action on one object.
*/
export type Step = {
	readonly target: Target;
	/**
	`stopping`, for the spinner row.
	*/
	readonly busy: string;
	readonly done: string;
	readonly already?: string;
	/**
	The docker CLI line that does the same (`['docker', 'stop', 'web']`), for the command log.
	*/
	readonly docker?: DockerLine;
	readonly run: () => Promise<unknown>;
};

/**
Runs `step` with a spinner on its row and says how it went; never throws.
*/
export async function attempt(store: Store, step: Step): Promise<Outcome> {
	try {
		await whileBusy(store, [step.target.id], step.busy, async () =>
			logged(store, step.docker, step.run),
		);
		return {
			target: step.target,
			ok: true,
			done: step.done,
			...(step.already ? {already: step.already} : {}),
		};
	} catch (error) {
		return {
			target: step.target,
			ok: false,
			gone: isGone(error),
			conflict: isConflict(error),
			reason: reason(error, store.getState()),
			error,
		};
	}
}

/**
The status line after an action: `Stopped web`, `web is gone: removed elsewhere`, `Could not stop web: <reason>`,
or for several objects `3 stopped, 1 failed: web: <reason>`. `verb` is the infinitive (`stop`).
*/
export function summarize(
	outcomes: readonly Outcome[],
	verb: string,
): {readonly text: string; readonly level: FlashLevel} {
	if (outcomes.length === 1) {
		const [outcome] = outcomes;
		if (outcome?.ok) {
			return outcome.already
				? {text: `${outcome.target.name} was ${outcome.already}`, level: 'info'}
				: {
						text: `${capitalize(outcome.done)} ${outcome.target.name}`,
						level: 'success',
					};
		}

		if (outcome && outcome.gone) {
			return {
				text: `${outcome.target.name} is gone: it was removed elsewhere`,
				level: 'muted',
			};
		}

		return {
			text: `Could not ${verb} ${outcome?.target.name ?? ''}: ${outcome?.reason ?? ''}`,
			level: 'error',
		};
	}

	const done = new Map<string, number>();
	const gone: Outcome[] = [];
	const failed: Array<Extract<Outcome, {ok: false}>> = [];
	for (const outcome of outcomes) {
		if (outcome.ok) {
			done.set(outcome.done, (done.get(outcome.done) ?? 0) + 1);
		} else if (outcome.gone) {
			gone.push(outcome);
		} else {
			failed.push(outcome);
		}
	}

	const parts = [...done].map(([word, n]) => `${n} ${word}`);
	if (gone.length > 0) {
		parts.push(`${gone.length} already gone`);
	}

	const [first] = failed;
	if (first) {
		const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : '';
		parts.push(
			`${failed.length} failed: ${first.target.name}: ${first.reason}${more}`,
		);
	}

	return {
		text: parts.join(', '),
		level: failed.length > 0 ? 'error' : gone.length > 0 ? 'muted' : 'success',
	};
}

/**
Runs the steps side by side (each with its own spinner), then says in one line how they went.
*/
export async function runSteps(
	store: Store,
	steps: readonly Step[],
	verb: string,
): Promise<Outcome[]> {
	const outcomes = await Promise.all(
		steps.map(async step => attempt(store, step)),
	);
	const {text, level} = summarize(outcomes, verb);
	store.dispatch({type: 'ui/flash', text, level});
	return outcomes;
}
