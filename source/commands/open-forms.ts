import type {FileChange} from '../engine/types.js';
import {commitFormFields} from '../forms/commit-form.js';
import {runFormFields} from '../forms/run-form.js';
import {tagFormFields} from '../forms/tag-form.js';
import {shortId} from '../format/text.js';
import {
	imageName,
	selectedContainer,
	selectedImage,
} from '../state/selectors.js';
import type {FormOverlay, Note, Target} from '../state/types.js';
import type {Command, CommandContext} from './context.js';
import {isGone, reason} from './words.js';

/**
Opens the run form for `image` (a reference or an id), prefilled with the image's own command.
*/
async function openRunForm(
	{engine, store}: CommandContext,
	image: string,
	imageId: string,
	source: {readonly pane: 'containers' | 'images'; readonly id: string},
): Promise<void> {
	// The image's command, to prefill the field and to know whether it may stay empty. A failure here only
	// means the field starts empty: the form still opens.
	const details = await engine.inspectImage(imageId).catch(() => undefined);
	const command = details?.cmd ?? [];
	const form: FormOverlay = {
		kind: 'form',
		title: `Run a container from ${image}`,
		purpose: {
			form: 'run',
			imageHasCommand:
				details === undefined ||
				details.cmd.length > 0 ||
				details.entrypoint.length > 0,
			source,
		},
		fields: runFormFields(image, command),
		focus: 1,
		notes: [
			{
				text: 'Runs detached, as docker run -d does (with -it: in the shell pane).',
				tone: 'muted',
			},
		],
	};
	store.dispatch({type: 'ui/overlay-open', overlay: form});
}

/**
`r` on Images.
*/
export const runFromImage: Command = async context => {
	const image = selectedImage(context.store.getState());
	if (image) {
		await openRunForm(context, image.repoTags[0] ?? image.id, image.id, {
			pane: 'images',
			id: image.id,
		});
	}
};

/**
`r` on Containers: a new container from the selected one's image.
*/
export const runFromContainer: Command = async context => {
	const container = selectedContainer(context.store.getState());
	if (container) {
		const reference = /^(?:sha256:)?[\da-f]{64}$/.test(container.image)
			? container.imageId
			: container.image;
		await openRunForm(context, reference, container.imageId, {
			pane: 'containers',
			id: container.id,
		});
	}
};

/**
What `docker diff` found, in a sentence: `12 filesystem changes (3 added, 8 changed, 1 deleted)`.
*/
export function describeChanges(changes: readonly FileChange[]): Note[] {
	if (changes.length === 0) {
		return [
			{
				text: 'No filesystem changes: the new image will have the same files as its image.',
			},
		];
	}

	const by = (kind: FileChange['kind']) =>
		changes.filter(change => change.kind === kind).length;
	const examples = changes
		.slice(0, 4)
		.map(change => `${change.kind} ${change.path}`)
		.join(', ');
	return [
		{
			text: `${changes.length} filesystem change${changes.length === 1 ? '' : 's'} will be saved (${by('A')} added, ${by('C')} changed, ${by('D')} deleted): ${examples}${changes.length > 4 ? ', …' : ''}`,
		},
	];
}

const memoryNote: Note = {
	text: 'Only the filesystem goes into the image: memory and running processes are not part of an image.',
	tone: 'warning',
};

/**
`c` on Containers: the commit form, with the count of changes (`docker diff`) once the engine has said.
*/
export const commitContainer: Command = async context => {
	const container = selectedContainer(context.store.getState());
	if (container) {
		await openCommitForm(context, container);
	}
};

/**
The commit form for `container` (`c`, or `:commit NAME` without a repository).
*/
export async function openCommitForm(
	{engine, store}: CommandContext,
	container: Target,
): Promise<void> {
	const title = `Commit ${container.name} as a new image`;
	store.dispatch({
		type: 'ui/overlay-open',
		overlay: {
			kind: 'form',
			title,
			purpose: {
				form: 'commit',
				container: {id: container.id, name: container.name},
			},
			fields: commitFormFields(),
			focus: 0,
			notes: [
				{text: 'Counting filesystem changes…', tone: 'muted'},
				memoryNote,
			],
		},
	});
	try {
		const changes = await engine.diffContainer(container.id);
		store.dispatch({
			type: 'ui/form-notes',
			title,
			notes: [...describeChanges(changes), memoryNote],
		});
	} catch (error) {
		store.dispatch({
			type: 'ui/form-notes',
			title,
			notes: [
				{
					text: isGone(error)
						? `${container.name} is gone: it was removed elsewhere.`
						: `Could not count the changes: ${reason(error, store.getState())}`,
					tone: 'error',
				},
				memoryNote,
			],
		});
	}
}

/**
`t` on Images.
*/
export const tagImage: Command = context => {
	const image = selectedImage(context.store.getState());
	if (image) {
		openTagForm(context, {id: image.id, name: imageName(image)});
	}
};

/**
The tag form for `image` (`t`, or `:tag` without a new tag).
*/
export function openTagForm({store}: CommandContext, image: Target): void {
	store.dispatch({
		type: 'ui/overlay-open',
		overlay: {
			kind: 'form',
			title: `Tag ${image.name}`,
			purpose: {form: 'tag', image},
			fields: tagFormFields(),
			focus: 0,
			notes: [
				{
					text: `Adds a name to image ${shortId(image.id)}; its other tags stay.`,
					tone: 'muted',
				},
			],
		},
	});
}
