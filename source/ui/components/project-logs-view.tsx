import {Box, Text} from 'ink';
import {truncate} from '../../format/text.js';
import type {ProjectLogsOverlay} from '../../state/project-logs.js';
import {theme} from '../theme.js';
import {useKeyFor} from '../hooks/use-keymap.js';

type Props = {
	readonly logs: ProjectLogsOverlay;
	readonly width: number;
	readonly height: number;
};

/**
Colours the prefixes cycle through, one per service (and per container in the inspector's Logs of marked rows).
*/
export const sourceColors = [
	'cyan',
	'magenta',
	'green',
	'yellow',
	'blue',
	'cyanBright',
	'magentaBright',
	'greenBright',
] as const;

/**
The interleaved logs of a project or service: a line per log line, `web.1 | text`, oldest at the top, the newest
at the bottom (followed unless scrolled back). Only the lines that fit are rendered.
*/
export default function ProjectLogsView({logs, width, height}: Props) {
	const followKey = useKeyFor('project-logs.bottom');
	const errorRows = Math.min(2, logs.errors.length);
	const room = Math.max(1, height - 2 - errorRows);
	// Scrolled all the way back, the first page is shown whole.
	const end = Math.max(
		Math.min(room, logs.lines.length),
		logs.lines.length - logs.scroll,
	);
	const shown = logs.lines.slice(Math.max(0, end - room), end);
	const prefixWidth = Math.min(
		16,
		Math.max(4, ...logs.sources.map(source => source.length)),
	);
	const status =
		logs.open > 0
			? logs.scroll > 0
				? `scrolled back ${logs.scroll}${followKey ? ` · ${followKey} follows` : ''}`
				: 'following'
			: 'ended';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Box justifyContent="space-between">
				<Text bold color={theme.text.title} wrap="truncate">
					{' ' + truncate(logs.title, width - 30)}
				</Text>
				<Text color={theme.text.secondary}>
					{`${logs.lines.length} lines · ${status} `}
				</Text>
			</Box>
			{logs.errors.slice(-errorRows).map(error => (
				<Text key={error} color={theme.status.error} wrap="truncate">
					{' ✗ ' + error}
				</Text>
			))}
			{shown.length === 0 ? (
				<Text color={theme.text.secondary}>
					{logs.open > 0 ? ' Waiting for log lines…' : ' No log lines.'}
				</Text>
			) : (
				shown.map(line => {
					const color =
						sourceColors[
							Math.max(0, logs.sources.indexOf(line.source)) %
								sourceColors.length
						];
					return (
						<Text key={line.seq} wrap="truncate">
							<Text color={color}>
								{' ' + truncate(line.source, prefixWidth).padEnd(prefixWidth)}
							</Text>
							<Text color={theme.text.secondary}> | </Text>
							<Text
								color={
									line.stream === 'stderr' ? theme.status.warning : undefined
								}
							>
								{line.text}
							</Text>
						</Text>
					);
				})
			)}
		</Box>
	);
}
