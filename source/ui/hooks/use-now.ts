import {useEffect, useState} from 'react';

/**
The current time, updated every `intervalMs`, for ages and uptimes on screen. It only re-renders the clock's
users; it never asks the engine anything.
*/
const useNow = (intervalMs = 1000): number => {
	const [now, setNow] = useState(Date.now);
	useEffect(() => {
		const timer = setInterval(() => {
			setNow(Date.now());
		}, intervalMs);
		return () => {
			clearInterval(timer);
		};
	}, [intervalMs]);
	return now;
};

export default useNow;
