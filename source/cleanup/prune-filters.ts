/**
The prune filters as the docker CLI takes them (`--filter until=24h`, `--filter label=k=v`, `--filter label!=k`),
parsed and matched the way the engine does (moby `daemon/prune.go`: `getUntilFromPruneFilters`, `matchLabels`).
Pure.
*/

export type PruneFilters = {
	/**
	As typed (`24h`, `2026-01-02T03:04:05Z`, a Unix timestamp); empty for none.
	*/
	readonly until: string;
	/**
	`key` or `key=value`: every one must match.
	*/
	readonly labels: readonly string[];
	/**
	`key` or `key=value`: the object is left alone when every one of them matches.
	*/
	readonly notLabels: readonly string[];
};

export const noFilters: PruneFilters = {until: '', labels: [], notLabels: []};

const units: Readonly<Record<string, number>> = {
	ns: 1e-6,
	us: 1e-3,
	µs: 1e-3,
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
};

/**
A Go duration (`24h`, `1h30m`, `90s`, `1.5h`) in ms, or undefined when it is not one.
*/
export function parseGoDuration(text: string): number | undefined {
	if (!/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(text)) {
		return undefined;
	}

	let total = 0;
	for (const [, amount, unit] of text.matchAll(
		/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g,
	)) {
		total += Number(amount) * (units[unit!] ?? 0);
	}

	return total;
}

/**
The moment `until` stands for, in ms since the epoch: a duration counts back from `now`; a date or a Unix
timestamp is taken as it is. An error in words when it is neither.
*/
export function untilTime(
	until: string,
	now: number,
):
	| {readonly ok: true; readonly value: number}
	| {readonly ok: false; readonly error: string} {
	const text = until.trim();
	const duration = parseGoDuration(text);
	if (duration !== undefined) {
		return {ok: true, value: now - duration};
	}

	if (/^\d+(?:\.\d+)?$/.test(text)) {
		return {ok: true, value: Number(text) * 1000};
	}

	if (
		/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(
			text,
		)
	) {
		const ms = Date.parse(
			/T|\s/.test(text) && !/Z|[+-]\d{2}:?\d{2}$/.test(text)
				? `${text.replace(' ', 'T')}Z`
				: text.replace(' ', 'T'),
		);
		if (Number.isFinite(ms)) {
			return {ok: true, value: ms};
		}
	}

	return {
		ok: false,
		error: `until=${until} is neither a duration (24h, 90m) nor a date (2026-01-02T15:04:05Z) nor a Unix timestamp`,
	};
}

/**
`filters.Args.MatchKVList`: every `key` or `key=value` is among `labels`; true when there is none to match,
false for an object without labels.
*/
function matchKVList(
	wanted: readonly string[],
	labels: Readonly<Record<string, string>>,
): boolean {
	if (wanted.length === 0) {
		return true;
	}

	if (Object.keys(labels).length === 0) {
		return false;
	}

	return wanted.every(each => {
		const equals = each.indexOf('=');
		const key = equals === -1 ? each : each.slice(0, equals);
		if (!Object.hasOwn(labels, key)) {
			return false;
		}

		return equals === -1 || labels[key] === each.slice(equals + 1);
	});
}

/**
Does an object with these labels pass the filters (moby's `matchLabels`)?
*/
export function matchLabels(
	filters: PruneFilters,
	labels: Readonly<Record<string, string>>,
): boolean {
	if (!matchKVList(filters.labels, labels)) {
		return false;
	}

	return (
		filters.notLabels.length === 0 || !matchKVList(filters.notLabels, labels)
	);
}

/**
Was the object created before `until` (or is there no `until`)? `until` already resolved to ms.
*/
export function beforeUntil(
	created: number,
	until: number | undefined,
): boolean {
	return until === undefined || created <= until;
}

/**
Parses filters as typed on one line, the CLI's way: `until=24h label=team=web label!=keep`. An error in words for
anything else.
*/
export function parseFilters(
	line: string,
	now: number,
):
	| {readonly ok: true; readonly value: PruneFilters}
	| {readonly ok: false; readonly error: string} {
	let until = '';
	const labels: string[] = [];
	const notLabels: string[] = [];
	for (const word of line.trim().split(/\s+/).filter(Boolean)) {
		const stripped = word.replace(/^--filter=?/, '');
		if (stripped === '') {
			continue;
		}

		const match = /^(until|label!|label)=(.*)$/.exec(stripped);
		if (!match) {
			return {
				ok: false,
				error: `${word}: filters are until=<time>, label=<key>[=<value>] or label!=<key>[=<value>]`,
			};
		}

		const [, key, value = ''] = match;
		if (value === '' || value.startsWith('=')) {
			return {ok: false, error: `${word}: ${key} needs a value`};
		}

		if (key === 'until') {
			if (until !== '') {
				return {ok: false, error: 'more than one until filter specified'};
			}

			const time = untilTime(value, now);
			if (!time.ok) {
				return time;
			}

			until = value;
		} else if (key === 'label') {
			labels.push(value);
		} else {
			notLabels.push(value);
		}
	}

	return {ok: true, value: {until, labels, notLabels}};
}

/**
The filters as the CLI would be given them: `--filter until=24h --filter label=k=v`.
*/
export function filterArguments(filters: PruneFilters): string[] {
	return [
		...(filters.until ? ['--filter', `until=${filters.until}`] : []),
		...filters.labels.flatMap(label => ['--filter', `label=${label}`]),
		...filters.notLabels.flatMap(label => ['--filter', `label!=${label}`]),
	];
}

/**
The filters on one line, as `parseFilters` reads them.
*/
export function filtersLine(filters: PruneFilters): string {
	return [
		...(filters.until ? [`until=${filters.until}`] : []),
		...filters.labels.map(label => `label=${label}`),
		...filters.notLabels.map(label => `label!=${label}`),
	].join(' ');
}
