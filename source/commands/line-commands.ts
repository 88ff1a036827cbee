/**
The keys of the `:` command line and of the command log: open, run, complete, history, scroll.
*/
import {completionsFor} from '../command-line/complete.js';
import {submitLine} from '../command-line/submit.js';
import {quoteWord} from '../forms/shell-split.js';
import type {Command, CommandContext} from './context.js';

/**
The longest start all of `texts` share.
*/
export function commonPrefix(texts: readonly string[]): string {
	let prefix = texts[0] ?? '';
	for (const text of texts.slice(1)) {
		while (!text.startsWith(prefix)) {
			prefix = prefix.slice(0, -1);
		}
	}

	return prefix;
}

/**
How many candidates a Tab cycle goes through.
*/
const maxCycle = 50;

/**
Tab (`step` 1) and Shift-Tab (-1): completes the word at the cursor. One candidate is put in with a space after it;
several that share a longer start get that start; otherwise the first (or last) goes in, and each further Tab puts
in the next one.
*/
export function completeLine({store}: CommandContext, step: 1 | -1): void {
	const state = store.getState();
	const line = state.ui.commandLine;
	if (!line) {
		return;
	}

	const {cycle} = line;
	if (cycle && line.value === cycle.applied) {
		const count = cycle.candidates.length;
		const index = (cycle.index + step + count) % count;
		const value = `${line.value.slice(0, cycle.from)}${quoteWord(cycle.candidates[index]!)} `;
		store.dispatch({
			type: 'cmdline/set',
			value,
			cycle: {...cycle, index, applied: value},
		});
		return;
	}

	const completion = completionsFor(state, line.value, line.cursor);
	const texts = completion.candidates.map(candidate => candidate.text);
	if (texts.length === 0) {
		return;
	}

	const before = line.value.slice(0, completion.from);
	const after = line.value.slice(line.cursor);
	if (texts.length === 1) {
		store.dispatch({
			type: 'cmdline/set',
			value: `${before}${quoteWord(texts[0]!)} ${after.trimStart()}`,
		});
		return;
	}

	const prefix = commonPrefix(
		texts.filter(text => text.startsWith(completion.word)),
	);
	if (prefix.length > completion.word.length) {
		store.dispatch({type: 'cmdline/set', value: before + prefix + after});
		return;
	}

	const candidates = texts.slice(0, maxCycle);
	const index = step === 1 ? 0 : candidates.length - 1;
	const value = `${before}${quoteWord(candidates[index]!)} `;
	store.dispatch({
		type: 'cmdline/set',
		value,
		cycle: {from: completion.from, candidates, index, applied: value},
	});
}

const scrollLog =
	(to: number | 'top' | 'bottom'): Command =>
	({store}) => {
		store.dispatch({type: 'ui/overlay-scroll', to});
	};

const pageLog =
	(direction: 1 | -1): Command =>
	({store, pageSize}) => {
		store.dispatch({
			type: 'ui/overlay-scroll',
			to: direction * Math.max(1, pageSize() - 1),
		});
	};

export const lineCommands = {
	'app.command-line'({store}) {
		store.dispatch({type: 'cmdline/open'});
	},
	async 'command.run'(context) {
		const line = context.store.getState().ui.commandLine;
		if (line) {
			await submitLine(context, line.value);
		}
	},
	'command.cancel'({store}) {
		store.dispatch({type: 'cmdline/close'});
	},
	'command.complete'(context) {
		completeLine(context, 1);
	},
	'command.complete-back'(context) {
		completeLine(context, -1);
	},
	'command.history-back'({store}) {
		store.dispatch({type: 'cmdline/history-move', delta: -1});
	},
	'command.history-forward'({store}) {
		store.dispatch({type: 'cmdline/history-move', delta: 1});
	},
	'log.close'({store}) {
		store.dispatch({type: 'ui/overlay-close'});
	},
	'log.down': scrollLog(1),
	'log.up': scrollLog(-1),
	'log.page-down': pageLog(1),
	'log.page-up': pageLog(-1),
	'log.top': scrollLog('top'),
	'log.bottom': scrollLog('bottom'),
} satisfies Record<string, Command>;
