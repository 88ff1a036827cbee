import type {Binding} from '../keymap/keymap.js';
import {commandTable} from './table.js';
import type {LineCommand} from './types.js';

/**
The command table as rows of the help overlay (and the readme), next to the keys: `:stop` and what it does.
*/
export function commandBindings(
	table: readonly LineCommand[] = commandTable,
): Binding[] {
	return table.map(command => ({
		command: `line.${command.name}`,
		keys: [`:${command.name}`],
		scope: 'command',
		group: command.docker ? 'Docker commands (:)' : 'dockpit commands (:)',
		description: command.description,
		...(command.mutating ? {mutating: true} : {}),
	}));
}
