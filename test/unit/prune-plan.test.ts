import assert from 'node:assert/strict';
import test from 'node:test';
import {
	filterArguments,
	filtersLine,
	matchLabels,
	noFilters,
	parseFilters,
	parseGoDuration,
	untilTime,
} from '../../source/cleanup/prune-filters.js';
import {
	itemKey,
	planPrune,
	type PruneData,
	type PruneOptions,
	whyNotNow,
} from '../../source/cleanup/prune-plan.js';
import {pruneRows, toggleRow} from '../../source/cleanup/prune-rows.js';
import {cleanupMethods} from '../../source/engine/docker-cleanup.js';
import type {
	DiskContainer,
	DiskImage,
	DiskVolume,
} from '../../source/engine/cleanup-types.js';
import {emptyDisk, network, volume} from '../helpers/fake-cleanup.js';

const now = Date.parse('2026-12-02T12:00:00Z');
const hour = 3_600_000;

function diskContainer(
	patch: Partial<DiskContainer> & {id: string},
): DiskContainer {
	return {
		name: patch.id,
		image: 'busybox',
		imageId: 'sha256:base',
		state: 'exited',
		status: 'Exited (0)',
		created: now - 2 * hour,
		labels: {},
		sizeRw: 10,
		volumes: [],
		...patch,
	};
}

function diskImage(patch: Partial<DiskImage> & {id: string}): DiskImage {
	return {
		parentId: '',
		repoTags: [],
		repoDigests: [],
		created: now - 2 * hour,
		size: 1000,
		sharedSize: 400,
		labels: {},
		containers: 0,
		...patch,
	};
}

function diskVolume(patch: Partial<DiskVolume> & {name: string}): DiskVolume {
	return {...volume(patch), size: 50, refCount: 0, ...patch};
}

const data: PruneData = {
	now,
	disk: {
		...emptyDisk,
		containers: [
			diskContainer({
				id: 'c-exited',
				name: 'old',
				volumes: ['v-anon-used-by-old'],
			}),
			diskContainer({
				id: 'c-running',
				name: 'web',
				state: 'running',
				imageId: 'sha256:used',
				volumes: ['named-in-use'],
			}),
			diskContainer({id: 'c-paused', name: 'paused', state: 'paused'}),
			diskContainer({
				id: 'c-created',
				name: 'made',
				state: 'created',
				created: now - 10 * 60_000,
				labels: {team: 'a'},
			}),
			diskContainer({
				id: 'c-dangler',
				name: 'keeps-dangling',
				imageId: 'sha256:dangling-used',
			}),
		],
		images: [
			diskImage({id: 'sha256:base', repoTags: ['busybox:local']}),
			diskImage({id: 'sha256:used', repoTags: ['app:1']}),
			diskImage({id: 'sha256:dangling', labels: {team: 'a'}}),
			diskImage({id: 'sha256:dangling-used'}),
			// An intermediate layer of a build: untagged with a child: never a head.
			diskImage({id: 'sha256:intermediate'}),
			diskImage({
				id: 'sha256:child',
				parentId: 'sha256:intermediate',
				repoTags: ['child:1'],
			}),
			diskImage({
				id: 'sha256:tagged-unused',
				repoTags: ['old:1', 'old:2'],
				created: now - 30 * hour,
			}),
		],
		volumes: [
			diskVolume({name: 'a'.repeat(64)}),
			diskVolume({name: 'v-anon-used-by-old', anonymous: true}),
			diskVolume({name: 'named-free'}),
			diskVolume({name: 'named-in-use'}),
			diskVolume({name: 'nfs', options: {type: 'nfs'}, anonymous: true}),
		],
		buildCache: [
			{
				id: 'cache1',
				parent: '',
				type: 'regular',
				description: 'RUN x',
				inUse: false,
				shared: false,
				size: 70,
				created: now - 50 * hour,
				lastUsed: now - 48 * hour,
				usageCount: 1,
			},
			{
				id: 'cache2',
				parent: '',
				type: 'regular',
				description: 'RUN y',
				inUse: true,
				shared: false,
				size: 30,
				created: now,
				lastUsed: now,
				usageCount: 1,
			},
		],
	},
	networks: [
		network({id: 'n-bridge', name: 'bridge'}),
		network({id: 'n-free', name: 'free', created: now - 5 * hour}),
		network({
			id: 'n-busy',
			name: 'busy',
			containers: [{id: 'c-running', name: 'web', ipv4: '', ipv6: '', mac: ''}],
		}),
		network({id: 'n-swarm', name: 'swarmy', scope: 'swarm'}),
	],
};

const options = (patch: Partial<PruneOptions> = {}): PruneOptions => ({
	allImages: false,
	namedVolumes: false,
	filters: noFilters,
	...patch,
});

const ids = (plan: ReturnType<typeof planPrune>, kind: string) =>
	plan.groups.find(group => group.kind === kind)!.items.map(item => item.id);

test('the plan takes what the engine prunes, kind by kind', () => {
	const plan = planPrune(data, options());
	assert.deepEqual(ids(plan, 'container').sort(), [
		'c-created',
		'c-dangler',
		'c-exited',
	]);
	// Dangling heads only: dangling-used too, as the container using it goes as well.
	assert.deepEqual(ids(plan, 'image').sort(), [
		'sha256:dangling',
		'sha256:dangling-used',
	]);
	// Anonymous and local without options; the one old mounted is free once old goes.
	assert.deepEqual(ids(plan, 'volume').sort(), [
		'a'.repeat(64),
		'v-anon-used-by-old',
	]);
	assert.deepEqual(ids(plan, 'network'), ['n-free']);
	assert.deepEqual(ids(plan, 'build-cache'), ['cache1']);
	// Sizes: an image frees what it does not share.
	assert.equal(plan.groups[1]!.items[0]!.size, 600);
	assert.equal(
		plan.total,
		plan.selected.reduce((sum, item) => sum + Math.max(0, item.size), 0),
	);
});

test('an unticked container keeps its image and volumes in use', () => {
	const unticked = new Set([
		itemKey({kind: 'container', id: 'c-exited'}),
		itemKey({kind: 'container', id: 'c-dangler'}),
	]);
	const plan = planPrune(data, options(), unticked);
	assert.deepEqual(ids(plan, 'image'), ['sha256:dangling']);
	assert.deepEqual(ids(plan, 'volume'), ['a'.repeat(64)]);
	assert.ok(!plan.selected.some(item => item.id === 'c-exited'));
});

test('-a takes tagged unused images (with their tags); --all takes named volumes, marked as data loss', () => {
	const plan = planPrune(data, options({allImages: true, namedVolumes: true}));
	// Tagged or not, unused; the untagged intermediate (it has a child) and the base (a paused container uses it) stay.
	assert.deepEqual(ids(plan, 'image').sort(), [
		'sha256:child',
		'sha256:dangling',
		'sha256:dangling-used',
		'sha256:tagged-unused',
	]);
	const tagged = plan.groups[1]!.items.find(
		item => item.id === 'sha256:tagged-unused',
	)!;
	assert.deepEqual(tagged.tags, ['old:1', 'old:2']);
	const named = plan.groups[2]!.items.find(item => item.id === 'named-free')!;
	assert.equal(named.dataLoss, true);
	assert.ok(!ids(plan, 'volume').includes('named-in-use'));
	assert.ok(!ids(plan, 'volume').includes('nfs'));
});

test('until: only older objects; no volumes (the engine takes no until there); build cache by last use', () => {
	const plan = planPrune(
		data,
		options({filters: {...noFilters, until: '24h'}}),
	);
	assert.deepEqual(ids(plan, 'container'), []);
	assert.deepEqual(ids(plan, 'volume'), []);
	assert.match(plan.groups[2]!.note!, /until/);
	assert.deepEqual(ids(plan, 'build-cache'), ['cache1']);
	const young = planPrune(
		data,
		options({filters: {...noFilters, until: '1h'}}),
	);
	assert.deepEqual(ids(young, 'container').sort(), ['c-dangler', 'c-exited']);
	assert.deepEqual(ids(young, 'network'), ['n-free']);
});

test('label filters: key=value must match; label! leaves out; build cache never with labels', () => {
	const plan = planPrune(
		data,
		options({filters: {...noFilters, labels: ['team=a']}}),
	);
	assert.deepEqual(ids(plan, 'container'), ['c-created']);
	assert.deepEqual(ids(plan, 'image'), ['sha256:dangling']);
	assert.deepEqual(ids(plan, 'build-cache'), []);
	const not = planPrune(
		data,
		options({filters: {...noFilters, notLabels: ['team']}}),
	);
	assert.ok(!ids(not, 'container').includes('c-created'));
	assert.ok(ids(not, 'container').includes('c-exited'));
});

test('a bad until is an error in words, and nothing is planned', () => {
	const plan = planPrune(
		data,
		options({filters: {...noFilters, until: 'soon'}}),
	);
	assert.equal(plan.selected.length, 0);
	assert.match(plan.error!, /neither a duration/);
});

test('whyNotNow: a container started meanwhile, an image now used, a network now attached', () => {
	const shown = planPrune(data, options());
	const fresh: PruneData = {
		...data,
		disk: {
			...data.disk,
			containers: data.disk.containers.map(each =>
				each.id === 'c-dangler' ? {...each, state: 'running'} : each,
			),
		},
		networks: data.networks.map(each =>
			each.id === 'n-free'
				? {
						...each,
						containers: [{id: 'x', name: 'late', ipv4: '', ipv6: '', mac: ''}],
					}
				: each,
		),
	};
	const freshPlan = planPrune(fresh, options());
	const item = (id: string) => shown.selected.find(each => each.id === id)!;
	assert.equal(
		whyNotNow(item('c-dangler'), fresh, freshPlan),
		'it is running now',
	);
	assert.equal(
		whyNotNow(item('sha256:dangling-used'), fresh, freshPlan),
		'it is used by keeps-dangling now',
	);
	assert.equal(
		whyNotNow(item('n-free'), fresh, freshPlan),
		'late is attached now',
	);
	assert.equal(whyNotNow(item('c-exited'), fresh, freshPlan), undefined);
	const gone: PruneData = {...fresh, disk: {...fresh.disk, containers: []}};
	assert.equal(
		whyNotNow(item('c-exited'), gone, planPrune(gone, options())),
		'it is gone already',
	);
});

test('preview rows: options, a heading per kind, items; Space ticks an item, a kind, an option', () => {
	const plan = planPrune(data, options());
	const rows = pruneRows(plan, options(), new Set());
	assert.equal(rows[0]!.type, 'option');
	assert.equal(rows[1]!.type, 'option');
	const heading = rows.find(
		row => row.type === 'group' && row.kind === 'container',
	)!;
	const item = rows.find(row => row.type === 'item')!;
	const afterItem = toggleRow(item, options(), new Set(), plan);
	assert.equal(afterItem.unticked.size, 1);
	const afterKind = toggleRow(heading, options(), new Set(), plan);
	assert.equal(afterKind.unticked.size, 3);
	const back = toggleRow(
		pruneRows(plan, options(), afterKind.unticked).find(
			row => row.type === 'group' && row.kind === 'container',
		)!,
		options(),
		afterKind.unticked,
		plan,
	);
	assert.equal(back.unticked.size, 0);
	const named = toggleRow(rows[1]!, options(), new Set(), plan);
	assert.equal(named.options.namedVolumes, true);
});

test('filters: Go durations, dates, timestamps; the CLI line and back', () => {
	assert.equal(parseGoDuration('1h30m'), 90 * 60_000);
	assert.equal(parseGoDuration('1.5h'), 90 * 60_000);
	assert.equal(parseGoDuration('10'), undefined);
	assert.deepEqual(untilTime('24h', now), {ok: true, value: now - 24 * hour});
	assert.deepEqual(untilTime('2026-12-01T12:00:00Z', now), {
		ok: true,
		value: now - 24 * hour,
	});
	assert.deepEqual(untilTime('1700000000', now), {
		ok: true,
		value: 1_700_000_000_000,
	});
	assert.equal(untilTime('yesterday', now).ok, false);
	const parsed = parseFilters(
		'until=24h label=a=b label!=keep --filter=label=c',
		now,
	);
	assert.ok(parsed.ok);
	assert.deepEqual(parsed.value, {
		until: '24h',
		labels: ['a=b', 'c'],
		notLabels: ['keep'],
	});
	assert.equal(
		filtersLine(parsed.value),
		'until=24h label=a=b label=c label!=keep',
	);
	assert.deepEqual(filterArguments(parsed.value), [
		'--filter',
		'until=24h',
		'--filter',
		'label=a=b',
		'--filter',
		'label=c',
		'--filter',
		'label!=keep',
	]);
	assert.equal(parseFilters('until=1h until=2h', now).ok, false);
	assert.equal(parseFilters('name=x', now).ok, false);
	assert.equal(parseFilters('label=', now).ok, false);
	assert.ok(matchLabels({...noFilters, labels: ['a']}, {a: ''}));
	assert.ok(!matchLabels({...noFilters, labels: ['a=1']}, {a: '2'}));
	assert.ok(!matchLabels({...noFilters, labels: ['a']}, {}));
	assert.ok(matchLabels({...noFilters, notLabels: ['a=1']}, {a: '2'}));
});

test('build cache: several ids go one per call (the engine ANDs id filters in one call)', async () => {
	const dials: unknown[] = [];
	const docker = {
		modem: {
			dial(
				options: {options: {filters: {id: string[]}}},
				callback: (error: unknown, data: unknown) => void,
			) {
				dials.push(options.options.filters.id);
				const [id] = options.options.filters.id;
				callback(null, {CachesDeleted: [id], SpaceReclaimed: 10});
			},
		},
	};
	const methods = cleanupMethods(docker as never, async (_what, run) => run());
	const answer = await methods.pruneBuildCache(['a', 'b', 'c']);
	assert.deepEqual(dials, [['a'], ['b'], ['c']]);
	assert.deepEqual(answer, {deleted: ['a', 'b', 'c'], reclaimed: 30});
	assert.deepEqual(await methods.pruneBuildCache([]), {
		deleted: [],
		reclaimed: 0,
	});
	assert.equal(dials.length, 3);
});

test(':prune, :df and the other line commands check their words before anything runs', async () => {
	const {cleanupLineCommands, parsePruneWords} =
		await import('../../source/commands/cleanup-line.js');
	assert.deepEqual(
		parsePruneWords(
			['-a', '--volumes', '--filter', 'label=x=1', 'until=24h'],
			now,
		),
		{
			ok: true,
			value: {
				allImages: true,
				namedVolumes: true,
				filters: {until: '24h', labels: ['x=1'], notLabels: []},
			},
		},
	);
	assert.equal(parsePruneWords(['--filter'], now).ok, false);
	assert.equal(parsePruneWords(['name=x'], now).ok, false);
	assert.equal(cleanupLineCommands.df.prepare(['-v'], now).ok, true);
	assert.equal(cleanupLineCommands.df.prepare(['images'], now).ok, true);
	const bad = cleanupLineCommands.df.prepare(['everything'], now);
	assert.ok(!bad.ok);
	assert.match(bad.error, /not one of those/);
	assert.equal(cleanupLineCommands.info.prepare(['x'], now).ok, false);
	assert.equal(cleanupLineCommands.volumes.prepare(['web'], now).ok, true);
});

test('disk usage: a refusal because another one is running is waited out; other errors are not', async () => {
	const {EngineError} = await import('../../source/engine/types.js');
	let calls = 0;
	const docker = {
		async df() {
			return {
				LayersSize: 5,
				Images: [],
				Containers: [],
				Volumes: [],
				BuildCache: [],
			};
		},
	};
	const busy = cleanupMethods(docker as never, async (_what, run) => {
		calls++;
		if (calls <= 2) {
			throw new EngineError(
				'conflict',
				'disk usage: a disk usage operation is already running',
				409,
			);
		}

		return run();
	});
	assert.equal((await busy.diskUsage()).layersSize, 5);
	assert.equal(calls, 3);
	const broken = cleanupMethods(docker as never, async () => {
		throw new EngineError('server', 'disk usage: boom', 500);
	});
	await assert.rejects(broken.diskUsage(), /boom/);
});
