import {Box, Text} from 'ink';
import {truncate} from '../../format/text.js';
import type {PaneId} from '../../state/types.js';
import {theme} from '../theme.js';

type Props = {
	readonly pane: PaneId;
	readonly counts: Readonly<Record<PaneId, string>>;
	/**
	Text at the right end (filter, show-all state), cut to half the width at most.
	*/
	readonly right?: string;
	/**
	The terminal's width: the bar is always one row of it, however long `right` is.
	@default 80
	*/
	readonly width?: number;
	/**
	Narrow terminal: the keys without their padding, so that all six tabs fit in 80 columns.
	@default false
	*/
	readonly compact?: boolean;
};

/**
The tabs, in order: pane, key, title (the mouse finds them where they are drawn, `ui/hit-test.ts`).
*/
export const tabTitles: ReadonlyArray<[PaneId, string, string]> = [
	['containers', '1', 'Containers'],
	['images', '2', 'Images'],
	['events', '3', 'Events'],
	['volumes', '4', 'Volumes'],
	['networks', '5', 'Networks'],
	['engine', '6', 'Engine'],
	['projects', '7', 'Projects'],
];

/**
Below this width the tabs are drawn compact.
*/
export const compactTabsBelow = 130;

/**
The two parts of a tab as drawn: the key, and the title with its count.
*/
export function tabText(
	key: string,
	title: string,
	count: string,
	compact: boolean,
): [string, string] {
	return [
		compact ? key : ` ${key} `,
		count ? ` ${title} ${count} ` : ` ${title} `,
	];
}

export default function TabBar({
	pane,
	counts,
	right,
	width = 80,
	compact = false,
}: Props) {
	// A long filter used to wrap onto a second row, which pushed the pane's bottom border and the status line
	// off the screen: the right text gets at most half the row, the tabs the rest (cut at the edge).
	const rightText = right
		? truncate(right, Math.max(10, Math.floor(width / 2) - 1))
		: '';
	return (
		<Box justifyContent="space-between" width={width} height={1}>
			<Text wrap="truncate">
				{tabTitles.map(([id, key, title]) => (
					<Text key={id}>
						<Text color={theme.text.secondary}>
							{tabText(key, title, counts[id], compact)[0]}
						</Text>
						<Text
							bold={id === pane}
							inverse={id === pane}
							color={id === pane ? theme.text.accent : theme.text.primary}
						>
							{tabText(key, title, counts[id], compact)[1]}
						</Text>
					</Text>
				))}
			</Text>
			{rightText ? (
				<Box flexShrink={0}>
					<Text wrap="truncate" color={theme.text.secondary}>
						{rightText}{' '}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
