// dockerd restarts under an open dockpit: after each, the lists on screen equal the engine's within 2 s of the
// engine answering again, with no key pressed. Only on an engine test/engine-up.sh started (it stops the whole
// daemon, everyone's containers with it).
import crypto from 'node:crypto';
import Docker from 'dockerode';
import {stopOwnEngine, testImage} from '../helpers/docker.js';
import {startDockpit} from '../helpers/pty.js';
import {filterTo} from '../helpers/session.js';
import {
	badSpans,
	removeFleet,
	sampleWhile,
	seconds,
	sleep,
	steadyFor,
} from './engine-compare.js';
import type {Figure, PartOptions} from './types.js';

export const title =
	"dockerd restarts under an open dockpit: the lists equal the engine's within 2 s, no key pressed";

const target = '≤ 2 s after the engine answers, each restart';

export async function run({
	short,
	ownEngine,
	log,
}: PartOptions): Promise<Figure[]> {
	const name = `restarts: lists equal the engine's after ${short ? 2 : 10} dockerd restarts (worst)`;
	if (!ownEngine) {
		return [
			{
				name: 'restarts: NOT RUN (needs the engine test/engine-up.sh started)',
				value: 'not run: engine not started by the suite',
				target,
				pass: true,
			},
		];
	}

	const docker = new Docker();
	const prefix = `dockpit.test-soak-rs-${crypto.randomBytes(2).toString('hex')}-`;
	const app = startDockpit();
	try {
		// The fleet: running ones without a restart policy (stopped by the daemon on its way down), ones the
		// daemon starts again (always, unless-stopped), one never started, one exited.
		const make = async (
			suffix: string,
			options: {policy?: string; start?: boolean; cmd?: string[]} = {},
		) => {
			const container = await docker.createContainer({
				name: prefix + suffix,
				Image: testImage,
				Cmd: options.cmd ?? ['sleep', '3600'],
				Labels: {'dockpit.test': '1'},
				StopSignal: 'SIGKILL',
				HostConfig: options.policy
					? {RestartPolicy: {Name: options.policy}}
					: {},
			});
			if (options.start ?? true) {
				await container.start();
			}

			return container;
		};

		const plain = [await make('run1'), await make('run2')];
		await make('always', {policy: 'always'});
		await make('unless', {policy: 'unless-stopped'});
		await make('created', {start: false});
		const exited = await make('exited', {cmd: ['sh', '-c', 'exit 3']});
		await exited.wait();

		await app.waitFor('● live', 15_000);
		await filterTo(app, prefix);

		const times: number[] = [];
		const rounds = short ? 2 : 10;
		for (let round = 1; round <= rounds; round++) {
			// Before each restart the plain ones run again, and the screen agrees with the engine.
			// eslint-disable-next-line no-await-in-loop
			await Promise.all(
				plain.map(async container => container.start().catch(() => undefined)),
			);
			// eslint-disable-next-line no-await-in-loop
			const before = await sampleWhile(app, docker, prefix, {
				maxMs: 15_000,
				stop: samples => steadyFor(samples, 500),
			});
			if (!steadyFor(before, 500)) {
				return [
					{
						name,
						value: `before restart ${round} the screen never agreed with the engine: ${before.at(-1)?.difference ?? 'no sample'}`,
						target,
						pass: false,
					},
				];
			}

			const stopping = Date.now();
			// eslint-disable-next-line no-await-in-loop
			const start = await stopOwnEngine();
			const stopped = Date.now();
			const up = start();
			let answered: number | undefined;
			while (answered === undefined) {
				// eslint-disable-next-line no-await-in-loop
				const ok = await docker.ping().then(
					() => true,
					() => false,
				);
				if (ok) {
					answered = Date.now();
				} else if (Date.now() - stopped > 60_000) {
					throw new Error('dockerd did not answer within 60 s of its restart');
				} else {
					// eslint-disable-next-line no-await-in-loop
					await sleep(50);
				}
			}

			// eslint-disable-next-line no-await-in-loop
			const after = await sampleWhile(app, docker, prefix, {
				maxMs: 20_000,
				stop: samples =>
					samples.length > 0 &&
					samples.at(-1)!.at - answered! >= 3000 &&
					steadyFor(samples, 1500),
			});
			// eslint-disable-next-line no-await-in-loop
			await up;
			// From the moment the engine answered, every span where the screen was wrong (or not live).
			const spans = badSpans(
				after,
				each => each.difference !== '' || each.header !== 'live',
				answered,
			);
			const open = spans.find(span => span.open);
			if (open || after.length === 0) {
				return [
					{
						name,
						value: `after restart ${round} the screen stayed wrong for ${seconds(Date.now() - answered)}: ${open?.why ?? 'no sample'}`,
						target,
						pass: false,
					},
				];
			}

			const worst = Math.max(0, ...spans.map(span => span.end - span.start));
			times.push(worst);
			log(
				`   restart ${round}: dockerd away ${seconds(answered - stopping)}, lists right ${seconds(worst)} after it answered${spans.length > 1 ? ` (${spans.length} wrong spans)` : ''}`,
			);
		}

		const worst = Math.max(...times);
		return [
			{
				name,
				value: `${seconds(worst)} (each: ${times.map(time => (time / 1000).toFixed(2)).join(', ')})`,
				target,
				pass: worst <= 2000,
			},
		];
	} catch (error) {
		return [
			{
				name,
				value: `failed: ${error instanceof Error ? error.message : String(error)}`,
				target,
				pass: false,
			},
		];
	} finally {
		app.kill();
		await removeFleet(docker, prefix);
	}
}
