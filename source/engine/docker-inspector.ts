/**
The `InspectorEngine` half of the dockerode engine: logs (demultiplexed unless the container has a TTY), stats,
top, wait and the raw inspect document. `docker-engine.ts` spreads it into its engine; every method rethrows as
`EngineError`, and every stream is torn down when its signal aborts.
*/
import type {Readable} from 'node:stream';
import type Docker from 'dockerode';
import {createLogDemuxer} from './log-demux.js';
import type {InspectorEngine, LogChunk} from './inspector-types.js';
import {createNdjsonParser} from './ndjson.js';
import {normalizeStats} from './stats-math.js';
import {EngineError} from './types.js';

type Call = <T>(what: string | undefined, run: () => Promise<T>) => Promise<T>;
type Fail = (error: unknown, what?: string) => EngineError;

const short = (id: string) =>
	/^(sha256:)?[\da-f]{64}$/.test(id)
		? id.replace(/^sha256:/, '').slice(0, 12)
		: id;

/**
The chunks of `stream` until it ends or `signal` aborts; the stream is destroyed either way.
*/
async function* chunks(
	stream: Readable,
	signal: AbortSignal,
	what: string,
	fail: Fail,
): AsyncGenerator<Uint8Array> {
	const onAbort = () => {
		stream.destroy();
	};

	signal.addEventListener('abort', onAbort, {once: true});
	try {
		for await (const chunk of stream) {
			yield chunk as Uint8Array;
		}
	} catch (error) {
		if (signal.aborted) {
			throw new EngineError('aborted', `stopped following ${what}`);
		}

		throw fail(error, what);
	} finally {
		signal.removeEventListener('abort', onAbort);
		stream.destroy();
	}

	if (signal.aborted) {
		throw new EngineError('aborted', `stopped following ${what}`);
	}
}

export function inspectorMethods(
	docker: Docker,
	call: Call,
	fail: Fail,
): InspectorEngine {
	return {
		async *containerLogs(id, options) {
			const what = `container ${short(id)}`;
			const {signal} = options;
			if (signal.aborted) {
				throw new EngineError('aborted', `stopped following ${what}`);
			}

			const container = docker.getContainer(id);
			const info = (await call(what, async () => container.inspect())) as {
				Config?: {Tty?: unknown};
			};
			const tty = info.Config?.Tty === true;
			const tail = options.tail ?? 1000;
			const query = {
				follow: options.follow ?? true,
				stdout: true,
				stderr: true,
				timestamps: options.timestamps ?? true,
				tail: tail === 'all' ? 'all' : String(Math.max(0, Math.floor(tail))),
				...(options.since === undefined
					? {}
					: {
							since: `${Math.floor(options.since / 1000)}.${String(Math.floor(options.since % 1000)).padStart(3, '0')}`,
						}),
			};
			let stream: Readable;
			try {
				// Always as a stream, also without `follow` (dockerode's `logs` would buffer the whole log then: a
				// save of a big log would sit in memory and write nothing until the engine had sent it all).
				stream = await new Promise<Readable>((resolve, reject) => {
					(
						docker.modem as unknown as {
							dial(
								options: Record<string, unknown>,
								callback: (error: unknown, data: unknown) => void,
							): void;
						}
					).dial(
						{
							path: `/containers/${encodeURIComponent(container.id)}/logs?`,
							method: 'GET',
							abortSignal: signal,
							isStream: true,
							statusCodes: {
								200: true,
								404: 'no such container',
								500: 'server error',
							},
							options: query,
						},
						(error, data) => {
							if (error) {
								reject(error);
							} else {
								resolve(data as Readable);
							}
						},
					);
				});
			} catch (error) {
				if (signal.aborted) {
					throw new EngineError('aborted', `stopped following ${what}`);
				}

				throw fail(error, what);
			}

			const demux = tty ? undefined : createLogDemuxer();
			for await (const chunk of chunks(stream, signal, what, fail)) {
				if (demux) {
					yield* demux.push(chunk);
				} else {
					yield {stream: 'stdout', data: chunk} satisfies LogChunk;
				}
			}
		},

		async *containerStats(id, {signal}) {
			const what = `stats of container ${short(id)}`;
			let stream: Readable;
			try {
				stream = (await docker.getContainer(id).stats({
					stream: true,
					abortSignal: signal,
				} as unknown as {stream: true})) as unknown as Readable;
			} catch (error) {
				if (signal.aborted) {
					throw new EngineError('aborted', `stopped following ${what}`);
				}

				throw fail(error, what);
			}

			const parser = createNdjsonParser();
			for await (const chunk of chunks(stream, signal, what, fail)) {
				for (const raw of parser.push(chunk)) {
					const sample = normalizeStats(raw);
					if (sample) {
						yield sample;
					}
				}
			}
		},

		async topContainer(id) {
			const raw = (await call(`container ${short(id)}`, async () =>
				docker.getContainer(id).top({ps_args: '-o pid,user,time,args'}),
			).catch(async (error: unknown) => {
				// Busybox's ps and others do not take `-o`: ask again with the engine's default columns.
				if (error instanceof EngineError && error.kind !== 'not-found') {
					return call(`container ${short(id)}`, async () =>
						docker.getContainer(id).top(),
					);
				}

				throw error;
			})) as {Titles?: unknown; Processes?: unknown};
			const titles = Array.isArray(raw.Titles) ? raw.Titles.map(String) : [];
			const processes = Array.isArray(raw.Processes)
				? raw.Processes.map(row =>
						Array.isArray(row) ? row.map(String) : [String(row)],
					)
				: [];
			return {titles, processes};
		},

		async waitContainer(id, options) {
			const raw = (await call(`container ${short(id)}`, async () =>
				docker
					.getContainer(id)
					.wait(
						(options?.signal
							? {abortSignal: options.signal}
							: {}) as unknown as Record<string, unknown>,
					),
			)) as {StatusCode?: unknown};
			return {
				exitCode:
					typeof raw.StatusCode === 'number' ? raw.StatusCode : Number.NaN,
			};
		},

		async inspectRaw(kind, id) {
			return call(`${kind} ${short(id)}`, async () =>
				kind === 'container'
					? docker.getContainer(id).inspect()
					: docker.getImage(id).inspect(),
			);
		},
	};
}
