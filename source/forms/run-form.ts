import type {RunSpec} from '../engine/types.js';
import type {FormField} from '../state/types.js';
import {validateContainerName} from './container-name.js';
import {formatEnvList, parseEnvList} from './env.js';
import {flag, text, type FormValues, type Validated} from './form-values.js';
import {parseImageReference} from './image-reference.js';
import {parsePortList} from './port-spec.js';
import {parseRestartPolicy} from './restart-policy.js';
import {joinCommand, splitCommand} from './shell-split.js';
import {parseVolumeList} from './volume-spec.js';

/**
`sha256:<64 hex>`, or 12 to 64 hex digits: an image id rather than a reference.
*/
const imageId = /^(?:sha256:[\da-f]{64}|[\da-f]{12,64})$/;

const restartPolicies = ['no', 'always', 'unless-stopped', 'on-failure'];

/**
The fields of the run form (`docker run -d`), prefilled with `image` and its default command.
*/
export function runFormFields(image: string, command: readonly string[]) {
	const fields: FormField[] = [
		{kind: 'text', id: 'image', label: 'Image', value: image},
		{
			kind: 'text',
			id: 'name',
			label: 'Name',
			value: '',
			placeholder: 'empty: Docker picks one',
		},
		{
			kind: 'text',
			id: 'command',
			label: 'Command',
			value: joinCommand(command),
			placeholder: "the image's default",
			hint: 'Split like a shell would: sh -c "echo hi; sleep 60"',
		},
		{
			kind: 'text',
			id: 'ports',
			label: 'Ports',
			value: '',
			placeholder: '8080:80 127.0.0.1:8443:443/tcp 80',
			hint: '-p syntax, several separated by spaces or commas',
		},
		{
			kind: 'text',
			id: 'env',
			label: 'Env',
			value: '',
			placeholder: 'KEY=VALUE OTHER="two words"',
			hint: 'KEY=VALUE, several separated by spaces; quote values with spaces',
		},
		{
			kind: 'text',
			id: 'volumes',
			label: 'Volumes',
			value: '',
			placeholder: '/host:/ctr:ro name:/data',
			hint: '-v syntax: /host/path:/ctr[:ro], name:/ctr, or /ctr for an anonymous volume',
		},
		{
			kind: 'choice',
			id: 'restart',
			label: 'Restart',
			value: 'no',
			options: restartPolicies,
			hint: 'Space or ←/→ to change',
		},
		{
			kind: 'toggle',
			id: 'rm',
			label: 'Remove when it exits (--rm)',
			value: false,
		},
		{
			kind: 'toggle',
			id: 'tty',
			label: 'Interactive with a TTY (-it)',
			value: false,
			hint: 'Starts it attached in the shell pane, as docker run -it does',
		},
	];
	return fields;
}

/**
Checks the image field: a reference (`busybox`, `app:v2`, `registry:5000/team/app@sha256:…`) or an image id.
*/
export function parseRunImage(value: string) {
	const trimmed = value.trim();
	if (imageId.test(trimmed)) {
		return {ok: true as const, value: trimmed};
	}

	const parsed = parseImageReference(trimmed);
	return parsed.ok
		? {ok: true as const, value: parsed.value.reference}
		: parsed;
}

/**
Turns the run form into the request, or says what is wrong with each field. Nothing is sent unless every field
is valid. `imageHasCommand`: the image has a command or entrypoint of its own, so the command may be empty.
*/
export function validateRunForm(
	values: FormValues,
	{imageHasCommand}: {readonly imageHasCommand: boolean},
): Validated<RunSpec> {
	const errors: Record<string, string> = {};
	const image = parseRunImage(text(values, 'image'));
	if (!image.ok) {
		errors['image'] = image.error;
	}

	const name = validateContainerName(text(values, 'name'));
	if (!name.ok) {
		errors['name'] = name.error;
	}

	const command = splitCommand(text(values, 'command'));
	if (!command.ok) {
		errors['command'] = command.error;
	} else if (command.value.length === 0 && !imageHasCommand) {
		errors['command'] =
			'this image has no command of its own; enter one (e.g. sh)';
	}

	const ports = parsePortList(text(values, 'ports'));
	if (!ports.ok) {
		errors['ports'] = ports.error;
	}

	const env = parseEnvList(text(values, 'env'));
	if (!env.ok) {
		errors['env'] = env.error;
	}

	const volumes = parseVolumeList(text(values, 'volumes'));
	if (!volumes.ok) {
		errors['volumes'] = volumes.error;
	}

	const restart = parseRestartPolicy(text(values, 'restart'));
	const autoRemove = flag(values, 'rm');
	if (!restart.ok) {
		errors['restart'] = restart.error;
	} else if (autoRemove && restart.value.name !== 'no') {
		errors['restart'] =
			'a container removed when it exits cannot also be restarted (--rm)';
	}

	if (
		!image.ok ||
		!name.ok ||
		!command.ok ||
		!ports.ok ||
		!env.ok ||
		!volumes.ok ||
		!restart.ok ||
		Object.keys(errors).length > 0
	) {
		return {ok: false, errors};
	}

	const tty = flag(values, 'tty');
	return {
		ok: true,
		value: {
			image: image.value,
			...(name.value === undefined ? {} : {name: name.value}),
			cmd: command.value,
			env: formatEnvList(env.value),
			ports: ports.value,
			volumes: volumes.value.map(volume =>
				volume.kind === 'anonymous' ? volume.target : volume.spec,
			),
			restartPolicy: restart.value.name,
			autoRemove,
			tty,
			openStdin: tty,
			labels: {},
		},
	};
}
