/**
The docker CLI's contexts, read the way the CLI reads them, for the context list inside dockpit (`0`, `:ctx`).

A context lives in `$DOCKER_CONFIG/contexts/meta/<sha256(name)>/meta.json` (name, description, the docker
endpoint); the one in use by the CLI is `currentContext` in `$DOCKER_CONFIG/config.json` (or `DOCKER_CONTEXT`).
Nothing here changes a file except `useContext`, which does what `docker context use NAME` does.
*/
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {
	contextDirName,
	defaultHost,
	type Endpoint,
	resolveEndpoint,
} from './connection.js';
import {oneLine} from './errors.js';
import {EngineError} from './types.js';

/**
One line of the context list.
*/
export type ContextEntry = {
	/**
	The context's name; `DOCKER_HOST` for the environment's engine.
	*/
	readonly name: string;
	/**
	What the context points at (`unix:///var/run/docker.sock`, `ssh://me@box`), as the CLI shows it.
	*/
	readonly endpoint: string;
	readonly description: string;
	/**
	The CLI's current context (`docker context ls` marks it with `*`).
	*/
	readonly current: boolean;
	/**
	`env`: the engine of `DOCKER_HOST`, which is no context.
	*/
	readonly kind: 'context' | 'default' | 'env';
	/**
	Why the context cannot be used (unreadable metadata), shown instead of connecting.
	*/
	readonly problem?: string;
};

export type ContextOptions = {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly homeDir: string;
};

export function configDir(options: ContextOptions): string {
	const configured = options.env['DOCKER_CONFIG']?.trim();
	return configured ? configured : path.join(options.homeDir, '.docker');
}

function record(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null
		? (value as Record<string, unknown>)
		: {};
}

function text(value: unknown): string {
	return typeof value === 'string' ? oneLine(value) : '';
}

function readConfig(file: string): Record<string, unknown> {
	if (!fs.existsSync(file)) {
		return {};
	}

	try {
		return record(JSON.parse(fs.readFileSync(file, 'utf8')));
	} catch (error) {
		throw new EngineError(
			'bad-request',
			`the Docker config file ${file} cannot be read: ${error instanceof Error ? oneLine(error.message) : String(error)}`,
		);
	}
}

/**
The CLI's current context: `DOCKER_CONTEXT`, else `currentContext` of config.json, else `default`.
*/
export function currentContextName(options: ContextOptions): string {
	const fromEnv = options.env['DOCKER_CONTEXT']?.trim();
	if (fromEnv) {
		return fromEnv;
	}

	try {
		const name = readConfig(path.join(configDir(options), 'config.json'))[
			'currentContext'
		];
		return typeof name === 'string' && name.trim() !== '' ? name : 'default';
	} catch {
		return 'default';
	}
}

/**
Every context of the CLI's store, sorted by name after `default`, plus `DOCKER_HOST` (first) when it is set.
Unreadable metadata makes an entry with a `problem`, not an error.
*/
export function listContexts(options: ContextOptions): ContextEntry[] {
	const current = currentContextName(options);
	const metaRoot = path.join(configDir(options), 'contexts', 'meta');
	const found: ContextEntry[] = [];
	let folders: string[] = [];
	try {
		folders = fs.readdirSync(metaRoot);
	} catch {}

	for (const folder of folders) {
		const file = path.join(metaRoot, folder, 'meta.json');
		let meta: Record<string, unknown>;
		try {
			meta = record(JSON.parse(fs.readFileSync(file, 'utf8')));
		} catch (error) {
			found.push({
				name: folder.slice(0, 12),
				endpoint: '',
				description: '',
				current: false,
				kind: 'context',
				problem: `${file} cannot be read: ${error instanceof Error ? oneLine(error.message) : String(error)}`,
			});
			continue;
		}

		const name = typeof meta['Name'] === 'string' ? meta['Name'] : '';
		if (name === '' || contextDirName(name) !== folder) {
			continue;
		}

		const docker = record(record(meta['Endpoints'])['docker']);
		found.push({
			name: oneLine(name),
			endpoint: text(docker['Host']),
			description: text(record(meta['Metadata'])['Description']),
			current: current === name,
			kind: 'context',
			...(text(docker['Host']) === ''
				? {problem: `context "${oneLine(name)}" has no Docker endpoint`}
				: {}),
		});
	}

	found.sort((a, b) => a.name.localeCompare(b.name));
	const dockerHost = options.env['DOCKER_HOST']?.trim();
	return [
		...(dockerHost
			? [
					{
						name: 'DOCKER_HOST',
						endpoint: oneLine(dockerHost),
						description: 'the engine of the DOCKER_HOST variable',
						current: false,
						kind: 'env' as const,
					},
				]
			: []),
		{
			name: 'default',
			endpoint: defaultHost,
			description: 'the local engine',
			current: current === 'default',
			kind: 'default',
		},
		...found,
	];
}

/**
The engine address of a context list entry. Throws `EngineError` (bad-request) in words when it cannot be used.
*/
export function contextEndpoint(
	entry: ContextEntry,
	options: ContextOptions,
): Endpoint {
	if (entry.problem) {
		throw new EngineError('bad-request', entry.problem);
	}

	const {DOCKER_HOST: _host, DOCKER_CONTEXT: _context, ...rest} = options.env;
	if (entry.kind === 'env') {
		return resolveEndpoint({env: options.env, homeDir: options.homeDir});
	}

	return resolveEndpoint({
		context: entry.name,
		env: rest,
		homeDir: options.homeDir,
	});
}

/**
`docker context use NAME`: writes `currentContext` into config.json (keeping everything else in it); `default`
removes it. Throws `EngineError` for a context that does not exist or a file that cannot be written.
*/
export function useContext(name: string, options: ContextOptions): void {
	const known = listContexts(options).filter(entry => entry.kind !== 'env');
	if (!known.some(entry => entry.name === name)) {
		throw new EngineError(
			'not-found',
			`there is no Docker context named "${oneLine(name)}" (${known.map(entry => entry.name).join(', ')})`,
		);
	}

	const dir = configDir(options);
	const file = path.join(dir, 'config.json');
	const config = readConfig(file);
	if (name === 'default') {
		delete config['currentContext'];
	} else {
		config['currentContext'] = name;
	}

	try {
		fs.mkdirSync(dir, {recursive: true});
		const temporary = `${file}.dockpit-${process.pid}`;
		fs.writeFileSync(temporary, `${JSON.stringify(config, null, '\t')}\n`, {
			mode: 0o600,
		});
		fs.renameSync(temporary, file);
	} catch (error) {
		throw new EngineError(
			'bad-request',
			`cannot write ${file}: ${error instanceof Error ? oneLine(error.message) : String(error)}`,
		);
	}
}
