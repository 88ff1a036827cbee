/**
`npm run bench` (logs part): the inspector's Logs tab on the real engine, each figure beside its target (issue 9).
The built bundle (dist/cli.cjs) runs in a 160x45 pseudo-terminal; every time is until the text is on the screen.
Everything it makes is named `dp-logsbench-<run>-…` and labelled `dockpit-test.owner=logsbench`, and removed at the
end (also on failure).

1. A big log: a container writes `--mb` MB (default 100) of numbered 200-byte lines as fast as it can, then a
   last `big done N` line, then sleeps. Once the engine has it all (`docker logs --tail 1` shows that line),
   dockpit is filtered to it and `l` pressed: the time to that last line on screen, and dockpit's RSS (VmRSS of
   its node process) at its peak in the next 3 s minus just before `l`.
2. A steady flood: a container writes about `--rate` MB/s (default 10) of 120-byte lines, a block every 100 ms
   paced by /proc/uptime, each block after a `tick N` line; the rate printed is the engine's (ticks read with
   `docker logs --tail` at the start and end). While Logs follows it for `--seconds` (default 20): key press
   (`t`, which toggles timestamps and so changes every log row) to the first frame that shows it, p50/p95 (presses 100-300 ms apart), and
   RSS sampled between presses (by fifths; flat when the last fifth's mean is at most 5 % above the mean after 5 s).
3. A sweep: `--containers` (default 200) containers made with `docker create` (only the one at the top of the list
   started), dockpit talking to the engine through a recording proxy (test/helpers/recording-proxy.ts) and
   filtered to them, the inspector on Logs with the keys back on the list, the selection moved from the last row
   to the first at 30 rows a second: log requests (`/containers/ID/logs`) opened during the sweep and in all, and
   how many are still open 1.5 s after it.

Numbers are printed, never asserted. Options: --mb N, --rate N, --seconds S, --containers N, --parts 1,2,3, --node-arg ARG (for dockpit's node;
again for more).
*/
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';
import {startRecordingProxy} from '../helpers/recording-proxy.js';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1] ?? fallback);
}

const partsIndex = process.argv.indexOf('--parts');
const parts = new Set(
	(partsIndex === -1 ? '1,2,3' : (process.argv[partsIndex + 1] ?? '1,2,3'))
		.split(',')
		.map(Number),
);
const mb = flag('mb', 100);
const rate = flag('rate', 10);
const seconds = flag('seconds', 20);
const sweepCount = flag('containers', 200);
const rowsPerSecond = 30;
// Options for dockpit's node (`--node-arg --max-old-space-size=64`), to tell garbage from a leak.
const nodeArgs = process.argv.flatMap((argument, index) =>
	argument === '--node-arg' ? [process.argv[index + 1] ?? ''] : [],
);
const run = crypto.randomBytes(3).toString('hex');
const prefix = `dp-logsbench-${run}`;
const label = {'dockpit-test.owner': 'logsbench'};
const docker = new Docker();
const columns = 160;
const rows = 45;

type Figure = {name: string; value: string; target: string; ok?: boolean};
const figures: Figure[] = [];
const figure = (
	name: string,
	value: string,
	target = '',
	ok?: boolean,
): void => {
	figures.push({name, value, target, ...(ok === undefined ? {} : {ok})});
	process.stdout.write(
		`  ${name}: ${value}${target ? `  (target ${target})` : ''}\n`,
	);
};

const say = (text: string) => {
	process.stdout.write(`${text}\n`);
};

const load = () =>
	os
		.loadavg()
		.map(value => value.toFixed(1))
		.join(' ');
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const sleep = async (time: number) =>
	new Promise(resolve => {
		setTimeout(resolve, time);
	});

const rssMb = (pid: number) => {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
};

/**
CPU seconds (user + system) the process has used, from /proc (clock ticks of 10 ms).
*/
const cpuSeconds = (pid: number) => {
	const fields = fs
		.readFileSync(`/proc/${pid}/stat`, 'utf8')
		.replace(/^.*\) /s, '')
		.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
};

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return (
		sorted[
			Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
		] ?? Number.NaN
	);
};

const average = (values: number[]) =>
	values.reduce((sum, value) => sum + value, 0) / values.length;

/**
The container's last `lines` log lines, as the engine sends them (`docker logs --tail`), demultiplexed.
*/
async function tailOf(id: string, lines: number): Promise<string> {
	const raw = (await docker.getContainer(id).logs({
		stdout: true,
		stderr: true,
		follow: false,
		tail: lines,
	})) as unknown as Buffer;
	const parts: Buffer[] = [];
	for (let at = 0; at + 8 <= raw.length;) {
		const size = raw.readUInt32BE(at + 4);
		parts.push(raw.subarray(at + 8, at + 8 + size));
		at += 8 + size;
	}

	return Buffer.concat(parts).toString('utf8');
}

/**
Everything this run made, removed (also when a part failed).
*/
async function removeOurs() {
	const ours = await docker.listContainers({
		all: true,
		filters: {label: ['dockpit-test.owner=logsbench'], name: [prefix]},
	});
	await Promise.all(
		ours
			.filter(each => each.Names.some(name => name.startsWith(`/${prefix}`)))
			.map(async each =>
				docker
					.getContainer(each.Id)
					.remove({force: true})
					.catch(() => undefined),
			),
	);
}

async function filterTo(app: Dockpit, text: string) {
	await app.waitFor('● live', 30_000);
	app.write('/');
	await app.waitFor('type to filter');
	app.write(text);
	await app.waitFor(`/ ${text}`);
	app.write('\r');
	await app.waitFor(`filter: ${text}`);
}

async function bigLog() {
	const lineBytes = 200;
	const lines = Math.round((mb * 1024 * 1024) / lineBytes);
	const name = `${prefix}-big`;
	say(
		`\n1. ${mb} MB of logs (${lines} lines of ${lineBytes} B), load ${load()}`,
	);
	const container = await docker.createContainer({
		name,
		Image: testImage,
		Cmd: [
			'sh',
			'-c',
			// "big 00000001 xxx…": 4 + 8 + 1 + 186 + newline = 200 bytes.
			`awk -v n=${lines} 'BEGIN { pad = sprintf("%186s", ""); gsub(/ /, "x", pad); for (i = 1; i <= n; i++) printf "big %08d %s\\n", i, pad; print "big done " n }'; exec sleep 3600`,
		],
		Labels: label,
		StopSignal: 'SIGKILL',
	});
	const started = Date.now();
	await container.start();
	const last = `big done ${lines}`;
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		if ((await tailOf(container.id, 1)).includes(last)) {
			break;
		}

		if (Date.now() - started > 600_000) {
			throw new Error('the engine did not take the big log in 10 minutes');
		}

		// eslint-disable-next-line no-await-in-loop
		await sleep(500);
	}

	const written = (Date.now() - started) / 1000;
	const logPath = (await container.inspect()).LogPath;
	const fileSize = (() => {
		try {
			return fs.statSync(logPath).size;
		} catch {
			return undefined;
		}
	})();
	say(
		`  the engine took it in ${written.toFixed(1)} s${fileSize === undefined ? '' : `; its json-file log is ${(fileSize / 1024 / 1024).toFixed(0)} MB`}`,
	);
	// The floor: the engine's own time for the last 1000 lines (what dockpit asks for first), median of 3.
	const floors: number[] = [];
	for (let index = 0; index < 3; index++) {
		const asked = performance.now();
		// eslint-disable-next-line no-await-in-loop
		await tailOf(container.id, 1000);
		floors.push(performance.now() - asked);
	}

	figure(
		`${mb} MB log: docker logs --tail 1000 (the engine, floor)`,
		ms(percentile(floors, 50)),
	);
	const app = startDockpit({columns, rows, nodeArgs});
	try {
		await filterTo(app, name);
		await app.waitFor(name);
		await sleep(1000);
		const before: number[] = [];
		for (let index = 0; index < 5; index++) {
			before.push(rssMb(app.pid));
			// eslint-disable-next-line no-await-in-loop
			await sleep(100);
		}

		const rssBefore = Math.min(...before);
		const pressed = performance.now();
		const shown = await app.timeTo(
			() => {
				app.write('l');
			},
			screen => screen.includes(last),
			30_000,
		);
		const after: number[] = [];
		for (let index = 0; index < 30; index++) {
			after.push(rssMb(app.pid));
			// eslint-disable-next-line no-await-in-loop
			await sleep(100);
		}

		const time = shown - pressed;
		figure(
			`${mb} MB log: l to its last line on screen`,
			ms(time),
			'≤ 0.5 s',
			time <= 500,
		);
		const up = Math.max(...after) - rssBefore;
		figure(
			`${mb} MB log: RSS up from before l (peak in 3 s)`,
			`${up.toFixed(1)} MB (${rssBefore.toFixed(0)} → ${Math.max(...after).toFixed(0)} MB, ${after.at(-1)!.toFixed(0)} MB after 3 s)`,
			'≤ 30 MB',
			up <= 30,
		);
	} finally {
		app.kill();
		await container.remove({force: true}).catch(() => undefined);
	}
}

async function steadyFlood() {
	const lineBytes = 120;
	const linesPerBlock = Math.ceil((rate * 1024 * 1024) / 10 / lineBytes);
	const blockBytes = linesPerBlock * lineBytes + 'tick 000\n'.length;
	const name = `${prefix}-rate`;
	say(
		`\n2. about ${rate} MB/s of lines for ${seconds} s (a ${(blockBytes / 1024).toFixed(0)} KB block every 100 ms), load ${load()}`,
	);
	const container = await docker.createContainer({
		name,
		Image: testImage,
		Cmd: [
			'sh',
			'-c',
			// "flood 00001 xxx…": 6 + 5 + 1 + 107 + newline = 120 bytes. The loop writes a block whenever one is due
			// (ten a second, by /proc/uptime in hundredths), catching up at most 5 behind.
			[
				`awk -v n=${linesPerBlock} 'BEGIN { pad = sprintf("%107s", ""); gsub(/ /, "x", pad); for (i = 1; i <= n; i++) printf "flood %05d %s\\n", i % 100000, pad }' > /tmp/block`,
				'read u x < /proc/uptime; c0=${u%.*}${u#*.}; n=0',
				'while :; do read u x < /proc/uptime; c=${u%.*}${u#*.}; due=$(( (c - c0) / 10 )); if [ $((due - n)) -gt 5 ]; then n=$((due - 5)); fi; if [ $due -ge $n ]; then n=$((n + 1)); echo "tick $n"; cat /tmp/block; else usleep 10000; fi; done',
			].join('\n'),
		],
		Labels: label,
		StopSignal: 'SIGKILL',
	});
	const tick = async () => {
		const text = await tailOf(container.id, linesPerBlock + 2);
		const found = [...text.matchAll(/^tick (\d+)$/gm)].at(-1);
		return {at: Date.now(), tick: found ? Number(found[1]) : Number.NaN};
	};

	const app = startDockpit({columns, rows, nodeArgs});
	try {
		await container.start();
		await filterTo(app, name);
		app.write('l');
		await app.waitFor(/flood \d+/, 30_000);
		await sleep(1000);
		const first = await tick();
		const cpuFirst = cpuSeconds(app.pid);
		const rss: number[] = [];
		const rssAt: Array<{at: number; mb: number}> = [];
		const latencies: number[] = [];
		const began = Date.now();
		const end = began + seconds * 1000;
		let stamps = false;
		while (Date.now() < end) {
			rss.push(rssMb(app.pid));
			rssAt.push({at: Date.now() - began, mb: rss.at(-1)!});
			stamps = !stamps;
			const want = stamps;
			const started = performance.now();
			// eslint-disable-next-line no-await-in-loop
			const shown = await app.timeTo(
				() => {
					app.write('t');
				},
				screen => /\d\d:\d\d:\d\d\.\d{3} flood/.test(screen) === want,
				5000,
			);
			latencies.push(shown - started);
			// 100-300 ms between presses, spread evenly (a fixed sequence, the same every run): with a fixed pause the
			// presses can lock in step with dockpit's periodic Logs redraws and measure only that phase.
			// eslint-disable-next-line no-await-in-loop
			await sleep(100 + ((latencies.length * 61) % 101) * 2);
		}

		const last = await tick();
		const cpu =
			((cpuSeconds(app.pid) - cpuFirst) / ((last.at - first.at) / 1000)) * 100;
		const engineRate =
			((last.tick - first.tick) * blockBytes) /
			1024 /
			1024 /
			((last.at - first.at) / 1000);
		figure(
			'flood: rate the engine logged',
			`${engineRate.toFixed(1)} MB/s (${last.tick - first.tick} blocks in ${((last.at - first.at) / 1000).toFixed(1)} s)`,
			`about ${rate} MB/s`,
		);
		figure(
			'flood: dockpit CPU while following',
			`${cpu.toFixed(0)} % of a core`,
		);
		const p95 = percentile(latencies, 95);
		figure(
			`flood: key (t) to screen, ${latencies.length} presses`,
			`p50 ${ms(percentile(latencies, 50))}, p95 ${ms(p95)}`,
			'p95 ≤ 50 ms',
			p95 <= 50,
		);
		const fifth = Math.max(1, Math.floor(rss.length / 5));
		const fifths = Array.from({length: 5}, (_, index) =>
			rss.slice(index * fifth, (index + 1) * fifth),
		);
		say(
			`  RSS by fifths, mean (min-max): ${fifths.map(each => `${average(each).toFixed(0)} (${Math.min(...each).toFixed(0)}-${Math.max(...each).toFixed(0)})`).join(', ')} MB`,
		);
		const early = average(rss.slice(0, fifth));
		const late = average(rss.slice(-fifth));
		figure(
			'flood: RSS first fifth → last fifth',
			`${early.toFixed(1)} → ${late.toFixed(1)} MB (max ${Math.max(...rss).toFixed(1)} MB)`,
		);
		// Flat: the last fifth's mean at most 5 % above the mean of every sample after the first 5 s (the heap has
		// grown to its working size by then; the garbage collector's sawtooth, ±15 % here, is inside both means). A
		// leak or a heap still growing shows as a last fifth above the level; below it is a sawtooth's low.
		const settled = rssAt.filter(each => each.at >= 5000).map(each => each.mb);
		if (settled.length >= fifth) {
			const level = average(settled);
			const off = (late - level) / level;
			figure(
				'flood: RSS last fifth against the level after 5 s',
				`${late.toFixed(1)} MB against ${level.toFixed(1)} MB (${off >= 0 ? '+' : ''}${(off * 100).toFixed(1)} %)`,
				'≤ +5 %',
				off <= 0.05,
			);
		}
	} finally {
		app.kill();
		await container.remove({force: true}).catch(() => undefined);
	}
}

async function sweep() {
	const base = `${prefix}-sw`;
	say(
		`\n3. the selection sweeping ${sweepCount} containers at ${rowsPerSecond} rows/s, Logs open, load ${load()}`,
	);
	const made = Date.now();
	let next = 0;
	await Promise.all(
		Array.from({length: 4}, async () => {
			while (next < sweepCount) {
				const index = next++;
				// eslint-disable-next-line no-await-in-loop
				const container = await docker.createContainer({
					name: `${base}-${String(index).padStart(4, '0')}`,
					Image: testImage,
					Cmd: ['sleep', '3600'],
					Labels: label,
					StopSignal: 'SIGKILL',
				});
				// One running: the list puts it first, where the sweep ends, so a stream stays open there.
				if (index === 0) {
					// eslint-disable-next-line no-await-in-loop
					await container.start();
				}
			}
		}),
	);
	say(
		`  made them in ${((Date.now() - made) / 1000).toFixed(1)} s (docker create; one started)`,
	);
	const proxy = await startRecordingProxy();
	const app = startDockpit({
		columns,
		rows,
		args: ['--host', `unix://${proxy.path}`],
		nodeArgs,
	});
	const isLogs = (url: string) => /\/containers\/[^/?]+\/logs/.test(url);
	const logRequests = () =>
		proxy.requests.filter(request => isLogs(request.url)).length;
	try {
		await filterTo(app, base);
		await app.waitFor(`${base}-0000`);
		app.write('G');
		await app.waitFor(screen =>
			screen.includes(`${base}-${String(sweepCount - 1).padStart(4, '0')}`),
		);
		app.write('l');
		await sleep(500);
		app.write(key.escape);
		await sleep(1500);
		const beforeSweep = logRequests();
		const started = performance.now();
		for (let index = 1; index < sweepCount; index++) {
			const due = started + (index * 1000) / rowsPerSecond;
			const wait = due - performance.now();
			if (wait > 0) {
				// eslint-disable-next-line no-await-in-loop
				await sleep(wait);
			}

			app.write(key.up);
		}

		const took = (performance.now() - started) / 1000;
		await app.waitFor(`${base}-0000`, 10_000);
		await sleep(1500);
		const during = logRequests() - beforeSweep;
		const open = proxy.inFlight().filter(request => isLogs(request.url));
		say(
			`  ${sweepCount - 1} presses in ${took.toFixed(1)} s (${((sweepCount - 1) / took).toFixed(0)} rows/s)`,
		);
		figure(
			'sweep: log streams opened (during the sweep / in all)',
			`${during} / ${logRequests()}`,
			'≤ 10',
			logRequests() <= 10,
		);
		figure(
			'sweep: log streams open 1.5 s after it',
			String(open.length),
			'≤ 1',
			open.length <= 1,
		);
	} finally {
		app.kill();
		await proxy.close();
	}
}

say(`logs bench, run ${run}, load average ${load()}`);
try {
	if (parts.has(1)) {
		await bigLog();
	}

	if (parts.has(2)) {
		await steadyFlood();
	}

	if (parts.has(3)) {
		await sweep();
	}
} finally {
	await removeOurs();
}

say(`\nload average at the end ${load()}\n`);
const width = Math.max(...figures.map(each => each.name.length));
for (const {name, value, target, ok} of figures) {
	const mark = ok === undefined ? ' ' : ok ? '✓' : '✗';
	say(
		`${mark} ${name.padEnd(width)}  ${value}${target ? `   target ${target}` : ''}`,
	);
}
