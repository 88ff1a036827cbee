import {Text} from 'ink';
import TextInput from 'ink-text-input';
import type {Flash} from '../../state/types.js';
import {flashColor, theme} from '../theme.js';

type Props = {
	readonly flash?: Flash;
	readonly filtering: boolean;
	readonly filter: string;
	readonly onFilterChange: (text: string) => void;
};

/**
The line under the pane: the filter prompt while it is open, else the latest message.
*/
export default function StatusLine({
	flash,
	filtering,
	filter,
	onFilterChange,
}: Props) {
	if (filtering) {
		return (
			<Text>
				<Text color={theme.text.accent}> / </Text>
				<TextInput
					value={filter}
					placeholder="type to filter; Enter keeps, Esc clears"
					onChange={onFilterChange}
				/>
			</Text>
		);
	}

	if (flash) {
		return (
			<Text wrap="truncate" color={flashColor[flash.level]}>
				{' ' + flash.text}
			</Text>
		);
	}

	return <Text> </Text>;
}
