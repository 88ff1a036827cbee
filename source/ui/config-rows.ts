/**
What the inspector's Config tab shows, as styled rows: the container's health (its healthcheck and the output of
its last probes) and its published ports first, then the inspect document as foldable JSON with the cursor line
and the search matches marked. Pure: every string from the engine is sanitized here before it is shown.
*/
import type {PortMapping} from '../engine/types.js';
import sanitize from '../format/printable.js';
import {bindingText, portUrls, publishedBindings} from '../format/port-urls.js';
import {
	type JsonLine,
	jsonLines,
	lineParts,
	lineText,
} from '../inspector/json-tree.js';
import type {Matcher} from '../inspector/log-search.js';
import type {ConfigView} from '../state/config-view.js';
import {type Span, type StyledRow, wrapRow} from './components/styled-rows.js';
import {theme} from './theme.js';

type Raw = Record<string, unknown>;

const record = (value: unknown): Raw =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Raw)
		: {};

const label = (text: string): Span => ({
	text: text.padEnd(9),
	fg: theme.text.accent,
	bold: true,
});

const secondary = (text: string): Span => ({text, fg: theme.text.secondary});

/**
Nanoseconds (the engine's healthcheck durations) in words: `500ms`, `1s`, `1.5s`, `2m`.
*/
export function nanoseconds(ns: unknown): string | undefined {
	if (typeof ns !== 'number' || !Number.isFinite(ns) || ns <= 0) {
		return undefined;
	}

	const ms = ns / 1e6;
	if (ms < 1000) {
		return `${Math.round(ms)}ms`;
	}

	const seconds = ms / 1000;
	if (seconds < 120) {
		return `${Number(seconds.toFixed(1))}s`;
	}

	return `${Number((seconds / 60).toFixed(1))}m`;
}

const healthColor = (status: string) =>
	status === 'healthy'
		? theme.status.success
		: status === 'unhealthy'
			? theme.status.error
			: theme.status.warning;

/**
The Health section: status, the check itself, and the last probes (the engine keeps five), newest last, each
with its exit code and the first lines of its output. Nothing when the document has no healthcheck.
*/
export function healthRows(document: unknown, maxOutputLines = 3): StyledRow[] {
	const root = record(document);
	const check = record(record(root['Config'])['Healthcheck']);
	const health = record(record(root['State'])['Health']);
	const test = Array.isArray(check['Test']) ? check['Test'].map(String) : [];
	if (test.length === 0 && Object.keys(health).length === 0) {
		return [];
	}

	if (test[0] === 'NONE') {
		return [[label('HEALTH'), secondary('healthcheck turned off (NONE)')]];
	}

	const status = typeof health['Status'] === 'string' ? health['Status'] : '';
	const streak =
		typeof health['FailingStreak'] === 'number' ? health['FailingStreak'] : 0;
	const timing = [
		nanoseconds(check['Interval']) && `every ${nanoseconds(check['Interval'])}`,
		nanoseconds(check['Timeout']) && `timeout ${nanoseconds(check['Timeout'])}`,
		typeof check['Retries'] === 'number' && check['Retries'] > 0
			? `${check['Retries']} retr${check['Retries'] === 1 ? 'y' : 'ies'}`
			: undefined,
		nanoseconds(check['StartPeriod']) &&
			`start period ${nanoseconds(check['StartPeriod'])}`,
	].filter(Boolean);
	const rows: StyledRow[] = [
		[
			label('HEALTH'),
			status
				? {text: sanitize(status), fg: healthColor(status), bold: true}
				: secondary('(no status: the container is not running)'),
			...(streak > 0
				? [secondary(` · ${streak} failing in a row`)]
				: ([] as Span[])),
		],
		...(test.length > 0
			? [
					[
						secondary(' '.repeat(9)),
						{
							text: sanitize(
								(test[0] === 'CMD-SHELL' || test[0] === 'CMD'
									? test.slice(1)
									: test
								).join(' '),
							),
						},
						secondary(
							`  (${test[0] === 'CMD-SHELL' ? 'shell' : 'exec'}${timing.length > 0 ? `, ${timing.join(', ')}` : ''})`,
						),
					],
				]
			: []),
	];
	const log = Array.isArray(health['Log']) ? health['Log'].map(record) : [];
	if (log.length === 0) {
		if (status) {
			rows.push([secondary(' '.repeat(9)), secondary('no probe yet')]);
		}

		return rows;
	}

	rows.push([
		secondary(' '.repeat(9)),
		secondary(`last ${log.length} probe${log.length === 1 ? '' : 's'}:`),
	]);
	for (const probe of log) {
		const end = Date.parse(String(probe['End'] ?? probe['Start'] ?? ''));
		const start = Date.parse(String(probe['Start'] ?? ''));
		const code =
			typeof probe['ExitCode'] === 'number' ? probe['ExitCode'] : undefined;
		const time = Number.isFinite(end)
			? new Date(end).toISOString().slice(11, 19)
			: '--:--:--';
		const took =
			Number.isFinite(end) && Number.isFinite(start) && end >= start
				? `${end - start}ms`
				: '';
		const output = String(probe['Output'] ?? '')
			.split('\n')
			.map(line => sanitize(line).trimEnd())
			.filter(line => line !== '');
		const head: Span[] = [
			secondary(`${' '.repeat(9)}${time}  `),
			{
				text: `exit ${code ?? '?'}`.padEnd(8),
				fg: code === 0 ? theme.status.success : theme.status.error,
			},
			secondary(took.padStart(7) + '  '),
		];
		rows.push([
			...head,
			output.length === 0 ? secondary('(no output)') : {text: output[0]!},
		]);
		for (const line of output.slice(1, maxOutputLines)) {
			rows.push([secondary(' '.repeat(35)), {text: line}]);
		}

		if (output.length > maxOutputLines) {
			rows.push([
				secondary(
					`${' '.repeat(35)}(${output.length - maxOutputLines} more line${output.length - maxOutputLines === 1 ? '' : 's'}: y on /State/Health/Log copies them)`,
				),
			]);
		}
	}

	return rows;
}

/**
The published ports of an inspect document (`NetworkSettings.Ports`), as the lists have them.
*/
export function documentPorts(document: unknown): PortMapping[] {
	const ports = record(record(record(document)['NetworkSettings'])['Ports']);
	const result: PortMapping[] = [];
	for (const [spec, bindings] of Object.entries(ports)) {
		const match = /^(\d+)\/(tcp|udp|sctp)$/.exec(spec);
		if (!match) {
			continue;
		}

		const privatePort = Number(match[1]);
		const protocol = match[2] as PortMapping['protocol'];
		if (!Array.isArray(bindings) || bindings.length === 0) {
			result.push({privatePort, protocol});
			continue;
		}

		for (const binding of bindings.map(record)) {
			const publicPort = Number(binding['HostPort']);
			result.push({
				privatePort,
				protocol,
				...(Number.isInteger(publicPort) && publicPort > 0 ? {publicPort} : {}),
				...(typeof binding['HostIp'] === 'string'
					? {ip: binding['HostIp']}
					: {}),
			});
		}
	}

	return result;
}

/**
The Ports section: each published port with the host address it is bound to and the URL `o` opens.
*/
export function portRows(document: unknown, engineHost: string): StyledRow[] {
	const ports = documentPorts(document);
	const published = publishedBindings(ports);
	if (published.length === 0) {
		return [];
	}

	const urls = portUrls(ports, engineHost);
	return published.map((port, index): StyledRow => {
		const text = bindingText(port);
		const url = urls.find(each => each.bindings.startsWith(text));
		return [
			index === 0 ? label('PORTS') : secondary(' '.repeat(9)),
			{text: sanitize(text).padEnd(28)},
			...(url ? [{text: url.url, fg: theme.text.accent}] : []),
			...(url && index === 0 ? [secondary('  (o opens)')] : []),
		];
	});
}

/**
`spans` with the parts `ranges` covers (offsets into the spans' text together) in `mark`'s style.
*/
function marked(
	spans: readonly Span[],
	ranges: ReadonlyArray<readonly [number, number]>,
	mark: Omit<Span, 'text'>,
): Span[] {
	if (ranges.length === 0) {
		return [...spans];
	}

	const out: Span[] = [];
	let offset = 0;
	for (const span of spans) {
		const end = offset + span.text.length;
		let at = offset;
		for (const [from, to] of ranges) {
			if (to <= at || from >= end) {
				continue;
			}

			const start = Math.max(from, at);
			if (start > at) {
				out.push({...span, text: span.text.slice(at - offset, start - offset)});
			}

			const stop = Math.min(to, end);
			out.push({
				...span,
				...mark,
				text: span.text.slice(start - offset, stop - offset),
			});
			at = stop;
		}

		if (at < end) {
			out.push({...span, text: span.text.slice(at - offset)});
		}

		offset = end;
	}

	return out;
}

/**
One document line as spans: the key tinted, a folded node's size dim, search matches highlighted.
*/
export function jsonLineSpans(
	line: JsonLine,
	matcher?: Matcher,
	withIndent = true,
): Span[] {
	const parts = lineParts(line);
	const key = sanitize(parts.key);
	const body = sanitize(parts.body);
	const text: Span[] = [
		...(key === '' ? [] : [{text: key, fg: theme.text.accent}]),
		{text: body},
	];
	// What is searched is what is shown: key and value, after sanitizing.
	const shown = marked(text, matcher?.ranges(lineText(line)) ?? [], {
		bg: 'yellow',
		fg: 'black',
	});
	return [
		...(withIndent ? [{text: parts.indent}] : []),
		...shown,
		...(parts.note ? [secondary(parts.note)] : []),
	];
}

export type ConfigWindow = {
	/**
	Every row: the sections, a blank, then the document (long lines wrapped).
	*/
	readonly rows: StyledRow[];
	/**
	The first and last row of the cursor's line.
	*/
	readonly cursorRows: readonly [number, number];
	/**
	The document's lines, as shown (folds applied).
	*/
	readonly lines: readonly JsonLine[];
	readonly cursor: number;
};

/**
The Config tab's rows for `document` with `view`'s folds, cursor and search, `columns` wide.
*/
export function configWindow(
	document: unknown,
	view: ConfigView,
	options: {
		readonly columns: number;
		readonly sections: readonly StyledRow[];
		readonly matcher?: Matcher;
		readonly focused: boolean;
	},
): ConfigWindow {
	const lines = jsonLines(document, view.folded);
	const found = lines.findIndex(line => line.id === view.cursor);
	const cursor = found === -1 ? 0 : found;
	const rows: StyledRow[] = [
		...options.sections.flatMap(row => wrapRow(row, options.columns, 20)),
		...(options.sections.length > 0 ? [[]] : []),
	];
	let cursorRows: [number, number] = [rows.length, rows.length];
	const highlight: Omit<Span, 'text'> = options.focused
		? {bg: theme.selection.background, fg: theme.selection.foreground}
		: {inverse: true};
	for (const [index, line] of lines.entries()) {
		// A long line goes on under its key, not at the left edge.
		const indent = Math.min(line.depth * 2, Math.floor(options.columns / 2));
		const wrapped = wrapRow(
			jsonLineSpans(line, options.matcher, false),
			Math.max(1, options.columns - indent),
			50,
		).map(row => [{text: ' '.repeat(indent)}, ...row]);
		if (index === cursor) {
			cursorRows = [rows.length, rows.length + wrapped.length - 1];
			rows.push(
				...wrapped.map(row => [
					...row.map(span =>
						span.bg === undefined ? {...span, ...highlight} : span,
					),
					{text: ' '.repeat(options.columns), ...highlight},
				]),
			);
		} else {
			rows.push(...wrapped);
		}
	}

	return {rows, cursorRows, lines, cursor};
}
