/**
Enter on the command line: the line is split like a shell, its command looked up in the table, its options and
arguments checked against what the engine has; anything wrong is said next to the prompt, which keeps the line,
and nothing is sent. Otherwise the prompt closes, the line goes into the history, and the command runs.
*/
import type {CommandContext} from '../commands/context.js';
import {excerpt} from '../forms/result.js';
import {splitCommand} from '../forms/shell-split.js';
import {parseArgs} from './args.js';
import {rank} from './complete.js';
import {appendHistory} from './history.js';
import {commandTable, findCommand} from './table.js';
import type {LineCommand} from './types.js';

/**
Keeps `line` in the history (in memory and in the file).
*/
function remember(context: CommandContext, line: string): void {
	const {store, historyFile} = context;
	store.dispatch({type: 'cmdline/history-add', line});
	if (historyFile) {
		appendHistory(historyFile, line).catch((error: unknown) => {
			store.dispatch({
				type: 'ui/flash',
				text: `Could not keep the command history in ${historyFile}: ${error instanceof Error ? error.message : String(error)}`,
				level: 'muted',
			});
		});
	}
}

/**
How many letters to change, add, drop or swap to make `a` into `b` (a typo's distance).
*/
function distance(a: string, b: string): number {
	const rows = Array.from({length: a.length + 1}, (_, i) =>
		Array.from({length: b.length + 1}, (_, j) =>
			i === 0 ? j : j === 0 ? i : 0,
		),
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(
				rows[i - 1]![j]! + 1,
				rows[i]![j - 1]! + 1,
				rows[i - 1]![j - 1]! + cost,
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			}

			rows[i]![j] = best;
		}
	}

	return rows[a.length]![b.length]!;
}

/**
What to say about a name that is no command: the nearest ones.
*/
export function unknownCommand(
	name: string,
	table: readonly LineCommand[] = commandTable,
): string {
	const byDistance = table
		.map(command => ({
			name: command.name,
			distance: distance(command.name, name),
		}))
		.filter(each => each.distance <= 2)
		.sort((a, b) => a.distance - b.distance)
		.map(each => each.name);
	const byLetters = rank(
		table.map(command => ({text: command.name, description: ''})),
		name,
	).map(candidate => candidate.text);
	const near = [...new Set([...byDistance, ...byLetters])]
		.slice(0, 3)
		.map(each => `:${each}`);
	return `unknown command: ${excerpt(name)}${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}; Tab lists them`;
}

/**
Runs the line `text` (without its `:`), or says why not next to the prompt.
*/
export async function submitLine(
	context: CommandContext,
	text: string,
	table: readonly LineCommand[] = commandTable,
): Promise<void> {
	const {store} = context;
	const error = (message: string) => {
		store.dispatch({type: 'cmdline/error', error: message});
	};

	const line = text.trim().replace(/^:+/, '');
	if (line === '') {
		store.dispatch({type: 'cmdline/close'});
		return;
	}

	const words = splitCommand(line);
	if (!words.ok) {
		error(words.error);
		return;
	}

	const [name = '', ...rest] = words.value;
	const command = findCommand(name, table);
	if (!command) {
		error(unknownCommand(name, table));
		return;
	}

	if (
		command.mutating &&
		(context.readOnly || store.getState().readOnly === true)
	) {
		error(`read-only: :${command.name} would change the engine`);
		return;
	}

	const args = parseArgs(rest, command.options ?? [], {
		command: command.name,
		...(command.interspersed === undefined
			? {}
			: {interspersed: command.interspersed}),
	});
	if (!args.ok) {
		error(args.error);
		return;
	}

	const prepared = command.prepare(args.value, store.getState());
	if (!prepared.ok) {
		error(prepared.error);
		return;
	}

	store.dispatch({type: 'cmdline/close'});
	remember(context, line);
	await prepared.value(context);
}
