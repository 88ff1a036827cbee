import {useAppState} from '../context.js';
import useSpinner from './use-spinner.js';

/**
A spinner frame for each row with an engine call in flight, by key.
*/
const useBusyBadges = (): ReadonlyMap<string, string> => {
	const busy = useAppState(state => state.ui.busy);
	const frame = useSpinner(busy.size > 0);
	return new Map([...busy.keys()].map(key => [key, frame]));
};

export default useBusyBadges;
