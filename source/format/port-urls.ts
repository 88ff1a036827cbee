/**
Published ports with the address they are reachable at, and the `http://host:port` a browser would open for each
(`o` in Containers). A port bound to every address (`0.0.0.0`, `::`) is reached at the engine's own host: this
machine for a local socket, the host of a `tcp://` or `ssh://` engine otherwise. Pure.
*/
import type {PortMapping} from '../engine/types.js';
import type {AppState, ContainerRow} from '../state/types.js';

/**
The address of the engine `row` is on (with several engines, its own).
*/
export function engineHostOf(
	state: Pick<AppState, 'engines' | 'connection'>,
	row: Pick<ContainerRow, 'engine'>,
): string {
	const engine =
		row.engine === undefined
			? undefined
			: state.engines?.find(each => each.name === row.engine);
	return engine?.host ?? state.connection.host;
}

const wildcard = (ip: string | undefined) =>
	ip === undefined || ip === '' || ip === '0.0.0.0' || ip === '::';

/**
The host name of an engine address: `localhost` for a socket on this machine (`unix://`, `npipe://`), else the
host part of `tcp://host:port` or `ssh://user@host:port`.
*/
export function engineHostName(engineHost: string): string {
	const match = /^(?:tcp|ssh|https?):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/i.exec(
		engineHost.trim(),
	);
	return match?.[1] ?? 'localhost';
}

const inUrl = (host: string) =>
	host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

/**
One published binding as `docker port` words it: `0.0.0.0:8080 → 80/tcp`, `[::]:8080 → 80/tcp`.
*/
export function bindingText(port: PortMapping): string {
	const ip = port.ip === undefined || port.ip === '' ? '0.0.0.0' : port.ip;
	return `${inUrl(ip)}:${port.publicPort ?? '?'} → ${port.privatePort}/${port.protocol}`;
}

/**
Each published binding once, sorted by host port then address (IPv4 before IPv6).
*/
export function publishedBindings(
	ports: readonly PortMapping[],
): PortMapping[] {
	const seen = new Set<string>();
	const result: PortMapping[] = [];
	for (const port of ports) {
		if (port.publicPort === undefined) {
			continue;
		}

		const text = bindingText(port);
		if (!seen.has(text)) {
			seen.add(text);
			result.push(port);
		}
	}

	return result.sort(
		(a, b) =>
			(a.publicPort ?? 0) - (b.publicPort ?? 0) ||
			Number((a.ip ?? '').includes(':')) - Number((b.ip ?? '').includes(':')) ||
			(a.ip ?? '').localeCompare(b.ip ?? ''),
	);
}

export type PortUrl = {
	readonly url: string;
	/**
	The bindings it stands for (`0.0.0.0:8080 → 80/tcp, [::]:8080 → 80/tcp`).
	*/
	readonly bindings: string;
};

/**
The `http://host:port` of every published TCP port, each URL once (the IPv4 and IPv6 wildcard bindings of one
port are one URL), in host port order.
*/
export function portUrls(
	ports: readonly PortMapping[],
	engineHost: string,
): PortUrl[] {
	const byUrl = new Map<string, string[]>();
	for (const port of publishedBindings(ports)) {
		if (port.protocol !== 'tcp') {
			continue;
		}

		const host = wildcard(port.ip)
			? engineHostName(engineHost)
			: inUrl(port.ip!);
		const url = `http://${host}:${port.publicPort!}`;
		byUrl.set(url, [...(byUrl.get(url) ?? []), bindingText(port)]);
	}

	return [...byUrl].map(([url, bindings]) => ({
		url,
		bindings: bindings.join(', '),
	}));
}
