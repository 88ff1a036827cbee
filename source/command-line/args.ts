/**
Options and arguments the way the docker CLI takes them (its `pflag` rules): `-f`, `--force`, `-s HUP`, `-sHUP`,
`--signal HUP`, `--signal=HUP`, short flags together (`-it`, `-dp 8080:80`), `--pause=false` for a flag that is on
by default, and `--` to end the options. Options may come between the arguments, except for commands that pass
the rest of the line on (`run IMAGE sh -c …`): there the options end at the first argument.
*/
import {excerpt, fail, ok, type Result} from '../forms/result.js';

export type OptionSpec = {
	/**
	The one-letter form, without its dash (`f`).
	*/
	readonly short?: string;
	/**
	The long form, without its dashes (`force`); the option's name in `ParsedArgs`.
	*/
	readonly long: string;
	/**
	What its value is called (`SIGNAL`), for an option that takes one; absent for a flag.
	*/
	readonly value?: string;
	readonly description: string;
};

export type ParsedArgs = {
	/**
	Flags by long name: true when given (or `=true`), false for `--flag=false`; absent when not given.
	*/
	readonly flags: Readonly<Record<string, boolean>>;
	/**
	Values by long name, in the order given (an option given twice, such as `-p`, has two).
	*/
	readonly values: Readonly<Record<string, readonly string[]>>;
	readonly positional: readonly string[];
};

/**
The last value of an option, if it was given.
*/
export function lastValue(args: ParsedArgs, name: string): string | undefined {
	return args.values[name]?.at(-1);
}

function optionName(option: OptionSpec): string {
	return option.short
		? `-${option.short}/--${option.long}`
		: `--${option.long}`;
}

/**
The options of a command as its usage line lists them: `-f/--force, -s/--signal SIGNAL`.
*/
export function optionsList(options: readonly OptionSpec[]): string {
	return options
		.map(
			option => optionName(option) + (option.value ? ` ${option.value}` : ''),
		)
		.join(', ');
}

/**
Parses `words` (already split like a shell) against `options`; `command` names the command in messages.
*/
export function parseArgs(
	words: readonly string[],
	options: readonly OptionSpec[],
	{command, interspersed = true}: {command: string; interspersed?: boolean},
): Result<ParsedArgs> {
	const flags: Record<string, boolean> = {};
	const values: Record<string, string[]> = {};
	const positional: string[] = [];
	const unknown = (given: string) =>
		fail(
			options.length === 0
				? `:${command} takes no options (${excerpt(given)})`
				: `unknown option ${excerpt(given)} for :${command} (it takes ${optionsList(options)})`,
		);

	const give = (
		option: OptionSpec,
		value: string | undefined,
	): Result<undefined> => {
		if (option.value) {
			if (value === undefined) {
				return fail(`${optionName(option)} needs a value (${option.value})`);
			}

			values[option.long] = [...(values[option.long] ?? []), value];
			return ok(undefined);
		}

		if (value === undefined || value === 'true') {
			flags[option.long] = true;
			return ok(undefined);
		}

		if (value === 'false') {
			flags[option.long] = false;
			return ok(undefined);
		}

		return fail(
			`${optionName(option)} is a flag: it takes no value (or =true, =false), not ${excerpt(value)}`,
		);
	};

	let index = 0;
	let optionsEnded = false;
	while (index < words.length) {
		const word = words[index]!;
		index++;
		if (optionsEnded || word === '-' || !word.startsWith('-')) {
			positional.push(word);
			if (!interspersed) {
				optionsEnded = true;
			}

			continue;
		}

		if (word === '--') {
			optionsEnded = true;
			continue;
		}

		if (word.startsWith('--')) {
			const equals = word.indexOf('=');
			const name = equals === -1 ? word.slice(2) : word.slice(2, equals);
			const option = options.find(each => each.long === name);
			if (!option) {
				return unknown(equals === -1 ? word : word.slice(0, equals));
			}

			let value = equals === -1 ? undefined : word.slice(equals + 1);
			if (option.value && value === undefined) {
				value = words[index];
				index++;
			}

			const given = give(option, value);
			if (!given.ok) {
				return given;
			}

			continue;
		}

		// Short flags, possibly several together; one that takes a value takes the rest of the word or the next.
		for (let at = 1; at < word.length; at++) {
			const letter = word[at]!;
			const option = options.find(each => each.short === letter);
			if (!option) {
				return unknown(`-${letter}`);
			}

			if (option.value) {
				let value: string | undefined = word.slice(at + 1);
				if (value.startsWith('=')) {
					value = value.slice(1);
				}

				if (value === '') {
					value = words[index];
					index++;
				}

				const given = give(option, value);
				if (!given.ok) {
					return given;
				}

				break;
			}

			const given = give(option, undefined);
			if (!given.ok) {
				return given;
			}
		}
	}

	return ok({flags, values, positional});
}
