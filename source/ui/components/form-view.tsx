import {Box, Text} from 'ink';
import sanitize from '../../format/printable.js';
import type {FormField, FormOverlay, Note} from '../../state/types.js';
import {theme} from '../theme.js';
import TextField from './text-field.js';

type Props = {
	readonly form: FormOverlay;
	readonly width: number;
	readonly height: number;
};

const labelWidth = 12;

export const noteColor = (note: Note): string | undefined =>
	note.tone === 'warning'
		? theme.status.warning
		: note.tone === 'error'
			? theme.status.error
			: note.tone === 'muted'
				? theme.text.secondary
				: undefined;

function FieldLine({
	field,
	focused,
	width,
}: {
	readonly field: FormField;
	readonly focused: boolean;
	readonly width: number;
}) {
	const cursor = <Text color={theme.text.accent}>{focused ? '› ' : '  '}</Text>;
	if (field.kind === 'toggle') {
		return (
			<Text wrap="truncate">
				{cursor}
				<Text bold={focused}>
					{field.value ? '[x] ' : '[ ] '}
					{field.label}
				</Text>
			</Text>
		);
	}

	const label = (
		<Text color={focused ? theme.text.title : theme.text.accent}>
			{field.label.padEnd(labelWidth)}
		</Text>
	);
	if (field.kind === 'choice') {
		return (
			<Text wrap="truncate">
				{cursor}
				{label}
				<Text bold={focused}>
					{field.options
						.map(option => (option === field.value ? `‹${option}›` : option))
						.join('  ')}
				</Text>
			</Text>
		);
	}

	return (
		<Text wrap="truncate">
			{cursor}
			{label}
			<TextField
				value={field.secret ? '•'.repeat(field.value.length) : field.value}
				{...(field.cursor === undefined ? {} : {cursor: field.cursor})}
				{...(field.placeholder === undefined
					? {}
					: {placeholder: field.placeholder})}
				width={width - labelWidth - 2}
				focused={focused}
			/>
		</Text>
	);
}

/**
A form drawn in place of the pane: its fields (the focused one takes typing), a message under each field that
is wrong, the focused field's hint, notes, and the engine's answer after a failed submit.
*/
export default function FormView({form, width, height}: Props) {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.text.title} wrap="truncate">
				{' ' + sanitize(form.title)}
			</Text>
			{form.notes.map(note => (
				<Box key={note.text} paddingLeft={1}>
					<Text wrap="wrap" color={noteColor(note)}>
						{sanitize(note.text)}
					</Text>
				</Box>
			))}
			{form.error ? (
				<Box paddingLeft={1}>
					<Text wrap="wrap" color={theme.status.error}>
						{'✗ ' + sanitize(form.error)}
					</Text>
				</Box>
			) : null}
			<Text> </Text>
			{form.fields.map((field, index) => {
				const focused = index === form.focus;
				return (
					<Box key={field.id} flexDirection="column">
						<FieldLine field={field} focused={focused} width={width} />
						{field.error ? (
							<Text wrap="truncate" color={theme.status.error}>
								{' '.repeat(labelWidth + 2) + '✗ ' + sanitize(field.error)}
							</Text>
						) : focused && field.kind === 'text' && field.candidates ? (
							<Text wrap="truncate" color={theme.text.secondary}>
								{' '.repeat(labelWidth + 2) + sanitize(field.candidates)}
							</Text>
						) : focused && field.hint ? (
							<Text wrap="truncate" color={theme.text.secondary}>
								{' '.repeat(labelWidth + 2) + field.hint}
							</Text>
						) : null}
					</Box>
				);
			})}
		</Box>
	);
}
