/**
The `CleanupEngine` half of the dockerode engine: volumes, networks, `/system/df`, `/info`, `/version` and the
build cache. `docker-engine.ts` spreads it into its engine; every method rethrows as `EngineError`.
*/
import type Docker from 'dockerode';
import type {CleanupEngine} from './cleanup-types.js';
import {
	normalizeDiskUsage,
	normalizeNetwork,
	normalizeSystemInfo,
	normalizeVersion,
	normalizeVolume,
	normalizeVolumeDetails,
	volumeUsers,
} from './normalize-cleanup.js';
import {EngineError} from './types.js';

type Call = <T>(what: string | undefined, run: () => Promise<T>) => Promise<T>;

export function cleanupMethods(docker: Docker, call: Call): CleanupEngine {
	const users = async () =>
		volumeUsers(
			await call('containers', async () => docker.listContainers({all: true})),
		);

	const inspectNetwork = async (id: string) => {
		const raw: unknown = await call(`network ${id}`, async () =>
			docker.getNetwork(id).inspect(),
		);
		const network = normalizeNetwork(raw);
		if (!network) {
			throw new EngineError(
				'server',
				`network ${id}: the engine's answer had no network in it`,
			);
		}

		return network;
	};

	// The engine computes one disk usage at a time and refuses a second one meanwhile (409 "a disk usage
	// operation is already running", someone else's `docker system df` included): wait for it and ask again.
	const diskUsage = async () => {
		for (let attempt = 0; ; attempt++) {
			try {
				// eslint-disable-next-line no-await-in-loop
				return normalizeDiskUsage(
					await call('disk usage', async () => docker.df()),
				);
			} catch (error) {
				if (
					attempt >= 40 ||
					!(error instanceof EngineError) ||
					!/already running/.test(error.message)
				) {
					throw error;
				}

				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => {
					setTimeout(resolve, 250);
				});
			}
		}
	};

	const pruneCacheRecord = async (id: string) => {
		const raw = await call(
			`build cache ${id.slice(0, 12)}`,
			async () =>
				new Promise<unknown>((resolve, reject) => {
					docker.modem.dial(
						{
							path: '/build/prune?',
							method: 'POST',
							// `all` so that a shared record named here goes too; `id` keeps it to exactly this one.
							options: {all: true, filters: {id: [id]}},
							statusCodes: {
								200: true,
								400: 'bad parameter',
								500: 'server error',
							},
						},
						(error: unknown, data: unknown) => {
							if (error) {
								reject(error);
							} else {
								resolve(data);
							}
						},
					);
				}),
		);
		const answer = (raw ?? {}) as {
			CachesDeleted?: unknown;
			SpaceReclaimed?: unknown;
		};
		return {
			deleted: Array.isArray(answer.CachesDeleted)
				? answer.CachesDeleted.filter(
						(each): each is string => typeof each === 'string',
					)
				: [],
			reclaimed:
				typeof answer.SpaceReclaimed === 'number' ? answer.SpaceReclaimed : 0,
		};
	};

	return {
		async listVolumes() {
			const [raw, used] = await Promise.all([
				call('volumes', async () => docker.listVolumes()),
				users(),
			]);
			return (
				(raw as {Volumes?: unknown} | undefined)?.Volumes instanceof Array
					? (raw as {Volumes: unknown[]}).Volumes
					: []
			).flatMap(item => normalizeVolume(item, used) ?? []);
		},

		async inspectVolume(name) {
			const [raw, used] = await Promise.all([
				call(`volume ${name}`, async () => docker.getVolume(name).inspect()),
				users(),
			]);
			const volume = normalizeVolumeDetails(raw, used);
			if (!volume) {
				throw new EngineError(
					'server',
					`volume ${name}: the engine's answer had no volume in it`,
				);
			}

			return volume;
		},

		async createVolume(spec) {
			const raw: unknown = await call(
				`volume ${spec.name || '(anonymous)'}`,
				async () =>
					docker.createVolume({
						...(spec.name ? {Name: spec.name} : {}),
						Driver: spec.driver || 'local',
						Labels: {...spec.labels},
					}),
			);
			// Dockerode wraps the answer in a Volume object: read the name back from the engine.
			const name =
				(raw as {name?: unknown; Name?: unknown}).name ??
				(raw as {Name?: unknown}).Name;
			const details = normalizeVolume(
				typeof name === 'string'
					? await call(`volume ${name}`, async () =>
							docker.getVolume(name).inspect(),
						)
					: raw,
			);
			if (!details) {
				throw new EngineError(
					'server',
					'the engine did not say which volume it made',
				);
			}

			return details;
		},

		async removeVolume(name, options) {
			await call(`volume ${name}`, async () =>
				docker.getVolume(name).remove({force: options.force}),
			);
		},

		async listNetworks() {
			const raw: unknown = await call('networks', async () =>
				docker.listNetworks(),
			);
			const ids = (Array.isArray(raw) ? raw : []).flatMap(item => {
				const id = (item as {Id?: unknown}).Id;
				return typeof id === 'string' && id !== '' ? [id] : [];
			});
			// The list leaves the containers out (API 1.28+): inspect each. A network removed meanwhile is left out.
			const networks = await Promise.all(
				ids.map(async id =>
					inspectNetwork(id).catch((error: unknown) => {
						if (error instanceof EngineError && error.kind === 'not-found') {
							return undefined;
						}

						throw error;
					}),
				),
			);
			return networks.filter(network => network !== undefined);
		},

		inspectNetwork,

		async createNetwork(spec) {
			const raw: unknown = await call(`network ${spec.name}`, async () =>
				docker.createNetwork({
					Name: spec.name,
					Driver: spec.driver || 'bridge',
					CheckDuplicate: true,
					Internal: spec.internal,
					Labels: {...spec.labels},
					...(spec.subnet
						? {
								IPAM: {
									Driver: 'default',
									Config: [
										{
											Subnet: spec.subnet,
											...(spec.gateway ? {Gateway: spec.gateway} : {}),
										},
									],
								},
							}
						: {}),
				}),
			);
			const id = (raw as {id?: unknown}).id ?? (raw as {Id?: unknown}).Id;
			if (typeof id !== 'string' || id === '') {
				throw new EngineError(
					'server',
					`network ${spec.name}: the engine did not say which network it made`,
				);
			}

			return id;
		},

		async removeNetwork(id) {
			await call(`network ${id}`, async () => docker.getNetwork(id).remove());
		},

		async connectNetwork(network, container, options) {
			await call(`network ${network}`, async () =>
				docker.getNetwork(network).connect({
					Container: container,
					...(options.aliases.length > 0
						? {EndpointConfig: {Aliases: [...options.aliases]}}
						: {}),
				}),
			);
		},

		async disconnectNetwork(network, container, options) {
			await call(`network ${network}`, async () =>
				docker
					.getNetwork(network)
					.disconnect({Container: container, Force: options.force}),
			);
		},

		diskUsage,

		async systemInfo() {
			return normalizeSystemInfo(
				await call(undefined, async () => docker.info()),
			);
		},

		async systemVersion() {
			return normalizeVersion(
				await call(undefined, async () => docker.version()),
			);
		},

		async listBuildCache() {
			return [...(await diskUsage()).buildCache];
		},

		async pruneBuildCache(ids) {
			// One id per call: the engine joins several `id` filters into one buildkit filter whose terms must all
			// match (`id==a,id==b`), which no record does, so a call with two ids removes nothing.
			const deleted: string[] = [];
			let reclaimed = 0;
			for (const id of ids) {
				// eslint-disable-next-line no-await-in-loop
				const answer = await pruneCacheRecord(id);
				deleted.push(...answer.deleted);
				reclaimed += answer.reclaimed;
			}

			return {deleted, reclaimed};
		},
	};
}
