/**
Completion of a host path typed into a form (the build context, a tar to load, where to save): what Tab does in
a path field, as a shell does it. The typed text keeps its form (`~/`, relative, absolute); only the last part
grows, to the longest start all matching entries share, and a lone folder gets its `/`. Hidden entries are
offered only when the last part starts with a dot.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

export type PathCompletion = {
	/**
	The text with the completion; equal to the typed text when nothing could be added.
	*/
	readonly text: string;
	/**
	The entries that match the last part, folders with a trailing `/`, sorted.
	*/
	readonly candidates: readonly string[];
};

export type Entry = {readonly name: string; readonly folder: boolean};

export function completePath(
	typed: string,
	options: {
		/**
		Offer only folders (a build context), or files too.
		*/
		readonly foldersOnly?: boolean;
		readonly cwd?: string;
		readonly home?: string;
		readonly list?: (folder: string) => readonly Entry[];
	} = {},
): PathCompletion {
	const cwd = options.cwd ?? process.cwd();
	const home = options.home ?? os.homedir();
	const list = options.list ?? listFolder;
	const cut = typed.lastIndexOf('/');
	const head = cut === -1 ? '' : typed.slice(0, cut + 1);
	const base = cut === -1 ? typed : typed.slice(cut + 1);
	if (typed === '~') {
		return {text: '~/', candidates: []};
	}

	const expanded = head.startsWith('~/')
		? path.join(home, head.slice(2))
		: head;
	const folder = path.resolve(cwd, expanded === '' ? '.' : expanded);
	const matches = list(folder)
		.filter(entry => entry.name.startsWith(base))
		.filter(entry => base.startsWith('.') || !entry.name.startsWith('.'))
		.filter(entry => entry.folder || !options.foldersOnly)
		.map(entry => (entry.folder ? `${entry.name}/` : entry.name))
		.sort();
	if (matches.length === 0) {
		return {text: typed, candidates: []};
	}

	const shared = matches.reduce((common, name) => {
		let length = 0;
		while (
			length < common.length &&
			length < name.length &&
			common[length] === name[length]
		) {
			length++;
		}

		return common.slice(0, length);
	});
	return {text: head + shared, candidates: matches};
}

function listFolder(folder: string): Entry[] {
	try {
		return fs.readdirSync(folder, {withFileTypes: true}).map(entry => ({
			name: entry.name,
			folder:
				entry.isDirectory() ||
				(entry.isSymbolicLink() && isFolder(path.join(folder, entry.name))),
		}));
	} catch {
		return [];
	}
}

function isFolder(file: string): boolean {
	try {
		return fs.statSync(file).isDirectory();
	} catch {
		return false;
	}
}
