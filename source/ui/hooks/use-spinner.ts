import {useEffect, useState} from 'react';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
A spinner frame that turns every 100 ms while `active`; no timer (and no re-render) otherwise.
*/
const useSpinner = (active: boolean): string => {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		if (!active) {
			return;
		}

		const timer = setInterval(() => {
			setFrame(current => (current + 1) % frames.length);
		}, 100);
		return () => {
			clearInterval(timer);
		};
	}, [active]);
	return frames[frame] ?? frames[0]!;
};

export default useSpinner;
