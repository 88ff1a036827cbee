import {type Result, ok, fail} from './result.js';

/**
Splits a command line into words the way a POSIX shell does, without running anything:

- spaces, tabs and newlines separate words;
- `'…'` is taken literally (no escapes inside);
- `"…"` is taken literally except for `\"`, `\\`, `\$` and `` \` `` (and backslash-newline, which is dropped);
  any other backslash stays as it is;
- outside quotes a backslash makes the next character literal, and backslash-newline is dropped;
- quoted and unquoted parts next to each other form one word (`a"b c"d` is `ab cd`);
- `''` and `""` on their own give an empty word.

There is no variable expansion, globbing, `~`, comments or operators: `$HOME`, `*`, `#`, `|` and `;` are ordinary
characters. Fails on an unclosed quote or a trailing backslash.
*/
export function splitCommand(text: string): Result<string[]> {
	const words: string[] = [];
	let word = '';
	// A word has started, even when it is still empty (`''`).
	let inWord = false;
	let index = 0;

	while (index < text.length) {
		const character = text[index]!;

		if (character === ' ' || character === '\t' || character === '\n') {
			if (inWord) {
				words.push(word);
				word = '';
				inWord = false;
			}

			index++;
			continue;
		}

		if (character === '\\') {
			if (index + 1 >= text.length) {
				return fail('ends with a lone \\ (write \\\\ for a backslash)');
			}

			const next = text[index + 1]!;
			if (next !== '\n') {
				word += next;
				inWord = true;
			}

			index += 2;
			continue;
		}

		if (character === "'") {
			const end = text.indexOf("'", index + 1);
			if (end === -1) {
				return fail("missing closing ' quote");
			}

			word += text.slice(index + 1, end);
			inWord = true;
			index = end + 1;
			continue;
		}

		if (character === '"') {
			index++;
			let closed = false;
			while (index < text.length) {
				const inner = text[index]!;
				if (inner === '"') {
					closed = true;
					index++;
					break;
				}

				if (inner === '\\' && index + 1 < text.length) {
					const next = text[index + 1]!;
					if (next === '"' || next === '\\' || next === '$' || next === '`') {
						word += next;
						index += 2;
						continue;
					}

					if (next === '\n') {
						index += 2;
						continue;
					}
				}

				word += inner;
				index++;
			}

			if (!closed) {
				return fail('missing closing " quote');
			}

			inWord = true;
			continue;
		}

		word += character;
		inWord = true;
		index++;
	}

	if (inWord) {
		words.push(word);
	}

	return ok(words);
}

const safeWord = /^[\w@%+=:,./-]+$/;

/**
Quotes one word so that `splitCommand` gives it back unchanged: as it is when it only has safe characters, otherwise
in single quotes (a `'` inside becomes `'\''`). An empty word becomes `''`.
*/
export function quoteWord(word: string): string {
	if (word === '') {
		return "''";
	}

	if (safeWord.test(word)) {
		return word;
	}

	return "'" + word.replaceAll("'", "'\\''") + "'";
}

/**
The inverse of `splitCommand`: words quoted where needed and joined by spaces, to fill a form field from an argv.
*/
export function joinCommand(words: readonly string[]): string {
	return words.map(word => quoteWord(word)).join(' ');
}
