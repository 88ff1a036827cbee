import assert from 'node:assert/strict';
import test from 'node:test';
import {type Outcome, summarize} from '../../source/commands/task.js';
import {imageRefusal, reason} from '../../source/commands/words.js';
import {EngineError} from '../../source/engine/types.js';
import reducer from '../../source/state/reducer.js';
import {initialState} from '../../source/state/types.js';

const web = {id: 'a'.repeat(64), name: 'web'};
const db = {id: 'b'.repeat(64), name: 'db'};
const cache = {id: 'c'.repeat(64), name: 'cache'};
const failure = (target: {id: string; name: string}, why: string): Outcome => ({
	target,
	ok: false,
	gone: false,
	conflict: true,
	reason: why,
	error: new EngineError('conflict', why, 409),
});

test('one object: done, already done, gone, failed', () => {
	assert.deepEqual(
		summarize([{target: web, ok: true, done: 'stopped'}], 'stop'),
		{
			text: 'Stopped web',
			level: 'success',
		},
	);
	assert.deepEqual(
		summarize(
			[{target: web, ok: true, done: 'stopped', already: 'already stopped'}],
			'stop',
		),
		{text: 'web was already stopped', level: 'info'},
	);
	assert.deepEqual(
		summarize(
			[
				{
					target: web,
					ok: false,
					gone: true,
					conflict: false,
					reason: 'No such container',
					error: undefined,
				},
			],
			'stop',
		),
		{text: 'web is gone: it was removed elsewhere', level: 'muted'},
	);
	assert.deepEqual(summarize([failure(web, 'is paused')], 'kill'), {
		text: 'Could not kill web: is paused',
		level: 'error',
	});
});

test('several objects: counts per outcome, the first failure with its reason', () => {
	assert.deepEqual(
		summarize(
			[
				{target: web, ok: true, done: 'stopped'},
				{target: db, ok: true, done: 'stopped'},
				{target: cache, ok: true, done: 'stopped'},
				failure({id: 'd', name: 'queue'}, 'the engine timed out'),
			],
			'stop',
		),
		{text: '3 stopped, 1 failed: queue: the engine timed out', level: 'error'},
	);
	assert.equal(
		summarize(
			[
				{target: web, ok: true, done: 'paused'},
				{target: db, ok: true, done: 'unpaused'},
			],
			'pause/unpause',
		).text,
		'1 paused, 1 unpaused',
	);
});

test('engine messages lose the id prefix and name known containers', () => {
	const state = reducer(initialState('x'), {
		type: 'containers/listed',
		containers: [
			{
				id: web.id,
				name: 'web',
				image: 'busybox',
				imageId: 'sha256:' + 'e'.repeat(64),
				command: 'sh',
				state: 'running',
				status: 'Up',
				created: 0,
				ports: [],
				labels: {},
			},
		],
		now: 0,
	});
	const error = new EngineError(
		'conflict',
		`container aaaaaaaaaaaa: Container ${web.id} is paused, unpause it first`,
		409,
	);
	assert.equal(
		reason(error, state),
		'Container web is paused, unpause it first',
	);
	assert.deepEqual(
		imageRefusal(
			new EngineError(
				'conflict',
				'image x: conflict: unable to delete eeeeeeeeeeee (cannot be forced) - image is being used by running container aaaaaaaaaaaa',
				409,
			),
			state,
		),
		{
			words:
				'running container web uses it; stop and remove that container first',
			forceable: false,
		},
	);
	assert.deepEqual(
		imageRefusal(
			new EngineError(
				'conflict',
				'conflict: unable to delete eeeeeeeeeeee (must be forced) - image is referenced in multiple repositories',
				409,
			),
			state,
			'sha256:' + 'e'.repeat(64),
		),
		{
			words: 'it has several tags, and container web (running) uses it',
			forceable: true,
		},
	);
	assert.equal(
		imageRefusal(
			new EngineError(
				'conflict',
				'conflict: unable to delete eeeeeeeeeeee (must be forced) - image is being used by stopped container aaaaaaaaaaaa',
				409,
			),
			state,
		).words,
		'stopped container web uses it',
	);
});
