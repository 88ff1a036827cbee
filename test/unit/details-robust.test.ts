import assert from 'node:assert/strict';
import test from 'node:test';
import stringWidth from 'string-width';
import {
	fit,
	graphemes,
	textWidth,
	truncate,
	wrapText,
} from '../../source/format/text.js';
import {
	detailsLines,
	detailsRows,
} from '../../source/ui/components/details-view.js';
import type {DetailsData} from '../../source/state/types.js';

const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const flag = '\u{1F1FA}\u{1F1F8}';
const accented = 'e\u0301';
const heart = '\u2764\uFE0F';

test('graphemes: a ZWJ sequence, a flag and a letter with a combining mark are one cluster each', () => {
	assert.deepEqual(graphemes(`a${family}${flag}${accented}b`), [
		'a',
		family,
		flag,
		accented,
		'b',
	]);
});

for (const width of [1, 2, 3, 4, 5, 6, 7, 8, 10, 13]) {
	test(`truncate and fit never split a cluster and always make up ${width} columns`, () => {
		const text = `${family}x${flag}${accented}${heart}日本${family}${family}`;
		const cut = truncate(text, width);
		assert.ok(textWidth(cut) <= width, `${cut} is ${textWidth(cut)} wide`);
		for (const cluster of graphemes(cut.replace(/…$/, ''))) {
			assert.ok(
				graphemes(text).includes(cluster),
				`${JSON.stringify(cluster)} is part of a cluster`,
			);
		}

		assert.equal(stringWidth(fit(text, width)), width);
		assert.equal(stringWidth(fit(text, width, 'right')), width);
	});
}

test('wrapText splits by cluster into lines that fit, and loses nothing', () => {
	const text = `${family.repeat(5)}abc${flag.repeat(3)}${accented.repeat(4)}`;
	const lines = wrapText(text, 5);
	assert.equal(lines.join(''), text);
	for (const line of lines) {
		assert.ok(textWidth(line) <= 5, line);
	}

	assert.deepEqual(wrapText('short', 10), ['short']);
	assert.deepEqual(wrapText('', 10), ['']);
});

const containerData = (
	env: string[],
	labels: Record<string, string> = {},
	name = 'web',
	ports: Array<{privatePort: number; publicPort: number}> = [],
): DetailsData =>
	({
		kind: 'container',
		details: {
			id: 'a'.repeat(64),
			name,
			image: 'busybox',
			imageId: 'sha256:' + 'b'.repeat(64),
			command: '',
			state: 'running',
			status: 'Up',
			created: 0,
			ports: ports.map(port => ({...port, type: 'tcp', ip: '0.0.0.0'})),
			labels,
			entrypoint: [],
			cmd: ['sleep', '600'],
			workingDir: '',
			tty: false,
			openStdin: false,
			restartPolicy: 'no',
			networks: [],
			mounts: [],
			env,
			pid: 1,
		},
	}) as unknown as DetailsData;

test('details mask env values and labels that look secret, until revealed', () => {
	const data = containerData(
		[
			'DB_PASSWORD=hunter2',
			'GITHUB_TOKEN=ghp_abc',
			'AWS_SECRET_ACCESS_KEY=wJalr',
			'PATH=/usr/bin',
		],
		{'api.key': 'x', 'traefik.auth.token': 'sekrit', tier: 'web'},
	);
	const shown = detailsLines(data, 0, 100)
		.map(line => line.text)
		.join('\n');
	for (const secret of ['hunter2', 'ghp_abc', 'wJalr', 'sekrit']) {
		assert.ok(!shown.includes(secret), `${secret} is masked`);
	}

	assert.match(shown, /DB_PASSWORD=••••/);
	assert.match(shown, /PATH=\/usr\/bin/);
	assert.match(shown, /tier=web/);
	const revealed = detailsLines(data, 0, 100, true)
		.map(line => line.text)
		.join('\n');
	assert.match(revealed, /DB_PASSWORD=hunter2/);
	assert.match(revealed, /traefik\.auth\.token=sekrit/);
});

test('details rows: a 200-character name and 50 ports are cut with … and shown whole when wrapped', () => {
	const name = 'n'.repeat(200);
	const ports = Array.from({length: 50}, (_, index) => ({
		privatePort: 8000 + index,
		publicPort: 18_000 + index,
	}));
	const lines = detailsLines(containerData([], {}, name, ports), 0, 80);
	const cut = detailsRows(lines, 80, false);
	assert.equal(cut.length, lines.length);
	for (const row of cut) {
		assert.ok(13 + textWidth(row.text) <= 80, row.text);
	}

	assert.ok(cut.some(row => row.cut && row.text.endsWith('…')));
	const wrapped = detailsRows(lines, 80, true);
	assert.ok(wrapped.length > lines.length);
	for (const row of wrapped) {
		assert.ok(13 + textWidth(row.text) <= 80, row.text);
	}

	const nameAt = wrapped.findIndex(row => row.label === 'Name');
	const nextLabel = wrapped.findIndex(
		(row, index) => index > nameAt && row.label !== '',
	);
	assert.equal(
		wrapped
			.slice(nameAt, nextLabel)
			.map(row => row.text)
			.join(''),
		name,
	);
	const portsShown = wrapped.map(row => row.text).join('');
	assert.match(portsShown, /18049/);
});
