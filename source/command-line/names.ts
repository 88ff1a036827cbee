/**
The objects a command line names: containers by name or id (prefix), images by reference or id (prefix), as the
docker CLI finds them; and the selected or marked rows when no name is given.
*/
import {targetsFor, nameOf} from '../commands/targets.js';
import {excerpt, fail, ok, type Result} from '../forms/result.js';
import type {ImageSummary} from '../engine/types.js';
import {imageName, selectedKey} from '../state/selectors.js';
import type {AppState, MarkablePane, Target} from '../state/types.js';

const hexPrefix = /^(?:sha256:)?[\da-f]+$/;

/**
The container `word` names: its name (a leading `/` allowed), or a unique prefix of its id.
*/
export function findContainer(state: AppState, word: string): Result<Target> {
	const name = word.replace(/^\//, '');
	for (const container of state.containers.values()) {
		if (container.name === name) {
			return ok({id: container.id, name: container.name});
		}
	}

	if (hexPrefix.test(word)) {
		const matches = [...state.containers.values()].filter(container =>
			container.id.startsWith(word),
		);
		if (matches.length === 1) {
			return ok({id: matches[0]!.id, name: matches[0]!.name});
		}

		if (matches.length > 1) {
			return fail(`${excerpt(word)} is the start of several container ids`);
		}
	}

	return fail(`no such container: ${excerpt(word)}`);
}

/**
The references `word` may stand for: as given, with `:latest` when it has no tag, without Docker Hub's prefix.
*/
function referenceForms(word: string): string[] {
	const bare = word.replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
	const forms = new Set([word, bare]);
	for (const form of [word, bare]) {
		const lastPart = form.slice(form.lastIndexOf('/') + 1);
		if (!lastPart.includes(':') && !form.includes('@')) {
			forms.add(`${form}:latest`);
		}
	}

	return [...forms];
}

/**
The image `word` names, and the tag it named it by (absent when it was named by id).
*/
export function findImage(
	state: AppState,
	word: string,
): Result<{readonly target: Target; readonly tag?: string}> {
	const forms = referenceForms(word);
	for (const image of state.images.values()) {
		const tag = image.repoTags.find(each => forms.includes(each));
		if (tag) {
			return ok({target: {id: image.id, name: tag}, tag});
		}
	}

	if (hexPrefix.test(word)) {
		const bare = word.replace(/^sha256:/, '');
		const matches = [...state.images.values()].filter(image =>
			image.id.replace(/^sha256:/, '').startsWith(bare),
		);
		if (matches.length === 1) {
			const image: ImageSummary = matches[0]!;
			return ok({target: {id: image.id, name: imageName(image)}});
		}

		if (matches.length > 1) {
			return fail(`${excerpt(word)} is the start of several image ids`);
		}
	}

	return fail(
		`no such image: ${excerpt(word)} (dockpit does not pull: :pull it first)`,
	);
}

const nouns: Readonly<Record<MarkablePane, string>> = {
	containers: 'container',
	images: 'image',
};

/**
The objects a command acts on: the named ones, or else the marked or selected rows of `pane` (only while that
pane is shown, so that nothing hidden is acted on). `example` is the command, for the message when there are none.
*/
export function targetsOf(
	state: AppState,
	pane: MarkablePane,
	names: readonly string[],
	example: string,
): Result<Target[]> {
	if (names.length > 0) {
		const targets: Target[] = [];
		for (const word of names) {
			const found =
				pane === 'containers'
					? findContainer(state, word)
					: findImage(state, word);
			if (!found.ok) {
				return found;
			}

			const target = 'target' in found.value ? found.value.target : found.value;
			if (!targets.some(each => each.id === target.id)) {
				targets.push(target);
			}
		}

		return ok(targets);
	}

	const noun = nouns[pane];
	if (state.ui.pane !== pane) {
		return fail(
			`name the ${noun} (:${example} NAME), or select it in ${pane === 'containers' ? 'Containers' : 'Images'} first`,
		);
	}

	const {targets} = targetsFor(state, pane);
	return targets.length > 0
		? ok(targets)
		: fail(`no ${noun} selected: name one (:${example} NAME)`);
}

/**
The one object a command acts on: the named one, or the selected row of `pane` (while it is shown).
*/
export function targetOf(
	state: AppState,
	pane: MarkablePane,
	name: string | undefined,
	example: string,
): Result<Target> {
	if (name !== undefined) {
		const found = targetsOf(state, pane, [name], example);
		return found.ok ? ok(found.value[0]!) : found;
	}

	if (state.ui.pane !== pane) {
		return fail(
			`name the ${nouns[pane]} (:${example} NAME), or select it in ${pane === 'containers' ? 'Containers' : 'Images'} first`,
		);
	}

	const key = selectedKey(state, pane);
	return key === undefined
		? fail(`no ${nouns[pane]} selected: name one (:${example} NAME)`)
		: ok({id: key, name: nameOf(state, pane, key)});
}
