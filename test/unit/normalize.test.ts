import test from 'node:test';
import assert from 'node:assert/strict';
import {
	normalizeChanges,
	normalizeContainerDetails,
	normalizeContainerSummary,
	normalizeEngineInfo,
	normalizeEvent,
	normalizeImageDetails,
	normalizeImageSummary,
	parseContainerState,
	parseExitCode,
} from '../../source/engine/normalize.js';
import type {ContainerSummary, DockerEvent} from '../../source/engine/types.js';

const id = '2dbed2a1b45ede49cea9ac0ace0b45207f0a3f53198789ed95fa0b6fc4576f4a';
const imageId =
	'sha256:6f2a999ce49a20e2def166a31044b381f4ddb60ff2a85eccf81d68eea662b2ef';

// A row of GET /containers/json from Docker 20.10.
const listRow = {
	Id: id,
	Names: ['/dockpit-probe'],
	Image: 'dockpit-test/busybox:local',
	ImageID: imageId,
	Command: 'sleep 300',
	Created: 1_795_396_419,
	Ports: [
		{IP: '0.0.0.0', PrivatePort: 80, PublicPort: 18_080, Type: 'tcp'},
		{IP: '::', PrivatePort: 80, PublicPort: 18_080, Type: 'tcp'},
		{PrivatePort: 53, Type: 'udp'},
	],
	Labels: {'dockpit.probe': '1', 'com.docker.compose.project': 'shop'},
	State: 'running',
	Status: 'Up 5 minutes',
	HostConfig: {NetworkMode: 'default'},
	Mounts: [],
};

test('a list row from the engine', () => {
	assert.deepEqual(normalizeContainerSummary(listRow), {
		id,
		name: 'dockpit-probe',
		image: 'dockpit-test/busybox:local',
		imageId,
		command: 'sleep 300',
		state: 'running',
		status: 'Up 5 minutes',
		created: 1_795_396_419_000,
		ports: [
			{privatePort: 80, publicPort: 18_080, ip: '0.0.0.0', protocol: 'tcp'},
			{privatePort: 80, publicPort: 18_080, ip: '::', protocol: 'tcp'},
			{privatePort: 53, protocol: 'udp'},
		],
		labels: {'dockpit.probe': '1', 'com.docker.compose.project': 'shop'},
		composeProject: 'shop',
	} satisfies ContainerSummary);
});

const summaryCases: Array<{
	name: string;
	raw: unknown;
	expect: Partial<ContainerSummary> | undefined;
}> = [
	{name: 'not an object', raw: 'hello', expect: undefined},
	{name: 'null', raw: null, expect: undefined},
	{name: 'an array', raw: [listRow], expect: undefined},
	{name: 'no Id', raw: {...listRow, Id: undefined}, expect: undefined},
	{name: 'Id of the wrong type', raw: {...listRow, Id: 42}, expect: undefined},
	{
		name: 'only an Id',
		raw: {Id: 'abc'},
		expect: {
			id: 'abc',
			name: '',
			image: '',
			imageId: '',
			command: '',
			state: 'unknown',
			status: '',
			created: 0,
			ports: [],
			labels: {},
		},
	},
	{
		name: 'fields of the wrong types',
		raw: {
			Id: 'abc',
			Names: 'web',
			Image: 7,
			Command: ['sh'],
			Created: '2020',
			Ports: {PrivatePort: 80},
			Labels: ['a'],
			State: 5,
			Status: null,
		},
		expect: {
			name: '',
			image: '',
			command: '',
			created: 0,
			ports: [],
			labels: {},
			state: 'unknown',
			status: '',
		},
	},
	{
		name: 'bad ports are dropped, bad protocols become tcp, string ports are read',
		raw: {
			Id: 'abc',
			Ports: [
				{PrivatePort: 'x'},
				{PrivatePort: -1},
				{PrivatePort: 70_000},
				null,
				{PrivatePort: 443, PublicPort: '8443', Type: 'quic', IP: '127.0.0.1'},
				{PrivatePort: 22, PublicPort: 0, IP: '0.0.0.0'},
			],
		},
		expect: {
			ports: [
				{privatePort: 443, publicPort: 8443, ip: '127.0.0.1', protocol: 'tcp'},
				{privatePort: 22, protocol: 'tcp'},
			],
		},
	},
	{
		name: 'exit code from the status line',
		raw: {Id: 'abc', State: 'exited', Status: 'Exited (137) 5 minutes ago'},
		expect: {
			state: 'exited',
			status: 'Exited (137) 5 minutes ago',
			exitCode: 137,
		},
	},
	{
		name: 'exit code 0',
		raw: {Id: 'abc', State: 'exited', Status: 'Exited (0) 2 hours ago'},
		expect: {state: 'exited', exitCode: 0},
	},
	{
		name: 'no exit code for a running container',
		raw: {Id: 'abc', State: 'running', Status: 'Up 3 minutes (Paused)'},
		expect: {state: 'running', exitCode: undefined},
	},
	{
		name: 'a state newer than we know',
		raw: {Id: 'abc', State: 'hibernating', Status: 'Zzz'},
		expect: {state: 'unknown'},
	},
	{
		name: 'no State: guessed from the status (old engines)',
		raw: {Id: 'abc', Status: 'Up 3 minutes (Paused)'},
		expect: {state: 'paused'},
	},
	{
		name: 'linked names: the one without a slash inside wins',
		raw: {Id: 'abc', Names: ['/web/db', '/db']},
		expect: {name: 'db'},
	},
	{
		name: 'escape sequences and control characters in names, labels, image and command are made harmless',
		raw: {
			Id: 'abc',
			Names: ['/evil\u001B[2J\u001B]0;pwned\u0007name'],
			Image: 'img\u0007:latest',
			Command: 'sh -c "echo\u001B[31m red"\nrm -rf',
			Labels: {
				'x\u001B[1mkey': 'v\u009B31malue\r\n',
				'com.docker.compose.project': 'p\u202Eroj',
			},
			Status: 'Up\u0000 1 s',
		},
		expect: {
			name: 'evilname',
			image: 'img?:latest',
			command: 'sh -c "echo red"?rm -rf',
			labels: {xkey: 'value??', 'com.docker.compose.project': 'proj'},
			composeProject: 'proj',
			status: 'Up? 1 s',
		},
	},
	{
		name: 'label values of other types',
		raw: {Id: 'abc', Labels: {n: 1, b: true, o: {}, u: null}},
		expect: {labels: {n: '1', b: 'true'}},
	},
];

for (const {name, raw, expect} of summaryCases) {
	test(`container summary: ${name}`, () => {
		const result = normalizeContainerSummary(raw);
		if (expect === undefined) {
			assert.equal(result, undefined);
			return;
		}

		assert.ok(result);
		for (const [key, value] of Object.entries(expect)) {
			assert.deepEqual(result[key as keyof ContainerSummary], value, key);
		}
	});
}

const stateCases: Array<[unknown, string, string]> = [
	['running', '', 'running'],
	['Paused', '', 'paused'],
	['dead', '', 'dead'],
	[undefined, 'Up 2 hours', 'running'],
	[undefined, 'Exited (1) 3 days ago', 'exited'],
	[undefined, 'Created', 'created'],
	[undefined, 'Restarting (1) 2 seconds ago', 'restarting'],
	[undefined, 'Removal In Progress', 'removing'],
	[undefined, 'Dead', 'dead'],
	[undefined, '', 'unknown'],
	['', 'Up 1 second', 'running'],
];

for (const [state, status, expected] of stateCases) {
	test(`state ${String(state)} / "${status}" → ${expected}`, () => {
		assert.equal(parseContainerState(state, status), expected);
	});
}

const exitCases: Array<[string, number | undefined]> = [
	['Exited (137) 5 minutes ago', 137],
	['Exited (0) Less than a second ago', 0],
	['exited (2)', 2],
	['  Exited (255) 1 week ago', 255],
	['Exited (-1) 2 minutes ago', -1],
	['Up 5 minutes', undefined],
	['Exited', undefined],
	['Restarting (1) 3 seconds ago', undefined],
	['', undefined],
];

for (const [status, expected] of exitCases) {
	test(`exit code of "${status}"`, () => {
		assert.equal(parseExitCode(status), expected);
	});
}

// GET /containers/{id}/json from Docker 20.10, trimmed.
const inspect = {
	Id: id,
	Created: '2026-11-23T01:13:39.228760692Z',
	Path: 'sleep',
	Args: ['300'],
	State: {
		Status: 'exited',
		Running: false,
		Paused: false,
		Pid: 0,
		ExitCode: 137,
		Error: '',
		StartedAt: '2026-11-23T01:13:39.542354106Z',
		FinishedAt: '2026-11-23T01:15:00Z',
	},
	Image: imageId,
	Name: '/dockpit-probe',
	HostConfig: {
		RestartPolicy: {Name: 'on-failure', MaximumRetryCount: 3},
		AutoRemove: false,
	},
	Mounts: [
		{
			Type: 'bind',
			Source: '/srv/data',
			Destination: '/data',
			Mode: '',
			RW: true,
		},
		{
			Type: 'volume',
			Name: 'cache',
			Source: '',
			Destination: '/cache',
			RW: false,
		},
	],
	Config: {
		Hostname: '2dbed2a1b45e',
		ExposedPorts: {'80/tcp': {}, '53/udp': {}},
		Tty: true,
		OpenStdin: true,
		Env: ['PATH=/bin', 'A=1'],
		Cmd: ['sleep', '300'],
		Image: 'dockpit-test/busybox:local',
		WorkingDir: '/work',
		Entrypoint: null,
		Labels: {'com.docker.compose.project': 'shop'},
	},
	NetworkSettings: {
		Ports: {
			'80/tcp': [{HostIp: '0.0.0.0', HostPort: '18080'}],
			'9000/tcp': null,
		},
		Networks: {bridge: {IPAddress: '172.17.0.2'}, backend: {IPAddress: ''}},
	},
};

test('container details from an inspect', () => {
	assert.deepEqual(normalizeContainerDetails(inspect), {
		id,
		name: 'dockpit-probe',
		image: 'dockpit-test/busybox:local',
		imageId,
		command: 'sleep 300',
		state: 'exited',
		status: 'Exited (137)',
		exitCode: 137,
		created: Date.parse('2026-11-23T01:13:39.228760692Z'),
		ports: [
			{privatePort: 80, publicPort: 18_080, ip: '0.0.0.0', protocol: 'tcp'},
			{privatePort: 9000, protocol: 'tcp'},
			{privatePort: 53, protocol: 'udp'},
		],
		labels: {'com.docker.compose.project': 'shop'},
		composeProject: 'shop',
		startedAt: Date.parse('2026-11-23T01:13:39.542Z'),
		finishedAt: Date.parse('2026-11-23T01:15:00Z'),
		tty: true,
		openStdin: true,
		entrypoint: [],
		cmd: ['sleep', '300'],
		env: ['PATH=/bin', 'A=1'],
		workingDir: '/work',
		restartPolicy: 'on-failure:3',
		mounts: [
			{
				type: 'bind',
				source: '/srv/data',
				destination: '/data',
				readOnly: false,
			},
			{type: 'volume', source: 'cache', destination: '/cache', readOnly: true},
		],
		networks: [
			{name: 'bridge', ipAddress: '172.17.0.2'},
			{name: 'backend', ipAddress: ''},
		],
	});
});

test('container details: a running container has a pid and no exit code; zero dates are absent', () => {
	const details = normalizeContainerDetails({
		...inspect,
		State: {
			Status: 'running',
			Running: true,
			Pid: 5415,
			ExitCode: 0,
			StartedAt: '2026-11-23T01:13:39Z',
			FinishedAt: '0001-01-01T00:00:00Z',
			Error: 'oops\u001B[2J',
		},
	});
	assert.ok(details);
	assert.equal(details.state, 'running');
	assert.equal(details.status, 'Up');
	assert.equal(details.exitCode, undefined);
	assert.equal(details.pid, 5415);
	assert.equal(details.finishedAt, undefined);
	assert.equal(details.error, 'oops');
});

test('container details: almost nothing, or garbage, does not throw', () => {
	assert.equal(normalizeContainerDetails(undefined), undefined);
	assert.equal(normalizeContainerDetails({Name: '/x'}), undefined);
	const details = normalizeContainerDetails({
		Id: 'abc',
		State: 'running',
		Config: {
			Entrypoint: '/entry.sh',
			Cmd: 'run',
			Env: [1, 'A=1'],
			Tty: 'yes',
			Labels: null,
		},
		HostConfig: {RestartPolicy: 'always'},
		Mounts: {},
		NetworkSettings: {Ports: {garbage: [{}], '80/tcp': 'x'}, Networks: []},
		Created: 'not a date',
	});
	assert.ok(details);
	assert.equal(details.state, 'unknown');
	assert.deepEqual(details.entrypoint, ['/entry.sh']);
	assert.deepEqual(details.cmd, ['run']);
	assert.deepEqual(details.env, ['A=1']);
	assert.equal(details.tty, false);
	assert.equal(details.restartPolicy, 'no');
	assert.deepEqual(details.mounts, []);
	assert.deepEqual(details.ports, [{privatePort: 80, protocol: 'tcp'}]);
	assert.equal(details.created, 0);
	assert.deepEqual(details.labels, {});
});

const imageCases: Array<{
	name: string;
	raw: unknown;
	repoTags?: string[];
	dangling?: boolean;
	created?: number;
}> = [
	{
		name: 'tagged',
		raw: {
			Id: imageId,
			RepoTags: ['busybox:local', 'busybox:latest'],
			Created: 1_795_396_203,
			Size: 1_984_172,
		},
		repoTags: ['busybox:local', 'busybox:latest'],
		dangling: false,
		created: 1_795_396_203_000,
	},
	{
		name: 'no RepoTags',
		raw: {Id: imageId},
		repoTags: [],
		dangling: true,
		created: 0,
	},
	{
		name: 'RepoTags null',
		raw: {Id: imageId, RepoTags: null},
		repoTags: [],
		dangling: true,
	},
	{
		name: 'only <none>:<none>',
		raw: {Id: imageId, RepoTags: ['<none>:<none>']},
		repoTags: [],
		dangling: true,
	},
	{
		name: 'RepoTags not an array',
		raw: {Id: imageId, RepoTags: 5},
		repoTags: [],
		dangling: true,
	},
];

for (const {name, raw, repoTags, dangling, created} of imageCases) {
	test(`image summary: ${name}`, () => {
		const image = normalizeImageSummary(raw);
		assert.ok(image);
		if (repoTags) {
			assert.deepEqual(image.repoTags, repoTags);
		}

		if (dangling !== undefined) {
			assert.equal(image.dangling, dangling);
		}

		if (created !== undefined) {
			assert.equal(image.created, created);
		}
	});
}

test('image summary: digests, labels, size; garbage without an Id', () => {
	assert.deepEqual(
		normalizeImageSummary({
			Id: imageId,
			RepoTags: ['<none>:<none>'],
			RepoDigests: ['busybox@sha256:abc', '<none>@<none>'],
			Created: 1,
			Size: -1,
			Labels: {'a\u001B[1m': 'b'},
		}),
		{
			id: imageId,
			repoTags: [],
			repoDigests: ['busybox@sha256:abc'],
			created: 1000,
			size: 0,
			dangling: true,
			labels: {a: 'b'},
		},
	);
	assert.equal(normalizeImageSummary({RepoTags: ['x:y']}), undefined);
	assert.equal(normalizeImageSummary(42), undefined);
});

test('image details with history layers', () => {
	const details = normalizeImageDetails(
		{
			Id: imageId,
			RepoTags: ['dockpit-test/busybox:local'],
			RepoDigests: [],
			Comment: 'dockpit test image',
			Created: '2026-11-23T01:10:03.207999815Z',
			Author: 'me <me@example.com>',
			Config: {
				Env: ['PATH=/bin'],
				Cmd: ['/bin/sh'],
				Entrypoint: null,
				ExposedPorts: {'80/tcp': {}},
				Labels: {'dockpit.test': 'image'},
			},
			Architecture: 'amd64',
			Os: 'linux',
			Size: 1_984_172,
		},
		[
			{
				Id: imageId,
				Created: 1_795_396_203,
				CreatedBy: '/bin/sh -c #(nop) \u001B[31mCMD ["/bin/sh"]',
				Size: 0,
				Comment: '',
				Tags: ['dockpit-test/busybox:local'],
			},
			{
				Id: '<missing>',
				Created: 1_795_396_000,
				CreatedBy: 'ADD file',
				Size: 1_984_172,
				Comment: 'import',
				Tags: null,
			},
			'garbage',
		],
	);
	assert.deepEqual(details, {
		id: imageId,
		repoTags: ['dockpit-test/busybox:local'],
		repoDigests: [],
		created: Date.parse('2026-11-23T01:10:03.207Z'),
		size: 1_984_172,
		dangling: false,
		labels: {'dockpit.test': 'image'},
		architecture: 'amd64',
		os: 'linux',
		author: 'me <me@example.com>',
		comment: 'dockpit test image',
		cmd: ['/bin/sh'],
		entrypoint: [],
		env: ['PATH=/bin'],
		exposedPorts: ['80/tcp'],
		layers: [
			{
				id: imageId,
				created: 1_795_396_203_000,
				createdBy: '/bin/sh -c #(nop) CMD ["/bin/sh"]',
				size: 0,
				comment: '',
				tags: ['dockpit-test/busybox:local'],
			},
			{
				id: '<missing>',
				created: 1_795_396_000_000,
				createdBy: 'ADD file',
				size: 1_984_172,
				comment: 'import',
				tags: [],
			},
			{
				id: '<missing>',
				created: 0,
				createdBy: '',
				size: 0,
				comment: '',
				tags: [],
			},
		],
	});
	assert.equal(normalizeImageDetails({}, []), undefined);
	assert.deepEqual(normalizeImageDetails({Id: 'x'}, null)?.layers, []);
});

// Messages of GET /events from Docker 20.10.
const eventCases: Array<{
	name: string;
	raw: unknown;
	expect: DockerEvent | undefined;
}> = [
	{
		name: 'container start, time from timeNano',
		raw: {
			status: 'start',
			id: 'b64b',
			from: 'busybox',
			Type: 'container',
			Action: 'start',
			Actor: {
				ID: 'b64b2a1a6687',
				Attributes: {image: 'busybox', name: 'friendly_ptolemy'},
			},
			scope: 'local',
			time: 1_795_396_203,
			timeNano: 1_795_396_203_507_488_018,
		},
		expect: {
			type: 'container',
			action: 'start',
			id: 'b64b2a1a6687',
			name: 'friendly_ptolemy',
			attributes: {image: 'busybox', name: 'friendly_ptolemy'},
			time: 1_795_396_203_507,
		},
	},
	{
		name: 'time in seconds only',
		raw: {
			Type: 'network',
			Action: 'connect',
			Actor: {ID: 'n1', Attributes: {container: 'c1'}},
			time: 1_700_000_000,
		},
		expect: {
			type: 'network',
			action: 'connect',
			id: 'n1',
			attributes: {container: 'c1'},
			time: 1_700_000_000_000,
		},
	},
	{
		name: 'no Actor: id from the legacy id field, action from status',
		raw: {status: 'die', id: 'abc', Type: 'container', timeNano: 1_000_000},
		expect: {
			type: 'container',
			action: 'die',
			id: 'abc',
			attributes: {},
			time: 1,
		},
	},
	{
		name: 'exec_start action, attribute values of other types',
		raw: {
			Type: 'container',
			Action: 'exec_start: sh -c exit 0',
			Actor: {ID: 'c', Attributes: {execID: 'e1', exitCode: 0, name: 7}},
			time: 'yesterday',
		},
		expect: {
			type: 'container',
			action: 'exec_start: sh -c exit 0',
			id: 'c',
			name: '7',
			attributes: {execID: 'e1', exitCode: '0', name: '7'},
			time: 0,
		},
	},
	{
		name: 'escape sequences in the name and attributes',
		raw: {
			Type: 'container',
			Action: 'rename',
			Actor: {
				ID: 'c',
				Attributes: {
					name: 'x\u001B]0;owned\u0007y',
					oldName: '/a\u001B[2Jb',
					'\u001B[1mk': 'v\n',
				},
			},
			time: 1,
		},
		expect: {
			type: 'container',
			action: 'rename',
			id: 'c',
			name: 'xy',
			attributes: {name: 'xy', oldName: '/ab', k: 'v?'},
			time: 1000,
		},
	},
	{
		name: 'neither type nor action',
		raw: {id: 'abc', time: 1},
		expect: undefined,
	},
	{name: 'not an object', raw: 'start', expect: undefined},
	{name: 'an array', raw: [{Type: 'container'}], expect: undefined},
];

for (const {name, raw, expect} of eventCases) {
	test(`event: ${name}`, () => {
		assert.deepEqual(normalizeEvent(raw), expect);
	});
}

test('engine info from version and info', () => {
	assert.deepEqual(
		normalizeEngineInfo(
			'unix:///var/run/docker.sock',
			{Version: '20.10.24+dfsg1', ApiVersion: '1.41', Os: 'linux'},
			{
				Name: 'vm',
				Containers: 3,
				Images: 7,
				OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
				Swarm: {LocalNodeState: 'inactive'},
			},
		),
		{
			host: 'unix:///var/run/docker.sock',
			version: '20.10.24+dfsg1',
			apiVersion: '1.41',
			os: 'Debian GNU/Linux 12 (bookworm)',
			name: 'vm',
			containers: 3,
			images: 7,
			swarm: 'inactive',
		},
	);
	assert.deepEqual(normalizeEngineInfo('tcp://h:2375', null, 'x'), {
		host: 'tcp://h:2375',
		version: '',
		apiVersion: '',
		os: '',
		name: '',
		containers: 0,
		images: 0,
		swarm: 'inactive',
	});
	assert.equal(
		normalizeEngineInfo(
			'h',
			{},
			{Name: 'a\u001B[2Jb', Swarm: {LocalNodeState: 'active'}},
		).name,
		'ab',
	);
});

test('file changes: kinds 0/1/2 → C/A/D; null (no changes) and garbage', () => {
	assert.deepEqual(
		normalizeChanges([
			{Path: '/tmp', Kind: 0},
			{Path: '/tmp/new', Kind: 1},
			{Path: '/etc/old', Kind: 2},
			{Path: '/x', Kind: 9},
			{Path: '/evil\u001B[2J', Kind: 1},
			{Kind: 1},
			'x',
		]),
		[
			{kind: 'C', path: '/tmp'},
			{kind: 'A', path: '/tmp/new'},
			{kind: 'D', path: '/etc/old'},
			{kind: 'A', path: '/evil'},
		],
	);
	assert.deepEqual(normalizeChanges(null), []);
});
