// What the engine parts of the fault suite (restarts, faults, churn) share: the picture dockpit's screen shows
// (the header's state, the tab counts, and the rows of the part's own fleet), the same picture read from the
// engine, and the sampling that times how long the two differ. Not a part itself (no `.part.ts`).
import fs from 'node:fs';
import process from 'node:process';
import type Docker from 'dockerode';
import type {Dockpit} from '../helpers/pty.js';

export type Picture = {
	/**
	The fleet's rows: name → state as the STATE column writes it (`running`, `exited (137)`).
	*/
	readonly rows: ReadonlyMap<string, string>;
	readonly running: number;
	readonly total: number;
	readonly images: number;
};

export type HeaderState =
	'live' | 'degraded' | 'reconnecting' | 'connecting' | 'unknown';

const escape = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
The header's connection state, from the first row of the screen.
*/
export function headerState(screen: string): HeaderState {
	const header = screen.split('\n', 1)[0] ?? '';
	if (header.endsWith('● live')) {
		return 'live';
	}

	if (header.includes('◐ degraded')) {
		return 'degraded';
	}

	if (header.includes('⟳ reconnecting')) {
		return 'reconnecting';
	}

	return header.includes('… connecting') ? 'connecting' : 'unknown';
}

/**
The picture on screen: the tab bar's counts (`Containers 3/7`, `Images 12`) and the rows whose name starts
with `prefix` (the names must fit the NAME column). Undefined while the tab bar is not drawn.
*/
export function screenPicture(
	screen: string,
	prefix: string,
): Picture | undefined {
	const counts =
		/Containers (\d+)\/(\d+)\s.*Images (\d+)\s/.exec(screen) ?? undefined;
	if (!counts) {
		return undefined;
	}

	const row = new RegExp(
		`(${escape(prefix)}\\S*)\\s+\\S+\\s+(\\S+(?: \\(-?\\d+\\))?)`,
	);
	const rows = new Map<string, string>();
	for (const line of screen.split('\n')) {
		const match = row.exec(line);
		if (match) {
			rows.set(match[1]!, match[2]!);
		}
	}

	return {
		rows,
		running: Number(counts[1]),
		total: Number(counts[2]),
		images: Number(counts[3]),
	};
}

/**
The same picture, asked of the engine (every container, every image; the rows of the fleet).
*/
export async function enginePicture(
	docker: Docker,
	prefix: string,
): Promise<Picture> {
	const [containers, images] = await Promise.all([
		docker.listContainers({all: true}),
		docker.listImages(),
	]);
	const rows = new Map<string, string>();
	for (const container of containers) {
		const name = (container.Names[0] ?? '').replace(/^\//, '');
		if (name.startsWith(prefix)) {
			const code = /\((-?\d+)\)/.exec(container.Status)?.[1];
			rows.set(
				name,
				(container.State === 'exited' || container.State === 'dead') && code
					? `${container.State} (${code})`
					: container.State,
			);
		}
	}

	return {
		rows,
		running: containers.filter(container => container.State === 'running')
			.length,
		total: containers.length,
		images: images.length,
	};
}

/**
Where two pictures differ, in a few words; empty when they agree. `fleetOnly` compares only the fleet's rows,
not the counts (which other people's objects on the shared engine move too).
*/
export function difference(
	shown: Picture | undefined,
	engine: Picture,
	fleetOnly = false,
): string {
	if (!shown) {
		return 'no lists on screen';
	}

	const differences: string[] = [];
	if (fleetOnly) {
		// Only the rows below.
	} else if (shown.running !== engine.running || shown.total !== engine.total) {
		differences.push(
			`containers ${shown.running}/${shown.total} shown, ${engine.running}/${engine.total} on the engine`,
		);
	}

	if (shown.images !== engine.images) {
		differences.push(
			`images ${shown.images} shown, ${engine.images} on the engine`,
		);
	}

	for (const [name, state] of engine.rows) {
		const seen = shown.rows.get(name);
		if (seen !== state) {
			differences.push(`${name}: ${seen ?? 'missing'}, engine ${state}`);
		}
	}

	for (const name of shown.rows.keys()) {
		if (!engine.rows.has(name)) {
			differences.push(`${name}: shown, gone from the engine`);
		}
	}

	return differences.join('; ');
}

export type Sample = {
	/**
	Date.now() when the screen was read (just after the engine answered).
	*/
	readonly at: number;
	readonly header: HeaderState;
	/**
	Empty when the screen agreed with the engine.
	*/
	readonly difference: string;
	/**
	The same for the fleet's rows alone.
	*/
	readonly fleetDifference: string;
};

/**
One comparison: the engine's picture, then the screen's (read as soon as the engine answered). Undefined when
the engine did not answer.
*/
export async function sample(
	app: Dockpit,
	docker: Docker,
	prefix: string,
): Promise<Sample | undefined> {
	const engine = await enginePicture(docker, prefix).catch(() => undefined);
	if (!engine) {
		return undefined;
	}

	const screen = app.screen();
	const shown = screenPicture(screen, prefix);
	return {
		at: Date.now(),
		header: headerState(screen),
		difference: difference(shown, engine),
		fleetDifference: difference(shown, engine, true),
	};
}

/**
Samples every `everyMs` until `stop` says so (it sees every sample so far) or `maxMs` passed.
*/
export async function sampleWhile(
	app: Dockpit,
	docker: Docker,
	prefix: string,
	options: {
		readonly everyMs?: number;
		readonly maxMs: number;
		readonly stop?: (samples: readonly Sample[]) => boolean;
	},
): Promise<Sample[]> {
	const samples: Sample[] = [];
	const deadline = Date.now() + options.maxMs;
	while (Date.now() < deadline && !(options.stop?.(samples) ?? false)) {
		// eslint-disable-next-line no-await-in-loop
		const next = await sample(app, docker, prefix);
		if (next) {
			samples.push(next);
		}

		// eslint-disable-next-line no-await-in-loop
		await sleep(options.everyMs ?? 100);
	}

	return samples;
}

/**
Spans of consecutive samples for which `bad` holds: from the first such sample (or `from`, when the first
sample is already bad) to the first sample after them that is not (or the last sample, `open`); `why` is what
the span's last sample found wrong.
*/
export function badSpans(
	samples: readonly Sample[],
	bad: (sample: Sample) => boolean,
	from?: number,
): Array<{
	readonly start: number;
	readonly end: number;
	readonly open: boolean;
	readonly why: string;
}> {
	const spans: Array<{start: number; end: number; open: boolean; why: string}> =
		[];
	let current: {start: number; why: string} | undefined;
	for (const [index, each] of samples.entries()) {
		if (bad(each)) {
			current ??= {
				start: index === 0 && from !== undefined ? from : each.at,
				why: each.difference || `header ${each.header}`,
			};
			current.why = each.difference || `header ${each.header}`;
		} else if (current) {
			spans.push({...current, end: each.at, open: false});
			current = undefined;
		}
	}

	if (current) {
		spans.push({...current, end: samples.at(-1)!.at, open: true});
	}

	return spans;
}

/**
Has the screen agreed with the engine (and said live) for the last `ms`?
*/
export function steadyFor(samples: readonly Sample[], ms: number): boolean {
	const last = samples.at(-1);
	if (!last || last.difference !== '' || last.header !== 'live') {
		return false;
	}

	for (let index = samples.length - 1; index >= 0; index--) {
		const each = samples[index]!;
		if (each.difference !== '' || each.header !== 'live') {
			return last.at - each.at >= ms;
		}
	}

	return last.at - samples[0]!.at >= ms;
}

/**
VmRSS of a process, in kB (undefined once it is gone).
*/
export function rssKb(pid: number): number | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

/**
The node process that runs dist/cli.cjs: the pty's child itself, or the first of its descendants, that runs
node and whose command line names cli.cjs or is `dockpit` (the title the CLI gives itself, over its arguments).
*/
export function cliProcess(rootPid: number): number | undefined {
	const commandLine = (pid: number) => {
		try {
			return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		} catch {
			return '';
		}
	};

	const children = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name is in parentheses and may hold spaces: the parent pid is the 2nd field after it.
			const parent = Number(
				stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1],
			);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
		} catch {}
	}

	const queue = [rootPid];
	while (queue.length > 0) {
		const pid = queue.shift()!;
		const line = commandLine(pid);
		let executable = '';
		try {
			executable = fs.readlinkSync(`/proc/${pid}/exe`);
		} catch {}

		if (
			executable === process.execPath &&
			(line.includes('cli.cjs') || line.startsWith('dockpit'))
		) {
			return pid;
		}

		queue.push(...(children.get(pid) ?? []));
	}

	return undefined;
}

export async function sleep(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

/**
Milliseconds as seconds with two decimals.
*/
export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(2)} s`;
}

/**
Removes the containers whose name starts with `prefix` and the image references given (nothing else).
*/
export async function removeFleet(
	docker: Docker,
	prefix: string,
	images: Iterable<string> = [],
): Promise<void> {
	const containers = await docker.listContainers({
		all: true,
		filters: {name: [prefix]},
	});
	await Promise.all(
		containers
			.filter(info =>
				(info.Names[0] ?? '').replace(/^\//, '').startsWith(prefix),
			)
			.map(async info =>
				docker
					.getContainer(info.Id)
					.remove({force: true, v: true})
					.catch(() => undefined),
			),
	);
	for (const reference of images) {
		// eslint-disable-next-line no-await-in-loop
		await docker
			.getImage(reference)
			.remove({force: true})
			.catch(() => undefined);
	}
}
