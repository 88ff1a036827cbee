/**
The compose CLI on this machine, for what the engine API cannot do (up, down, pull, build, recreate): `docker
compose` (the v2 plugin) when the docker CLI has it, else `docker-compose` (v1, or v2 standalone). It runs in
the project's working folder with its config files, as the labels of its containers name them, against the
engine dockpit talks to; every line it writes is sanitised before it goes anywhere.
*/
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import sanitize from '../format/printable.js';
import type {ProjectSpec} from '../state/projects.js';

export type ComposeCli = {
	/**
	`['docker', 'compose']` or `['docker-compose']`.
	*/
	readonly command: readonly string[];
	/**
	What `version --short` said (`2.24.0`, `1.29.2`).
	*/
	readonly version: string;
};

export type ComposeVerb = 'up' | 'down' | 'pull' | 'build' | 'recreate';

/**
Runs `argv` and resolves with its exit code and output; never rejects (a missing program is exit code 127).
*/
async function probe(
	argv: readonly string[],
): Promise<{readonly code: number; readonly output: string}> {
	return new Promise(resolve => {
		let output = '';
		const child = spawn(argv[0]!, argv.slice(1), {
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: 10_000,
		});
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.stderr.on('data', () => undefined);
		child.on('error', () => {
			resolve({code: 127, output});
		});
		child.on('close', code => {
			resolve({code: code ?? 1, output});
		});
	});
}

async function detect(): Promise<ComposeCli | undefined> {
	for (const command of [['docker', 'compose'], ['docker-compose']]) {
		// eslint-disable-next-line no-await-in-loop
		const {code, output} = await probe([...command, 'version', '--short']);
		if (code === 0) {
			return {command, version: sanitize(output.trim()).slice(0, 40)};
		}
	}

	return undefined;
}

let finder: () => Promise<ComposeCli | undefined> = detect;
let found: Promise<ComposeCli | undefined> | undefined;

/**
The compose CLI, looked for once per run (the first time a key needs it); undefined when neither is installed.
*/
export async function findComposeCli(): Promise<ComposeCli | undefined> {
	found ??= finder();
	return found;
}

/**
For component tests: where `findComposeCli` looks (and forget what it found).
*/
export function setComposeFinder(
	next: () => Promise<ComposeCli | undefined>,
): void {
	finder = next;
	found = undefined;
}

/**
The words a person would type for `verb` on `spec` (and one service of it): `-p NAME -f FILE… up -d web`.
*/
export function composeArguments(
	spec: ProjectSpec,
	verb: ComposeVerb,
	service?: string,
): string[] {
	const files = spec.configFiles.flatMap(file => ['-f', file]);
	const services = service === undefined ? [] : [service];
	const tail: Record<ComposeVerb, string[]> = {
		up: ['up', '-d', ...services],
		recreate: ['up', '-d', '--force-recreate', ...services],
		// `down` is for a whole project; one service is stopped and removed instead.
		down:
			service === undefined
				? ['down']
				: ['rm', '--stop', '--force', ...services],
		pull: ['pull', ...services],
		build: ['build', ...services],
	};
	return ['-p', spec.project, ...files, ...tail[verb]];
}

/**
Why the compose CLI cannot run for `spec` here, in words, or undefined when it can: the project must have a
working folder on this machine (a remote engine's projects live elsewhere) and its config files must be there.
*/
export function composeProblem(spec: ProjectSpec): string | undefined {
	if (!spec.workingDir) {
		return `project ${spec.project} has no working folder label (com.docker.compose.project.working_dir); it was not made by compose up`;
	}

	let isFolder = false;
	try {
		isFolder = fs.statSync(spec.workingDir).isDirectory();
	} catch {}

	if (!isFolder) {
		return `the folder of project ${spec.project}, ${spec.workingDir}, is not on this machine (was it made on another host, or moved?)`;
	}

	const missing = spec.configFiles.find(
		file => !fs.existsSync(path.resolve(spec.workingDir!, file)),
	);
	return missing
		? `the compose file ${missing} of project ${spec.project} is not there any more`
		: undefined;
}

/**
Splits output into lines on `\n` and on `\r` (progress lines that overwrite themselves), chunk-safe.
*/
export function createOutputLines(): {
	push(chunk: string): string[];
	end(): string[];
} {
	let pending = '';
	return {
		push(chunk) {
			pending += chunk;
			const parts = pending.split(/\r\n|\r|\n/);
			pending = parts.pop() ?? '';
			if (pending.length > 4000) {
				parts.push(pending);
				pending = '';
			}

			return parts;
		},
		end() {
			const rest = pending;
			pending = '';
			return rest === '' ? [] : [rest];
		},
	};
}

/**
Runs the compose CLI with `arguments_` in `cwd` against the engine at `host`; every line of its output (both
streams, sanitised, at most 500 characters) goes to `onLine`. Resolves with the exit code; the signal stops it
(SIGTERM). Rejects only when the program cannot be started.
*/
export async function runCompose(
	cli: ComposeCli,
	arguments_: readonly string[],
	options: {
		readonly cwd: string;
		readonly host: string;
		readonly signal: AbortSignal;
		readonly onLine: (line: string) => void;
	},
): Promise<number> {
	const [program, ...before] = cli.command;
	// The same engine as dockpit: a `--host` given to dockpit wins over the environment, as it does for dockpit.
	const env: NodeJS.ProcessEnv = {
		...process.env,
		...(/^(unix|tcp|ssh|npipe):\/\//.test(options.host)
			? {DOCKER_HOST: options.host}
			: {}),
		// Plain lines, no colours or cursor tricks: the output is shown line by line.
		COMPOSE_ANSI: 'never',
		COMPOSE_PROGRESS: 'plain',
		NO_COLOR: '1',
	};
	return new Promise((resolve, reject) => {
		const child = spawn(program!, [...before, ...arguments_], {
			cwd: options.cwd,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			signal: options.signal,
		});
		const emit = (lines: string[]) => {
			for (const line of lines) {
				const clean = sanitize(line).trimEnd();
				if (clean !== '') {
					options.onLine(
						clean.length > 500 ? clean.slice(0, 499) + '…' : clean,
					);
				}
			}
		};

		for (const stream of [child.stdout, child.stderr]) {
			const lines = createOutputLines();
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => {
				emit(lines.push(chunk));
			});
			stream.on('end', () => {
				emit(lines.end());
			});
		}

		child.on('error', error => {
			if (options.signal.aborted) {
				resolve(130);
				return;
			}

			reject(error);
		});
		child.on('close', (code, signal) => {
			resolve(code ?? (signal ? 128 + 15 : 1));
		});
	});
}
