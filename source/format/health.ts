/**
A container's healthcheck status, as the engine words it in the status line of a running container
(`Up 3 minutes (healthy)`, `(unhealthy)`, `(health: starting)`); undefined without a healthcheck.
*/
export type Health = 'healthy' | 'unhealthy' | 'starting';

export function healthOf(status: string): Health | undefined {
	const match = /\((healthy|unhealthy|health: starting)\)/i.exec(status);
	if (!match) {
		return undefined;
	}

	const word = match[1]!.toLowerCase();
	return word === 'health: starting' ? 'starting' : (word as Health);
}
