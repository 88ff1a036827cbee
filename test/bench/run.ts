/**
`npm run bench`: how dockpit does with a big engine. Creates 1,000 containers and 1,000 images (labelled
`dockpit.bench=<run>`, removed at the end), starts the built CLI in a pseudo-terminal, and reports:
time to first full screen, key-to-screen latency while scrolling (timed to the output chunk that completed the
frame, not to a polling interval), time to reflect a burst of 100 removals made
elsewhere, and the process's memory. Numbers are printed, not asserted: targets live here, not in tests.

Options: --containers N, --images N (default 1000 each), --keys N (scroll presses, default 100).
*/
import crypto from 'node:crypto';
import fs from 'node:fs';
import process from 'node:process';
import Docker from 'dockerode';
import {startDockpit} from '../helpers/pty.js';
import {createMany, removeMany} from '../scripts/many.js';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1] ?? fallback);
}

const containers = flag('containers', 1000);
const images = flag('images', 1000);
const presses = flag('keys', 100);
const run = crypto.randomBytes(3).toString('hex');
const label = `dockpit.bench=${run}`;
const docker = new Docker();
const results: Array<[string, string]> = [];
const ms = (value: number) => `${value.toFixed(0)} ms`;

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return (
		sorted[
			Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
		] ?? 0
	);
}

function rssMb(pid: number): string {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
		return `${(kb / 1024).toFixed(0)} MB`;
	} catch {
		return '?';
	}
}

try {
	await docker.ping();
	let started = performance.now();
	await createMany(docker, {containers, images, label});
	process.stdout.write(
		`setup: ${containers} containers, ${images} images in ${ms(performance.now() - started)}\n`,
	);

	started = performance.now();
	const app = startDockpit({columns: 160, rows: 45});
	const selected = (screen: string) => /› (\S+)/.exec(screen)?.[1];
	await app.waitFor(
		screen => screen.includes('● live') && selected(screen) !== undefined,
		30_000,
	);
	results.push(['first full screen', ms(performance.now() - started)]);
	results.push(['memory after start', rssMb(app.pid)]);

	const latencies: number[] = [];
	let current = selected(app.screen());
	for (let index = 0; index < presses; index++) {
		const pressed = performance.now();
		// eslint-disable-next-line no-await-in-loop
		const arrived = await app.timeTo(
			() => {
				app.write('j');
			},
			screen => selected(screen) !== current,
		);
		latencies.push(arrived - pressed);
		current = selected(app.screen());
		// A person presses j at most every few dozen ms; back to back, presses would only measure Ink's frame cap.
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 40);
		});
	}

	results.push([
		`scroll (j) ×${presses}: median / p95 / max`,
		`${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))} / ${ms(Math.max(...latencies))}`,
	]);

	let pressed = performance.now();
	let arrived = await app.timeTo(
		() => {
			app.write('G');
		},
		screen => selected(screen) !== current,
	);
	results.push(['jump to the last row (G)', ms(arrived - pressed)]);

	pressed = performance.now();
	arrived = await app.timeTo(
		() => {
			app.write('2');
		},
		screen => screen.includes('dockpit-many/'),
	);
	results.push(['switch to Images (2)', ms(arrived - pressed)]);
	app.write('1');

	const victims = await docker.listContainers({
		all: true,
		filters: {label: [label]},
		limit: 100,
	});
	const before = /Containers \d+\/(\d+)/.exec(app.screen())?.[1];
	started = performance.now();
	await Promise.all(
		victims.map(async info =>
			docker.getContainer(info.Id).remove({force: true}),
		),
	);
	const removed = performance.now() - started;
	await app.waitFor(
		screen =>
			/Containers \d+\/(\d+)/.exec(screen)?.[1] ===
			String(Number(before) - victims.length),
		10_000,
	);
	results.push([
		`100 removals made elsewhere, on screen after the last one`,
		ms(performance.now() - started - removed),
	]);
	results.push(['memory at the end', rssMb(app.pid)]);
	app.write('q');
	await app.exited;
} finally {
	await removeMany(docker, label);
}

const width = Math.max(...results.map(([name]) => name.length));
process.stdout.write(
	`\ndockpit bench (${containers} containers, ${images} images)\n`,
);
for (const [name, value] of results) {
	process.stdout.write(`  ${name.padEnd(width)}  ${value}\n`);
}
