import type {Key} from 'ink';

/**
An Ink key press with no flag set, to spread test cases over: `{...noKey, ctrl: true}` (for `keyName` and
`resolve`, which still read Ink's `Key`).
*/
export const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};
