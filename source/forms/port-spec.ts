import {isIP} from 'node:net';
import type {PortMapping} from '../engine/types.js';
import {type Result, ok, fail, excerpt} from './result.js';

const protocols = ['tcp', 'udp', 'sctp'] as const;

type Protocol = PortMapping['protocol'];

type PortRange = {readonly start: number; readonly end: number};

/**
Parses one port number (`8080`).
*/
function parsePort(text: string): Result<number> {
	if (!/^\d+$/.test(text)) {
		return fail(`port must be a number: ${excerpt(text)}`);
	}

	const port = Number(text);
	if (port < 1 || port > 65_535) {
		return fail(`port must be 1-65535: ${excerpt(text)}`);
	}

	return ok(port);
}

/**
Parses a port or a range (`8000-8002`).
*/
function parseRange(text: string): Result<PortRange> {
	const dash = text.indexOf('-');
	if (dash === -1) {
		const port = parsePort(text);
		return port.ok ? ok({start: port.value, end: port.value}) : port;
	}

	if (dash === 0 || dash === text.length - 1) {
		return fail(`invalid port range: ${excerpt(text)}`);
	}

	const start = parsePort(text.slice(0, dash));
	if (!start.ok) {
		return start;
	}

	const end = parsePort(text.slice(dash + 1));
	if (!end.ok) {
		return end;
	}

	if (end.value < start.value) {
		return fail(`port range must go upwards: ${excerpt(text)}`);
	}

	return ok({start: start.value, end: end.value});
}

/**
Parses one `docker run -p` value into the mappings it stands for:

- `80` (container port; the engine picks a host port), `8080:80`, `127.0.0.1:8080:80`, `127.0.0.1::80`
  (host port picked by the engine), `[::1]:8080:80` (an IPv6 address in brackets);
- `/tcp` (the default), `/udp` or `/sctp` after the container port;
- ranges of equal length, mapped in order: `8000-8002:9000-9002`, or `8000-8002` alone.

Ports are 1-65535. Docker's other range form (a host range with a single container port, "any free host port in
the range") is refused, as is a single host port with a container range. Surrounding whitespace is ignored.
*/
export function parsePortSpec(text: string): Result<PortMapping[]> {
	const spec = text.trim();
	if (spec === '') {
		return fail('enter a port, e.g. 8080:80');
	}

	if (/\s/.test(spec)) {
		return fail(`port may not contain spaces: ${excerpt(spec)}`);
	}

	// Like Docker: the last part is the container port, the one before it the host port, and everything before
	// that (colons included, for an IPv6 address) the host address.
	const parts = spec.split(':');
	let containerPart = parts.at(-1)!;
	const hostPart = parts.length >= 2 ? parts.at(-2)! : '';
	let ip = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';

	let protocol: Protocol = 'tcp';
	const slash = containerPart.indexOf('/');
	if (slash !== -1) {
		const name = containerPart.slice(slash + 1).toLowerCase();
		if (name === '') {
			return fail('protocol is missing after /, e.g. 53/udp');
		}

		const known = protocols.find(protocol => protocol === name);
		if (known === undefined) {
			return fail(
				`protocol must be tcp, udp or sctp: ${excerpt(containerPart.slice(slash + 1))}`,
			);
		}

		protocol = known;
		containerPart = containerPart.slice(0, slash);
	}

	if (hostPart.includes('/')) {
		return fail('put /tcp, /udp or /sctp after the container port');
	}

	if (ip.startsWith('[') && ip.endsWith(']')) {
		ip = ip.slice(1, -1);
	}

	if (ip !== '' && isIP(ip) === 0) {
		return fail(`invalid IP address: ${excerpt(ip)}`);
	}

	if (containerPart === '') {
		return fail('container port is required, e.g. 8080:80');
	}

	const container = parseRange(containerPart);
	if (!container.ok) {
		return container;
	}

	const count = container.value.end - container.value.start + 1;
	let host: PortRange | undefined;
	if (hostPart !== '') {
		const parsed = parseRange(hostPart);
		if (!parsed.ok) {
			return parsed;
		}

		host = parsed.value;
		if (host.end - host.start + 1 !== count) {
			return fail(
				`host and container port ranges must be the same length: ${excerpt(hostPart)}:${excerpt(containerPart)}`,
			);
		}
	}

	const mappings: PortMapping[] = [];
	for (let offset = 0; offset < count; offset++) {
		mappings.push({
			privatePort: container.value.start + offset,
			...(host === undefined ? {} : {publicPort: host.start + offset}),
			...(ip === '' ? {} : {ip}),
			protocol,
		});
	}

	return ok(mappings);
}

/**
Parses a field with several `-p` values separated by commas and/or spaces (`80, 127.0.0.1:8443:443/tcp`), none of
which can contain either. An empty field is no ports. Fails when the same host port (and protocol) is published
twice on the same address, or on an address and on all addresses.
*/
export function parsePortList(text: string): Result<PortMapping[]> {
	const mappings: PortMapping[] = [];
	for (const spec of text.split(/[\s,]+/)) {
		if (spec === '') {
			continue;
		}

		const parsed = parsePortSpec(spec);
		if (!parsed.ok) {
			return parsed;
		}

		for (const mapping of parsed.value) {
			if (mapping.publicPort === undefined) {
				mappings.push(mapping);
				continue;
			}

			const clash = mappings.some(
				other =>
					other.publicPort === mapping.publicPort &&
					other.protocol === mapping.protocol &&
					(other.ip === undefined ||
						mapping.ip === undefined ||
						other.ip === mapping.ip),
			);
			if (clash) {
				return fail(
					`host port ${mapping.publicPort}/${mapping.protocol} is published twice`,
				);
			}

			mappings.push(mapping);
		}
	}

	return ok(mappings);
}
