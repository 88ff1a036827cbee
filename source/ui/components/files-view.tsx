import {Box, Text} from 'ink';
import formatBytes from '../../format/bytes.js';
import {modeString} from '../../format/transfer-lines.js';
import {fit, truncate} from '../../format/text.js';
import type {FilesOverlay} from '../../state/transfer-types.js';
import {theme} from '../theme.js';

type Props = {
	readonly files: FilesOverlay;
	readonly width: number;
	readonly height: number;
};

type Row = {
	readonly mode: string;
	readonly size: string;
	readonly name: string;
};

/**
A folder of a container, from the engine's archive endpoint: mode, size and name of each entry, folders first,
`..` on top below the root.
*/
export default function FilesView({files, width, height}: Props) {
	const rows: Row[] = [
		...(files.folder === '/'
			? []
			: [{mode: 'd---------', size: '', name: '..'}]),
		...(files.entries ?? []).map(entry => ({
			mode: modeString(entry),
			size: entry.type === 'file' ? formatBytes(entry.size) : '',
			name:
				entry.name +
				(entry.type === 'directory' ? '/' : '') +
				(entry.type === 'symlink' && entry.linkTarget
					? ` -> ${entry.linkTarget}`
					: ''),
		})),
	];
	const room = Math.max(1, height - 4);
	const start = Math.max(
		0,
		Math.min(files.selected - Math.floor(room / 2), rows.length - room),
	);
	const visible = rows.slice(start, start + room);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.text.title} wrap="truncate">
				{` Files of ${files.container.name}: ${files.folder}${files.loading ? '  (reading…)' : ''}`}
			</Text>
			{files.error ? (
				<Text color={theme.status.error} wrap="wrap">
					{' ✗ ' + files.error}
				</Text>
			) : (
				<Text color={theme.text.secondary}>
					{` ${fit('MODE', 11)} ${fit('SIZE', 8, 'right')}  NAME`}
				</Text>
			)}
			{visible.map((row, index) => {
				const selected = start + index === files.selected;
				return (
					<Text
						key={row.name}
						wrap="truncate"
						{...(selected
							? {
									backgroundColor: theme.selection.background,
									color: theme.selection.foreground,
								}
							: {})}
					>
						{fit(
							` ${fit(row.mode, 11)} ${fit(row.size, 8, 'right')}  ${truncate(row.name, width - 25)}`,
							width,
						)}
					</Text>
				);
			})}
			{!files.loading && !files.error && rows.length === 0 ? (
				<Text color={theme.text.secondary}> (empty folder)</Text>
			) : null}
		</Box>
	);
}
