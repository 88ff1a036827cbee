/**
THE command table of the `:` command line: every command, its arguments, its one-line description and what it
does, in one list. The prompt's completion, its hints, the help overlay and the readme come from it. A command is
one `LineCommand` entry (`types.ts`): add it to a group here (or to a new file of them).
*/
import {cleanupCommands} from './cleanup-commands.js';
import {containerCommands} from './container-commands.js';
import {dockpitCommands} from './dockpit-commands.js';
import {imageCommands} from './image-commands.js';
import {inspectorCommands} from './inspector-commands.js';
import type {LineCommand} from './types.js';

export const commandTable: readonly LineCommand[] = [
	...dockpitCommands,
	...containerCommands,
	...imageCommands,
	...inspectorCommands,
	...cleanupCommands,
].sort((a, b) => a.name.localeCompare(b.name));

/**
The command typed as `name` (or one of its aliases).
*/
export function findCommand(
	name: string,
	table: readonly LineCommand[] = commandTable,
): LineCommand | undefined {
	return table.find(
		command => command.name === name || command.aliases?.includes(name),
	);
}
