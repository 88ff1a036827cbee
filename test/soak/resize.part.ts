// Resizes between 40x12 and 300x80 (bursts, 30 ms apart, small sizes showing "too small" among them) with
// every overlay open in turn: help, command line, run form, kill dialog, details, inspector, filter prompt,
// Events, command log. After each burst the terminal ends at a usable size, and the layout must be right: the
// header, tab bar and frame where they belong and as wide as the terminal, and, once the overlay is closed,
// the dashboard equal to a fresh dockpit's started at that size (numbers such as ages aside).
import {createTestDocker} from '../helpers/docker.js';
import {type Dockpit, key, startDockpit} from '../helpers/pty.js';
import {pause} from '../helpers/session.js';
import {
	figure,
	filterPane,
	seeded,
	settle,
	typeKeys,
	watchExit,
	withDockpit,
} from '../helpers/soak-ui.js';
import type {Figure, PartOptions} from './types.js';

export const title =
	'resizes between 40x12 and 300x80 with every overlay open: no crash, the layout right after';

type Overlay = {
	readonly name: string;
	readonly open: readonly string[];
	readonly shows: RegExp;
	readonly close: readonly string[];
};

const overlays: readonly Overlay[] = [
	{name: 'help', open: ['?'], shows: /Toggle this help/, close: [key.escape]},
	{
		name: 'command line',
		open: [':', 'sto'],
		shows: /Enter run/,
		close: [key.escape],
	},
	{
		name: 'run form',
		open: ['2', 'r'],
		shows: /Run a container/,
		close: [key.escape, '1'],
	},
	{
		name: 'kill dialog',
		open: ['K'],
		shows: /send which signal/,
		close: [key.escape],
	},
	{name: 'details', open: [key.enter], shows: /Id|ID/, close: [key.escape]},
	{
		name: 'inspector',
		open: ['l'],
		shows: /Logs {2,}Stats/,
		close: [key.escape, '\u0017'],
	},
	{
		name: 'filter prompt',
		open: ['/'],
		shows: /\n \/ /,
		close: [key.enter],
	},
	{name: 'events', open: ['3'], shows: /Events/, close: ['1']},
	{
		name: 'command log',
		open: [':', 'log', key.enter],
		shows: /.*/,
		close: [key.escape],
	},
];

/**
The screen with what changes by itself between two runs (ages, uptimes, counts) made alike.
*/
const normalized = (screen: string) =>
	screen
		.split('\n')
		.map((row, index) => {
			const plain = row
				.replaceAll(/\d+[smhdw]\b/g, '#t')
				.replaceAll(/\d+/g, '#')
				.replaceAll(/ +/g, ' ')
				.trimEnd();
			// The tab bar is cut to fit where its counts' widths say (Events 9 or Events 1000): its first tabs
			// and the filter at its end are compared.
			return index === 1
				? `${/^.*?Events/.exec(plain)?.[0] ?? plain} … ${/filter: .*$/.exec(plain)?.[0] ?? ''}`
				: plain;
		})
		.join('\n');

/**
What is wrong with the layout of `screen` at `columns`x`rows`, or undefined.
*/
function layoutProblem(
	screen: string,
	columns: number,
	rows: number,
): string | undefined {
	const lines = screen.split('\n');
	if (lines.length !== rows) {
		return `${lines.length} rows on a terminal of ${rows}`;
	}

	if (!lines[0]!.startsWith('dockpit ')) {
		return `the header is not on the first row: ${JSON.stringify(lines[0])}`;
	}

	if (!/1 +Containers/.test(lines[1]!)) {
		return `the tab bar is not on the second row: ${JSON.stringify(lines[1])}`;
	}

	const top = lines[2]!;
	if (
		!top.startsWith('╭') ||
		!top.endsWith('╮') ||
		[...top].length !== columns
	) {
		return `the frame's top is not the terminal's width (${[...top].length} of ${columns}): ${JSON.stringify(top.slice(0, 40))}`;
	}

	const bottomRow = lines.findLastIndex(row => row.startsWith('╰'));
	if (bottomRow < rows - 4) {
		return `the frame ends on row ${bottomRow + 1} of ${rows}`;
	}

	for (const [index, row] of lines.entries()) {
		if ([...row].length > columns) {
			return `row ${index + 1} is ${[...row].length} wide on ${columns} columns`;
		}
	}

	return undefined;
}

async function freshScreen(
	columns: number,
	rows: number,
	name: string,
): Promise<string> {
	return withDockpit({columns, rows}, async app => {
		await app.waitFor('● live', 15_000);
		await filterPane(app, name);
		await app.waitFor(name.slice(0, 20));
		return settle(app, 300);
	});
}

export async function run(options: PartOptions): Promise<Figure[]> {
	const {short, log} = options;
	const random = seeded(short ? 12 : 1212);
	const fixtures = createTestDocker();
	const total = short ? 20 : 100;
	// Every overlay gets its burst; the first ones one resize more when the total does not divide.
	const burstOf = (index: number) =>
		Math.floor(total / overlays.length) +
		(index < total % overlays.length ? 1 : 0);
	let resizes = 0;
	let crashed = false;
	let wrongLayouts = 0;
	let wrongDashboards = 0;
	let checks = 0;
	try {
		const {name} = await fixtures.container({hint: 'resize'});
		const started: Dockpit[] = [];
		try {
			const app = startDockpit({columns: 150, rows: 40});
			started.push(app);
			const ended = watchExit(app);
			await app.waitFor('● live', 15_000);
			await filterPane(app, name);
			await app.waitFor(name.slice(0, 20));
			for (const [overlayIndex, overlay] of overlays.entries()) {
				if (ended()) {
					break;
				}

				app.resize(150, 40);
				await settle(app);
				await typeKeys(app, overlay.open, 60);

				await app.waitFor(overlay.shows, 5000).catch(() => {
					log(`   ${overlay.name} did not open`);
				});
				const burst = burstOf(overlayIndex);
				let columns = 150;
				let rows = 40;
				for (let index = 0; index < burst; index++) {
					// The last size of a burst is a usable one (80x24 or more), where the layout is checked.
					const last = index === burst - 1;
					columns = last
						? 80 + Math.floor(random() * 221)
						: 40 + Math.floor(random() * 261);
					rows = last
						? 24 + Math.floor(random() * 57)
						: 12 + Math.floor(random() * 69);
					app.resize(columns, rows);
					resizes++;
					await pause(30);
				}

				// The layout must be right within 5 s of the last resize (a loaded machine paints late).
				const screen = await app
					.waitFor(
						shown => layoutProblem(shown, columns, rows) === undefined,
						5000,
					)
					.catch(() => app.screen());
				checks++;
				const problem = layoutProblem(screen, columns, rows);
				if (problem) {
					wrongLayouts++;
					log(
						`   ${overlay.name} at ${columns}x${rows}, 5 s after: ${problem}`,
					);
				} else if (!overlay.shows.test(screen)) {
					wrongLayouts++;
					log(`   ${overlay.name} at ${columns}x${rows}: no longer shown`);
				}

				await typeKeys(app, overlay.close, 60);

				const dashboard = await settle(app, 300, 5000);
				const fresh = await freshScreen(columns, rows, name);
				if (normalized(dashboard) !== normalized(fresh)) {
					wrongDashboards++;
					const a = normalized(dashboard).split('\n');
					const b = normalized(fresh).split('\n');
					const row = a.findIndex((line, index) => line !== b[index]);
					log(
						`   after ${overlay.name}, ${columns}x${rows}: row ${row + 1} is ${JSON.stringify(a[row])}, a fresh start's ${JSON.stringify(b[row])}`,
					);
				}
			}

			crashed = ended();
		} finally {
			for (const each of started) {
				each.kill();
			}
		}
	} finally {
		await fixtures.cleanup();
	}

	return [
		figure('resizes', resizes, String(total), resizes === total),
		figure('crashes', crashed ? 1 : 0, '0', !crashed),
		figure(
			'layout wrong after a burst (overlay open)',
			`${wrongLayouts} of ${checks}`,
			'0',
			wrongLayouts === 0,
		),
		figure(
			'dashboard unlike a fresh start at that size',
			`${wrongDashboards} of ${checks}`,
			'0',
			wrongDashboards === 0,
		),
	];
}
