/**
The fields and checks of the cleanup forms: volume create, network create, network connect and the prune
filters. Every check runs before any engine call. Pure.
*/
import {isIPv4, isIPv6} from 'node:net';
import {parseFilters, type PruneFilters} from '../cleanup/prune-filters.js';
import type {NetworkSpec, VolumeSpec} from '../engine/cleanup-types.js';
import type {FormField} from '../state/types.js';
import {flag, text, type FormValues, type Validated} from './form-values.js';

/**
Volume names as the local driver takes them (moby `volume/local`: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`).
*/
const volumeNamePattern = /^[a-zA-Z\d][\w.-]+$/;

/**
Network names and aliases: the same characters container names may have.
*/
const networkNamePattern = /^[a-zA-Z\d][\w.-]*$/;

const labelKeyPattern = /^[^\s=]+$/;

export const predefinedNetworkNames: ReadonlySet<string> = new Set([
	'bridge',
	'host',
	'none',
]);

export const networkDrivers = ['bridge', 'macvlan', 'ipvlan', 'overlay'];

/**
`key=value key2=value2` (a key alone is an empty value) into labels, or what is wrong.
*/
export function parseLabels(
	line: string,
):
	| {readonly ok: true; readonly value: Record<string, string>}
	| {readonly ok: false; readonly error: string} {
	const labels: Record<string, string> = {};
	for (const word of line.trim().split(/\s+/).filter(Boolean)) {
		const equals = word.indexOf('=');
		const key = equals === -1 ? word : word.slice(0, equals);
		if (!labelKeyPattern.test(key)) {
			return {ok: false, error: `${word}: a label is key=value`};
		}

		labels[key] = equals === -1 ? '' : word.slice(equals + 1);
	}

	return {ok: true, value: labels};
}

export function volumeFormFields(): FormField[] {
	return [
		{
			kind: 'text',
			id: 'name',
			label: 'Name',
			value: '',
			placeholder: 'empty: the engine names it (anonymous)',
		},
		{kind: 'text', id: 'driver', label: 'Driver', value: 'local'},
		{
			kind: 'text',
			id: 'labels',
			label: 'Labels',
			value: '',
			placeholder: 'key=value key2=value2',
		},
	];
}

export function checkVolumeName(name: string): string | undefined {
	if (name === '') {
		return undefined;
	}

	if (name.length < 2) {
		return 'a volume name has at least 2 characters';
	}

	return volumeNamePattern.test(name)
		? undefined
		: `${name}: a volume name is letters, digits and _ . - (starting with a letter or digit)`;
}

export function validateVolumeForm(
	values: FormValues,
	existing: ReadonlySet<string>,
): Validated<VolumeSpec> {
	const name = text(values, 'name').trim();
	const driver = text(values, 'driver').trim() || 'local';
	const errors: Record<string, string> = {};
	const nameError =
		checkVolumeName(name) ??
		(existing.has(name) ? `a volume named ${name} exists already` : undefined);
	if (nameError) {
		errors['name'] = nameError;
	}

	if (!/^[\w./:-]+$/.test(driver)) {
		errors['driver'] = `${driver}: not a driver name`;
	}

	const labels = parseLabels(text(values, 'labels'));
	if (!labels.ok) {
		errors['labels'] = labels.error;
	}

	if (Object.keys(errors).length > 0 || !labels.ok) {
		return {ok: false, errors};
	}

	return {ok: true, value: {name, driver, labels: labels.value}};
}

export function networkFormFields(): FormField[] {
	return [
		{kind: 'text', id: 'name', label: 'Name', value: ''},
		{
			kind: 'choice',
			id: 'driver',
			label: 'Driver',
			value: 'bridge',
			options: networkDrivers,
		},
		{
			kind: 'text',
			id: 'subnet',
			label: 'Subnet',
			value: '',
			placeholder: 'empty: the engine picks one; e.g. 172.28.0.0/16',
		},
		{
			kind: 'text',
			id: 'gateway',
			label: 'Gateway',
			value: '',
			placeholder: 'empty: the first address of the subnet',
		},
		{
			kind: 'toggle',
			id: 'internal',
			label: 'Internal (no way out of the network)',
			value: false,
		},
		{
			kind: 'text',
			id: 'labels',
			label: 'Labels',
			value: '',
			placeholder: 'key=value key2=value2',
		},
	];
}

export function checkNetworkName(name: string): string | undefined {
	if (name === '') {
		return 'a network needs a name';
	}

	if (predefinedNetworkNames.has(name)) {
		return `${name} is one of the engine's predefined networks`;
	}

	return networkNamePattern.test(name)
		? undefined
		: `${name}: a network name is letters, digits and _ . - (starting with a letter or digit)`;
}

function ipv4Number(address: string): number {
	return address
		.split('.')
		.reduce((total, octet) => total * 256 + Number(octet), 0);
}

function ipv4Text(value: number): string {
	return [24, 16, 8, 0]
		.map(shift => String(Math.floor(value / 2 ** shift) % 256))
		.join('.');
}

export type Subnet = {
	readonly family: 4 | 6;
	readonly address: string;
	readonly prefix: number;
};

/**
A subnet in CIDR notation (`172.28.0.0/16`, `fd00:1::/64`), or what is wrong with it.
*/
export function parseSubnet(
	input: string,
):
	| {readonly ok: true; readonly value: Subnet}
	| {readonly ok: false; readonly error: string} {
	const match = /^([^/\s]+)\/(\d{1,3})$/.exec(input.trim());
	if (!match) {
		return {
			ok: false,
			error: `${input}: a subnet is address/prefix, e.g. 172.28.0.0/16`,
		};
	}

	const [, address = '', prefixText = ''] = match;
	const prefix = Number(prefixText);
	if (isIPv4(address)) {
		if (prefix > 32) {
			return {ok: false, error: `${input}: an IPv4 prefix is 0 to 32`};
		}

		const value = ipv4Number(address);
		const size = 2 ** (32 - prefix);
		const network = value - (value % size);
		if (network !== value) {
			return {
				ok: false,
				error: `${input}: host bits are set; the network is ${ipv4Text(network)}/${prefix}`,
			};
		}

		if (prefix > 30) {
			return {
				ok: false,
				error: `${input}: too small for a network (at most /30)`,
			};
		}

		return {ok: true, value: {family: 4, address, prefix}};
	}

	if (isIPv6(address)) {
		if (prefix > 128) {
			return {ok: false, error: `${input}: an IPv6 prefix is 0 to 128`};
		}

		return {ok: true, value: {family: 6, address, prefix}};
	}

	return {ok: false, error: `${address} is not an IPv4 or IPv6 address`};
}

function inSubnet(address: string, subnet: Subnet): boolean {
	if (subnet.family === 6) {
		return isIPv6(address);
	}

	if (!isIPv4(address)) {
		return false;
	}

	const size = 2 ** (32 - subnet.prefix);
	const start = ipv4Number(subnet.address);
	const value = ipv4Number(address);
	return value >= start && value < start + size;
}

export function validateNetworkForm(
	values: FormValues,
	existing: ReadonlySet<string>,
): Validated<NetworkSpec> {
	const name = text(values, 'name').trim();
	const driver = text(values, 'driver') || 'bridge';
	const subnetText = text(values, 'subnet').trim();
	const gateway = text(values, 'gateway').trim();
	const errors: Record<string, string> = {};
	const nameError =
		checkNetworkName(name) ??
		(existing.has(name) ? `a network named ${name} exists already` : undefined);
	if (nameError) {
		errors['name'] = nameError;
	}

	let subnet: Subnet | undefined;
	if (subnetText !== '') {
		const parsed = parseSubnet(subnetText);
		if (parsed.ok) {
			subnet = parsed.value;
		} else {
			errors['subnet'] = parsed.error;
		}
	}

	if (gateway !== '') {
		if (subnetText === '') {
			errors['gateway'] = 'a gateway needs a subnet';
		} else if (!isIPv4(gateway) && !isIPv6(gateway)) {
			errors['gateway'] = `${gateway} is not an IP address`;
		} else if (subnet && !inSubnet(gateway, subnet)) {
			errors['gateway'] = `${gateway} is not in ${subnetText}`;
		}
	}

	const labels = parseLabels(text(values, 'labels'));
	if (!labels.ok) {
		errors['labels'] = labels.error;
	}

	if (Object.keys(errors).length > 0 || !labels.ok) {
		return {ok: false, errors};
	}

	return {
		ok: true,
		value: {
			name,
			driver,
			...(subnetText ? {subnet: subnetText} : {}),
			...(gateway ? {gateway} : {}),
			internal: flag(values, 'internal'),
			labels: labels.value,
		},
	};
}

/**
The connect form: which network (from Containers: a choice of the ones it is not on) or which container (from
Networks: typed, the selected container prefilled), and aliases.
*/
export function connectFormFields(
	options:
		{readonly networks: readonly string[]} | {readonly container: string},
): FormField[] {
	return [
		'networks' in options
			? {
					kind: 'choice',
					id: 'network',
					label: 'Network',
					value: options.networks[0] ?? '',
					options: options.networks,
				}
			: {
					kind: 'text',
					id: 'container',
					label: 'Container',
					value: options.container,
					placeholder: 'container name or id',
				},
		{
			kind: 'text',
			id: 'aliases',
			label: 'Aliases',
			value: '',
			placeholder: 'names it answers to on this network, e.g. db cache',
		},
	];
}

export function parseAliases(
	line: string,
):
	| {readonly ok: true; readonly value: string[]}
	| {readonly ok: false; readonly error: string} {
	const aliases = line
		.split(/[\s,]+/)
		.map(each => each.trim())
		.filter(Boolean);
	const bad = aliases.find(alias => !networkNamePattern.test(alias));
	return bad === undefined
		? {ok: true, value: aliases}
		: {
				ok: false,
				error: `${bad}: an alias is letters, digits and _ . - (starting with a letter or digit)`,
			};
}

export function pruneFilterFields(filters: PruneFilters): FormField[] {
	return [
		{
			kind: 'text',
			id: 'until',
			label: 'Until',
			value: filters.until,
			placeholder: 'only what was made before: 24h, 90m, 2026-01-02T15:04:05Z',
		},
		{
			kind: 'text',
			id: 'labels',
			label: 'Labels',
			value: [
				...filters.labels,
				...filters.notLabels.map(label => `!${label}`),
			].join(' '),
			placeholder: 'key or key=value, all must match; !key=value leaves out',
		},
	];
}

/**
The filters form as `parseFilters` takes a line: `until=… label=… label!=…`.
*/
export function validatePruneFilters(
	values: FormValues,
	now: number,
): Validated<PruneFilters> {
	const until = text(values, 'until').trim();
	const words = text(values, 'labels').trim().split(/\s+/).filter(Boolean);
	if (/\s/.test(until)) {
		return {ok: false, errors: {until: 'one until value, e.g. 24h'}};
	}

	const untilPart = until ? parseFilters(`until=${until}`, now) : undefined;
	if (untilPart && !untilPart.ok) {
		return {ok: false, errors: {until: untilPart.error}};
	}

	const labelLine = words
		.map(word =>
			/^label!?=/.test(word)
				? word
				: word.startsWith('!')
					? `label!=${word.slice(1)}`
					: `label=${word}`,
		)
		.join(' ');
	const labelPart = parseFilters(labelLine, now);
	if (!labelPart.ok) {
		return {ok: false, errors: {labels: labelPart.error}};
	}

	return {ok: true, value: {...labelPart.value, until}};
}
