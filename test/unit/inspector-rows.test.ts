import assert from 'node:assert/strict';
import test from 'node:test';
import {createLogRing} from '../../source/inspector/log-ring.js';
import {shownLogs} from '../../source/inspector/log-window.js';
import {compileQuery} from '../../source/inspector/log-search.js';
import {
	diffRows,
	envRows,
	layerRows,
	logSpans,
	logWindow,
	topRows,
} from '../../source/ui/inspector-rows.js';
import type {StyledRow} from '../../source/ui/components/styled-rows.js';

const text = (row: StyledRow) => row.map(span => span.text).join('');

test('log spans: stderr tinted, markers stand out, search matches highlighted, the current one apart', () => {
	const search = compileQuery({text: 'err', regex: false});
	assert.ok(!('error' in search));
	const stderr = logSpans(
		{seq: 1, stream: 'stderr', text: 'an error'},
		{timestamps: false},
		undefined,
	);
	assert.deepEqual(stderr, [{text: 'an error', fg: 'redBright'}]);
	const stdout = logSpans(
		{seq: 2, stream: 'stdout', text: 'fine'},
		{timestamps: false},
		undefined,
	);
	assert.deepEqual(stdout, [{text: 'fine'}]);
	const found = logSpans(
		{seq: 3, stream: 'stdout', text: 'an err and ERR'},
		{timestamps: false},
		search,
	);
	assert.deepEqual(
		found.map(span => [span.text, span.bg]),
		[
			['an ', undefined],
			['err', 'yellow'],
			[' and ', undefined],
			['ERR', 'yellow'],
		],
	);
	const current = logSpans(
		{seq: 3, stream: 'stdout', text: 'err'},
		{timestamps: false, match: 3},
		search,
	);
	assert.equal(current[0]!.bg, 'magentaBright');
	const stamped = logSpans(
		{
			seq: 4,
			stream: 'marker',
			stamp: '2026-12-02T16:00:01.123456789Z',
			text: '— exited (code 3)',
		},
		{timestamps: true},
		undefined,
	);
	assert.equal(text(stamped), '16:00:01.123 — exited (code 3)');
	assert.equal(stamped[1]!.bold, true);
});

test('log window: the rows that end at the bottom line, wrapped, filled from below near the top', () => {
	const ring = createLogRing();
	for (let index = 1; index <= 20; index++) {
		ring.push({
			stream: 'stdout',
			text: index === 19 ? 'x'.repeat(25) : `l${index}`,
		});
	}

	const shown = shownLogs(ring, {context: 0});
	const wrapped = logWindow(shown, {timestamps: false, wrap: true}, 19, 10, 4);
	assert.deepEqual(wrapped.map(text), [
		'xxxxxxxxxx',
		'xxxxxxxxxx',
		'xxxxx',
		'l20',
	]);
	const cut = logWindow(shown, {timestamps: false, wrap: false}, 19, 10, 4);
	assert.deepEqual(cut.map(text), ['l17', 'l18', 'x'.repeat(25), 'l20']);
	const top = logWindow(shown, {timestamps: false, wrap: false}, 0, 10, 3);
	assert.deepEqual(top.map(text), ['l1', 'l2', 'l3']);
});

test('diff: counts, the commit note, a tree of A/C/D', () => {
	const rows = diffRows([
		{kind: 'C', path: '/tmp'},
		{kind: 'A', path: '/tmp/new.txt'},
		{kind: 'D', path: '/etc/motd'},
	]).map(text);
	assert.equal(rows[0], '1 added, 1 changed, 1 deleted');
	assert.match(
		rows[1]!,
		/what c \(commit\) would put into a new image; memory and running processes are not/,
	);
	assert.deepEqual(rows.slice(3), [
		'D   motd  /etc/motd',
		'C tmp',
		'A   new.txt  /tmp/new.txt',
	]);
});

test('env: a table with secret-looking values masked unless revealed; top: aligned columns', () => {
	const masked = envRows(['PATH=/bin', 'DB_PASSWORD=hunter2'], false).map(text);
	assert.deepEqual(masked.slice(0, 3), [
		'KEY          VALUE',
		'PATH         /bin',
		'DB_PASSWORD  ••••',
	]);
	assert.match(masked.at(-1)!, /1 secret-looking value masked: v reveals/);
	assert.equal(
		envRows(['DB_PASSWORD=hunter2'], true).map(text)[1],
		'DB_PASSWORD  hunter2',
	);
	const top = topRows({
		titles: ['PID', 'CMD'],
		processes: [
			['1', 'sleep 600'],
			['1234', 'sh\u001B[2J'],
		],
	}).map(text);
	assert.deepEqual(top.slice(0, 3), [
		'PID   CMD',
		'1     sleep 600',
		'1234  sh',
	]);
});

test('layers: age, size and created-by, like docker history', () => {
	const now = Date.parse('2026-12-02T16:00:00Z');
	const rows = layerRows(
		[
			{
				id: 'a',
				created: now - 7_200_000,
				createdBy: 'COPY app /app',
				size: 1_500_000,
				comment: '',
				tags: [],
			},
			{
				id: 'b',
				created: now - 172_800_000,
				createdBy: '',
				size: 0,
				comment: 'Imported from -',
				tags: [],
			},
		],
		now,
	).map(text);
	assert.deepEqual(rows.slice(0, 3), [
		'CREATED      SIZE  CREATED BY',
		'2h ago      1.5MB  COPY app /app',
		'2d ago         0B  Imported from -',
	]);
	assert.equal(rows.at(-1), '2 layers, 1.5MB in all.');
});
