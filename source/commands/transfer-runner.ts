/**
Runs a long transfer (pull, push, build, save, load, import, export, cp) in the background: its progress goes
into the state a few times a second (never once per engine message), Esc aborts its request, and it ends with a
result line that says how much and how long. The UI stays live meanwhile: nothing waits for it.
*/
import {EngineError, type TransferEvent} from '../engine/types.js';
import formatBytes from '../format/bytes.js';
import type {Store} from '../state/store.js';
import {
	maxTransferLines,
	type Transfer,
	type TransferKind,
	type TransferLayer,
} from '../state/transfer-types.js';
import {logStart} from './command-log.js';
import type {DockerLine} from './task.js';
import {reason} from './words.js';
import {takeSerial} from '../state/serial.js';

/**
How often progress reaches the state, at most.
*/
const progressMs = 100;

/**
The live requests, by transfer id: Esc aborts them.
*/
const controllers = new Map<number, AbortController>();

/**
Aborts transfer `id` if it still runs; true when it did.
*/
export function cancelTransfer(id: number): boolean {
	const controller = controllers.get(id);
	if (!controller) {
		return false;
	}

	controller.abort();
	return true;
}

/**
`3.2 s`, `1 min 4 s`.
*/
export function formatElapsed(ms: number): string {
	if (ms < 60_000) {
		return `${(ms / 1000).toFixed(1)} s`;
	}

	return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
Total bytes of the layers (what is known of them), for the result line.
*/
export function layerBytes(layers: readonly TransferLayer[]): number {
	return layers.reduce((sum, layer) => sum + (layer.total ?? 0), 0);
}

export type TransferJob<T> = {
	readonly kind: TransferKind;
	readonly title: string;
	readonly docker: DockerLine;
	/**
	Open the progress overlay now (a pull or build); otherwise only the result line is shown (a small cp).
	@default true
	*/
	readonly show?: boolean;
	readonly run: (
		signal: AbortSignal,
		onEvent: (event: TransferEvent) => void,
	) => Promise<T>;
	/**
	The result line on success, given what `run` resolved with and the figures of the transfer.
	*/
	readonly done: (
		value: T,
		figures: {
			readonly elapsed: string;
			readonly bytes: number;
			readonly layers: readonly TransferLayer[];
		},
	) => string;
	/**
	The failure in words (`Could not pull x: <reason>`).
	*/
	readonly failed: (why: string) => string;
	/**
	When the failure was for want of a login: the registry to offer a login for.
	*/
	readonly loginFor?: (error: unknown) => string | undefined;
};

export type TransferOutcome<T> =
	| {readonly ok: true; readonly value: T; readonly id: number}
	| {
			readonly ok: false;
			readonly cancelled: boolean;
			readonly error: unknown;
			readonly id: number;
	  };

/**
Starts `job`; resolves when it has ended (the caller need not wait).
*/
export async function runTransfer<T>(
	store: Store,
	job: TransferJob<T>,
	now: () => number = Date.now,
): Promise<TransferOutcome<T>> {
	const id = takeSerial(store);
	const controller = new AbortController();
	controllers.set(id, controller);
	const startedAt = now();
	const transfer: Transfer = {
		id,
		kind: job.kind,
		title: job.title,
		docker: job.docker,
		status: 'running',
		startedAt,
		layers: [],
		lines: [],
	};
	store.dispatch({type: 'transfer/start', transfer, show: job.show ?? true});
	const logEnd = logStart(store, job.docker, now);

	const layers = new Map<string, TransferLayer>();
	const lines: string[] = [];
	let bytes: Transfer['bytes'];
	let dirty = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const flush = () => {
		timer = undefined;
		if (!dirty) {
			return;
		}

		dirty = false;
		store.dispatch({
			type: 'transfer/progress',
			id,
			layers: [...layers.values()],
			lines: [...lines],
			...(bytes ? {bytes} : {}),
		});
	};

	const onEvent = (event: TransferEvent) => {
		switch (event.kind) {
			case 'layer': {
				const previous = layers.get(event.id);
				layers.set(event.id, {
					id: event.id,
					status: event.status,
					// Keep the size once known: `Pull complete` comes without it.
					...(event.current === undefined ? {} : {current: event.current}),
					...(event.total === undefined
						? previous?.total === undefined
							? {}
							: {total: previous.total}
						: {total: event.total}),
				});
				break;
			}

			case 'status':
			case 'output': {
				lines.push(event.text);
				if (lines.length > maxTransferLines) {
					lines.splice(0, lines.length - maxTransferLines);
				}

				break;
			}

			case 'bytes': {
				bytes = {
					current: event.current,
					...(event.total === undefined ? {} : {total: event.total}),
				};
				break;
			}
		}

		dirty = true;
		timer ??= setTimeout(flush, progressMs);
	};

	const finish = (
		status: 'done' | 'failed' | 'cancelled',
		result: string,
		loginRegistry?: string,
	) => {
		if (timer) {
			clearTimeout(timer);
		}

		flush();
		controllers.delete(id);
		logEnd(
			status === 'done'
				? {ok: true}
				: {ok: false, error: status === 'cancelled' ? 'cancelled' : result},
		);
		store.dispatch({
			type: 'transfer/end',
			id,
			status,
			result,
			endedAt: now(),
			...(loginRegistry ? {loginRegistry} : {}),
		});
		store.dispatch({
			type: 'ui/flash',
			text: result,
			level:
				status === 'done'
					? 'success'
					: status === 'cancelled'
						? 'muted'
						: 'error',
		});
	};

	try {
		const value = await job.run(controller.signal, onEvent);
		const elapsed = formatElapsed(now() - startedAt);
		const finalLayers = [...layers.values()];
		finish(
			'done',
			job.done(value, {
				elapsed,
				bytes: bytes?.current ?? layerBytes(finalLayers),
				layers: finalLayers,
			}),
		);
		return {ok: true, value, id};
	} catch (error) {
		const cancelled =
			controller.signal.aborted ||
			(error instanceof EngineError && error.kind === 'aborted');
		if (cancelled) {
			finish(
				'cancelled',
				`Cancelled: ${job.title} (after ${formatElapsed(now() - startedAt)})`,
			);
		} else {
			finish(
				'failed',
				job.failed(reason(error, store.getState())),
				job.loginFor?.(error),
			);
		}

		return {ok: false, cancelled, error, id};
	}
}

/**
`2 layers, 1.9 MB`: what a pull or push moved.
*/
export function describeLayers(layers: readonly TransferLayer[]): string {
	const moved = layers.filter(layer => layer.status !== 'exists').length;
	const existing = layers.length - moved;
	const size = layerBytes(layers.filter(layer => layer.status !== 'exists'));
	const parts = [
		`${moved} layer${moved === 1 ? '' : 's'}${size > 0 ? ` (${formatBytes(size)})` : ''}`,
		...(existing > 0 ? [`${existing} already there`] : []),
	];
	return parts.join(', ');
}
