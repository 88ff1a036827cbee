/**
The commands that move images and files in and out: the keys of the Images and Containers panes, the progress
overlay, the file browser and the search results. `login`, `logout` and `search` are also exported as command
functions for the command line (`:login [REGISTRY]`, `:logout [REGISTRY]`, `:search TERM`).
*/
import path from 'node:path';
import type {ImageSummary} from '../engine/types.js';
import {transferFormFields} from '../forms/transfer-forms.js';
import {
	configKey,
	eraseCredentials,
	getCredentials,
	indexServer,
	registryOf,
} from '../registry/credentials.js';
import {
	imageName,
	selectedContainer,
	selectedImage,
} from '../state/selectors.js';
import type {
	FilesOverlay,
	TransferFormPurpose,
} from '../state/transfer-types.js';
import type {FormOverlay, Note} from '../state/types.js';
import type {Command, CommandContext} from './context.js';
import {
	describeLayers,
	runTransfer,
	cancelTransfer,
} from './transfer-runner.js';
import {logged} from './command-log.js';
import {reason} from './words.js';
import {EngineError} from '../engine/types.js';

/**
Opens a transfer form.
*/
export function openForm(
	{store}: CommandContext,
	purpose: TransferFormPurpose,
	title: string,
	prefill: Readonly<Record<string, string>> = {},
	notes: readonly Note[] = [],
	focus = 0,
): void {
	const overlay: FormOverlay = {
		kind: 'form',
		title,
		purpose,
		fields: transferFormFields(purpose.action, prefill),
		focus,
		notes,
	};
	store.dispatch({type: 'ui/overlay-open', overlay});
}

/**
The tag of an image to push: the first with a registry host in it, else the first.
*/
export function pushableTag(image: ImageSummary): string | undefined {
	return (
		image.repoTags.find(tag => registryOf(tag) !== 'docker.io') ??
		image.repoTags[0]
	);
}

/**
A file name for an image or container: `team-app-v1.tar`.
*/
function tarName(name: string): string {
	return `${name.replaceAll(/[^\w.-]+/g, '-').replaceAll(/^-+|-+$/g, '') || 'image'}.tar`;
}

/**
Says in words which registry a name is, for messages (`Docker Hub`, `127.0.0.1:5000`).
*/
export function registryLabel(key: string): string {
	return key === indexServer ? 'Docker Hub' : key;
}

/**
After a pull, load or build: select the image in the Images pane, once the engine's event has brought it.
*/
export async function selectImage(
	{engine, store}: CommandContext,
	reference: string,
): Promise<void> {
	const details = await engine.inspectImage(reference).catch(() => undefined);
	if (details) {
		store.dispatch({type: 'ui/select', pane: 'images', key: details.id});
	}
}

/**
The login the docker config has for `registry` (undefined: none); false when it could not be read, which is
said in the status line.
*/
async function credentialsFor(
	{store}: CommandContext,
	registry: string,
): Promise<Awaited<ReturnType<typeof getCredentials>> | false> {
	try {
		return await getCredentials(registry);
	} catch (error) {
		store.dispatch({
			type: 'ui/flash',
			text: `Could not read the login for ${registry}: ${reason(error)}`,
			level: 'error',
		});
		return false;
	}
}

/**
A refusal for want of a login offers one for `registry`.
*/
const loginOffer = (registry: string) => (error: unknown) =>
	error instanceof EngineError && error.kind === 'unauthorized'
		? configKey(registry)
		: undefined;

/**
Pulls `reference` with the credentials the docker config has for its registry, showing the progress.
*/
export async function pullImage(
	context: CommandContext,
	reference: string,
	platform?: string,
): Promise<void> {
	const {engine, store} = context;
	const registry = registryOf(reference);
	const auth = await credentialsFor(context, registry);
	if (auth === false) {
		return;
	}

	const outcome = await runTransfer(store, {
		kind: 'pull',
		title: `Pull ${reference}`,
		docker: [
			'docker',
			'pull',
			...(platform ? ['--platform', platform] : []),
			reference,
		],
		run: async (signal, onEvent) =>
			engine.pullImage(reference, {
				signal,
				onEvent,
				...(auth ? {auth} : {}),
				...(platform ? {platform} : {}),
			}),
		done: (_value, {elapsed, layers}) =>
			`Pulled ${reference}: ${describeLayers(layers)} in ${elapsed}`,
		failed: why => `Could not pull ${reference}: ${why}`,
		loginFor: loginOffer(registry),
	});
	if (outcome.ok) {
		await selectImage(context, reference);
	}
}

/**
Pushes `reference` to its registry with the credentials the docker config has for it.
*/
export async function pushImage(
	context: CommandContext,
	reference: string,
): Promise<void> {
	const {engine, store} = context;
	const registry = registryOf(reference);
	const auth = await credentialsFor(context, registry);
	if (auth === false) {
		return;
	}

	await runTransfer(store, {
		kind: 'push',
		title: `Push ${reference}`,
		docker: ['docker', 'push', reference],
		run: async (signal, onEvent) =>
			engine.pushImage(reference, {signal, onEvent, ...(auth ? {auth} : {})}),
		done: (value, {elapsed, layers}) =>
			`Pushed ${reference}: ${describeLayers(layers)} in ${elapsed}${value.digest ? ` (${value.digest.slice(0, 19)}…)` : ''}`,
		failed: why =>
			`Could not push ${reference}: ${why}${auth ? '' : ` (not logged in to ${registryLabel(configKey(registry))})`}`,
		loginFor: loginOffer(registry),
	});
}

/**
`:login [REGISTRY]`: the login form (username, masked password), for `registry` when given, else for the
registry of the selected image (Docker Hub when it has none). `thenPush` pushes that reference once logged in.
*/
export async function login(
	context: CommandContext,
	registry?: string,
	thenPush?: string,
	username?: string,
): Promise<void> {
	const image = selectedImage(context.store.getState());
	const fromImage = image ? pushableTag(image) : undefined;
	const chosen =
		registry ??
		(fromImage && registryOf(fromImage) !== 'docker.io'
			? registryOf(fromImage)
			: '');
	const key = configKey(chosen);
	const existing = await getCredentials(chosen).catch(() => undefined);
	openForm(
		context,
		{form: 'transfer', action: 'login', ...(thenPush ? {thenPush} : {})},
		`Log in to ${registryLabel(key)}`,
		{registry: chosen, username: username ?? existing?.username ?? ''},
		[
			{
				text: 'The engine checks the password with the registry; then it is kept where docker login keeps it ($DOCKER_CONFIG/config.json, or its credential helper).',
				tone: 'muted',
			},
		],
		chosen === '' && registry === undefined
			? 0
			: (username ?? existing?.username)
				? 2
				: 1,
	);
}

/**
`:logout [REGISTRY]`: removes the login as `docker logout` does. Without a registry, asks which (prefilled with
the selected image's).
*/
export async function logout(
	context: CommandContext,
	registry?: string,
): Promise<void> {
	const {store} = context;
	if (registry === undefined) {
		const image = selectedImage(store.getState());
		const fromImage = image ? pushableTag(image) : undefined;
		openForm(
			context,
			{form: 'transfer', action: 'logout'},
			'Log out of a registry',
			{
				registry:
					fromImage && registryOf(fromImage) !== 'docker.io'
						? registryOf(fromImage)
						: '',
			},
		);
		return;
	}

	const key = configKey(registry);
	try {
		const removed = await logged(
			store,
			['docker', 'logout', ...(registry ? [registry] : [])],
			async () => eraseCredentials(registry),
		);
		store.dispatch({
			type: 'ui/flash',
			text: removed
				? `Removed login credentials for ${registryLabel(key)}`
				: `Not logged in to ${registryLabel(key)}`,
			level: removed ? 'success' : 'info',
		});
	} catch (error) {
		store.dispatch({
			type: 'ui/flash',
			text: `Could not log out of ${registryLabel(key)}: ${reason(error)}`,
			level: 'error',
		});
	}
}

/**
`:search TERM`: searches Docker Hub through the engine; the results open in a list (Enter pulls one). Without a
term, asks for one.
*/
export async function search(
	context: CommandContext,
	term?: string,
): Promise<void> {
	const {engine, store} = context;
	if (term === undefined || term.trim() === '') {
		openForm(
			context,
			{form: 'transfer', action: 'search'},
			'Search Docker Hub',
		);
		return;
	}

	const clean = term.trim();
	store.dispatch({
		type: 'transfer/overlay',
		overlay: {kind: 'search', term: clean, selected: 0},
	});
	try {
		const results = await logged(store, ['docker', 'search', clean], async () =>
			engine.searchImages(clean),
		);
		store.dispatch({type: 'transfer/search-results', term: clean, results});
	} catch (error) {
		const why = reason(error);
		store.dispatch({
			type: 'transfer/search-results',
			term: clean,
			error:
				/no such host|did not answer|connection refused|unreachable|TLS/i.test(
					why,
				)
					? `Docker Hub cannot be reached from the engine (${why}). Search needs the engine to reach index.docker.io.`
					: `Search failed: ${why}`,
		});
	}
}

/**
Opens the file browser of the selected container at `/`.
*/
async function loadFolder(
	{engine, store}: CommandContext,
	container: FilesOverlay['container'],
	folder: string,
): Promise<void> {
	store.dispatch({
		type: 'transfer/overlay',
		overlay: {kind: 'files', container, folder, loading: true, selected: 0},
	});
	try {
		const entries = await engine.listContainerFolder(container.id, folder);
		store.dispatch({
			type: 'transfer/files-loaded',
			containerId: container.id,
			folder,
			entries,
		});
	} catch (error) {
		store.dispatch({
			type: 'transfer/files-loaded',
			containerId: container.id,
			folder,
			error: reason(error),
		});
	}
}

/**
The entry under the file browser's cursor: `..`, or one of the folder's entries.
*/
function fileUnderCursor(overlay: FilesOverlay):
	| {
			readonly path: string;
			readonly directory: boolean;
			readonly parent: boolean;
	  }
	| undefined {
	const offset = overlay.folder === '/' ? 0 : 1;
	if (offset === 1 && overlay.selected === 0) {
		return {
			path: path.posix.dirname(overlay.folder),
			directory: true,
			parent: true,
		};
	}

	const entry = overlay.entries?.[overlay.selected - offset];
	if (!entry) {
		return undefined;
	}

	return {
		path: path.posix.join(overlay.folder, entry.name),
		directory: entry.type === 'directory',
		parent: false,
	};
}

const files = (context: CommandContext): FilesOverlay | undefined => {
	const {overlay} = context.store.getState().ui;
	return overlay?.kind === 'files' ? overlay : undefined;
};

const lastTransfer = (context: CommandContext) => {
	const {ui} = context.store.getState();
	const overlay = ui.overlay;
	return overlay?.kind === 'transfer'
		? ui.transfers?.find(each => each.id === overlay.id)
		: undefined;
};

export const transferCommands = {
	'images.pull'(context) {
		const image = selectedImage(context.store.getState());
		openForm(
			context,
			{form: 'transfer', action: 'pull'},
			'Pull an image',
			{reference: image?.repoTags[0] ?? ''},
			[
				{
					text: 'Credentials come from the docker config, as docker pull finds them.',
					tone: 'muted',
				},
			],
		);
	},
	async 'images.push'(context) {
		const image = selectedImage(context.store.getState());
		if (!image) {
			return;
		}

		const reference = pushableTag(image);
		if (!reference) {
			context.store.dispatch({
				type: 'ui/flash',
				text: `${imageName(image)} has no tag to push: tag it first (t), e.g. 127.0.0.1:5000/team/app:v1`,
				level: 'warning',
			});
			return;
		}

		await pushImage(context, reference);
	},
	'images.build'(context) {
		openForm(
			context,
			{form: 'transfer', action: 'build'},
			'Build an image',
			{
				context: '.',
			},
			[
				{
					text: 'The context is sent as a tar without what .dockerignore leaves out (classic builder).',
					tone: 'muted',
				},
			],
		);
	},
	'images.save'(context) {
		const state = context.store.getState();
		const marked = [...state.ui.marks.images]
			.map(id => state.images.get(id))
			.filter((image): image is ImageSummary => image !== undefined);
		const chosen =
			marked.length > 0
				? marked
				: [selectedImage(state)].filter(
						(image): image is ImageSummary => image !== undefined,
					);
		if (chosen.length === 0) {
			return;
		}

		const targets = chosen.map(image => ({
			id: image.id,
			name: image.repoTags[0] ?? image.id,
		}));
		const first = targets[0]!;
		openForm(
			context,
			{form: 'transfer', action: 'save', targets},
			chosen.length === 1
				? `Save ${imageName(chosen[0]!)} to a tar`
				: `Save ${chosen.length} images to a tar`,
			{path: tarName(chosen.length === 1 ? first.name : 'images')},
			[{text: `Relative paths are from ${process.cwd()}.`, tone: 'muted'}],
		);
	},
	'images.load'(context) {
		openForm(
			context,
			{form: 'transfer', action: 'load'},
			'Load images from a tar',
			{},
			[{text: `Relative paths are from ${process.cwd()}.`, tone: 'muted'}],
		);
	},
	'images.import'(context) {
		openForm(
			context,
			{form: 'transfer', action: 'import'},
			'Import a filesystem tarball as an image',
			{},
			[
				{
					text: 'Changes are Dockerfile lines: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, VOLUME, WORKDIR…',
					tone: 'muted',
				},
			],
		);
	},
	async 'registry.login'(context) {
		await login(context);
	},
	async 'registry.logout'(context) {
		await logout(context);
	},
	async 'registry.search'(context) {
		await search(context);
	},
	'containers.export'(context) {
		const container = selectedContainer(context.store.getState());
		if (!container) {
			return;
		}

		openForm(
			context,
			{
				form: 'transfer',
				action: 'export',
				targets: [{id: container.id, name: container.name}],
			},
			`Export the filesystem of ${container.name}`,
			{path: tarName(container.name)},
			[
				{
					text: 'Volumes are not part of the export, as with docker export.',
					tone: 'muted',
				},
			],
		);
	},
	async 'containers.files'(context) {
		const container = selectedContainer(context.store.getState());
		if (container) {
			await loadFolder(context, {id: container.id, name: container.name}, '/');
		}
	},
	'transfer.show'({store}) {
		const transfers = store.getState().ui.transfers ?? [];
		const last = transfers.at(-1);
		if (last) {
			store.dispatch({type: 'transfer/show', id: last.id});
		} else {
			store.dispatch({
				type: 'ui/flash',
				text: 'No transfers yet',
				level: 'info',
			});
		}
	},
	'transfer.cancel'(context) {
		const transfer = lastTransfer(context);
		if (transfer?.status === 'running' && cancelTransfer(transfer.id)) {
			return;
		}

		context.store.dispatch({type: 'ui/overlay-close'});
	},
	'transfer.hide'({store}) {
		store.dispatch({type: 'ui/overlay-close'});
	},
	async 'transfer.login'(context) {
		const transfer = lastTransfer(context);
		if (!transfer?.loginRegistry) {
			return;
		}

		const reference = transfer.docker.at(-1);
		await login(
			context,
			transfer.loginRegistry === indexServer ? '' : transfer.loginRegistry,
			transfer.kind === 'push' ? reference : undefined,
		);
	},
	'transfer.up'({store}) {
		store.dispatch({type: 'transfer/scroll', to: 1});
	},
	'transfer.down'({store}) {
		store.dispatch({type: 'transfer/scroll', to: -1});
	},
	'files.down'({store}) {
		store.dispatch({type: 'transfer/select', to: 1});
	},
	'files.up'({store}) {
		store.dispatch({type: 'transfer/select', to: -1});
	},
	'files.top'({store}) {
		store.dispatch({type: 'transfer/select', to: 'top'});
	},
	'files.bottom'({store}) {
		store.dispatch({type: 'transfer/select', to: 'bottom'});
	},
	async 'files.open'(context) {
		const overlay = files(context);
		const entry = overlay ? fileUnderCursor(overlay) : undefined;
		if (overlay && entry?.directory) {
			await loadFolder(context, overlay.container, entry.path);
		}
	},
	async 'files.parent'(context) {
		const overlay = files(context);
		if (overlay && overlay.folder !== '/') {
			await loadFolder(
				context,
				overlay.container,
				path.posix.dirname(overlay.folder),
			);
		}
	},
	'files.copy-out'(context) {
		const overlay = files(context);
		const entry = overlay ? fileUnderCursor(overlay) : undefined;
		if (!overlay || !entry || entry.parent) {
			return;
		}

		openForm(
			context,
			{
				form: 'transfer',
				action: 'cp-out',
				targets: [overlay.container],
				folder: overlay.folder,
			},
			`Copy out of ${overlay.container.name}`,
			{source: entry.path, destination: './'},
			[{text: `Relative paths are from ${process.cwd()}.`, tone: 'muted'}],
			1,
		);
	},
	'files.copy-in'(context) {
		const overlay = files(context);
		if (!overlay) {
			return;
		}

		openForm(
			context,
			{
				form: 'transfer',
				action: 'cp-in',
				targets: [overlay.container],
				folder: overlay.folder,
			},
			`Copy into ${overlay.container.name}:${overlay.folder}`,
			{destination: overlay.folder === '/' ? '/' : `${overlay.folder}/`},
			[{text: `Relative paths are from ${process.cwd()}.`, tone: 'muted'}],
		);
	},
	'files.close'({store}) {
		store.dispatch({type: 'ui/overlay-close'});
	},
	'search.down'({store}) {
		store.dispatch({type: 'transfer/select', to: 1});
	},
	'search.up'({store}) {
		store.dispatch({type: 'transfer/select', to: -1});
	},
	'search.pull'(context) {
		const {overlay} = context.store.getState().ui;
		const result =
			overlay?.kind === 'search'
				? overlay.results?.[overlay.selected]
				: undefined;
		if (result) {
			openForm(context, {form: 'transfer', action: 'pull'}, 'Pull an image', {
				reference: result.name,
			});
		}
	},
	'search.close'({store}) {
		store.dispatch({type: 'ui/overlay-close'});
	},
} satisfies Record<string, Command>;

/**
Re-lists a folder of the open file browser (after a copy into it).
*/
export async function refreshFiles(context: CommandContext): Promise<void> {
	const overlay = files(context);
	if (overlay) {
		await loadFolder(context, overlay.container, overlay.folder);
	}
}

export {loadFolder};
