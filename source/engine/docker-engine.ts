/**
The `Engine` over dockerode. With `connection.ts`, the only file that talks to dockerode.

Every method catches what dockerode throws and rethrows it as an `EngineError` (`toEngineError`, with the object
in `what`); a 304 (`not-modified`) is success.
*/
import {randomUUID} from 'node:crypto';
import {PassThrough, type Duplex, type Readable} from 'node:stream';
import http, {type Agent} from 'node:http';
import https from 'node:https';
import Docker from 'dockerode';
import type {Endpoint} from './connection.js';
import {cleanupMethods} from './docker-cleanup.js';
import {inspectorMethods} from './docker-inspector.js';
import {logMethods} from './container-logs.js';
import {createSshTransport} from './ssh-transport.js';
import {toEngineError} from './errors.js';
import {
	type End,
	settledExec,
	runQuietly,
	probeAfterSession,
	createTerminalSession,
	hangupScript,
} from './terminal-session.js';

import {createNdjsonParser} from './ndjson.js';
import {createTransfers} from './transfer.js';
import {
	normalizeChanges,
	normalizeContainerDetails,
	normalizeContainerSummary,
	normalizeEngineInfo,
	normalizeEvent,
	normalizeImageDetails,
	normalizeImageSummary,
} from './normalize.js';
import {
	EngineError,
	type AttachOptions,
	type DockerEvent,
	type Engine,
	type ExecOptions,
	type RunSpec,
	type TerminalSession,
} from './types.js';

/**
How long `ping` waits for an answer before calling the engine unreachable.
*/
const pingTimeoutMs = 3000;

/**
`container 0123456789ab` for ids, the reference as given otherwise.
*/
function describe(kind: string, id: string): string {
	return `${kind} ${/^(sha256:)?[\da-f]{64}$/.test(id) ? id.replace(/^sha256:/, '').slice(0, 12) : id}`;
}

/**
Docker-modem merges settings from `process.env.DOCKER_HOST` (and the TLS variables beside it) into whatever it is
given: a `socketPath` from `--host` would lose to a `tcp://` `DOCKER_HOST`, and a bad `DOCKER_HOST` would throw.
The endpoint is already resolved, so build the client with `DOCKER_HOST` out of sight.
*/
function makeClient(endpoint: Endpoint, agent?: Agent): Docker {
	const options = agent
		? ({...endpoint.options, agent} as Docker.DockerOptions)
		: endpoint.options;
	const saved = process.env['DOCKER_HOST'];
	if (saved === undefined) {
		return new Docker(options);
	}

	delete process.env['DOCKER_HOST'];
	try {
		return new Docker(options);
	} finally {
		process.env['DOCKER_HOST'] = saved;
	}
}

/**
Creates and starts containers the way `docker run -d` does.
*/
function createOptions(spec: RunSpec): Docker.ContainerCreateOptions {
	const exposedPorts: Record<string, Record<string, never>> = {};
	const portBindings: Record<
		string,
		Array<{HostIp: string; HostPort: string}>
	> = {};
	// Every port is published, as with `-p`: without a host port (`-p 80`) the engine picks a free one.
	for (const port of spec.ports) {
		const key = `${port.privatePort}/${port.protocol}`;
		exposedPorts[key] = {};
		(portBindings[key] ??= []).push({
			HostIp: port.ip ?? '',
			HostPort: port.publicPort === undefined ? '' : String(port.publicPort),
		});
	}

	// `-v /ctr` is an anonymous volume; everything with a colon is a bind or a named volume.
	const binds = spec.volumes.filter(volume => volume.includes(':'));
	const anonymous = spec.volumes.filter(volume => !volume.includes(':'));

	return {
		Image: spec.image,
		...(spec.name ? {name: spec.name} : {}),
		...(spec.cmd.length > 0 ? {Cmd: [...spec.cmd]} : {}),
		Env: [...spec.env],
		Labels: {...spec.labels},
		Tty: spec.tty,
		OpenStdin: spec.openStdin,
		StdinOnce: false,
		AttachStdin: false,
		AttachStdout: false,
		AttachStderr: false,
		ExposedPorts: exposedPorts,
		...(anonymous.length > 0
			? {Volumes: Object.fromEntries(anonymous.map(volume => [volume, {}]))}
			: {}),
		HostConfig: {
			PortBindings: portBindings,
			Binds: binds,
			RestartPolicy: {Name: spec.restartPolicy},
			AutoRemove: spec.autoRemove,
		},
	};
}

/**
Makes an `Engine` that talks to `endpoint` through dockerode.

Terminal sessions: `exec` sessions run the first shell of `options.shells` that exists, with a TTY; closing one
hangs up its shell (the engine itself would leave it running). `attach` sessions use the engine's detach keys;
closing one detaches and leaves the container running, as `docker attach` does.
*/
export function createDockerEngine(endpoint: Endpoint): Engine {
	// `ssh://`: the system ssh with `docker system dial-stdio`, one master connection per engine.
	const transport = endpoint.ssh ? createSshTransport(endpoint.ssh) : undefined;
	// Connections kept alive go through an agent of this engine's own, never node's global one, so that
	// `close()` can end them (the TLS endpoint that skips verification brings its own).
	const agent: Agent =
		transport?.agent ??
		endpoint.options.agent ??
		(endpoint.options.protocol === 'https'
			? new https.Agent({keepAlive: true})
			: new http.Agent({keepAlive: true}));
	const docker = makeClient(endpoint, agent);
	const {host} = endpoint;
	const fail = (error: unknown, what?: string) =>
		toEngineError(error, what, host);

	async function call<T>(
		what: string | undefined,
		run: () => Promise<T>,
	): Promise<T> {
		try {
			return await run();
		} catch (error) {
			throw fail(error, what);
		}
	}

	/**
	A state change: the engine's 304 ("already started", "already stopped") is success.
	*/
	async function change(
		what: string,
		run: () => Promise<unknown>,
	): Promise<void> {
		try {
			await run();
		} catch (error) {
			const engineError = fail(error, what);
			if (engineError.kind !== 'not-modified') {
				throw engineError;
			}
		}
	}

	async function* events(options: {
		readonly signal: AbortSignal;
		readonly since?: number;
	}): AsyncGenerator<DockerEvent> {
		const {signal, since} = options;
		const aborted = () =>
			new EngineError('aborted', 'stopped following engine events');
		if (signal.aborted) {
			throw aborted();
		}

		let stream: Readable;
		try {
			const query: Docker.GetEventsOptions & {abortSignal: AbortSignal} = {
				abortSignal: signal,
			};
			if (since !== undefined && since > 0) {
				// Seconds with a fraction, as the API reads it: `1700000000.123`.
				query.since =
					`${Math.floor(since / 1000)}.${String(Math.floor(since % 1000)).padStart(3, '0')}` as unknown as number;
			}

			stream = (await docker.getEvents(query)) as Readable;
		} catch (error) {
			throw signal.aborted ? aborted() : fail(error, 'events');
		}

		// Docker-modem hands over the response without tying it to the signal; on abort the request is destroyed
		// and the response errors with ECONNRESET ("aborted"), not an AbortError. Destroy it ourselves too.
		const onAbort = () => {
			stream.destroy();
		};

		signal.addEventListener('abort', onAbort, {once: true});
		const parser = createNdjsonParser();
		try {
			for await (const chunk of stream) {
				for (const raw of parser.push(chunk as Uint8Array)) {
					const event = normalizeEvent(raw);
					if (event) {
						yield event;
					}
				}
			}
		} catch (error) {
			if (signal.aborted) {
				throw aborted();
			}

			const engineError = fail(error);
			throw engineError.kind === 'unreachable'
				? engineError
				: new EngineError(
						'unreachable',
						`lost the event stream of the Docker engine at ${host}: ${engineError.message}`,
					);
		} finally {
			signal.removeEventListener('abort', onAbort);
			stream.destroy();
		}

		if (signal.aborted) {
			throw aborted();
		}

		throw new EngineError(
			'unreachable',
			`the Docker engine at ${host} closed its event stream`,
		);
	}

	// Shells whose connection broke (an ssh link cut, an engine restart): the engine keeps them running, so once
	// it answers again they get the hangup that closing the pane would have sent.
	const orphans = new Map<string, {id: string; shell: string}>();
	const hangUpOrphans = async () => {
		for (const [marker, {id, shell}] of orphans) {
			// eslint-disable-next-line no-await-in-loop
			await runQuietly(docker.getContainer(id), [
				shell,
				'-c',
				hangupScript(marker),
			]).then(
				() => orphans.delete(marker),
				(error: unknown) => {
					if (fail(error).kind !== 'unreachable') {
						orphans.delete(marker);
					}
				},
			);
		}
	};

	async function findShell(
		container: Docker.Container,
		id: string,
		shells: readonly string[],
	): Promise<string> {
		for (const shell of shells) {
			// eslint-disable-next-line no-await-in-loop
			const exitCode = await call(describe('container', id), async () =>
				runQuietly(container, [shell, '-c', 'exit 0']),
			);
			if (exitCode === 0) {
				return shell;
			}
		}

		throw new EngineError(
			'not-found',
			`no shell found in ${describe('container', id)} (tried ${shells.join(', ')})`,
		);
	}

	async function exec(
		id: string,
		options: ExecOptions,
	): Promise<TerminalSession> {
		const what = describe('container', id);
		const container = docker.getContainer(id);
		const shell = await findShell(container, id, options.shells);
		const marker = randomUUID();
		const execution = await call(what, async () =>
			container.exec({
				Cmd: [shell],
				AttachStdin: true,
				AttachStdout: true,
				AttachStderr: true,
				Tty: true,
				Env: ['TERM=xterm-256color', `DOCKPIT_SESSION=${marker}`],
			}),
		);
		const socket = await call(what, async () =>
			execution.start({hijack: true, stdin: true, Tty: true}),
		);
		const resize = async (size: {
			readonly columns: number;
			readonly rows: number;
		}) => {
			await execution.resize({h: size.rows, w: size.columns});
		};

		const explain = async (closedByUs: boolean): Promise<End> => {
			const end = await explainExec(closedByUs);
			if (end.reason === 'connection to the engine lost') {
				orphans.set(marker, {id, shell});
			}

			return end;
		};

		const explainExec = async (closedByUs: boolean): Promise<End> => {
			if (closedByUs) {
				await runQuietly(container, [shell, '-c', hangupScript(marker)]).catch(
					() => undefined,
				);
			}

			let exitCode: number | undefined;
			try {
				const info = await settledExec(execution);
				exitCode =
					info.Running || typeof info.ExitCode !== 'number'
						? undefined
						: info.ExitCode;
			} catch (error) {
				if (fail(error).kind === 'unreachable') {
					return {reason: 'connection to the engine lost'};
				}
			}

			// The shell's own exit code, when the engine recorded one (a stopped container's shell gets 137 or so).
			const known = exitCode === undefined ? {} : {exitCode};
			// A stopped container kills its execs (exit code ≥ 128) a moment before its own state changes.
			const probe = await probeAfterSession(
				container,
				(exitCode ?? 128) >= 128,
			);

			switch (probe.state) {
				case 'unreachable': {
					return {reason: 'connection to the engine lost'};
				}

				case 'removed': {
					return {reason: 'container removed', ...known};
				}

				case 'stopped': {
					return {reason: 'container stopped', ...known};
				}

				default: {
					if (closedByUs) {
						return {
							reason: 'session closed',
							...(exitCode === undefined ? {} : {exitCode}),
						};
					}

					return exitCode === undefined
						? {reason: 'connection to the engine lost'}
						: {reason: `shell exited with code ${exitCode}`, exitCode};
				}
			}
		};

		const session = createTerminalSession({
			socket,
			output: socket,
			resize,
			explain,
			what,
			host,
		});
		await session
			.resize({columns: options.columns, rows: options.rows})
			.catch(() => undefined);
		return session;
	}

	async function create(spec: RunSpec): Promise<Docker.Container> {
		return call(describe('image', spec.image), async () =>
			docker.createContainer(createOptions(spec)),
		);
	}

	async function attach(
		id: string,
		options: AttachOptions,
	): Promise<TerminalSession> {
		const what = describe('container', id);
		const container = docker.getContainer(id);
		const info = await call(what, async () => container.inspect());
		const state = info.State as
			{Running?: unknown; Paused?: unknown} | undefined;
		if (options.start !== true && state?.Running !== true) {
			throw new EngineError(
				'conflict',
				`${what} is not running; start it before attaching`,
			);
		}

		if (state?.Paused === true) {
			throw new EngineError(
				'conflict',
				`${what} is paused; unpause it before attaching`,
			);
		}

		const tty = (info.Config as {Tty?: unknown} | undefined)?.Tty === true;
		// `docker run -it`: a container that never ran is removed again if it cannot be attached or started.
		const giveUp = async (error: unknown): Promise<never> => {
			if (options.start === true) {
				await container.remove({force: true}).catch(() => undefined);
			}

			throw error;
		};

		const socket = (await call(what, async () =>
			container.attach({
				stream: true,
				stdin: true,
				stdout: true,
				stderr: true,
				hijack: true,
				detachKeys: options.detachKeys,
			}),
		).catch(giveUp)) as unknown as Duplex;
		if (options.start === true) {
			await call(what, async () => container.start()).catch(
				async (error: unknown) => {
					if (error instanceof EngineError && error.kind === 'not-modified') {
						return; // Started meanwhile, from elsewhere.
					}

					socket.destroy();
					return giveUp(error);
				},
			);
		}

		let output: Readable = socket;
		if (!tty) {
			// Without a TTY the engine multiplexes stdout and stderr with 8-byte frame headers.
			const plain = new PassThrough();
			(
				docker.modem as {
					demuxStream(
						stream: Readable,
						stdout: PassThrough,
						stderr: PassThrough,
					): void;
				}
			).demuxStream(socket, plain, plain);
			socket.on('end', () => plain.end());
			socket.on('close', () => plain.end());
			output = plain;
		}

		const resize = async (size: {
			readonly columns: number;
			readonly rows: number;
		}) => {
			if (tty) {
				await container.resize({h: size.rows, w: size.columns});
			}
		};

		const explain = async (closedByUs: boolean): Promise<End> => {
			// The connection closes as the main process exits, a moment before the engine records it.
			const probe = await probeAfterSession(container, !closedByUs);

			switch (probe.state) {
				case 'unreachable': {
					return {reason: 'connection to the engine lost'};
				}

				case 'removed': {
					return {reason: 'container removed'};
				}

				case 'stopped': {
					return probe.exitCode === undefined
						? {reason: 'container exited'}
						: {
								reason: `container exited with code ${probe.exitCode}`,
								exitCode: probe.exitCode,
							};
				}

				default: {
					return {reason: 'detached'};
				}
			}
		};

		const session = createTerminalSession({
			socket,
			output,
			resize,
			explain,
			what,
			host,
		});
		await session
			.resize({columns: options.columns, rows: options.rows})
			.catch(() => undefined);
		return session;
	}

	return {
		host,

		close() {
			agent.destroy();
			transport?.close();
		},

		async ping(signal) {
			const controller = new AbortController();
			const timer = setTimeout(() => {
				controller.abort();
			}, pingTimeoutMs);
			const onAbort = () => {
				controller.abort();
			};

			signal?.addEventListener('abort', onAbort, {once: true});
			if (signal?.aborted) {
				controller.abort();
			}

			try {
				await (
					docker as unknown as {
						ping(options: {abortSignal: AbortSignal}): Promise<unknown>;
					}
				).ping({
					abortSignal: controller.signal,
				});
			} catch (error) {
				if (signal?.aborted) {
					throw new EngineError('aborted', 'ping cancelled');
				}

				if (controller.signal.aborted) {
					throw new EngineError(
						'unreachable',
						`the Docker engine at ${host} did not answer within ${pingTimeoutMs / 1000} s`,
					);
				}

				throw fail(error);
			} finally {
				clearTimeout(timer);
				signal?.removeEventListener('abort', onAbort);
			}

			if (orphans.size > 0) {
				void hangUpOrphans();
			}
		},

		async info() {
			const [version, info] = await call(undefined, async () =>
				Promise.all([docker.version(), docker.info()]),
			);
			return normalizeEngineInfo(host, version, info);
		},

		async listContainers(options) {
			const ids = options?.ids;
			if (ids?.length === 0) {
				return [];
			}

			const raw = await call('containers', async () =>
				docker.listContainers({
					all: true,
					...(ids ? {filters: {id: [...ids]}} : {}),
				}),
			);
			const containers = (Array.isArray(raw) ? raw : []).flatMap(
				item => normalizeContainerSummary(item) ?? [],
			);
			// The `id` filter matches prefixes; keep only what was asked for.
			return ids
				? containers.filter(container =>
						ids.some(id => container.id.startsWith(id)),
					)
				: containers;
		},

		async inspectContainer(id) {
			const what = describe('container', id);
			const raw = await call(what, async () =>
				docker.getContainer(id).inspect(),
			);
			const details = normalizeContainerDetails(raw);
			if (!details) {
				throw new EngineError(
					'server',
					`${what}: the engine's answer had no container in it`,
				);
			}

			return details;
		},

		async listImages() {
			const raw = await call('images', async () => docker.listImages());
			return (Array.isArray(raw) ? raw : []).flatMap(
				item => normalizeImageSummary(item) ?? [],
			);
		},

		async inspectImage(id) {
			const what = describe('image', id);
			const image = docker.getImage(id);
			const [raw, history] = await call(what, async () =>
				Promise.all([image.inspect(), image.history() as Promise<unknown>]),
			);
			const details = normalizeImageDetails(raw, history);
			if (!details) {
				throw new EngineError(
					'server',
					`${what}: the engine's answer had no image in it`,
				);
			}

			return details;
		},

		events,

		async startContainer(id) {
			await change(describe('container', id), async () =>
				docker.getContainer(id).start(),
			);
		},

		async stopContainer(id, options) {
			await change(describe('container', id), async () =>
				docker
					.getContainer(id)
					.stop(options?.timeout === undefined ? {} : {t: options.timeout}),
			);
		},

		async restartContainer(id) {
			await change(describe('container', id), async () =>
				docker.getContainer(id).restart(),
			);
		},

		async killContainer(id, signal) {
			await change(describe('container', id), async () =>
				docker.getContainer(id).kill({signal}),
			);
		},

		async pauseContainer(id) {
			await change(describe('container', id), async () =>
				docker.getContainer(id).pause(),
			);
		},

		async unpauseContainer(id) {
			await change(describe('container', id), async () =>
				docker.getContainer(id).unpause(),
			);
		},

		async removeContainer(id, options) {
			await change(describe('container', id), async () =>
				docker
					.getContainer(id)
					.remove({force: options.force, v: options.volumes}),
			);
		},

		async runContainer(spec) {
			const container = await create(spec);
			try {
				await container.start();
			} catch (error) {
				await container.remove({force: true}).catch(() => undefined);
				throw fail(error, describe('container', spec.name ?? container.id));
			}

			return container.id;
		},

		async createContainer(spec) {
			return (await create(spec)).id;
		},

		async diffContainer(id) {
			const raw: unknown = await call(describe('container', id), async () =>
				docker.getContainer(id).changes(),
			);
			return normalizeChanges(raw);
		},

		async commitContainer(id, spec) {
			const raw: unknown = await call(describe('container', id), async () =>
				docker.getContainer(id).commit({
					...(spec.repo ? {repo: spec.repo} : {}),
					...(spec.repo && spec.tag ? {tag: spec.tag} : {}),
					comment: spec.message,
					author: spec.author,
					pause: spec.pause,
				}),
			);
			const imageId = (raw as {Id?: unknown} | undefined)?.Id;
			if (typeof imageId !== 'string' || imageId === '') {
				throw new EngineError(
					'server',
					`${describe('container', id)}: the engine did not say which image it made`,
				);
			}

			return imageId;
		},

		async tagImage(id, repo, tag) {
			await call(describe('image', id), async () =>
				docker.getImage(id).tag({repo, tag}),
			);
		},

		async removeImage(reference, options) {
			await call(describe('image', reference), async () =>
				docker.getImage(reference).remove({force: options.force}),
			);
		},

		exec,
		attach,
		...cleanupMethods(docker, call),
		...inspectorMethods(docker, call, fail),
		...createTransfers(docker, fail),
		...logMethods(docker, fail),
	};
}

export default createDockerEngine;
