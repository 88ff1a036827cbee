import {useEffect, useEffectEvent, useMemo, useRef, useState} from 'react';
import {useInput, useStdin} from 'ink';
import type {TerminalSession} from '../../engine/types.js';
import sanitize from '../../engine/sanitize.js';
import {
	blankSnapshot,
	Screen,
	type ScreenSnapshot,
} from '../../terminal/screen.js';
import {
	defaultEscapeKey,
	isEscapeKey,
	keyToBytes,
	splitAtEscapeKey,
	translateInput,
} from '../../terminal/keys.js';

/**
How a session ended.
*/
export type SessionEnd = {readonly reason: string; readonly exitCode?: number};

export type TerminalScreenOptions = {
	/**
	Keys typed go to the session (raw, as the terminal sent them). While this is on, every other `useInput` of the app
	must be inactive (`isActive: false`), or it sees the same keys.

	@default false
	*/
	readonly focused?: boolean;
	/**
	Bytes of the key that gives focus back instead of being sent.

	@default '\x1d' (Ctrl-])
	*/
	readonly escapeKey?: string;
	/**
	Called when the escape key is typed while focused.
	*/
	readonly onEscape?: () => void;
};

export type TerminalScreenState = {
	readonly snapshot: ScreenSnapshot;
	/**
	The title the program set (OSC 0/2), sanitized; empty when none.
	*/
	readonly title: string;
	/**
	Set once the session ended.
	*/
	readonly ended?: SessionEnd;
};

type Rendered = {
	readonly session: TerminalSession;
	readonly snapshot: ScreenSnapshot;
	readonly title: string;
	readonly ended?: SessionEnd;
};

const noop = () => {
	// Resize failures are not worth an error: the next resize tries again.
};

/**
The dim line written into the screen when the session ends, on a line of its own.
*/
function endLine(end: SessionEnd, atLineStart: boolean): string {
	const code =
		end.exitCode === undefined || end.reason.endsWith(` ${end.exitCode}`)
			? ''
			: ` (exit code ${end.exitCode})`;
	return `${atLineStart ? '' : '\r\n'}\u001B[0;2m[session ended: ${sanitize(end.reason)}${code}]\u001B[0m`;
}

/**
Runs a terminal emulator for `session` and returns what to draw. Output of the session is parsed by the emulator,
replies of the emulator (cursor position, device attributes) go back to the session, the emulator and the session
are resized to `size`, and the component re-renders at most once per frame. When `options.focused` is on, what the
person types goes to the session. The session is not closed here: whoever opened it closes it.
*/
const useTerminalScreen = (
	session: TerminalSession | undefined,
	size: {readonly columns: number; readonly rows: number},
	options: TerminalScreenOptions = {},
): TerminalScreenState => {
	const {columns, rows} = size;
	const {focused = false, escapeKey = defaultEscapeKey} = options;
	const [rendered, setRendered] = useState<Rendered | undefined>(undefined);
	const screenRef = useRef<Screen | undefined>(undefined);
	const endedRef = useRef(false);
	const sizeRef = useRef({columns, rows});

	// Declared first so that it runs before the effect that creates the screen.
	useEffect(() => {
		sizeRef.current = {columns, rows};
	}, [columns, rows]);

	useEffect(() => {
		if (!session) {
			return;
		}

		const screen = new Screen({
			cols: sizeRef.current.columns,
			rows: sizeRef.current.rows,
		});
		screenRef.current = screen;
		endedRef.current = false;
		setRendered({session, snapshot: screen.snapshot(), title: ''});

		const unsubscribe = [
			screen.onChange(() => {
				const snapshot = screen.snapshot();
				setRendered(previous =>
					previous?.session === session
						? {...previous, snapshot}
						: {session, snapshot, title: screen.title},
				);
			}),
			screen.onTitleChange(title => {
				setRendered(previous =>
					previous?.session === session ? {...previous, title} : previous,
				);
			}),
			screen.onReply(reply => {
				if (!endedRef.current) {
					session.write(reply);
				}
			}),
			session.onData(data => {
				screen.write(data);
			}),
			session.onEnd(end => {
				endedRef.current = true;
				// After what the program wrote last has been parsed, to know where its cursor is.
				void screen.whenParsed().then(() => {
					screen.write(endLine(end, screen.snapshot().cursor.x === 0));
				});
				const ended: SessionEnd =
					end.exitCode === undefined ? {reason: end.reason} : end;
				setRendered(previous =>
					previous?.session === session ? {...previous, ended} : previous,
				);
			}),
		];

		return () => {
			for (const stop of unsubscribe) {
				stop();
			}

			screen.dispose();
			if (screenRef.current === screen) {
				screenRef.current = undefined;
			}
		};
	}, [session]);

	useEffect(() => {
		const screen = screenRef.current;
		if (!session || !screen) {
			return;
		}

		screen.resize(columns, rows);
		if (!endedRef.current) {
			session.resize({columns: screen.cols, rows: screen.rows}).catch(noop);
		}
	}, [session, columns, rows]);

	// Keys: raw sequences from Ink's stdin reader (see source/terminal/keys.ts).
	const {
		internal_eventEmitter: inputEmitter,
		setRawMode,
		isRawModeSupported,
	} = useStdin();
	const escapeTyped = useEffectEvent(() => {
		options.onEscape?.();
	});

	const send = (data: string) => {
		if (data !== '' && session && !endedRef.current) {
			session.write(data);
		}
	};

	const sendRaw = useEffectEvent((sequence: string) => {
		const {forward, escaped} = splitAtEscapeKey(sequence, escapeKey);
		const screen = screenRef.current;
		if (forward !== '' && screen) {
			send(translateInput(forward, screen.modes));
		}

		if (escaped) {
			escapeTyped();
		}
	});

	const rawInput =
		focused && session !== undefined && inputEmitter !== undefined;
	useEffect(() => {
		if (!rawInput) {
			return;
		}

		// Ink only reads stdin while some component wants raw mode.
		if (isRawModeSupported) {
			setRawMode(true);
		}

		const listener = (sequence: string) => {
			sendRaw(sequence);
		};

		inputEmitter.on('input', listener);
		return () => {
			inputEmitter.off('input', listener);
			if (isRawModeSupported) {
				setRawMode(false);
			}
		};
	}, [rawInput, inputEmitter, isRawModeSupported, setRawMode]);

	// Fallback when Ink gives no raw sequences: its parsed keys.
	useInput(
		(input, key) => {
			if (isEscapeKey(input, key, escapeKey)) {
				escapeTyped();
				return;
			}

			send(keyToBytes(input, key, screenRef.current?.modes));
		},
		{isActive: focused && session !== undefined && inputEmitter === undefined},
	);

	const blank = useMemo(() => blankSnapshot(columns, rows), [columns, rows]);
	if (!session || rendered?.session !== session) {
		return {snapshot: blank, title: ''};
	}

	const {snapshot, title, ended} = rendered;
	return ended ? {snapshot, title, ended} : {snapshot, title};
};

export default useTerminalScreen;
