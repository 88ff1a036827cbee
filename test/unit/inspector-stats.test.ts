import assert from 'node:assert/strict';
import test from 'node:test';
import {
	cpuPercent,
	memoryUsage,
	normalizeStats,
	ratePerSecond,
} from '../../source/engine/stats-math.js';
import {sparkline, statsRates} from '../../source/ui/inspector-rows.js';

const sample = (patch: Record<string, unknown> = {}) => ({
	read: '2026-12-02T16:00:01.000000000Z',
	cpu_stats: {
		cpu_usage: {total_usage: 3_000_000_000},
		system_cpu_usage: 20_000_000_000,
		online_cpus: 2,
	},
	precpu_stats: {
		cpu_usage: {total_usage: 2_000_000_000},
		system_cpu_usage: 18_000_000_000,
	},
	memory_stats: {
		usage: 100_000_000,
		limit: 1_000_000_000,
		stats: {inactive_file: 20_000_000},
	},
	networks: {
		eth0: {rx_bytes: 1000, tx_bytes: 500},
		eth1: {rx_bytes: 10, tx_bytes: 5},
	},
	blkio_stats: {
		io_service_bytes_recursive: [
			{op: 'Read', value: 4096},
			{op: 'Write', value: 8192},
			{op: 'read', value: 4},
		],
	},
	pids_stats: {current: 3},
	...patch,
});

test('CPU %: container delta over system delta, times online CPUs (docker stats)', () => {
	// 1 s of CPU in 2 s of system time on 2 CPUs: one CPU busy, 100 %.
	assert.equal(cpuPercent(sample()), 100);
	// No earlier reading (the first message of the stream): unknown, not a wild number.
	assert.equal(cpuPercent(sample({precpu_stats: {}})), undefined);
	// Without online_cpus, the per-CPU list counts them.
	assert.equal(
		cpuPercent(
			sample({
				cpu_stats: {
					cpu_usage: {total_usage: 3_000_000_000, percpu_usage: [1, 2, 3, 4]},
					system_cpu_usage: 20_000_000_000,
				},
			}),
		),
		200,
	);
});

test('memory: usage less the page cache, cgroup v2 and v1', () => {
	assert.equal(memoryUsage(sample()), 80_000_000);
	assert.equal(
		memoryUsage(
			sample({
				memory_stats: {usage: 100, stats: {total_inactive_file: 30, cache: 50}},
			}),
		),
		70,
	);
	assert.equal(
		memoryUsage(sample({memory_stats: {usage: 100, stats: {cache: 200}}})),
		100,
	);
});

test('a sample: net and block totals summed, pids, time', () => {
	const normal = normalizeStats(sample());
	assert.deepEqual(normal, {
		time: Date.parse('2026-12-02T16:00:01Z'),
		cpuPercent: 100,
		onlineCpus: 2,
		memoryUsage: 80_000_000,
		memoryLimit: 1_000_000_000,
		netRx: 1010,
		netTx: 505,
		blockRead: 4100,
		blockWrite: 8192,
		pids: 3,
	});
	assert.equal(normalizeStats({nothing: true}), undefined);
});

test('rates per second between samples, never negative; sparklines scale to the largest', () => {
	assert.equal(ratePerSecond(1000, 3000, 2000), 1000);
	assert.equal(ratePerSecond(3000, 1000, 1000), 0);
	const first = normalizeStats(sample())!;
	const second = {...first, time: first.time + 1000, netRx: first.netRx + 2000};
	assert.equal(statsRates([first, second])[0]!.rx, 2000);
	assert.equal(sparkline([0, 1, 2, 4], 4), '▁▃▅█');
	assert.equal(sparkline([0, 0], 4), '▁▁');
	assert.equal(sparkline([1, 2, 3, 4, 5, 6], 3), '▆▇█');
});
