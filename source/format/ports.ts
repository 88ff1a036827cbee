import type {PortMapping} from '../engine/types.js';

/**
Published ports first, sorted, each once (the engine lists IPv4 and IPv6 bindings separately):
`8080→80/tcp, 127.0.0.1:9000→9000/tcp, 443/tcp`.
*/
export default function formatPorts(ports: readonly PortMapping[]): string {
	const seen = new Set<string>();
	const published: Array<[number, string]> = [];
	const exposed: Array<[number, string]> = [];
	for (const port of ports) {
		let text: string;
		if (port.publicPort === undefined) {
			text = `${port.privatePort}/${port.protocol}`;
		} else {
			const ip =
				port.ip && port.ip !== '0.0.0.0' && port.ip !== '::'
					? `${port.ip}:`
					: '';
			text = `${ip}${port.publicPort}→${port.privatePort}/${port.protocol}`;
		}

		if (seen.has(text)) {
			continue;
		}

		seen.add(text);
		(port.publicPort === undefined ? exposed : published).push([
			port.publicPort ?? port.privatePort,
			text,
		]);
	}

	const byPort = (a: [number, string], b: [number, string]) =>
		a[0] - b[0] || a[1].localeCompare(b[1]);
	return [...published.sort(byPort), ...exposed.sort(byPort)]
		.map(([, text]) => text)
		.join(', ');
}
