import {Box, Text} from 'ink';
import {useLayoutEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import type {FeedSnapshot, InspectorFeed} from '../../inspector/feed.js';
import {shownLogs} from '../../inspector/log-window.js';
import {compileQuery} from '../../inspector/log-search.js';
import {emptyConfigView} from '../../state/config-view.js';
import {engineHostOf} from '../../format/port-urls.js';
import {inspectorTab, inspectorTabs} from '../../state/inspector-reducer.js';
import {
	type InspectorPane as Pane,
	type InspectorTab,
	tabTitles,
} from '../../state/inspector-types.js';
import type {PaneId} from '../../state/types.js';
import sanitize from '../../format/printable.js';
import StyledRows, {
	rowString,
	type StyledRow,
	wrapRow,
} from '../components/styled-rows.js';
import {configWindow, healthRows, portRows} from '../config-rows.js';
import {windowStart} from '../components/resource-table.js';
import {
	diffRows,
	envRows,
	layerRows,
	logWindowOf,
	statsRows,
	topRows,
} from '../inspector-rows.js';
import {useAppState, useServices} from '../context.js';
import {useKeyFor} from '../hooks/use-keymap.js';
import {theme} from '../theme.js';

type Props = {
	readonly pane: Pane;
	readonly list: PaneId;
	/**
	Outer width, border included.
	*/
	readonly width: number;
	/**
	Outer height, border included.
	*/
	readonly height: number;
	readonly now: number;
};

const emptyFeed: FeedSnapshot = {stats: [], version: 0};
const noFeed = {
	subscribe: () => () => undefined,
	snapshot: () => emptyFeed,
};

function tabBar(
	tabs: readonly InspectorTab[],
	current: InspectorTab | undefined,
): StyledRow {
	return tabs.flatMap((tab, index) => [
		...(index === 0 ? [] : [{text: ' ', fg: theme.text.secondary}]),
		tab === current
			? {text: ` ${tabTitles[tab]} `, inverse: true, bold: true}
			: {text: ` ${tabTitles[tab]} `, fg: theme.text.secondary},
	]);
}

/**
The rows of the shown tab (all of them: the pane scrolls through them), or undefined for Logs, which is windowed.
*/
function tabRows(
	tab: InspectorTab,
	feed: FeedSnapshot,
	pane: Pane,
	columns: number,
	now: number,
): StyledRow[] {
	switch (tab) {
		case 'stats': {
			return statsRows(feed.stats, columns);
		}

		case 'top': {
			return feed.top ? topRows(feed.top) : [];
		}

		case 'env': {
			return feed.env ? envRows(feed.env, pane.reveal) : [];
		}

		case 'config': {
			// Windowed by its cursor: see the pane.
			return [];
		}

		case 'diff': {
			return feed.diff ? diffRows(feed.diff) : [];
		}

		case 'layers': {
			return feed.layers ? layerRows(feed.layers, now) : [];
		}

		case 'logs': {
			return [];
		}
	}
}

/**
The Logs tab's status line; `followKey` is the key that follows again, as this run's keymap has it (none when it
is unbound).
*/
function logStatus(
	feed: FeedSnapshot,
	pane: Pane,
	lines: number,
	followKey: string | undefined,
): string {
	const parts = [
		pane.logs.bottom === undefined
			? feed.logState === 'following'
				? 'following'
				: (feed.logState ?? '…')
			: followKey
				? `paused · ${followKey} follows`
				: 'paused',
		`${lines} line${lines === 1 ? '' : 's'}`,
	];
	if (feed.group && feed.group.length > 1) {
		parts.push(`${feed.group.length} containers interleaved`);
	}

	if (pane.logs.filter) {
		parts.push(
			`filter ${pane.logs.filter.regex ? 're ' : ''}"${pane.logs.filter.text}" ±${pane.logs.context}`,
		);
	}

	if (pane.logs.search) {
		parts.push(
			`search ${pane.logs.search.regex ? 're ' : ''}"${pane.logs.search.text}"`,
		);
	}

	if (!pane.logs.wrap) {
		parts.push(`no wrap${pane.logs.column > 0 ? ` +${pane.logs.column}` : ''}`);
	}

	return parts.join(' · ');
}

function configStatus(
	view: typeof emptyConfigView,
	total: number,
	rows: number,
	start: number,
	focused: boolean,
): string {
	return [
		total > rows
			? `${start + 1}-${Math.min(total, start + rows)} of ${total}`
			: '',
		view.search
			? `search ${view.search.regex ? 're ' : ''}"${sanitize(view.search.text)}" (n/N)`
			: '',
		view.folded.size > 0 ? `${view.folded.size} folded` : '',
		focused ? 'Enter folds · / search · y copies' : '',
	]
		.filter(Boolean)
		.join(' · ');
}

/**
The inspector: tabs about the selected container (Logs, Stats, Top, Env, Config, Diff) or image (Layers, Config),
beside or below the lists, where the shell pane goes. It draws what the inspector feed has; the feed opens engine
streams only for the tab shown (see `inspector/feed.ts`).
*/
export default function InspectorPane({pane, list, width, height, now}: Props) {
	const {inspector} = useServices();
	const source: Pick<InspectorFeed, 'subscribe' | 'snapshot'> =
		inspector ?? noFeed;
	const feed = useSyncExternalStore(source.subscribe, source.snapshot);
	const followKey = useKeyFor('inspector.bottom');
	const columns = Math.max(1, width - 4);
	// Border (2), tab bar, status line.
	const rows = Math.max(1, height - 4);
	const tab = inspectorTab({ui: {pane: list, inspector: pane}} as never);
	const tabs = inspectorTabs({ui: {pane: list}} as never);
	const configView = useAppState(
		state => state.ui.configView ?? emptyConfigView,
	);
	const engineHost = useAppState(state => {
		const row =
			feed.target?.kind === 'container'
				? state.containers.get(feed.target.id)
				: undefined;
		return engineHostOf(state, row ?? {});
	});
	// Where the Config tab's window starts, kept between frames (it moves only when the cursor would leave it).
	const configStart = useRef(0);

	const {lines, total, start, onScreen} = useMemo((): {
		lines: string[];
		total: number;
		start?: number;
		onScreen?: {readonly first: number; readonly last: number};
	} => {
		if (tab === undefined) {
			return {lines: [], total: 0};
		}

		if (tab === 'logs') {
			if (!inspector) {
				return {lines: [], total: 0};
			}

			const shown = shownLogs(inspector.logs, pane.logs);
			const bottom =
				pane.logs.bottom === undefined
					? shown.length - 1
					: Math.max(0, shown.positionOf(pane.logs.bottom));
			const window = logWindowOf(shown, pane.logs, bottom, columns, rows);
			const seqAt = (position: number, step: 1 | -1) => {
				for (
					let each = position;
					each >= 0 && each < shown.length;
					each += step
				) {
					const line = shown.at(each);
					if (line !== undefined && line !== 'gap') {
						return line.seq;
					}
				}

				return undefined;
			};

			const first = window.first === -1 ? undefined : seqAt(window.first, 1);
			const last = window.last === -1 ? undefined : seqAt(window.last, -1);
			return {
				lines: window.rows.map(row =>
					rowString(row, columns, pane.logs.wrap ? 0 : pane.logs.column),
				),
				total: shown.length,
				...(first === undefined || last === undefined
					? {}
					: {onScreen: {first, last}}),
			};
		}

		if (tab === 'config') {
			const document = pane.reveal ? feed.configRevealed : feed.config;
			if (document === undefined) {
				return {lines: [], total: 0};
			}

			const compiled = configView.search
				? compileQuery(configView.search)
				: undefined;
			const matcher = compiled && !('error' in compiled) ? compiled : undefined;
			const sections =
				feed.target?.kind === 'container'
					? [...healthRows(document), ...portRows(document, engineHost)]
					: healthRows(document);
			const shown = configWindow(document, configView, {
				columns,
				sections,
				...(matcher ? {matcher} : {}),
				focused: pane.focused,
			});
			const [first, last] = shown.cursorRows;
			let start = windowStart(
				configStart.current,
				last,
				rows,
				shown.rows.length,
			);
			start = Math.min(start, first);
			// The sections stay in view above the first line of the document.
			if (shown.cursor === 0 && last < rows) {
				start = 0;
			}

			configStart.current = start;
			return {
				lines: shown.rows
					.slice(start, start + rows)
					.map(row => rowString(row, columns)),
				total: shown.rows.length,
				start,
			};
		}

		const all = tabRows(tab, feed, pane, columns, now).flatMap(row =>
			row.length === 0 ? [row] : wrapRow(row, columns, rows),
		);
		const scroll = Math.min(pane.scroll, Math.max(0, all.length - rows));
		return {
			lines: all
				.slice(scroll, scroll + rows)
				.map(row => rowString(row, columns)),
			total: all.length,
		};
		// `feed.version` moves whenever the ring or the data changed.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [
		tab,
		feed,
		feed.version,
		pane,
		columns,
		rows,
		now,
		inspector,
		configView,
		engineHost,
	]);

	useLayoutEffect(() => {
		inspector?.setView({
			rows,
			lines: total,
			...(onScreen ? {logs: onScreen} : {}),
		});
	}, [inspector, rows, total, onScreen?.first, onScreen?.last]);

	const name = feed.target ? sanitize(feed.target.name) : '';
	const status =
		tab === 'logs'
			? logStatus(feed, pane, total, followKey)
			: tab === 'config'
				? configStatus(configView, total, rows, start ?? 0, pane.focused)
				: tab === undefined
					? ''
					: total > rows
						? `${Math.min(pane.scroll, total - rows) + 1}-${Math.min(total, Math.min(pane.scroll, total - rows) + rows)} of ${total}`
						: '';
	const prompt = pane.prompt;
	const message =
		tab === undefined
			? 'The inspector shows containers (1) and images (2).'
			: !feed.target
				? 'Nothing selected.'
				: feed.error === undefined
					? feed.note
					: sanitize(feed.error);

	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			flexShrink={0}
			borderStyle="round"
			borderColor={pane.focused ? theme.border.focused : theme.border.normal}
			paddingX={1}
		>
			<Box width={columns} height={1}>
				<StyledRows
					lines={[
						rowString(
							[
								...tabBar(tabs, tab),
								{text: `  ${name}`, fg: theme.text.title, bold: true},
							],
							columns,
						),
					]}
					columns={columns}
					height={1}
				/>
			</Box>
			{message !== undefined && lines.length === 0 ? (
				<Box height={rows} width={columns}>
					<Text
						wrap="wrap"
						color={feed.error ? theme.status.error : theme.text.secondary}
					>
						{message}
					</Text>
				</Box>
			) : (
				<StyledRows lines={lines} columns={columns} height={rows} />
			)}
			<Box width={columns} height={1}>
				{prompt ? (
					<Text wrap="truncate">
						<Text color={theme.text.accent}>
							{prompt.kind === 'search' ? '/' : '&'}
						</Text>
						{prompt.value.slice(0, prompt.cursor)}
						<Text inverse>{prompt.value[prompt.cursor] ?? ' '}</Text>
						{prompt.value.slice(prompt.cursor + 1)}
						<Text color={theme.text.secondary}>
							{`  ${prompt.regex ? 'regex' : 'text'} (Ctrl-R) · Enter ${prompt.kind} · Esc cancel`}
						</Text>
					</Text>
				) : (
					<Text wrap="truncate" color={theme.text.secondary}>
						{[
							status,
							feed.error && lines.length > 0 ? sanitize(feed.error) : '',
							pane.focused
								? 'Esc lists'
								: 'l/i focus · [ ] tabs · z zoom · Ctrl-W close',
						]
							.filter(Boolean)
							.join(' · ')}
					</Text>
				)}
			</Box>
		</Box>
	);
}
