import type {RunSpec} from '../engine/types.js';
import {type Result, ok, fail, excerpt} from './result.js';

/**
A container restart policy as the engine takes it.
*/
export type RestartPolicy = {
	readonly name: RunSpec['restartPolicy'];
	/**
	Only for `on-failure`, when a count was given; `0` means no limit.
	*/
	readonly maximumRetryCount?: number;
};

const names: ReadonlyArray<RunSpec['restartPolicy']> = [
	'no',
	'always',
	'unless-stopped',
	'on-failure',
];

/**
Parses `--restart`: `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N` (N a whole number, 0 = no
limit). Case and surrounding whitespace are ignored; an empty field is `no`.
*/
export function parseRestartPolicy(text: string): Result<RestartPolicy> {
	const policy = text.trim().toLowerCase();
	if (policy === '') {
		return ok({name: 'no'});
	}

	const colon = policy.indexOf(':');
	const name = colon === -1 ? policy : policy.slice(0, colon);
	const known = names.find(candidate => candidate === name);
	if (known === undefined) {
		return fail(
			`restart policy must be no, always, unless-stopped or on-failure[:N]: ${excerpt(text.trim())}`,
		);
	}

	if (colon === -1) {
		return ok({name: known});
	}

	if (known !== 'on-failure') {
		return fail(`only on-failure takes a retry count, not ${known}`);
	}

	const count = policy.slice(colon + 1);
	if (count === '') {
		return fail('retry count is missing after on-failure:');
	}

	if (!/^\d+$/.test(count) || !Number.isSafeInteger(Number(count))) {
		return fail(`retry count must be a whole number: ${excerpt(count)}`);
	}

	return ok({name: known, maximumRetryCount: Number(count)});
}
