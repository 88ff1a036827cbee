import {Box, Text} from 'ink';
import {fit} from '../../format/text.js';
import type {SearchOverlay} from '../../state/transfer-types.js';
import {theme} from '../theme.js';

type Props = {
	readonly search: SearchOverlay;
	readonly width: number;
	readonly height: number;
};

/**
Docker Hub's answer to a search: name, stars, official, description.
*/
export default function SearchView({search, width, height}: Props) {
	const results = search.results ?? [];
	const room = Math.max(1, height - 3);
	const start = Math.max(
		0,
		Math.min(search.selected - Math.floor(room / 2), results.length - room),
	);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.text.title} wrap="truncate">
				{` Search Docker Hub: ${search.term}${search.results || search.error ? '' : '  (searching…)'}`}
			</Text>
			{search.error ? (
				<Text color={theme.status.error} wrap="wrap">
					{' ✗ ' + search.error}
				</Text>
			) : search.results ? (
				<Text color={theme.text.secondary}>
					{` ${fit('NAME', 30)} ${fit('STARS', 6, 'right')} ${fit('OFFICIAL', 8)} DESCRIPTION`}
				</Text>
			) : null}
			{search.results && results.length === 0 ? (
				<Text color={theme.text.secondary}> Nothing found.</Text>
			) : null}
			{results.slice(start, start + room).map((result, index) => (
				<Text
					key={result.name}
					wrap="truncate"
					{...(start + index === search.selected
						? {
								backgroundColor: theme.selection.background,
								color: theme.selection.foreground,
							}
						: {})}
				>
					{fit(
						` ${fit(result.name, 30)} ${fit(String(result.stars), 6, 'right')} ${fit(result.official ? '[OK]' : '', 8)} ${result.description}`,
						width,
					)}
				</Text>
			))}
		</Box>
	);
}
