/**
Pure functions from the engine's raw JSON to dockpit's domain types.

Every raw field is treated as optional and possibly of the wrong type: a missing or odd field becomes an empty
value, never an exception. Every string that may be shown is passed through `sanitize`. A raw object that lacks
the one thing that makes it usable (a container's or image's id) gives `undefined`.
*/
import sanitize, {sanitizeRecord} from '../format/printable.js';
import {
	containerStates,
	type ContainerDetails,
	type ContainerState,
	type ContainerSummary,
	type DockerEvent,
	type EngineInfo,
	type FileChange,
	type ImageDetails,
	type ImageLayer,
	type ImageSummary,
	type PortMapping,
} from './types.js';

type Raw = Record<string, unknown>;

const composeProjectLabel = 'com.docker.compose.project';

function record(value: unknown): Raw {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Raw)
		: {};
}

function text(value: unknown): string {
	return typeof value === 'string' ? sanitize(value) : '';
}

function finiteNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value)
		? value
		: undefined;
}

function count(value: unknown): number {
	const number_ = finiteNumber(value);
	return number_ !== undefined && number_ > 0 ? number_ : 0;
}

function bool(value: unknown): boolean {
	return value === true;
}

/**
A string array; a single string counts as one element (the engine sends `Entrypoint` either way).
*/
function strings(value: unknown): string[] {
	if (typeof value === 'string') {
		return [sanitize(value)];
	}

	if (!Array.isArray(value)) {
		return [];
	}

	return value
		.filter((item): item is string => typeof item === 'string')
		.map(item => sanitize(item));
}

/**
A string record (labels, attributes); numbers and booleans are stringified, anything else is dropped.
*/
function stringRecord(value: unknown): Record<string, string> {
	const clean: Record<string, string> = {};
	for (const [key, item] of Object.entries(record(value))) {
		if (
			typeof item === 'string' ||
			typeof item === 'number' ||
			typeof item === 'boolean'
		) {
			clean[key] = String(item);
		}
	}

	return sanitizeRecord(clean);
}

/**
Unix seconds → milliseconds; 0 when absent.
*/
function secondsToMs(value: unknown): number {
	const seconds = finiteNumber(value);
	return seconds !== undefined && seconds > 0 ? seconds * 1000 : 0;
}

/**
An RFC 3339 date, or Unix seconds, → milliseconds; `undefined` for absent or zero dates (`0001-01-01T00:00:00Z`).
*/
function dateToMs(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return value > 0 ? secondsToMs(value) : undefined;
	}

	if (typeof value !== 'string' || value === '') {
		return undefined;
	}

	const ms = Date.parse(value);
	return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function isContainerState(value: string): value is ContainerState {
	return (containerStates as readonly string[]).includes(value);
}

/**
A container state from the API's `State`, or guessed from the status line when `State` is missing (old engines).
*/
export function parseContainerState(
	state: unknown,
	status: string,
): ContainerState {
	if (typeof state === 'string' && state !== '') {
		const lower = state.toLowerCase();
		return isContainerState(lower) ? lower : 'unknown';
	}

	if (/\(paused\)/i.test(status)) {
		return 'paused';
	}

	const guesses: Array<[RegExp, ContainerState]> = [
		[/^up\b/i, 'running'],
		[/^exited\b/i, 'exited'],
		[/^created\b/i, 'created'],
		[/^restarting\b/i, 'restarting'],
		[/^removal in progress\b/i, 'removing'],
		[/^dead\b/i, 'dead'],
	];
	for (const [pattern, guess] of guesses) {
		if (pattern.test(status)) {
			return guess;
		}
	}

	return 'unknown';
}

/**
The exit code in a status line such as `Exited (137) 5 minutes ago`.
*/
export function parseExitCode(status: string): number | undefined {
	const match = /^exited \((-?\d+)\)/i.exec(status.trim());
	return match ? Number(match[1]) : undefined;
}

function protocol(value: unknown): PortMapping['protocol'] {
	return value === 'udp' || value === 'sctp' ? value : 'tcp';
}

function port(value: unknown): number | undefined {
	const number_ =
		typeof value === 'string' && /^\d+$/.test(value)
			? Number(value)
			: finiteNumber(value);
	return number_ !== undefined &&
		Number.isInteger(number_) &&
		number_ > 0 &&
		number_ < 65_536
		? number_
		: undefined;
}

function portMapping(
	privatePort: number,
	proto: unknown,
	publicPort: unknown,
	ip: unknown,
): PortMapping {
	const published = port(publicPort);
	const address = text(ip);
	return {
		privatePort,
		...(published === undefined ? {} : {publicPort: published}),
		...(published === undefined || address === '' ? {} : {ip: address}),
		protocol: protocol(proto),
	};
}

/**
Ports of a list row: `[{IP, PrivatePort, PublicPort, Type}]`.
*/
function listPorts(value: unknown): PortMapping[] {
	if (!Array.isArray(value)) {
		return [];
	}

	const ports: PortMapping[] = [];
	for (const item of value) {
		const raw = record(item);
		const privatePort = port(raw['PrivatePort']);
		if (privatePort !== undefined) {
			ports.push(
				portMapping(privatePort, raw['Type'], raw['PublicPort'], raw['IP']),
			);
		}
	}

	return ports;
}

/**
`80/tcp` → port and protocol.
*/
function parsePortKey(
	key: string,
): {port: number; protocol: PortMapping['protocol']} | undefined {
	const match = /^(\d+)(?:\/(\w+))?$/.exec(key);
	const privatePort = match ? port(match[1]) : undefined;
	return privatePort === undefined
		? undefined
		: {port: privatePort, protocol: protocol(match?.[2])};
}

/**
Ports of an inspect: `NetworkSettings.Ports` (`{"80/tcp": [{HostIp, HostPort}] | null}`), plus exposed ports that
are not in it (a stopped container has no `NetworkSettings.Ports`).
*/
function inspectPorts(networkPorts: unknown, exposed: unknown): PortMapping[] {
	const ports: PortMapping[] = [];
	const seen = new Set<string>();
	for (const [key, bindings] of Object.entries(record(networkPorts))) {
		const parsed = parsePortKey(key);
		if (!parsed) {
			continue;
		}

		seen.add(`${parsed.port}/${parsed.protocol}`);
		const list = Array.isArray(bindings) ? bindings : [];
		if (list.length === 0) {
			ports.push({privatePort: parsed.port, protocol: parsed.protocol});
		}

		for (const binding of list) {
			const raw = record(binding);
			ports.push(
				portMapping(
					parsed.port,
					parsed.protocol,
					raw['HostPort'],
					raw['HostIp'],
				),
			);
		}
	}

	for (const key of Object.keys(record(exposed))) {
		const parsed = parsePortKey(key);
		if (parsed && !seen.has(`${parsed.port}/${parsed.protocol}`)) {
			seen.add(`${parsed.port}/${parsed.protocol}`);
			ports.push({privatePort: parsed.port, protocol: parsed.protocol});
		}
	}

	return ports;
}

/**
The primary name from a list row's `Names` (`/web`; linked containers also have `/other/alias`).
*/
function primaryName(value: unknown): string {
	const names = Array.isArray(value)
		? value.filter((item): item is string => typeof item === 'string')
		: [];
	const name =
		names.find(item => !item.slice(1).includes('/')) ?? names[0] ?? '';
	return sanitize(name.replace(/^\//, ''));
}

function composeProject(labels: Readonly<Record<string, string>>): {
	composeProject?: string;
} {
	const project = labels[composeProjectLabel];
	return project ? {composeProject: project} : {};
}

/**
One row of `GET /containers/json` → `ContainerSummary`; `undefined` without an `Id`.
*/
export function normalizeContainerSummary(
	value: unknown,
): ContainerSummary | undefined {
	const raw = record(value);
	const id = text(raw['Id']);
	if (id === '') {
		return undefined;
	}

	const status = text(raw['Status']);
	const state = parseContainerState(raw['State'], status);
	const exitCode = parseExitCode(status);
	const labels = stringRecord(raw['Labels']);
	return {
		id,
		name: primaryName(raw['Names']),
		image: text(raw['Image']),
		imageId: text(raw['ImageID']),
		command: text(raw['Command']),
		state,
		status,
		...(exitCode === undefined ? {} : {exitCode}),
		created: secondsToMs(raw['Created']),
		ports: listPorts(raw['Ports']),
		labels,
		...composeProject(labels),
	};
}

/**
A status line for an inspected container, in the engine's words but without the relative time.
*/
function inspectStatus(state: ContainerState, rawState: Raw): string {
	const exitCode = finiteNumber(rawState['ExitCode']);
	switch (state) {
		case 'running': {
			// As the list words it: `Up 3 minutes (unhealthy)`, `(health: starting)`.
			const health = text(record(rawState['Health'])['Status']);
			return health === 'healthy' || health === 'unhealthy'
				? `Up (${health})`
				: health === 'starting'
					? 'Up (health: starting)'
					: 'Up';
		}

		case 'paused': {
			return 'Up (Paused)';
		}

		case 'restarting': {
			return exitCode === undefined ? 'Restarting' : `Restarting (${exitCode})`;
		}

		case 'exited': {
			return exitCode === undefined ? 'Exited' : `Exited (${exitCode})`;
		}

		case 'created': {
			return 'Created';
		}

		case 'removing': {
			return 'Removal In Progress';
		}

		case 'dead': {
			return 'Dead';
		}

		case 'unknown': {
			return text(rawState['Status']) || 'Unknown';
		}
	}
}

function restartPolicy(value: unknown): string {
	const raw = record(value);
	const name = text(raw['Name']) || 'no';
	const retries = count(raw['MaximumRetryCount']);
	return name === 'on-failure' && retries > 0 ? `${name}:${retries}` : name;
}

/**
`GET /containers/{id}/json` → `ContainerDetails`; `undefined` without an `Id`.
*/
export function normalizeContainerDetails(
	value: unknown,
): ContainerDetails | undefined {
	const raw = record(value);
	const id = text(raw['Id']);
	if (id === '') {
		return undefined;
	}

	const rawState = record(raw['State']);
	const config = record(raw['Config']);
	const hostConfig = record(raw['HostConfig']);
	const networkSettings = record(raw['NetworkSettings']);
	const state = parseContainerState(rawState['Status'], '');
	const exitCode = finiteNumber(rawState['ExitCode']);
	const labels = stringRecord(config['Labels']);
	const startedAt = dateToMs(rawState['StartedAt']);
	const finishedAt = dateToMs(rawState['FinishedAt']);
	const pid = count(rawState['Pid']);
	const error = text(rawState['Error']);
	const path = typeof raw['Path'] === 'string' ? [raw['Path']] : [];
	const args = Array.isArray(raw['Args'])
		? raw['Args'].filter(item => typeof item === 'string')
		: [];

	return {
		id,
		name: text(raw['Name']).replace(/^\//, ''),
		image: text(config['Image']) || text(raw['Image']),
		imageId: text(raw['Image']),
		command: sanitize([...path, ...args].join(' ')),
		state,
		status: inspectStatus(state, rawState),
		...(exitCode !== undefined && (state === 'exited' || state === 'dead')
			? {exitCode}
			: {}),
		created: dateToMs(raw['Created']) ?? 0,
		ports: inspectPorts(networkSettings['Ports'], config['ExposedPorts']),
		labels,
		...composeProject(labels),
		...(startedAt === undefined ? {} : {startedAt}),
		...(finishedAt === undefined ? {} : {finishedAt}),
		...(pid > 0 ? {pid} : {}),
		tty: bool(config['Tty']),
		openStdin: bool(config['OpenStdin']),
		entrypoint: strings(config['Entrypoint']),
		cmd: strings(config['Cmd']),
		env: strings(config['Env']),
		workingDir: text(config['WorkingDir']),
		restartPolicy: restartPolicy(hostConfig['RestartPolicy']),
		mounts: (Array.isArray(raw['Mounts']) ? raw['Mounts'] : []).map(item => {
			const mount = record(item);
			return {
				type: text(mount['Type']),
				source: text(mount['Source']) || text(mount['Name']),
				destination: text(mount['Destination']),
				readOnly: mount['RW'] === false,
			};
		}),
		networks: Object.entries(record(networkSettings['Networks'])).map(
			([name, network]) => ({
				name: sanitize(name),
				ipAddress: text(record(network)['IPAddress']),
			}),
		),
		...(error === '' ? {} : {error}),
	};
}

function repoTags(value: unknown): string[] {
	return strings(value).filter(tag => tag !== '<none>:<none>' && tag !== '');
}

function repoDigests(value: unknown): string[] {
	return strings(value).filter(
		digest => digest !== '<none>@<none>' && digest !== '',
	);
}

/**
One row of `GET /images/json` → `ImageSummary`; `undefined` without an `Id`.
*/
export function normalizeImageSummary(
	value: unknown,
): ImageSummary | undefined {
	const raw = record(value);
	const id = text(raw['Id']);
	if (id === '') {
		return undefined;
	}

	const tags = repoTags(raw['RepoTags']);
	return {
		id,
		repoTags: tags,
		repoDigests: repoDigests(raw['RepoDigests']),
		created: dateToMs(raw['Created']) ?? 0,
		size: count(raw['Size']),
		dangling: tags.length === 0,
		labels: stringRecord(raw['Labels']),
	};
}

/**
One entry of `GET /images/{id}/history` → `ImageLayer`.
*/
export function normalizeImageLayer(value: unknown): ImageLayer {
	const raw = record(value);
	return {
		id: text(raw['Id']) || '<missing>',
		created: dateToMs(raw['Created']) ?? 0,
		createdBy: text(raw['CreatedBy']),
		size: count(raw['Size']),
		comment: text(raw['Comment']),
		tags: repoTags(raw['Tags']),
	};
}

/**
`GET /images/{id}/json` and `GET /images/{id}/history` → `ImageDetails`; `undefined` without an `Id`.
*/
export function normalizeImageDetails(
	inspect: unknown,
	history: unknown,
): ImageDetails | undefined {
	const raw = record(inspect);
	const config = record(raw['Config']);
	// Inspect has the summary's fields under the same names, except the labels, which sit in `Config`.
	const summary = normalizeImageSummary({...raw, Labels: config['Labels']});
	if (!summary) {
		return undefined;
	}

	return {
		...summary,
		architecture: text(raw['Architecture']),
		os: text(raw['Os']),
		author: text(raw['Author']),
		comment: text(raw['Comment']),
		cmd: strings(config['Cmd']),
		entrypoint: strings(config['Entrypoint']),
		env: strings(config['Env']),
		exposedPorts: Object.keys(record(config['ExposedPorts'])).map(key =>
			sanitize(key),
		),
		layers: (Array.isArray(history) ? history : []).map(item =>
			normalizeImageLayer(item),
		),
	};
}

/**
One `/events` message → `DockerEvent`; `undefined` when it has neither a type nor an action.
Time from `timeNano` (ns) or else `time` (s), in milliseconds; 0 when the engine sent neither.
*/
export function normalizeEvent(value: unknown): DockerEvent | undefined {
	const raw = record(value);
	const actor = record(raw['Actor']);
	const type = text(raw['Type']);
	const action = text(raw['Action']) || text(raw['status']);
	if (type === '' && action === '') {
		return undefined;
	}

	const attributes = stringRecord(actor['Attributes']);
	const timeNano = finiteNumber(raw['timeNano']);
	const time =
		timeNano !== undefined && timeNano > 0
			? Math.floor(timeNano / 1e6)
			: secondsToMs(raw['time']);
	const name = attributes['name'];
	return {
		type: type || 'unknown',
		action,
		id: text(actor['ID']) || text(raw['id']),
		...(name ? {name} : {}),
		attributes,
		time,
	};
}

/**
`GET /version` and `GET /info` → `EngineInfo`.
*/
export function normalizeEngineInfo(
	host: string,
	version: unknown,
	info: unknown,
): EngineInfo {
	const rawVersion = record(version);
	const rawInfo = record(info);
	return {
		host: sanitize(host),
		version: text(rawVersion['Version']) || text(rawInfo['ServerVersion']),
		apiVersion: text(rawVersion['ApiVersion']),
		os: text(rawInfo['OperatingSystem']) || text(rawVersion['Os']),
		name: text(rawInfo['Name']),
		containers: count(rawInfo['Containers']),
		images: count(rawInfo['Images']),
		swarm: text(record(rawInfo['Swarm'])['LocalNodeState']) || 'inactive',
	};
}

/**
`GET /containers/{id}/changes` → `FileChange[]` (Kind 0 changed, 1 added, 2 deleted). The engine sends `null`
when nothing changed.
*/
export function normalizeChanges(value: unknown): FileChange[] {
	const kinds: Record<number, FileChange['kind']> = {0: 'C', 1: 'A', 2: 'D'};
	const changes: FileChange[] = [];
	for (const item of Array.isArray(value) ? value : []) {
		const raw = record(item);
		const kind =
			typeof raw['Kind'] === 'number' ? kinds[raw['Kind']] : undefined;
		const path = text(raw['Path']);
		if (kind && path !== '') {
			changes.push({kind, path});
		}
	}

	return changes;
}
