import {type Result, ok, fail, excerpt} from './result.js';
import {splitCommand} from './shell-split.js';

/**
One environment variable of a container.
*/
export type EnvVar = {readonly key: string; readonly value: string};

/**
Parses one `KEY=VALUE` entry, taken exactly as given (no trimming). The key is everything before the first `=`: it
must not be empty or contain whitespace. The value is everything after it and may be empty or contain `=`
(`OPTS=a=b`). A bare `KEY` (Docker's "copy from my environment") is refused: dockpit's environment is not the
container's business.
*/
export function parseEnvEntry(text: string): Result<EnvVar> {
	const equals = text.indexOf('=');
	if (equals === -1) {
		return fail(`expected NAME=value: ${excerpt(text)}`);
	}

	const key = text.slice(0, equals);
	if (key === '') {
		return fail(`variable name is missing before =: ${excerpt(text)}`);
	}

	if (/\s/.test(key)) {
		return fail(`variable name may not contain spaces: ${excerpt(key)}`);
	}

	return ok({key, value: text.slice(equals + 1)});
}

/**
Parses a field of several `KEY=VALUE` entries separated by whitespace, with shell quoting (see `splitCommand`) for
values that contain spaces or quotes: `A=1 B="two words" "C=it's"`. Commas, semicolons and the
like belong to the value, so `LIST=a,b;c` is one entry. An empty field is no variables. Fails when a name is set
twice.
*/
export function parseEnvList(text: string): Result<EnvVar[]> {
	const words = splitCommand(text);
	if (!words.ok) {
		return words;
	}

	const variables: EnvVar[] = [];
	const seen = new Set<string>();
	for (const word of words.value) {
		const parsed = parseEnvEntry(word);
		if (!parsed.ok) {
			return parsed;
		}

		if (seen.has(parsed.value.key)) {
			return fail(`${excerpt(parsed.value.key)} is set twice`);
		}

		seen.add(parsed.value.key);
		variables.push(parsed.value);
	}

	return ok(variables);
}

/**
`KEY=VALUE` strings, as `RunSpec.env` takes them.
*/
export function formatEnvList(variables: readonly EnvVar[]): string[] {
	return variables.map(({key, value}) => `${key}=${value}`);
}
