import {Box, Text} from 'ink';
import {memo, useCallback, useSyncExternalStore} from 'react';
import {defaultEscapeKey} from '../../keymap/escape-key.js';
import {keyLabel} from '../../keymap/labels.js';
import type {ShellPane as Pane} from '../../state/types.js';
import TerminalView, {
	paneLines,
	terminalContentSize,
} from '../components/terminal-view.js';
import type {ScreenSnapshot} from '../../terminal/screen.js';
import useDirectRegion from '../hooks/use-direct-region.js';
import {useServices} from '../context.js';
import useTerminalScreen from '../hooks/use-terminal-screen.js';
import {theme} from '../theme.js';

type Props = {
	readonly pane: Pane;
	/**
	Outer width, border included.
	*/
	readonly width: number;
	/**
	Outer height, border included.
	*/
	readonly height: number;
};

const closeLabel = keyLabel('ctrl+w');
const zoomLabel = keyLabel('z');

/**
What the border says: what runs where, and the keys that matter now.
*/
export function paneTitle(
	pane: Pane,
	programTitle = '',
	escapeLabel = defaultEscapeKey.label,
): string {
	const what = pane.mode === 'exec' ? 'shell' : 'attached';
	const parts = [`${what}: ${pane.name}`];
	if (programTitle !== '') {
		parts.push(programTitle);
	}

	if (pane.status === 'opening') {
		parts.push('opening…');
	} else if (pane.status === 'ended') {
		parts.push(`ended · ${closeLabel} close`);
	} else if (pane.focused) {
		parts.push(`${escapeLabel} back to the dashboard`);
	} else {
		parts.push(
			`${escapeLabel} focus · ${zoomLabel} full screen · ${closeLabel} close`,
		);
	}

	return parts.join(' · ');
}

export {replaceQuestion} from './shell-question.js';

/**
The shell pane: the session kept under `pane.id` in the shell sessions, drawn through a terminal emulator. Keys
typed while `pane.focused` come from the input router (`input/router.ts`) and go to the container, except the escape key
(Ctrl-] unless `--escape-key` says otherwise), which gives them back to the dashboard. Output of the session only re-renders this component.
*/
function ShellPane({pane, width, height}: Props) {
	const {
		sessions,
		store,
		directDraw,
		keys,
		escapeKey = defaultEscapeKey,
	} = useServices();
	const session = useSyncExternalStore(sessions.subscribe, () =>
		sessions.get(pane.id),
	);
	// The input router never sends the escape key (it gives the keys back itself); should it come, it still
	// only gives them back.
	const leave = useCallback(() => {
		store.dispatch({type: 'shell/focus', focused: false});
	}, [store]);
	const input = useCallback(
		(listener: (typed: string) => void) => keys.listen(pane.id, listener),
		[keys, pane.id],
	);
	const size = terminalContentSize({width, height});
	// Output and echoes are drawn straight onto the terminal, not as a whole Ink frame (see ui/direct-region.ts).
	const direct = useDirectRegion(directDraw);
	const draw = direct
		? (screen: ScreenSnapshot) =>
				direct.draw(paneLines(screen, pane.focused, size), size.columns)
		: undefined;
	const {snapshot, title} = useTerminalScreen(session, size, {
		escapeKey: escapeKey.bytes,
		onEscape: leave,
		input,
		...(draw ? {draw} : {}),
	});

	if (pane.error !== undefined) {
		return (
			<Box
				flexDirection="column"
				width={width}
				height={height}
				flexShrink={0}
				borderStyle="round"
				borderColor={theme.border.normal}
				paddingX={1}
			>
				<Text wrap="truncate" color={theme.text.secondary}>
					{paneTitle(pane, '', escapeKey.label)}
				</Text>
				<Text wrap="wrap" color={theme.status.error}>
					{pane.error}
				</Text>
			</Box>
		);
	}

	return (
		<TerminalView
			snapshot={snapshot}
			focused={pane.focused}
			width={width}
			height={height}
			title={paneTitle(pane, title, escapeKey.label)}
			{...(direct
				? {contentRef: direct.contentRef, onLines: direct.onLines}
				: {})}
		/>
	);
}

// With a compare function, `memo` wraps a plain function component. Without one React makes a "simple memo"
// component, and react-reconciler 0.33 never refreshes `useEffectEvent` callbacks in those: the key handler of
// `useTerminalScreen` would keep seeing the first render (no session yet) and drop every key.
export default memo(
	ShellPane,
	(a, b) => a.pane === b.pane && a.width === b.width && a.height === b.height,
);
