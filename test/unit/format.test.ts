import assert from 'node:assert/strict';
import test from 'node:test';
import formatBytes from '../../source/format/bytes.js';
import {
	formatAge,
	parseHumanDuration,
	startedAtFromStatus,
} from '../../source/format/duration.js';
import formatPorts from '../../source/format/ports.js';
import {fit, shortId, truncate} from '../../source/format/text.js';
import {
	layoutColumns,
	windowStart,
} from '../../source/ui/components/resource-table.js';

test('human durations from the engine', () => {
	const cases: Array<[string, number | undefined]> = [
		['Less than a second', 0],
		['1 second', 1000],
		['45 seconds', 45_000],
		['About a minute', 60_000],
		['3 minutes', 180_000],
		['About an hour', 3_600_000],
		['5 hours', 18_000_000],
		['2 days', 172_800_000],
		['3 weeks', 1_814_400_000],
		['soon', undefined],
	];
	for (const [text, expected] of cases) {
		assert.equal(parseHumanDuration(text), expected, text);
	}

	assert.equal(
		startedAtFromStatus('Up 3 minutes (Paused)', 1_000_000),
		1_000_000 - 180_000,
	);
	assert.equal(
		startedAtFromStatus('Exited (0) 3 minutes ago', 1_000_000),
		undefined,
	);
});

test('ages', () => {
	const cases: Array<[number, string]> = [
		[0, '0s'],
		[59_000, '59s'],
		[60_000, '1m'],
		[3_599_000, '59m'],
		[3_600_000, '1h'],
		[47 * 3_600_000, '47h'],
		[48 * 3_600_000, '2d'],
		[15 * 86_400_000, '2w'],
		[70 * 86_400_000, '2mo'],
		[800 * 86_400_000, '2y'],
		[-5, '0s'],
	];
	for (const [ms, expected] of cases) {
		assert.equal(formatAge(ms), expected, String(ms));
	}
});

test('bytes like the docker CLI', () => {
	const cases: Array<[number, string]> = [
		[0, '0B'],
		[999, '999B'],
		[1000, '1kB'],
		[1_980_000, '1.98MB'],
		[123_456_789, '123MB'],
		[5_500_000_000, '5.5GB'],
		[-1, '?'],
	];
	for (const [bytes, expected] of cases) {
		assert.equal(formatBytes(bytes), expected, String(bytes));
	}
});

test('ports: published first, sorted, IPv4/IPv6 duplicates once', () => {
	assert.equal(
		formatPorts([
			{privatePort: 443, protocol: 'tcp'},
			{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
			{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'},
			{privatePort: 53, publicPort: 5353, ip: '127.0.0.1', protocol: 'udp'},
		]),
		'127.0.0.1:5353→53/udp, 8080→80/tcp, 443/tcp',
	);
	assert.equal(formatPorts([]), '');
});

test('text fitting counts wide characters as two columns', () => {
	assert.equal(truncate('hello', 10), 'hello');
	assert.equal(truncate('hello world', 6), 'hello…');
	assert.equal(fit('ab', 4), 'ab  ');
	assert.equal(fit('ab', 4, 'right'), '  ab');
	assert.equal(fit('日本語テキスト', 6), '日本… ');
	assert.equal(shortId('sha256:0123456789abcdef0123'), '0123456789ab');
});

test('table columns: fixed widths, flex shares, hidden below a width', () => {
	const columns = [
		{header: 'A', width: 10, text: () => ''},
		{header: 'B', width: 4, flex: 1, text: () => ''},
		{header: 'C', width: 4, flex: 3, text: () => ''},
		{header: 'D', width: 5, hideBelow: 100, text: () => ''},
	];
	const widths = layoutColumns(columns, 60).map(([column, width]) => [
		column.header,
		width,
	]);
	assert.deepEqual(widths, [
		['A', 10],
		['B', 4 + 10],
		['C', 4 + 30],
	]);
	assert.equal(layoutColumns(columns, 120).length, 4);
});

test('the table window moves only as far as the selection needs', () => {
	assert.equal(windowStart(0, 5, 10, 100), 0);
	assert.equal(windowStart(0, 10, 10, 100), 1);
	assert.equal(windowStart(20, 15, 10, 100), 15);
	assert.equal(windowStart(20, 25, 10, 100), 20);
	assert.equal(windowStart(95, 99, 10, 100), 90, 'never past the end');
	assert.equal(windowStart(5, 3, 10, 8), 0, 'short lists start at the top');
});
