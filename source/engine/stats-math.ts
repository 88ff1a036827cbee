/**
One message of the engine's stats stream into a `StatsSample`, computed as the docker CLI computes `docker stats`
(cli/command/container/stats_helpers.go): CPU is the container's CPU time delta over the system's, times the online
CPUs; memory leaves out the page cache. Pure; every raw field is treated as optional.
*/
import type {StatsSample} from './inspector-types.js';

type Raw = Record<string, unknown>;

const record = (value: unknown): Raw =>
	typeof value === 'object' && value !== null ? (value as Raw) : {};

const number = (value: unknown): number =>
	typeof value === 'number' && Number.isFinite(value) ? value : 0;

/**
CPU % of one CPU (so up to 100 × online CPUs), or undefined when there is no earlier reading to compare with.
*/
export function cpuPercent(raw: unknown): number | undefined {
	const stats = record(raw);
	const cpu = record(stats['cpu_stats']);
	const previous = record(stats['precpu_stats']);
	const previousSystem = number(previous['system_cpu_usage']);
	if (previousSystem === 0) {
		return undefined;
	}

	const cpuDelta =
		number(record(cpu['cpu_usage'])['total_usage']) -
		number(record(previous['cpu_usage'])['total_usage']);
	const systemDelta = number(cpu['system_cpu_usage']) - previousSystem;
	if (systemDelta <= 0 || cpuDelta < 0) {
		return 0;
	}

	return (cpuDelta / systemDelta) * onlineCpus(raw) * 100;
}

export function onlineCpus(raw: unknown): number {
	const cpu = record(record(raw)['cpu_stats']);
	const online = number(cpu['online_cpus']);
	if (online > 0) {
		return online;
	}

	const perCpu = record(cpu['cpu_usage'])['percpu_usage'];
	return Array.isArray(perCpu) && perCpu.length > 0 ? perCpu.length : 1;
}

/**
Memory in use without the page cache: cgroup v2 `inactive_file`, cgroup v1 `total_inactive_file`, older engines
`cache`; each only when smaller than the usage.
*/
export function memoryUsage(raw: unknown): number {
	const memory = record(record(raw)['memory_stats']);
	const usage = number(memory['usage']);
	const stats = record(memory['stats']);
	for (const key of ['total_inactive_file', 'inactive_file', 'cache']) {
		if (key in stats) {
			const cache = number(stats[key]);
			if (cache < usage) {
				return usage - cache;
			}
		}
	}

	return usage;
}

export function normalizeStats(raw: unknown): StatsSample | undefined {
	const stats = record(raw);
	if (!('memory_stats' in stats) && !('cpu_stats' in stats)) {
		return undefined;
	}

	const read = Date.parse(String(stats['read'] ?? ''));
	let netRx = 0;
	let netTx = 0;
	for (const network of Object.values(record(stats['networks']))) {
		netRx += number(record(network)['rx_bytes']);
		netTx += number(record(network)['tx_bytes']);
	}

	let blockRead = 0;
	let blockWrite = 0;
	const io = record(stats['blkio_stats'])['io_service_bytes_recursive'];
	for (const entry of Array.isArray(io) ? io : []) {
		const op = String(record(entry)['op'] ?? '').toLowerCase();
		if (op === 'read') {
			blockRead += number(record(entry)['value']);
		} else if (op === 'write') {
			blockWrite += number(record(entry)['value']);
		}
	}

	const cpu = cpuPercent(raw);
	return {
		time: Number.isFinite(read) && read > 0 ? read : Date.now(),
		...(cpu === undefined ? {} : {cpuPercent: cpu}),
		onlineCpus: onlineCpus(raw),
		memoryUsage: memoryUsage(raw),
		memoryLimit: number(record(stats['memory_stats'])['limit']),
		netRx,
		netTx,
		blockRead,
		blockWrite,
		pids: number(record(stats['pids_stats'])['current']),
	};
}

/**
Bytes per second between two totals, never negative (a counter that restarted counts from zero).
*/
export function ratePerSecond(
	previous: number,
	current: number,
	ms: number,
): number {
	if (ms <= 0) {
		return 0;
	}

	return Math.max(0, current - previous) / (ms / 1000);
}
