import {Box, Text} from 'ink';
import clientVersion from '../../cleanup/client-version.js';
import type {
	EngineFigures,
	SystemInfo,
	VersionInfo,
} from '../../engine/cleanup-types.js';
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

/**
With several engines at once: whose figures the row has, as wide as the longest name (the other columns are
fixed, so a flexible one would take the whole line).
*/
function engineColumn(rows: readonly DiskRow[]): Column<DiskRow> {
	return {
		header: 'ENGINE',
		width: Math.min(
			30,
			Math.max(7, ...rows.map(row => (row.engine?.length ?? 0) + 1)),
		),
		text: row => row.engine ?? '',
		color: () => theme.text.secondary,
	};
}

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

/**
One engine's figures when there are several: its info, then the server's version lines.
*/
export function engineLines(figures: EngineFigures): Line[] {
	if (!figures.info || !figures.version) {
		return [['Error', figures.error ?? 'no answer']];
	}

	return [
		...infoLines(figures.info),
		...versionLines(figures.version)
			.slice(2)
			.map(([label, value]): Line => [label.trim(), value]),
	];
}

function Section({
	title,
	lines,
	width,
	height,
	error = false,
}: {
	readonly title: string;
	readonly lines: readonly Line[];
	readonly width: number;
	readonly height: number;
	readonly error?: boolean;
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
					<Text {...(error ? {color: theme.status.error} : {})}>
						{sanitize(value) || '-'}
					</Text>
				</Text>
			))}
		</Box>
	);
}

/**
Several engines at once: each one's figures in a column of its own (one above the other when narrow).
*/
function EachEngine({
	engines,
	width,
	height,
}: {
	readonly engines: readonly EngineFigures[];
	readonly width: number;
	readonly height: number;
}) {
	const side = Math.floor(width / engines.length) >= 40;
	const each = side ? Math.floor(width / engines.length) : width;
	const tall = side ? height : Math.max(2, Math.floor(height / engines.length));
	return (
		<Box flexDirection={side ? 'row' : 'column'} height={height}>
			{engines.map((figures, index) => (
				<Section
					// Engines keep their places: the index is the key.
					// eslint-disable-next-line react/no-array-index-key
					key={index}
					title={`${figures.name} · ${figures.host}`}
					lines={engineLines(figures)}
					width={
						side && index === engines.length - 1 ? width - each * index : each
					}
					height={tall}
					error={!figures.info}
				/>
			))}
		</Box>
	);
}

/**
The Engine pane: `docker system df` (Enter on a row: the `-v` detail of that kind), `docker info` and
`docker version`. With several engines at once: the four rows of each engine, and each one's info and version.
*/
export default function EngineView({width, height, focused, startRef}: Props) {
	const cleanup = useAppState(state => state.cleanup);
	const index = useAppState(state => selectedIndex(state, 'engine'));
	const now = useNow(5000);
	const rows = cleanup.disk ? diskRows(cleanup.disk) : [];
	const several = rows.some(row => row.engine !== undefined);
	const tableHeight = several
		? Math.min(height, rows.length + 2, Math.max(6, Math.floor(height / 2)))
		: Math.min(height, 6);
	const rest = Math.max(0, height - tableHeight - 1);
	const side = width >= 100;
	// Several engines: one that gave no disk usage is named, with why.
	const missing = (cleanup.disk?.engines ?? [])
		.filter(engine => engine.error !== undefined)
		.map(engine => ` · ${sanitize(`${engine.name}: ${engine.error ?? ''}`)}`)
		.join('');
	const status = cleanup.diskError
		? `Disk usage: ${cleanup.diskError}`
		: cleanup.diskLoading
			? 'Reading disk usage…'
			: cleanup.diskAt
				? `Disk usage as of ${formatAge(now - cleanup.diskAt)} ago · Enter: detail · r: read again${missing}`
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
					columns={several ? [engineColumn(rows), ...diskColumns] : diskColumns}
					rows={rows}
					rowKey={row => row.key}
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
			{cleanup.engineFigures && cleanup.engineFigures.length > 1 ? (
				<EachEngine
					engines={cleanup.engineFigures}
					width={width}
					height={rest}
				/>
			) : cleanup.systemError ? (
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
