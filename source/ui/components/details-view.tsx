import {Box, Text} from 'ink';
import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import formatPorts from '../../format/ports.js';
import {shortId} from '../../format/text.js';
import sanitize from '../../engine/sanitize.js';
import type {DetailsData} from '../../state/types.js';
import {theme} from '../theme.js';
import cleanupDetailsLines from './cleanup-details.js';

type Props = {
	readonly title: string;
	readonly data?: DetailsData;
	readonly error?: string;
	readonly scroll: number;
	readonly width: number;
	readonly height: number;
	readonly now: number;
};

export type Line = {
	readonly label?: string;
	readonly text: string;
	readonly color?: string;
	readonly heading?: boolean;
};

const time = (ms: number | undefined, now: number) =>
	ms === undefined || ms <= 0
		? '-'
		: `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} (${formatAge(now - ms)} ago)`;

const list = (label: string, values: readonly string[]): Line[] =>
	values.length === 0
		? [{label, text: '-'}]
		: values.map((text, index) => (index === 0 ? {label, text} : {text}));

/**
What the details overlay shows, as labelled lines. Images show their layers as a stack, newest on top, with a
bar for each layer's share of the image's size.
*/
export function detailsLines(
	data: DetailsData,
	now: number,
	width: number,
): Line[] {
	switch (data.kind) {
		case 'container': {
			const c = data.details;
			return [
				{label: 'Name', text: c.name},
				{label: 'Id', text: c.id},
				{label: 'Image', text: `${c.image} (${shortId(c.imageId)})`},
				{
					label: 'State',
					text:
						c.state +
						(c.exitCode === undefined ? '' : ` (exit code ${c.exitCode})`),
				},
				{label: 'Status', text: c.status || '-'},
				...(c.error
					? [{label: 'Error', text: c.error, color: theme.status.error}]
					: []),
				{label: 'Created', text: time(c.created, now)},
				{label: 'Started', text: time(c.startedAt, now)},
				{label: 'Finished', text: time(c.finishedAt, now)},
				{label: 'PID', text: c.pid ? String(c.pid) : '-'},
				{label: 'Command', text: [...c.entrypoint, ...c.cmd].join(' ') || '-'},
				{label: 'Working dir', text: c.workingDir || '/'},
				{
					label: 'TTY / stdin',
					text: `${c.tty ? 'tty' : 'no tty'}, ${c.openStdin ? 'stdin open' : 'no stdin'}`,
				},
				{label: 'Restart', text: c.restartPolicy || 'no'},
				{label: 'Ports', text: formatPorts(c.ports) || '-'},
				...list(
					'Networks',
					c.networks.map(network => `${network.name} ${network.ipAddress}`),
				),
				...list(
					'Mounts',
					c.mounts.map(
						mount =>
							`${mount.type} ${mount.source} → ${mount.destination}${mount.readOnly ? ' (ro)' : ''}`,
					),
				),
				...list('Env', c.env),
				...list(
					'Labels',
					Object.entries(c.labels).map(([key, value]) => `${key}=${value}`),
				),
			];
		}

		case 'image': {
			const image = data.details;
			const biggest = Math.max(1, ...image.layers.map(layer => layer.size));
			const barWidth = Math.max(4, Math.min(20, Math.floor(width / 6)));
			return [
				...list(
					'Tags',
					image.repoTags.length > 0 ? image.repoTags : ['<none>'],
				),
				{label: 'Id', text: image.id},
				{label: 'Created', text: time(image.created, now)},
				{label: 'Size', text: formatBytes(image.size)},
				{label: 'Platform', text: `${image.os}/${image.architecture}`},
				{label: 'Author', text: image.author || '-'},
				{label: 'Comment', text: image.comment || '-'},
				{label: 'Entrypoint', text: image.entrypoint.join(' ') || '-'},
				{label: 'Cmd', text: image.cmd.join(' ') || '-'},
				{label: 'Exposed', text: image.exposedPorts.join(', ') || '-'},
				...list('Env', image.env),
				...list(
					'Labels',
					Object.entries(image.labels).map(([key, value]) => `${key}=${value}`),
				),
				{text: ''},
				{text: `Layers (${image.layers.length}), newest on top`, heading: true},
				...image.layers.map(layer => {
					const filled = Math.round((layer.size / biggest) * barWidth);
					const bar = '█'.repeat(filled) + '░'.repeat(barWidth - filled);
					return {
						text: `${bar} ${formatBytes(layer.size).padStart(7)}  ${formatAge(now - layer.created).padStart(4)}  ${layer.createdBy || layer.comment || '-'}`,
						color: layer.size > 0 ? theme.text.primary : theme.text.secondary,
					};
				}),
			];
		}

		case 'event': {
			const event = data.event;
			return [
				{label: 'Time', text: time(event.time, now)},
				{label: 'Type', text: event.type},
				{label: 'Action', text: event.action},
				{label: 'Actor', text: event.id},
				...(event.name ? [{label: 'Name', text: event.name}] : []),
				...list(
					'Attributes',
					Object.entries(event.attributes).map(
						([key, value]) => `${key}=${value}`,
					),
				),
			];
		}

		case 'volume':
		case 'network':
		case 'disk': {
			return cleanupDetailsLines(data, now);
		}
	}
}

const labelWidth = 12;

/**
The details of one container, image or event, scrollable.
*/
export default function DetailsView({
	title,
	data,
	error,
	scroll,
	width,
	height,
	now,
}: Props) {
	const lines: Line[] = error
		? [{text: error, color: theme.status.error}]
		: data
			? detailsLines(data, now, width)
			: [{text: 'Loading…', color: theme.text.secondary}];
	const visible = Math.max(1, height - 1);
	const start = Math.max(0, Math.min(scroll, lines.length - visible));
	const end = Math.min(lines.length, start + visible);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold color={theme.text.title}>
					{' ' + sanitize(title)}
				</Text>
				<Text color={theme.text.secondary}>
					{lines.length > visible
						? `  ${start + 1}-${end} of ${lines.length}`
						: ''}
					{'  (Esc to close, j/k to scroll)'}
				</Text>
			</Text>
			{lines.slice(start, end).map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text
					key={start + index}
					wrap="truncate"
					bold={line.heading}
					color={line.color}
				>
					{' '}
					<Text color={theme.text.accent}>
						{(line.label ?? '').padEnd(labelWidth)}
					</Text>
					{line.heading ? (
						<Text color={theme.text.accent}>{line.text}</Text>
					) : (
						line.text
					)}
				</Text>
			))}
		</Box>
	);
}
