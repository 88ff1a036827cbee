import {Box, Text} from 'ink';
import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import {
	bindingText,
	portUrls,
	publishedBindings,
} from '../../format/port-urls.js';
import {masked, maskEnvEntry} from '../../format/secrets.js';
import {shortId, truncate, wrapText} from '../../format/text.js';
import sanitize from '../../format/printable.js';
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
	/**
	Values that look secret in clear (`v` in details, or masking turned off).
	@default false
	*/
	readonly reveal?: boolean;
	/**
	Long values wrapped onto more lines (`w`) instead of cut at the edge.
	@default false
	*/
	readonly wrap?: boolean;
	/**
	The address of the container's engine, for the URLs of its published ports.
	@default 'unix:///var/run/docker.sock'
	*/
	readonly engineHost?: string;
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
	reveal = false,
	engineHost = 'unix:///var/run/docker.sock',
): Line[] {
	const env = (entries: readonly string[]) =>
		entries.map(entry => maskEnvEntry(entry, reveal));
	const labels = (record: Readonly<Record<string, string>>) =>
		Object.entries(record).map(([key, value]) =>
			maskEnvEntry(`${key}=${value}`, reveal),
		);
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
				...list('Ports', portLines(c.ports, engineHost)),
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
				...list('Env', env(c.env)),
				...list('Labels', labels(c.labels)),
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
				...list('Env', env(image.env)),
				...list('Labels', labels(image.labels)),
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

/**
Each published port with the host address it is bound to and the URL `o` opens (TCP), then the ports only
exposed.
*/
export function portLines(
	ports: Parameters<typeof publishedBindings>[0],
	engineHost: string,
): string[] {
	const urls = portUrls(ports, engineHost);
	const published = publishedBindings(ports).map(port => {
		const text = bindingText(port);
		const url = urls.find(each => each.bindings.split(', ').includes(text));
		return url && url.bindings.startsWith(text) ? `${text}  ${url.url}` : text;
	});
	const exposed = [
		...new Set(
			ports
				.filter(port => port.publicPort === undefined)
				.map(port => `${port.privatePort}/${port.protocol} (not published)`),
		),
	];
	return [...published, ...exposed];
}

const labelWidth = 12;

/**
One row on screen: a line, or the part of a wrapped line that fits.
*/
type Row = Line & {readonly cut?: boolean};

/**
The lines as rows of at most `width` columns: wrapped by grapheme cluster with `wrap`, cut with `…` otherwise.
*/
export function detailsRows(
	lines: readonly Line[],
	width: number,
	wrap: boolean,
): Row[] {
	const room = Math.max(1, width - 1 - labelWidth);
	return lines.flatMap((line): Row[] => {
		const text = sanitize(line.text);
		if (!wrap) {
			const shown = truncate(text, room);
			return [{...line, text: shown, cut: shown !== text}];
		}

		return wrapText(text, room).map((part, index) =>
			index === 0 ? {...line, text: part} : {...line, label: '', text: part},
		);
	});
}

/**
The details of one container, image or event, scrollable. Values that look secret are masked until `v`; long
values are cut until `w` wraps them.
*/
export default function DetailsView({
	title,
	data,
	error,
	scroll,
	width,
	height,
	now,
	reveal = false,
	wrap = false,
	engineHost,
}: Props) {
	const lines: Line[] = error
		? [{text: error, color: theme.status.error}]
		: data
			? detailsLines(data, now, width, reveal, engineHost)
			: [{text: 'Loading…', color: theme.text.secondary}];
	const rows = detailsRows(lines, width, wrap);
	const hidden = reveal
		? 0
		: lines.filter(line => line.text.endsWith(`=${masked}`)).length;
	const cut = rows.filter(row => row.cut).length;
	const visible = Math.max(1, height - 1);
	const start = Math.max(0, Math.min(scroll, rows.length - visible));
	const end = Math.min(rows.length, start + visible);
	const notes = [
		rows.length > visible ? `${start + 1}-${end} of ${rows.length}` : '',
		hidden > 0
			? `${hidden} secret${hidden === 1 ? '' : 's'} hidden, v shows`
			: '',
		reveal && data ? 'v hides secrets' : '',
		cut > 0 ? `${cut} cut, w wraps` : '',
		wrap ? 'w cuts long lines' : '',
		'(Esc to close, j/k to scroll)',
	].filter(Boolean);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold color={theme.text.title}>
					{' ' + truncate(sanitize(title), Math.max(8, Math.floor(width / 2)))}
				</Text>
				<Text color={theme.text.secondary}>{'  ' + notes.join(' · ')}</Text>
			</Text>
			{rows.slice(start, end).map((line, index) => (
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
