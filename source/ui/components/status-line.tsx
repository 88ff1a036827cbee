import {Text} from 'ink';
import type {LogEntry} from '../../state/command-line-types.js';
import type {Flash} from '../../state/types.js';
import {textWidth} from '../../format/text.js';
import {flashColor, theme} from '../theme.js';
import TextField from './text-field.js';

type Props = {
	/**
	A yes/no question waiting for its answer; shown before anything else.
	*/
	readonly question?: string;
	readonly flash?: Flash;
	readonly filtering: boolean;
	readonly filter: string;
	/**
	Where the cursor is in the filter prompt.
	@default filter.length
	*/
	readonly cursor?: number;
	/**
	Columns the prompt's text may use.
	@default 80
	*/
	readonly width?: number;
	/**
	The last line of the command log, shown after the message (or alone).
	*/
	readonly lastLog?: LogEntry;
};

const logMarks: Readonly<Record<LogEntry['status'], string>> = {
	running: '…',
	ok: '✓',
	failed: '✗',
};

/**
The line under the pane: a question waiting for y/n, the filter prompt while it is open, else the latest message
and the docker line of the last action (from the command log).
The prompt is a store-driven field like the forms' (the input router edits it, readline keys and all).
*/
export default function StatusLine({
	question,
	flash,
	filtering,
	filter,
	cursor = filter.length,
	width = 80,
	lastLog,
}: Props) {
	const docker = lastLog ? `$ ${lastLog.line} ${logMarks[lastLog.status]}` : '';
	if (question !== undefined) {
		return (
			<Text wrap="truncate" color={theme.status.warning}>
				{' ' + question}
			</Text>
		);
	}

	if (filtering) {
		return (
			<Text wrap="truncate">
				<Text color={theme.text.accent}> / </Text>
				<TextField
					focused
					value={filter}
					cursor={cursor}
					width={width}
					placeholder="type to filter; Enter keeps, Esc clears"
				/>
			</Text>
		);
	}

	if (flash) {
		const message = ' ' + flash.text;
		// The message comes first: the docker line only goes after it where a useful part of it fits, so that a
		// message that fits the line is never cut by the truncation of what follows it.
		const roomForDocker = width - textWidth(message) - 3;
		return (
			<Text wrap="truncate">
				<Text color={flashColor[flash.level]}>{message}</Text>
				{docker && roomForDocker >= Math.min(12, textWidth(docker)) ? (
					<Text color={theme.text.secondary}>{'   ' + docker}</Text>
				) : null}
			</Text>
		);
	}

	return docker ? (
		<Text wrap="truncate" color={theme.text.secondary}>
			{' ' + docker}
		</Text>
	) : (
		<Text> </Text>
	);
}
