import {dialogTargets} from '../state/dialog-selectors.js';
import type {Store} from '../state/store.js';
import type {AppState, DialogItem, DialogOverlay} from '../state/types.js';
import {removeDialog} from './remove-containers.js';

/**
A dialog follows what it is about while it is open (issue 8): when every object it names is gone (removed
elsewhere), it offers only Close; a remove dialog whose container stopped meanwhile offers Remove instead of
"Stop, then remove" (and the other way round), keeping the ticked options and the focused choice. Pure: the
state and the open dialog in, the dialog to show out (the same object when nothing changed).
*/
export function followDialog(
	state: AppState,
	dialog: DialogOverlay,
): DialogOverlay {
	const {pane, targets} = dialogTargets(dialog.purpose);
	if (pane !== 'containers' && pane !== 'images') {
		// Volumes and networks dialogs: the engine's answer on confirm says what changed meanwhile.
		return dialog;
	}

	const rows = pane === 'containers' ? state.containers : state.images;
	const alive = targets.filter(target => rows.has(target.id));
	// A dialog that names no objects of its own (contexts, compose down, a disconnect) has nothing to lose.
	if (targets.length > 0 && alive.length === 0) {
		const closeOnly: DialogItem[] = [
			{kind: 'choice', id: 'cancel', label: 'Close'},
		];
		// What the notes said about the objects (their state, the choices) no longer holds: the view says
		// each is gone.
		return same(dialog.items, closeOnly) && dialog.notes.length === 0
			? dialog
			: {...dialog, notes: [], items: closeOnly, focus: 0};
	}

	const refused = dialog.notes.some(note =>
		note.text.startsWith('The engine refused'),
	);
	if (dialog.purpose.type !== 'remove-containers' || refused) {
		return dialog;
	}

	const volumes = dialog.items.some(
		item => item.kind === 'toggle' && item.id === 'volumes' && item.value,
	);
	const next = removeDialog(state, dialog.purpose.targets, {volumes});
	if (
		same(next.items, dialog.items) &&
		JSON.stringify(next.notes) === JSON.stringify(dialog.notes)
	) {
		return dialog;
	}

	const focused = dialog.items[dialog.focus]?.id;
	const at = next.items.findIndex(item => item.id === focused);
	return {
		...next,
		focus: at === -1 ? Math.min(dialog.focus, next.items.length - 1) : at,
	};
}

const same = (a: readonly DialogItem[], b: readonly DialogItem[]) =>
	JSON.stringify(a) === JSON.stringify(b);

/**
Keeps the open dialog in step with the store; returns the unsubscribe.
*/
export function followDialogs(store: Store): () => void {
	const check = () => {
		const state = store.getState();
		const {overlay} = state.ui;
		if (overlay?.kind !== 'dialog') {
			return;
		}

		const next = followDialog(state, overlay);
		if (next !== overlay) {
			store.dispatch({type: 'ui/overlay-open', overlay: next});
		}
	};

	check();
	return store.subscribe(check);
}
