import {Box, Text} from 'ink';
import type {PaneId} from '../../state/types.js';
import {theme} from '../theme.js';

type Props = {
	readonly pane: PaneId;
	readonly counts: Readonly<Record<PaneId, string>>;
	/**
	Text at the right end (filter, show-all state).
	*/
	readonly right?: string;
};

/**
The tabs, in order: pane, key, title (the mouse finds them where they are drawn, `ui/hit-test.ts`).
*/
export const tabTitles: ReadonlyArray<[PaneId, string, string]> = [
	['containers', '1', 'Containers'],
	['images', '2', 'Images'],
	['events', '3', 'Events'],
	['projects', '7', 'Projects'],
];

export default function TabBar({pane, counts, right}: Props) {
	return (
		<Box justifyContent="space-between">
			<Text wrap="truncate">
				{tabTitles.map(([id, key, title]) => (
					<Text key={id}>
						<Text color={theme.text.secondary}> {key} </Text>
						<Text
							bold={id === pane}
							inverse={id === pane}
							color={id === pane ? theme.text.accent : theme.text.primary}
						>
							{` ${title} ${counts[id]} `}
						</Text>
					</Text>
				))}
			</Text>
			{right ? <Text color={theme.text.secondary}>{right} </Text> : null}
		</Box>
	);
}
