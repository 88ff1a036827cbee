/**
The logs of all the containers of a project or service, interleaved by time in one overlay, each line prefixed
by its service (`web.2 |`). Each container's log stream is followed while the overlay is open; lines reach the
state in batches a few times a second (never once per line), bounded to the newest `maxProjectLogLines`.

How it could merge with a general multi-container logs view: `followLogs` (engine/container-logs.ts) and the
`projects/logs-*` actions take any set of containers and a prefix per container; a logs view that follows
several containers only needs to call `openLogs` with its own title and prefixes.
*/
import {composeLabels, type ProjectNode, nodeName} from '../state/projects.js';
import type {ProjectLogLine} from '../state/project-logs.js';
import type {ContainerRow} from '../state/types.js';
import type {LogEntry} from '../engine/types.js';
import type {Command, CommandContext} from './context.js';
import {reason} from './words.js';
import {count} from './words.js';
import {takeSerial} from '../state/serial.js';

/**
How often lines reach the state, at most.
*/
const flushMs = 100;

/**
How many lines of history all the containers share when the overlay opens.
*/
const historyLines = 500;

const controllers = new Map<number, AbortController>();

/**
The prefix of each container: its service, with the container's number when the service has several.
*/
export function logSources(
	containers: readonly ContainerRow[],
): Map<string, string> {
	const perService = new Map<string, number>();
	for (const container of containers) {
		const service = container.labels[composeLabels.service] ?? container.name;
		perService.set(service, (perService.get(service) ?? 0) + 1);
	}

	return new Map(
		containers.map(container => {
			const service = container.labels[composeLabels.service] ?? container.name;
			const oneoff = /^true$/i.test(
				container.labels[composeLabels.oneoff] ?? '',
			);
			const number = container.labels[composeLabels.number];
			const source = oneoff
				? container.name
				: (perService.get(service) ?? 0) > 1
					? `${service}.${number ?? container.id.slice(0, 6)}`
					: service;
			return [container.id, source];
		}),
	);
}

/**
Opens the logs overlay on `containers` (the containers of `node`) and follows their logs.
*/
export function openProjectLogs(
	context: CommandContext,
	node: ProjectNode,
	containers: readonly ContainerRow[],
): void {
	const {store, engine} = context;
	if (containers.length === 0) {
		store.dispatch({
			type: 'ui/flash',
			text: `${nodeName(node)} has no containers`,
			level: 'muted',
		});
		return;
	}

	closeProjectLogs();
	const id = takeSerial(store);
	const controller = new AbortController();
	controllers.set(id, controller);
	const sources = logSources(containers);
	store.dispatch({
		type: 'projects/logs-open',
		overlay: {
			kind: 'project-logs',
			id,
			title: `Logs of ${nodeName(node)} (${count(containers.length, 'container')})`,
			sources: [...new Set(sources.values())],
			lines: [],
			nextSeq: 0,
			scroll: 0,
			errors: [],
			open: containers.length,
		},
	});

	let pending: Array<LogEntry & {readonly source: string}> = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stillOpen = () => {
		const overlay = store.getState().ui.overlay;
		return overlay?.kind === 'project-logs' && overlay.id === id;
	};

	const flush = () => {
		timer = undefined;
		if (!stillOpen()) {
			// Closed (or replaced by another overlay): stop following.
			controller.abort();
			controllers.delete(id);
			return;
		}

		if (pending.length > 0) {
			const lines = pending;
			pending = [];
			store.dispatch({type: 'projects/logs-lines', id, lines});
		}
	};

	const tail = Math.max(20, Math.floor(historyLines / containers.length));
	for (const container of containers) {
		const source = sources.get(container.id) ?? container.name;
		void engine
			.followLogs(container.id, {
				signal: controller.signal,
				tail,
				onLines(lines) {
					for (const line of lines) {
						pending.push({...line, source});
					}

					// Bounded while it waits for the flush, too.
					if (pending.length > 4 * historyLines) {
						pending.splice(0, pending.length - 4 * historyLines);
					}

					timer ??= setTimeout(flush, flushMs);
				},
			})
			.then(
				() => undefined,
				(error: unknown) =>
					`${container.name}: ${reason(error, store.getState())}`,
			)
			.then(error => {
				if (controller.signal.aborted) {
					return;
				}

				if (timer) {
					clearTimeout(timer);
				}

				flush();
				store.dispatch({
					type: 'projects/logs-ended',
					id,
					...(error ? {error} : {}),
				});
			});
	}
}

/**
Stops following the open logs overlay's streams.
*/
export function closeProjectLogs(): void {
	for (const controller of controllers.values()) {
		controller.abort();
	}

	controllers.clear();
}

export const closeLogs: Command = ({store}) => {
	closeProjectLogs();
	store.dispatch({type: 'ui/overlay-close'});
};

export const scrollLogs =
	(to: number | 'top' | 'bottom' | 'page-up' | 'page-down'): Command =>
	({store, pageSize}) => {
		const page = Math.max(1, pageSize() - 3);
		store.dispatch({
			type: 'projects/logs-scroll',
			to: to === 'page-up' ? page : to === 'page-down' ? -page : to,
		});
	};

export type {ProjectLogLine};
