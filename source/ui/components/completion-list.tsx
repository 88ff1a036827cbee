import {Box, Text} from 'ink';
import type {Candidate} from '../../command-line/complete.js';
import {fit} from '../../format/text.js';
import {theme} from '../theme.js';

type Props = {
	readonly candidates: readonly Candidate[];
	/**
	What the command takes (`stop [OPTIONS] CONTAINER...`), on the first line.
	*/
	readonly hint?: string;
	/**
	The candidate a Tab cycle has put in, highlighted.
	*/
	readonly selected?: string;
	readonly width: number;
	/**
	Lines it may use, hint included.
	*/
	readonly height: number;
};

/**
The candidates for the word being typed on the command line, best first, each with its one-line description; the
command's usage above them.
*/
export default function CompletionList({
	candidates,
	hint,
	selected,
	width,
	height,
}: Props) {
	const rows = Math.max(0, height - (hint ? 1 : 0));
	const selectedIndex = candidates.findIndex(each => each.text === selected);
	const start = selectedIndex >= rows ? selectedIndex - rows + 1 : 0;
	const shown = candidates.slice(start, start + rows);
	const nameWidth = Math.min(
		Math.max(8, ...shown.map(candidate => candidate.text.length + 2)),
		Math.floor(width / 2),
	);
	const more = candidates.length - shown.length;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{hint ? (
				<Text wrap="truncate" color={theme.text.secondary}>
					{` :${hint}`}
					{more > 0
						? `   (${candidates.length} candidates, Tab goes through them)`
						: ''}
				</Text>
			) : null}
			{shown.map(candidate => (
				<Text
					key={candidate.text}
					wrap="truncate"
					inverse={candidate.text === selected}
				>
					<Text
						color={theme.text.accent}
					>{` ${fit(candidate.text, nameWidth)}`}</Text>
					<Text color={theme.text.secondary}>{candidate.description}</Text>
				</Text>
			))}
		</Box>
	);
}
