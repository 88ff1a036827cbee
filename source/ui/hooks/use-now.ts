import {useEffect, useRef, useState} from 'react';

/**
The current time, read every `intervalMs`, for ages and uptimes on screen. It never asks the engine anything.

With `shown`, the component re-renders only when the text that the time drives changes: `shown(now)` returns it
(the ages of the rows, a countdown), and a tick whose text equals what is on screen does nothing. Ages read
`12s` for the first minute and then `5m`, so an idle dashboard re-renders at most once a minute. Without it, every
tick re-renders.
*/
const useNow = (intervalMs = 1000, shown?: (now: number) => string): number => {
	const [now, setNow] = useState(Date.now);
	const latest = useRef(shown);
	latest.current = shown;
	// The text on screen: what `shown` gives for the time this render used.
	const onScreen = useRef<string | undefined>(undefined);
	onScreen.current = shown?.(now);
	useEffect(() => {
		const timer = setInterval(() => {
			const time = Date.now();
			const text = latest.current?.(time);
			if (text === undefined || text !== onScreen.current) {
				setNow(time);
			}
		}, intervalMs);
		return () => {
			clearInterval(timer);
		};
	}, [intervalMs]);
	return now;
};

export default useNow;
