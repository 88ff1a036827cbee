/**
A build context as the docker CLI sends it: a tar of the context folder, streamed from disk (never held whole in
memory), without what `.dockerignore` excludes, owned by root (0:0) as the CLI's archive is.

The `.dockerignore` rules are Docker's own (`@balena/dockerignore`, a port of moby's fileutils): paths relative to
the context, `!` exceptions, and a folder that is excluded is still walked when an exception could bring
something inside it back. Like the CLI, the Dockerfile and `.dockerignore` itself are always sent, even when a
pattern excludes them, so that the engine can read them.
*/
import fs from 'node:fs';
import path from 'node:path';
import {Transform, type Readable} from 'node:stream';
import dockerignoreModule from '@balena/dockerignore';
import tar from 'tar-fs';

// A CommonJS module whose types declare an ES default export: at run time the function is the module itself.
const dockerignore = ((dockerignoreModule as unknown as {default?: unknown})
	.default ??
	dockerignoreModule) as unknown as typeof dockerignoreModule.default;

/**
The patterns of a `.dockerignore` file, as Docker reads them: one a line, `#` comments and blank lines skipped,
surrounding space trimmed.
*/
export function readDockerignore(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map(line => line.trim())
		.filter(line => line !== '' && !line.startsWith('#'));
}

/**
A predicate: is this path (relative to the context, `/`-separated) left out of the context?
*/
export function contextFilter(
	patterns: readonly string[],
	dockerfile: string,
): (relative: string, directory: boolean) => boolean {
	const keep = [
		...patterns,
		// The CLI's TrimBuildFilesFromExcludes: the Dockerfile and .dockerignore always go.
		'!.dockerignore',
		`!${dockerfile.split(path.sep).join('/')}`,
	];
	const matcher = dockerignore({ignorecase: false}).add(keep);
	const hasExceptions = patterns.some(pattern => pattern.startsWith('!'));
	return (relative, directory) => {
		if (relative === '' || relative === '.') {
			return false;
		}

		if (!matcher.ignores(relative)) {
			return false;
		}

		// An excluded folder is still walked when an exception may re-include something inside it.
		return !(directory && hasExceptions);
	};
}

/**
The context of a build as a tar stream, and a count of the bytes it has given so far.
*/
export async function packContext(
	context: string,
	dockerfile: string,
	onBytes?: (bytes: number) => void,
): Promise<Readable> {
	let patterns: string[] = [];
	try {
		patterns = readDockerignore(
			await fs.promises.readFile(path.join(context, '.dockerignore'), 'utf8'),
		);
	} catch {
		// No .dockerignore: everything goes.
	}

	const excluded = contextFilter(patterns, dockerfile);
	const pack = tar.pack(context, {
		ignore(name) {
			const relative = path.relative(context, name).split(path.sep).join('/');
			let directory = false;
			try {
				directory = fs.lstatSync(name).isDirectory();
			} catch {}

			return excluded(relative, directory);
		},
		map(header) {
			header.uid = 0;
			header.gid = 0;
			return header;
		},
	});
	let bytes = 0;
	const counter = new Transform({
		transform(chunk: Uint8Array, _encoding, callback) {
			bytes += chunk.length;
			onBytes?.(bytes);
			callback(null, chunk);
		},
	});
	pack.on('error', (error: Error) => counter.destroy(error));
	return pack.pipe(counter);
}
