import assert from 'node:assert/strict';
import test from 'node:test';
import {createLogDemuxer} from '../../source/engine/log-demux.js';
import {
	createLineAssembler,
	splitStamp,
} from '../../source/inspector/log-lines.js';
import {createLogRing, lineCost} from '../../source/inspector/log-ring.js';
import {
	compileQuery,
	filterWithContext,
} from '../../source/inspector/log-search.js';
import {nextMatch, shownLogs} from '../../source/inspector/log-window.js';
import {parseSince} from '../../source/commands/inspector.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function frame(type: number, text: string): Uint8Array {
	const payload = bytes(text);
	const out = new Uint8Array(8 + payload.length);
	out[0] = type;
	new DataView(out.buffer).setUint32(4, payload.length);
	out.set(payload, 8);
	return out;
}

const decode = (
	chunks: ReturnType<ReturnType<typeof createLogDemuxer>['push']>,
) => {
	const out: Record<string, string> = {stdout: '', stderr: ''};
	for (const chunk of chunks) {
		out[chunk.stream] += new TextDecoder().decode(chunk.data);
	}

	return out;
};

test('demux: stdout and stderr frames come apart, split at every byte boundary', () => {
	const stream = new Uint8Array([
		...frame(1, 'out one\n'),
		...frame(2, 'err one\n'),
		...frame(1, 'out two\n'),
	]);
	for (let cut = 0; cut <= stream.length; cut++) {
		for (let second = cut; second <= stream.length; second += 5) {
			const demux = createLogDemuxer();
			const chunks = [
				...demux.push(stream.subarray(0, cut)),
				...demux.push(stream.subarray(cut, second)),
				...demux.push(stream.subarray(second)),
			];
			assert.deepEqual(decode(chunks), {
				stdout: 'out one\nout two\n',
				stderr: 'err one\n',
			});
		}
	}
});

test('demux: consecutive frames of one stream in a chunk come out as one chunk, in order', () => {
	const demux = createLogDemuxer();
	const chunks = demux.push(
		new Uint8Array([
			...frame(1, 'a1\n'),
			...frame(1, 'a2\n'),
			...frame(2, 'e1\n'),
			...frame(2, 'e2\n'),
			...frame(1, 'a3\n'),
		]),
	);
	assert.deepEqual(
		chunks.map(chunk => [chunk.stream, new TextDecoder().decode(chunk.data)]),
		[
			['stdout', 'a1\na2\n'],
			['stderr', 'e1\ne2\n'],
			['stdout', 'a3\n'],
		],
	);
	// A frame split across chunks: its two parts, each with its neighbours of the same stream.
	const split = new Uint8Array([...frame(1, 'b1\n'), ...frame(1, 'b2 long\n')]);
	const first = demux.push(split.subarray(0, 21));
	const second = demux.push(split.subarray(21));
	assert.deepEqual(
		[...first, ...second].map(chunk => new TextDecoder().decode(chunk.data)),
		['b1\nb2', ' long\n'],
	);
});

test('demux: a stream that is not multiplexed passes through as stdout', () => {
	const demux = createLogDemuxer();
	assert.deepEqual(decode(demux.push(bytes('plain tty output\n'))), {
		stdout: 'plain tty output\n',
		stderr: '',
	});
	assert.deepEqual(decode(demux.push(bytes('more\n'))), {
		stdout: 'more\n',
		stderr: '',
	});
});

test('lines: split per stream, timestamps taken off, carriage returns and escapes cleaned', () => {
	const lines = createLineAssembler();
	const out = [
		...lines.push({
			stream: 'stdout',
			data: bytes('2026-12-02T15:30:13.5Z hel'),
		}),
		...lines.push({
			stream: 'stderr',
			data: bytes('2026-12-02T15:30:14.123456789Z oops\n'),
		}),
		...lines.push({
			stream: 'stdout',
			data: bytes('lo \u001B[31mred\u001B[0m\u001B]0;title\u0007\n'),
		}),
		...lines.push({
			stream: 'stdout',
			data: bytes('2026-12-02T15:30:15Z 10%\r50%\r100%\r\n'),
		}),
	];
	assert.deepEqual(out, [
		{stream: 'stderr', stamp: '2026-12-02T15:30:14.123456789Z', text: 'oops'},
		{
			stream: 'stdout',
			stamp: '2026-12-02T15:30:13.500000000Z',
			text: 'hello red',
		},
		{stream: 'stdout', stamp: '2026-12-02T15:30:15.000000000Z', text: '100%'},
	]);
});

test('lines: invalid UTF-8 shows as U+FFFD, a character split across chunks is kept whole', () => {
	const lines = createLineAssembler({timestamps: false});
	const euro = bytes('€');
	const out = [
		...lines.push({stream: 'stdout', data: new Uint8Array([0x61, euro[0]!])}),
		...lines.push({
			stream: 'stdout',
			data: new Uint8Array([euro[1]!, euro[2]!, 0xff, 0x0a]),
		}),
	];
	assert.deepEqual(out, [{stream: 'stdout', text: 'a€\uFFFD'}]);
});

test('lines: a line without a newline is cut at the limit and its rest skipped, never held', () => {
	const lines = createLineAssembler({timestamps: false, maxLineChars: 100});
	const out = [];
	for (let index = 0; index < 1000; index++) {
		out.push(...lines.push({stream: 'stdout', data: bytes('x'.repeat(1000))}));
	}

	out.push(...lines.push({stream: 'stdout', data: bytes('tail\nnext\n')}));
	assert.equal(out.length, 2);
	assert.equal(out[0]!.text, `${'x'.repeat(100)} …[cut]`);
	assert.equal(out[1]!.text, 'next');
});

const stamped = (index: number, text: string) =>
	`2026-12-02T15:30:${String(10 + (index % 50)).padStart(2, '0')}.${String(index).padStart(9, '0')}Z ${text}\n`;

/**
Chunks through `pushTo` into a ring, as the feed follows one container.
*/
function ingest(
	chunks: readonly Uint8Array[],
	ring = createLogRing(),
	options: Parameters<typeof createLineAssembler>[0] = {},
) {
	const lines = createLineAssembler(options);
	const counts = {slices: 0, made: 0};
	for (const data of chunks) {
		lines.pushTo(
			{stream: 'stdout', data},
			{
				slice(stream, source, stampFrom, textFrom, textTo) {
					counts.slices++;
					ring.pushSlice(stream, source, stampFrom, textFrom, textTo);
				},
				line(line) {
					counts.made++;
					ring.push(line);
				},
			},
		);
	}

	const all = Array.from({length: ring.length}, (_, index) => ring.at(index)!);
	return {ring, counts, all};
}

test('pushTo: a chunk with more lines than the ring keeps exactly the last ring-full, numbered from the first', () => {
	const text = Array.from({length: 25}, (_, index) =>
		stamped(index + 1, `line ${index + 1}`),
	).join('');
	const {ring, counts, all} = ingest(
		[bytes(text)],
		createLogRing({maxLines: 10}),
	);
	assert.deepEqual(counts, {slices: 25, made: 0});
	assert.equal(ring.length, 10);
	assert.equal(ring.dropped, 15);
	assert.deepEqual(
		all.map(line => [line.seq, line.text]),
		Array.from({length: 10}, (_, index) => [index + 16, `line ${index + 16}`]),
	);
	assert.equal(all[0]!.stamp, '2026-12-02T15:30:26.000000016Z');
	assert.equal(ring.at(0), all[0], 'the same line object each time');
	assert.equal(ring.indexOf(16), 0);
	assert.equal(ring.indexOf(15), -1);
	let sum = 0;
	for (const line of all) {
		sum += lineCost(line);
	}

	assert.equal(ring.bytes, sum);
});

test('pushTo: lines split across chunks anywhere, a multi-byte character among them, come out whole', () => {
	const text = [
		stamped(1, 'first €uro line'),
		stamped(2, 'second ✓ 日本語'),
		stamped(3, 'third'),
		'no stamp at all\n',
		'2026-12-02T15:30:13.5Z short stamp\n',
	].join('');
	const data = bytes(text);
	const expected = [
		{
			stream: 'stdout',
			stamp: '2026-12-02T15:30:11.000000001Z',
			text: 'first €uro line',
		},
		{
			stream: 'stdout',
			stamp: '2026-12-02T15:30:12.000000002Z',
			text: 'second ✓ 日本語',
		},
		{stream: 'stdout', stamp: '2026-12-02T15:30:13.000000003Z', text: 'third'},
		{stream: 'stdout', text: 'no stamp at all'},
		{
			stream: 'stdout',
			stamp: '2026-12-02T15:30:13.500000000Z',
			text: 'short stamp',
		},
	];
	for (let cut = 0; cut <= data.length; cut++) {
		const {all} = ingest([data.subarray(0, cut), data.subarray(cut)]);
		assert.deepEqual(
			all.map(({seq, ...line}) => line),
			expected,
			`cut at byte ${cut}`,
		);
	}
});

test('pushTo: a chunk with a control character makes its lines, cleaned; the next clean chunk is sliced again', () => {
	const {counts, all} = ingest([
		bytes(
			`${stamped(1, 'plain')}${stamped(2, '\u001B[31mred\u001B[0m')}${stamped(3, 'old\rnew')}`,
		),
		bytes(`${stamped(4, 'tab\there')}`),
		bytes(`${stamped(5, 'clean again')}`),
	]);
	assert.deepEqual(
		all.map(line => line.text),
		['plain', 'red', 'new', 'tab here', 'clean again'],
	);
	assert.deepEqual(counts, {slices: 1, made: 4});
});

test('pushTo: without stamps; a long line inside one chunk is cut too', () => {
	const {all} = ingest(
		[bytes(`short\n${'z'.repeat(150)}\nafter\n`)],
		createLogRing(),
		{timestamps: false, maxLineChars: 100},
	);
	assert.deepEqual(
		all.map(line => [line.text, line.stamp]),
		[
			['short', undefined],
			[`${'z'.repeat(100)} …[cut]`, undefined],
			['after', undefined],
		],
	);
});

test('ring: slices and made lines (markers) keep their order and numbers', () => {
	const ring = createLogRing({maxLines: 4});
	const source = 'aaa\nbbb\nccc\n';
	ring.pushSlice('stdout', source, -1, 0, 3);
	ring.push({stream: 'marker', text: '— restarted'});
	ring.pushSlice('stderr', source, -1, 4, 7);
	ring.pushSlice('stdout', source, -1, 8, 11);
	ring.push({stream: 'marker', text: '— exited (code 0)'});
	assert.deepEqual(
		Array.from({length: ring.length}, (_, index) => {
			const line = ring.at(index)!;
			return [line.seq, line.stream, line.text];
		}),
		[
			[2, 'marker', '— restarted'],
			[3, 'stderr', 'bbb'],
			[4, 'stdout', 'ccc'],
			[5, 'marker', '— exited (code 0)'],
		],
	);
	ring.clear();
	assert.equal(ring.length, 0);
	assert.equal(ring.at(0), undefined);
	ring.pushSlice('stdout', source, -1, 0, 3);
	assert.equal(ring.at(0)!.seq, 6);
	assert.equal(ring.indexOf(6), 0);
});

test('stamps: nine fraction digits, so that they compare as strings', () => {
	assert.equal(
		splitStamp('2026-12-02T15:30:13Z x').stamp,
		'2026-12-02T15:30:13.000000000Z',
	);
	assert.ok(
		splitStamp('2026-12-02T15:30:13.9Z a').stamp! <
			splitStamp('2026-12-02T15:30:13.10Z a').stamp! ===
			false,
	);
	assert.equal(splitStamp('no stamp here').stamp, undefined);
});

test('ring: keeps the last maxLines lines, numbered, oldest dropped', () => {
	const ring = createLogRing({maxLines: 5});
	for (let index = 1; index <= 12; index++) {
		ring.push({stream: 'stdout', text: `line ${index}`});
	}

	assert.equal(ring.length, 5);
	assert.equal(ring.at(0)!.text, 'line 8');
	assert.equal(ring.at(4)!.text, 'line 12');
	assert.equal(ring.at(4)!.seq, 12);
	assert.equal(ring.indexOf(10), 2);
	assert.equal(ring.indexOf(3), -1);
	assert.equal(ring.dropped, 7);
});

test('ring: stays under its byte cap however long the lines are', () => {
	const maxBytes = 200_000;
	const ring = createLogRing({maxLines: 10_000, maxBytes});
	for (let index = 0; index < 5000; index++) {
		ring.push({
			stream: 'stdout',
			text: 'y'.repeat(index % 7 === 0 ? 20_000 : 50),
		});
		assert.ok(ring.bytes <= maxBytes, `at ${index}: ${ring.bytes}`);
	}

	let sum = 0;
	for (let index = 0; index < ring.length; index++) {
		sum += lineCost(ring.at(index)!);
	}

	assert.equal(sum, ring.bytes);
	assert.equal(ring.at(ring.length - 1)!.seq, 5000);
});

test('search: smart case, plain text by default, regex on request, ranges to highlight', () => {
	const plain = compileQuery({text: 'a.b', regex: false});
	assert.ok(!('error' in plain));
	assert.equal(plain.test('xaxb'), false);
	assert.equal(plain.test('A.B'), true);
	assert.deepEqual(plain.ranges('a.b and A.B'), [
		[0, 3],
		[8, 11],
	]);
	const upper = compileQuery({text: 'Err', regex: false});
	assert.ok(!('error' in upper));
	assert.equal(upper.test('error'), false);
	assert.equal(upper.test('Error'), true);
	const regex = compileQuery({text: 'line \\d+$', regex: true});
	assert.ok(!('error' in regex));
	assert.equal(regex.test('LINE 42'), true);
	assert.equal(regex.test('line x'), false);
	assert.ok('error' in compileQuery({text: '(', regex: true}));
});

test('filter with context: matches, N lines around them, gaps between groups (grep -C)', () => {
	const lines = [
		'a',
		'b',
		'HIT',
		'c',
		'd',
		'e',
		'f',
		'HIT',
		'g',
		'HIT',
		'h',
		'i',
		'j',
	];
	const isMatch = (index: number) => lines[index] === 'HIT';
	const cases: Array<[number, Array<string | number>]> = [
		[0, ['HIT', '--', 'HIT', '--', 'HIT']],
		[1, ['b', 'HIT', 'c', '--', 'f', 'HIT', 'g', 'HIT', 'h']],
		[2, ['a', 'b', 'HIT', 'c', 'd', 'e', 'f', 'HIT', 'g', 'HIT', 'h', 'i']],
	];
	for (const [context, expected] of cases) {
		const kept = filterWithContext(lines.length, isMatch, context).map(index =>
			index === -1 ? '--' : lines[index]!,
		);
		assert.deepEqual(kept, expected, `-C${context}`);
	}
});

test('shown logs: a filter over the ring keeps markers, finds positions, n/N walk the matches', () => {
	const ring = createLogRing();
	for (let index = 1; index <= 50; index++) {
		ring.push({stream: index % 2 ? 'stdout' : 'stderr', text: `line ${index}`});
		if (index === 25) {
			ring.push({stream: 'marker', text: '— restarted'});
		}
	}

	const filtered = shownLogs(ring, {
		filter: {text: 'line 4', regex: false},
		context: 0,
	});
	const texts = Array.from({length: filtered.length}, (_, position) => {
		const line = filtered.at(position)!;
		return line === 'gap' ? '--' : line.text;
	});
	assert.deepEqual(texts, [
		'line 4',
		'--',
		'— restarted',
		'--',
		...Array.from({length: 10}, (_, index) => `line ${40 + index}`),
	]);
	// Line 45 has seq 46 (the marker took one).
	assert.equal(filtered.positionOf(46), 9);
	const searched = shownLogs(ring, {
		search: {text: 'line 1', regex: false},
		context: 2,
	});
	const newest = nextMatch(searched, searched.length, -1)!;
	assert.equal((searched.at(newest) as {text: string}).text, 'line 19');
	const older = nextMatch(searched, newest, -1)!;
	assert.equal((searched.at(older) as {text: string}).text, 'line 18');
	assert.equal(nextMatch(searched, newest, 1), undefined);
});

test(':logs options: --since durations and dates, --tail', () => {
	const now = Date.parse('2026-12-02T16:00:00Z');
	assert.equal(parseSince('10m', now), now - 600_000);
	assert.equal(parseSince('1h30m', now), now - 5_400_000);
	assert.equal(parseSince('2026-12-02T15:00:00Z', now), now - 3_600_000);
	assert.equal(parseSince('soon', now), undefined);
});
