import type {Store} from './store.js';

/**
The next number in the state's one series (`AppState.serial`): what names a busy spinner, a command-log entry, a
transfer or a log stream, so that an answer arriving late is matched to its own. Kept in the state rather than
in a module so that two stores (two engines' tests, a component test after another) never share a count.
*/
export function takeSerial(store: Store): number {
	store.dispatch({type: 'serial/take'});
	return store.getState().serial;
}
