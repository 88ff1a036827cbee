import {useEffect, useEffectEvent, useMemo, useRef, useState} from 'react';
import type {TerminalSession} from '../../engine/types.js';
import sanitize from '../../format/printable.js';
import {
	blankSnapshot,
	Screen,
	type ScreenSnapshot,
} from '../../terminal/screen.js';
import {
	defaultEscapeKey,
	splitAtEscapeKey,
	translateInput,
} from '../../terminal/keys.js';

/**
How a session ended.
*/
export type SessionEnd = {readonly reason: string; readonly exitCode?: number};

export type TerminalScreenOptions = {
	/**
	Bytes of the key that gives focus back instead of being sent.

	@default '\x1d' (Ctrl-])
	*/
	readonly escapeKey?: string;
	/**
	Called when the escape key comes in `input` (the router keeps it for itself, so this is a safety net), with
	what was typed after it in the same sequence.
	*/
	readonly onEscape?: (rest: string) => void;
	/**
	Draws a changed screen straight onto the terminal and says whether it did (`ui/direct-region.ts`). When it
	does, the component's own re-render (Ink's whole frame) follows once the screen rested for `catchUpMs` (or after
	`catchUpMaxMs` of steady change), off the path from a key to its echo.
	*/
	readonly draw?: (snapshot: ScreenSnapshot) => boolean;
	/**
	Subscribes to what is typed for the session, one key sequence (or paste) at a time, as the terminal sent it
	(`input/shell-keys.ts`). A new function subscribes again. Typed before the session opened: kept for it.
	*/
	readonly input?: (listener: (keys: string) => void) => () => void;
};

/**
How long the screen must rest before the pane's React state catches up with what was drawn directly, and how long
it may lag behind at most. While someone types, Ink's whole frame would only delay the next echo.
*/
const catchUpMs = 150;
const catchUpMaxMs = 1000;

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

/**
Most typed-ahead input kept while the session is still opening (a paste, at most); beyond it, the oldest is dropped.
*/
const typeaheadLimit = 64 * 1024;

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
are resized to `size`, and the component re-renders at most once per frame. What `options.input` gives (what the
person types while the pane has the keys) goes to the session. The session is not closed here: whoever opened it closes it.
*/
const useTerminalScreen = (
	session: TerminalSession | undefined,
	size: {readonly columns: number; readonly rows: number},
	options: TerminalScreenOptions = {},
): TerminalScreenState => {
	const {columns, rows} = size;
	const {escapeKey = defaultEscapeKey} = options;
	const [rendered, setRendered] = useState<Rendered | undefined>(undefined);
	const screenRef = useRef<Screen | undefined>(undefined);
	const endedRef = useRef(false);
	const sizeRef = useRef({columns, rows});
	// Keys typed into the focused pane before its session (or its screen) exists: sent, in order, once it does, as
	// a terminal keeps typeahead. The pane is remounted for each session (keyed by its id), so they never go to
	// another session than the one they were typed for.
	const typeaheadRef = useRef<string[]>([]);

	const drawn = useEffectEvent(
		(snapshot: ScreenSnapshot) => options.draw?.(snapshot) ?? false,
	);

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
		let catchUp: NodeJS.Timeout | undefined;
		let behindSince: number | undefined;
		const show = () => {
			clearTimeout(catchUp);
			catchUp = undefined;
			behindSince = undefined;

			const snapshot = screen.snapshot();
			setRendered(previous =>
				previous?.session === session
					? {...previous, snapshot}
					: {session, snapshot, title: screen.title},
			);
		};

		const unsubscribe = [
			screen.onChange(() => {
				if (drawn(screen.snapshot())) {
					const now = performance.now();
					behindSince ??= now;
					clearTimeout(catchUp);
					catchUp = setTimeout(
						show,
						Math.min(catchUpMs, behindSince + catchUpMaxMs - now),
					);
				} else {
					show();
				}
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
				typeaheadRef.current = [];
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

		const typeahead = typeaheadRef.current;
		typeaheadRef.current = [];
		for (const typed of typeahead) {
			session.write(translateInput(typed, screen.modes));
		}

		return () => {
			clearTimeout(catchUp);
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

	const escapeTyped = useEffectEvent((rest: string) => {
		options.onEscape?.(rest);
	});

	const send = (data: string) => {
		if (data !== '' && session && !endedRef.current) {
			session.write(data);
		}
	};

	/**
	Keeps `typed` (raw, untranslated: the screen's modes are not known yet) for the session that is opening.
	*/
	const keep = (typed: string) => {
		const typeahead = typeaheadRef.current;
		typeahead.push(typed);
		let size = typeahead.reduce((total, each) => total + each.length, 0);
		while (size > typeaheadLimit && typeahead.length > 1) {
			size -= typeahead.shift()!.length;
		}
	};

	const sendRaw = useEffectEvent((sequence: string) => {
		const {forward, escaped, rest} = splitAtEscapeKey(sequence, escapeKey);
		const screen = screenRef.current;
		if (forward !== '') {
			if (session && screen) {
				send(translateInput(forward, screen.modes));
			} else if (!endedRef.current) {
				keep(forward);
			}
		}

		if (escaped) {
			escapeTyped(rest);
		}
	});

	// While the session opens too: what is typed then is kept for it.
	const {input} = options;
	useEffect(() => {
		if (!input) {
			return;
		}

		return input(keys => {
			sendRaw(keys);
		});
	}, [input]);

	const blank = useMemo(() => blankSnapshot(columns, rows), [columns, rows]);
	if (!session || rendered?.session !== session) {
		return {snapshot: blank, title: ''};
	}

	const {title, ended} = rendered;
	// The screen's newest state, not the one of the last `show`: it may have been drawn directly since, and a render
	// for another reason (focus, title) must not put older cells back.
	const snapshot = screenRef.current?.snapshot() ?? rendered.snapshot;
	return ended ? {snapshot, title, ended} : {snapshot, title};
};

export default useTerminalScreen;
