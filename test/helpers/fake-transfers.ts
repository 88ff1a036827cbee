import {type Engine, EngineError} from '../../source/engine/types.js';

/**
The transfer methods of the fake engine (pull, push, build, save, load, import, export, cp). Each is recorded;
`transfers[method]` replaces what it does (to throw, to hang until the test says, to report progress). Without
one, a pull or push reports two layers and succeeds, and the rest succeed with small plausible answers.
*/
export type TransferMethod =
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
	| 'copyToContainer';

export type FakeTransfers = Partial<Pick<Engine, TransferMethod>>;

export function fakeTransferMethods(
	record: (method: string, ...args: unknown[]) => void,
	transfers: () => FakeTransfers,
): Pick<Engine, TransferMethod> {
	const delegate =
		<M extends TransferMethod>(method: M, fallback: Engine[M]) =>
		async (...args: unknown[]) => {
			record(method, ...args);
			const override = transfers()[method] ?? fallback;
			return (override as (...a: unknown[]) => Promise<unknown>)(...args);
		};

	return {
		pullImage: delegate('pullImage', async (_reference, options) => {
			options?.onEvent?.({
				kind: 'layer',
				id: 'aaa',
				status: 'downloading',
				current: 5,
				total: 10,
			});
			options?.onEvent?.({kind: 'layer', id: 'aaa', status: 'done'});
			options?.onEvent?.({kind: 'layer', id: 'bbb', status: 'exists'});
		}),
		pushImage: delegate('pushImage', async (_reference, options) => {
			options?.onEvent?.({kind: 'layer', id: 'aaa', status: 'done'});
			return {digest: 'sha256:' + 'd'.repeat(64)};
		}),
		checkAuth: delegate('checkAuth', async auth => {
			if (auth.password === 'wrong') {
				throw new EngineError(
					'unauthorized',
					`login to ${auth.serveraddress}: unauthorized`,
				);
			}

			return {status: 'Login Succeeded'};
		}),
		searchImages: delegate('searchImages', async () => []),
		buildImage: delegate('buildImage', async () => ({
			imageId: 'sha256:' + 'e'.repeat(64),
			contextBytes: 1024,
		})),
		saveImages: delegate('saveImages', async () => ({bytes: 2048})),
		loadImages: delegate('loadImages', async () => ({loaded: ['fake:loaded']})),
		importImage: delegate('importImage', async () => ({
			imageId: 'sha256:' + 'f'.repeat(64),
		})),
		exportContainer: delegate('exportContainer', async () => ({bytes: 4096})),
		statContainerPath: delegate('statContainerPath', async () => undefined),
		listContainerFolder: delegate('listContainerFolder', async () => []),
		copyFromContainer: delegate(
			'copyFromContainer',
			async (_id, _source, destination) => ({
				bytes: 512,
				destination,
			}),
		),
		copyToContainer: delegate(
			'copyToContainer',
			async (_id, _source, destination) => ({
				bytes: 512,
				destination,
			}),
		),
	} as Pick<Engine, TransferMethod>;
}
