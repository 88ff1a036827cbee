import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {contextDirName} from '../../source/engine/connection.js';
import {
	contextEndpoint,
	listContexts,
	useContext,
} from '../../source/engine/contexts.js';
import {tagId, untagId} from '../../source/engine/multi-engine.js';
import reducer from '../../source/state/reducer.js';
import {readOnlyReason} from '../../source/state/engine-switch.js';
import {initialState} from '../../source/state/types.js';

function configWith(
	contexts: Record<string, {host: string; description?: string}>,
) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-unit-ctx-'));
	for (const [name, {host, description}] of Object.entries(contexts)) {
		const folder = path.join(dir, 'contexts', 'meta', contextDirName(name));
		fs.mkdirSync(folder, {recursive: true});
		fs.writeFileSync(
			path.join(folder, 'meta.json'),
			JSON.stringify({
				Name: name,
				Metadata: description ? {Description: description} : {},
				Endpoints: {docker: {Host: host, SkipTLSVerify: false}},
			}),
		);
	}

	return dir;
}

test('contexts are read like the CLI: default first, then by name, the current one marked; DOCKER_HOST listed when set', () => {
	const dir = configWith({
		prod: {host: 'ssh://me@prod', description: 'production'},
		build: {host: 'tcp://127.0.0.1:2375'},
	});
	fs.writeFileSync(
		path.join(dir, 'config.json'),
		JSON.stringify({currentContext: 'prod', auths: {x: {}}}),
	);
	const env = {DOCKER_CONFIG: dir};
	const entries = listContexts({env, homeDir: '/nowhere'});
	assert.deepEqual(
		entries.map(entry => [entry.name, entry.endpoint, entry.current]),
		[
			['default', 'unix:///var/run/docker.sock', false],
			['build', 'tcp://127.0.0.1:2375', false],
			['prod', 'ssh://me@prod', true],
		],
	);
	assert.equal(entries[2]!.description, 'production');
	const withHost = listContexts({
		env: {...env, DOCKER_HOST: 'tcp://127.0.0.1:1'},
		homeDir: '/nowhere',
	});
	assert.equal(withHost[0]!.name, 'DOCKER_HOST');
	assert.equal(
		contextEndpoint(withHost[2]!, {
			env: {...env, DOCKER_HOST: 'tcp://127.0.0.1:1'},
			homeDir: '/',
		}).host,
		'tcp://127.0.0.1:2375',
	);
	fs.rmSync(dir, {recursive: true, force: true});
});

test('useContext writes currentContext like `docker context use` and keeps the rest of config.json; an unknown name is refused', () => {
	const dir = configWith({build: {host: 'tcp://127.0.0.1:2375'}});
	fs.writeFileSync(
		path.join(dir, 'config.json'),
		JSON.stringify({auths: {a: {auth: 'x'}}}),
	);
	const options = {env: {DOCKER_CONFIG: dir}, homeDir: '/nowhere'};
	useContext('build', options);
	let config = JSON.parse(
		fs.readFileSync(path.join(dir, 'config.json'), 'utf8'),
	);
	assert.deepEqual(config, {auths: {a: {auth: 'x'}}, currentContext: 'build'});
	useContext('default', options);
	config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
	assert.deepEqual(config, {auths: {a: {auth: 'x'}}});
	assert.throws(() => {
		useContext('nope', options);
	}, /no Docker context named "nope"/);
	fs.rmSync(dir, {recursive: true, force: true});
});

test('several engines: ids carry their engine; a read-only context; a switch resets the lists and keeps the pane and filters', () => {
	assert.deepEqual(untagId(tagId('sha256:abc', 2)), {
		index: 2,
		id: 'sha256:abc',
	});
	assert.deepEqual(untagId('plain'), {index: 0, id: 'plain'});
	assert.match(
		readOnlyReason(['prod'], {readOnly: false, readOnlyContexts: ['prod']}) ??
			'',
		/context prod is read-only/,
	);
	assert.equal(
		readOnlyReason(['dev'], {readOnly: false, readOnlyContexts: ['prod']}),
		undefined,
	);
	let state = reducer(initialState('unix:///a'), {
		type: 'ui/pane',
		pane: 'images',
	});
	state = reducer(state, {type: 'ui/filter-change', text: 'web'});
	state = reducer(state, {
		type: 'images/listed',
		images: [
			{
				id: 'x',
				repoTags: [],
				repoDigests: [],
				created: 0,
				size: 0,
				dangling: false,
				labels: {},
			},
		],
	});
	const switched = reducer(state, {
		type: 'engine/switched',
		host: 'tcp://b:2376',
		context: 'b',
		readOnly: true,
	});
	assert.equal(switched.images.size, 0);
	assert.equal(switched.loaded.images, false);
	assert.equal(switched.context, 'b');
	assert.equal(switched.readOnly, true);
	assert.equal(switched.ui.pane, 'images');
	assert.equal(switched.connection.host, 'tcp://b:2376');
});
