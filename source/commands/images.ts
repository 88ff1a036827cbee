import {shortId} from '../format/text.js';
import formatBytes from '../format/bytes.js';
import {imageUsage} from '../state/selectors.js';
import type {AppState, DialogItem, Note, Target} from '../state/types.js';
import {listNotes} from './containers.js';
import type {Command, CommandContext} from './context.js';
import {targetsFor} from './targets.js';
import {attempt, runSteps} from './task.js';
import {count, imageRefusal} from './words.js';

/**
Untag choices a dialog offers at most, one per tag.
*/
const maxUntagChoices = 6;

/**
The containers (any state) made from the image, by name with their state.
*/
function users(state: AppState, imageId: string): string[] {
	return [...state.containers.values()]
		.filter(container => container.imageId === imageId)
		.map(container => `${container.name} (${container.state})`);
}

/**
What `docker rmi` is given to remove the whole image: its tag when it has one, else its short id (a tag of an image
with several would only untag that one).
*/
function rmiName(state: AppState, image: Target): string {
	const tags = state.images.get(image.id)?.repoTags ?? [];
	return tags.length === 1 ? tags[0]! : shortId(image.id);
}

/**
Removing an image with several tags needs force, which is what `docker rmi -f` does; when no container uses it,
that is all force changes, so the one "remove it and all its tags" choice sends it. When a container uses it, the
engine is asked plainly and its refusal is shown with the choice to force.
*/
function removeAllForce(state: AppState, imageId: string): boolean {
	const image = state.images.get(imageId);
	return (
		(image?.repoTags.length ?? 0) > 1 &&
		(imageUsage(state).get(imageId) ?? 0) === 0
	);
}

/**
`d` on Images: names the image and all its tags; untag-only choices when it has several tags. Marked images get
one confirmation that lists them.
*/
export const removeImages: Command = ({store}) => {
	const state = store.getState();
	const {targets, marked} = targetsFor(state, 'images');
	const [first] = targets;
	if (!first) {
		return;
	}

	if (marked) {
		store.dispatch({
			type: 'ui/overlay-open',
			overlay: {
				kind: 'dialog',
				title: `Remove ${count(targets.length, 'image')}?`,
				purpose: {type: 'remove-images', targets},
				notes: listNotes(targets, target => {
					const used = users(state, target.id).length;
					return `${shortId(target.id)}${used > 0 ? `, used by ${count(used, 'container')}` : ''}`;
				}),
				items: [
					{
						kind: 'choice',
						id: 'remove',
						label: `Remove ${count(targets.length, 'image')}`,
						danger: true,
					},
					{kind: 'choice', id: 'cancel', label: 'Cancel'},
				],
				focus: 0,
			},
		});
		return;
	}

	const image = state.images.get(first.id);
	const tags = image?.repoTags ?? [];
	const used = users(state, first.id);
	const notes: Note[] = [
		{
			text: `Image ${shortId(first.id)}, ${formatBytes(image?.size ?? 0)}, tags: ${tags.length > 0 ? tags.join(', ') : '<none>'}`,
		},
		...(used.length > 0
			? [{text: `Used by: ${used.join(', ')}`, tone: 'warning' as const}]
			: []),
	];
	const items: DialogItem[] =
		tags.length > 1
			? [
					...tags.slice(0, maxUntagChoices).map((tag): DialogItem => ({
						kind: 'choice',
						id: `untag:${tag}`,
						label: `Untag ${tag} only`,
					})),
					{
						kind: 'choice',
						id: 'remove',
						label: `Remove the image and all ${tags.length} tags`,
						danger: true,
					},
				]
			: [{kind: 'choice', id: 'remove', label: 'Remove', danger: true}];
	store.dispatch({
		type: 'ui/overlay-open',
		overlay: {
			kind: 'dialog',
			title: `Remove image ${first.name}?`,
			purpose: {type: 'remove-image', image: first, tags},
			notes,
			items: [...items, {kind: 'choice', id: 'cancel', label: 'Cancel'}],
			focus: 0,
		},
	});
};

/**
Removes one image (or with `untag`, only that reference). When the engine refuses, its reason is shown in words,
with "force" offered where the engine would accept it.
*/
export async function performRemoveImage(
	context: CommandContext,
	image: Target,
	choice: {readonly untag?: string; readonly force?: boolean},
): Promise<void> {
	const {engine, store} = context;
	const state = store.getState();
	const force = choice.force ?? removeAllForce(state, image.id);
	const outcome = await attempt(store, {
		target: image,
		busy: choice.untag ? 'untagging' : 'removing',
		done: choice.untag ? 'untagged' : 'removed',
		docker: [
			'docker',
			'rmi',
			...(!choice.untag && force ? ['-f'] : []),
			choice.untag ?? rmiName(state, image),
		],
		run: async () =>
			engine.removeImage(choice.untag ?? image.id, {
				force: choice.untag ? false : force,
			}),
	});
	if (outcome.ok) {
		store.dispatch({
			type: 'ui/flash',
			text: choice.untag
				? `Untagged ${choice.untag}`
				: `Removed image ${image.name}`,
			level: 'success',
		});
		return;
	}

	if (outcome.gone) {
		store.dispatch({
			type: 'ui/flash',
			text: `${choice.untag ?? image.name} is gone: it was removed elsewhere`,
			level: 'muted',
		});
		return;
	}

	const refusal = imageRefusal(outcome.error, store.getState(), image.id);
	const text = `Could not remove ${choice.untag ?? image.name}: ${refusal.words}`;
	if (
		outcome.conflict &&
		refusal.forceable &&
		!choice.force &&
		store.getState().ui.overlay === undefined
	) {
		store.dispatch({
			type: 'ui/overlay-open',
			overlay: {
				kind: 'dialog',
				title: `Force remove image ${image.name}?`,
				purpose: {type: 'force-remove-image', image},
				notes: [
					{text: `The engine refused: ${refusal.words}.`, tone: 'warning'},
					{
						text: 'Forcing untags it everywhere and deletes it; containers made from it keep their files but show their image as an id.',
					},
				],
				items: [
					{kind: 'choice', id: 'force', label: 'Force remove', danger: true},
					{kind: 'choice', id: 'cancel', label: 'Cancel'},
				],
				focus: 1,
			},
		});
	}

	store.dispatch({type: 'ui/flash', text, level: 'error'});
}

/**
Removes marked images, each as one "remove" would, and says how it went.
*/
export async function performRemoveImages(
	context: CommandContext,
	targets: readonly Target[],
): Promise<void> {
	const {engine, store} = context;
	const state = store.getState();
	const outcomes = await runSteps(
		store,
		targets.map(target => ({
			target,
			busy: 'removing',
			done: 'removed',
			docker: [
				'docker',
				'rmi',
				...(removeAllForce(state, target.id) ? ['-f'] : []),
				rmiName(state, target),
			],
			run: async () =>
				engine.removeImage(target.id, {
					force: removeAllForce(state, target.id),
				}),
		})),
		'remove',
	);
	const finished = outcomes
		.filter(outcome => outcome.ok || outcome.gone)
		.map(outcome => outcome.target.id);
	store.dispatch({type: 'ui/marks-clear', pane: 'images', keys: finished});
}
