import {Box, Text} from 'ink';
import sanitize from '../../format/printable.js';
import {truncate, wrapText} from '../../format/text.js';
import type {DialogOverlay, Note, Target} from '../../state/types.js';
import {theme} from '../theme.js';
import {noteColor} from './form-view.js';

type Props = {
	readonly dialog: DialogOverlay;
	/**
	Objects the dialog is about that have disappeared since it opened (removed elsewhere).
	*/
	readonly gone: readonly Target[];
	readonly width: number;
	readonly height: number;
};

/**
The note lines that fit in `room` lines of `width` columns, wrapped; when they do not all fit, the last line
says how many more there are.
*/
export function noteLines(
	notes: readonly Note[],
	width: number,
	room: number,
): Array<{readonly text: string; readonly note: Note}> {
	const lines = notes.flatMap(note =>
		wrapText(sanitize(note.text), width).map(text => ({text, note})),
	);
	if (lines.length <= room) {
		return lines;
	}

	const kept = lines.slice(0, Math.max(0, room - 1));
	return [
		...kept,
		{
			text: `… and ${lines.length - kept.length} more lines`,
			note: {text: '', tone: 'muted'},
		},
	];
}

/**
A confirmation or a small menu, drawn in place of the pane: what it is about, options to tick, and the choices,
the focused one highlighted. The choices always fit: notes get the lines left over, and end in "and N more"
when they are longer.
*/
export default function DialogView({dialog, gone, width, height}: Props) {
	const goneNotes: Note[] = gone.map(target => ({
		text: `${target.name} is gone: it was removed elsewhere while this was open.`,
		tone: 'warning',
	}));
	const notes = [...dialog.notes, ...goneNotes];
	// Title, a blank line, the notes and a blank line after them, the items.
	const room = Math.max(0, height - 2 - dialog.items.length - 1);
	const lines = noteLines(notes, Math.max(10, width - 2), room);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.text.title} wrap="truncate">
				{' ' + truncate(sanitize(dialog.title), Math.max(1, width - 1))}
			</Text>
			<Text> </Text>
			{lines.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate" color={noteColor(line.note)}>
					{' ' + line.text}
				</Text>
			))}
			{lines.length > 0 ? <Text> </Text> : null}
			{dialog.items.map((item, index) => {
				const focused = index === dialog.focus;
				const text =
					item.kind === 'toggle'
						? `${item.value ? '[x]' : '[ ]'} ${item.label}`
						: item.label;
				return (
					<Text key={item.id} wrap="truncate">
						<Text color={theme.text.accent}>{focused ? ' › ' : '   '}</Text>
						<Text
							bold={focused}
							inverse={focused && item.kind === 'choice'}
							color={
								item.kind === 'choice' && item.danger
									? theme.status.error
									: undefined
							}
						>
							{item.kind === 'choice'
								? ` ${truncate(sanitize(item.label), Math.max(1, width - 6))} `
								: truncate(sanitize(text), Math.max(1, width - 4))}
						</Text>
					</Text>
				);
			})}
		</Box>
	);
}
