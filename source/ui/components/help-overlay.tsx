import {Box, Text} from 'ink';
import type {Binding} from '../../keymap/keymap.js';
import {keysLabel} from '../../keymap/labels.js';
import {fit} from '../../format/text.js';
import {theme} from '../theme.js';

type Props = {
	readonly bindings: readonly Binding[];
	readonly width: number;
	readonly height: number;
	readonly scroll: number;
	/**
	Bindings that are listed but cannot be used now (read-only mode).
	*/
	readonly disabled: (binding: Binding) => boolean;
};

type Line = {
	readonly key: string;
	readonly text: string;
	readonly heading?: boolean;
	readonly disabled?: boolean;
};

/**
Every binding of the keymap, grouped, in as many columns as fit without cutting a description, scrolling when
even that is too long for the screen. Generated from the table, so it cannot drift from what the keys do.
*/
export default function HelpOverlay({
	bindings,
	width,
	height,
	scroll,
	disabled,
}: Props) {
	const groups = new Map<string, Binding[]>();
	for (const binding of bindings) {
		groups.set(binding.group, [...(groups.get(binding.group) ?? []), binding]);
	}

	const keyWidth =
		Math.max(...bindings.map(binding => keysLabel(binding).length)) + 1;
	const lines: Line[] = [];
	for (const [group, members] of groups) {
		if (lines.length > 0) {
			lines.push({key: `${group}-gap`, text: ''});
		}

		lines.push({key: group, text: group, heading: true});
		for (const binding of members) {
			const off = disabled(binding);
			lines.push({
				key: `${binding.scope}:${binding.command}`,
				text: `${fit(keysLabel(binding), keyWidth)}${binding.description}${off ? ' (read-only)' : ''}`,
				disabled: off,
			});
		}
	}

	const columnWidth = Math.min(
		width - 1,
		Math.max(...lines.map(line => line.text.length)) + 3,
	);
	const columnCount = Math.max(1, Math.floor((width - 1) / columnWidth));
	const rowsPerColumn = Math.ceil(lines.length / columnCount);
	const visibleRows = Math.max(1, height - 1);
	const start = Math.max(0, Math.min(scroll, rowsPerColumn - visibleRows));
	const columns = Array.from({length: columnCount}, (_, index) =>
		lines
			.slice(index * rowsPerColumn, (index + 1) * rowsPerColumn)
			.slice(start, start + visibleRows),
	);
	const more =
		rowsPerColumn > visibleRows
			? `  rows ${start + 1}-${Math.min(rowsPerColumn, start + visibleRows)} of ${rowsPerColumn}, j/k scroll`
			: '';

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.text.title} wrap="truncate">
				{' Keys'}
				<Text color={theme.text.secondary} bold={false}>
					{`  (Esc or ? to close)${more}`}
				</Text>
			</Text>
			<Box>
				{columns.map((column, index) => (
					// eslint-disable-next-line react/no-array-index-key
					<Box key={index} flexDirection="column" width={columnWidth}>
						{column.map(line => (
							<Text
								key={line.key}
								wrap="truncate"
								bold={line.heading}
								color={
									line.heading
										? theme.text.accent
										: line.disabled
											? theme.text.secondary
											: theme.text.primary
								}
								strikethrough={line.disabled}
							>
								{' ' + line.text}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
