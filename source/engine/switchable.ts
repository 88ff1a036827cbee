import type {Engine} from './types.js';

/**
An engine whose target can change while dockpit runs (a context chosen inside the UI): every call goes to the
engine set last. Calls already made keep going to the engine they were made on.
*/
export type SwitchableEngine = {
	readonly engine: Engine;
	set(next: Engine): void;
	current(): Engine;
};

export function createSwitchableEngine(initial: Engine): SwitchableEngine {
	let target = initial;
	const engine = new Proxy({} as Engine, {
		get(_, property) {
			const value = (target as unknown as Record<PropertyKey, unknown>)[
				property
			];
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(target)
				: value;
		},
		has(_, property) {
			return property in target;
		},
	});
	return {
		engine,
		set(next) {
			target = next;
		},
		current: () => target,
	};
}
