/**
Completion on the command line: the candidates for the word at the cursor (command names, option names, names of
containers and images from the live lists), fuzzy-matched and ranked, with the command's usage as the hint. Pure.
*/
import type {AppState} from '../state/types.js';
import {optionsList} from './args.js';
import {commandTable, findCommand} from './table.js';
import type {ArgumentKind, LineCommand} from './types.js';

export type Candidate = {
	readonly text: string;
	/**
	One line: what the command does, what the option is, the container's state.
	*/
	readonly description: string;
};

export type Completion = {
	/**
	The command the line starts with, when it is one.
	*/
	readonly command?: LineCommand;
	/**
	Where the word being completed starts, and the word (up to the cursor).
	*/
	readonly from: number;
	readonly word: string;
	readonly candidates: readonly Candidate[];
	/**
	`stop [OPTIONS] CONTAINER...`: what the command takes.
	*/
	readonly hint?: string;
};

/**
How well `text` matches what was typed: lower is better; undefined when it does not. A prefix beats a substring,
which beats the letters in order with gaps (`rst` → `restart`).
*/
export function fuzzyScore(text: string, typed: string): number | undefined {
	if (typed === '') {
		return 0;
	}

	const haystack = text.toLowerCase();
	const needle = typed.toLowerCase();
	if (haystack.startsWith(needle)) {
		return 0;
	}

	const at = haystack.indexOf(needle);
	if (at !== -1) {
		return 1 + at / 100;
	}

	let gaps = 0;
	let index = 0;
	for (const letter of needle) {
		const found = haystack.indexOf(letter, index);
		if (found === -1) {
			return undefined;
		}

		gaps += found - index;
		index = found + 1;
	}

	return 2 + gaps / 100;
}

/**
The candidates that match `typed`, best first (then in their own order).
*/
export function rank(
	candidates: readonly Candidate[],
	typed: string,
): Candidate[] {
	return candidates
		.map((candidate, order) => ({
			candidate,
			order,
			score: fuzzyScore(candidate.text, typed),
		}))
		.filter(
			(entry): entry is {candidate: Candidate; order: number; score: number} =>
				entry.score !== undefined,
		)
		.sort((a, b) => a.score - b.score || a.order - b.order)
		.map(entry => entry.candidate);
}

/**
The words before the cursor, with where each starts; the last is the one being typed (empty after a space).
*/
function wordsBefore(
	text: string,
): Array<{readonly word: string; readonly from: number}> {
	const words: Array<{word: string; from: number}> = [];
	const pattern = /\S+/g;
	for (const match of text.matchAll(pattern)) {
		words.push({word: match[0], from: match.index});
	}

	if (words.length === 0 || /\s$/.test(text)) {
		words.push({word: '', from: text.length});
	}

	return words;
}

/**
Which argument (0-based, options and their values left out) the word at `position` is, or undefined when it is the
value of an option.
*/
function argumentIndex(
	command: LineCommand,
	words: readonly string[],
): number | undefined {
	let index = 0;
	let takesValue = false;
	let optionsEnded = false;
	for (const word of words) {
		if (takesValue) {
			takesValue = false;
			continue;
		}

		if (optionsEnded || !word.startsWith('-') || word === '-') {
			index++;
			if (command.interspersed === false) {
				optionsEnded = true;
			}

			continue;
		}

		if (word === '--') {
			optionsEnded = true;
			continue;
		}

		const options = command.options ?? [];
		const option = word.startsWith('--')
			? options.find(each => each.long === word.slice(2))
			: options.find(each => each.short === word.at(-1));
		takesValue = option?.value !== undefined && !word.includes('=');
	}

	return takesValue ? undefined : index;
}

function namesOf(state: AppState, kind: ArgumentKind): Candidate[] {
	switch (kind) {
		case 'container': {
			return [...state.containers.values()]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map(container => ({
					text: container.name,
					description: `${container.state} · ${container.image}`,
				}));
		}

		case 'image': {
			return [...state.images.values()]
				.sort((a, b) => b.created - a.created)
				.flatMap(image =>
					image.repoTags.length > 0
						? image.repoTags.map(tag => ({
								text: tag,
								description: `image ${image.id.replace(/^sha256:/, '').slice(0, 12)}`,
							}))
						: [],
				);
		}

		case 'command': {
			return commandTable.map(command => ({
				text: command.name,
				description: command.description,
			}));
		}

		case 'none': {
			return [];
		}
	}
}

/**
The usage line of a command: `stop [OPTIONS] CONTAINER...`.
*/
export function usageOf(command: LineCommand): string {
	return `${command.name}${command.usage ? ` ${command.usage}` : ''}`;
}

/**
What completes the word before `cursor` in `value` (the line without its `:`).
*/
export function completionsFor(
	state: AppState,
	value: string,
	cursor: number = value.length,
	table: readonly LineCommand[] = commandTable,
): Completion {
	const words = wordsBefore(value.slice(0, cursor));
	const current = words.at(-1)!;
	if (words.length === 1) {
		return {
			from: current.from,
			word: current.word,
			candidates: rank(
				table.map(command => ({
					text: command.name,
					description: command.description,
				})),
				current.word,
			),
		};
	}

	const command = findCommand(words[0]!.word, table);
	if (!command) {
		return {from: current.from, word: current.word, candidates: []};
	}

	const hint = usageOf(command);
	const base = {command, from: current.from, word: current.word, hint};
	if (current.word.startsWith('-')) {
		const options = (command.options ?? []).map(option => ({
			text: `--${option.long}`,
			description: `${option.short ? `-${option.short} ` : ''}${option.value ? `${option.value}: ` : ''}${option.description}`,
		}));
		return {
			...base,
			candidates: current.word.startsWith('--')
				? rank(options, current.word)
				: rank(options, current.word.replace(/^-/, '--')),
			hint:
				options.length > 0
					? `${hint}  (${optionsList(command.options ?? [])})`
					: hint,
		};
	}

	const index = argumentIndex(
		command,
		words.slice(1, -1).map(each => each.word),
	);
	const kinds = command.complete ?? [];
	const kind =
		index === undefined
			? 'none'
			: (kinds[Math.min(index, kinds.length - 1)] ?? 'none');
	return {...base, candidates: rank(namesOf(state, kind), current.word)};
}
