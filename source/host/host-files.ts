/**
Checks of host paths before a transfer sends anything: a file that can be written (its folder exists, it is not a
folder, it would not be overwritten unasked), a file that can be read, a folder, and whether a tar is an image
archive as `docker save` makes them (a `manifest.json` or `repositories` at its top). Each answers with the
problem in words, or undefined when all is well.
*/
import fs from 'node:fs';
import path from 'node:path';
import {pipeline} from 'node:stream/promises';
import zlib from 'node:zlib';
import tarStream from 'tar-stream';

/**
Can `file` be created or replaced? `exists` when it is there (the caller asks before overwriting).
*/
export async function writableFile(
	file: string,
): Promise<{readonly problem?: string; readonly exists: boolean}> {
	const folder = path.dirname(file);
	try {
		const stat = await fs.promises.stat(folder);
		if (!stat.isDirectory()) {
			return {problem: `${folder} is not a folder`, exists: false};
		}
	} catch {
		return {problem: `the folder ${folder} does not exist`, exists: false};
	}

	try {
		await fs.promises.access(folder, fs.constants.W_OK);
	} catch {
		return {
			problem: `cannot write in ${folder} (permission denied)`,
			exists: false,
		};
	}

	try {
		const stat = await fs.promises.stat(file);
		if (stat.isDirectory()) {
			return {problem: `${file} is a folder; give a file name`, exists: true};
		}

		try {
			await fs.promises.access(file, fs.constants.W_OK);
		} catch {
			return {
				problem: `cannot replace ${file} (permission denied)`,
				exists: true,
			};
		}

		return {exists: true};
	} catch {
		return {exists: false};
	}
}

/**
Is `file` a file that can be read?
*/
export async function readableFile(file: string): Promise<string | undefined> {
	try {
		const stat = await fs.promises.stat(file);
		if (stat.isDirectory()) {
			return `${file} is a folder, not a file`;
		}

		await fs.promises.access(file, fs.constants.R_OK);
		return undefined;
	} catch (error) {
		return (error as {code?: unknown}).code === 'EACCES'
			? `cannot read ${file} (permission denied)`
			: `${file} does not exist`;
	}
}

/**
Is `folder` a folder?
*/
export async function existingFolder(
	folder: string,
): Promise<string | undefined> {
	try {
		const stat = await fs.promises.stat(folder);
		return stat.isDirectory() ? undefined : `${folder} is not a folder`;
	} catch {
		return `the folder ${folder} does not exist`;
	}
}

/**
What a file starts with: a tar (plain), gzip, or something else (bzip2, xz and zstd are left to the engine).
*/
async function sniff(
	file: string,
): Promise<'tar' | 'gzip' | 'other-compressed' | 'not-tar'> {
	const handle = await fs.promises.open(file, 'r');
	try {
		const header = Buffer.alloc(512);
		const {bytesRead} = await handle.read(header, 0, 512, 0);
		if (bytesRead >= 2 && header[0] === 0x1f && header[1] === 0x8b) {
			return 'gzip';
		}

		if (
			(bytesRead >= 3 && header.subarray(0, 3).toString('latin1') === 'BZh') ||
			(bytesRead >= 6 &&
				header
					.subarray(0, 6)
					.equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) ||
			(bytesRead >= 4 && header.readUInt32LE(0) === 0xfd2fb528)
		) {
			return 'other-compressed';
		}

		if (bytesRead < 512) {
			return 'not-tar';
		}

		return checksumOk(header) ? 'tar' : 'not-tar';
	} finally {
		await handle.close();
	}
}

/**
A tar header's checksum: the sum of its bytes with the checksum field taken as spaces.
*/
function checksumOk(header: Uint8Array): boolean {
	let sum = 0;
	for (let index = 0; index < 512; index++) {
		sum += index >= 148 && index < 156 ? 0x20 : header[index]!;
	}

	const stored = Number.parseInt(
		Buffer.from(header.subarray(148, 156))
			.toString('latin1')
			.replaceAll('\u0000', ' ')
			.trim(),
		8,
	);
	return stored === sum;
}

/**
A header's size field: octal text, or base-256 (the high bit of its first byte set) for sizes over 8 GB.
*/
function entrySize(header: Uint8Array): number {
	const field = header.subarray(124, 136);
	if ((field[0]! & 0x80) !== 0) {
		let size = 0;
		for (let index = 1; index < field.length; index++) {
			size = size * 256 + field[index]!;
		}

		return size;
	}

	const size = Number.parseInt(
		Buffer.from(field).toString('latin1').replaceAll('\u0000', ' ').trim() ||
			'0',
		8,
	);
	return Number.isFinite(size) ? size : Number.NaN;
}

const text = (bytes: Uint8Array) =>
	Buffer.from(bytes).toString('utf8').replace(/\0.*$/s, '');

/**
The top-level names of a plain tar, read header by header with the bodies skipped by seeking (an image archive's
`manifest.json` comes after its layers: reading them through would be reading the whole file once more before it
is sent). Handles ustar prefixes, GNU long names and PAX paths. Stops when `wanted` says so; throws on a damaged
header.
*/
async function walkTar(
	file: string,
	wanted: (name: string) => boolean,
): Promise<boolean> {
	const handle = await fs.promises.open(file, 'r');
	try {
		const header = Buffer.alloc(512);
		let offset = 0;
		let longName: string | undefined;
		for (;;) {
			// eslint-disable-next-line no-await-in-loop
			const {bytesRead} = await handle.read(header, 0, 512, offset);
			if (bytesRead < 512 || header.every(byte => byte === 0)) {
				return false;
			}

			if (!checksumOk(header)) {
				throw new Error('damaged header');
			}

			const size = entrySize(header);
			if (!Number.isFinite(size) || size < 0) {
				throw new Error('damaged size');
			}

			const type = String.fromCodePoint(header[156]!);
			const body = offset + 512;
			offset = body + Math.ceil(size / 512) * 512;
			if (type === 'L' || type === 'x') {
				// A GNU long name or a PAX header: the name of the next entry is in this body.
				const extra = Buffer.alloc(Math.min(size, 1 << 20));
				// eslint-disable-next-line no-await-in-loop
				await handle.read(extra, 0, extra.length, body);
				longName =
					type === 'L'
						? text(extra)
						: /(?:^|\n)\d+ path=([^\n]*)\n/.exec(extra.toString('utf8'))?.[1];
				continue;
			}

			const magic = Buffer.from(header.subarray(257, 262)).toString('latin1');
			const prefix = magic === 'ustar' ? text(header.subarray(345, 500)) : '';
			const name =
				longName ??
				(prefix
					? `${prefix}/${text(header.subarray(0, 100))}`
					: text(header.subarray(0, 100)));
			longName = undefined;
			if (wanted(name.replace(/^\.\//, ''))) {
				return true;
			}
		}
	} finally {
		await handle.close();
	}
}

/**
Is `file` a tar at all (for `docker import`)? undefined when it is (or is compressed, which the engine unpacks).
*/
export async function tarProblem(file: string): Promise<string | undefined> {
	const kind = await sniff(file);
	return kind === 'not-tar' ? `${file} is not a tar archive` : undefined;
}

/**
Is `file` an image archive (for `docker load`)? Reads its headers only and stops at the first `manifest.json` or
`repositories` at the top: a plain tar's bodies are skipped by seeking, a gzipped one is streamed through.
*/
export async function imageArchiveProblem(
	file: string,
	signal?: AbortSignal,
): Promise<string | undefined> {
	const kind = await sniff(file);
	if (kind === 'not-tar') {
		return `${file} is not an image archive (not a tar at all; docker save makes image archives)`;
	}

	if (kind === 'other-compressed') {
		return undefined;
	}

	if (kind === 'tar') {
		try {
			return (await walkTar(
				file,
				name => name === 'manifest.json' || name === 'repositories',
			))
				? undefined
				: `${file} is not an image archive: it has no manifest.json (docker save makes image archives; docker import takes filesystem tarballs)`;
		} catch {
			return `${file} is not an image archive (its tar is damaged)`;
		}
	}

	// A gzipped tar is read through (its bodies cannot be skipped without unpacking them).
	let found = false;
	const extract = tarStream.extract();
	const source = fs.createReadStream(file);
	extract.on('entry', (header, body, next) => {
		const name = header.name.replace(/^\.\//, '');
		if (name === 'manifest.json' || name === 'repositories') {
			found = true;
			source.destroy();
			extract.destroy();
			return;
		}

		body.on('end', next);
		body.resume();
	});
	try {
		const options = signal ? {signal} : {};
		await pipeline(source, zlib.createGunzip(), extract, options);
	} catch {
		if (!found) {
			return `${file} is not an image archive (its tar is damaged)`;
		}
	}

	return found
		? undefined
		: `${file} is not an image archive: it has no manifest.json (docker save makes image archives; docker import takes filesystem tarballs)`;
}
