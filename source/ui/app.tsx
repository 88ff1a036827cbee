import {Box, useStdout} from 'ink';
import {lazy, Suspense, useCallback, useEffect, useRef} from 'react';
import {bindingsFor} from '../keymap/match.js';
import {helpOrder} from '../keymap/help-order.js';
import {followDialogs} from '../commands/follow-dialog.js';
import {goneTargets} from '../state/dialog-selectors.js';
import DetailsView from './components/details-view.js';
import DialogView from './components/dialog-view.js';
import FooterHints from './components/footer-hints.js';
import FormView from './components/form-view.js';
import Header from './components/header.js';
import HelpOverlay from './components/help-overlay.js';
import StatusLine from './components/status-line.js';
import TabBar, {compactTabsBelow} from './components/tab-bar.js';
import TooSmall from './components/too-small.js';
import UnreachableScreen from './components/unreachable-screen.js';
import {runningCount} from '../state/selectors.js';
import {projectCount} from '../state/projects.js';
import ProjectLogsView from './components/project-logs-view.js';
import ProjectsView from './views/projects-view.js';
import {useAppState, useServices} from './context.js';
import {terminalContentSize} from './terminal-size.js';
import {
	activeScopes,
	useBindingEnabled,
	useKeymapTable,
} from './hooks/use-keymap.js';
import useInputRouter from './hooks/use-input-router.js';
import {hitTest} from './hit-test.js';
import {isMarkable, type PaneId} from '../state/types.js';
import {engineHostOf} from '../format/port-urls.js';
import useNow from './hooks/use-now.js';
import useTerminalSize from './hooks/use-terminal-size.js';
import {layoutBody} from './layout.js';
import {theme} from './theme.js';
import ContainersView from './views/containers-view.js';
import EventsView from './views/events-view.js';
import ImagesView from './views/images-view.js';
import {replaceQuestion} from './views/shell-question.js';
import InspectorPane from './views/inspector-pane.js';
import TransferOverlays from './views/transfer-overlays.js';
import {
	cleanupCounts,
	cleanupDetailsTitle,
	cleanupViews,
} from './views/cleanup-panes.js';
import PruneView from './views/prune-view.js';
import {completionsFor} from '../command-line/complete.js';
import {commandBindings} from '../command-line/help.js';
import CommandLogView from './components/command-log-view.js';
import CommandPrompt from './components/command-prompt.js';
import CompletionList from './components/completion-list.js';

// The shell pane and its terminal emulator (@xterm/headless) load when a shell first opens, not at start.
const ShellPane = lazy(async () => import('./views/shell-pane.js'));

/**
The smallest terminal the layout is made for.
*/
export const minimumSize = {columns: 80, rows: 24} as const;

/**
How long a message stays in the status line, in ms.
*/
const flashMs = 6000;

export default function App() {
	const {store, readOnly, maskSecrets = true} = useServices();
	const {columns, rows} = useTerminalSize();
	const tooSmall = columns < minimumSize.columns || rows < minimumSize.rows;
	// One line short of the terminal: Ink clears the whole screen on every frame once its output is as tall as
	// the terminal, which flickers.
	const height = rows - 1;
	// Laid out for at least the minimum size, so that a terminal briefly too small does not shrink the shell's TTY.
	const bodySize = {
		width: Math.max(columns, minimumSize.columns),
		height: Math.max(3, Math.max(rows, minimumSize.rows) - 5),
	};
	const state = useAppState(state => state);
	const {ui, connection} = state;
	// The inspector takes the shell pane's place while no shell pane is open.
	const inspector = ui.shell ? undefined : ui.inspector;
	const layout = layoutBody(
		bodySize,
		ui.shell?.zoomed || inspector?.zoomed
			? 'zoomed'
			: ui.shell !== undefined || inspector !== undefined,
	);
	const sizes = useRef({page: 1, shell: {columns: 2, rows: 1}});
	sizes.current = {
		page: layout.list.height - 1,
		shell: terminalContentSize(layoutBody(bodySize, true).shell!),
	};
	// Where each list's window starts, as last drawn: the mouse needs it to know which row was clicked.
	const listStarts = useRef<Record<PaneId, {current: number}>>({
		containers: {current: 0},
		images: {current: 0},
		events: {current: 0},
		volumes: {current: 0},
		networks: {current: 0},
		engine: {current: 0},
		projects: {current: 0},
	});
	const running = runningCount(state);
	const counts = {
		containers: `${running}/${state.containers.size}`,
		images: String(state.images.size),
		events: String(state.events.length),
		...cleanupCounts(state),
		projects: String(projectCount(state)),
	};
	const geometry = useRef({columns, rows, counts});
	geometry.current = {columns, rows, counts};
	const {stdout} = useStdout();
	useInputRouter({
		// From the terminal itself, not the last frame: a key right after a resize sees the new size.
		tooSmall: useCallback(
			() =>
				(stdout.columns || 80) < minimumSize.columns ||
				(stdout.rows || 24) < minimumSize.rows,
			[stdout],
		),
		pageSize: useCallback(() => sizes.current.page, []),
		shellSize: useCallback(() => sizes.current.shell, []),
		hitTest: useCallback(
			(x: number, y: number) => {
				const now = store.getState();
				return hitTest(
					now,
					{
						...geometry.current,
						listStart: listStarts.current[now.ui.pane].current,
					},
					x,
					y,
				);
			},
			[store],
		),
	});

	const enabled = useBindingEnabled();
	const table = useKeymapTable();
	// What the clock drives here: the reconnect countdown, and ages in the details and transfer overlays.
	const now = useNow(1000, time => {
		if (
			connection.status === 'unreachable' ||
			connection.status === 'reconnecting'
		) {
			return String(Math.ceil((connection.retryAt - time) / 1000));
		}

		const overlay = ui.overlay?.kind;
		return overlay === 'details' ||
			overlay === 'transfer' ||
			overlay === 'files' ||
			overlay === 'search'
			? String(Math.floor(time / 1000))
			: '';
	});

	// An open dialog follows its objects (removed elsewhere, stopped meanwhile).
	useEffect(() => followDialogs(store), [store]);

	const flashId = ui.flash?.id;
	useEffect(() => {
		if (flashId === undefined) {
			return;
		}

		const timer = setTimeout(() => {
			store.dispatch({type: 'ui/flash-clear', id: flashId});
		}, flashMs);
		return () => {
			clearTimeout(timer);
		};
	}, [flashId, store]);

	if (!tooSmall && connection.status === 'unreachable') {
		return (
			<UnreachableScreen
				host={connection.host}
				error={connection.error}
				{...(connection.kind ? {kind: connection.kind} : {})}
				retryInSeconds={Math.max(
					0,
					Math.ceil((connection.retryAt - now) / 1000),
				)}
				attempt={connection.attempt}
				width={columns}
				height={height}
			/>
		);
	}

	const scopes = activeScopes(state);
	const innerWidth = layout.list.width - 2;
	const {commandLine} = ui;
	const completion = commandLine
		? completionsFor(state, commandLine.value, commandLine.cursor)
		: undefined;
	// The candidates go at the bottom of the list box, over its last rows (the shell pane keeps its size).
	const completionRows = completion
		? Math.min(
				(completion.hint ? 1 : 0) + Math.min(6, completion.candidates.length),
				Math.max(0, layout.list.height - 6),
			)
		: 0;
	const innerHeight = layout.list.height - 2 - completionRows;
	const listsFocused = !ui.shell?.focused && !inspector?.focused;
	const filter = ui.filters[ui.pane];
	const marked = !isMarkable(ui.pane)
		? 0
		: [...ui.marks[ui.pane]].filter(key =>
				ui.pane === 'containers'
					? state.containers.has(key)
					: state.images.has(key),
			).length;
	const notes = [
		marked > 0 ? `${marked} marked` : '',
		ui.pane === 'containers' && !ui.showAll ? 'running only' : '',
		filter && !ui.filtering ? `filter: ${filter}` : '',
	].filter(Boolean);

	let body;
	if (ui.overlay?.kind === 'help') {
		body = (
			<HelpOverlay
				bindings={[...helpOrder(table, ui.pane), ...commandBindings()]}
				width={innerWidth}
				height={innerHeight}
				scroll={ui.overlay.scroll}
				disabled={binding => !enabled(binding)}
			/>
		);
	} else if (ui.overlay?.kind === 'log') {
		body = (
			<CommandLogView
				entries={ui.log ?? []}
				width={innerWidth}
				height={innerHeight}
				scroll={ui.overlay.scroll}
			/>
		);
	} else if (ui.overlay?.kind === 'details') {
		const {target} = ui.overlay;
		const name =
			target.pane === 'containers'
				? (state.containers.get(target.id)?.name ?? target.id.slice(0, 12))
				: target.pane === 'images'
					? (state.images.get(target.id)?.repoTags[0] ??
						target.id.replace(/^sha256:/, '').slice(0, 12))
					: target.pane === 'events'
						? `event #${target.seq}`
						: cleanupDetailsTitle(state, target);
		body = (
			<DetailsView
				title={name}
				data={ui.overlay.data}
				error={ui.overlay.error}
				scroll={ui.overlay.scroll}
				width={innerWidth}
				height={innerHeight}
				now={now}
				reveal={ui.overlay.reveal === true || !maskSecrets}
				wrap={ui.overlay.wrap === true}
				engineHost={
					target.pane === 'containers'
						? engineHostOf(state, state.containers.get(target.id) ?? {})
						: state.connection.host
				}
			/>
		);
	} else if (ui.overlay?.kind === 'form') {
		body = (
			<FormView form={ui.overlay} width={innerWidth} height={innerHeight} />
		);
	} else if (ui.overlay?.kind === 'dialog') {
		body = (
			<DialogView
				dialog={ui.overlay}
				gone={goneTargets(state, ui.overlay.purpose)}
				width={innerWidth}
				height={innerHeight}
			/>
		);
	} else if (
		ui.overlay?.kind === 'transfer' ||
		ui.overlay?.kind === 'files' ||
		ui.overlay?.kind === 'search'
	) {
		body = (
			<TransferOverlays
				state={state}
				now={now}
				width={innerWidth}
				height={innerHeight}
			/>
		);
	} else if (ui.overlay?.kind === 'prune') {
		body = (
			<PruneView
				overlay={ui.overlay}
				readOnly={readOnly}
				now={now}
				width={innerWidth}
				height={innerHeight}
			/>
		);
	} else if (ui.overlay?.kind === 'project-logs') {
		body = (
			<ProjectLogsView
				logs={ui.overlay}
				width={innerWidth}
				height={innerHeight}
			/>
		);
	} else {
		const View =
			ui.pane === 'containers'
				? ContainersView
				: ui.pane === 'images'
					? ImagesView
					: ui.pane === 'events'
						? EventsView
						: ui.pane === 'projects'
							? ProjectsView
							: cleanupViews[ui.pane];
		body = (
			<View
				width={innerWidth}
				height={innerHeight}
				focused={listsFocused}
				startRef={listStarts.current[ui.pane]}
			/>
		);
	}

	// The same tree whether the terminal is too small or not: the shell pane stays mounted (hidden) while it
	// is, so its session and screen survive.
	return (
		<Box flexDirection="column" width={columns} height={height}>
			{tooSmall ? (
				<TooSmall size={{columns, rows}} minimum={minimumSize} />
			) : (
				<Header
					connection={connection}
					now={now}
					readOnly={readOnly || state.readOnly === true}
					{...(state.context === undefined ? {} : {context: state.context})}
					{...(state.engines ? {engines: state.engines} : {})}
				/>
			)}
			{tooSmall ? null : (
				<TabBar
					pane={ui.pane}
					counts={counts}
					right={notes.join(' · ')}
					width={columns}
					compact={columns < compactTabsBelow}
				/>
			)}
			<Box
				display={tooSmall ? 'none' : 'flex'}
				flexDirection={layout.direction}
				height={bodySize.height}
				width={bodySize.width}
			>
				<Box
					display={layout.zoomed ? 'none' : 'flex'}
					flexDirection="column"
					borderStyle="round"
					borderColor={
						listsFocused ? theme.border.focused : theme.border.normal
					}
					height={layout.list.height}
					width={layout.list.width}
					flexShrink={0}
				>
					{tooSmall ? null : body}
					{completion && completionRows > 0 && !tooSmall ? (
						<CompletionList
							candidates={completion.candidates}
							{...(completion.hint ? {hint: completion.hint} : {})}
							{...(commandLine?.cycle
								? {
										selected:
											commandLine.cycle.candidates[commandLine.cycle.index],
									}
								: {})}
							width={innerWidth}
							height={completionRows}
						/>
					) : null}
				</Box>
				{ui.shell && layout.shell ? (
					<Suspense
						fallback={
							<Box
								width={layout.shell.width}
								height={layout.shell.height}
								flexShrink={0}
							/>
						}
					>
						<ShellPane
							key={ui.shell.id}
							pane={ui.shell}
							width={layout.shell.width}
							height={layout.shell.height}
						/>
					</Suspense>
				) : inspector && layout.shell ? (
					<InspectorPane
						pane={inspector}
						list={ui.pane}
						width={layout.shell.width}
						height={layout.shell.height}
						now={now}
					/>
				) : null}
			</Box>
			{tooSmall ? null : commandLine ? (
				<CommandPrompt line={commandLine} width={columns - 4} />
			) : (
				<StatusLine
					question={replaceQuestion(ui.shell)}
					flash={ui.flash}
					filtering={ui.filtering}
					filter={filter}
					cursor={ui.filterCursor ?? filter.length}
					width={columns - 4}
					{...(ui.log?.length ? {lastLog: ui.log.at(-1)!} : {})}
				/>
			)}
			{tooSmall ? null : (
				<FooterHints bindings={bindingsFor(scopes, enabled, table)} />
			)}
		</Box>
	);
}
