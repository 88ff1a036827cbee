/**
The settings of one run: each from its flag when given, else from the config file, else its default. Plain values,
made once at startup; nothing here changes afterwards.
*/
import {
	type EscapeKey,
	parseEscapeKey,
	withEscapeKey,
} from '../keymap/escape-key.js';
import {addressProblem} from '../engine/connection.js';
import {type Binding, keymap} from '../keymap/keymap.js';
import type {ThemeName} from './colors.js';
import type {FileConfig, LoadedConfig} from './config-file.js';
import {applyKeyOverrides} from './keys.js';

/**
The flags as given on the command line; absent: not given.
*/
export type Flags = {
	/** `--host`, given once or more. */
	readonly host?: string | readonly string[];
	readonly context?: string;
	readonly readOnly?: boolean;
	readonly shell?: string;
	readonly escapeKey?: string;
	readonly mouse?: boolean;
	readonly color?: boolean;
};

export const defaults = {
	shell: ['/bin/bash', '/bin/sh'],
	escapeKey: 'ctrl-]',
	readOnly: false,
	mouse: true,
	color: true,
	maskSecrets: true,
	statsColumns: false,
	theme: 'dark',
} as const satisfies {
	maskSecrets: boolean;
	statsColumns: boolean;
	shell: readonly string[];
	escapeKey: string;
	readOnly: boolean;
	mouse: boolean;
	color: boolean;
	theme: ThemeName;
};

export type Settings = {
	/**
	The config file read, if there was one.
	*/
	readonly file: string | undefined;
	readonly config: FileConfig;
	/**
	Given by the flag (once or more) or the file; absent: `$DOCKER_HOST`, then the docker context, then the local
	socket.
	*/
	readonly host?: string | readonly string[];
	readonly context?: string;
	readonly shells: readonly string[];
	readonly escapeKey: EscapeKey;
	readonly readOnly: boolean;
	/**
	Docker contexts that are read-only (`read-only: [prod]` in the file).
	*/
	readonly readOnlyContexts: readonly string[];
	readonly mouse: boolean;
	/**
	False with `--no-color`, `color: false`, or `NO_COLOR` in the environment (no-color.org).
	*/
	readonly color: boolean;
	/**
	Values that look secret stay masked until revealed (`v` in details).
	*/
	readonly maskSecrets: boolean;
	/**
	Containers starts with its CPU and MEM columns (`m` toggles them).
	*/
	readonly statsColumns: boolean;
	readonly theme: ThemeName;
	/**
	The keymap of this run: the table with the file's `keys:` and the escape key applied.
	*/
	readonly keymap: readonly Binding[];
};

/**
The settings from the flags, the file and the environment. Throws an `Error` naming the flag for a bad flag value.
*/
export function resolveSettings(
	loaded: LoadedConfig,
	flags: Flags,
	env: Readonly<Record<string, string | undefined>>,
): Settings {
	const {config} = loaded;
	let shells = config.shell ?? defaults.shell;
	if (flags.shell !== undefined) {
		shells = flags.shell
			.split(',')
			.map(shell => shell.trim())
			.filter(shell => shell !== '');
		if (shells.length === 0) {
			throw new Error('--shell needs at least one shell path (e.g. /bin/sh)');
		}
	}

	const table = applyKeyOverrides(keymap, config.keys);
	// The file's escape key was checked with the file; a flag's is checked here, against this run's keys.
	const escapeKey = parseEscapeKey(
		flags.escapeKey ?? config.escapeKey ?? defaults.escapeKey,
		table,
	);

	// A host given on the command line is checked as a flag's value is (exit 2), before anything is drawn.
	for (const each of typeof flags.host === 'string'
		? [flags.host]
		: (flags.host ?? [])) {
		const wrong = addressProblem(each, 'flag');
		if (wrong !== undefined) {
			throw new Error(wrong);
		}
	}

	// The environment's DOCKER_HOST and DOCKER_CONTEXT win over the file, as they do over docker's own config.
	const flagHost =
		flags.host === undefined || flags.host.length === 0
			? undefined
			: flags.host;
	const host = flagHost ?? (env['DOCKER_HOST'] ? undefined : config.host);
	const context =
		flags.context ?? (env['DOCKER_CONTEXT'] ? undefined : config.context);
	return {
		file: loaded.file,
		config,
		...(host === undefined ? {} : {host}),
		...(context === undefined ? {} : {context}),
		shells,
		escapeKey,
		readOnly: flags.readOnly ?? config.readOnly ?? defaults.readOnly,
		readOnlyContexts: config.readOnlyContexts ?? [],
		mouse: flags.mouse ?? config.mouse ?? defaults.mouse,
		// A flag or the file overrides NO_COLOR (no-color.org); NO_COLOR counts when not empty.
		color:
			flags.color ?? config.color ?? (env['NO_COLOR'] ? false : defaults.color),
		maskSecrets: config.maskSecrets ?? defaults.maskSecrets,
		statsColumns: config.statsColumns ?? defaults.statsColumns,
		theme: config.theme ?? defaults.theme,
		keymap: withEscapeKey(table, escapeKey),
	};
}
