/**
`npm run bench` (logs part): a container writing lines as fast as it can while the inspector follows its logs.
Starts one busybox container (name `dp-inspector-bench-<run>`, label `dockpit-test.owner=inspector`, removed at
the end), opens dockpit in a pseudo-terminal at 160x45 on it with `l`, then for `--seconds` samples dockpit's RSS
(from /proc) and times key presses (`t`, which toggles timestamps and so changes every log row) to the first frame
that shows the change. Prints RSS at the start and the end of the flood and the key latency p50/p95; numbers are
printed, not asserted. The targets (issue 9): RSS flat after the first seconds, key to screen p95 ≤ 50 ms.
*/
import crypto from 'node:crypto';
import fs from 'node:fs';
import process from 'node:process';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {startDockpit} from '../helpers/pty.js';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1] ?? fallback);
}

const seconds = flag('seconds', 20);
const run = crypto.randomBytes(3).toString('hex');
const name = `dp-inspector-bench-${run}`;
const docker = new Docker();
const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

const rssMb = (pid: number) => {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
};

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return (
		sorted[
			Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
		] ?? Number.NaN
	);
};

const container = await docker.createContainer({
	name,
	Image: testImage,
	// Lines as fast as the shell can print them, each numbered and 100 characters long.
	Cmd: [
		'sh',
		'-c',
		'i=0; while true; do i=$((i+1)); echo "flood $i xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; done',
	],
	Labels: {'dockpit-test.owner': 'inspector'},
	StopSignal: 'SIGKILL',
});
const app = startDockpit({columns: 160, rows: 45});
try {
	await container.start();
	await app.waitFor('● live', 30_000);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(name);
	await app.waitFor(`/ ${name}`);
	app.write('\r');
	await app.waitFor(`filter: ${name}`);
	app.write('l');
	await app.waitFor(/flood \d+/, 30_000);
	const rss: number[] = [];
	const latencies: number[] = [];
	const end = Date.now() + seconds * 1000;
	let stamps = false;
	while (Date.now() < end) {
		rss.push(rssMb(app.pid));
		stamps = !stamps;
		const started = performance.now();
		const want = stamps;
		// eslint-disable-next-line no-await-in-loop
		const shown = await app.timeTo(
			() => {
				app.write('t');
			},
			screen => /\d\d:\d\d:\d\d\.\d{3} flood/.test(screen) === want,
			5000,
		);
		latencies.push(shown - started);
		// eslint-disable-next-line no-await-in-loop
		await sleep(200);
	}

	const first = rss.slice(0, Math.max(1, Math.floor(rss.length / 5)));
	const last = rss.slice(-Math.max(1, Math.floor(rss.length / 5)));
	const average = (values: number[]) =>
		values.reduce((sum, value) => sum + value, 0) / values.length;
	process.stdout.write(
		[
			`log flood, ${seconds} s, ${latencies.length} key presses:`,
			`  RSS first fifth ${average(first).toFixed(1)} MB, last fifth ${average(last).toFixed(1)} MB, max ${Math.max(...rss).toFixed(1)} MB`,
			`  key (t) to screen: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
			'',
		].join('\n'),
	);
} finally {
	app.kill();
	await container.remove({force: true}).catch(() => undefined);
}
