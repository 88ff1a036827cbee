/**
The cleanup commands of the `:` line: `:volumes`, `:networks`, `:info`, `:version`, `:df`, `:prune`. Each hands
its words to the handler in `commands/cleanup-line.ts`, which checks them before anything runs.
*/
import {cleanupLineCommands} from '../commands/cleanup-line.js';
import type {ParsedArgs} from './args.js';
import type {LineCommand} from './types.js';

type Name = keyof typeof cleanupLineCommands;

function entry(
	name: Name,
	docker: boolean,
	words: (args: ParsedArgs) => string[],
	options: LineCommand['options'] = [],
): LineCommand {
	const handler = cleanupLineCommands[name];
	return {
		name,
		usage: handler.usage,
		description: handler.description,
		docker,
		options,
		prepare: args => handler.prepare(words(args), Date.now()),
	};
}

export const cleanupCommands: readonly LineCommand[] = [
	entry('volumes', false, args => [...args.positional]),
	entry('networks', false, args => [...args.positional]),
	entry('info', true, args => [...args.positional]),
	entry('version', true, args => [...args.positional]),
	entry(
		'df',
		false,
		args => [...(args.flags['verbose'] ? ['-v'] : []), ...args.positional],
		[{short: 'v', long: 'verbose', description: 'The detail of one kind'}],
	),
	entry(
		'prune',
		false,
		args => [
			...(args.flags['all'] ? ['-a'] : []),
			...(args.flags['volumes'] ? ['--volumes'] : []),
			...(args.values['filter'] ?? []).flatMap(value => ['--filter', value]),
			...args.positional,
		],
		[
			{
				short: 'a',
				long: 'all',
				description: 'All unused images, not only dangling ones',
			},
			{long: 'volumes', description: 'Named volumes too (data loss)'},
			{
				short: 'f',
				long: 'filter',
				value: 'FILTER',
				description: 'until=24h, label=k=v, label!=k',
			},
		],
	),
];
