// Invalid inputs, each of which dockpit must reject with a message and without asking the engine to do
// anything: its own flags and config file (exit 2 with a message, before drawing), the `:` command line
// (unknown commands, bad arguments and options) and the forms (run, tag, commit). dockpit talks to the engine
// through test/helpers/recording-proxy.ts, which records every request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createTestDocker, testImage} from '../helpers/docker.js';
import {type Dockpit, key} from '../helpers/pty.js';
import {
	type RecordedRequest,
	startRecordingProxy,
} from '../helpers/recording-proxy.js';
import {pause} from '../helpers/session.js';
import {
	bottom,
	figure,
	filterPane,
	settle,
	watchExit,
	withDockpit,
} from '../helpers/soak-ui.js';
import type {Figure, PartOptions} from './types.js';

export const title =
	'invalid flags, config, command lines and form fields: each rejected with a message, no API call that acts';

type Outcome = {
	readonly input: string;
	readonly message: boolean;
	readonly calls: readonly RecordedRequest[];
};

/**
Which recorded requests count as API calls made for an input. Any request that is not a GET or HEAD (create,
start, stop, kill, remove, tag, commit, exec…) and any connection upgrade (exec, attach) acts on the engine;
so does any GET whose path names a word that was typed (dockpit looked the bad name or reference up instead
of rejecting it). The idle dashboard only GETs: the lists, the event stream, _ping, version and info, and the
inspect of rows it shows (named by id, never by a typed word), so those do not count.
*/
export function actingCalls(
	requests: readonly RecordedRequest[],
	typed: readonly string[],
): RecordedRequest[] {
	const words = typed.filter(word => word.length >= 3);
	return requests.filter(request => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			return true;
		}

		let url = request.url;
		try {
			url = decodeURIComponent(url);
		} catch {}

		return words.some(word => url.includes(word));
	});
}

/**
dockpit's own flags and config file: each must stop it before it draws, with a message, and exit 2.
*/
function startupCases(
	configDirectory: string,
	proxyHost: string,
): Array<{readonly input: string; readonly args: string[]}> {
	const flags = [
		['--readonly'],
		['--foo'],
		['-x'],
		['-H'],
		['--host'],
		['--context'],
		['--shell'],
		['--config'],
		['--escape-key'],
		['--escape-key', 'nope'],
		['--read-only=maybe'],
		['--mouse=3'],
		['extra-argument'],
		['--print-configs'],
		['--no-colour'],
		['--host', 'bogus://x'],
		['--host', 'tcp://'],
		['--shell', ''],
	];
	const configs: Record<string, string> = {
		'unknown key': 'colours:\n  running: green\n',
		'unknown key, near none': 'frobnicate: 1\n',
		'bad boolean': 'read-only: maybe\n',
		'bad mouse': 'mouse: 3\n',
		'bad theme': 'theme: purple\n',
		'bad colour': 'colors:\n  running: notacolour\n',
		'unknown colour role': 'colors:\n  sparkle: red\n',
		'bad key': 'keys:\n  containers.stop: ctrl-shift-hyper-q\n',
		'ambiguous key': 'keys:\n  containers.stop: ctrl-i\n',
		'unknown command id': 'keys:\n  containers.explode: x\n',
		'two commands on one key': 'keys:\n  containers.stop: K\n',
		'bad escape key': 'escape-key: q\n',
		'bad shell': 'shell: 5\n',
		'bad host': 'host: bogus://x\n',
		'YAML syntax error': 'host: [unclosed\n',
		'not a mapping': '- a\n- b\n',
		'bad stats-columns': 'stats-columns: sometimes\n',
	};
	return [
		...flags.map(args => ({
			input: `dockpit ${args.map(arg => JSON.stringify(arg)).join(' ')}`,
			args:
				args.includes('--host') || args.includes('-H')
					? args
					: ['--host', proxyHost, ...args],
		})),
		...Object.entries(configs).map(([name, text]) => {
			const file = path.join(
				configDirectory,
				`${name.replaceAll(/\W+/g, '-')}.yaml`,
			);
			fs.writeFileSync(file, text);
			return {
				input: `config file: ${name}`,
				args: ['--host', proxyHost, '--config', file],
			};
		}),
	];
}

async function startupCase(
	args: string[],
): Promise<{message: boolean; exitCode: number | undefined}> {
	return withDockpit({args, columns: 120, rows: 30}, async app => {
		const ended = await Promise.race([
			app.exited,
			pause(8000).then(() => undefined),
		]);
		const text = app.screen() + app.output();
		return {
			// A message naming dockpit and the problem, not a stack trace.
			message: /dockpit: \S/.test(text) && !/\n\s+at \S+ \(/.test(text),
			exitCode: ended?.exitCode,
		};
	});
}

/**
Command lines (`:` then the text) that dockpit must refuse in the prompt, with `✗` and a reason.
*/
function commandLines(container: string, image: string): string[] {
	return [
		'frobnicate',
		`logs --since yesterdayish ${container}`,
		'stpo',
		`stop nosuch-dockpit-soak-container`,
		`kill -s FOO ${container}`,
		`kill -s 999 ${container}`,
		`kill --signal`,
		`rm --nope ${container}`,
		`restart -t abc ${container}`,
		`stop --time=-5x ${container}`,
		`pause nosuch-dockpit-soak-container`,
		`rmi nosuch-dockpit-soak-image:v9`,
		`run --bogus ${image}`,
		`run -p 99999:80 ${image}`,
		`run -p abc:80 ${image}`,
		`run -p 80:80/xyz ${image}`,
		`run -e =novalue ${image}`,
		`run --name "bad name!" ${image}`,
		`run --restart sometimes ${image}`,
		`run -v :/nowhere ${image}`,
		`run UPPER/Case:tag`,
		`run -e "A=1 ${image}`,
		`tag ${image} bad::tag`,
		`tag ${image} UPPER:v1`,
		`tag nosuch-dockpit-soak-image:v9 ok:v1`,
		`commit ${container} Bad/Repo`,
		`commit ${container} repo:bad:tag`,
		`commit --bogus ${container}`,
		`logs --tail abc ${container}`,
		`ps --bogus`,
		`images --frobnicate`,
		`exec nosuch-dockpit-soak-container sh`,
		`ctx nosuch-dockpit-soak-context`,
		`export ${container} relative/../../x.tar --bogus`,
	];
}

/**
Form fields: which form, which field (Tabs from where the form opens), what is typed.
*/
type FormCase = {
	readonly form: 'run' | 'tag' | 'commit';
	readonly field: string;
	readonly tabs: number;
	readonly value: string;
};

function formCases(): FormCase[] {
	const run = (field: string, tabs: number, values: string[]) =>
		values.map(value => ({form: 'run' as const, field, tabs, value}));
	return [
		...run('Image', -1, ['UPPER/Case', 'bad::ref', 'a b', '']),
		...run('Name', 0, ['bad name!', '-leading', 'x/y', 'é']),
		...run('Command', 1, ["'unterminated", 'a "b']),
		...run('Ports', 2, [
			'abc:80',
			'99999:80',
			'80:80/xyz',
			'1.2.3:80:80',
			'0:80',
		]),
		...run('Env', 3, ['=novalue', '"A=1']),
		...run('Volumes', 4, [':/nowhere', '/host:relative']),
		...['bad tag!', ':v1', 'UPPER:v1', 'x:', 'a:b:c', ''].map(value => ({
			form: 'tag' as const,
			field: 'New tag',
			tabs: 0,
			value,
		})),
		...['Bad Repo', 'repo:bad:tag', ':v1', 'x:'].map(value => ({
			form: 'commit' as const,
			field: 'Repository',
			tabs: 0,
			value,
		})),
	];
}

const rejected = (screen: string) => screen.includes('✗');

async function tryCommandLine(app: Dockpit, line: string): Promise<boolean> {
	const before = bottom(app.screen());
	app.write(':');
	await app.waitFor('Enter run', 3000);
	app.write(line);
	await settle(app, 100);
	app.write(key.enter);
	// Refused in the prompt (✗ and the reason), or the prompt closed and the status line says why.
	const message = await app
		.waitFor(
			screen =>
				rejected(screen) ||
				(!screen.includes('Enter run') &&
					bottom(screen) !== before &&
					/\w/.test(bottom(screen, 2).split('\n')[0] ?? '')),
			3000,
		)
		.then(
			() => true,
			() => false,
		);
	app.write(key.escape);
	await app.waitFor(screen => !screen.includes('Enter run'), 3000);
	return message;
}

async function tryForm(
	app: Dockpit,
	each: FormCase,
	pane: {focus: string},
): Promise<boolean> {
	const wanted = each.form === 'commit' ? '1' : '2';
	if (pane.focus !== wanted) {
		app.write(wanted);
		pane.focus = wanted;
		await settle(app);
	}

	app.write(each.form === 'run' ? 'r' : each.form === 'tag' ? 't' : 'c');
	await app.waitFor(
		each.form === 'run'
			? 'Run a container'
			: each.form === 'tag'
				? 'New tag'
				: 'Repository',
		3000,
	);
	const moves =
		each.tabs < 0
			? Array.from({length: -each.tabs}, () => '\u001B[Z')
			: Array.from({length: each.tabs}, () => key.tab);
	for (const move of moves) {
		app.write(move);
		// eslint-disable-next-line no-await-in-loop
		await pause(30);
	}

	// Ctrl-U empties the field (it may be prefilled), then the bad value.
	app.write('\u0015');
	await pause(30);
	app.write(each.value);
	await settle(app, 100);
	app.write(key.enter);
	const message = await app.waitFor(rejected, 3000).then(
		() => true,
		() => false,
	);
	app.write(key.escape);
	await app.waitFor(
		screen => !screen.includes('Enter submit') && !rejected(screen),
		3000,
	);
	return message;
}

export async function run(options: PartOptions): Promise<Figure[]> {
	const {short, log} = options;
	const fixtures = createTestDocker();
	const proxy = await startRecordingProxy();
	const configDirectory = fs.mkdtempSync(
		path.join(os.tmpdir(), 'dockpit-soak-config-'),
	);
	const outcomes: Outcome[] = [];
	let crashed = false;
	try {
		const {name} = await fixtures.container({hint: 'invalid'});
		const host = `unix://${proxy.path}`;
		const measure = async (
			input: string,
			typed: readonly string[],
			attempt: () => Promise<boolean>,
		) => {
			const from = proxy.requests.length;
			const message = await attempt();
			// Late requests (a form sent after all) still land in this input's window.
			await pause(150);
			const calls = actingCalls(
				proxy.requests.slice(from),
				typed.filter(word => word !== name && !testImage.includes(word)),
			);
			outcomes.push({input, message, calls});
		};

		// dockpit's flags and config file.
		const startup = startupCases(configDirectory, host);
		for (const each of short
			? startup.filter((_, i) => i % 5 === 0)
			: startup) {
			// eslint-disable-next-line no-await-in-loop
			await measure(each.input, [], async () => {
				const result = await startupCase(each.args);
				return result.message && result.exitCode === 2;
			});
		}

		// The command line and the forms, in one dockpit.
		await withDockpit(
			{args: ['--host', host], columns: 150, rows: 40},
			async app => {
				const ended = watchExit(app);
				await app.waitFor('● live', 15_000);
				await filterPane(app, name);
				app.write('2');
				await filterPane(app, testImage);
				app.write('1');
				await settle(app);
				const lines = commandLines(name, testImage);
				for (const line of short
					? lines.filter((_, i) => i % 4 === 0)
					: lines) {
					// eslint-disable-next-line no-await-in-loop
					await measure(`:${line}`, line.split(/[\s"=:]+/).slice(1), async () =>
						tryCommandLine(app, line),
					);
				}

				const pane = {focus: '1'};
				const forms = formCases();
				for (const each of short
					? forms.filter((_, i) => i % 4 === 0)
					: forms) {
					// eslint-disable-next-line no-await-in-loop
					await measure(
						`${each.form} form, ${each.field}: ${JSON.stringify(each.value)}`,
						[each.value],
						async () => tryForm(app, each, pane),
					);
				}

				crashed = ended();
			},
		);
	} finally {
		await proxy.close();
		fs.rmSync(configDirectory, {recursive: true, force: true});
		await fixtures.cleanup();
	}

	for (const each of outcomes.filter(
		each => !each.message || each.calls.length > 0,
	)) {
		log(
			`   ${each.input}: ${each.message ? 'message' : 'NO MESSAGE'}; ${each.calls.map(call => `${call.method} ${call.url}`).join(', ') || 'no call'}`,
		);
	}

	const withMessage = outcomes.filter(each => each.message).length;
	const calls = outcomes.reduce((sum, each) => sum + each.calls.length, 0);
	const least = short ? 15 : 50;
	return [
		figure(
			'invalid inputs tried',
			outcomes.length,
			`≥ ${least}`,
			outcomes.length >= least,
		),
		figure(
			'rejected with a message',
			`${withMessage}/${outcomes.length}`,
			`${outcomes.length}/${outcomes.length}`,
			withMessage === outcomes.length,
		),
		figure('API calls that act', calls, '0', calls === 0),
		figure('crashes', crashed ? 1 : 0, '0', !crashed),
	];
}
