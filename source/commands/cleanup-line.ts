/**
Handlers for the `:` command line (`:volumes`, `:networks`, `:info`, `:version`, `:df`, `:prune`): each takes
the words after the command name. They only show panes and open the prune screen; what they show is read the
way the keys read it.

- `:volumes [filter]`, `:networks [filter]`: the pane, filtered by the words when there are any.
- `:info`, `:version`, `:df`: the Engine pane, read again; `:df -v` (or `:df images|containers|volumes|build-cache`)
  opens the detail of one kind (images by default).
- `:prune [-a] [--all|--volumes] [until=24h] [label=k=v] [label!=k] [--filter …]`: the prune preview with those
  options, as the CLI spells them.
*/
import {parseFilters} from '../cleanup/prune-filters.js';
import {refreshEngine} from '../state/cleanup-sync.js';
import {defaultPruneOptions} from '../state/cleanup-types.js';
import {openCleanupDetails} from './cleanup-commands.js';
import type {CommandContext} from './context.js';
import {openPrune} from './prune.js';

/**
What a command does once its words are checked.
*/
export type CleanupLineRun = (context: CommandContext) => Promise<void>;

/**
The words checked: what to run, or why nothing is done (shown next to the prompt). The same shape as the
command line's `Result`.
*/
export type Prepared =
	| {readonly ok: true; readonly value: CleanupLineRun}
	| {readonly ok: false; readonly error: string};

const ok = (value: CleanupLineRun): Prepared => ({ok: true, value});
const fail = (error: string): Prepared => ({ok: false, error});

function showPane(
	{store}: CommandContext,
	pane: 'volumes' | 'networks' | 'engine',
	filter?: string,
) {
	store.dispatch({type: 'ui/overlay-close'});
	store.dispatch({type: 'ui/pane', pane});
	if (filter !== undefined) {
		store.dispatch({type: 'ui/filter-change', text: filter});
	}
}

const diskSections = new Set([
	'images',
	'containers',
	'volumes',
	'build-cache',
]);

const listPane =
	(pane: 'volumes' | 'networks') =>
	(words: readonly string[]): Prepared => {
		const filter = words.join(' ').trim();
		return ok(async context => {
			showPane(context, pane, filter === '' ? undefined : filter);
		});
	};

const enginePane = (words: readonly string[]): Prepared =>
	words.length > 0
		? fail(`takes nothing after it (got ${words.join(' ')})`)
		: ok(async context => {
				showPane(context, 'engine');
				await refreshEngine(context.engine, context.store);
			});

const df = (words: readonly string[]): Prepared => {
	const rest = words.filter(word => word !== '-v' && word !== '--verbose');
	const [section, ...extra] = rest;
	if (
		extra.length > 0 ||
		(section !== undefined && !diskSections.has(section))
	) {
		return fail(
			`[-v] [images|containers|volumes|build-cache]: ${rest.join(' ')} is not one of those`,
		);
	}

	const detail = section !== undefined || rest.length < words.length;
	return ok(async context => {
		showPane(context, 'engine');
		if (detail) {
			context.store.dispatch({
				type: 'ui/select',
				pane: 'engine',
				key: section ?? 'images',
			});
			await openCleanupDetails(context, 'engine', section ?? 'images');
			return;
		}

		await refreshEngine(context.engine, context.store);
	});
};

/**
`:prune` with the CLI's own spellings (`-a`/`--all` for every unused image, `--volumes` for named volumes, `--filter k=v`, or `until=…`/`label=…`
bare); errors in words before anything opens.
*/
export function parsePruneWords(words: readonly string[], now: number) {
	let allImages = false;
	let namedVolumes = false;
	const filterWords: string[] = [];
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		if (word === '-a' || word === '--all') {
			allImages = true;
		} else if (word === '--volumes') {
			namedVolumes = true;
		} else if (word === '--filter' || word === '-f') {
			const next = words[++index];
			if (next === undefined) {
				return {ok: false, error: `${word} needs a filter after it`} as const;
			}

			filterWords.push(next);
		} else {
			filterWords.push(word);
		}
	}

	const filters = parseFilters(filterWords.join(' '), now);
	if (!filters.ok) {
		return filters;
	}

	return {
		ok: true,
		value: {
			...defaultPruneOptions,
			allImages,
			namedVolumes,
			filters: filters.value,
		},
	} as const;
}

const prune = (words: readonly string[], now: number): Prepared => {
	const parsed = parsePruneWords(words, now);
	if (!parsed.ok) {
		return fail(parsed.error);
	}

	return ok(async context => {
		await openPrune(context, parsed.value);
	});
};

/**
The handlers by command name: `prepare(words, now)` checks the words after the name and returns what to run.
*/
export const cleanupLineCommands: Readonly<
	Record<
		'volumes' | 'networks' | 'info' | 'version' | 'df' | 'prune',
		{
			readonly usage: string;
			readonly description: string;
			readonly prepare: (words: readonly string[], now: number) => Prepared;
		}
	>
> = {
	volumes: {
		usage: '[FILTER]',
		description: 'The Volumes pane, filtered by FILTER',
		prepare: listPane('volumes'),
	},
	networks: {
		usage: '[FILTER]',
		description: 'The Networks pane, filtered by FILTER',
		prepare: listPane('networks'),
	},
	info: {
		usage: '',
		description: 'docker info: the Engine pane, read again',
		prepare: enginePane,
	},
	version: {
		usage: '',
		description: 'docker version: the Engine pane, read again',
		prepare: enginePane,
	},
	df: {
		usage: '[-v] [images|containers|volumes|build-cache]',
		description: 'docker system df; with -v or a kind, the detail of that kind',
		prepare: df,
	},
	prune: {
		usage: '[-a|--all] [--volumes] [--filter until=24h] [--filter label=k=v]',
		description: 'The cleanup preview: what a prune would remove, item by item',
		prepare: prune,
	},
};
