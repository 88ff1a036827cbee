import type {ShellPane as Pane} from '../../state/types.js';

/**
The question in the status line while `x` waits for a yes to replace the pane's running session.
*/
export function replaceQuestion(pane: Pane | undefined): string | undefined {
	const next = pane?.replace;
	if (!next) {
		return undefined;
	}

	const current = pane.mode === 'exec' ? 'the shell' : 'the attached session';
	const wanted = next.mode === 'exec' ? 'open a shell' : 'attach';
	// The keys first: a long name may cut the end of the line.
	return `y/n: close ${current} in ${pane.name} and ${wanted} in ${next.name}?`;
}
