const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;
const month = 30 * day;
const year = 365 * day;

const units: ReadonlyArray<[string, number]> = [
	['second', second],
	['minute', minute],
	['hour', hour],
	['day', day],
	['week', week],
	['month', month],
	['year', year],
];

/**
Reads the engine's human duration (Go `units.HumanDuration`: `Less than a second`, `About a minute`,
`3 hours`) back into milliseconds, as the lower bound of what it means. Undefined when it is not one.
*/
export function parseHumanDuration(text: string): number | undefined {
	const words = text.trim().toLowerCase();
	if (words === 'less than a second') {
		return 0;
	}

	if (words === 'about a minute') {
		return minute;
	}

	if (words === 'about an hour') {
		return hour;
	}

	const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(
		words,
	);
	if (!match) {
		return undefined;
	}

	const unit = units.find(([name]) => name === match[2]);
	return unit ? Number(match[1]) * unit[1] : undefined;
}

/**
When a running container started, from the engine's status line (`Up 3 minutes (Paused)`), as seen at `now`.
*/
export function startedAtFromStatus(
	status: string,
	now: number,
): number | undefined {
	const match = /^up (.+?)(?: \(.*\))?$/i.exec(status.trim());
	if (!match?.[1]) {
		return undefined;
	}

	const elapsed = parseHumanDuration(match[1]);
	return elapsed === undefined ? undefined : now - elapsed;
}

/**
A short age, like `docker ps` but terse: `12s`, `5m`, `3h`, `2d`, `6w`, `4mo`, `2y`.
*/
export function formatAge(ms: number): string {
	const value = Math.max(0, ms);
	if (value < minute) {
		return `${Math.floor(value / second)}s`;
	}

	if (value < hour) {
		return `${Math.floor(value / minute)}m`;
	}

	if (value < 2 * day) {
		return `${Math.floor(value / hour)}h`;
	}

	if (value < 2 * week) {
		return `${Math.floor(value / day)}d`;
	}

	if (value < 2 * month) {
		return `${Math.floor(value / week)}w`;
	}

	if (value < 2 * year) {
		return `${Math.floor(value / month)}mo`;
	}

	return `${Math.floor(value / year)}y`;
}
