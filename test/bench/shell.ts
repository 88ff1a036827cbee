/**
`npm run bench` (second part): how much the shell pane adds to typing. Starts one busybox container (`dp-perf-shell-…`, labelled
`dockpit-test.owner=perf`, removed at the end) and times a key press to its echo, two ways:

- the engine's own round trip: an exec session with a TTY, opened with dockerode, a byte written and its echo read
  back;
- through dockpit: the built CLI in a pseudo-terminal at 160x45 (and 80x24) with the shell pane open on the same
  container, a byte typed and the first frame that shows it.

The difference is what dockpit adds; the target (issue 4) is at most one frame, about 16 ms. Numbers are printed,
not asserted.

Options: --keys N (presses per measurement, default 60), --profile DIR (CPU profiles of dockpit, for
`node --cpu-prof`'s viewers).
*/
import crypto from 'node:crypto';
import process from 'node:process';
import type {Duplex} from 'node:stream';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {startDockpit} from '../helpers/pty.js';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1] ?? fallback);
}

const presses = flag('keys', 60);
const profileDirectory = process.argv.includes('--profile')
	? process.argv[process.argv.indexOf('--profile') + 1]
	: undefined;
const run = crypto.randomBytes(3).toString('hex');
const name = `dp-perf-shell-${run}`;
const docker = new Docker();
const results: Array<[string, string]> = [];
const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

function summary(values: number[]): string {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) =>
		sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
	return `${at(0.5).toFixed(1)} / ${at(0.95).toFixed(1)} / ${sorted.at(-1)!.toFixed(1)} ms`;
}

// Letters typed one at a time; each press is a new character so that its echo is unmistakable.
const letters = 'abcdefghijklmnopqrstuvwxyz';
const letter = (index: number) => letters[index % letters.length]!;

async function engineRoundTrip(container: Docker.Container): Promise<number[]> {
	const exec = await container.exec({
		Cmd: ['/bin/sh'],
		AttachStdin: true,
		AttachStdout: true,
		AttachStderr: true,
		Tty: true,
	});
	const socket = (await exec.start({
		hijack: true,
		stdin: true,
		Tty: true,
	})) as unknown as Duplex;
	let received = '';
	let waiting: (() => void) | undefined;
	socket.on('data', (chunk: Buffer) => {
		received += chunk.toString('latin1');
		waiting?.();
	});
	await sleep(500);
	const times: number[] = [];
	for (let index = 0; index < presses; index++) {
		const typed = letter(index);
		received = '';
		const pressed = performance.now();
		// eslint-disable-next-line no-await-in-loop
		await new Promise<void>(resolve => {
			waiting = () => {
				if (received.includes(typed)) {
					resolve();
				}
			};

			socket.write(typed);
		});
		times.push(performance.now() - pressed);
		// eslint-disable-next-line no-await-in-loop
		await sleep(40);
	}

	socket.write('\u0003exit\r');
	socket.destroy();
	return times;
}

async function throughDockpit(columns: number, rows: number) {
	const app = startDockpit({
		columns,
		rows,
		nodeArgs: profileDirectory
			? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`]
			: [],
	});
	try {
		await app.waitFor('● live', 15_000);
		app.write('/');
		await sleep(100);
		app.write(name);
		await sleep(100);
		app.write('\r');
		await app.waitFor(`filter: ${name}`);
		app.write('x');
		await app.waitFor('/ #', 10_000);
		await sleep(500);
		// The prompt line of the pane: `│/ # abc…`.
		const typedLine = (screen: string) =>
			/│\/ # ([a-z]*)/.exec(screen)?.[1] ?? '';
		const times: number[] = [];
		let line = typedLine(app.screen());
		for (let index = 0; index < presses; index++) {
			if (line.length > 40) {
				app.write('\u0015');
				// eslint-disable-next-line no-await-in-loop
				await app.waitFor(screen => typedLine(screen) === '');
				line = '';
				// eslint-disable-next-line no-await-in-loop
				await sleep(40);
			}

			const expected = line + letter(index);
			const pressed = performance.now();
			// eslint-disable-next-line no-await-in-loop
			const arrived = await app.timeTo(
				() => {
					app.write(letter(index));
				},
				screen => typedLine(screen) === expected,
			);
			times.push(arrived - pressed);
			line = expected;
			// eslint-disable-next-line no-await-in-loop
			await sleep(40);
		}

		return times;
	} finally {
		app.write('\u001D');
		await sleep(100);
		app.write('q');
		await Promise.race([app.exited, sleep(3000)]);
		app.kill();
	}
}

let container: Docker.Container | undefined;
try {
	await docker.ping();
	container = await docker.createContainer({
		Image: testImage,
		name,
		Cmd: ['sleep', '3600'],
		Labels: {'dockpit-test.owner': 'perf', 'dockpit.bench': run},
	});
	await container.start();

	const engine = await engineRoundTrip(container);
	results.push([`engine round trip (exec, TTY) ×${presses}`, summary(engine)]);
	for (const [columns, rows] of [
		[160, 45],
		[80, 24],
	] as const) {
		// eslint-disable-next-line no-await-in-loop
		const times = await throughDockpit(columns, rows);
		results.push([
			`key → echo on screen in dockpit at ${columns}x${rows} ×${presses}`,
			summary(times),
		]);
	}
} finally {
	await container?.remove({force: true}).catch(() => undefined);
}

const width = Math.max(...results.map(([label]) => label.length));
process.stdout.write('\ndockpit shell bench (median / p95 / max)\n');
for (const [label, value] of results) {
	process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
}
