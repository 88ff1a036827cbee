import assert from 'node:assert/strict';
import {test} from 'node:test';
import {prepareCompose} from '../../source/commands/compose-command.js';
import {logSources} from '../../source/commands/project-logs.js';
import {
	createLineSplitter,
	splitTimestamp,
} from '../../source/engine/container-logs.js';
import {
	composeArguments,
	createOutputLines,
} from '../../source/host/compose-cli.js';
import {mergeLines} from '../../source/state/project-logs.js';
import {projectRows, projectSpec} from '../../source/state/projects.js';
import reducer from '../../source/state/reducer.js';
import {initialState} from '../../source/state/types.js';
import {container} from '../helpers/fake-engine.js';

const labels = (project: string, service: string, number: number) => ({
	'com.docker.compose.project': project,
	'com.docker.compose.service': service,
	'com.docker.compose.container-number': String(number),
	'com.docker.compose.project.working_dir': `/srv/${project}`,
	'com.docker.compose.project.config_files': 'a.yml,b.yml',
});

function stateWith(...rows: ReturnType<typeof container>[]) {
	return reducer(initialState('unix:///x'), {
		type: 'containers/listed',
		containers: rows,
		now: Date.now(),
	});
}

const web1 = container({
	id: '1'.repeat(64),
	name: 'w1',
	labels: labels('shop', 'web', 1),
});
const web2 = container({
	id: '2'.repeat(64),
	name: 'w2',
	labels: labels('shop', 'web', 2),
});
const run = container({
	id: '3'.repeat(64),
	name: 'shop_web_run_1',
	labels: {...labels('shop', 'web', 1), 'com.docker.compose.oneoff': 'True'},
});

test('the tree: compose run containers come after the numbered ones; a fold hides what is under it', () => {
	let state = stateWith(
		web2,
		run,
		web1,
		container({id: '9'.repeat(64), name: 'plain'}),
	);
	assert.deepEqual(
		projectRows(state).map(row => row.key),
		[
			'p:shop',
			's:shop\u0000web',
			`c:${web1.id}`,
			`c:${web2.id}`,
			`c:${run.id}`,
		],
	);
	state = reducer(state, {type: 'projects/toggle', key: 's:shop\u0000web'});
	assert.deepEqual(
		projectRows(state).map(row => row.key),
		['p:shop', 's:shop\u0000web'],
	);
	assert.deepEqual(projectSpec(state, 'shop'), {
		project: 'shop',
		workingDir: '/srv/shop',
		configFiles: ['a.yml', 'b.yml'],
	});
});

test('log prefixes: the service, with the number when it has several; a compose run container by its name', () => {
	assert.deepEqual(
		[...logSources([web1, web2, run]).values()],
		['web.1', 'web.2', 'shop_web_run_1'],
	);
	assert.deepEqual([...logSources([web1]).values()], ['web']);
});

test('mergeLines keeps time order (stable for equal times) and only the newest lines', () => {
	const line = (time: number, seq: number) => ({
		time,
		seq,
		source: 's',
		stream: 'stdout' as const,
		text: String(seq),
	});
	const merged = mergeLines(
		[line(1, 0), line(3, 1)],
		[line(2, 2), line(3, 3), line(0, 4)],
	);
	assert.deepEqual(
		merged.map(each => each.seq),
		[4, 0, 2, 1, 3],
	);
	const many = mergeLines(
		[],
		Array.from({length: 2500}, (_, i) => line(i, i)),
	);
	assert.equal(many.length, 2000);
	assert.equal(many[0]!.seq, 500);
});

test('log lines: timestamps split off, lines cut at any byte (a character split in two too)', () => {
	assert.deepEqual(splitTimestamp('2026-01-02T03:04:05.123456789Z hello', 7), {
		time: Date.parse('2026-01-02T03:04:05.123Z'),
		text: 'hello',
	});
	assert.deepEqual(splitTimestamp('no stamp', 7), {time: 7, text: 'no stamp'});
	const text = Buffer.from('é one\ntwo\nthr');
	for (let cut = 0; cut <= text.length; cut++) {
		const splitter = createLineSplitter();
		const lines = [
			...splitter.push(text.subarray(0, cut)),
			...splitter.push(text.subarray(cut)),
			...splitter.end(),
		];
		assert.deepEqual(lines, ['é one', 'two', 'thr'], `cut at ${cut}`);
	}

	const output = createOutputLines();
	assert.deepEqual(
		[...output.push('a\r\nb\rc'), ...output.push('\nd'), ...output.end()],
		['a', 'b', 'c', 'd'],
	);
});

test('compose arguments: project, files, verb and service as a person would type them', () => {
	const spec = {
		project: 'shop',
		workingDir: '/srv/shop',
		configFiles: ['a.yml', 'b.yml'],
	};
	assert.deepEqual(composeArguments(spec, 'up'), [
		'-p',
		'shop',
		'-f',
		'a.yml',
		'-f',
		'b.yml',
		'up',
		'-d',
	]);
	assert.deepEqual(composeArguments(spec, 'recreate', 'web').slice(-4), [
		'up',
		'-d',
		'--force-recreate',
		'web',
	]);
	assert.deepEqual(composeArguments(spec, 'down').slice(-1), ['down']);
	assert.deepEqual(composeArguments(spec, 'down', 'web').slice(-4), [
		'rm',
		'--stop',
		'--force',
		'web',
	]);
	assert.deepEqual(composeArguments(spec, 'pull', 'web').slice(-2), [
		'pull',
		'web',
	]);
});

test(':compose checks its words against the state', () => {
	const state = stateWith(web1, web2);
	const error = (words: string[], readOnly = false) => {
		const result = prepareCompose(words, state, {readOnly});
		return result.ok ? 'ok' : result.error;
	};

	assert.equal(error([]), 'ok');
	assert.equal(error(['shop']), 'ok');
	assert.equal(error(['up', 'shop']), 'ok');
	assert.equal(error(['up', 'shop', 'web']), 'ok');
	assert.equal(error(['logs', 'shop'], true), 'ok');
	assert.equal(
		error(['up']),
		':compose up needs a project (and optionally a service)',
	);
	assert.equal(error(['up', 'nope']), 'no compose project nope');
	assert.equal(error(['up', 'shop', 'db']), 'project shop has no service db');
	assert.equal(
		error(['up', 'shop', 'web', 'x']),
		':compose up takes a project and at most one service, not x',
	);
	assert.equal(
		error(['fly', 'shop']),
		'no such compose action: fly (one of up, down, pull, build, recreate, stop, start, restart, pause, rm, logs)',
	);
	assert.equal(
		error(['down', 'shop'], true),
		':compose down changes the engine: not in --read-only',
	);
});
