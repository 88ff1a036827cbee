import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {completePath} from '../../source/host/path-complete.js';

const tree = {
	'/work': [
		{name: 'app', folder: true},
		{name: 'api', folder: true},
		{name: 'apple.tar', folder: false},
		{name: '.hidden', folder: true},
		{name: 'notes', folder: false},
	],
	'/work/app': [{name: 'Dockerfile', folder: false}],
	'/home/me': [{name: 'src', folder: true}],
	'/home/me/src': [
		{name: 'one', folder: true},
		{name: 'two', folder: true},
	],
} as Record<string, Array<{name: string; folder: boolean}>>;
const options = {
	cwd: '/work',
	home: '/home/me',
	list: (folder: string) => tree[folder] ?? [],
};

test('a path completes as far as the entries agree, in the form it was typed', () => {
	assert.deepEqual(completePath('ap', options), {
		text: 'ap',
		candidates: ['api/', 'app/', 'apple.tar'],
	});
	assert.equal(completePath('app', options).text, 'app');
	assert.equal(completePath('apple', options).text, 'apple.tar');
	assert.equal(completePath('no', options).text, 'notes');
	// A lone folder gets its slash; inside it, its entries.
	assert.equal(completePath('app/', options).text, 'app/Dockerfile');
	assert.equal(completePath('/work/api', options).text, '/work/api/');
	assert.equal(completePath('~', options).text, '~/');
	assert.equal(completePath('~/s', options).text, '~/src/');
	assert.deepEqual(completePath('~/src/', options).candidates, [
		'one/',
		'two/',
	]);
	// Nothing matches: unchanged.
	assert.deepEqual(completePath('zzz', options), {text: 'zzz', candidates: []});
	assert.deepEqual(completePath('/nowhere/x', options), {
		text: '/nowhere/x',
		candidates: [],
	});
});

test('folders only for a build context; hidden entries only after a dot', () => {
	assert.deepEqual(completePath('ap', {...options, foldersOnly: true}), {
		text: 'ap',
		candidates: ['api/', 'app/'],
	});
	assert.equal(completePath('n', {...options, foldersOnly: true}).text, 'n');
	assert.equal(
		completePath('', options).candidates.includes('.hidden/'),
		false,
	);
	assert.equal(completePath('.h', options).text, '.hidden/');
});

test('on the real disk: folders (and links to folders) end in a slash', () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-complete-'));
	try {
		fs.mkdirSync(path.join(root, 'context'));
		fs.writeFileSync(path.join(root, 'context.tar'), '');
		fs.symlinkSync(path.join(root, 'context'), path.join(root, 'linked'));
		assert.deepEqual(completePath(`${root}/c`).candidates, [
			'context.tar',
			'context/',
		]);
		assert.equal(completePath(`${root}/l`).text, `${root}/linked/`);
		assert.equal(
			completePath(`${root}/c`, {foldersOnly: true}).text,
			`${root}/context/`,
		);
	} finally {
		fs.rmSync(root, {recursive: true, force: true});
	}
});
