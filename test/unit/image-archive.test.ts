/**
`imageArchiveProblem` (the load form's check): a plain tar is walked header by header with its bodies skipped, so a
`manifest.json` after big layers is found without reading them; GNU long names, PAX paths and ustar prefixes are
names like any other; a damaged header, a tar without a manifest and a file that is no tar are each said in words.
*/
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {imageArchiveProblem} from '../../source/host/host-files.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'image-archive-'));
test.after(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

/**
A tar of `files` (name → size in bytes, or text) made by the system's tar in `format`.
*/
function makeTar(
	name: string,
	files: Record<string, number | string>,
	format = 'gnu',
): string {
	const root = fs.mkdtempSync(path.join(folder, 'root-'));
	for (const [file, content] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
		fs.writeFileSync(
			path.join(root, file),
			typeof content === 'string' ? content : Buffer.alloc(content, 7),
		);
	}

	const tar = path.join(folder, name);
	execFileSync('tar', [
		`--format=${format}`,
		'-C',
		root,
		'-cf',
		tar,
		...Object.keys(files),
	]);
	return tar;
}

const long = `${'a'.repeat(120)}/${'b'.repeat(60)}/layer.tar`;

test('a manifest.json after the layers is found, in every tar format', async () => {
	for (const format of ['gnu', 'pax', 'ustar']) {
		const tar = makeTar(
			`save-${format}.tar`,
			{
				// Long names: GNU 'L' entries, PAX 'x' headers, the ustar prefix field.
				[format === 'ustar'
					? `${'a'.repeat(90)}/${'b'.repeat(60)}/layer.tar`
					: long]: 3_000_000,
				'0123abcd.json': '{}',
				'manifest.json': '[]',
				repositories: '{}',
			},
			format,
		);
		// eslint-disable-next-line no-await-in-loop
		assert.equal(await imageArchiveProblem(tar), undefined, format);
	}
});

test('a tar without a manifest, a damaged tar and a file that is no tar are said in words', async () => {
	const plain = makeTar('plain.tar', {'etc/hostname': 'x\n', [long]: 1000});
	assert.match(
		(await imageArchiveProblem(plain)) ?? '',
		/plain\.tar is not an image archive: it has no manifest\.json/,
	);

	const damaged = makeTar('damaged.tar', {
		'first.bin': 1024,
		'manifest.json': '[]',
	});
	const bytes = fs.readFileSync(damaged);
	// The second header (after 512 + 1024 bytes) gets garbage in its name: its checksum no longer adds up.
	bytes.write('garbage', 512 + 1024, 'latin1');
	fs.writeFileSync(damaged, bytes);
	assert.match(
		(await imageArchiveProblem(damaged)) ?? '',
		/damaged\.tar is not an image archive \(its tar is damaged\)/,
	);

	const text = path.join(folder, 'notes.txt');
	fs.writeFileSync(text, 'hello\n'.repeat(200));
	assert.match((await imageArchiveProblem(text)) ?? '', /not a tar at all/);
});

test('a gzipped image archive is read through and found', async () => {
	const tar = makeTar('gz.tar', {'layer.tar': 100_000, 'manifest.json': '[]'});
	execFileSync('gzip', ['-k', tar]);
	assert.equal(await imageArchiveProblem(`${tar}.gz`), undefined);
});
