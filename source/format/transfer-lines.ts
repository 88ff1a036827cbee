/**
The lines of the transfer overlay and the file browser, as text: bars, layer lines, file modes. Pure.
*/
import type {ContainerFileEntry, LayerStatus} from '../engine/types.js';
import type {Transfer, TransferLayer} from '../state/transfer-types.js';
import formatBytes from './bytes.js';

/**
A bar of `width` cells for `fraction` (0 to 1): `█████░░░░░`.
*/
export function bar(fraction: number, width: number): string {
	const clamped = Math.max(
		0,
		Math.min(1, Number.isFinite(fraction) ? fraction : 0),
	);
	const filled = Math.round(clamped * width);
	return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
}

const statusWords: Readonly<Record<LayerStatus, string>> = {
	waiting: 'waiting',
	preparing: 'preparing',
	downloading: 'downloading',
	verifying: 'verifying',
	downloaded: 'downloaded',
	extracting: 'extracting',
	pushing: 'pushing',
	done: 'done',
	exists: 'already exists',
};

/**
One layer: `50c0436eade6  downloading   ███░░░  1.2MB / 2MB`.
*/
export function layerLine(layer: TransferLayer, barWidth: number): string {
	const word = statusWords[layer.status].padEnd(15);
	const moving =
		layer.status === 'downloading' ||
		layer.status === 'extracting' ||
		layer.status === 'pushing';
	if (moving && layer.total !== undefined && layer.total > 0) {
		const current = Math.min(layer.current ?? 0, layer.total);
		return `${layer.id.padEnd(12)}  ${word}${bar(current / layer.total, barWidth)}  ${formatBytes(current)} / ${formatBytes(layer.total)}`;
	}

	if (layer.status === 'done' || layer.status === 'exists') {
		return `${layer.id.padEnd(12)}  ${word}${layer.total ? formatBytes(layer.total) : ''}`;
	}

	return `${layer.id.padEnd(12)}  ${word}`;
}

/**
The whole transfer: `Total ███░░  1.2MB / 2MB · 1 of 3 layers done`, or the bytes of a file transfer.
*/
export function totalLine(
	transfer: Transfer,
	barWidth: number,
): string | undefined {
	if (transfer.layers.length > 0) {
		const settled = transfer.layers.filter(
			layer => layer.status === 'done' || layer.status === 'exists',
		).length;
		const known = transfer.layers.filter(layer => layer.total !== undefined);
		const total = known.reduce((sum, layer) => sum + (layer.total ?? 0), 0);
		const current = known.reduce(
			(sum, layer) =>
				sum +
				(layer.status === 'done' ||
				layer.status === 'exists' ||
				layer.status === 'downloaded'
					? (layer.total ?? 0)
					: Math.min(layer.current ?? 0, layer.total ?? 0)),
			0,
		);
		const fraction =
			total > 0 ? current / total : settled / transfer.layers.length;
		return `Total         ${bar(transfer.status === 'done' ? 1 : fraction, barWidth)}  ${total > 0 ? `${formatBytes(current)} / ${formatBytes(total)} · ` : ''}${settled} of ${transfer.layers.length} layers done`;
	}

	if (transfer.bytes) {
		const {current, total} = transfer.bytes;
		return total
			? `Total         ${bar(current / total, barWidth)}  ${formatBytes(current)} / ${formatBytes(total)}`
			: `Sent or received: ${formatBytes(current)}`;
	}

	return undefined;
}

/**
`drwxr-xr-x`, as ls shows it.
*/
export function modeString(entry: ContainerFileEntry): string {
	const kind =
		entry.type === 'directory'
			? 'd'
			: entry.type === 'symlink'
				? 'l'
				: entry.type === 'other'
					? '?'
					: '-';
	const letters = 'rwxrwxrwx';
	let bits = '';
	for (let index = 0; index < 9; index++) {
		// eslint-disable-next-line no-bitwise
		bits += entry.mode & (1 << (8 - index)) ? letters[index] : '-';
	}

	return kind + bits;
}
