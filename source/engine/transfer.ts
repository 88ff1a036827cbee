/**
The engine's transfers over dockerode: pull, push, login check, search, build, save, load, import, export, and
files in and out of containers. Everything streams: tars go from disk to the socket and from the socket to
disk without being held in memory, and progress is reported as `TransferEvent`s. An `AbortSignal` aborts the
request. Only `EngineError`s are thrown, in words.
*/
import fs from 'node:fs';
import path from 'node:path';
import {pipeline} from 'node:stream/promises';
import {Transform, type Readable} from 'node:stream';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import tarStream from 'tar-stream';
import {packContext} from './build-context.js';
import {
	belowRoot,
	containerTarget,
	entryType,
	hostTarget,
	parsePathStat,
} from './container-files.js';
import {type Fail, fileError, oneLine} from './errors.js';
import {createNdjsonParser} from './ndjson.js';
import sanitize from '../format/printable.js';
import {
	messageError,
	modemMessage,
	progressEvent,
	registryError,
} from './transfer-progress.js';
import type {
	BuildSpec,
	ContainerFileEntry,
	ContainerPathStat,
	ImportSpec,
	PullOptions,
	PushOptions,
	RegistryAuth,
	TransferEvent,
	TransferOptions,
} from './transfer-types.js';
import {type Engine, EngineError} from './types.js';

/**
The most entries a folder listing keeps.
*/
const maxListing = 5000;

function aborted(what: string): EngineError {
	return new EngineError('aborted', `${what}: cancelled`);
}

/**
Counts the bytes that pass, reporting them.
*/
function byteCounter(
	onEvent: TransferOptions['onEvent'],
	total?: number,
): Transform & {readonly bytes: () => number} {
	let bytes = 0;
	const counter = new Transform({
		transform(chunk: Uint8Array, _encoding, callback) {
			bytes += chunk.length;
			onEvent?.({
				kind: 'bytes',
				current: bytes,
				...(total === undefined ? {} : {total}),
			});
			callback(null, chunk);
		},
	});
	return Object.assign(counter, {bytes: () => bytes});
}

/**
The engine's transfer methods (their types are the `Engine`'s, in types.ts).
*/
export type Transfers = Pick<
	Engine,
	| 'pullImage'
	| 'pushImage'
	| 'checkAuth'
	| 'searchImages'
	| 'buildImage'
	| 'saveImages'
	| 'loadImages'
	| 'importImage'
	| 'exportContainer'
	| 'statContainerPath'
	| 'listContainerFolder'
	| 'copyFromContainer'
	| 'copyToContainer'
>;

export function createTransfers(docker: Docker, fail: Fail): Transfers {
	/**
	Writes a tar the engine sends (`docker save`, `docker export`) to `destination`, counting its bytes: into a
	partial file renamed over `destination` once complete, so a cancelled or failed transfer leaves no half file.
	*/
	async function download(
		what: string,
		stream: Readable,
		destination: string,
		options: TransferOptions,
	): Promise<{readonly bytes: number}> {
		const counter = byteCounter(options.onEvent);
		const partial = `${destination}.partial-${process.pid}`;
		try {
			await pipeline(stream, counter, fs.createWriteStream(partial), {
				...(options.signal ? {signal: options.signal} : {}),
			});
			await fs.promises.rename(partial, destination);
		} catch (error) {
			stream.destroy();
			await fs.promises.rm(partial, {force: true});
			if (options.signal?.aborted) {
				throw aborted(what);
			}

			if ((error as {syscall?: unknown}).syscall === 'open') {
				throw fileError(error, destination, true);
			}

			throw fail(error, what);
		}

		return {bytes: counter.bytes()};
	}

	/**
	Reads an ndjson progress stream to its end, giving each message to `onMessage`; an error message in the
	stream throws (through `toError`).
	*/
	async function follow(
		stream: Readable,
		signal: AbortSignal | undefined,
		what: string,
		onMessage: (raw: Record<string, unknown>) => void,
		toError: (message: string) => EngineError,
	): Promise<void> {
		const parser = createNdjsonParser();
		const onAbort = () => {
			stream.destroy();
		};

		signal?.addEventListener('abort', onAbort, {once: true});
		let streamError: string | undefined;
		try {
			const take = (raw: Record<string, unknown>) => {
				const error = messageError(raw);
				if (error !== undefined) {
					streamError ??= error;
					return;
				}

				onMessage(raw);
			};

			for await (const chunk of stream) {
				for (const raw of parser.push(chunk as Uint8Array)) {
					take(raw);
				}
			}

			for (const raw of parser.end()) {
				take(raw);
			}
		} catch (error) {
			if (signal?.aborted) {
				throw aborted(what);
			}

			throw fail(error, what);
		} finally {
			signal?.removeEventListener('abort', onAbort);
			stream.destroy();
		}

		if (signal?.aborted) {
			throw aborted(what);
		}

		if (streamError !== undefined) {
			throw toError(streamError);
		}
	}

	/**
	Opens a stream request; its HTTP error in words (registry errors for pulls and pushes).
	*/
	async function open(
		what: string,
		signal: AbortSignal | undefined,
		run: () => Promise<unknown>,
		toError?: (message: string, error: unknown) => EngineError,
	): Promise<Readable> {
		if (signal?.aborted) {
			throw aborted(what);
		}

		try {
			return (await run()) as Readable;
		} catch (error) {
			if (signal?.aborted) {
				throw aborted(what);
			}

			const message = modemMessage(error);
			const statusCode = (error as {statusCode?: unknown}).statusCode;
			if (toError && message !== undefined && typeof statusCode === 'number') {
				throw toError(message, error);
			}

			if (message !== undefined && typeof statusCode === 'number') {
				const base = fail(error, what);
				throw new EngineError(
					base.kind,
					`${what}: ${oneLine(message)}`,
					statusCode,
				);
			}

			throw fail(error, what);
		}
	}

	function progress(onEvent: TransferOptions['onEvent']) {
		return (raw: Record<string, unknown>) => {
			const event = progressEvent(raw);
			if (event) {
				onEvent?.(event);
			}
		};
	}

	async function stat(
		id: string,
		file: string,
		signal?: AbortSignal,
	): Promise<ContainerPathStat | undefined> {
		const what = `container ${id.slice(0, 12)}`;
		try {
			const response = (await docker.getContainer(id).infoArchive({
				path: file,
				...(signal ? {abortSignal: signal} : {}),
			})) as {
				headers?: Record<string, unknown>;
				resume?: () => void;
			};
			response.resume?.();
			return parsePathStat(response.headers?.['x-docker-container-path-stat']);
		} catch (error) {
			const statusCode = (error as {statusCode?: unknown}).statusCode;
			if (statusCode === 404) {
				// The container itself is there? A 404 is for either; tell them apart.
				await docker
					.getContainer(id)
					.inspect()
					.catch((inspectError: unknown) => {
						throw fail(inspectError, what);
					});
				return undefined;
			}

			throw fail(error, what);
		}
	}

	async function hostKind(
		file: string,
	): Promise<'file' | 'directory' | 'missing'> {
		try {
			return (await fs.promises.stat(file)).isDirectory()
				? 'directory'
				: 'file';
		} catch {
			return 'missing';
		}
	}

	return {
		async pullImage(reference: string, options: PullOptions = {}) {
			const what = reference;
			const stream = await open(
				what,
				options.signal,
				async () =>
					docker.pull(reference, {
						...(options.platform ? {platform: options.platform} : {}),
						...(options.auth ? {authconfig: options.auth} : {}),
						...(options.signal ? {abortSignal: options.signal} : {}),
					}),
				message => registryError(message, what),
			);
			await follow(
				stream,
				options.signal,
				what,
				progress(options.onEvent),
				message => registryError(message, what),
			);
		},

		async pushImage(reference: string, options: PushOptions = {}) {
			const what = reference;
			let digest: string | undefined;
			const stream = await open(
				what,
				options.signal,
				async () =>
					docker.getImage(reference).push({
						// The engine wants the header even without credentials (the CLI sends `{}`).
						authconfig: options.auth ?? {},
						...(options.signal ? {abortSignal: options.signal} : {}),
					}),
				message => registryError(message, what),
			);
			const onMessage = progress(options.onEvent);
			await follow(
				stream,
				options.signal,
				what,
				raw => {
					const aux = raw['aux'] as {Digest?: unknown} | undefined;
					if (typeof aux?.Digest === 'string') {
						digest = sanitize(aux.Digest);
					}

					onMessage(raw);
				},
				message => registryError(message, what),
			);
			return digest === undefined ? {} : {digest};
		},

		async checkAuth(auth: RegistryAuth, signal?: AbortSignal) {
			const what = `login to ${auth.serveraddress}`;
			try {
				const answer = (await docker.checkAuth({
					...auth,
					...(signal ? {abortSignal: signal} : {}),
				} as unknown as Parameters<Docker['checkAuth']>[0])) as {
					Status?: unknown;
				};
				return {
					status:
						typeof answer?.Status === 'string'
							? oneLine(answer.Status)
							: 'Login Succeeded',
				};
			} catch (error) {
				const message = modemMessage(error) ?? '';
				if (signal?.aborted) {
					throw aborted(what);
				}

				throw registryError(message, what, fail(error, what).kind);
			}
		},

		async searchImages(
			term: string,
			options: {readonly limit?: number; readonly signal?: AbortSignal} = {},
		) {
			const what = `search ${term}`;
			let raw: unknown;
			try {
				raw = await docker.searchImages({
					term,
					limit: options.limit ?? 25,
					...(options.signal ? {abortSignal: options.signal} : {}),
				} as unknown as Parameters<Docker['searchImages']>[0]);
			} catch (error) {
				if (options.signal?.aborted) {
					throw aborted(what);
				}

				const message = modemMessage(error);
				throw message === undefined
					? fail(error, what)
					: registryError(message, what, fail(error, what).kind);
			}

			return (Array.isArray(raw) ? raw : []).map((item: unknown) => {
				const row = (item ?? {}) as Record<string, unknown>;
				return {
					name: sanitize(String(row['name'] ?? '')),
					description: oneLine(String(row['description'] ?? '')),
					stars: typeof row['star_count'] === 'number' ? row['star_count'] : 0,
					official: row['is_official'] === true,
					automated: row['is_automated'] === true,
				};
			});
		},

		async buildImage(spec: BuildSpec, options: TransferOptions = {}) {
			const what = `build of ${spec.context}`;
			let sent = 0;
			const context = await packContext(
				spec.context,
				spec.dockerfile,
				bytes => {
					sent = bytes;
					options.onEvent?.({kind: 'bytes', current: bytes});
				},
			);
			let imageId: string | undefined;
			const stream = await open(what, options.signal, async () =>
				docker.buildImage(
					context as unknown as NodeJS.ReadableStream,
					{
						dockerfile: spec.dockerfile.split(path.sep).join('/'),
						t: [...spec.tags],
						...(Object.keys(spec.buildArgs).length > 0
							? {buildargs: {...spec.buildArgs}}
							: {}),
						...(spec.target ? {target: spec.target} : {}),
						...(spec.labels ? {labels: {...spec.labels}} : {}),
						nocache: spec.noCache,
						pull: spec.pull,
						rm: true,
						forcerm: true,
						...(options.signal ? {abortSignal: options.signal} : {}),
					} as unknown as Docker.ImageBuildOptions,
				),
			);
			await follow(
				stream,
				options.signal,
				what,
				raw => {
					const aux = raw['aux'] as {ID?: unknown} | undefined;
					if (typeof aux?.ID === 'string') {
						imageId = sanitize(aux.ID);
						return;
					}

					const event = progressEvent(raw);
					if (event) {
						options.onEvent?.(event);
					}
				},
				message =>
					new EngineError(
						'bad-request',
						`the build failed: ${oneLine(message)}`,
					),
			);
			if (imageId === undefined) {
				throw new EngineError(
					'server',
					`${what}: the engine did not say which image it built`,
				);
			}

			return {imageId, contextBytes: sent};
		},

		async saveImages(
			references: readonly string[],
			destination: string,
			options: TransferOptions = {},
		) {
			const what = `save of ${references.join(', ')}`;
			const stream = await open(what, options.signal, async () =>
				(
					docker as unknown as {
						getImages(options: Record<string, unknown>): Promise<Readable>;
					}
				).getImages({
					names: [...references],
					...(options.signal ? {abortSignal: options.signal} : {}),
				}),
			);
			return download(what, stream, destination, options);
		},

		async loadImages(source: string, options: TransferOptions = {}) {
			const what = `load of ${source}`;
			let size: number;
			try {
				size = (await fs.promises.stat(source)).size;
			} catch (error) {
				throw fileError(error, source, false);
			}

			const counter = byteCounter(options.onEvent, size);
			const file = fs.createReadStream(source);
			file.on('error', error => counter.destroy(error));
			const body = file.pipe(counter);
			const loaded: string[] = [];
			const notArchive = (message: string) => {
				// The engine unpacks into a folder of its own: its path means nothing to the person.
				const said = oneLine(message).replaceAll(
					/\/\S*\/docker-import-\d+\//g,
					'',
				);
				const missing = /^open ([^:]+): no such file or directory$/i.exec(
					said,
				)?.[1];
				if (missing !== undefined && missing !== 'manifest.json') {
					return new EngineError(
						'bad-request',
						`${path.basename(source)} is not a whole image archive: its manifest.json names ${missing}, which is not in it (the engine said: ${said})`,
					);
				}

				if (
					/invalid character|cannot unmarshal|unexpected end of json/i.test(
						said,
					)
				) {
					return new EngineError(
						'bad-request',
						`${path.basename(source)} is not an image archive: its manifest.json is not what docker save writes (the engine said: ${said})`,
					);
				}

				return /manifest\.json|invalid tar|unexpected eof|archive\/tar|repositories: no such file|does not look like/i.test(
					said,
				)
					? new EngineError(
							'bad-request',
							`${source} is not an image archive (docker save makes those): ${said}`,
						)
					: new EngineError('server', `${what}: ${said}`);
			};
			const stream = await open(
				what,
				options.signal,
				async () =>
					docker.loadImage(body as unknown as string, {
						quiet: true,
						...(options.signal ? {abortSignal: options.signal} : {}),
					}),
				message => notArchive(message),
			);
			await follow(
				stream,
				options.signal,
				what,
				raw => {
					const line = typeof raw['stream'] === 'string' ? raw['stream'] : '';
					const match = /^Loaded image(?: ID)?: (.+?)\s*$/m.exec(line);
					if (match?.[1]) {
						loaded.push(sanitize(match[1]));
					}
				},
				notArchive,
			);
			return {loaded};
		},

		async importImage(
			source: string,
			spec: ImportSpec,
			options: TransferOptions = {},
		) {
			const what = `import of ${source}`;
			let size: number;
			try {
				size = (await fs.promises.stat(source)).size;
			} catch (error) {
				throw fileError(error, source, false);
			}

			const counter = byteCounter(options.onEvent, size);
			const file = fs.createReadStream(source);
			file.on('error', error => counter.destroy(error));
			const body = file.pipe(counter);
			const colon = spec.reference.lastIndexOf(':');
			const hasTag = colon > spec.reference.lastIndexOf('/');
			let imageId: string | undefined;
			const notTar = (message: string) =>
				new EngineError(
					'bad-request',
					/tar|unexpected eof|invalid/i.test(message)
						? `${source} is not a tar archive of a filesystem: ${oneLine(message)}`
						: `${what}: ${oneLine(message)}`,
				);
			const stream = await open(
				what,
				options.signal,
				async () =>
					docker.importImage(
						body as unknown as string,
						{
							...(spec.reference
								? {
										repo: hasTag
											? spec.reference.slice(0, colon)
											: spec.reference,
										tag: hasTag ? spec.reference.slice(colon + 1) : 'latest',
									}
								: {}),
							...(spec.message ? {message: spec.message} : {}),
							...(spec.changes.length > 0 ? {changes: [...spec.changes]} : {}),
							...(options.signal ? {abortSignal: options.signal} : {}),
						} as unknown as Parameters<Docker['importImage']>[1],
					),
				notTar,
			);
			await follow(
				stream,
				options.signal,
				what,
				raw => {
					const status = raw['status'];
					if (
						typeof status === 'string' &&
						/^sha256:[\da-f]{64}$/.test(status)
					) {
						imageId = status;
					}
				},
				notTar,
			);
			if (imageId === undefined) {
				throw new EngineError(
					'server',
					`${what}: the engine did not say which image it made`,
				);
			}

			return {imageId};
		},

		async exportContainer(
			id: string,
			destination: string,
			options: TransferOptions = {},
		) {
			const what = `export of container ${id.slice(0, 12)}`;
			const stream = await open(what, options.signal, async () =>
				docker.getContainer(id).export(),
			);
			return download(what, stream, destination, options);
		},

		statContainerPath: stat,

		async listContainerFolder(
			id: string,
			folder: string,
			signal?: AbortSignal,
		) {
			const what = `container ${id.slice(0, 12)}`;
			const info = await stat(id, folder, signal);
			if (!info) {
				throw new EngineError(
					'not-found',
					`${folder} does not exist in the container`,
				);
			}

			if (!info.directory) {
				throw new EngineError('bad-request', `${folder} is not a folder`);
			}

			const response = await open(what, signal, async () =>
				docker.getContainer(id).getArchive({
					path: folder,
					...(signal ? {abortSignal: signal} : {}),
				}),
			);
			const root = info.name;
			const entries = new Map<string, ContainerFileEntry>();
			const extract = tarStream.extract();
			extract.on('entry', (header, body, next) => {
				const relative = belowRoot(header.name, root);
				if (
					relative !== '' &&
					!relative.includes('/') &&
					entries.size < maxListing
				) {
					entries.set(relative, {
						name: sanitize(relative),
						type: entryType(header.type ?? undefined),
						size: header.size ?? 0,
						// eslint-disable-next-line no-bitwise
						mode: (header.mode ?? 0) & 0o7777,
						modified: header.mtime ? header.mtime.getTime() : 0,
						...(header.linkname ? {linkTarget: sanitize(header.linkname)} : {}),
					});
				}

				body.on('end', next);
				body.resume();
			});
			try {
				await pipeline(response, extract, {
					...(signal ? {signal} : {}),
				});
			} catch (error) {
				if (signal?.aborted) {
					throw aborted(what);
				}

				throw fail(error, what);
			}

			return [...entries.values()].sort((a, b) =>
				a.type === 'directory' && b.type !== 'directory'
					? -1
					: b.type === 'directory' && a.type !== 'directory'
						? 1
						: a.name.localeCompare(b.name),
			);
		},

		async copyFromContainer(
			id: string,
			source: string,
			destination: string,
			options: TransferOptions = {},
		) {
			const what = `container ${id.slice(0, 12)}`;
			const info = await stat(id, source, options.signal);
			if (!info) {
				throw new EngineError(
					'not-found',
					`${source} does not exist in the container`,
				);
			}

			const kind = await hostKind(destination);
			const parent = await hostKind(
				path.dirname(destination.replace(/\/+$/, '') || '/'),
			);
			const target = hostTarget({
				source,
				sourceIsDirectory: info.directory,
				destination,
				destinationKind: kind,
				parentIsDirectory: parent === 'directory',
			});
			if (!target.ok) {
				throw new EngineError('bad-request', target.error);
			}

			const response = await open(what, options.signal, async () =>
				docker.getContainer(id).getArchive({
					path: source,
					...(options.signal ? {abortSignal: options.signal} : {}),
				}),
			);
			const counter = byteCounter(options.onEvent);
			const root = info.name;
			const newRoot = path.basename(target.target);
			const into = path.resolve(path.dirname(target.target));
			// Symlinks are copied as they are, as docker cp does (`/etc/mtab -> /proc/mounts`), but tar-fs refuses
			// those that point outside the folder (something later in the tar could be written through them). They are
			// set aside and made once everything else is written, when nothing can go through them any more.
			const links: Array<{readonly at: string; readonly to: string}> = [];
			const extract = tar.extract(into, {
				map(header) {
					const relative = belowRoot(header.name, root);
					header.name = relative === '' ? newRoot : `${newRoot}/${relative}`;
					return header;
				},
				ignore(name, headers) {
					const header = headers as
						{readonly type?: string; readonly linkname?: string} | undefined;
					if (header?.type !== 'symlink' || !header.linkname) {
						return false;
					}

					const to = path.resolve(path.dirname(name), header.linkname);
					if (to === into || to.startsWith(into + path.sep)) {
						return false;
					}

					links.push({at: name, to: header.linkname});
					return true;
				},
			});
			try {
				await pipeline(response, counter, extract, {
					...(options.signal ? {signal: options.signal} : {}),
				});
			} catch (error) {
				if (options.signal?.aborted) {
					throw aborted(what);
				}

				const code = (error as {code?: unknown}).code;
				if (
					typeof code === 'string' &&
					code.startsWith('E') &&
					code !== 'ECONNRESET'
				) {
					throw fileError(error, target.target, true);
				}

				throw fail(error, what);
			}

			const realInto = await fs.promises.realpath(into);
			for (const link of links) {
				const inside = path.resolve(link.at);
				try {
					// Its folder must really be inside (not reached through a link made before it).
					// eslint-disable-next-line no-await-in-loop
					const parent = await fs.promises.realpath(path.dirname(inside));
					if (parent !== realInto && !parent.startsWith(realInto + path.sep)) {
						continue;
					}

					// eslint-disable-next-line no-await-in-loop
					await fs.promises.rm(inside, {force: true});
					// eslint-disable-next-line no-await-in-loop
					await fs.promises.symlink(link.to, inside);
				} catch (error) {
					throw fileError(error, inside, true);
				}
			}

			return {bytes: counter.bytes(), destination: target.target};
		},

		async copyToContainer(
			id: string,
			source: string,
			destination: string,
			options: TransferOptions = {},
		) {
			const what = `container ${id.slice(0, 12)}`;
			let sourceStat: fs.Stats;
			try {
				sourceStat = await fs.promises.stat(source.replace(/\/\.$/, '') || '/');
			} catch (error) {
				throw fileError(error, source, false);
			}

			const destinationStat = await stat(id, destination, options.signal);
			const clean = destination.replace(/\/+$/, '') || '/';
			const parentStat = destinationStat
				? undefined
				: await stat(id, path.posix.dirname(clean), options.signal);
			const target = containerTarget({
				source,
				sourceIsDirectory: sourceStat.isDirectory(),
				destination,
				...(destinationStat ? {destinationStat} : {}),
				...(parentStat ? {parentStat} : {}),
			});
			if (!target.ok) {
				throw new EngineError('bad-request', target.error);
			}

			const bare = source.replace(/\/\.$/, '').replace(/\/+$/, '') || '/';
			const sourceName = path.basename(bare);
			const pack = tar.pack(path.dirname(bare), {
				entries: [sourceName],
				map(header) {
					const rest =
						header.name === sourceName
							? ''
							: header.name.slice(sourceName.length + 1);
					header.name =
						target.name === '.'
							? rest === ''
								? '.'
								: rest
							: rest === ''
								? target.name
								: `${target.name}/${rest}`;
					header.uid = 0;
					header.gid = 0;
					return header;
				},
			});
			const counter = byteCounter(options.onEvent);
			pack.on('error', (error: Error) => counter.destroy(error));
			try {
				await docker
					.getContainer(id)
					.putArchive(pack.pipe(counter) as unknown as string, {
						path: target.folder,
						...(options.signal ? {abortSignal: options.signal} : {}),
					});
			} catch (error) {
				if (options.signal?.aborted) {
					throw aborted(what);
				}

				const message = modemMessage(error);
				throw message === undefined
					? fail(error, what)
					: new EngineError(
							fail(error, what).kind,
							`${what}: ${oneLine(message)}`,
						);
			}

			return {
				bytes: counter.bytes(),
				destination: path.posix.join(target.folder, target.name),
			};
		},
	};
}

/**
Every event of a transfer, for tests and the bench: collects them in order.
*/
export function collectEvents(): {
	readonly events: TransferEvent[];
	readonly onEvent: (event: TransferEvent) => void;
} {
	const events: TransferEvent[] = [];
	return {events, onEvent: event => events.push(event)};
}
