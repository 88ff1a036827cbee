import path from 'node:path';
import sanitize from '../format/printable.js';
import {EngineError, type EngineErrorKind} from './types.js';

/**
How an engine method turns what dockerode threw into an `EngineError` (`what` names the object).
*/
export type Fail = (error: unknown, what?: string) => EngineError;

/**
The longest message we keep; engine messages can embed whole command lines.
*/
const maxMessageLength = 300;

const socketErrorCodes = new Set([
	'ECONNREFUSED',
	'ENOENT',
	'EACCES',
	'EPERM',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EHOSTDOWN',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ECONNRESET',
	'ECONNABORTED',
	'EPIPE',
	'ENOTSOCK',
	'ERR_SOCKET_CLOSED',
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'EPROTO',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'CERT_HAS_EXPIRED',
]);

/**
Why a socket error happened, in words, keyed by its `code`.
*/
const socketErrorWords: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'connection refused. Is the engine running?',
	ENOENT: 'the socket does not exist. Is the engine running?',
	EACCES:
		'permission denied. Is your user allowed to use the socket (the docker group)?',
	EPERM:
		'permission denied. Is your user allowed to use the socket (the docker group)?',
	ETIMEDOUT: 'the connection timed out',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	EHOSTDOWN: 'the host is down',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	ECONNRESET: 'the connection was lost',
	ECONNABORTED: 'the connection was lost',
	EPIPE: 'the connection was lost',
	ERR_SOCKET_CLOSED: 'the connection was lost',
	ENOTSOCK: 'that path is not a socket',
};

/**
TLS handshake failures, in words: what went wrong and what to check. Node gives certificate problems of the
server as `code`s; refusals from the server (it wants, or does not accept, our client certificate) come as
OpenSSL alerts in the message (`ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED`, `SSL alert number 116`).
*/
const tlsCertificateWords: Readonly<Record<string, string>> = {
	DEPTH_ZERO_SELF_SIGNED_CERT:
		"the engine's TLS certificate is self-signed and not trusted: put the CA that signed it in ca.pem (DOCKER_CERT_PATH or the context's TLS folder)",
	SELF_SIGNED_CERT_IN_CHAIN:
		"the engine's TLS certificate is not signed by the CA in ca.pem (wrong CA?): use the ca.pem of the CA that made the engine's certificate",
	UNABLE_TO_VERIFY_LEAF_SIGNATURE:
		"the engine's TLS certificate is not signed by the CA in ca.pem (wrong CA?): use the ca.pem of the CA that made the engine's certificate",
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
		"the engine's TLS certificate is not signed by the CA in ca.pem (wrong CA?): use the ca.pem of the CA that made the engine's certificate",
	ERR_TLS_CERT_ALTNAME_INVALID:
		"the engine's TLS certificate is not made out for this host name or address",
	CERT_HAS_EXPIRED: "the engine's TLS certificate has expired",
	CERT_NOT_YET_VALID: "the engine's TLS certificate is not valid yet",
};

/**
Words for a TLS failure, or undefined when the error is not one.
*/
function tlsWords(error: ModemLikeError): string | undefined {
	const code = typeof error.code === 'string' ? error.code : '';
	const message = typeof error.message === 'string' ? error.message : '';
	const known = tlsCertificateWords[code];
	if (known) {
		return known;
	}

	if (
		code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' ||
		/alert certificate required|alert number 116/i.test(message)
	) {
		return 'the engine asks for a client certificate and none was given: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to a folder with cert.pem and key.pem (or give the context its client certificate)';
	}

	if (
		/^ERR_SSL_(SSLV3|TLSV1)_ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|DECRYPT_ERROR|ACCESS_DENIED)$/.test(
			code,
		) ||
		/alert (bad certificate|unknown ca|certificate unknown|access denied)|alert number (42|46|48|49)\b/i.test(
			message,
		)
	) {
		return 'the engine refused our client certificate (not signed by a CA it trusts): use the cert.pem and key.pem made for this engine';
	}

	if (
		code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
		/wrong version number/i.test(message)
	) {
		return "the engine does not speak TLS on this port (plain HTTP?): unset DOCKER_TLS_VERIFY, or use the engine's TLS port (2376)";
	}

	return undefined;
}

type ModemLikeError = {
	readonly name?: unknown;
	readonly message?: unknown;
	readonly code?: unknown;
	readonly statusCode?: unknown;
	readonly reason?: unknown;
	readonly json?: unknown;
	readonly address?: unknown;
	readonly port?: unknown;
	readonly hostname?: unknown;
	readonly syscall?: unknown;
	readonly level?: unknown;
};

/**
Makes any text a single, harmless, reasonably short line.
*/
export function oneLine(text: string): string {
	const line = sanitize(text.replaceAll(/\s*[\r\n]+\s*/g, ' ')).trim();
	return line.length > maxMessageLength
		? `${line.slice(0, maxMessageLength - 1)}…`
		: line;
}

function kindForStatus(statusCode: number): EngineErrorKind {
	if (statusCode === 304) {
		return 'not-modified';
	}

	if (statusCode === 401 || statusCode === 403) {
		return 'unauthorized';
	}

	if (statusCode === 404) {
		return 'not-found';
	}

	if (statusCode === 409) {
		return 'conflict';
	}

	if (statusCode >= 400 && statusCode < 500) {
		return 'bad-request';
	}

	if (statusCode >= 500 && statusCode < 600) {
		return 'server';
	}

	return 'unknown';
}

/**
The engine's own words from an error body: `{"message": "…"}`, or a plain text body.
*/
function engineMessage(json: unknown): string | undefined {
	if (typeof json === 'string') {
		return json.trim() === '' ? undefined : json;
	}

	if (json instanceof Uint8Array) {
		const text = new TextDecoder().decode(json);
		return text.trim() === '' ? undefined : text;
	}

	if (typeof json === 'object' && json !== null) {
		const {message} = json as {message?: unknown};
		if (typeof message === 'string' && message.trim() !== '') {
			return message;
		}
	}

	return undefined;
}

function describeAddress(
	error: ModemLikeError,
	host: string | undefined,
): string {
	if (typeof error.address === 'string' && error.address !== '') {
		if (typeof error.port === 'number') {
			return error.address.includes(':')
				? `[${error.address}]:${error.port}`
				: `${error.address}:${error.port}`;
		}

		return error.address.startsWith('/')
			? `unix://${error.address}`
			: error.address;
	}

	if (typeof error.hostname === 'string' && error.hostname !== '') {
		return error.hostname;
	}

	return host ?? 'the configured address';
}

function isSocketError(error: ModemLikeError): boolean {
	if (typeof error.level === 'string' && error.level.startsWith('client-')) {
		// Errors from ssh2: client-socket, client-timeout, client-authentication, client-dns.
		return true;
	}

	if (typeof error.code !== 'string' || !socketErrorCodes.has(error.code)) {
		return false;
	}

	// ENOENT/EACCES also come from file reads; only a failed connect means the engine is unreachable.
	if (
		error.code === 'ENOENT' ||
		error.code === 'EACCES' ||
		error.code === 'EPERM'
	) {
		return error.syscall === 'connect' || typeof error.address === 'string';
	}

	return true;
}

function unreachableMessage(
	error: ModemLikeError,
	host: string | undefined,
): string {
	const address = describeAddress(error, host);
	if (typeof error.level === 'string' && error.level.startsWith('client-')) {
		const detail =
			typeof error.message === 'string' ? error.message : String(error.level);
		return `cannot reach the Docker engine over ssh at ${address}: ${detail}`;
	}

	const code = String(error.code);
	const words =
		socketErrorWords[code] ??
		(typeof error.message === 'string' && error.message !== ''
			? error.message
			: code);
	return `cannot connect to the Docker engine at ${address}: ${words}`;
}

/**
Turns anything a dockerode or docker-modem call threw into an `EngineError`.

- HTTP errors (they carry `statusCode`, `reason` and `json`) map by status: 304 → `not-modified`, 400 → `bad-request`,
  401/403 → `unauthorized`, 404 → `not-found`, 409 → `conflict`, 5xx → `server`. The message is the engine's own
  `json.message`, made one harmless line, prefixed with `what` (`container web: No such container: web`).
- Socket errors (refused, no socket, permission, timeouts, resets, ssh) → `unreachable`, in words, naming the address
  from the error or else `host`.
- An `AbortError` → `aborted`.
- An `EngineError` passes through unchanged.
*/
export function toEngineError(
	error: unknown,
	what?: string,
	host?: string,
): EngineError {
	if (error instanceof EngineError) {
		return error;
	}

	const prefix = (message: string) =>
		what ? `${oneLine(what)}: ${message}` : message;

	if (typeof error !== 'object' || error === null) {
		return new EngineError(
			'unknown',
			prefix(oneLine(String(error)) || 'unknown error'),
		);
	}

	const details = error as ModemLikeError;

	if (typeof details.statusCode === 'number') {
		const kind = kindForStatus(details.statusCode);
		const fromEngine = engineMessage(details.json);
		const fallback =
			typeof details.reason === 'string' &&
			details.reason !== '' &&
			details.reason !== 'unexpected'
				? details.reason
				: `the engine answered HTTP ${details.statusCode}`;
		return new EngineError(
			kind,
			prefix(oneLine(fromEngine ?? fallback)),
			details.statusCode,
		);
	}

	if (details.name === 'AbortError' || details.code === 'ABORT_ERR') {
		return new EngineError('aborted', prefix('cancelled'));
	}

	const tls = tlsWords(details);
	if (tls) {
		return new EngineError(
			'unauthorized',
			oneLine(
				`cannot connect to the Docker engine at ${describeAddress(details, host)} over TLS: ${tls}`,
			),
		);
	}

	if (isSocketError(details)) {
		return new EngineError(
			'unreachable',
			oneLine(unreachableMessage(details, host)),
		);
	}

	const message =
		typeof details.message === 'string' ? oneLine(details.message) : '';
	return new EngineError('unknown', prefix(message || 'unknown error'));
}

/**
True when an error (of any kind) means "nothing to do": the engine answered 304.
*/
export function isNotModified(error: unknown): boolean {
	return toEngineError(error).kind === 'not-modified';
}

/**
A host file's error (reading it, or `writing` it) in words, as an `EngineError`.
*/
export function fileError(
	error: unknown,
	file: string,
	writing: boolean,
): EngineError {
	const code = (error as {code?: unknown} | undefined)?.code;
	const words: Record<string, string> = {
		ENOENT: writing
			? `the folder ${path.dirname(file)} does not exist`
			: `${file} does not exist`,
		EACCES: `permission denied: ${file}`,
		EPERM: `permission denied: ${file}`,
		EISDIR: `${file} is a folder`,
		ENOTDIR: `a part of ${file} is not a folder`,
		ENOSPC: `no space left for ${file}`,
		EROFS: `${file} is on a read-only file system`,
	};
	return new EngineError(
		'bad-request',
		typeof code === 'string' && words[code]
			? words[code]
			: `${file}: ${oneLine(error instanceof Error ? error.message : String(error))}`,
	);
}
