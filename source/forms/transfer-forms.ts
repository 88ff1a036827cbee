/**
The forms of the transfers (pull, login, build, save, load, import, export, cp, search): their fields, and the
checks of what was typed. These checks are of the text only; what is on disk (a folder that is not there, a file
that would be overwritten) is checked when the form is sent (`commands/transfer-submit.ts`).
*/
import os from 'node:os';
import path from 'node:path';
import type {FormField} from '../state/types.js';
import type {TransferFormPurpose} from '../state/transfer-types.js';
import {flag, text, type FormValues, type Validated} from './form-values.js';
import {parseImageReference, parseRepoTag} from './image-reference.js';
import {excerpt} from './result.js';
import {splitCommand} from './shell-split.js';

export type TransferRequest =
	| {
			readonly action: 'pull';
			readonly reference: string;
			readonly platform?: string;
	  }
	| {
			readonly action: 'login';
			readonly registry: string;
			readonly username: string;
			readonly password: string;
	  }
	| {
			readonly action: 'build';
			readonly context: string;
			readonly dockerfile: string;
			readonly tags: readonly string[];
			readonly buildArgs: Readonly<Record<string, string>>;
			readonly target?: string;
			readonly noCache: boolean;
			readonly pull: boolean;
	  }
	| {
			readonly action: 'save' | 'export' | 'save-logs';
			readonly path: string;
			readonly overwrite: boolean;
	  }
	| {readonly action: 'load'; readonly path: string}
	| {
			readonly action: 'import';
			readonly path: string;
			readonly reference: string;
			readonly message: string;
			readonly changes: readonly string[];
	  }
	| {
			readonly action: 'cp-out' | 'cp-in';
			readonly source: string;
			readonly destination: string;
	  }
	| {readonly action: 'logout'; readonly registry: string}
	| {readonly action: 'search'; readonly term: string};

/**
A host path as typed, made absolute: `~` is the home folder, a relative path is from dockpit's folder. A trailing
`/` (or `/.`) is kept: it means something to `docker cp`.
*/
export function hostPath(typed: string, cwd: string = process.cwd()): string {
	const trimmed = typed.trim();
	const home =
		trimmed === '~' || trimmed.startsWith('~/')
			? path.join(os.homedir(), trimmed.slice(1))
			: trimmed;
	const absolute = path.resolve(cwd, home);
	const tail = /\/\.$/.test(trimmed) ? '/.' : /\/$/.test(trimmed) ? '/' : '';
	return absolute === '/' ? '/' : absolute + tail;
}

/**
The Dockerfile instructions `docker import --change` and `docker commit --change` accept (moby's
validCommitCommands).
*/
const changeInstructions = new Set([
	'CMD',
	'ENTRYPOINT',
	'ENV',
	'EXPOSE',
	'HEALTHCHECK',
	'LABEL',
	'ONBUILD',
	'STOPSIGNAL',
	'USER',
	'VOLUME',
	'WORKDIR',
]);

/**
Checks one `--change` line; undefined when it is fine.
*/
export function changeError(line: string): string | undefined {
	const match = /^(\S+)(?:\s+(.*))?$/.exec(line.trim());
	const instruction = match?.[1]?.toUpperCase() ?? '';
	if (!changeInstructions.has(instruction)) {
		return `${excerpt(match?.[1] ?? line)} is not allowed here; use one of ${[...changeInstructions].join(', ')}`;
	}

	const rest = match?.[2]?.trim() ?? '';
	if (rest === '') {
		return `${instruction} needs a value`;
	}

	if (rest.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(rest);
			if (
				!Array.isArray(parsed) ||
				!parsed.every(each => typeof each === 'string')
			) {
				throw new Error('not a list of strings');
			}
		} catch {
			return `${instruction} [..] must be a JSON list of strings, e.g. ["/bin/sh", "-c", "echo hi"]`;
		}
	}

	if (
		(instruction === 'ENV' || instruction === 'LABEL') &&
		!/^[^\s=]+(=|\s)/.test(rest)
	) {
		return `${instruction} needs KEY=value`;
	}

	if (
		instruction === 'EXPOSE' &&
		!/^\d+(\/(tcp|udp|sctp))?(\s+\d+(\/(tcp|udp|sctp))?)*$/.test(rest)
	) {
		return 'EXPOSE takes ports, e.g. 80/tcp';
	}

	return undefined;
}

/**
A text field for a host path: Tab completes it (`complete`: folders only, or any entry).
*/
function pathField(
	complete: 'folder' | 'path',
	...field: Parameters<typeof textField>
): FormField {
	return {...textField(...field), complete};
}

function textField(
	id: string,
	label: string,
	value: string,
	placeholder: string,
	hint?: string,
): Extract<FormField, {kind: 'text'}> {
	return {
		kind: 'text',
		id,
		label,
		value,
		placeholder,
		...(hint ? {hint} : {}),
	};
}

/**
The fields of each transfer form; `prefill` gives first values by field id.
*/
export function transferFormFields(
	action: TransferFormPurpose['action'],
	prefill: Readonly<Record<string, string>> = {},
): FormField[] {
	const value = (id: string) => prefill[id] ?? '';
	switch (action) {
		case 'pull': {
			return [
				textField(
					'reference',
					'Image',
					value('reference'),
					'name[:tag] or host:port/name[:tag]',
					'Tag defaults to latest; a registry host comes first (127.0.0.1:5000/team/app:v1)',
				),
				textField(
					'platform',
					'Platform',
					value('platform'),
					"optional: linux/amd64, linux/arm64 (the engine's own when empty)",
				),
			];
		}

		case 'login': {
			return [
				textField(
					'registry',
					'Registry',
					value('registry'),
					'host[:port], empty for Docker Hub',
				),
				textField('username', 'Username', value('username'), ''),
				{
					kind: 'text',
					id: 'password',
					label: 'Password',
					value: '',
					placeholder: 'checked by the engine before it is stored',
					secret: true,
				},
			];
		}

		case 'logout': {
			return [
				textField(
					'registry',
					'Registry',
					value('registry'),
					'host[:port], empty for Docker Hub',
				),
			];
		}

		case 'build': {
			return [
				pathField(
					'folder',
					'context',
					'Context',
					value('context'),
					'the folder sent to the engine, e.g. . or ~/src/app',
				),
				textField(
					'dockerfile',
					'Dockerfile',
					value('dockerfile'),
					'Dockerfile (in the context)',
					'A path in the context folder; empty for <context>/Dockerfile',
				),
				textField('tags', 'Tags', value('tags'), 'app:v1 app:latest'),
				textField(
					'buildArgs',
					'Build args',
					value('buildArgs'),
					'KEY=value KEY2="with space"',
				),
				textField('target', 'Target', value('target'), 'optional stage name'),
				{
					kind: 'toggle',
					id: 'noCache',
					label: 'No cache (--no-cache)',
					value: false,
				},
				{
					kind: 'toggle',
					id: 'pull',
					label: 'Pull newer base images (--pull)',
					value: false,
				},
			];
		}

		case 'save':
		case 'export': {
			return [
				pathField(
					'path',
					'path',
					'Save to',
					value('path'),
					'a .tar file on this machine',
				),
			];
		}

		case 'save-logs': {
			return [
				pathField(
					'path',
					'path',
					'Save to',
					value('path'),
					'a file on this machine',
				),
			];
		}

		case 'load': {
			return [
				pathField(
					'path',
					'path',
					'Tar file',
					value('path'),
					'an image archive, as docker save makes',
				),
			];
		}

		case 'import': {
			return [
				pathField(
					'path',
					'path',
					'Tarball',
					value('path'),
					'a filesystem tar, e.g. from docker export',
				),
				textField(
					'reference',
					'Image',
					value('reference'),
					'repository[:tag], empty for untagged',
				),
				textField(
					'message',
					'Message',
					value('message'),
					'optional commit message',
				),
				textField(
					'change1',
					'Change',
					value('change1'),
					'optional: CMD ["/bin/sh"]',
				),
				textField(
					'change2',
					'Change',
					value('change2'),
					'optional: ENV KEY=value',
				),
				textField(
					'change3',
					'Change',
					value('change3'),
					'optional: WORKDIR /app',
				),
			];
		}

		case 'cp-out': {
			return [
				textField('source', 'From', value('source'), 'path in the container'),
				pathField(
					'path',
					'destination',
					'To (host)',
					value('destination'),
					'a host path; an existing folder gets it inside',
					'As docker cp: a trailing / means a folder, src/. copies what is in it',
				),
			];
		}

		case 'cp-in': {
			return [
				pathField(
					'path',
					'source',
					'From (host)',
					value('source'),
					'a host file or folder',
				),
				textField(
					'destination',
					'To',
					value('destination'),
					'path in the container',
					'As docker cp: an existing folder gets it inside; the parent must exist',
				),
			];
		}

		case 'search': {
			return [textField('term', 'Search', value('term'), 'a name, e.g. nginx')];
		}
	}
}

/**
A registry as typed in the login and logout forms (empty is Docker Hub).
*/
function registryError(registry: string): string | undefined {
	return /\s/.test(registry) ? 'registry may not contain spaces' : undefined;
}

function need(value: string, what: string): string | undefined {
	return value.trim() === '' ? `${what} is required` : undefined;
}

function errors(
	entries: ReadonlyArray<readonly [string, string | undefined]>,
): Record<string, string> {
	return Object.fromEntries(
		entries.filter(
			(entry): entry is [string, string] => entry[1] !== undefined,
		),
	);
}

const platformPattern = /^[a-z\d_]+\/[a-z\d_]+(\/[a-z\d_]+)?$/;

/**
Checks a transfer form's text; the request, or a message per wrong field.
*/
export function validateTransferForm(
	purpose: TransferFormPurpose,
	values: FormValues,
): Validated<TransferRequest> {
	const fail = (
		entries: ReadonlyArray<readonly [string, string | undefined]>,
	) => {
		const found = errors(entries);
		return Object.keys(found).length > 0
			? ({ok: false, errors: found} as const)
			: undefined;
	};

	switch (purpose.action) {
		case 'pull': {
			const reference = parseImageReference(text(values, 'reference'));
			const platform = text(values, 'platform').trim();
			const wrong = fail([
				['reference', reference.ok ? undefined : reference.error],
				[
					'platform',
					platform === '' || platformPattern.test(platform)
						? undefined
						: 'platform is os/arch[/variant], e.g. linux/amd64',
				],
			]);
			if (wrong || !reference.ok) {
				return wrong ?? {ok: false, errors: {}};
			}

			return {
				ok: true,
				value: {
					action: 'pull',
					reference: reference.value.reference,
					...(platform ? {platform} : {}),
				},
			};
		}

		case 'login': {
			const registry = text(values, 'registry').trim();
			const username = text(values, 'username').trim();
			const password = text(values, 'password');
			const wrong = fail([
				['registry', registryError(registry)],
				['username', need(username, 'username')],
				['password', password === '' ? 'password is required' : undefined],
			]);
			return (
				wrong ?? {
					ok: true,
					value: {action: 'login', registry, username, password},
				}
			);
		}

		case 'logout': {
			const registry = text(values, 'registry').trim();
			return (
				fail([['registry', registryError(registry)]]) ?? {
					ok: true,
					value: {action: 'logout', registry},
				}
			);
		}

		case 'build': {
			const context = text(values, 'context').trim();
			const dockerfile = text(values, 'dockerfile').trim();
			const tags = text(values, 'tags')
				.split(/[\s,]+/)
				.filter(Boolean);
			const tagResults = tags.map(tag => parseImageReference(tag));
			const badTag = tagResults.find(result => !result.ok);
			const args = splitCommand(text(values, 'buildArgs'));
			const buildArgs: Record<string, string> = {};
			let argsError: string | undefined = args.ok ? undefined : args.error;
			for (const word of args.ok ? args.value : []) {
				const equals = word.indexOf('=');
				if (equals <= 0) {
					argsError ??= `build arg ${excerpt(word)} is not KEY=value`;
					continue;
				}

				buildArgs[word.slice(0, equals)] = word.slice(equals + 1);
			}

			const target = text(values, 'target').trim();
			const wrong = fail([
				['context', need(context, 'the context folder')],
				['tags', badTag && !badTag.ok ? badTag.error : undefined],
				['buildArgs', argsError],
				[
					'target',
					target === '' || /^[A-Za-z][\w.-]*$/.test(target)
						? undefined
						: 'target is a stage name (letters, digits, _ . -)',
				],
			]);
			if (wrong) {
				return wrong;
			}

			return {
				ok: true,
				value: {
					action: 'build',
					context: hostPath(context),
					dockerfile,
					tags: tagResults.flatMap(result =>
						result.ok ? [result.value.reference] : [],
					),
					buildArgs,
					...(target ? {target} : {}),
					noCache: flag(values, 'noCache'),
					pull: flag(values, 'pull'),
				},
			};
		}

		case 'save':
		case 'export':
		case 'save-logs': {
			const file = text(values, 'path').trim();
			const wrong = fail([
				['path', need(file, 'a file to save to')],
				[
					'path',
					file !== '' && /\/$/.test(file)
						? 'give a file name, not a folder'
						: undefined,
				],
			]);
			return (
				wrong ?? {
					ok: true,
					value: {
						action: purpose.action,
						path: hostPath(file),
						overwrite: flag(values, 'overwrite'),
					},
				}
			);
		}

		case 'load': {
			const file = text(values, 'path').trim();
			return (
				fail([['path', need(file, 'the tar file')]]) ?? {
					ok: true,
					value: {action: 'load', path: hostPath(file)},
				}
			);
		}

		case 'import': {
			const file = text(values, 'path').trim();
			const referenceText = text(values, 'reference').trim();
			const reference =
				referenceText === '' ? undefined : parseRepoTag(referenceText);
			const changeIds = ['change1', 'change2', 'change3'];
			const wrong = fail([
				['path', need(file, 'the tarball')],
				['reference', reference && !reference.ok ? reference.error : undefined],
				...changeIds.map(
					id =>
						[
							id,
							text(values, id).trim() === ''
								? undefined
								: changeError(text(values, id)),
						] as const,
				),
			]);
			if (wrong) {
				return wrong;
			}

			return {
				ok: true,
				value: {
					action: 'import',
					path: hostPath(file),
					reference: reference?.ok ? reference.value.reference : '',
					message: text(values, 'message').trim(),
					changes: changeIds.map(id => text(values, id).trim()).filter(Boolean),
				},
			};
		}

		case 'cp-out':
		case 'cp-in': {
			const source = text(values, 'source').trim();
			const destination = text(values, 'destination').trim();
			const inContainer = (value: string) =>
				value.startsWith('/')
					? undefined
					: 'a path in the container starts with /';
			const wrong = fail([
				['source', need(source, 'what to copy')],
				['destination', need(destination, 'where to copy it')],
				...(purpose.action === 'cp-out'
					? ([['source', source ? inContainer(source) : undefined]] as const)
					: ([
							[
								'destination',
								destination ? inContainer(destination) : undefined,
							],
						] as const)),
			]);
			if (wrong) {
				return wrong;
			}

			return {
				ok: true,
				value: {
					action: purpose.action,
					source: purpose.action === 'cp-in' ? hostPath(source) : source,
					destination:
						purpose.action === 'cp-out' ? hostPath(destination) : destination,
				},
			};
		}

		case 'search': {
			const term = text(values, 'term').trim();
			return (
				fail([['term', need(term, 'a search term')]]) ?? {
					ok: true,
					value: {action: 'search', term},
				}
			);
		}
	}
}
