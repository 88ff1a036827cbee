/**
The command line's image, registry and file commands, as the docker CLI names them: `:tag app:v2`, `:rmi -f app`,
`:pull`, `:push`, `:build -t app .`, `:save -o app.tar app`, `:load -i app.tar`, `:import`, `:export`, `:cp`,
`:login`, `:logout`, `:search`, `:inspect`, `:history`. Transfers go through their forms' checks, so that the
same things are refused the same way.
*/
import {showDetails} from '../commands/details.js';
import {performRemoveImage} from '../commands/images.js';
import {openTagForm} from '../commands/open-forms.js';
import {performTag} from '../commands/submit-form.js';
import {submitTransferForm} from '../commands/transfer-submit.js';
import {
	login,
	logout,
	pullImage,
	pushImage,
	search,
	transferCommands,
} from '../commands/transfer-commands.js';
import {formValues} from '../forms/form-values.js';
import {parseRepoTag} from '../forms/image-reference.js';
import {excerpt, fail, ok, type Result} from '../forms/result.js';
import {joinCommand} from '../forms/shell-split.js';
import {
	transferFormFields,
	validateTransferForm,
} from '../forms/transfer-forms.js';
import type {TransferFormPurpose} from '../state/transfer-types.js';
import {
	type AppState,
	type FormField,
	type FormOverlay,
	isMarkable,
} from '../state/types.js';
import {lastValue} from './args.js';
import {findContainer, findImage, targetOf, targetsOf} from './names.js';
import type {LineCommand, LineRun} from './types.js';

/**
A transfer from the command line: the form its key opens, filled from the arguments and checked by the form's
own rules; a wrong value is said next to the prompt. Checks of the disk (a file that exists, a folder that does
not) happen when it is sent, in the form, as for the key.
*/
function transfer(
	purpose: TransferFormPurpose,
	title: string,
	values: Readonly<Record<string, string | boolean>>,
): Result<LineRun> {
	const text: Record<string, string> = {};
	for (const [id, value] of Object.entries(values)) {
		if (typeof value === 'string') {
			text[id] = value;
		}
	}

	const fields: FormField[] = transferFormFields(purpose.action, text).map(
		field =>
			field.kind === 'toggle' && typeof values[field.id] === 'boolean'
				? {...field, value: values[field.id] === true}
				: field,
	);
	const checked = validateTransferForm(purpose, formValues(fields));
	if (!checked.ok) {
		const [id, error] = Object.entries(checked.errors)[0] ?? ['', 'invalid'];
		const label = fields.find(field => field.id === id)?.label ?? id;
		return fail(`${label.toLowerCase()}: ${error}`);
	}

	return ok(async context => {
		const form: FormOverlay = {
			kind: 'form',
			title,
			purpose,
			fields,
			focus: 0,
			notes: [],
		};
		context.store.dispatch({type: 'ui/overlay-open', overlay: form});
		await submitTransferForm(context, form, purpose);
	});
}

/**
`CONTAINER:PATH` → the container and the path, when `word` is one.
*/
function containerPath(
	state: AppState,
	word: string,
):
	| Result<{readonly id: string; readonly name: string; readonly path: string}>
	| undefined {
	const colon = word.indexOf(':');
	if (colon <= 0 || word.startsWith('/') || word.startsWith('.')) {
		return undefined;
	}

	const found = findContainer(state, word.slice(0, colon));
	return found.ok ? ok({...found.value, path: word.slice(colon + 1)}) : found;
}

export const imageCommands: readonly LineCommand[] = [
	{
		name: 'rmi',
		usage: '[-f] IMAGE...',
		description: 'Remove images; a tag of an image with several only untags',
		docker: true,
		mutating: true,
		options: [{short: 'f', long: 'force', description: 'Force removal'}],
		complete: ['image'],
		prepare(args, state) {
			const force = args.flags['force'] ?? false;
			const chosen: Array<{id: string; name: string; untag?: string}> = [];
			if (args.positional.length === 0) {
				const targets = targetsOf(state, 'images', [], 'rmi');
				if (!targets.ok) {
					return targets;
				}

				chosen.push(...targets.value);
			}

			for (const word of args.positional) {
				const found = findImage(state, word);
				if (!found.ok) {
					return found;
				}

				const tags = state.images.get(found.value.target.id)?.repoTags ?? [];
				chosen.push(
					found.value.tag && tags.length > 1 && !force
						? {...found.value.target, untag: found.value.tag}
						: found.value.target,
				);
			}

			return ok(async context => {
				await Promise.all(
					chosen.map(async image =>
						performRemoveImage(
							context,
							{id: image.id, name: image.name},
							image.untag ? {untag: image.untag} : force ? {force} : {},
						),
					),
				);
			});
		},
	},
	{
		name: 'tag',
		usage: '[SOURCE_IMAGE] TARGET_IMAGE[:TAG]',
		description: 'Tag an image (the selected one unless named)',
		docker: true,
		mutating: true,
		complete: ['image', 'image'],
		prepare(args, state) {
			const [first, second, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('give an image and a new tag, nothing more');
			}

			const source = targetOf(
				state,
				'images',
				second === undefined ? undefined : first,
				'tag',
			);
			if (!source.ok) {
				return source;
			}

			const reference = second ?? first;
			if (reference === undefined) {
				return ok(context => {
					openTagForm(context, source.value);
				});
			}

			const parsed = parseRepoTag(reference);
			return parsed.ok
				? ok(async context => performTag(context, source.value, parsed.value))
				: parsed;
		},
	},
	{
		name: 'pull',
		usage: '[--platform PLATFORM] NAME[:TAG]',
		description: 'Pull an image (without a name: the pull form)',
		docker: true,
		mutating: true,
		options: [{long: 'platform', value: 'PLATFORM', description: 'os/arch'}],
		complete: ['image'],
		prepare(args) {
			const [reference, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('pull one image at a time');
			}

			if (reference === undefined) {
				return ok(context => {
					transferCommands['images.pull'](context);
				});
			}

			const checked = validateTransferForm(
				{form: 'transfer', action: 'pull'},
				{reference, platform: lastValue(args, 'platform') ?? ''},
			);
			if (!checked.ok) {
				return fail(Object.values(checked.errors)[0] ?? 'invalid');
			}

			const request = checked.value;
			return request.action === 'pull'
				? ok(async context =>
						pullImage(context, request.reference, request.platform),
					)
				: fail('invalid');
		},
	},
	{
		name: 'push',
		usage: 'NAME[:TAG]',
		description: 'Push a tag to its registry',
		docker: true,
		mutating: true,
		complete: ['image'],
		prepare(args, state) {
			const [reference, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('push one image at a time');
			}

			if (reference === undefined) {
				return state.ui.pane === 'images'
					? ok(async context => transferCommands['images.push'](context))
					: fail(
							'name the tag to push (:push NAME[:TAG]), or select it in Images',
						);
			}

			const found = findImage(state, reference);
			if (!found.ok) {
				return found;
			}

			const tag = found.value.tag;
			return tag
				? ok(async context => pushImage(context, tag))
				: fail(`push a tag, not an id: :tag it first (${excerpt(reference)})`);
		},
	},
	{
		name: 'build',
		usage: '[OPTIONS] PATH',
		description: 'Build an image from a folder (without one: the form)',
		docker: true,
		mutating: true,
		options: [
			{short: 't', long: 'tag', value: 'NAME[:TAG]', description: 'Tag it'},
			{short: 'f', long: 'file', value: 'FILE', description: 'The Dockerfile'},
			{long: 'build-arg', value: 'KEY=VALUE', description: 'A build argument'},
			{long: 'target', value: 'STAGE', description: 'Stop at this stage'},
			{long: 'no-cache', description: 'Do not use the cache'},
			{long: 'pull', description: 'Pull newer base images'},
		],
		complete: ['none'],
		prepare(args) {
			const [folder, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('build one folder at a time');
			}

			if (folder === undefined) {
				return ok(context => {
					transferCommands['images.build'](context);
				});
			}

			return transfer({form: 'transfer', action: 'build'}, 'Build an image', {
				context: folder,
				dockerfile: lastValue(args, 'file') ?? '',
				tags: (args.values['tag'] ?? []).join(' '),
				buildArgs: joinCommand(args.values['build-arg'] ?? []),
				target: lastValue(args, 'target') ?? '',
				noCache: args.flags['no-cache'] ?? false,
				pull: args.flags['pull'] ?? false,
			});
		},
	},
	{
		name: 'save',
		usage: '-o FILE [IMAGE...]',
		description: 'Save images to a tar (without -o: the form)',
		docker: true,
		mutating: true,
		options: [
			{short: 'o', long: 'output', value: 'FILE', description: 'The tar'},
		],
		complete: ['image'],
		prepare(args, state) {
			const file = lastValue(args, 'output');
			if (file === undefined && args.positional.length === 0) {
				return state.ui.pane === 'images'
					? ok(context => {
							transferCommands['images.save'](context);
						})
					: fail(
							'name the images (:save -o FILE IMAGE...), or select them in Images',
						);
			}

			if (file === undefined) {
				return fail('say where: -o FILE (dockpit writes the tar to a file)');
			}

			const images = targetsOf(
				state,
				'images',
				args.positional,
				'save -o FILE',
			);
			if (!images.ok) {
				return images;
			}

			const targets = images.value.map(image => ({
				id: image.id,
				name: image.name,
			}));
			return transfer(
				{form: 'transfer', action: 'save', targets},
				`Save ${targets.map(target => target.name).join(', ')} to a tar`,
				{path: file},
			);
		},
	},
	{
		name: 'load',
		usage: '-i FILE',
		description: 'Load images from a tar (without -i: the form)',
		docker: true,
		mutating: true,
		options: [
			{short: 'i', long: 'input', value: 'FILE', description: 'The tar'},
		],
		complete: ['none'],
		prepare(args) {
			if (args.positional.length > 0) {
				return fail('give the tar with -i FILE');
			}

			const file = lastValue(args, 'input');
			return file === undefined
				? ok(context => {
						transferCommands['images.load'](context);
					})
				: transfer(
						{form: 'transfer', action: 'load'},
						'Load images from a tar',
						{
							path: file,
						},
					);
		},
	},
	{
		name: 'import',
		usage: '[OPTIONS] FILE [REPOSITORY[:TAG]]',
		description:
			'Import a filesystem tarball as an image (without one: the form)',
		docker: true,
		mutating: true,
		options: [
			{short: 'm', long: 'message', value: 'MESSAGE', description: 'Message'},
			{
				short: 'c',
				long: 'change',
				value: 'LINE',
				description: 'A Dockerfile line',
			},
		],
		complete: ['none', 'image'],
		prepare(args) {
			const [file, reference, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('give a tarball and a repository[:tag], nothing more');
			}

			if (file === undefined) {
				return ok(context => {
					transferCommands['images.import'](context);
				});
			}

			const changes = args.values['change'] ?? [];
			if (changes.length > 3) {
				return fail('dockpit takes at most 3 --change lines');
			}

			return transfer({form: 'transfer', action: 'import'}, `Import ${file}`, {
				path: file,
				reference: reference ?? '',
				message: lastValue(args, 'message') ?? '',
				change1: changes[0] ?? '',
				change2: changes[1] ?? '',
				change3: changes[2] ?? '',
			});
		},
	},
	{
		name: 'export',
		usage: '-o FILE [CONTAINER]',
		description: "Export a container's filesystem to a tar",
		docker: true,
		mutating: true,
		options: [
			{short: 'o', long: 'output', value: 'FILE', description: 'The tar'},
		],
		complete: ['container'],
		prepare(args, state) {
			const [name, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('export one container at a time');
			}

			const file = lastValue(args, 'output');
			if (file === undefined && name === undefined) {
				return state.ui.pane === 'containers'
					? ok(context => {
							transferCommands['containers.export'](context);
						})
					: fail(
							'name the container (:export -o FILE NAME), or select it in Containers',
						);
			}

			if (file === undefined) {
				return fail('say where: -o FILE (dockpit writes the tar to a file)');
			}

			const target = targetOf(state, 'containers', name, 'export -o FILE');
			return target.ok
				? transfer(
						{form: 'transfer', action: 'export', targets: [target.value]},
						`Export the filesystem of ${target.value.name}`,
						{path: file},
					)
				: target;
		},
	},
	{
		name: 'cp',
		usage: 'CONTAINER:SRC_PATH DEST_PATH | SRC_PATH CONTAINER:DEST_PATH',
		description:
			'Copy files out of or into a container (without paths: the file browser)',
		docker: true,
		mutating: true,
		complete: ['container'],
		prepare(args, state) {
			const [from, to, ...rest] = args.positional;
			if (from === undefined && to === undefined) {
				return state.ui.pane === 'containers'
					? ok(async context => transferCommands['containers.files'](context))
					: fail(
							'give the paths (:cp web:/etc/hosts ./), or select a container in Containers',
						);
			}

			if (from === undefined || to === undefined || rest.length > 0) {
				return fail(
					'give a source and a destination, one of them CONTAINER:PATH',
				);
			}

			const out = containerPath(state, from);
			const into = containerPath(state, to);
			if (out && into) {
				return fail(
					'one side must be on this machine: docker cp does not copy between containers',
				);
			}

			const side = out ?? into;
			if (!side) {
				return fail('one side must be CONTAINER:PATH (web:/etc/hosts)');
			}

			if (!side.ok) {
				return side;
			}

			const target = {id: side.value.id, name: side.value.name};
			return out
				? transfer(
						{form: 'transfer', action: 'cp-out', targets: [target]},
						`Copy out of ${target.name}`,
						{source: side.value.path, destination: to},
					)
				: transfer(
						{form: 'transfer', action: 'cp-in', targets: [target]},
						`Copy into ${target.name}`,
						{source: from, destination: side.value.path},
					);
		},
	},
	{
		name: 'inspect',
		usage: 'NAME',
		description: 'Details of a container or image',
		docker: true,
		complete: ['container'],
		prepare(args, state) {
			const [name, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('dockpit inspects one object at a time');
			}

			if (name === undefined) {
				const {pane} = state.ui;
				if (!isMarkable(pane)) {
					return fail('name the container or image (:inspect NAME)');
				}

				const target = targetOf(state, pane, undefined, 'inspect');
				return target.ok
					? ok(async context => showDetails(context, pane, target.value.id))
					: fail('name the container or image (:inspect NAME)');
			}

			const container = findContainer(state, name);
			if (container.ok) {
				return ok(async context =>
					showDetails(context, 'containers', container.value.id),
				);
			}

			const image = findImage(state, name);
			return image.ok
				? ok(async context =>
						showDetails(context, 'images', image.value.target.id),
					)
				: fail(`no such container or image: ${excerpt(name)}`);
		},
	},
	{
		name: 'history',
		usage: 'IMAGE',
		description: "An image's layers, newest on top",
		docker: true,
		complete: ['image'],
		prepare(args, state) {
			if (args.positional.length > 1) {
				return fail('one image at a time');
			}

			const image = targetOf(state, 'images', args.positional[0], 'history');
			return image.ok
				? ok(async context => showDetails(context, 'images', image.value.id))
				: image;
		},
	},
	{
		name: 'login',
		usage: '[-u USERNAME] [SERVER]',
		description: 'Log in to a registry (the password goes in the form)',
		docker: true,
		mutating: true,
		options: [
			{
				short: 'u',
				long: 'username',
				value: 'USERNAME',
				description: 'Username',
			},
			{
				short: 'p',
				long: 'password',
				value: 'PASSWORD',
				description: 'Refused: type it in the form',
			},
		],
		complete: ['none'],
		prepare(args) {
			if (args.values['password']) {
				return fail(
					'type the password in the form, not on the command line (it would stay in the history)',
				);
			}

			const [server, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('log in to one registry at a time');
			}

			const username = lastValue(args, 'username');
			return ok(async context =>
				login(
					context,
					server ?? (username ? '' : undefined),
					undefined,
					username,
				),
			);
		},
	},
	{
		name: 'logout',
		usage: '[SERVER]',
		description: 'Log out of a registry (without one: asks which)',
		docker: true,
		mutating: true,
		complete: ['none'],
		prepare(args) {
			const [server, ...rest] = args.positional;
			return rest.length > 0
				? fail('log out of one registry at a time')
				: ok(async context => logout(context, server));
		},
	},
	{
		name: 'search',
		usage: 'TERM',
		description: 'Search Docker Hub (Enter on a result pulls it)',
		docker: true,
		complete: ['none'],
		prepare(args) {
			const term = args.positional.join(' ');
			return ok(async context =>
				search(context, term === '' ? undefined : term),
			);
		},
	},
];
