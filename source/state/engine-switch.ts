/**
Switching engines while dockpit runs: a context chosen with `0` or `:ctx`, or several at once. The old sync
stops, shells in the pane get their hangup, the lists start again from nothing, a new sync follows the new
engine(s), and the old engine is closed (its ssh master and kept-alive connections end). The docker CLI's current context is never changed here, except by `use` (`:ctx use NAME`).
*/
import {
	contextEndpoint,
	type ContextOptions,
	listContexts,
	useContext,
} from '../engine/contexts.js';
import type {Endpoint} from '../engine/connection.js';
import {oneLine} from '../engine/errors.js';
import {EngineError} from '../engine/types.js';
import type {Engine} from '../engine/types.js';
import type {SwitchableEngine} from '../engine/switchable.js';
import type {ContextService} from '../commands/context.js';
import type {ShellSessions} from '../shell/sessions.js';
import type {Store} from './store.js';

/**
An engine to connect to, by the name the header and the ENGINE column use.
*/
export type NamedEndpoint = {
	readonly name: string;
	readonly endpoint: Endpoint;
};

export type EngineSwitchOptions = ContextOptions & {
	readonly switchable: SwitchableEngine;
	readonly store: Store;
	readonly sessions: ShellSessions;
	/**
	`--read-only`: every engine is.
	*/
	readonly readOnly: boolean;
	/**
	Contexts that are read-only (`readOnly: [prod]` in the config file).
	*/
	readonly readOnlyContexts: readonly string[];
	/**
	Makes the engine for these endpoints (one, or several at once), read-only when asked.
	*/
	readonly connect: (
		endpoints: readonly NamedEndpoint[],
		readOnly: string | undefined,
	) => Engine;
	/**
	Stops the sync of the current engine and starts one on the switchable engine.
	*/
	readonly restartSync: () => void;
};

/**
Why an engine made of these contexts is read-only, or undefined when it is not.
*/
export function readOnlyReason(
	names: readonly string[],
	options: Pick<EngineSwitchOptions, 'readOnly' | 'readOnlyContexts'>,
): string | undefined {
	if (options.readOnly) {
		return 'dockpit runs with --read-only';
	}

	const listed = names.filter(name => options.readOnlyContexts.includes(name));
	return listed.length > 0
		? `context ${listed.join(', ')} is read-only (readOnly in the config file)`
		: undefined;
}

export function createContextService(
	options: EngineSwitchOptions,
): ContextService {
	return {
		list: () => listContexts(options),
		use(name) {
			useContext(name, options);
		},
		async switchTo(names) {
			if (names.length === 0) {
				throw new EngineError('bad-request', 'name a context');
			}

			const entries = listContexts(options);
			const endpoints = names.map(name => {
				const entry = entries.find(each => each.name === name);
				if (!entry) {
					throw new EngineError(
						'not-found',
						`there is no Docker context named "${oneLine(name)}" (${entries.map(each => each.name).join(', ')})`,
					);
				}

				return {name, endpoint: contextEndpoint(entry, options)};
			});
			const why = readOnlyReason(names, options);
			const engine = options.connect(endpoints, why);
			await options.sessions.closeAll(1000);
			const previous = options.switchable.current();
			options.switchable.set(engine);
			const single = endpoints.length === 1 ? endpoints[0] : undefined;
			options.store.dispatch({
				type: 'engine/switched',
				host: engine.host,
				...(single && single.name !== 'DOCKER_HOST'
					? {context: single.name}
					: {}),
				...(why ? {readOnly: true} : {}),
			});
			options.restartSync();
			// Its syncs are stopped and its shells closed: what it still holds (an ssh master, idle connections,
			// each engine's of several) goes now, not when dockpit quits.
			previous.close?.();
		},
	};
}
