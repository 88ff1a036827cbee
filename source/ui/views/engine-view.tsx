import {Box, Text} from 'ink';
import clientVersion from '../../cleanup/client-version.js';
import type {SystemInfo, VersionInfo} from '../../engine/cleanup-types.js';
import sanitize from '../../format/printable.js';
import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import {type DiskRow, diskRows} from '../../state/cleanup-selectors.js';
import {selectedIndex} from '../../state/selectors.js';
import ResourceTable, {type Column} from '../components/resource-table.js';
import {useAppState} from '../context.js';
import useNow from '../hooks/use-now.js';
import {theme} from '../theme.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly startRef?: {current: number};
};

const diskColumns: ReadonlyArray<Column<DiskRow>> = [
	{header: 'TYPE', width: 14, text: row => row.title},
	{header: 'TOTAL', width: 6, align: 'right', text: row => String(row.total)},
	{header: 'ACTIVE', width: 6, align: 'right', text: row => String(row.active)},
	{
		header: 'SIZE',
		width: 9,
		align: 'right',
		text: row => formatBytes(row.size),
	},
	{
		header: 'RECLAIMABLE',
		width: 16,
		text(row) {
			const share =
				row.size > 0
					? ` (${Math.round((row.reclaimable / row.size) * 100)}%)`
					: '';
			return `${formatBytes(row.reclaimable)}${share}`;
		},
	},
];

type Line = readonly [label: string, value: string];

export function infoLines(info: SystemInfo): Line[] {
	return [
		['Name', info.name],
		['Server version', info.serverVersion],
		['Storage driver', info.storageDriver],
		['Docker root dir', info.rootDir],
		['Cgroup', `${info.cgroupDriver} (version ${info.cgroupVersion || '?'})`],
		['CPUs', String(info.cpus)],
		['Total memory', formatBytes(info.memory)],
		['Operating system', info.os],
		['OS / arch', `${info.osType}/${info.architecture}`],
		['Kernel', info.kernel],
		[
			'Containers',
			`${info.containers} (${info.running} running, ${info.paused} paused, ${info.stopped} stopped)`,
		],
		['Images', String(info.images)],
		['Swarm', info.swarm || 'inactive'],
		...info.warnings.map((warning, index): Line => [
			index === 0 ? 'Warnings' : '',
			warning,
		]),
	];
}

export function versionLines(version: VersionInfo): Line[] {
	return [
		['Client', `dockpit ${clientVersion()}`],
		['  API version', `${version.apiVersion} (the engine's: not pinned)`],
		['Server', `Docker Engine ${version.version}`],
		[
			'  API version',
			`${version.apiVersion} (minimum ${version.minApiVersion})`,
		],
		['  Go version', version.goVersion],
		['  OS / arch', `${version.os}/${version.arch}`],
		['  Git commit', version.gitCommit],
		['  Experimental', String(version.experimental)],
		['  containerd', version.containerd || '-'],
		['  runc', version.runc || '-'],
	];
}

function Section({
	title,
	lines,
	width,
	height,
}: {
	readonly title: string;
	readonly lines: readonly Line[];
	readonly width: number;
	readonly height: number;
}) {
	const labelWidth = Math.min(
		18,
		Math.max(...lines.map(([label]) => label.length), 4) + 1,
	);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.text.title} wrap="truncate">
				{title}
			</Text>
			{lines.slice(0, Math.max(0, height - 1)).map(([label, value], index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate">
					<Text color={theme.text.secondary}>{label.padEnd(labelWidth)}</Text>
					{sanitize(value) || '-'}
				</Text>
			))}
		</Box>
	);
}

/**
The Engine pane: `docker system df` (Enter on a row: the `-v` detail of that kind), `docker info` and
`docker version`.
*/
export default function EngineView({width, height, focused, startRef}: Props) {
	const cleanup = useAppState(state => state.cleanup);
	const index = useAppState(state => selectedIndex(state, 'engine'));
	const now = useNow(5000);
	const rows = cleanup.disk ? diskRows(cleanup.disk) : [];
	const tableHeight = Math.min(height, 6);
	const rest = Math.max(0, height - tableHeight - 1);
	const side = width >= 100;
	const status = cleanup.diskError
		? `Disk usage: ${cleanup.diskError}`
		: cleanup.diskLoading
			? 'Reading disk usage…'
			: cleanup.diskAt
				? `Disk usage as of ${formatAge(now - cleanup.diskAt)} ago · Enter: detail · r: read again`
				: '';
	const info = cleanup.info ? infoLines(cleanup.info) : [];
	const version = cleanup.version ? versionLines(cleanup.version) : [];
	const infoHeight = Math.max(
		1,
		rest - Math.min(version.length + 1, Math.floor(rest / 2)),
	);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Box height={tableHeight} flexShrink={0}>
				<ResourceTable
					columns={diskColumns}
					rows={rows}
					rowKey={row => row.kind}
					selectedIndex={index}
					height={tableHeight}
					width={width}
					focused={focused}
					{...(startRef ? {startRef} : {})}
					emptyText={
						cleanup.diskError ? cleanup.diskError : 'Reading disk usage…'
					}
				/>
			</Box>
			<Text
				wrap="truncate"
				color={cleanup.diskError ? theme.status.error : theme.text.secondary}
			>
				{status}
			</Text>
			{cleanup.systemError ? (
				<Text wrap="truncate" color={theme.status.error}>
					{sanitize(cleanup.systemError)}
				</Text>
			) : info.length === 0 ? (
				<Text color={theme.text.secondary}>
					Reading docker info and version…
				</Text>
			) : side ? (
				<Box height={rest}>
					<Section
						title="docker info"
						lines={info}
						width={Math.floor(width / 2)}
						height={rest}
					/>
					<Section
						title="docker version"
						lines={version}
						width={width - Math.floor(width / 2)}
						height={rest}
					/>
				</Box>
			) : (
				<Box flexDirection="column" height={rest}>
					<Section
						title="docker info"
						lines={info}
						width={width}
						height={infoHeight}
					/>
					<Section
						title="docker version"
						lines={version}
						width={width}
						height={rest - infoHeight}
					/>
				</Box>
			)}
		</Box>
	);
}
