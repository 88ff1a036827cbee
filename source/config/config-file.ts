/**
The config file: where it is, and what it says, checked. Parsed with `yaml` (a real YAML parser: it knows every
line's number, which every error message gives).

    $XDG_CONFIG_HOME/dockpit/config.yaml   (else ~/.config/dockpit/config.yaml; --config PATH instead)
*/
import fs from 'node:fs';
import path from 'node:path';
import {
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	type Node,
	parseDocument,
	type Scalar,
} from 'yaml';
import {addressProblem} from '../engine/connection.js';
import {keymap} from '../keymap/keymap.js';
import {parseEscapeKey} from '../keymap/escape-key.js';
import {
	type ColorRole,
	colorRoles,
	parseColor,
	type ThemeName,
	themeNames,
} from './colors.js';
import {parseKeySpec} from './key-spec.js';
import {
	applyKeyOverrides,
	escapeCommands,
	keyConflicts,
	type KeyOverride,
} from './keys.js';
import {didYouMean} from './suggest.js';

/**
What the file sets; absent: not set there (the flag or the default decides).
*/
export type FileConfig = {
	readonly host?: string;
	readonly context?: string;
	readonly shell?: readonly string[];
	readonly escapeKey?: string;
	readonly readOnly?: boolean;
	/**
	`read-only: [prod, staging]`: only these docker contexts are read-only.
	*/
	readonly readOnlyContexts?: readonly string[];
	readonly mouse?: boolean;
	readonly color?: boolean;
	readonly maskSecrets?: boolean;
	/**
	Containers starts with its CPU and MEM columns (`m` toggles them).
	*/
	readonly statsColumns?: boolean;
	readonly theme?: ThemeName;
	readonly colors: Readonly<Partial<Record<ColorRole, string>>>;
	readonly keys: readonly KeyOverride[];
};

export const emptyConfig: FileConfig = {colors: {}, keys: []};

export type ConfigProblem = {
	readonly file: string;
	readonly line: number;
	readonly message: string;
};

export class ConfigError extends Error {
	readonly problems: readonly ConfigProblem[];

	constructor(problems: readonly ConfigProblem[]) {
		super(
			problems
				.map(problem => `${problem.file}:${problem.line}: ${problem.message}`)
				.join('\n'),
		);
		this.name = 'ConfigError';
		this.problems = problems;
	}
}

/**
The file's keys, as written in it.
*/
export const topLevelKeys = [
	'host',
	'context',
	'shell',
	'escape-key',
	'read-only',
	'mouse',
	'color',
	'mask-secrets',
	'stats-columns',
	'theme',
	'colors',
	'keys',
] as const;

/**
Where the config file is looked for when `--config` is not given.
*/
export function defaultConfigPath(
	env: Readonly<Record<string, string | undefined>>,
	homeDir: string,
): string {
	const base =
		env['XDG_CONFIG_HOME'] && path.isAbsolute(env['XDG_CONFIG_HOME'])
			? env['XDG_CONFIG_HOME']
			: path.join(homeDir, '.config');
	return path.join(base, 'dockpit', 'config.yaml');
}

export type LoadedConfig = {
	/**
	The file read; undefined when there was none at the default place.
	*/
	readonly file: string | undefined;
	readonly config: FileConfig;
};

/**
Reads and checks the config file: `explicit` (`--config`), which must exist, or the default one, which may not.
Throws `ConfigError` with every problem found.
*/
export function loadConfig(options: {
	readonly explicit?: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly homeDir: string;
}): LoadedConfig {
	const file = options.explicit
		? path.resolve(options.explicit)
		: defaultConfigPath(options.env, options.homeDir);
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' && options.explicit === undefined) {
			return {file: undefined, config: emptyConfig};
		}

		throw new ConfigError([
			{
				file,
				line: 0,
				message:
					code === 'ENOENT'
						? 'no such file'
						: code === 'EISDIR'
							? 'is a folder, not a file'
							: code === 'EACCES'
								? 'not allowed to read it'
								: error instanceof Error
									? error.message
									: String(error),
			},
		]);
	}

	return {file, config: parseConfig(text, file)};
}

/**
Checks the text of a config file. Throws `ConfigError` with every problem found (file and line of each).
*/
export function parseConfig(text: string, file: string): FileConfig {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, {
		lineCounter,
		prettyErrors: false,
		uniqueKeys: true,
	});
	const problems: ConfigProblem[] = [];
	const lineOf = (node: unknown): number => {
		const range = (node as Node | undefined)?.range;
		return range ? lineCounter.linePos(range[0]).line : 1;
	};

	const problem = (node: unknown, message: string) => {
		problems.push({file, line: lineOf(node), message});
	};

	for (const error of document.errors) {
		problems.push({
			file,
			line: lineCounter.linePos(error.pos[0]).line,
			message: `not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
		});
	}

	if (problems.length > 0) {
		throw new ConfigError(problems);
	}

	const root = document.contents;
	if (root === null || (isScalar(root) && root.value === null)) {
		return emptyConfig;
	}

	if (!isMap(root)) {
		throw new ConfigError([
			{
				file,
				line: lineOf(root),
				message: `the file must be a mapping of settings (${topLevelKeys.join(', ')})`,
			},
		]);
	}

	const result: {
		host?: string;
		context?: string;
		shell?: readonly string[];
		escapeKey?: string;
		escapeKeyLine?: number;
		readOnly?: boolean;
		readOnlyContexts?: readonly string[];
		mouse?: boolean;
		color?: boolean;
		maskSecrets?: boolean;
		statsColumns?: boolean;
		theme?: ThemeName;
		colors: Partial<Record<ColorRole, string>>;
		keys: KeyOverride[];
	} = {colors: {}, keys: []};

	const string = (node: unknown, name: string): string | undefined => {
		if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) {
			return node.value.trim();
		}

		problem(node, `${name}: give a text value`);
		return undefined;
	};

	const boolean = (node: unknown, name: string): boolean | undefined => {
		if (isScalar(node) && typeof node.value === 'boolean') {
			return node.value;
		}

		problem(node, `${name}: give true or false`);
		return undefined;
	};

	for (const pair of root.items) {
		const keyNode = pair.key as Scalar | null;
		const name = isScalar(keyNode) ? String(keyNode.value) : '';
		const value = pair.value;
		// null is "not set here": the flag or the default decides (what --print-config writes for host and context).
		if (
			topLevelKeys.includes(name as (typeof topLevelKeys)[number]) &&
			(value === null || (isScalar(value) && value.value === null))
		) {
			continue;
		}

		switch (name) {
			case 'host': {
				const host = string(value, name);
				const wrong =
					host === undefined ? undefined : addressProblem(host, 'host');
				if (wrong !== undefined) {
					problem(value, wrong);
				} else if (host !== undefined) {
					result.host = host;
				}

				break;
			}

			case 'context': {
				const context = string(value, name);
				if (context !== undefined) {
					result.context = context;
				}

				break;
			}

			case 'shell': {
				const shells = isSeq(value)
					? value.items.map(item =>
							isScalar(item) && typeof item.value === 'string'
								? item.value.trim()
								: '',
						)
					: isScalar(value) && typeof value.value === 'string'
						? value.value.split(',').map(shell => shell.trim())
						: undefined;
				if (!shells || shells.includes('') || shells.length === 0) {
					problem(
						value ?? pair.key,
						'shell: give shell paths, as a list or comma-separated (e.g. /bin/bash,/bin/sh)',
					);
				} else {
					result.shell = shells;
				}

				break;
			}

			case 'escape-key': {
				const spec = string(value, name);
				if (spec !== undefined) {
					result.escapeKey = spec;
					result.escapeKeyLine = lineOf(value);
				}

				break;
			}

			case 'read-only': {
				if (isSeq(value)) {
					const names = value.items.map(item =>
						isScalar(item) && typeof item.value === 'string'
							? item.value.trim()
							: '',
					);
					if (names.includes('')) {
						problem(
							value,
							'read-only: give true, false, or a list of docker context names (e.g. [prod])',
						);
					} else {
						result.readOnlyContexts = names;
					}

					break;
				}

				const readOnly = boolean(value, name);
				if (readOnly !== undefined) {
					result.readOnly = readOnly;
				}

				break;
			}

			case 'mouse': {
				const mouse = boolean(value, name);
				if (mouse !== undefined) {
					result.mouse = mouse;
				}

				break;
			}

			case 'color': {
				const color = boolean(value, name);
				if (color !== undefined) {
					result.color = color;
				}

				break;
			}

			case 'mask-secrets': {
				const mask = boolean(value, name);
				if (mask !== undefined) {
					result.maskSecrets = mask;
				}

				break;
			}

			case 'stats-columns': {
				const columns = boolean(value, name);
				if (columns !== undefined) {
					result.statsColumns = columns;
				}

				break;
			}

			case 'theme': {
				const theme =
					isScalar(value) && typeof value.value === 'string'
						? themeNames.find(candidate => candidate === value.value)
						: undefined;
				if (theme) {
					result.theme = theme;
				} else {
					const written = isScalar(value) ? String(value.value) : '';
					problem(
						value ?? pair.key,
						`theme: ${JSON.stringify(written)} is not a theme; give ${themeNames.join(' or ')}${didYouMean(written, themeNames)}`,
					);
				}

				break;
			}

			case 'colors': {
				if (!isMap(value)) {
					problem(
						value ?? pair.key,
						`colors: give a colour for each role you change (${colorRoles.join(', ')})`,
					);
					break;
				}

				for (const entry of value.items) {
					const role = isScalar(entry.key) ? String(entry.key.value) : '';
					const known = colorRoles.find(candidate => candidate === role);
					if (!known) {
						problem(
							entry.key,
							`colors: no colour role ${JSON.stringify(role)}${didYouMean(role, colorRoles)}; the roles are ${colorRoles.join(', ')}`,
						);
						continue;
					}

					try {
						result.colors[known] = parseColor(
							isScalar(entry.value) ? entry.value.value : undefined,
						);
					} catch (error) {
						problem(
							entry.value ?? entry.key,
							`colors.${role}: ${(error as Error).message}`,
						);
					}
				}

				break;
			}

			case 'keys': {
				if (!isMap(value)) {
					problem(
						value ?? pair.key,
						'keys: give command ids with their keys (container.kill: ctrl-k), or null to unbind',
					);
					break;
				}

				readKeys(value.items, result.keys, problem, lineOf);
				break;
			}

			default: {
				problem(
					pair.key,
					`unknown setting ${JSON.stringify(name)}${didYouMean(name, topLevelKeys)}; the settings are ${topLevelKeys.join(', ')}`,
				);
			}
		}
	}

	// The escape key set as a binding of shell.leave or shell.focus is the escape key too.
	for (const entry of result.keys.filter(entry =>
		escapeCommands.has(entry.command),
	)) {
		const spec = entry.keys[0]!.replace(/^ctrl\+/, 'ctrl-');
		if (result.escapeKey !== undefined && result.escapeKey !== spec) {
			problems.push({
				file,
				line: entry.line,
				message: `${entry.command}: the escape key is set twice (escape-key: ${result.escapeKey}); one key does both`,
			});
		} else {
			result.escapeKey = spec;
			result.escapeKeyLine = entry.line;
		}
	}

	const overrides = result.keys.filter(
		entry => !escapeCommands.has(entry.command),
	);
	const table = applyKeyOverrides(keymap, overrides);
	if (result.escapeKey !== undefined) {
		try {
			parseEscapeKey(result.escapeKey, table);
		} catch (error) {
			problems.push({
				file,
				line: result.escapeKeyLine ?? 1,
				message: (error as Error).message.replace(
					/^--escape-key/,
					'escape-key',
				),
			});
		}
	}

	for (const conflict of keyConflicts(table, overrides)) {
		problems.push({
			file,
			line: conflict.line,
			message: `keys: ${conflict.message}`,
		});
	}

	if (problems.length > 0) {
		throw new ConfigError([...problems].sort((a, b) => a.line - b.line));
	}

	const {escapeKeyLine: _line, ...config} = result;
	return {...config, keys: overrides};
}

const commandIds = keymap.map(binding => binding.command);

function readKeys(
	items: ReadonlyArray<{key: unknown; value: unknown}>,
	into: KeyOverride[],
	problem: (node: unknown, message: string) => void,
	lineOf: (node: unknown) => number,
): void {
	for (const entry of items) {
		const command = isScalar(entry.key) ? String(entry.key.value) : '';
		if (!commandIds.includes(command as (typeof commandIds)[number])) {
			problem(
				entry.key,
				`keys: no command ${JSON.stringify(command)}${didYouMean(command, commandIds)} (the ids are in the help, ?, and in --print-config)`,
			);
			continue;
		}

		const value = entry.value;
		const specs: unknown[] =
			value === null || (isScalar(value) && value.value === null)
				? []
				: isSeq(value)
					? value.items.map(item => (isScalar(item) ? item.value : item))
					: [isScalar(value) ? value.value : value];
		const keys: string[] = [];
		let bad = false;
		for (const spec of specs) {
			if (typeof spec !== 'string' && typeof spec !== 'number') {
				problem(
					value,
					`keys.${command}: give a key (ctrl-k), a list of keys, or null to unbind`,
				);
				bad = true;
				break;
			}

			try {
				const name = parseKeySpec(String(spec));
				if (!keys.includes(name)) {
					keys.push(name);
				}
			} catch (error) {
				problem(value, `keys.${command}: ${(error as Error).message}`);
				bad = true;
			}
		}

		if (bad) {
			continue;
		}

		if (keys.length === 0 && command === 'app.force-quit') {
			problem(
				value ?? entry.key,
				'keys.app.force-quit: cannot be unbound: it is the way out from anywhere',
			);
			continue;
		}

		if (escapeCommands.has(command) && keys.length !== 1) {
			problem(
				value ?? entry.key,
				`keys.${command}: the shell pane needs its escape key (one Ctrl key, e.g. ctrl-]) to give the keys back; it cannot be unbound`,
			);
			continue;
		}

		into.push({command, keys, line: lineOf(entry.key)});
	}
}
