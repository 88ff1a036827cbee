// Churn under an open dockpit: containers and images created and removed at 2/s each, events flowing, for
// 10 minutes (short: 75 s, inside npm test's budget). The floor of the dockpit process's RSS must not rise after
// the first minute (the short form logs it but makes no figure of it), and keys must answer fast throughout.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';
import {filterTo} from '../helpers/session.js';
import {cliProcess, removeFleet, rssKb, sleep} from './engine-compare.js';
import type {Figure, PartOptions} from './types.js';

export const title =
	'churn (containers and images created and removed at 2/s each): RSS drift ≤ 10% after warm-up, key latency p95 ≤ 100 ms';

/**
The name on the selected row (the one marked ›).
*/
function selectedName(screen: string, prefix: string): string | undefined {
	const line = screen.split('\n').find(row => row.includes('│›'));
	const start = line?.indexOf(prefix) ?? -1;
	return line && start !== -1 ? line.slice(start).split(' ', 1)[0] : undefined;
}

const median = (values: readonly number[]) => {
	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const percentile = (values: readonly number[], share: number) => {
	const sorted = values.toSorted((a, b) => a - b);
	return (
		sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ??
		Number.NaN
	);
};

/**
Presses keys about four a second while `going()`: the cursor between the first two rows, down then up. Each
latency is from the key's write to the chunk of output after which the screen shows the cursor moved (2 s when
it never did).
*/
async function pressKeys(
	app: Dockpit,
	prefix: string,
	going: () => boolean,
): Promise<number[]> {
	const latencies: number[] = [];
	while (going()) {
		const screen = app.screen();
		const onFirst = selectedName(screen, prefix) === `${prefix}0a`;
		const expected = onFirst ? `${prefix}0b` : `${prefix}0a`;
		const pressed = performance.now();
		try {
			// eslint-disable-next-line no-await-in-loop
			const at = await app.timeTo(
				() => {
					app.write(onFirst ? key.down : key.up);
				},
				text => selectedName(text, prefix) === expected,
				2000,
			);
			latencies.push(at - pressed);
		} catch {
			// Not within 2 s (or the cursor went elsewhere): counted at 2 s, then back to the first row.
			latencies.push(2000);
			app.write(key.up.repeat(10));
			// eslint-disable-next-line no-await-in-loop
			await sleep(500);
		}

		// eslint-disable-next-line no-await-in-loop
		await sleep(250);
	}

	return latencies;
}

export async function run({short, log}: PartOptions): Promise<Figure[]> {
	const totalMs = short ? 75_000 : 600_000;
	const warmMs = short ? 30_000 : 60_000;
	// The short form is shorter than one turn of the garbage collector's saw (its first old-space collection came
	// at ~80 s in every 10-min run): its RSS only climbs the first tooth, so it makes no RSS figure (the drift is
	// logged, for a look) and only the full run, `npm run soak`, has one.
	const rssName = `churn: RSS drift of dockpit after the first ${warmMs / 1000} s of ${totalMs / 1000} s`;
	const keyName =
		'churn: key latency p95 (key press to the cursor moved on screen)';
	const rateName =
		'churn: rate reached (containers, images created and removed)';
	const docker = new Docker();
	const id = crypto.randomBytes(2).toString('hex');
	const prefix = `dockpit.test-soak-ch-${id}-`;
	const repository = `dockpit.test-soak-ch-${id}-image`;
	const images: string[] = [];
	const app = startDockpit();
	try {
		// Three that stay (the cursor moves between the first two; they sort before the churning ones).
		for (const suffix of ['0a', '0b', '0c']) {
			// eslint-disable-next-line no-await-in-loop
			const container = await docker.createContainer({
				name: prefix + suffix,
				Image: testImage,
				Cmd: ['sleep', '3600'],
				Labels: {'dockpit.test': '1'},
				StopSignal: 'SIGKILL',
			});
			// eslint-disable-next-line no-await-in-loop
			await container.start();
		}

		await app.waitFor('● live', 15_000);
		await filterTo(app, prefix);
		await app.waitFor(`${prefix}0c`);
		const pid = cliProcess(app.pid);
		if (pid === undefined) {
			throw new Error('no process running dist/cli.cjs under the pty');
		}

		// The churn: every 500 ms a container is created, committed to a new image and started, and the oldest
		// container and image beyond six are removed. Ticks do not wait for each other (at most 16 in flight), so
		// a slow engine shows as a lower rate, not as a slower clock.
		const counts = {
			containers: 0,
			images: 0,
			removedContainers: 0,
			removedImages: 0,
		};
		const pool: Docker.Container[] = [];
		let inFlight = 0;
		let failures = 0;
		let lastError = '';
		const tick = async (n: number) => {
			const container = await docker.createContainer({
				name: `${prefix}c${n}`,
				Image: testImage,
				Cmd: ['sleep', '3600'],
				Labels: {'dockpit.test': '1'},
				StopSignal: 'SIGKILL',
			});
			counts.containers++;
			const reference = `${repository}:${n}`;
			await container.commit({repo: repository, tag: String(n)});
			images.push(reference);
			counts.images++;
			await container.start();
			pool.push(container);
			const removals: Array<Promise<unknown>> = [];
			while (pool.length > 6) {
				removals.push(
					pool
						.shift()!
						.remove({force: true})
						.then(() => counts.removedContainers++),
				);
			}

			while (images.length > 6) {
				removals.push(
					docker
						.getImage(images.shift()!)
						.remove()
						.then(() => counts.removedImages++),
				);
			}

			await Promise.all(removals);
		};

		// CPU time the dockpit process used (utime + stime, in clock ticks of 10 ms).
		const cpuTicks = () => {
			try {
				const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				return Number(fields[11]) + Number(fields[12]);
			} catch {
				return Number.NaN;
			}
		};

		// The same keys for 8 s (short: 4 s) before the churn, on the same machine: what the figure is to be read against.
		const quietFrom = Date.now();
		const quiet = await pressKeys(
			app,
			prefix,
			() => Date.now() - quietFrom < (short ? 4000 : 8000),
		);
		const cpuBefore = cpuTicks();
		let stopped = false;
		const started = Date.now();
		const churn = (async () => {
			for (let n = 1; !stopped; n++) {
				if (inFlight < 16) {
					inFlight++;
					void tick(n)
						.catch((error: unknown) => {
							failures++;
							lastError =
								error instanceof Error ? error.message : String(error);
						})
						.finally(() => inFlight--);
				}

				// eslint-disable-next-line no-await-in-loop
				await sleep(started + n * 500 - Date.now());
			}

			while (inFlight > 0) {
				// eslint-disable-next-line no-await-in-loop
				await sleep(50);
			}
		})();

		// Memory, every 2 s.
		const rss: Array<{at: number; kb: number}> = [];
		const memory = (async () => {
			while (!stopped) {
				const kb = rssKb(pid);
				if (kb !== undefined) {
					rss.push({at: Date.now() - started, kb});
				}

				// eslint-disable-next-line no-await-in-loop
				await sleep(2000);
			}
		})();

		const latencies = await pressKeys(
			app,
			prefix,
			() => Date.now() - started < totalMs,
		);
		const cpu = (cpuTicks() - cpuBefore) / 100;
		stopped = true;
		await Promise.all([churn, memory]);
		const elapsed = (Date.now() - started) / 1000;
		log(
			`   dockpit used ${cpu.toFixed(1)} s of CPU in ${elapsed.toFixed(0)} s (${((cpu / elapsed) * 100).toFixed(0)}% of a core); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
		);

		// RSS rises and falls with the garbage collector (a saw of ~50 MB, ~80 s long, seen in 10-min runs); what
		// leaks raises its floor. The drift compares the lowest RSS of the second half after the warm-up with the
		// lowest of the first half.
		const inWindow = (from: number, to: number) =>
			rss.filter(each => each.at >= from && each.at < to).map(each => each.kb);
		const middle = warmMs + (totalMs - warmMs) / 2;
		const baseline = Math.min(...inWindow(warmMs, middle));
		const end = Math.min(...inWindow(middle, Infinity));
		const peak = Math.max(...inWindow(warmMs, Infinity));
		const drift = (end - baseline) / baseline;
		log(
			`   RSS (MB) every 10 s: ${rss
				.filter((_, index) => index % 5 === 0)
				.map(each => (each.kb / 1024).toFixed(0))
				.join(' ')}`,
		);
		log(
			`   churn: ${counts.containers} containers and ${counts.images} images created, ${counts.removedContainers} and ${counts.removedImages} removed in ${elapsed.toFixed(0)} s; ${failures} failed calls${lastError ? ` (last: ${lastError})` : ''}`,
		);
		const p95 = percentile(latencies, 0.95);
		const rate = (count: number) => count / elapsed;
		const slowest = Math.min(
			rate(counts.containers),
			rate(counts.images),
			rate(counts.removedContainers),
			rate(counts.removedImages),
		);
		const rssValue = `${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(1)}% (lowest ${(baseline / 1024).toFixed(1)} MB in the first half after warm-up → ${(end / 1024).toFixed(1)} MB in the second, peak ${(peak / 1024).toFixed(1)} MB)`;
		if (short) {
			log(
				`   RSS drift ${rssValue}: no figure in the short form (shorter than one GC cycle); npm run soak judges it`,
			);
		}

		return [
			...(short
				? []
				: [
						{
							name: rssName,
							value: rssValue,
							target: '≤ 10%',
							pass: Number.isFinite(drift) && drift <= 0.1,
						},
					]),
			{
				name: keyName,
				value: `${p95.toFixed(0)} ms (median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms, ${latencies.length} keys, ${latencies.filter(each => each >= 2000).length} not within 2 s; without churn just before: p95 ${percentile(quiet, 0.95).toFixed(0)} ms, median ${median(quiet).toFixed(0)} ms)`,
				target: '≤ 100 ms',
				pass: latencies.length > 0 && p95 <= 100,
			},
			{
				name: rateName,
				value: `${rate(counts.containers).toFixed(2)}/s, ${rate(counts.images).toFixed(2)}/s created; ${rate(counts.removedContainers).toFixed(2)}/s, ${rate(counts.removedImages).toFixed(2)}/s removed`,
				target: '≥ 1.8/s each (2/s asked)',
				pass: slowest >= 1.8,
			},
		];
	} catch (error) {
		return [
			{
				name: rssName,
				value: `failed: ${error instanceof Error ? error.message : String(error)}`,
				target: '≤ 10%',
				pass: false,
			},
		];
	} finally {
		app.kill();
		await removeFleet(docker, prefix, images);
		// Tags left by ticks cut short.
		const left = await docker
			.listImages({filters: {reference: [repository]}})
			.catch(() => []);
		await removeFleet(
			docker,
			prefix,
			left.flatMap(info => info.RepoTags ?? []),
		);
	}
}
