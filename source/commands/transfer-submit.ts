/**
Enter in a transfer form: the text is checked (`forms/transfer-forms.ts`), then what is on disk (the context
folder, the Dockerfile inside it, a file that can be written or read, an image archive for a load). Anything
wrong is said next to its field and nothing is sent. Otherwise the form closes and the transfer runs with its
progress overlay.
*/
import fs from 'node:fs';
import path from 'node:path';
import {EngineError} from '../engine/types.js';
import {formValues} from '../forms/form-values.js';
import {
	type TransferRequest,
	validateTransferForm,
} from '../forms/transfer-forms.js';
import formatBytes from '../format/bytes.js';
import {shortId} from '../format/text.js';
import {
	existingFolder,
	imageArchiveProblem,
	readableFile,
	tarProblem,
	writableFile,
} from '../host/host-files.js';
import {writeLogFile} from '../host/log-file.js';
import {configKey, storeCredentials} from '../registry/credentials.js';
import type {TransferFormPurpose} from '../state/transfer-types.js';
import type {FormField, FormOverlay} from '../state/types.js';
import type {CommandContext} from './context.js';
import {
	loadFolder,
	pullImage,
	pushImage,
	registryLabel,
	search,
	logout,
	selectImage,
} from './transfer-commands.js';
import {logged} from './command-log.js';
import {runTransfer} from './transfer-runner.js';
import {reason} from './words.js';

/**
After a build or import: the new image selected in the Images pane.
*/
function selectImageId({store}: CommandContext, id: string): void {
	store.dispatch({type: 'ui/select', pane: 'images', key: id});
}

function fieldErrors(
	{store}: CommandContext,
	errors: Readonly<Record<string, string>>,
): void {
	store.dispatch({type: 'ui/form-errors', errors});
}

/**
Adds the "overwrite" tick to the form (once), so that the person can say yes to replacing a file.
*/
function askOverwrite(
	{store}: CommandContext,
	form: FormOverlay,
	file: string,
): void {
	const has = form.fields.some(field => field.id === 'overwrite');
	const fields: FormField[] = has
		? [...form.fields]
		: [
				...form.fields,
				{
					kind: 'toggle',
					id: 'overwrite',
					label: 'Overwrite the file that is there',
					value: false,
				},
			];
	store.dispatch({
		type: 'ui/overlay-open',
		overlay: {
			...form,
			fields,
			focus: fields.findIndex(field => field.id === 'overwrite'),
		},
	});
	store.dispatch({
		type: 'ui/form-errors',
		errors: {
			path: `${file} exists: tick Overwrite (Space) and press Enter to replace it`,
		},
	});
	// The errors move the focus to the path; the question is the tick.
	store.dispatch({type: 'ui/focus-move', delta: -1});
}

/**
Checks on disk; the message per field, or undefined when all is well (or the form now asks).
*/
async function checkDisk(
	context: CommandContext,
	form: FormOverlay,
	request: TransferRequest,
): Promise<Record<string, string> | 'asked' | undefined> {
	switch (request.action) {
		case 'build': {
			const contextProblem = await existingFolder(request.context);
			if (contextProblem) {
				return {context: contextProblem};
			}

			const dockerfile = path.resolve(
				request.context,
				request.dockerfile === '' ? 'Dockerfile' : request.dockerfile,
			);
			const relative = path.relative(request.context, dockerfile);
			if (relative.startsWith('..') || path.isAbsolute(relative)) {
				return {
					dockerfile: `the Dockerfile must be inside the context folder ${request.context}`,
				};
			}

			const fileProblem = await readableFile(dockerfile);
			return fileProblem ? {dockerfile: fileProblem} : undefined;
		}

		case 'save':
		case 'export':
		case 'save-logs': {
			const {problem, exists} = await writableFile(request.path);
			if (problem) {
				return {path: problem};
			}

			if (exists && !request.overwrite) {
				askOverwrite(context, form, request.path);
				return 'asked';
			}

			return undefined;
		}

		case 'load': {
			const problem =
				(await readableFile(request.path)) ??
				(await imageArchiveProblem(request.path));
			return problem ? {path: problem} : undefined;
		}

		case 'import': {
			const problem =
				(await readableFile(request.path)) ?? (await tarProblem(request.path));
			return problem ? {path: problem} : undefined;
		}

		case 'cp-in': {
			const bare =
				request.source.replace(/\/\.$/, '').replace(/\/+$/, '') || '/';
			try {
				await fs.promises.stat(bare);
				return undefined;
			} catch {
				return {source: `${request.source} does not exist`};
			}
		}

		default: {
			return undefined;
		}
	}
}

/**
Runs the request of a checked form.
*/
async function perform(
	context: CommandContext,
	form: FormOverlay,
	purpose: TransferFormPurpose,
	request: TransferRequest,
): Promise<void> {
	const {engine, store} = context;
	const close = () => {
		store.dispatch({type: 'ui/overlay-close'});
	};

	switch (request.action) {
		case 'pull': {
			close();
			await pullImage(context, request.reference, request.platform);
			return;
		}

		case 'login': {
			const key = configKey(request.registry);
			store.dispatch({
				type: 'ui/form-notes',
				title: form.title,
				notes: [{text: `Checking with ${registryLabel(key)}…`, tone: 'muted'}],
			});
			try {
				// The password goes to the engine, never into the line: docker login reads it from a prompt too.
				await logged(
					store,
					[
						'docker',
						'login',
						'-u',
						request.username,
						...(request.registry ? [request.registry] : []),
					],
					async () =>
						engine.checkAuth({
							username: request.username,
							password: request.password,
							serveraddress: key,
						}),
				);
			} catch (error) {
				const wrong =
					error instanceof EngineError && error.kind === 'unauthorized';
				store.dispatch({
					type: 'ui/form-notes',
					title: form.title,
					notes: form.notes,
				});
				fieldErrors(
					context,
					wrong
						? {password: `wrong username or password for ${registryLabel(key)}`}
						: {registry: reason(error)},
				);
				return;
			}

			try {
				const stored = await storeCredentials(
					request.registry,
					request.username,
					request.password,
				);
				close();
				store.dispatch({
					type: 'ui/flash',
					text: `Login Succeeded: ${request.username} at ${registryLabel(key)} (kept in ${stored.where})`,
					level: 'success',
				});
			} catch (error) {
				fieldErrors(context, {registry: reason(error)});
				return;
			}

			if (purpose.thenPush) {
				await pushImage(context, purpose.thenPush);
			}

			return;
		}

		case 'logout': {
			close();
			await logout(context, request.registry);
			return;
		}

		case 'search': {
			await search(context, request.term);
			return;
		}

		case 'build': {
			close();
			const dockerfile =
				request.dockerfile === ''
					? 'Dockerfile'
					: path.relative(
							request.context,
							path.resolve(request.context, request.dockerfile),
						);
			const outcome = await runTransfer(store, {
				kind: 'build',
				title: `Build ${request.tags[0] ?? request.context}`,
				docker: [
					'docker',
					'build',
					...(request.dockerfile === ''
						? []
						: ['-f', path.join(request.context, dockerfile)]),
					...request.tags.flatMap(tag => ['-t', tag]),
					...Object.entries(request.buildArgs).flatMap(([key, value]) => [
						'--build-arg',
						`${key}=${value}`,
					]),
					...(request.target ? ['--target', request.target] : []),
					...(request.noCache ? ['--no-cache'] : []),
					...(request.pull ? ['--pull'] : []),
					request.context,
				],
				run: async (signal, onEvent) =>
					engine.buildImage(
						{
							context: request.context,
							dockerfile,
							tags: request.tags,
							buildArgs: request.buildArgs,
							...(request.target ? {target: request.target} : {}),
							noCache: request.noCache,
							pull: request.pull,
						},
						{signal, onEvent},
					),
				done: (value, {elapsed}) =>
					`Built ${request.tags[0] ?? `image ${shortId(value.imageId)}`} (${shortId(value.imageId)}) in ${elapsed}; context ${formatBytes(value.contextBytes)}`,
				failed: why => `Build failed: ${why}`,
			});
			if (outcome.ok) {
				selectImageId(context, outcome.value.imageId);
			}

			return;
		}

		case 'save': {
			close();
			const references = (purpose.targets ?? []).map(target => target.name);
			await runTransfer(store, {
				kind: 'save',
				title: `Save ${references.join(', ')}`,
				docker: ['docker', 'save', '-o', request.path, ...references],
				run: async (signal, onEvent) =>
					engine.saveImages(references, request.path, {signal, onEvent}),
				done: (value, {elapsed}) =>
					`Saved ${references.length === 1 ? references[0] : `${references.length} images`} to ${request.path}: ${formatBytes(value.bytes)} in ${elapsed}`,
				failed: why => `Could not save to ${request.path}: ${why}`,
			});
			return;
		}

		case 'export': {
			close();
			const target = purpose.targets?.[0];
			if (!target) {
				return;
			}

			await runTransfer(store, {
				kind: 'export',
				title: `Export ${target.name}`,
				docker: ['docker', 'export', '-o', request.path, target.name],
				run: async (signal, onEvent) =>
					engine.exportContainer(target.id, request.path, {signal, onEvent}),
				done: (value, {elapsed}) =>
					`Exported ${target.name} to ${request.path}: ${formatBytes(value.bytes)} in ${elapsed}`,
				failed: why => `Could not export ${target.name}: ${why}`,
			});
			return;
		}

		case 'save-logs': {
			close();
			const target = purpose.targets?.[0];
			if (!target) {
				return;
			}

			await runTransfer(store, {
				kind: 'save-logs',
				title: `Save the log of ${target.name}`,
				// What the file holds: `docker logs NAME > FILE 2>&1`.
				docker: ['docker', 'logs', target.name],
				run: async (signal, onEvent) =>
					writeLogFile(
						engine.containerLogs(target.id, {
							signal,
							follow: false,
							timestamps: false,
							tail: 'all',
						}),
						request.path,
						{signal, onEvent},
					),
				done: (value, {elapsed}) =>
					`Saved the log of ${target.name} to ${request.path}: ${formatBytes(value.bytes)} in ${elapsed}`,
				failed: why => `Could not save the log of ${target.name}: ${why}`,
			});
			return;
		}

		case 'load': {
			close();
			const outcome = await runTransfer(store, {
				kind: 'load',
				title: `Load ${request.path}`,
				docker: ['docker', 'load', '-i', request.path],
				run: async (signal, onEvent) =>
					engine.loadImages(request.path, {signal, onEvent}),
				done: (value, {elapsed, bytes}) =>
					`Loaded ${value.loaded.length === 0 ? 'nothing' : value.loaded.join(', ')} from ${request.path}: ${formatBytes(bytes)} in ${elapsed}`,
				failed: why => `Could not load ${request.path}: ${why}`,
			});
			const first = outcome.ok ? outcome.value.loaded[0] : undefined;
			if (first) {
				await selectImage(context, first);
			}

			return;
		}

		case 'import': {
			close();
			const outcome = await runTransfer(store, {
				kind: 'import',
				title: `Import ${request.path}`,
				docker: [
					'docker',
					'import',
					...(request.message ? ['--message', request.message] : []),
					...request.changes.flatMap(change => ['--change', change]),
					request.path,
					...(request.reference ? [request.reference] : []),
				],
				run: async (signal, onEvent) =>
					engine.importImage(
						request.path,
						{
							reference: request.reference,
							message: request.message,
							changes: request.changes,
						},
						{signal, onEvent},
					),
				done: (value, {elapsed, bytes}) =>
					`Imported ${request.path} as ${request.reference || 'an untagged image'} (${shortId(value.imageId)}): ${formatBytes(bytes)} in ${elapsed}`,
				failed: why => `Could not import ${request.path}: ${why}`,
			});
			if (outcome.ok) {
				selectImageId(context, outcome.value.imageId);
			}

			return;
		}

		case 'cp-out':
		case 'cp-in': {
			const target = purpose.targets?.[0];
			if (!target) {
				return;
			}

			close();
			const out = request.action === 'cp-out';
			const from = out ? `${target.name}:${request.source}` : request.source;
			const to = out
				? request.destination
				: `${target.name}:${request.destination}`;
			const outcome = await runTransfer(store, {
				kind: request.action,
				title: `Copy ${from} to ${to}`,
				docker: ['docker', 'cp', from, to],
				show: false,
				run: async (signal, onEvent) =>
					out
						? engine.copyFromContainer(
								target.id,
								request.source,
								request.destination,
								{signal, onEvent},
							)
						: engine.copyToContainer(
								target.id,
								request.source,
								request.destination,
								{signal, onEvent},
							),
				done: (value, {elapsed}) =>
					`Copied ${from} to ${out ? value.destination : `${target.name}:${value.destination}`}: ${formatBytes(value.bytes)} in ${elapsed}`,
				failed: why => `Could not copy ${from}: ${why}`,
			});
			if (
				!outcome.ok &&
				!outcome.cancelled &&
				outcome.error instanceof EngineError &&
				outcome.error.kind === 'bad-request'
			) {
				// docker cp's rules refused it (a missing parent, a folder onto a file): back to the form.
				if (store.getState().ui.overlay === undefined) {
					store.dispatch({type: 'ui/overlay-open', overlay: form});
					fieldErrors(context, {destination: reason(outcome.error)});
				}

				return;
			}

			if (
				purpose.folder !== undefined &&
				store.getState().ui.overlay === undefined
			) {
				await loadFolder(context, target, purpose.folder);
			}
		}
	}
}

export async function submitTransferForm(
	context: CommandContext,
	form: FormOverlay,
	purpose: TransferFormPurpose,
): Promise<void> {
	const result = validateTransferForm(purpose, formValues(form.fields));
	if (!result.ok) {
		fieldErrors(context, result.errors);
		return;
	}

	const disk = await checkDisk(context, form, result.value);
	if (disk === 'asked') {
		return;
	}

	if (disk) {
		fieldErrors(context, disk);
		return;
	}

	await perform(context, form, purpose, result.value);
}
