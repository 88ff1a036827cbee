/**
The keymap of this run: the table in `keymap/keymap.ts` with the config file's `keys:` applied. A value, built
once at startup; the table itself is never changed.
*/
import {type Binding, keymap, type Scope} from '../keymap/keymap.js';
import {keyLabel} from '../keymap/labels.js';

/**
One entry of `keys:`: the command's new keys (none: unbound), and the line it was written on.
*/
export type KeyOverride = {
	readonly command: string;
	readonly keys: readonly string[];
	readonly line: number;
};

/**
The commands of the escape key, between the shell pane and the lists: set with `escape-key:`, one key for both.
*/
export const escapeCommands: ReadonlySet<string> = new Set([
	'shell.focus',
	'shell.leave',
]);

/**
`table` with each override's keys in place of the command's; an unbound command leaves the table (so the help,
the footer and the keys it had all forget it).
*/
export function applyKeyOverrides(
	table: readonly Binding[],
	overrides: readonly KeyOverride[],
): Binding[] {
	const byCommand = new Map(overrides.map(entry => [entry.command, entry]));
	const result: Binding[] = [];
	for (const binding of table) {
		const override = byCommand.get(binding.command);
		if (!override) {
			result.push(binding);
		} else if (override.keys.length > 0) {
			result.push({...binding, keys: override.keys});
		}
	}

	return result;
}

const dashboardScopes: readonly Scope[] = [
	'list',
	'shell-pane',
	'shell-live',
	'global',
	'always',
];

/**
The sets of scopes that are live together (`keymap/scopes.ts`): a pane with the list, shell and global keys; an
overlay or prompt with `always`; the focused shell alone.
*/
export function liveScopeSets(): Scope[][] {
	const scopes = [...new Set(keymap.map(binding => binding.scope))];
	const panes: Scope[] = ['containers', 'images', 'events'];
	const sets: Scope[][] = panes.map(pane => [pane, ...dashboardScopes]);
	for (const scope of scopes) {
		if (
			!panes.includes(scope) &&
			!dashboardScopes.includes(scope) &&
			scope !== 'shell'
		) {
			sets.push([scope, 'always']);
		}
	}

	sets.push(['shell']);
	return sets;
}

export type KeyConflict = {
	readonly key: string;
	readonly commands: readonly [string, string];
	/**
	The line of the override that made it (of the first, when both are overrides).
	*/
	readonly line: number;
	readonly message: string;
};

/**
Keys that would mean two commands at once after the overrides. Only clashes an override took part in count:
the default table is checked by its own tests.
*/
export function keyConflicts(
	table: readonly Binding[],
	overrides: readonly KeyOverride[],
): KeyConflict[] {
	const lines = new Map(overrides.map(entry => [entry.command, entry.line]));
	const conflicts: KeyConflict[] = [];
	const seen = new Set<string>();
	for (const scopes of liveScopeSets()) {
		const owner = new Map<string, Binding>();
		for (const binding of table) {
			if (!scopes.includes(binding.scope)) {
				continue;
			}

			for (const key of binding.keys) {
				const first = owner.get(key);
				if (!first) {
					owner.set(key, binding);
					continue;
				}

				if (first.command === binding.command) {
					continue;
				}

				const line =
					lines.get(binding.command) ?? lines.get(first.command) ?? 0;
				const id = [key, first.command, binding.command].join(' ');
				if (
					(lines.has(binding.command) || lines.has(first.command)) &&
					!seen.has(id)
				) {
					seen.add(id);
					const shell = [first, binding].find(candidate =>
						escapeCommands.has(candidate.command),
					);
					const other = shell === first ? binding : first;
					conflicts.push({
						key,
						commands: [first.command, binding.command],
						line,
						message: shell
							? `${keyLabel(key)} is the shell pane's escape key (escape-key): it cannot also be ${other.command}`
							: `${keyLabel(key)} would mean both ${first.command} and ${binding.command} (${first.scope === binding.scope ? `both in ${first.scope}` : `${first.scope} and ${binding.scope} are live together`})`,
					});
				}
			}
		}
	}

	return conflicts;
}
