import assert from 'node:assert/strict';
import test from 'node:test';
import {
	checkNetworkName,
	checkVolumeName,
	parseAliases,
	parseLabels,
	parseSubnet,
	validateNetworkForm,
	validatePruneFilters,
	validateVolumeForm,
} from '../../source/forms/cleanup-forms.js';

test('volume names: the local driver’s characters, at least two; empty means anonymous', () => {
	const cases: Array<[string, boolean]> = [
		['', true],
		['data', true],
		['my_data.v2-x', true],
		['a', false],
		['-data', false],
		['da ta', false],
		['da/ta', false],
		['dätä', false],
	];
	for (const [name, ok] of cases) {
		assert.equal(checkVolumeName(name) === undefined, ok, name);
	}

	const taken = validateVolumeForm(
		{name: 'data', driver: 'local', labels: ''},
		new Set(['data']),
	);
	assert.ok(!taken.ok);
	assert.match(taken.errors['name']!, /exists already/);
	const made = validateVolumeForm(
		{name: 'cache', driver: '', labels: 'team=web keep'},
		new Set(),
	);
	assert.deepEqual(made, {
		ok: true,
		value: {name: 'cache', driver: 'local', labels: {team: 'web', keep: ''}},
	});
});

test('network names: predefined ones and bad characters refused', () => {
	assert.match(checkNetworkName('bridge')!, /predefined/);
	assert.match(checkNetworkName('')!, /needs a name/);
	assert.match(checkNetworkName('bad name')!, /letters, digits/);
	assert.equal(checkNetworkName('backend_1.x-y'), undefined);
});

test('subnets: CIDR, prefix in range, no host bits, v4 and v6', () => {
	const cases: Array<[string, RegExp | undefined]> = [
		['172.28.0.0/16', undefined],
		['10.1.2.0/24', undefined],
		['fd00:1::/64', undefined],
		['172.28.0.1/16', /host bits are set; the network is 172\.28\.0\.0\/16/],
		['172.28.0.0', /address\/prefix/],
		['172.28.0.0/33', /0 to 32/],
		['300.1.1.0/24', /not an IPv4 or IPv6/],
		['10.0.0.0/31', /too small/],
		['fd00::/129', /0 to 128/],
		['garbage', /address\/prefix/],
	];
	for (const [input, error] of cases) {
		const result = parseSubnet(input);
		if (error) {
			assert.ok(!result.ok, input);
			assert.match(result.error, error, input);
		} else {
			assert.ok(result.ok, input);
		}
	}
});

test('the network form: gateway inside the subnet, needs a subnet; every error at once', () => {
	const bad = validateNetworkForm(
		{
			name: 'host',
			driver: 'bridge',
			subnet: '10.9.0.0/16',
			gateway: '10.8.0.1',
			internal: false,
			labels: '=x',
		},
		new Set(),
	);
	assert.ok(!bad.ok);
	assert.deepEqual(Object.keys(bad.errors).sort(), [
		'gateway',
		'labels',
		'name',
	]);
	const noSubnet = validateNetworkForm(
		{
			name: 'n1',
			driver: 'bridge',
			subnet: '',
			gateway: '10.0.0.1',
			internal: false,
			labels: '',
		},
		new Set(),
	);
	assert.ok(!noSubnet.ok);
	assert.match(noSubnet.errors['gateway']!, /needs a subnet/);
	const good = validateNetworkForm(
		{
			name: 'n1',
			driver: 'bridge',
			subnet: '10.9.0.0/16',
			gateway: '10.9.0.1',
			internal: true,
			labels: 'a=b',
		},
		new Set(['other']),
	);
	assert.deepEqual(good, {
		ok: true,
		value: {
			name: 'n1',
			driver: 'bridge',
			subnet: '10.9.0.0/16',
			gateway: '10.9.0.1',
			internal: true,
			labels: {a: 'b'},
		},
	});
	const taken = validateNetworkForm(
		{
			name: 'n1',
			driver: 'bridge',
			subnet: '',
			gateway: '',
			internal: false,
			labels: '',
		},
		new Set(['n1']),
	);
	assert.ok(!taken.ok);
});

test('aliases, labels and the prune filters form', () => {
	assert.deepEqual(parseAliases('db, cache  web'), {
		ok: true,
		value: ['db', 'cache', 'web'],
	});
	assert.equal(parseAliases('ok bad/alias').ok, false);
	assert.equal(parseLabels('a=1 =2').ok, false);
	const filters = validatePruneFilters(
		{until: '24h', labels: 'dockpit-test.owner=cleanup !keep label!=x=1'},
		Date.now(),
	);
	assert.deepEqual(filters, {
		ok: true,
		value: {
			until: '24h',
			labels: ['dockpit-test.owner=cleanup'],
			notLabels: ['keep', 'x=1'],
		},
	});
	const badUntil = validatePruneFilters(
		{until: 'soon', labels: ''},
		Date.now(),
	);
	assert.ok(!badUntil.ok);
	assert.match(badUntil.errors['until']!, /neither a duration/);
});
