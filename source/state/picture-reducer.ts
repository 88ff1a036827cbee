import type {ContainerState, DockerEvent} from '../engine/types.js';
import {startedAtFromStatus} from '../format/duration.js';
import type {Action} from './actions.js';
import {type AppState, type ContainerRow, maxEvents} from './types.js';

/**
The engine's picture: the connection, containers, images and events, as the engine reports them.
*/
const pictureTypes = [
	'connection/connecting',
	'connection/connected',
	'connection/degraded',
	'connection/lost',
	'containers/listed',
	'containers/refreshed',
	'images/listed',
	'event/received',
] as const;

export type PictureAction = Extract<
	Action,
	{readonly type: (typeof pictureTypes)[number]}
>;

const pictureTypeSet: ReadonlySet<string> = new Set(pictureTypes);

export function isPictureAction(action: {
	readonly type: string;
}): action is PictureAction {
	return pictureTypeSet.has(action.type);
}

export default function reducePicture(
	state: AppState,
	action: PictureAction,
): AppState {
	switch (action.type) {
		case 'connection/connecting': {
			return {
				...state,
				connection: {status: 'connecting', host: state.connection.host},
			};
		}

		case 'connection/connected': {
			return {
				...state,
				connection: {
					status: 'connected',
					host: state.connection.host,
					info: action.info,
				},
			};
		}

		case 'connection/degraded': {
			const {connection} = state;
			if (connection.status !== 'connected') {
				return state;
			}

			if (action.error === undefined) {
				if (!connection.degraded) {
					return state;
				}

				const {degraded: _, ...live} = connection;
				return {...state, connection: live};
			}

			return {
				...state,
				connection: {
					...connection,
					degraded: {
						error: action.error,
						since: connection.degraded?.since ?? action.now,
					},
				},
			};
		}

		case 'connection/lost': {
			const {connection} = state;
			const info =
				connection.status === 'connecting' ? undefined : connection.info;
			const wasUp = info !== undefined;
			return {
				...state,
				connection: {
					status: wasUp ? 'reconnecting' : 'unreachable',
					host: connection.host,
					...(info ? {info} : {}),
					error: action.error,
					...(action.kind ? {kind: action.kind} : {}),
					retryAt: action.retryAt,
					attempt: action.attempt,
				},
			};
		}

		case 'containers/listed': {
			const containers = new Map<string, ContainerRow>();
			const keep = new Set(action.keep ?? []);
			for (const container of action.containers) {
				const kept = keep.has(container.id)
					? state.containers.get(container.id)
					: undefined;
				if (kept) {
					containers.set(container.id, kept);
					continue;
				}

				containers.set(
					container.id,
					toRow(
						container,
						action.reconnected ? undefined : state.containers.get(container.id),
						action.now,
					),
				);
			}

			return {
				...state,
				containers,
				loaded: {...state.loaded, containers: true},
			};
		}

		case 'containers/refreshed': {
			const containers = new Map(state.containers);
			for (const id of action.ids) {
				containers.delete(id);
			}

			for (const container of action.containers) {
				containers.set(
					container.id,
					toRow(container, state.containers.get(container.id), action.now),
				);
			}

			return {...state, containers};
		}

		case 'images/listed': {
			return {
				...state,
				images: new Map(action.images.map(image => [image.id, image])),
				loaded: {...state.loaded, images: true},
			};
		}

		case 'event/received': {
			const events = [
				{...action.event, seq: state.nextEventSeq},
				...state.events,
			];
			if (events.length > maxEvents) {
				events.length = maxEvents;
			}

			return applyEvent(
				{...state, events, nextEventSeq: state.nextEventSeq + 1},
				action.event,
			);
		}
	}
}

/**
Keeps the start time we already know while the container keeps running; else reads it from the status words.
*/
function toRow(
	container: ContainerRow,
	previous: ContainerRow | undefined,
	now: number,
): ContainerRow {
	const running = container.state === 'running' || container.state === 'paused';
	if (!running || container.startedAt !== undefined) {
		return container;
	}

	const previousStart =
		previous && (previous.state === 'running' || previous.state === 'paused')
			? previous.startedAt
			: undefined;
	const startedAt = previousStart ?? startedAtFromStatus(container.status, now);
	return startedAt === undefined ? container : {...container, startedAt};
}

const containerStateAfter: Readonly<Record<string, ContainerState>> = {
	start: 'running',
	restart: 'running',
	unpause: 'running',
	pause: 'paused',
	die: 'exited',
};

/**
Applies what an event says at once, so the pane answers immediately; `sync.ts` reconciles with a refresh.
*/
function applyEvent(state: AppState, event: DockerEvent): AppState {
	if (event.type === 'container') {
		const container = state.containers.get(event.id);
		if (!container) {
			return state;
		}

		const containers = new Map(state.containers);
		const action = event.action.split(':')[0] ?? '';
		if (action === 'destroy') {
			containers.delete(event.id);
			return {...state, containers};
		}

		if (action === 'rename' && event.name) {
			containers.set(event.id, {...container, name: event.name});
			return {...state, containers};
		}

		const next = containerStateAfter[action];
		if (next === undefined || next === container.state) {
			return state;
		}

		const exitCode = Number(event.attributes['exitCode']);
		const row: ContainerRow = {
			...container,
			state: next,
			...(action === 'start' ? {startedAt: event.time} : {}),
			...(action === 'die' && Number.isInteger(exitCode) ? {exitCode} : {}),
		};
		containers.set(event.id, row);
		return {...state, containers};
	}

	if (
		event.type === 'image' &&
		event.action === 'delete' &&
		state.images.has(event.id)
	) {
		const images = new Map(state.images);
		images.delete(event.id);
		return {...state, images};
	}

	return state;
}
