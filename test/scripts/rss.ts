/**
Where a process's resident memory is, from /proc/PID/smaps (Linux), for issue 11's memory figures:

  node --import=tsx test/scripts/rss.ts PID

Groups: the node binary's own pages (file-backed, shared with every other node process), other files (libraries),
malloc's main heap ([heap]) and its thread arenas (64 MB-aligned reservations that glibc gives to threads), thread
stacks (8 MB mappings, little of each resident), WebAssembly memory (a large inaccessible reservation
with a readable start: Yoga's 16 MB, of which almost nothing is touched), and the rest of the anonymous memory,
which is mostly V8's heap (its pages are mapped one by one). Sizes are in kB.

What it found with 50 running containers (dockpit 24a072e, Node 20, after the first minute, 110 MB in all): the node
binary 43 MB, malloc 26 MB ([heap] 12-13 MB, 4 thread arenas 13 MB), V8's heap ~35 MB (new space 18 MB of it:
semi-spaces grown to 16 MB; old space 13, large objects 2, code 2), libraries 3.5 MB, Yoga's wasm memory 0.05 MB.
*/
import fs from 'node:fs';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

export type Mapping = {
	readonly start: bigint;
	readonly end: bigint;
	readonly permissions: string;
	readonly name: string;
	readonly rss: number;
};

export function readMappings(pid: number): Mapping[] {
	const mappings: Mapping[] = [];
	let current: {-readonly [K in keyof Mapping]: Mapping[K]} | undefined;
	for (const line of fs
		.readFileSync(`/proc/${pid}/smaps`, 'utf8')
		.split('\n')) {
		const head = /^([\da-f]+)-([\da-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
		if (head) {
			current = {
				start: BigInt(`0x${head[1]!}`),
				end: BigInt(`0x${head[2]!}`),
				permissions: head[3]!,
				name: head[4] ?? '',
				rss: 0,
			};
			mappings.push(current);
		} else if (current && line.startsWith('Rss:')) {
			current.rss = Number(line.split(/\s+/)[1]);
		}
	}

	return mappings;
}

const kb = (bytes: bigint) => Number(bytes / 1024n);
const arenaAlignment = 64n * 1024n * 1024n;

/**
Resident kB by group (see the file's comment).
*/
export function breakdown(
	mappings: readonly Mapping[],
): Record<string, number> {
	const groups: Record<string, number> = {};
	const add = (group: string, value: number) => {
		groups[group] = (groups[group] ?? 0) + value;
	};

	for (const [index, mapping] of mappings.entries()) {
		const size = kb(mapping.end - mapping.start);
		const next = mappings[index + 1];
		const {name} = mapping;
		if (name.startsWith('/') && /\/node$/.test(name)) {
			add('node binary', mapping.rss);
		} else if (name.startsWith('/')) {
			add('other files', mapping.rss);
		} else if (name === '[heap]') {
			add('malloc main heap', mapping.rss);
		} else if (name.startsWith('[')) {
			add('stack and vdso', mapping.rss);
		} else if (
			mapping.permissions.startsWith('rw') &&
			next?.start === mapping.end &&
			next.permissions === '---p' &&
			next.name === '' &&
			kb(next.end - mapping.start) > 4 * 1024 * 1024
		) {
			// Accessible start of a reservation of more than 4 GB: WebAssembly memory with its guard region.
			add('wasm memory', mapping.rss);
		} else if (
			mapping.start % arenaAlignment === 0n &&
			mapping.permissions.startsWith('rw') &&
			next?.start === mapping.end &&
			next.permissions === '---p' &&
			kb(next.end - mapping.start) === 64 * 1024
		) {
			add('malloc thread arenas', mapping.rss);
		} else if (size === 8192 && mapping.permissions.startsWith('rw')) {
			add('thread stacks', mapping.rss);
		} else {
			add('other anonymous (mostly V8 heap)', mapping.rss);
		}
	}

	groups['total'] = mappings.reduce((sum, mapping) => sum + mapping.rss, 0);
	return groups;
}

if (
	process.argv[1] &&
	import.meta.url === pathToFileURL(process.argv[1]).href
) {
	const pid = Number(process.argv[2]);
	for (const [group, value] of Object.entries(breakdown(readMappings(pid)))) {
		process.stdout.write(
			`${group.padEnd(34)} ${(value / 1024).toFixed(1).padStart(7)} MB\n`,
		);
	}
}
