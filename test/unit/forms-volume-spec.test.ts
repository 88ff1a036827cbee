import test from 'node:test';
import assert from 'node:assert/strict';
import {
	parseVolumeSpec,
	parseVolumeList,
	type VolumeSpec,
} from '../../source/forms/volume-spec.js';

const valid: Array<[string, VolumeSpec]> = [
	[
		'/srv/www:/usr/share/nginx/html',
		{
			kind: 'bind',
			source: '/srv/www',
			target: '/usr/share/nginx/html',
			readOnly: false,
			spec: '/srv/www:/usr/share/nginx/html',
		},
	],
	[
		'  /srv:/data:ro  ',
		{
			kind: 'bind',
			source: '/srv',
			target: '/data',
			readOnly: true,
			mode: 'ro',
			spec: '/srv:/data:ro',
		},
	],
	[
		'/srv:/data:rw',
		{
			kind: 'bind',
			source: '/srv',
			target: '/data',
			readOnly: false,
			mode: 'rw',
			spec: '/srv:/data:rw',
		},
	],
	[
		'/srv:/data:ro,Z',
		{
			kind: 'bind',
			source: '/srv',
			target: '/data',
			readOnly: true,
			mode: 'ro,Z',
			spec: '/srv:/data:ro,Z',
		},
	],
	[
		'/srv:/data:z',
		{
			kind: 'bind',
			source: '/srv',
			target: '/data',
			readOnly: false,
			mode: 'z',
			spec: '/srv:/data:z',
		},
	],
	[
		'/:/host:ro',
		{
			kind: 'bind',
			source: '/',
			target: '/host',
			readOnly: true,
			mode: 'ro',
			spec: '/:/host:ro',
		},
	],
	[
		'/my files:/data',
		{
			kind: 'bind',
			source: '/my files',
			target: '/data',
			readOnly: false,
			spec: '/my files:/data',
		},
	],
	[
		'pgdata:/var/lib/postgresql/data',
		{
			kind: 'volume',
			source: 'pgdata',
			target: '/var/lib/postgresql/data',
			readOnly: false,
			spec: 'pgdata:/var/lib/postgresql/data',
		},
	],
	[
		'my_vol.1-x:/cache:ro',
		{
			kind: 'volume',
			source: 'my_vol.1-x',
			target: '/cache',
			readOnly: true,
			mode: 'ro',
			spec: 'my_vol.1-x:/cache:ro',
		},
	],
	[
		'/data',
		{kind: 'anonymous', target: '/data', readOnly: false, spec: '/data'},
	],
	[
		'/data:ro',
		{
			kind: 'anonymous',
			target: '/data',
			readOnly: true,
			mode: 'ro',
			spec: '/data:ro',
		},
	],
	// A volume named like a mode is still a volume when a container path follows.
	[
		'ro:/data',
		{
			kind: 'volume',
			source: 'ro',
			target: '/data',
			readOnly: false,
			spec: 'ro:/data',
		},
	],
];

const modeRule = 'volume mode must be ro or rw (z, Z also allowed)';

const invalid: Array<[string, string]> = [
	['', 'enter a volume, e.g. /host:/data'],
	['   ', 'enter a volume, e.g. /host:/data'],
	['data', 'container path must be absolute (or use name:/path): data'],
	['/srv:data', 'container path must be absolute: data'],
	['vol:data:ro', 'container path must be absolute: data'],
	['/srv:', 'container path is required, e.g. /host:/data'],
	['/srv::ro', 'container path is required, e.g. /host:/data'],
	['/srv:/', 'container path cannot be /'],
	['/srv://', 'container path cannot be /'],
	['/', 'container path cannot be /'],
	[':/data', 'host path or volume name is missing before :'],
	['./data:/data', 'host path must be absolute: ./data'],
	['~/data:/data', 'host path must be absolute: ~/data'],
	['data/sub:/data', 'host path must be absolute: data/sub'],
	[
		'a:/data',
		'volume name may only contain letters, digits, _ . - (2+ characters): a',
	],
	[
		'_vol:/data',
		'volume name may only contain letters, digits, _ . - (2+ characters): _vol',
	],
	[
		'my vol:/data',
		'volume name may only contain letters, digits, _ . - (2+ characters): my vol',
	],
	['/srv:/data:', 'volume mode is empty (remove the : or write ro or rw)'],
	['/srv:/data:rx', `${modeRule}: rx`],
	['/srv:/data:RO', `${modeRule}: RO`],
	['/srv:/data:ro,shared', `${modeRule}: shared`],
	['/srv:/data:nocopy', `${modeRule}: nocopy`],
	['/srv:/data:ro,', 'volume mode has an empty part: ro,'],
	['/srv:/data:,ro', 'volume mode has an empty part: ,ro'],
	['/srv:/data:ro,rw', 'volume mode cannot be both ro and rw'],
	['/srv:/data:ro,ro', 'volume mode is given twice: ro,ro'],
	['/srv:/data:z,Z', 'volume mode can have only one of z or Z'],
	['/a:/b,/c:/d', 'separate volumes with spaces, not commas'],
	['/a:/b:ro:x', 'too many ":" in volume: /a:/b:ro:x'],
	[
		'C:\\data:/data',
		'volume name may only contain letters, digits, _ . - (2+ characters): C',
	],
];

for (const [input, expected] of valid) {
	test(`parseVolumeSpec ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseVolumeSpec(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalid) {
	test(`parseVolumeSpec rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseVolumeSpec(input), {ok: false, error});
	});
}

const specs = (result: ReturnType<typeof parseVolumeList>) =>
	result.ok
		? {ok: true, value: result.value.map(volume => volume.spec)}
		: result;

const validLists: Array<[string, string[]]> = [
	['', []],
	[' \n ', []],
	['/srv:/data', ['/srv:/data']],
	[
		'/srv/www:/usr/share/nginx/html:ro pgdata:/var/lib/pg /cache',
		['/srv/www:/usr/share/nginx/html:ro', 'pgdata:/var/lib/pg', '/cache'],
	],
	['"/my files:/data" cache:/c', ['/my files:/data', 'cache:/c']],
	["'/it''s:/x'", ['/its:/x']],
	['/a:/data:ro,Z\n/b:/other', ['/a:/data:ro,Z', '/b:/other']],
	['/a:/x /a:/y', ['/a:/x', '/a:/y']],
];

const invalidLists: Array<[string, string]> = [
	['/a:/data /b:/data', '/data is mounted twice'],
	['/a:/data /b:/data/', '/data/ is mounted twice'],
	['/a:/data vol:/x/../data', '/x/../data is mounted twice'],
	['/data /b://data', '//data is mounted twice'],
	['/a:/x,/b:/y', 'separate volumes with spaces, not commas'],
	['/a:/x "/b:/y', 'missing closing " quote'],
	['/a:/x data', 'container path must be absolute (or use name:/path): data'],
];

for (const [input, expected] of validLists) {
	test(`parseVolumeList ${JSON.stringify(input)}`, () => {
		assert.deepEqual(specs(parseVolumeList(input)), {
			ok: true,
			value: expected,
		});
	});
}

for (const [input, error] of invalidLists) {
	test(`parseVolumeList rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parseVolumeList(input), {ok: false, error});
	});
}
