import {Text} from 'ink';
import {theme} from '../theme.js';

type Props = {
	readonly value: string;
	/**
	@default value.length
	*/
	readonly cursor?: number;
	readonly placeholder?: string;
	/**
	Columns the field may use; a longer value scrolls so that the cursor stays in view.
	*/
	readonly width: number;
	/**
	The focused field shows its cursor.
	*/
	readonly focused: boolean;
};

/**
A one-line text input, drawn from the store: the input router turns key presses into edits that the reducer applies
to the latest value (`input/field-keys.ts`), so keys that arrive faster than the screen redraws (a held Backspace, a
paste in pieces, text and Tab in one chunk) are never lost or applied to the wrong field. Unlike ink-text-input,
it has no input handler or copy of the text of its own.
*/
export default function TextField({
	value,
	cursor = value.length,
	placeholder = '',
	width,
	focused,
}: Props) {
	if (value === '') {
		return focused ? (
			<Text>
				<Text inverse>{placeholder.charAt(0) || ' '}</Text>
				<Text color={theme.text.secondary}>{placeholder.slice(1)}</Text>
			</Text>
		) : (
			<Text color={theme.text.secondary}>{placeholder}</Text>
		);
	}

	const room = Math.max(1, width - 1);
	const at = Math.max(0, Math.min(cursor, value.length));
	const start = focused ? Math.max(0, at - room + 1) : 0;
	const shown = value.slice(start, start + room);
	if (!focused) {
		return <Text>{shown}</Text>;
	}

	const offset = at - start;
	return (
		<Text>
			{shown.slice(0, offset)}
			<Text inverse>{shown.charAt(offset) || ' '}</Text>
			{shown.slice(offset + 1)}
		</Text>
	);
}
