/**
The command line's commands of the inspector pane, as the docker CLI names them: `:logs --since 10m --tail 200
web` (the Logs tab with the engine's since and tail; several names: their logs interleaved), `:top web`, `:diff
web` (those tabs), `:port web [80/tcp]` (its published ports, as `docker port` prints them) and `:wait web db`
(waits for them to stop in the background, as a transfer: Esc cancels, the result line has the exit codes).
*/
import {openInspector, parseSince} from '../commands/inspector.js';
import {runTransfer} from '../commands/transfer-runner.js';
import {excerpt, fail, ok, type Result} from '../forms/result.js';
import type {LogOptions} from '../state/inspector-types.js';
import type {AppState, Target} from '../state/types.js';
import {lastValue, type ParsedArgs} from './args.js';
import {targetOf, targetsOf} from './names.js';
import type {LineCommand, LineRun} from './types.js';

/**
`--since` and `--tail` of `:logs`: the options, or what is wrong with them.
*/
export function logOptions(
	args: ParsedArgs,
	now = Date.now(),
): Result<LogOptions> {
	const since = lastValue(args, 'since');
	const tail = lastValue(args, 'tail');
	let sinceTime: number | undefined;
	if (since !== undefined) {
		sinceTime = parseSince(since, now);
		if (sinceTime === undefined) {
			return fail(
				`--since wants a duration (90s, 10m, 2h, 1d, 1h30m) or a date (2026-12-02T15:00:00Z), not ${excerpt(since)}`,
			);
		}

		if (sinceTime > now) {
			return fail(`--since ${excerpt(since)} is in the future`);
		}
	}

	let lines: number | 'all' = 1000;
	if (tail !== undefined) {
		if (tail === 'all') {
			lines = 'all';
		} else if (/^\d+$/.test(tail)) {
			lines = Number(tail);
		} else {
			return fail(
				`--tail wants a number of lines or all, not ${excerpt(tail)}`,
			);
		}
	}

	return ok({
		tail: lines,
		...(sinceTime === undefined ? {} : {since: sinceTime}),
	});
}

/**
Makes the marks of Containers exactly `targets` (none for one: the Logs tab then shows the selected row).
*/
function markExactly(
	context: Parameters<LineRun>[0],
	targets: readonly Target[],
) {
	const {store} = context;
	const marked = store.getState().ui.marks.containers;
	const wanted = targets.length > 1 ? targets.map(target => target.id) : [];
	if (marked.size === wanted.length && wanted.every(id => marked.has(id))) {
		return;
	}

	store.dispatch({type: 'ui/marks-clear', pane: 'containers'});
	for (const id of wanted) {
		store.dispatch({type: 'ui/select', pane: 'containers', key: id});
		store.dispatch({type: 'ui/mark-toggle'});
	}
}

/**
A tab of the inspector on one container: the named one, or the selected row.
*/
function tabCommand(name: 'top' | 'diff', description: string): LineCommand {
	return {
		name,
		usage: 'CONTAINER',
		description,
		docker: true,
		complete: ['container'],
		prepare(args, state) {
			if (args.positional.length > 1) {
				return fail(`:${name} shows one container at a time`);
			}

			const target = targetOf(state, 'containers', args.positional[0], name);
			return target.ok
				? ok(context => {
						openInspector(context, name, {
							target: {pane: 'containers', id: target.value.id},
						});
					})
				: target;
		},
	};
}

/**
`docker port`'s lines of a container: `80/tcp -> 0.0.0.0:8080`, only `private` (`80`, `80/tcp`) when given.
*/
export function portLines(
	state: AppState,
	id: string,
	private_?: string,
): Result<string[]> {
	const row = state.containers.get(id);
	if (!row) {
		return fail('that container is gone');
	}

	let wanted: {port: number; protocol: string} | undefined;
	if (private_ !== undefined) {
		const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(private_);
		if (!match) {
			return fail(`a port is 80 or 80/tcp, not ${excerpt(private_)}`);
		}

		wanted = {port: Number(match[1]), protocol: match[2] ?? 'tcp'};
	}

	const lines = row.ports
		.filter(
			port =>
				port.publicPort !== undefined &&
				(!wanted ||
					(port.privatePort === wanted.port &&
						port.protocol === wanted.protocol)),
		)
		.sort((a, b) => a.privatePort - b.privatePort)
		.map(port => {
			const ip = port.ip ?? '0.0.0.0';
			const host = ip.includes(':') ? `[${ip}]` : ip;
			return `${port.privatePort}/${port.protocol} -> ${host}:${port.publicPort}`;
		});
	if (lines.length === 0) {
		return fail(
			wanted
				? `${row.name} publishes no port ${wanted.port}/${wanted.protocol}`
				: `${row.name} publishes no port`,
		);
	}

	return ok(lines);
}

export const inspectorCommands: readonly LineCommand[] = [
	{
		name: 'logs',
		usage: '[--since WHEN] [--tail N] [CONTAINER...]',
		description:
			"A container's output in the inspector (several: interleaved by time)",
		docker: true,
		options: [
			{
				long: 'since',
				value: 'WHEN',
				description: 'From then on: 10m, 2h, 1d or a date',
			},
			{
				short: 'n',
				long: 'tail',
				value: 'N',
				description: 'Lines from the end to start with (or all)',
			},
			{
				short: 'f',
				long: 'follow',
				description: 'Always on: the pane follows',
			},
		],
		complete: ['container'],
		prepare(args, state) {
			const options = logOptions(args);
			if (!options.ok) {
				return options;
			}

			const targets = targetsOf(state, 'containers', args.positional, 'logs');
			if (!targets.ok) {
				return targets;
			}

			return ok(context => {
				markExactly(context, targets.value);
				openInspector(context, 'logs', {
					logs: options.value,
					target: {pane: 'containers', id: targets.value[0]!.id},
				});
			});
		},
	},
	tabCommand('top', "A container's processes (the inspector's Top tab)"),
	tabCommand(
		'diff',
		"Changes to a container's filesystem (the inspector's Diff tab)",
	),
	{
		name: 'port',
		usage: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
		description: "A container's published ports, with their host addresses",
		docker: true,
		complete: ['container', 'none'],
		prepare(args, state) {
			if (args.positional.length > 2) {
				return fail(':port takes a container and at most one port');
			}

			const target = targetOf(state, 'containers', args.positional[0], 'port');
			if (!target.ok) {
				return target;
			}

			const lines = portLines(state, target.value.id, args.positional[1]);
			if (!lines.ok) {
				return lines;
			}

			return ok(({store}) => {
				store.dispatch({
					type: 'ui/flash',
					text: `${target.value.name}: ${lines.value.join(', ')}`,
					level: 'info',
				});
			});
		},
	},
	{
		name: 'wait',
		usage: 'CONTAINER...',
		description:
			'Wait for containers to stop, in the background; their exit codes (Esc cancels)',
		docker: true,
		complete: ['container'],
		prepare(args, state) {
			const targets = targetsOf(state, 'containers', args.positional, 'wait');
			if (!targets.ok) {
				return targets;
			}

			const names = targets.value.map(target => target.name);
			// Not awaited: a wait can last as long as the container runs, and nothing should wait for it.
			return ok(({engine, store}) => {
				void runTransfer(store, {
					kind: 'wait',
					title: `Wait for ${names.join(', ')}`,
					docker: ['docker', 'wait', ...names],
					run: async (signal, onEvent) => {
						onEvent({
							kind: 'status',
							text: `Waiting for ${names.join(', ')} to stop…`,
						});
						return Promise.all(
							targets.value.map(async target => {
								const {exitCode} = await engine.waitContainer(target.id, {
									signal,
								});
								const code = Number.isNaN(exitCode)
									? 'unknown'
									: String(exitCode);
								onEvent({
									kind: 'status',
									text: `${target.name} stopped: exit code ${code}`,
								});
								return `${target.name} ${code}`;
							}),
						);
					},
					done: (codes, {elapsed}) =>
						`Stopped after ${elapsed}; exit code${codes.length === 1 ? '' : 's'}: ${codes.join(', ')}`,
					failed: why => `Could not wait for ${names.join(', ')}: ${why}`,
				});
			});
		},
	},
];
