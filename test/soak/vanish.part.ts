// Actions on objects removed mid-action, on the real engine: a labelled container or image is selected, then
// removed with the docker CLI (as someone in another terminal would), and the action key is pressed at once
// (a race with the engine's event, which here nearly always reaches dockpit first), or with the events held
// back by the proxy between dockpit and the engine (the row still shows: the key acts on a gone object), or
// the action's dialog or form is opened first, the object removed while it is open, and then confirmed. Every action must end with a
// message on screen, and dockpit must not crash.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createTestDocker} from '../helpers/docker.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';
import {startRecordingProxy} from '../helpers/recording-proxy.js';
import {pause} from '../helpers/session.js';
import {
	figure,
	filterPane,
	settle,
	typeKeys,
	watchExit,
	withDockpit,
} from '../helpers/soak-ui.js';
import type {Figure, PartOptions} from './types.js';

export const title =
	'actions on containers and images removed mid-action: no crash, each with a message';

type Action = {
	readonly name: string;
	readonly pane: 'containers' | 'images';
	/**
	The keys of the action (`:` lines are typed whole); `NAME` stands for the object's name.
	*/
	readonly keys: readonly string[];
	/**
	What the action opens (a dialog, a form), and the keys that confirm it.
	*/
	readonly opens?: RegExp;
	readonly confirm?: readonly string[];
};

const line = (text: string) => [':', text, key.enter];

type Names = {
	readonly commit: string;
	readonly lineCommit: string;
	readonly tag: string;
	readonly lineTag: string;
	readonly run: string;
	readonly exportFile: string;
};

function actions(names: Names): Action[] {
	const c = (
		name: string,
		keys: readonly string[],
		opens?: RegExp,
		confirm?: readonly string[],
	): Action => ({
		name,
		pane: 'containers',
		keys,
		...(opens ? {opens, confirm: confirm ?? [key.enter]} : {}),
	});
	const i = (
		name: string,
		keys: readonly string[],
		opens?: RegExp,
		confirm?: readonly string[],
	): Action => ({
		name,
		pane: 'images',
		keys,
		...(opens ? {opens, confirm: confirm ?? [key.enter]} : {}),
	});
	return [
		c('stop', ['s']),
		c('start', ['S']),
		c('restart', ['R']),
		c('pause', ['p']),
		c('kill', ['K'], /send which signal/),
		c('remove', ['d'], /Remove/),
		c('commit', ['c'], /Repository/, [names.commit, key.enter]),
		c('details', [key.enter]),
		c('logs', ['l']),
		c('inspect', ['i']),
		c('shell', ['x']),
		c('attach', ['X']),
		c('export', ['E'], /Export/, ['\u0015', names.exportFile, key.enter]),
		c('files', ['F']),
		c('connect', ['N'], /to a network/),
		c(':stop', line('stop NAME')),
		c(':rm', line('rm -f NAME')),
		c(':kill', line('kill NAME')),
		c(':restart', line('restart NAME')),
		c(':commit', line(`commit NAME ${names.lineCommit}`)),
		i('tag', ['t'], /New tag/, [names.tag, key.enter]),
		i('rmi', ['d'], /Remove|Untag/i),
		i('run', ['r'], /Run a container/, [names.run, key.enter]),
		i('image details', [key.enter]),
		i('layers', ['l']),
		i(':rmi', line('rmi NAME')),
		i(':tag', line(`tag NAME ${names.lineTag}`)),
	];
}

/**
A message about the object: its removal, the engine's refusal, or dockpit's word that it is gone.
*/
const message =
	/no such|gone|not found|removed|removing|no longer|(does not|doesn't) exist|not there|not on this engine|needs it|could not|couldn't|can't|cannot|failed|nothing to|nothing selected|already|error/i;

/**
The lines of `after` that were not on `before`, without the list's own "No container matches" line.
*/
function newLines(before: string, after: string): string[] {
	const old = new Set(before.split('\n'));
	return after
		.split('\n')
		.filter(row => !old.has(row) && !/matches “/.test(row));
}

/**
Has the dialog or form come up: `opens` on a line that was not on screen before the key (the tab bar's
"Networks" or an earlier "Removed …" must not pass for it)?
*/
const openedOn = (before: string, opens: RegExp) => (screen: string) =>
	newLines(before, screen).some(row => opens.test(row));

/**
Closes whatever the action left open (a dialog, a form, the inspector, a transfer's progress) until the
dashboard's own hints are back in the footer.
*/
async function closeEverything(app: Dockpit) {
	const lists = () =>
		/\? help \/ filter/.test(app.screen().split('\n').slice(-2).join('\n'));
	for (let attempt = 0; attempt < 8; attempt++) {
		// Twice, a moment apart: a frame still coming (the inspector opening late) would undo a single look.
		if (lists()) {
			// eslint-disable-next-line no-await-in-loop
			await pause(150);
			if (lists()) {
				return;
			}
		}

		// eslint-disable-next-line no-await-in-loop
		await typeKeys(app, [key.escape, '\u0017']);
		// eslint-disable-next-line no-await-in-loop
		await settle(app, 100, 1000);
	}
}

export async function run(options: PartOptions): Promise<Figure[]> {
	const {short, log} = options;
	const fixtures = createTestDocker();
	const {runId} = fixtures;
	const count = short ? 20 : 100;
	const exportFile = path.join(os.tmpdir(), `dockpit-soak-vanish-${runId}.tar`);
	// What dockpit itself may create (a commit, tag or run that won its race), named so that cleanup removes it.
	const list = actions({
		commit: fixtures.imageRef('vanish-commit'),
		lineCommit: fixtures.imageRef('vanish-line'),
		tag: fixtures.imageRef('vanish-tag'),
		lineTag: fixtures.imageRef('vanish-line-tag'),
		run: fixtures.containerName('vanish-run'),
		exportFile,
	});
	let crashes = 0;
	let silent = 0;
	let done = 0;
	const base = await fixtures.container({hint: 'vanish-base'});
	const started: Dockpit[] = [];
	const proxy = await startRecordingProxy();
	const args = ['--host', `unix://${proxy.path}`];
	try {
		await withDockpit({args, columns: 150, rows: 40}, async first => {
			let app = first;
			let ended = watchExit(app);
			let pane: 'containers' | 'images' = 'containers';
			await app.waitFor('● live', 15_000);
			for (let n = 0; n < count; n++) {
				const action = list[n % list.length]!;
				// Three ways, in turn for each action: removed just before the key with the events flowing
				// (the engine's event races the key); removed with the events held back, so that the row is still
				// on screen when the key acts on it; removed while the action's dialog or form is open (the
				// actions without one are played the second way again).
				const way = (['race', 'stale', 'open'] as const)[
					(n + Math.floor(n / list.length)) % 3
				]!;
				const whileOpen = way === 'open' && action.opens !== undefined;
				const tag = `vanish${n}x-${runId}`;
				let objectName: string;
				if (action.pane === 'containers') {
					// eslint-disable-next-line no-await-in-loop
					objectName = (await fixtures.container({hint: `vanish${n}x`})).name;
				} else {
					objectName = `dockpit-test/${tag}:v1`;
					// eslint-disable-next-line no-await-in-loop
					await fixtures.cli(
						'commit',
						'-c',
						`LABEL dockpit.test=${runId} vanish=${n}`,
						base.name,
						objectName,
					);
				}

				if (pane !== action.pane) {
					app.write(action.pane === 'containers' ? '1' : '2');
					pane = action.pane;
				}

				// eslint-disable-next-line no-await-in-loop
				await closeEverything(app);
				// eslint-disable-next-line no-await-in-loop
				await filterPane(app, tag);
				// eslint-disable-next-line no-await-in-loop
				await app.waitFor(objectName.slice(0, 20), 10_000);
				const remove = async () =>
					fixtures
						.cli(
							...(action.pane === 'containers'
								? ['rm', '-f', objectName]
								: ['rmi', '-f', objectName]),
						)
						.catch(() => '');
				const keys = action.keys.map(each => each.replace('NAME', objectName));
				const before = app.screen();
				// A message may show for a moment only (a dialog that says "gone" and is closed by the
				// confirmation): the screen is watched from the first key to the end.
				let said = false;
				const watcher = setInterval(() => {
					if (newLines(before, app.screen()).some(row => message.test(row))) {
						said = true;
					}
				}, 20);
				if (way !== 'race') {
					proxy.holdEvents(true);
				}

				if (whileOpen) {
					for (const each of keys) {
						app.write(each);
					}

					// eslint-disable-next-line no-await-in-loop
					await app
						.waitFor(openedOn(before, action.opens!), 5000)
						.catch(() => undefined);
					// eslint-disable-next-line no-await-in-loop
					await remove();
					// eslint-disable-next-line no-await-in-loop
					await pause(400);
					for (const each of action.confirm ?? []) {
						app.write(each);
						// eslint-disable-next-line no-await-in-loop
						await pause(40);
					}
				} else {
					// eslint-disable-next-line no-await-in-loop
					await remove();
					for (const each of keys) {
						app.write(each);
					}

					if (action.opens) {
						// eslint-disable-next-line no-await-in-loop
						const opened = await app
							.waitFor(openedOn(before, action.opens), 1500)
							.then(() => true)
							.catch(() => false);
						if (opened) {
							for (const each of action.confirm ?? []) {
								app.write(each);
								// eslint-disable-next-line no-await-in-loop
								await pause(40);
							}
						}
					}
				}

				const deadline = Date.now() + 5000;
				while (!said && Date.now() < deadline) {
					// eslint-disable-next-line no-await-in-loop
					await pause(25);
				}

				clearInterval(watcher);
				proxy.holdEvents(false);
				done++;
				if (!said) {
					silent++;
					log(
						`   no message: ${action.name} (${whileOpen ? 'removed while open' : way === 'race' ? 'events flowing' : 'events held'}); the screen ends:\n${app
							.screen()
							.split('\n')
							.slice(-4)
							.join('\n')}`,
					);
				}

				if (ended()) {
					crashes++;
					// eslint-disable-next-line no-await-in-loop
					const exit = await app.exited;
					log(
						`   crash after ${action.name} (exit ${exit.exitCode}): ${app
							.output()
							// eslint-disable-next-line no-control-regex
							.replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, ' ')
							.slice(-1500)}`,
					);
					app.kill();
					app = startDockpit({args, columns: 150, rows: 40});
					started.push(app);
					ended = watchExit(app);
					// eslint-disable-next-line no-await-in-loop
					await app.waitFor('● live', 15_000);
					pane = 'containers';
					continue;
				}

				// eslint-disable-next-line no-await-in-loop
				await closeEverything(app);
				// eslint-disable-next-line no-await-in-loop
				await settle(app, 100);
			}
		});
	} finally {
		fs.rmSync(exportFile, {force: true});
		await proxy.close();
		for (const each of started) {
			each.kill();
		}

		await fixtures.cleanup();
	}

	return [
		figure('actions on removed objects', done, String(count), done === count),
		figure('crashes', crashes, '0', crashes === 0),
		figure('actions without a message on screen', silent, '0', silent === 0),
	];
}
