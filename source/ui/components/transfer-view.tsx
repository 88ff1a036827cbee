import {Box, Text} from 'ink';
import {formatElapsed} from '../../commands/transfer-runner.js';
import {layerLine, totalLine} from '../../format/transfer-lines.js';
import {truncate} from '../../format/text.js';
import type {Transfer} from '../../state/transfer-types.js';
import {theme} from '../theme.js';
import {useKeyFor} from '../hooks/use-keymap.js';

type Props = {
	readonly transfer?: Transfer;
	/**
	Output lines scrolled back from the newest.
	*/
	readonly scroll: number;
	readonly now: number;
	readonly width: number;
	readonly height: number;
};

// A function: the theme is chosen at startup, after this module loads.
const statusColor = (status: 'running' | 'done' | 'failed' | 'cancelled') =>
	({
		running: theme.status.info,
		done: theme.status.success,
		failed: theme.status.error,
		cancelled: theme.text.secondary,
	})[status];

/**
A transfer's progress in place of the pane: what it is and its docker CLI line, a line per layer with a bar, the
total, the newest output lines (a build's steps), and at the end the result line.
*/
export default function TransferView({
	transfer,
	scroll,
	now,
	width,
	height,
}: Props) {
	const loginKey = useKeyFor('transfer.login');
	if (!transfer) {
		return (
			<Text color={theme.text.secondary}>
				{' '}
				This transfer is no longer kept.
			</Text>
		);
	}

	const barWidth = Math.max(10, Math.min(30, width - 60));
	const elapsed = formatElapsed((transfer.endedAt ?? now) - transfer.startedAt);
	const total = totalLine(transfer, barWidth);
	const footer =
		transfer.status === 'running' ? 0 : transfer.loginRegistry ? 2 : 1;
	const fixed = 3 + (total ? 1 : 0) + footer + 1;
	const room = Math.max(1, height - fixed);
	// Layers first (as many as fit, the moving ones before the settled ones), then the newest output lines.
	const layers = [...transfer.layers];
	const layerRoom =
		transfer.lines.length > 0 ? Math.max(1, Math.floor(room / 2)) : room;
	const shownLayers =
		layers.length > layerRoom
			? [
					...layers.filter(
						layer => layer.status !== 'done' && layer.status !== 'exists',
					),
					...layers.filter(
						layer => layer.status === 'done' || layer.status === 'exists',
					),
				].slice(0, layerRoom)
			: layers;
	const lineRoom = Math.max(0, room - shownLayers.length);
	const end = Math.max(0, transfer.lines.length - scroll);
	const lines = transfer.lines.slice(Math.max(0, end - lineRoom), end);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Box justifyContent="space-between">
				<Text bold color={theme.text.title} wrap="truncate">
					{' ' + truncate(transfer.title, width - 20)}
				</Text>
				<Text
					color={statusColor(transfer.status)}
				>{`${transfer.status} ${elapsed} `}</Text>
			</Box>
			<Text color={theme.text.secondary} wrap="truncate">
				{' $ ' + transfer.docker.join(' ')}
			</Text>
			<Text> </Text>
			{shownLayers.map(layer => (
				<Text key={layer.id} wrap="truncate">
					{' ' + layerLine(layer, barWidth)}
				</Text>
			))}
			{total ? (
				<Text bold wrap="truncate">
					{' ' + total}
				</Text>
			) : null}
			{lines.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text
					key={index}
					wrap="truncate"
					color={/^Step \d+\/\d+ :/.test(line) ? theme.text.accent : undefined}
				>
					{' ' + line}
				</Text>
			))}
			<Box flexGrow={1} />
			{transfer.status === 'running' ? null : (
				<Text wrap="wrap" color={statusColor(transfer.status)}>
					{(transfer.status === 'done'
						? ' ✓ '
						: transfer.status === 'failed'
							? ' ✗ '
							: ' – ') + (transfer.result ?? '')}
				</Text>
			)}
			{transfer.status !== 'running' && transfer.loginRegistry ? (
				<Text color={theme.status.warning}>
					{loginKey
						? ` Press ${loginKey} to log in, then it is tried again.`
						: ' Log in (:login), then try again.'}
				</Text>
			) : null}
		</Box>
	);
}
