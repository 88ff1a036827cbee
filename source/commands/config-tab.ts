/**
The inspector's keys on its Config tab: a cursor moves through the inspect document (j/k, pages, g/G), Enter
folds or unfolds the node under it (h/← folds, or goes up to the parent; l/→ unfolds), `/` searches keys and
values (n down, N up; a match inside a folded node unfolds what holds it), `y` copies the value under the
cursor through the terminal's clipboard (OSC 52): a string as it is, anything else as JSON. On every other tab
these keys do what `inspector.ts` has them do: `configTab(inspectorCommands)` wraps those handlers.
*/
import {
	ancestors,
	copyText,
	jsonLines,
	type JsonLine,
	lineText,
	valueAt,
} from '../inspector/json-tree.js';
import {compileQuery, type Query} from '../inspector/log-search.js';
import sanitize from '../format/printable.js';
import {emptyConfigView} from '../state/config-view.js';
import {inspectorTab} from '../state/inspector-reducer.js';
import type {Command, CommandContext} from './context.js';

type Shown = {
	readonly document: unknown;
	readonly lines: readonly JsonLine[];
	readonly cursor: number;
	readonly view: typeof emptyConfigView;
};

const onConfig = (context: CommandContext) =>
	inspectorTab(context.store.getState()) === 'config';

/**
The document as the tab shows it now (folds applied), and where the cursor is; undefined before it loaded.
*/
function shown(context: CommandContext): Shown | undefined {
	const state = context.store.getState();
	const snapshot = context.inspector?.snapshot();
	const document = state.ui.inspector?.reveal
		? snapshot?.configRevealed
		: snapshot?.config;
	if (document === undefined) {
		return undefined;
	}

	const view = state.ui.configView ?? emptyConfigView;
	const lines = jsonLines(document, view.folded);
	const found = lines.findIndex(line => line.id === view.cursor);
	return {document, lines, cursor: found === -1 ? 0 : found, view};
}

const flash = (
	{store}: CommandContext,
	text: string,
	level: 'info' | 'success' | 'muted' | 'error' = 'muted',
) => {
	store.dispatch({type: 'ui/flash', text, level});
};

const rows = (context: CommandContext) =>
	Math.max(1, context.inspector?.view().rows ?? context.pageSize());

const moveTo =
	(to: (now: Shown, context: CommandContext) => number): Command =>
	context => {
		const now = shown(context);
		if (!now || now.lines.length === 0) {
			return;
		}

		const index = Math.max(0, Math.min(now.lines.length - 1, to(now, context)));
		context.store.dispatch({
			type: 'configview/cursor',
			id: now.lines[index]!.id,
		});
	};

const fold = (context: CommandContext, mode: 'toggle' | 'fold' | 'unfold') => {
	const now = shown(context);
	const line = now?.lines[now.cursor];
	if (!now || !line) {
		return;
	}

	const {store} = context;
	if (line.kind === 'value') {
		if (mode === 'unfold') {
			return;
		}

		// On a scalar, folding goes up to the node that holds it (h/←); Enter says what it folds.
		const parent = ancestors(line.path).at(-1);
		if (mode === 'toggle' || parent === undefined) {
			flash(context, 'Enter folds objects and arrays; h folds the one around');
			return;
		}

		store.dispatch({type: 'configview/cursor', id: parent});
		return;
	}

	const folded = now.view.folded.has(line.path);
	if (mode === 'fold' && folded) {
		// Already folded: up to the parent, as in a file tree.
		const parent = ancestors(line.path).at(-1);
		if (parent !== undefined) {
			store.dispatch({type: 'configview/cursor', id: parent});
		}

		return;
	}

	const next = mode === 'toggle' ? !folded : mode === 'fold';
	if (next === folded) {
		return;
	}

	store.dispatch({
		type: 'configview/fold',
		paths: [line.path],
		fold: next,
		cursor: line.path,
	});
};

/**
The lines of the whole document (nothing folded) that match `query`, in order.
*/
function matches(
	document: unknown,
	query: Query,
): {readonly lines: JsonLine[]; readonly error?: string} {
	const matcher = compileQuery(query);
	if ('error' in matcher) {
		return {lines: [], error: matcher.error};
	}

	return {
		lines: jsonLines(document).filter(line => matcher.test(lineText(line))),
	};
}

/**
The match after (`1`) or before (`-1`) the cursor, going round at the ends; the cursor line itself when
`including`.
*/
function findMatch(
	now: Shown,
	query: Query,
	direction: 1 | -1,
	including = false,
): {readonly line?: JsonLine; readonly error?: string; readonly count: number} {
	const found = matches(now.document, query);
	if (found.error || found.lines.length === 0) {
		return {count: 0, ...(found.error ? {error: found.error} : {})};
	}

	// Where the cursor is in the whole document: the ids of folded and unfolded lines are the same.
	const all = jsonLines(now.document);
	const at = Math.max(
		0,
		all.findIndex(line => line.id === now.lines[now.cursor]?.id),
	);
	const position = new Map(all.map((line, index) => [line.id, index]));
	const ordered = found.lines;
	const after = ordered.filter(line =>
		direction === 1
			? (position.get(line.id) ?? 0) > at ||
				(including && position.get(line.id) === at)
			: (position.get(line.id) ?? 0) < at,
	);
	const line =
		direction === 1
			? (after[0] ?? ordered[0])
			: (after.at(-1) ?? ordered.at(-1));
	return {...(line ? {line} : {}), count: ordered.length};
}

/**
Puts the cursor on `line`, unfolding whatever holds it.
*/
function goTo(context: CommandContext, line: JsonLine, query?: Query) {
	context.store.dispatch({
		type: 'configview/search',
		...(query ? {query} : {}),
		cursor: line.id,
		// A closing line is there only while its own node is open too.
		unfold: [
			...ancestors(line.path),
			...(line.kind === 'close' ? [line.path] : []),
		],
	});
}

const jump =
	(direction: 1 | -1): Command =>
	context => {
		const now = shown(context);
		const query = now?.view.search;
		if (!now || !query) {
			flash(context, 'No search: / searches the document');
			return;
		}

		const found = findMatch(now, query, direction);
		if (!found.line) {
			flash(context, `No match for ${sanitize(query.text)}`);
			return;
		}

		goTo(context, found.line, query);
	};

const applySearch: Command = context => {
	const {store} = context;
	const prompt = store.getState().ui.inspector?.prompt;
	store.dispatch({type: 'inspector/prompt-close', apply: false});
	if (!prompt) {
		return;
	}

	if (prompt.value === '') {
		store.dispatch({type: 'configview/search'});
		return;
	}

	const query = {text: prompt.value, regex: prompt.regex};
	const now = shown(context);
	if (!now) {
		store.dispatch({type: 'configview/search', query});
		return;
	}

	const found = findMatch(now, query, 1, true);
	if (found.error) {
		flash(context, found.error, 'error');
		return;
	}

	if (!found.line) {
		store.dispatch({type: 'configview/search', query});
		flash(context, `No match for ${sanitize(query.text)}`);
		return;
	}

	goTo(context, found.line, query);
	flash(
		context,
		`${found.count} line${found.count === 1 ? '' : 's'} match; n next, N previous`,
		'info',
	);
};

const copy: Command = context => {
	const now = shown(context);
	const line = now?.lines[now.cursor];
	if (!now || !line) {
		flash(context, 'Nothing to copy yet');
		return;
	}

	if (!context.clipboard) {
		flash(context, 'No terminal clipboard here', 'error');
		return;
	}

	const text = copyText(valueAt(now.document, line.path));
	const where =
		line.path === ''
			? 'the whole document'
			: sanitize(
					line.path
						.split('/')
						.slice(1)
						.map(part => part.replaceAll('~1', '/').replaceAll('~0', '~'))
						.join('.'),
				);
	try {
		context.clipboard.copy(text);
	} catch (error) {
		flash(
			context,
			`${where}: ${error instanceof Error ? error.message : String(error)}`,
			'error',
		);
		return;
	}

	flash(
		context,
		`Copied ${where} (${text.length.toLocaleString('en-US')} character${text.length === 1 ? '' : 's'}) to the clipboard`,
		'success',
	);
};

/**
The Config tab's handlers in front of `base`'s: each key does the Config thing on the Config tab and what
`base` has it do elsewhere (`y` copies log lines in Logs). `inspector.fold` is Config-only.
*/
type Wrapped =
	| 'inspector.down'
	| 'inspector.up'
	| 'inspector.page-down'
	| 'inspector.page-up'
	| 'inspector.top'
	| 'inspector.bottom'
	| 'inspector.left'
	| 'inspector.right'
	| 'inspector.search'
	| 'inspector.next-match'
	| 'inspector.previous-match'
	| 'inspector.prompt-apply'
	| 'inspector.copy';

export function configTab(base: Readonly<Record<Wrapped, Command>>) {
	const either =
		(name: Wrapped, config: Command): Command =>
		context =>
			onConfig(context) ? config(context) : base[name](context);
	const pages = (direction: 1 | -1) =>
		moveTo((now, context) => now.cursor + direction * (rows(context) - 1));
	return {
		'inspector.down': either(
			'inspector.down',
			moveTo(now => now.cursor + 1),
		),
		'inspector.up': either(
			'inspector.up',
			moveTo(now => now.cursor - 1),
		),
		'inspector.page-down': either('inspector.page-down', pages(1)),
		'inspector.page-up': either('inspector.page-up', pages(-1)),
		'inspector.top': either(
			'inspector.top',
			moveTo(() => 0),
		),
		'inspector.bottom': either(
			'inspector.bottom',
			moveTo(now => now.lines.length - 1),
		),
		'inspector.left': either('inspector.left', context => {
			fold(context, 'fold');
		}),
		'inspector.right': either('inspector.right', context => {
			fold(context, 'unfold');
		}),
		'inspector.search': either('inspector.search', ({store}) => {
			store.dispatch({type: 'configview/prompt-open'});
		}),
		'inspector.next-match': either('inspector.next-match', jump(1)),
		'inspector.previous-match': either('inspector.previous-match', jump(-1)),
		'inspector.prompt-apply'(context) {
			const {prompt} = context.store.getState().ui.inspector ?? {};
			if (onConfig(context) && prompt?.kind === 'search') {
				applySearch(context);
				return;
			}

			return base['inspector.prompt-apply'](context);
		},
		'inspector.fold'(context) {
			if (onConfig(context)) {
				fold(context, 'toggle');
			}
		},
		'inspector.copy': either('inspector.copy', copy),
	} satisfies Record<string, Command>;
}
