/**
Registry credentials, found and kept exactly where and how the docker CLI keeps them (docker/cli's
cli/config/configfile and cli/config/credentials):

- the file is `$DOCKER_CONFIG/config.json`, `~/.docker/config.json` by default;
- a registry's key is its host name (`127.0.0.1:5000`: `http://`, `https://` and any path are stripped), and
  Docker Hub (`docker.io`, `index.docker.io`, `registry-1.docker.io`) is `https://index.docker.io/v1/`;
- a credential helper (`credHelpers[KEY]`, else `credsStore`) is the program `docker-credential-NAME`, spoken to
  with `get`/`store`/`erase` on stdin and stdout; the file then only gets an empty `auths[KEY]` entry;
- otherwise `auths[KEY].auth` holds base64 `user:password`; an entry whose key only becomes KEY once stripped
  (`https://127.0.0.1:5000/v2/`) is found too, as the CLI's file store does.

Everything else in the file is kept as it was (keys, order, other settings). Writes go to a temporary file that
is renamed over the old one, keeping its permissions (0600 for a new file), as the CLI does.
*/
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {RegistryAuth} from '../engine/types.js';

/**
Docker Hub's key in the config file.
*/
export const indexServer = 'https://index.docker.io/v1/';

const hubNames = new Set([
	'docker.io',
	'index.docker.io',
	'registry-1.docker.io',
	indexServer,
	'https://index.docker.io',
	'https://registry-1.docker.io',
]);

/**
A credentials problem, in words.
*/
export class CredentialsError extends Error {
	override readonly name = 'CredentialsError';
}

/**
The docker CLI's `ConvertToHostname`: `https://host:5000/v2/` → `host:5000`.
*/
export function convertToHostname(address: string): string {
	let stripped = address;
	if (stripped.includes('://')) {
		try {
			const url = new URL(stripped);
			if (url.hostname !== '') {
				return url.port === '' ? url.hostname : `${url.hostname}:${url.port}`;
			}
		} catch {}

		stripped = stripped.slice(stripped.indexOf('://') + 3);
	}

	return stripped.split('/')[0] ?? stripped;
}

/**
The registry of an image reference: its first part when that looks like a host (has `.` or `:`, or is
`localhost`), else Docker Hub.
*/
export function registryOf(reference: string): string {
	const slash = reference.indexOf('/');
	if (slash === -1) {
		return 'docker.io';
	}

	const first = reference.slice(0, slash);
	return first.includes('.') || first.includes(':') || first === 'localhost'
		? first
		: 'docker.io';
}

/**
The key a registry's credentials are kept under (`docker login ADDRESS` stores them there).
*/
export function configKey(registry: string): string {
	const trimmed = registry.trim();
	if (
		trimmed === '' ||
		hubNames.has(trimmed) ||
		hubNames.has(convertToHostname(trimmed))
	) {
		return indexServer;
	}

	return convertToHostname(trimmed);
}

/**
Where the config lives: `$DOCKER_CONFIG`, else `~/.docker`.
*/
export function configDirectory(
	env: Readonly<Record<string, string | undefined>> = process.env,
	home: string = os.homedir(),
): string {
	const fromEnv = env['DOCKER_CONFIG'];
	return fromEnv && fromEnv !== '' ? fromEnv : path.join(home, '.docker');
}

type ConfigFile = Record<string, unknown> & {
	auths?: Record<string, Record<string, unknown>>;
	credsStore?: string;
	credHelpers?: Record<string, string>;
};

function configPath(directory: string): string {
	return path.join(directory, 'config.json');
}

async function readConfig(directory: string): Promise<ConfigFile> {
	const file = configPath(directory);
	let text: string;
	try {
		text = await fs.promises.readFile(file, 'utf8');
	} catch (error) {
		if ((error as {code?: unknown}).code === 'ENOENT') {
			return {};
		}

		throw new CredentialsError(
			`cannot read ${file}: ${(error as Error).message}`,
		);
	}

	if (text.trim() === '') {
		return {};
	}

	try {
		const parsed: unknown = JSON.parse(text);
		if (
			typeof parsed !== 'object' ||
			parsed === null ||
			Array.isArray(parsed)
		) {
			throw new Error('not a JSON object');
		}

		return parsed as ConfigFile;
	} catch (error) {
		throw new CredentialsError(
			`${file} is not valid JSON (${(error as Error).message}); fix or move it first`,
		);
	}
}

async function writeConfig(
	directory: string,
	config: ConfigFile,
): Promise<void> {
	const file = configPath(directory);
	await fs.promises.mkdir(directory, {recursive: true, mode: 0o700});
	let target = file;
	try {
		target = await fs.promises.realpath(file);
	} catch {}

	let mode = 0o600;
	try {
		// eslint-disable-next-line no-bitwise
		mode = (await fs.promises.stat(target)).mode & 0o777;
	} catch {}

	const temporary = path.join(
		path.dirname(target),
		`.${path.basename(target)}.${process.pid}.${Date.now()}`,
	);
	try {
		await fs.promises.writeFile(temporary, JSON.stringify(config, null, '\t'), {
			mode,
		});
		await fs.promises.chmod(temporary, mode);
		await fs.promises.rename(temporary, target);
	} catch (error) {
		await fs.promises.rm(temporary, {force: true});
		throw new CredentialsError(
			`cannot write ${file}: ${(error as Error).message}`,
		);
	}
}

function helperFor(config: ConfigFile, key: string): string | undefined {
	const helpers = config.credHelpers;
	if (
		helpers &&
		typeof helpers === 'object' &&
		typeof helpers[key] === 'string'
	) {
		return helpers[key];
	}

	return typeof config.credsStore === 'string' && config.credsStore !== ''
		? config.credsStore
		: undefined;
}

/**
Runs `docker-credential-NAME ACTION` with `input` on stdin; resolves with its stdout.
*/
async function runHelper(
	helper: string,
	action: 'get' | 'store' | 'erase',
	input: string,
): Promise<string> {
	const program = `docker-credential-${helper}`;
	return new Promise((resolve, reject) => {
		const child = execFile(
			program,
			[action],
			{timeout: 30_000, maxBuffer: 1024 * 1024},
			(error, stdout) => {
				if (error) {
					const code = (error as {code?: unknown}).code;
					const said = String(
						stdout || (error as {stderr?: unknown}).stderr || '',
					).trim();
					reject(
						new CredentialsError(
							code === 'ENOENT'
								? `the credential helper ${program} is not on the PATH (config.json names it)`
								: said || `${program} ${action} failed: ${error.message}`,
						),
					);
					return;
				}

				resolve(stdout);
			},
		);
		child.stdin?.end(input);
	});
}

function decodeAuth(
	auth: string,
): {username: string; password: string} | undefined {
	const decoded = Buffer.from(auth, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon <= 0) {
		return undefined;
	}

	return {
		username: decoded.slice(0, colon),
		password: decoded.slice(colon + 1).replaceAll('\u0000', ''),
	};
}

/**
Where a login is kept, in words (`/home/me/.docker/config.json`, `docker-credential-pass`).
*/
export type StoredIn = {readonly where: string};

/**
The credentials for `registry` (a host, an address, or `docker.io`), or undefined when there are none.
*/
export async function getCredentials(
	registry: string,
	directory: string = configDirectory(),
): Promise<RegistryAuth | undefined> {
	const key = configKey(registry);
	const config = await readConfig(directory);
	const helper = helperFor(config, key);
	if (helper) {
		let output: string;
		try {
			output = await runHelper(helper, 'get', key);
		} catch (error) {
			if (/credentials not found/i.test((error as Error).message)) {
				return undefined;
			}

			throw error;
		}

		const parsed = JSON.parse(output) as {Username?: unknown; Secret?: unknown};
		if (
			typeof parsed.Username !== 'string' ||
			typeof parsed.Secret !== 'string'
		) {
			return undefined;
		}

		return {
			username: parsed.Username,
			password: parsed.Secret,
			serveraddress: key,
		};
	}

	const auths = config.auths ?? {};
	const entry =
		auths[key] ??
		Object.entries(auths).find(
			([name]) => convertToHostname(name) === key,
		)?.[1];
	if (!entry) {
		return undefined;
	}

	if (typeof entry['auth'] === 'string' && entry['auth'] !== '') {
		const decoded = decodeAuth(entry['auth']);
		if (!decoded) {
			throw new CredentialsError(
				`the auth entry for ${key} in ${configPath(directory)} is not base64 user:password`,
			);
		}

		return {...decoded, serveraddress: key};
	}

	if (
		typeof entry['username'] === 'string' &&
		typeof entry['password'] === 'string'
	) {
		return {
			username: entry['username'],
			password: entry['password'],
			serveraddress: key,
		};
	}

	return undefined;
}

/**
Keeps a login for `registry` as `docker login` does; says where.
*/
export async function storeCredentials(
	registry: string,
	username: string,
	password: string,
	directory: string = configDirectory(),
): Promise<StoredIn> {
	const key = configKey(registry);
	const config = await readConfig(directory);
	const helper = helperFor(config, key);
	const auths = {...config.auths};
	if (helper) {
		await runHelper(
			helper,
			'store',
			JSON.stringify({ServerURL: key, Username: username, Secret: password}),
		);
		auths[key] = {};
	} else {
		auths[key] = {
			auth: Buffer.from(`${username}:${password}`).toString('base64'),
		};
	}

	await writeConfig(directory, {...config, auths});
	return {
		where: helper ? `docker-credential-${helper}` : configPath(directory),
	};
}

/**
Removes the login for `registry` as `docker logout` does (also under `http://` and `https://` forms of the key).
Resolves with false when there was none.
*/
export async function eraseCredentials(
	registry: string,
	directory: string = configDirectory(),
): Promise<boolean> {
	const key = configKey(registry);
	const config = await readConfig(directory);
	const helper = helperFor(config, key);
	const auths = {...config.auths};
	const tries =
		key === indexServer ? [key] : [key, `http://${key}`, `https://${key}`];
	const present = tries.filter(each => each in auths);
	if (helper) {
		try {
			await runHelper(helper, 'erase', key);
		} catch (error) {
			if (present.length === 0) {
				if (/credentials not found/i.test((error as Error).message)) {
					return false;
				}

				throw error;
			}
		}
	} else if (present.length === 0) {
		return false;
	}

	for (const each of present) {
		delete auths[each];
	}

	await writeConfig(directory, {...config, auths});
	return true;
}
