import type {Busy, MarkablePane} from '../../state/types.js';
import {useAppState} from '../context.js';
import useSpinner from './use-spinner.js';

/**
What a pane's table needs to show marks and busy rows: the marked keys, the busy rows, and a badge (the spinner
frame) for each busy row.
*/
const useRowMarks = (
	pane: MarkablePane,
): {
	readonly marked: ReadonlySet<string>;
	readonly busy: ReadonlyMap<string, Busy>;
	readonly badges: ReadonlyMap<string, string>;
} => {
	const marked = useAppState(state => state.ui.marks[pane]);
	const busy = useAppState(state => state.ui.busy);
	const frame = useSpinner(busy.size > 0);
	const badges = new Map<string, string>();
	for (const key of busy.keys()) {
		badges.set(key, frame);
	}

	return {marked, busy, badges};
};

export default useRowMarks;
