/**
What `cli.tsx` does with the config file before anything is drawn: read it, merge it with the flags, print it for
`--print-config`, or stop with every problem (file:line: reason) and exit 2.
*/
import os from 'node:os';
import process from 'node:process';
import {ConfigError, defaultConfigPath, loadConfig} from './config-file.js';
import {printConfig} from './print-config.js';
import {type Flags, resolveSettings, type Settings} from './settings.js';

export function startupSettings(
	flags: Flags & {readonly config?: string; readonly printConfig?: boolean},
): Settings {
	const env = process.env;
	const homeDir = env['HOME'] ?? os.homedir();
	let settings: Settings;
	try {
		const loaded = loadConfig({
			...(flags.config === undefined ? {} : {explicit: flags.config}),
			env,
			homeDir,
		});
		settings = resolveSettings(loaded, flags, env);
	} catch (error) {
		if (error instanceof ConfigError) {
			process.stderr.write(
				`dockpit: the config file has ${error.problems.length === 1 ? 'a problem' : `${error.problems.length} problems`}:\n${error.problems
					.map(
						problem =>
							`  ${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`,
					)
					.join('\n')}\n`,
			);
		} else {
			process.stderr.write(
				`dockpit: ${error instanceof Error ? error.message : String(error)}\n`,
			);
		}

		process.exit(2);
	}

	if (flags.printConfig) {
		process.stdout.write(
			printConfig(settings, defaultConfigPath(env, homeDir)),
		);
		process.exit(0);
	}

	return settings;
}
