import test from 'node:test';
import assert from 'node:assert/strict';
import {createNdjsonParser} from '../../source/engine/ndjson.js';

// Recorded from a Docker 20.10 `/events` stream (shortened ids), plus one event whose container name has
// multi-byte UTF-8 in it (2, 3 and 4 bytes: é, ☃, 🐳) so that chunk boundaries fall inside characters.
const recorded = [
	'{"status":"tag","id":"sha256:6f2a999ce49a","Type":"image","Action":"tag","Actor":{"ID":"sha256:6f2a999ce49a","Attributes":{"dockpit.test":"image","name":"dockpit-test/busybox:local"}},"scope":"local","time":1795396203,"timeNano":1795396203210628008}',
	'{"status":"create","id":"b64b2a1a6687","from":"dockpit-test/busybox:local","Type":"container","Action":"create","Actor":{"ID":"b64b2a1a6687","Attributes":{"image":"dockpit-test/busybox:local","name":"friendly_ptolemy"}},"scope":"local","time":1795396203,"timeNano":1795396203248230375}',
	'{"Type":"network","Action":"connect","Actor":{"ID":"96100b1eb955","Attributes":{"container":"b64b2a1a6687","name":"bridge","type":"bridge"}},"scope":"local","time":1795396203,"timeNano":1795396203261547036}',
	'{"status":"start","id":"b64b2a1a6687","Type":"container","Action":"start","Actor":{"ID":"b64b2a1a6687","Attributes":{"name":"café-☃-🐳"}},"scope":"local","time":1795396204,"timeNano":1795396204507488018}',
];
const sample = new TextEncoder().encode(
	recorded.map(line => `${line}\n`).join(''),
);
const expected = recorded.map(line => JSON.parse(line) as unknown);

test('a whole sample in one chunk gives every object, in order', () => {
	const parser = createNdjsonParser();
	assert.deepEqual([...parser.push(sample), ...parser.end()], expected);
});

test('a split at every byte boundary gives the same objects', () => {
	for (let cut = 0; cut <= sample.length; cut++) {
		const malformed: string[] = [];
		const parser = createNdjsonParser({
			onMalformed: line => malformed.push(line),
		});
		const objects = [
			...parser.push(sample.subarray(0, cut)),
			...parser.push(sample.subarray(cut)),
			...parser.end(),
		];
		assert.deepEqual(objects, expected, `split at byte ${cut}`);
		assert.deepEqual(malformed, [], `split at byte ${cut}`);
	}
});

test('three-way splits around the multi-byte characters give the same objects', () => {
	const start = sample.length - recorded[3]!.length - 1;
	for (let first = start; first < sample.length; first++) {
		for (
			let second = first;
			second <= Math.min(sample.length, first + 8);
			second++
		) {
			const parser = createNdjsonParser();
			const objects = [
				...parser.push(sample.subarray(0, first)),
				...parser.push(sample.subarray(first, second)),
				...parser.push(sample.subarray(second)),
				...parser.end(),
			];
			assert.deepEqual(objects, expected, `split at ${first} and ${second}`);
		}
	}
});

test('byte-at-a-time feeding gives the same objects, each as soon as its line is complete', () => {
	const parser = createNdjsonParser();
	const objects: unknown[] = [];
	for (const [index, byte] of sample.entries()) {
		const completed = parser.push(Uint8Array.of(byte));
		if (byte === 0x0a) {
			assert.equal(
				completed.length,
				1,
				`newline at ${index} completes one object`,
			);
		} else {
			assert.equal(completed.length, 0);
		}

		objects.push(...completed);
	}

	assert.deepEqual(objects, expected);
	assert.equal(
		(objects[3] as {Actor: {Attributes: {name: string}}}).Actor.Attributes.name,
		'café-☃-🐳',
	);
});

test('the caller may reuse its chunk buffer', () => {
	const parser = createNdjsonParser();
	const buffer = new Uint8Array(16);
	const objects: unknown[] = [];
	for (let offset = 0; offset < sample.length; offset += buffer.length) {
		const part = sample.subarray(offset, offset + buffer.length);
		buffer.set(part);
		objects.push(...parser.push(buffer.subarray(0, part.length)));
		buffer.fill(0x41);
	}

	assert.deepEqual(objects, expected);
});

const cases: Array<{
	name: string;
	input: string[];
	objects: unknown[];
	malformed: string[];
}> = [
	{
		name: 'CRLF line endings',
		input: ['{"a":1}\r\n{"b":2}\r', '\n'],
		objects: [{a: 1}, {b: 2}],
		malformed: [],
	},
	{
		name: 'CR and LF in separate chunks',
		input: ['{"a":1}\r', '\n{"b":2}\r\n'],
		objects: [{a: 1}, {b: 2}],
		malformed: [],
	},
	{
		name: 'a malformed line is skipped and reported, the rest still parse',
		input: ['{"a":1}\n{"b":\n{"c":3}\n'],
		objects: [{a: 1}, {c: 3}],
		malformed: ['{"b":'],
	},
	{
		name: 'values that are not objects are reported',
		input: ['42\n"text"\nnull\n[1,2]\n{"ok":true}\n'],
		objects: [{ok: true}],
		malformed: ['42', '"text"', 'null', '[1,2]'],
	},
	{
		name: 'blank lines are ignored silently',
		input: ['\n\r\n   \n{"a":1}\n\n'],
		objects: [{a: 1}],
		malformed: [],
	},
	{
		name: 'several objects in one chunk',
		input: ['{"a":1}\n{"a":2}\n{"a":3}\n'],
		objects: [{a: 1}, {a: 2}, {a: 3}],
		malformed: [],
	},
	{
		name: 'a last line without a newline is parsed at end()',
		input: ['{"a":1}\n{"a":2}'],
		objects: [{a: 1}, {a: 2}],
		malformed: [],
	},
	{
		name: 'a truncated last line is reported at end()',
		input: ['{"a":1}\n{"a":'],
		objects: [{a: 1}],
		malformed: ['{"a":'],
	},
	{
		name: 'string chunks work too',
		input: ['{"name":"é', '"}\n'],
		objects: [{name: 'é'}],
		malformed: [],
	},
];

for (const {name, input, objects, malformed} of cases) {
	test(`ndjson: ${name}`, () => {
		const reported: string[] = [];
		const parser = createNdjsonParser({
			onMalformed: line => reported.push(line),
		});
		const parsed = [
			...input.flatMap(chunk => parser.push(chunk)),
			...parser.end(),
		];
		assert.deepEqual(parsed, objects);
		assert.deepEqual(reported, malformed);
	});
}

test('an over-long line is dropped without growing the buffer forever, and parsing resumes after it', () => {
	const reported: string[] = [];
	const parser = createNdjsonParser({
		maxLineBytes: 64,
		onMalformed: (_line, reason) => reported.push(reason),
	});
	const objects = [
		...parser.push('{"a":1}\n{"long":"'),
		...parser.push('x'.repeat(100)),
		...parser.push('x'.repeat(100)),
		...parser.push('"}\n{"b":2}\n'),
		...parser.end(),
	];
	assert.deepEqual(objects, [{a: 1}, {b: 2}]);
	assert.equal(reported.length, 1);
	assert.match(reported[0]!, /longer than 64 bytes/);
});

test('an over-long line completed within one chunk is dropped too', () => {
	const reported: string[] = [];
	const parser = createNdjsonParser({
		maxLineBytes: 16,
		onMalformed: (_line, reason) => reported.push(reason),
	});
	const objects = parser.push(`{"long":"${'x'.repeat(40)}"}\n{"b":2}\n`);
	assert.deepEqual(objects, [{b: 2}]);
	assert.equal(reported.length, 1);
});

test('a malformed line never throws, even from the callback-less parser', () => {
	const parser = createNdjsonParser();
	assert.deepEqual(parser.push('not json\n{"a":1}\n'), [{a: 1}]);
});
