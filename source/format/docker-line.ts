/**
The docker CLI line of an action, as text a shell would take back: each word quoted where it needs it
(`sh -c 'echo hi'`), and values that look secret masked (`-e DB_PASSWORD=••••`), for the command log.
*/
import {quoteWord} from '../forms/shell-split.js';
import {masked, maskEnvEntry} from './secrets.js';

/**
Options whose value is a `KEY=VALUE` entry that may hold a secret.
*/
const envOptions = new Set(['-e', '--env', '--build-arg']);

/**
One `KEY=VALUE` word, masked when the key looks secret, then quoted.
*/
function maskedWord(word: string): string {
	const hidden = maskEnvEntry(word);
	if (hidden === word) {
		return quoteWord(word);
	}

	const name = word.slice(0, word.indexOf('='));
	return `${quoteWord(name)}=${masked}`;
}

/**
`['docker', 'run', '-e', 'TOKEN=x', 'app', 'sh', '-c', 'echo hi']` → `docker run -e TOKEN=•••• app sh -c 'echo hi'`.
*/
export function dockerLineText(words: readonly string[]): string {
	const out: string[] = [];
	for (const [index, word] of words.entries()) {
		const previous = index > 0 ? words[index - 1]! : '';
		if (envOptions.has(previous)) {
			out.push(maskedWord(word));
			continue;
		}

		const inline = /^(--env=|--build-arg=|-e)(.+=.*)$/.exec(word);
		if (inline && !envOptions.has(word)) {
			out.push(`${inline[1]!}${maskedWord(inline[2]!)}`);
			continue;
		}

		out.push(quoteWord(word));
	}

	return out.join(' ');
}
