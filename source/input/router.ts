/**
THE input router: every byte the person types reaches dockpit through here, once.

    terminal → Ink's stdin reader → ui/hooks/use-input-router.ts (the one file that touches Ink's internals)
             → router.feed(raw) → input/parse.ts (the one parser) → presses → one owner each

Each press is routed against the state the presses before it left (a press may open a form, the next types into
it), so a burst split anywhere gives the same result as the same keys typed one at a time. The owners, first
match wins:

1. The shell pane, while it has the keys (`ui.shell.focused`): every press as the terminal sent it (a paste
   with its markers: the pane keeps them only if the program asked for bracketed paste), all but the escape key
   (Ctrl-] or `--escape-key`), which gives the keys back to the dashboard; what follows it in the same read is
   routed here again. Clicks outside the pane give the keys back too.
2. The focused text field, `focusedTextField(state)` in `state/text-field.ts`: ONE selector for every field
   (the filter prompt, form fields, and every prompt to come: the `:` command line, a log search). It returns
   the field's `id`, `value`, `cursor`, whether it is `multiline`, and `edit(textEdit)`, the action that applies
   an edit in the reducer. The field takes the keys it has a use for (`input/field-keys.ts`: characters and
   readline's editing keys) and pasted text, inserted literally (one-line fields turn line breaks into spaces,
   so a paste never submits). A new prompt adds a branch to that selector and nothing here.
3. The keymap, for the scopes live now (`keymap/scopes.ts`). Alt-x that neither the field nor the keymap wants
   is Esc and then x (Esc j in the details closes them and moves the cursor).

A paste reaches only the shell pane or a text field; anywhere else it is dropped with a word, never read as
keys. Mouse reports go to `mouse` hit-testing; focus reports and unknown sequences are skipped whole.

A command that opens an overlay only after asking the engine (the run form, details) holds the presses that
follow it until the overlay is open (at most `holdMs`), so that what was typed after `r` goes into the form.
*/
import type {CommandId, Binding} from '../keymap/keymap.js';
import type {EscapeKey} from '../keymap/escape-key.js';
import {bindingNamed, resolveName} from '../keymap/match.js';
import {activeScopes} from '../keymap/scopes.js';
import type {Store} from '../state/store.js';
import {focusedTextField} from '../state/text-field.js';
import {rowKeys} from '../state/selectors.js';
import type {PaneId} from '../state/types.js';
import {isEscapeKey} from '../terminal/keys.js';
import {fieldEdit, oneLine} from './field-keys.js';
import {
	createInputParser,
	characterKey,
	type KeyPress,
	type MousePress,
	parseAll,
	type Press,
} from './parse.js';

/**
What is under a cell of the screen (`ui/hit-test.ts` works it out from the layout).
*/
export type Hit =
	| {readonly kind: 'tab'; readonly pane: PaneId}
	/** A row of the list, by its index in the visible rows. */
	| {readonly kind: 'row'; readonly pane: PaneId; readonly index: number}
	/** The list box, elsewhere than on a row (its border, header, empty space). */
	| {readonly kind: 'list'}
	/** The help or details overlay. */
	| {readonly kind: 'overlay'}
	| {readonly kind: 'shell'};

export type RouterDeps = {
	readonly store: Store;
	/**
	The keymap as this run uses it (`--escape-key` applied).
	*/
	readonly table: readonly Binding[];
	/**
	Usable under the current flags (read-only mode).
	*/
	readonly enabled: (binding: Binding) => boolean;
	/**
	Runs a command of the keymap.
	*/
	readonly run: (command: CommandId) => void | Promise<void>;
	/**
	Keys for the shell pane `paneId`, as the terminal sent them.
	*/
	readonly toShell: (paneId: number, raw: string) => void;
	readonly escapeKey: EscapeKey;
	/**
	What is at cell (x, y), 0-based; absent: clicks do nothing.
	*/
	readonly hitTest?: (x: number, y: number) => Hit | undefined;
	/**
	@default 3000
	*/
	readonly holdMs?: number;
	/**
	The terminal is smaller than the layout needs and "Terminal too small" is shown instead of the dashboard:
	only quitting works (`q` and Ctrl-C, as the note says), every other press is dropped, so nothing acts on
	what the person cannot see and no open form or shell gets a key it was not meant to.
	*/
	readonly tooSmall?: () => boolean;
};

export type InputRouter = {
	/**
	Raw input, as it arrived.
	*/
	feed(raw: string): void;
	/**
	Nothing more is coming for now: a lone Esc held back is the Esc key.
	*/
	flush(): void;
	/**
	Resolves once no command holds the keys (for tests).
	*/
	idle(): Promise<void>;
};

/**
Commands that open their overlay only once the engine answered: the keys after them wait for it.
*/
const holdingCommands: ReadonlySet<string> = new Set([
	'containers.run',
	'images.run',
	'list.details',
]);

/**
Rows one wheel step scrolls.
*/
const wheelRows = 3;

export function createInputRouter(deps: RouterDeps): InputRouter {
	const {store, table, enabled} = deps;
	const parser = createInputParser();
	let queue: Press[] = [];
	let holding: Promise<void> | undefined;
	let waiters: Array<() => void> = [];

	const report = (error: unknown) => {
		store.dispatch({
			type: 'ui/flash',
			text: error instanceof Error ? error.message : String(error),
			level: 'error',
		});
	};

	const release = () => {
		holding = undefined;
		const held = queue;
		queue = [];
		for (const press of held) {
			take(press);
		}

		if (!holding) {
			const done = waiters;
			waiters = [];
			for (const resolve of done) {
				resolve();
			}
		}
	};

	const runCommand = (command: CommandId) => {
		let result: void | Promise<void>;
		try {
			result = deps.run(command);
		} catch (error) {
			report(error);
			return;
		}

		if (!(result instanceof Promise)) {
			return;
		}

		const settled = result.catch(report);
		if (holdingCommands.has(command)) {
			let released = false;
			const once = () => {
				if (!released) {
					released = true;
					clearTimeout(timer);
					release();
				}
			};

			const timer = setTimeout(once, deps.holdMs ?? 3000);
			holding = settled.then(once);
		}
	};

	const quitBinding = table.find(binding => binding.command === 'app.quit')!;
	const isForceQuit = (press: Press) =>
		press.type === 'key' &&
		resolveName(press.name, ['always'], enabled, table) === 'app.force-quit';

	/**
	While the terminal is too small: `q` or Ctrl-C quits, nothing else does anything.
	*/
	const whileTooSmall = (press: Press) => {
		if (
			press.type === 'key' &&
			(press.name === 'q' || isForceQuit(press)) &&
			enabled(quitBinding)
		) {
			runCommand('app.quit');
		}
	};

	/**
	One press, to its one owner.
	*/
	const route = (press: Press) => {
		if (deps.tooSmall?.()) {
			whileTooSmall(press);
			return;
		}

		const state = store.getState();
		const {shell} = state.ui;
		if (shell?.focused) {
			if (press.type === 'mouse') {
				mouse(press);
				return;
			}

			if (press.type === 'focus') {
				return;
			}

			if (
				press.type === 'key' &&
				isEscapeKey(press.raw, undefined, deps.escapeKey.bytes)
			) {
				store.dispatch({type: 'shell/focus', focused: false});
				return;
			}

			deps.toShell(shell.id, press.raw);
			return;
		}

		switch (press.type) {
			case 'mouse': {
				mouse(press);
				return;
			}

			case 'paste': {
				paste(press.text);
				return;
			}

			case 'key': {
				key(press);
				return;
			}

			case 'focus':
			case 'unknown': {
				// Focus reports and sequences nobody knows are never text.
			}
		}
	};

	const key = (press: KeyPress) => {
		const state = store.getState();
		const field = focusedTextField(state);
		if (field) {
			const edit = fieldEdit(press);
			if (edit) {
				store.dispatch(field.edit(edit));
				return;
			}
		}

		const command = resolveName(
			press.name,
			activeScopes(state),
			enabled,
			table,
		);
		if (command !== undefined) {
			runCommand(command);
			return;
		}

		// A key that read-only mode took away says so, rather than doing nothing without a word: no binding was
		// enabled, so the key's binding, if it has one, is a disabled one.
		const refused = bindingNamed(
			press.name,
			activeScopes(state),
			undefined,
			table,
		);
		if (refused) {
			store.dispatch({
				type: 'ui/flash',
				text: `read-only: ${press.name} (${refused.description.replaceAll(/ \([^)]*\)/g, '')}) would change the engine`,
				level: 'warning',
			});
			return;
		}

		// Alt-x nobody wants: the person typed Esc and then x, faster than the terminal could tell apart.
		if (press.name.startsWith('alt+') && press.raw.startsWith('\u001B')) {
			take(characterKey('\u001B'));
			for (const rest of parseAll(press.raw.slice(1))) {
				take(rest);
			}
		}
	};

	const paste = (text: string) => {
		const field = focusedTextField(store.getState());
		if (!field) {
			store.dispatch({
				type: 'ui/flash',
				text: 'Pasted text ignored: no text field has the focus (keys are never taken from a paste)',
				level: 'muted',
			});
			return;
		}

		store.dispatch(
			field.edit({
				type: 'insert',
				text: field.multiline ? text : oneLine(text),
			}),
		);
	};

	const mouse = (press: MousePress) => {
		if (press.release || press.motion || !deps.hitTest) {
			return;
		}

		const hit = deps.hitTest(press.x, press.y);
		if (!hit) {
			return;
		}

		const state = store.getState();
		const {ui} = state;
		const wheel =
			press.button === 'wheel-up'
				? -wheelRows
				: press.button === 'wheel-down'
					? wheelRows
					: 0;
		if (wheel !== 0) {
			if (hit.kind === 'overlay') {
				store.dispatch({type: 'ui/overlay-scroll', to: wheel});
			} else if (
				(hit.kind === 'row' || hit.kind === 'list') &&
				!ui.overlay &&
				!ui.shell?.replace
			) {
				store.dispatch({type: 'ui/move', to: wheel});
			}

			return;
		}

		if (press.button !== 'left' || ui.overlay || ui.shell?.replace) {
			return;
		}

		switch (hit.kind) {
			case 'shell': {
				if (ui.shell && ui.shell.status !== 'ended' && !ui.shell.focused) {
					store.dispatch({type: 'shell/focus', focused: true});
				} else if (!ui.shell && ui.inspector && !ui.inspector.focused) {
					// The inspector has the shell pane's place while no shell is open.
					store.dispatch({type: 'inspector/focus', focused: true});
				}

				return;
			}

			case 'tab': {
				if (ui.shell?.focused) {
					store.dispatch({type: 'shell/focus', focused: false});
				}

				if (ui.inspector?.focused) {
					store.dispatch({type: 'inspector/focus', focused: false});
				}

				store.dispatch({type: 'ui/pane', pane: hit.pane});
				return;
			}

			case 'row': {
				if (ui.shell?.focused) {
					store.dispatch({type: 'shell/focus', focused: false});
				}

				if (ui.inspector?.focused) {
					store.dispatch({type: 'inspector/focus', focused: false});
				}

				const rowKey = rowKeys(state, hit.pane)[hit.index];
				if (rowKey !== undefined) {
					store.dispatch({type: 'ui/select', pane: hit.pane, key: rowKey});
				}

				return;
			}

			case 'list': {
				if (ui.shell?.focused) {
					store.dispatch({type: 'shell/focus', focused: false});
				}

				if (ui.inspector?.focused) {
					store.dispatch({type: 'inspector/focus', focused: false});
				}

				return;
			}

			case 'overlay': {
				// Nothing to click in help or details.
			}
		}
	};

	const take = (press: Press) => {
		if (holding && !isForceQuit(press)) {
			queue.push(press);
			return;
		}

		route(press);
	};

	return {
		feed(raw) {
			for (const press of parser.push(raw)) {
				take(press);
			}
		},
		flush() {
			for (const press of parser.flush()) {
				take(press);
			}
		},
		async idle() {
			if (!holding) {
				return;
			}

			return new Promise(resolve => {
				waiters.push(resolve);
			});
		},
	};
}
