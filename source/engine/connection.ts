/**
Which engine to talk to, resolved the way the docker CLI does it.

`--host` → `--context` → `DOCKER_HOST` → `DOCKER_CONTEXT` → `currentContext` of the config file → the default socket.
A context's endpoint is read from the CLI's own context store, so `docker context use` works for dockpit too.
*/
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {Agent} from 'node:https';
import path from 'node:path';
import type Dockerode from 'dockerode';
import {oneLine} from './errors.js';
import {describeSshTarget, type SshTarget} from './ssh-transport.js';
import {EngineError} from './types.js';

/**
What the dockerode constructor is given. `agent` is passed through to docker-modem (used for TLS without
verification); the `@types/dockerode` typing of the options does not list it.
*/
export type DockerConnectOptions = Dockerode.DockerOptions & {
	readonly agent?: Agent;
};

/**
A resolved engine address.
*/
export type Endpoint = {
	/**
	For display: `unix:///var/run/docker.sock`, `tcp://1.2.3.4:2376`, `ssh://me@box`.
	*/
	readonly host: string;
	/**
	Where it came from: `flag`, `DOCKER_HOST`, `context NAME` or `default`.
	*/
	readonly source: string;
	readonly options: DockerConnectOptions;
	/**
	For `ssh://`: where the system ssh connects to (the requests go over its `docker system dial-stdio`).
	*/
	readonly ssh?: SshTarget;
};

/**
Inputs of `resolveEndpoint`.
*/
export type ResolveOptions = {
	/**
	The `--host` flag.
	*/
	readonly host?: string;
	/**
	The `--context` flag.
	*/
	readonly context?: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly homeDir: string;
};

/**
The address used when nothing else is configured.
*/
export const defaultHost = 'unix:///var/run/docker.sock';

type Tls = {
	readonly ca?: Buffer;
	readonly cert?: Buffer;
	readonly key?: Buffer;
	readonly skipVerify: boolean;
};

function badRequest(message: string): EngineError {
	return new EngineError('bad-request', message);
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readOptional(file: string): Buffer | undefined {
	if (!existsSync(file)) {
		return undefined;
	}

	try {
		return readFileSync(file);
	} catch (error) {
		throw badRequest(
			`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
		);
	}
}

/**
TLS material from `DOCKER_TLS_VERIFY` / `DOCKER_TLS` and `DOCKER_CERT_PATH`, as the CLI reads them: with
verification all of `ca.pem`, `cert.pem` and `key.pem` must exist; without it they are used when present.
*/
function tlsFromEnv(
	env: ResolveOptions['env'],
	configDir: string,
	hostSource: string,
): Tls | undefined {
	const verify = nonEmpty(env['DOCKER_TLS_VERIFY']) !== undefined;
	const enabled = verify || nonEmpty(env['DOCKER_TLS']) !== undefined;
	if (!enabled) {
		return undefined;
	}

	const certPath = nonEmpty(env['DOCKER_CERT_PATH']) ?? configDir;
	const files = {ca: 'ca.pem', cert: 'cert.pem', key: 'key.pem'} as const;
	const tls = {
		ca: readOptional(path.join(certPath, files.ca)),
		cert: readOptional(path.join(certPath, files.cert)),
		key: readOptional(path.join(certPath, files.key)),
	};
	const missing = Object.entries(files)
		.filter(([name]) => tls[name as keyof typeof files] === undefined)
		.map(([, file]) => file);
	if (verify && missing.length > 0) {
		throw badRequest(
			`DOCKER_TLS_VERIFY is set for ${hostSource} but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing in ${certPath}. Set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem.`,
		);
	}

	if ((tls.cert === undefined) !== (tls.key === undefined)) {
		throw badRequest(
			`${certPath} has only one of cert.pem and key.pem; a client certificate needs both.`,
		);
	}

	return {...tls, skipVerify: !verify};
}

function tlsOptions(
	tls: Tls,
): Pick<DockerConnectOptions, 'ca' | 'cert' | 'key' | 'agent'> {
	const material = {
		...(tls.ca ? {ca: tls.ca} : {}),
		...(tls.cert ? {cert: tls.cert} : {}),
		...(tls.key ? {key: tls.key} : {}),
	};
	// Docker-modem passes no `rejectUnauthorized` to https.request; an agent's options win over the request's.
	return tls.skipVerify
		? {...material, agent: new Agent({...material, rejectUnauthorized: false})}
		: material;
}

function parsePort(value: string, hostText: string): number {
	const port = Number(value);
	if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
		throw badRequest(`the port in ${hostText} is not a port number (1-65535)`);
	}

	return port;
}

/**
What is wrong with a host address (`--host`, `host:` in the config file), or undefined when it can be used: the
address alone, before anything is read or dialled, so that a typo stops dockpit with exit 2 like a bad flag.
`where` names it in the message (`--host`, `config.yaml:1: host`).
*/
export function addressProblem(
	value: string,
	where: string,
): string | undefined {
	try {
		parseHost(value, where, () => undefined);
		return undefined;
	} catch (error) {
		if (error instanceof EngineError) {
			return error.message;
		}

		throw error;
	}
}

/**
Parses a host value (`unix://…`, `tcp://…`, `ssh://…`, bare `host:port`) into an endpoint.
*/
function parseHost(
	value: string,
	source: string,
	tls: (hostText: string) => Tls | undefined,
): Endpoint {
	const hostText = value.trim();
	const where = source === 'flag' ? '--host' : source;
	const schemeMatch = /^([a-z][\w+.-]*):\/\//i.exec(hostText);
	const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : 'tcp';
	const rest = schemeMatch ? hostText.slice(schemeMatch[0].length) : hostText;

	if (hostText === '') {
		throw badRequest(
			`${where} is empty; give an address such as unix:///var/run/docker.sock or tcp://host:2376`,
		);
	}

	if (scheme === 'unix') {
		const socketPath = rest === '' ? '/var/run/docker.sock' : rest;
		return {host: `unix://${socketPath}`, source, options: {socketPath}};
	}

	if (scheme === 'npipe') {
		throw badRequest(
			`${where} is ${oneLine(hostText)}: Windows named pipes (npipe://) are not supported; use tcp:// or ssh:// to reach that engine`,
		);
	}

	if (scheme !== 'tcp' && scheme !== 'ssh') {
		throw badRequest(
			`${where} is ${oneLine(hostText)}: unsupported address type "${oneLine(scheme)}://"; use unix://, tcp:// or ssh://`,
		);
	}

	let url: URL;
	try {
		url = new URL(`${scheme}://${rest}`);
	} catch {
		throw badRequest(
			`${where} is ${oneLine(hostText)}, which is not an address such as tcp://host:2376 or ssh://user@host`,
		);
	}

	const hostname = url.hostname.replace(/^\[(.*)]$/, '$1');
	if (hostname === '') {
		throw badRequest(
			`${where} is ${oneLine(hostText)}, which has no host name`,
		);
	}

	if (url.pathname !== '' && url.pathname !== '/') {
		throw badRequest(
			`${where} is ${oneLine(hostText)}: a path after the host is not supported`,
		);
	}

	const displayHost = url.hostname;

	if (scheme === 'ssh') {
		if (url.password !== '') {
			throw badRequest(
				`${where} has a password in it; use an ssh key or agent instead`,
			);
		}

		// As with the docker CLI, the system ssh makes the connection: without a user or port in the address,
		// ~/.ssh/config (or ssh's defaults) decides, and a Host alias works as the host name.
		const user = decodeURIComponent(url.username) || undefined;
		const port = url.port === '' ? undefined : parsePort(url.port, hostText);
		const target: SshTarget = {
			host: hostname,
			...(user ? {user} : {}),
			...(port === undefined ? {} : {port}),
		};
		return {
			host: describeSshTarget({...target, host: displayHost}),
			source,
			// Dockerode speaks plain HTTP over the ssh transport's agent (see docker-engine.ts).
			options: {protocol: 'http', host: 'docker', port: 80},
			ssh: target,
		};
	}

	const tlsConfig = tls(hostText);
	const port =
		url.port === '' ? (tlsConfig ? 2376 : 2375) : parsePort(url.port, hostText);
	return {
		host: `tcp://${displayHost}:${port}`,
		source,
		options: {
			protocol: tlsConfig ? 'https' : 'http',
			host: hostname,
			port,
			...(tlsConfig ? tlsOptions(tlsConfig) : {}),
		},
	};
}

function readJson(file: string, what: string): unknown {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw badRequest(
			`cannot read ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`,
		);
	}

	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw badRequest(
			`${what} ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
		);
	}
}

function field(value: unknown, key: string): unknown {
	return typeof value === 'object' && value !== null
		? (value as Record<string, unknown>)[key]
		: undefined;
}

/**
The context named in the config file (`currentContext`), if any.
*/
function currentContext(configDir: string): string | undefined {
	const file = path.join(configDir, 'config.json');
	if (!existsSync(file)) {
		return undefined;
	}

	const name = field(
		readJson(file, 'the Docker config file'),
		'currentContext',
	);
	return typeof name === 'string' ? nonEmpty(name) : undefined;
}

/**
The folder name of a context in the CLI's store: the SHA-256 of its name, in hex.
*/
export function contextDirName(name: string): string {
	return createHash('sha256').update(name).digest('hex');
}

function contextEndpoint(name: string, configDir: string): Endpoint {
	const id = contextDirName(name);
	const metaFile = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
	const source = `context ${name}`;
	if (!existsSync(metaFile)) {
		throw badRequest(
			`there is no Docker context named "${oneLine(name)}" (no ${metaFile}). "docker context ls" lists the contexts; "docker context use default" goes back to the default engine.`,
		);
	}

	const docker = field(
		field(
			readJson(metaFile, `the metadata of context "${oneLine(name)}"`),
			'Endpoints',
		),
		'docker',
	);
	const host = field(docker, 'Host');
	if (typeof host !== 'string' || host.trim() === '') {
		throw badRequest(
			`context "${oneLine(name)}" has no Docker endpoint (Endpoints.docker.Host in ${metaFile})`,
		);
	}

	const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
	const skipVerify = field(docker, 'SkipTLSVerify') === true;
	const tls = (): Tls | undefined => {
		const material = {
			ca: readOptional(path.join(tlsDir, 'ca.pem')),
			cert: readOptional(path.join(tlsDir, 'cert.pem')),
			key: readOptional(path.join(tlsDir, 'key.pem')),
		};
		if ((material.cert === undefined) !== (material.key === undefined)) {
			throw badRequest(
				`context "${oneLine(name)}" has only one of cert.pem and key.pem in ${tlsDir}; a client certificate needs both`,
			);
		}

		const any = material.ca ?? material.cert ?? material.key;
		return any || skipVerify ? {...material, skipVerify} : undefined;
	};

	return parseHost(host, source, tls);
}

/**
Resolves the engine to talk to, like the docker CLI:

1. `--host` (`host`); giving both `--host` and `--context` is an error, as in the CLI.
2. `--context` (`context`).
3. `DOCKER_HOST`, with `DOCKER_TLS_VERIFY`/`DOCKER_TLS` and `DOCKER_CERT_PATH` (default: the config folder).
4. `DOCKER_CONTEXT`, then `currentContext` in `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`).
   A context's endpoint is in `<config>/contexts/meta/<sha256(name)>/meta.json`, its TLS files in
   `<config>/contexts/tls/<sha256(name)>/docker/`. The context `default` means no override.
5. `unix:///var/run/docker.sock`.

Throws `EngineError` `bad-request` for an address that cannot be used, an unknown context or missing TLS files.
Reads files, and nothing else.
*/
export function resolveEndpoint(options: ResolveOptions): Endpoint {
	const {env, homeDir} = options;
	const configDir =
		nonEmpty(env['DOCKER_CONFIG']) ?? path.join(homeDir, '.docker');
	const hostFlag = nonEmpty(options.host);
	const contextFlag = nonEmpty(options.context);
	const envTls = (hostText: string) => tlsFromEnv(env, configDir, hostText);

	if (hostFlag && contextFlag) {
		throw badRequest('give either --host or --context, not both');
	}

	if (hostFlag) {
		return parseHost(hostFlag, 'flag', envTls);
	}

	const dockerHost = nonEmpty(env['DOCKER_HOST']);
	const context =
		contextFlag ??
		(dockerHost
			? undefined
			: (nonEmpty(env['DOCKER_CONTEXT']) ?? currentContext(configDir)));

	if (context && context !== 'default') {
		return contextEndpoint(context, configDir);
	}

	if (dockerHost) {
		return parseHost(dockerHost, 'DOCKER_HOST', envTls);
	}

	return {
		host: defaultHost,
		source: 'default',
		options: {socketPath: '/var/run/docker.sock'},
	};
}
