import {Box, Text} from 'ink';
import {filtersLine} from '../../cleanup/prune-filters.js';
import type {PruneItem} from '../../cleanup/prune-plan.js';
import {
	kindTitles,
	planFor,
	type PruneRow,
	rowsOf,
} from '../../cleanup/prune-rows.js';
import sanitize from '../../format/printable.js';
import formatBytes from '../../format/bytes.js';
import {formatAge} from '../../format/duration.js';
import {fit} from '../../format/text.js';
import type {PruneOverlay, PruneResult} from '../../state/cleanup-types.js';
import {theme} from '../theme.js';

type Props = {
	readonly overlay: PruneOverlay;
	readonly readOnly: boolean;
	readonly now: number;
	readonly width: number;
	readonly height: number;
};

function objects(n: number): string {
	return `${n} ${n === 1 ? 'object' : 'objects'}`;
}

const bytes = (n: number) => (n < 0 ? '?' : formatBytes(n));

function RowLine({
	row,
	focused,
	now,
	width,
}: {
	readonly row: PruneRow;
	readonly focused: boolean;
	readonly now: number;
	readonly width: number;
}) {
	const cursor = <Text color={theme.text.accent}>{focused ? '›' : ' '}</Text>;
	switch (row.type) {
		case 'option': {
			return (
				<Text wrap="truncate" inverse={focused}>
					{cursor}
					{` ${row.value ? '[x]' : '[ ]'} `}
					<Text color={row.danger ? theme.status.error : theme.text.secondary}>
						{row.label}
					</Text>
				</Text>
			);
		}

		case 'group': {
			const counts =
				row.count === 0
					? 'none'
					: `${row.ticked} of ${row.count} ticked, ${formatBytes(row.size)}`;
			return (
				<Text wrap="truncate" inverse={focused}>
					{cursor}
					<Text bold color={theme.text.title}>
						{` ${kindTitles[row.kind]}`}
					</Text>
					<Text color={theme.text.secondary}>
						{` (${counts})${row.note ? ` · ${row.note}` : ''}`}
					</Text>
				</Text>
			);
		}

		case 'item': {
			const {item} = row;
			const tail = `${(item.kind === 'network' ? '-' : bytes(item.size)).padStart(9)} ${(item.created > 0 ? formatAge(now - item.created) : '-').padStart(5)}`;
			const loss = item.dataLoss ? ' DATA LOSS' : '';
			const nameWidth = Math.max(8, width - 8 - tail.length - loss.length);
			return (
				<Text wrap="truncate" inverse={focused}>
					{cursor}
					{`   ${row.ticked ? '[x]' : '[ ]'} `}
					<Text
						color={row.ticked ? theme.text.primary : theme.text.secondary}
						strikethrough={!row.ticked}
					>
						{fit(sanitize(item.name), nameWidth)}
					</Text>
					<Text color={theme.status.error}>{loss}</Text>
					<Text color={theme.text.secondary}>{tail}</Text>
				</Text>
			);
		}
	}
}

function resultLines(
	result: PruneResult,
): Array<{readonly text: string; readonly color?: string}> {
	const lines: Array<{text: string; color?: string}> = [
		{
			text: `Removed ${objects(result.removed.length)}, ${formatBytes(result.reclaimed)} reclaimed${result.skipped.length > 0 ? `; skipped ${result.skipped.length}` : ''}.`,
			color:
				result.skipped.length > 0 ? theme.status.warning : theme.status.success,
		},
	];
	const byKind = new Map<string, PruneItem[]>();
	for (const item of result.removed) {
		byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
	}

	for (const [kind, items] of byKind) {
		lines.push({
			text: `${kindTitles[kind as PruneItem['kind']]} removed (${items.length}):`,
			color: theme.text.title,
		});
		for (const item of items) {
			lines.push({
				text: `  ${sanitize(item.name)}  ${bytes(item.size)}`,
			});
		}
	}

	if (result.skipped.length > 0) {
		lines.push({
			text: `Skipped (${result.skipped.length}): changed since the preview`,
			color: theme.status.warning,
		});
		for (const {item, reason} of result.skipped) {
			lines.push({
				text: `  ${sanitize(item.name)}: ${sanitize(reason)}`,
				color: theme.status.warning,
			});
		}
	}

	return lines;
}

/**
The prune screen: every object a prune would remove, grouped by kind, each with its size and age; options and
items ticked with Space; the total; then the question, and the result.
*/
export default function PruneView({
	overlay,
	readOnly,
	now,
	width,
	height,
}: Props) {
	const filters = filtersLine(overlay.options.filters);
	const header = (
		<Text wrap="truncate">
			<Text bold color={theme.text.title}>
				{' Cleanup: what a prune would remove'}
			</Text>
			{overlay.data?.engine ? (
				<Text color={theme.status.warning}>
					{` on ${sanitize(overlay.data.engine.name)} only (the first of ${overlay.data.engine.of} engines)`}
				</Text>
			) : undefined}
			<Text color={theme.text.secondary}>
				{`  ${filters ? `filters: ${sanitize(filters)}` : 'no filters'} (f)`}
			</Text>
		</Text>
	);

	if (overlay.phase === 'done' && overlay.result) {
		const lines = resultLines(overlay.result);
		const visible = Math.max(1, height - 3);
		const start = Math.max(0, Math.min(overlay.scroll, lines.length - visible));
		return (
			<Box flexDirection="column" width={width} height={height}>
				{header}
				<Text> </Text>
				{lines.slice(start, start + visible).map((line, index) => (
					// eslint-disable-next-line react/no-array-index-key
					<Text key={start + index} wrap="truncate" color={line.color}>
						{' ' + line.text}
					</Text>
				))}
				<Box flexGrow={1} />
				<Text color={theme.text.secondary} wrap="truncate">
					{' Enter or Esc: close · C: a new preview'}
				</Text>
			</Box>
		);
	}

	if (overlay.error || !overlay.data) {
		return (
			<Box flexDirection="column" width={width} height={height}>
				{header}
				<Text> </Text>
				<Text
					color={overlay.error ? theme.status.error : theme.text.secondary}
					wrap="wrap"
				>
					{' ' + (overlay.error ?? 'Reading what the engine has…')}
				</Text>
			</Box>
		);
	}

	const plan = planFor(overlay.data, overlay.options, overlay.unticked);
	const rows = rowsOf(overlay);
	const notes = [
		...(readOnly
			? [
					{
						text: 'Read-only (--read-only): this is a preview; nothing can be removed.',
						color: theme.status.warning,
					},
				]
			: []),
		...(plan.error ? [{text: plan.error, color: theme.status.error}] : []),
	];
	// Header, the notes, the total line and the question line stay; the rows get the rest.
	const visible = Math.max(1, height - 3 - notes.length);
	const start = Math.max(
		0,
		Math.min(overlay.cursor - Math.floor(visible / 2), rows.length - visible),
	);
	const total = `${objects(plan.selected.length)} ticked, ${formatBytes(plan.total)} to reclaim`;
	let bottom;
	switch (overlay.phase) {
		case 'confirm': {
			bottom = (
				<Text wrap="truncate" bold color={theme.status.error}>
					{` Remove ${objects(plan.selected.length)}, ${formatBytes(plan.total)}? Enter or y: remove · Esc: back`}
				</Text>
			);
			break;
		}

		case 'running': {
			bottom = (
				<Text wrap="truncate" color={theme.status.warning}>
					{' Removing, one by one…'}
				</Text>
			);
			break;
		}

		default: {
			bottom = (
				<Text wrap="truncate" color={theme.text.secondary}>
					{readOnly
						? ' Space: tick · f: filters · r: read again · Esc: close'
						: ' Space: tick · f: filters · r: read again · Enter: remove what is ticked · Esc: close'}
				</Text>
			);
		}
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			{header}
			{notes.map(note => (
				<Text key={note.text} wrap="truncate" color={note.color}>
					{' ' + note.text}
				</Text>
			))}
			<Box flexDirection="column" height={visible} overflow="hidden">
				{rows.slice(start, start + visible).map((row, index) => (
					<RowLine
						// eslint-disable-next-line react/no-array-index-key
						key={start + index}
						row={row}
						focused={start + index === overlay.cursor}
						now={now}
						width={width}
					/>
				))}
			</Box>
			<Text wrap="truncate" bold>
				{` Total: ${total}`}
			</Text>
			{bottom}
		</Box>
	);
}
