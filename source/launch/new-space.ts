// A cap on V8's new space (its young generation), set while dockpit runs (issue 11: memory).
//
// V8 doubles the new space, up to 16 MB a semi-space (32 MB in all on 64-bit), each time more than its size has
// survived scavenges since it last grew; it halves it again only when the allocation rate is low. A dashboard
// whose uptimes change every second allocates a few MB a second in the first minute and grew it to the maximum,
// 25-30 MB of resident memory for a heap whose live objects are ~15 MB. Node has no way to cap it after the start
// (`--max-semi-space-size` is read once, when the heap is set up; a flag on the #! line does not work for `npm i -g`
// and npx everywhere), but `--semi-space-growth-factor` is read at each growth: set to 1, the new space stays the
// size it has. It is set to 1 once the new space reaches `maxNewSpace`, back to 2 when V8 has shrunk it below.
// Measured (50 fresh running containers, RSS after the first minute): 107 MB without, 96-98 MB with.
import {PerformanceObserver} from 'node:perf_hooks';
import v8 from 'node:v8';

/**
The new space's size (both semi-spaces) past which it grows no more: what V8 starts with on 64-bit (4 MB a
semi-space), in bytes.
*/
export const maxNewSpace = 8 * 1024 * 1024;

export type NewSpaceOptions = {
	readonly limit?: number;
	readonly setFlags?: (flags: string) => void;
	readonly newSpaceSize?: () => number;
};

const currentNewSpace = () =>
	v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space')
		?.space_size ?? 0;

/**
Whether this Node's V8 is one the flag was verified on (Node 20's V8 11): V8 prints "unrecognized flag" to the
terminal, over the dashboard, for a flag it does not have, and the flags of a V8 are its own to rename.
*/
export const verifiedV8 = /^11\./.test(process.versions.v8);

/**
Keeps the new space at most `limit` bytes from now on, checking after each garbage collection. Returns a function
that stops it. Does nothing on a V8 it was not verified on (`verifiedV8`), unless given its own `setFlags`.
*/
export function capNewSpace(options: NewSpaceOptions = {}): () => void {
	if (!verifiedV8 && options.setFlags === undefined) {
		return () => undefined;
	}

	const limit = options.limit ?? maxNewSpace;
	const setFlags = options.setFlags ?? v8.setFlagsFromString;
	const newSpaceSize = options.newSpaceSize ?? currentNewSpace;
	let growing = true;
	const check = () => {
		const grow = newSpaceSize() < limit;
		if (grow !== growing) {
			growing = grow;
			setFlags(`--semi-space-growth-factor=${grow ? 2 : 1}`);
		}
	};

	check();
	const observer = new PerformanceObserver(check);
	observer.observe({entryTypes: ['gc']});
	return () => {
		observer.disconnect();
		if (!growing) {
			setFlags('--semi-space-growth-factor=2');
		}
	};
}
