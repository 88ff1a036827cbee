/**
The pieces of a `TerminalSession` (exec and attach over a hijacked connection): the session object itself, and
the small engine probes that explain why a session ended. Used only by `docker-engine.ts`.
*/
import type {Duplex, Readable} from 'node:stream';
import type Docker from 'dockerode';
import {toEngineError} from './errors.js';
import type {TerminalSession} from './types.js';

/**
Output a terminal session keeps while nobody listens yet (the shell prompt arrives before `onData` is called).
*/
export const maxEarlyOutputBytes = 1024 * 1024;

export type End = {readonly reason: string; readonly exitCode?: number};

export const sleep = async (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

/**
Resolves when a stream has ended, closed or failed; reads and drops whatever it carries.
*/
export async function drain(stream: Readable): Promise<void> {
	await new Promise<void>(resolve => {
		stream.on('end', resolve);
		stream.on('close', resolve);
		stream.on('error', () => {
			resolve();
		});
		stream.resume();
	});
}

/**
Inspects an exec until its process has exited (the stream can end a moment before the engine records the exit).
*/
export async function settledExec(
	exec: Docker.Exec,
): Promise<Docker.ExecInspectInfo> {
	let info = await exec.inspect();
	for (let tries = 0; info.Running && tries < 10; tries++) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(50);
		// eslint-disable-next-line no-await-in-loop
		info = await exec.inspect();
	}

	return info;
}

/**
Runs a command in a container without a TTY, drops its output, and resolves with its exit code.
*/
export async function runQuietly(
	container: Docker.Container,
	cmd: string[],
): Promise<number | undefined> {
	const exec = await container.exec({
		Cmd: cmd,
		AttachStdout: true,
		AttachStderr: true,
	});
	const stream = await exec.start({hijack: false, stdin: false});
	await drain(stream);
	const info = await settledExec(exec);
	return info.Running || typeof info.ExitCode !== 'number'
		? undefined
		: info.ExitCode;
}

export type ContainerProbe =
	| {
			readonly state: 'running' | 'paused' | 'stopped';
			readonly exitCode?: number;
	  }
	| {readonly state: 'removed' | 'unreachable'};

export async function probeContainer(
	container: Docker.Container,
): Promise<ContainerProbe> {
	try {
		const info = await container.inspect();
		const state = info.State as
			{Running?: unknown; Paused?: unknown; ExitCode?: unknown} | undefined;
		if (state?.Paused === true) {
			return {state: 'paused'};
		}

		if (state?.Running === true) {
			return {state: 'running'};
		}

		return typeof state?.ExitCode === 'number'
			? {state: 'stopped', exitCode: state.ExitCode}
			: {state: 'stopped'};
	} catch (error) {
		return toEngineError(error).kind === 'not-found'
			? {state: 'removed'}
			: {state: 'unreachable'};
	}
}

/**
How the container is after a session closed. When `expectStop` says the container should be going down but the
engine still says running, asks again a few times (75 ms apart): a container's processes end a moment before
the engine records its new state.
*/
export async function probeAfterSession(
	container: Docker.Container,
	expectStop: boolean,
): Promise<ContainerProbe> {
	let probe = await probeContainer(container);
	for (
		let tries = 0;
		expectStop && probe.state === 'running' && tries < 4;
		tries++
	) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(75);
		// eslint-disable-next-line no-await-in-loop
		probe = await probeContainer(container);
	}

	return probe;
}

export type SessionParts = {
	/**
	The hijacked connection; closing it ends the session.
	*/
	readonly socket: Duplex;
	/**
	Where the container's output comes from (the socket itself for a TTY, a demultiplexed copy otherwise).
	*/
	readonly output: Readable;
	readonly resize: (size: {
		readonly columns: number;
		readonly rows: number;
	}) => Promise<void>;
	/**
	Works out why the session ended, once the connection is gone.
	*/
	readonly explain: (closedByUs: boolean) => Promise<End>;
	readonly what: string;
	readonly host: string;
};

/**
A `TerminalSession` over a hijacked connection. `onEnd` listeners are called exactly once, after the last data;
a listener added after the end is called too (on a microtask).
*/
export function createTerminalSession(parts: SessionParts): TerminalSession {
	const {socket, output} = parts;
	const dataListeners = new Set<(data: Uint8Array) => void>();
	const endListeners = new Set<(end: End) => void>();
	let early: Uint8Array[] | undefined = [];
	let earlyBytes = 0;
	let closedByUs = false;
	let finished = false;
	let result: End | undefined;

	const deliver = (chunk: Uint8Array) => {
		if (early) {
			if (earlyBytes + chunk.length <= maxEarlyOutputBytes) {
				early.push(chunk);
				earlyBytes += chunk.length;
			}

			return;
		}

		for (const listener of dataListeners) {
			listener(chunk);
		}
	};

	const finish = () => {
		if (finished) {
			return;
		}

		finished = true;
		socket.destroy();
		void parts
			.explain(closedByUs)
			.catch((): End => ({reason: 'session ended'}))
			.then(end => {
				result = end;
				for (const listener of endListeners) {
					listener(end);
				}

				endListeners.clear();
			});
	};

	output.on('data', deliver);
	output.on('end', finish);
	socket.on('end', finish);
	socket.on('close', finish);
	// A reset connection is an end, not a crash; `explain` finds out what happened.
	socket.on('error', finish);
	if (output !== socket) {
		output.on('error', finish);
	}

	return {
		onData(listener) {
			dataListeners.add(listener);
			if (early) {
				const pending = early;
				early = undefined;
				earlyBytes = 0;
				queueMicrotask(() => {
					for (const chunk of pending) {
						for (const each of dataListeners) {
							each(chunk);
						}
					}
				});
			}

			return () => {
				dataListeners.delete(listener);
			};
		},
		onEnd(listener) {
			if (result) {
				const end = result;
				queueMicrotask(() => {
					listener(end);
				});
				return () => undefined;
			}

			endListeners.add(listener);
			return () => {
				endListeners.delete(listener);
			};
		},
		write(data) {
			if (!finished && !socket.destroyed) {
				socket.write(data);
			}
		},
		async resize(size) {
			if (finished) {
				return;
			}

			try {
				await parts.resize(size);
			} catch (error) {
				if (!finished) {
					throw toEngineError(error, parts.what, parts.host);
				}
			}
		},
		close() {
			if (!finished) {
				closedByUs = true;
				socket.destroy();
			}
		},
	};
}

/**
Shell code that sends SIGHUP to every process that carries `DOCKPIT_SESSION=<marker>` in its environment: the
engine keeps an exec's process running when its connection closes, so this is the hangup a terminal would give.
*/
export function hangupScript(marker: string): string {
	return `for d in /proc/[0-9]*; do case "$(tr '\\0' '\\n' < "$d/environ" 2>/dev/null)" in *"DOCKPIT_SESSION=${marker}"*) kill -HUP "\${d#/proc/}";; esac; done`;
}
