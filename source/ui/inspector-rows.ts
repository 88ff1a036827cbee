/**
What each inspector tab shows, as styled rows (`components/styled-rows.tsx`). Pure: data in, rows out.
*/
import formatBytes from '../format/bytes.js';
import {formatAge} from '../format/duration.js';
import {looksSecret, masked} from '../format/secrets.js';
import type {
	FileChange,
	ImageLayer,
	ProcessTable,
	StatsSample,
} from '../engine/types.js';
import sanitize from '../format/printable.js';
import {ratePerSecond} from '../engine/stats-math.js';
import type {ShownLogs} from '../inspector/log-window.js';
import type {LogLine} from '../inspector/log-ring.js';
import type {LogView} from '../state/inspector-types.js';
import {type Span, type StyledRow, wrapRow} from './components/styled-rows.js';
import {theme} from './theme.js';
import {sourceColors} from './components/project-logs-view.js';

const highlight = {bg: 'yellow', fg: 'black'} as const;
const currentHighlight = {
	bg: 'magentaBright',
	fg: 'black',
	bold: true,
} as const;

/**
One log line as spans: the timestamp (when shown), the text tinted by stream, search matches highlighted.
*/
export function logSpans(
	line: LogLine,
	view: Pick<LogView, 'timestamps' | 'match'>,
	search: ShownLogs['search'],
): StyledRow {
	const spans: Span[] = [];
	if (line.source) {
		// Several containers: whose line it is, in its colour, as `docker compose logs` prefixes them.
		spans.push({
			text: `${line.source.label} | `,
			fg: sourceColors[line.source.index % sourceColors.length]!,
		});
	}

	if (view.timestamps) {
		spans.push({
			text: line.stamp ? `${line.stamp.slice(11, 23)} ` : ' '.repeat(13),
			fg: theme.text.secondary,
		});
	}

	if (line.stream === 'marker') {
		spans.push({text: line.text, fg: theme.text.accent, bold: true});
		return spans;
	}

	const color = line.stream === 'stderr' ? 'redBright' : undefined;
	const base: Omit<Span, 'text'> = color ? {fg: color} : {};
	const ranges = search?.ranges(line.text) ?? [];
	if (ranges.length === 0) {
		spans.push({text: line.text, ...base});
		return spans;
	}

	const mark = view.match === line.seq ? currentHighlight : highlight;
	let at = 0;
	for (const [start, end] of ranges) {
		if (start > at) {
			spans.push({text: line.text.slice(at, start), ...base});
		}

		spans.push({text: line.text.slice(start, end), ...mark});
		at = end;
	}

	if (at < line.text.length) {
		spans.push({text: line.text.slice(at), ...base});
	}

	return spans;
}

/**
The rows of the Logs tab: the window of `height` rows that ends with the line at `bottomPosition` (wrapped or
not), filled from below when there are not enough lines above it.
*/
export function logWindow(
	shown: ShownLogs,
	view: Pick<LogView, 'timestamps' | 'match' | 'wrap'>,
	bottomPosition: number,
	columns: number,
	height: number,
): StyledRow[] {
	return logWindowOf(shown, view, bottomPosition, columns, height).rows;
}

/**
`logWindow`, and the positions (in `shown`) of the first and last line it shows, whole or in part; -1 for both
when it shows none.
*/
export function logWindowOf(
	shown: ShownLogs,
	view: Pick<LogView, 'timestamps' | 'match' | 'wrap'>,
	bottomPosition: number,
	columns: number,
	height: number,
): {
	readonly rows: StyledRow[];
	readonly first: number;
	readonly last: number;
} {
	const rowsOf = (position: number): StyledRow[] => {
		const line = shown.at(position);
		if (line === undefined) {
			return [];
		}

		if (line === 'gap') {
			return [[{text: '--', fg: theme.text.secondary}]];
		}

		const spans = logSpans(line, view, shown.search);
		return view.wrap ? wrapRow(spans, columns, height) : [spans];
	};

	const above: StyledRow[] = [];
	let position = Math.min(bottomPosition, shown.length - 1);
	const lastTaken = position;
	let first = -1;
	let last = -1;
	while (position >= 0 && above.length < height) {
		const rows = rowsOf(position);
		if (rows.length > 0) {
			first = position;
			last = Math.max(last, position);
		}

		above.unshift(...rows);
		position--;
	}

	if (above.length > height) {
		return {rows: above.slice(above.length - height), first, last};
	}

	let below = lastTaken + 1;
	while (above.length < height && below < shown.length) {
		const rows = rowsOf(below);
		if (rows.length > 0) {
			first = first === -1 ? below : first;
			last = below;
		}

		above.push(...rows);
		below++;
	}

	return {rows: above.slice(0, height), first, last};
}

const sparks = '▁▂▃▄▅▆▇█';

/**
A sparkline of `values` (the last `width` of them), scaled to the largest or to `max`.
*/
export function sparkline(
	values: readonly number[],
	width: number,
	max?: number,
): string {
	const shown = values.slice(-Math.max(1, width));
	const top = max ?? Math.max(0, ...shown);
	return shown
		.map(value =>
			top <= 0
				? sparks[0]
				: sparks[
						Math.min(
							sparks.length - 1,
							Math.max(0, Math.round((value / top) * (sparks.length - 1))),
						)
					],
		)
		.join('');
}

const label = (text: string): Span => ({
	text: text.padEnd(10),
	fg: theme.text.secondary,
});

const rate = (bytesPerSecond: number) => `${formatBytes(bytesPerSecond)}/s`;

/**
Rates between consecutive samples: one per pair.
*/
export function statsRates(samples: readonly StatsSample[]) {
	const rates: Array<{
		net: number;
		block: number;
		rx: number;
		tx: number;
		read: number;
		write: number;
	}> = [];
	for (let index = 1; index < samples.length; index++) {
		const previous = samples[index - 1]!;
		const current = samples[index]!;
		const ms = current.time - previous.time;
		const rx = ratePerSecond(previous.netRx, current.netRx, ms);
		const tx = ratePerSecond(previous.netTx, current.netTx, ms);
		const read = ratePerSecond(previous.blockRead, current.blockRead, ms);
		const write = ratePerSecond(previous.blockWrite, current.blockWrite, ms);
		rates.push({net: rx + tx, block: read + write, rx, tx, read, write});
	}

	return rates;
}

export function statsRows(
	samples: readonly StatsSample[],
	columns: number,
): StyledRow[] {
	const last = samples.at(-1);
	if (!last) {
		return [
			[{text: 'Waiting for the first sample…', fg: theme.text.secondary}],
		];
	}

	const sparkWidth = Math.max(8, Math.min(60, columns - 42));
	const cpus = samples.flatMap(sample =>
		sample.cpuPercent === undefined ? [] : [sample.cpuPercent],
	);
	const rates = statsRates(samples);
	const now = rates.at(-1);
	const memoryPercent =
		last.memoryLimit > 0 ? (last.memoryUsage / last.memoryLimit) * 100 : 0;
	const cell = (text: string) => ({text: text.padEnd(30)});
	const spark = (values: readonly number[], max?: number): Span => ({
		text: sparkline(values, sparkWidth, max),
		fg: theme.text.accent,
	});
	return [
		[
			label('CPU'),
			cell(
				last.cpuPercent === undefined
					? '…'
					: `${last.cpuPercent.toFixed(1)} % (of ${last.onlineCpus} CPU${last.onlineCpus === 1 ? '' : 's'})`,
			),
			spark(cpus),
		],
		[
			label('MEM'),
			cell(
				`${formatBytes(last.memoryUsage)} / ${formatBytes(last.memoryLimit)} (${memoryPercent.toFixed(1)} %)`,
			),
			spark(samples.map(sample => sample.memoryUsage)),
		],
		[
			label('NET I/O'),
			cell(now ? `↓ ${rate(now.rx)}  ↑ ${rate(now.tx)}` : '…'),
			spark(rates.map(each => each.net)),
		],
		[
			label('BLOCK I/O'),
			cell(now ? `r ${rate(now.read)}  w ${rate(now.write)}` : '…'),
			spark(rates.map(each => each.block)),
		],
		[label('PIDS'), {text: String(last.pids)}],
		[],
		[
			{
				text: `Totals: net ↓ ${formatBytes(last.netRx)} ↑ ${formatBytes(last.netTx)}, block r ${formatBytes(last.blockRead)} w ${formatBytes(last.blockWrite)}. Last ${samples.length} samples, one a second; the stats stream is open only while this tab is shown.`,
				fg: theme.text.secondary,
			},
		],
	];
}

/**
`docker top` as a table: columns as wide as their widest cell, the last one taking the rest.
*/
export function topRows(table: ProcessTable): StyledRow[] {
	const titles = table.titles.map(title => sanitize(title));
	const rows = table.processes.map(row => row.map(cell => sanitize(cell)));
	const widths = titles.map((title, column) =>
		Math.max(title.length, ...rows.map(row => (row[column] ?? '').length)),
	);
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, column) =>
				column === cells.length - 1 ? cell : cell.padEnd(widths[column]! + 2),
			)
			.join('');
	return [
		[{text: line(titles), bold: true}],
		...rows.map(row => [{text: line(row)}]),
		[],
		[
			{
				text: `${rows.length} process${rows.length === 1 ? '' : 'es'}; refreshed every 2 s while this tab is shown.`,
				fg: theme.text.secondary,
			},
		],
	];
}

export function envRows(env: readonly string[], reveal: boolean): StyledRow[] {
	if (env.length === 0) {
		return [[{text: 'No environment variables.', fg: theme.text.secondary}]];
	}

	const entries = env.map(entry => {
		const equals = entry.indexOf('=');
		return equals === -1
			? [entry, '']
			: [entry.slice(0, equals), entry.slice(equals + 1)];
	});
	const width = Math.min(32, Math.max(...entries.map(([key]) => key!.length)));
	const secrets = entries.filter(([key]) => looksSecret(key!)).length;
	return [
		[{text: `${'KEY'.padEnd(width + 2)}VALUE`, bold: true}],
		...entries.map(([key, value]): StyledRow => {
			const hidden = !reveal && looksSecret(key!);
			return [
				{text: key!.padEnd(width + 2), fg: theme.text.accent},
				hidden ? {text: masked, fg: theme.status.warning} : {text: value!},
			];
		}),
		[],
		...(secrets > 0
			? [
					[
						{
							text: reveal
								? `${secrets} secret-looking value${secrets === 1 ? '' : 's'} shown: v masks again.`
								: `${secrets} secret-looking value${secrets === 1 ? '' : 's'} masked: v reveals.`,
							fg: theme.text.secondary,
						},
					],
				]
			: []),
	];
}

export function configRows(lines: readonly string[]): StyledRow[] {
	return lines.map(line => {
		const match = /^(\s*)("(?:[^"\\]|\\.)*")(:.*)$/.exec(line);
		return match
			? [
					{text: match[1]!},
					{text: match[2]!, fg: theme.text.accent},
					{text: match[3]!},
				]
			: [{text: line}];
	});
}

const changeColor: Readonly<Record<FileChange['kind'], string>> = {
	A: theme.status.success,
	C: theme.status.warning,
	D: theme.status.error,
};

/**
`docker diff` as a tree (each path under its parent, indented), with counts and what a commit would keep.
*/
export function diffRows(changes: readonly FileChange[]): StyledRow[] {
	const count = (kind: FileChange['kind']) =>
		changes.filter(change => change.kind === kind).length;
	const sorted = [...changes].sort((a, b) => (a.path < b.path ? -1 : 1));
	return [
		[
			{
				text: `${count('A')} added, ${count('C')} changed, ${count('D')} deleted`,
				bold: true,
			},
		],
		[
			{
				text: 'These filesystem changes are what c (commit) would put into a new image; memory and running processes are not kept.',
				fg: theme.text.secondary,
			},
		],
		[],
		...(sorted.length === 0
			? [
					[
						{
							text: 'No changes to the image\u2019s filesystem.',
							fg: theme.text.secondary,
						},
					],
				]
			: sorted.map((change): StyledRow => {
					const parts = change.path.split('/').filter(Boolean);
					const depth = Math.max(0, parts.length - 1);
					return [
						{text: change.kind, fg: changeColor[change.kind], bold: true},
						{text: ` ${'  '.repeat(depth)}${parts.at(-1) ?? '/'}`},
						{
							text: depth > 0 ? `  ${change.path}` : '',
							fg: theme.text.secondary,
						},
					];
				})),
	];
}

/**
`docker history`: each layer's age, size and the command that made it, newest first.
*/
export function layerRows(
	layers: readonly ImageLayer[],
	now: number,
): StyledRow[] {
	const total = layers.reduce((sum, layer) => sum + layer.size, 0);
	return [
		[
			{
				text: `${'CREATED'.padEnd(9)}${'SIZE'.padStart(8)}  CREATED BY`,
				bold: true,
			},
		],
		...layers.map((layer): StyledRow => [
			{
				text: `${formatAge(now - layer.created)} ago`.padEnd(9),
				fg: theme.text.secondary,
			},
			{
				text: formatBytes(layer.size).padStart(8),
				...(layer.size > 0 ? {} : {fg: theme.text.secondary}),
			},
			{text: `  ${sanitize(layer.createdBy || layer.comment || '-')}`},
		]),
		[],
		[
			{
				text: `${layers.length} layer${layers.length === 1 ? '' : 's'}, ${formatBytes(total)} in all.`,
				fg: theme.text.secondary,
			},
		],
	];
}
