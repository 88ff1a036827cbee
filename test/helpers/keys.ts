/**
An Ink key press with no flag set, to spread test cases over: `{...noKey, ctrl: true}`. The same one the keymap
reads raw input with.
*/
export {noKey} from '../../source/keymap/presses.js';
