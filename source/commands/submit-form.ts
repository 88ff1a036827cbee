import {openShell} from './shell.js';
import {validateCommitForm} from '../forms/commit-form.js';
import {formValues} from '../forms/form-values.js';
import {validateRunForm} from '../forms/run-form.js';
import {validateTagForm} from '../forms/tag-form.js';
import {shortId} from '../format/text.js';
import type {CommitSpec, RunSpec} from '../engine/types.js';
import type {RepoTag} from '../forms/image-reference.js';
import type {AppState, FormOverlay, PaneId, Target} from '../state/types.js';
import {logged} from './command-log.js';
import {commitLine, runLine} from './docker-lines.js';
import type {Command, CommandContext} from './context.js';
import {whileBusy} from './task.js';
import {submitTransferForm} from './transfer-submit.js';
import {isGone, reason} from './words.js';

/**
Does the engine have this image here? dockpit never pulls, so running an image that is not here cannot work.
*/
function hasImage(state: AppState, reference: string): boolean {
	const bare = reference.replace(/^sha256:/, '');
	const names = new Set([
		reference,
		reference.replace(/^docker\.io\/(?:library\/)?/, ''),
	]);
	for (const image of state.images.values()) {
		if (
			image.id.replace(/^sha256:/, '').startsWith(bare) ||
			image.repoTags.some(tag => names.has(tag))
		) {
			return true;
		}
	}

	return false;
}

/**
After a run or commit: select the new object in `pane`, and show that pane when the person is still where they
started (not if they went elsewhere meanwhile). The row may arrive a moment later through the event stream; the
selection waits for it by key. A filter on that pane that would hide the new object (none of `names` matches
it) is cleared, or the cursor would land on some other row and the next key act on that.
*/
function selectNew(
	{store}: CommandContext,
	pane: PaneId,
	key: string,
	from: PaneId,
	names: readonly string[],
): void {
	const {ui} = store.getState();
	if (ui.pane === from && ui.overlay === undefined) {
		store.dispatch({type: 'ui/pane', pane});
		const filter = ui.filters[pane].toLowerCase();
		if (
			filter !== '' &&
			!names.some(name => name.toLowerCase().includes(filter))
		) {
			store.dispatch({type: 'ui/filter-close', clear: true});
		}
	}

	store.dispatch({type: 'ui/select', pane, key});
}

/**
A submit that the engine refused: the form (when the action came from one) comes back with what was typed and
the reason, unless something else is open by now; the status line says it either way.
*/
function refused(
	{store}: CommandContext,
	form: FormOverlay | undefined,
	text: string,
): void {
	store.dispatch({type: 'ui/flash', text, level: 'error'});
	if (form && store.getState().ui.overlay === undefined) {
		store.dispatch({type: 'ui/overlay-open', overlay: {...form, error: text}});
	}
}

/**
Is the image to run on this engine? The message for the image field when it is not.
*/
export function missingImage(
	state: AppState,
	image: string,
): string | undefined {
	return hasImage(state, image)
		? undefined
		: `${image} is not on this engine; dockpit does not pull images (docker pull it first)`;
}

/**
Runs a checked spec (the run form's, or `:run`'s): a spinner on `source`'s row, then the new container selected.
*/
export async function performRun(
	context: CommandContext,
	spec: RunSpec,
	source: {readonly pane: PaneId; readonly id?: string},
	form?: FormOverlay,
): Promise<void> {
	const {engine, store} = context;
	try {
		// `-it` creates the container only: the pane attaches first and then starts it, as docker run -it
		// does, so that nothing it writes first is missed.
		const id = await whileBusy(
			store,
			source.id === undefined ? [] : [source.id],
			'starting',
			async () =>
				logged(store, runLine(spec), async () =>
					spec.tty ? engine.createContainer(spec) : engine.runContainer(spec),
				),
		);
		const name = spec.name ?? shortId(id);
		selectNew(context, 'containers', id, source.pane, [
			name,
			spec.image,
			shortId(id),
		]);
		store.dispatch({
			type: 'ui/flash',
			text: spec.tty
				? `Created ${name} with a TTY; it starts attached in the shell pane (Ctrl-P Ctrl-Q detaches)`
				: `Started ${name} from ${spec.image}`,
			level: 'success',
		});
		if (spec.tty) {
			// `-it`: like docker run -it, the pane attaches to the new container's main process.
			await openShell(
				context,
				{containerId: id, name, mode: 'attach'},
				{start: true},
			);
		}
	} catch (error) {
		refused(
			context,
			form,
			`Could not run ${spec.image}: ${reason(error, store.getState())}`,
		);
	}
}

/**
Commits a container as `value.reference` (the commit form, or `:commit`), then selects the new image.
*/
export async function performCommit(
	context: CommandContext,
	container: Target,
	value: CommitSpec & {readonly reference: string},
	form?: FormOverlay,
): Promise<void> {
	const {engine, store} = context;
	try {
		const imageId = await whileBusy(
			store,
			[container.id],
			'committing',
			async () =>
				logged(store, commitLine(container.name, value), async () =>
					engine.commitContainer(container.id, value),
				),
		);
		selectNew(context, 'images', imageId, 'containers', [
			value.reference,
			shortId(imageId),
		]);
		store.dispatch({
			type: 'ui/flash',
			text: `Committed ${container.name} as ${value.reference} (image ${shortId(imageId)})`,
			level: 'success',
		});
	} catch (error) {
		refused(
			context,
			form,
			isGone(error)
				? `${container.name} is gone: it was removed elsewhere`
				: `Could not commit ${container.name}: ${reason(error, store.getState())}`,
		);
	}
}

/**
Tags an image (the tag form, or `:tag`).
*/
export async function performTag(
	context: CommandContext,
	image: Target,
	value: RepoTag,
	form?: FormOverlay,
): Promise<void> {
	const {engine, store} = context;
	const {repo, tag, reference} = value;
	try {
		await whileBusy(store, [image.id], 'tagging', async () =>
			logged(store, ['docker', 'tag', image.name, reference], async () =>
				engine.tagImage(image.id, repo, tag),
			),
		);
		store.dispatch({
			type: 'ui/flash',
			text: `Tagged ${image.name} as ${reference}`,
			level: 'success',
		});
	} catch (error) {
		refused(
			context,
			form,
			isGone(error)
				? `${image.name} is gone: it was removed elsewhere`
				: `Could not tag ${image.name}: ${reason(error, store.getState())}`,
		);
	}
}

/**
Enter in a form: checks every field; when one is wrong, says so next to it and sends nothing. Otherwise the form
closes, the row gets a spinner, and the engine is asked; the UI goes on meanwhile.
*/
export const submitForm: Command = async context => {
	const {store} = context;
	const form = store.getState().ui.overlay;
	if (form?.kind !== 'form') {
		return;
	}

	const values = formValues(form.fields);
	const {purpose} = form;
	if (purpose.form === 'transfer') {
		await submitTransferForm(context, form, purpose);
		return;
	}

	switch (purpose.form) {
		case 'run': {
			const result = validateRunForm(values, purpose);
			if (!result.ok) {
				store.dispatch({type: 'ui/form-errors', errors: result.errors});
				return;
			}

			const spec = result.value;
			const missing = missingImage(store.getState(), spec.image);
			if (missing) {
				store.dispatch({type: 'ui/form-errors', errors: {image: missing}});
				return;
			}

			store.dispatch({type: 'ui/overlay-close'});
			await performRun(context, spec, purpose.source, form);
			return;
		}

		case 'commit': {
			const result = validateCommitForm(values);
			if (!result.ok) {
				store.dispatch({type: 'ui/form-errors', errors: result.errors});
				return;
			}

			store.dispatch({type: 'ui/overlay-close'});
			await performCommit(context, purpose.container, result.value, form);
			return;
		}

		case 'tag': {
			const result = validateTagForm(values);
			if (!result.ok) {
				store.dispatch({type: 'ui/form-errors', errors: result.errors});
				return;
			}

			store.dispatch({type: 'ui/overlay-close'});
			await performTag(context, purpose.image, result.value, form);
		}
	}
};
