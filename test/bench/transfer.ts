/**
`npm run bench` (transfer part): big transfers stream, so dockpit's memory stays near idle (issue 12: RSS within
50 MB of idle). Makes a 500 MB image from random data with `docker import` (named
`dockpit.test-transfers2-bench-<run>`, label `dockpit.test=1`), then runs the built dist/cli.cjs in a 160x45
pseudo-terminal: saves the image with W, removes it, loads it back with L, and builds a 200 MB context with B.
dockpit's RSS (/proc/PID/status VmRSS) is sampled every 50 ms while idle and during each transfer; each peak is
printed beside its target, with the time from Enter to the result line. Numbers are printed, not asserted.
Everything it made (images, the tar, the folders) is removed at the end, also when it fails.
Options: `--image-mb N` (500), `--context-mb N` (200).
*/
import {execFile} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {key, startDockpit} from '../helpers/pty.js';

const run = promisify(execFile);

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1] ?? fallback);
}

const imageMb = flag('image-mb', 500);
const contextMb = flag('context-mb', 200);
const allowanceMb = 50;
const runId = crypto.randomBytes(3).toString('hex');
const prefix = `dockpit.test-transfers2-bench-${runId}`;
const imported = `${prefix}:image`;
const built = `${prefix}:build`;
const label = 'dockpit.test=1';
const ctrlU = '\u0015';
const docker = new Docker();
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

const rssMb = (pid: number) => {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/**
Samples `pid`'s RSS every 50 ms until stopped; the peak and the samples' count.
*/
function sampler(pid: number) {
	const samples = [rssMb(pid)];
	const timer = setInterval(() => {
		try {
			samples.push(rssMb(pid));
		} catch {}
	}, 50);
	return {
		stop() {
			clearInterval(timer);
			const half = Math.ceil(samples.length / 2);
			// Memory that grew with the bytes moved would make the second half's peak the higher, by far.
			return {
				peak: Math.max(...samples),
				firstHalf: Math.max(...samples.slice(0, half)),
				secondHalf: Math.max(...samples.slice(half)),
			};
		},
	};
}

/**
Writes `mb` megabytes of random data into `file` (dd, so the bench itself holds none of it).
*/
async function randomFile(file: string, mb: number) {
	await run('dd', [
		'if=/dev/urandom',
		`of=${file}`,
		'bs=1M',
		`count=${mb}`,
		'status=none',
	]);
}

const lines: string[] = [];
const report = (
	what: string,
	{
		peak,
		firstHalf,
		secondHalf,
	}: {peak: number; firstHalf: number; secondHalf: number},
	idle: number,
	ms: number,
) => {
	const target = idle + allowanceMb;
	lines.push(
		`  ${what.padEnd(34)} peak ${peak.toFixed(1).padStart(6)} MB  (idle ${idle.toFixed(1)} + ${(peak - idle).toFixed(1)})  target ≤ ${target.toFixed(1)} MB ${peak <= target ? '✓' : '✗'}   ${(ms / 1000).toFixed(1)} s   (peak in the first half ${firstHalf.toFixed(1)}, second half ${secondHalf.toFixed(1)})`,
	);
	console.log(lines.at(-1));
};

async function cleanup() {
	for (const reference of [imported, built]) {
		// eslint-disable-next-line no-await-in-loop
		await docker
			.getImage(reference)
			.remove({force: true})
			.catch(() => undefined);
	}

	fs.rmSync(temporary, {recursive: true, force: true});
}

console.log(
	`transfer bench: a ${imageMb} MB image saved (W) and loaded back (L), a ${contextMb} MB context built (B); dockpit's RSS against idle + ${allowanceMb} MB`,
);
let app: ReturnType<typeof startDockpit> | undefined;
try {
	// The image: one layer of random data (it does not compress), made by docker import.
	const rootfs = path.join(temporary, 'rootfs');
	fs.mkdirSync(rootfs);
	await randomFile(path.join(rootfs, 'random.bin'), imageMb);
	await run(
		'sh',
		[
			'-c',
			'tar -C "$ROOTFS" -c . | docker import -c "LABEL $LABEL" - "$REF" >/dev/null',
		],
		{env: {...process.env, ROOTFS: rootfs, LABEL: label, REF: imported}},
	);
	fs.rmSync(rootfs, {recursive: true, force: true});

	// The build context: files of random data, and a Dockerfile that copies nothing (the context is sent whole).
	const context = path.join(temporary, 'context');
	fs.mkdirSync(context);
	const files = 4;
	for (let index = 0; index < files; index++) {
		// eslint-disable-next-line no-await-in-loop
		await randomFile(
			path.join(context, `part-${index}.bin`),
			Math.ceil(contextMb / files),
		);
	}

	fs.writeFileSync(
		path.join(context, 'Dockerfile'),
		`FROM ${testImage}\nLABEL ${label}\n`,
	);

	app = startDockpit({columns: 160, rows: 45});
	const screen = app;
	await screen.waitFor('● live', 60_000);
	screen.write('2');
	screen.write('/');
	await screen.waitFor('type to filter');
	screen.write(prefix);
	await screen.waitFor(`/ ${prefix}`);
	screen.write(key.enter);
	await screen.waitFor(`› ${imported}`, 30_000);

	// Idle: a few seconds after the first screen, nothing moving.
	await sleep(3000);
	const idleSamples: number[] = [];
	for (let index = 0; index < 20; index++) {
		idleSamples.push(rssMb(screen.pid));
		// eslint-disable-next-line no-await-in-loop
		await sleep(100);
	}

	const idle = Math.max(...idleSamples);
	console.log(`  idle RSS (max of 20 samples)       ${idle.toFixed(1)} MB`);

	const measure = async (
		what: string,
		open: () => Promise<void>,
		done: string | RegExp,
	) => {
		await open();
		const watch = sampler(screen.pid);
		const started = performance.now();
		screen.write(key.enter);
		const finished = await screen.waitFor(
			current =>
				(typeof done === 'string'
					? current.includes(done)
					: done.test(current)) ||
				/Could not|failed:|Build failed/.test(current),
			600_000,
		);
		const ms = performance.now() - started;
		const figures = watch.stop();
		if (/Could not|failed:|Build failed/.test(finished)) {
			throw new Error(`${what} failed:\n${finished}`);
		}

		report(what, figures, idle, ms);
		screen.write(key.enter); // Hide the overlay.
	};

	const tar = path.join(temporary, 'image.tar');
	await measure(
		`save ${imageMb} MB image (W)`,
		async () => {
			screen.write('W');
			await screen.waitFor(`Save ${imported} to a tar`);
			screen.write(ctrlU);
			screen.write(tar);
			await screen.waitFor(tar.slice(-20));
		},
		`Saved ${imported} to ${tar}`,
	);
	console.log(
		`    (the tar: ${(fs.statSync(tar).size / 1024 / 1024).toFixed(0)} MB)`,
	);

	await docker.getImage(imported).remove();
	await screen.waitFor(current => !current.includes(`› ${imported}`));
	await measure(
		`load it back (L)`,
		async () => {
			screen.write('L');
			await screen.waitFor('Load images from a tar');
			screen.write(tar);
			await screen.waitFor(tar.slice(-20));
		},
		`Loaded ${imported}`,
	);
	fs.rmSync(tar, {force: true});

	await measure(
		`build ${contextMb} MB context (B)`,
		async () => {
			screen.write('B');
			await screen.waitFor('Build an image');
			screen.write(ctrlU);
			screen.write(context);
			await screen.waitFor(context.slice(-20));
			screen.write(key.tab);
			screen.write(key.tab);
			screen.write(built);
			await screen.waitFor(built.slice(-20));
		},
		`Built ${built}`,
	);
	console.log(
		`  after the transfers                RSS ${rssMb(screen.pid).toFixed(1)} MB`,
	);
} finally {
	app?.kill();
	await cleanup();
}
