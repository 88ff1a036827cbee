import {Text} from 'ink';
import TextInput from 'ink-text-input';
import type {Flash} from '../../state/types.js';
import {flashColor, theme} from '../theme.js';

type Props = {
	/**
	A yes/no question waiting for its answer; shown before anything else.
	*/
	readonly question?: string;
	readonly flash?: Flash;
	readonly filtering: boolean;
	readonly filter: string;
	readonly onFilterChange: (text: string) => void;
};

/**
The line under the pane: a question waiting for y/n, the filter prompt while it is open, else the latest message.
*/
export default function StatusLine({
	question,
	flash,
	filtering,
	filter,
	onFilterChange,
}: Props) {
	if (question !== undefined) {
		return (
			<Text wrap="truncate" color={theme.status.warning}>
				{' ' + question}
			</Text>
		);
	}

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
