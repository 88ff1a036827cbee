import assert from 'node:assert/strict';
import test from 'node:test';
import type {StatsSample} from '../../source/engine/types.js';
import {healthOf} from '../../source/format/health.js';
import {
	bindingText,
	engineHostName,
	portUrls,
} from '../../source/format/port-urls.js';
import {browserCommand} from '../../source/host/browser.js';
import {
	ancestors,
	copyText,
	jsonLines,
	lineText,
	valueAt,
} from '../../source/inspector/json-tree.js';
import {createRowStats} from '../../source/inspector/row-stats.js';
import {osc52, terminalClipboard} from '../../source/terminal/clipboard.js';
import {cpuText, memoryText} from '../../source/ui/views/containers-view.js';
import {documentPorts, nanoseconds} from '../../source/ui/config-rows.js';

test('health from the status line', () => {
	const cases: Array<[string, string | undefined]> = [
		['Up 3 minutes (healthy)', 'healthy'],
		['Up 3 minutes (unhealthy)', 'unhealthy'],
		['Up 2 seconds (health: starting)', 'starting'],
		['Up 3 minutes', undefined],
		['Up 3 minutes (Paused)', undefined],
		['Exited (0) 2 minutes ago', undefined],
	];
	for (const [status, expected] of cases) {
		assert.equal(healthOf(status), expected, status);
	}
});

test('port URLs: wildcard bindings at the engine host, one URL for IPv4 and IPv6, specific addresses as they are', () => {
	const ports = [
		{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp' as const},
		{
			privatePort: 80,
			publicPort: 8080,
			ip: '0.0.0.0',
			protocol: 'tcp' as const,
		},
		{
			privatePort: 53,
			publicPort: 5353,
			ip: '0.0.0.0',
			protocol: 'udp' as const,
		},
		{
			privatePort: 9000,
			publicPort: 9000,
			ip: '127.0.0.1',
			protocol: 'tcp' as const,
		},
		{privatePort: 81, publicPort: 81, ip: '::1', protocol: 'tcp' as const},
		{privatePort: 443, protocol: 'tcp' as const},
	];
	assert.deepEqual(portUrls(ports, 'unix:///var/run/docker.sock'), [
		{url: 'http://[::1]:81', bindings: '[::1]:81 → 81/tcp'},
		{
			url: 'http://localhost:8080',
			bindings: '0.0.0.0:8080 → 80/tcp, [::]:8080 → 80/tcp',
		},
		{url: 'http://127.0.0.1:9000', bindings: '127.0.0.1:9000 → 9000/tcp'},
	]);
	assert.equal(
		portUrls(ports, 'ssh://me@build.example:2222')[1]!.url,
		'http://build.example:8080',
	);
	assert.equal(engineHostName('tcp://10.0.0.5:2376'), '10.0.0.5');
	assert.equal(engineHostName('npipe:////./pipe/docker_engine'), 'localhost');
	assert.equal(bindingText(ports[2]!), '0.0.0.0:5353 → 53/udp');
});

test('the Config document: lines, folds, paths with / in keys, values and what y copies', () => {
	const document = {
		A: {'80/tcp': [{HostPort: '8080'}], empty: {}},
		B: [1, 'two'],
		C: null,
	};
	const lines = jsonLines(document);
	assert.deepEqual(
		lines.map(line => `${'  '.repeat(line.depth)}${lineText(line)}`),
		[
			'{',
			'  "A": {',
			'    "80/tcp": [',
			'      {',
			'        "HostPort": "8080"',
			'      }',
			'    ],',
			'    "empty": {}',
			'  },',
			'  "B": [',
			'    1,',
			'    "two"',
			'  ],',
			'  "C": null',
			'}',
		],
	);
	assert.equal(lines[2]!.path, '/A/80~1tcp');
	assert.deepEqual(valueAt(document, '/A/80~1tcp/0/HostPort'), '8080');
	assert.deepEqual(ancestors('/A/80~1tcp/0'), ['', '/A', '/A/80~1tcp']);
	const folded = jsonLines(document, new Set(['/A', '/B']));
	assert.deepEqual(
		folded.map(line => lineText(line)),
		['{', '"A": {…},', '"B": […],', '"C": null', '}'],
	);
	assert.equal(copyText('text'), 'text');
	assert.equal(copyText(3), '3');
	assert.equal(copyText({a: [1]}), '{\n  "a": [\n    1\n  ]\n}');
	// Keys and values from the container are made printable.
	assert.equal(
		lineText(jsonLines({'x\u001B[2J': 'y\u009B1m'})[1]!),
		String.raw`"x\u001b[2J": "y"`,
	);
});

test('health durations and the ports of an inspect document', () => {
	assert.equal(nanoseconds(500_000_000), '500ms');
	assert.equal(nanoseconds(30_000_000_000), '30s');
	assert.equal(nanoseconds(1_500_000_000), '1.5s');
	assert.equal(nanoseconds(300_000_000_000), '5m');
	assert.equal(nanoseconds(0), undefined);
	assert.deepEqual(
		documentPorts({
			NetworkSettings: {
				Ports: {
					'80/tcp': [{HostIp: '0.0.0.0', HostPort: '8080'}],
					'443/tcp': null,
					junk: [{}],
				},
			},
		}),
		[
			{privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '0.0.0.0'},
			{privatePort: 443, protocol: 'tcp'},
		],
	);
});

test('CPU and MEM cells as docker stats prints them', () => {
	assert.equal(cpuText(undefined), '');
	assert.equal(cpuText({memoryUsage: 1, memoryLimit: 2}), '…');
	assert.equal(
		cpuText({cpuPercent: 0.04, memoryUsage: 1, memoryLimit: 2}),
		'0.0%',
	);
	assert.equal(
		cpuText({cpuPercent: 99.94, memoryUsage: 1, memoryLimit: 2}),
		'99.9%',
	);
	assert.equal(
		cpuText({cpuPercent: 187.6, memoryUsage: 1, memoryLimit: 2}),
		'188%',
	);
	assert.equal(
		memoryText({memoryUsage: 45_100_000, memoryLimit: 2e9}),
		'45.1MB 2.3%',
	);
	assert.equal(memoryText({memoryUsage: 1.5e9, memoryLimit: 2e9}), '1.5GB 75%');
	assert.equal(memoryText({memoryUsage: 1000, memoryLimit: 0}), '1kB');
});

test('OSC 52: base64, so nothing in the text reaches the terminal raw; too big is refused in words', () => {
	const written: string[] = [];
	const clipboard = terminalClipboard(data => written.push(data));
	clipboard.copy('evil \u001B]0;x\u0007 ünï');
	assert.equal(written.length, 1);
	assert.match(written[0]!, /^\u001B\]52;c;[A-Za-z\d+/=]+\u0007$/);
	assert.equal(
		Buffer.from(written[0]!.slice(7, -1), 'base64').toString('utf8'),
		'evil \u001B]0;x\u0007 ünï',
	);
	assert.equal(osc52('hi'), '\u001B]52;c;aGk=\u0007');
	assert.throws(() => {
		clipboard.copy('x'.repeat(100_000));
	}, /too big for the clipboard: 100,000 bytes/);
	assert.equal(written.length, 1);
});

test('the browser: $BROWSER first (with %s, or the URL appended; the first of a : list), else xdg-open on the PATH', () => {
	const url = 'http://localhost:8080';
	assert.deepEqual(browserCommand(url, {BROWSER: 'firefox --new-tab'}), {
		file: 'firefox',
		args: ['--new-tab', url],
		source: '$BROWSER',
	});
	assert.deepEqual(browserCommand(url, {BROWSER: 'w3m %s:lynx'}), {
		file: 'w3m',
		args: [url],
		source: '$BROWSER',
	});
	assert.equal(browserCommand(url, {PATH: '/nonexistent'}), undefined);
});

const sample = (cpuPercent?: number): StatsSample => ({
	time: Date.now(),
	...(cpuPercent === undefined ? {} : {cpuPercent}),
	onlineCpus: 1,
	memoryUsage: 10,
	memoryLimit: 100,
	netRx: 0,
	netTx: 0,
	blockRead: 0,
	blockWrite: 0,
	pids: 1,
});

test('row stats: streams follow show(), open once the window settles, and news is drawn at most once per flush', async () => {
	const open = new Map<string, (sample: StatsSample) => void>();
	let opened = 0;
	const engine = {
		containerStats(id: string, {signal}: {signal: AbortSignal}) {
			opened++;
			const queue: StatsSample[] = [];
			let wake: (() => void) | undefined;
			open.set(id, each => {
				queue.push(each);
				wake?.();
			});
			signal.addEventListener('abort', () => wake?.());
			return {
				async *[Symbol.asyncIterator]() {
					try {
						while (!signal.aborted) {
							if (queue.length > 0) {
								yield queue.shift()!;
								continue;
							}

							// eslint-disable-next-line no-await-in-loop
							await new Promise<void>(resolve => {
								wake = resolve;
							});
						}
					} finally {
						open.delete(id);
					}
				},
			};
		},
	};
	const stats = createRowStats(engine, {settleMs: 30, flushMs: 200});
	let draws = 0;
	stats.subscribe(() => draws++);
	const sleep = async (ms: number) =>
		new Promise(resolve => {
			setTimeout(resolve, ms);
		});
	// Windows that do not stay put open nothing.
	for (let index = 0; index < 10; index++) {
		stats.show([`a${index}`, `b${index}`]);
		// eslint-disable-next-line no-await-in-loop
		await sleep(5);
	}

	assert.equal(opened, 0);
	stats.show(['x', 'y']);
	await sleep(60);
	assert.deepEqual([...open.keys()].sort(), ['x', 'y']);
	assert.equal(stats.open(), 2);
	for (let index = 0; index < 20; index++) {
		open.get('x')!(sample(index));
	}

	await sleep(20);
	// The first news is drawn at once, the rest waits for the next flush.
	assert.equal(draws, 1);
	open.get('y')!(sample(50));
	await sleep(250);
	assert.equal(draws, 2);
	assert.equal(stats.snapshot().get('x')?.cpuPercent, 19);
	assert.equal(stats.snapshot().get('y')?.cpuPercent, 50);
	// y leaves the screen: its stream closes now and its figures go.
	stats.show(['x']);
	await sleep(10);
	assert.deepEqual([...open.keys()], ['x']);
	stats.show([]);
	await sleep(10);
	assert.equal(open.size, 0);
	assert.equal(stats.open(), 0);
	stats.stop();
});
