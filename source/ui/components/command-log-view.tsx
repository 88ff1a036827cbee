import {Box, Text} from 'ink';
import type {LogEntry} from '../../state/command-line-types.js';
import {theme} from '../theme.js';

type Props = {
	/**
	Oldest first, as the state keeps them; shown newest first.
	*/
	readonly entries: readonly LogEntry[];
	readonly width: number;
	readonly height: number;
	readonly scroll: number;
};

/**
`14:03:07`, in local time.
*/
export function clockTime(ms: number): string {
	const date = new Date(ms);
	return [date.getHours(), date.getMinutes(), date.getSeconds()]
		.map(part => String(part).padStart(2, '0'))
		.join(':');
}

/**
`0.3 s`, `12 ms`, `2 min 5 s`.
*/
export function duration(ms: number): string {
	if (ms < 1000) {
		return `${Math.round(ms)} ms`;
	}

	if (ms < 60_000) {
		return `${(ms / 1000).toFixed(1)} s`;
	}

	return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const glyphs: Readonly<Record<LogEntry['status'], string>> = {
	running: '…',
	ok: '✓',
	failed: '✗',
};

const colours: Readonly<Record<LogEntry['status'], string>> = {
	running: theme.text.secondary,
	ok: theme.status.success,
	failed: theme.status.error,
};

/**
One line of the log as text: `14:03:07 ✓ 0.3 s  docker stop web`, with the reason when it failed.
*/
export function logLine(entry: LogEntry): string {
	const took =
		entry.endedAt === undefined
			? 'running'
			: duration(entry.endedAt - entry.startedAt);
	return `${clockTime(entry.startedAt)} ${glyphs[entry.status]} ${took.padStart(8)}  ${entry.line}${entry.error ? `  (${entry.error})` : ''}`;
}

/**
The command log (`:log`): the docker CLI line of every action dockpit performed, newest first, with its time, how
long it took and how it went. Every line can be copied into a terminal as it is.
*/
export default function CommandLogView({
	entries,
	width,
	height,
	scroll,
}: Props) {
	// Each entry in full, over as many lines as it needs: every line can be copied into a terminal as it is.
	const room = Math.max(10, width - 2);
	const lines = [...entries].reverse().flatMap(entry => {
		const text = logLine(entry);
		const parts: string[] = [];
		for (let at = 0; at < text.length; at += room) {
			parts.push(text.slice(at, at + room));
		}

		return parts.map((part, index) => ({
			key: `${entry.id}:${index}`,
			text: part,
			status: entry.status,
		}));
	});
	const rows = Math.max(1, height - 1);
	const start = Math.max(0, Math.min(scroll, lines.length - rows));
	const shown = lines.slice(start, start + rows);
	const more =
		lines.length > rows
			? `  lines ${start + 1}-${start + shown.length} of ${lines.length}, j/k scroll`
			: '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.text.title} wrap="truncate">
				{' Command log'}
				<Text color={theme.text.secondary} bold={false}>
					{`  the docker CLI line of each action, newest first (Esc to close)${more}`}
				</Text>
			</Text>
			{shown.length === 0 ? (
				<Text color={theme.text.secondary}>
					{
						' Nothing yet: what dockpit does (a key, a form, a : command) shows here as its docker line.'
					}
				</Text>
			) : null}
			{shown.map(line => (
				<Text key={line.key} wrap="truncate" color={colours[line.status]}>
					{' ' + line.text}
				</Text>
			))}
		</Box>
	);
}
