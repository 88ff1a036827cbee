/**
Several engines as one (`--host` given more than once, `:ctx a b`): the lists are the union of every engine's
rows, each row saying which engine it is on (`engine`), and each call goes to the engine its object is on.

Ids are made unique across engines by a suffix, `<id>@<n>` (n: the engine's place in the list; engine-tags.ts),
on containers, images, volumes (their names), networks, build cache records and events; the suffix is taken off
again before a call reaches the engine. (The same image loaded into two engines has the same id on both, and
every engine has a network called `bridge`.) The volumes, networks and disk usage are every engine's, each item
saying its `engine`; `eachEngine()` gives each one's info and version. Calls about no object in particular
(run, pull, build, load, creating a volume or a network, search, login) go to the first engine.

Each engine keeps its own connection: one that stops answering is marked `reconnecting` (its rows are kept,
marked `stale`) and is retried with backoff, while the others stay live. A synthetic `daemon` event from the
engine that dropped or came back makes the sync re-list everything, so its rows turn stale or fresh at once.
*/
import {reconnectDelay} from './backoff.js';
import type {
	BuildCacheEntry,
	DiskUsage,
	EngineFigures,
	NetworkSummary,
	VolumeSummary,
} from './cleanup-types.js';
import {isTagged, tagId, untagId} from './engine-tags.js';
import {oneLine} from './errors.js';
import {
	type ContainerDetails,
	type ContainerSummary,
	type DockerEvent,
	type Engine,
	type EngineInfo,
	EngineError,
	type ImageDetails,
	type ImageSummary,
} from './types.js';

export type Member = {
	/**
	How the rows and the header name it (the context's name, or the host).
	*/
	readonly name: string;
	readonly engine: Engine;
};

export type MemberStatus = {
	readonly name: string;
	readonly host: string;
	readonly status: 'connecting' | 'live' | 'reconnecting';
	readonly error?: string;
};

export type MultiEngineOptions = {
	/**
	Told every time an engine's state changes.
	*/
	readonly onStatus?: (statuses: readonly MemberStatus[]) => void;
	/**
	Reconnect backoff of each engine: first delay and cap, in ms.
	@default [500, 10_000]
	*/
	readonly backoffMs?: readonly [number, number];
};

export {tagId, untagId} from './engine-tags.js';

export default function createMultiEngine(
	members: readonly Member[],
	options: MultiEngineOptions = {},
): Engine {
	if (members.length === 0) {
		throw new EngineError('bad-request', 'no engine given');
	}

	const [firstBackoff, maxBackoff] = options.backoffMs ?? [500, 10_000];
	const statuses: MemberStatus[] = members.map(member => ({
		name: member.name,
		host: member.engine.host,
		status: 'connecting',
	}));
	// Each engine's rows as last seen (by tagged id), shown stale while it is down; kept up to date by the lists
	// and by the inspections the sync makes after events.
	const lastContainers = new Map<number, ContainerSummary[]>();
	const seenContainers = new Map<number, Map<string, ContainerSummary>>();
	const lastImages = new Map<number, ImageSummary[]>();
	const lastVolumes = new Map<number, VolumeSummary[]>();
	const lastNetworks = new Map<number, NetworkSummary[]>();
	const report = () => {
		options.onStatus?.([...statuses]);
	};

	const setStatus = (index: number, status: MemberStatus) => {
		const before = statuses[index]!;
		if (before.status === status.status && before.error === status.error) {
			return;
		}

		statuses[index] = status;
		report();
	};

	const member = (id: string) => {
		const {index, id: own} = untagId(id);
		const found = members[index];
		if (!found) {
			throw new EngineError(
				'not-found',
				`no engine #${index} for ${oneLine(id)}`,
			);
		}

		return {engine: found.engine, id: own, index};
	};

	const tagContainer = <T extends ContainerSummary>(
		row: T,
		index: number,
	): T => ({
		...row,
		id: tagId(row.id, index),
		imageId: row.imageId ? tagId(row.imageId, index) : row.imageId,
		engine: members[index]!.name,
	});
	const tagImage = <T extends ImageSummary>(row: T, index: number): T => ({
		...row,
		id: tagId(row.id, index),
		engine: members[index]!.name,
	});
	const tagVolume = <T extends VolumeSummary>(row: T, index: number): T => ({
		...row,
		name: tagId(row.name, index),
		usedBy: row.usedBy.map(user => ({...user, id: tagId(user.id, index)})),
		engine: members[index]!.name,
	});
	const tagNetwork = <T extends NetworkSummary>(row: T, index: number): T => ({
		...row,
		id: tagId(row.id, index),
		containers: row.containers.map(each => ({
			...each,
			id: tagId(each.id, index),
		})),
		engine: members[index]!.name,
	});
	const tagCache = (row: BuildCacheEntry, index: number): BuildCacheEntry => ({
		...row,
		id: tagId(row.id, index),
		...(row.parent ? {parent: tagId(row.parent, index)} : {}),
		engine: members[index]!.name,
	});
	const tagEvent = (event: DockerEvent, index: number): DockerEvent => ({
		...event,
		id:
			event.type === 'container' || event.type === 'image'
				? tagId(event.id, index)
				: event.id,
		attributes: {...event.attributes, engine: members[index]!.name},
	});

	const primary = members[0]!.engine;
	const byId =
		<A extends unknown[], R>(
			call: (engine: Engine, id: string, ...rest: A) => Promise<R>,
		) =>
		async (id: string, ...rest: A): Promise<R> => {
			const {engine, id: own} = member(id);
			return call(engine, own, ...rest);
		};

	const listAll = async <T>(
		list: (engine: Engine) => Promise<T[]>,
		tag: (row: T, index: number) => T,
		cache: Map<number, T[]>,
		stale: (row: T) => T,
	): Promise<T[]> => {
		const results = await Promise.all(
			members.map(async ({engine}, index) => {
				if (statuses[index]!.status === 'reconnecting') {
					return (cache.get(index) ?? []).map(row => stale(row));
				}

				try {
					const rows = (await list(engine)).map(row => tag(row, index));
					cache.set(index, rows);
					return rows;
				} catch {
					return (cache.get(index) ?? []).map(row => stale(row));
				}
			}),
		);
		return results.flat();
	};

	/**
	A network and a container to connect or disconnect: both on one engine. Either may be a name typed in a
	form (untagged); the other one's engine is the engine.
	*/
	const onOneEngine = (network: string, container: string) => {
		const byNetwork = isTagged(network) ? untagId(network) : undefined;
		const byContainer = isTagged(container) ? untagId(container) : undefined;
		if (
			byNetwork &&
			byContainer &&
			byNetwork.index !== byContainer.index &&
			members[byNetwork.index] &&
			members[byContainer.index]
		) {
			throw new EngineError(
				'bad-request',
				`the network is on ${members[byNetwork.index]!.name} and the container on ${members[byContainer.index]!.name}: a container joins networks of its own engine only`,
			);
		}

		const index = byNetwork?.index ?? byContainer?.index ?? 0;
		const target = members[index];
		if (!target) {
			throw new EngineError('not-found', `no engine #${index}`);
		}

		return {
			engine: target.engine,
			network: byNetwork?.id ?? network,
			container: byContainer?.id ?? container,
		};
	};

	/**
	Every engine's disk usage as one, each item tagged and saying its engine; `engines` keeps each one's own
	layers size, or why it gave none. Fails only when no engine answers.
	*/
	const mergedDiskUsage = async (): Promise<DiskUsage> => {
		const answers = await Promise.allSettled(
			members.map(async each => each.engine.diskUsage()),
		);
		if (answers.every(answer => answer.status === 'rejected')) {
			const first = answers[0] as PromiseRejectedResult;
			throw first.reason instanceof Error
				? first.reason
				: new Error(String(first.reason));
		}

		const parts = answers.map((answer, index) => ({
			index,
			name: members[index]!.name,
			disk: answer.status === 'fulfilled' ? answer.value : undefined,
			error:
				answer.status === 'rejected'
					? answer.reason instanceof Error
						? answer.reason.message
						: String(answer.reason)
					: undefined,
		}));
		const each = <T>(pick: (disk: DiskUsage, index: number) => readonly T[]) =>
			parts.flatMap(part => (part.disk ? pick(part.disk, part.index) : []));
		return {
			layersSize: each(disk => [disk.layersSize]).reduce(
				(sum, size) => sum + size,
				0,
			),
			images: each((disk, index) =>
				disk.images.map(image => ({
					...image,
					id: tagId(image.id, index),
					parentId: image.parentId ? tagId(image.parentId, index) : '',
					engine: members[index]!.name,
				})),
			),
			containers: each((disk, index) =>
				disk.containers.map(row => ({
					...row,
					id: tagId(row.id, index),
					imageId: row.imageId ? tagId(row.imageId, index) : row.imageId,
					volumes: row.volumes.map(name => tagId(name, index)),
					engine: members[index]!.name,
				})),
			),
			volumes: each((disk, index) =>
				disk.volumes.map(volume => tagVolume(volume, index)),
			),
			buildCache: each((disk, index) =>
				disk.buildCache.map(entry => tagCache(entry, index)),
			),
			engines: parts.map(part => ({
				name: part.name,
				layersSize: part.disk?.layersSize ?? 0,
				...(part.error === undefined ? {} : {error: part.error}),
			})),
		};
	};

	const engine: Engine = {
		host: members.map(each => each.engine.host).join(' + '),
		close() {
			for (const each of members) {
				each.engine.close?.();
			}
		},
		async ping(signal) {
			try {
				await Promise.any(members.map(async each => each.engine.ping(signal)));
			} catch (error) {
				const first =
					error instanceof AggregateError
						? (error.errors[0] as unknown)
						: error;
				throw first instanceof Error ? first : new Error(String(first));
			}
		},
		// The first engine to answer: one slow engine (podman takes seconds to answer /info) must not hold up the
		// others; the header shows each engine's state, not its version.
		async info(): Promise<EngineInfo> {
			try {
				const first = await Promise.any(
					members.map(async each => each.engine.info()),
				);
				return {...first, host: engine.host};
			} catch (error) {
				const reason =
					error instanceof AggregateError
						? (error.errors[0] as unknown)
						: error;
				throw reason instanceof Error ? reason : new Error(String(reason));
			}
		},
		async listContainers(listOptions) {
			if (listOptions?.ids) {
				const groups = new Map<number, string[]>();
				for (const id of listOptions.ids) {
					const {index, id: own} = untagId(id);
					groups.set(index, [...(groups.get(index) ?? []), own]);
				}

				const found = await Promise.all(
					[...groups].map(async ([index, ids]) =>
						(
							await members[index]!.engine.listContainers({...listOptions, ids})
						).map(row => tagContainer(row, index)),
					),
				);
				return found.flat();
			}

			for (const [index, seen] of seenContainers) {
				lastContainers.set(index, [...seen.values()]);
			}

			const rows = await listAll(
				async each => each.listContainers(listOptions),
				tagContainer,
				lastContainers,
				row => ({...row, stale: true}),
			);
			for (const [index, cached] of lastContainers) {
				seenContainers.set(index, new Map(cached.map(each => [each.id, each])));
			}

			return rows;
		},
		async inspectContainer(id) {
			const {engine: target, id: own, index} = member(id);
			const seen = seenContainers.get(index);
			try {
				const details = tagContainer<ContainerDetails>(
					await target.inspectContainer(own),
					index,
				);
				seen?.set(details.id, details);
				return details;
			} catch (error) {
				if (error instanceof EngineError && error.kind === 'not-found') {
					seen?.delete(id);
				}

				throw error;
			}
		},
		async listImages() {
			return listAll(
				async each => each.listImages(),
				tagImage,
				lastImages,
				row => ({...row, stale: true}),
			);
		},
		async inspectImage(id) {
			const {engine: target, id: own, index} = member(id);
			return tagImage<ImageDetails>(await target.inspectImage(own), index);
		},
		events({signal, since}) {
			return mergeEvents(signal, since);
		},
		startContainer: byId(async (target, id) => target.startContainer(id)),
		stopContainer: byId(async (target, id, ...rest: [never?]) =>
			target.stopContainer(id, ...(rest as [])),
		),
		restartContainer: byId(async (target, id) => target.restartContainer(id)),
		killContainer: byId(
			async (target, id, signal: Parameters<Engine['killContainer']>[1]) =>
				target.killContainer(id, signal),
		),
		pauseContainer: byId(async (target, id) => target.pauseContainer(id)),
		unpauseContainer: byId(async (target, id) => target.unpauseContainer(id)),
		removeContainer: byId(async (target, id, ...rest: unknown[]) =>
			(target.removeContainer as (...a: unknown[]) => Promise<void>)(
				id,
				...rest,
			),
		),
		async runContainer(spec) {
			return tagId(await primary.runContainer(spec), 0);
		},
		async createContainer(spec) {
			return tagId(await primary.createContainer(spec), 0);
		},
		diffContainer: byId(async (target, id) => target.diffContainer(id)),
		async commitContainer(id, spec) {
			const {engine: target, id: own, index} = member(id);
			return tagId(await target.commitContainer(own, spec), index);
		},
		tagImage: byId(async (target, id, repo: string, tag: string) =>
			target.tagImage(id, repo, tag),
		),
		removeImage: byId(async (target, id, ...rest: unknown[]) =>
			(target.removeImage as (...a: unknown[]) => Promise<void>)(id, ...rest),
		),
		exec: byId(async (target, id, execOptions: Parameters<Engine['exec']>[1]) =>
			target.exec(id, execOptions),
		),
		attach: byId(
			async (target, id, attachOptions: Parameters<Engine['attach']>[1]) =>
				target.attach(id, attachOptions),
		),
		pullImage: async (...rest) => primary.pullImage(...rest),
		pushImage: async (...rest) => primary.pushImage(...rest),
		checkAuth: async (...rest) => primary.checkAuth(...rest),
		searchImages: async (...rest) => primary.searchImages(...rest),
		buildImage: async (...rest) => primary.buildImage(...rest),
		saveImages: async (...rest) => primary.saveImages(...rest),
		loadImages: async (...rest) => primary.loadImages(...rest),
		importImage: async (...rest) => primary.importImage(...rest),
		exportContainer: byId(async (target, id, ...rest: unknown[]) =>
			(
				target.exportContainer as (
					...a: unknown[]
				) => ReturnType<Engine['exportContainer']>
			)(id, ...rest),
		),
		statContainerPath: byId(async (target, id, ...rest: unknown[]) =>
			(
				target.statContainerPath as (
					...a: unknown[]
				) => ReturnType<Engine['statContainerPath']>
			)(id, ...rest),
		),
		listContainerFolder: byId(async (target, id, ...rest: unknown[]) =>
			(
				target.listContainerFolder as (
					...a: unknown[]
				) => ReturnType<Engine['listContainerFolder']>
			)(id, ...rest),
		),
		copyFromContainer: byId(async (target, id, ...rest: unknown[]) =>
			(
				target.copyFromContainer as (
					...a: unknown[]
				) => ReturnType<Engine['copyFromContainer']>
			)(id, ...rest),
		),
		copyToContainer: byId(async (target, id, ...rest: unknown[]) =>
			(
				target.copyToContainer as (
					...a: unknown[]
				) => ReturnType<Engine['copyToContainer']>
			)(id, ...rest),
		),
		async listVolumes() {
			return listAll(
				async each => each.listVolumes(),
				tagVolume,
				lastVolumes,
				row => ({...row, stale: true}),
			);
		},
		async inspectVolume(name) {
			const {engine: target, id: own, index} = member(name);
			return tagVolume(await target.inspectVolume(own), index);
		},
		async createVolume(spec) {
			return tagVolume(await primary.createVolume(spec), 0);
		},
		removeVolume: byId(
			async (target, name, removeOptions: {readonly force: boolean}) =>
				target.removeVolume(name, removeOptions),
		),
		async listNetworks() {
			return listAll(
				async each => each.listNetworks(),
				tagNetwork,
				lastNetworks,
				row => ({...row, stale: true}),
			);
		},
		async inspectNetwork(id) {
			const {engine: target, id: own, index} = member(id);
			return tagNetwork(await target.inspectNetwork(own), index);
		},
		async createNetwork(spec) {
			return tagId(await primary.createNetwork(spec), 0);
		},
		removeNetwork: byId(async (target, id) => target.removeNetwork(id)),
		async connectNetwork(network, container, connectOptions) {
			const pair = onOneEngine(network, container);
			return pair.engine.connectNetwork(
				pair.network,
				pair.container,
				connectOptions,
			);
		},
		async disconnectNetwork(network, container, disconnectOptions) {
			const pair = onOneEngine(network, container);
			return pair.engine.disconnectNetwork(
				pair.network,
				pair.container,
				disconnectOptions,
			);
		},
		diskUsage: async () => mergedDiskUsage(),
		systemInfo: async () => primary.systemInfo(),
		systemVersion: async () => primary.systemVersion(),
		async eachEngine(): Promise<EngineFigures[]> {
			return Promise.all(
				members.map(async ({name, engine: each}) => {
					try {
						const [info, version] = await Promise.all([
							each.systemInfo(),
							each.systemVersion(),
						]);
						return {name, host: each.host, info, version};
					} catch (error) {
						return {
							name,
							host: each.host,
							error: error instanceof Error ? error.message : String(error),
						};
					}
				}),
			);
		},
		async listBuildCache() {
			const lists = await Promise.all(
				members.map(async ({engine: each}, index) =>
					(await each.listBuildCache()).map(row => tagCache(row, index)),
				),
			);
			return lists.flat();
		},
		// Each engine removes its own records; what they removed comes back tagged again.
		async pruneBuildCache(ids) {
			const groups = new Map<number, string[]>();
			for (const id of ids) {
				const {index, id: own} = untagId(id);
				groups.set(index, [...(groups.get(index) ?? []), own]);
			}

			const answers = await Promise.all(
				[...groups].map(async ([index, own]) => {
					const target = members[index];
					if (!target) {
						throw new EngineError('not-found', `no engine #${index}`);
					}

					const answer = await target.engine.pruneBuildCache(own);
					return {
						deleted: answer.deleted.map(id => tagId(id, index)),
						reclaimed: answer.reclaimed,
					};
				}),
			);
			return {
				deleted: answers.flatMap(answer => answer.deleted),
				reclaimed: answers.reduce((sum, answer) => sum + answer.reclaimed, 0),
			};
		},
		// The inspector's and the project logs' calls go to the engine the row came from.
		followLogs(id, ...rest) {
			const {engine: target, id: own} = member(id);
			return target.followLogs(own, ...rest);
		},
		containerLogs(id, options) {
			const {engine: target, id: own} = member(id);
			return target.containerLogs(own, options);
		},
		containerStats(id, options) {
			const {engine: target, id: own} = member(id);
			return target.containerStats(own, options);
		},
		topContainer: byId(async (target, id) => target.topContainer(id)),
		waitContainer: byId(async (target, id, ...rest: [never?]) =>
			target.waitContainer(id, ...rest),
		),
		async inspectRaw(kind, id) {
			const {engine: target, id: own} = member(id);
			return target.inspectRaw(kind, own);
		},
	};

	/**
	One stream of every engine's events. Each engine has its own loop: connect, follow its events, and when
	that fails, mark it reconnecting (a `daemon` event makes the lists show its rows stale) and retry.
	*/
	async function* mergeEvents(
		signal: AbortSignal,
		since?: number,
	): AsyncGenerator<DockerEvent> {
		const queue: DockerEvent[] = [];
		let wake: (() => void) | undefined;
		const push = (event: DockerEvent) => {
			queue.push(event);
			wake?.();
		};

		const synthetic = (
			index: number,
			action: string,
			error?: string,
		): DockerEvent => ({
			type: 'daemon',
			action,
			id: '',
			name: members[index]!.name,
			attributes: {
				engine: members[index]!.name,
				...(error ? {error: oneLine(error)} : {}),
			},
			time: Date.now(),
		});

		const follow = async (index: number) => {
			const {engine: target, name} = members[index]!;
			let attempt = 0;
			let wasDown = false;
			while (!signal.aborted) {
				const connection = new AbortController();
				const abort = () => {
					connection.abort();
				};

				signal.addEventListener('abort', abort, {once: true});
				try {
					// eslint-disable-next-line no-await-in-loop
					await target.ping(connection.signal);
					const events = target
						.events({
							signal: connection.signal,
							...(since === undefined ? {} : {since}),
						})
						[Symbol.asyncIterator]();
					const first = events.next();
					first.catch(() => undefined);
					setStatus(index, {name, host: target.host, status: 'live'});
					attempt = 0;
					if (wasDown) {
						wasDown = false;
						push(synthetic(index, 'reconnected'));
					}

					// eslint-disable-next-line no-await-in-loop
					for (
						let result = await first;
						!result.done;
						result = await events.next()
					) {
						push(tagEvent(result.value, index));
					}

					throw new EngineError(
						'unreachable',
						`the event stream from ${target.host} ended`,
					);
				} catch (error) {
					connection.abort();
					if (signal.aborted) {
						return;
					}

					const message =
						error instanceof Error ? error.message : String(error);
					const before = statuses[index]!.status;
					setStatus(index, {
						name,
						host: target.host,
						status: 'reconnecting',
						error: message,
					});
					if (before !== 'reconnecting') {
						wasDown = true;
						push(synthetic(index, 'disconnected', message));
					}

					attempt++;
					const delay = reconnectDelay(attempt, target.host, [
						firstBackoff,
						maxBackoff,
					]);
					// eslint-disable-next-line no-await-in-loop
					await new Promise<void>(resolve => {
						const timer = setTimeout(resolve, delay);
						signal.addEventListener(
							'abort',
							() => {
								clearTimeout(timer);
								resolve();
							},
							{once: true},
						);
					});
				} finally {
					signal.removeEventListener('abort', abort);
				}
			}
		};

		report();
		for (const [index] of members.entries()) {
			void follow(index);
		}

		const aborted = new Promise<void>(resolve => {
			signal.addEventListener(
				'abort',
				() => {
					resolve();
				},
				{once: true},
			);
		});
		while (!signal.aborted) {
			const next = queue.shift();
			if (next) {
				yield next;
				continue;
			}

			// eslint-disable-next-line no-await-in-loop
			await Promise.race([
				new Promise<void>(resolve => {
					wake = resolve;
				}),
				aborted,
			]);
			wake = undefined;
		}
	}

	return engine;
}
