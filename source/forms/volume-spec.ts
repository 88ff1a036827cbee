import {posix} from 'node:path';
import {type Result, ok, fail, excerpt} from './result.js';
import {splitCommand} from './shell-split.js';

/**
One `docker run -v` value taken apart.
*/
export type VolumeSpec = {
	/**
	`bind` for a host path, `volume` for a named volume, `anonymous` for a container path alone.
	*/
	readonly kind: 'bind' | 'volume' | 'anonymous';
	/**
	The host path or the volume name; absent for an anonymous volume.
	*/
	readonly source?: string;
	/**
	The absolute path in the container.
	*/
	readonly target: string;
	readonly readOnly: boolean;
	/**
	The mode options as given, comma-separated (`ro`, `rw,Z`), when any.
	*/
	readonly mode?: string;
	/**
	The spec in `-v` syntax again (`/host:/ctr:ro`, `name:/ctr`, `/ctr`).
	*/
	readonly spec: string;
};

const volumeName = /^[a-zA-Z\d][\w.-]+$/;
const modeOptions = new Set(['ro', 'rw', 'z', 'Z']);

/**
Checks a mode (`ro`, `rw`, `z`, `Z`, comma-separated, at most one of ro/rw and one of z/Z); `undefined` when it is
valid, otherwise the message.
*/
function modeError(mode: string): string | undefined {
	if (mode.includes('/')) {
		return 'separate volumes with spaces, not commas';
	}

	const options = mode.split(',');
	for (const option of options) {
		if (option === '') {
			return `volume mode has an empty part: ${excerpt(mode)}`;
		}

		if (!modeOptions.has(option)) {
			return `volume mode must be ro or rw (z, Z also allowed): ${excerpt(option)}`;
		}
	}

	if (options.includes('ro') && options.includes('rw')) {
		return 'volume mode cannot be both ro and rw';
	}

	if (options.filter(option => option === 'ro' || option === 'rw').length > 1) {
		return `volume mode is given twice: ${excerpt(mode)}`;
	}

	if (options.filter(option => option === 'z' || option === 'Z').length > 1) {
		return 'volume mode can have only one of z or Z';
	}

	return undefined;
}

/**
Checks a container path; `undefined` when it is valid, otherwise the message.
*/
function targetError(target: string): string | undefined {
	if (target === '') {
		return 'container path is required, e.g. /host:/data';
	}

	if (!target.startsWith('/')) {
		return `container path must be absolute: ${excerpt(target)}`;
	}

	if (posix.normalize(target) === '/' || /^\/+$/.test(target)) {
		return 'container path cannot be /';
	}

	return undefined;
}

/**
Parses one `docker run -v` value (Linux syntax):

- `/host/path:/ctr/path[:mode]`: a bind mount; the host path must be absolute;
- `name:/ctr/path[:mode]`: a named volume, name `[a-zA-Z0-9][a-zA-Z0-9_.-]+`;
- `/ctr/path[:mode]`: an anonymous volume.

The container path must be absolute and not `/`. The mode is `ro` or `rw`, optionally with SELinux `z` or `Z`
(`ro,Z`); other Docker options (propagation, `nocopy`) are not accepted here. Surrounding whitespace is ignored,
but paths with `:` cannot be written in this syntax.
*/
export function parseVolumeSpec(text: string): Result<VolumeSpec> {
	const spec = text.trim();
	if (spec === '') {
		return fail('enter a volume, e.g. /host:/data');
	}

	const parts = spec.split(':');
	if (parts.length > 3) {
		return fail(`too many ":" in volume: ${excerpt(spec)}`);
	}

	let source: string | undefined;
	let target: string;
	let mode: string | undefined;
	if (parts.length === 1) {
		target = parts[0]!;
	} else if (parts.length === 2) {
		// Like Docker: `a:b` is target:mode when b is a mode, otherwise source:target.
		if (modeError(parts[1]!) === undefined) {
			target = parts[0]!;
			mode = parts[1]!;
		} else {
			source = parts[0]!;
			target = parts[1]!;
		}
	} else {
		source = parts[0]!;
		target = parts[1]!;
		mode = parts[2]!;
	}

	let kind: VolumeSpec['kind'] = 'anonymous';
	if (source !== undefined) {
		if (source === '') {
			return fail('host path or volume name is missing before :');
		}

		if (source.startsWith('/')) {
			kind = 'bind';
		} else if (
			source.includes('/') ||
			source.startsWith('.') ||
			source.startsWith('~')
		) {
			return fail(`host path must be absolute: ${excerpt(source)}`);
		} else if (volumeName.test(source)) {
			kind = 'volume';
		} else {
			return fail(
				`volume name may only contain letters, digits, _ . - (2+ characters): ${excerpt(source)}`,
			);
		}
	}

	const targetProblem = targetError(target);
	if (targetProblem !== undefined) {
		return fail(
			kind === 'anonymous' && !target.startsWith('/') && target !== ''
				? `container path must be absolute (or use name:/path): ${excerpt(target)}`
				: targetProblem,
		);
	}

	if (mode !== undefined) {
		if (mode === '') {
			return fail('volume mode is empty (remove the : or write ro or rw)');
		}

		const problem = modeError(mode);
		if (problem !== undefined) {
			return fail(problem);
		}
	}

	return ok({
		kind,
		...(source === undefined ? {} : {source}),
		target,
		readOnly: mode?.split(',').includes('ro') ?? false,
		...(mode === undefined ? {} : {mode}),
		spec: [source, target, mode].filter(part => part !== undefined).join(':'),
	});
}

/**
Parses a field of several `-v` values separated by whitespace, with shell quoting (see `splitCommand`) for paths
that contain spaces: `/srv/www:/usr/share/nginx/html:ro "/my files:/data" cache:/cache`. Commas do not separate
volumes, because they separate mode options (`ro,Z`). An empty field is no volumes. Fails when two volumes are
mounted at the same container path.
*/
export function parseVolumeList(text: string): Result<VolumeSpec[]> {
	const words = splitCommand(text);
	if (!words.ok) {
		return words;
	}

	const volumes: VolumeSpec[] = [];
	const targets = new Set<string>();
	for (const word of words.value) {
		const parsed = parseVolumeSpec(word);
		if (!parsed.ok) {
			return parsed;
		}

		const target = posix.normalize(parsed.value.target).replace(/\/$/, '');
		if (targets.has(target)) {
			return fail(`${excerpt(parsed.value.target)} is mounted twice`);
		}

		targets.add(target);
		volumes.push(parsed.value);
	}

	return ok(volumes);
}
