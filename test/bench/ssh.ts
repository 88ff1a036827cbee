/**
`npm run bench` (ssh part): what `ssh://` costs against the local socket (issue 13: "first screen over ssh within
300 ms of the socket's, a shell open in ≤ 0.6 s"). A real sshd on 127.0.0.1 (test/sshd-up.sh, a free port, a
throwaway key) in front of the same engine, and the built bundle (dist/cli.cjs) in a 160x45 pseudo-terminal:

- first screen: from spawning dockpit to the screen showing `● live` and the containers list, counting this
  bench's containers, over `unix:///var/run/docker.sock` and over `ssh://USER@127.0.0.1:PORT`, started in turn
  (median of `--starts`, default 5, each);
- shell open: from pressing `x` on a running container to the shell's prompt in the pane, over both (median of
  `--shells`, default 5, each; the shell is left with `exit` and the pane closed between presses).

Floors for context: `ssh … true` (one full ssh login) and `docker -H ssh://… ps` (the docker CLI's way).
It makes `--containers` (default 20) running busybox containers named `dp-perf-ssh-…`, labelled
`dockpit-test.owner=perf` (removed at the end, also on failure). Numbers are printed, never asserted.

Options: --starts N, --shells N, --containers N, --cli PATH (another build to measure, for a before/after).
*/
import {spawnSync} from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import process from 'node:process';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';
import {freePort} from '../helpers/net.js';
import {type Dockpit, startDockpit} from '../helpers/pty.js';
import {startSshd} from '../helpers/sshd.js';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1] ?? fallback);
}

const starts = flag('starts', 5);
const shellTries = flag('shells', 5);
const count = flag('containers', 20);
// Another build of dockpit to measure (an older bundle, for a before/after), instead of dist/cli.cjs.
const cli = process.argv.includes('--cli')
	? process.argv[process.argv.indexOf('--cli') + 1]
	: undefined;
const run = crypto.randomBytes(3).toString('hex');
const prefix = `dp-perf-ssh-${run}`;
const docker = new Docker();
const columns = 160;
const rows = 45;

const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});
const ms = (value: number) => `${value.toFixed(0)} ms`;

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? sorted[middle]!
		: (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const spread = (values: readonly number[]) =>
	`${ms(median(values))} (${values.map(value => value.toFixed(0)).join(', ')})`;

/**
The first screen is complete: live, a row selected, and the list counting at least this bench's containers
(the first list has them all at once; on a shared engine other people's rows may push them below the fold).
*/
const complete = (screen: string) => {
	const total = Number(/Containers \d+\/(\d+)/.exec(screen)?.[1] ?? 0);
	return screen.includes('● live') && /│› /.test(screen) && total >= count;
};

type Transport = {readonly name: string; readonly host: string};

const load = os.loadavg()[0]!.toFixed(1);
process.stdout.write(
	`dockpit ssh bench on ${os.cpus().length} cores, load average ${load}, node ${process.version}, ${columns}x${rows}\n`,
);

const port = await freePort();
const sshd = await startSshd(port);
const user = os.userInfo().username;
const env = sshd.env;
const transports: Transport[] = [
	{name: 'unix socket', host: 'unix:///var/run/docker.sock'},
	{name: 'ssh', host: `ssh://${user}@127.0.0.1:${port}`},
];

function start(transport: Transport): Dockpit {
	return startDockpit({
		columns,
		rows,
		...(cli
			? {executable: process.execPath, args: [cli, '--host', transport.host]}
			: {args: ['--host', transport.host]}),
		env,
	});
}

async function quit(app: Dockpit) {
	app.write('q');
	await Promise.race([app.exited, sleep(3000)]);
	app.kill();
}

/**
Spawns dockpit and resolves with the time until the first complete screen: live, and our containers listed.
*/
async function firstScreen(transport: Transport): Promise<number> {
	const started = performance.now();
	const app = start(transport);
	try {
		const arrived = await app.timeTo(() => undefined, complete, 30_000);
		return arrived - started;
	} finally {
		await quit(app);
	}
}

/**
In one dockpit, filtered to one running container: `x` until the prompt, `exit`, the pane closed; `times` over.
*/
async function shellOpen(
	transport: Transport,
	target: string,
	times: number,
): Promise<number[]> {
	const app = start(transport);
	const results: number[] = [];
	try {
		await app.waitFor('● live', 30_000);
		app.write('/');
		await app.waitFor('type to filter');
		app.write(target);
		await sleep(100);
		app.write('\r');
		await app.waitFor(`filter: ${target}`);
		await app.waitFor(screen => screen.includes(`› ${target}`));
		for (let index = 0; index < times; index++) {
			const pressed = performance.now();
			// eslint-disable-next-line no-await-in-loop
			const arrived = await app.timeTo(
				() => {
					app.write('x');
				},
				screen => /│\/ # /.test(screen),
				15_000,
			);
			results.push(arrived - pressed);
			// eslint-disable-next-line no-await-in-loop
			await sleep(200);
			app.write('exit\r');
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor('Ctrl-W close', 10_000);
			app.write('\u0017');
			// eslint-disable-next-line no-await-in-loop
			await app.waitFor(screen => !screen.includes('shell:'));
			// eslint-disable-next-line no-await-in-loop
			await sleep(300);
		}
	} finally {
		await quit(app);
	}

	return results;
}

function floor(command: string, args: string[]): number {
	const started = performance.now();
	const result = spawnSync(command, args, {
		stdio: 'ignore',
		env: {...process.env, PATH: env['PATH']!},
	});
	const time = performance.now() - started;
	return result.status === 0 ? time : Number.NaN;
}

const label = {'dockpit-test.owner': 'perf', 'dockpit.bench': run};
const results: Array<{
	name: string;
	value: string;
	target?: string;
	ok?: boolean;
}> = [];
const report = (name: string, value: string, target?: string, ok?: boolean) => {
	results.push({
		name,
		value,
		...(target ? {target} : {}),
		...(ok === undefined ? {} : {ok}),
	});
	process.stdout.write(
		`  ${name}: ${value}${target ? `  (target ${target})` : ''}\n`,
	);
};

try {
	await docker.ping();
	await Promise.all(
		Array.from({length: count}, async (_, index) => {
			const container = await docker.createContainer({
				name: `${prefix}-${String(index).padStart(2, '0')}`,
				Image: testImage,
				Cmd: ['sleep', '3600'],
				Labels: label,
			});
			await container.start();
		}),
	);

	const sshFloor: number[] = [];
	const cliFloor: number[] = [];
	for (let index = 0; index < 3; index++) {
		sshFloor.push(
			floor(`${sshd.dir}/bin/ssh`, [
				'-o',
				'BatchMode=yes',
				'-p',
				String(port),
				`${user}@127.0.0.1`,
				'true',
			]),
		);
		cliFloor.push(floor('docker', ['-H', transports[1]!.host, 'ps', '-q']));
	}

	report(
		'floor: one ssh login (`ssh … true`, median of 3)',
		ms(median(sshFloor)),
	);
	report('floor: `docker -H ssh://… ps` (median of 3)', ms(median(cliFloor)));

	// Started in turn (socket, ssh, socket, …), so that a change in the machine's load touches both alike.
	const firsts = new Map<string, number[]>(
		transports.map(transport => [transport.name, []]),
	);
	for (let index = 0; index < starts; index++) {
		for (const transport of transports) {
			// eslint-disable-next-line no-await-in-loop
			firsts.get(transport.name)!.push(await firstScreen(transport));
			// eslint-disable-next-line no-await-in-loop
			await sleep(300);
		}
	}

	const socketFirst = median(firsts.get('unix socket')!);
	const sshFirst = median(firsts.get('ssh')!);
	report(
		`first screen over the unix socket, ${count} running (median of ${starts})`,
		spread(firsts.get('unix socket')!),
	);
	report(
		`first screen over ssh, ${count} running (median of ${starts})`,
		spread(firsts.get('ssh')!),
	);
	report(
		'first screen: ssh minus socket',
		ms(sshFirst - socketFirst),
		'≤ 300 ms',
		sshFirst - socketFirst <= 300,
	);

	const target = `${prefix}-00`;
	for (const transport of transports) {
		// eslint-disable-next-line no-await-in-loop
		const times = await shellOpen(transport, target, shellTries);
		report(
			`shell open (x → prompt) over ${transport.name} (median of ${shellTries})`,
			spread(times),
			transport.name === 'ssh' ? '≤ 600 ms' : undefined,
			transport.name === 'ssh' ? median(times) <= 600 : undefined,
		);
	}
} finally {
	process.stdout.write('\nremoving the containers and sshd…\n');
	const mine = await docker.listContainers({
		all: true,
		filters: {label: [`dockpit.bench=${run}`]},
	});
	await Promise.all(
		mine.map(async each =>
			docker
				.getContainer(each.Id)
				.remove({force: true})
				.catch(() => undefined),
		),
	);
	await sshd.stop();
}

const width = Math.max(...results.map(({name}) => name.length));
process.stdout.write(
	`\ndockpit ssh bench (${columns}x${rows}, load average ${load} at the start; ${testImage})\n`,
);
for (const {name, value, target, ok} of results) {
	const mark = ok === undefined ? ' ' : ok ? '✓' : '✗';
	process.stdout.write(
		`${mark} ${name.padEnd(width)}  ${value}${target ? `   target ${target}` : ''}\n`,
	);
}
