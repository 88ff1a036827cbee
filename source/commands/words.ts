import {EngineError} from '../engine/types.js';
import {shortId} from '../format/text.js';
import {imageName} from '../state/selectors.js';
import type {AppState} from '../state/types.js';

/**
The engine's reason for a failure, without the `container 0123456789ab: ` the engine layer puts in front (the
message names the object itself), with ids of known containers and images replaced by their names.
*/
export function reason(error: unknown, state?: AppState): string {
	const message = error instanceof Error ? error.message : String(error);
	const bare = message.replace(/^(?:container|image) \S+: /, '');
	return state ? withNames(bare, state) : bare;
}

/**
Replaces container and image ids (12 to 64 hex digits) in `text` with names, where the state knows them.
*/
export function withNames(text: string, state: AppState): string {
	return text.replaceAll(/\b(?:sha256:)?[\da-f]{12,64}\b/g, id => {
		const bare = id.replace(/^sha256:/, '');
		for (const container of state.containers.values()) {
			if (container.id.startsWith(bare)) {
				return container.name;
			}
		}

		for (const image of state.images.values()) {
			if (shortId(image.id) === bare.slice(0, 12) && !image.dangling) {
				return imageName(image);
			}
		}

		return id;
	});
}

/**
Is this the engine saying the object is not there (removed by someone else while we looked)?
*/
export function isGone(error: unknown): boolean {
	return error instanceof EngineError && error.kind === 'not-found';
}

/**
Is this the engine refusing because of the object's state (409)?
*/
export function isConflict(error: unknown): boolean {
	return error instanceof EngineError && error.kind === 'conflict';
}

/**
Why the engine refused to remove an image, in words, and whether `force` would get past it.
*/
export function imageRefusal(
	error: unknown,
	state: AppState,
	imageId?: string,
): {readonly words: string; readonly forceable: boolean} {
	const message = error instanceof Error ? error.message : String(error);
	const forceable = /\(must (?:be )?force[d]?\)/.test(message);
	const running = /being used by running container ([\da-f]+)/.exec(message);
	if (running?.[1]) {
		return {
			words: `running container ${withNames(running[1], state)} uses it; stop and remove that container first`,
			forceable: false,
		};
	}

	const stopped =
		/container ([\da-f]+) is using its referenced image/.exec(message) ??
		/being used by stopped container ([\da-f]+)/.exec(message);
	if (stopped?.[1]) {
		return {
			words: `stopped container ${withNames(stopped[1], state)} uses it`,
			forceable,
		};
	}

	if (message.includes('referenced in multiple repositories')) {
		// The engine stops at the first reason; a container using the image matters more to the person.
		const users = [...state.containers.values()]
			.filter(
				container => imageId !== undefined && container.imageId === imageId,
			)
			.map(container => `${container.name} (${container.state})`);
		return {
			words:
				users.length > 0
					? `it has several tags, and ${users.length === 1 ? 'container' : 'containers'} ${users.join(', ')} ${users.length === 1 ? 'uses' : 'use'} it`
					: 'it has several tags',
			forceable,
		};
	}

	if (message.includes('has dependent child images')) {
		return {words: 'other images are built on top of it', forceable};
	}

	return {words: reason(error, state), forceable};
}

/**
`Stop` from `stop`.
*/
export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
`1 container`, `3 containers`.
*/
export function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
