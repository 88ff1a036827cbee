import process from 'node:process';
/**
The lists' sort orders, kept across runs: `$XDG_STATE_HOME/dockpit/sort.json` (else `~/.local/state/dockpit/`).
A file that is missing or unreadable is the defaults; one that cannot be written is left as it was (sorting still
works for this run).
*/
import fs from 'node:fs';
import path from 'node:path';
import {type SortOrder, validSort} from '../state/sort.js';
import type {Store} from '../state/store.js';
import {type PaneId, paneIds} from '../state/types.js';

export function sortFilePath(
	env: Readonly<Record<string, string | undefined>>,
	homeDir: string,
): string {
	const base =
		env['XDG_STATE_HOME'] && path.isAbsolute(env['XDG_STATE_HOME'])
			? env['XDG_STATE_HOME']
			: path.join(homeDir, '.local', 'state');
	return path.join(base, 'dockpit', 'sort.json');
}

export function readSortFile(file: string): Partial<Record<PaneId, SortOrder>> {
	let stored: unknown;
	try {
		stored = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return {};
	}

	const result: Partial<Record<PaneId, SortOrder>> = {};
	for (const pane of paneIds) {
		const order = validSort(
			pane,
			(stored as Record<string, unknown> | null)?.[pane],
		);
		if (order) {
			result[pane] = order;
		}
	}

	return result;
}

export function writeSortFile(
	file: string,
	sort: Readonly<Record<PaneId, SortOrder>>,
): void {
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		const temporary = `${file}.${process.pid}.tmp`;
		fs.writeFileSync(temporary, JSON.stringify(sort, undefined, '\t') + '\n');
		fs.renameSync(temporary, file);
	} catch {}
}

/**
Writes the sort orders whenever they change; returns the unsubscribe.
*/
export function keepSortOrders(store: Store, file: string): () => void {
	let last = store.getState().ui.sort;
	return store.subscribe(() => {
		const {sort} = store.getState().ui;
		if (sort !== last) {
			last = sort;
			writeSortFile(file, sort);
		}
	});
}
