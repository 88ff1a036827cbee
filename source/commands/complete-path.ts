import fs from 'node:fs';
import {hostPath} from '../forms/transfer-forms.js';
import {completePath} from '../host/path-complete.js';
import type {Store} from '../state/store.js';

/**
Tab in a path field of the open form, while what is typed names nothing on disk yet: completes the path as far as
the matching entries agree; when nothing can be added, lists them under the field (up to a line of them); a Tab
after that, the text unchanged, answers false and the caller moves on to the next field. A path that exists as
typed (a context folder typed in full, then Tab), an empty field, or not a path field: false, so that Tab stays
"next field" for whoever types a whole path.
*/
export function completeFocusedPath(store: Store): boolean {
	const {overlay} = store.getState().ui;
	const field =
		overlay?.kind === 'form' ? overlay.fields[overlay.focus] : undefined;
	if (field?.kind !== 'text' || field.complete === undefined) {
		return false;
	}

	if (
		field.candidates !== undefined ||
		field.value.trim() === '' ||
		fs.existsSync(hostPath(field.value))
	) {
		return false;
	}

	const {text, candidates} = completePath(field.value, {
		foldersOnly: field.complete === 'folder',
	});
	if (text !== field.value) {
		store.dispatch({type: 'ui/field-complete', id: field.id, value: text});
		return true;
	}

	if (candidates.length < 2) {
		return false;
	}

	const shown = candidates.slice(0, 8).join('  ');
	const more =
		candidates.length > 8 ? `  and ${candidates.length - 8} more` : '';
	store.dispatch({
		type: 'ui/field-complete',
		id: field.id,
		value: field.value,
		candidates: shown + more,
	});
	return true;
}
