/**
The command line, checked before anything starts: an unknown flag, a flag without its value or an argument
dockpit does not take stops it with a message and exit code 2, and a typo gets the nearest flag as a
suggestion (`--readonly` → `--read-only`). meow itself ignores unknown flags and takes `-H` with no value as an
empty host, which would start dockpit with other settings than the person asked for (issue 8). Pure: argv and
the flag definitions in, an error or nothing out. `nearest()` is for other names checked the same way (the keys
of a config file).
*/

/**
A flag as meow declares it (`cli.tsx`): camelCase name, its type, an optional one-letter alias.
*/
export type FlagDefinition = {
	readonly type: 'string' | 'boolean' | 'number';
	readonly shortFlag?: string;
	readonly isMultiple?: boolean;
};

export type FlagDefinitions = Readonly<Record<string, FlagDefinition>>;

/**
meow answers these itself.
*/
const builtIn: FlagDefinitions = {
	help: {type: 'boolean'},
	version: {type: 'boolean'},
};

/**
What is wrong with the command line, in words, with the nearest flag when there is one.
*/
export class UsageError extends Error {
	override name = 'UsageError';
}

const kebab = (name: string) =>
	name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/**
Edit distance (insertions, deletions, substitutions; a swap of two neighbours counts one).
*/
export function distance(a: string, b: string): number {
	const rows = a.length + 1;
	const columns = b.length + 1;
	const d: number[][] = Array.from({length: rows}, (_, i) =>
		Array.from({length: columns}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < columns; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(
				d[i - 1]![j]! + 1,
				d[i]![j - 1]! + 1,
				d[i - 1]![j - 1]! + cost,
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, d[i - 2]![j - 2]! + 1);
			}

			d[i]![j] = best;
		}
	}

	return d[a.length]![b.length]!;
}

/**
The candidate closest to `name` (ignoring case, `-` and `_`), when it is close enough to be a typo: at most a
third of its length away, or one contains the other.
*/
export function nearest(
	name: string,
	candidates: readonly string[],
): string | undefined {
	const plain = (text: string) => text.toLowerCase().replaceAll(/[-_]/g, '');
	const wanted = plain(name);
	if (wanted === '') {
		return undefined;
	}

	let best: {name: string; score: number} | undefined;
	for (const candidate of candidates) {
		const other = plain(candidate);
		const score =
			other === wanted
				? 0
				: wanted.length >= 3 &&
					  (other.startsWith(wanted) || wanted.startsWith(other))
					? 1
					: distance(wanted, other);
		if (best === undefined || score < best.score) {
			best = {name: candidate, score};
		}
	}

	return best && best.score <= Math.max(1, Math.floor(wanted.length / 3))
		? best.name
		: undefined;
}

/**
Checks `argv` (without node and the script) against `flags`. Throws a `UsageError` for the first problem:
an unknown flag (`--readonly`, `-x`), a string flag without its value (`-H` last, or followed by another flag;
`--host=`), a value given to a boolean (`--read-only=yes`), a number that is not one, a flag given twice that
takes one value, or an argument dockpit does not take (it takes none).
*/
export function checkArguments(
	argv: readonly string[],
	flags: FlagDefinitions,
): void {
	const all: FlagDefinitions = {...builtIn, ...flags};
	const long = new Map<string, string>();
	const short = new Map<string, string>();
	for (const [name, definition] of Object.entries(all)) {
		long.set(kebab(name), name);
		if (definition.shortFlag) {
			short.set(definition.shortFlag, name);
		}
	}

	const spelled = (name: string) => {
		const definition = all[name]!;
		return `--${kebab(name)}${definition.shortFlag ? ` (-${definition.shortFlag})` : ''}`;
	};

	// `--no-mouse` is spelled that way too, so a typo of it gets it as the suggestion.
	const spellings = [
		...[...long.keys()],
		...[...long]
			.filter(([, name]) => all[name]!.type === 'boolean')
			.map(([spelling]) => `no-${spelling}`),
	];
	const unknown = (given: string, bare: string) => {
		const guess = nearest(bare, spellings);
		return new UsageError(
			`unknown flag ${given}${guess ? ` (did you mean --${guess}?)` : ''}`,
		);
	};

	const seen = new Set<string>();
	const once = (name: string) => {
		if (seen.has(name) && !all[name]!.isMultiple) {
			throw new UsageError(`${spelled(name)} is given more than once`);
		}

		seen.add(name);
	};

	const checkValue = (name: string, value: string | undefined) => {
		const definition = all[name]!;
		if (value === undefined || value === '') {
			throw new UsageError(
				`${spelled(name)} needs a value${value === '' ? ' (it was empty)' : ''}`,
			);
		}

		if (definition.type === 'number' && !/^-?\d+(?:\.\d+)?$/.test(value)) {
			throw new UsageError(
				`${spelled(name)} takes a number, not ${JSON.stringify(value)}`,
			);
		}
	};

	// A value may not look like a flag: `-H --read-only` is a missing host, not a host named "--read-only".
	const valueAt = (index: number) => {
		const next = argv[index];
		return next === undefined || (next.startsWith('-') && next !== '-')
			? undefined
			: next;
	};

	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') {
			const rest = argv.slice(index + 1);
			if (rest.length > 0) {
				throw new UsageError(
					`dockpit takes no arguments, only flags (got ${JSON.stringify(rest[0])})`,
				);
			}

			return;
		}

		if (argument.startsWith('--')) {
			const equals = argument.indexOf('=');
			const bare =
				equals === -1 ? argument.slice(2) : argument.slice(2, equals);
			const inline = equals === -1 ? undefined : argument.slice(equals + 1);
			let name = long.get(bare);
			let negated = false;
			if (name === undefined && bare.startsWith('no-')) {
				const positive = long.get(bare.slice(3));
				if (positive !== undefined && all[positive]!.type === 'boolean') {
					name = positive;
					negated = true;
				}
			}

			if (name === undefined) {
				throw unknown(
					equals === -1 ? argument : argument.slice(0, equals),
					bare,
				);
			}

			once(name);
			if (all[name]!.type === 'boolean') {
				if (
					inline !== undefined &&
					!(!negated && /^(?:true|false)$/.test(inline))
				) {
					throw new UsageError(
						`${negated ? `--no-${kebab(name)}` : spelled(name)} is a switch and takes no value (got ${JSON.stringify(inline)})`,
					);
				}

				continue;
			}

			if (inline === undefined) {
				checkValue(name, valueAt(index + 1));
				index++;
			} else {
				checkValue(name, inline);
			}

			continue;
		}

		if (argument.startsWith('-') && argument !== '-') {
			// Short flags: `-H value`, `-Hvalue`, `-H=value`.
			const letter = argument[1]!;
			const name = short.get(letter);
			if (name === undefined) {
				// `-readonly`: a long flag with one dash gets the long flag's suggestion.
				throw unknown(argument, argument.slice(1));
			}

			once(name);
			const attached = argument.slice(2).replace(/^=/, '');
			if (all[name]!.type === 'boolean') {
				if (attached !== '') {
					throw new UsageError(
						`${spelled(name)} is a switch and takes no value (got ${JSON.stringify(attached)})`,
					);
				}

				continue;
			}

			if (argument.length > 2) {
				checkValue(name, attached);
			} else {
				checkValue(name, valueAt(index + 1));
				index++;
			}

			continue;
		}

		throw new UsageError(
			`dockpit takes no arguments, only flags (got ${JSON.stringify(argument)}${argument.includes('://') ? `; for an engine address use --host ${argument}` : ''})`,
		);
	}
}

/**
The message and exit code for a usage error, as `cli.tsx` prints it.
*/
export function usageMessage(error: UsageError): string {
	return `dockpit: ${error.message}\nRun dockpit --help for the options.\n`;
}
