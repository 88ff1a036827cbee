import {Text} from 'ink';
import type {CommandLine} from '../../state/command-line-types.js';
import {theme} from '../theme.js';
import TextField from './text-field.js';

type Props = {
	readonly line: CommandLine;
	/**
	Columns the prompt may use.
	@default 80
	*/
	readonly width?: number;
};

/**
The `:` prompt on the status line, with why the last Enter sent nothing next to it. A store-driven field like the
filter's: the input router edits it, readline keys and all.
*/
export default function CommandPrompt({line, width = 80}: Props) {
	const error = line.error ? `  ✗ ${line.error}` : '';
	const fieldWidth = error
		? Math.max(12, Math.min(width - error.length, line.value.length + 2))
		: width;
	return (
		<Text wrap="truncate">
			<Text color={theme.text.accent}> :</Text>
			<TextField
				focused
				value={line.value}
				cursor={line.cursor}
				width={fieldWidth}
				placeholder="a command: stop web, run -d busybox, log, help (Tab completes)"
			/>
			{error ? <Text color={theme.status.error}>{error}</Text> : null}
		</Text>
	);
}
