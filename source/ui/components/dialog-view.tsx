import {Box, Text} from 'ink';
import sanitize from '../../format/printable.js';
import type {DialogOverlay, Target} from '../../state/types.js';
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
A confirmation or a small menu, drawn in place of the pane: what it is about, options to tick, and the choices,
the focused one highlighted.
*/
export default function DialogView({dialog, gone, width, height}: Props) {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.text.title} wrap="truncate">
				{' ' + sanitize(dialog.title)}
			</Text>
			<Text> </Text>
			{dialog.notes.map((note, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Box key={index} paddingLeft={1}>
					<Text wrap="wrap" color={noteColor(note)}>
						{sanitize(note.text)}
					</Text>
				</Box>
			))}
			{gone.map(target => (
				<Box key={target.id} paddingLeft={1}>
					<Text wrap="wrap" color={theme.status.warning}>
						{`${sanitize(target.name)} is gone: it was removed elsewhere while this was open.`}
					</Text>
				</Box>
			))}
			{dialog.notes.length + gone.length > 0 ? <Text> </Text> : null}
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
							{item.kind === 'choice' ? ` ${item.label} ` : text}
						</Text>
					</Text>
				);
			})}
		</Box>
	);
}
