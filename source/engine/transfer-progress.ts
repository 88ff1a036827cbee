/**
The engine's progress messages (the ndjson of pull, push, build, load and import) made into `TransferEvent`s, and
the errors in them made into words. Pure.
*/
import {oneLine} from './errors.js';
import sanitize from '../format/printable.js';
import type {LayerStatus, TransferEvent} from './transfer-types.js';
import {EngineError, type EngineErrorKind} from './types.js';

const layerStatuses: ReadonlyArray<readonly [RegExp, LayerStatus]> = [
	[/^waiting$/i, 'waiting'],
	[/^pulling fs layer$/i, 'waiting'],
	[/^preparing$/i, 'preparing'],
	[/^downloading$/i, 'downloading'],
	[/^verifying checksum$/i, 'verifying'],
	[/^download complete$/i, 'downloaded'],
	[/^extracting$/i, 'extracting'],
	[/^pushing$/i, 'pushing'],
	[/^(pull complete|pushed)$/i, 'done'],
	[/^(already exists|layer already exists|mounted from .*)$/i, 'exists'],
];

function number(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0
		? value
		: undefined;
}

/**
A message that carries an error (`{"error": "…", "errorDetail": {"message": "…"}}`): its text, else undefined.
*/
export function messageError(raw: Record<string, unknown>): string | undefined {
	const detail = raw['errorDetail'];
	if (typeof detail === 'object' && detail !== null) {
		const {message} = detail as {message?: unknown};
		if (typeof message === 'string' && message !== '') {
			return message;
		}
	}

	const error = raw['error'];
	return typeof error === 'string' && error !== '' ? error : undefined;
}

/**
One ndjson message of a pull or push as an event, or undefined for one with nothing to show.
*/
export function progressEvent(
	raw: Record<string, unknown>,
): TransferEvent | undefined {
	const status = typeof raw['status'] === 'string' ? raw['status'] : undefined;
	const id = typeof raw['id'] === 'string' ? sanitize(raw['id']) : undefined;
	if (status !== undefined && id !== undefined) {
		const found = layerStatuses.find(([pattern]) => pattern.test(status));
		if (found) {
			const detail = (raw['progressDetail'] ?? {}) as Record<string, unknown>;
			const current = number(detail['current']);
			const total = number(detail['total']);
			return {
				kind: 'layer',
				id,
				status: found[1],
				...(current === undefined ? {} : {current}),
				...(total === undefined ? {} : {total}),
			};
		}

		// `latest: Pulling from team/app`, `The push refers to…` come with the tag or repository as id.
		return {kind: 'status', text: oneLine(`${id}: ${status}`)};
	}

	if (status !== undefined && status.trim() !== '') {
		return {kind: 'status', text: oneLine(status)};
	}

	const stream = raw['stream'];
	if (typeof stream === 'string') {
		const text = sanitize(stream.replace(/\r?\n$/, ''));
		return text.trim() === '' ? undefined : {kind: 'output', text};
	}

	return undefined;
}

const patterns: ReadonlyArray<
	readonly [RegExp, EngineErrorKind, (message: string) => string]
> = [
	[
		/unauthorized|authentication required|no basic auth credentials|denied: requested access|incorrect username or password|401 unauthorized/i,
		'unauthorized',
		() => 'unauthorized: log in to this registry first (or check the password)',
	],
	[
		/manifest unknown/i,
		'not-found',
		() => 'manifest unknown: the registry has no such tag',
	],
	[
		/not found|does not exist|no such image|repository .* not found|name unknown/i,
		'not-found',
		message => `not found: ${message}`,
	],
	[
		/no such host|server misbehaving|lookup .* on/i,
		'unreachable',
		() => 'no such host: the registry name does not resolve',
	],
	[
		/connection refused/i,
		'unreachable',
		() => 'connection refused: nothing answers at that registry address',
	],
	[
		/x509|certificate|tls:|http response to https client|ssl/i,
		'unreachable',
		message => `TLS: ${message}`,
	],
	[
		/i\/o timeout|deadline exceeded|timed out|network is unreachable/i,
		'unreachable',
		() => 'the registry did not answer (timeout or no route)',
	],
];

/**
An error from a registry operation (in the stream, or the engine's HTTP answer) as an `EngineError` in words:
unauthorized, not found, manifest unknown, no such host, connection refused, TLS. `what` names the object.
*/
export function registryError(
	message: string,
	what: string,
	fallback: EngineErrorKind = 'server',
): EngineError {
	const text = oneLine(message);
	for (const [pattern, kind, words] of patterns) {
		if (pattern.test(text)) {
			return new EngineError(kind, `${what}: ${words(text)}`);
		}
	}

	return new EngineError(fallback, `${what}: ${text}`);
}

/**
The engine's own words in a modem error of a stream request, where docker-modem puts them in the message
(`(HTTP code 404) no such image - No such image: x `) and not in `json`.
*/
export function modemMessage(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) {
		return undefined;
	}

	const {message, json} = error as {message?: unknown; json?: unknown};
	if (typeof json === 'object' && json !== null) {
		const inner = (json as {message?: unknown}).message;
		if (typeof inner === 'string' && inner !== '') {
			return inner;
		}
	}

	if (typeof message !== 'string') {
		return undefined;
	}

	const match = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(message);
	return (match?.[1] ?? message).trim();
}
