import {type Result, ok, fail, excerpt} from './result.js';

const containerName = /^[a-zA-Z\d][\w.-]+$/;

/**
Checks a container name as Docker does (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`, so at least two characters); one leading
`/` is dropped. Surrounding whitespace is ignored. An empty field means "let Docker pick a name": ok with
`undefined`.
*/
export function validateContainerName(
	text: string,
): Result<string | undefined> {
	const trimmed = text.trim();
	if (trimmed === '') {
		return ok(undefined);
	}

	const name = trimmed.startsWith('/') ? trimmed.slice(1) : trimmed;
	if (containerName.test(name)) {
		return ok(name);
	}

	if (/\s/.test(name)) {
		return fail('name may not contain spaces');
	}

	if (!/^[a-zA-Z\d]/.test(name)) {
		return fail('name must start with a letter or digit');
	}

	if (name.length < 2) {
		return fail('name must be at least 2 characters');
	}

	const bad = /[^\w.-]/.exec(name)?.[0] ?? '';
	return fail(
		`name may only contain letters, digits, _ . - (found "${excerpt(bad)}")`,
	);
}
