/**
The one place dockpit touches Ink's internals for input. Ink 6.8 reads stdin itself (`readable` + `read()`, in
components/App.js) while some component holds raw mode, splits each read into key sequences with its input
parser (a run of text, one whole escape sequence, a lone Esc once nothing followed it) and emits each, unchanged,
on `useStdin().internal_eventEmitter` ('input') before `useInput` parses it. Put together again those strings are
exactly what the terminal sent, which is what the input router (`input/router.ts`) reads: no `useInput` anywhere
in dockpit, so no key is parsed twice or seen by two handlers.
*/
import {useEffect, useEffectEvent, useMemo, useRef} from 'react';
import {useApp, useStdin} from 'ink';
import {type CommandContext, commands} from '../../commands/index.js';
import {defaultEscapeKey} from '../../keymap/escape-key.js';
import {createInputRouter, type Hit} from '../../input/router.js';
import {useServices} from '../context.js';
import {useBindingEnabled, useKeymapTable} from './use-keymap.js';

/**
Raw input while `active`: each of Ink's key sequences as the terminal sent it. Holds raw mode meanwhile.
*/
export function useRawInput(
	listener: (raw: string) => void,
	active = true,
): void {
	const {
		internal_eventEmitter: emitter,
		setRawMode,
		isRawModeSupported,
	} = useStdin();
	const onInput = useEffectEvent(listener);
	useEffect(() => {
		if (!active) {
			return;
		}

		if (isRawModeSupported) {
			setRawMode(true);
		}

		const handle = (raw: string) => {
			onInput(raw);
		};

		emitter.on('input', handle);
		return () => {
			emitter.off('input', handle);
			if (isRawModeSupported) {
				setRawMode(false);
			}
		};
	}, [active, emitter, isRawModeSupported, setRawMode]);
}

/**
Feeds the input router from Ink for the app's whole life (raw mode stays on throughout, so that focus moving
between the shell pane and the lists never turns it off, which would reset Ink's parser).
*/
const useInputRouter = ({
	pageSize,
	shellSize,
	hitTest,
	tooSmall,
}: {
	readonly pageSize: () => number;
	/**
	"Terminal too small" is shown: only quit works.
	*/
	readonly tooSmall?: () => boolean;
	readonly shellSize: CommandContext['shellSize'];
	readonly hitTest?: (x: number, y: number) => Hit | undefined;
}): void => {
	const services = useServices();
	const {exit} = useApp();
	const enabled = useBindingEnabled();
	const table = useKeymapTable();
	const latest = useRef({pageSize, shellSize, hitTest, tooSmall, exit});
	latest.current = {pageSize, shellSize, hitTest, tooSmall, exit};
	const {
		store,
		engine,
		sessions,
		shells,
		keys,
		readOnly,
		historyFile,
		contexts,
		inspector,
		clipboard,
	} = services;
	const escapeKey = services.escapeKey ?? defaultEscapeKey;
	const router = useMemo(
		() =>
			createInputRouter({
				store,
				table,
				enabled,
				escapeKey,
				run: command =>
					commands[command]({
						engine,
						store,
						sessions,
						shells,
						...(contexts ? {contexts} : {}),
						...(inspector ? {inspector} : {}),
						...(clipboard ? {clipboard} : {}),
						readOnly,
						...(historyFile ? {historyFile} : {}),
						pageSize: () => latest.current.pageSize(),
						shellSize: () => latest.current.shellSize(),
						exit: () => {
							latest.current.exit();
						},
					}),
				toShell: (paneId, raw) => {
					keys.send(paneId, raw);
				},
				hitTest: (x, y) => latest.current.hitTest?.(x, y),
				tooSmall: () => latest.current.tooSmall?.() ?? false,
			}),
		// `enabled` only changes with the read-only flag, which does not change while running.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[
			store,
			table,
			escapeKey,
			engine,
			sessions,
			shells,
			keys,
			readOnly,
			historyFile,
			contexts,
			inspector,
			clipboard,
		],
	);

	// Ink reports a lone Esc only once nothing followed it; the parser's own Esc waits the same way, so that an
	// X10 mouse report Ink cuts in two is read whole.
	const flushTimer = useRef<NodeJS.Immediate | undefined>(undefined);
	useRawInput(raw => {
		router.feed(raw);
		if (flushTimer.current) {
			clearImmediate(flushTimer.current);
		}

		flushTimer.current = setImmediate(() => {
			flushTimer.current = undefined;
			router.flush();
		});
	});
	useEffect(
		() => () => {
			if (flushTimer.current) {
				clearImmediate(flushTimer.current);
			}
		},
		[],
	);
};

export default useInputRouter;
