/**
Files in and out of a container through the engine's archive endpoints, with `docker cp`'s rules for where
things land (pure parts here; the requests are in `transfer.ts`).
*/
import path from 'node:path';
import type {ContainerFileEntry, ContainerPathStat} from './transfer-types.js';

const goDirectory = 2 ** 31;
const goSymlink = 2 ** 27;

/**
The `X-Docker-Container-Path-Stat` header (base64 JSON with a Go `os.FileMode`), or undefined.
*/
export function parsePathStat(header: unknown): ContainerPathStat | undefined {
	if (typeof header !== 'string' || header === '') {
		return undefined;
	}

	try {
		const raw = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {
			name?: unknown;
			size?: unknown;
			mode?: unknown;
			linkTarget?: unknown;
		};
		const mode = typeof raw.mode === 'number' ? raw.mode : 0;
		return {
			name: typeof raw.name === 'string' ? raw.name : '',
			size: typeof raw.size === 'number' ? raw.size : 0,
			// eslint-disable-next-line no-bitwise
			directory: Math.floor(mode / goDirectory) % 2 === 1,
			// eslint-disable-next-line no-bitwise
			mode: mode & 0o7777,
			...(typeof raw.linkTarget === 'string' && raw.linkTarget !== ''
				? {linkTarget: raw.linkTarget}
				: Math.floor(mode / goSymlink) % 2 === 1
					? {linkTarget: ''}
					: {}),
		};
	} catch {
		return undefined;
	}
}

/**
A tar entry's path below the archive's root (`d/e/f` → `e/f`; the root itself → `''`). The engine names the root
after the folder asked for (`d`, `.` for `d/.`, `/` for `/`).
*/
export function belowRoot(name: string, root: string): string {
	const trimmed = name.replace(/\/+$/, '');
	if (root === '/' || root === '') {
		return trimmed.replace(/^\/+/, '');
	}

	const bare = trimmed.replace(/^\.\//, '');
	if (root === '.') {
		return bare === '.' ? '' : bare;
	}

	if (bare === root) {
		return '';
	}

	return bare.startsWith(`${root}/`) ? bare.slice(root.length + 1) : bare;
}

/**
A tar header's type as a file browser shows it.
*/
export function entryType(
	type: string | undefined,
): ContainerFileEntry['type'] {
	switch (type) {
		case 'file':
		case 'contiguous-file': {
			return 'file';
		}

		case 'directory': {
			return 'directory';
		}

		case 'symlink':
		case 'link': {
			return 'symlink';
		}

		default: {
			return 'other';
		}
	}
}

/**
Where `docker cp CONTAINER:SOURCE DESTINATION` puts things on the host, given what is at the destination, or why
it cannot. `target` is the path the archive's root becomes.
*/
export function hostTarget(options: {
	readonly source: string;
	readonly sourceIsDirectory: boolean;
	readonly destination: string;
	readonly destinationKind: 'file' | 'directory' | 'missing';
	readonly parentIsDirectory: boolean;
}):
	| {readonly ok: true; readonly target: string}
	| {readonly ok: false; readonly error: string} {
	const {source, sourceIsDirectory, destination, destinationKind} = options;
	const trailingSlash = /\/$/.test(destination);
	const contentsOnly = /\/\.$/.test(source);
	const base = path.posix.basename(source.replace(/\/+$/, '')) || '/';
	if (!sourceIsDirectory && /\/$/.test(source)) {
		return {ok: false, error: `${source} is not a folder in the container`};
	}

	if (destinationKind === 'directory') {
		if (sourceIsDirectory && contentsOnly) {
			return {ok: true, target: destination};
		}

		return {
			ok: true,
			target: path.join(destination, base === '/' ? 'root' : base),
		};
	}

	if (destinationKind === 'file') {
		if (sourceIsDirectory) {
			return {
				ok: false,
				error: `cannot copy a folder onto the file ${destination}`,
			};
		}

		if (trailingSlash) {
			return {ok: false, error: `${destination} is a file, not a folder`};
		}

		return {ok: true, target: destination};
	}

	if (trailingSlash && !sourceIsDirectory) {
		return {
			ok: false,
			error: `the folder ${destination} does not exist`,
		};
	}

	if (!options.parentIsDirectory) {
		return {
			ok: false,
			error: `the folder ${path.dirname(destination.replace(/\/+$/, ''))} does not exist`,
		};
	}

	return {ok: true, target: destination.replace(/\/+$/, '')};
}

/**
Where `docker cp SOURCE CONTAINER:DESTINATION` puts things in the container: the folder the archive is unpacked
in (it must exist there) and the name the source's root gets in it, or why it cannot.
*/
export function containerTarget(options: {
	readonly sourceIsDirectory: boolean;
	readonly source: string;
	readonly destination: string;
	readonly destinationStat?: ContainerPathStat;
	readonly parentStat?: ContainerPathStat;
}):
	| {readonly ok: true; readonly folder: string; readonly name: string}
	| {readonly ok: false; readonly error: string} {
	const {source, sourceIsDirectory, destination, destinationStat} = options;
	const base = path.basename(source.replace(/\/+$/, ''));
	const contentsOnly = /\/\.$/.test(source);
	const clean = destination.replace(/\/+$/, '') || '/';
	if (destinationStat?.directory) {
		return {ok: true, folder: clean, name: contentsOnly ? '.' : base};
	}

	if (destinationStat) {
		if (sourceIsDirectory) {
			return {
				ok: false,
				error: `cannot copy a folder onto the file ${destination} in the container`,
			};
		}

		if (/\/$/.test(destination)) {
			return {
				ok: false,
				error: `${destination} is a file in the container, not a folder`,
			};
		}

		return {
			ok: true,
			folder: path.posix.dirname(clean),
			name: path.posix.basename(clean),
		};
	}

	if (/\/$/.test(destination) && !sourceIsDirectory) {
		return {
			ok: false,
			error: `the folder ${destination} does not exist in the container`,
		};
	}

	if (!options.parentStat?.directory) {
		return {
			ok: false,
			error: `the folder ${path.posix.dirname(clean)} does not exist in the container`,
		};
	}

	return {
		ok: true,
		folder: path.posix.dirname(clean),
		name: path.posix.basename(clean),
	};
}
