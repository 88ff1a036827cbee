import test from 'node:test';
import assert from 'node:assert/strict';
import type {PortMapping} from '../../source/engine/types.js';
import {parsePortSpec, parsePortList} from '../../source/forms/port-spec.js';

const valid: Array<[string, PortMapping[]]> = [
	['80', [{privatePort: 80, protocol: 'tcp'}]],
	['  80  ', [{privatePort: 80, protocol: 'tcp'}]],
	['1', [{privatePort: 1, protocol: 'tcp'}]],
	['65535', [{privatePort: 65_535, protocol: 'tcp'}]],
	['080', [{privatePort: 80, protocol: 'tcp'}]],
	['8080:80', [{privatePort: 80, publicPort: 8080, protocol: 'tcp'}]],
	[':80', [{privatePort: 80, protocol: 'tcp'}]],
	['53/udp', [{privatePort: 53, protocol: 'udp'}]],
	['5353:53/udp', [{privatePort: 53, publicPort: 5353, protocol: 'udp'}]],
	['9000:9000/sctp', [{privatePort: 9000, publicPort: 9000, protocol: 'sctp'}]],
	['80/TCP', [{privatePort: 80, protocol: 'tcp'}]],
	[
		'127.0.0.1:8080:80',
		[{privatePort: 80, publicPort: 8080, ip: '127.0.0.1', protocol: 'tcp'}],
	],
	['127.0.0.1::80', [{privatePort: 80, ip: '127.0.0.1', protocol: 'tcp'}]],
	[
		'0.0.0.0:53:53/udp',
		[{privatePort: 53, publicPort: 53, ip: '0.0.0.0', protocol: 'udp'}],
	],
	[
		'[::1]:8080:80',
		[{privatePort: 80, publicPort: 8080, ip: '::1', protocol: 'tcp'}],
	],
	['[::1]::80', [{privatePort: 80, ip: '::1', protocol: 'tcp'}]],
	[
		'[2001:db8::1]:443:443/tcp',
		[{privatePort: 443, publicPort: 443, ip: '2001:db8::1', protocol: 'tcp'}],
	],
	// Docker also takes an IPv6 address without brackets: everything before host:container.
	[
		'::1:8080:80',
		[{privatePort: 80, publicPort: 8080, ip: '::1', protocol: 'tcp'}],
	],
	[
		'8000-8002',
		[
			{privatePort: 8000, protocol: 'tcp'},
			{privatePort: 8001, protocol: 'tcp'},
			{privatePort: 8002, protocol: 'tcp'},
		],
	],
	[
		'8000-8002:8000-8002',
		[
			{privatePort: 8000, publicPort: 8000, protocol: 'tcp'},
			{privatePort: 8001, publicPort: 8001, protocol: 'tcp'},
			{privatePort: 8002, publicPort: 8002, protocol: 'tcp'},
		],
	],
	[
		'127.0.0.1:9000-9001:7000-7001/udp',
		[
			{privatePort: 7000, publicPort: 9000, ip: '127.0.0.1', protocol: 'udp'},
			{privatePort: 7001, publicPort: 9001, ip: '127.0.0.1', protocol: 'udp'},
		],
	],
	['80-80:90-90', [{privatePort: 90, publicPort: 80, protocol: 'tcp'}]],
];

const invalid: Array<[string, string]> = [
	['', 'enter a port, e.g. 8080:80'],
	['  ', 'enter a port, e.g. 8080:80'],
	['0', 'port must be 1-65535: 0'],
	['70000', 'port must be 1-65535: 70000'],
	['8080:70000', 'port must be 1-65535: 70000'],
	['0:80', 'port must be 1-65535: 0'],
	['99999999999999999999999', 'port must be 1-65535: 99999999999999999999999'],
	['http', 'port must be a number: http'],
	['8080:http', 'port must be a number: http'],
	['+80', 'port must be a number: +80'],
	['80.5', 'port must be a number: 80.5'],
	['0x50', 'port must be a number: 0x50'],
	['8080 : 80', 'port may not contain spaces: 8080 : 80'],
	['8080:', 'container port is required, e.g. 8080:80'],
	['127.0.0.1:8080:', 'container port is required, e.g. 8080:80'],
	['/tcp', 'container port is required, e.g. 8080:80'],
	['80/', 'protocol is missing after /, e.g. 53/udp'],
	['80/icmp', 'protocol must be tcp, udp or sctp: icmp'],
	['80/tcp/udp', 'protocol must be tcp, udp or sctp: tcp/udp'],
	['8080/tcp:80', 'put /tcp, /udp or /sctp after the container port'],
	['localhost:8080:80', 'invalid IP address: localhost'],
	['1.2.3:8080:80', 'invalid IP address: 1.2.3'],
	['256.0.0.1:8080:80', 'invalid IP address: 256.0.0.1'],
	['[::1:8080:80', 'invalid IP address: [::1'],
	['[nope]:8080:80', 'invalid IP address: nope'],
	['8002-8000', 'port range must go upwards: 8002-8000'],
	['8000-', 'invalid port range: 8000-'],
	['-8000', 'invalid port range: -8000'],
	['8000-8001-8002', 'port must be a number: 8001-8002'],
	['8000-70000', 'port must be 1-65535: 70000'],
	[
		'8000-8002:80',
		'host and container port ranges must be the same length: 8000-8002:80',
	],
	[
		'8080:80-81',
		'host and container port ranges must be the same length: 8080:80-81',
	],
	[
		'8000-8001:9000-9002',
		'host and container port ranges must be the same length: 8000-8001:9000-9002',
	],
];

for (const [input, expected] of valid) {
	test(`parsePortSpec ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parsePortSpec(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalid) {
	test(`parsePortSpec rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parsePortSpec(input), {ok: false, error});
	});
}

const validLists: Array<[string, PortMapping[]]> = [
	['', []],
	['  ,  ', []],
	['80', [{privatePort: 80, protocol: 'tcp'}]],
	[
		'80, 443',
		[
			{privatePort: 80, protocol: 'tcp'},
			{privatePort: 443, protocol: 'tcp'},
		],
	],
	[
		'8080:80 127.0.0.1:8443:443/tcp,53/udp',
		[
			{privatePort: 80, publicPort: 8080, protocol: 'tcp'},
			{privatePort: 443, publicPort: 8443, ip: '127.0.0.1', protocol: 'tcp'},
			{privatePort: 53, protocol: 'udp'},
		],
	],
	[
		'[::1]:8080:80,\t8081:81\n',
		[
			{privatePort: 80, publicPort: 8080, ip: '::1', protocol: 'tcp'},
			{privatePort: 81, publicPort: 8081, protocol: 'tcp'},
		],
	],
	// The same port over tcp and udp, and the same port on two addresses, are fine.
	[
		'53:53/tcp 53:53/udp',
		[
			{privatePort: 53, publicPort: 53, protocol: 'tcp'},
			{privatePort: 53, publicPort: 53, protocol: 'udp'},
		],
	],
	[
		'127.0.0.1:8080:80 127.0.0.2:8080:80',
		[
			{privatePort: 80, publicPort: 8080, ip: '127.0.0.1', protocol: 'tcp'},
			{privatePort: 80, publicPort: 8080, ip: '127.0.0.2', protocol: 'tcp'},
		],
	],
	// One container port published on two host ports.
	[
		'8080:80 8081:80',
		[
			{privatePort: 80, publicPort: 8080, protocol: 'tcp'},
			{privatePort: 80, publicPort: 8081, protocol: 'tcp'},
		],
	],
];

const invalidLists: Array<[string, string]> = [
	['80, http', 'port must be a number: http'],
	['80,,70000', 'port must be 1-65535: 70000'],
	['8080:80 8080:81', 'host port 8080/tcp is published twice'],
	['8080:80 127.0.0.1:8080:81', 'host port 8080/tcp is published twice'],
	[
		'127.0.0.1:8080:80 127.0.0.1:8080:81',
		'host port 8080/tcp is published twice',
	],
	['8000-8002:8000-8002 8001:9000', 'host port 8001/tcp is published twice'],
	['53:53/udp 53:54/udp', 'host port 53/udp is published twice'],
];

for (const [input, expected] of validLists) {
	test(`parsePortList ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parsePortList(input), {ok: true, value: expected});
	});
}

for (const [input, error] of invalidLists) {
	test(`parsePortList rejects ${JSON.stringify(input)}`, () => {
		assert.deepEqual(parsePortList(input), {ok: false, error});
	});
}
