/**
The longest wait between reconnect attempts on a local socket (unix://, npipe://), in ms.
*/
export const localSocketMaxBackoffMs = 1000;

/**
How long to wait before the next reconnect attempt, after `attempt` failures in a row: `first` doubled each
time, up to `max`; on a local socket, up to a second at most. A local socket that is gone fails at once, so an
attempt a second costs nothing, and a restarted daemon is seen within a second of answering again (issue 8:
with the 10 s cap, a dockerd back 4 s after it stopped was seen 3.5 s later). Over tcp and ssh the cap stays:
an attempt there is a connection (and an ssh login) that may take long to fail.
*/
export function reconnectDelay(
	attempt: number,
	host: string,
	[first, max]: readonly [number, number],
): number {
	const cap = /^(?:unix|npipe):\/\//i.test(host)
		? Math.min(max, localSocketMaxBackoffMs)
		: max;
	return Math.min(cap, first * 2 ** Math.max(0, attempt - 1));
}
