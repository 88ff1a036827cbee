/**
The engine over `ssh://`, the way the docker CLI reaches it (cli/connhelper): the system `ssh` runs
`docker system dial-stdio` on the far side, and the HTTP requests travel over that process's stdin and stdout.
So `~/.ssh/config` (aliases, `User`, `Port`, `IdentityFile`, `ProxyJump`), `known_hosts` and the agent work as
they do for `ssh` itself.

One SSH connection per engine: a master (OpenSSH `ControlMaster`) is started first, with its control socket in
a private temporary folder, and every request is a `dial-stdio` session over it, which costs a process start
but no handshake. Connections are kept alive and reused by the HTTP agent, as the docker CLI does.

Host keys are checked strictly (`StrictHostKeyChecking=yes`): an unknown or changed key is refused, never added.
`BatchMode=yes`: ssh never asks for a password or a passphrase (it would draw over the dashboard).
*/
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import {Agent} from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {Duplex} from 'node:stream';
import {oneLine} from './errors.js';
import {EngineError} from './types.js';

/**
Where to ssh to: the parts of `ssh://[user@]host[:port]`. Without a user or port, ssh's own config decides.
*/
export type SshTarget = {
	readonly host: string;
	readonly user?: string;
	readonly port?: number;
};

/**
The remote command, as the docker CLI runs it.
*/
export const dialStdio = ['docker', 'system', 'dial-stdio'] as const;

/**
How many requests may be in flight over ssh at once (each is one `dial-stdio` session on the master).
*/
const maxSessions = 16;

/**
The most of ssh's error output kept per session.
*/
const maxStderr = 8192;

/**
`ssh://host` for messages, with the user and port when given.
*/
export function describeSshTarget(target: SshTarget): string {
	return `ssh://${target.user ? `${target.user}@` : ''}${target.host}${target.port === undefined ? '' : `:${target.port}`}`;
}

/**
The options every ssh process of this engine gets.
*/
export function sshArgs(target: SshTarget, controlPath: string): string[] {
	return [
		'-o',
		'BatchMode=yes',
		'-o',
		'StrictHostKeyChecking=yes',
		'-o',
		'ConnectTimeout=10',
		'-o',
		`ControlPath=${controlPath}`,
		...(target.user ? ['-l', target.user] : []),
		...(target.port === undefined ? [] : ['-p', String(target.port)]),
	];
}

/**
Turns what ssh wrote to stderr (and its exit code) into an `EngineError` in words.
*/
export function sshError(
	target: SshTarget,
	stderr: string,
	exitCode: number | null,
): EngineError {
	const where = describeSshTarget(target);
	const text = stderr.replaceAll('\r', '');
	const knownHostsFile =
		/(?:Offending \S+ key in|Add correct host key in) (\S+?)(?::\d+)?\s/.exec(
			text,
		)?.[1];
	const named = knownHostsFile
		? `known_hosts (${knownHostsFile})`
		: 'known_hosts';
	if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(text)) {
		return new EngineError(
			'unauthorized',
			oneLine(
				`ssh refused ${where}: its host key has CHANGED since it was recorded in ${named}. This can be an attack, or a reinstalled server: check the new key, then remove the old one with ssh-keygen -R ${target.host}. dockpit never accepts a changed key.`,
			),
		);
	}

	if (/Host key verification failed|host key is known for/i.test(text)) {
		return new EngineError(
			'unauthorized',
			oneLine(
				`ssh refused ${where}: its host key is not in ${named}, and dockpit does not add host keys by itself. Connect once with ssh ${target.host}, check the key and accept it, then try again.`,
			),
		);
	}

	if (/Permission denied|Too many authentication failures/.test(text)) {
		const methods = /Permission denied \(([^)]*)\)/.exec(text)?.[1];
		return new EngineError(
			'unauthorized',
			oneLine(
				`ssh could not log in to ${where}: permission denied${methods ? ` (${methods})` : ''}. dockpit uses your ssh keys and agent and never asks for a password: check that "ssh -o BatchMode=yes ${target.host} docker version" works in this shell (ssh-add, IdentityFile in ~/.ssh/config, the user name).`,
			),
		);
	}

	const unreachable = (words: string) =>
		new EngineError('unreachable', oneLine(`cannot reach ${where}: ${words}`));
	if (/Could not resolve hostname/i.test(text)) {
		return unreachable('the host name could not be resolved');
	}

	if (/Connection refused/i.test(text)) {
		return unreachable('connection refused. Is sshd running there?');
	}

	if (/timed out/i.test(text)) {
		return unreachable('the connection timed out');
	}

	if (
		exitCode === 127 ||
		/docker: (?:command )?not found|No such file or directory.*docker/i.test(
			text,
		)
	) {
		return unreachable(
			'there is no docker command on that host; dockpit runs "docker system dial-stdio" there, as the docker CLI does',
		);
	}

	if (/Cannot connect to the Docker daemon|docker\.sock/i.test(text)) {
		return unreachable(
			`the ssh login works, but the Docker engine on that host does not answer: ${lastLine(text)}`,
		);
	}

	if (
		exitCode === 255 ||
		/closed by remote host|Connection closed|Broken pipe|reset by peer|mux_client|Control socket/i.test(
			text,
		)
	) {
		return unreachable(
			`the ssh connection was lost${lastLine(text) ? ` (${lastLine(text)})` : ''}`,
		);
	}

	return unreachable(
		lastLine(text) ||
			`ssh ended with exit code ${exitCode ?? 'unknown'} before the engine answered`,
	);
}

function lastLine(text: string): string {
	const lines = text
		.split('\n')
		.map(line => line.trim())
		.filter(line => line !== '' && !line.startsWith('@@@'));
	return oneLine(lines.at(-1) ?? '');
}

/**
A `dial-stdio` session as a socket for node's HTTP client. ssh's own failure (exit 255, or the remote command's)
destroys it with an `EngineError` in words, which reaches the request that was waiting on it.
*/
class SshStream extends Duplex {
	readonly remoteAddress = '127.0.0.1';
	readonly remotePort = 0;
	private stderr = '';
	private sawData = false;
	private exited = false;
	private stdoutEnded = false;
	private readonly child: ChildProcess;

	constructor(
		child: ChildProcess,
		onFailure: (error: EngineError) => void,
		target: SshTarget,
	) {
		super({allowHalfOpen: true});
		this.child = child;
		const {stdin, stdout, stderr} = child;
		stderr?.setEncoding('utf8');
		stderr?.on('data', (chunk: string) => {
			if (this.stderr.length < maxStderr) {
				this.stderr += chunk;
			}
		});
		stdout?.on('data', (chunk: Uint8Array) => {
			this.sawData = true;
			if (!this.push(chunk)) {
				stdout.pause();
			}
		});
		// The end of the output waits for the exit code: a failed ssh is an error, not a quiet close.
		stdout?.on('end', () => {
			this.stdoutEnded = true;
			if (this.exited) {
				this.push(null);
			}
		});
		stdin?.on('error', () => undefined);
		stdout?.on('error', () => undefined);
		child.on('error', (error: Error) => {
			this.destroy(
				new EngineError(
					'unreachable',
					oneLine(
						`cannot run ssh for ${describeSshTarget(target)}: ${error.message}. Install the OpenSSH client (ssh) to reach engines over ssh://.`,
					),
				),
			);
		});
		child.on('exit', (code, signal) => {
			this.exited = true;
			if (this.destroyed) {
				return;
			}

			if (code === 0 || signal !== null) {
				if (this.stdoutEnded) {
					this.push(null);
				}

				return;
			}

			const error = sshError(target, this.stderr, code);
			onFailure(error);
			// After an answer, a failure is a lost connection; before one, it says why there was none.
			this.destroy(
				this.sawData ? new EngineError('unreachable', error.message) : error,
			);
		});
	}

	override _read() {
		this.child.stdout?.resume();
	}

	override _write(
		chunk: Uint8Array,
		_encoding: BufferEncoding,
		callback: (error?: Error | null) => void,
	) {
		const {stdin} = this.child;
		if (!stdin || stdin.destroyed) {
			callback();
			return;
		}

		stdin.write(chunk, () => {
			callback();
		});
	}

	override _final(callback: (error?: Error | null) => void) {
		this.child.stdin?.end();
		callback();
	}

	override _destroy(
		error: Error | null,
		callback: (error?: Error | null) => void,
	) {
		if (!this.exited) {
			this.child.stdin?.destroy();
			this.child.kill('SIGTERM');
		}

		callback(error);
	}

	// What node's HTTP client and agent call on a socket.
	setKeepAlive() {
		return this;
	}

	setNoDelay() {
		return this;
	}

	setTimeout(_ms: number, callback?: () => void) {
		if (callback) {
			this.once('timeout', callback);
		}

		return this;
	}

	ref() {
		return this;
	}

	unref() {
		return this;
	}
}

export type SshTransport = {
	/**
	For dockerode (`agent` with `protocol: 'http'`): each connection it makes is a channel of the master.
	*/
	readonly agent: Agent;
	/**
	How requests travel once connected: `forward` (a channel per connection to the far side's
	/var/run/docker.sock) or `dial-stdio` (a `docker system dial-stdio` session per connection).
	*/
	readonly mode: () => 'forward' | 'dial-stdio' | undefined;
	/**
	Ends the master connection and removes the private folder. Also run on process exit.
	*/
	close(): void;
};

/**
The engine's socket on the far side, as `docker system dial-stdio` finds it by default.
*/
const remoteSocket = '/var/run/docker.sock';

/**
Asks `GET /_ping` over a fresh connection: does the forward reach an engine? When it does, the connection, its
answer read to the end, is handed back (`spare`) for the first request, which saves that request a channel.
*/
async function pingOver(
	socketPath: string,
): Promise<{readonly ok: boolean; readonly spare?: net.Socket}> {
	return new Promise(resolve => {
		const socket = net.connect(socketPath);
		let answer = Buffer.alloc(0);
		const done = (ok: boolean, keep = false) => {
			clearTimeout(timer);
			socket.removeListener('data', onData);
			socket.removeListener('close', onClose);
			if (keep) {
				resolve({ok, spare: socket});
			} else {
				socket.destroy();
				resolve({ok});
			}
		};

		const timer = setTimeout(() => {
			done(false);
		}, 5000);
		const onData = (chunk: Uint8Array) => {
			answer = Buffer.concat([answer, chunk]);
			const end = answer.indexOf('\r\n\r\n');
			if (end === -1) {
				return;
			}

			const head = answer.subarray(0, end).toString('latin1');
			if (!/^HTTP\/1\.[01] 200/.test(head)) {
				done(false);
				return;
			}

			const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
			// Only an answer of known length on a connection that stays open leaves the connection usable.
			if (length === undefined || /\r\nconnection:\s*close/i.test(head)) {
				done(true);
			} else if (answer.length === end + 4 + Number(length)) {
				done(true, true);
			} else if (answer.length > end + 4 + Number(length)) {
				done(true);
			}
		};

		const onClose = () => {
			done(false);
		};

		socket.on('data', onData);
		socket.on('close', onClose);
		socket.on('connect', () => {
			socket.write('GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n');
		});
		socket.on('error', () => {
			done(false);
		});
	});
}

/**
How many connections are opened beside the probe when a master is up (see `startMaster`).
*/
const startSpares = 2;

/**
A connection to the forward, opened ahead of a request. One that fails or closes meanwhile is left out.
*/
function openSpare(socketPath: string): net.Socket {
	const socket = net.connect(socketPath);
	const drop = () => {
		socket.destroy();
	};

	socket.on('error', drop);
	socket.on('close', drop);
	return socket;
}

/**
Transports started by `preconnectSsh`, not yet taken over.
*/
const warm = new Map<string, SshTransport>();

const warmKey = (target: SshTarget, command: string) =>
	JSON.stringify([command, target.host, target.user, target.port]);

/**
Makes the transport of one `ssh://` engine. The master connection starts at once.

The master is started with a local forward of a socket in the private folder to the far side's
/var/run/docker.sock: a connection is then one SSH channel, with no process started on either side. When that
forward does not reach an engine (the server forbids forwarding, or the engine's socket is elsewhere), every
connection runs `docker system dial-stdio` over the master instead, as the docker CLI does.
*/
export function createSshTransport(
	target: SshTarget,
	options: {readonly command?: string} = {},
): SshTransport {
	const command = options.command ?? 'ssh';
	const key = warmKey(target, command);
	const early = warm.get(key);
	if (early) {
		warm.delete(key);
		return early;
	}

	return makeTransport(target, command);
}

/**
Starts the login to an `ssh://` engine before the engine is made (at start-up, while the dashboard's code is
still loading): the next `createSshTransport` for the same target takes this transport over, master and all.
A login takes a few hundred ms, most of the difference between the first screen over ssh and over a socket.
*/
export function preconnectSsh(
	target: SshTarget,
	options: {readonly command?: string} = {},
): void {
	const command = options.command ?? 'ssh';
	const key = warmKey(target, command);
	if (!warm.has(key)) {
		warm.set(key, makeTransport(target, command));
	}
}

function makeTransport(target: SshTarget, command: string): SshTransport {
	let folder: string | undefined;
	let master: Promise<'forward' | 'dial-stdio'> | undefined;
	let mode: 'forward' | 'dial-stdio' | undefined;
	// Connections opened with the probe, for the first requests after a master (re)started (see `startMaster`).
	let spares: net.Socket[] = [];
	let closed = false;
	let startedOnce = false;

	const paths = () => {
		folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-ssh-'));
		return {
			control: path.join(folder, 'master'),
			forward: path.join(folder, 'docker.sock'),
			log: path.join(folder, 'master.log'),
		};
	};

	const destination = ['--', target.host];

	const spawnSsh = (args: string[], stdio: Array<'pipe' | 'ignore' | number>) =>
		spawn(command, [...sshArgs(target, paths().control), ...args], {
			stdio,
			// No controlling terminal: ssh can never prompt over the dashboard, and Ctrl-C is not its business.
			detached: true,
			env: process.env,
		});

	const exitOf = async (child: ChildProcess) =>
		new Promise<number | null>(resolve => {
			child.on('error', () => {
				resolve(-1);
			});
			child.on('exit', code => {
				resolve(code);
			});
		});

	const masterAlive = async (): Promise<boolean> =>
		(await exitOf(
			spawnSsh(['-O', 'check', ...destination], ['ignore', 'ignore', 'ignore']),
		)) === 0;

	// `-f`: ssh goes to the background once logged in and forwarding, so its exit says whether that worked.
	// ControlPersist ends a master that is left without sessions (dockpit killed), a minute later.
	const startMaster = async (): Promise<'forward' | 'dial-stdio'> => {
		const {control, forward, log} = paths();
		// The first time there is no master to ask about (the folder is new).
		if (!startedOnce || !(await masterAlive())) {
			startedOnce = true;
			fs.rmSync(control, {force: true});
			fs.rmSync(forward, {force: true});
			const logFd = fs.openSync(log, 'w');
			let child: ChildProcess;
			try {
				child = spawnSsh(
					[
						'-o',
						'ControlMaster=yes',
						'-o',
						'ControlPersist=60',
						'-o',
						'ServerAliveInterval=5',
						'-o',
						'ServerAliveCountMax=3',
						'-o',
						'ExitOnForwardFailure=no',
						'-o',
						'StreamLocalBindUnlink=yes',
						'-L',
						`${forward}:${remoteSocket}`,
						'-N',
						'-f',
						...destination,
					],
					['ignore', 'ignore', logFd],
				);
			} finally {
				fs.closeSync(logFd);
			}

			const code = await exitOf(child);
			if (code === -1) {
				throw new EngineError(
					'unreachable',
					`cannot run ssh for ${describeSshTarget(target)}: is the OpenSSH client (ssh) installed?`,
				);
			}

			if (code !== 0) {
				let text = '';
				try {
					text = fs.readFileSync(log, 'utf8');
				} catch {}

				throw sshError(target, text, code);
			}
		}

		// Asked again for each master: a forward that failed while the engine was down may work now.
		// A few more connections are opened beside the probe: each is a channel whose opening takes a round trip
		// to the far side, and the first requests (ping, version and info, then events and the two lists) come
		// in parallel, so they find their channels open instead of each waiting for its own.
		dropSpares();
		const extra = Array.from({length: startSpares}, () => openSpare(forward));
		const probe = await pingOver(forward);
		mode = probe.ok ? 'forward' : 'dial-stdio';
		spares = probe.ok ? [...(probe.spare ? [probe.spare] : []), ...extra] : [];
		if (!probe.ok) {
			for (const socket of extra) {
				socket.destroy();
			}
		}
		return mode;
	};

	const ensureMaster = async () => {
		master ??= startMaster().catch((error: unknown) => {
			master = undefined;
			throw error;
		});
		return master;
	};

	const lost = () =>
		new EngineError(
			'unreachable',
			`cannot reach ${describeSshTarget(target)}: the ssh connection was lost`,
		);

	const takeSpare = (): net.Socket | undefined => {
		for (let socket = spares.shift(); socket; socket = spares.shift()) {
			socket.removeAllListeners('error');
			socket.removeAllListeners('close');
			if (!socket.destroyed) {
				return socket;
			}

			socket.destroy();
		}

		return undefined;
	};

	const dropSpares = () => {
		for (const socket of spares) {
			socket.destroy();
		}

		spares = [];
	};

	const forwardConnection = async (retry: boolean): Promise<Duplex> =>
		new Promise((resolve, reject) => {
			const ready = takeSpare();
			if (ready) {
				resolve(ready);
				return;
			}

			const socket = net.connect(paths().forward);
			const onError = () => {
				// The master went away (link cut, sshd restarted): start a new one, once.
				master = undefined;
				if (retry) {
					ensureMaster().then(
						async () => forwardConnection(false).then(resolve, reject),
						reject,
					);
				} else {
					reject(lost());
				}
			};

			socket.once('error', onError);
			socket.once('connect', () => {
				socket.removeListener('error', onError);
				resolve(socket);
			});
		});

	const dialStdioConnection = (): Duplex =>
		new SshStream(
			spawnSsh(
				['-o', 'ControlMaster=no', '-T', ...destination, ...dialStdio],
				['pipe', 'pipe', 'pipe'],
			),
			() => {
				// The master may be gone (link cut): check it again before the next session.
				master = undefined;
			},
			target,
		);

	class SshAgent extends Agent {
		override createConnection(
			_options: unknown,
			callback?: (error: Error | null, socket: Duplex) => void,
		): undefined {
			const fail = (error: unknown) => {
				callback?.(
					error instanceof Error ? error : new Error(String(error)),
					undefined as unknown as Duplex,
				);
			};

			ensureMaster()
				.then(async how => {
					if (closed) {
						throw new EngineError('aborted', 'the ssh connection was closed');
					}

					return how === 'forward'
						? forwardConnection(true)
						: dialStdioConnection();
				})
				.then(socket => {
					callback?.(null, socket);
				}, fail);
			return undefined;
		}
	}

	const agent = new SshAgent({keepAlive: true, maxSockets: maxSessions});

	const close = () => {
		if (closed) {
			return;
		}

		closed = true;
		process.removeListener('exit', close);
		dropSpares();
		agent.destroy();
		if (folder) {
			spawnSync(
				command,
				[...sshArgs(target, paths().control), '-O', 'exit', ...destination],
				{stdio: 'ignore', timeout: 2000},
			);
			fs.rmSync(folder, {recursive: true, force: true});
		}
	};

	process.on('exit', close);
	// Log in at once, while the dashboard is still being drawn: the first request finds the master ready.
	ensureMaster().catch(() => undefined);
	return {agent, mode: () => mode, close};
}
