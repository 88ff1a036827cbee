/**
The details overlay's lines for a volume, a network, and the disk usage of one kind (`docker system df -v`).
Pure.
*/
import {volumeLabel} from '../../cleanup/prune-plan.js';
import {ownId} from '../../engine/engine-tags.js';
import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import {shortId} from '../../format/text.js';
import type {CleanupDetailsData} from '../../state/cleanup-types.js';
import {theme} from '../theme.js';
import type {Line} from './details-view.js';

const time = (ms: number, now: number) =>
	ms <= 0
		? '-'
		: `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} (${formatAge(now - ms)} ago)`;

const list = (label: string, values: readonly string[]): Line[] =>
	values.length === 0
		? [{label, text: '-'}]
		: values.map((text, index) => (index === 0 ? {label, text} : {text}));

const labels = (record: Readonly<Record<string, string>>) =>
	Object.entries(record).map(([key, value]) => `${key}=${value}`);

const age = (ms: number, now: number) => (ms > 0 ? formatAge(now - ms) : '-');

const size = (bytes: number) => (bytes < 0 ? '-' : formatBytes(bytes));

function table(
	headers: readonly string[],
	widths: readonly number[],
	rows: ReadonlyArray<readonly string[]>,
): Line[] {
	const format = (cells: readonly string[]) =>
		cells
			.map((cell, index) => {
				const width = widths[index] ?? 10;
				return index === cells.length - 1
					? cell
					: cell.length >= width
						? `${cell.slice(0, width - 2)}… `
						: cell.padEnd(width);
			})
			.join('');
	return [
		{text: format(headers), heading: true},
		...(rows.length === 0
			? [{text: '(none)', color: theme.text.secondary}]
			: rows.map(cells => ({text: format(cells)}))),
	];
}

export default function cleanupDetailsLines(
	data: CleanupDetailsData,
	now: number,
): Line[] {
	switch (data.kind) {
		case 'volume': {
			const volume = data.details;
			return [
				{label: 'Name', text: ownId(volume.name)},
				...(volume.engine ? [{label: 'Engine', text: volume.engine}] : []),
				{label: 'Kind', text: volume.anonymous ? 'anonymous' : 'named'},
				{label: 'Driver', text: volume.driver},
				{label: 'Scope', text: volume.scope || '-'},
				{label: 'Size', text: size(data.size)},
				{label: 'Created', text: time(volume.created, now)},
				{label: 'Mountpoint', text: volume.mountpoint || '-'},
				...list(
					'Used by',
					volume.usedBy.map(user => user.name),
				),
				...list('Options', labels(volume.options)),
				...list('Labels', labels(volume.labels)),
				...list('Status', labels(volume.status)),
			];
		}

		case 'network': {
			const network = data.details;
			return [
				{label: 'Name', text: network.name},
				{label: 'Id', text: ownId(network.id)},
				...(network.engine ? [{label: 'Engine', text: network.engine}] : []),
				{label: 'Driver', text: network.driver},
				{label: 'Scope', text: network.scope},
				{label: 'Internal', text: network.internal ? 'yes' : 'no'},
				{label: 'Attachable', text: network.attachable ? 'yes' : 'no'},
				{label: 'Created', text: time(network.created, now)},
				...list(
					'Subnets',
					network.ipam.map(each =>
						each.gateway
							? `${each.subnet} gateway ${each.gateway}`
							: each.subnet,
					),
				),
				...list(
					'Containers',
					network.containers.map(each =>
						[each.name, each.ipv4, each.ipv6, each.mac]
							.filter(Boolean)
							.join('  '),
					),
				),
				...list('Labels', labels(network.labels)),
			];
		}

		case 'disk': {
			const {disk} = data;
			// With several engines at once, each line says whose it is.
			const several = (disk.engines?.length ?? 0) > 1;
			const engineTable = <T extends {readonly engine?: string}>(
				headers: readonly string[],
				widths: readonly number[],
				items: readonly T[],
				cells: (item: T) => string[],
			) =>
				table(
					several ? ['ENGINE', ...headers] : headers,
					several ? [14, ...widths] : widths,
					items.map(item =>
						several ? [item.engine ?? '-', ...cells(item)] : cells(item),
					),
				);
			switch (data.section) {
				case 'images': {
					return engineTable(
						[
							'REPOSITORY:TAG',
							'IMAGE ID',
							'CREATED',
							'SIZE',
							'SHARED',
							'UNIQUE',
							'CONTAINERS',
						],
						[28, 14, 9, 10, 10, 10, 10],
						disk.images,
						image => [
							image.repoTags.join(', ') || '<none>:<none>',
							shortId(image.id),
							age(image.created, now),
							size(image.size),
							size(image.sharedSize),
							size(image.sharedSize >= 0 ? image.size - image.sharedSize : -1),
							image.containers < 0 ? '-' : String(image.containers),
						],
					);
				}

				case 'containers': {
					return engineTable(
						['CONTAINER ID', 'IMAGE', 'SIZE', 'CREATED', 'STATUS', 'NAMES'],
						[14, 22, 10, 9, 22, 20],
						disk.containers,
						container => [
							shortId(container.id),
							container.image,
							size(container.sizeRw),
							age(container.created, now),
							container.status || container.state,
							container.name,
						],
					);
				}

				case 'volumes': {
					return engineTable(
						['VOLUME NAME', 'LINKS', 'SIZE'],
						[30, 8, 10],
						disk.volumes,
						volume => [
							volumeLabel(volume.name, volume.anonymous),
							volume.refCount < 0 ? '-' : String(volume.refCount),
							size(volume.size),
						],
					);
				}

				case 'build-cache': {
					return engineTable(
						[
							'CACHE ID',
							'CACHE TYPE',
							'SIZE',
							'CREATED',
							'LAST USED',
							'USAGE',
							'SHARED',
							'DESCRIPTION',
						],
						[14, 12, 10, 9, 10, 7, 8, 20],
						disk.buildCache,
						entry => [
							entry.id.slice(0, 12),
							entry.type,
							size(entry.size),
							age(entry.created, now),
							age(entry.lastUsed, now),
							String(entry.usageCount),
							entry.shared ? 'true' : 'false',
							entry.description,
						],
					);
				}
			}
		}
	}
}
