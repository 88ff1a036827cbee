/**
The command line's container commands, as the docker CLI names them: `:start`, `:stop`, `:kill -s HUP web`,
`:rm -f web`, `:commit web app:v2`, `:run -d --name x -p 8080:80 busybox:local sh -c 'echo hi'`…
*/
import {
	type ContainerAction,
	performAction,
	performKill,
} from '../commands/containers.js';
import {
	openCommitForm,
	runFromContainer,
	runFromImage,
} from '../commands/open-forms.js';
import {performRemove} from '../commands/remove-containers.js';
import {openForContainer} from '../commands/shell.js';
import {
	missingImage,
	performCommit,
	performRun,
} from '../commands/submit-form.js';
import type {KillSignal} from '../engine/types.js';
import {validateCommitForm} from '../forms/commit-form.js';
import {excerpt, fail, ok, type Result} from '../forms/result.js';
import {validateRunForm} from '../forms/run-form.js';
import {parseEnvEntry} from '../forms/env.js';
import {joinCommand} from '../forms/shell-split.js';
import {lastValue, type OptionSpec} from './args.js';
import {findContainer, targetOf, targetsOf} from './names.js';
import type {LineCommand, LineRun} from './types.js';

const signals: ReadonlyArray<readonly [KillSignal, number]> = [
	['SIGKILL', 9],
	['SIGTERM', 15],
	['SIGINT', 2],
	['SIGHUP', 1],
	['SIGUSR1', 10],
];

/**
`-s` of `docker kill`: `HUP`, `SIGHUP`, `sighup` or `1`.
*/
export function parseSignal(text: string): Result<KillSignal> {
	const upper = text.trim().toUpperCase();
	const found = signals.find(
		([name, number]) =>
			name === upper || name === `SIG${upper}` || String(number) === upper,
	);
	return found
		? ok(found[0])
		: fail(
				`dockpit sends KILL, TERM, INT, HUP or USR1 (by name or number), not ${excerpt(text)}`,
			);
}

/**
`:start`, `:stop`, `:restart`, `:pause`, `:unpause`: on the named containers, else the marked or selected ones.
*/
function lifecycle(
	action: ContainerAction,
	description: string,
	options: readonly OptionSpec[] = [],
): LineCommand {
	return {
		name: action,
		usage: `${options.length > 0 ? '[OPTIONS] ' : ''}CONTAINER...`,
		description,
		docker: true,
		mutating: true,
		options,
		complete: ['container'],
		prepare(args, state) {
			const targets = targetsOf(state, 'containers', args.positional, action);
			if (!targets.ok) {
				return targets;
			}

			const time = lastValue(args, 'time');
			if (time !== undefined && !/^\d+$/.test(time)) {
				return fail(`-t is whole seconds, not ${excerpt(time)}`);
			}

			return ok(async context =>
				performAction(
					context,
					action,
					targets.value,
					time === undefined ? {} : {timeout: Number(time)},
				),
			);
		},
	};
}

const timeOption: OptionSpec = {
	short: 't',
	long: 'time',
	value: 'SECONDS',
	description: 'Seconds to wait before killing it',
};

/**
`-e`, `-p`, `-v` values as the run form's fields take them: one field of several, quoted like a shell.
*/
const field = (values: readonly string[] | undefined) =>
	joinCommand(values ?? []);

const runOptions: readonly OptionSpec[] = [
	{short: 'd', long: 'detach', description: 'Run in the background'},
	{short: 'i', long: 'interactive', description: 'Keep stdin open'},
	{short: 't', long: 'tty', description: 'A terminal (-it: in the shell pane)'},
	{long: 'name', value: 'NAME', description: 'Name the container'},
	{short: 'p', long: 'publish', value: 'PORT', description: 'Publish a port'},
	{short: 'e', long: 'env', value: 'KEY=VALUE', description: 'Set a variable'},
	{short: 'v', long: 'volume', value: 'VOLUME', description: 'Mount a volume'},
	{long: 'restart', value: 'POLICY', description: 'Restart policy'},
	{long: 'rm', description: 'Remove it when it exits'},
	{short: 'l', long: 'label', value: 'KEY=VALUE', description: 'Set a label'},
];

/**
The run form's field each message is about, as the option that set it.
*/
const runFieldOptions: Readonly<Record<string, string>> = {
	image: 'image',
	name: '--name',
	command: 'command',
	ports: '-p',
	env: '-e',
	volumes: '-v',
	restart: '--restart',
};

export const containerCommands: readonly LineCommand[] = [
	lifecycle('start', 'Start stopped containers'),
	lifecycle('stop', 'Stop containers gracefully', [timeOption]),
	lifecycle('restart', 'Restart containers'),
	lifecycle('pause', 'Pause containers'),
	lifecycle('unpause', 'Unpause containers'),
	{
		name: 'kill',
		usage: '[-s SIGNAL] CONTAINER...',
		description: 'Send a signal (SIGKILL unless -s says)',
		docker: true,
		mutating: true,
		options: [
			{
				short: 's',
				long: 'signal',
				value: 'SIGNAL',
				description: 'The signal (HUP, TERM, INT, USR1, KILL)',
			},
		],
		complete: ['container'],
		prepare(args, state) {
			const given = lastValue(args, 'signal');
			const signal =
				given === undefined ? ok('SIGKILL' as const) : parseSignal(given);
			if (!signal.ok) {
				return signal;
			}

			const targets = targetsOf(state, 'containers', args.positional, 'kill');
			return targets.ok
				? ok(async context => performKill(context, signal.value, targets.value))
				: targets;
		},
	},
	{
		name: 'rm',
		usage: '[-f] [-v] CONTAINER...',
		description: 'Remove containers (-f kills running ones first)',
		docker: true,
		mutating: true,
		options: [
			{short: 'f', long: 'force', description: 'Kill it first if it runs'},
			{short: 'v', long: 'volumes', description: 'Its anonymous volumes too'},
		],
		complete: ['container'],
		prepare(args, state) {
			const targets = targetsOf(state, 'containers', args.positional, 'rm');
			return targets.ok
				? ok(async context =>
						performRemove(
							context,
							args.flags['force'] ? 'force' : 'remove',
							args.flags['volumes'] ?? false,
							targets.value,
						),
					)
				: targets;
		},
	},
	{
		name: 'commit',
		usage: '[OPTIONS] [CONTAINER] [REPOSITORY[:TAG]]',
		description: 'Save a container as an image (without a name: the form)',
		docker: true,
		mutating: true,
		options: [
			{
				short: 'm',
				long: 'message',
				value: 'MESSAGE',
				description: 'Commit message',
			},
			{short: 'a', long: 'author', value: 'AUTHOR', description: 'Author'},
			{
				short: 'p',
				long: 'pause',
				description: 'Pause it while committing (default; --pause=false)',
			},
		],
		complete: ['container', 'image'],
		prepare(args, state) {
			const [first, second, ...rest] = args.positional;
			if (rest.length > 0) {
				return fail('give a container and a repository[:tag], nothing more');
			}

			// `:commit app:v2` commits the selected container; `:commit web app:v2` names it.
			const named =
				first === undefined ? undefined : findContainer(state, first);
			const containerName =
				second !== undefined || named?.ok ? first : undefined;
			const reference = second ?? (named?.ok ? undefined : first);
			const container = targetOf(state, 'containers', containerName, 'commit');
			if (!container.ok) {
				return container;
			}

			if (reference === undefined) {
				return ok(async context => openCommitForm(context, container.value));
			}

			const spec = validateCommitForm({
				reference,
				message: lastValue(args, 'message') ?? '',
				author: lastValue(args, 'author') ?? '',
				pause: args.flags['pause'] ?? true,
			});
			return spec.ok
				? ok(async context =>
						performCommit(context, container.value, spec.value),
					)
				: fail(spec.errors['reference'] ?? 'not a repository[:tag]');
		},
	},
	{
		name: 'run',
		usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
		description: 'Run a new container (without an image: the run form)',
		docker: true,
		mutating: true,
		interspersed: false,
		options: runOptions,
		complete: ['image', 'none'],
		prepare(args, state) {
			const [image, ...command] = args.positional;
			if (image === undefined) {
				const pane = state.ui.pane;
				if (pane !== 'containers' && pane !== 'images') {
					return fail('name the image (:run IMAGE), or select one in Images');
				}

				return ok(async context =>
					pane === 'images' ? runFromImage(context) : runFromContainer(context),
				);
			}

			const interactive = args.flags['interactive'] ?? false;
			const tty = args.flags['tty'] ?? false;
			if (interactive !== tty) {
				return fail(
					'dockpit takes -i and -t together (-it, in the shell pane), or neither',
				);
			}

			if (tty && args.flags['detach']) {
				return fail(
					'-d and -it do not go together here: -it attaches in the shell pane',
				);
			}

			const result = validateRunForm(
				{
					image,
					name: lastValue(args, 'name') ?? '',
					command: joinCommand(command),
					ports: field(args.values['publish']),
					env: field(args.values['env']),
					volumes: field(args.values['volume']),
					restart: lastValue(args, 'restart') ?? 'no',
					rm: args.flags['rm'] ?? false,
					tty,
				},
				{imageHasCommand: true},
			);
			if (!result.ok) {
				const [id, error] = Object.entries(result.errors)[0] ?? ['', 'invalid'];
				return fail(`${runFieldOptions[id] ?? id}: ${error}`);
			}

			const labels: Record<string, string> = {};
			for (const entry of args.values['label'] ?? []) {
				const label = parseEnvEntry(entry);
				if (!label.ok) {
					return fail(`--label: ${label.error.replace('variable', 'label')}`);
				}

				labels[label.value.key] = label.value.value;
			}

			if (!state.loaded.images) {
				return fail(
					'the image list is still loading: press Enter again in a moment',
				);
			}

			const spec = {...result.value, labels};
			const missing = missingImage(state, spec.image);
			if (missing) {
				return fail(missing);
			}

			const {pane} = state.ui;
			const run: LineRun = async context => performRun(context, spec, {pane});
			return ok(run);
		},
	},
	{
		name: 'attach',
		usage: 'CONTAINER',
		description: 'Attach the shell pane to its main process',
		docker: true,
		mutating: true,
		complete: ['container'],
		prepare: (args, state) => shellIn(args.positional, state, 'attach'),
	},
	{
		name: 'exec',
		usage: 'CONTAINER',
		description: 'A shell in the container, in the shell pane',
		docker: true,
		mutating: true,
		options: [
			{
				short: 'i',
				long: 'interactive',
				description: 'Keep stdin open (always)',
			},
			{short: 't', long: 'tty', description: 'A terminal (always)'},
		],
		complete: ['container'],
		prepare: (args, state) => shellIn(args.positional, state, 'exec'),
	},
];

function shellIn(
	positional: readonly string[],
	state: Parameters<NonNullable<LineCommand['prepare']>>[1],
	mode: 'exec' | 'attach',
): Result<LineRun> {
	if (positional.length > 1) {
		return fail(
			mode === 'exec'
				? "dockpit's exec opens a shell: run the command in it"
				: 'attach takes one container',
		);
	}

	const target = targetOf(state, 'containers', positional[0], mode);
	if (!target.ok) {
		return target;
	}

	const container = state.containers.get(target.value.id);
	return container
		? ok(async context => openForContainer(context, container, mode))
		: fail(`no such container: ${target.value.name}`);
}
